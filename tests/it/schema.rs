//! The JSON Schemas: committed and checked for drift, every
//! document the crate writes validates, and the assessment schema rejects
//! what the crate rejects wherever a schema can say so.

use interagency::{Assessment, Catalogue, Concept, Level, schema};
use jsonschema::Validator;
use serde_json::{Value, json};

use crate::support;

fn validator(schema: &schemars::Schema) -> Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema.as_value())
        .expect("the schema compiles")
}

#[track_caller]
fn assert_valid(v: &Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

fn example_files() -> Vec<(String, Value)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 3);
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (
                p.display().to_string(),
                serde_json::from_str(&text).unwrap(),
            )
        })
        .collect()
}

#[test]
fn committed_schemas_are_up_to_date() {
    for (name, schema) in schema::all() {
        let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        support::assert_snapshot(&format!("schemas/{name}.schema.json"), &text);
    }
}

#[test]
fn every_schema_identifies_itself() {
    for (name, schema) in schema::all() {
        let v = schema.as_value();
        assert_eq!(
            v["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{name}"
        );
        assert_eq!(
            v["$id"],
            format!("urn:interagency:schema:{name}:1"),
            "{name}"
        );
        assert!(v["title"].as_str().is_some_and(|t| !t.is_empty()), "{name}");
        assert!(
            v["description"].as_str().is_some_and(|t| t.len() > 40),
            "{name}"
        );
    }
}

/// No non-standard `format` (such as `uint8` or `double`), and no code
/// blocks or Rust link syntax left in a description.
#[test]
fn schemas_use_standard_keywords_only() {
    fn walk(v: &Value, path: &str) {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(format)) = map.get("format") {
                    assert_eq!(format, "date", "non-standard format at {path}");
                }
                if let Some(Value::String(d)) = map.get("description") {
                    assert!(
                        !d.contains("```") && !d.contains("](") && !d.contains("\n "),
                        "{path}: {d}"
                    );
                }
                for (k, child) in map {
                    walk(child, &format!("{path}/{k}"));
                }
            }
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, c)| walk(c, &format!("{path}/{i}"))),
            _ => {}
        }
    }
    for (name, schema) in schema::all() {
        walk(schema.as_value(), name);
    }
}

/// Every identifier value carries its description: concepts the catalogue's.
#[test]
fn identifier_values_carry_their_descriptions() {
    fn check<T: Concept>(defs: &Value, def: &str) {
        let one_of = defs[def]["oneOf"]
            .as_array()
            .unwrap_or_else(|| panic!("{def} has oneOf"));
        assert_eq!(one_of.len(), T::COUNT, "{def}");
        for (entry, value) in one_of.iter().zip(T::iter()) {
            assert_eq!(entry["const"], value.id(), "{def}");
            assert_eq!(entry["description"], value.description(), "{def} {value}");
        }
    }
    let report = schema::report();
    let defs = &report.as_value()["$defs"];
    check::<interagency::Level>(defs, "Level");
    check::<interagency::Characteristic>(defs, "Characteristic");
    check::<interagency::Facilitator>(defs, "Facilitator");
    check::<interagency::Obstacle>(defs, "Obstacle");
    check::<interagency::PracticeTip>(defs, "PracticeTip");
    check::<interagency::Benefit>(defs, "Benefit");
    let catalogue = schema::catalogue();
    check::<interagency::catalogue::Finding>(&catalogue.as_value()["$defs"], "Finding");
    // Every identifier enum in every schema: each value has const and description.
    for (name, schema) in schema::all() {
        for (def, body) in schema.as_value()["$defs"].as_object().unwrap() {
            if let Some(entries) = body["oneOf"].as_array() {
                for e in entries {
                    let described = e["description"].as_str().is_some_and(|d| !d.is_empty());
                    assert!(described, "{name} {def}: {e}");
                }
            }
        }
    }
}

#[test]
fn the_catalogue_validates() {
    let v = validator(&schema::catalogue());
    assert_valid(
        &v,
        &serde_json::to_value(Catalogue::default()).unwrap(),
        "catalogue",
    );
}

#[test]
fn example_assessments_and_their_reports_validate() {
    let assessment = validator(&schema::assessment());
    let report = validator(&schema::report());
    let classification = validator(&schema::classification());
    for (path, doc) in example_files() {
        assert_valid(&assessment, &doc, &path);
        let a: Assessment = serde_json::from_value(doc).unwrap();
        assert_valid(&assessment, &serde_json::to_value(&a).unwrap(), &path);
        assert_valid(
            &classification,
            &serde_json::to_value(a.classify()).unwrap(),
            &path,
        );
        for target in [None, Some(Level::Cooperation), Some(Level::Integration)] {
            assert_valid(
                &report,
                &serde_json::to_value(a.gap_analysis(target)).unwrap(),
                &path,
            );
        }
    }
}

/// A document without responses (a partnership whose responses come from
/// a survey export) is one the crate reads, and the schema takes it too.
#[test]
fn a_document_without_responses_validates() {
    let assessment = validator(&schema::assessment());
    let path = "examples/survey/child-protection-hub.partnership.json";
    let doc: Value = serde_json::from_str(&support::read(path)).unwrap();
    assert!(doc.get("responses").is_none());
    Assessment::from_json(&doc.to_string()).unwrap();
    assert_valid(&assessment, &doc, path);
}

#[test]
fn shipped_rubrics_and_their_reports_validate() {
    let rubric_schema = validator(&schema::rubric());
    let report = validator(&schema::report());
    let catalogue = validator(&schema::catalogue());
    for name in ["default", "statutory"] {
        let path = format!("examples/rubrics/{name}.json");
        let text = support::read(&path);
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_valid(&rubric_schema, &doc, &path);
        let rubric = interagency::Rubric::from_json(&text).unwrap();
        assert_valid(
            &catalogue,
            &serde_json::to_value(interagency::Catalogue::from_rubric(&rubric)).unwrap(),
            &path,
        );
        for (file, doc) in example_files() {
            let a: Assessment = serde_json::from_value(doc).unwrap();
            assert_valid(
                &report,
                &serde_json::to_value(rubric.gap_analysis(&a, None)).unwrap(),
                &file,
            );
        }
    }
}

#[test]
fn progress_reports_validate() {
    let progress = validator(&schema::progress());
    let files = example_files();
    for (earlier_path, earlier) in &files {
        for (later_path, later) in &files {
            let earlier: Assessment = serde_json::from_value(earlier.clone()).unwrap();
            let later: Assessment = serde_json::from_value(later.clone()).unwrap();
            let Ok(report) = crate::support::progress(&earlier, &later, None) else {
                continue; // rounds out of order
            };
            let doc = serde_json::to_value(&report).unwrap();
            assert_valid(
                &progress,
                &doc,
                &format!("{later_path} since {earlier_path}"),
            );
            let back: interagency::ProgressReport = serde_json::from_value(doc).unwrap();
            assert_eq!(back, report);
        }
    }
}

#[test]
fn schema_examples_validate() {
    for (name, schema) in schema::all() {
        let v = validator(&schema);
        for example in schema.as_value()["examples"]
            .as_array()
            .into_iter()
            .flatten()
        {
            assert_valid(&v, example, name);
        }
    }
    assert!(schema::assessment().as_value()["examples"][0]["responses"].is_array());
}

/// A deterministic stream of small numbers, for varied documents.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn generated(seed: u64) -> Value {
    let mut rng = Lcg(seed);
    let agencies = 2 + rng.next(3);
    let characteristics: Vec<&str> = interagency::Characteristic::iter()
        .filter(|_| rng.next(3) > 0)
        .map(interagency::Characteristic::id)
        .collect();
    let mut responses = Vec::new();
    for i in 0..rng.next(12) {
        let mut f = serde_json::Map::new();
        for x in interagency::Facilitator::iter() {
            if rng.next(3) > 0 {
                f.insert(x.id().into(), json!(1 + rng.next(5)));
            }
        }
        let mut o = serde_json::Map::new();
        for x in interagency::Obstacle::iter() {
            if rng.next(2) > 0 {
                o.insert(x.id().into(), json!(1 + rng.next(5)));
            }
        }
        if f.is_empty() && o.is_empty() {
            o.insert("conflict".into(), json!(3));
        }
        let role =
            ["frontline", "manager", "senior_manager"][usize::try_from(rng.next(3)).unwrap()];
        responses.push(
            json!({"respondent": format!("r{i}"), "agency": format!("a{}", rng.next(agencies)),
                              "role": role,
                              "facilitators": f, "obstacles": o}),
        );
    }
    json!({
        "partnership": format!("Generated {seed}"),
        "agencies": (0..agencies).map(|i| json!({"id": format!("a{i}"), "name": format!("Agency {i}")})).collect::<Vec<_>>(),
        "characteristics": characteristics,
        "responses": responses,
    })
}

#[test]
fn reports_of_generated_assessments_validate() {
    let assessment = validator(&schema::assessment());
    let report = validator(&schema::report());
    for seed in 0..200 {
        let doc = generated(seed);
        assert_valid(&assessment, &doc, &format!("seed {seed}"));
        let a: Assessment = serde_json::from_value(doc).unwrap();
        let target = Level::from_number((seed % 5) as u8);
        assert_valid(
            &report,
            &serde_json::to_value(a.gap_analysis(target)).unwrap(),
            &format!("seed {seed}"),
        );
    }
}

/// A named change to a document.
type Mutation = Box<dyn Fn(&mut Value)>;

fn base() -> Value {
    example_files().remove(0).1
}

/// Each mutation breaks a rule a schema can state: both the schema and the
/// crate reject the result.
#[test]
#[allow(clippy::too_many_lines)] // one line a rule
fn the_schema_rejects_what_the_crate_rejects() {
    let v = validator(&schema::assessment());
    let cases: Vec<(&str, Mutation)> = vec![
        (
            "rating 0",
            Box::new(|d| d["responses"][0]["facilitators"]["leadership"] = json!(0)),
        ),
        (
            "rating 6",
            Box::new(|d| d["responses"][0]["obstacles"]["conflict"] = json!(6)),
        ),
        (
            "rating 2.5",
            Box::new(|d| d["responses"][0]["facilitators"]["leadership"] = json!(2.5)),
        ),
        (
            "rating as text",
            Box::new(|d| d["responses"][0]["facilitators"]["leadership"] = json!("3")),
        ),
        (
            "unknown facilitator",
            Box::new(|d| d["responses"][0]["facilitators"]["funding"] = json!(3)),
        ),
        (
            "unknown obstacle",
            Box::new(|d| d["responses"][0]["obstacles"]["leadership"] = json!(3)),
        ),
        ("unknown field", Box::new(|d| d["notes"] = json!("x"))),
        (
            "unknown agency field",
            Box::new(|d| d["agencies"][0]["phone"] = json!("x")),
        ),
        (
            "unknown response field",
            Box::new(|d| d["responses"][0]["comment"] = json!("x")),
        ),
        (
            "one agency",
            Box::new(|d| {
                d["agencies"].as_array_mut().unwrap().truncate(1);
                d["responses"] = json!([]);
            }),
        ),
        (
            "duplicate characteristic",
            Box::new(|d| d["characteristics"] = json!(["consistent_goals", "consistent_goals"])),
        ),
        (
            "unknown characteristic",
            Box::new(|d| d["characteristics"] = json!(["shared_goals"])),
        ),
        (
            "date form",
            Box::new(|d| d["assessed_on"] = json!("2026-3-1")),
        ),
        (
            "unreal date",
            Box::new(|d| d["assessed_on"] = json!("2026-02-30")),
        ),
        (
            "empty partnership",
            Box::new(|d| d["partnership"] = json!("")),
        ),
        (
            "blank partnership",
            Box::new(|d| d["partnership"] = json!("   ")),
        ),
        (
            "empty agency id",
            Box::new(|d| d["agencies"][0]["id"] = json!("")),
        ),
        (
            "empty respondent",
            Box::new(|d| d["responses"][0]["respondent"] = json!("")),
        ),
        (
            "unknown role",
            Box::new(|d| d["responses"][0]["role"] = json!("director")),
        ),
        (
            "unknown sector",
            Box::new(|d| d["agencies"][0]["sector"] = json!("police")),
        ),
        (
            "no ratings",
            Box::new(|d| {
                let r = d["responses"][0].as_object_mut().unwrap();
                for answers in ["obstacles", "partners", "trust", "perceived_level"] {
                    r.remove(answers);
                }
                r.insert("facilitators".into(), json!({}));
            }),
        ),
        (
            "missing role",
            Box::new(|d| {
                d["responses"][0].as_object_mut().unwrap().remove("role");
            }),
        ),
        (
            "missing characteristics",
            Box::new(|d| {
                d.as_object_mut().unwrap().remove("characteristics");
            }),
        ),
    ];
    for (what, mutate) in cases {
        let mut doc = base();
        mutate(&mut doc);
        assert!(!v.is_valid(&doc), "the schema accepts: {what}");
        assert!(
            serde_json::from_value::<Assessment>(doc).is_err(),
            "the crate accepts: {what}"
        );
    }
}

/// What a schema cannot state is left to the crate, and said in the
/// schema's descriptions.
#[test]
fn rules_beyond_the_schema_are_described() {
    let v = validator(&schema::assessment());
    let cases: Vec<(&str, Mutation)> = vec![
        (
            "duplicate agency id",
            Box::new(|d| d["agencies"][1]["id"] = d["agencies"][0]["id"].clone()),
        ),
        (
            "unknown agency",
            Box::new(|d| d["responses"][0]["agency"] = json!("nowhere")),
        ),
        (
            "duplicate respondent",
            Box::new(|d| d["responses"][1]["respondent"] = d["responses"][0]["respondent"].clone()),
        ),
    ];
    for (what, mutate) in cases {
        let mut doc = base();
        mutate(&mut doc);
        assert!(v.is_valid(&doc), "{what}");
        assert!(
            serde_json::from_value::<Assessment>(doc).is_err(),
            "the crate accepts: {what}"
        );
    }
    let description = schema::assessment().as_value()["description"]
        .as_str()
        .unwrap()
        .to_owned();
    for phrase in [
        "distinct agency ids",
        "distinct respondent ids",
        "names one of the listed agencies",
    ] {
        assert!(description.contains(phrase), "{phrase}");
    }
}

#[test]
fn malformed_reports_and_catalogues_are_rejected() {
    let report = validator(&schema::report());
    let (_, doc) = example_files().remove(0);
    let a: Assessment = serde_json::from_value(doc).unwrap();
    let good = serde_json::to_value(a.gap_analysis(None)).unwrap();
    let mut bad = good.clone();
    bad["target"] = json!("merger");
    assert!(!report.is_valid(&bad));
    let mut bad = good.clone();
    bad.as_object_mut().unwrap().remove("reached");
    assert!(!report.is_valid(&bad));
    let mut bad = good.clone();
    bad["classification"]["facilitators"]
        .as_array_mut()
        .unwrap()
        .pop();
    assert!(!report.is_valid(&bad));
    let mut bad = good;
    bad["recommendations"] = json!([{"tip": "secure_commitment", "priority": 1.0, "addresses": [{"level": "integration"}]}]);
    assert!(!report.is_valid(&bad));

    let catalogue = validator(&schema::catalogue());
    let mut bad = serde_json::to_value(Catalogue::default()).unwrap();
    bad["levels"][0]["rubric"]["colour"] = json!("red");
    assert!(!catalogue.is_valid(&bad));
    let mut bad = serde_json::to_value(Catalogue::default()).unwrap();
    bad["facilitators"][0]["source"] = json!("wikipedia");
    assert!(!catalogue.is_valid(&bad));
}

#[test]
fn a_response_with_only_answers_about_the_network_is_valid_both_ways() {
    let v = validator(&schema::assessment());
    for answers in [
        json!({"partners": {"hse": "none"}}),
        json!({"trust": {"hse": 2}}),
        json!({"perceived_level": "coordination"}),
    ] {
        let mut doc = json!({
            "partnership": "Northside", "characteristics": [],
            "agencies": [{"id": "cfa", "name": "CFA"}, {"id": "hse", "name": "HSE"}],
            "responses": [{"respondent": "r1", "agency": "cfa", "role": "manager"}]
        });
        for (k, value) in answers.as_object().unwrap() {
            doc["responses"][0][k] = value.clone();
        }
        assert_valid(&v, &doc, &answers.to_string());
        assert!(Assessment::from_json(&doc.to_string()).is_ok());
        // Empty maps are no answer, for both.
        let empty = json!({"partnership": "N", "characteristics": [],
            "agencies": [{"id": "cfa", "name": "CFA"}, {"id": "hse", "name": "HSE"}],
            "responses": [{"respondent": "r1", "agency": "cfa", "role": "manager", "partners": {}}]});
        assert!(!v.is_valid(&empty));
        assert!(Assessment::from_json(&empty.to_string()).is_err());
    }
}
