//! Python bindings of the `interagency` crate: the module `interagency`,
//! built as an abi3 wheel with maturin.
//!
//! Each function takes the documents as text (the survey export as bytes)
//! and returns exactly what the crate's examples print for the same input:
//! `assess`, `catalogue`, `survey_template` and `export_schemas`. A bad
//! input raises `interagency.Error`, a `ValueError`, with the crate's
//! message.
//!
//! The bindings are thin: they read the arguments and call the crate.

// PyO3's macros expand to `unsafe` glue code, so unsafe code is denied
// rather than forbidden (forbid would reject the macros' own `#[allow]`s);
// this file writes none.
#![deny(unsafe_code)]

use interagency::{
    Assessment, Catalogue, Format, Level, Partnership, Rubric, SurveyField, SurveyOptions,
    SurveyTemplate,
};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

create_exception!(
    interagency,
    Error,
    PyValueError,
    "A bad input: a document, rubric, export or option the crate refuses, with the crate's message."
);

/// The Python exception for an error of the crate.
fn error(message: impl core::fmt::Display) -> PyErr {
    Error::new_err(message.to_string())
}

/// The rubric given as text, or the default one.
fn rubric(text: Option<&str>) -> PyResult<Rubric> {
    text.map_or(Ok(Rubric::DEFAULT), |text| {
        Rubric::from_json(text).map_err(error)
    })
}

/// What `assess` and `progress` read from their arguments.
fn report_options(
    rubric_text: Option<&str>,
    target: Option<&str>,
    format: &str,
) -> PyResult<(Rubric, Option<Level>, Format)> {
    let format = format.parse::<Format>().map_err(error)?;
    let target = target
        .map(|level| level.parse::<Level>().map_err(error))
        .transpose()?;
    Ok((rubric(rubric_text)?, target, format))
}

/// The gap report of an assessment document (JSON text), in the format
/// asked: what `assess FILE --format FORMAT` prints.
///
/// `rubric` is a rubric document (JSON text) to analyse with instead of
/// the default rubric; `target` the level to measure the gap to
/// (`"cooperation"`, `"collaboration"`, `"coordination"` or
/// `"integration"`); `format` one of `"json"`, `"markdown"`, `"svg"`,
/// `"html"`. Raises `interagency.Error` on bad input.
#[pyfunction]
#[pyo3(signature = (document, rubric=None, target=None, format="json"))]
fn assess(
    py: Python<'_>,
    document: &str,
    rubric: Option<&str>,
    target: Option<&str>,
    format: &str,
) -> PyResult<String> {
    let (rubric, target, format) = report_options(rubric, target, format)?;
    py.detach(|| {
        let assessment = Assessment::from_json(document).map_err(error)?;
        Ok(rubric.gap_analysis(&assessment, target).render(format))
    })
}

/// An action plan as given: text (a plan document, or CSV) or bytes (CSV
/// or a spreadsheet).
#[derive(FromPyObject)]
enum PlanFile {
    Text(String),
    Bytes(Vec<u8>),
}

/// The progress report from an earlier round's assessment document to a
/// later one's (JSON texts): what `assess LATER --since EARLIER` prints;
/// with `plan`, what `assess LATER --since EARLIER --plan PLAN` prints.
///
/// The options are those of `assess`, and `plan`: the action plan made
/// after the earlier round, to review at the later one, as a plan document
/// (JSON text), or a CSV file (text or bytes) or spreadsheet (bytes) of one
/// action a row. Raises `interagency.Error` on bad input or rounds that
/// cannot be compared.
#[pyfunction]
#[pyo3(signature = (earlier, later, rubric=None, target=None, format="json", plan=None))]
fn progress(
    py: Python<'_>,
    earlier: &str,
    later: &str,
    rubric: Option<&str>,
    target: Option<&str>,
    format: &str,
    plan: Option<PlanFile>,
) -> PyResult<String> {
    let (rubric, target, format) = report_options(rubric, target, format)?;
    py.detach(|| {
        let later = Assessment::from_json(later).map_err(error)?;
        let earlier = Assessment::from_json(earlier).map_err(error)?;
        let report = rubric.progress(&earlier, &later, target).map_err(error)?;
        let report = match plan {
            None => report,
            Some(plan) => {
                let bytes = match &plan {
                    PlanFile::Text(text) => text.as_bytes(),
                    PlanFile::Bytes(bytes) => bytes.as_slice(),
                };
                let plan = rubric
                    .plan_from_bytes(bytes, later.partnership(), later.assessed_on())
                    .map_err(error)?;
                report.with_plan(&plan).map_err(error)?
            }
        };
        Ok(report.render(format))
    })
}

/// The action plan of an assessment document's gap report (JSON text), one
/// action per recommendation, ready to fill in: what `assess FILE
/// --plan-template --format FORMAT` prints.
///
/// `rubric` and `target` are those of `assess`; `format` one of `"json"`
/// (the default), `"csv"`, `"markdown"`, `"html"`. Raises
/// `interagency.Error` on bad input, or for a report with no
/// recommendation.
#[pyfunction]
#[pyo3(signature = (document, rubric=None, target=None, format="json"))]
fn plan_template(
    py: Python<'_>,
    document: &str,
    rubric: Option<&str>,
    target: Option<&str>,
    format: &str,
) -> PyResult<String> {
    let (rubric, target, _) = report_options(rubric, target, "json")?;
    if !["json", "csv", "markdown", "html"].contains(&format) {
        return Err(error(format!(
            "unknown plan format {format:?}; expected one of: json, csv, markdown, html"
        )));
    }
    py.detach(|| {
        let assessment = Assessment::from_json(document).map_err(error)?;
        let plan = rubric
            .gap_analysis(&assessment, target)
            .plan_template()
            .map_err(error)?;
        Ok(match format {
            "csv" => plan.to_csv(),
            "markdown" => plan.markdown(),
            "html" => plan.html(),
            _ => plan.to_json(),
        })
    })
}

/// The assessment document (pretty JSON) of a partnership document (JSON
/// text) with the responses of a survey tool's export (bytes): a CSV file
/// or a spreadsheet (`.xlsx`, `.xls`, `.ods`), told apart by its content,
/// as `assess PARTNERSHIP --responses EXPORT` reads them.
///
/// `ignore_columns` are headers of columns that are not answers;
/// `columns` maps a field (`"respondent"`, `"agency"`, `"role"`) to the
/// header of its column; `scale` gives the words of the ratings
/// (`"Strongly disagree=1,Disagree=2,..."`); `sheet` the sheet of a
/// spreadsheet to read; `keep_every_row` reads the rows the export says
/// are no respondent's too (previews, tests, spam), which are otherwise
/// left out. Raises `interagency.Error` on bad input.
#[pyfunction]
#[pyo3(signature = (partnership, data, ignore_columns=Vec::new(), columns=None, scale=None, sheet=None, keep_every_row=false))]
#[allow(clippy::too_many_arguments, reason = "Python's keyword arguments")]
fn read_responses(
    py: Python<'_>,
    partnership: &str,
    data: &[u8],
    ignore_columns: Vec<String>,
    columns: Option<&Bound<'_, PyDict>>,
    scale: Option<&str>,
    sheet: Option<String>,
    keep_every_row: bool,
) -> PyResult<String> {
    let options = survey_options(ignore_columns, columns, scale, sheet, keep_every_row)?;
    py.detach(|| {
        let assessment = Partnership::from_json(partnership)
            .and_then(|partnership| partnership.with_responses_from_export(data, &options))
            .map_err(error)?;
        document(&assessment)
    })
}

/// What `read_responses` reads, with the rows of the export left out as no
/// respondent's (Qualtrics' previews, tests, spam; unfinished responses
/// holding no answer): a dict of `assessment` (the assessment document,
/// as `read_responses` returns it), `left_out` (the line `assess` writes
/// about them to standard error, `""` when none was left out) and
/// `left_out_counts` (each kind with a row left out, `"survey_preview"`,
/// `"survey_test"`, `"spam"`, `"synthetic"` or `"unfinished"`, with its
/// count). The arguments are `read_responses`'. Raises `interagency.Error`
/// on bad input.
#[pyfunction]
#[pyo3(signature = (partnership, data, ignore_columns=Vec::new(), columns=None, scale=None, sheet=None, keep_every_row=false))]
#[allow(clippy::too_many_arguments, reason = "Python's keyword arguments")]
fn read_export<'py>(
    py: Python<'py>,
    partnership: &str,
    data: &[u8],
    ignore_columns: Vec<String>,
    columns: Option<&Bound<'_, PyDict>>,
    scale: Option<&str>,
    sheet: Option<String>,
    keep_every_row: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let options = survey_options(ignore_columns, columns, scale, sheet, keep_every_row)?;
    let (assessment, left_out) = py.detach(|| {
        let read = Partnership::from_json(partnership)
            .and_then(|partnership| partnership.read_export(data, &options))
            .map_err(error)?;
        Ok::<_, PyErr>((document(&read.assessment)?, read.left_out))
    })?;
    let counts = PyDict::new(py);
    for (kind, count) in left_out.kinds() {
        counts.set_item(kind.id(), count)?;
    }
    let out = PyDict::new(py);
    out.set_item("assessment", assessment)?;
    out.set_item("left_out", left_out.to_string())?;
    out.set_item("left_out_counts", counts)?;
    Ok(out)
}

/// An assessment document as pretty JSON, as the crate writes one.
fn document(assessment: &Assessment) -> PyResult<String> {
    serde_json::to_string_pretty(assessment)
        .map(|json| json + "\n")
        .map_err(error)
}

/// The survey options of `read_responses` and `read_export`.
fn survey_options(
    ignore_columns: Vec<String>,
    columns: Option<&Bound<'_, PyDict>>,
    scale: Option<&str>,
    sheet: Option<String>,
    keep_every_row: bool,
) -> PyResult<SurveyOptions> {
    let mut options = SurveyOptions::new();
    for header in ignore_columns {
        options = options.ignore_column(header);
    }
    for (field, header) in columns.into_iter().flat_map(|columns| columns.iter()) {
        let field: String = field.extract()?;
        let header: String = header.extract()?;
        options = options.column(field.trim().parse::<SurveyField>().map_err(error)?, header);
    }
    if let Some(scale) = scale {
        options = options.scale(scale.parse().map_err(error)?);
    }
    if let Some(sheet) = sheet {
        options = options.sheet(sheet);
    }
    Ok(options.keep_every_row(keep_every_row))
}

/// The catalogue of the framework as pretty JSON, for the rubric given
/// (JSON text; the default rubric without): what the `catalogue` example
/// prints. Raises `interagency.Error` on a bad rubric.
#[pyfunction]
#[pyo3(signature = (rubric=None))]
fn catalogue(rubric: Option<&str>) -> PyResult<String> {
    let rubric = self::rubric(rubric)?;
    serde_json::to_string_pretty(&Catalogue::from_rubric(&rubric))
        .map(|json| json + "\n")
        .map_err(error)
}

/// The JSON Schema of a document (`"assessment"`, `"report"`,
/// `"classification"`, `"catalogue"`, `"rubric"`, `"progress"` or `"plan"`) as
/// pretty JSON: the file `NAME.schema.json` that `export_schemas` writes.
/// Raises `interagency.Error` on an unknown name.
#[pyfunction]
fn schema(name: &str) -> PyResult<String> {
    let all = interagency::schema::all();
    let schema = all
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, schema)| schema)
        .ok_or_else(|| {
            let names: Vec<_> = all.iter().map(|(known, _)| *known).collect();
            error(format!(
                "unknown schema {name:?}; expected one of: {}",
                names.join(", ")
            ))
        })?;
    serde_json::to_string_pretty(schema)
        .map(|json| json + "\n")
        .map_err(error)
}

/// The cohort report of many partnerships' assessment documents (JSON
/// texts, one round of each, five or more), read one at a time in the
/// order given: what `cohort FILE... --format FORMAT` prints for the same
/// documents in that order.
///
/// `focus` is an assessment document (JSON text): the report says where
/// that partnership stands among the cohort. `rubric` and `format` are
/// those of `assess`. Raises `interagency.Error` on a document the crate
/// refuses (named by its place, `documents[2]: ...`), the same partnership
/// twice, fewer than five partnerships, or a bad focus, rubric or format.
#[pyfunction]
#[pyo3(signature = (documents, focus=None, rubric=None, format="json"))]
fn cohort(
    py: Python<'_>,
    documents: Vec<String>,
    focus: Option<&str>,
    rubric: Option<&str>,
    format: &str,
) -> PyResult<String> {
    let (rubric, _, format) = report_options(rubric, None, format)?;
    py.detach(|| {
        let focus = focus
            .map(|text| Assessment::from_json(text).map_err(|e| error(format!("focus: {e}"))))
            .transpose()?;
        let mut cohort = rubric.cohort();
        for (i, text) in documents.iter().enumerate() {
            let place = format!("documents[{i}]");
            let assessment =
                Assessment::from_json(text).map_err(|e| error(format!("{place}: {e}")))?;
            cohort.add(&assessment, &place).map_err(error)?;
        }
        let report = cohort.report(focus.as_ref()).map_err(error)?;
        Ok(report.render(format))
    })
}

/// A survey template: the questionnaire as Markdown (`format="markdown"`,
/// the default) or the crate's CSV header line (`format="csv"`), for the
/// partnership given (JSON text) or any: what `survey_template` prints.
/// Raises `interagency.Error` on an unknown format or a bad partnership.
#[pyfunction]
#[pyo3(signature = (format="markdown", partnership=None))]
fn survey_template(format: &str, partnership: Option<&str>) -> PyResult<String> {
    let csv = match format {
        "markdown" => false,
        "csv" => true,
        other => {
            return Err(error(format!(
                "unknown survey template format {other:?}; expected one of: csv, markdown"
            )));
        }
    };
    let partnership = partnership
        .map(|text| Partnership::from_json(text).map_err(error))
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

/// Frost's levels of interagency working, Statham's facilitators and the
/// CAAB benefits: classify a children's services partnership and plan its
/// next step. Every function returns what the crate's command-line
/// examples print for the same input.
#[pymodule(name = "interagency")]
fn python_module(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("Error", module.py().get_type::<Error>())?;
    module.add_function(wrap_pyfunction!(assess, module)?)?;
    module.add_function(wrap_pyfunction!(progress, module)?)?;
    module.add_function(wrap_pyfunction!(read_responses, module)?)?;
    module.add_function(wrap_pyfunction!(read_export, module)?)?;
    module.add_function(wrap_pyfunction!(catalogue, module)?)?;
    module.add_function(wrap_pyfunction!(schema, module)?)?;
    module.add_function(wrap_pyfunction!(survey_template, module)?)?;
    module.add_function(wrap_pyfunction!(plan_template, module)?)?;
    module.add_function(wrap_pyfunction!(cohort, module)?)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
