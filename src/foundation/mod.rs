//! Shared foundations every other part of the crate builds on: identifier
//! enums and their traits, sets of identifiers, exact arithmetic, reading
//! text, escaping text for Markdown, and calendar dates.

pub(crate) mod approx;
pub(crate) mod date;
pub(crate) mod escape;
pub(crate) mod exact;
pub(crate) mod id;
pub(crate) mod keyed;
pub(crate) mod set;
#[cfg(test)]
pub(crate) mod test_rng;
pub(crate) mod text;
