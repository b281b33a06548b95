//! The documents read in: the assessment, its ratings and dates, responses
//! from CSV, and the sums per agency and role built while it is validated.

pub(crate) mod assessment;
#[cfg(feature = "csv")]
pub(crate) mod csv;
pub(crate) mod rating;
pub(crate) mod tally;
