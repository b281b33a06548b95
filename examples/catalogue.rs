//! Prints the catalogue of the framework as JSON.
//!
//! ```text
//! cargo run --example catalogue [-- --rubric RUBRIC.json]
//! ```
//!
//! With `--rubric`, the catalogue's links and numbers are those of the
//! rubric given. On a bad rubric or bad arguments the error goes to
//! standard error, nothing to standard output, and the exit status is 2.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[path = "support/cli.rs"]
mod cli;

use clap::Parser;
use interagency::{Catalogue, Rubric};

/// Print the interagency framework (concepts, sources, findings and the
/// rubric's links and numbers) as one JSON document.
#[derive(Parser)]
#[command(name = "catalogue")]
struct Args {
    /// A rubric document (JSON) whose links and numbers the catalogue
    /// shows, instead of the crate's default rubric.
    #[arg(long, value_name = "RUBRIC.json")]
    rubric: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args: Args = match cli::options() {
        Ok(args) => args,
        Err(status) => return status,
    };
    let rubric = match &args.rubric {
        None => Rubric::DEFAULT,
        Some(path) => {
            let read = std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|text| Rubric::from_json(&text).map_err(|e| e.to_string()));
            match read {
                Ok(rubric) => rubric,
                Err(err) => {
                    eprintln!("catalogue: {}: {err}", path.display());
                    return ExitCode::from(2);
                }
            }
        }
    };
    let catalogue = Catalogue::from_rubric(&rubric);
    let mut out = std::io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut out, &catalogue)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("catalogue: {err}");
            ExitCode::FAILURE
        }
    }
}
