//! Action plans: the template made from a gap report's recommendations,
//! the rules every plan obeys (in JSON, CSV and `.xlsx`), and the plan
//! reviewed at the next round.

use interagency::{
    ActionStatus, Assessment, Error, GapItem, Level, Outcome, Place, Plan, PlanProblem,
    ProgressReport, Rubric,
};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::cli::assess;
use crate::support;

const PLAN: &str = "examples/plans/early-years-network-plan.json";
const EARLIER: &str = "examples/data/early-years-network.json";
const LATER: &str = "examples/data/early-years-network-2027.json";

fn example_progress() -> ProgressReport {
    support::assessment(LATER)
        .progress_since(&support::assessment(EARLIER), None)
        .unwrap()
}

fn example_plan() -> Plan {
    Plan::from_json(&support::read(PLAN)).unwrap()
}

/// Checks that `plan` is the template of `report`: one action per
/// recommendation, in order, as the rules of templates say.
fn assert_template(report: &interagency::GapReport, plan: &Plan) {
    assert_eq!(plan.partnership, report.partnership);
    assert_eq!(plan.made_on, report.assessed_on);
    assert_eq!(plan.target, Some(report.target));
    assert_eq!(plan.actions.len(), report.recommendations.len());
    for (n, (action, r)) in plan.actions.iter().zip(&report.recommendations).enumerate() {
        assert_eq!(action.id, format!("a{}", n + 1));
        assert_eq!(action.tip, r.tip);
        assert_eq!(action.addresses, r.addresses);
        assert_eq!(action.status, ActionStatus::Planned);
        assert_eq!(
            (&action.owner, action.due, &action.note),
            (&None, None, &None)
        );
    }
    let json: Value = serde_json::from_str(&plan.to_json()).unwrap();
    for action in json["actions"].as_array().unwrap() {
        let mut keys: Vec<&str> = action
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["addresses", "id", "status", "tip"]);
    }
    if report.assessed_on.is_none() {
        assert!(json.get("made_on").is_none());
    }
}

#[test]
fn the_template_is_the_recommendations_of_every_example() {
    let mut files: Vec<_> = std::fs::read_dir("examples/data")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut planned = 0;
    for path in files {
        let file = path.to_str().unwrap();
        let report = support::assessment(file).gap_analysis(None);
        match report.plan_template() {
            Ok(plan) => {
                assert_template(&report, &plan);
                assert_eq!(Plan::from_json(&plan.to_json()).unwrap(), plan, "{file}");
                planned += 1;
            }
            Err(err) => {
                assert!(report.recommendations.is_empty(), "{file}: {err}");
                assert!(matches!(err, Error::NothingToPlan { .. }));
            }
        }
    }
    assert!(planned >= 3);
}

/// A document with every arrangement of every level in place, every
/// facilitator a strength and every obstacle minor: the integration target
/// is reached.
fn nothing_to_do() -> String {
    let characteristics: Vec<String> = interagency::Characteristic::ALL
        .iter()
        .map(|c| format!("{:?}", c.id()))
        .collect();
    let facilitators: Vec<String> = interagency::Facilitator::ALL
        .iter()
        .map(|f| format!("{:?}: 5", f.id()))
        .collect();
    let obstacles: Vec<String> = interagency::Obstacle::ALL
        .iter()
        .map(|o| format!("{:?}: 1", o.id()))
        .collect();
    format!(
        r#"{{"partnership": "Done", "agencies": [{{"id": "a", "name": "A"}}, {{"id": "b", "name": "B"}}],
            "characteristics": [{}],
            "responses": [{{"respondent": "1", "agency": "a", "role": "manager",
                            "facilitators": {{{}}}, "obstacles": {{{}}}}}]}}"#,
        characteristics.join(", "),
        facilitators.join(", "),
        obstacles.join(", ")
    )
}

#[test]
fn a_report_with_nothing_to_do_has_nothing_to_plan() {
    let text = nothing_to_do();
    let report = Assessment::from_json(&text).unwrap().gap_analysis(None);
    assert!(report.recommendations.is_empty());
    let err = report.plan_template().unwrap_err();
    assert_eq!(
        err.to_string(),
        "recommendations: the report of \"Done\" has no recommendation, so there is nothing to plan"
    );
}

#[test]
fn nothing_to_plan_on_the_command_line() {
    let text = nothing_to_do();
    let dir = std::env::temp_dir().join(format!("interagency-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("done.json");
    std::fs::write(&file, text).unwrap();
    let out = assess(&[file.to_str().unwrap(), "--plan-template"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("nothing to plan")
    );
}

proptest! {
    #![proptest_config(crate::properties::config())]

    #[test]
    fn the_template_is_the_recommendations_of_any_document(
        a in crate::properties::assessment(),
        target in crate::properties::target(),
        rubric in crate::properties::rubric(),
    ) {
        let report = rubric.gap_analysis(&a, target);
        match report.plan_template() {
            Err(_) => prop_assert!(report.recommendations.is_empty()),
            Ok(plan) => {
                assert_template(&report, &plan);
                // It reads back as a valid plan under the rubric that made it,
                // as JSON and as CSV.
                prop_assert_eq!(&rubric.plan_from_json(&plan.to_json()).unwrap(), &plan);
                prop_assert!(rubric.check_plan(&plan).is_ok());
                #[cfg(feature = "csv")]
                {
                    let csv = rubric
                        .plan_from_csv(plan.to_csv().as_bytes(), &plan.partnership, plan.made_on)
                        .unwrap();
                    prop_assert_eq!(&csv.actions, &plan.actions);
                }
            }
        }
    }
}

/// The example plan with one change made to its JSON.
fn changed(change: impl FnOnce(&mut Value)) -> String {
    let mut plan: Value = serde_json::from_str(&support::read(PLAN)).unwrap();
    change(&mut plan);
    plan.to_string()
}

/// Checks that `text` is refused with an [`Error::Plan`] at `place`, for
/// `action`, `field` and `value`.
#[track_caller]
fn refused(text: &str, place: &str, action: Option<&str>, field: &str, value: &str) -> PlanProblem {
    match Plan::from_json(text) {
        Err(Error::Plan(e)) => {
            let interagency::PlanError {
                place: at,
                action: a,
                field: f,
                value: v,
                problem,
            } = *e;
            assert_eq!(at, Place::Field(place.to_owned()));
            assert_eq!(a.as_deref(), action);
            assert_eq!(f, field);
            assert_eq!(v, value);
            problem
        }
        other => panic!("{text}: {other:?}"),
    }
}

/// A case of a rule broken: the document, then where, the action, the
/// field, the value and the problem expected.
type Case<'a> = (
    String,
    &'a str,
    Option<&'a str>,
    &'a str,
    &'a str,
    PlanProblem,
);

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "a table of every rule, one line each"
)]
fn every_rule_of_a_plan_document_names_the_action_field_and_value() {
    use PlanProblem as P;
    let set = |path: &[&str], value: Value| {
        let path: Vec<String> = path.iter().map(|p| (*p).to_owned()).collect();
        changed(move |plan| {
            let mut at = plan;
            for (i, key) in path.iter().enumerate() {
                let last = i + 1 == path.len();
                let next = match key.parse::<usize>() {
                    Ok(n) => &mut at[n],
                    Err(_) => &mut at[key.as_str()],
                };
                if last {
                    *next = value.clone();
                    return;
                }
                at = next;
            }
        })
    };
    let remove = |path: &[&str]| {
        let path: Vec<String> = path.iter().map(|p| (*p).to_owned()).collect();
        changed(move |plan| {
            let (last, parents) = path.split_last().unwrap();
            let mut at = plan;
            for key in parents {
                at = match key.parse::<usize>() {
                    Ok(n) => &mut at[n],
                    Err(_) => &mut at[key.as_str()],
                };
            }
            at.as_object_mut().unwrap().remove(last);
        })
    };
    let cases: Vec<Case<'_>> = vec![
        (
            set(&["partnership"], json!(" ")),
            "partnership",
            None,
            "partnership",
            " ",
            P::Missing,
        ),
        (
            remove(&["partnership"]),
            "partnership",
            None,
            "partnership",
            "",
            P::Missing,
        ),
        (
            set(&["partnership"], json!("A\nB")),
            "partnership",
            None,
            "partnership",
            "A\nB",
            P::ControlCharacter { character: '\n' },
        ),
        (
            set(&["partnership"], json!(7)),
            "partnership",
            None,
            "partnership",
            "integer `7`",
            P::Type {
                expected: "a string",
            },
        ),
        (
            set(&["made_on"], json!("2026-02-30")),
            "made_on",
            None,
            "made_on",
            "2026-02-30",
            P::NotADate,
        ),
        (
            set(&["actions"], json!([])),
            "actions",
            None,
            "actions",
            "",
            P::Empty,
        ),
        (
            remove(&["actions"]),
            "actions",
            None,
            "actions",
            "",
            P::Missing,
        ),
        (
            set(&["actions", "1", "id"], json!("")),
            "actions[1].id",
            None,
            "id",
            "",
            P::Missing,
        ),
        (
            remove(&["actions", "1", "id"]),
            "actions[1].id",
            None,
            "id",
            "",
            P::Missing,
        ),
        (
            set(&["actions", "1", "id"], json!("a\t2")),
            "actions[1].id",
            None,
            "id",
            "a\t2",
            P::ControlCharacter { character: '\t' },
        ),
        (
            set(&["actions", "2", "id"], json!("a1")),
            "actions[2].id",
            Some("a1"),
            "id",
            "a1",
            P::Duplicate,
        ),
        (
            set(&["actions", "1", "tip"], json!("pray")),
            "actions[1].tip",
            Some("a2"),
            "tip",
            "pray",
            P::Unknown {
                kind: "practice tip",
                expected: String::new(),
            },
        ),
        (
            remove(&["actions", "1", "tip"]),
            "actions[1].tip",
            Some("a2"),
            "tip",
            "",
            P::Missing,
        ),
        (
            remove(&["actions", "1", "addresses"]),
            "actions[1].addresses",
            Some("a2"),
            "addresses",
            "",
            P::Missing,
        ),
        (
            set(&["actions", "1", "addresses"], json!([])),
            "actions[1].addresses",
            Some("a2"),
            "addresses",
            "",
            P::Empty,
        ),
        (
            set(&["actions", "1", "addresses"], json!("conflict")),
            "actions[1].addresses",
            Some("a2"),
            "addresses",
            "\"conflict\"",
            P::Type {
                expected: "a list of gap items",
            },
        ),
        (
            set(
                &["actions", "0", "addresses", "1"],
                json!({"obstacle": "bad_weather"}),
            ),
            "actions[0].addresses[1]",
            Some("a1"),
            "addresses",
            "obstacle:bad_weather",
            P::Unknown {
                kind: "gap item",
                expected: String::new(),
            },
        ),
        (
            set(
                &["actions", "0", "addresses", "1"],
                json!({"barrier": "conflict"}),
            ),
            "actions[0].addresses[1]",
            Some("a1"),
            "addresses",
            "barrier:conflict",
            P::Unknown {
                kind: "gap item",
                expected: String::new(),
            },
        ),
        (
            set(
                &["actions", "0", "addresses", "1"],
                json!({"facilitator": "clarity_of_purpose_and_roles"}),
            ),
            "actions[0].addresses[1]",
            Some("a1"),
            "addresses",
            "facilitator:clarity_of_purpose_and_roles",
            P::Duplicate,
        ),
        (
            set(
                &["actions", "1", "addresses", "0"],
                json!({"obstacle": "conflict"}),
            ),
            "actions[1].addresses[0]",
            Some("a2"),
            "addresses",
            "obstacle:conflict",
            P::NotWorkedOn {
                tip: "secure_commitment",
                expected: String::new(),
            },
        ),
        (
            set(&["actions", "1", "owner"], json!("Chair\u{7}")),
            "actions[1].owner",
            Some("a2"),
            "owner",
            "Chair\u{7}",
            P::ControlCharacter { character: '\u{7}' },
        ),
        (
            set(&["actions", "1", "owner"], json!(["a", "b"])),
            "actions[1].owner",
            Some("a2"),
            "owner",
            "a sequence",
            P::Type {
                expected: "a string",
            },
        ),
        (
            set(&["actions", "1", "due"], json!("30/09/2026")),
            "actions[1].due",
            Some("a2"),
            "due",
            "30/09/2026",
            P::NotADate,
        ),
        (
            set(&["actions", "1", "status"], json!("finished")),
            "actions[1].status",
            Some("a2"),
            "status",
            "finished",
            P::Unknown {
                kind: "status",
                expected: String::new(),
            },
        ),
        (
            set(&["actions", "1", "status"], json!("Started")),
            "actions[1].status",
            Some("a2"),
            "status",
            "Started",
            P::Unknown {
                kind: "status",
                expected: String::new(),
            },
        ),
        (
            remove(&["actions", "1", "status"]),
            "actions[1].status",
            Some("a2"),
            "status",
            "",
            P::Missing,
        ),
        (
            set(&["actions", "1", "note"], json!("one\r\ntwo")),
            "actions[1].note",
            Some("a2"),
            "note",
            "one\r\ntwo",
            P::ControlCharacter { character: '\r' },
        ),
    ];
    for (text, place, action, field, value, expected) in cases {
        let problem = refused(&text, place, action, field, value);
        // The lists of what is expected are checked by their start only.
        match (&problem, &expected) {
            (
                P::Unknown {
                    kind,
                    expected: list,
                },
                P::Unknown { kind: k, .. },
            ) => {
                assert_eq!(kind, k);
                assert!(!list.is_empty());
            }
            (
                P::NotWorkedOn {
                    tip,
                    expected: list,
                },
                P::NotWorkedOn { tip: t, .. },
            ) => {
                assert_eq!(tip, t);
                assert_eq!(
                    list,
                    "characteristic:single_organisation, facilitator:whole_agency_commitment, \
                     facilitator:leadership, obstacle:time_not_prioritised"
                );
            }
            _ => assert_eq!(problem, expected, "{text}"),
        }
    }
    // A level that is no level.
    let err = Plan::from_json(&set(&["target"], json!("harmony"))).unwrap_err();
    assert_eq!(
        err.to_string(),
        "target: target \"harmony\": names no level; expected one of: cooperation, \
         collaboration, coordination, integration"
    );
    // Unknown fields, of the plan and of an action, are refused where they are.
    let err = Plan::from_json(&set(&["owner"], json!("x"))).unwrap_err();
    assert!(
        err.to_string().starts_with("owner: unknown field `owner`"),
        "{err}"
    );
    let err = Plan::from_json(&set(&["actions", "2", "budget"], json!(100))).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("actions[2].budget: unknown field `budget`"),
        "{err}"
    );
    // The whole message of one.
    let err = Plan::from_json(&set(&["actions", "2", "id"], json!("a1"))).unwrap_err();
    assert_eq!(
        err.to_string(),
        "actions[2].id: action \"a1\", id \"a1\": is given twice"
    );
    assert_eq!(err.kind(), interagency::ErrorKind::Duplicate);
}

#[test]
fn a_plan_is_checked_under_the_rubric_in_use() {
    // A rubric by which securing commitment also addresses conflict.
    let mut links = Rubric::DEFAULT.links(interagency::PracticeTip::SecureCommitment);
    links.addresses.insert(interagency::Obstacle::Conflict);
    let rubric = Rubric::DEFAULT
        .with_tip(interagency::PracticeTip::SecureCommitment, links)
        .unwrap();
    let text = changed(|plan| plan["actions"][1]["addresses"][0] = json!({"obstacle": "conflict"}));
    assert!(Plan::from_json(&text).is_err());
    let plan = rubric.plan_from_json(&text).unwrap();
    assert_eq!(
        plan.actions[1].addresses,
        [GapItem::Obstacle(interagency::Obstacle::Conflict)]
    );
    assert!(Rubric::DEFAULT.check_plan(&plan).is_err());
    assert!(rubric.check_plan(&plan).is_ok());
}

/// The review of the example plan at the 2027 round, worked out by hand
/// from the two rounds (see the progress report's facilitators, obstacles
/// and characteristics added):
///
/// - Clarity of purpose and roles went from concern to borderline
///   (improved), but its change's interval holds 0 (not clear).
/// - Time not prioritised went from moderate to minor (improved), its
///   change's interval all below 0 (clear).
/// - Common outcomes and Overlap and gaps tackled were put in place
///   (improved; no interval for an arrangement).
/// - The later round is dated 2027-02-10: a2, started and due 2026-09-30,
///   is overdue; a1 and a3 are done; a4 was dropped and has no date.
#[test]
fn the_example_plan_reviewed_by_hand() {
    let progress = example_progress().with_plan(&example_plan()).unwrap();
    let review = serde_json::to_value(progress.plan_review.as_ref().unwrap()).unwrap();
    let clarity_improved_unclear = json!({"facilitator": "clarity_of_purpose_and_roles", "movement": "improved", "clear_change": false});
    let time_improved_clear =
        json!({"obstacle": "time_not_prioritised", "movement": "improved", "clear_change": true});
    assert_eq!(
        review,
        json!({
            "actions": [
                {"id": "a1", "tip": "agree_documented_plan", "owner": "Network coordinator",
                 "due": "2026-06-30", "status": "done", "overdue": false,
                 "items": [clarity_improved_unclear, time_improved_clear], "outcome": "worked"},
                {"id": "a2", "tip": "secure_commitment", "owner": "Chair, HSE early years",
                 "due": "2026-09-30", "status": "started", "overdue": true,
                 "items": [time_improved_clear], "outcome": "open"},
                {"id": "a3", "tip": "identify_rationale_and_outcomes",
                 "owner": "Public health nurse manager", "due": "2026-12-31", "status": "done",
                 "overdue": false,
                 "items": [{"characteristic": "common_outcomes", "movement": "improved", "clear_change": null},
                           clarity_improved_unclear],
                 "outcome": "worked"},
                {"id": "a4", "tip": "share_agency_information", "owner": "County childcare committee",
                 "status": "dropped", "overdue": false,
                 "items": [{"characteristic": "tackles_overlap_and_gaps", "movement": "improved", "clear_change": null},
                           clarity_improved_unclear],
                 "outcome": "dropped"}
            ],
            "summary": {"worked": 2, "not_yet": 0, "open": 1, "dropped": 1, "overdue": 1}
        })
    );
    // The movements are the progress report's own.
    let c = progress.change(interagency::Facilitator::ClarityOfPurposeAndRoles);
    assert_eq!(
        (c.movement, c.clear_change),
        (interagency::Movement::Improved, Some(false))
    );
    // The report with its review reads back unchanged.
    let json = progress.render(interagency::Format::Json);
    assert_eq!(
        serde_json::from_str::<ProgressReport>(&json).unwrap(),
        progress
    );
    // Without a plan, no key at all.
    let plain = example_progress().render(interagency::Format::Json);
    assert!(!plain.contains("plan_review"));
    assert!(json.starts_with(plain.trim_end().trim_end_matches('}').trim_end()));
}

#[test]
fn outcomes_and_overdue_follow_the_rules() {
    let progress = example_progress();
    let review = |status: &str, due: Option<&str>, addresses: Value| {
        let mut action = json!({"id": "x", "tip": "evaluate_and_reflect", "addresses": addresses, "status": status});
        if let Some(due) = due {
            action["due"] = json!(due);
        }
        let plan = Plan::from_json(
            &json!({"partnership": "Ballyfoyle Early Years Network", "actions": [action]})
                .to_string(),
        )
        .unwrap();
        progress.review_plan(&plan).unwrap().actions.remove(0)
    };
    // Conflict worsened (minor to moderate); Planned and systematic stayed out.
    let conflict = json!([{"obstacle": "conflict"}]);
    let unchanged = json!([{"characteristic": "planned_and_systematic"}]);
    let both = json!([{"characteristic": "planned_and_systematic"}, {"obstacle": "conflict"}]);
    assert_eq!(
        review("done", None, conflict.clone()).outcome,
        Outcome::NotYet
    );
    assert_eq!(
        review("done", None, unchanged.clone()).outcome,
        Outcome::NotYet
    );
    assert_eq!(review("done", None, both).outcome, Outcome::NotYet);
    assert_eq!(
        review("planned", None, conflict.clone()).outcome,
        Outcome::Open
    );
    assert_eq!(
        review("started", None, conflict.clone()).outcome,
        Outcome::Open
    );
    assert_eq!(
        review("dropped", None, conflict.clone()).outcome,
        Outcome::Dropped
    );
    // Overdue: due before the later round (2027-02-10), planned or started.
    assert!(review("planned", Some("2027-02-09"), conflict.clone()).overdue);
    assert!(review("started", Some("2026-01-01"), conflict.clone()).overdue);
    assert!(!review("planned", Some("2027-02-10"), conflict.clone()).overdue);
    assert!(!review("done", Some("2026-01-01"), conflict.clone()).overdue);
    assert!(!review("dropped", Some("2026-01-01"), conflict.clone()).overdue);
    assert!(!review("planned", None, conflict).overdue);
    // An undated later round: nothing is overdue.
    let mut later: Value = serde_json::from_str(&support::read(LATER)).unwrap();
    later.as_object_mut().unwrap().remove("assessed_on");
    let later = Assessment::from_json(&later.to_string()).unwrap();
    let undated = later
        .progress_since(&support::assessment(EARLIER), None)
        .unwrap()
        .review_plan(&example_plan())
        .unwrap();
    assert_eq!(undated.summary.overdue, 0);
    // An arrangement no longer in place worsened: the rounds swapped.
    let backwards = support::assessment(EARLIER).progress_since(&support::assessment(LATER), None);
    assert!(backwards.is_err());
    let mut earlier_undated: Value = serde_json::from_str(&support::read(EARLIER)).unwrap();
    earlier_undated
        .as_object_mut()
        .unwrap()
        .remove("assessed_on");
    let earlier_undated = Assessment::from_json(&earlier_undated.to_string()).unwrap();
    let swapped = earlier_undated.progress_since(&later, None).unwrap();
    let plan = Plan::from_json(
        &json!({"partnership": "Ballyfoyle Early Years Network", "actions": [
            {"id": "x", "tip": "identify_rationale_and_outcomes",
             "addresses": [{"characteristic": "common_outcomes"}], "status": "done"}]})
        .to_string(),
    )
    .unwrap();
    let r = swapped.review_plan(&plan).unwrap();
    assert_eq!(
        r.actions[0].items[0].movement,
        interagency::Movement::Worsened
    );
    assert_eq!(r.actions[0].outcome, Outcome::NotYet);
    assert_eq!(r.summary.not_yet, 1);
}

#[test]
fn a_plan_of_another_partnership_or_made_later_names_both_values() {
    let progress = example_progress();
    let other = Plan::from_json(&changed(|p| p["partnership"] = json!("Northgate Hub"))).unwrap();
    let err = progress.review_plan(&other).unwrap_err();
    assert_eq!(
        err.to_string(),
        "partnership: the plan is for \"Northgate Hub\", and the later round is of \"Ballyfoyle \
         Early Years Network\"; a plan is reviewed with its own partnership's rounds"
    );
    let later = Plan::from_json(&changed(|p| p["made_on"] = json!("2027-02-11"))).unwrap();
    let err = progress.review_plan(&later).unwrap_err();
    assert_eq!(
        err.to_string(),
        "made_on: the plan is dated 2027-02-11, after the later round (2027-02-10); a plan is \
         reviewed at a round after it was made"
    );
    assert_eq!(err.place(), Some(Place::Field("made_on".into())));
    // Made on the day of the later round is fine.
    let same_day = Plan::from_json(&changed(|p| p["made_on"] = json!("2027-02-10"))).unwrap();
    assert!(progress.review_plan(&same_day).is_ok());
}

#[test]
fn a_plan_of_another_partnership_or_made_later_on_the_command_line() {
    let other = Plan::from_json(&changed(|p| p["partnership"] = json!("Northgate Hub"))).unwrap();
    let later = Plan::from_json(&changed(|p| p["made_on"] = json!("2027-02-11"))).unwrap();
    for (plan, words) in [(&other, "Northgate Hub"), (&later, "2027-02-11")] {
        let path = std::env::temp_dir().join(format!(
            "interagency-plan-{}-{}.json",
            std::process::id(),
            words.len()
        ));
        std::fs::write(&path, plan.to_json()).unwrap();
        let out = assess(&[LATER, "--since", EARLIER, "--plan", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        assert!(String::from_utf8(out.stderr).unwrap().contains(words));
    }
}

/// The example plan as a spreadsheet user keeps it: names in any case,
/// items by name or kind and id, the columns in another order.
#[cfg(feature = "csv")]
const PLAN_CSV: &str = "\
Status,Action,Tip,Addresses,Owner,Due,Note
done,a1,AGREE A DOCUMENTED PLAN,Clarity of purpose and roles; obstacle:time_not_prioritised,Network coordinator,2026-06-30,Terms of reference agreed at the June network meeting
Started,a2,secure_commitment,Time not prioritised,\"Chair, HSE early years\",2026-09-30,Protected time agreed by two of the three managers so far
DONE,a3,Identify the rationale and target outcomes,characteristic:common_outcomes;facilitator:clarity_of_purpose_and_roles,Public health nurse manager,2026-12-31,
dropped,a4,share agency information,Overlap and gaps tackled ; Clarity Of Purpose And Roles,County childcare committee,,The committee's service directory already does this
";

#[cfg(feature = "csv")]
#[test]
fn a_plan_from_csv_gives_the_same_review_as_from_json() {
    let progress = example_progress();
    let later = support::assessment(LATER);
    let csv = Rubric::DEFAULT
        .plan_from_csv(
            PLAN_CSV.as_bytes(),
            later.partnership(),
            later.assessed_on(),
        )
        .unwrap();
    let json = example_plan();
    assert_eq!(csv.actions, json.actions);
    // Names compare in any case, beyond ASCII too: the Kelvin sign is a
    // capital K.
    let shouted = PLAN_CSV
        .replace(
            "Overlap and gaps tackled",
            "OVERLAP AND GAPS TAC\u{212A}LED",
        )
        .replace(
            "facilitator:clarity_of_purpose_and_roles",
            " Facilitator : Clarity of purpose and roles",
        );
    let read = Rubric::DEFAULT
        .plan_from_csv(shouted.as_bytes(), later.partnership(), later.assessed_on())
        .unwrap();
    assert_eq!(read.actions, json.actions);
    assert_eq!(
        progress.review_plan(&csv).unwrap(),
        progress.review_plan(&json).unwrap()
    );
}

/// The CSV plan and the JSON plan give the same review on the command line,
/// byte for byte.
#[cfg(feature = "csv")]
#[test]
fn a_csv_plan_on_the_command_line() {
    let path = std::env::temp_dir().join(format!("interagency-plan-{}.csv", std::process::id()));
    std::fs::write(&path, PLAN_CSV).unwrap();
    for format in ["json", "markdown", "html"] {
        let from_csv = assess(&[
            LATER,
            "--since",
            EARLIER,
            "--plan",
            path.to_str().unwrap(),
            "--format",
            format,
        ]);
        let from_json = assess(&[
            LATER, "--since", EARLIER, "--plan", PLAN, "--format", format,
        ]);
        assert!(
            from_csv.status.success(),
            "{}",
            String::from_utf8_lossy(&from_csv.stderr)
        );
        assert_eq!(from_csv.stdout, from_json.stdout, "{format}");
    }
}

/// Checks that a CSV plan is refused at `place` for `action`, `field` and
/// `value`.
#[cfg(feature = "csv")]
#[track_caller]
fn csv_refused(text: &str, place: Place, action: Option<&str>, field: &str, value: &str) {
    match Rubric::DEFAULT.plan_from_csv(text.as_bytes(), "Ballyfoyle Early Years Network", None) {
        Err(Error::Plan(e)) => {
            let interagency::PlanError {
                place: at,
                action: a,
                field: f,
                value: v,
                ..
            } = *e;
            assert_eq!(
                (at, a.as_deref(), f, v.as_str()),
                (place, action, field, value),
                "{text}"
            );
        }
        other => panic!("{text}: {other:?}"),
    }
}

#[cfg(feature = "csv")]
#[test]
#[allow(
    clippy::too_many_lines,
    reason = "a table of every rule, one line each"
)]
fn every_rule_of_a_csv_plan_names_the_line_column_action_field_and_value() {
    let line = |line: u64, column: &str| Place::Line {
        line,
        column: Some(column.to_owned()),
    };
    let header = "Action,Tip,Addresses,Owner,Due,Status\n";
    let row = |cells: &str| {
        format!(
            "{header}a1,Agree a documented plan,Clarity of purpose and roles,Me,2026-06-30,done\n{cells}\n"
        )
    };
    csv_refused(
        &row(",Secure commitment,Time not prioritised,,,planned"),
        line(3, "Action"),
        None,
        "id",
        "",
    );
    csv_refused(
        &row("a1,Secure commitment,Time not prioritised,,,planned"),
        line(3, "Action"),
        Some("a1"),
        "id",
        "a1",
    );
    csv_refused(
        &row("a2,Pray,Time not prioritised,,,planned"),
        line(3, "Tip"),
        Some("a2"),
        "tip",
        "Pray",
    );
    csv_refused(
        &row("a2,Secure commitment,,,,planned"),
        line(3, "Addresses"),
        Some("a2"),
        "addresses",
        "",
    );
    csv_refused(
        &row("a2,Secure commitment,; ;,,,planned"),
        line(3, "Addresses"),
        Some("a2"),
        "addresses",
        "",
    );
    csv_refused(
        &row("a2,Secure commitment,Bad weather,,,planned"),
        line(3, "Addresses"),
        Some("a2"),
        "addresses",
        "Bad weather",
    );
    csv_refused(
        &row("a2,Secure commitment,Conflict,,,planned"),
        line(3, "Addresses"),
        Some("a2"),
        "addresses",
        "obstacle:conflict",
    );
    csv_refused(
        &row("a2,Secure commitment,Time not prioritised;obstacle:time_not_prioritised,,,planned"),
        line(3, "Addresses"),
        Some("a2"),
        "addresses",
        "obstacle:time_not_prioritised",
    );
    csv_refused(
        &row("a2,Secure commitment,Time not prioritised,,2026-13-01,planned"),
        line(3, "Due"),
        Some("a2"),
        "due",
        "2026-13-01",
    );
    csv_refused(
        &row("a2,Secure commitment,Time not prioritised,,,finished"),
        line(3, "Status"),
        Some("a2"),
        "status",
        "finished",
    );
    csv_refused(
        &row("a2,Secure commitment,Time not prioritised,,,"),
        line(3, "Status"),
        Some("a2"),
        "status",
        "",
    );
    csv_refused(
        &row("a2,Secure commitment,Time not prioritised,\"Me\u{1b}\",,planned"),
        line(3, "Owner"),
        Some("a2"),
        "owner",
        "Me\u{1b}",
    );
    // The header: a column that is no column of a plan, one given twice,
    // one missing.
    csv_refused(
        "Action,Tip,Addresses,Owner,Due,Status,Budget\n",
        line(1, "Budget"),
        None,
        "column",
        "Budget",
    );
    csv_refused(
        "Action,Tip,Addresses,Owner,Due,Status,status\n",
        line(1, "status"),
        None,
        "column",
        "status",
    );
    csv_refused(
        "Action,Tip,Addresses,Owner,Due\n",
        line(1, "Status"),
        None,
        "status",
        "",
    );
    // No action at all.
    csv_refused(
        header,
        Place::Line {
            line: 1,
            column: None,
        },
        None,
        "actions",
        "",
    );
    csv_refused(
        "",
        Place::Line {
            line: 1,
            column: None,
        },
        None,
        "actions",
        "",
    );
    let err = Rubric::DEFAULT
        .plan_from_csv(row("a2,Pray,x,,,planned").as_bytes(), "N", None)
        .unwrap_err();
    assert!(
        err.to_string().starts_with(
            "line 3, column Tip: action \"a2\", tip \"Pray\": names no practice tip; expected one of: "
        ),
        "{err}"
    );
    // A row of the wrong width is malformed CSV, at its line.
    let err = Rubric::DEFAULT
        .plan_from_csv(row("a2,Secure commitment").as_bytes(), "N", None)
        .unwrap_err();
    assert_eq!(
        err.place(),
        Some(Place::Line {
            line: 3,
            column: None
        })
    );
}

/// The example plan's CSV as the cells of a sheet.
#[cfg(all(feature = "csv", feature = "xlsx"))]
fn plan_grid() -> crate::collected::Grid {
    PLAN_CSV
        .lines()
        .map(|line| {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(line.as_bytes());
            reader
                .records()
                .next()
                .unwrap()
                .unwrap()
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

/// A plan's bytes are read by the reader of their kind, told apart by
/// content: JSON by its first character after a byte-order mark and
/// blanks, a spreadsheet by its container, anything else as CSV.
#[cfg(all(feature = "csv", feature = "xlsx"))]
#[test]
fn a_plan_in_bytes_is_read_by_its_kind() {
    let later = support::assessment(LATER);
    let read = |bytes: &[u8]| {
        Rubric::DEFAULT.plan_from_bytes(bytes, later.partnership(), later.assessed_on())
    };
    let expected = example_plan();
    let json = support::read(PLAN);
    assert_eq!(read(json.as_bytes()).unwrap(), expected);
    let padded = format!("\u{feff} \r\n\t{json}");
    assert_eq!(read(padded.as_bytes()).unwrap(), expected);
    assert_eq!(read(PLAN_CSV.as_bytes()).unwrap().actions, expected.actions);
    let sheet = crate::collected::xlsx(&plan_grid());
    assert_eq!(read(&sheet).unwrap().actions, expected.actions);
    // Broken JSON is reported by the JSON reader, with its line and column.
    let err = read(b" {\"partnership\": ").unwrap_err();
    assert_eq!(err.kind(), interagency::ErrorKind::Syntax, "{err}");
    assert!(err.to_string().contains("line 1, column 17"), "{err}");
    // A CSV plan with a header and no action: nothing quoted for what is
    // not there.
    let err = read(b"Action,Tip,Addresses,Owner,Due,Status\r\n").unwrap_err();
    assert_eq!(err.to_string(), "line 1: actions: must not be empty");
    // An item named by nothing: a spreadsheet may also give items' names.
    let err =
        read(b"Action,Tip,Addresses,Owner,Due,Status\na1,Secure commitment,Kindness,,,planned\n")
            .unwrap_err();
    assert!(
        err.to_string().ends_with(
            "expected one of: characteristic:ID, facilitator:ID or obstacle:ID, or an item's name"
        ),
        "{err}"
    );
}

#[cfg(all(feature = "csv", feature = "xlsx"))]
#[test]
fn a_plan_from_a_spreadsheet_gives_the_same_review_and_names_cells() {
    let grid = plan_grid();
    let later = support::assessment(LATER);
    let read = |grid: &crate::collected::Grid| {
        Rubric::DEFAULT.plan_from_spreadsheet(
            &crate::collected::xlsx(grid),
            later.partnership(),
            later.assessed_on(),
        )
    };
    let plan = read(&grid).unwrap();
    assert_eq!(plan.actions, example_plan().actions);
    // A due date kept as a date cell: a number of days since 1899-12-30.
    let mut dated = grid.clone();
    dated[1][5] = "46203".to_owned();
    assert_eq!(
        read(&dated).unwrap().actions[0].due,
        interagency::Date::new(2026, 6, 30)
    );
    // Errors name the cell.
    let cell = |cell: &str| Place::Cell {
        sheet: "Sheet1".into(),
        cell: cell.into(),
        column: None,
    };
    let cases = [
        ((2, 2), "Pray", "C3", Some("a2"), "tip"),
        ((3, 3), "Conflict", "D4", Some("a3"), "addresses"),
        ((4, 0), "finished", "A5", Some("a4"), "status"),
        ((2, 5), "2026-02-29", "F3", Some("a2"), "due"),
        ((4, 1), "a1", "B5", Some("a1"), "id"),
    ];
    for ((row, column), value, at, action, field) in cases {
        let mut bad = grid.clone();
        bad[row][column] = value.to_owned();
        match read(&bad) {
            Err(Error::Plan(e)) => {
                let interagency::PlanError {
                    place,
                    action: a,
                    field: f,
                    ..
                } = *e;
                assert_eq!(
                    (place, a.as_deref(), f),
                    (cell(at), action, field),
                    "{value}"
                );
            }
            other => panic!("{value}: {other:?}"),
        }
    }
    // A missing column is named beside the sheet's first cell.
    let narrow: crate::collected::Grid = grid
        .iter()
        .map(|r| r[..6].to_vec())
        .collect::<Vec<_>>()
        .into_iter()
        .map(|mut r| {
            r.remove(0);
            r
        })
        .collect();
    match read(&narrow) {
        Err(Error::Plan(e)) => {
            let interagency::PlanError { place, field, .. } = *e;
            assert_eq!(
                place,
                Place::Cell {
                    sheet: "Sheet1".into(),
                    cell: "A1".into(),
                    column: Some("Status".into())
                }
            );
            assert_eq!(field, "status");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_template_on_the_command_line() {
    let report = support::assessment(EARLIER).gap_analysis(None);
    let plan = report.plan_template().unwrap();
    let run = |args: &[&str]| {
        let out = assess(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(run(&[EARLIER, "--plan-template"]), plan.to_json());
    assert_eq!(
        run(&[EARLIER, "--plan-template", "--format", "json"]),
        plan.to_json()
    );
    assert_eq!(
        run(&[EARLIER, "--plan-template", "--format", "csv"]),
        plan.to_csv()
    );
    assert_eq!(
        run(&[EARLIER, "--plan-template", "--format", "markdown"]),
        plan.markdown()
    );
    #[cfg(feature = "html")]
    assert_eq!(
        run(&[EARLIER, "--plan-template", "--format", "html"]),
        plan.html()
    );
    assert_eq!(
        run(&[EARLIER, "--plan-template", "--target", "coordination"]),
        support::assessment(EARLIER)
            .gap_analysis(Some(Level::Coordination))
            .plan_template()
            .unwrap()
            .to_json()
    );
    for args in [
        &[EARLIER, "--plan-template", "--format", "svg"][..],
        &[EARLIER, "--format", "csv"],
        &[LATER, "--since", EARLIER, "--plan-template"],
        &[LATER, "--plan", PLAN],
        &[
            LATER,
            "--since",
            EARLIER,
            "--plan",
            "examples/plans/missing.json",
        ],
        &[LATER, "--since", EARLIER, "--plan", EARLIER],
    ] {
        let out = assess(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn the_plan_and_its_review_are_written_for_a_meeting() {
    let plan = example_plan();
    let text = plan.markdown();
    assert!(text.starts_with("# Action plan: Ballyfoyle Early Years Network\n\nMade on 2026-03-05. Towards Collaboration (level 2 of 4).\n"));
    assert!(text.contains("| a2 | Secure commitment | obstacle *Time not prioritised* | Chair, HSE early years | 2026-09-30 | started |\n"));
    // A template's owner and due date are blank, to be filled in by hand.
    let template = support::assessment(EARLIER)
        .gap_analysis(None)
        .plan_template()
        .unwrap();
    assert!(template.markdown().contains(
        "| a2 | Secure commitment | obstacle *Time not prioritised* |  |  | planned |\n"
    ));
    let progress = example_progress().with_plan(&plan).unwrap();
    let text = progress.markdown().to_string();
    assert!(text.contains("## What the plan said, and what moved\n\nOf 4 actions in the plan: 2 worked, 0 not yet, 1 open, 1 dropped; 1 overdue at the round of 2027-02-10.\n"));
    assert!(text.contains("| a2 | Secure commitment | Chair, HSE early years | 2026-09-30 | started | **overdue** | obstacle *Time not prioritised*: **improved** | open |\n"));
    assert!(text.contains(
        "facilitator *Clarity of purpose and roles*: **improved** (*within the uncertainty*)"
    ));
    // The review comes before what to work on next; a report without a
    // plan has no such section.
    assert!(text.find("What the plan said").unwrap() < text.find("What to work on next").unwrap());
    assert!(
        !example_progress()
            .markdown()
            .to_string()
            .contains("What the plan said")
    );
    #[cfg(feature = "html")]
    {
        let page = progress.html().to_string();
        assert!(page.contains("<h2 id=\"plan-review\">What the plan said, and what moved</h2>"));
        assert!(page.contains(
            "<li>facilitator “Clarity of purpose and roles”: improved (within the uncertainty)</li>"
        ));
        let page = plan.html();
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(page.contains("<title>Action plan: Ballyfoyle Early Years Network</title>"));
        assert!(page.ends_with("</html>\n"));
    }
}

#[test]
fn an_action_that_worked_only_within_the_uncertainty_says_so() {
    let progress = example_progress();
    let plan = Plan::from_json(
        &json!({"partnership": "Ballyfoyle Early Years Network", "actions": [
        {"id": "b1", "tip": "agree_documented_plan",
         "addresses": [{"facilitator": "clarity_of_purpose_and_roles"}], "status": "done"},
        {"id": "b2", "tip": "agree_documented_plan",
         "addresses": [{"obstacle": "time_not_prioritised"}], "status": "done"}]})
        .to_string(),
    )
    .unwrap();
    let text = progress.with_plan(&plan).unwrap().markdown().to_string();
    assert!(
        text.contains("| **worked** (*within the uncertainty*) |\n"),
        "{text}"
    );
    assert!(
        text.contains("obstacle *Time not prioritised*: **improved** | **worked** |\n"),
        "{text}"
    );
}

#[test]
fn input_text_is_escaped_in_every_rendering() {
    let hostile = "<script>alert(1)</script> | *x* [l](j:s)";
    let plan = Plan::from_json(&changed(|p| {
        p["actions"][0]["owner"] = json!(hostile);
        p["actions"][0]["id"] = json!("<b>a1</b>");
    }))
    .unwrap();
    let text = plan.markdown();
    assert!(!text.contains("<script>"));
    assert!(
        text.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*x\\* \\[l\\](j:s)"),
        "{text}"
    );
    let progress = example_progress().with_plan(&plan).unwrap();
    assert!(!progress.markdown().to_string().contains("<script>"));
    #[cfg(feature = "html")]
    {
        for page in [plan.html(), progress.html().to_string()] {
            assert!(!page.contains("<script>"));
            assert!(!page.contains("<b>a1"));
            assert!(page.contains("&#60;script&#62;") || page.contains("&lt;script&gt;"));
        }
    }
}

#[cfg(feature = "schemars")]
#[test]
fn plans_and_reviews_validate_against_their_schemas() {
    let validate = |schema: interagency::schema::Schema, doc: &Value| {
        let v = jsonschema::draft202012::new(&serde_json::to_value(&schema).unwrap()).unwrap();
        let errors: Vec<String> = v.iter_errors(doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
    };
    validate(
        interagency::schema::plan(),
        &serde_json::from_str(&support::read(PLAN)).unwrap(),
    );
    let template = support::assessment(EARLIER)
        .gap_analysis(None)
        .plan_template()
        .unwrap();
    validate(
        interagency::schema::plan(),
        &serde_json::from_str(&template.to_json()).unwrap(),
    );
    let progress = example_progress().with_plan(&example_plan()).unwrap();
    validate(
        interagency::schema::progress(),
        &serde_json::to_value(&progress).unwrap(),
    );
}

#[test]
fn each_status_has_its_name_and_openness() {
    let statuses = [
        ActionStatus::Planned,
        ActionStatus::Started,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];
    assert_eq!(
        statuses.map(|s| (s.name(), s.is_open())),
        [
            ("Planned", true),
            ("Started", true),
            ("Done", false),
            ("Dropped", false)
        ]
    );
}

/// A JSON plan names items exactly as a report writes them; a list that is
/// not one, or an item that is not a map, is refused with what it was.
#[test]
fn a_json_plan_names_its_items_exactly() {
    let unknown = PlanProblem::Unknown {
        kind: "gap item",
        expected: "characteristic:ID, facilitator:ID or obstacle:ID".to_owned(),
    };
    for (addresses, value) in [
        (
            json!([{"Facilitator": "leadership"}]),
            "Facilitator:leadership",
        ),
        (
            json!([{" facilitator ": "leadership"}]),
            " facilitator :leadership",
        ),
        (
            json!([{"facilitator": " leadership"}]),
            "facilitator: leadership",
        ),
        (json!([["leadership"]]), "a sequence"),
    ] {
        let text = changed(|p| p["actions"][0]["addresses"] = addresses);
        let problem = refused(
            &text,
            "actions[0].addresses[0]",
            Some("a1"),
            "addresses",
            value,
        );
        assert_eq!(problem, unknown, "{text}");
    }
    let text = changed(|p| p["actions"][0]["addresses"] = json!({"facilitator": "leadership"}));
    let problem = refused(
        &text,
        "actions[0].addresses",
        Some("a1"),
        "addresses",
        "a map",
    );
    assert_eq!(
        problem,
        PlanProblem::Type {
            expected: "a list of gap items"
        }
    );
}

/// Text is taken without surrounding spaces, except the partnership's
/// name, which is compared with a round's as written.
#[test]
fn texts_are_trimmed_but_the_partnership() {
    let text = changed(|p| {
        p["partnership"] = json!("Ballyfoyle Early Years Network ");
        p["actions"][0]["id"] = json!(" a1 ");
        p["actions"][0]["owner"] = json!("  Chair ");
    });
    let plan = Plan::from_json(&text).unwrap();
    assert_eq!(plan.partnership, "Ballyfoyle Early Years Network ");
    assert_eq!(plan.actions[0].id, "a1");
    assert_eq!(plan.actions[0].owner.as_deref(), Some("Chair"));
}
