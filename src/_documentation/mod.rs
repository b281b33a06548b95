//! Long-form documentation: how the crate reads a partnership's
//! assessment, and the guides to each of its parts.
//!
//! This module holds no code. Its pages are written in Markdown and built by
//! rustdoc, so they are on docs.rs beside the API, every link to an item is
//! checked, and every Rust example is run as a test.
//!
//! - [`method`]: the method, rule by rule, with a worked example.
//! - [`reports`]: what a report carries, why the same input always gives
//!   the same bytes, and the chart and the printable page.
//! - [`voices`]: who sees the partnership how, and the rule that hides
//!   small groups.
//! - [`network`]: who works with whom, from the agencies' answers about
//!   each other.
//! - [`progress`]: what moved between two rounds of a partnership.
//! - [`plans`]: an action plan from the recommendations, checked at the
//!   next round.
//! - [`cohort`]: many partnerships summed up, and one among its peers.
//! - [`rubrics`]: the default rubric as a document, and your own.
//! - [`survey`]: reading the exports of Google Forms, Microsoft Forms,
//!   Qualtrics, SurveyMonkey and any spreadsheet.
//! - [`schemas`]: the JSON Schema of every document, from TypeScript and
//!   Python.
//! - [`embedding`]: the npm package, the Python module and the offline
//!   page, and how to build them.
//! - [`performance`]: the measured figures and their targets.

#[doc = include_str!("method.md")]
pub mod method {}

#[doc = include_str!("reports.md")]
pub mod reports {}

#[doc = include_str!("voices.md")]
pub mod voices {}

#[doc = include_str!("network.md")]
pub mod network {}

#[doc = include_str!("progress.md")]
pub mod progress {}

#[doc = include_str!("plans.md")]
pub mod plans {}
#[doc = include_str!("cohort.md")]
pub mod cohort {}

#[doc = include_str!("rubrics.md")]
pub mod rubrics {}

// The page always exists, so that links to it hold in every build; its
// examples and its links to the readers need the features that hold them.
#[cfg_attr(
    all(feature = "csv", feature = "xlsx"),
    doc = include_str!("survey.md")
)]
#[cfg_attr(
    not(all(feature = "csv", feature = "xlsx")),
    doc = "# From your survey tool: reading survey exports\n\n\
           Reading survey exports needs the crate's `csv` and `xlsx` \
           features (both default), which this build of the documentation \
           leaves out."
)]
pub mod survey {}

#[doc = include_str!("schemas.md")]
pub mod schemas {}

#[doc = include_str!("embedding.md")]
pub mod embedding {}

#[doc = include_str!("performance.md")]
pub mod performance {}

/// The README's examples, run as tests: the README is the repository's
/// front page, not the crate's documentation, so nothing else runs them.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct Readme;
