//! Prints what a partnership needs to collect its ratings with a survey
//! tool: a questionnaire to build in Google Forms, Microsoft Forms,
//! Qualtrics or SurveyMonkey, with how to export the answers and the
//! command that reads them; or the crate's own CSV header.
//!
//! ```text
//! cargo run --example survey_template [-- --format csv|markdown]
//! ```

use std::fmt::Write as _;
use std::process::ExitCode;

#[path = "support/cli.rs"]
mod cli;

use clap::{Parser, ValueEnum};
use interagency::{Facilitator, Obstacle, Rated};

/// Print a survey template for rating a partnership's facilitators and
/// obstacles.
#[derive(Parser)]
#[command(name = "survey_template")]
struct Args {
    /// What to print.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The CSV header line: respondent, agency, role and every item.
    Csv,
    /// The questionnaire, with setup notes for each survey tool.
    Markdown,
}

fn csv() -> String {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let written = writer
        .write_record(interagency::csv_header())
        .and_then(|()| writer.flush().map_err(csv::Error::from));
    match (written, writer.into_inner()) {
        (Ok(()), Ok(bytes)) => String::from_utf8_lossy(&bytes).into_owned(),
        _ => interagency::csv_header().join(",") + "\n",
    }
}

/// The facilitators' grid question, as the questionnaire asks it.
const PRESENT: &str = "How present is each of these in your partnership?";
/// The obstacles' grid question.
const PROBLEM: &str = "How much of a problem is each of these for your partnership?";
/// The questions about the respondent.
const AGENCY: &str = "Which agency do you work for?";
const ROLE: &str = "What is your role?";

/// One grid question: its rows (the items, with the crate's question for
/// each as a description) and its five columns (the scale's labels).
fn grid<T: Rated + Copy>(
    out: &mut String,
    number: usize,
    title: &str,
    items: impl Iterator<Item = T>,
) {
    let _ = write!(
        out,
        "### {number}. {title}\n\n\
         A grid (Google Forms: *Multiple choice grid*; Microsoft Forms: *Likert*; Qualtrics: \
         *Matrix table*; SurveyMonkey: *Matrix / Rating scale*). Not required, so that \
         respondents can skip a row they cannot answer: a skipped row is read as not rated.\n\n\
         Columns, in this order: {}.\n\n\
         Rows, each the item's name exactly as written here:\n\n",
        T::LABELS.map(|label| format!("**{label}**")).join(", ")
    );
    for item in items {
        let _ = writeln!(out, "- **{}**: {}", item.name(), item.question());
    }
    out.push('\n');
}

fn markdown() -> String {
    let mut out = format!(
        "# Interagency working: partnership survey\n\n\
         A questionnaire for every member of the partnership's agencies, to build in a survey \
         tool. Keep the question titles, the item names and the answer labels as written \
         here: the crate reads the tool's export by them.\n\n\
         The questions are the `interagency` crate's own wording, written for surveys; the \
         facilitators are Statham's (2011) and the obstacles Atkinson et al.'s (2002).\n\n\
         ## The questions\n\n\
         ### 1. {AGENCY}\n\n\
         A single choice (a drop-down), required: one option per agency of the partnership, \
         by its name or its id as the partnership document lists them.\n\n\
         ### 2. {ROLE}\n\n\
         A single choice, required: **Frontline**, **Manager**, **Senior manager**.\n\n"
    );
    grid(&mut out, 3, PRESENT, Facilitator::iter());
    grid(&mut out, 4, PROBLEM, Obstacle::iter());
    let _ = write!(
        out,
        "Respondents need not give their names: the tools' own response ids are enough, and \
         no report ever shows one.\n\n\
         ## Exporting the answers\n\n\
         - **Google Forms**: *Responses*, then *Download responses (.csv)*. The grid's columns \
           are headed `{PRESENT} [Leadership]` and so on; the crate finds the item in the \
           brackets.\n\
         - **Microsoft Forms**: *Responses*, then *Open results in Excel* (or *Download a copy*), \
           and save the workbook (`.xlsx`). The crate reads the first sheet (`--sheet NAME` for \
           another); the Likert question gives one column per statement.\n\
         - **Qualtrics**: *Data & Analysis*, *Export & Import*, *Export data*, *CSV*, with \
           *Use choice text*. The export's three header rows are recognised; `ResponseId` is \
           the respondent.\n\
         - **SurveyMonkey**: *Analyze results*, *Save as*, *Export file*, *All responses data*, \
           *CSV*. The two header rows are recognised; `Respondent ID` is the respondent.\n\n\
         Every tool's own columns (timestamps, durations, e-mail and IP addresses) are \
         skipped. Answers may be the labels above, the labels led by their number \
         (`4 - Mostly present`), or the numbers 1 to 5; `N/A` and `Don't know` are not rated. \
         If the survey used other words (an agree/disagree scale, say), give them with \
         `--scale \"Strongly disagree=1,Disagree=2,Neutral=3,Agree=4,Strongly agree=5\"`.\n\n\
         ## Running the assessment\n\n\
         With the partnership document (its agencies and arrangements, no responses) and the \
         export:\n\n\
         ```sh\n\
         cargo run --example assess -- partnership.json --responses export.csv \\\n    \
         --column agency=\"{AGENCY}\" --column role=\"{ROLE}\"\n\
         ```\n\n\
         The same command reads a spreadsheet (`--responses export.xlsx`). A column the crate \
         does not recognise is named in the error: skip it with `--ignore-column HEADER`.\n"
    );
    out
}

fn main() -> ExitCode {
    let args: Args = match cli::options() {
        Ok(args) => args,
        Err(status) => return status,
    };
    print!(
        "{}",
        match args.format {
            Format::Csv => csv(),
            Format::Markdown => markdown(),
        }
    );
    ExitCode::SUCCESS
}
