//! Where a problem is, and what kind of problem it is: the two questions
//! every [`Error`] answers, whatever the input format.

use core::fmt;

use super::{Column, Error, ExportProblem, PartnerProblem, PlanProblem};

/// Where in the input a problem is: a field of a document (with the line
/// and column of its text, when the text could not be read), a line (and
/// column) of a CSV file, or a cell of a spreadsheet. Errors about a rule that every input format obeys
/// (a respondent listed twice, an agency not listed, …) name the place the
/// format gives it.
///
/// ```
/// use interagency::Place;
///
/// assert_eq!(Place::Field("responses[2].agency".into()).to_string(), "responses[2].agency");
/// assert_eq!(Place::Line { line: 4, column: Some("Agency".into()) }.to_string(), "line 4, column Agency");
/// assert_eq!(Place::Line { line: 4, column: None }.to_string(), "line 4");
/// let cell = Place::Cell { sheet: "Sheet1".into(), cell: "B7".into(), column: None };
/// assert_eq!(cell.to_string(), "Sheet1!B7");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Place {
    /// A field of a document, as a path: `responses[3].agency`.
    Field(String),
    /// A line of a CSV file, from 1 (the header), and the header of the
    /// column when the value is in one.
    Line {
        /// The line, as a text editor numbers it.
        line: u64,
        /// The column's header.
        column: Option<String>,
    },
    /// A place in a JSON document's text: the field's path (`document` for
    /// the whole), and the line and column where reading stopped, from 1.
    Text {
        /// The field, as a path such as `responses[3].agency`.
        path: String,
        /// The line of the text.
        line: usize,
        /// The column of the line.
        column: usize,
    },
    /// A cell of a spreadsheet: `Responses!B7`.
    Cell {
        /// The sheet's name.
        sheet: String,
        /// The cell, as a spreadsheet names it; a whole row is named by its
        /// first cell.
        cell: String,
        /// The header of a column the place names but no cell holds (a
        /// missing column, named beside the sheet's first cell); `None`
        /// when the cell names its column.
        column: Option<String>,
    },
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Field(path) => f.write_str(path),
            Place::Line { line, column } => write!(f, "line {line}{}", Column(column)),
            Place::Text { path, line, column } => {
                write!(f, "{path} (line {line}, column {column})")
            }
            Place::Cell {
                sheet,
                cell,
                column,
            } => write!(f, "{sheet}!{cell}{}", Column(column)),
        }
    }
}

/// What kind of problem an [`Error`] is, for a program that reacts to
/// errors by kind (a web form marking a field, a survey tool asking for a
/// new export) rather than by message.
///
/// ```
/// use interagency::{Assessment, ErrorKind, Place};
///
/// let err = Assessment::from_json(r#"{"partnership": " ", "agencies": [], "characteristics": [], "responses": []}"#)
///     .unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Missing);
/// assert_eq!(err.place(), Some(Place::Field("partnership".into())));
///
/// // Well-formed JSON without a field the document needs.
/// let err = Assessment::from_json(r#"{"partnership": "N", "agencies": []}"#).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Missing);
/// // Text that is not JSON.
/// let err = Assessment::from_json(r#"{"partnership": "N", "agencies": ["#).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Syntax);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not well-formed (JSON, CSV, a scale of words), or the
    /// file cannot be read at all.
    Syntax,
    /// Something required is absent or empty: a field, a column, an id,
    /// every rating of a response.
    Missing,
    /// A value of the wrong type, out of range, or naming nothing known: a
    /// rating of 7, an unknown agency, an unknown facilitator, a field the
    /// document does not have.
    Invalid,
    /// Something given twice: an agency, a respondent, a rating, a column.
    Duplicate,
    /// Parts that do not fit together: too few agencies, two rounds dated
    /// the wrong way round, responses given in two places, a sheet or
    /// column asked for that the file does not have, a rubric's thresholds
    /// out of order.
    Mismatch,
}

impl Error {
    /// Where the problem is: a field of a document (its path), a place in
    /// a JSON text (path, line and column), a line and column of a CSV
    /// file, or a cell of a spreadsheet. `None` for a problem of no one
    /// place (a damaged workbook, a sheet not in it, a column named that
    /// the header lacks, a rating out of range given by a program).
    ///
    /// ```
    /// use interagency::{Assessment, Place};
    ///
    /// let text = r#"{
    ///   "partnership": "Northside",
    ///   "agencies": [{"id": "cfa", "name": "CFA"}, {"id": "hse", "name": "HSE"}],
    ///   "characteristics": [],
    ///   "responses": [{"respondent": "r1", "agency": "cfa", "role": "frontline",
    ///                  "facilitators": {"leadership": 7}}]
    /// }"#;
    /// let err = Assessment::from_json(text).unwrap_err();
    /// assert_eq!(err.place(), Some(Place::Field("responses[0].facilitators.leadership".into())));
    /// assert_eq!(err.respondent(), Some("r1"));
    /// ```
    #[must_use]
    pub fn place(&self) -> Option<Place> {
        let field = |text: &str| Some(Place::Field(text.to_owned()));
        let indexed = |list: &str, index: &usize, rest: &str| {
            Some(Place::Field(format!("{list}[{index}]{rest}")))
        };
        match self {
            Error::EmptyPartnership { .. } | Error::DuplicatePartnership { .. } => {
                field("partnership")
            }
            Error::InvalidDate { .. } | Error::RoundsOutOfOrder { .. } => field("assessed_on"),
            Error::TooFewAgencies { .. } => field("agencies"),
            Error::EmptyAgencyId { index, .. } | Error::DuplicateAgency { index, .. } => {
                indexed("agencies", index, ".id")
            }
            Error::MissingAgencyField { index, field, .. } => {
                indexed("agencies", index, &format!(".{field}"))
            }
            Error::UnknownSector { index, .. } => indexed("agencies", index, ".sector"),
            Error::UnknownCharacteristic { index, .. }
            | Error::DuplicateCharacteristic { index, .. } => indexed("characteristics", index, ""),
            Error::MissingResponseField { index, field, .. } => {
                indexed("responses", index, &format!(".{field}"))
            }
            Error::EmptyRespondent { place, .. }
            | Error::DuplicateRespondent { place, .. }
            | Error::UnknownAgency { place, .. }
            | Error::NoRatings { place, .. }
            | Error::ControlCharacter { place, .. }
            | Error::Export { place, .. } => Some(place.clone()),
            Error::UnknownRole { index, .. } => indexed("responses", index, ".role"),
            Error::UnknownFacilitator { index, .. } => indexed("responses", index, ".facilitators"),
            Error::UnknownObstacle { index, .. } => indexed("responses", index, ".obstacles"),
            Error::DuplicateRating {
                index, field, item, ..
            }
            | Error::InvalidRating {
                index, field, item, ..
            } => indexed("responses", index, &format!(".{field}.{item}")),
            Error::InvalidPerceivedLevel { index, .. } => {
                indexed("responses", index, ".perceived_level")
            }
            Error::Partner { field, .. }
            | Error::InvalidType { field, .. }
            | Error::RubricUnknownId { field, .. }
            | Error::RubricDuplicate { field, .. } => Some(Place::Field(field.clone())),
            Error::RubricEmpty { field, .. }
            | Error::RubricMissingEntry { field, .. }
            | Error::ThresholdOrder { field, .. }
            | Error::RubricNumber { field, .. }
            | Error::PlanMismatch { field, .. } => Some(Place::Field((*field).to_owned())),
            Error::LevelWithoutCharacteristic { .. } => field("characteristic_levels"),
            Error::Json {
                path, line, column, ..
            } => Some(Place::Text {
                path: path.clone(),
                line: *line,
                column: *column,
            }),
            Error::InvalidScale { .. } => field("scale"),
            Error::ResponsesTwice { .. } => field("responses"),
            Error::Spreadsheet { .. }
            | Error::UnknownSheet { .. }
            | Error::ColumnNotFound { .. }
            | Error::Rating { .. }
            | Error::CohortTooSmall { .. } => None,
            Error::Plan(e) => Some(e.place.clone()),
            Error::NothingToPlan { .. } => field("recommendations"),
        }
    }

    /// The respondent whose answer the problem is in, when there is one
    /// (an id as the input gives it: for a report, never print it beside
    /// the respondent's answers).
    #[must_use]
    pub fn respondent(&self) -> Option<&str> {
        match self {
            Error::MissingResponseField { respondent, .. }
            | Error::InvalidType { respondent, .. } => respondent.as_deref(),
            Error::DuplicateRespondent { respondent, .. }
            | Error::UnknownAgency { respondent, .. }
            | Error::UnknownRole { respondent, .. }
            | Error::NoRatings { respondent, .. }
            | Error::UnknownFacilitator { respondent, .. }
            | Error::UnknownObstacle { respondent, .. }
            | Error::DuplicateRating { respondent, .. }
            | Error::InvalidRating { respondent, .. }
            | Error::Partner { respondent, .. }
            | Error::InvalidPerceivedLevel { respondent, .. } => Some(respondent),
            _ => None,
        }
    }

    /// What kind of problem this is.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Export { problem, .. } => match problem {
                ExportProblem::Malformed { .. } => ErrorKind::Syntax,
                ExportProblem::MissingColumn => ErrorKind::Missing,
                ExportProblem::DuplicateColumn { .. } => ErrorKind::Duplicate,
                _ => ErrorKind::Invalid,
            },
            Error::Partner {
                problem: PartnerProblem::Duplicate,
                ..
            }
            | Error::DuplicateAgency { .. }
            | Error::DuplicateCharacteristic { .. }
            | Error::DuplicateRespondent { .. }
            | Error::DuplicateRating { .. }
            | Error::RubricDuplicate { .. }
            | Error::DuplicatePartnership { .. } => ErrorKind::Duplicate,
            Error::Json { message, .. } => json_kind(message),
            Error::InvalidScale { .. } | Error::Spreadsheet { .. } => ErrorKind::Syntax,
            Error::EmptyPartnership { .. }
            | Error::EmptyAgencyId { .. }
            | Error::MissingAgencyField { .. }
            | Error::MissingResponseField { .. }
            | Error::EmptyRespondent { .. }
            | Error::NoRatings { .. }
            | Error::RubricEmpty { .. }
            | Error::RubricMissingEntry { .. }
            | Error::LevelWithoutCharacteristic { .. } => ErrorKind::Missing,
            Error::TooFewAgencies { .. }
            | Error::RoundsOutOfOrder { .. }
            | Error::ThresholdOrder { .. }
            | Error::UnknownSheet { .. }
            | Error::ColumnNotFound { .. }
            | Error::ResponsesTwice { .. }
            | Error::PlanMismatch { .. }
            | Error::NothingToPlan { .. }
            | Error::CohortTooSmall { .. } => ErrorKind::Mismatch,
            Error::Plan(e) => match e.problem {
                PlanProblem::Missing | PlanProblem::Empty => ErrorKind::Missing,
                PlanProblem::Duplicate => ErrorKind::Duplicate,
                _ => ErrorKind::Invalid,
            },
            _ => ErrorKind::Invalid,
        }
    }
}

/// The kind of a JSON reader's error, from serde's words for it: text
/// that is well-formed JSON but not shaped like the document (a field
/// missing, given twice, unknown, or of the wrong type) is not a syntax
/// error.
fn json_kind(message: &str) -> ErrorKind {
    const INVALID: [&str; 5] = [
        "invalid type",
        "invalid value",
        "invalid length",
        "unknown field",
        "unknown variant",
    ];
    if message.starts_with("missing field") {
        ErrorKind::Missing
    } else if message.starts_with("duplicate field") {
        ErrorKind::Duplicate
    } else if INVALID.iter().any(|start| message.starts_with(start)) {
        ErrorKind::Invalid
    } else {
        ErrorKind::Syntax
    }
}
