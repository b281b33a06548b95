//! The renderings of reports and documents: Markdown, SVG charts, HTML
//! pages and JSON Schema.
//!
//! Every rendering of a report goes through one view (`view.rs`): the
//! sections, rows, words and sentences, built once from the report alone.
//! Each format only writes that view; a new format is one more writer.

pub(crate) mod escape;
#[cfg(feature = "html")]
pub(crate) mod html;
pub(crate) mod markdown;
#[cfg(feature = "schemars")]
pub mod schema;
#[cfg(feature = "html")]
pub(crate) mod svg;
pub(crate) mod view;

use crate::{GapReport, ProgressReport};

/// The report a rendering writes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Report<'a> {
    Gap(&'a GapReport),
    Progress(&'a ProgressReport),
}
