//! Aggregation, classification and gap analysis:
//! every rule and boundary, on small documents built for each rule.

#![allow(clippy::float_cmp)] // means and priorities are exact sums of small integers and halves

use interagency::{
    Assessment, Benefit, Characteristic as C, Facilitator as F, FacilitatorBand, GapItem, Level,
    Obstacle as O, ObstacleBand, PracticeTip as T,
};
use serde_json::{Value, json};

use crate::support;

/// An assessment of agencies `a`, `b` and `c` with `characteristics` in
/// place and one response per `(agency, facilitators, obstacles)`.
fn assessment(characteristics: &[C], responses: &[(&str, Value, Value)]) -> Assessment {
    let responses: Vec<Value> = responses
        .iter()
        .enumerate()
        .map(|(i, (agency, f, o))| {
            json!({"respondent": format!("r{i}"), "agency": agency, "role": "frontline",
                   "facilitators": f, "obstacles": o})
        })
        .collect();
    serde_json::from_value(json!({
        "partnership": "Test",
        "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
        "characteristics": characteristics,
        "responses": responses,
    }))
    .unwrap()
}

fn all_facilitators(rating: u8) -> Value {
    let map: serde_json::Map<String, Value> = F::iter()
        .map(|f| (f.id().to_owned(), json!(rating)))
        .collect();
    Value::Object(map)
}

const COOPERATION: &[C] = &[C::ConsistentGoals, C::ComplementaryServices];
const COLLABORATION: &[C] = &[
    C::ConsistentGoals,
    C::ComplementaryServices,
    C::TacklesOverlapAndGaps,
    C::CommonOutcomes,
];
const COORDINATION: &[C] = &[
    C::ConsistentGoals,
    C::ComplementaryServices,
    C::TacklesOverlapAndGaps,
    C::CommonOutcomes,
    C::PlannedAndSystematic,
    C::SharedAgreedGoals,
];
const ALL: &[C] = &C::ALL;

#[test]
fn agency_means_give_each_agency_an_equal_voice() {
    // Agency a: three respondents rating 5; agency b: one rating 1.
    // Pooled mean would be 4.0; the agency-balanced mean is (5 + 1) / 2 = 3.0.
    let a = assessment(
        &[],
        &[
            ("a", json!({"leadership": 5}), json!({})),
            ("a", json!({"leadership": 5}), json!({})),
            ("a", json!({"leadership": 5}), json!({})),
            ("b", json!({"leadership": 1}), json!({})),
        ],
    );
    let r = *a.classify().result(F::Leadership);
    assert_eq!(r.mean, Some(3.0));
    assert_eq!(r.responses, 4);
    assert_eq!(r.band, FacilitatorBand::Borderline);
    // Agency c gave no rating and does not count.
    assert_eq!(a.classify().result(F::TrustAndOpenness).mean, None);
    assert_eq!(
        a.classify().result(F::TrustAndOpenness).band,
        FacilitatorBand::Unknown
    );
    assert_eq!(a.classify().result(F::TrustAndOpenness).responses, 0);
}

#[test]
fn bands_are_exact_at_the_thresholds() {
    // Means of 2.5 + 3.5 -> 3.0, 3.5 + 4.5 -> 4.0, and just below each.
    let cases = [
        ((3, 3), FacilitatorBand::Borderline, ObstacleBand::Moderate),
        ((4, 4), FacilitatorBand::Strength, ObstacleBand::Major),
        ((2, 4), FacilitatorBand::Borderline, ObstacleBand::Moderate),
        ((3, 5), FacilitatorBand::Strength, ObstacleBand::Major),
        ((5, 5), FacilitatorBand::Strength, ObstacleBand::Major),
        ((1, 1), FacilitatorBand::Concern, ObstacleBand::Minor),
    ];
    for ((x, y), fb, ob) in cases {
        let a = assessment(
            &[],
            &[
                ("a", json!({"leadership": x}), json!({"conflict": x})),
                ("b", json!({"leadership": y}), json!({"conflict": y})),
            ],
        );
        let c = a.classify();
        assert_eq!(c.result(F::Leadership).band, fb, "{x},{y}");
        assert_eq!(c.result(O::Conflict).band, ob, "{x},{y}");
    }
    // 2.9999…: (3 + 3 + 2.9999…) is not reachable with integers, so check a
    // mean just below 3: agencies 3, 3 and (3+2)/2 -> 8.5 / 3 = 2.8333.
    let a = assessment(
        &[],
        &[
            ("a", json!({"leadership": 3}), json!({"conflict": 3})),
            ("b", json!({"leadership": 3}), json!({"conflict": 3})),
            ("c", json!({"leadership": 3}), json!({"conflict": 3})),
            ("c", json!({"leadership": 2}), json!({"conflict": 2})),
        ],
    );
    let c = a.classify();
    assert_eq!(c.result(F::Leadership).mean, Some(8.5 / 3.0));
    assert_eq!(c.result(F::Leadership).band, FacilitatorBand::Concern);
    assert_eq!(c.result(O::Conflict).band, ObstacleBand::Minor);
}

#[test]
fn structural_level_needs_every_level_below() {
    let levels = |chars: &[C]| assessment(chars, &[]).classify().structural_level;
    assert_eq!(levels(&[]), None);
    assert_eq!(levels(&[C::ConsistentGoals]), None);
    assert_eq!(levels(COOPERATION), Some(Level::Cooperation));
    assert_eq!(levels(COLLABORATION), Some(Level::Collaboration));
    assert_eq!(levels(COORDINATION), Some(Level::Coordination));
    assert_eq!(levels(ALL), Some(Level::Integration));
    // Higher arrangements without the lower ones do not count.
    assert_eq!(
        levels(&[
            C::ConsistentGoals,
            C::ComplementaryServices,
            C::PlannedAndSystematic,
            C::SharedAgreedGoals,
            C::SingleOrganisation
        ]),
        Some(Level::Cooperation)
    );
    assert_eq!(levels(&[C::SingleOrganisation]), None);
}

#[test]
fn achieved_level_needs_the_facilitators_of_every_level_up_to_it() {
    let achieved = |chars: &[C], f: Value| {
        assessment(chars, &[("a", f, json!({}))])
            .classify()
            .achieved_level
    };
    assert_eq!(achieved(ALL, all_facilitators(3)), Some(Level::Integration));
    assert_eq!(achieved(ALL, all_facilitators(2)), None);
    // Capped by the structural level.
    assert_eq!(
        achieved(COLLABORATION, all_facilitators(5)),
        Some(Level::Collaboration)
    );
    assert_eq!(achieved(&[], all_facilitators(5)), None);
    // Good communication is needed from cooperation on.
    let mut f = all_facilitators(4);
    f["good_communication"] = json!(2);
    assert_eq!(achieved(ALL, f.clone()), None);
    // Leadership from coordination.
    let mut f = all_facilitators(4);
    f["leadership"] = json!(2);
    assert_eq!(achieved(ALL, f), Some(Level::Collaboration));
    // Unknown counts against the level too.
    let mut f = all_facilitators(4);
    f.as_object_mut()
        .unwrap()
        .remove("staff_relationship_opportunities");
    assert_eq!(achieved(ALL, f), Some(Level::Coordination));
    // A gap at a level does not block lower levels.
    let mut f = all_facilitators(4);
    f["trust_and_openness"] = json!(1);
    assert_eq!(achieved(ALL, f), Some(Level::Cooperation));
}

#[test]
fn meets_definition_from_coordination() {
    let meets = |chars: &[C]| assessment(chars, &[]).classify().meets_definition;
    assert!(!meets(&[]));
    assert!(!meets(COOPERATION));
    assert!(!meets(COLLABORATION));
    assert!(meets(COORDINATION));
    assert!(meets(ALL));
}

#[test]
fn at_risk_when_unsustained_or_a_major_obstacle() {
    let at_risk =
        |chars: &[C], f: Value, o: Value| assessment(chars, &[("a", f, o)]).classify().at_risk;
    assert!(!at_risk(ALL, all_facilitators(4), json!({"conflict": 3})));
    assert!(at_risk(ALL, all_facilitators(4), json!({"conflict": 4})));
    assert!(at_risk(ALL, all_facilitators(2), json!({})));
    // Structure without any facilitator: null achieved is below cooperation.
    assert!(at_risk(COOPERATION, json!({"leadership": 3}), json!({})));
    // No structure and no achieved level: not at risk by levels.
    assert!(!at_risk(
        &[],
        json!({"leadership": 3}),
        json!({"conflict": 1})
    ));
    assert!(at_risk(
        &[],
        json!({"leadership": 3}),
        json!({"conflict": 5})
    ));
}

#[test]
fn results_are_in_catalogue_order() {
    let c = assessment(&[], &[]).classify();
    let f: Vec<_> = c.facilitators.iter().map(|r| r.item).collect();
    assert_eq!(f, F::ALL);
    let o: Vec<_> = c.obstacles.iter().map(|r| r.item).collect();
    assert_eq!(o, O::ALL);
}

#[test]
fn classification_json_field_names() {
    let c = assessment(
        COOPERATION,
        &[("a", json!({"good_communication": 4}), json!({}))],
    )
    .classify();
    let v = serde_json::to_value(c).unwrap();
    assert_eq!(v["structural_level"], "cooperation");
    assert_eq!(v["achieved_level"], "cooperation");
    assert_eq!(v["meets_definition"], false);
    assert_eq!(v["at_risk"], false);
    assert_eq!(
        v["facilitators"][4],
        json!({"facilitator": "good_communication", "needed_from": "cooperation", "mean": 4.0, "band": "strength", "responses": 1,
               "sd": null, "agreement": null, "agreement_level": "unknown", "interval": null,
               "plausible_bands": ["concern", "borderline", "strength"]})
    );
    assert_eq!(
        v["obstacles"][0],
        json!({"obstacle": "time_not_prioritised", "mean": null, "band": "unknown", "responses": 0,
               "sd": null, "agreement": null, "agreement_level": "unknown", "interval": null,
               "plausible_bands": []})
    );
    assert_eq!(
        v["achieved_level_range"],
        json!({"lowest": null, "highest": "cooperation"})
    );
    let none = serde_json::to_value(assessment(&[], &[]).classify()).unwrap();
    assert_eq!(none["structural_level"], Value::Null);
    assert_eq!(none["achieved_level"], Value::Null);
}

#[test]
fn default_target_is_the_next_level() {
    let target = |chars: &[C], rating: u8| {
        assessment(chars, &[("a", all_facilitators(rating), json!({}))])
            .gap_analysis(None)
            .target
    };
    assert_eq!(target(&[], 4), Level::Cooperation);
    assert_eq!(target(COOPERATION, 4), Level::Collaboration);
    assert_eq!(target(COLLABORATION, 4), Level::Coordination);
    assert_eq!(target(COORDINATION, 4), Level::Integration);
    assert_eq!(target(ALL, 4), Level::Integration);
    assert_eq!(target(ALL, 1), Level::Cooperation);
}

#[test]
fn explicit_targets_above_at_and_below_the_achieved_level() {
    let a = assessment(COLLABORATION, &[("a", all_facilitators(4), json!({}))]);
    assert_eq!(a.classify().achieved_level, Some(Level::Collaboration));

    let up = a.gap_analysis(Some(Level::Integration));
    assert_eq!(up.target, Level::Integration);
    let missing: Vec<_> = up
        .missing_characteristics
        .iter()
        .map(|m| (m.characteristic, m.level))
        .collect();
    assert_eq!(
        missing,
        [
            (C::PlannedAndSystematic, Level::Coordination),
            (C::SharedAgreedGoals, Level::Coordination),
            (C::SingleOrganisation, Level::Integration)
        ]
    );
    assert!(!up.reached);
    let benefits: Vec<_> = up.benefits_in_reach.iter().collect();
    assert_eq!(
        benefits,
        [
            Benefit::FasterAccess,
            Benefit::ReducedWorkerAnxiety,
            Benefit::CaseMonitoringQuality,
            Benefit::BetterDecisionMaking,
            Benefit::TimelyResources,
            Benefit::NewPolicyAndPractice
        ]
    );

    let same = a.gap_analysis(Some(Level::Collaboration));
    assert!(same.reached);
    assert!(same.missing_characteristics.is_empty());
    assert!(same.recommendations.is_empty());
    assert!(same.benefits_in_reach.is_empty());

    let below = a.gap_analysis(Some(Level::Cooperation));
    assert!(below.reached);
    assert!(below.benefits_in_reach.is_empty());
}

#[test]
fn facilitator_gaps_cover_levels_up_to_the_target_only() {
    let mut f = all_facilitators(4);
    f["staff_relationship_opportunities"] = json!(1); // integration
    f["leadership"] = json!(2); // coordination
    f.as_object_mut().unwrap().remove("trust_and_openness"); // collaboration, unknown
    let a = assessment(ALL, &[("a", f, json!({}))]);
    let gaps = |target| {
        a.gap_analysis(Some(target))
            .facilitator_gaps
            .iter()
            .map(|g| (g.facilitator, g.mean, g.band))
            .collect::<Vec<_>>()
    };
    assert_eq!(gaps(Level::Cooperation), []);
    assert_eq!(
        gaps(Level::Collaboration),
        [(F::TrustAndOpenness, None, FacilitatorBand::Unknown)]
    );
    assert_eq!(
        gaps(Level::Integration),
        [
            (F::Leadership, Some(2.0), FacilitatorBand::Concern),
            (F::TrustAndOpenness, None, FacilitatorBand::Unknown),
            (
                F::StaffRelationshipOpportunities,
                Some(1.0),
                FacilitatorBand::Concern
            ),
        ]
    );
}

#[test]
fn active_obstacles_by_mean_then_catalogue_order() {
    let a = assessment(
        ALL,
        &[(
            "a",
            all_facilitators(4),
            json!({"collaboration_fatigue": 3, "conflict": 3, "time_not_prioritised": 2,
                   "changing_attitudes_and_beliefs": 5, "lack_of_collaborative_skills": 4}),
        )],
    );
    let active: Vec<_> = a
        .gap_analysis(None)
        .active_obstacles
        .iter()
        .map(|o| (o.obstacle, o.mean, o.band))
        .collect();
    assert_eq!(
        active,
        [
            (O::ChangingAttitudesAndBeliefs, 5.0, ObstacleBand::Major),
            (O::LackOfCollaborativeSkills, 4.0, ObstacleBand::Major),
            (O::Conflict, 3.0, ObstacleBand::Moderate),
            (O::CollaborationFatigue, 3.0, ObstacleBand::Moderate),
        ]
    );
}

#[test]
fn recommendation_weights_and_ties() {
    // Nothing in place, no ratings: target cooperation. Missing: consistent
    // goals and complementary services (1.0 each). Facilitator gap: good
    // communication, unknown (1.0). No active obstacle.
    let a = assessment(&[], &[("a", json!({"leadership": 4}), json!({}))]);
    let r = a.gap_analysis(None);
    assert_eq!(r.target, Level::Cooperation);
    let recs: Vec<_> = r
        .recommendations
        .iter()
        .map(|r| (r.tip, r.priority, r.addresses.clone()))
        .collect();
    assert_eq!(
        recs,
        [
            // Ties at 1.0 stay in catalogue order.
            (
                T::IdentifyRationaleAndOutcomes,
                1.0,
                vec![GapItem::Characteristic(C::ConsistentGoals)]
            ),
            (
                T::ShareAgencyInformation,
                1.0,
                vec![GapItem::Characteristic(C::ComplementaryServices)]
            ),
            (
                T::AgreeInformationSharing,
                1.0,
                vec![GapItem::Facilitator(F::GoodCommunication)]
            ),
            (
                T::DevelopOpenCommunication,
                1.0,
                vec![GapItem::Facilitator(F::GoodCommunication)]
            ),
        ]
    );
    assert_eq!(
        r.benefits_in_reach.iter().collect::<Vec<_>>(),
        [Benefit::ConsistentMessage]
    );
}

#[test]
fn addresses_lists_characteristics_then_facilitators_then_obstacles() {
    // Target collaboration: common outcomes missing (1.0), clarity of purpose
    // 1.5 (3.0 - 1.5 = 1.5), collaboration fatigue 4.5 (4.5 - 2.0 = 2.5).
    let a = assessment(
        &[
            C::ConsistentGoals,
            C::ComplementaryServices,
            C::TacklesOverlapAndGaps,
        ],
        &[
            (
                "a",
                json!({"good_communication": 4, "trust_and_openness": 4, "clarity_of_purpose_and_roles": 1}),
                json!({"collaboration_fatigue": 5}),
            ),
            (
                "b",
                json!({"clarity_of_purpose_and_roles": 2}),
                json!({"collaboration_fatigue": 4}),
            ),
        ],
    );
    let r = a.gap_analysis(Some(Level::Collaboration));
    let first = &r.recommendations[0];
    assert_eq!(first.tip, T::IdentifyRationaleAndOutcomes);
    assert_eq!(first.priority, 1.0 + (3.0 - 1.5) + (4.5 - 2.0));
    assert_eq!(
        first.addresses,
        [
            GapItem::Characteristic(C::CommonOutcomes),
            GapItem::Facilitator(F::ClarityOfPurposeAndRoles),
            GapItem::Obstacle(O::CollaborationFatigue)
        ]
    );
    let json = serde_json::to_value(first).unwrap();
    assert_eq!(
        json["addresses"],
        json!([{"characteristic": "common_outcomes"}, {"facilitator": "clarity_of_purpose_and_roles"}, {"obstacle": "collaboration_fatigue"}])
    );
}

#[test]
fn reached_needs_level_and_no_gaps() {
    let a = assessment(ALL, &[("a", all_facilitators(4), json!({"conflict": 5}))]);
    let r = a.gap_analysis(None);
    assert_eq!(r.target, Level::Integration);
    // Active obstacles do not stop a target being reached.
    assert!(r.reached);
    assert!(r.classification.at_risk);
    assert_eq!(r.recommendations.len(), 3); // the tips that address conflict
}

#[test]
fn same_input_gives_byte_identical_json() {
    let text = support::read("examples/data/child-protection-hub.json");
    let render = || {
        let a: Assessment = serde_json::from_str(&text).unwrap();
        serde_json::to_string(&a.gap_analysis(None)).unwrap()
    };
    let first = render();
    for _ in 0..5 {
        assert_eq!(render(), first);
    }
}

#[test]
fn reports_carry_no_respondent_ids() {
    let a = assessment(
        ALL,
        &[
            ("a", all_facilitators(4), json!({})),
            ("b", all_facilitators(2), json!({})),
        ],
    );
    // Respondents are r0 and r1; no report text contains them.
    for target in Level::ALL {
        let r = a.gap_analysis(Some(target));
        let json = serde_json::to_string(&r).unwrap();
        let md = r.markdown().to_string();
        for id in ["\"r0\"", "\"r1\"", " r0", " r1"] {
            assert!(!json.contains(id), "{id} in {json}");
            assert!(!md.contains(id), "{id} in markdown");
        }
    }
}
