//! Reads a cohort of partnerships' assessment documents and prints the
//! cohort report: how many sit at each level, the spread of every
//! facilitator and obstacle, the gaps most share, the practice tips that
//! would reach the most, and with `--focus` where one partnership stands.
//!
//! ```text
//! cargo run --example cohort -- PATH... [--focus FILE] [--rubric RUBRIC.json]
//!                                       [--format json|markdown|svg|html]
//! ```
//!
//! Each PATH is an assessment document or a folder of them (every `*.json`
//! in it, in name order). Files are read one at a time: each is analysed,
//! what the cohort keeps of it (its means and counts) is kept, and its text
//! and responses are dropped before the next is read.
//!
//! The report goes to standard output, as Markdown by default. On bad input
//! (a file that is no valid assessment, the same partnership twice, fewer
//! than five partnerships) or bad arguments the error goes to standard
//! error, naming the file, nothing to standard output, and the exit status
//! is 2.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "support/cli.rs"]
mod cli;

use clap::{Parser, ValueEnum};
use interagency::{Assessment, Rubric};

/// Sum up a cohort of interagency partnerships: levels, the spread of every
/// facilitator and obstacle, shared gaps and the practice tips that would
/// reach the most; with --focus, where one partnership stands among them.
#[derive(Parser)]
#[command(name = "cohort")]
struct Args {
    /// Assessment documents (JSON), or folders of them (every *.json, in
    /// name order).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// An assessment document: report where this partnership stands among
    /// the cohort (the one partnership the report names).
    #[arg(long, value_name = "FILE")]
    focus: Option<PathBuf>,
    /// A rubric document (JSON) to analyse with instead of the crate's
    /// default rubric.
    #[arg(long, value_name = "RUBRIC.json")]
    rubric: Option<PathBuf>,
    /// The output format.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The report as JSON.
    Json,
    /// The report as Markdown.
    Markdown,
    /// The report as a standalone SVG chart of small multiples.
    Svg,
    /// The report as a self-contained HTML page, chart included.
    Html,
}

/// Reads a file, naming it in the error.
fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads an assessment document, naming the file in the error with the
/// document's own message.
fn load(path: &Path) -> Result<Assessment, String> {
    Assessment::from_json(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// The files a path stands for: the file itself, or a folder's `*.json`
/// in name order.
fn files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", path.display()))?;
        let file = entry.path();
        if file.extension().is_some_and(|x| x == "json") && !file.is_dir() {
            files.push(file);
        }
    }
    files.sort();
    Ok(files)
}

fn run(args: &Args) -> Result<String, String> {
    let rubric = match &args.rubric {
        None => Rubric::DEFAULT,
        Some(path) => {
            Rubric::from_json(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))?
        }
    };
    let mut cohort = rubric.cohort();
    for path in &args.paths {
        for file in files(path)? {
            // One file at a time: the assessment is dropped at the end of
            // each turn, and the cohort keeps a constant of it.
            let assessment = load(&file)?;
            cohort
                .add(&assessment, &file.display().to_string())
                .map_err(|e| e.to_string())?;
        }
    }
    let focus = args.focus.as_deref().map(load).transpose()?;
    let report = cohort.report(focus.as_ref()).map_err(|e| e.to_string())?;
    render(&report, args.format)
}

/// The report in the chosen format, as the crate writes it.
#[cfg(feature = "html")]
#[allow(
    clippy::unnecessary_wraps,
    reason = "the same signature as without the html feature"
)]
fn render(report: &interagency::CohortReport, format: Format) -> Result<String, String> {
    Ok(report.render(match format {
        Format::Json => interagency::Format::Json,
        Format::Markdown => interagency::Format::Markdown,
        Format::Svg => interagency::Format::Svg,
        Format::Html => interagency::Format::Html,
    }))
}

/// Without the `html` feature: JSON and Markdown, and the SVG and HTML
/// formats say what they need.
#[cfg(not(feature = "html"))]
fn render(report: &interagency::CohortReport, format: Format) -> Result<String, String> {
    match format {
        Format::Json => Ok(report.render(interagency::Format::Json)),
        Format::Markdown => Ok(report.render(interagency::Format::Markdown)),
        Format::Svg | Format::Html => Err("SVG and HTML need the crate's html feature".to_owned()),
    }
}

fn main() -> ExitCode {
    let args: Args = match cli::options() {
        Ok(args) => args,
        Err(status) => return status,
    };
    cli::finish("cohort", run(&args))
}
