//! The framework's concepts, as the sources name them: levels,
//! characteristics, facilitators, benefits, obstacles, practice tips,
//! findings and sources, and the catalogue that gathers them.

pub(crate) mod benefit;
pub(crate) mod characteristic;
pub(crate) mod concept;
pub(crate) mod facilitator;
pub(crate) mod finding;
pub(crate) mod gap_item;
pub(crate) mod level;
pub(crate) mod obstacle;
pub(crate) mod rated;
pub(crate) mod source;
pub(crate) mod tip;
pub(crate) mod vocabulary;
