//! The rubric as a document: the shipped files, every rule with its exact
//! message, and how a rubric changes a report.

#![allow(clippy::too_many_lines, clippy::type_complexity)] // one table of rules, each with its message

use interagency::rubric::{Divergence, Privacy, Thresholds, TipLinks, Weights};
use interagency::{Catalogue, Error, Facilitator, GapItem, Level, Obstacle, Rubric};
use serde_json::{Value, json};

use crate::support;

const EXAMPLES: [&str; 3] = [
    "early-years-network",
    "child-protection-hub",
    "integrated-family-centre",
];

fn default_doc() -> Value {
    serde_json::to_value(Rubric::DEFAULT).unwrap()
}

/// The message of the error reading `doc` gives.
#[track_caller]
fn error(doc: &Value) -> String {
    Rubric::from_json(&doc.to_string()).unwrap_err().to_string()
}

#[test]
fn the_shipped_default_rubric_is_the_built_in_one() {
    let text = serde_json::to_string_pretty(&Rubric::DEFAULT).unwrap() + "\n";
    support::assert_snapshot("examples/rubrics/default.json", &text);
    let loaded = Rubric::from_json(&support::read("examples/rubrics/default.json")).unwrap();
    assert_eq!(loaded, Rubric::DEFAULT);
}

#[test]
fn a_rubric_reads_back_to_the_same_document() {
    for file in ["default", "statutory"] {
        let text = support::read(&format!("examples/rubrics/{file}.json"));
        let rubric = Rubric::from_json(&text).unwrap();
        assert_eq!(serde_json::to_string_pretty(&rubric).unwrap() + "\n", text);
        let again: Rubric = serde_json::from_str(&serde_json::to_string(&rubric).unwrap()).unwrap();
        assert_eq!(again, rubric);
    }
}

#[test]
#[allow(clippy::float_cmp, reason = "the numbers as written")]
fn confidence_is_optional_and_defaults_to_95_percent() {
    let mut document: serde_json::Value =
        serde_json::from_str(&support::read("examples/rubrics/default.json")).unwrap();
    document.as_object_mut().unwrap().remove("confidence");
    let rubric = Rubric::from_json(&document.to_string()).unwrap();
    assert_eq!(rubric, Rubric::DEFAULT);
    assert_eq!(rubric.confidence(), 0.95);
    document["confidence"] = serde_json::json!(0.5);
    let rubric = Rubric::from_json(&document.to_string()).unwrap();
    assert_eq!(rubric.confidence(), 0.5);
    assert_eq!(rubric.summary().confidence, 0.5);
    assert_eq!(
        Rubric::DEFAULT.with_confidence(0.999).unwrap().confidence(),
        0.999
    );
    assert_eq!(
        Rubric::DEFAULT
            .with_confidence(f64::NAN)
            .unwrap_err()
            .to_string(),
        "confidence: NaN is not a number from 0.5 to 0.999"
    );
}

#[test]
fn the_loaded_default_gives_byte_identical_reports() {
    let loaded = Rubric::from_json(&support::read("examples/rubrics/default.json")).unwrap();
    for name in EXAMPLES {
        let a = support::example(name);
        for target in [None, Some(Level::Integration)] {
            let built_in = a.gap_analysis(target);
            let from_file = loaded.gap_analysis(&a, target);
            assert_eq!(
                serde_json::to_string(&built_in).unwrap(),
                serde_json::to_string(&from_file).unwrap()
            );
            assert_eq!(
                built_in.markdown().to_string(),
                from_file.markdown().to_string()
            );
        }
    }
    assert_eq!(Catalogue::from_rubric(&loaded), Catalogue::default());
}

#[test]
fn the_statutory_rubric_changes_the_hub_report() {
    let strict = Rubric::from_json(&support::read("examples/rubrics/statutory.json")).unwrap();
    assert_eq!(
        strict.facilitator_thresholds(),
        Thresholds {
            upper: 4.5,
            lower: 3.5
        }
    );
    assert_eq!(
        strict.required_from(Facilitator::Leadership),
        Level::Collaboration
    );

    let hub = support::example("child-protection-hub");
    let default = hub.gap_analysis(None);
    let report = strict.gap_analysis(&hub, None);
    assert_eq!(report.rubric.name, strict.name());
    assert_eq!(default.rubric.name, "interagency default rubric");
    // With the default rubric the hub sustains collaboration: leadership
    // (2.38) is needed only from coordination. The statutory reading needs
    // leadership from collaboration and every facilitator at 3.5 or more:
    // trust (3.62) still passes, clarity of purpose (3.88) too, but
    // leadership does not, so only cooperation is sustained.
    assert_eq!(
        default.classification.achieved_level,
        Some(Level::Collaboration)
    );
    assert_eq!(
        report.classification.achieved_level,
        Some(Level::Cooperation)
    );
    assert_eq!(report.target, Level::Collaboration);
    let gaps: Vec<Facilitator> = report
        .facilitator_gaps
        .iter()
        .map(|g| g.facilitator)
        .collect();
    assert_eq!(gaps, [Facilitator::Leadership]);
    // The means themselves do not change; their bands do.
    assert_eq!(
        report
            .classification
            .result(Facilitator::InformationSharingProcedures)
            .mean,
        default
            .classification
            .result(Facilitator::InformationSharingProcedures)
            .mean
    );
    let markdown = report.markdown().to_string();
    assert!(markdown.contains(&format!(
        "the rubric \u{201c}{}\u{201d}, version 2026-1",
        strict.name()
    )));
    assert!(markdown.contains("(mean 3.5 or more)"));
}

#[test]
fn a_rubric_that_leaves_a_gap_unaddressed_says_so() {
    // No tip builds leadership any more.
    let mut links = Rubric::DEFAULT.links(interagency::PracticeTip::SecureCommitment);
    links.builds.remove(Facilitator::Leadership);
    let rubric = Rubric::DEFAULT
        .with_name("no leadership tip", "1")
        .unwrap()
        .with_tip(interagency::PracticeTip::SecureCommitment, links)
        .unwrap();
    let hub = support::example("child-protection-hub");
    let report = rubric.gap_analysis(&hub, None);
    assert_eq!(
        report.unaddressed,
        [GapItem::Facilitator(Facilitator::Leadership)]
    );
    assert!(hub.gap_analysis(None).unaddressed.is_empty());
    let markdown = report.markdown().to_string();
    assert!(markdown.contains("No practice tip of the rubric works on: facilitator *Leadership*."));
}

#[test]
fn every_rule_has_its_message() {
    let cases: Vec<(Box<dyn Fn(&mut Value)>, &str)> = vec![
        (
            Box::new(|d| d["name"] = json!("  ")),
            "name: must not be empty, got \"  \"",
        ),
        (
            Box::new(|d| d["version"] = json!("")),
            "version: must not be empty, got \"\"",
        ),
        (
            Box::new(|d| d["characteristic_levels"]["single_organisation"] = json!("coordination")),
            "characteristic_levels: no characteristic marks level \"integration\"; every level needs at least one",
        ),
        (
            Box::new(|d| {
                d["facilitator_levels"]
                    .as_object_mut()
                    .unwrap()
                    .remove("leadership");
            }),
            "facilitator_levels: no entry for facilitator \"leadership\"; the map names every facilitator once",
        ),
        (
            Box::new(|d| d["benefit_levels"]["world_peace"] = json!("integration")),
            "benefit_levels: unknown benefit \"world_peace\"; expected one of: faster_access, \
             reduced_worker_anxiety, case_monitoring_quality, manageable_family_demands, \
             consistent_message, better_decision_making, timely_resources, \
             effective_use_of_resources, new_policy_and_practice, reduced_duplication",
        ),
        (
            Box::new(|d| d["characteristic_levels"]["common_outcomes"] = json!("partnership")),
            "characteristic_levels.common_outcomes: unknown level \"partnership\"; expected one of: \
             cooperation, collaboration, coordination, integration",
        ),
        (
            Box::new(|d| {
                d["tips"]["secure_commitment"]["builds"] = json!(["leadership", "leadership"]);
            }),
            "tips.secure_commitment.builds: \"leadership\" is listed twice",
        ),
        (
            Box::new(|d| {
                d["tips"]["solve_problems_together"]["addresses"] = json!(["bad_weather"]);
            }),
            "tips.solve_problems_together.addresses: unknown obstacle \"bad_weather\"; expected one of: \
             time_not_prioritised, agreeing_policies_and_protocols, changing_attitudes_and_beliefs, \
             lack_of_collaborative_skills, conflict, collaboration_fatigue",
        ),
        (
            Box::new(|d| d["facilitator_thresholds"] = json!({"upper": 3.0, "lower": 3.0})),
            "facilitator_thresholds: lower 3 must be below upper 3 (1 <= lower < upper <= 5)",
        ),
        (
            Box::new(|d| d["obstacle_thresholds"] = json!({"upper": 4.5, "lower": 4.6})),
            "obstacle_thresholds: lower 4.6 must be below upper 4.5 (1 <= lower < upper <= 5)",
        ),
        (
            Box::new(|d| d["obstacle_thresholds"]["upper"] = json!(5.5)),
            "obstacle_thresholds.upper: 5.5 is not a number from 1 to 5",
        ),
        (
            Box::new(|d| d["facilitator_thresholds"]["lower"] = json!(0.5)),
            "facilitator_thresholds.lower: 0.5 is not a number from 1 to 5",
        ),
        (
            Box::new(|d| d["weights"]["missing_characteristic"] = json!(0)),
            "weights.missing_characteristic: 0 is not a finite number above 0",
        ),
        (
            Box::new(|d| d["weights"]["unknown_facilitator"] = json!(-1.5)),
            "weights.unknown_facilitator: -1.5 is not a finite number above 0",
        ),
        (
            Box::new(|d| d["weights"]["facilitator_baseline"] = json!(6)),
            "weights.facilitator_baseline: 6 is not a number from 1 to 5",
        ),
        (
            Box::new(|d| d["weights"]["obstacle_baseline"] = json!(0.9)),
            "weights.obstacle_baseline: 0.9 is not a number from 1 to 5",
        ),
        (
            Box::new(|d| d["privacy"]["min_group_size"] = json!(2)),
            "privacy.min_group_size: 2 is not an integer from 3 to 1000",
        ),
        (
            Box::new(|d| d["privacy"]["min_group_size"] = json!(1001)),
            "privacy.min_group_size: 1001 is not an integer from 3 to 1000",
        ),
        (
            Box::new(|d| d["divergence"]["agency_spread"] = json!(0)),
            "divergence.agency_spread: 0 is not a number above 0 and at most 4",
        ),
        (
            Box::new(|d| d["divergence"]["role_gap"] = json!(4.5)),
            "divergence.role_gap: 4.5 is not a number above 0 and at most 4",
        ),
        (
            Box::new(|d| d["confidence"] = json!(0.4)),
            "confidence: 0.4 is not a number from 0.5 to 0.999",
        ),
        (
            Box::new(|d| d["confidence"] = json!(0.9995)),
            "confidence: 0.9995 is not a number from 0.5 to 0.999",
        ),
        (
            Box::new(|d| d["colour"] = json!("blue")),
            "colour: unknown field `colour`, expected one of `name`, `version`, `description`, \
             `characteristic_levels`, `facilitator_levels`, `benefit_levels`, `tips`, \
             `facilitator_thresholds`, `obstacle_thresholds`, `weights`, `privacy`, `divergence`, \
             `confidence` (line 1, column",
        ),
        (
            Box::new(|d| {
                d.as_object_mut().unwrap().remove("divergence");
            }),
            "document: missing field `divergence` (line 1, column",
        ),
        (
            Box::new(|d| d["privacy"]["min_group_size"] = json!(4.5)),
            "privacy.min_group_size: invalid type: floating point `4.5`, expected u32 (line 1, column",
        ),
    ];
    for (change, expected) in cases {
        let mut doc = default_doc();
        change(&mut doc);
        let message = error(&doc);
        assert!(
            message.starts_with(expected),
            "{message}\nexpected: {expected}"
        );
    }
    // A duplicate key in a map is named, although JSON maps keep the last.
    let text = serde_json::to_string(&default_doc()).unwrap().replacen(
        "\"facilitator_levels\":{",
        "\"facilitator_levels\":{\"leadership\":\"integration\",",
        1,
    );
    assert_eq!(
        Rubric::from_json(&text).unwrap_err().to_string(),
        "facilitator_levels: \"leadership\" is listed twice"
    );
}

#[test]
fn builders_check_the_same_rules() {
    let r = Rubric::DEFAULT;
    assert!(matches!(
        r.clone().with_name("", "1"),
        Err(Error::RubricEmpty { field: "name", .. })
    ));
    assert!(matches!(
        r.clone().with_level_of(
            interagency::Characteristic::SingleOrganisation,
            Level::Coordination
        ),
        Err(Error::LevelWithoutCharacteristic {
            level: Level::Integration
        })
    ));
    assert!(
        r.clone()
            .with_weights(Weights {
                missing_characteristic: f64::NAN,
                ..r.weights()
            })
            .is_err()
    );
    assert!(
        r.clone()
            .with_privacy(Privacy { min_group_size: 2 })
            .is_err()
    );
    assert!(
        r.clone()
            .with_divergence(Divergence {
                agency_spread: f64::INFINITY,
                role_gap: 1.0
            })
            .is_err()
    );
    assert!(
        r.clone()
            .with_obstacle_thresholds(Thresholds {
                upper: 5.0,
                lower: 1.0
            })
            .is_ok()
    );
    let with_tip = r
        .clone()
        .with_tip(
            interagency::PracticeTip::EvaluateAndReflect,
            TipLinks::default(),
        )
        .unwrap();
    assert!(
        with_tip
            .links(interagency::PracticeTip::EvaluateAndReflect)
            .addresses
            .is_empty()
    );
    let later = r
        .with_expected_from(interagency::Benefit::FasterAccess, Level::Integration)
        .unwrap();
    assert_eq!(
        later.expected_from(interagency::Benefit::FasterAccess),
        Level::Integration
    );
    assert!(later.tips_addressing(Obstacle::Conflict).len() > 1);
}
