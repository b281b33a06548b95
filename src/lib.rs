#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

mod benefit;
mod catalogue;
mod characteristic;
mod facilitator;
mod finding;
mod id;
mod level;
mod obstacle;
mod rubric;
mod set;
mod source;
mod tip;

pub use benefit::Benefit;
pub use catalogue::{
    BenefitLinks, Catalogue, CharacteristicLinks, DefinitionEntry, Entry, FacilitatorLinks,
    LevelLinks, NoLinks, ObstacleLinks, RubricNumbers, SourceEntry,
};
pub use characteristic::Characteristic;
pub use facilitator::Facilitator;
pub use finding::{DEFINITION, Definition, Finding};
pub use id::{Concept, Identifier, ParseIdError};
pub use level::Level;
pub use obstacle::Obstacle;
pub use rubric::{Rubric, Thresholds, TipLinks, Weights};
pub use set::{ConceptSet, Iter};
pub use source::Source;
pub use tip::PracticeTip;
