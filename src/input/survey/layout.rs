//! The header of a survey export: how many rows it has (one for most
//! tools, three for Qualtrics, two for SurveyMonkey) and what each column
//! holds.

use crate::input::survey::collected::{qualtrics_column, tool_column};
use crate::input::survey::{Field, SurveyOptions, same};
use crate::{Agency, ExportProblem, Facilitator, Obstacle};

/// The tools' metadata columns, skipped in every layout: Qualtrics',
/// SurveyMonkey's, Microsoft Forms' and Google Forms' (and those of
/// [`tool_column`]).
const METADATA: [&str; 28] = [
    // Qualtrics
    "StartDate",
    "EndDate",
    "Status",
    "IPAddress",
    "Progress",
    "Duration (in seconds)",
    "Finished",
    "RecordedDate",
    "RecipientLastName",
    "RecipientFirstName",
    "RecipientEmail",
    "ExternalReference",
    "LocationLatitude",
    "LocationLongitude",
    "DistributionChannel",
    "UserLanguage",
    // SurveyMonkey
    "Collector ID",
    "Start Date",
    "End Date",
    "IP Address",
    "First Name",
    "Last Name",
    // Microsoft Forms
    "Start time",
    "Completion time",
    "Email",
    "Name",
    "Last modified time",
    // Google Forms
    "Timestamp",
];

/// The headers that name the respondent's column when no option does, the
/// first found taking it: the crate's own, Qualtrics', SurveyMonkey's,
/// Microsoft Forms'.
const RESPONDENT: [&str; 4] = ["respondent", "ResponseId", "Respondent ID", "ID"];

/// How a tool lays out the header of its export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Layout {
    /// One header row: the crate's template, Google Forms, Microsoft Forms
    /// and any generic export.
    OneRow,
    /// Qualtrics: export tags (`Q3_2`), question text (`… - Leadership`),
    /// import ids (`{"ImportId":"QID3_2"}`).
    Qualtrics,
    /// SurveyMonkey: question text over the first column of each question,
    /// then the matrix rows (`Leadership`) or `Response`.
    SurveyMonkey,
}

impl Layout {
    /// The layout of an export whose first rows are `rows` (up to three).
    pub(crate) fn of(rows: &[Vec<String>]) -> Layout {
        let filled = |row: &Vec<String>| row.iter().filter(|c| !c.trim().is_empty()).count();
        if let Some(third) = rows.get(2)
            && filled(third) > 0
            && third
                .iter()
                .filter(|c| !c.trim().is_empty())
                .all(|c| c.trim_start().starts_with("{\"ImportId\""))
        {
            return Layout::Qualtrics;
        }
        let has = |row: Option<&Vec<String>>, text: &str| {
            row.is_some_and(|row| row.iter().any(|c| same(c, text)))
        };
        if has(rows.first(), "Respondent ID") && has(rows.get(1), "Response") {
            return Layout::SurveyMonkey;
        }
        Layout::OneRow
    }

    /// How many header rows it has.
    pub(crate) fn header_rows(self) -> usize {
        match self {
            Layout::OneRow => 1,
            Layout::SurveyMonkey => 2,
            Layout::Qualtrics => 3,
        }
    }

    /// The header row (from 0) whose text names column `column`: the
    /// question text where the layout has one.
    fn label_row(self, rows: &[Vec<String>], column: usize) -> usize {
        let text = |row: usize| {
            rows.get(row)
                .and_then(|r| r.get(column))
                .map_or("", |c| c.trim())
        };
        match self {
            Layout::OneRow => 0,
            Layout::Qualtrics => usize::from(!text(1).is_empty()),
            Layout::SurveyMonkey => usize::from(!text(1).is_empty() && !same(text(1), "Response")),
        }
    }
}

/// What a column of the export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Column {
    Respondent,
    Agency,
    Role,
    Facilitator(Facilitator),
    Obstacle(Obstacle),
    /// The level of joint work with the agency at this position.
    WorkingWith(usize),
    /// Trust in the agency at this position.
    Trust(usize),
    /// The level at which the respondent sees the partnership.
    Perceived,
    /// Qualtrics' `Status` (Response Type): whether the row is a
    /// respondent's.
    Status,
    /// Qualtrics' `Finished`.
    Finished,
    Skipped,
}

/// The columns of an export: what each holds and the header that named
/// it, for errors.
#[derive(Debug)]
pub(crate) struct Columns {
    pub(crate) kinds: Vec<Column>,
    /// The columns a row is read from, by kind, each in order: the
    /// facilitators' and obstacles' ratings with their items, and the
    /// others (respondent, agency, role, levels of joint work with other
    /// agencies, trust in them, the perceived level) with what each holds.
    pub(crate) facilitators: Vec<(usize, Facilitator)>,
    pub(crate) obstacles: Vec<(usize, Obstacle)>,
    pub(crate) others: Vec<(usize, Column)>,
    /// The header text of each column (its question text where the layout
    /// has one), and the header row it is in, from 0.
    pub(crate) labels: Vec<(String, usize)>,
    /// The columns that say whether a row is a respondent's (Qualtrics'
    /// `Status`) and whether the response was finished.
    pub(crate) status: Option<usize>,
    pub(crate) finished: Option<usize>,
}

/// A problem with the header: the column (if one), its header row, and
/// what is wrong.
#[derive(Debug)]
pub(crate) struct HeaderProblem {
    pub(crate) column: Option<usize>,
    pub(crate) row: usize,
    pub(crate) label: Option<String>,
    pub(crate) problem: Result<ExportProblem, Box<crate::Error>>,
}

impl Columns {
    /// Reads the header rows of a layout.
    pub(crate) fn read(
        layout: Layout,
        rows: &[Vec<String>],
        options: &SurveyOptions,
        agencies: &[Agency],
    ) -> Result<Columns, HeaderProblem> {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let texts = |column: usize| {
            rows.iter()
                .filter_map(move |row| row.get(column))
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
        };
        let labels: Vec<(String, usize)> = (0..width)
            .map(|column| {
                let row = layout.label_row(rows, column);
                let text = rows
                    .get(row)
                    .and_then(|r| r.get(column))
                    .map_or("", |c| c.trim());
                (text.to_owned(), row)
            })
            .collect();
        let problem = |column: usize, problem: ExportProblem| {
            let (label, row) = labels.get(column).cloned().unwrap_or_default();
            HeaderProblem {
                column: Some(column),
                row,
                label: Some(label),
                problem: Ok(problem),
            }
        };
        // A column named in the options must be there.
        for (field, text) in options.columns() {
            if !(0..width).any(|column| texts(column).any(|t| same(t, text))) {
                return Err(HeaderProblem {
                    column: None,
                    row: 0,
                    label: None,
                    problem: Err(Box::new(crate::Error::ColumnNotFound {
                        field: field.id(),
                        text: text.to_owned(),
                    })),
                });
            }
        }
        let mut kinds = Vec::with_capacity(width);
        // The respondent column candidates: (priority, column).
        let mut respondents: Vec<(usize, usize)> = Vec::new();
        // SurveyMonkey heads a question's first column only: the question
        // over each column is the last one heading a column at or before it.
        let mut question = "";
        for column in 0..width {
            let label = labels.get(column).map_or("", |(l, _)| l.as_str());
            let mut texts: Vec<&str> = texts(column).collect();
            let over = rows
                .first()
                .and_then(|r| r.get(column))
                .map_or("", |c| c.trim());
            if !over.is_empty() {
                question = over;
            }
            let spanned = (layout == Layout::SurveyMonkey
                && labels.get(column).is_some_and(|(_, row)| *row == 1)
                && !question.is_empty())
            .then(|| format!("{question} - {label}"));
            if let Some(spanned) = &spanned {
                texts.push(spanned);
            }
            let import_id = (layout == Layout::Qualtrics)
                .then(|| rows.get(2).and_then(|ids| ids.get(column)))
                .flatten();
            let (kind, priority) = column_kind(&texts, label, import_id, options, agencies)
                .map_err(|p| problem(column, p))?;
            if let Some(priority) = priority {
                respondents.push((priority, column));
            }
            kinds.push(kind);
        }
        // The respondent is the best candidate; the others are skipped.
        respondents.sort_unstable();
        for &(_, column) in respondents.iter().skip(1) {
            if let Some(kind) = kinds.get_mut(column) {
                *kind = Column::Skipped;
            }
        }
        // Each kind of column once.
        for (column, kind) in kinds.iter().enumerate() {
            if *kind == Column::Skipped {
                continue;
            }
            if let Some(first) = kinds.iter().position(|k| k == kind)
                && first < column
            {
                let first = labels
                    .get(first)
                    .map(|(l, _)| l.clone())
                    .unwrap_or_default();
                return Err(problem(column, ExportProblem::DuplicateColumn { first }));
            }
        }
        for (required, name) in [(Column::Agency, "agency"), (Column::Role, "role")] {
            if !kinds.contains(&required) {
                return Err(HeaderProblem {
                    column: None,
                    row: 0,
                    label: Some(name.to_owned()),
                    problem: Ok(ExportProblem::MissingColumn),
                });
            }
        }
        Ok(Columns::new(kinds, labels))
    }

    fn new(kinds: Vec<Column>, labels: Vec<(String, usize)>) -> Columns {
        let (mut facilitators, mut obstacles, mut others) = (Vec::new(), Vec::new(), Vec::new());
        for (column, kind) in kinds.iter().enumerate() {
            match *kind {
                Column::Facilitator(item) => facilitators.push((column, item)),
                Column::Obstacle(item) => obstacles.push((column, item)),
                Column::Skipped | Column::Status | Column::Finished => {}
                other => others.push((column, other)),
            }
        }
        let of = |kind: Column| kinds.iter().position(|k| *k == kind);
        let (status, finished) = (of(Column::Status), of(Column::Finished));
        Columns {
            kinds,
            facilitators,
            obstacles,
            others,
            labels,
            status,
            finished,
        }
    }

    /// The position of the column holding `kind`, if any.
    pub(crate) fn of(&self, kind: Column) -> Option<usize> {
        self.kinds.iter().position(|k| *k == kind)
    }

    /// The header text of a column.
    pub(crate) fn label(&self, column: usize) -> &str {
        self.labels.get(column).map_or("", |(l, _)| l.as_str())
    }
}

/// Whether the options name a column with one of `texts` (its header
/// texts), for a field or to ignore it.
fn options_name(texts: &[&str], options: &SurveyOptions) -> bool {
    let any = |text: &str| texts.iter().any(|t| same(t, text));
    options.ignored().any(&any) || options.columns().any(|(_, text)| any(text))
}

/// What a column holds, from its header texts (one per header row) and
/// its label; for a respondent column, also its priority (0 for one named
/// in the options, then in the order of [`RESPONDENT`]). A column headed
/// `agency`, `role` or as a respondent column is skipped when the options
/// name another column for it. `None` for a column that names nothing.
fn kind(texts: &[&str], label: &str, options: &SurveyOptions) -> Option<(Column, Option<usize>)> {
    let any = |text: &str| texts.iter().any(|t| same(t, text));
    let named = |field: Field| options.named(field).is_some_and(&any);
    let unnamed = |field: Field| options.named(field).is_none();
    Some(if options.ignored().any(&any) {
        (Column::Skipped, None)
    } else if named(Field::Respondent) {
        (Column::Respondent, Some(0))
    } else if named(Field::Agency) {
        (Column::Agency, None)
    } else if named(Field::Role) {
        (Column::Role, None)
    } else if let Some(priority) = RESPONDENT.iter().position(|name| any(name)) {
        // A respondent column, unless the options name another.
        if unnamed(Field::Respondent) {
            (Column::Respondent, Some(priority + 1))
        } else {
            (Column::Skipped, None)
        }
    } else if let Some((_, field, column)) = [
        ("agency", Field::Agency, Column::Agency),
        ("role", Field::Role, Column::Role),
    ]
    .into_iter()
    .find(|(name, ..)| any(name))
    {
        // The column of the agency or the role, unless the options name
        // another.
        (
            if unnamed(field) {
                column
            } else {
                Column::Skipped
            },
            None,
        )
    } else if METADATA.iter().any(|name| any(name)) || texts.iter().any(|t| tool_column(t)) {
        (Column::Skipped, None)
    } else {
        // The item in the column's label, or in any of its header rows (a
        // Qualtrics export tag renamed to the item, say).
        let named = item(label).or_else(|| texts.iter().find_map(|text| item(text)));
        (named?, None)
    })
}

/// What a column holds (see [`kind`]): in a Qualtrics export, by its
/// import id (`import_id`) first when that decides and the options do not
/// name the column; then a question about another agency.
fn column_kind(
    texts: &[&str],
    label: &str,
    import_id: Option<&String>,
    options: &SurveyOptions,
    agencies: &[Agency],
) -> Result<(Column, Option<usize>), ExportProblem> {
    if let Some(kind) = import_id
        .filter(|_| !options_name(texts, options))
        .and_then(|id| qualtrics_column(id))
    {
        return Ok((kind, None));
    }
    let ignored = || {
        options
            .ignored()
            .any(|name| texts.iter().any(|t| same(t, name)))
    };
    match partner(texts, agencies) {
        Some(Ok(column)) if !ignored() => Ok((column, None)),
        Some(Err(agency)) if !ignored() => Err(ExportProblem::UnknownPartner { agency }),
        _ => kind(texts, label, options).ok_or(ExportProblem::UnknownColumn),
    }
}

/// The questions about other agencies, as headers name them.
const WORKING_WITH: &str = "Working with";
const TRUST: &str = "Trust";
const PERCEIVED: &str = "Perceived level";

/// A column about the network, from its header texts: `Working with:
/// AGENCY` or `Trust: AGENCY` (also `… [AGENCY]`, Google Forms' grid, and
/// `… - AGENCY`, Qualtrics' and SurveyMonkey's), or `Perceived level`. The
/// agency by id or name, in any case; `Err` with the agency's text when it
/// names no listed agency. `None` for any other column.
fn partner(texts: &[&str], agencies: &[Agency]) -> Option<Result<Column, String>> {
    for text in texts {
        let text = text.trim();
        if same(text, PERCEIVED)
            || text
                .split_once(':')
                .is_some_and(|(before, _)| same(before, PERCEIVED))
        {
            return Some(Ok(Column::Perceived));
        }
        for (prefix, column) in [
            (WORKING_WITH, Column::WorkingWith as fn(usize) -> Column),
            (TRUST, Column::Trust),
        ] {
            let Some(rest) = strip_prefix_folded(text, prefix) else {
                continue;
            };
            let rest = rest.trim_start();
            let agency = if let Some(after) = rest.strip_prefix(':') {
                after
            } else if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
                inner
            } else if let Some(after) = rest.strip_prefix('-') {
                after
            } else {
                continue;
            };
            let agency = agency.trim();
            return Some(
                agencies
                    .iter()
                    .position(|a| same(&a.id, agency) || same(&a.name, agency))
                    .map(column)
                    .ok_or_else(|| agency.to_owned()),
            );
        }
    }
    None
}

/// `text` after `prefix`, compared as [`same`] compares.
fn strip_prefix_folded<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    same(head, prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

/// The item a header names: by id or catalogue name, as a whole, in
/// brackets at its end (a Google Forms grid: `Title [Leadership]`), after
/// its last ` - ` (Qualtrics: `Title - Leadership`), or before a colon (the
/// crate's template: `Leadership: question text`).
fn item(header: &str) -> Option<Column> {
    let named = |text: &str| -> Option<Column> {
        let text = text.trim();
        let matches = |id: &str, name: &str| same(id, text) || same(name, text);
        Facilitator::iter()
            .find(|f| matches(f.id(), f.name()))
            .map(Column::Facilitator)
            .or_else(|| {
                Obstacle::iter()
                    .find(|o| matches(o.id(), o.name()))
                    .map(Column::Obstacle)
            })
    };
    let bracketed = || {
        let inner = header.trim().strip_suffix(']')?;
        let (_, inner) = inner.rsplit_once('[')?;
        named(inner)
    };
    let dashed = || named(header.rsplit_once(" - ")?.1);
    let titled = || named(header.split_once(':')?.0);
    named(header)
        .or_else(bracketed)
        .or_else(dashed)
        .or_else(titled)
}

#[cfg(test)]
mod tests {
    use super::{Column, Layout, item};
    use crate::{Facilitator, Obstacle};

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect()
    }

    #[test]
    fn layouts() {
        assert_eq!(
            Layout::of(&rows(&[&["respondent", "agency"]])),
            Layout::OneRow
        );
        assert_eq!(
            Layout::of(&rows(&[
                &["ResponseId", "Q1"],
                &["Response ID", "Agency?"],
                &["{\"ImportId\":\"_recordId\"}", " {\"ImportId\":\"QID1\"}"]
            ])),
            Layout::Qualtrics
        );
        assert_eq!(
            Layout::of(&rows(&[
                &["a", "b"],
                &["1", "2"],
                &["", "{\"ImportId\":1}"]
            ])),
            Layout::Qualtrics
        );
        assert_eq!(
            Layout::of(&rows(&[
                &["a", "b"],
                &["1", "2"],
                &["x", "{\"ImportId\":1}"]
            ])),
            Layout::OneRow
        );
        assert_eq!(
            Layout::of(&rows(&[&["a", "b"], &["1", "2"], &["", ""]])),
            Layout::OneRow
        );
        assert_eq!(
            Layout::of(&rows(&[&["Respondent ID", "Agency?"], &["", "Response"]])),
            Layout::SurveyMonkey
        );
        assert_eq!(
            Layout::of(&rows(&[&["respondent id", "Agency?"], &["", "response "]])),
            Layout::SurveyMonkey
        );
        assert_eq!(
            Layout::of(&rows(&[&["Respondent ID", "Agency?"], &["1", "cfa"]])),
            Layout::OneRow
        );
        assert_eq!(Layout::of(&[]), Layout::OneRow);
    }

    #[test]
    fn questions_about_other_agencies_by_header() {
        use super::partner;
        let agencies = [
            crate::Agency::new("hse", "Community Health"),
            crate::Agency::new("cfa", "Child and Family Agency - North"),
        ];
        for header in [
            "Working with: hse",
            "working with:Community Health",
            "Working with [Community Health]",
            "WORKING WITH - community health",
            " Working with - Community Health ",
        ] {
            assert_eq!(
                partner(&[header], &agencies),
                Some(Ok(Column::WorkingWith(0))),
                "{header}"
            );
        }
        // A name with ` - ` in it.
        assert_eq!(
            partner(
                &["Working with - Child and Family Agency - North"],
                &agencies
            ),
            Some(Ok(Column::WorkingWith(1)))
        );
        assert_eq!(
            partner(&["Trust [cfa]"], &agencies),
            Some(Ok(Column::Trust(1)))
        );
        assert_eq!(
            partner(&["Trust: Community Health"], &agencies),
            Some(Ok(Column::Trust(0)))
        );
        assert_eq!(
            partner(&["Perceived level"], &agencies),
            Some(Ok(Column::Perceived))
        );
        assert_eq!(
            partner(
                &["perceived level: where does the partnership stand?"],
                &agencies
            ),
            Some(Ok(Column::Perceived))
        );
        assert_eq!(
            partner(&["Working with: Tusla"], &agencies),
            Some(Err("Tusla".to_owned()))
        );
        // Not questions about other agencies.
        for header in [
            "Trust and openness",
            "Trustworthy",
            "Working",
            "Working with",
            "Perceived",
        ] {
            assert_eq!(partner(&[header], &agencies), None, "{header}");
        }
    }

    #[test]
    fn items_by_header() {
        let leadership = Some(Column::Facilitator(Facilitator::Leadership));
        for header in [
            "Leadership",
            " leadership ",
            "LEADERSHIP",
            "How present is each of these? [Leadership]",
            "How present is each of these? [leadership] ",
            "How present is each of these? - Leadership",
            "How present - is each - of these? - Leadership",
            "Leadership: To what extent…",
        ] {
            assert_eq!(item(header), leadership, "{header}");
        }
        assert_eq!(
            item("How much of a problem? [Conflict]"),
            Some(Column::Obstacle(Obstacle::Conflict))
        );
        for header in ["Leader", "[Leadership", "How present? [Leader]", "Q3_2", ""] {
            assert_eq!(item(header), None, "{header}");
        }
    }

    /// What each column of a header holds, or the problem with the
    /// header's first bad column.
    fn kinds(
        layout: Layout,
        header: &[&[&str]],
        options: &crate::SurveyOptions,
    ) -> Result<Vec<Column>, Option<crate::ExportProblem>> {
        let agencies = [
            crate::Agency::new("hse", "Community Health"),
            crate::Agency::new("garda", "Garda"),
        ];
        super::Columns::read(layout, &rows(header), options, &agencies)
            .map(|c| c.kinds)
            .map_err(|p| p.problem.ok())
    }

    #[test]
    fn only_surveymonkey_spans_a_question_over_its_columns() {
        let options = crate::SurveyOptions::new();
        // SurveyMonkey: `Working with` over its first column heads both.
        assert_eq!(
            kinds(
                Layout::SurveyMonkey,
                &[
                    &["Respondent ID", "agency", "role", "Working with", ""],
                    &["", "Response", "Response", "Community Health", "Garda"],
                ],
                &options,
            ),
            Ok(vec![
                Column::Respondent,
                Column::Agency,
                Column::Role,
                Column::WorkingWith(0),
                Column::WorkingWith(1),
            ])
        );
        // Qualtrics: the export tag over the question text is no question.
        assert_eq!(
            kinds(
                Layout::Qualtrics,
                &[
                    &["ResponseId", "Q1", "Q2", "Working with"],
                    &["Response ID", "agency", "role", "Garda"],
                    &[
                        "{\"ImportId\":\"_recordId\"}",
                        "{\"ImportId\":\"QID1\"}",
                        "{\"ImportId\":\"QID2\"}",
                        "{\"ImportId\":\"QID3\"}",
                    ],
                ],
                &options,
            ),
            Err(Some(crate::ExportProblem::UnknownColumn))
        );
        // One row: a header is not its own question.
        assert_eq!(
            kinds(
                Layout::OneRow,
                &[&["respondent", "agency", "role", "Working with"]],
                &options,
            ),
            Err(Some(crate::ExportProblem::UnknownColumn))
        );
    }

    #[test]
    fn ignored_questions_about_other_agencies_are_skipped() {
        let header: &[&[&str]] = &[&[
            "respondent",
            "agency",
            "role",
            "Working with: hse",
            "Trust: Tusla",
        ]];
        assert_eq!(
            kinds(Layout::OneRow, header, &crate::SurveyOptions::new()),
            Err(Some(crate::ExportProblem::UnknownPartner {
                agency: "Tusla".to_owned()
            }))
        );
        let options = crate::SurveyOptions::new()
            .ignore_column("working with: HSE")
            .ignore_column("Trust: Tusla");
        assert_eq!(
            kinds(Layout::OneRow, header, &options),
            Ok(vec![
                Column::Respondent,
                Column::Agency,
                Column::Role,
                Column::Skipped,
                Column::Skipped,
            ])
        );
    }
}
