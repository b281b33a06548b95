//! WebAssembly bindings of the `interagency` crate, published as the npm
//! package `interagency`.
//!
//! Each function takes the documents as text (the survey export as bytes)
//! and an optional options object, and returns exactly what the crate's
//! examples print for the same input: `assess`, `catalogue`,
//! `survey_template` and `export_schemas`. A bad input throws an `Error`
//! whose message is the crate's.
//!
//! The bindings are thin: they read the options and call the crate.
//! With the `measure` feature (never in the package), the module also has
//! `measureAnalysis`, which times the analysis alone inside it: see
//! `measure` and `scripts/measure-analysis.mjs`.
//!
//! `schema(name)` is the package's JavaScript, not this module's: the
//! schemas' text, as the crate's `export_schemas` writes it, is generated
//! into the package at build time. Generating them here would add the
//! schema code (about 340 KB of WebAssembly) to a module every page loads.

// wasm-bindgen's macros expand to `unsafe` glue code, so unsafe code is
// denied rather than forbidden (forbid would reject the macros' own
// `#[allow]`s); this file writes none.
#![deny(unsafe_code)]

use interagency::{
    Assessment, Catalogue, Format, Level, Partnership, Rubric, SurveyField, SurveyOptions,
    SurveyTemplate,
};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[cfg(feature = "measure")]
pub mod measure;

#[wasm_bindgen(typescript_custom_section)]
const OPTIONS: &str = r#"
/** The options of `assess` and `progress`; every one may be left out. */
export interface ReportOptions {
  /** A rubric document (JSON text) to analyse with instead of the default rubric. */
  rubric?: string | null;
  /** The level to measure the gap to: "cooperation", "collaboration",
   *  "coordination" or "integration"; by default the level after the one achieved. */
  target?: string | null;
  /** The report's format: "json" (the default), "markdown", "svg" or "html". */
  format?: "json" | "markdown" | "svg" | "html" | null;
  /** `progress` only: the action plan made after the earlier round, to review
   *  at the later one: a plan document (JSON text), or a CSV file (text or
   *  bytes) or spreadsheet (bytes) of one action a row, as `assess --plan` reads it. */
  plan?: string | Uint8Array | null;
}

/** The options of `planTemplate`; every one may be left out. */
export interface PlanTemplateOptions {
  /** A rubric document (JSON text) to analyse with instead of the default rubric. */
  rubric?: string | null;
  /** The level to measure the gap to; by default the level after the one achieved. */
  target?: string | null;
  /** The plan's format: "json" (the default), "csv", "markdown" or "html". */
  format?: "json" | "csv" | "markdown" | "html" | null;
}

/** The columns of a survey export that hold the respondent, agency and role, by header. */
export interface SurveyColumns {
  respondent?: string;
  agency?: string;
  role?: string;
}

/** How to read a survey export; every option may be left out. */
export interface ResponsesOptions {
  /** Columns of the export that are not answers (the tools' usual ones are skipped without it). */
  ignoreColumns?: string[] | null;
  /** The columns that hold the respondent, agency and role, by their headers. */
  columns?: SurveyColumns | null;
  /** Words the answers use for ratings: "Strongly disagree=1,Disagree=2,...". */
  scale?: string | null;
  /** The sheet of a spreadsheet to read (the first by default). */
  sheet?: string | null;
  /** Read every row as a response, those too that the export says are no
   *  respondent's (previews, tests, spam), which are otherwise left out. */
  keepEveryRow?: boolean | null;
}

/** What `readExport` reads from a survey export. */
export interface ReadExport {
  /** The assessment document (pretty JSON), as `readResponses` returns it. */
  assessment: string;
  /** The rows left out as no respondent's, in one line
   *  ("left out 3 rows: 2 survey previews, 1 spam"); "" when none was. */
  leftOut: string;
  /** The rows left out by kind ("survey_preview", "survey_test", "spam",
   *  "synthetic", "unfinished"), only the kinds with a row. */
  leftOutCounts: { [kind: string]: number };
}

/** The options of `cohort`; every one may be left out. */
export interface CohortOptions {
  /** An assessment document (JSON text): report where this partnership stands
   *  among the cohort (the one partnership the report names). */
  focus?: string | null;
  /** A rubric document (JSON text) to analyse with instead of the default rubric. */
  rubric?: string | null;
  /** The report's format: "json" (the default), "markdown", "svg" or "html". */
  format?: "json" | "markdown" | "svg" | "html" | null;
}

/** The options of `catalogue`. */
export interface CatalogueOptions {
  /** A rubric document (JSON text) whose links and numbers the catalogue shows. */
  rubric?: string | null;
}

/** The options of `surveyTemplate`. */
export interface SurveyTemplateOptions {
  /** "markdown" (the default): the questionnaire; "csv": the crate's CSV header line. */
  format?: "csv" | "markdown" | null;
  /** A partnership document (JSON text; an assessment will do): the questionnaire names its agencies. */
  partnership?: string | null;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The options of `assess` and `progress`.
    #[wasm_bindgen(typescript_type = "ReportOptions")]
    pub type ReportOptions;
    /// The options of `readResponses` and `readExport`.
    #[wasm_bindgen(typescript_type = "ResponsesOptions")]
    pub type ResponsesOptions;
    /// What `readExport` reads.
    #[wasm_bindgen(typescript_type = "ReadExport")]
    pub type ReadExport;
    /// The options of `cohort`.
    #[wasm_bindgen(typescript_type = "CohortOptions")]
    pub type CohortOptions;
    /// The options of `catalogue`.
    #[wasm_bindgen(typescript_type = "CatalogueOptions")]
    pub type CatalogueOptions;
    /// The options of `surveyTemplate`.
    #[wasm_bindgen(typescript_type = "SurveyTemplateOptions")]
    pub type SurveyTemplateOptions;
    /// The options of `planTemplate`.
    #[wasm_bindgen(typescript_type = "PlanTemplateOptions")]
    pub type PlanTemplateOptions;
}

/// An error thrown to JavaScript, with the message given.
fn error(message: impl core::fmt::Display) -> JsError {
    JsError::new(&message.to_string())
}

/// The option `name` of an options object: `None` when the object or the
/// option is missing, `undefined` or `null`.
fn option(options: Option<&JsValue>, name: &str) -> Result<Option<JsValue>, JsError> {
    let Some(options) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
        return Ok(None);
    };
    if !options.is_object() {
        return Err(error("options: expected an object"));
    }
    let value = Reflect::get(options, &JsValue::from_str(name))
        .map_err(|_| error(format!("{name}: the option cannot be read")))?;
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

/// A text option.
fn text(options: Option<&JsValue>, name: &str) -> Result<Option<String>, JsError> {
    option(options, name)?
        .map(|value| {
            value
                .as_string()
                .ok_or_else(|| error(format!("{name}: expected a string")))
        })
        .transpose()
}

/// The rubric given as text, or the default one.
fn rubric(text: Option<&str>) -> Result<Rubric, JsError> {
    text.map_or(Ok(Rubric::DEFAULT), |text| {
        Rubric::from_json(text).map_err(error)
    })
}

/// What `assess` and `progress` read from their options.
struct Report {
    rubric: Rubric,
    target: Option<Level>,
    format: Format,
}

impl Report {
    fn read(options: Option<&JsValue>) -> Result<Report, JsError> {
        let format = match text(options, "format")? {
            None => Format::Json,
            Some(format) => format.parse().map_err(error)?,
        };
        let target = text(options, "target")?
            .map(|level| level.parse::<Level>().map_err(error))
            .transpose()?;
        let rubric = rubric(text(options, "rubric")?.as_deref())?;
        Ok(Report {
            rubric,
            target,
            format,
        })
    }
}

/// The gap report of an assessment document (JSON text), in the format
/// asked (`json` by default): what `assess FILE --format FORMAT` prints.
///
/// # Errors
///
/// The crate's message for a bad document, rubric, target or format.
#[wasm_bindgen]
pub fn assess(document: &str, options: Option<ReportOptions>) -> Result<String, JsError> {
    let options = options.map(JsValue::from);
    let Report {
        rubric,
        target,
        format,
    } = Report::read(options.as_ref())?;
    let assessment = Assessment::from_json(document).map_err(error)?;
    Ok(rubric.gap_analysis(&assessment, target).render(format))
}

/// The progress report from an earlier round's assessment document to a
/// later one's (JSON texts): what `assess LATER --since EARLIER` prints;
/// with the option `plan`, what `assess LATER --since EARLIER --plan PLAN`
/// prints.
///
/// # Errors
///
/// The crate's message for a bad document, rubric, target, format or plan,
/// or for rounds that cannot be compared.
#[wasm_bindgen]
pub fn progress(
    earlier: &str,
    later: &str,
    options: Option<ReportOptions>,
) -> Result<String, JsError> {
    let options = options.map(JsValue::from);
    let Report {
        rubric,
        target,
        format,
    } = Report::read(options.as_ref())?;
    let later = Assessment::from_json(later).map_err(error)?;
    let earlier = Assessment::from_json(earlier).map_err(error)?;
    let report = rubric.progress(&earlier, &later, target).map_err(error)?;
    let report = match option(options.as_ref(), "plan")? {
        None => report,
        Some(plan) => {
            let bytes = match plan.as_string() {
                Some(text) => text.into_bytes(),
                None if plan.is_instance_of::<js_sys::Uint8Array>() => {
                    js_sys::Uint8Array::new(&plan).to_vec()
                }
                None => return Err(error("plan: expected a string or a Uint8Array")),
            };
            let plan = rubric
                .plan_from_bytes(&bytes, later.partnership(), later.assessed_on())
                .map_err(error)?;
            report.with_plan(&plan).map_err(error)?
        }
    };
    Ok(report.render(format))
}

/// The action plan of an assessment document's gap report (JSON text),
/// one action per recommendation, ready to fill in, in the format asked
/// (`json` by default; `csv`, `markdown`, `html`): what `assess FILE
/// --plan-template --format FORMAT` prints.
///
/// # Errors
///
/// The crate's message for a bad document, rubric, target or format, or
/// for a report with no recommendation.
#[wasm_bindgen(js_name = planTemplate)]
pub fn plan_template(
    document: &str,
    options: Option<PlanTemplateOptions>,
) -> Result<String, JsError> {
    let options = options.map(JsValue::from);
    let options = options.as_ref();
    let target = text(options, "target")?
        .map(|level| level.parse::<Level>().map_err(error))
        .transpose()?;
    let rubric = rubric(text(options, "rubric")?.as_deref())?;
    let format = text(options, "format")?;
    let assessment = Assessment::from_json(document).map_err(error)?;
    let plan = rubric
        .gap_analysis(&assessment, target)
        .plan_template()
        .map_err(error)?;
    match format.as_deref() {
        None | Some("json") => Ok(plan.to_json()),
        Some("csv") => Ok(plan.to_csv()),
        Some("markdown") => Ok(plan.markdown()),
        Some("html") => Ok(plan.html()),
        Some(other) => Err(error(format!(
            "unknown plan format {other:?}; expected one of: json, csv, markdown, html"
        ))),
    }
}

/// The cohort report of many partnerships' assessment documents (JSON
/// texts, one round of each, five or more), read one at a time in the
/// order given: what `cohort FILE... --format FORMAT` prints for the same
/// documents in that order. With `focus` (an assessment document), where
/// that partnership stands among them.
///
/// # Errors
///
/// A document the crate refuses, named by its place (`documents[2]: ...`),
/// the same partnership twice, fewer than five partnerships, or a bad
/// focus, rubric or format.
#[wasm_bindgen]
pub fn cohort(documents: Vec<String>, options: Option<CohortOptions>) -> Result<String, JsError> {
    let options = options.map(JsValue::from);
    let options = options.as_ref();
    let format = match text(options, "format")? {
        None => Format::Json,
        Some(format) => format.parse().map_err(error)?,
    };
    let rubric = rubric(text(options, "rubric")?.as_deref())?;
    let focus = text(options, "focus")?
        .map(|text| Assessment::from_json(&text).map_err(|e| error(format!("focus: {e}"))))
        .transpose()?;
    let mut cohort = rubric.cohort();
    for (i, text) in documents.iter().enumerate() {
        let place = format!("documents[{i}]");
        let assessment = Assessment::from_json(text).map_err(|e| error(format!("{place}: {e}")))?;
        cohort.add(&assessment, &place).map_err(error)?;
    }
    let report = cohort.report(focus.as_ref()).map_err(error)?;
    Ok(report.render(format))
}

/// The assessment document (pretty JSON) of a partnership document (JSON
/// text) with the responses of a survey tool's export: a CSV file or a
/// spreadsheet (`.xlsx`, `.xls`, `.ods`), told apart by its content, as
/// `assess PARTNERSHIP --responses EXPORT` reads them.
///
/// # Errors
///
/// The crate's message for a bad partnership, export or option.
#[wasm_bindgen(js_name = readResponses)]
pub fn read_responses(
    partnership: &str,
    data: &[u8],
    options: Option<ResponsesOptions>,
) -> Result<String, JsError> {
    let options = options.map(JsValue::from);
    let read = survey_options(options.as_ref())?;
    let assessment = Partnership::from_json(partnership)
        .and_then(|partnership| partnership.with_responses_from_export(data, &read))
        .map_err(error)?;
    document(&assessment)
}

/// What `readResponses` reads, with the rows of the export left out as no
/// respondent's (Qualtrics' previews, tests, spam; unfinished responses
/// holding no answer): the assessment document, the line `assess` writes
/// about them to standard error ("" when none was left out) and their
/// counts by kind.
///
/// # Errors
///
/// Those of `readResponses`.
#[wasm_bindgen(js_name = readExport)]
pub fn read_export(
    partnership: &str,
    data: &[u8],
    options: Option<ResponsesOptions>,
) -> Result<ReadExport, JsError> {
    let options = options.map(JsValue::from);
    let read = survey_options(options.as_ref())?;
    let read = Partnership::from_json(partnership)
        .and_then(|partnership| partnership.read_export(data, &read))
        .map_err(error)?;
    let counts = Object::new();
    for (kind, count) in read.left_out.kinds() {
        // A count of rows is far below 2^53: exact as a JavaScript number.
        #[allow(clippy::cast_precision_loss, reason = "a count of rows")]
        let count = JsValue::from_f64(count as f64);
        Reflect::set(&counts, &JsValue::from_str(kind.id()), &count)
            .map_err(|_| error("leftOutCounts: cannot be set"))?;
    }
    let out = Object::new();
    for (name, value) in [
        (
            "assessment",
            JsValue::from_str(&document(&read.assessment)?),
        ),
        ("leftOut", JsValue::from_str(&read.left_out.to_string())),
        ("leftOutCounts", counts.into()),
    ] {
        Reflect::set(&out, &JsValue::from_str(name), &value)
            .map_err(|_| error(format!("{name}: cannot be set")))?;
    }
    Ok(JsValue::from(out).unchecked_into())
}

/// An assessment document as pretty JSON, as the crate writes one.
fn document(assessment: &Assessment) -> Result<String, JsError> {
    serde_json::to_string_pretty(assessment)
        .map(|json| json + "\n")
        .map_err(error)
}

/// The survey options of `readResponses` and `readExport`.
fn survey_options(options: Option<&JsValue>) -> Result<SurveyOptions, JsError> {
    let mut read = SurveyOptions::new();
    if let Some(ignored) = option(options, "ignoreColumns")? {
        if !Array::is_array(&ignored) {
            return Err(error("ignoreColumns: expected an array of strings"));
        }
        for header in Array::from(&ignored).iter() {
            let header = header
                .as_string()
                .ok_or_else(|| error("ignoreColumns: expected an array of strings"))?;
            read = read.ignore_column(header);
        }
    }
    if let Some(columns) = option(options, "columns")? {
        if !columns.is_object() || Array::is_array(&columns) {
            return Err(error("columns: expected an object of field: header"));
        }
        for entry in Object::entries(&Object::from(columns)).iter() {
            let entry = Array::from(&entry);
            let (Some(field), Some(header)) = (entry.get(0).as_string(), entry.get(1).as_string())
            else {
                return Err(error("columns: expected an object of field: header"));
            };
            read = read.column(field.trim().parse::<SurveyField>().map_err(error)?, header);
        }
    }
    if let Some(scale) = text(options, "scale")? {
        read = read.scale(scale.parse().map_err(error)?);
    }
    if let Some(sheet) = text(options, "sheet")? {
        read = read.sheet(sheet);
    }
    if let Some(keep) = option(options, "keepEveryRow")? {
        let keep = keep
            .as_bool()
            .ok_or_else(|| error("keepEveryRow: expected true or false"))?;
        read = read.keep_every_row(keep);
    }
    Ok(read)
}

/// The catalogue of the framework as pretty JSON, for the rubric given
/// (the default one without): what the `catalogue` example prints.
///
/// # Errors
///
/// The crate's message for a bad rubric.
#[wasm_bindgen]
pub fn catalogue(options: Option<CatalogueOptions>) -> Result<String, JsError> {
    let options = options.map(JsValue::from);
    let rubric = rubric(text(options.as_ref(), "rubric")?.as_deref())?;
    serde_json::to_string_pretty(&Catalogue::from_rubric(&rubric))
        .map(|json| json + "\n")
        .map_err(error)
}

/// A survey template: the questionnaire as Markdown (the default), or the
/// crate's CSV header line (`format: "csv"`), for the partnership given
/// (JSON text) or any: what `survey_template` prints.
///
/// # Errors
///
/// An unknown format, or the crate's message for a bad partnership.
#[wasm_bindgen(js_name = surveyTemplate)]
pub fn survey_template(options: Option<SurveyTemplateOptions>) -> Result<String, JsError> {
    let options = options.map(JsValue::from);
    let options = options.as_ref();
    let csv = match text(options, "format")?.as_deref() {
        None | Some("markdown") => false,
        Some("csv") => true,
        Some(other) => {
            return Err(error(format!(
                "unknown survey template format {other:?}; expected one of: csv, markdown"
            )));
        }
    };
    let partnership = text(options, "partnership")?
        .map(|text| Partnership::from_json(&text).map_err(error))
        .transpose()?;
    let template = partnership
        .as_ref()
        .map_or_else(SurveyTemplate::new, SurveyTemplate::for_partnership);
    Ok(if csv {
        template.csv()
    } else {
        template.markdown()
    })
}
