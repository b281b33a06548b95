#![doc = include_str!("../README.md")]
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

// The folders follow the pipeline: the framework's concepts, the rubric that
// links them, the documents read in, the analyses, and the renderings. Shared
// foundations sit underneath. Every public item is re-exported here, flat.

pub mod _documentation;
mod foundation;

// The framework's concepts and the catalogue.
mod concepts;
pub use concepts::benefit::Benefit;
pub use concepts::catalogue::{
    BenefitLinks, Catalogue, CharacteristicLinks, DefinitionEntry, Entry, FacilitatorLinks,
    LevelLinks, NoLinks, ObstacleLinks, RubricNumbers, SourceEntry,
};
pub use concepts::characteristic::Characteristic;
pub use concepts::facilitator::Facilitator;
pub use concepts::finding::{DEFINITION, Definition, Finding};
pub use concepts::level::Level;
pub use concepts::obstacle::Obstacle;
pub use concepts::rated::Rated;
pub use concepts::source::Source;
pub use concepts::tip::PracticeTip;

// The rubric: the links and numbers every analysis reads.
mod rubric;
pub use rubric::{Divergence, Privacy, Rubric, RubricId, Thresholds, TipLinks, Weights};

// The documents read in.
mod input;
pub use input::assessment::{Agency, Assessment, Response, Role, Sector};
#[cfg(feature = "csv")]
pub use input::csv::{CsvOptions, csv_header};
pub use input::date::Date;
pub use input::rating::{Rating, Ratings};

// The analyses.
mod analysis;
pub use analysis::classify::{
    Classification, FacilitatorBand, FacilitatorResult, ObstacleBand, ObstacleResult,
};
pub use analysis::gap::{
    ActiveObstacle, FacilitatorGap, GapItem, GapReport, MissingCharacteristic, Recommendation,
};
pub use analysis::progress::{
    FacilitatorChange, Movement, ObstacleChange, ProgressReport, Round, progress,
};
pub use analysis::voices::{
    AgencyGroup, FacilitatorVoices, Hidden, ObstacleVoices, RoleGroup, Voices,
};

// The renderings.
mod render;
#[cfg(feature = "html")]
pub use render::html::{Html, Svg};
pub use render::markdown::Markdown;
pub use render::progress_markdown::ProgressMarkdown;
#[cfg(feature = "schemars")]
pub use render::schema;

// Foundations: identifiers, sets of them, and errors.
pub use foundation::error::{CsvProblem, Error, Result};
pub use foundation::id::{Concept, Identifier, ParseIdError};
pub use foundation::set::{ConceptSet, Iter};
