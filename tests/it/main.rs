//! The integration tests, as one test binary: a module per subject, and the
//! helpers they share in `support`. One binary links the library once,
//! where a binary per file linked it fifteen times. The allocation test
//! (`tests/alloc.rs`) stays a binary of its own: it installs a counting
//! global allocator.

mod support;

mod analysis;
mod architecture;
mod assessment;
mod catalogue;
mod cli;
mod cohort;
#[cfg(feature = "csv")]
mod collected;
#[cfg(feature = "csv")]
mod csv;
mod errors;
mod exact;
mod example_files;
mod json_reading;
mod markdown;
mod network;
mod plan;
mod progress;
mod properties;
mod readme;
#[cfg(feature = "html")]
mod render;
mod reports;
mod rubric;
#[cfg(feature = "schemars")]
mod schema;
mod sure;
mod traits;
mod values;
