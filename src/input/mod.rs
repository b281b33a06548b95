//! The documents read in: the partnership, its responses (from a document
//! or a CSV export) and their ratings, the rules every response obeys, and
//! the sums per agency and role built while they are checked.

pub(crate) mod assessment;
#[cfg(feature = "csv")]
pub(crate) mod csv;
pub(crate) mod partnership;
mod plain;
pub(crate) mod rating;
pub(crate) mod tally;
