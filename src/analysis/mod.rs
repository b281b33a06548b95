//! The analyses: classification of a partnership, gap analysis towards a
//! target level, and the voices of its agencies and roles.

pub(crate) mod classify;
pub(crate) mod gap;
pub(crate) mod voices;
