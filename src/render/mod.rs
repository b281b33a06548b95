//! The renderings of reports and documents: Markdown, SVG charts, HTML
//! pages and JSON Schema.

#[cfg(feature = "html")]
pub(crate) mod chart;
pub(crate) mod escape;
#[cfg(feature = "html")]
pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod progress_markdown;
#[cfg(feature = "schemars")]
pub mod schema;
