//! Prints what a partnership needs to collect its ratings with a survey
//! tool: a questionnaire to build in Google Forms, Microsoft Forms,
//! Qualtrics or SurveyMonkey, with how to export the answers and the
//! command that reads them; or the crate's own CSV header.
//!
//! ```text
//! cargo run --example survey_template [-- [--format csv|markdown] [--partnership FILE]]
//! ```
//!
//! With `--partnership`, the questionnaire is that partnership's: its
//! agencies are the options of the agency question.

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "support/cli.rs"]
mod cli;

use clap::{Parser, ValueEnum};
use interagency::{Partnership, SurveyTemplate};

/// Print a survey template for rating a partnership's facilitators and
/// obstacles.
#[derive(Parser)]
#[command(name = "survey_template")]
struct Args {
    /// What to print.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
    /// A partnership document (JSON; an assessment will do): the
    /// questionnaire names its agencies.
    #[arg(long, value_name = "FILE")]
    partnership: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The CSV header line: respondent, agency, role and every item.
    Csv,
    /// The questionnaire, with setup notes for each survey tool.
    Markdown,
}

fn main() -> ExitCode {
    let args: Args = match cli::options() {
        Ok(args) => args,
        Err(status) => return status,
    };
    let partnership = match &args.partnership {
        None => None,
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                // A partnership document, or an assessment's partnership.
                Partnership::from_json(&text).or_else(|error| {
                    interagency::Assessment::from_json(&text)
                        .map(|a| a.into_parts().0)
                        .map_err(|_| error.to_string())
                })
            }) {
            Ok(partnership) => Some(partnership),
            Err(message) => {
                eprintln!("survey_template: {}: {message}", path.display());
                return ExitCode::from(2);
            }
        },
    };
    let template = partnership
        .as_ref()
        .map_or_else(SurveyTemplate::new, SurveyTemplate::for_partnership);
    print!(
        "{}",
        match args.format {
            Format::Csv => template.csv(),
            Format::Markdown => template.markdown(),
        }
    );
    ExitCode::SUCCESS
}
