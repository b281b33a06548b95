//! The cohort report: the example cohort worked by hand, random cohorts
//! against an independent computation (exact fractions for the quartiles
//! and percentiles; bands, gaps and tips from each partnership's own gap
//! report), the refusals with their messages, privacy in every format,
//! reading back, and the `cohort` example.

#![allow(
    clippy::float_cmp,                // figures are exact fractions rounded once
    clippy::cast_possible_truncation, // small generated counts
    clippy::cast_precision_loss,      // small generated counts
    clippy::too_many_lines,           // the hand-worked report, spelled out
    clippy::needless_pass_by_value    // JSON values built in place
)]

use std::collections::HashMap;

use interagency::report::{Distribution, MIN_PARTNERSHIPS};
use interagency::{
    Agency, Assessment, Band, Characteristic, Cohort, CohortReport, ErrorKind, Facilitator,
    GapItem, Identifier, Level, Obstacle, PracticeTip, Rated, Rating, Response, Role, Rubric,
};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::ToPrimitive;
use serde_json::{Value, json};

use crate::cli::example;
use crate::support::{self, Rng};

type Q = BigRational;

/// A change to a report's JSON.
type Change = fn(&mut Value);

const FILES: [&str; 6] = [
    "ardmore",
    "ballinteer",
    "carrowmore",
    "dunmore",
    "eskerbrook",
    "fernhill",
];

fn path(name: &str) -> String {
    format!("examples/cohort/{name}.json")
}

/// The example cohort's report, with a focus.
fn example_report(focus: Option<&str>) -> CohortReport {
    let mut cohort = Cohort::new();
    for name in FILES {
        cohort
            .add(&support::assessment(&path(name)), &path(name))
            .unwrap();
    }
    let focus = focus.map(|name| support::assessment(&path(name)));
    cohort.report(focus.as_ref()).unwrap()
}

/// One distribution as JSON, from the figures worked out by hand.
fn spread(key: &str, id: &str, rated: u32, figures: Option<[f64; 5]>, bands: Value) -> Value {
    let [min, q1, median, q3, max] =
        figures.map_or([(); 5].map(|()| Value::Null), |f| f.map(|x| json!(x)));
    json!({key: id, "rated": rated, "min": min, "q1": q1, "median": median, "q3": q3,
           "max": max, "bands": bands})
}

fn fb(strength: u32, borderline: u32, concern: u32, unknown: u32) -> Value {
    json!({"strength": strength, "borderline": borderline, "concern": concern, "unknown": unknown})
}

fn ob(major: u32, moderate: u32, minor: u32, unknown: u32) -> Value {
    json!({"major": major, "moderate": moderate, "minor": minor, "unknown": unknown})
}

fn standing(
    key: &str,
    id: &str,
    mean: Option<f64>,
    below: u32,
    equal: u32,
    pct: Option<f64>,
) -> Value {
    json!({key: id, "mean": mean, "below": below, "equal": equal, "percentile": pct})
}

/// The six partnerships of `examples/cohort/` (one respondent per agency,
/// so each mean is the mean of the agencies' ratings), worked by hand.
///
/// Partnership means (– unrated), in catalogue order:
///
/// | | clarity | commitment | leadership | trust | communication | info | staff |
/// |---|---|---|---|---|---|---|---|
/// | Ardmore | 2.5 | 3.5 | 2 | 3 | 4 | 2.5 | – |
/// | Ballinteer | 3.5 | 3 | 2.5 | 4 | 4.5 | 3.5 | 2 |
/// | Carrowmore | 4 | 4 | 3.5 | 4.5 | 5 | 4.5 | 3 |
/// | Dunmore | 1.5 | – | – | 2.5 | 2 | – | – |
/// | Eskerbrook | 3 | 2.5 | 4 | 3.5 | 4 | 2 | 3.5 |
/// | Fernhill | 10/3 | 3 | 10/3 | 7/3 | 13/3 | 11/3 | – |
///
/// | | time | agreeing | attitudes | skills | conflict | fatigue |
/// |---|---|---|---|---|---|---|
/// | Ardmore | 4 | – | – | – | 2.5 | 2.5 |
/// | Ballinteer | 3 | 2 | 1.5 | – | 3.5 | 2.5 |
/// | Carrowmore | 2 | 3 | – | 1 | 1.5 | – |
/// | Dunmore | – | – | 4.5 | 4 | – | 3 |
/// | Eskerbrook | 4.5 | 3.5 | – | – | 2 | 1.5 |
/// | Fernhill | 7/3 | – | – | – | 11/3 | 4/3 |
///
/// Levels (in place / sustained): Ardmore cooperation / cooperation
/// (clarity a concern); Ballinteer collaboration / collaboration;
/// Carrowmore coordination / coordination; Dunmore none / none (one
/// cooperation arrangement); Eskerbrook integration / collaboration
/// (commitment a concern); Fernhill collaboration / cooperation (trust a
/// concern).
///
/// Gaps towards each one's next level, and tips by priority:
/// - Ardmore (to collaboration): overlap and gaps, common outcomes;
///   clarity (0.5); time (2). Plan 2.5, commitment 2, rationale 1.5,
///   share information 1.5.
/// - Ballinteer (to coordination): planned, shared goals; leadership
///   (0.5); conflict (1.5), time (1). Plan 3, evaluate 2.5, commitment
///   1.5, open communication 1.5, solve problems 1.5, rationale 1.
/// - Carrowmore (to integration): single organisation; agreeing (1). Plan
///   2, commitment 1, share information 1, information sharing 1.
/// - Dunmore (to cooperation): complementary services; communication (1);
///   attitudes (2.5), skills (2), fatigue (1). Relationships 4.5, open
///   communication 3.5, rationale 1, share information 1, information
///   sharing 1, evaluate 1.
/// - Eskerbrook (to coordination): commitment (0.5), information sharing
///   (1); time (2.5), agreeing (1.5). Plan 4, commitment 3, information
///   sharing 2.5, share information 1.5.
/// - Fernhill (to collaboration): trust (2/3); conflict (5/3). Open
///   communication 7/3, solve problems 7/3, evaluate 5/3, share
///   information 2/3, relationships 2/3.
#[test]
fn the_example_cohort_worked_by_hand() {
    let report = example_report(Some("fernhill"));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["partnerships"], 6);
    assert_eq!(
        json["rubric"],
        serde_json::to_value(Rubric::DEFAULT.summary()).unwrap()
    );
    assert_eq!(
        json["levels"],
        json!({
            "structural": {"none": 1, "cooperation": 1, "collaboration": 2, "coordination": 1, "integration": 1},
            "achieved": {"none": 1, "cooperation": 2, "collaboration": 2, "coordination": 1, "integration": 0},
        })
    );
    let third = |n: f64| n / 3.0;
    let f = "facilitator";
    assert_eq!(
        json["facilitators"],
        json!([
            // 1.5, 2.5, 3, 10/3, 3.5, 4: ranks ⌈6/4⌉ = 2, ⌈6/2⌉ = 3, ⌈18/4⌉ = 5.
            spread(
                f,
                "clarity_of_purpose_and_roles",
                6,
                Some([1.5, 2.5, 3.0, 3.5, 4.0]),
                fb(1, 3, 2, 0)
            ),
            // 2.5, 3, 3, 3.5, 4: ranks 2, 3, 4.
            spread(
                f,
                "whole_agency_commitment",
                5,
                Some([2.5, 3.0, 3.0, 3.5, 4.0]),
                fb(1, 3, 1, 1)
            ),
            // 2, 2.5, 10/3, 3.5, 4.
            spread(
                f,
                "leadership",
                5,
                Some([2.0, 2.5, third(10.0), 3.5, 4.0]),
                fb(1, 2, 2, 1)
            ),
            // 7/3, 2.5, 3, 3.5, 4, 4.5.
            spread(
                f,
                "trust_and_openness",
                6,
                Some([third(7.0), 2.5, 3.0, 4.0, 4.5]),
                fb(2, 2, 2, 0)
            ),
            // 2, 4, 4, 13/3, 4.5, 5.
            spread(
                f,
                "good_communication",
                6,
                Some([2.0, 4.0, 4.0, 4.5, 5.0]),
                fb(5, 0, 1, 0)
            ),
            // 2, 2.5, 3.5, 11/3, 4.5.
            spread(
                f,
                "information_sharing_procedures",
                5,
                Some([2.0, 2.5, 3.5, third(11.0), 4.5]),
                fb(1, 2, 2, 1)
            ),
            // Three rated: withheld.
            spread(
                f,
                "staff_relationship_opportunities",
                3,
                None,
                fb(0, 2, 1, 3)
            ),
        ])
    );
    let o = "obstacle";
    assert_eq!(
        json["obstacles"],
        json!([
            // 2, 7/3, 3, 4, 4.5.
            spread(
                o,
                "time_not_prioritised",
                5,
                Some([2.0, third(7.0), 3.0, 4.0, 4.5]),
                ob(2, 1, 2, 1)
            ),
            spread(
                o,
                "agreeing_policies_and_protocols",
                3,
                None,
                ob(0, 2, 1, 3)
            ),
            spread(o, "changing_attitudes_and_beliefs", 2, None, ob(1, 0, 1, 4)),
            spread(o, "lack_of_collaborative_skills", 2, None, ob(1, 0, 1, 4)),
            // 1.5, 2, 2.5, 3.5, 11/3.
            spread(
                o,
                "conflict",
                5,
                Some([1.5, 2.0, 2.5, 3.5, third(11.0)]),
                ob(0, 2, 3, 1)
            ),
            // 4/3, 1.5, 2.5, 2.5, 3.
            spread(
                o,
                "collaboration_fatigue",
                5,
                Some([third(4.0), 1.5, 2.5, 2.5, 3.0]),
                ob(0, 1, 4, 1)
            ),
        ])
    );
    assert_eq!(
        json["common_gaps"],
        json!([
            {"obstacle": "time_not_prioritised", "partnerships": 3},
            {"obstacle": "agreeing_policies_and_protocols", "partnerships": 2},
            {"obstacle": "conflict", "partnerships": 2},
            {"characteristic": "complementary_services", "partnerships": 1},
            {"characteristic": "tackles_overlap_and_gaps", "partnerships": 1},
            {"characteristic": "common_outcomes", "partnerships": 1},
            {"characteristic": "planned_and_systematic", "partnerships": 1},
            {"characteristic": "shared_agreed_goals", "partnerships": 1},
            {"characteristic": "single_organisation", "partnerships": 1},
            {"facilitator": "clarity_of_purpose_and_roles", "partnerships": 1},
            {"facilitator": "whole_agency_commitment", "partnerships": 1},
            {"facilitator": "leadership", "partnerships": 1},
            {"facilitator": "trust_and_openness", "partnerships": 1},
            {"facilitator": "good_communication", "partnerships": 1},
            {"facilitator": "information_sharing_procedures", "partnerships": 1},
            {"obstacle": "changing_attitudes_and_beliefs", "partnerships": 1},
            {"obstacle": "lack_of_collaborative_skills", "partnerships": 1},
            {"obstacle": "collaboration_fatigue", "partnerships": 1},
        ])
    );
    assert_eq!(
        json["top_tips"],
        json!([
            {"tip": "agree_documented_plan", "first": 4, "recommended": 4},
            {"tip": "develop_open_communication", "first": 1, "recommended": 3},
            {"tip": "build_relationships_and_shared_learning", "first": 1, "recommended": 2},
            {"tip": "share_agency_information", "first": 0, "recommended": 5},
            {"tip": "secure_commitment", "first": 0, "recommended": 4},
            {"tip": "identify_rationale_and_outcomes", "first": 0, "recommended": 3},
            {"tip": "agree_information_sharing", "first": 0, "recommended": 3},
            {"tip": "evaluate_and_reflect", "first": 0, "recommended": 3},
            {"tip": "solve_problems_together", "first": 0, "recommended": 2},
        ])
    );
    // Fernhill among the six, itself included: percentile =
    // 100 · (below + equal / 2) / rated.
    let pct =
        |below: f64, equal: f64, rated: f64| Some(100.0 * (2.0 * below + equal) / (2.0 * rated));
    assert_eq!(
        json["focus"],
        json!({
            "partnership": "Fernhill Integrated Family Centre",
            "structural_level": "collaboration",
            "achieved_level": "cooperation",
            "facilitators": [
                standing(f, "clarity_of_purpose_and_roles", Some(third(10.0)), 3, 1, pct(3.0, 1.0, 6.0)),
                standing(f, "whole_agency_commitment", Some(3.0), 1, 2, Some(40.0)),
                standing(f, "leadership", Some(third(10.0)), 2, 1, Some(50.0)),
                standing(f, "trust_and_openness", Some(third(7.0)), 0, 1, pct(0.0, 1.0, 6.0)),
                standing(f, "good_communication", Some(third(13.0)), 3, 1, pct(3.0, 1.0, 6.0)),
                standing(f, "information_sharing_procedures", Some(third(11.0)), 3, 1, Some(70.0)),
                standing(f, "staff_relationship_opportunities", None, 0, 0, None),
            ],
            "obstacles": [
                standing(o, "time_not_prioritised", Some(third(7.0)), 1, 1, Some(30.0)),
                standing(o, "agreeing_policies_and_protocols", None, 0, 0, None),
                standing(o, "changing_attitudes_and_beliefs", None, 0, 0, None),
                standing(o, "lack_of_collaborative_skills", None, 0, 0, None),
                standing(o, "conflict", Some(third(11.0)), 4, 1, Some(90.0)),
                standing(o, "collaboration_fatigue", Some(third(4.0)), 0, 1, Some(10.0)),
            ],
        })
    );
    // 100 · 3.5 / 6 is 175/3: written as its nearest f64.
    assert_eq!(
        report.focus.as_ref().unwrap().facilitators[0].percentile,
        Some(175.0 / 3.0)
    );
    assert_eq!(json.as_object().unwrap().len(), 8);
    // Without a focus, no `focus` key at all.
    let plain = serde_json::to_value(example_report(None)).unwrap();
    assert!(plain.get("focus").is_none());
    assert_eq!(plain.as_object().unwrap().len(), 7);
}

#[test]
fn the_example_cohort_says_what_is_weakest_and_what_reaches_most() {
    let report = example_report(Some("fernhill"));
    let text = report.markdown().to_string();
    assert!(text.contains(
        "The weakest facilitators across the cohort are clarity of purpose and roles \
         (median 3.00; a concern for 2 of 6), trust and openness (median 3.00; a concern for 2 \
         of 6) and whole-agency commitment (median 3.00; a concern for 1 of 6)."
    ));
    assert!(text.contains(
        "The practice tips recommended first to the most partnerships are agree a documented plan \
         (first for 4, recommended to 4 of 6), develop open communication (first for 1, \
         recommended to 3 of 6) and build relationships and shared learning (first for 1, \
         recommended to 2 of 6)."
    ));
    support::assert_snapshot("tests/snapshots/example-cohort.fernhill.md", &text);
}

// Random cohorts against an independent computation. ----------------------

/// An assessment of 2 to 14 agencies, each with 1 to 4 respondents, whose
/// ratings cluster around 3 and 4 (means on thresholds, ties across
/// partnerships), some items left unrated by a whole partnership.
fn generate(rng: &mut Rng, name: &str) -> Assessment {
    let agencies = 2 + rng.below(13) as usize;
    let skip_f: Vec<bool> = Facilitator::iter().map(|_| rng.below(5) == 0).collect();
    let skip_o: Vec<bool> = Obstacle::iter().map(|_| rng.below(3) == 0).collect();
    let mut responses = Vec::new();
    for agency in 0..agencies {
        for k in 0..=rng.below(4) {
            let mut response = Response::new(
                format!("respondent-{agency}-{k}"),
                format!("a{agency}"),
                Role::ALL[rng.below(3) as usize],
            );
            let rate = |rng: &mut Rng| {
                Rating::new([1, 2, 3, 3, 3, 4, 4, 4, 5][rng.below(9) as usize]).unwrap()
            };
            for f in Facilitator::iter() {
                if !skip_f[f.index()] && rng.below(4) != 0 {
                    response.facilitators.insert(f, rate(rng));
                }
            }
            for o in Obstacle::iter() {
                if !skip_o[o.index()] && rng.below(3) != 0 {
                    response.obstacles.insert(o, rate(rng));
                }
            }
            if response.facilitators.is_empty() && response.obstacles.is_empty() {
                response.obstacles.insert(Obstacle::Conflict, rate(rng));
            }
            responses.push(response);
        }
    }
    let characteristics: Vec<Characteristic> = Characteristic::iter()
        .filter(|c| (c.index() < 6 || rng.below(2) == 0) && rng.below(6) != 0)
        .collect();
    support::assemble(
        name,
        None,
        (0..agencies)
            .map(|i| Agency::new(format!("a{i}"), format!("Agency {i}")))
            .collect(),
        characteristics,
        responses,
    )
    .unwrap()
}

/// A response's rating of an item of either kind.
trait Pick: Rated {
    fn pick(r: &Response, item: Self) -> Option<Rating>;
}

impl Pick for Facilitator {
    fn pick(r: &Response, item: Self) -> Option<Rating> {
        r.facilitators.get(item)
    }
}

impl Pick for Obstacle {
    fn pick(r: &Response, item: Self) -> Option<Rating> {
        r.obstacles.get(item)
    }
}

/// The oracle's mean of one item: the mean over agencies with ratings of
/// each agency's mean, from the responses.
fn oracle_mean<T: Pick>(a: &Assessment, item: T) -> Option<Q> {
    let mut means = Vec::new();
    for agency in a.agencies() {
        let ratings: Vec<i64> = a
            .responses()
            .iter()
            .filter(|r| r.agency == agency.id)
            .filter_map(|r| T::pick(r, item))
            .map(|r| i64::from(r.get()))
            .collect();
        if !ratings.is_empty() {
            means.push(Q::new(
                BigInt::from(ratings.iter().sum::<i64>()),
                BigInt::from(ratings.len()),
            ));
        }
    }
    let n = means.len();
    (n > 0).then(|| {
        means
            .into_iter()
            .fold(Q::from_integer(0.into()), |s, m| s + m)
            / BigInt::from(n)
    })
}

/// The oracle's distribution of one item: nearest rank on the sorted exact
/// means, then rounded.
fn oracle_figures(mut means: Vec<Q>) -> Option<[f64; 5]> {
    means.sort();
    let m = means.len();
    if m < 5 {
        return None;
    }
    // v_⌈p·m⌉ with p = k/4, ranks from 1; p = 0 is v_1.
    let at = |k: usize| {
        let rank = (k * m).div_ceil(4).max(1);
        means[rank - 1].to_f64().unwrap()
    };
    Some([at(0), at(1), at(2), at(3), at(4)])
}

/// The oracle's percentile: 100 · (below + equal / 2) / rated, exactly.
fn oracle_percentile(below: usize, equal: usize, rated: usize) -> Option<f64> {
    (rated >= 5).then(|| {
        let q = Q::new(
            BigInt::from(200 * below + 100 * equal),
            BigInt::from(2 * rated),
        );
        q.to_f64().unwrap()
    })
}

fn check_kind<T: Pick>(
    report: &CohortReport,
    cohort: &[Assessment],
    focus: &Assessment,
    reports: &[interagency::GapReport],
) {
    for item in T::iter() {
        let d: &Distribution<T> = report.distribution(item);
        let means: Vec<Q> = cohort.iter().filter_map(|a| oracle_mean(a, item)).collect();
        assert_eq!(d.rated as usize, means.len(), "{item}");
        assert_eq!(d.figures(), oracle_figures(means.clone()), "{item}");
        // Bands from each partnership's own report.
        let bands: Vec<T::Band> = reports
            .iter()
            .map(|r| r.classification.result(item).band)
            .collect();
        for band in T::Band::BY_MEAN.into_iter().chain([T::Band::UNKNOWN]) {
            let n = bands.iter().filter(|&&b| b == band).count();
            assert_eq!(d.bands.get(band) as usize, n, "{item} {band}");
        }
        // Where the focus stands, exactly.
        let standing = report.focus.as_ref().unwrap();
        let s = T::of(standing).iter().find(|s| s.item == item).unwrap();
        match oracle_mean(focus, item) {
            None => {
                assert_eq!((s.mean, s.below, s.equal, s.percentile), (None, 0, 0, None));
            }
            Some(mine) => {
                let below = means.iter().filter(|&x| *x < mine).count();
                let equal = means.iter().filter(|&x| *x == mine).count();
                assert_eq!(s.mean, mine.to_f64(), "{item}");
                assert_eq!(
                    (s.below as usize, s.equal as usize),
                    (below, equal),
                    "{item}"
                );
                assert_eq!(
                    s.percentile,
                    oracle_percentile(below, equal, means.len()),
                    "{item}"
                );
            }
        }
    }
}

/// The gap items and tips counted from each partnership's own gap report,
/// in the report's order.
fn oracle_gaps_and_tips(reports: &[interagency::GapReport]) -> (Value, Value) {
    let mut gaps: HashMap<GapItem, u32> = HashMap::new();
    let mut tips: HashMap<PracticeTip, (u32, u32)> = HashMap::new();
    for r in reports {
        for m in &r.missing_characteristics {
            *gaps
                .entry(GapItem::Characteristic(m.characteristic))
                .or_default() += 1;
        }
        for g in &r.facilitator_gaps {
            *gaps.entry(GapItem::Facilitator(g.facilitator)).or_default() += 1;
        }
        for o in &r.active_obstacles {
            *gaps.entry(GapItem::Obstacle(o.obstacle)).or_default() += 1;
        }
        for (i, rec) in r.recommendations.iter().enumerate() {
            let entry = tips.entry(rec.tip).or_default();
            entry.1 += 1;
            if i == 0 {
                entry.0 += 1;
            }
        }
    }
    let rank = |item: &GapItem| match item {
        GapItem::Characteristic(c) => (0, c.index()),
        GapItem::Facilitator(f) => (1, f.index()),
        GapItem::Obstacle(o) => (2, o.index()),
    };
    let mut gaps: Vec<(GapItem, u32)> = gaps.into_iter().collect();
    gaps.sort_by_key(|(item, n)| (std::cmp::Reverse(*n), rank(item)));
    let mut tips: Vec<(PracticeTip, (u32, u32))> = tips.into_iter().collect();
    tips.sort_by_key(|(tip, (first, all))| {
        (
            std::cmp::Reverse(*first),
            std::cmp::Reverse(*all),
            tip.index(),
        )
    });
    let gaps = gaps
        .into_iter()
        .map(|(item, n)| {
            let mut v = serde_json::to_value(item).unwrap();
            v["partnerships"] = json!(n);
            v
        })
        .collect();
    let tips = tips
        .into_iter()
        .map(|(tip, (first, all))| json!({"tip": tip, "first": first, "recommended": all}))
        .collect();
    (Value::Array(gaps), Value::Array(tips))
}

#[test]
fn random_cohorts_agree_with_an_independent_computation() {
    let mut rng = Rng(0x00C0_4027);
    for case in 0..150 {
        let n = 5 + rng.below(10) as usize;
        let cohort: Vec<Assessment> = (0..n)
            .map(|i| generate(&mut rng, &format!("Partnership {case}-{i}")))
            .collect();
        // The focus: one of the cohort, or one from outside.
        let focus = if rng.below(2) == 0 {
            cohort[rng.below(n as u64) as usize].clone()
        } else {
            generate(&mut rng, "Outside")
        };
        let mut c = Cohort::new();
        for (i, a) in cohort.iter().enumerate() {
            c.add(a, &format!("file {i}")).unwrap();
        }
        let report = c.report(Some(&focus)).unwrap();
        let reports: Vec<_> = cohort.iter().map(|a| a.gap_analysis(None)).collect();
        assert_eq!(report.partnerships as usize, n);
        for level in [None].into_iter().chain(Level::iter().map(Some)) {
            let structural = reports
                .iter()
                .filter(|r| r.classification.structural_level == level)
                .count();
            let achieved = reports
                .iter()
                .filter(|r| r.classification.achieved_level == level)
                .count();
            assert_eq!(report.levels.structural.get(level) as usize, structural);
            assert_eq!(report.levels.achieved.get(level) as usize, achieved);
        }
        check_kind::<Facilitator>(&report, &cohort, &focus, &reports);
        check_kind::<Obstacle>(&report, &cohort, &focus, &reports);
        let (gaps, tips) = oracle_gaps_and_tips(&reports);
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["common_gaps"], gaps, "case {case}");
        assert_eq!(json["top_tips"], tips, "case {case}");
        // Read back equal, and the checks of reading back pass.
        let back: CohortReport = serde_json::from_value(json).unwrap();
        assert_eq!(back, report);
        // The order of adding does not matter.
        let mut reversed = Cohort::new();
        for (i, a) in cohort.iter().enumerate().rev() {
            reversed.add(a, &format!("file {i}")).unwrap();
        }
        assert_eq!(reversed.report(Some(&focus)).unwrap(), report);
    }
}

#[test]
fn a_rubric_of_ones_own_is_used_for_every_partnership_and_the_focus() {
    let rubric = Rubric::from_json(&support::read("examples/rubrics/statutory.json")).unwrap();
    let mut cohort = rubric.cohort();
    let assessments: Vec<Assessment> = FILES
        .iter()
        .map(|n| support::assessment(&path(n)))
        .collect();
    for (a, name) in assessments.iter().zip(FILES) {
        cohort.add(a, name).unwrap();
    }
    let report = cohort.report(Some(&assessments[0])).unwrap();
    assert_eq!(report.rubric, rubric.summary());
    let focus = report.focus.as_ref().unwrap();
    assert_eq!(
        focus.achieved_level,
        rubric.classify(&assessments[0]).achieved_level
    );
    for level in [None].into_iter().chain(Level::iter().map(Some)) {
        let n = assessments
            .iter()
            .filter(|a| rubric.classify(a).achieved_level == level)
            .count();
        assert_eq!(report.levels.achieved.get(level) as usize, n);
    }
}

// Refusals. -----------------------------------------------------------------

#[test]
fn fewer_than_five_partnerships_are_refused() {
    let mut cohort = Cohort::new();
    assert!(cohort.is_empty());
    for name in &FILES[..4] {
        cohort.add(&support::assessment(&path(name)), name).unwrap();
    }
    assert_eq!(cohort.len(), 4);
    assert!(!cohort.is_empty());
    let err = cohort.report(None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "partnerships: a cohort needs at least 5 partnerships, got 4; the figures of fewer \
         would give each partnership's own away"
    );
    assert_eq!(err.kind(), ErrorKind::Mismatch);
    assert_eq!(err.place(), None);
    assert!(
        Cohort::new()
            .report(None)
            .unwrap_err()
            .to_string()
            .contains("at least 5 partnerships, got 0")
    );
    cohort
        .add(&support::assessment(&path(FILES[4])), FILES[4])
        .unwrap();
    assert_eq!(cohort.report(None).unwrap().partnerships, 5);
}

#[test]
fn the_same_partnership_twice_is_refused_naming_both_sources() {
    let mut cohort = Cohort::new();
    let a = support::assessment(&path("ardmore"));
    cohort.add(&a, "north/ardmore.json").unwrap();
    let err = cohort.add(&a, "south/ardmore-copy.json").unwrap_err();
    assert_eq!(
        err.to_string(),
        "partnership: \"Ardmore Children and Young People's Services Committee\" is in both \
         north/ardmore.json and south/ardmore-copy.json; a cohort takes one round of each \
         partnership"
    );
    assert_eq!(err.kind(), ErrorKind::Duplicate);
    assert_eq!(
        err.place(),
        Some(interagency::Place::Field("partnership".into()))
    );
    // The same file twice is said so.
    let err = cohort.add(&a, "north/ardmore.json").unwrap_err();
    assert!(
        err.to_string()
            .contains("is in north/ardmore.json twice; a cohort takes one round"),
        "{err}"
    );
    // The cohort is as it was.
    assert_eq!(cohort.len(), 1);
}

#[test]
fn read_back_reports_that_do_not_fit_together_are_refused() {
    let good = serde_json::to_value(example_report(Some("fernhill"))).unwrap();
    let cases: Vec<(Change, &str)> = vec![
        (|v| v["partnerships"] = json!(4), "at least 5 partnerships"),
        (
            |v| v["partnerships"] = json!(7),
            "levels.structural: the counts add up to 6, not the 7",
        ),
        (
            |v| v["levels"]["achieved"]["none"] = json!(2),
            "levels.achieved",
        ),
        (
            |v| v["facilitators"][0]["bands"]["concern"] = json!(3),
            "facilitators.clarity_of_purpose_and_roles.bands",
        ),
        (
            |v| v["facilitators"][0]["rated"] = json!(5),
            "facilitators.clarity_of_purpose_and_roles.rated",
        ),
        (|v| v["facilitators"][0]["q1"] = json!(1.0), "in that order"),
        (
            |v| v["facilitators"][0]["max"] = Value::Null,
            "all given when 5",
        ),
        (
            |v| v["facilitators"][6]["min"] = json!(2.0),
            "all null otherwise",
        ),
        (
            |v| v["obstacles"].as_array_mut().unwrap().swap(0, 1),
            "expected \"time_not_prioritised\"",
        ),
        (
            |v| {
                v["facilitators"][0]["bands"]
                    .as_object_mut()
                    .unwrap()
                    .remove("unknown")
                    .unwrap();
            },
            "band unknown is missing",
        ),
        (
            |v| v["common_gaps"].as_array_mut().unwrap().swap(0, 1),
            "common_gaps[1]: out of order",
        ),
        (
            |v| v["common_gaps"][0]["partnerships"] = json!(9),
            "common_gaps[0]: 9 partnerships",
        ),
        (|v| v["top_tips"][1]["first"] = json!(4), "top_tips[1]"),
        (
            |v| v["top_tips"][0]["recommended"] = json!(3),
            "first for 4 partnerships but recommended to 3",
        ),
        (
            |v| v["focus"]["facilitators"][0]["below"] = json!(9),
            "focus.facilitators.clarity_of_purpose_and_roles",
        ),
        (
            |v| v["focus"]["obstacles"][1]["below"] = json!(1),
            "focus.obstacles.agreeing_policies_and_protocols",
        ),
        (
            |v| v["focus"]["facilitators"][1]["percentile"] = json!(41.0),
            "focus.facilitators.whole_agency_commitment",
        ),
        (|v| v["extra"] = json!(1), "unknown field `extra`"),
        (
            |v| v["obstacles"][0]["bands"] = json!([2, 1, 2, 1]),
            "expected a count of partnerships for every band",
        ),
        (
            |v| v["top_tips"][3]["recommended"] = json!(9),
            "top_tips[3]: 9 partnerships; a listed entry counts from 1 to the 6",
        ),
        (
            |v| {
                // A withheld spread given in full, in order.
                for (key, x) in ["min", "q1", "median", "q3", "max"]
                    .into_iter()
                    .zip([2.0, 3.0, 3.0, 3.5, 3.5])
                {
                    v["facilitators"][6][key] = json!(x);
                }
            },
            "staff_relationship_opportunities: min, q1, median, q3 and max are all given when 5",
        ),
        (
            |v| {
                // The same gap twice, with different counts (in order).
                let first = v["common_gaps"][0].clone();
                let gaps = v["common_gaps"].as_array_mut().unwrap();
                let mut again = first;
                again["partnerships"] = json!(1);
                // After the facilitators listed once, before the obstacles.
                gaps.insert(15, again);
            },
            "common_gaps: an entry is listed twice",
        ),
        (
            |v| {
                let tips = v["top_tips"].as_array_mut().unwrap();
                let mut again = tips[0].clone();
                again["first"] = json!(0);
                again["recommended"] = json!(1);
                tips.push(again);
            },
            "top_tips: an entry is listed twice",
        ),
        (
            |v| v["top_tips"][1]["first"] = json!(2),
            "top_tips: 7 first recommendations for 6 partnerships",
        ),
    ];
    for (change, message) in cases {
        let mut v = good.clone();
        change(&mut v);
        let err = serde_json::from_value::<CohortReport>(v)
            .unwrap_err()
            .to_string();
        assert!(err.contains(message), "{message}: {err}");
    }
    let back: CohortReport = serde_json::from_value(good).unwrap();
    assert!(back.check().is_ok());
}

// Privacy and the renderings. ------------------------------------------------

#[test]
fn no_other_partnership_and_no_respondent_is_named_in_any_format() {
    let names: Vec<String> = FILES
        .iter()
        .map(|n| support::assessment(&path(n)).partnership().to_owned())
        .collect();
    for focus in [None, Some("fernhill"), Some("dunmore")] {
        let report = example_report(focus);
        let focus_name = focus.map(|f| support::assessment(&path(f)).partnership().to_owned());
        #[cfg_attr(not(feature = "html"), allow(unused_mut))]
        let mut texts = vec![
            report.render(interagency::Format::Json),
            report.render(interagency::Format::Markdown),
        ];
        #[cfg(feature = "html")]
        texts.extend([report.svg().to_string(), report.html().to_string()]);
        for text in &texts {
            for name in &names {
                // The HTML and SVG escape the apostrophe of Ardmore's name.
                let escaped = name.replace('\'', "&#39;");
                let mentioned = text.contains(name.as_str()) || text.contains(&escaped);
                assert_eq!(
                    mentioned,
                    focus_name.as_ref() == Some(name),
                    "{name} in {}",
                    &text[..60]
                );
            }
            assert!(!text.contains("\"r1\"") && !text.contains(">r1<") && !text.contains(" r1 "));
        }
        // The pages say that the focus alone is named only when there is one.
        for text in texts.iter().skip(1) {
            assert_eq!(
                text.contains("but the focus"),
                focus.is_some(),
                "{focus:?}: {}",
                &text[..60]
            );
        }
    }
}

/// The focus's levels in a sentence, a missing level included.
#[test]
fn the_focus_is_placed_in_a_sentence() {
    let report = example_report(Some("fernhill"));
    let text = report.markdown().to_string();
    assert!(
        text.contains(", has the arrangements of ") && text.contains(" in place and sustains "),
        "{text}"
    );
    let mut value = serde_json::to_value(&report).unwrap();
    value["focus"]["structural_level"] = Value::Null;
    value["focus"]["achieved_level"] = Value::Null;
    let bare: CohortReport = serde_json::from_value(value).unwrap();
    let text = bare.markdown().to_string();
    assert!(
        text.contains(", has no level's arrangements in place and sustains no level."),
        "{text}"
    );
}

#[test]
fn input_text_is_escaped_in_every_format() {
    let mut cohort = Cohort::new();
    let mut rng = Rng(7);
    for i in 0..5 {
        cohort
            .add(&generate(&mut rng, &format!("P{i}")), "x")
            .unwrap();
    }
    let focus = generate(&mut rng, "<b>Evil</b> & *bold* | pipe");
    let report = cohort.report(Some(&focus)).unwrap();
    let md = report.markdown().to_string();
    assert!(!md.contains("<b>"), "{md}");
    assert!(
        md.contains("&lt;b&gt;Evil&lt;/b&gt; &amp; \\*bold\\* \\| pipe"),
        "{md}"
    );
    #[cfg(feature = "html")]
    for text in [report.svg().to_string(), report.html().to_string()] {
        assert!(!text.contains("<b>Evil"));
        assert!(text.contains("&#60;b&#62;Evil&#60;/b&#62; &#38; *bold*"));
    }
}

#[test]
fn renderings_read_the_report_alone() {
    let report = example_report(Some("fernhill"));
    let back: CohortReport =
        serde_json::from_str(&report.render(interagency::Format::Json)).unwrap();
    for format in interagency::Format::ALL {
        let text = report.render(format);
        assert_eq!(text, back.render(format), "{format}");
        assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "{format}");
    }
}

#[cfg(feature = "html")]
#[test]
fn the_chart_draws_each_spread_and_marks_the_focus_in_words_and_shape() {
    let svg = example_report(Some("fernhill")).svg().to_string();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let boxes = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("ia-box"))
        .count();
    // Spreads shown: 6 facilitators and 3 obstacles.
    assert_eq!(boxes, 9);
    let diamonds = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("ia-focus"))
        .count();
    // The focus's means: 6 facilitators and 3 obstacles.
    assert_eq!(diamonds, 9);
    assert!(svg.contains("focus 3.33, percentile 58.3"));
    assert!(svg.contains("withheld: 3 rated, fewer than 5"));
    assert!(svg.contains("The diamond marks the focus"));
    assert!(svg.contains("<title id=\"ia-title\">Cohort: where Fernhill Integrated Family Centre stands among 6 partnerships</title>"));
    assert!(svg.contains("\u{25c6} Focus: Fernhill Integrated Family Centre"));
    assert_eq!(svg.matches("focus not rated").count(), 4);
    // Nothing covers a mark: a withheld spread says so on the item's name
    // line, away from the focus's diamond; the median's bar is drawn over
    // the diamond, so a focus at the median leaves it in sight.
    let nodes: Vec<_> = doc.descendants().collect();
    let y_of = |n: &roxmltree::Node<'_, '_>| {
        let t = n.attribute("transform").unwrap();
        t.rsplit(' ')
            .next()
            .unwrap()
            .trim_end_matches(')')
            .to_owned()
    };
    let names: Vec<&str> = nodes
        .iter()
        .filter(|n| n.attribute("class") == Some("ia-name"))
        .map(|n| n.attribute("y").unwrap())
        .collect();
    let withheld: Vec<_> = nodes
        .iter()
        .filter(|n| n.is_element() && n.text().is_some_and(|t| t.starts_with("withheld:")))
        .collect();
    assert_eq!(withheld.len(), 4);
    for w in withheld {
        assert!(names.contains(&w.attribute("y").unwrap()));
    }
    let mut covered = 0;
    for (i, focus) in nodes.iter().enumerate() {
        if focus.attribute("class") != Some("ia-focus") {
            continue;
        }
        let row = y_of(focus);
        if let Some(j) = nodes
            .iter()
            .position(|n| n.attribute("class") == Some("ia-median") && y_of(n) == row)
        {
            assert!(
                j > i,
                "the median of the row at {row} is drawn under the focus"
            );
            covered += 1;
        }
    }
    assert_eq!(covered, 9);
    let plain = example_report(None).svg().to_string();
    assert!(!plain.contains("ia-focus\"") && plain.contains("median 3.00"));
}

// The `cohort` example. -------------------------------------------------------

fn cohort(args: &[&str]) -> std::process::Output {
    example("cohort", args)
}

#[test]
fn the_example_reads_a_folder_in_name_order_and_prints_what_the_library_does() {
    let formats: &[&str] = if cfg!(feature = "html") {
        &["json", "markdown", "svg", "html"]
    } else {
        &["json", "markdown"]
    };
    for &format in formats {
        let out = cohort(&[
            "examples/cohort",
            "--focus",
            "examples/cohort/fernhill.json",
            "--format",
            format,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stderr.is_empty());
        let report = example_report(Some("fernhill"));
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            report.render(format.parse().unwrap())
        );
    }
    // Files and folders mixed, markdown by default.
    let out = cohort(&[
        "examples/cohort/ardmore.json",
        "examples/cohort/ballinteer.json",
        "examples/cohort/carrowmore.json",
        "examples/cohort/dunmore.json",
        "examples/cohort/eskerbrook.json",
        "examples/cohort/fernhill.json",
    ]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        example_report(None).markdown().to_string()
    );
}

#[track_caller]
fn refused(args: &[&str], message: &str) {
    let out = cohort(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(message), "{args:?}: {stderr}");
}

#[test]
fn the_example_refuses_bad_input_naming_the_files() {
    let dir = std::env::temp_dir().join(format!("interagency-cohort-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for name in FILES {
        std::fs::copy(path(name), dir.join(format!("{name}.json"))).unwrap();
    }
    // A file that is not JSON is left out of a folder; a folder of six reads.
    std::fs::write(dir.join("notes.txt"), "not an assessment").unwrap();
    let d = dir.to_str().unwrap();
    assert!(cohort(&[d]).status.success());
    // The same partnership twice: both files named.
    let copy = dir.join("zz-copy.json");
    std::fs::copy(path("ardmore"), &copy).unwrap();
    refused(
        &[d],
        &format!(
            "cohort: partnership: \"Ardmore Children and Young People's Services Committee\" is in both {} and {}",
            dir.join("ardmore.json").display(),
            copy.display()
        ),
    );
    std::fs::remove_file(&copy).unwrap();
    // An invalid document: its file and the document's own message.
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"partnership": "", "agencies": [], "characteristics": []}"#,
    )
    .unwrap();
    refused(
        &[d],
        &format!("cohort: {}: partnership: must not be empty", bad.display()),
    );
    std::fs::remove_file(&bad).unwrap();
    // Fewer than five.
    refused(
        &[
            "examples/cohort/ardmore.json",
            "examples/cohort/dunmore.json",
        ],
        "cohort: partnerships: a cohort needs at least 5 partnerships, got 2",
    );
    // A missing file, an invalid focus, bad arguments.
    refused(
        &["examples/cohort/missing.json"],
        "examples/cohort/missing.json",
    );
    refused(
        &[d, "--focus", "examples/cohort/missing.json"],
        "examples/cohort/missing.json",
    );
    refused(&[d, "--format", "pdf"], "pdf");
    refused(&[], "PATH");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_example_cohort_has_what_the_script_says() {
    let files: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/cohort"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
    assert!(files.len() >= 6);
    let report = example_report(None);
    // Varied: every structural level, withheld and shown spreads.
    assert!(Level::iter().all(|l| report.levels.structural.get(Some(l)) > 0));
    assert!(report.levels.structural.get(None) > 0);
    assert!(report.facilitators.iter().any(|d| d.figures().is_none()));
    assert!(report.obstacles.iter().any(|d| d.figures().is_some()));
    assert!(
        report
            .facilitators
            .iter()
            .all(|d| (d.rated as usize >= MIN_PARTNERSHIPS) == d.figures().is_some())
    );
}

/// A report reads the cohort through a shared reference, and a cohort that
/// takes more partnerships after a report reports as if it had had them
/// all from the start.
#[test]
fn a_report_leaves_the_cohort_as_it_was() {
    let mut cohort = Cohort::new();
    let (first, last) = FILES.split_at(FILES.len() - 1);
    for name in first {
        cohort
            .add(&support::assessment(&path(name)), &path(name))
            .unwrap();
    }
    let shared: &Cohort = &cohort;
    let before = shared.report(None).unwrap();
    assert_eq!(shared.report(None).unwrap(), before);
    for name in last {
        cohort
            .add(&support::assessment(&path(name)), &path(name))
            .unwrap();
    }
    assert_eq!(cohort.report(None).unwrap(), example_report(None));
    assert_ne!(before, example_report(None));
}

/// The sentence on practice tips names only tips that come first for some
/// partnership, in the singular when there is one, and says so when there
/// is none (as a report read back may have it).
#[test]
fn the_tips_sentence_names_only_tips_first_for_some_partnership() {
    use core::cmp::Reverse;
    use interagency::PracticeTip;
    let report = example_report(None);
    let sentence = |firsts: &dyn Fn(usize) -> u32| {
        let mut tips = report.top_tips.clone();
        for (i, t) in tips.iter_mut().enumerate() {
            t.first = firsts(i).min(t.recommended);
        }
        tips.sort_by_key(|t| {
            (
                Reverse(t.first),
                Reverse(t.recommended),
                PracticeTip::iter().position(|x| x == t.tip),
            )
        });
        let mut value = serde_json::to_value(&report).unwrap();
        value["top_tips"] = serde_json::to_value(&tips).unwrap();
        let read: CohortReport = serde_json::from_value(value).unwrap();
        let text = read.markdown().to_string();
        text.lines()
            .find(|l| l.contains("recommended first to"))
            .unwrap()
            .to_owned()
    };
    let one = sentence(&|i| if i == 0 { 4 } else { 0 });
    assert!(
        one.starts_with("The practice tip recommended first to the most partnerships is "),
        "{one}"
    );
    assert_eq!(one.matches("(first for").count(), 1, "{one}");
    let two = sentence(&|i| u32::from(i < 2));
    assert_eq!(two.matches("(first for").count(), 2, "{two}");
    assert_eq!(
        sentence(&|_| 0),
        "No practice tip is recommended first to any partnership."
    );
}
