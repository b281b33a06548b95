//! How sure each figure is: spread, agreement, intervals, the bands and
//! levels they allow, intraclass correlations and changes beyond the
//! noise, worked by hand on small documents.

#![allow(clippy::float_cmp)] // exact fractions written as the nearest f64
#![allow(clippy::excessive_precision)] // values as worked out to 17 digits

use interagency::report::{AgreementLevel, Interval, LevelRange};
use interagency::{
    Assessment, Facilitator as F, FacilitatorBand as FB, Level, Obstacle as O, ObstacleBand as OB,
    Rubric,
};
use serde_json::{Value, json};

use crate::support;

/// An assessment of agencies `a` and `b` whose respondents rate
/// leadership: one respondent per rating, `ratings[i]` for agency `i`.
fn leadership(ratings: &[&[u8]]) -> Assessment {
    let mut responses = Vec::new();
    for (agency, list) in ["a", "b", "c"].iter().zip(ratings) {
        for rating in *list {
            responses.push(json!({"respondent": format!("r{}", responses.len()),
                "agency": agency, "role": "frontline",
                "facilitators": {"leadership": rating}}));
        }
    }
    serde_json::from_value(json!({
        "partnership": "Test",
        "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
        "characteristics": [],
        "responses": responses,
    }))
    .unwrap()
}

#[track_caller]
fn close(actual: Option<f64>, expected: f64, within: f64) {
    let actual = actual.unwrap_or_else(|| panic!("expected {expected}, got null"));
    assert!(
        (actual - expected).abs() <= within,
        "{actual} is not within {within} of {expected}"
    );
}

#[test]
fn spread_agreement_and_interval_by_hand() {
    // a: 2, 4, 4, 4, 1; b: 3, 3, 5, 5, 3 (no group under 5, so nothing is
    // hidden). All ten: s² = 8/5, r_wg = 1 − 4/5 = 1/5. Mean (3 + 19/5)/2
    // = 17/5. SSW = 64/5 over df = 8, Σ 1/n = 2/5: SE = sqrt(8/5 · 2/5)/2
    // = 0.4; t(0.975; 8) = 2.3060041352041667.
    let c = leadership(&[&[2, 4, 4, 4, 1], &[3, 3, 5, 5, 3]]).classify();
    let r = c.result(F::Leadership);
    assert_eq!(r.mean, Some(3.4));
    close(r.sd, 1.264_911_064_067_351_7, 1e-12);
    assert_eq!(r.agreement, Some(0.2));
    assert_eq!(r.agreement_level, AgreementLevel::Lacking);
    let Interval { lower, upper } = r.interval.unwrap();
    close(Some(lower), 2.477_598_345_918_333_3, 1e-9);
    close(Some(upper), 4.322_401_654_081_666_7, 1e-9);
    assert_eq!(
        r.plausible_bands.iter().collect::<Vec<_>>(),
        [FB::Concern, FB::Borderline, FB::Strength]
    );
    // Another confidence, another width: t(0.995; 8) = 3.3553873313333957.
    let wide = Rubric::DEFAULT.with_confidence(0.99).unwrap();
    let c = wide.classify(&leadership(&[&[2, 4, 4, 4, 1], &[3, 3, 5, 5, 3]]));
    let i = c.result(F::Leadership).interval.unwrap();
    close(Some(i.lower), 3.4 - 3.355_387_331_333_395_7 * 0.4, 1e-9);
}

#[test]
fn a_hidden_group_hides_the_spread_but_not_the_interval() {
    // a: 2, 4 (hidden: fewer than 5); b: 3, 3, 5. Mean 10/3; SSW = 14/3
    // over df 3; SE = sqrt(14/9 · 5/6)/2; t(0.975; 3) = 3.1824463052837096:
    // [1.5216460774693221, 5.1450205891973445], the top clamped to 5.
    let a = leadership(&[&[2, 4], &[3, 3, 5]]);
    let r = *a.classify().result(F::Leadership);
    assert_eq!((r.sd, r.agreement), (None, None));
    assert_eq!(r.agreement_level, AgreementLevel::Unknown);
    let i = r.interval.unwrap();
    close(Some(i.lower), 1.521_646_077_469_322_1, 1e-9);
    assert_eq!(i.upper, 5.0);
    let v = a.voices();
    let voices = v.of(F::Leadership);
    assert_eq!((voices.icc1, voices.icc2), (None, None));
    // No group of the item carries a spread: not the role group, which
    // with the mean would give the hidden agencies away.
    let text = serde_json::to_value(voices).unwrap();
    for group in text["by_agency"]
        .as_array()
        .unwrap()
        .iter()
        .chain(text["by_role"].as_array().unwrap())
    {
        assert!(
            group.get("sd").is_none() && group.get("agreement").is_none(),
            "{group}"
        );
    }
    // With a smallest group of 3, b shows; a is hidden, so b is too
    // (complementary suppression), and nothing of the spread is shown.
    let three = Rubric::DEFAULT
        .with_privacy(interagency::rubric::Privacy { min_group_size: 3 })
        .unwrap();
    let r = *three.classify(&a).result(F::Leadership);
    assert_eq!(r.sd, None);
    // Without a hidden group the same ratings publish everything: s² =
    // 13/10, r_wg = 7/20; ICC(1) = −23/61, ICC(2) = −23/12 (Bliese 2000,
    // n0 = 12/5).
    let two = leadership(&[&[2, 4, 2, 4, 2], &[3, 3, 5, 3, 3]]);
    assert!(two.classify().result(F::Leadership).sd.is_some());
}

#[test]
fn intraclass_correlations_by_hand() {
    // Every group shown (5 ratings each): a: 2, 4, 4, 4, 1; b: 3, 3, 5,
    // 5, 3. M = 17/5, MSB = 5(3 − 17/5)² + 5(19/5 − 17/5)² = 8/5 = MSW:
    // both correlations exactly 0.
    let v = leadership(&[&[2, 4, 4, 4, 1], &[3, 3, 5, 5, 3]]).voices();
    let l = v.of(F::Leadership);
    assert_eq!((l.icc1, l.icc2), (Some(0.0), Some(0.0)));
    // a: 1, 1, 1, 2, 1; b: 5, 5, 4, 5, 5. M = 3, MSB = 5·1.8² + 5·1.8² =
    // 32.4, MSW = (0.8 + 0.8)/8 = 0.2, n0 = 5: ICC(1) = 32.2/33.2, ICC(2)
    // = 32.2/32.4.
    let v = leadership(&[&[1, 1, 1, 2, 1], &[5, 5, 4, 5, 5]]).voices();
    let l = v.of(F::Leadership);
    close(l.icc1, 32.2 / 33.2, 1e-12);
    close(l.icc2, 32.2 / 32.4, 1e-12);
    // Groups with their own spread: a's s² = 0.2, r_wg = 0.9 (strong, not
    // very strong: the cut-off is exclusive, decided exactly).
    let a = serde_json::to_value(&l.by_agency[0]).unwrap();
    assert_eq!(a["agreement"], json!(0.9));
    close(a["sd"].as_f64(), 0.2_f64.sqrt(), 1e-12);
    // Identical ratings within every agency and alike agency means: no
    // ICC(1) (0/0) and no ICC(2).
    let v = leadership(&[&[3, 3, 3, 3, 3], &[3, 3, 3, 3, 3]]).voices();
    let l = v.of(F::Leadership);
    assert_eq!((l.icc1, l.icc2), (None, None));
    // Identical within, different between: both 1.
    let v = leadership(&[&[3, 3, 3, 3, 3], &[4, 4, 4, 4, 4]]).voices();
    let l = v.of(F::Leadership);
    assert_eq!((l.icc1, l.icc2), (Some(1.0), Some(1.0)));
    // One agency, or no agency with two ratings: none.
    let v = leadership(&[&[3, 3, 3, 4, 3]]).voices();
    assert_eq!(v.of(F::Leadership).icc1, None);
}

#[test]
fn agreement_levels_at_the_cut_offs_are_exact() {
    // 3, 3, 3, 3, 4: s² = 1/5, r_wg = 9/10 exactly: `strong`.
    let r = *leadership(&[&[3, 3, 3, 3, 4]])
        .classify()
        .result(F::Leadership);
    assert_eq!(r.agreement, Some(0.9));
    assert_eq!(r.agreement_level, AgreementLevel::Strong);
    // 1, 2, 3 (all in one agency): s² = 1, r_wg = 1/2: `weak`.
    let r = *leadership(&[&[1, 2, 3, 1, 2, 3]])
        .classify()
        .result(F::Leadership);
    assert_eq!(r.agreement_level, AgreementLevel::Moderate);
    let rubric = Rubric::DEFAULT
        .with_privacy(interagency::rubric::Privacy { min_group_size: 3 })
        .unwrap();
    let r = *rubric
        .classify(&leadership(&[&[1, 2, 3]]))
        .result(F::Leadership);
    assert_eq!(r.agreement, Some(0.5));
    assert_eq!(r.agreement_level, AgreementLevel::Weak);
    // 1 and 5: s² = 8, below zero before the clamp: 0, `lacking`.
    let r = *rubric
        .classify(&leadership(&[&[1, 5, 1, 5]]))
        .result(F::Leadership);
    assert_eq!(r.agreement, Some(0.0));
    assert_eq!(r.agreement_level, AgreementLevel::Lacking);
    // All alike: 1, `very_strong`, and an interval of no width.
    let r = *leadership(&[&[4, 4, 4, 4, 4]])
        .classify()
        .result(F::Leadership);
    assert_eq!((r.sd, r.agreement), (Some(0.0), Some(1.0)));
    assert_eq!(r.agreement_level, AgreementLevel::VeryStrong);
    assert_eq!(
        r.interval,
        Some(Interval {
            lower: 4.0,
            upper: 4.0
        })
    );
    assert_eq!(r.plausible_bands.iter().collect::<Vec<_>>(), [FB::Strength]);
    for (r, level) in [
        (0.95, AgreementLevel::VeryStrong),
        (0.9, AgreementLevel::Strong),
        (0.7, AgreementLevel::Moderate),
        (0.5, AgreementLevel::Weak),
        (0.3, AgreementLevel::Lacking),
    ] {
        assert_eq!(AgreementLevel::of(Some(r)), level, "{r}");
    }
}

#[test]
fn null_cases() {
    // One rating: no spread, no interval, every band plausible.
    let c = leadership(&[&[4]]).classify();
    let r = c.result(F::Leadership);
    assert_eq!((r.sd, r.agreement, r.interval), (None, None, None));
    assert_eq!(r.plausible_bands.iter().count(), 3);
    // One rating per agency: df = 0, no interval, though the spread over
    // all ratings is known (no hidden group under a rubric that shows
    // groups of one? the smallest group is 3, so it stays hidden).
    let r = *leadership(&[&[4], &[2]]).classify().result(F::Leadership);
    assert_eq!(r.interval, None);
    // Nobody: no bands at all.
    let r = *c.result(O::Conflict);
    assert!(r.plausible_bands.is_empty());
    assert_eq!(r.plausible_bands.lowest(), None::<OB>);
    assert_eq!(
        c.achieved_level_range,
        LevelRange {
            lowest: None,
            highest: None
        }
    );
}

#[test]
fn the_examples_show_wide_and_narrow_intervals() {
    let later = support::example("early-years-network-2027").classify();
    assert_eq!(later.achieved_level, Some(Level::Collaboration));
    assert_eq!(
        later.achieved_level_range,
        LevelRange {
            lowest: Some(Level::Cooperation),
            highest: Some(Level::Collaboration)
        }
    );
    let hub = support::example("child-protection-hub").classify();
    assert_eq!(
        hub.achieved_level_range,
        LevelRange {
            lowest: hub.achieved_level,
            highest: hub.achieved_level
        }
    );
    // Leadership in the early-years network: two ratings, one agency
    // hidden; a single rating for staff relationship opportunities.
    let r = later.result(F::Leadership);
    assert_eq!((r.responses, r.interval), (2, None));
    assert_eq!(
        later.result(F::StaffRelationshipOpportunities).interval,
        None
    );
}

#[test]
fn exact_fractions_are_written_as_their_nearest_f64() {
    // The hub's clarity of purpose: ICC(1) = 2/5, ICC(2) = 4/5; its
    // leadership: −29/190 and −58/15, and r_wg = 67/368.
    let hub = support::example("child-protection-hub");
    let v = hub.voices();
    let clarity = v.of(F::ClarityOfPurposeAndRoles);
    assert_eq!((clarity.icc1, clarity.icc2), (Some(0.4), Some(0.8)));
    let leadership = v.of(F::Leadership);
    assert_eq!(
        (leadership.icc1, leadership.icc2),
        (Some(-29.0 / 190.0), Some(-58.0 / 15.0))
    );
    let c = hub.classify();
    assert_eq!(c.result(F::Leadership).agreement, Some(67.0 / 368.0));
    // An interval ending exactly on a threshold reaches the band above it
    // only: collaboration fatigue, 3 and 3, is [3, 3], `moderate` alone.
    let fatigue = c.result(O::CollaborationFatigue);
    assert_eq!(
        fatigue.interval,
        Some(Interval {
            lower: 3.0,
            upper: 3.0
        })
    );
    assert_eq!(
        fatigue.plausible_bands.iter().collect::<Vec<_>>(),
        [OB::Moderate]
    );
    // A mean below the middle band whose interval reaches into it.
    let later = support::example("early-years-network-2027").classify();
    assert_eq!(
        later
            .result(O::TimeNotPrioritised)
            .plausible_bands
            .iter()
            .collect::<Vec<_>>(),
        [OB::Minor, OB::Moderate]
    );
    assert_eq!(
        later
            .result(F::GoodCommunication)
            .plausible_bands
            .iter()
            .collect::<Vec<_>>(),
        [FB::Borderline, FB::Strength]
    );
}

#[test]
fn classification_reads_back() {
    for name in ["early-years-network-2027", "child-protection-hub"] {
        let c = support::example(name).classify();
        let text = serde_json::to_string(&c).unwrap();
        let back: interagency::Classification = serde_json::from_str(&text).unwrap();
        assert_eq!(back, c);
    }
    let c = support::example("child-protection-hub").classify();
    let mut v: Value = serde_json::to_value(c).unwrap();
    v["facilitators"][0]["plausible_bands"] = json!(["borderline", "concern"]);
    let err = serde_json::from_value::<interagency::Classification>(v).unwrap_err();
    assert!(
        err.to_string().contains("bands are listed lowest first"),
        "{err}"
    );
}

#[test]
fn a_change_within_the_noise_by_hand() {
    // Earlier: mean 3.4, SE 0.4, df 8 (above). Later: a 4, 4, 4, 4, 5; b
    // all 4: mean 4.1, SSW 4/5 over df 8, SE = sqrt(0.1 · 0.4)/2 = 0.1.
    // SE_d = sqrt(0.17), df_d = 0.17² / (0.4⁴/8 + 0.1⁴/8) =
    // 8.9961089494163424, t = 2.2623063208400742: the rise of 0.7 lies in
    // [−0.23277279183261025, 1.6327727918326102], not clear of 0.
    let earlier = leadership(&[&[2, 4, 4, 4, 1], &[3, 3, 5, 5, 3]]);
    let later = leadership(&[&[4, 4, 4, 4, 5], &[4, 4, 4, 4, 4]]);
    let p = later.progress_since(&earlier, None).unwrap();
    let c = p.change(F::Leadership);
    close(c.change, 0.7, 1e-12);
    let i = c.change_interval.unwrap();
    close(Some(i.lower), -0.232_772_791_832_610_25, 1e-9);
    close(Some(i.upper), 1.632_772_791_832_610_2, 1e-9);
    assert_eq!(c.clear_change, Some(false));
    // From all 2 to all 4 in every agency: no spread, [2, 2], clear.
    let earlier = leadership(&[&[2, 2, 2, 2, 2], &[2, 2, 2, 2, 2]]);
    let later = leadership(&[&[4, 4, 4, 4, 4], &[4, 4, 4, 4, 4]]);
    let p = later.progress_since(&earlier, None).unwrap();
    let c = p.change(F::Leadership);
    assert_eq!(
        c.change_interval,
        Some(Interval {
            lower: 2.0,
            upper: 2.0
        })
    );
    assert_eq!(c.clear_change, Some(true));
    // A round without an interval: none for the change.
    let c = p.change(F::GoodCommunication);
    assert_eq!((c.change_interval, c.clear_change), (None, None));
    let once = leadership(&[&[4], &[4]]);
    let p = once.progress_since(&earlier, None).unwrap();
    assert_eq!(p.change(F::Leadership).clear_change, None);
}

/// The figures against an independent computation: exact fractions for
/// `r_wg`, the variances and the intraclass correlations, statrs for the
/// quantile, over random partnerships of 1 to 30 agencies of 0 to 8
/// ratings each, with smallest groups of 3 to 6.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::too_many_lines,
    reason = "counts of a few hundred ratings; one property spelled out"
)]
mod independent {
    use super::*;
    use interagency::rubric::Privacy;
    use num_rational::BigRational;
    use num_traits::{ToPrimitive, Zero};
    use proptest::prelude::*;
    use statrs::distribution::{ContinuousCDF, StudentsT};

    fn q(n: i64, d: i64) -> BigRational {
        BigRational::new(n.into(), d.into())
    }

    fn float(x: &BigRational) -> f64 {
        x.to_f64().unwrap()
    }

    /// One partnership's ratings of leadership, by agency.
    fn agencies() -> impl Strategy<Value = Vec<Vec<u8>>> {
        let agency = prop_oneof![
            1 => Just(Vec::new()),
            1 => (1u8..=5).prop_flat_map(|r| proptest::collection::vec(Just(r), 1..=8)),
            4 => proptest::collection::vec(1u8..=5, 1..=8),
        ];
        proptest::collection::vec(agency, 2..=30)
    }

    fn document(ratings: &[Vec<u8>]) -> Assessment {
        let mut responses = Vec::new();
        let mut listed = Vec::new();
        for (i, list) in ratings.iter().enumerate() {
            listed.push(json!({"id": format!("a{i}"), "name": format!("A{i}")}));
            for rating in list {
                responses.push(json!({"respondent": format!("r{}", responses.len()),
                    "agency": format!("a{i}"), "role": "frontline",
                    "facilitators": {"leadership": rating}}));
            }
        }
        serde_json::from_value(json!({"partnership": "P", "agencies": listed,
            "characteristics": [], "responses": responses}))
        .unwrap()
    }

    #[track_caller]
    fn near(actual: Option<f64>, expected: Option<f64>, within: f64) {
        match (actual, expected) {
            (Some(a), Some(e)) => assert!(
                (a - e).abs() <= within * e.abs().max(1.0),
                "{a} is not within {within} of {e}"
            ),
            _ => assert_eq!(actual, expected),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn figures_match_exact_arithmetic(
            mut ratings in agencies(),
            k in 3u32..=6,
            shown in any::<bool>(),
        ) {
            if shown {
                // Every group large enough to show: no hidden group.
                for list in ratings.iter_mut().filter(|l| !l.is_empty()) {
                    let mut i = 0;
                    while list.len() < 6 {
                        list.push(list[i]);
                        i += 1;
                    }
                }
            }
            let rubric = Rubric::DEFAULT.with_privacy(Privacy { min_group_size: k }).unwrap();
            let a = document(&ratings);
            let c = rubric.classify(&a);
            let r = c.result(F::Leadership);
            let v = rubric.voices(&a);
            let voices = v.of(F::Leadership);

            let rated: Vec<&Vec<u8>> = ratings.iter().filter(|l| !l.is_empty()).collect();
            let all: Vec<i64> = rated.iter().flat_map(|l| l.iter().map(|&x| i64::from(x))).collect();
            let n = i64::try_from(all.len()).unwrap();
            let g = i64::try_from(rated.len()).unwrap();
            let hidden = rated.iter().any(|l| l.len() < k as usize);
            let total: i64 = all.iter().sum();
            let mean_all = q(total, n.max(1));
            let means: Vec<BigRational> = rated
                .iter()
                .map(|l| q(l.iter().map(|&x| i64::from(x)).sum(), i64::try_from(l.len()).unwrap()))
                .collect();
            let ssw: BigRational = rated.iter().zip(&means).map(|(l, m)| {
                l.iter().map(|&x| (q(i64::from(x), 1) - m) * (q(i64::from(x), 1) - m))
                    .fold(BigRational::zero(), |s, t| s + t)
            }).fold(BigRational::zero(), |s, t| s + t);

            // sd and agreement.
            if hidden || n < 2 {
                prop_assert_eq!((r.sd, r.agreement), (None, None));
                prop_assert_eq!(r.agreement_level, AgreementLevel::Unknown);
            } else {
                let s2 = all.iter().map(|&x| (q(x, 1) - &mean_all) * (q(x, 1) - &mean_all))
                    .fold(BigRational::zero(), |s, t| s + t) / q(n - 1, 1);
                near(r.sd, Some(float(&s2).sqrt()), 1e-9);
                let mut rwg = q(1, 1) - &s2 / q(2, 1);
                if rwg < BigRational::zero() {
                    rwg = BigRational::zero();
                }
                prop_assert_eq!(r.agreement, Some(float(&rwg)));
                let level = if rwg > q(9, 10) { AgreementLevel::VeryStrong }
                    else if rwg > q(7, 10) { AgreementLevel::Strong }
                    else if rwg > q(5, 10) { AgreementLevel::Moderate }
                    else if rwg > q(3, 10) { AgreementLevel::Weak }
                    else { AgreementLevel::Lacking };
                prop_assert_eq!(r.agreement_level, level);
            }

            // The interval.
            let df = n - g;
            if g == 0 || df < 1 {
                prop_assert_eq!(r.interval, None);
            } else {
                let mean = r.mean.unwrap();
                let inverse: f64 = rated.iter().map(|l| 1.0 / l.len() as f64).sum();
                let se = (float(&ssw) / df as f64 * inverse).sqrt() / g as f64;
                let t = StudentsT::new(0.0, 1.0, df as f64).unwrap().inverse_cdf(0.975);
                let i = r.interval.unwrap();
                if ssw.is_zero() {
                    prop_assert_eq!((i.lower, i.upper), (mean, mean));
                }
                near(Some(i.lower), Some((mean - t * se).max(1.0)), 1e-9);
                near(Some(i.upper), Some((mean + t * se).min(5.0)), 1e-9);
                prop_assert!(r.plausible_bands.contains(r.band));
            }
            let range = c.achieved_level_range;
            prop_assert!(range.lowest <= c.achieved_level && c.achieved_level <= range.highest);

            // The intraclass correlations.
            if hidden || g < 2 || df < 1 {
                prop_assert_eq!((voices.icc1, voices.icc2), (None, None));
            } else {
                let msb = rated.iter().zip(&means).map(|(l, m)| {
                    q(i64::try_from(l.len()).unwrap(), 1) * (m - &mean_all) * (m - &mean_all)
                }).fold(BigRational::zero(), |s, t| s + t) / q(g - 1, 1);
                let msw = &ssw / q(df, 1);
                let squares: i64 = rated.iter().map(|l| i64::try_from(l.len() * l.len()).unwrap()).sum();
                let n0 = (q(n, 1) - q(squares, n)) / q(g - 1, 1);
                let denominator = &msb + (n0 - q(1, 1)) * &msw;
                let icc1 = (!denominator.is_zero()).then(|| float(&((&msb - &msw) / &denominator)));
                let icc2 = (!msb.is_zero()).then(|| float(&((&msb - &msw) / &msb)));
                near(voices.icc1, icc1, 1e-9);
                near(voices.icc2, icc2, 1e-9);
            }
            // Group spreads: shown groups of two or more only; role groups
            // never beside a hidden agency.
            for (group, list) in voices.by_agency.iter().zip(&ratings) {
                let shown = !group.is_hidden() && list.len() >= 2;
                prop_assert_eq!(group.sd().is_some(), shown);
            }
            let frontline = &voices.by_role[0];
            prop_assert_eq!(
                frontline.sd().is_some(),
                !hidden && !frontline.is_hidden() && n >= 2
            );
        }
    }
}

#[test]
fn an_interval_holds_its_ends_and_what_lies_between() {
    let interval = Interval {
        lower: 2.5,
        upper: 3.5,
    };
    for inside in [2.5, 3.0, 3.5] {
        assert!(interval.contains(inside), "{inside}");
    }
    for outside in [2.499_999, 3.500_001, -3.0, f64::NAN] {
        assert!(!interval.contains(outside), "{outside}");
    }
}

#[test]
fn plausible_bands_compare_and_print_as_their_bands() {
    use interagency::report::PlausibleBands;

    let empty = PlausibleBands::<FB>::default();
    let one = empty.with(FB::Concern);
    let two = one.with(FB::Borderline);
    assert_eq!(one, one.with(FB::Concern));
    assert_ne!(one, two);
    assert_ne!(empty, one);
    assert_eq!(format!("{two:?}"), "[Concern, Borderline]");
    assert_eq!(format!("{empty:?}"), "[]");
    assert!(empty.is_empty());
    assert!(!one.is_empty());
    let error = serde_json::from_str::<PlausibleBands<FB>>(r#""concern""#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: string \"concern\", expected a list of bands, lowest first, each at most once at line 1 column 9"
    );
    let obstacles = PlausibleBands::<OB>::default().with(OB::Major);
    assert_eq!(format!("{obstacles:?}"), "[Major]");
}

/// The sentence on the sustained level mentions facilitators without an
/// interval only when they bear on the range: those needed at a level up
/// to the one above its top.
#[test]
fn missing_intervals_are_mentioned_where_they_bear_on_the_range() {
    let rubric = Rubric::DEFAULT;
    let document = |single: F| -> Assessment {
        let mut responses = Vec::new();
        for (i, agency) in ["a", "a", "a", "b", "b", "b"].into_iter().enumerate() {
            let mut ratings = serde_json::Map::new();
            for f in rubric.facilitators_required_at(Level::Cooperation) {
                ratings.insert(f.id().to_owned(), json!([1, 3, 5][i % 3]));
            }
            if i == 0 {
                ratings.insert(single.id().to_owned(), json!(4));
            }
            responses.push(json!({"respondent": format!("r{i}"), "agency": agency,
                "role": "frontline", "facilitators": ratings}));
        }
        let characteristics: Vec<&str> = rubric
            .characteristics_up_to(Level::Integration)
            .iter()
            .map(interagency::Characteristic::id)
            .collect();
        serde_json::from_value(json!({
            "partnership": "Test",
            "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "characteristics": characteristics,
            "responses": responses,
        }))
        .unwrap()
    };
    let at = |level| {
        rubric
            .facilitators_introduced_at(level)
            .iter()
            .next()
            .unwrap()
    };
    let clause = "some facilitators have no interval";
    let near = document(at(Level::Collaboration));
    let c = near.classify();
    assert_eq!(
        c.achieved_level_range,
        LevelRange {
            lowest: None,
            highest: Some(Level::Cooperation)
        }
    );
    assert!(
        near.gap_analysis(None)
            .markdown()
            .to_string()
            .contains(clause)
    );
    let far = document(at(Level::Integration));
    assert_eq!(far.classify().achieved_level_range, c.achieved_level_range);
    assert!(
        !far.gap_analysis(None)
            .markdown()
            .to_string()
            .contains(clause)
    );
}

/// A page with an interval that is a single value says what that means; a
/// page without one does not.
#[test]
fn an_interval_of_no_width_is_explained() {
    let sentence = "An interval written as a single value (such as 4.00\u{2013}4.00) is no \
                    certainty";
    // Every agency's respondents alike: 3, 3 and 4, 4.
    let alike = leadership(&[&[3, 3], &[4, 4]]);
    let interval = alike.classify().result(F::Leadership).interval.unwrap();
    assert_eq!((interval.lower, interval.upper), (3.5, 3.5));
    assert!(
        alike
            .gap_analysis(None)
            .markdown()
            .to_string()
            .contains(sentence)
    );
    let spread = leadership(&[&[3, 4], &[4, 4]]);
    assert!(
        !spread
            .gap_analysis(None)
            .markdown()
            .to_string()
            .contains(sentence)
    );
}
