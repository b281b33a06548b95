//! The error every fallible function of the crate returns, naming the
//! field, the value and the respondent, agency or line; and reading JSON
//! text with errors that say where.

use core::fmt;

pub(crate) mod json;
mod place;

pub use place::{ErrorKind, Place};

use crate::foundation::id::OneOf;
use crate::{Characteristic, Date, Facilitator, Level, Obstacle, Role, Sector};

/// Why an assessment, a rubric, a rating or a date was rejected.
///
/// Every message names the field (as a path such as
/// `responses[3].facilitators.leadership`), the offending value and, where
/// one applies, the respondent or agency.
///
/// ```
/// use interagency::Assessment;
///
/// let text = r#"{
///   "partnership": "Northside",
///   "agencies": [{"id": "cfa", "name": "CFA"}, {"id": "hse", "name": "HSE"}],
///   "characteristics": [],
///   "responses": [{"respondent": "r1", "agency": "cfa", "role": "frontline",
///                  "facilitators": {"leadership": 7}}]
/// }"#;
/// let err = serde_json::from_str::<Assessment>(text).unwrap_err();
/// assert!(err.to_string().starts_with(
///     "responses[0].facilitators.leadership: respondent \"r1\" gives 7; \
///      a rating is an integer from 1 to 5"
/// ));
/// ```
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `partnership` is empty or only white space.
    #[error("partnership: must not be empty, got {value:?}")]
    EmptyPartnership {
        /// The rejected text.
        value: String,
    },
    /// `assessed_on` is not a real `YYYY-MM-DD` date.
    #[error("assessed_on: {value:?} is not a real date in YYYY-MM-DD form")]
    InvalidDate {
        /// The rejected text.
        value: String,
    },
    /// Fewer than two agencies.
    #[error("agencies: at least two agencies are needed, got {count}")]
    TooFewAgencies {
        /// How many agencies there were.
        count: usize,
    },
    /// An agency id is empty or only white space.
    #[error("agencies[{index}].id: must not be empty, got {value:?}")]
    EmptyAgencyId {
        /// The agency's position in `agencies`.
        index: usize,
        /// The rejected id.
        value: String,
    },
    /// Two agencies share an id.
    #[error("agencies[{index}].id: agency {agency:?} is listed twice")]
    DuplicateAgency {
        /// The position of the second listing in `agencies`.
        index: usize,
        /// The repeated id.
        agency: String,
    },
    /// An agency lacks a required field (or gives it as `null`).
    #[error("agencies[{index}].{field}: missing{}", Whose("agency", .agency))]
    MissingAgencyField {
        /// The agency's position in `agencies`.
        index: usize,
        /// The missing field: `id` or `name`.
        field: &'static str,
        /// The agency's id, when it has one.
        agency: Option<String>,
    },
    /// An agency's sector is not one of the known sectors.
    #[error(
        "agencies[{index}].sector: unknown sector {value:?} for agency {agency:?}; expected one of: {}",
        OneOf::<Sector>::new()
    )]
    UnknownSector {
        /// The agency's position in `agencies`.
        index: usize,
        /// The agency's id.
        agency: String,
        /// The rejected sector.
        value: String,
    },
    /// A characteristic identifier names no characteristic.
    #[error(
        "characteristics[{index}]: unknown characteristic {value:?}; expected one of: {}",
        OneOf::<Characteristic>::new()
    )]
    UnknownCharacteristic {
        /// The position in `characteristics`.
        index: usize,
        /// The rejected identifier.
        value: String,
    },
    /// A characteristic is listed twice.
    #[error("characteristics[{index}]: \"{characteristic}\" is listed twice")]
    DuplicateCharacteristic {
        /// The position of the second listing in `characteristics`.
        index: usize,
        /// The repeated characteristic.
        characteristic: Characteristic,
    },
    /// A response lacks a required field (or gives it as `null`).
    #[error("responses[{index}].{field}: missing{}", Whose("respondent", .respondent))]
    MissingResponseField {
        /// The response's position in `responses`.
        index: usize,
        /// The missing field: `respondent`, `agency` or `role`.
        field: &'static str,
        /// The respondent, when the response names one.
        respondent: Option<String>,
    },
    /// A respondent id is empty or only white space.
    #[error("{place}: must not be empty, got {value:?}")]
    EmptyRespondent {
        /// Where: the response's `respondent` field, or a CSV file's line
        /// and respondent column.
        place: Place,
        /// The rejected id.
        value: String,
    },
    /// Two responses share a respondent id.
    #[error("{place}: respondent {respondent:?} is listed twice")]
    DuplicateRespondent {
        /// Where the second response names it.
        place: Place,
        /// The repeated respondent id.
        respondent: String,
    },
    /// A response names an agency that is not listed.
    #[error(
        "{place}: respondent {respondent:?} names agency {agency:?}, which is not among the \
         agencies ({expected})"
    )]
    UnknownAgency {
        /// Where the response names it.
        place: Place,
        /// The respondent.
        respondent: String,
        /// The agency that is not listed, as given.
        agency: String,
        /// The ids of the partnership's agencies, comma-separated.
        expected: String,
    },
    /// A response's role is not one of the known roles.
    #[error(
        "responses[{index}].role: unknown role {value:?} for respondent {respondent:?}; expected one of: {}",
        OneOf::<Role>::new()
    )]
    UnknownRole {
        /// The response's position in `responses`.
        index: usize,
        /// The respondent.
        respondent: String,
        /// The rejected role.
        value: String,
    },
    /// A response has no answer at all: no rating, no answer about
    /// another agency and no perceived level.
    #[error(
        "{place}: respondent {respondent:?} gives no rating; \
         at least one facilitator or obstacle rating is needed \
         (or an answer about another agency, or a perceived level)"
    )]
    NoRatings {
        /// Where the response is.
        place: Place,
        /// The respondent.
        respondent: String,
    },
    /// A facilitator rating names no facilitator.
    #[error(
        "responses[{index}].facilitators: unknown facilitator {value:?} rated by respondent {respondent:?}; expected one of: {}",
        OneOf::<Facilitator>::new()
    )]
    UnknownFacilitator {
        /// The response's position in `responses`.
        index: usize,
        /// The respondent.
        respondent: String,
        /// The rejected identifier.
        value: String,
    },
    /// An obstacle rating names no obstacle.
    #[error(
        "responses[{index}].obstacles: unknown obstacle {value:?} rated by respondent {respondent:?}; expected one of: {}",
        OneOf::<Obstacle>::new()
    )]
    UnknownObstacle {
        /// The response's position in `responses`.
        index: usize,
        /// The respondent.
        respondent: String,
        /// The rejected identifier.
        value: String,
    },
    /// A response rates the same item twice.
    #[error("responses[{index}].{field}.{item}: respondent {respondent:?} rates it twice")]
    DuplicateRating {
        /// The response's position in `responses`.
        index: usize,
        /// The respondent.
        respondent: String,
        /// `facilitators` or `obstacles`.
        field: &'static str,
        /// The item's identifier.
        item: &'static str,
    },
    /// A rating in a response is not an integer from 1 to 5.
    #[error(
        "responses[{index}].{field}.{item}: respondent {respondent:?} gives {value}; \
         a rating is an integer from 1 to 5"
    )]
    InvalidRating {
        /// The response's position in `responses`.
        index: usize,
        /// The respondent.
        respondent: String,
        /// `facilitators` or `obstacles`.
        field: &'static str,
        /// The item's identifier.
        item: &'static str,
        /// The rejected value, as written.
        value: String,
    },
    /// An answer about another agency (`partners` or `trust`) that cannot
    /// be taken: about the respondent's own agency or an unlisted one,
    /// given twice, or not a level or a trust answer.
    #[error("{field}: respondent {respondent:?}, agency {agency:?}: {problem}")]
    Partner {
        /// Where: the answer's field, as a path such as
        /// `responses[3].partners.hse`.
        field: String,
        /// The respondent.
        respondent: String,
        /// The agency the answer is about, as given.
        agency: String,
        /// What is wrong.
        problem: PartnerProblem,
    },
    /// A perceived level that is not `none` nor a level.
    #[error(
        "responses[{index}].perceived_level: respondent {respondent:?} gives {value}; expected \
         one of: none, cooperation, collaboration, coordination, integration"
    )]
    InvalidPerceivedLevel {
        /// The response's position in `responses`.
        index: usize,
        /// The respondent.
        respondent: String,
        /// The value, as written.
        value: String,
    },
    /// A field holds a value of the wrong type (a number where text is
    /// wanted, a list where a map is wanted, …).
    #[error("{field}: {}invalid type: {found}, expected {expected}", Owner(.respondent, .agency))]
    InvalidType {
        /// The field, as a path such as `responses[4].role`.
        field: String,
        /// The respondent the field belongs to, when known.
        respondent: Option<String>,
        /// The agency the field belongs to, when known.
        agency: Option<String>,
        /// What the value was, as serde describes it (``integer `3` ``,
        /// `a sequence`, …).
        found: String,
        /// What was expected.
        expected: &'static str,
    },
    /// A name or id contains a control character (a newline, a tab, …).
    #[error(
        "{place}: {value:?} contains the control character {character:?}; \
         names and ids must be plain text on one line"
    )]
    ControlCharacter {
        /// Where: a field such as `agencies[1].name`, or a CSV file's line
        /// and column.
        place: Place,
        /// The rejected text.
        value: String,
        /// The first control character in it.
        character: char,
    },
    /// The document is not well-formed JSON, or a part of it does not have
    /// the shape of an assessment (reported by [`Assessment::from_json`]).
    ///
    /// [`Assessment::from_json`]: crate::Assessment::from_json
    #[error("{path}: {message} (line {line}, column {column})")]
    Json {
        /// Where in the document, as a path such as `agencies[0]`, or
        /// `document` for the document as a whole.
        path: String,
        /// What is wrong.
        message: String,
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
    },
    /// A rubric's name or version is empty or only white space.
    #[error("{field}: must not be empty, got {value:?}")]
    RubricEmpty {
        /// `name` or `version`.
        field: &'static str,
        /// The rejected text.
        value: String,
    },
    /// A rubric names an identifier that does not exist (a key of one of
    /// its maps, an entry of a tip's lists, or a level).
    #[error("{field}: unknown {kind} {value:?}; expected one of: {expected}")]
    RubricUnknownId {
        /// Where, as a path such as `tips.secure_commitment.builds`.
        field: String,
        /// The kind of identifier expected (`facilitator`, `level`, …).
        kind: &'static str,
        /// The rejected identifier.
        value: String,
        /// The identifiers accepted, comma-separated.
        expected: String,
    },
    /// One of a rubric's maps leaves out a concept.
    #[error("{field}: no entry for {kind} {id:?}; the map names every {kind} once")]
    RubricMissingEntry {
        /// The map: `characteristic_levels`, `facilitator_levels`,
        /// `benefit_levels` or `tips`.
        field: &'static str,
        /// The kind of concept (`characteristic`, …).
        kind: &'static str,
        /// The concept left out.
        id: &'static str,
    },
    /// A rubric names a concept twice in one map or list.
    #[error("{field}: {value:?} is listed twice")]
    RubricDuplicate {
        /// Where, as a path such as `facilitator_levels` or
        /// `tips.secure_commitment.builds`.
        field: String,
        /// The repeated identifier.
        value: String,
    },
    /// A rubric leaves a level with no characteristic to mark it.
    #[error(
        "characteristic_levels: no characteristic marks level \"{level}\"; \
         every level needs at least one"
    )]
    LevelWithoutCharacteristic {
        /// The level left without a characteristic.
        level: Level,
    },
    /// A pair of rubric thresholds is not in order.
    #[error("{field}: lower {lower} must be below upper {upper} (1 <= lower < upper <= 5)")]
    ThresholdOrder {
        /// `facilitator_thresholds` or `obstacle_thresholds`.
        field: &'static str,
        /// The lower threshold given.
        lower: f64,
        /// The upper threshold given.
        upper: f64,
    },
    /// A number of a rubric is outside what it may be.
    #[error("{field}: {value} is not {expected}")]
    RubricNumber {
        /// Where, as a path such as `weights.obstacle_baseline`.
        field: &'static str,
        /// The rejected number.
        value: f64,
        /// What the number may be.
        expected: &'static str,
    },
    /// Two rounds compared for progress are dated the wrong way round.
    #[error(
        "assessed_on: the later round is dated {later}, before the earlier round ({earlier}); \
         give the earlier assessment first"
    )]
    RoundsOutOfOrder {
        /// The date of the round given as earlier.
        earlier: Date,
        /// The date of the round given as later.
        later: Date,
    },
    /// A problem at one place of a survey export: a line (and column) of
    /// a CSV file, or a cell of a spreadsheet (`Responses!F7`). A column
    /// that is missing has no cell, and is named by its header beside the
    /// sheet's first cell (`Responses!A1, column role: is missing; …`).
    #[error("{place}: {problem}")]
    Export {
        /// Where: a [`Place::Line`] or a [`Place::Cell`].
        place: Place,
        /// What is wrong.
        problem: ExportProblem,
    },
    /// A file of responses that is not a spreadsheet this crate reads
    /// (`.xlsx`, `.xls`, `.ods`), or is damaged.
    #[error("the spreadsheet cannot be read: {message}")]
    Spreadsheet {
        /// What the spreadsheet reader found.
        message: String,
    },
    /// The sheet asked for is not in the workbook.
    #[error("sheet {sheet:?} is not in the workbook; it has {available}")]
    UnknownSheet {
        /// The sheet asked for.
        sheet: String,
        /// The workbook's sheets, quoted and comma-separated.
        available: String,
    },
    /// A caller's scale of words is not written as `WORD=RATING` pairs.
    #[error(
        "scale: {entry:?} is not a word and a rating from 1 to 5 \
         (write the scale as \"Strongly disagree=1,Disagree=2,…\")"
    )]
    InvalidScale {
        /// The entry of the scale that is wrong.
        entry: String,
    },
    /// A column named for the respondent, agency or role that the
    /// header does not have.
    #[error("column {text:?}, named for the {field}, is not in the header")]
    ColumnNotFound {
        /// What the column was to hold: `respondent`, `agency` or `role`.
        field: &'static str,
        /// The text given for it.
        text: String,
    },
    /// A document read as a partnership lists responses: responses join a
    /// partnership from one place (the document, or a survey export).
    #[error(
        "responses: a partnership lists no responses, and this document lists {count}; \
         give the responses in one place"
    )]
    ResponsesTwice {
        /// How many responses the document lists.
        count: usize,
    },
    /// A number that should be a rating is not from 1 to 5.
    #[error("rating {value} is not an integer from 1 to 5")]
    Rating {
        /// The rejected number.
        value: u8,
    },
    /// A cohort of fewer than five partnerships: its distributions would
    /// name their members.
    #[error(
        "partnerships: a cohort needs at least 5 partnerships, got {partnerships}; \
         the figures of fewer would give each partnership's own away"
    )]
    CohortTooSmall {
        /// How many partnerships the cohort holds.
        partnerships: usize,
    },
    /// The same partnership twice in a cohort, which takes one round of
    /// each.
    #[error(
        "partnership: {partnership:?} is in {}; a cohort takes one round of each partnership",
        Both(first, second)
    )]
    DuplicatePartnership {
        /// The partnership's name.
        partnership: String,
        /// Where it came first (a file).
        first: String,
        /// Where it came again.
        second: String,
    },
    /// An action plan (or one of its actions) that breaks a rule of plans:
    /// in a JSON document, a CSV file or a spreadsheet. (Boxed: its place,
    /// action, field and value would make every error larger.)
    #[error("{0}")]
    Plan(Box<PlanError>),
    /// A plan reviewed against a round it does not belong to: another
    /// partnership's, or made after the round.
    #[error("{field}: {}", PlanMismatchText(.field, .plan, .later))]
    PlanMismatch {
        /// `partnership` or `made_on`.
        field: &'static str,
        /// The plan's value.
        plan: String,
        /// The later round's value.
        later: String,
    },
    /// A plan asked of a gap report with no recommendation.
    #[error(
        "recommendations: the report of {partnership:?} has no recommendation, so there is \
         nothing to plan"
    )]
    NothingToPlan {
        /// The partnership's name.
        partnership: String,
    },
}

/// A rule of action plans broken: where, in which action, which field,
/// the value, and what is wrong; see [`Error::Plan`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{place}: {}{field}{}: {problem}", Action(.action), Quoted(.value, .problem))]
pub struct PlanError {
    /// Where: a field such as `actions[1].tip`, a line and column of a CSV
    /// file, or a cell of a spreadsheet.
    pub place: Place,
    /// The action's id, when the problem is in an action that has one.
    pub action: Option<String>,
    /// The field: `partnership`, `made_on`, `target`, `actions`, `id`,
    /// `tip`, `addresses`, `owner`, `due`, `status` or `note` (`column`
    /// for a column of a spreadsheet that is no column of a plan).
    pub field: &'static str,
    /// The rejected value, as written (empty when it is missing).
    pub value: String,
    /// What is wrong.
    pub problem: PlanProblem,
}

/// What is wrong with a field of an action plan; see [`Error::Plan`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PlanProblem {
    /// A required field, column or cell that is absent or empty.
    Missing,
    /// Text with a control character (a newline, a tab, …).
    ControlCharacter {
        /// The first control character.
        character: char,
    },
    /// A value of the wrong type (a number where text is wanted, …).
    Type {
        /// What was expected.
        expected: &'static str,
    },
    /// A date that is not a real `YYYY-MM-DD` date.
    NotADate,
    /// A value that names nothing of the kind the field holds.
    Unknown {
        /// What the field holds: `practice tip`, `gap item`, `level`,
        /// `status`.
        kind: &'static str,
        /// The values accepted.
        expected: String,
    },
    /// An action id, or an item of one action, given twice.
    Duplicate,
    /// An item the action's practice tip does not work on under the rubric.
    NotWorkedOn {
        /// The action's practice tip.
        tip: &'static str,
        /// What the tip works on, comma-separated (`none` when nothing).
        expected: String,
    },
    /// A list that must not be empty: the actions, an action's items.
    Empty,
    /// A column of a plan's spreadsheet that is not one of its columns.
    UnknownColumn,
}

impl fmt::Display for PlanProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanProblem::Missing => f.write_str("is missing or empty"),
            PlanProblem::ControlCharacter { character } => write!(
                f,
                "contains the control character {character:?}; plan text must be plain text \
                 on one line"
            ),
            PlanProblem::Type { expected } => write!(f, "is not {expected}"),
            PlanProblem::NotADate => f.write_str("is not a real date in YYYY-MM-DD form"),
            PlanProblem::Unknown { kind, expected } => {
                write!(f, "names no {kind}; expected one of: {expected}")
            }
            PlanProblem::Duplicate => f.write_str("is given twice"),
            PlanProblem::NotWorkedOn { tip, expected } => write!(
                f,
                "is not an item the practice tip {tip:?} works on under the rubric; it works \
                 on: {expected}"
            ),
            PlanProblem::Empty => f.write_str("must not be empty"),
            PlanProblem::UnknownColumn => f.write_str(
                "is not a column of a plan; expected Action, Tip, Addresses, Owner, Due, \
                 Status (and Note)",
            ),
        }
    }
}

/// `action "a1", `, or nothing.
struct Action<'a>(&'a Option<String>);

impl fmt::Display for Action<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(id) => write!(f, "action {id:?}, "),
            None => Ok(()),
        }
    }
}

/// `both A and B`, or `A twice` when the two are one.
struct Both<'a>(&'a str, &'a str);

impl fmt::Display for Both<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == self.1 {
            write!(f, "{} twice", self.0)
        } else {
            write!(f, "both {} and {}", self.0, self.1)
        }
    }
}

/// ` "value"`, or nothing for a value missing or empty that the problem
/// says is missing or empty.
struct Quoted<'a>(&'a str, &'a PlanProblem);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            PlanProblem::Missing | PlanProblem::Empty if self.0.is_empty() => Ok(()),
            _ => write!(f, " {:?}", self.0),
        }
    }
}

/// What a plan says against what the later round says.
struct PlanMismatchText<'a>(&'a str, &'a String, &'a String);

impl fmt::Display for PlanMismatchText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let PlanMismatchText(field, plan, later) = *self;
        if field == "made_on" {
            write!(
                f,
                "the plan is dated {plan}, after the later round ({later}); a plan is reviewed \
                 at a round after it was made"
            )
        } else {
            write!(
                f,
                "the plan is for {plan:?}, and the later round is of {later:?}; a plan is \
                 reviewed with its own partnership's rounds"
            )
        }
    }
}

/// A `Result` whose error is this crate's [`Error`].
pub type Result<T, E = Error> = core::result::Result<T, E>;

/// `, column NAME`, or nothing.
struct Column<'a>(&'a Option<String>);

impl fmt::Display for Column<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(column) => write!(f, ", column {column}"),
            None => Ok(()),
        }
    }
}

/// What is wrong at one place of a survey export, a CSV file or a
/// spreadsheet; see [`Error::Export`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExportProblem {
    /// A header that names no facilitator or obstacle and is not ignored
    /// (`SurveyOptions::ignore_column`).
    UnknownColumn,
    /// A header that names the same thing as an earlier one.
    DuplicateColumn {
        /// The earlier header naming it.
        first: String,
    },
    /// A required column is missing from the header.
    MissingColumn,
    /// A rating cell that is not a rating: not a whole number from 1 to 5,
    /// nor a word of the scale.
    NotARating {
        /// The cell.
        value: String,
    },
    /// A cell of a `Working with` or `Perceived level` column that is not
    /// `none` (`No joint work`) nor a level.
    NotALevel {
        /// The cell.
        value: String,
    },
    /// A cell of a `Trust` column that is not a trust answer.
    NotATrust {
        /// The cell.
        value: String,
    },
    /// A `Working with` or `Trust` column about an agency the partnership
    /// does not list.
    UnknownPartner {
        /// The agency, as the header names it.
        agency: String,
    },
    /// A role cell that names no role.
    UnknownRole {
        /// The cell.
        value: String,
    },
    /// A Qualtrics `Status` (Response Type) cell that is no response type:
    /// neither one of Qualtrics' labels (`IP Address`, `Survey Preview`,
    /// `Spam`, …) nor a code.
    UnknownStatus {
        /// The cell.
        value: String,
    },
    /// A row that is not well-formed CSV, or not UTF-8.
    Malformed {
        /// What the CSV reader found.
        message: String,
    },
}

/// The former name of [`ExportProblem`], which spreadsheets share with CSV
/// files.
#[deprecated(note = "renamed `ExportProblem`: spreadsheets share it with CSV files")]
pub type CsvProblem = ExportProblem;

impl fmt::Display for ExportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportProblem::UnknownColumn => f.write_str(
                "names no facilitator or obstacle; a column that holds no answer must be \
                 ignored",
            ),
            ExportProblem::DuplicateColumn { first } => {
                write!(f, "names the same item as the column {first:?}")
            }
            ExportProblem::MissingColumn => f.write_str(
                "is missing; the header needs agency and role columns (or name the columns \
                 that hold them)",
            ),
            ExportProblem::NotARating { value } => {
                write!(f, "{value:?} is not a rating from 1 to 5")
            }
            ExportProblem::NotALevel { value } => write!(
                f,
                "{value:?} is not a level of joint work; expected No joint work (none), \
                 cooperation, collaboration, coordination or integration"
            ),
            ExportProblem::NotATrust { value } => write!(
                f,
                "{value:?} is not a trust answer; expected 1 to 4, or Not at all, A little, \
                 Mostly, Completely"
            ),
            ExportProblem::UnknownPartner { agency } => {
                write!(
                    f,
                    "names agency {agency:?}, which is not among the agencies"
                )
            }
            ExportProblem::UnknownRole { value } => write!(
                f,
                "{value:?} is not a role; expected frontline, manager or senior manager"
            ),
            ExportProblem::UnknownStatus { value } => write!(
                f,
                "{value:?} is not a Qualtrics response type; expected IP Address, Survey Preview, \
                 Survey Test, Imported, Spam, Offline, EX, Synthetic (or a combination such as \
                 Survey Preview Spam) or its code"
            ),
            ExportProblem::Malformed { message } => f.write_str(message),
        }
    }
}

/// What can be wrong with one answer about another agency.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PartnerProblem {
    /// The key is the respondent's own agency.
    OwnAgency,
    /// The key is no listed agency.
    UnknownAgency {
        /// The ids of the partnership's agencies, comma-separated.
        expected: String,
    },
    /// The key is given twice.
    Duplicate,
    /// The value is not `none` nor a level.
    NotALevel {
        /// The value, as written.
        value: String,
    },
    /// The value is not a trust answer from 1 to 4.
    NotATrust {
        /// The value, as written.
        value: String,
    },
}

impl fmt::Display for PartnerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartnerProblem::OwnAgency => {
                f.write_str("the respondent's own agency; answers are about the other agencies")
            }
            PartnerProblem::UnknownAgency { expected } => {
                write!(f, "not among the agencies ({expected})")
            }
            PartnerProblem::Duplicate => f.write_str("given twice"),
            PartnerProblem::NotALevel { value } => write!(
                f,
                "{value} is not a level of joint work (none, cooperation, collaboration, \
                 coordination or integration)"
            ),
            PartnerProblem::NotATrust { value } => {
                write!(f, "{value} is not a trust answer from 1 to 4")
            }
        }
    }
}

/// `respondent "r5": ` or `agency "cfa": `, or nothing.
struct Owner<'a>(&'a Option<String>, &'a Option<String>);

impl fmt::Display for Owner<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, self.1) {
            (Some(respondent), _) => write!(f, "respondent {respondent:?}: "),
            (None, Some(agency)) => write!(f, "agency {agency:?}: "),
            (None, None) => Ok(()),
        }
    }
}

/// ` for respondent "r1"` (or agency), or nothing without an id.
struct Whose<'a>(&'static str, &'a Option<String>);

impl fmt::Display for Whose<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(id) => write!(f, " for {} {id:?}", self.0),
            None => Ok(()),
        }
    }
}
