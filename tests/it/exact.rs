//! Exact boundaries: the means, bands, levels, weights and the order of the
//! recommendations checked against an exact rational oracle written here,
//! over generated assessments biased towards the thresholds (many agencies,
//! small and unequal numbers of ratings), and over partnerships of 15 to 40
//! agencies whose means land exactly on a threshold or within a hair of it
//! over common denominators beyond 64 and 128 bits.

#![allow(
    clippy::float_cmp,             // the rounding of exact values is itself under test
    clippy::many_single_char_names, // q for rationals, a for the assessment, as in the docs
    clippy::cast_possible_truncation, // small generated counts
    clippy::cast_possible_wrap,       // small generated counts
    clippy::cast_sign_loss,           // small generated counts
    clippy::too_many_lines          // one oracle, spelled out step by step
)]

use std::cmp::Ordering;
use std::collections::HashMap;
use std::ops::RangeInclusive;

use interagency::{
    Agency, Assessment, Characteristic, Facilitator, FacilitatorBand, GapItem, Identifier, Level,
    Obstacle, ObstacleBand, PracticeTip, Rating, Response, Role, Rubric,
};
use num_bigint::BigInt;

use crate::support::Rng;
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

/// Every item's exact mean as the oracle computes it, in catalogue order.
struct OracleMeans {
    facilitators: Vec<Option<Q>>,
    obstacles: Vec<Option<Q>>,
}

impl OracleMeans {
    /// With [`oracle_mean`], item by item.
    fn of(a: &Assessment) -> OracleMeans {
        OracleMeans {
            facilitators: Facilitator::iter()
                .map(|f| oracle_mean(a, |r| r.facilitators.get(f)))
                .collect(),
            obstacles: Obstacle::iter()
                .map(|o| oracle_mean(a, |r| r.obstacles.get(o)))
                .collect(),
        }
    }

    /// The same, summing every agency's ratings in one pass over the
    /// responses (for partnerships of hundreds of respondents).
    fn in_one_pass(a: &Assessment) -> OracleMeans {
        let index: HashMap<&str, usize> = a
            .agencies()
            .iter()
            .enumerate()
            .map(|(i, agency)| (agency.id.as_str(), i))
            .collect();
        let agencies = a.agencies().len();
        let mut f_sums = vec![vec![(0i64, 0i64); agencies]; Facilitator::COUNT];
        let mut o_sums = vec![vec![(0i64, 0i64); agencies]; Obstacle::COUNT];
        for r in a.responses() {
            let i = index[r.agency.as_str()];
            for f in Facilitator::iter() {
                if let Some(rating) = r.facilitators.get(f) {
                    let sum = &mut f_sums[f.index()][i];
                    *sum = (sum.0 + i64::from(rating.get()), sum.1 + 1);
                }
            }
            for o in Obstacle::iter() {
                if let Some(rating) = r.obstacles.get(o) {
                    let sum = &mut o_sums[o.index()][i];
                    *sum = (sum.0 + i64::from(rating.get()), sum.1 + 1);
                }
            }
        }
        let mean = |sums: &Vec<(i64, i64)>| -> Option<Q> {
            let rated: Vec<Q> = sums
                .iter()
                .filter(|(_, count)| *count > 0)
                .map(|&(sum, count)| Q::new(BigInt::from(sum), BigInt::from(count)))
                .collect();
            let n = rated.len();
            (n > 0).then(|| rated.into_iter().fold(q(0), |s, m| s + m) / BigInt::from(n))
        };
        OracleMeans {
            facilitators: f_sums.iter().map(mean).collect(),
            obstacles: o_sums.iter().map(mean).collect(),
        }
    }
}

/// Checks the analysis of `a` against the oracle's exact means: each mean
/// is the `f64` nearest the exact one, each band, the achieved level, the
/// order of the active obstacles, each priority and the order of the
/// recommendations are those of the exact values.
fn check_against_oracle(a: &Assessment, means: &OracleMeans) {
    let rubric = Rubric::DEFAULT;
    let w = rubric.weights();
    let report = a.gap_analysis(None);
    let c = &report.classification;

    // Means, bands and the rounding of the JSON number.
    let f_means = &means.facilitators;
    for result in &c.facilitators {
        let f = result.item;
        let exact = &f_means[f.index()];
        match (exact, result.mean) {
            (Some(e), Some(m)) => assert!(is_nearest(m, e), "{f}: {m} is not nearest {e}"),
            (None, None) => {}
            other => panic!("{f}: {other:?}"),
        }
        let want = match band3(exact.as_ref()) {
            Some(0) => FacilitatorBand::Strength,
            Some(1) => FacilitatorBand::Borderline,
            Some(_) => FacilitatorBand::Concern,
            None => FacilitatorBand::Unknown,
        };
        assert_eq!(result.band, want, "{f}: mean {exact:?}");
    }
    let o_means = &means.obstacles;
    for result in &c.obstacles {
        let o = result.item;
        let exact = &o_means[o.index()];
        match (exact, result.mean) {
            (Some(e), Some(m)) => assert!(is_nearest(m, e), "{o}: {m} is not nearest {e}"),
            (None, None) => {}
            other => panic!("{o}: {other:?}"),
        }
        let want = match band3(exact.as_ref()) {
            Some(0) => ObstacleBand::Major,
            Some(1) => ObstacleBand::Moderate,
            Some(_) => ObstacleBand::Minor,
            None => ObstacleBand::Unknown,
        };
        assert_eq!(result.band, want, "{o}: mean {exact:?}");
    }

    // The achieved level, from the oracle's bands.
    let sustains = |f: Facilitator| band3(f_means[f.index()].as_ref()).is_some_and(|b| b <= 1);
    let achieved = Level::iter()
        .take_while(|&l| {
            Some(l) <= c.structural_level && rubric.facilitators_required_at(l).iter().all(sustains)
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
                o_means[o.index()].clone().unwrap() - Q::from_float(w.obstacle_baseline).unwrap()
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

#[test]
fn analysis_matches_the_exact_oracle() {
    let mut rng = Rng(2026);
    let (mut on_a_threshold, mut cases) = (0, 0);
    for _ in 0..3_000 {
        let a = generate(&mut rng);
        cases += 1;
        let means = OracleMeans::of(&a);
        check_against_oracle(&a, &means);
        on_a_threshold += means
            .facilitators
            .iter()
            .flatten()
            .filter(|e| **e == q(3) || **e == q(4))
            .count();
    }
    // The generator is biased towards the thresholds: more than one
    // assessment in four has a facilitator mean exactly on 3 or 4.
    assert!(
        on_a_threshold * 4 > cases,
        "only {on_a_threshold} means on a threshold in {cases} assessments"
    );
}

/// How an item's ratings were chosen in a boundary partnership.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Aim {
    /// The mean exactly on the threshold `t`.
    On(i64),
    /// One rating moved by one: the mean `1/(count * agencies)` from `t`.
    Beside(i64),
    /// A few ratings moved by one, the moves nearly cancelling: the mean
    /// within a hair of `t`.
    Near(i64),
    /// Ratings at random.
    Free,
    /// No ratings.
    Unrated,
}

/// One agency's sum and count of ratings of an item; `None` where it gave
/// none.
type Sum = Option<(i64, i64)>;

/// A move of one agency's sum of ratings: `(agency, by)`.
type Move = (usize, i64);

/// One item's ratings in a boundary partnership: each agency's sum and
/// count (`None` where it gave none), and the moves made beside the
/// threshold as `(agency, by)`.
struct ItemPlan {
    aim: Aim,
    sums: Vec<Sum>,
    moves: Vec<Move>,
}

/// The exact sum of `by / count` over the moves.
fn moved(sums: &[Sum], moves: &[Move]) -> Q {
    moves
        .iter()
        .map(|&(i, by)| Q::new(BigInt::from(by), BigInt::from(sums[i].unwrap().1)))
        .fold(q(0), |s, x| s + x)
}

/// Whether moving the sums by `moves` keeps every mean within 1 to 5.
fn feasible(sums: &[Sum], moves: &[Move]) -> bool {
    moves.iter().all(|&(i, by)| {
        sums[i].is_some_and(|(sum, count)| (count..=5 * count).contains(&(sum + by)))
    })
}

/// `by / count` summed over the moves, as a fraction of integers.
fn moved_exactly(sums: &[Sum], moves: &[Move]) -> (i128, i128) {
    moves.iter().fold((0, 1), |(num, den), &(i, by)| {
        let count = i128::from(sums[i].unwrap().1);
        (num * count + i128::from(by) * den, den * count)
    })
}

/// Moves of one rating by one in four distinct agencies whose effects on
/// the mean nearly cancel, but not quite: the pairs of moves sorted by
/// their effect, and each pair matched with those nearest its opposite
/// (meet in the middle); the nearest four by exact distance.
fn nearest_moves(sums: &[Sum], rated: &[usize]) -> Vec<Move> {
    #[allow(clippy::cast_precision_loss, reason = "only to sort; chosen exactly")]
    let effect = |i: usize, by: i64| by as f64 / sums[i].unwrap().1 as f64;
    let singles: Vec<Move> = rated
        .iter()
        .flat_map(|&i| [(i, 1), (i, -1)])
        .filter(|m| feasible(sums, std::slice::from_ref(m)))
        .collect();
    let mut pairs: Vec<(f64, Move, Move)> = Vec::new();
    for (x, &a) in singles.iter().enumerate() {
        for &b in &singles[x + 1..] {
            if a.0 != b.0 {
                pairs.push((effect(a.0, a.1) + effect(b.0, b.1), a, b));
            }
        }
    }
    pairs.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut best: Option<((i128, i128), Vec<Move>)> = None;
    let mut consider = |candidate: Vec<Move>| {
        let (num, den) = moved_exactly(sums, &candidate);
        let nearer = best
            .as_ref()
            .is_none_or(|((n, d), _)| num.abs() * d < n.abs() * den);
        if num != 0 && nearer {
            best = Some(((num, den), candidate));
        }
    };
    for &(value, a, b) in &pairs {
        // Two moves alone, for the few partnerships of fewer than four
        // agencies with ratings.
        consider(vec![a, b]);
        let at = pairs.partition_point(|p| p.0 < -value);
        for &(_, c, d) in &pairs[at.saturating_sub(3)..(at + 3).min(pairs.len())] {
            if [c.0, d.0].iter().all(|&i| i != a.0 && i != b.0) {
                consider(vec![a, b, c, d]);
            }
        }
    }
    best.map(|(_, moves)| moves).unwrap_or_default()
}

/// Plans one item's ratings over agencies of `sizes` respondents, paired
/// as `(n, 2n)` with a last agency of its own when their number is odd.
fn plan_item(rng: &mut Rng, sizes: &[i64]) -> ItemPlan {
    let agencies = sizes.len();
    let t = if rng.below(2) == 0 { 3 } else { 4 };
    let aim = match rng.below(20) {
        0 => Aim::Unrated,
        1 | 2 => Aim::Free,
        3..=9 => Aim::On(t),
        10..=14 => Aim::Beside(t),
        _ => Aim::Near(t),
    };
    let mut sums = vec![None; agencies];
    match aim {
        Aim::Unrated => {}
        Aim::Free => {
            for (slot, &count) in sums.iter_mut().zip(sizes) {
                *slot = Some((count + rng.below(4 * count as u64 + 1) as i64, count));
            }
        }
        Aim::On(t) | Aim::Beside(t) | Aim::Near(t) => {
            // Pairs with counts n and 2n and sums tn + k and 2tn - 2k:
            // means t + k/n and t - k/n. Now and then a pair gives no
            // ratings; the last agency of an odd number rates exactly t.
            for pair in 0..agencies / 2 {
                if rng.below(10) == 0 && pair > 0 {
                    continue;
                }
                let n = sizes[2 * pair];
                let span = n * (5 - t).min(t - 1);
                let k = rng.below(2 * span as u64 + 1) as i64 - span;
                sums[2 * pair] = Some((t * n + k, n));
                sums[2 * pair + 1] = Some((2 * t * n - 2 * k, 2 * n));
            }
            if agencies % 2 == 1 && rng.below(2) == 0 {
                let m = sizes[agencies - 1];
                sums[agencies - 1] = Some((t * m, m));
            }
        }
    }
    let rated: Vec<usize> = (0..agencies).filter(|&i| sums[i].is_some()).collect();
    let mut moves = Vec::new();
    match aim {
        Aim::Beside(_) => loop {
            let candidate = vec![(
                rated[rng.below(rated.len() as u64) as usize],
                if rng.below(2) == 0 { 1 } else { -1 },
            )];
            if feasible(&sums, &candidate) {
                moves = candidate;
                break;
            }
        },
        Aim::Near(_) => moves = nearest_moves(&sums, &rated),
        _ => {}
    }
    for &(i, by) in &moves {
        if let Some((sum, _)) = &mut sums[i] {
            *sum += by;
        }
    }
    ItemPlan { aim, sums, moves }
}

/// A partnership of `agencies` agencies whose item means land exactly on
/// the thresholds 3 and 4, or within a hair of them, over common
/// denominators (products of distinct numbers of ratings) of many bits;
/// with the plan of each item's ratings (facilitators, then obstacles).
fn boundary_partnership(
    rng: &mut Rng,
    agencies: RangeInclusive<u64>,
    n: RangeInclusive<i64>,
) -> (Assessment, Vec<ItemPlan>) {
    let agencies = (agencies.start() + rng.below(agencies.end() - agencies.start() + 1)) as usize;
    // Distinct n per pair: agencies of n and 2n respondents.
    let mut pool: Vec<i64> = n.collect();
    let mut sizes = Vec::new();
    for _ in 0..agencies / 2 {
        let n = pool.swap_remove(rng.below(pool.len() as u64) as usize);
        sizes.extend([n, 2 * n]);
    }
    if agencies % 2 == 1 {
        sizes.push(1 + rng.below(6) as i64);
    }
    // Every respondent must rate something: plan again in the rare case
    // an agency rates nothing.
    let plans: Vec<ItemPlan> = loop {
        let plans: Vec<ItemPlan> = (0..Facilitator::COUNT + Obstacle::COUNT)
            .map(|_| plan_item(rng, &sizes))
            .collect();
        if (0..agencies).all(|i| plans.iter().any(|p| p.sums[i].is_some())) {
            break plans;
        }
    };
    let mut responses = Vec::new();
    for (i, &size) in sizes.iter().enumerate() {
        // Each agency's sum spread over its respondents: the remainder as
        // ratings one above the rest, starting at a random respondent.
        let spread: Vec<Option<(i64, i64, i64)>> = plans
            .iter()
            .map(|p| p.sums[i].map(|(sum, count)| (sum, count, rng.below(count as u64) as i64)))
            .collect();
        for k in 0..size {
            let mut response = Response::new(
                format!("r{i}-{k}"),
                format!("a{i}"),
                Role::ALL[rng.below(3) as usize],
            );
            for (item, spread) in spread.iter().enumerate() {
                let Some((sum, count, start)) = *spread else {
                    continue;
                };
                let extra = i64::from((k + start) % count < sum % count);
                let rating = Rating::new((sum / count + extra) as u8).unwrap();
                match Facilitator::ALL.get(item) {
                    Some(&f) => response.facilitators.insert(f, rating),
                    None => response
                        .obstacles
                        .insert(Obstacle::ALL[item - Facilitator::COUNT], rating),
                };
            }
            responses.push(response);
        }
    }
    let characteristics: Vec<Characteristic> = if rng.below(2) == 0 {
        Characteristic::iter().collect()
    } else {
        Characteristic::iter()
            .filter(|c| (c.index() < 6 || rng.below(2) == 0) && rng.below(8) != 0)
            .collect()
    };
    let a = crate::support::assemble(
        "Boundary",
        None,
        (0..agencies)
            .map(|i| Agency::new(format!("a{i}"), format!("Agency {i}")))
            .collect(),
        characteristics,
        responses,
    )
    .unwrap();
    (a, plans)
}

/// What the boundary partnerships' means were.
#[derive(Debug, Default)]
struct Landed {
    /// Means, all told.
    rated: usize,
    /// Exactly on 3 or 4.
    on: usize,
    /// One rating beside.
    beside: usize,
    /// A few ratings near.
    near: usize,
    /// Of those beside or near, within a millionth.
    within_a_millionth: usize,
    /// Over a common denominator (the product of the counts, times the
    /// number of agencies) of 54 to 64 bits, more than 64, more than 128.
    beyond_53: usize,
    beyond_64: usize,
    beyond_128: usize,
}

/// Checks `cases` boundary partnerships of `agencies` agencies, with
/// pairs of agencies of `n` and `2n` respondents, against the oracle.
fn boundary_partnerships_match_the_oracle(
    seed: u64,
    cases: usize,
    agencies: &RangeInclusive<u64>,
    n: &RangeInclusive<i64>,
) -> Landed {
    let mut rng = Rng(seed);
    let mut landed = Landed::default();
    for case in 0..cases {
        let (a, plans) = boundary_partnership(&mut rng, agencies.clone(), n.clone());
        let means = OracleMeans::in_one_pass(&a);
        if case < 20 {
            // The one-pass oracle is the item-by-item one.
            let slow = OracleMeans::of(&a);
            assert_eq!(means.facilitators, slow.facilitators);
            assert_eq!(means.obstacles, slow.obstacles);
        }
        let all = means.facilitators.iter().chain(&means.obstacles);
        for (plan, mean) in plans.iter().zip(all) {
            let rated = plan.sums.iter().flatten().count();
            if mean.is_some() {
                landed.rated += 1;
                let den = plan
                    .sums
                    .iter()
                    .flatten()
                    .fold(BigInt::from(rated), |p, s| p * s.1);
                landed.beyond_53 += usize::from(den.bits() > 53 && den.bits() <= 64);
                landed.beyond_64 += usize::from(den.bits() > 64);
                landed.beyond_128 += usize::from(den.bits() > 128);
            }
            match (plan.aim, mean) {
                (Aim::On(t), Some(mean)) => {
                    assert_eq!(*mean, q(t), "{:?}", plan.sums);
                    landed.on += 1;
                }
                (Aim::Beside(t) | Aim::Near(t), Some(mean)) => {
                    // Exactly as far from t as the moves put it: one
                    // rating moved by one in an agency of c ratings puts it
                    // 1/(c * agencies) away.
                    let distance = mean - q(t);
                    assert_eq!(
                        distance,
                        moved(&plan.sums, &plan.moves) / BigInt::from(rated)
                    );
                    assert_ne!(distance, q(0));
                    if plan.aim == Aim::Beside(t) {
                        let (i, by) = plan.moves[0];
                        let count = plan.sums[i].unwrap().1 * rated as i64;
                        assert_eq!(distance, Q::new(BigInt::from(by), BigInt::from(count)));
                        landed.beside += 1;
                    } else {
                        landed.near += 1;
                    }
                    let millionth = Q::new(BigInt::from(1), BigInt::from(1_000_000));
                    if -&millionth <= distance && distance <= millionth {
                        landed.within_a_millionth += 1;
                    }
                }
                (Aim::Free, Some(_)) | (Aim::Unrated, None) => {}
                other => panic!("{other:?}"),
            }
        }
        check_against_oracle(&a, &means);
    }
    println!("{cases} partnerships of {agencies:?} agencies: {landed:?}");
    landed
}

/// How many boundary partnerships to check: `default`, or fewer with
/// `INTERAGENCY_BOUNDARY_CASES` set (for mutation testing, which runs the
/// tests hundreds of times).
fn boundary_cases(default: usize) -> usize {
    std::env::var("INTERAGENCY_BOUNDARY_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(default, |cases: usize| cases.min(default))
}

#[test]
fn large_partnerships_on_and_beside_the_thresholds_match_the_oracle() {
    // 15 to 40 agencies, n from 1 to 32: common denominators of about 40
    // to 250 bits, beyond 64 for nearly all, beyond 128 for a quarter.
    let cases = boundary_cases(2_000);
    let landed = boundary_partnerships_match_the_oracle(0xB0DA_2026, cases, &(15..=40), &(1..=32));
    assert!(landed.on > cases * 3, "{landed:?}");
    assert!(
        landed.beside > cases * 2 && landed.near > cases,
        "{landed:?}"
    );
    assert!(landed.within_a_millionth > cases, "{landed:?}");
    assert!(landed.beyond_64 * 10 > landed.rated * 9, "{landed:?}");
    assert!(landed.beyond_128 * 4 > landed.rated, "{landed:?}");
}

#[test]
fn a_dozen_agencies_of_many_respondents_match_the_oracle() {
    // 8 to 12 agencies, n from 8 to 48: common denominators on either side
    // of 2^53 and of 2^64, so that fractions of 64-bit integers too large
    // to divide in f64 occur, and overflow.
    let cases = boundary_cases(1_000);
    let landed = boundary_partnerships_match_the_oracle(0x0D0_2EC1, cases, &(8..=12), &(8..=48));
    assert!(landed.on > cases * 3, "{landed:?}");
    assert!(
        landed.beside > cases * 2 && landed.near > cases,
        "{landed:?}"
    );
    assert!(landed.within_a_millionth > cases / 50, "{landed:?}");
    let within_53 = landed.rated - landed.beyond_53 - landed.beyond_64;
    assert!(
        within_53 * 10 > landed.rated && landed.beyond_53 * 5 > landed.rated,
        "{landed:?}"
    );
    assert!(landed.beyond_64 * 20 > landed.rated, "{landed:?}");
}

#[test]
fn means_over_denominators_near_2_to_the_53_round_once() {
    // Twelve agencies of 15 to 19 respondents: common denominators (the
    // product of the counts, times 12) from about 2^50 to 2^55, so that
    // many means are fractions of 64-bit integers whose numerator, or
    // denominator, is beyond 2^53 and not exact in f64. Each must still
    // round once, to the f64 nearest the exact mean.
    let mut rng = Rng(0x2F_53);
    let (mut beyond_53, mut rated) = (0, 0);
    for _ in 0..300 {
        let sizes: Vec<u64> = (0..12).map(|_| 15 + rng.below(5)).collect();
        let mut responses = Vec::new();
        for (i, &size) in sizes.iter().enumerate() {
            for k in 0..size {
                let mut response =
                    Response::new(format!("r{i}-{k}"), format!("a{i}"), Role::Manager);
                for f in Facilitator::iter() {
                    let value = [2, 3, 3, 4, 4, 5][rng.below(6) as usize];
                    response.facilitators.insert(f, Rating::new(value).unwrap());
                }
                for o in Obstacle::iter() {
                    let value = [1, 2, 3, 3, 4, 5][rng.below(6) as usize];
                    response.obstacles.insert(o, Rating::new(value).unwrap());
                }
                responses.push(response);
            }
        }
        let a = crate::support::assemble(
            "Near 2^53",
            None,
            (0..12)
                .map(|i| Agency::new(format!("a{i}"), format!("Agency {i}")))
                .collect(),
            Characteristic::iter(),
            responses,
        )
        .unwrap();
        let means = OracleMeans::in_one_pass(&a);
        let den = sizes.iter().fold(BigInt::from(12), |p, &s| p * s);
        for mean in means.facilitators.iter().chain(&means.obstacles).flatten() {
            rated += 1;
            // The mean over the common denominator: numerator mean * den.
            let num = mean * Q::from_integer(den.clone());
            beyond_53 += usize::from(den.bits() > 53 || num.numer().bits() > 53);
        }
        check_against_oracle(&a, &means);
    }
    assert!(beyond_53 * 2 > rated, "{beyond_53} of {rated} beyond 2^53");
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
