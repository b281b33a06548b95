//! JSON Schema (draft 2020-12) for every document the crate reads or
//! writes. Available with the `schemars` feature.
//!
//! | document | function | file written by `export_schemas` |
//! |---|---|---|
//! | the assessment (input) | [`assessment`] | `assessment.schema.json` |
//! | the gap report | [`report`] | `report.schema.json` |
//! | the classification | [`classification`] | `classification.schema.json` |
//! | the catalogue | [`catalogue`] | `catalogue.schema.json` |
//! | the rubric (read and written) | [`rubric`] | `rubric.schema.json` |
//! | the progress report | [`progress`] | `progress.schema.json` |
//! | the action plan (read and written) | [`plan`] | `plan.schema.json` |
//! | the cohort report | [`cohort`] | `cohort.schema.json` |
//!
//! Every schema has a stable `$id`, a `title` and a `description`; every
//! identifier value carries its description from the catalogue (as a
//! `oneOf` entry with `const` and `description`); integer and number types
//! carry no non-standard `format`. The assessment schema states every rule
//! of the document that JSON Schema can state; the rules it cannot (agency
//! references, unique ids) are in its descriptions.
//!
//! ```
//! let schema = interagency::schema::assessment();
//! let json = serde_json::to_value(&schema)?;
//! assert_eq!(json["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(json["$id"], "urn:interagency:schema:assessment:1");
//! assert_eq!(json["properties"]["agencies"]["minItems"], 2);
//! # Ok::<(), serde_json::Error>(())
//! ```

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use schemars::transform::{RecursiveTransform, RestrictFormats};
use serde_json::Value;

/// The schema type every function here returns: schemars' JSON Schema
/// value, re-exported so a dependent needs no `schemars` dependency of its
/// own to name it. It serializes to the schema's JSON (`serde_json::to_value`,
/// [`Schema::as_value`]).
///
/// Available with the `schemars` feature.
///
/// ```
/// use interagency::schema::{self, Schema};
///
/// let schema: Schema = schema::report();
/// assert_eq!(schema.as_value()["title"], "Interagency working gap report");
/// ```
#[doc(no_inline)]
pub use schemars::Schema;

use crate::{
    Assessment, Catalogue, Classification, Cohort, CohortReport, GapReport, Plan, ProgressReport,
    Rubric,
};

/// The major version of the documents' shape, part of every `$id`.
///
/// Available with the `schemars` feature.
pub const VERSION: u32 = 1;

/// Every schema, by the name of its file (`<name>.schema.json`).
///
/// Available with the `schemars` feature.
///
/// ```
/// let names: Vec<_> = interagency::schema::all().into_iter().map(|(name, _)| name).collect();
/// assert_eq!(names, ["assessment", "report", "classification", "catalogue", "rubric", "progress", "plan", "cohort"]);
/// ```
#[must_use]
pub fn all() -> Vec<(&'static str, Schema)> {
    vec![
        ("assessment", assessment()),
        ("report", report()),
        ("classification", classification()),
        ("catalogue", catalogue()),
        ("rubric", rubric()),
        ("progress", progress()),
        ("plan", plan()),
        ("cohort", cohort()),
    ]
}

/// The schema of the assessment document, which the crate reads.
///
/// Available with the `schemars` feature.
#[must_use]
pub fn assessment() -> Schema {
    let schema = generate::<Assessment>(
        Contract::Read,
        "assessment",
        "Interagency working assessment",
        "The assessment of one interagency partnership in children's and family \
         services: the agencies taking part, the arrangements in place (the \
         characteristics of Frost's levels) and each respondent's ratings of \
         Statham's facilitators and Atkinson's obstacles on a scale of 1 to 5. \
         Besides what this schema states, a valid document has distinct agency \
         ids, distinct respondent ids, and every response names one of the \
         listed agencies.",
    );
    with_example(schema, example_assessment())
}

/// The schema of the gap report, which the crate writes.
///
/// Available with the `schemars` feature.
#[must_use]
pub fn report() -> Schema {
    let schema = generate::<GapReport>(
        Contract::Write,
        "report",
        "Interagency working gap report",
        "Where a partnership stands on Frost's levels of interagency working, \
         what stands between it and a target level, and which practice tips to \
         act on first. It carries aggregates only: no respondent id appears in it.",
    );
    let example = example_assessment()
        .and_then(|a| serde_json::from_value::<Assessment>(a).ok())
        .and_then(|a| serde_json::to_value(a.gap_analysis(None)).ok());
    with_example(schema, example)
}

/// The schema of the classification, which the crate writes on
/// its own and inside the gap report.
///
/// Available with the `schemars` feature.
#[must_use]
pub fn classification() -> Schema {
    generate::<Classification>(
        Contract::Write,
        "classification",
        "Interagency working classification",
        "Which of Frost's levels of interagency working a partnership has in \
         place and sustains, with the agency-balanced mean of every facilitator \
         and obstacle.",
    )
}

/// The schema of the catalogue document, which the crate writes.
///
/// Available with the `schemars` feature.
#[must_use]
pub fn catalogue() -> Schema {
    generate::<Catalogue>(
        Contract::Write,
        "catalogue",
        "Interagency working catalogue",
        "The framework of interagency working in children's and family \
         services: Frost's levels, their characteristics, Statham's \
         facilitators, the CAAB benefits, Atkinson's obstacles, the briefing's \
         practice tips and research findings, each with its source, and the \
         links and numbers of the crate's default rubric.",
    )
}

/// The schema of the rubric document, which the crate reads and writes.
///
/// Available with the `schemars` feature.
///
/// ```
/// let json = serde_json::to_value(interagency::schema::rubric())?;
/// assert_eq!(json["$id"], "urn:interagency:schema:rubric:1");
/// assert_eq!(json["properties"]["privacy"]["$ref"], "#/$defs/Privacy");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn rubric() -> Schema {
    let schema = generate::<Rubric>(
        Contract::Read,
        "rubric",
        "Interagency working rubric",
        "The links and numbers every analysis of the interagency crate reads: \
         which level each characteristic marks, from which level each \
         facilitator is required and each benefit expected, what each practice \
         tip works on, the band thresholds, the gap weights, the smallest group \
         a breakdown shows and the differences that count as divergent views. \
         An interpretation of the sources, not a claim they make. Besides what \
         this schema states, every level has at least one characteristic and in \
         each pair of thresholds lower is below upper.",
    );
    with_example(schema, serde_json::to_value(Rubric::DEFAULT).ok())
}

/// The schema of the progress report between two rounds, which the crate
/// writes.
///
/// Available with the `schemars` feature.
#[must_use]
pub fn progress() -> Schema {
    let schema = generate::<ProgressReport>(
        Contract::Write,
        "progress",
        "Interagency working progress report",
        "What changed between two rounds of one partnership's assessment, both \
         analysed with the same rubric: the levels then and now, the \
         arrangements and agencies that came and went, how every facilitator \
         and obstacle moved, and the later round's gap report. It carries \
         aggregates only: no respondent id appears in it.",
    );
    let example = example_assessment()
        .and_then(|a| serde_json::from_value::<Assessment>(a).ok())
        .and_then(|earlier| {
            let later: Assessment = serde_json::from_str(include_str!(
                "../../examples/data/early-years-network-2027.json"
            ))
            .ok()?;
            let plan = Plan::from_json(include_str!(
                "../../examples/plans/early-years-network-plan.json"
            ))
            .ok()?;
            later
                .progress_since(&earlier, None)
                .ok()?
                .with_plan(&plan)
                .ok()
        })
        .and_then(|p| serde_json::to_value(p).ok());
    with_example(schema, example)
}

/// The schema of the action plan, which the crate reads (`assess --plan`)
/// and writes (`assess --plan-template`).
///
/// Available with the `schemars` feature.
///
/// ```
/// let json = serde_json::to_value(interagency::schema::plan())?;
/// assert_eq!(json["$id"], "urn:interagency:schema:plan:1");
/// assert_eq!(json["properties"]["actions"]["minItems"], 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn plan() -> Schema {
    let schema = generate::<Plan>(
        Contract::Read,
        "plan",
        "Interagency working action plan",
        "What a partnership agreed to do about the gap its assessment found: \
         actions, each following a practice tip, naming the gap items it works \
         on, with an owner, a due date and a status, to be reviewed at the next \
         round. Besides what this schema states, a valid plan has distinct \
         action ids, and each action's items are ones its practice tip works on \
         under the rubric in use (a facilitator it builds, an obstacle it \
         addresses, a characteristic it establishes).",
    );
    let example = serde_json::from_str(include_str!(
        "../../examples/plans/early-years-network-plan.json"
    ))
    .ok();
    with_example(schema, example)
}

/// The schema of the cohort report, which the crate writes.
///
/// Available with the `schemars` feature.
#[must_use]
pub fn cohort() -> Schema {
    let schema = generate::<CohortReport>(
        Contract::Write,
        "cohort",
        "Interagency working cohort report",
        "Many partnerships (five or more), one round each, analysed under one \
         rubric, each towards the level after the one it sustains: how many sit \
         at each level, the spread of the partnership means of every facilitator \
         and obstacle (minimum, quartiles and median of nearest rank, maximum; \
         null where fewer than five partnerships rated the item) and the count \
         in each band, the gap items the partnerships share and the practice \
         tips recommended to the most; with a focus, where that one partnership \
         stands. No partnership but the focus is named, and no respondent id \
         appears.",
    );
    let mut cohort = Cohort::new();
    let documents = [
        include_str!("../../examples/cohort/ardmore.json"),
        include_str!("../../examples/cohort/ballinteer.json"),
        include_str!("../../examples/cohort/carrowmore.json"),
        include_str!("../../examples/cohort/dunmore.json"),
        include_str!("../../examples/cohort/eskerbrook.json"),
        include_str!("../../examples/cohort/fernhill.json"),
    ];
    let mut focus = None;
    for (i, text) in documents.into_iter().enumerate() {
        if let Ok(a) = Assessment::from_json(text) {
            let _ = cohort.add(&a, &format!("example {i}"));
            focus = Some(a);
        }
    }
    let example = cohort
        .report(focus.as_ref())
        .ok()
        .and_then(|r| serde_json::to_value(r).ok());
    with_example(schema, example)
}

/// `schema` with `example` as its one example, when there is one.
fn with_example(mut schema: Schema, example: Option<Value>) -> Schema {
    if let Some(example) = example {
        schema.insert("examples".into(), Value::Array(vec![example]));
    }
    schema
}

#[derive(Clone, Copy)]
enum Contract {
    /// A document the crate reads.
    Read,
    /// A document the crate writes.
    Write,
}

fn generate<T: JsonSchema>(
    contract: Contract,
    name: &str,
    title: &str,
    description: &str,
) -> Schema {
    let settings = SchemaSettings::draft2020_12()
        .with_transform(RestrictFormats::default())
        .with_transform(RecursiveTransform(tidy_description));
    let settings = match contract {
        Contract::Read => settings.for_deserialize(),
        Contract::Write => settings.for_serialize(),
    };
    let mut schema = settings.into_generator().into_root_schema_for::<T>();
    let mut root = Schema::default();
    // Put the identifying keywords first for people reading the file.
    if let Some(meta) = schema.remove("$schema") {
        root.insert("$schema".into(), meta);
    }
    root.insert(
        "$id".into(),
        Value::String(format!("urn:interagency:schema:{name}:{VERSION}")),
    );
    root.insert("title".into(), Value::String(title.to_owned()));
    root.insert("description".into(), Value::String(description.to_owned()));
    schema.remove("title");
    schema.remove("description");
    if let Some(object) = schema.as_object_mut() {
        for (key, value) in std::mem::take(object) {
            root.insert(key, value);
        }
    }
    root
}

/// The example assessment shipped with the crate, as JSON.
fn example_assessment() -> Option<Value> {
    serde_json::from_str(include_str!("../../examples/data/early-years-network.json")).ok()
}

/// Makes Rust doc comments read as plain descriptions: drops fenced code
/// blocks and turns intra-doc links into their text.
fn tidy_description(schema: &mut Schema) {
    let Some(Value::String(text)) = schema.get_mut("description") else {
        return;
    };
    let tidied = tidy(text);
    if tidied.is_empty() {
        schema.remove("description");
    } else {
        *text = tidied;
    }
}

fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code {
            out.push_str(&unlink(line));
            out.push('\n');
        }
    }
    // Collapse the blank lines the code blocks leave behind, and unwrap the
    // lines of each paragraph.
    let paragraphs: Vec<String> = out
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// `[text](target)` becomes `text`; `[`X`]` becomes `` `X` ``.
fn unlink(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let text = &after[..close];
        let tail = &after[close + 1..];
        out.push_str(text);
        rest = match tail
            .strip_prefix('(')
            .and_then(|t| t.find(')').map(|end| &t[end + 1..]))
        {
            Some(after_link) => after_link,
            None => tail,
        };
    }
    out.push_str(rest);
    out
}

/// Checks that `tidy` leaves prose alone.
#[cfg(test)]
mod tests {
    use super::{tidy, unlink};

    #[test]
    fn unlink_keeps_text() {
        assert_eq!(
            unlink("see [`Level`](crate::Level) and [`Rubric::DEFAULT`]."),
            "see `Level` and `Rubric::DEFAULT`."
        );
        assert_eq!(unlink("a [b"), "a [b");
        assert_eq!(
            tidy("One.\n\n```\ncode\n```\n\nTwo\nlines."),
            "One.\n\nTwo lines."
        );
    }
}
