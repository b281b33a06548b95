//! Prints what a partnership needs to collect its ratings with a survey
//! tool: the CSV header of every column, or a questionnaire to paste into
//! Microsoft Forms, Google Forms or a spreadsheet.
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
    /// A questionnaire, one question per item, with its 1 to 5 scale.
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

fn section<T: Rated + Copy>(out: &mut String, title: &str, items: impl Iterator<Item = T>) {
    let _ = write!(out, "## {title}\n\n");
    let _ = write!(
        out,
        "Each on a scale of 1 to 5, where 1 means {} and 5 means {}. Let respondents skip a \
         question they cannot answer; a skipped question is read as not rated.\n\n",
        T::LOWEST,
        T::HIGHEST
    );
    for (n, item) in items.enumerate() {
        let _ = write!(
            out,
            "{}. **{}: {}**  \n   1 = {} \u{2026} 5 = {}\n",
            n + 1,
            item.name(),
            item.question(),
            T::LOWEST,
            T::HIGHEST
        );
    }
    out.push('\n');
}

fn markdown() -> String {
    let mut out = String::from(
        "# Interagency working: partnership survey\n\n\
         A questionnaire for every member of the partnership's agencies. Paste the \
         questions into your survey tool, then export the answers as CSV and run:\n\n\
         ```sh\n\
         cargo run --example assess -- partnership.json --responses answers.csv \
         --ignore-column Timestamp\n\
         ```\n\n\
         Keep each question's title as written below, starting with the item's name and a \
         colon (for example \u{201c}Leadership: \u{2026}\u{201d}): the export's column \
         headers then name the items, and the crate reads them. Columns the tool adds \
         (timestamps, e-mail addresses) are ignored with `--ignore-column`.\n\n\
         The questions are the `interagency` crate's own wording, written for surveys; \
         the facilitators are Statham's (2011) and the obstacles Atkinson et al.'s (2002).\n\n\
         ## About you\n\n\
         1. **Respondent**: an identifier for this response that is unique in the survey \
         (most tools give one; it never appears in a report).\n\
         2. **Agency**: which agency do you work for? (one of the agencies of the \
         partnership document, by id or by name)\n\
         3. **Role**: which best describes your role? (Frontline / Manager / Senior manager)\n\n",
    );
    section(&mut out, "What helps the partnership", Facilitator::iter());
    section(&mut out, "What gets in its way", Obstacle::iter());
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
