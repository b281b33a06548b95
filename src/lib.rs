#![doc = include_str!("_documentation/crate.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
// Library code never panics on input: no unwrap, expect, panic or indexing
// that can fail. (Tests, examples and benches may.)
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]
// The unit tests compare figures that are exact fractions written as the
// nearest f64, so they compare floats exactly (and count in them).
#![cfg_attr(
    test,
    allow(
        clippy::float_cmp,
        clippy::cast_precision_loss,
        reason = "tests compare exact figures written as the nearest f64"
    )
)]

// The folders follow the pipeline, and imports run one way down it:
//
//   foundation <- concepts <- error <- rubric <- input <- analysis <- render
//
// - foundation: identifier enums, sets of them, exact arithmetic, dates,
//   reading text; nothing of the framework.
// - concepts: the framework's concepts and vocabularies, the items
//   respondents rate and their bands.
// - error: the crate's error, and reading JSON with errors that say where.
// - rubric: the links and numbers every analysis reads, the rubric
//   document, and the catalogue (the concepts as one document, for a rubric).
// - input: the documents read in (partnerships, responses from JSON, CSV
//   and spreadsheets) and the sums kept for the analyses.
// - analysis: classification, voices, gap analysis, progress; each a method
//   on `Rubric`, with the default rubric's as a method on `Assessment`.
// - render: one view of every report, written as Markdown, SVG and HTML;
//   and the JSON Schemas.
//
// Where a change goes:
// - a new analysis: a file in `analysis/` (a method on `Rubric` and one on
//   `Assessment`), its report type re-exported below, its view in a file
//   of `render/view/`, and its schema in `render/schema.rs`;
// - a new input format: a file in `input/` that produces `Response`s and
//   hands them to `Partnership::with_responses`, which checks every rule;
//   a new survey export format: a file in `input/survey/` implementing
//   `Export` (its rows) and `Places` (where a row and cell are, as a
//   `Place`), read by `read_export`, as `csv.rs` and `sheet.rs` do; its
//   errors are `Error::Export` at its places, with no new variant;
// - a new output format: one writer of the views in `render/`, and its
//   `Format` variant, rendered by `Report::render` in `render/mod.rs`.
// A test (`tests/it/architecture.rs`) fails when a folder imports one above
// it.

pub mod _documentation;
mod analysis;
mod concepts;
mod error;
mod foundation;
mod input;
mod render;
pub mod rubric;

// The framework's concepts.
pub use concepts::benefit::Benefit;
pub use concepts::characteristic::Characteristic;
pub use concepts::concept::Concept;
pub use concepts::facilitator::Facilitator;
pub use concepts::level::Level;
pub use concepts::obstacle::Obstacle;
pub use concepts::rated::{Band, ByKind, FacilitatorBand, ObstacleBand, Rated};
pub use concepts::source::Source;
pub use concepts::tip::PracticeTip;
pub use concepts::vocabulary::{Role, Sector};
pub use foundation::id::{Identifier, ParseIdError};
pub use foundation::set::ConceptSet;
pub use rubric::catalogue::Catalogue;

// The documents read in.
pub use foundation::date::{Date, DateError};
pub use input::assessment::{Assessment, Response};
pub use input::partners::{PartnerLevel, Trust};
pub use input::partnership::{Agency, Partnership};
pub use input::plan::{Action, ActionStatus, Plan};
pub use input::rating::{Rating, Ratings};
#[cfg(any(feature = "csv", feature = "xlsx"))]
#[allow(deprecated, reason = "the old name is kept for existing code")]
pub use input::survey::CsvOptions;
#[cfg(any(feature = "csv", feature = "xlsx"))]
pub use input::survey::collected::{LeftOut, LeftOutKind, ReadExport};
#[cfg(any(feature = "csv", feature = "xlsx"))]
pub use input::survey::is_spreadsheet;
#[cfg(any(feature = "csv", feature = "xlsx"))]
pub use input::survey::scale::Scale;
#[cfg(any(feature = "csv", feature = "xlsx"))]
pub use input::survey::template::SurveyTemplate;
#[cfg(any(feature = "csv", feature = "xlsx"))]
pub use input::survey::{SurveyField, SurveyOptions, csv_header};

// The rubric, and the analyses it runs.
pub use analysis::classify::Classification;
pub use analysis::cohort::{Cohort, CohortReport};
pub use analysis::gap::GapReport;
pub use analysis::plan::{Outcome, PlanReview};
pub use analysis::progress::{Movement, ProgressReport};
pub use analysis::voices::Voices;
pub use concepts::gap_item::GapItem;
pub use rubric::Rubric;

// Errors.
#[allow(deprecated)]
pub use error::CsvProblem;
pub use error::{Error, ErrorKind, ExportProblem, PartnerProblem, Place, Result};
pub use error::{PlanError, PlanProblem};

pub use render::Format;
#[cfg(feature = "schemars")]
pub use render::schema;

/// The parts of reports: one record per item, group and change, what a
/// report carries of its rubric, and the renderings of reports.
///
/// The analyses return the report types at the crate root
/// ([`Classification`], [`GapReport`], [`Voices`], [`ProgressReport`]);
/// these are their fields' types.
pub mod report {
    pub use crate::analysis::classify::{FacilitatorResult, ItemResult, ObstacleResult};
    pub use crate::analysis::cohort::{
        BandCounts, CohortLevels, Distribution, FacilitatorDistribution, FacilitatorStanding,
        Focus, LevelCounts, MIN_PARTNERSHIPS, ObstacleDistribution, ObstacleStanding, SharedGap,
        Standing, TipReach,
    };
    pub use crate::analysis::gap::{
        ActiveObstacle, FacilitatorGap, MissingCharacteristic, Recommendation,
    };
    pub use crate::analysis::network::{
        ByLevel, Coverage, Degree, Network, NetworkChange, Pair, PairChange, Perceived,
        PerceivedCounts, Trusted,
    };
    pub use crate::analysis::plan::{ActionReview, ItemReview, ReviewSummary};
    pub use crate::analysis::progress::{FacilitatorChange, ItemChange, ObstacleChange, Round};
    pub use crate::analysis::spread::{AgreementLevel, Interval, LevelRange, PlausibleBands};
    pub use crate::analysis::voices::{
        AgencyGroup, FacilitatorVoices, Group, Hidden, ItemVoices, ObstacleVoices, RoleGroup,
    };
    pub use crate::foundation::keyed::Key;
    #[cfg(feature = "html")]
    pub use crate::render::html::{Html, Svg};
    pub use crate::render::markdown::Markdown;
    pub use crate::rubric::{CharacteristicLevels, RubricSummary};
}

/// The catalogue's parts: its entries and their links, the sources, the
/// formal definition and the research findings.
///
/// [`Catalogue`] at the crate root is the whole document.
pub mod catalogue {
    pub use crate::concepts::finding::{DEFINITION, Definition, Finding};
    pub use crate::rubric::catalogue::{
        BenefitLinks, CharacteristicLinks, DefinitionEntry, Entry, FacilitatorLinks, LevelLinks,
        NoLinks, ObstacleLinks, RubricNumbers, SourceEntry,
    };
}

/// Sets of identifiers, and their iterator.
pub mod set {
    pub use crate::foundation::set::{ConceptSet, Iter};
}
