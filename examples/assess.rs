//! Reads an assessment document and prints its gap report.
//!
//! ```text
//! cargo run --example assess -- FILE [--responses EXPORT [--column FIELD=HEADER]...
//!                                     [--ignore-column HEADER]... [--scale WORDS] [--sheet NAME]
//!                                     [--keep-every-row]]
//!                                    [--since EARLIER [--plan PLAN]] [--plan-template]
//!                                    [--target LEVEL] [--rubric RUBRIC.json]
//!                                    [--format json|markdown|svg|html|csv]
//! ```
//!
//! With `--responses`, FILE is a partnership document (an assessment
//! without responses) and the responses come from a survey tool's export:
//! a CSV file, or a spreadsheet (`.xlsx`, `.xls`, `.ods`). Rows the export
//! says are no respondent's (Qualtrics' previews, tests, spam) are left
//! out, and one line on standard error says how many and why
//! (`left out 3 rows: 2 survey previews, 1 spam`); `--keep-every-row`
//! reads them all.
//!
//! With `--since`, FILE is the later round and the report is the progress
//! since EARLIER; with `--plan` as well, the progress report reviews the
//! action plan made after EARLIER (JSON, or a CSV or spreadsheet of one
//! action a row).
//!
//! With `--plan-template`, the output is an action plan with one action per
//! recommendation, ready to fill in: JSON by default, CSV for a
//! spreadsheet, or a one-page Markdown or HTML plan for a meeting pack.
//!
//! The report goes to standard output, as Markdown by default. On bad input
//! or bad arguments the error goes to standard error, nothing to standard
//! output, and the exit status is 2. `--help` describes every option.

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
    /// The responses, as a survey tool exports them: a CSV file or a
    /// spreadsheet (.xlsx, .xls, .ods). FILE is then the partnership
    /// (agencies and characteristics, no responses).
    #[arg(long, value_name = "EXPORT")]
    responses: Option<PathBuf>,
    /// The column that holds the respondent, agency or role, by its header:
    /// --column agency="Which agency do you work for?"; repeat for each.
    #[arg(long, value_name = "FIELD=HEADER", requires = "responses")]
    column: Vec<String>,
    /// A column of the export that is not an answer (the tools' usual
    /// ones are skipped without it); repeat for each.
    #[arg(long, value_name = "HEADER", requires = "responses")]
    ignore_column: Vec<String>,
    /// Words the answers use for ratings, beside the questionnaire's own:
    /// --scale "Strongly disagree=1,Disagree=2,Neutral=3,Agree=4,Strongly agree=5".
    #[arg(long, value_name = "WORDS", requires = "responses")]
    scale: Option<String>,
    /// The sheet of a spreadsheet to read (the first by default).
    #[arg(long, value_name = "NAME", requires = "responses")]
    sheet: Option<String>,
    /// Read every row of the export as a response, those too that it says
    /// are no respondent's (previews, tests, spam), which are otherwise
    /// left out and counted on standard error.
    #[arg(long, requires = "responses")]
    keep_every_row: bool,
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
    /// The output format: markdown by default; json with --plan-template,
    /// which also writes csv.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Print an action plan with one action per recommendation, ready to
    /// fill in (owners, due dates, statuses), instead of the report.
    #[arg(long, conflicts_with = "since")]
    plan_template: bool,
    /// The action plan made after EARLIER, to review at FILE: a plan
    /// document (JSON), or a CSV file or spreadsheet with the columns
    /// Action, Tip, Addresses, Owner, Due, Status.
    #[arg(long, value_name = "PLAN", requires = "since")]
    plan: Option<PathBuf>,
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
    /// The action plan as CSV, for a spreadsheet (with --plan-template).
    Csv,
}

fn parse_level(text: &str) -> Result<Level, String> {
    text.parse().map_err(|e| format!("{e}"))
}

/// Reads a file, naming it in the error.
fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The partnership with its responses read from a survey export: a
/// spreadsheet if it is one (by its content), else CSV. The rows left out
/// as no respondent's are counted in one line on standard error.
#[cfg(feature = "csv")]
fn with_responses(
    partnership: interagency::Partnership,
    export: &Path,
    args: &Args,
) -> Result<Assessment, String> {
    let data = std::fs::read(export).map_err(|e| format!("{}: {e}", export.display()))?;
    let mut options = interagency::SurveyOptions::new();
    for name in &args.ignore_column {
        options = options.ignore_column(name);
    }
    for column in &args.column {
        // FIELD=HEADER, split at the first `=`.
        let (field, header) = column
            .split_once('=')
            .ok_or_else(|| format!("--column {column:?}: write it as FIELD=HEADER"))?;
        let field: interagency::SurveyField = field
            .trim()
            .parse()
            .map_err(|e| format!("--column {column:?}: {e}"))?;
        options = options.column(field, header);
    }
    if let Some(scale) = &args.scale {
        options = options.scale(scale.parse().map_err(|e| format!("--scale: {e}"))?);
    }
    if let Some(sheet) = &args.sheet {
        options = options.sheet(sheet);
    }
    options = options.keep_every_row(args.keep_every_row);
    let read = partnership.read_export(data, &options).map_err(|e| {
        let hint = match &e {
            interagency::Error::Export { problem, .. } => match problem {
                interagency::ExportProblem::UnknownColumn => {
                    " (name it with --column FIELD=HEADER, or skip it with --ignore-column HEADER)"
                }
                interagency::ExportProblem::MissingColumn => {
                    " (name the columns with --column agency=HEADER and --column role=HEADER)"
                }
                interagency::ExportProblem::NotARating { .. } => {
                    " (words of another scale are read with --scale \"WORD=1,...\")"
                }
                _ => "",
            },
            _ => "",
        };
        format!("{}: {e}{hint}", export.display())
    })?;
    if !read.left_out.is_empty() {
        eprintln!("{}", read.left_out);
    }
    Ok(read.assessment)
}

#[cfg(not(feature = "csv"))]
fn with_responses(
    _: interagency::Partnership,
    export: &Path,
    _: &Args,
) -> Result<Assessment, String> {
    Err(format!(
        "{}: reading survey exports needs the crate's csv feature",
        export.display()
    ))
}

/// What `--format csv` says of a report.
const CSV_ONLY_FOR_PLANS: &str = "--format csv writes an action plan; use it with --plan-template";

/// The report in the chosen format, as the crate writes it.
#[cfg(feature = "html")]
#[allow(
    clippy::unnecessary_wraps,
    reason = "the same signature as without the html feature"
)]
fn render<R>(
    report: &R,
    format: Format,
    write: fn(&R, interagency::Format) -> String,
) -> Result<String, String> {
    Ok(write(
        report,
        match format {
            Format::Json => interagency::Format::Json,
            Format::Markdown => interagency::Format::Markdown,
            Format::Svg => interagency::Format::Svg,
            Format::Html => interagency::Format::Html,
            Format::Csv => return Err(CSV_ONLY_FOR_PLANS.to_owned()),
        },
    ))
}

/// Without the `html` feature: JSON and Markdown, and the SVG and HTML
/// formats say what they need.
#[cfg(not(feature = "html"))]
fn render<R: serde::Serialize>(
    report: &R,
    format: Format,
    markdown: fn(&R) -> String,
) -> Result<String, String> {
    match format {
        Format::Json => serde_json::to_string_pretty(report)
            .map(|text| text + "\n")
            .map_err(|e| e.to_string()),
        Format::Markdown => Ok(markdown(report)),
        Format::Svg | Format::Html => Err("SVG and HTML need the crate's html feature".to_owned()),
        Format::Csv => Err(CSV_ONLY_FOR_PLANS.to_owned()),
    }
}

/// The action plan of `report` in `format` (JSON by default).
fn plan_template(
    file: &Path,
    report: &interagency::GapReport,
    format: Option<Format>,
) -> Result<String, String> {
    let plan = report
        .plan_template()
        .map_err(|e| format!("{}: {e}", file.display()))?;
    match format.unwrap_or(Format::Json) {
        Format::Json => Ok(plan.to_json()),
        Format::Csv => Ok(plan.to_csv()),
        Format::Markdown => Ok(plan.markdown()),
        #[cfg(feature = "html")]
        Format::Html => Ok(plan.html()),
        #[cfg(not(feature = "html"))]
        Format::Html => Err("HTML needs the crate's html feature".to_owned()),
        Format::Svg => {
            Err("an action plan has no chart; choose json, csv, markdown or html".to_owned())
        }
    }
}

/// The action plan in `path`: a plan document (JSON), a spreadsheet or a
/// CSV file, told apart by its content; a spreadsheet's or CSV's
/// partnership and date are `later`'s.
fn read_plan(
    path: &Path,
    rubric: &Rubric,
    later: &Assessment,
) -> Result<interagency::Plan, String> {
    let data = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    rubric
        .plan_from_bytes(&data, later.partnership(), later.assessed_on())
        .map_err(|e| format!("{}: {e}", path.display()))
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
        Some(export) => {
            let text = read(&args.file)?;
            let partnership = interagency::Partnership::from_json(&text)
                .map_err(|e| format!("{}: {e}", args.file.display()))?;
            with_responses(partnership, export, args)?
        }
    };
    let format = args.format.unwrap_or(Format::Markdown);
    if let Some(since) = &args.since {
        let earlier = load(since)?;
        let progress = rubric
            .progress(&earlier, &assessment, args.target)
            .map_err(|e| format!("{} since {}: {e}", args.file.display(), since.display()))?;
        let progress = match &args.plan {
            None => progress,
            Some(path) => {
                let plan = read_plan(path, &rubric, &assessment)?;
                progress
                    .with_plan(&plan)
                    .map_err(|e| format!("{}: {e}", path.display()))?
            }
        };
        #[cfg(feature = "html")]
        return render(&progress, format, interagency::ProgressReport::render);
        #[cfg(not(feature = "html"))]
        return render(&progress, format, |p| p.markdown().to_string());
    }
    let report = rubric.gap_analysis(&assessment, args.target);
    if args.plan_template {
        return plan_template(&args.file, &report, args.format);
    }
    #[cfg(feature = "html")]
    return render(&report, format, interagency::GapReport::render);
    #[cfg(not(feature = "html"))]
    return render(&report, format, |r| r.markdown().to_string());
}

/// Keeps a damaged workbook's message to one line. The spreadsheet reader
/// (calamine) panics on some damaged `.xls` files; the library catches the
/// panic and returns an error, which `main` prints. Only the default
/// hook's message for such a panic is left out; any other panic is
/// reported as usual.
fn quiet_reader_panics() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_reader = info
            .location()
            .is_some_and(|at| at.file().contains("calamine"));
        if !in_reader {
            report(info);
        }
    }));
}

fn main() -> ExitCode {
    quiet_reader_panics();
    let args: Args = match cli::options() {
        Ok(args) => args,
        Err(status) => return status,
    };
    cli::finish("assess", run(&args))
}
