//! The renderings of reports and documents: Markdown and JSON Schema.

pub(crate) mod escape;
pub(crate) mod markdown;
pub(crate) mod progress_markdown;
#[cfg(feature = "schemars")]
pub mod schema;
