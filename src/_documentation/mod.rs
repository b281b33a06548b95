//! Long-form documentation: how the crate reads a partnership's assessment.
//!
//! This module holds no code. Its pages are written in Markdown and built by
//! rustdoc, so they are on docs.rs beside the API and every link in them is
//! checked.
//!
//! - [`method`]: the method, rule by rule, with a worked example.

#[doc = include_str!("method.md")]
pub mod method {}
