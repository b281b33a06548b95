//! Shared foundations every other part of the crate builds on: identifier
//! enums and their traits, sets of identifiers, exact arithmetic, reading
//! text, and the error type.

pub(crate) mod error;
pub(crate) mod exact;
pub(crate) mod id;
pub(crate) mod json;
pub(crate) mod set;
pub(crate) mod text;
