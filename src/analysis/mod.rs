//! The analyses: classification of a partnership and gap analysis towards a
//! target level.

pub(crate) mod classify;
pub(crate) mod gap;
