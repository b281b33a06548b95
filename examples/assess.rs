//! Reads an assessment document and prints its gap report.
//!
//! ```text
//! cargo run --example assess -- FILE [--target LEVEL] [--format json|markdown]
//! ```
//!
//! The report goes to standard output, as Markdown by default. On bad input
//! or bad arguments the error goes to standard error, nothing to standard
//! output, and the exit status is 2.

use std::io::Write;
use std::process::ExitCode;

use interagency::{Assessment, Level};

const USAGE: &str = "usage: assess FILE [--target LEVEL] [--format json|markdown]";

enum Format {
    Json,
    Markdown,
}

struct Args {
    file: String,
    target: Option<Level>,
    format: Format,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut file = None;
    let mut target = None;
    let mut format = Format::Markdown;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--target" => {
                let value = args.next().ok_or("--target needs a level")?;
                target = Some(
                    value
                        .parse::<Level>()
                        .map_err(|e| format!("--target: {e}"))?,
                );
            }
            "--format" => {
                format = match args.next().as_deref() {
                    Some("json") => Format::Json,
                    Some("markdown") => Format::Markdown,
                    Some(other) => {
                        return Err(format!(
                            "--format: unknown format {other:?}; expected json or markdown"
                        ));
                    }
                    None => return Err("--format needs json or markdown".to_owned()),
                };
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag:?}")),
            path if file.is_none() => file = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    let file = file.ok_or("missing FILE")?;
    Ok(Args {
        file,
        target,
        format,
    })
}

fn run() -> Result<String, String> {
    let args = parse_args(std::env::args().skip(1)).map_err(|e| format!("{e}\n{USAGE}"))?;
    let text = std::fs::read_to_string(&args.file).map_err(|e| format!("{}: {e}", args.file))?;
    let assessment: Assessment =
        Assessment::from_json(&text).map_err(|e| format!("{}: {e}", args.file))?;
    let report = assessment.gap_analysis(args.target);
    Ok(match args.format {
        Format::Json => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n",
        Format::Markdown => report.markdown().to_string(),
    })
}

fn main() -> ExitCode {
    match run() {
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
