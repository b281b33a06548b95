//! Responses from survey tools' exports: CSV files and spreadsheets, in
//! the layouts the common tools write, with ratings as numbers or words.
//!
//! Each format reads its rows into cells ([`Row`]), the header into a
//! [`Columns`] (which also recognises the layout), and the rows into
//! responses here, once for every format; the responses then join the
//! partnership by the rules every response obeys.

pub(crate) mod collected;
#[cfg(feature = "csv")]
pub(crate) mod csv;
pub(crate) mod layout;
#[cfg(feature = "xlsx")]
mod opendocument;
mod plan;
pub(crate) mod scale;
#[cfg(feature = "xlsx")]
pub(crate) mod sheet;
pub(crate) mod template;
#[cfg(feature = "xlsx")]
mod xls;

use crate::Role;
use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::error::Place;
use crate::input::assessment::ResponseField;
use crate::input::survey::collected::{LeftOut, ReadExport};
use crate::input::survey::layout::{Column, Columns, Layout};
use crate::input::survey::scale::{Scale, number_rating, text_rating};
use crate::{
    Agency, Concept, Error, ExportProblem, Facilitator, Obstacle, PartnerLevel, Partnership, Rated,
    Ratings, Response, Trust,
};

crate::foundation::id::id_enum! {
    /// What a column named with [`SurveyOptions::column`] holds.
    ///
    /// Available with the `csv` or the `xlsx` feature.
    ///
    /// ```
    /// use interagency::SurveyField;
    ///
    /// assert_eq!("agency".parse::<SurveyField>()?, SurveyField::Agency);
    /// assert!("team".parse::<SurveyField>().is_err());
    /// # Ok::<(), interagency::ParseIdError>(())
    /// ```
    pub enum SurveyField: "survey field" {
        /// The respondent's identifier.
        Respondent,
        /// The respondent's agency (by id or name).
        Agency,
        /// The respondent's role (by id or name).
        Role,
    }
}

pub(crate) use SurveyField as Field;

/// How to read a survey export, a CSV file or a spreadsheet alike; see
/// [`Partnership::with_responses_from_csv`](crate::Partnership::with_responses_from_csv)
/// and
/// [`Partnership::with_responses_from_spreadsheet`](crate::Partnership::with_responses_from_spreadsheet).
///
/// Available with the `csv` or the `xlsx` feature.
///
/// Every text given is compared with the export's headers, in any of its
/// header rows, case-insensitive, surrounding spaces ignored.
///
/// ```
/// use interagency::{SurveyOptions, Scale, SurveyField};
///
/// let options = SurveyOptions::new()
///     .column(SurveyField::Agency, "Which agency do you work for?")
///     .column(SurveyField::Role, "What is your role?")
///     .ignore_column("Score")
///     .scale("Strongly disagree=1,Disagree=2,Neutral=3,Agree=4,Strongly agree=5".parse()?);
/// assert_eq!(options.named(SurveyField::Role), Some("What is your role?"));
/// assert_eq!(options.ignored().count(), 1);
/// # Ok::<(), interagency::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SurveyOptions {
    ignored: Vec<String>,
    columns: Vec<(SurveyField, String)>,
    scale: Scale,
    sheet: Option<String>,
    keep_every_row: bool,
}

/// The former name of [`SurveyOptions`], which configure spreadsheets
/// as well as CSV files.
///
/// Available with the `csv` or the `xlsx` feature.
#[deprecated(note = "renamed `SurveyOptions`: the options configure spreadsheets too")]
pub type CsvOptions = SurveyOptions;

impl SurveyOptions {
    /// The default options: the layout and columns found from the header,
    /// the questionnaire's words for ratings, the first sheet.
    #[must_use]
    pub fn new() -> SurveyOptions {
        SurveyOptions::default()
    }

    /// Ignores the column headed `name`: a column a survey tool adds that
    /// is not an answer (the tools' usual ones are skipped without it).
    /// Ignoring a column that is not there is harmless.
    #[must_use]
    pub fn ignore_column(mut self, name: impl Into<String>) -> SurveyOptions {
        self.ignored.push(name.into());
        self
    }

    /// Reads `field` from the column headed `text`, such as the agency
    /// from the answers to "Which agency do you work for?". A later call
    /// for the same field replaces an earlier one.
    #[must_use]
    pub fn column(mut self, field: SurveyField, text: impl Into<String>) -> SurveyOptions {
        self.columns.retain(|(f, _)| *f != field);
        self.columns.push((field, text.into()));
        self
    }

    /// Reads ratings also from the words of `scale` (the questionnaire's
    /// own words are always read).
    #[must_use]
    pub fn scale(mut self, scale: Scale) -> SurveyOptions {
        self.scale = scale;
        self
    }

    /// Reads the sheet named `name` of a spreadsheet (the first sheet
    /// otherwise).
    #[must_use]
    pub fn sheet(mut self, name: impl Into<String>) -> SurveyOptions {
        self.sheet = Some(name.into());
        self
    }

    /// Reads every row as a response when `keep` is true, those too that
    /// the export says are no respondent's (Qualtrics' previews, tests,
    /// spam, synthetic responses, unfinished ones with no answer), which
    /// are otherwise left out and counted in a [`LeftOut`]. `assess
    /// --keep-every-row` reads with it.
    ///
    /// ```
    /// use interagency::SurveyOptions;
    ///
    /// assert!(!SurveyOptions::new().keeps_every_row());
    /// assert!(SurveyOptions::new().keep_every_row(true).keeps_every_row());
    /// ```
    #[must_use]
    pub fn keep_every_row(mut self, keep: bool) -> SurveyOptions {
        self.keep_every_row = keep;
        self
    }

    /// Whether every row is read as a response
    /// ([`keep_every_row`](Self::keep_every_row)).
    #[must_use]
    pub fn keeps_every_row(&self) -> bool {
        self.keep_every_row
    }

    /// The columns ignored, as given.
    pub fn ignored(&self) -> impl Iterator<Item = &str> {
        self.ignored.iter().map(String::as_str)
    }

    /// The columns named for fields, as given.
    pub fn columns(&self) -> impl Iterator<Item = (SurveyField, &str)> {
        self.columns
            .iter()
            .map(|(field, text)| (*field, text.as_str()))
    }

    /// The header named for `field`, if one is.
    #[must_use]
    pub fn named(&self, field: SurveyField) -> Option<&str> {
        self.columns()
            .find(|(f, _)| *f == field)
            .map(|(_, text)| text)
    }

    /// The caller's scale of words.
    #[must_use]
    pub fn words(&self) -> &Scale {
        &self.scale
    }

    /// The sheet to read, if one is named.
    #[must_use]
    pub fn sheet_name(&self) -> Option<&str> {
        self.sheet.as_deref()
    }
}

/// `text` without surrounding spaces. Text that starts and ends with a
/// plain ASCII character, the usual case, is returned as it is without
/// looking further.
#[inline]
pub(crate) fn trim(text: &str) -> &str {
    let plain = |byte: Option<&u8>| byte.is_some_and(|b| b.is_ascii() && !b.is_ascii_whitespace());
    let bytes = text.as_bytes();
    if plain(bytes.first()) && plain(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// Whether two texts are the same once folded: case ignored, surrounding
/// spaces ignored, `_` and ` ` alike.
pub(crate) fn same(a: &str, b: &str) -> bool {
    let a = trim(a);
    let b = trim(b);
    // Plain ASCII, the usual case, compares without folding characters.
    if a.is_ascii() && b.is_ascii() {
        let fold = |c: u8| {
            if c == b'_' {
                b' '
            } else {
                c.to_ascii_lowercase()
            }
        };
        return a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| fold(x) == fold(y));
    }
    folded(a).eq(folded(b))
}

fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '_' { ' ' } else { c })
}

/// One cell as read.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    not(feature = "xlsx"),
    allow(dead_code, reason = "numbers and other values come from spreadsheets")
)]
pub(crate) enum Cell<'a> {
    /// No value.
    Empty,
    /// Text.
    Text(&'a str),
    /// A number stored as a number (spreadsheets).
    Number(f64),
    /// Anything else a spreadsheet holds (a truth value, a date, an error
    /// such as `#N/A`), as text for messages.
    Other(String),
}

impl Cell<'_> {
    /// The cell as text, surrounding spaces trimmed: numbers written as a
    /// spreadsheet shows them.
    fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(text) => Cow::Borrowed(trim(text)),
            Cell::Number(number) => Cow::Owned(number.to_string()),
            Cell::Other(text) => Cow::Borrowed(text),
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) | Cell::Other(_) => false,
        }
    }
}

/// A row of an export, cell by cell.
pub(crate) trait Row {
    /// The cell in `column` (from 0); empty past the end.
    fn cell(&self, column: usize) -> Cell<'_>;
    /// How many cells it has.
    fn width(&self) -> usize;
    /// Whether every cell is empty (a blank line, skipped).
    fn is_blank(&self) -> bool {
        (0..self.width()).all(|c| self.cell(c).is_empty())
    }
    /// The cells as text, for a header row.
    fn texts(&self) -> Vec<String> {
        (0..self.width())
            .map(|c| self.cell(c).text().into_owned())
            .collect()
    }
}

impl<R: Row + ?Sized> Row for &R {
    fn cell(&self, column: usize) -> Cell<'_> {
        (**self).cell(column)
    }

    fn width(&self) -> usize {
        (**self).width()
    }
}

/// An export's rows, one at a time, each with where it is: a CSV file's
/// records with their lines, or a sheet's rows. Every export is read into
/// responses by [`read_export`], the same way, with its [`Places`].
pub(crate) trait Export {
    /// A row as the export holds it.
    type Row<'r>: Row
    where
        Self: 'r;

    /// The next row and where it is (a line, or a row of the sheet from
    /// 0); `None` after the last.
    ///
    /// # Errors
    ///
    /// A row the export cannot give (a CSV record of the wrong width, text
    /// that is not UTF-8).
    fn next(&mut self) -> Option<Result<(Self::Row<'_>, u64), Error>>;

    /// Goes back to the first row.
    fn rewind(&mut self);
}

/// How the rows of an export are named in what is read from them: by line
/// in a CSV file, by cell in a sheet.
pub(crate) trait Places {
    /// Where the first row is.
    fn first(&self) -> u64;

    /// The respondent of the row at `at` when no column names one:
    /// `row-N`, N the row as the user sees it numbered.
    fn unnamed(&self, at: u64) -> String;

    /// The error for `problem` in `column` (whose header is `label`) of the
    /// row at `at`.
    fn error(
        &self,
        at: u64,
        column: Option<usize>,
        label: Option<String>,
        problem: ExportProblem,
    ) -> Error {
        Error::Export {
            place: self.place(at, column, label),
            problem,
        }
    }

    /// The place of `column` (whose header is `label`) of the row at `at`,
    /// for the errors of the rules every response obeys.
    fn place(&self, at: u64, column: Option<usize>, label: Option<String>) -> Place;
}

/// The respondent of row `n` of an export with no respondent column:
/// `row-N`. (Written digit by digit: this is per row, and cheaper
/// than formatting.)
pub(crate) fn row_name(n: u64) -> String {
    let mut digits = [0u8; 20];
    let mut rest = n;
    let mut first = digits.len();
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + u8::try_from(rest % 10).unwrap_or_default();
        rest /= 10;
        first -= 1;
        if rest == 0 {
            break;
        }
    }
    let digits = digits.get(first..).unwrap_or_default();
    let mut name = String::with_capacity(4 + digits.len());
    name.push_str("row-");
    name.extend(digits.iter().map(|&digit| char::from(digit)));
    name
}

/// The first bytes of a compound document (`.xls`).
const COMPOUND_SIGNATURE: &[u8; 8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Whether `bytes` look like a spreadsheet rather than text: a zip archive
/// (`.xlsx`, `.ods`) or a compound document (`.xls`), by their first bytes.
///
/// Available with the `csv` or the `xlsx` feature; reading a spreadsheet
/// takes the `xlsx` feature.
///
/// ```
/// assert!(!interagency::is_spreadsheet(b"respondent,agency,role\n"));
/// assert!(interagency::is_spreadsheet(b"PK\x03\x04\x14\x00"));
/// ```
#[must_use]
pub fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(COMPOUND_SIGNATURE)
}

/// The error for a spreadsheet given to a build without the `xlsx`
/// feature, which would otherwise be read as text that is not UTF-8.
#[cfg(not(feature = "xlsx"))]
pub(crate) fn spreadsheet_without_xlsx() -> Error {
    Error::Spreadsheet {
        message: "this build of the crate has no `xlsx` feature to read spreadsheets (.xlsx, \
                  .xls, .ods); enable it, or save the file as CSV"
            .to_owned(),
    }
}

/// The first rows of `export`, enough for any layout's header, with where
/// each is; an export with no row at all is an error.
fn first_rows(
    export: &mut impl Export,
    places: &impl Places,
) -> Result<(Vec<Vec<String>>, Vec<u64>), Error> {
    let mut texts = Vec::new();
    let mut at = Vec::new();
    while texts.len() < 3
        && let Some(row) = export.next()
    {
        let (row, row_at) = row?;
        texts.push(row.texts());
        at.push(row_at);
    }
    if texts.is_empty() {
        return Err(places.error(
            places.first(),
            None,
            None,
            ExportProblem::Malformed {
                message: "the export is empty: it has no header row".to_owned(),
            },
        ));
    }
    Ok((texts, at))
}

/// The assessment of `partnership` with the responses of `export`: the
/// layout and columns found from its first rows, then a response from each
/// row that is not blank and not left out as no respondent's, checked by
/// the rules every response obeys; with the rows left out.
pub(crate) fn read_export(
    partnership: Partnership,
    mut export: impl Export,
    places: &impl Places,
    options: &SurveyOptions,
) -> Result<ReadExport, Error> {
    let (texts, header_at) = first_rows(&mut export, places)?;
    let layout = Layout::of(&texts);
    let header_rows = layout.header_rows().min(texts.len());
    let columns = Columns::read(
        layout,
        texts.get(..header_rows).unwrap_or_default(),
        options,
        partnership.agencies(),
    )
    .map_err(|problem| match problem.problem {
        Ok(csv) => places.error(
            header_at
                .get(problem.row)
                .copied()
                .unwrap_or_else(|| places.first()),
            problem.column,
            problem.label,
            csv,
        ),
        Err(error) => *error,
    })?;
    let rows = Rows {
        columns: &columns,
        agencies: partnership.agencies(),
        scale: options.words(),
    };
    let label = |column: Option<usize>| column.map(|c| columns.label(c).to_owned());
    let mut responses = Vec::new();
    let mut read_at = Vec::new();
    let mut left_out = LeftOut::default();
    // Only an export that says which rows are no respondent's is asked.
    let sort =
        !options.keeps_every_row() && (columns.status.is_some() || columns.finished.is_some());
    export.rewind();
    let mut skip = header_rows;
    loop {
        let (row, at) = match export.next() {
            None => break,
            Some(row) => row?,
        };
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if sort {
            match collected::left_out(&columns, &row) {
                Ok(None) => {}
                Ok(Some(kind)) => {
                    left_out.add(kind);
                    continue;
                }
                Err((column, problem)) => {
                    return Err(places.error(at, Some(column), label(Some(column)), problem));
                }
            }
        }
        let response = rows.read(
            &row,
            || places.unnamed(at),
            |column, problem| places.error(at, column, label(column), problem),
        )?;
        if let Some(response) = response {
            responses.push(response);
            read_at.push(at);
        }
    }
    let place = |index: usize, field: ResponseField| {
        let column = match field {
            ResponseField::Whole | ResponseField::Partners | ResponseField::Trust => None,
            ResponseField::Respondent => columns.of(Column::Respondent),
            ResponseField::Agency => columns.of(Column::Agency),
        };
        places.place(
            read_at
                .get(index)
                .copied()
                .unwrap_or_else(|| places.first()),
            column,
            label(column),
        )
    };
    let assessment = partnership.with_responses_at(responses, place)?;
    Ok(ReadExport {
        assessment,
        left_out,
    })
}

/// The roles as survey answers usually name them, compared first as they
/// are (folding case costs more); their ids are compared the same way.
const ROLE_NAMES: [(Role, &str); 3] = [
    (Role::Frontline, "Frontline"),
    (Role::Manager, "Manager"),
    (Role::SeniorManager, "Senior manager"),
];

/// Reads rows into responses: one per non-blank row.
pub(crate) struct Rows<'a> {
    pub(crate) columns: &'a Columns,
    pub(crate) agencies: &'a [Agency],
    pub(crate) scale: &'a Scale,
}

impl Rows<'_> {
    /// The id of the agency a cell names, by id or by name; the cell
    /// itself when it names none (the rules of every response reject it).
    fn agency(&self, cell: &str) -> String {
        self.agencies
            .iter()
            .find(|a| a.id == cell || a.name == cell)
            .or_else(|| self.agencies.iter().find(|a| same(&a.name, cell)))
            .map_or_else(|| cell.to_owned(), |a| a.id.clone())
    }

    /// Answers about other agencies (by position) keyed by their ids. A
    /// questionnaire's grid asks about every agency, the respondent's own
    /// `agency` included: that answer is skipped.
    fn about_others<V>(&self, answers: Vec<(usize, V)>, agency: &str) -> BTreeMap<String, V> {
        // (Most questionnaires ask none: nothing to collect then.)
        if answers.is_empty() {
            return BTreeMap::new();
        }
        answers
            .into_iter()
            .filter_map(|(b, answer)| {
                let id = &self.agencies.get(b)?.id;
                (*id != agency).then(|| (id.clone(), answer))
            })
            .collect()
    }

    /// One row as a response; `None` for a blank row. `unnamed` gives the
    /// respondent of an export with no respondent column; `error` the
    /// error for a problem in a column of the row.
    pub(crate) fn read<R: Row + ?Sized>(
        &self,
        row: &R,
        unnamed: impl FnOnce() -> String,
        error: impl Fn(Option<usize>, ExportProblem) -> Error,
    ) -> Result<Option<Response>, Error> {
        if row.is_blank() {
            return Ok(None);
        }
        // Each kind of column is read in a loop of its own; the problem
        // reported is the row's first, by column.
        let mut first: Option<(usize, ExportProblem)> = None;
        let mut facilitators = Ratings::new();
        let mut obstacles = Ratings::new();
        let rated = [
            rate_all(
                &mut facilitators,
                &self.columns.facilitators,
                row,
                self.scale,
            ),
            rate_all(&mut obstacles, &self.columns.obstacles, row, self.scale),
        ];
        for problem in rated.into_iter().filter_map(Result::err) {
            earliest(&mut first, problem);
        }
        let mut respondent = None;
        let mut agency = String::new();
        let mut role = None;
        let mut partners = Vec::new();
        let mut trust = Vec::new();
        let mut perceived_level = None;
        for &(column, kind) in &self.columns.others {
            let cell = row.cell(column);
            let read = match kind {
                Column::Respondent => {
                    respondent = Some(cell.text().into_owned());
                    Ok(())
                }
                Column::Agency => {
                    agency = self.agency(&cell.text());
                    Ok(())
                }
                Column::Role => {
                    let text = cell.text();
                    ROLE_NAMES
                        .iter()
                        .find(|(_, name)| *name == text)
                        .map(|(role, _)| *role)
                        .or_else(|| Role::iter().find(|r| r.id() == text))
                        .or_else(|| Role::iter().find(|r| same(r.id(), &text)))
                        .map(|found| role = Some(found))
                        .ok_or_else(|| ExportProblem::UnknownRole {
                            value: text.into_owned(),
                        })
                }
                Column::WorkingWith(other) => partner_level(&cell).map(|level| {
                    partners.extend(level.map(|level| (other, level)));
                }),
                Column::Trust(other) => trust_answer(&cell).map(|answer| {
                    trust.extend(answer.map(|answer| (other, answer)));
                }),
                Column::Perceived => partner_level(&cell).map(|level| perceived_level = level),
                // Read above, or not read.
                Column::Facilitator(_)
                | Column::Obstacle(_)
                | Column::Status
                | Column::Finished
                | Column::Skipped => Ok(()),
            };
            if let Err(problem) = read {
                earliest(&mut first, (column, problem));
                break;
            }
        }
        if let Some((column, problem)) = first {
            return Err(error(Some(column), problem));
        }
        let role = role.ok_or_else(|| {
            error(
                self.columns.of(Column::Role),
                ExportProblem::UnknownRole {
                    value: String::new(),
                },
            )
        })?;
        let respondent = respondent.unwrap_or_else(unnamed);
        let partners = self.about_others(partners, &agency);
        let trust = self.about_others(trust, &agency);
        let mut response = Response::new(respondent, agency, role);
        response.facilitators = facilitators;
        response.obstacles = obstacles;
        response.partners = partners;
        response.trust = trust;
        response.perceived_level = perceived_level;
        Ok(Some(response))
    }
}

/// Keeps in `first` whichever problem is in the earlier column.
fn earliest(first: &mut Option<(usize, ExportProblem)>, problem: (usize, ExportProblem)) {
    if first.as_ref().is_none_or(|(column, _)| problem.0 < *column) {
        *first = Some(problem);
    }
}

/// A `Working with` or `Perceived level` cell: `None` when empty.
fn partner_level(cell: &Cell<'_>) -> Result<Option<PartnerLevel>, ExportProblem> {
    if cell.is_empty() {
        return Ok(None);
    }
    let text = cell.text();
    text.parse::<PartnerLevel>()
        .map(Some)
        .map_err(|_| ExportProblem::NotALevel {
            value: text.into_owned(),
        })
}

/// A `Trust` cell: `None` when empty.
fn trust_answer(cell: &Cell<'_>) -> Result<Option<Trust>, ExportProblem> {
    let answer = match cell {
        Cell::Empty => return Ok(None),
        Cell::Text(text) if text.trim().is_empty() => return Ok(None),
        Cell::Text(text) => Trust::from_answer(text),
        Cell::Number(number) => number_rating(*number).and_then(|rating| Trust::new(rating.get())),
        Cell::Other(_) => None,
    };
    answer.map(Some).ok_or_else(|| ExportProblem::NotATrust {
        value: cell.text().into_owned(),
    })
}

/// Reads the rating cells of `columns` (each with its item) into
/// `ratings`; the first cell that holds no rating is the problem.
fn rate_all<T: Rated, R: Row + ?Sized>(
    ratings: &mut Ratings<T>,
    columns: &[(usize, T)],
    row: &R,
    scale: &Scale,
) -> Result<(), (usize, ExportProblem)> {
    for &(column, item) in columns {
        let cell = row.cell(column);
        let rating = match &cell {
            Cell::Empty => Ok(None),
            Cell::Text(text) => text_rating::<T>(text, scale),
            Cell::Number(number) => number_rating(*number).map(Some).ok_or(()),
            Cell::Other(_) => Err(()),
        };
        match rating {
            Ok(Some(rating)) => {
                ratings.insert(item, rating);
            }
            Ok(None) => {}
            Err(()) => {
                return Err((
                    column,
                    ExportProblem::NotARating {
                        value: cell.text().into_owned(),
                    },
                ));
            }
        }
    }
    Ok(())
}

#[cfg(feature = "csv")]
impl crate::Partnership {
    /// The assessment of this partnership with its responses read from a
    /// survey tool's export, whichever it is: a spreadsheet (`.xlsx`,
    /// `.xls`, `.ods`, recognised by its content, with the crate's `xlsx`
    /// feature) or else a CSV file. This is what `assess --responses`
    /// reads.
    ///
    /// Available with the `csv` feature.
    ///
    /// # Errors
    ///
    /// Those of [`with_responses_from_csv`](Self::with_responses_from_csv)
    /// or of `with_responses_from_spreadsheet`, whichever reads it.
    ///
    /// ```
    /// use interagency::{SurveyOptions, Partnership};
    ///
    /// let partnership = Partnership::from_json(r#"{"partnership": "Northside",
    ///   "agencies": [{"id": "cfa", "name": "Child and Family Agency"}, {"id": "hse", "name": "HSE"}],
    ///   "characteristics": []}"#)?;
    /// let csv = "respondent,agency,role,Leadership\nr1,cfa,manager,4\n";
    /// let assessment = partnership.with_responses_from_export(csv, &SurveyOptions::new())?;
    /// assert_eq!(assessment.responses().len(), 1);
    /// # Ok::<(), interagency::Error>(())
    /// ```
    pub fn with_responses_from_export(
        self,
        export: impl AsRef<[u8]>,
        options: &SurveyOptions,
    ) -> Result<crate::Assessment, Error> {
        self.read_export(export, options)
            .map(|read| read.assessment)
    }

    /// The assessment of this partnership with its responses read from a
    /// survey tool's export, as
    /// [`with_responses_from_export`](Self::with_responses_from_export)
    /// reads it, with the rows left out as no respondent's: Qualtrics'
    /// previews, tests, spam and synthetic responses (by its `Status`
    /// column), and unfinished responses that hold no answer. Their counts
    /// are what `assess` writes to standard error;
    /// [`SurveyOptions::keep_every_row`] reads them all.
    ///
    /// # Errors
    ///
    /// Those of [`with_responses_from_export`](Self::with_responses_from_export);
    /// a Qualtrics `Status` that is no response type is an error naming
    /// its line (or cell) and value.
    ///
    /// ```
    /// use interagency::{LeftOutKind, Partnership, SurveyOptions};
    ///
    /// let partnership = Partnership::from_json(r#"{"partnership": "Northside",
    ///   "agencies": [{"id": "cfa", "name": "Child and Family Agency"}, {"id": "hse", "name": "HSE"}],
    ///   "characteristics": []}"#)?;
    /// // A Qualtrics export: the coordinator's preview, then a respondent.
    /// let csv = "Status,ResponseId,Q1,Q2,Q3_1,Q_RecaptchaScore\n\
    ///            Response Type,Response ID,agency,role,How present? - Leadership,Q_RecaptchaScore\n\
    ///            {\"ImportId\":\"status\"},{\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID1\"},\
    ///            {\"ImportId\":\"QID2\"},{\"ImportId\":\"QID3_1\"},{\"ImportId\":\"Q_RecaptchaScore\"}\n\
    ///            Survey Preview,R_1,cfa,manager,5,\n\
    ///            IP Address,R_2,hse,frontline,3,0.9\n";
    /// let read = partnership.clone().read_export(csv, &SurveyOptions::new())?;
    /// assert_eq!(read.assessment.responses().len(), 1);
    /// assert_eq!(read.left_out.count(LeftOutKind::SurveyPreview), 1);
    /// assert_eq!(read.left_out.to_string(), "left out 1 row: 1 survey preview");
    ///
    /// let every = SurveyOptions::new().keep_every_row(true);
    /// let read = partnership.read_export(csv, &every)?;
    /// assert_eq!(read.assessment.responses().len(), 2);
    /// assert!(read.left_out.is_empty());
    /// # Ok::<(), interagency::Error>(())
    /// ```
    pub fn read_export(
        self,
        export: impl AsRef<[u8]>,
        options: &SurveyOptions,
    ) -> Result<ReadExport, Error> {
        let data = export.as_ref();
        if is_spreadsheet(data) {
            #[cfg(feature = "xlsx")]
            return sheet::read_spreadsheet(self, data, options);
            #[cfg(not(feature = "xlsx"))]
            return Err(spreadsheet_without_xlsx());
        }
        csv::read_csv(self, data, options)
    }
}

/// The header of a CSV file with a column for every item, named as the
/// catalogue names it, after the `respondent`, `agency` and `role`
/// columns: the crate's own template.
///
/// Available with the `csv` or the `xlsx` feature.
///
/// ```
/// let header = interagency::csv_header();
/// assert_eq!(header[..4], ["respondent", "agency", "role", "Clarity of purpose and roles"]);
/// assert_eq!(header.len(), 3 + 7 + 6);
/// ```
#[must_use]
pub fn csv_header() -> Vec<&'static str> {
    ["respondent", "agency", "role"]
        .into_iter()
        .chain(Facilitator::iter().map(Concept::name))
        .chain(Obstacle::iter().map(Concept::name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{csv_header, row_name, same, trim};

    #[test]
    fn rows_without_a_respondent_are_named_by_number() {
        for n in [0, 1, 9, 10, 99, 100, 1_234_567, u64::MAX] {
            assert_eq!(row_name(n), format!("row-{n}"));
        }
    }

    #[test]
    fn texts_compare_folded() {
        for (a, b) in [
            ("Senior manager", "senior_manager"),
            (" ROLE ", "role"),
            ("\u{a0}role\t", "Role"),
            // Beyond ASCII, by Unicode's lower case: the Kelvin sign is a k.
            ("kelvin", "\u{212A}elvin"),
            ("\u{c9}cole_maternelle", "\u{e9}COLE MATERNELLE"),
        ] {
            assert!(same(a, b), "{a:?} {b:?}");
        }
        for (a, b) in [
            ("role", "roles"),
            ("\u{e9}cole", "ecole"),
            ("a_b", "a-b"),
            ("", "x"),
        ] {
            assert!(!same(a, b), "{a:?} {b:?}");
        }
        assert_eq!(trim("  x "), "x");
        assert_eq!(trim("x"), "x");
        assert_eq!(trim("\u{a0}x\u{a0}"), "x");
    }

    #[test]
    fn the_template_header_names_every_item() {
        use crate::input::survey::layout::{Columns, Layout};
        let header: Vec<String> = csv_header().iter().map(|h| (*h).to_owned()).collect();
        let columns =
            Columns::read(Layout::OneRow, &[header], &super::SurveyOptions::new(), &[]).unwrap();
        assert_eq!(columns.kinds.len(), 3 + 7 + 6);
        assert!(!columns.kinds.contains(&super::Column::Skipped));
    }
}

#[cfg(all(test, not(feature = "xlsx")))]
mod without_xlsx {
    use crate::{Agency, Error, Partnership, SurveyOptions};

    /// Without the `xlsx` feature a spreadsheet, of responses or of a plan,
    /// is named as one, not read as a CSV file that is not UTF-8.
    #[test]
    fn a_spreadsheet_needs_the_xlsx_feature() {
        let agencies = vec![Agency::new("a", "A"), Agency::new("b", "B")];
        let partnership = Partnership::new("N", None, agencies, []).unwrap();
        for bytes in [
            &b"PK\x03\x04rest"[..],
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
        ] {
            let error = partnership
                .clone()
                .with_responses_from_export(bytes, &SurveyOptions::new())
                .unwrap_err();
            assert!(matches!(error, Error::Spreadsheet { .. }), "{error}");
            assert!(error.to_string().contains("no `xlsx` feature"), "{error}");
            // A plan kept in a spreadsheet, likewise.
            let error = crate::Rubric::DEFAULT
                .plan_from_bytes(bytes, "N", None)
                .unwrap_err();
            assert!(matches!(error, Error::Spreadsheet { .. }), "{error}");
        }
    }
}
