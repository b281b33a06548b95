//! Exports as the tools collect them: the columns a tool writes about a
//! response rather than from the respondent, and the rows that are no
//! respondent's (a coordinator's previews, tests, spam), left out and
//! counted.

use std::fmt;

use crate::input::survey::layout::{Column, Columns};
use crate::input::survey::{Cell, Row, same, trim};
use crate::{Assessment, ExportProblem, Identifier as _};

crate::foundation::id::id_enum! {
    /// Why a row of a survey export is no respondent's answers, and left
    /// out: the kinds a [`LeftOut`] counts.
    ///
    /// Qualtrics says it in its `Status` column (Response Type), as a word
    /// or as a code whose bits say it; a row with more than one (a `Survey
    /// Preview Spam`, code 9) is counted under the first of these.
    ///
    /// ```
    /// use interagency::LeftOutKind;
    ///
    /// assert_eq!(LeftOutKind::SurveyPreview.id(), "survey_preview");
    /// assert_eq!(LeftOutKind::Spam.describe(2), "2 spam");
    /// assert_eq!(LeftOutKind::SurveyTest.describe(1), "1 survey test");
    /// ```
    #[non_exhaustive]
    pub enum LeftOutKind: "left-out row kind" {
        /// The coordinator trying the survey out (Qualtrics `Survey
        /// Preview`, `Offline Survey Preview`; code bit 1).
        SurveyPreview,
        /// A test response (Qualtrics `Survey Test`, code bit 2), such as
        /// the tool's generated test responses.
        SurveyTest,
        /// A response the tool flagged as spam (Qualtrics `Spam`, `Imported
        /// Spam`, `EX Spam`; code bit 8).
        Spam,
        /// A synthetic response (Qualtrics `Synthetic`, code bit 256).
        Synthetic,
        /// A response that was not finished (`Finished` false or `0`) and
        /// holds no answer. One not finished but holding answers is read
        /// with the answers it holds.
        Unfinished,
    }
}

impl LeftOutKind {
    /// `count` rows of this kind in words: `1 survey preview`, `2 survey
    /// previews`, `3 spam`.
    #[must_use]
    pub fn describe(self, count: usize) -> String {
        let (one, many) = match self {
            LeftOutKind::SurveyPreview => ("survey preview", "survey previews"),
            LeftOutKind::SurveyTest => ("survey test", "survey tests"),
            LeftOutKind::Spam => ("spam", "spam"),
            LeftOutKind::Synthetic => ("synthetic response", "synthetic responses"),
            LeftOutKind::Unfinished => (
                "unfinished response with no answer",
                "unfinished responses with no answer",
            ),
        };
        format!("{count} {}", if count == 1 { one } else { many })
    }
}

/// The rows of a survey export left out as no respondent's, counted by
/// kind; see [`Partnership::read_export`](crate::Partnership::read_export).
///
/// Its `Display` is the line `assess` writes to standard error: `left out
/// N rows: ...`, each kind with its count, in the order of
/// [`LeftOutKind`]; nothing at all when no row was left out.
///
/// ```
/// use interagency::{LeftOut, LeftOutKind};
///
/// let mut left_out = LeftOut::default();
/// assert!(left_out.is_empty());
/// assert_eq!(left_out.to_string(), "");
/// left_out.add(LeftOutKind::SurveyPreview);
/// assert_eq!(left_out.to_string(), "left out 1 row: 1 survey preview");
/// left_out.add(LeftOutKind::Spam);
/// left_out.add(LeftOutKind::SurveyPreview);
/// assert_eq!(left_out.to_string(), "left out 3 rows: 2 survey previews, 1 spam");
/// assert_eq!(left_out.count(LeftOutKind::SurveyPreview), 2);
/// assert_eq!(left_out.total(), 3);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LeftOut {
    counts: [usize; LeftOutKind::COUNT],
}

impl LeftOut {
    /// How many rows of `kind` were left out.
    #[must_use]
    pub fn count(&self, kind: LeftOutKind) -> usize {
        self.counts.get(kind.index()).copied().unwrap_or_default()
    }

    /// How many rows were left out, of every kind.
    #[must_use]
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Whether no row was left out.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    /// Each kind with a row left out, with its count, in the order of
    /// [`LeftOutKind`].
    pub fn kinds(&self) -> impl Iterator<Item = (LeftOutKind, usize)> + '_ {
        LeftOutKind::iter()
            .map(|kind| (kind, self.count(kind)))
            .filter(|(_, count)| *count > 0)
    }

    /// Counts one more row of `kind` left out.
    pub fn add(&mut self, kind: LeftOutKind) {
        if let Some(count) = self.counts.get_mut(kind.index()) {
            *count += 1;
        }
    }
}

impl fmt::Display for LeftOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.total();
        if total == 0 {
            return Ok(());
        }
        let rows = if total == 1 { "row" } else { "rows" };
        write!(f, "left out {total} {rows}:")?;
        for (k, (kind, count)) in self.kinds().enumerate() {
            let sep = if k == 0 { " " } else { ", " };
            write!(f, "{sep}{}", kind.describe(count))?;
        }
        Ok(())
    }
}

/// What is read from a survey export: the assessment with the responses of
/// its respondents, and the rows left out as no respondent's; see
/// [`Partnership::read_export`](crate::Partnership::read_export).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ReadExport {
    /// The partnership with the responses read.
    pub assessment: Assessment,
    /// The rows left out, by kind.
    pub left_out: LeftOut,
}

/// The columns other tools write about a response, matched in any case:
/// Google Forms' quiz score and e-mail, Microsoft Forms' quiz columns.
/// (SurveyMonkey's `Custom Data N` and Microsoft Forms' `Points - …` and
/// `Feedback - …` are matched by [`tool_column`].)
const TOOL_COLUMNS: [&str; 5] = [
    "Email Address",
    "Score",
    "Total points",
    "Quiz feedback",
    "Grade posted time",
];

/// Whether `header` names a column a tool writes about a response: those
/// of [`TOOL_COLUMNS`], every `Points - …` and `Feedback - …` (Microsoft
/// Forms' quiz marks per question), every `Custom Data N` (SurveyMonkey's
/// custom variables).
pub(crate) fn tool_column(header: &str) -> bool {
    let header = trim(header);
    let prefixed = |prefix: &str| {
        header
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    let custom_data = || {
        header
            .get(..12)
            .filter(|head| same(head, "Custom Data "))
            .and(header.get(12..))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    TOOL_COLUMNS.iter().any(|name| same(name, header))
        || prefixed("Points - ")
        || prefixed("Feedback - ")
        || custom_data()
}

/// The endings of the import ids of a Qualtrics question's columns that
/// hold no rating: timing, display order, NPS group, file upload.
const NO_RATING: [&str; 10] = [
    "_FIRST_CLICK",
    "_LAST_CLICK",
    "_PAGE_SUBMIT",
    "_CLICK_COUNT",
    "_DO",
    "_NPS_GROUP",
    "_FILE_ID",
    "_FILE_NAME",
    "_FILE_SIZE",
    "_FILE_TYPE",
];

/// The import id in a cell of a Qualtrics export's third header row
/// (`{"ImportId":"QID3_2"}`), if it holds one.
fn import_id(cell: &str) -> Option<String> {
    let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(cell).ok()?;
    match object.get("ImportId")? {
        serde_json::Value::String(id) => Some(id.clone()),
        other => Some(other.to_string()),
    }
}

/// What a Qualtrics column holds by its import id (`cell`, in the third
/// header row), when that decides it: `Status` and `Finished` read, the
/// tool's and survey's own columns (metadata, embedded data, `Q_…`) and a
/// question's columns that hold no rating skipped. `None` when the header
/// decides: the respondent (`_recordId`), a question's answers (`QID…`), a
/// column with no import id.
pub(crate) fn qualtrics_column(cell: &str) -> Option<Column> {
    let id = import_id(cell)?;
    if id == "_recordId" {
        None
    } else if id.eq_ignore_ascii_case("status") {
        Some(Column::Status)
    } else if id.eq_ignore_ascii_case("finished") {
        Some(Column::Finished)
    } else if !id.starts_with("QID")
        || NO_RATING.iter().any(|end| id.ends_with(end))
        || id.contains("_TEXT")
    {
        Some(Column::Skipped)
    } else {
        None
    }
}

/// Qualtrics' response types by label, with their codes.
const RESPONSE_TYPES: [(&str, u32); 13] = [
    ("IP Address", 0),
    ("Survey Preview", 1),
    ("Survey Test", 2),
    ("Imported", 4),
    ("Spam", 8),
    ("Survey Preview Spam", 9),
    ("Imported Spam", 12),
    ("Offline", 16),
    ("Offline Survey Preview", 17),
    ("EX", 32),
    ("EX Spam", 40),
    ("EX Offline", 48),
    ("Synthetic", 256),
];

/// The kind of row a response type's code says, by its bits (1 preview,
/// 2 test, 8 spam, 256 synthetic): `None` for a respondent's.
fn by_code(code: u32) -> Option<LeftOutKind> {
    [
        (1, LeftOutKind::SurveyPreview),
        (2, LeftOutKind::SurveyTest),
        (8, LeftOutKind::Spam),
        (256, LeftOutKind::Synthetic),
    ]
    .into_iter()
    .find(|(bit, _)| code & bit != 0)
    .map(|(_, kind)| kind)
}

/// The kind of row a `Status` cell says: `None` for a respondent's (or an
/// empty cell); the problem for a value that is no response type.
fn by_status(cell: &Cell<'_>) -> Result<Option<LeftOutKind>, ExportProblem> {
    let code = match cell {
        Cell::Empty => return Ok(None),
        Cell::Text(text) => {
            let text = trim(text);
            if text.is_empty() {
                return Ok(None);
            }
            text.parse::<u32>().ok().or_else(|| {
                RESPONSE_TYPES
                    .iter()
                    .find(|(label, _)| same(label, text))
                    .map(|(_, code)| *code)
            })
        }
        Cell::Number(number) => {
            let whole = number.fract() == 0.0 && *number >= 0.0 && *number <= f64::from(u32::MAX);
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a whole number in u32's range, checked above"
            )]
            whole.then_some(*number as u32)
        }
        Cell::Other(_) => None,
    };
    code.map(by_code)
        .ok_or_else(|| ExportProblem::UnknownStatus {
            value: cell.text().into_owned(),
        })
}

/// Whether a `Finished` cell says the response was not finished: `0` or
/// `false`, in any case.
fn unfinished(cell: &Cell<'_>) -> bool {
    match cell {
        Cell::Number(number) => *number == 0.0,
        Cell::Text(_) | Cell::Other(_) => {
            let text = cell.text();
            text == "0" || same(&text, "false")
        }
        Cell::Empty => false,
    }
}

/// Whether `row` holds an answer: a rating, a level of joint work, a trust
/// answer or the perceived level.
fn holds_answer<R: Row + ?Sized>(columns: &Columns, row: &R) -> bool {
    let answer = |column: usize| !row.cell(column).is_empty();
    columns.facilitators.iter().any(|(c, _)| answer(*c))
        || columns.obstacles.iter().any(|(c, _)| answer(*c))
        || columns.others.iter().any(|(c, kind)| {
            matches!(
                kind,
                Column::WorkingWith(_) | Column::Trust(_) | Column::Perceived
            ) && answer(*c)
        })
}

/// Why `row` is left out, if it is: its `Status` says it is no
/// respondent's, or it is unfinished and holds no answer. The problem, with
/// its column, for a `Status` that is no response type.
pub(crate) fn left_out<R: Row + ?Sized>(
    columns: &Columns,
    row: &R,
) -> Result<Option<LeftOutKind>, (usize, ExportProblem)> {
    if let Some(column) = columns.status
        && let Some(kind) = by_status(&row.cell(column)).map_err(|problem| (column, problem))?
    {
        return Ok(Some(kind));
    }
    Ok(columns
        .finished
        .filter(|column| unfinished(&row.cell(*column)) && !holds_answer(columns, row))
        .map(|_| LeftOutKind::Unfinished))
}

#[cfg(test)]
mod tests {
    use super::{
        Cell, Column, LeftOutKind, by_code, by_status, qualtrics_column, tool_column, unfinished,
    };

    #[test]
    fn response_types_by_code_and_label() {
        for (code, kind) in [
            (0, None),
            (1, Some(LeftOutKind::SurveyPreview)),
            (2, Some(LeftOutKind::SurveyTest)),
            (4, None),
            (8, Some(LeftOutKind::Spam)),
            (9, Some(LeftOutKind::SurveyPreview)),
            (12, Some(LeftOutKind::Spam)),
            (16, None),
            (17, Some(LeftOutKind::SurveyPreview)),
            (32, None),
            (40, Some(LeftOutKind::Spam)),
            (48, None),
            (256, Some(LeftOutKind::Synthetic)),
        ] {
            assert_eq!(by_code(code), kind, "{code}");
            let label = super::RESPONSE_TYPES
                .iter()
                .find(|(_, c)| *c == code)
                .unwrap()
                .0;
            assert_eq!(by_status(&Cell::Text(label)), Ok(kind), "{label}");
            assert_eq!(
                by_status(&Cell::Text(&label.to_uppercase())),
                Ok(kind),
                "{label}"
            );
            assert_eq!(by_status(&Cell::Text(&code.to_string())), Ok(kind));
            assert_eq!(by_status(&Cell::Number(f64::from(code))), Ok(kind));
        }
        // The largest code, every bit set: the first kind.
        assert_eq!(
            by_status(&Cell::Number(f64::from(u32::MAX))),
            Ok(Some(LeftOutKind::SurveyPreview))
        );
        for empty in [Cell::Empty, Cell::Text(" ")] {
            assert_eq!(by_status(&empty), Ok(None));
        }
        for bad in [
            Cell::Text("Survey Draft"),
            Cell::Text("-1"),
            Cell::Number(1.5),
            Cell::Number(-1.0),
            Cell::Number(5e9),
            Cell::Other("TRUE".into()),
        ] {
            assert!(by_status(&bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn finished_false_or_zero() {
        for cell in [
            Cell::Text("0"),
            Cell::Text("False"),
            Cell::Text(" false "),
            Cell::Number(0.0),
            Cell::Other("FALSE".into()),
        ] {
            assert!(unfinished(&cell), "{cell:?}");
        }
        for cell in [
            Cell::Empty,
            Cell::Text("1"),
            Cell::Text("True"),
            Cell::Number(1.0),
            Cell::Other("TRUE".into()),
        ] {
            assert!(!unfinished(&cell), "{cell:?}");
        }
    }

    /// A row of text cells.
    struct Cells(Vec<&'static str>);

    impl crate::input::survey::Row for Cells {
        fn cell(&self, column: usize) -> Cell<'_> {
            match self.0.get(column) {
                Some(text) if !text.is_empty() => Cell::Text(text),
                _ => Cell::Empty,
            }
        }

        fn width(&self) -> usize {
            self.0.len()
        }
    }

    #[test]
    fn an_unfinished_row_with_any_answer_is_read() {
        use crate::input::survey::layout::{Columns, Layout};
        let header: Vec<Vec<String>> = [
            [
                "Status", "Finished", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7",
            ],
            [
                "Response Type",
                "Finished",
                "agency",
                "role",
                "Leadership",
                "Conflict",
                "Working with - hse",
                "Trust - hse",
                "Perceived level",
            ],
            [
                "{\"ImportId\":\"status\"}",
                "{\"ImportId\":\"finished\"}",
                "{\"ImportId\":\"QID1\"}",
                "{\"ImportId\":\"QID2\"}",
                "{\"ImportId\":\"QID3\"}",
                "{\"ImportId\":\"QID4\"}",
                "{\"ImportId\":\"QID5\"}",
                "{\"ImportId\":\"QID6\"}",
                "{\"ImportId\":\"QID7\"}",
            ],
        ]
        .iter()
        .map(|row| row.iter().map(|c| (*c).to_owned()).collect())
        .collect();
        let agencies = [crate::Agency::new("hse", "Community Health")];
        let columns = Columns::read(
            Layout::Qualtrics,
            &header,
            &crate::SurveyOptions::new(),
            &agencies,
        )
        .unwrap();
        let row = |answer: Option<usize>| {
            let mut cells = vec!["IP Address", "0", "cfa", "manager", "", "", "", "", ""];
            if let Some(at) = answer {
                cells[at] = "x";
            }
            Cells(cells)
        };
        assert_eq!(
            super::left_out(&columns, &row(None)),
            Ok(Some(LeftOutKind::Unfinished))
        );
        for at in 4..9 {
            assert_eq!(super::left_out(&columns, &row(Some(at))), Ok(None), "{at}");
        }
        let mut finished = row(None);
        finished.0[1] = "1";
        assert_eq!(super::left_out(&columns, &finished), Ok(None));
        let mut bad = row(Some(4));
        bad.0[0] = "Draft";
        assert!(super::left_out(&columns, &bad).is_err());
    }

    #[test]
    fn qualtrics_columns_by_import_id() {
        let id = |id: &str| format!("{{\"ImportId\":\"{id}\"}}");
        for (import, kind) in [
            ("_recordId", None),
            ("QID3_2", None),
            ("QID7", None),
            ("status", Some(Column::Status)),
            ("finished", Some(Column::Finished)),
            ("startDate", Some(Column::Skipped)),
            ("Q_RecaptchaScore", Some(Column::Skipped)),
            ("agency_code", Some(Column::Skipped)),
            ("QID9_PAGE_SUBMIT", Some(Column::Skipped)),
            ("QID9_FIRST_CLICK", Some(Column::Skipped)),
            ("QID9_LAST_CLICK", Some(Column::Skipped)),
            ("QID9_CLICK_COUNT", Some(Column::Skipped)),
            ("QID3_DO", Some(Column::Skipped)),
            ("QID11_NPS_GROUP", Some(Column::Skipped)),
            ("QID12_FILE_ID", Some(Column::Skipped)),
            ("QID12_FILE_NAME", Some(Column::Skipped)),
            ("QID12_FILE_SIZE", Some(Column::Skipped)),
            ("QID12_FILE_TYPE", Some(Column::Skipped)),
            ("QID10_4_TEXT", Some(Column::Skipped)),
            ("QID2_TEXT_SentimentScore", Some(Column::Skipped)),
        ] {
            assert_eq!(qualtrics_column(&id(import)), kind, "{import}");
        }
        assert_eq!(
            qualtrics_column("{\"ImportId\":\"startDate\",\"timeZone\":\"Europe/Dublin\"}"),
            Some(Column::Skipped)
        );
        assert_eq!(qualtrics_column("{\"ImportId\":1}"), Some(Column::Skipped));
        for no_id in ["", "QID3", "{\"Other\":\"QID3\"}", "{\"ImportId\":"] {
            assert_eq!(qualtrics_column(no_id), None, "{no_id}");
        }
    }

    #[test]
    fn other_tools_columns_by_name() {
        for header in [
            "Email Address",
            "email address",
            "Score",
            " SCORE ",
            "Total points",
            "Quiz feedback",
            "Grade posted time",
            "Points - How present is each? - Leadership",
            "points - Leadership",
            "Feedback - Leadership",
            "Custom Data 1",
            "Custom Data 2",
            "custom data 12",
        ] {
            assert!(tool_column(header), "{header}");
        }
        for header in [
            "Leadership",
            "Scores",
            "Points",
            "Points-Leadership",
            "Custom Data",
            "Custom Data X",
            "Custom Data 2b",
            "Feedback",
            "",
        ] {
            assert!(!tool_column(header), "{header}");
        }
    }
}
