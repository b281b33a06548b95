//! Exact boundaries: the means, bands, levels, weights and the order of the
//! recommendations checked against an exact rational oracle written here,
//! over generated assessments biased towards the thresholds (many agencies,
//! small and unequal numbers of ratings).

#![allow(
    clippy::float_cmp,             // the rounding of exact values is itself under test
    clippy::many_single_char_names, // q for rationals, a for the assessment, as in the docs
    clippy::cast_possible_truncation, // small generated counts
    clippy::too_many_lines          // one oracle, spelled out step by step
)]

use std::cmp::Ordering;

use interagency::{
    Agency, Assessment, Characteristic, Facilitator, FacilitatorBand, GapItem, Identifier, Level,
    Obstacle, ObstacleBand, PracticeTip, Rating, Response, Role, Rubric,
};
use num_bigint::BigInt;
use num_rational::BigRational;

type Q = BigRational;

fn q(n: i64) -> Q {
    Q::from_integer(BigInt::from(n))
}

/// The oracle's mean of one item: the mean over agencies with ratings of
/// each agency's mean.
fn oracle_mean(a: &Assessment, rating: impl Fn(&Response) -> Option<Rating>) -> Option<Q> {
    let mut means = Vec::new();
    for agency in a.agencies() {
        let ratings: Vec<i64> = a
            .responses()
            .iter()
            .filter(|r| r.agency == agency.id)
            .filter_map(&rating)
            .map(|r| i64::from(r.get()))
            .collect();
        if !ratings.is_empty() {
            means.push(Q::new(
                BigInt::from(ratings.iter().sum::<i64>()),
                BigInt::from(ratings.len()),
            ));
        }
    }
    if means.is_empty() {
        return None;
    }
    let n = means.len();
    Some(means.into_iter().fold(q(0), |s, m| s + m) / BigInt::from(n))
}

/// Whether `y` is the `f64` nearest `exact` (ties to even).
fn is_nearest(y: f64, exact: &Q) -> bool {
    let here = Q::from_float(y).unwrap();
    let up = Q::from_float(f64::from_bits(y.to_bits() + 1)).unwrap();
    let down = Q::from_float(f64::from_bits(y.to_bits() - 1)).unwrap();
    let d = |x: &Q| {
        let diff = x - exact;
        if diff < q(0) { -diff } else { diff }
    };
    let (dh, du, dd) = (d(&here), d(&up), d(&down));
    (dh < du || (dh == du && y.to_bits() & 1 == 0))
        && (dh < dd || (dh == dd && y.to_bits() & 1 == 0))
}

/// A small deterministic generator (`SplitMix64`).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// An assessment with 2 to 12 agencies, each with 1 to 4 respondents, whose
/// ratings cluster around 3 and 4 so that many means land on a threshold.
fn generate(rng: &mut Rng) -> Assessment {
    let agencies = 2 + rng.below(11) as usize;
    let mut responses = Vec::new();
    for agency in 0..agencies {
        for k in 0..=rng.below(4) {
            let mut response = Response::new(
                format!("r{agency}-{k}"),
                format!("a{agency}"),
                Role::ALL[rng.below(3) as usize],
            );
            let rate = |rng: &mut Rng| {
                // 2..=5 mostly, with 1 now and then.
                let value = [1, 2, 3, 3, 3, 4, 4, 4, 5][rng.below(9) as usize];
                Rating::new(value).unwrap()
            };
            for f in Facilitator::iter() {
                if rng.below(4) != 0 {
                    response.facilitators.insert(f, rate(rng));
                }
            }
            for o in Obstacle::iter() {
                if rng.below(3) != 0 {
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
        .filter(|c| (c.index() < 6 || rng.below(2) == 0) && rng.below(8) != 0)
        .collect();
    crate::support::assemble(
        "Generated",
        None,
        (0..agencies)
            .map(|i| Agency::new(format!("a{i}"), format!("Agency {i}")))
            .collect(),
        characteristics,
        responses,
    )
    .unwrap()
}

fn band3(mean: Option<&Q>) -> Option<u8> {
    mean.map(|m| {
        if *m >= q(4) {
            0
        } else if *m >= q(3) {
            1
        } else {
            2
        }
    })
}

#[test]
fn the_issue_example_is_exactly_three() {
    let text = r#"{"partnership":"Edge","agencies":[{"id":"a","name":"A"},{"id":"b","name":"B"},{"id":"c","name":"C"},{"id":"d","name":"D"}],
 "characteristics":["consistent_goals","complementary_services"],
 "responses":[
  {"respondent":"1","agency":"a","role":"frontline","facilitators":{"good_communication":1}},
  {"respondent":"2","agency":"b","role":"frontline","facilitators":{"good_communication":3}},
  {"respondent":"3","agency":"c","role":"frontline","facilitators":{"good_communication":4}},
  {"respondent":"4","agency":"c","role":"frontline","facilitators":{"good_communication":4}},
  {"respondent":"5","agency":"c","role":"frontline","facilitators":{"good_communication":5}},
  {"respondent":"6","agency":"d","role":"frontline","facilitators":{"good_communication":3}},
  {"respondent":"7","agency":"d","role":"frontline","facilitators":{"good_communication":4}},
  {"respondent":"8","agency":"d","role":"frontline","facilitators":{"good_communication":4}}]}"#;
    let a: Assessment = serde_json::from_str(text).unwrap();
    let c = a.classify();
    let good = c.result(Facilitator::GoodCommunication);
    assert_eq!(good.mean, Some(3.0));
    assert_eq!(good.band, FacilitatorBand::Borderline);
    assert_eq!(c.achieved_level, Some(Level::Cooperation));
    let json = serde_json::to_string(&a.gap_analysis(None)).unwrap();
    assert!(json.contains(
        r#""facilitator":"good_communication","needed_from":"cooperation","mean":3.0,"band":"borderline""#
    ));
}

#[test]
fn equal_priorities_tie_in_catalogue_order() {
    // Clarity of purpose averages 17/12 over the two agencies, trust 29/12
    // and good communication 2. Towards collaboration, identifying the
    // rationale weighs 3 - 17/12 = 19/12 and developing open communication
    // (3 - 29/12) + (3 - 2) = 19/12 too, although the sums of the rounded
    // weights differ in the last digit (1.5833333333333333 and
    // 1.5833333333333335). Equal priorities keep catalogue order.
    let text = r#"{"partnership":"Ties","agencies":[{"id":"a","name":"A"},{"id":"b","name":"B"}],
 "characteristics":["consistent_goals","complementary_services","tackles_overlap_and_gaps","common_outcomes"],
 "responses":[
  {"respondent":"a1","agency":"a","role":"frontline","facilitators":{"clarity_of_purpose_and_roles":1,"trust_and_openness":2,"good_communication":2}},
  {"respondent":"a2","agency":"a","role":"manager","facilitators":{"clarity_of_purpose_and_roles":2,"trust_and_openness":3,"good_communication":2}},
  {"respondent":"b1","agency":"b","role":"frontline","facilitators":{"clarity_of_purpose_and_roles":1,"trust_and_openness":2,"good_communication":2}},
  {"respondent":"b2","agency":"b","role":"frontline","facilitators":{"clarity_of_purpose_and_roles":1,"trust_and_openness":2,"good_communication":2}},
  {"respondent":"b3","agency":"b","role":"manager","facilitators":{"clarity_of_purpose_and_roles":2,"trust_and_openness":3,"good_communication":2}}]}"#;
    let a: Assessment = serde_json::from_str(text).unwrap();
    let r = a.gap_analysis(Some(Level::Collaboration));
    let order: Vec<(PracticeTip, f64)> = r
        .recommendations
        .iter()
        .map(|x| (x.tip, x.priority))
        .collect();
    assert_eq!(
        order[..4],
        [
            (PracticeTip::ShareAgencyInformation, 26.0 / 12.0),
            (PracticeTip::IdentifyRationaleAndOutcomes, 19.0 / 12.0),
            (PracticeTip::AgreeDocumentedPlan, 19.0 / 12.0),
            (PracticeTip::DevelopOpenCommunication, 19.0 / 12.0),
        ]
    );
}

#[test]
fn analysis_matches_the_exact_oracle() {
    let rubric = Rubric::DEFAULT;
    let w = rubric.weights();
    let mut rng = Rng(2026);
    let (mut on_a_threshold, mut cases) = (0, 0);
    for _ in 0..3_000 {
        let a = generate(&mut rng);
        cases += 1;
        let report = a.gap_analysis(None);
        let c = &report.classification;

        // Means, bands and the rounding of the JSON number.
        let mut f_means = Vec::new();
        for result in &c.facilitators {
            let f = result.item;
            let exact = oracle_mean(&a, |r| r.facilitators.get(f));
            match (&exact, result.mean) {
                (Some(e), Some(m)) => assert!(is_nearest(m, e), "{f}: {m} is not nearest {e}"),
                (None, None) => {}
                other => panic!("{f}: {other:?}"),
            }
            if exact.as_ref().is_some_and(|e| *e == q(3) || *e == q(4)) {
                on_a_threshold += 1;
            }
            let want = match band3(exact.as_ref()) {
                Some(0) => FacilitatorBand::Strength,
                Some(1) => FacilitatorBand::Borderline,
                Some(_) => FacilitatorBand::Concern,
                None => FacilitatorBand::Unknown,
            };
            assert_eq!(result.band, want, "{f}: mean {exact:?}");
            f_means.push(exact);
        }
        let mut o_means = Vec::new();
        for result in &c.obstacles {
            let o = result.item;
            let exact = oracle_mean(&a, |r| r.obstacles.get(o));
            if let (Some(e), Some(m)) = (&exact, result.mean) {
                assert!(is_nearest(m, e), "{o}: {m} is not nearest {e}");
            }
            let want = match band3(exact.as_ref()) {
                Some(0) => ObstacleBand::Major,
                Some(1) => ObstacleBand::Moderate,
                Some(_) => ObstacleBand::Minor,
                None => ObstacleBand::Unknown,
            };
            assert_eq!(result.band, want, "{o}: mean {exact:?}");
            o_means.push(exact);
        }

        // The achieved level, from the oracle's bands.
        let sustains = |f: Facilitator| band3(f_means[f.index()].as_ref()).is_some_and(|b| b <= 1);
        let achieved = Level::iter()
            .take_while(|&l| {
                Some(l) <= c.structural_level
                    && rubric.facilitators_required_at(l).iter().all(sustains)
            })
            .last();
        assert_eq!(c.achieved_level, achieved);

        // Active obstacles by exact mean, descending, ties in catalogue order.
        let mut active: Vec<(Obstacle, Q)> = Obstacle::iter()
            .filter_map(|o| o_means[o.index()].clone().map(|m| (o, m)))
            .filter(|(_, m)| *m >= q(3))
            .collect();
        active.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        let got: Vec<Obstacle> = report.active_obstacles.iter().map(|o| o.obstacle).collect();
        let want: Vec<Obstacle> = active.iter().map(|(o, _)| *o).collect();
        assert_eq!(got, want);

        // Priorities: exact sums of the weights, ordered exactly, ties in
        // catalogue order, each rounded to the nearest f64.
        let weight = |item: &GapItem| -> Q {
            match *item {
                GapItem::Characteristic(_) => Q::from_float(w.missing_characteristic).unwrap(),
                GapItem::Facilitator(f) => match &f_means[f.index()] {
                    Some(m) => Q::from_float(w.facilitator_baseline).unwrap() - m,
                    None => Q::from_float(w.unknown_facilitator).unwrap(),
                },
                GapItem::Obstacle(o) => {
                    o_means[o.index()].clone().unwrap()
                        - Q::from_float(w.obstacle_baseline).unwrap()
                }
            }
        };
        let mut expected: Vec<(PracticeTip, Q)> = Vec::new();
        for rec in &report.recommendations {
            let exact = rec.addresses.iter().map(weight).fold(q(0), |s, x| s + x);
            assert!(exact > q(0));
            assert!(
                is_nearest(rec.priority, &exact),
                "{}: {} vs {exact}",
                rec.tip,
                rec.priority
            );
            expected.push((rec.tip, exact));
        }
        for pair in expected.windows(2) {
            match pair[0].1.cmp(&pair[1].1) {
                Ordering::Greater => {}
                Ordering::Equal => assert!(pair[0].0 < pair[1].0),
                Ordering::Less => panic!("{:?} ranked above {:?}", pair[0], pair[1]),
            }
        }
    }
    // The generator is biased towards the thresholds: more than one
    // assessment in four has a facilitator mean exactly on 3 or 4.
    assert!(
        on_a_threshold * 4 > cases,
        "only {on_a_threshold} means on a threshold in {cases} assessments"
    );
}

#[test]
fn many_agencies_with_coprime_counts_stay_exact() {
    // Agencies whose numbers of ratings are distinct primes make the
    // common denominator overflow 64 bits (20 agencies) and 128 bits (40
    // agencies): the general paths must give the same exact answers.
    const PRIMES: [u32; 40] = [
        2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89,
        97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173,
    ];
    for agencies in [20, 40] {
        let mut responses = Vec::new();
        for (i, &p) in PRIMES[..agencies].iter().enumerate() {
            for k in 0..p {
                let mut r = Response::new(format!("r{i}-{k}"), format!("a{i}"), Role::Manager);
                // One rating of 2 and the rest 3: the agency mean is 3 - 1/p.
                let value = if k == 0 { 2 } else { 3 };
                r.facilitators
                    .insert(Facilitator::GoodCommunication, Rating::new(value).unwrap());
                // Every rating 3: the agency mean is exactly 3.
                r.obstacles
                    .insert(Obstacle::Conflict, Rating::new(3).unwrap());
                responses.push(r);
            }
        }
        let a = crate::support::assemble(
            "Coprime",
            None,
            (0..agencies)
                .map(|i| Agency::new(format!("a{i}"), format!("Agency {i}")))
                .collect(),
            [
                Characteristic::ConsistentGoals,
                Characteristic::ComplementaryServices,
            ],
            responses,
        )
        .unwrap();
        let c = a.classify();
        // Conflict: exactly 3 however large the denominator: moderate.
        let conflict = c.result(Obstacle::Conflict);
        assert_eq!(
            (conflict.mean, conflict.band),
            (Some(3.0), ObstacleBand::Moderate)
        );
        // Communication: 3 - (1/n) * sum(1/p), just below 3: a concern,
        // and the nearest f64 to the exact value.
        let exact =
            oracle_mean(&a, |r| r.facilitators.get(Facilitator::GoodCommunication)).unwrap();
        let good = c.result(Facilitator::GoodCommunication);
        assert!(is_nearest(good.mean.unwrap(), &exact));
        assert_eq!(good.band, FacilitatorBand::Concern);
        assert_eq!(c.achieved_level, None);
    }
}
