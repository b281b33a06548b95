//! Reads an assessment document and prints its gap report.
//!
//! ```text
//! cargo run --example assess -- FILE [--target LEVEL] [--rubric RUBRIC.json]
//!                                    [--format json|markdown]
//! ```
//!
//! The report goes to standard output, as Markdown by default. On bad input
//! or bad arguments the error goes to standard error, nothing to standard
//! output, and the exit status is 2. `--help` describes every option.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use interagency::{Assessment, Level, Rubric};

/// Assess an interagency partnership: where it stands on Frost's levels,
/// what stands between it and the next level, and which practice tips to
/// act on first.
#[derive(Parser)]
#[command(name = "assess")]
struct Args {
    /// The assessment document (JSON).
    file: PathBuf,
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
    /// The gap report as JSON.
    Json,
    /// The gap report as Markdown, for a meeting pack.
    Markdown,
}

fn parse_level(text: &str) -> Result<Level, String> {
    text.parse().map_err(|e| format!("{e}"))
}

/// Reads a file, naming it in the error.
fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(args: &Args) -> Result<String, String> {
    let rubric = match &args.rubric {
        None => Rubric::DEFAULT,
        Some(path) => {
            Rubric::from_json(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))?
        }
    };
    let assessment = Assessment::from_json(&read(&args.file)?)
        .map_err(|e| format!("{}: {e}", args.file.display()))?;
    let report = rubric.gap_analysis(&assessment, args.target);
    Ok(match args.format {
        Format::Json => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n",
        Format::Markdown => report.markdown_with(&rubric).to_string(),
    })
}

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(err) if err.use_stderr() => {
            eprint!("{err}");
            return ExitCode::from(2);
        }
        Err(help) => {
            // --help and --version: the text goes to standard output.
            print!("{help}");
            return ExitCode::SUCCESS;
        }
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
