//! Reads an assessment document and prints its gap report.
//!
//! ```text
//! cargo run --example assess -- FILE [--responses RESPONSES.csv [--ignore-column NAME]...]
//!                                    [--since EARLIER] [--target LEVEL]
//!                                    [--rubric RUBRIC.json] [--format json|markdown|svg|html]
//! ```
//!
//! With `--responses`, FILE is a partnership document (an assessment
//! without responses) and the responses come from a survey tool's CSV
//! export.
//!
//! With `--since`, FILE is the later round and the report is the progress
//! since EARLIER.
//!
//! The report goes to standard output, as Markdown by default. On bad input
//! or bad arguments the error goes to standard error, nothing to standard
//! output, and the exit status is 2. `--help` describes every option.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "support/cli.rs"]
mod cli;

use clap::{Parser, ValueEnum};
use interagency::{Assessment, Level, Rubric};

/// Assess an interagency partnership: where it stands on Frost's levels,
/// what stands between it and the next level, and which practice tips to
/// act on first.
#[derive(Parser)]
#[command(name = "assess")]
struct Args {
    /// The assessment document (JSON); with --since, the later round.
    file: PathBuf,
    /// The responses, as a CSV file exported from a survey tool: FILE is
    /// then the partnership (agencies and characteristics, no responses).
    #[arg(long, value_name = "RESPONSES.csv")]
    responses: Option<PathBuf>,
    /// A column of the CSV file that is not a rating (a timestamp, an
    /// e-mail address, ...); repeat for each.
    #[arg(long, value_name = "NAME", requires = "responses")]
    ignore_column: Vec<String>,
    /// An earlier round's assessment document (JSON): report the progress
    /// from it to FILE instead of FILE's gap report.
    #[arg(long, value_name = "EARLIER")]
    since: Option<PathBuf>,
    /// The level to measure the gap to (cooperation, collaboration,
    /// coordination or integration); by default the level after the one
    /// achieved.
    #[arg(long, value_name = "LEVEL", value_parser = parse_level)]
    target: Option<Level>,
    /// A rubric document (JSON) to analyse with instead of the crate's
    /// default rubric; start from examples/rubrics/default.json.
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
    /// The report as Markdown, for a meeting pack.
    Markdown,
    /// The report as a standalone SVG chart.
    Svg,
    /// The report as a self-contained HTML page, chart included, ready to
    /// print on A4 or attach to an e-mail.
    Html,
}

fn parse_level(text: &str) -> Result<Level, String> {
    text.parse().map_err(|e| format!("{e}"))
}

/// Reads a file, naming it in the error.
fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The partnership with its responses read from a CSV file.
#[cfg(feature = "csv")]
fn with_responses(
    partnership: interagency::Partnership,
    csv: &Path,
    ignored: &[String],
) -> Result<Assessment, String> {
    let data = std::fs::read(csv).map_err(|e| format!("{}: {e}", csv.display()))?;
    let options = ignored
        .iter()
        .fold(interagency::CsvOptions::new(), |o, name| {
            o.ignore_column(name)
        });
    partnership
        .with_responses_from_csv(data, &options)
        .map_err(|e| match e {
            interagency::Error::Csv {
                problem: interagency::CsvProblem::UnknownColumn,
                ..
            } => format!(
                "{}: {e} (with --ignore-column NAME, repeatable)",
                csv.display()
            ),
            e => format!("{}: {e}", csv.display()),
        })
}

#[cfg(not(feature = "csv"))]
fn with_responses(
    _: interagency::Partnership,
    csv: &Path,
    _: &[String],
) -> Result<Assessment, String> {
    Err(format!(
        "{}: reading CSV needs the crate's csv feature",
        csv.display()
    ))
}

/// The SVG and HTML renderings, with the crate's `html` feature. (They
/// return `Result` to match the build without it.)
#[cfg(feature = "html")]
#[allow(clippy::unnecessary_wraps)]
mod pictures {
    use std::fmt::Display;

    pub fn svg(chart: impl Display) -> Result<String, String> {
        Ok(chart.to_string() + "\n")
    }

    pub fn html(page: impl Display) -> Result<String, String> {
        Ok(page.to_string())
    }
}

/// Without the `html` feature, the SVG and HTML formats say what they need.
#[cfg(not(feature = "html"))]
mod pictures {
    const NEEDS: &str = "SVG and HTML need the crate's html feature";

    pub fn needs() -> Result<String, String> {
        Err(NEEDS.to_owned())
    }
}

/// Pretty JSON with a final newline.
fn json(value: &impl serde::Serialize) -> Result<String, String> {
    serde_json::to_string_pretty(value)
        .map(|text| text + "\n")
        .map_err(|e| e.to_string())
}

fn run(args: &Args) -> Result<String, String> {
    let rubric = match &args.rubric {
        None => Rubric::DEFAULT,
        Some(path) => {
            Rubric::from_json(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))?
        }
    };
    let load = |path: &Path| {
        Assessment::from_json(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
    };
    let assessment = match &args.responses {
        None => load(&args.file)?,
        Some(csv) => {
            let text = read(&args.file)?;
            let partnership = interagency::Partnership::from_json(&text)
                .map_err(|e| format!("{}: {e}", args.file.display()))?;
            with_responses(partnership, csv, &args.ignore_column)?
        }
    };
    if let Some(since) = &args.since {
        let earlier = load(since)?;
        let progress = rubric
            .progress(&earlier, &assessment, args.target)
            .map_err(|e| format!("{} since {}: {e}", args.file.display(), since.display()))?;
        return Ok(match args.format {
            Format::Json => json(&progress)?,
            Format::Markdown => progress.markdown().to_string(),
            #[cfg(feature = "html")]
            Format::Svg => pictures::svg(progress.svg())?,
            #[cfg(feature = "html")]
            Format::Html => pictures::html(progress.html())?,
            #[cfg(not(feature = "html"))]
            Format::Svg | Format::Html => pictures::needs()?,
        });
    }
    let report = rubric.gap_analysis(&assessment, args.target);
    Ok(match args.format {
        Format::Json => json(&report)?,
        Format::Markdown => report.markdown().to_string(),
        #[cfg(feature = "html")]
        Format::Svg => pictures::svg(report.svg())?,
        #[cfg(feature = "html")]
        Format::Html => pictures::html(report.html())?,
        #[cfg(not(feature = "html"))]
        Format::Svg | Format::Html => pictures::needs()?,
    })
}

fn main() -> ExitCode {
    let args: Args = match cli::options() {
        Ok(args) => args,
        Err(status) => return status,
    };
    match run(&args) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(output.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("assess: {err}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(message) => {
            eprintln!("assess: {message}");
            ExitCode::from(2)
        }
    }
}
