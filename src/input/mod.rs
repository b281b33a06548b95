//! The documents read in: the partnership, its responses (from a document
//! or a survey tool's export: CSV or a spreadsheet) and their ratings, the rules every response obeys, and
//! the sums per agency and role built while they are checked.

pub(crate) mod assessment;
pub(crate) mod partners;
pub(crate) mod partnership;
pub(crate) mod plan;
mod plan_read;
pub(crate) mod rating;
mod read;
#[cfg(any(feature = "csv", feature = "xlsx"))]
pub(crate) mod survey;
pub(crate) mod tally;
