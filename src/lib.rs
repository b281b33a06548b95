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

mod assessment;
mod benefit;
mod catalogue;
mod characteristic;
mod classify;
mod date;
mod error;
mod facilitator;
mod finding;
mod gap;
mod id;
mod level;
mod markdown;
mod obstacle;
mod rating;
mod rubric;
#[cfg(feature = "schemars")]
pub mod schema;
mod set;
mod source;
mod tip;

pub use assessment::{Agency, Assessment, Response, Role, Sector};
pub use benefit::Benefit;
pub use catalogue::{
    BenefitLinks, Catalogue, CharacteristicLinks, DefinitionEntry, Entry, FacilitatorLinks,
    LevelLinks, NoLinks, ObstacleLinks, RubricNumbers, SourceEntry,
};
pub use characteristic::Characteristic;
pub use classify::{
    Classification, FacilitatorBand, FacilitatorResult, ObstacleBand, ObstacleResult,
};
pub use date::Date;
pub use error::{Error, Result};
pub use facilitator::Facilitator;
pub use finding::{DEFINITION, Definition, Finding};
pub use gap::{
    ActiveObstacle, FacilitatorGap, GapItem, GapReport, MissingCharacteristic, Recommendation,
};
pub use id::{Concept, Identifier, ParseIdError};
pub use level::Level;
pub use markdown::Markdown;
pub use obstacle::Obstacle;
pub use rating::{Rating, Ratings};
pub use rubric::{Rubric, Thresholds, TipLinks, Weights};
pub use set::{ConceptSet, Iter};
pub use source::Source;
pub use tip::PracticeTip;
