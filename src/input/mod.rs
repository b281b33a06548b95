//! The documents read in: the assessment, its ratings and dates, and the
//! per-agency sums built while it is validated.

pub(crate) mod assessment;
pub(crate) mod date;
pub(crate) mod rating;
pub(crate) mod tally;
