//! The analyses: classification of a partnership, gap analysis towards a
//! target level, the voices of its agencies and roles, and progress between
//! two rounds.

pub(crate) mod classify;
pub(crate) mod gap;
pub(crate) mod progress;
pub(crate) mod voices;
