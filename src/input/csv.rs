//! Responses read from a CSV file, as survey tools export them.

use std::collections::HashMap;

use crate::error::Place;
use crate::input::assessment::ResponseField;
use crate::{
    Agency, Assessment, Concept, CsvProblem, Error, Facilitator, Obstacle, Partnership, Rating,
    Ratings, Response, Role,
};

/// How to read a CSV file of responses; see
/// [`Partnership::with_responses_from_csv`].
///
/// ```
/// use interagency::CsvOptions;
///
/// let options = CsvOptions::new().ignore_column("Timestamp").ignore_column("Email");
/// assert_eq!(options.ignored().count(), 2);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvOptions {
    ignored: Vec<String>,
}

impl CsvOptions {
    /// The default options: no column ignored.
    #[must_use]
    pub fn new() -> CsvOptions {
        CsvOptions::default()
    }

    /// Ignores the column headed `name` (case-insensitive, surrounding
    /// spaces ignored): survey tools add timestamps, e-mail addresses and
    /// the like, which are not ratings.
    #[must_use]
    pub fn ignore_column(mut self, name: impl Into<String>) -> CsvOptions {
        self.ignored.push(name.into());
        self
    }

    /// The columns ignored, as given.
    pub fn ignored(&self) -> impl Iterator<Item = &str> {
        self.ignored.iter().map(String::as_str)
    }

    fn ignores(&self, header: &str) -> bool {
        self.ignored.iter().any(|name| same(name, header))
    }
}

/// Text compared without case and surrounding spaces, `_` and ` ` alike.
fn fold(text: &str) -> String {
    text.trim().to_lowercase().replace('_', " ")
}

/// Whether two texts are the same once folded (see [`fold`]), without
/// allocating.
fn same(a: &str, b: &str) -> bool {
    folded(a).eq(folded(b))
}

fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '_' { ' ' } else { c })
}

/// What a column of the file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Column {
    Respondent,
    Agency,
    Role,
    Facilitator(Facilitator),
    Obstacle(Obstacle),
    Ignored,
}

/// The column a header names: by id or catalogue name, or as
/// `Name: question text` (the form the survey template uses, so that the
/// question a survey tool exports as the header still names its item).
fn column(header: &str) -> Option<Column> {
    let named = |text: &str| -> Option<Column> {
        let text = fold(text);
        match text.as_str() {
            "respondent" => return Some(Column::Respondent),
            "agency" => return Some(Column::Agency),
            "role" => return Some(Column::Role),
            _ => {}
        }
        let matches = |c: &dyn Fn() -> (&'static str, &'static str)| {
            let (id, name) = c();
            fold(id) == text || fold(name) == text
        };
        Facilitator::iter()
            .find(|f| matches(&|| (f.id(), f.name())))
            .map(Column::Facilitator)
            .or_else(|| {
                Obstacle::iter()
                    .find(|o| matches(&|| (o.id(), o.name())))
                    .map(Column::Obstacle)
            })
    };
    named(header).or_else(|| {
        let (before, _) = header.split_once(':')?;
        named(before).filter(|c| matches!(c, Column::Facilitator(_) | Column::Obstacle(_)))
    })
}

/// The delimiter of the header line: comma, semicolon or tab, whichever
/// occurs most outside quotes (comma on a tie).
fn delimiter(data: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &byte in data {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let [comma, semicolon, tab] = counts;
    if semicolon > comma && semicolon >= tab {
        b';'
    } else if tab > comma && tab > semicolon {
        b'\t'
    } else {
        b','
    }
}

fn csv_error(line: u64, column: Option<&str>, problem: CsvProblem) -> Error {
    Error::Csv {
        line,
        column: column.map(str::to_owned),
        problem,
    }
}

/// The line of a CSV reader's error, and the problem.
fn malformed(err: &::csv::Error) -> Error {
    let line = err.position().map_or(0, ::csv::Position::line);
    let message = match err.kind() {
        ::csv::ErrorKind::Utf8 { err, .. } => format!(
            "field {} is not valid UTF-8; save the file as UTF-8",
            err.field() + 1
        ),
        ::csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("the row has {len} cells where the header has {expected_len}"),
        _ => err.to_string(),
    };
    csv_error(line, None, CsvProblem::Malformed { message })
}

impl Partnership {
    /// The assessment of this partnership with its responses read from CSV,
    /// as a survey tool exports them: one row per respondent, one column
    /// per question. The CSV:
    ///
    /// - is UTF-8, with or without a byte-order mark; its delimiter (comma,
    ///   semicolon or tab) is detected from the header line; cells are
    ///   quoted as RFC 4180 says and trimmed;
    /// - has a header naming `respondent`, `agency` and `role` and one
    ///   column per rated item, by its id or its name (`leadership` or
    ///   `Leadership`), in any order, case-insensitive; a header of the
    ///   form `Leadership: question text` names its item too. A column
    ///   naming nothing is an error unless `options` ignores it; a
    ///   duplicate column is an error;
    /// - has one row per respondent: an agency by id or name, a role by id
    ///   or name (`senior_manager`, `Senior manager`), and ratings from 1
    ///   to 5, an empty cell meaning not rated. A row whose cells are all
    ///   empty is a blank line and is skipped; every other row is read.
    ///
    /// The responses are checked by the same rules as those of an
    /// assessment document; their errors name the line and column.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] naming the line, the column and the value for what
    /// only a CSV file can get wrong (a header, a cell that is not a rating
    /// or a role); for a rule every response obeys, its own error
    /// ([`Error::DuplicateRespondent`], [`Error::UnknownAgency`], …) with
    /// the line and column as its [`Place`].
    ///
    /// ```
    /// use interagency::{CsvOptions, Facilitator, Partnership};
    ///
    /// let partnership = Partnership::from_json(r#"{"partnership": "Northside",
    ///   "agencies": [{"id": "cfa", "name": "Child and Family Agency"}, {"id": "hse", "name": "HSE"}],
    ///   "characteristics": ["consistent_goals", "complementary_services"]}"#)?;
    /// let csv = "Timestamp;respondent;Agency;Role;Leadership;Good communication\n\
    ///            2026-03-01 09:12;r1;cfa;Frontline;2;4\n\
    ///            2026-03-01 09:40;r2;HSE;Senior manager;;5\n";
    /// let options = CsvOptions::new().ignore_column("timestamp");
    /// let assessment = partnership.clone().with_responses_from_csv(csv, &options)?;
    /// assert_eq!(assessment.responses().len(), 2);
    /// assert_eq!(assessment.classify().result(Facilitator::GoodCommunication).mean, Some(4.5));
    ///
    /// let bad = "respondent,agency,role,Leadership\nr1,cfa,manager,6\n";
    /// assert_eq!(
    ///     partnership.clone().with_responses_from_csv(bad, &options).unwrap_err().to_string(),
    ///     "line 2, column Leadership: \"6\" is not a rating from 1 to 5"
    /// );
    /// let twice = "respondent,agency,role,Leadership\nr1,cfa,manager,3\nr1,hse,manager,4\n";
    /// assert_eq!(
    ///     partnership.with_responses_from_csv(twice, &options).unwrap_err().to_string(),
    ///     "line 3, column respondent: respondent \"r1\" is listed twice"
    /// );
    /// # Ok::<(), interagency::Error>(())
    /// ```
    pub fn with_responses_from_csv(
        self,
        csv: impl AsRef<[u8]>,
        options: &CsvOptions,
    ) -> Result<Assessment, Error> {
        let data = csv.as_ref();
        let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(delimiter(data))
            .trim(::csv::Trim::All)
            .has_headers(true)
            .from_reader(data);
        let header = Header::read(&mut reader, options)?;
        let rows = Rows {
            header: &header,
            agencies: self.agencies(),
        };
        let mut responses = Vec::new();
        let mut lines = Vec::new();
        let mut record = ::csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(err) => return Err(malformed(&err)),
            }
            if let Some(response) = rows.read(&record)? {
                responses.push(response);
                lines.push(record.position().map_or(0, ::csv::Position::line));
            }
        }
        // The rules every response obeys, with the line and column of each.
        let place = |index: usize, field: ResponseField| Place::Line {
            line: lines.get(index).copied().unwrap_or_default(),
            column: match field {
                ResponseField::Whole => None,
                ResponseField::Respondent => header.of(Column::Respondent).map(str::to_owned),
                ResponseField::Agency => header.of(Column::Agency).map(str::to_owned),
            },
        };
        self.with_responses_at(responses, place)
    }
}

/// The header line: what each column holds.
struct Header {
    names: ::csv::StringRecord,
    columns: Vec<Column>,
    /// The header naming each column kind read (not the ignored ones).
    named: HashMap<Column, String>,
}

impl Header {
    fn read(reader: &mut ::csv::Reader<&[u8]>, options: &CsvOptions) -> Result<Header, Error> {
        let names = reader.headers().map_err(|e| malformed(&e))?.clone();
        let mut columns = Vec::with_capacity(names.len());
        let mut by_kind: HashMap<Column, String> = HashMap::new();
        for name in &names {
            let found = if options.ignores(name) {
                Column::Ignored
            } else {
                column(name).ok_or_else(|| csv_error(1, Some(name), CsvProblem::UnknownColumn))?
            };
            if found != Column::Ignored
                && let Some(first) = by_kind.insert(found, name.to_owned())
            {
                return Err(csv_error(
                    1,
                    Some(name),
                    CsvProblem::DuplicateColumn { first },
                ));
            }
            columns.push(found);
        }
        for (required, name) in [
            (Column::Respondent, "respondent"),
            (Column::Agency, "agency"),
            (Column::Role, "role"),
        ] {
            if !by_kind.contains_key(&required) {
                return Err(csv_error(1, Some(name), CsvProblem::MissingColumn));
            }
        }
        Ok(Header {
            names,
            columns,
            named: by_kind,
        })
    }

    /// The header of a column kind, for error messages.
    fn of(&self, column: Column) -> Option<&str> {
        self.named.get(&column).map(String::as_str)
    }
}

/// What reading a row needs: the header and the partnership's agencies.
struct Rows<'a> {
    header: &'a Header,
    agencies: &'a [Agency],
}

impl Rows<'_> {
    /// The id of the agency a cell names, by id or by name; the cell
    /// itself when it names none (the rules of every response reject it).
    fn agency(&self, cell: &str) -> String {
        self.agencies
            .iter()
            .find(|a| a.id == cell)
            .or_else(|| self.agencies.iter().find(|a| same(&a.name, cell)))
            .map_or_else(|| cell.to_owned(), |a| a.id.clone())
    }

    /// One row as a response; `None` for a row whose cells are all empty.
    fn read(&self, record: &::csv::StringRecord) -> Result<Option<Response>, Error> {
        let line = record.position().map_or(0, ::csv::Position::line);
        if record.iter().all(str::is_empty) {
            return Ok(None);
        }
        let header = self.header;
        let mut respondent = "";
        let mut agency = "";
        let mut role = None;
        let mut facilitators = Ratings::new();
        let mut obstacles = Ratings::new();
        for ((cell, &kind), name) in record.iter().zip(&header.columns).zip(&header.names) {
            if kind == Column::Ignored {
                continue;
            }
            match kind {
                Column::Respondent => respondent = cell,
                Column::Agency => agency = cell,
                Column::Role => {
                    let found = Role::iter().find(|r| same(r.id(), cell));
                    role = Some(found.ok_or_else(|| {
                        csv_error(
                            line,
                            Some(name),
                            CsvProblem::UnknownRole {
                                value: cell.to_owned(),
                            },
                        )
                    })?);
                }
                Column::Facilitator(f) => {
                    if let Some(r) = rating(cell, line, name)? {
                        facilitators.insert(f, r);
                    }
                }
                Column::Obstacle(o) => {
                    if let Some(r) = rating(cell, line, name)? {
                        obstacles.insert(o, r);
                    }
                }
                Column::Ignored => {}
            }
        }
        let role = role.ok_or_else(|| {
            csv_error(
                line,
                header.of(Column::Role),
                CsvProblem::UnknownRole {
                    value: String::new(),
                },
            )
        })?;
        let mut response = Response::new(respondent, self.agency(agency), role);
        response.facilitators = facilitators;
        response.obstacles = obstacles;
        Ok(Some(response))
    }
}

/// A rating cell: empty for not rated, else an integer from 1 to 5.
fn rating(cell: &str, line: u64, column: &str) -> Result<Option<Rating>, Error> {
    if cell.is_empty() {
        return Ok(None);
    }
    cell.parse::<u8>()
        .ok()
        .and_then(Rating::new)
        .map(Some)
        .ok_or_else(|| {
            csv_error(
                line,
                Some(column),
                CsvProblem::NotARating {
                    value: cell.to_owned(),
                },
            )
        })
}

/// The header of a CSV file with a column for every item, named as the
/// catalogue names it, after the `respondent`, `agency` and `role`
/// columns: what a survey tool's export should look like.
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
