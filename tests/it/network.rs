//! Who works with whom: the network from each agency's answers about the
//! others, checked by hand on the example, on published figures (Krackhardt's
//! kite, a star), against an exact reference on random partnerships, and by
//! its properties; and the errors of answers that cannot be taken.

#![allow(
    clippy::float_cmp,
    reason = "the figures are exact fractions written as the nearest f64"
)]
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_precision_loss,
    reason = "counts of a few agencies and respondents"
)]

use std::collections::BTreeMap;

use num_rational::Ratio;
use serde_json::json;

use interagency::report::{ByLevel, Network, Pair};
use interagency::{Agency, Assessment, Level, PartnerLevel, Response, Role, Trust};

use crate::support::{self, Rng};

fn level(id: &str) -> PartnerLevel {
    id.parse().unwrap()
}

fn density(values: [f64; 4]) -> ByLevel {
    ByLevel {
        cooperation: values[0],
        collaboration: values[1],
        coordination: values[2],
        integration: values[3],
    }
}

/// The example's later round, worked by hand from its answers: see the
/// comments for each figure.
#[test]
#[allow(
    clippy::too_many_lines,
    reason = "the hand-worked figures, each with its working"
)]
fn the_early_years_network_by_hand() {
    let later = support::example("early-years-network-2027");
    let report = later.gap_analysis(None);
    let network = report.network.as_ref().unwrap();
    // Directed levels (lower medians): phn→ecec [3,3]=3, phn→frc [2,1]=1,
    // phn→tusla [3,4]=3, ecec→phn [3,2]=2, ecec→frc [2], ecec→tusla [0],
    // frc→phn [2], frc→ecec [2], frc→tusla [1], tusla→phn [1,2]=1,
    // tusla→frc [1]; tusla gives nothing for ecec.
    let pair =
        |a: &str, b: &str, x: Option<&str>, y: Option<&str>, agreed: &str, m: Option<u8>| Pair {
            a: a.into(),
            b: b.into(),
            a_to_b: x.map(level),
            b_to_a: y.map(level),
            agreed: Some(level(agreed)),
            confirmed: m.is_some(),
            mismatch: m,
            disputed: m.is_some_and(|m| m >= 2),
        };
    assert_eq!(
        network.pairs,
        [
            pair(
                "phn",
                "ecec",
                Some("coordination"),
                Some("collaboration"),
                "collaboration",
                Some(1)
            ),
            pair(
                "phn",
                "frc",
                Some("cooperation"),
                Some("collaboration"),
                "cooperation",
                Some(1)
            ),
            pair(
                "phn",
                "tusla",
                Some("coordination"),
                Some("cooperation"),
                "cooperation",
                Some(2)
            ),
            pair(
                "ecec",
                "frc",
                Some("collaboration"),
                Some("collaboration"),
                "collaboration",
                Some(0)
            ),
            pair("ecec", "tusla", Some("none"), None, "none", None),
            pair(
                "frc",
                "tusla",
                Some("cooperation"),
                Some("cooperation"),
                "cooperation",
                Some(0)
            ),
        ]
    );
    // Six pairs: five tied at cooperation, two at collaboration.
    assert_eq!(network.density, density([5.0 / 6.0, 1.0 / 3.0, 0.0, 0.0]));
    assert_eq!(network.answered_pairs, 6);
    assert_eq!(network.density_answered, Some(network.density));
    let degrees: Vec<u32> = network.degrees.iter().map(|d| d.degree).collect();
    assert_eq!(degrees, [3, 2, 3, 2]);
    // Σ(3 − d) = 2 over (n−1)(n−2) = 6.
    assert_eq!(network.centralization, Some(1.0 / 3.0));
    // Every pair with a direction at cooperation has both.
    assert_eq!(network.reciprocity, Some(1.0));
    assert!(network.isolates.is_empty() && network.silent_agencies.is_empty());
    let coverage: Vec<(u32, u32)> = network
        .coverage
        .iter()
        .map(|c| (c.respondents, c.answered_for))
        .collect();
    assert_eq!(coverage, [(2, 3), (2, 3), (1, 3), (2, 2)]);
    // phn: ecec 4, frc 3, tusla 3; ecec: phn (4+4)/2, frc 4; frc: phn 3,
    // ecec 3; tusla: phn (3+2)/2, frc 2.
    let trusted: Vec<(Option<f64>, u32)> =
        network.trusted.iter().map(|t| (t.mean, t.raters)).collect();
    assert_eq!(
        trusted,
        [
            (Some(10.0 / 3.0), 3),
            (Some(4.0), 2),
            (Some(3.0), 2),
            (Some(2.25), 2)
        ]
    );
    // Perceived: 3 at collaboration, 4 at coordination; the lower median of
    // seven is the fourth, coordination; the ratings sustain collaboration.
    let perceived = report.perceived.as_ref().unwrap();
    assert_eq!(perceived.counts.collaboration, 3);
    assert_eq!(perceived.counts.coordination, 4);
    assert_eq!(perceived.median, Some(level("coordination")));
    assert_eq!(perceived.achieved, Some(Level::Collaboration));
    assert_eq!((perceived.difference, perceived.overestimates), (1, true));

    // From the earlier round: cooperation 2/3 → 5/6, collaboration 0 → 1/3;
    // three pairs of the earlier agencies moved up.
    let earlier = support::example("early-years-network");
    let progress = later.progress_since(&earlier, None).unwrap();
    let change = progress.network_change.unwrap();
    assert_eq!(change.density, density([1.0 / 6.0, 1.0 / 3.0, 0.0, 0.0]));
    let moved: Vec<(&str, &str, PartnerLevel, PartnerLevel)> = change
        .pairs
        .iter()
        .map(|p| {
            (
                p.a.as_str(),
                p.b.as_str(),
                p.earlier.unwrap(),
                p.later.unwrap(),
            )
        })
        .collect();
    assert_eq!(
        moved,
        [
            ("phn", "ecec", level("cooperation"), level("collaboration")),
            ("phn", "frc", level("none"), level("cooperation")),
            ("ecec", "frc", level("cooperation"), level("collaboration")),
        ]
    );
}

/// An assessment of agencies `0..n` where agency `a`'s one respondent
/// works with each `b` of `ties[a]` at cooperation.
fn one_way(n: usize, ties: &[(usize, usize)]) -> Assessment {
    let agencies: Vec<Agency> = (0..n)
        .map(|k| Agency::new(format!("a{k}"), format!("Agency {k}")))
        .collect();
    let mut responses: Vec<Response> = (0..n)
        .map(|k| Response::new(format!("r{k}"), format!("a{k}"), Role::Manager))
        .collect();
    for &(a, b) in ties {
        responses[a]
            .partners
            .insert(format!("a{b}"), Level::Cooperation.into());
    }
    responses.retain(Response::has_answers);
    support::assemble("Network", None, agencies, [], responses).unwrap()
}

fn network(a: &Assessment) -> Network {
    a.gap_analysis(None).network.unwrap()
}

#[test]
fn krackhardts_kite() {
    // Andre 0, Beverly 1, Carol 2, Diane 3, Ed 4, Fernando 5, Garth 6,
    // Heather 7, Ike 8, Jane 9: 18 ties.
    let ties = [
        (0, 1),
        (0, 2),
        (0, 3),
        (0, 5),
        (1, 3),
        (1, 4),
        (1, 6),
        (2, 3),
        (2, 5),
        (3, 4),
        (3, 5),
        (3, 6),
        (4, 6),
        (5, 6),
        (5, 7),
        (6, 7),
        (7, 8),
        (8, 9),
    ];
    let network = network(&one_way(10, &ties));
    assert_eq!(network.density.cooperation, 0.4);
    assert_eq!(network.density.collaboration, 0.0);
    assert_eq!(network.centralization, Some(1.0 / 3.0));
    let degrees: Vec<u32> = network.degrees.iter().map(|d| d.degree).collect();
    assert_eq!(degrees, [4, 4, 3, 6, 3, 5, 5, 3, 2, 1]);
    // Answered one way only: nothing is reciprocated or confirmed.
    assert_eq!(network.reciprocity, Some(0.0));
    assert_eq!(network.answered_pairs, 18);
    assert!(network.pairs.iter().all(|p| !p.confirmed));
    // Jane answers for nobody, and nobody works with her at collaboration.
    assert_eq!(network.silent_agencies, ["a9"]);
    assert!(network.missing_central.is_empty());
}

#[test]
fn a_star_is_fully_centralized() {
    let ties: Vec<(usize, usize)> = (1..8).map(|k| (0, k)).collect();
    let network = network(&one_way(8, &ties));
    assert_eq!(network.centralization, Some(1.0));
    assert_eq!(network.density.cooperation, 7.0 / 28.0);
    let degrees: Vec<u32> = network.degrees.iter().map(|d| d.degree).collect();
    assert_eq!(degrees, [7, 1, 1, 1, 1, 1, 1, 1]);
    assert!(network.isolates.is_empty());
}

#[test]
fn silent_agencies_others_rely_on_are_missing_central() {
    // a0 and a1 both work with a2 at collaboration; a2 never answers; a3
    // answers nothing about a network at all.
    let agencies: Vec<Agency> = (0..4)
        .map(|k| Agency::new(format!("a{k}"), format!("A{k}")))
        .collect();
    let mut r0 = Response::new("x", "a0", Role::Manager);
    r0.partners.insert("a2".into(), Level::Collaboration.into());
    r0.trust.insert("a2".into(), Trust::new(4).unwrap());
    let mut r1 = Response::new("y", "a1", Role::Frontline);
    r1.partners.insert("a2".into(), Level::Integration.into());
    r1.trust.insert("a2".into(), Trust::new(1).unwrap());
    r1.trust.insert("a0".into(), Trust::new(3).unwrap());
    let a = support::assemble("N", None, agencies, [], vec![r0, r1]).unwrap();
    let network = network(&a);
    assert_eq!(network.silent_agencies, ["a2", "a3"]);
    assert_eq!(network.missing_central, ["a2"]);
    assert_eq!(network.isolates, ["a3"]);
    // Each rating agency an equal voice: (4 + 1) / 2.
    assert_eq!(network.trusted[2].mean, Some(2.5));
    assert_eq!(network.trusted[2].raters, 2);
    assert_eq!(
        (network.trusted[3].mean, network.trusted[3].raters),
        (None, 0)
    );
    // Trust answers alone make no tie and no coverage.
    assert_eq!(network.coverage[1].answered_for, 1);
    assert_eq!(network.density_answered.unwrap().cooperation, 1.0);
    assert!(a.gap_analysis(None).perceived.is_none());
}

/// Agencies are listed by name, joined by commas; by semicolons where a
/// name has a comma of its own, so that each name can be told apart.
#[test]
fn a_list_of_agencies_keeps_names_with_commas_apart() {
    let listed = |name: &str| {
        let agencies = vec![
            Agency::new("a", "A"),
            Agency::new("b", name),
            Agency::new("c", "Primary Care"),
        ];
        let mut r = Response::new("r", "a", Role::Manager);
        r.partners.insert("b".into(), Level::Cooperation.into());
        let report = support::assemble("N", None, agencies, [], vec![r])
            .unwrap()
            .gap_analysis(None);
        report.markdown().to_string()
    };
    assert!(listed("Schools").contains("No respondent answered for Schools, Primary Care.\n"));
    assert!(
        listed("Tusla Prevention, Partnership and Family Support").contains(
            "No respondent answered for Tusla Prevention, Partnership and Family Support; Primary Care.\n"
        )
    );
}

#[test]
fn no_answers_no_network() {
    let report = support::example("integrated-family-centre").gap_analysis(None);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["network"], serde_json::Value::Null);
    assert_eq!(json["perceived"], serde_json::Value::Null);
    let earlier = support::example("early-years-network");
    let plain = support::example("integrated-family-centre");
    assert!(
        plain
            .progress_since(&earlier, None)
            .is_ok_and(|p| p.network_change.is_none())
    );
}

/// The nearest `f64` to a small exact fraction: both parts below 2^53, so
/// one IEEE division rounds it correctly.
fn nearest(r: Ratio<i128>) -> f64 {
    let (n, d) = (*r.numer(), *r.denom());
    assert!(n.abs() < 1 << 53 && d < 1 << 53);
    n as f64 / d as f64
}

/// The network worked out directly from the responses, the slow way.
fn reference(a: &Assessment) -> serde_json::Value {
    let ids: Vec<&str> = a.agencies().iter().map(|x| x.id.as_str()).collect();
    let n = ids.len();
    let directed = |x: usize, y: usize| -> Option<u8> {
        let mut given: Vec<u8> = a
            .responses()
            .iter()
            .filter(|r| r.agency == ids[x])
            .filter_map(|r| r.partners.get(ids[y]).map(|l| l.number()))
            .collect();
        given.sort_unstable();
        (!given.is_empty()).then(|| given[(given.len() - 1) / 2])
    };
    let name = |l: Option<u8>| l.map(|l| PartnerLevel::from_number(l).unwrap().id());
    let mut pairs = Vec::new();
    let mut agreed_all = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            let (x, y) = (directed(i, j), directed(j, i));
            let agreed = match (x, y) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            };
            let mismatch = x.zip(y).map(|(x, y)| x.abs_diff(y));
            agreed_all.push((i, j, agreed, x, y));
            pairs.push(
                json!({"a": ids[i], "b": ids[j], "a_to_b": name(x), "b_to_a": name(y),
                "agreed": name(agreed), "confirmed": mismatch.is_some(), "mismatch": mismatch,
                "disputed": mismatch.is_some_and(|m| m >= 2)}),
            );
        }
    }
    let total = i128::try_from(n * (n - 1) / 2).unwrap();
    let answered = agreed_all.iter().filter(|p| p.2.is_some()).count() as i128;
    let tied = |l: u8| {
        agreed_all
            .iter()
            .filter(|p| p.2.is_some_and(|a| a >= l))
            .count() as i128
    };
    let by_level = |den: i128| {
        json!({"cooperation": nearest(Ratio::new(tied(1), den)), "collaboration": nearest(Ratio::new(tied(2), den)),
               "coordination": nearest(Ratio::new(tied(3), den)), "integration": nearest(Ratio::new(tied(4), den))})
    };
    let degree: Vec<i128> = (0..n)
        .map(|k| {
            agreed_all
                .iter()
                .filter(|p| (p.0 == k || p.1 == k) && p.2.is_some_and(|a| a >= 1))
                .count() as i128
        })
        .collect();
    let max = degree.iter().copied().max().unwrap();
    let centralization = (n >= 3).then(|| {
        let n = n as i128;
        nearest(Ratio::new(
            degree.iter().map(|d| max - d).sum(),
            (n - 1) * (n - 2),
        ))
    });
    let up = |l: Option<u8>| l.is_some_and(|l| l >= 1);
    let one = agreed_all.iter().filter(|p| up(p.3) || up(p.4)).count() as i128;
    let both = agreed_all.iter().filter(|p| up(p.3) && up(p.4)).count() as i128;
    let respondents = |k: usize| a.responses().iter().filter(|r| r.agency == ids[k]).count();
    let silent: Vec<usize> = (0..n).filter(|&k| respondents(k) == 0).collect();
    let trusted = (0..n)
        .map(|b| {
            let means: Vec<Ratio<i128>> = (0..n)
                .filter_map(|x| {
                    let given: Vec<i128> = a
                        .responses()
                        .iter()
                        .filter(|r| r.agency == ids[x])
                        .filter_map(|r| r.trust.get(ids[b]).map(|t| i128::from(t.get())))
                        .collect();
                    (!given.is_empty()).then(|| Ratio::new(given.iter().sum(), given.len() as i128))
                })
                .collect();
            let mean = (!means.is_empty()).then(|| {
                nearest(means.iter().sum::<Ratio<i128>>() / Ratio::from(means.len() as i128))
            });
            json!({"agency": ids[b], "mean": mean, "raters": means.len()})
        })
        .collect::<Vec<_>>();
    json!({
        "pairs": pairs,
        "density": by_level(total),
        "answered_pairs": answered,
        "density_answered": (answered > 0).then(|| by_level(answered)),
        "degrees": (0..n).map(|k| json!({"agency": ids[k], "degree": degree[k]})).collect::<Vec<_>>(),
        "centralization": centralization,
        "reciprocity": (one > 0).then(|| nearest(Ratio::new(both, one))),
        "isolates": (0..n).filter(|&k| degree[k] == 0).map(|k| ids[k]).collect::<Vec<_>>(),
        "coverage": (0..n).map(|k| json!({"agency": ids[k], "respondents": respondents(k),
            "answered_for": (0..n).filter(|&y| directed(k, y).is_some()).count()})).collect::<Vec<_>>(),
        "silent_agencies": silent.iter().map(|&k| ids[k]).collect::<Vec<_>>(),
        "missing_central": silent.iter().filter(|&&k| (0..n).filter(|&x| x != k && directed(x, k).is_some_and(|l| l >= 2)).count() >= 2)
            .map(|&k| ids[k]).collect::<Vec<_>>(),
        "trusted": trusted,
    })
}

/// A random partnership of 2 to 12 agencies, some silent, whose
/// respondents answer about some of the others.
fn random(rng: &mut Rng) -> Assessment {
    let n = 2 + rng.below(11) as usize;
    let agencies: Vec<Agency> = (0..n)
        .map(|k| Agency::new(format!("g{k}"), format!("G{k}")))
        .collect();
    let mut responses = Vec::new();
    for k in 0..n {
        if rng.below(5) == 0 {
            continue;
        }
        for i in 0..rng.below(6) {
            let mut r = Response::new(format!("g{k}-{i}"), format!("g{k}"), Role::Frontline);
            for b in (0..n).filter(|&b| b != k) {
                if rng.below(3) > 0 {
                    r.partners.insert(
                        format!("g{b}"),
                        PartnerLevel::from_number(rng.below(5) as u8).unwrap(),
                    );
                }
                if rng.below(3) == 0 {
                    r.trust
                        .insert(format!("g{b}"), Trust::new(1 + rng.below(4) as u8).unwrap());
                }
            }
            if rng.below(2) == 0 {
                r.perceived_level = PartnerLevel::from_number(rng.below(5) as u8);
            }
            if r.has_answers() {
                responses.push(r);
            }
        }
    }
    support::assemble("Random", None, agencies, [], responses).unwrap()
}

#[test]
fn random_partnerships_agree_with_an_exact_reference() {
    let mut rng = Rng(20_261_201);
    let mut checked = 0;
    for _ in 0..400 {
        let a = random(&mut rng);
        let report = a.gap_analysis(None);
        let Some(network) = &report.network else {
            assert!(
                a.responses()
                    .iter()
                    .all(|r| r.partners.is_empty() && r.trust.is_empty())
            );
            continue;
        };
        assert_eq!(serde_json::to_value(network).unwrap(), reference(&a));
        checked += 1;
        // Perceived: the counts, the lower median, and the difference.
        let mut given: Vec<u8> = a
            .responses()
            .iter()
            .filter_map(|r| r.perceived_level.map(PartnerLevel::number))
            .collect();
        given.sort_unstable();
        match &report.perceived {
            None => assert!(given.is_empty()),
            Some(p) => {
                assert_eq!(p.counts.total() as usize, given.len());
                let median = given[(given.len() - 1) / 2];
                assert_eq!(p.median.map(PartnerLevel::number), Some(median));
                let achieved = report
                    .classification
                    .achieved_level
                    .map_or(0, Level::number);
                assert_eq!(
                    i16::from(p.difference),
                    i16::from(median) - i16::from(achieved)
                );
            }
        }
        // Read back from its JSON, the report is the same.
        let text = serde_json::to_string(&report).unwrap();
        assert_eq!(
            serde_json::from_str::<interagency::GapReport>(&text).unwrap(),
            report
        );
    }
    assert!(checked > 300, "{checked} random networks checked");
}

#[test]
fn lowering_an_answer_never_raises_a_density() {
    let mut rng = Rng(7);
    for _ in 0..200 {
        let a = random(&mut rng);
        let Some(before) = a.gap_analysis(None).network else {
            continue;
        };
        let (partnership, mut responses) = a.into_parts();
        let candidates: Vec<(usize, String)> = responses
            .iter()
            .enumerate()
            .flat_map(|(i, r)| {
                r.partners
                    .iter()
                    .filter(|(_, l)| l.number() > 0)
                    .map(move |(k, _)| (i, k.clone()))
            })
            .collect();
        if candidates.is_empty() {
            continue;
        }
        let (i, key) = &candidates[rng.below(candidates.len() as u64) as usize];
        let old = responses[*i].partners[key];
        responses[*i].partners.insert(
            key.clone(),
            PartnerLevel::from_number(old.number() - 1).unwrap(),
        );
        let after = partnership
            .with_responses(responses)
            .unwrap()
            .gap_analysis(None)
            .network
            .unwrap();
        for l in Level::iter() {
            assert!(after.density.get(l) <= before.density.get(l));
        }
    }
}

#[test]
fn agreed_never_exceeds_either_direction() {
    let mut rng = Rng(11);
    for _ in 0..200 {
        let Some(network) = random(&mut rng).gap_analysis(None).network else {
            continue;
        };
        for pair in &network.pairs {
            for direction in [pair.a_to_b, pair.b_to_a].into_iter().flatten() {
                assert!(pair.agreed.unwrap() <= direction, "{pair:?}");
            }
        }
    }
}

#[test]
fn swapping_two_agencies_permutes_the_network() {
    let mut rng = Rng(13);
    for _ in 0..100 {
        let a = random(&mut rng);
        let Some(before) = a.gap_analysis(None).network else {
            continue;
        };
        let (partnership, responses) = a.into_parts();
        let mut agencies = partnership.agencies().to_vec();
        let (x, y) = (0, agencies.len() - 1);
        agencies.swap(x, y);
        let swapped = support::assemble("Random", None, agencies, [], responses).unwrap();
        let after = swapped.gap_analysis(None).network.unwrap();
        assert_eq!(before.density, after.density);
        assert_eq!(before.density_answered, after.density_answered);
        assert_eq!(before.centralization, after.centralization);
        assert_eq!(before.reciprocity, after.reciprocity);
        assert_eq!(before.answered_pairs, after.answered_pairs);
        let key = |p: &Pair| {
            let mut ends = [p.a.clone(), p.b.clone()];
            ends.sort();
            (ends, p.agreed, p.mismatch, p.disputed, p.confirmed)
        };
        let sorted = |n: &Network| {
            let mut pairs: Vec<_> = n.pairs.iter().map(key).collect();
            pairs.sort();
            pairs
        };
        assert_eq!(sorted(&before), sorted(&after));
        let per_agency = |n: &Network| {
            let mut rows: Vec<String> = n
                .degrees
                .iter()
                .zip(&n.coverage)
                .zip(&n.trusted)
                .map(|((d, c), t)| {
                    format!(
                        "{} {} {} {:?} {}",
                        d.agency, d.degree, c.answered_for, t.mean, t.raters
                    )
                })
                .collect();
            rows.sort();
            rows
        };
        assert_eq!(per_agency(&before), per_agency(&after));
    }
}

fn with_response(response: &serde_json::Value) -> String {
    json!({
        "partnership": "Northside",
        "agencies": [{"id": "cfa", "name": "CFA"}, {"id": "hse", "name": "HSE"}, {"id": "garda", "name": "Garda"}],
        "characteristics": [],
        "responses": [response]
    })
    .to_string()
}

#[test]
fn answers_that_cannot_be_taken_name_the_respondent_key_and_value() {
    let error = |answers: serde_json::Value| {
        let mut response = json!({"respondent": "r1", "agency": "cfa", "role": "manager"});
        for (k, v) in answers.as_object().unwrap() {
            response[k] = v.clone();
        }
        Assessment::from_json(&with_response(&response))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        error(json!({"partners": {"cfa": "coordination"}})),
        "responses[0].partners.cfa: respondent \"r1\", agency \"cfa\": the respondent's own agency; answers are about the other agencies"
    );
    assert_eq!(
        error(json!({"trust": {"tusla": 3}})),
        "responses[0].trust.tusla: respondent \"r1\", agency \"tusla\": not among the agencies (cfa, hse, garda)"
    );
    assert_eq!(
        error(json!({"partners": {"hse": "partnership"}})),
        "responses[0].partners.hse: respondent \"r1\", agency \"hse\": \"partnership\" is not a level of joint work (none, cooperation, collaboration, coordination or integration)"
    );
    assert_eq!(
        error(json!({"trust": {"hse": 5}})),
        "responses[0].trust.hse: respondent \"r1\", agency \"hse\": 5 is not a trust answer from 1 to 4"
    );
    assert_eq!(
        error(json!({"trust": {"hse": 0}})),
        "responses[0].trust.hse: respondent \"r1\", agency \"hse\": 0 is not a trust answer from 1 to 4"
    );
    assert_eq!(
        error(json!({"perceived_level": "excellent"})),
        "responses[0].perceived_level: respondent \"r1\" gives \"excellent\"; expected one of: none, cooperation, collaboration, coordination, integration"
    );
    assert_eq!(
        error(json!({"partners": ["hse"]})),
        "responses[0].partners: respondent \"r1\": invalid type: a sequence, expected a map from agency id to level"
    );
    // An empty map is no answer.
    assert!(error(json!({"partners": {}, "trust": {}})).contains("gives no rating"));
    // A key given twice: JSON allows the text, the assessment does not.
    let twice = with_response(&json!({"respondent": "r1", "agency": "cfa", "role": "manager"}))
        .replace(
            "\"role\":\"manager\"",
            "\"role\":\"manager\",\"partners\":{\"hse\":\"none\",\"hse\":\"integration\"}",
        );
    assert_eq!(
        Assessment::from_json(&twice).unwrap_err().to_string(),
        "responses[0].partners.hse: respondent \"r1\", agency \"hse\": given twice"
    );
}

#[test]
fn a_response_may_carry_only_answers_about_the_network() {
    for answers in [
        json!({"partners": {"hse": "none"}}),
        json!({"trust": {"garda": 2}}),
        json!({"perceived_level": "none"}),
    ] {
        let mut response = json!({"respondent": "r1", "agency": "cfa", "role": "manager"});
        for (k, v) in answers.as_object().unwrap() {
            response[k] = v.clone();
        }
        let a = Assessment::from_json(&with_response(&response)).unwrap();
        // Written back, the response reads the same.
        let text = serde_json::to_string(&a).unwrap();
        assert_eq!(Assessment::from_json(&text).unwrap(), a);
        let r = &a.responses()[0];
        let partners: BTreeMap<String, PartnerLevel> = r.partners.clone();
        assert_eq!(partners.is_empty(), answers.get("partners").is_none());
    }
}

#[cfg(feature = "html")]
#[test]
fn every_format_shows_the_matrix() {
    let report = support::example("early-years-network-2027").gap_analysis(None);
    let markdown = report.markdown().to_string();
    assert!(markdown.contains("## Who works with whom\n"));
    assert!(markdown.contains("| 1 | Public Health Nursing | \u{2014} | 3 | 1 | 3! |\n"));
    assert!(markdown.contains(
        "| 4 | Tusla Prevention, Partnership and Family Support | 1! | \u{b7} | 1 | \u{2014} |\n"
    ));
    assert!(markdown.contains("**!** the pair's answers are two levels or more apart"));
    assert!(markdown.contains(
        "4 of 7 respondents see the partnership at coordination (the middle answer); the ratings sustain collaboration."
    ));
    let html = report.html().to_string();
    assert!(html.contains("<table class=\"matrix\">"));
    assert!(html.contains("<th scope=\"col\"><abbr title=\"Public Health Nursing\">1</abbr></th>"));
    assert!(html.contains("<th scope=\"row\">1. Public Health Nursing</th>"));
    assert!(html.contains("<td class=\"cell l3 disputed\" title=\"coordination\">3!</td>"));
    // The page shows the table; its chart leaves the matrix out.
    assert!(!html.contains("ia-matrix"));
    let svg = report.svg().to_string();
    assert!(svg.contains("<g class=\"ia-matrix\">"));
    // Twelve answered cells and four of the agencies' own.
    assert_eq!(
        svg.matches("<rect class=\"ia-cell ia-cell-").count(),
        12 + 4 + 6
    );
    assert_eq!(svg.matches("ia-cell-self").count(), 4 + 1);
    assert!(svg.contains("<title>1 about 4: coordination</title>"));
    // Without answers about the network, no section.
    let plain = support::example("integrated-family-centre").gap_analysis(None);
    assert!(!plain.markdown().to_string().contains("Who works with whom"));
    assert!(!plain.html().to_string().contains("id=\"network\""));
    assert!(!plain.svg().to_string().contains("ia-matrix"));
}

/// A report read back must have a perceived level whose figures follow
/// from its counts: no page can then say "0 of 0 respondents".
#[test]
fn a_perceived_level_read_back_is_checked() {
    let report = support::example("child-protection-hub").gap_analysis(None);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        serde_json::from_value::<interagency::GapReport>(json.clone()).unwrap(),
        report
    );
    let refused = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut json = json.clone();
        change(&mut json["perceived"]);
        serde_json::from_value::<interagency::GapReport>(json)
            .unwrap_err()
            .to_string()
    };
    let zeros = json!({"none": 0, "cooperation": 0, "collaboration": 0, "coordination": 0, "integration": 0});
    for change in [
        &(|p: &mut serde_json::Value| p["counts"] = zeros.clone())
            as &dyn Fn(&mut serde_json::Value),
        &|p| p["median"] = json!("integration"),
        &|p| p["median"] = json!(null),
        &|p| p["difference"] = json!(0),
        &|p| p["overestimates"] = json!(false),
        &|p| p["achieved"] = json!("integration"),
        // Consistent in itself, but not the classification's level.
        &|p| {
            p["achieved"] = json!("cooperation");
            p["difference"] = json!(2);
        },
    ] {
        assert!(refused(change).starts_with("perceived: the median"));
    }
}

/// Respondents who give the level they see but no answer about other
/// agencies: the page has no matrix, but says how they see the partnership.
#[test]
fn a_perceived_level_without_a_network_is_still_shown() {
    let agencies = vec![Agency::new("a", "A"), Agency::new("b", "B")];
    let mut r = Response::new("r", "a", Role::Manager);
    r.facilitators.insert(
        interagency::Facilitator::Leadership,
        interagency::Rating::new(4).unwrap(),
    );
    r.perceived_level = Some(Level::Coordination.into());
    let report = support::assemble("N", None, agencies, [], vec![r])
        .unwrap()
        .gap_analysis(None);
    assert!(report.network.is_none());
    let sentence = "1 of 1 respondent sees the partnership at coordination";
    let markdown = report.markdown().to_string();
    assert!(markdown.contains(sentence), "{markdown}");
    assert!(!markdown.contains("| Agency |"));
    #[cfg(feature = "html")]
    for text in [report.html().to_string(), report.svg().to_string()] {
        assert!(text.contains(sentence), "{text}");
    }
    // On the chart: the heading, then the sentence's lines one under the
    // other, below everything above and inside the picture.
    #[cfg(feature = "html")]
    {
        let svg = report.svg().to_string();
        let y_of = |line: &str| -> f64 {
            let at = line.find(" y=\"").unwrap() + 4;
            line[at..at + line[at..].find('"').unwrap()]
                .parse()
                .unwrap()
        };
        let lines: Vec<&str> = svg.lines().collect();
        let heading = lines
            .iter()
            .position(|l| l.contains(">The partnership as its members see it<"))
            .unwrap();
        let ys: Vec<f64> = lines[heading..lines.len() - 1]
            .iter()
            .map(|l| y_of(l))
            .collect();
        assert_eq!(ys.len(), 3, "{svg}");
        assert!(
            ys.windows(2)
                .all(|w| w[1] >= w[0] + 17.0 && w[1] <= w[0] + 24.0),
            "{ys:?}"
        );
        let above = lines[..heading]
            .iter()
            .filter(|l| l.contains(" y=\""))
            .map(|l| y_of(l))
            .fold(0.0, f64::max);
        assert!(
            ys[0] >= above + 30.0 && ys[0] <= above + 60.0,
            "{ys:?} after {above}"
        );
        let height = y_of(&lines[0].replace("height=", "y="));
        assert!(ys[2] < height && height <= ys[2] + 40.0, "{height}");
    }
}

#[cfg(feature = "html")]
#[test]
fn agency_names_are_escaped_in_the_matrix() {
    let hostile = "<script>alert(1)</script> & *Co* | \"x\"";
    let agencies = vec![Agency::new("a", hostile), Agency::new("b", "B")];
    let mut r = Response::new("r", "a", Role::Manager);
    r.partners.insert("b".into(), Level::Integration.into());
    let report = support::assemble("N", None, agencies, [], vec![r])
        .unwrap()
        .gap_analysis(None);
    let markdown = report.markdown().to_string();
    assert!(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\*Co\\* \\| \"x\""));
    for text in [
        markdown,
        report.html().to_string(),
        report.svg().to_string(),
    ] {
        assert!(!text.contains("<script>"));
    }
}

/// The same answers from survey exports.
#[cfg(feature = "csv")]
mod survey {
    use super::{Assessment, PartnerLevel, Trust, level, support};

    /// A CSV cell: quoted when it must be.
    fn cell(text: &str) -> String {
        if text.contains([',', '"', '\n']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_owned()
        }
    }

    /// `assessment` written as the crate's CSV template for its partnership,
    /// answers about other agencies included, levels and trust as words.
    fn as_template_csv(assessment: &Assessment) -> String {
        let partnership = assessment.as_partnership();
        let header = interagency::SurveyTemplate::for_partnership(partnership).header();
        let mut out = header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(",") + "\r\n";
        for r in assessment.responses() {
            let mut row = vec![
                r.respondent.clone(),
                r.agency.clone(),
                r.role.id().to_owned(),
            ];
            for f in interagency::Facilitator::iter() {
                row.push(
                    r.facilitators
                        .get(f)
                        .map_or(String::new(), |x| x.to_string()),
                );
            }
            for o in interagency::Obstacle::iter() {
                row.push(r.obstacles.get(o).map_or(String::new(), |x| x.to_string()));
            }
            for a in partnership.agencies() {
                row.push(
                    r.partners
                        .get(&a.id)
                        .map_or(String::new(), |l| l.name().to_owned()),
                );
            }
            for a in partnership.agencies() {
                row.push(r.trust.get(&a.id).map_or(String::new(), |t| {
                    Trust::LABELS[usize::from(t.get()) - 1].to_owned()
                }));
            }
            row.push(
                r.perceived_level
                    .map_or(String::new(), |l| l.name().to_owned()),
            );
            out += &(row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",") + "\r\n");
        }
        out
    }

    #[test]
    fn the_same_answers_from_csv_give_the_same_report() {
        for name in ["early-years-network", "early-years-network-2027"] {
            let json = support::example(name);
            let csv = as_template_csv(&json);
            let (partnership, _) = json.clone().into_parts();
            let read = partnership
                .with_responses_from_csv(&csv, &interagency::SurveyOptions::new())
                .unwrap();
            assert_eq!(read, json, "{name}");
            assert_eq!(
                serde_json::to_string(&read.gap_analysis(None)).unwrap(),
                serde_json::to_string(&json.gap_analysis(None)).unwrap()
            );
        }
    }

    fn northside() -> interagency::Partnership {
        interagency::Partnership::from_json(
            r#"{"partnership": "Northside", "characteristics": [],
                "agencies": [{"id": "cfa", "name": "Child and Family Agency"},
                             {"id": "hse", "name": "Community Health"},
                             {"id": "garda", "name": "Garda"}]}"#,
        )
        .unwrap()
    }

    fn from_csv(csv: &str) -> interagency::Result<Assessment> {
        northside().with_responses_from_csv(csv, &interagency::SurveyOptions::new())
    }

    #[test]
    fn grids_of_every_tool_read_the_same() {
        let want = |a: &Assessment| {
            let r = &a.responses()[0];
            assert_eq!(r.partners.len(), 2, "{r:?}");
            assert_eq!(r.partners["hse"], level("coordination"));
            assert_eq!(r.partners["garda"], PartnerLevel::NONE);
            assert_eq!(r.trust["hse"].get(), 3);
            assert_eq!(r.perceived_level, Some(level("collaboration")));
        };
        // Google Forms: `Title [Agency]`; the respondent's own agency answered
        // and skipped.
        want(&from_csv(
            "Timestamp,Which agency?,Role,Working with [Child and Family Agency],Working with [Community Health],Working with [Garda],Trust [Community Health],Perceived level\r\n\
             2026/03/01 9:12:00 AM GMT,cfa,Manager,Integration,Coordination,No joint work,Mostly,Collaboration\r\n"
                .replace("Which agency?", "agency")
                .replace(",Role,", ",role,")
                .as_str(),
        ).unwrap());
        // Qualtrics: the question text `Title - Agency`.
        want(&from_csv(
            "ResponseId,Q1,Q2,Q5_1,Q5_2,Q6_1,Q7\r\n\
             Response ID,agency,role,Working with - Community Health,Working with - Garda,Trust - Community Health,Perceived level\r\n\
             {\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID1\"},{\"ImportId\":\"QID2\"},{\"ImportId\":\"QID5_1\"},{\"ImportId\":\"QID5_2\"},{\"ImportId\":\"QID6_1\"},{\"ImportId\":\"QID7\"}\r\n\
             R_1,Child and Family Agency,Manager,coordination,none,3,collaboration\r\n",
        ).unwrap());
        // SurveyMonkey: the question over its first column only.
        want(
            &from_csv(
                "Respondent ID,agency,role,Working with,,Trust,,Perceived level\r\n\
             ,Response,Response,Community Health,Garda,Community Health,Garda,Response\r\n\
             114,cfa,Manager,Coordination,No joint work,A little,,Collaboration\r\n"
                    .replace("A little", "Mostly")
                    .as_str(),
            )
            .unwrap(),
        );
    }

    #[test]
    fn survey_answers_that_cannot_be_taken_name_the_line_and_column() {
        let header = "respondent,agency,role,Working with: hse,Trust: Garda,Perceived level\n";
        for (row, expected) in [
            (
                "r1,cfa,manager,sometimes,,\n",
                "line 2, column Working with: hse: \"sometimes\" is not a level of joint work; expected No joint work (none), cooperation, collaboration, coordination or integration",
            ),
            (
                "r1,cfa,manager,,5,\n",
                "line 2, column Trust: Garda: \"5\" is not a trust answer; expected 1 to 4, or Not at all, A little, Mostly, Completely",
            ),
            (
                "r1,cfa,manager,,,great\n",
                "line 2, column Perceived level: \"great\" is not a level of joint work; expected No joint work (none), cooperation, collaboration, coordination or integration",
            ),
        ] {
            assert_eq!(
                from_csv(&(header.to_owned() + row))
                    .unwrap_err()
                    .to_string(),
                expected
            );
        }
        assert_eq!(
            from_csv("respondent,agency,role,Working with: Tusla\nr1,cfa,manager,none\n")
                .unwrap_err()
                .to_string(),
            "line 1, column Working with: Tusla: names agency \"Tusla\", which is not among the agencies"
        );
        // Only answers about the network: a response all the same.
        let a = from_csv(&(header.to_owned() + "r1,cfa,manager,,,none\nr2,hse,manager,,,\n"));
        assert_eq!(
            a.unwrap_err().to_string(),
            "line 3: respondent \"r2\" gives no rating; at least one facilitator or obstacle rating is needed (or an answer about another agency, or a perceived level)"
        );
        let a = from_csv(&(header.to_owned() + "r1,cfa,manager,,,none\n")).unwrap();
        assert_eq!(a.responses()[0].perceived_level, Some(PartnerLevel::NONE));
        // An answer about the respondent's own agency is skipped, not an error.
        let a = from_csv("respondent,agency,role,Working with: cfa,Working with: hse\nr1,cfa,manager,integration,cooperation\n").unwrap();
        assert_eq!(
            a.responses()[0].partners.keys().collect::<Vec<_>>(),
            ["hse"]
        );
    }

    #[cfg(feature = "xlsx")]
    #[test]
    fn trust_as_numbers_in_a_spreadsheet_cell() {
        // A number cell: whole numbers 1 to 4 only. Exercised through the
        // text path, which a CSV cell shares.
        for (answer, ok) in [
            ("4", true),
            ("4.0", false),
            ("0", false),
            ("Completely", true),
        ] {
            let csv = format!("respondent,agency,role,Trust: hse\nr1,cfa,manager,{answer}\n");
            assert_eq!(from_csv(&csv).is_ok(), ok, "{answer}");
        }
    }
}

/// The sentences on isolated, silent and missing agencies follow the
/// network's figures, before the pairs that disagree, in both pages.
#[test]
fn the_agencies_sentences_come_before_the_disagreeing_pairs() {
    let report = support::example("child-protection-hub").gap_analysis(None);
    #[cfg_attr(not(feature = "html"), allow(unused_mut))]
    let mut pages = vec![report.markdown().to_string()];
    #[cfg(feature = "html")]
    pages.push(report.html().to_string());
    for page in pages {
        let said = page
            .find("Every agency had at least one respondent.")
            .unwrap();
        let pairs = page.find("Pairs that see their work differently").unwrap();
        let figures = page.find("Ties returned (reciprocity)").unwrap();
        assert!(figures < said && said < pairs, "{figures} {said} {pairs}");
    }
}
