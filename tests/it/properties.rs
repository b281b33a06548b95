//! Property tests over generated assessments: determinism, round trips,
//! schema validity and the laws of the model.

#![allow(clippy::float_cmp)] // priorities must equal the sums exactly: the spec fixes the order of addition

use interagency::{
    Agency, Assessment, Characteristic, Classification, ConceptSet, Date, Facilitator, GapItem,
    GapReport, Level, Obstacle, Rating, Ratings, Response, Role, Rubric, Sector,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

/// 512 cases a property, unless `PROPTEST_CASES` says otherwise. Failing
/// cases are kept beside this file, in `properties.proptest-regressions`:
/// proptest's default would put them in `tests/proptest-regressions/`, as
/// this file sits beside the binary's `main.rs`.
pub(crate) fn config() -> Config {
    let mut config = Config {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 512;
    }
    config
}

fn rating() -> impl Strategy<Value = Rating> {
    (1u8..=5).prop_map(|r| Rating::new(r).expect("1..=5"))
}

fn ratings<T: interagency::Rated>() -> impl Strategy<Value = Ratings<T>> {
    proptest::collection::vec(proptest::option::weighted(0.6, rating()), T::COUNT).prop_map(
        |slots| {
            T::iter()
                .zip(slots)
                .filter_map(|(item, r)| r.map(|r| (item, r)))
                .collect()
        },
    )
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        Just(Role::Frontline),
        Just(Role::Manager),
        Just(Role::SeniorManager)
    ]
}

fn characteristics() -> impl Strategy<Value = Vec<Characteristic>> {
    proptest::collection::vec(any::<bool>(), Characteristic::COUNT).prop_map(|keep| {
        Characteristic::iter()
            .zip(keep)
            .filter_map(|(c, k)| k.then_some(c))
            .collect()
    })
}

/// A valid assessment: 2 to 5 agencies, up to 40 respondents.
pub(crate) fn assessment() -> impl Strategy<Value = Assessment> {
    (
        2usize..=5,
        characteristics(),
        any::<Option<(u16, u8, u8)>>(),
    )
        .prop_flat_map(|(agencies, characteristics, date)| {
            let response = (
                0..agencies,
                role(),
                ratings::<Facilitator>(),
                ratings::<Obstacle>(),
            );
            (
                Just(agencies),
                Just(characteristics),
                Just(date),
                proptest::collection::vec(response, 0..40),
            )
        })
        .prop_map(|(agencies, characteristics, date, responses)| {
            let agencies: Vec<Agency> = (0..agencies)
                .map(|i| {
                    Agency::new(format!("agency-{i}"), format!("Agency {i}"))
                        .with_sector(Sector::ALL[i % Sector::COUNT])
                })
                .collect();
            let responses: Vec<Response> = responses
                .into_iter()
                .enumerate()
                .map(|(i, (agency, role, facilitators, mut obstacles))| {
                    if facilitators.is_empty() && obstacles.is_empty() {
                        obstacles.insert(Obstacle::Conflict, Rating::MIN);
                    }
                    Response {
                        facilitators,
                        obstacles,
                        ..Response::new(format!("respondent-{i}"), format!("agency-{agency}"), role)
                    }
                })
                .collect();
            let date = date.and_then(|(y, m, d)| Date::new(y % 9999 + 1, m % 12 + 1, d % 28 + 1));
            crate::support::assemble(
                "Generated partnership",
                date,
                agencies,
                characteristics,
                responses,
            )
            .expect("generated assessments are valid")
        })
}

fn level() -> impl Strategy<Value = Level> {
    (1u8..=4).prop_map(|n| Level::from_number(n).expect("1..=4"))
}

/// A valid rubric: random levels (every level keeps a characteristic),
/// random tip links, thresholds, weights, privacy and divergence numbers.
pub(crate) fn rubric() -> impl Strategy<Value = Rubric> {
    let levels = (
        proptest::collection::vec(level(), Characteristic::COUNT),
        Just((0..Characteristic::COUNT).collect::<Vec<_>>()).prop_shuffle(),
        proptest::collection::vec(level(), Facilitator::COUNT),
        proptest::collection::vec(level(), interagency::Benefit::COUNT),
    );
    let tips = proptest::collection::vec(
        (
            proptest::collection::vec(any::<bool>(), Facilitator::COUNT),
            proptest::collection::vec(any::<bool>(), Obstacle::COUNT),
            proptest::collection::vec(any::<bool>(), Characteristic::COUNT),
        ),
        interagency::PracticeTip::COUNT,
    );
    let numbers = (
        (10u32..=45).prop_flat_map(|lower| (Just(lower), lower + 1..=50)),
        (10u32..=45).prop_flat_map(|lower| (Just(lower), lower + 1..=50)),
        (1u32..=12, 2u32..=10, 1u32..=8, 2u32..=10),
        3u32..=12,
        (1u32..=16, 1u32..=16),
    );
    (levels, tips, numbers).prop_map(|((mut c, order, f, b), tips, numbers)| {
        // The first four shuffled characteristics mark the four levels.
        for (slot, level) in order.iter().zip(Level::ALL) {
            c[*slot] = level;
        }
        let ((fl, fu), (ol, ou), (mc, fb, uf, ob), k, (spread, gap)) = numbers;
        let ids = |kind: &[&str], values: Vec<Level>| -> serde_json::Value {
            kind.iter().zip(values).map(|(k, v)| ((*k).to_owned(), serde_json::json!(v))).collect::<serde_json::Map<_, _>>().into()
        };
        let pick = |keep: &[bool], all: Vec<&str>| -> Vec<String> {
            all.into_iter().zip(keep).filter(|(_, k)| **k).map(|(id, _)| id.to_owned()).collect()
        };
        let char_ids: Vec<&str> = Characteristic::iter().map(interagency::Characteristic::id).collect();
        let fac_ids: Vec<&str> = Facilitator::iter().map(interagency::Facilitator::id).collect();
        let obs_ids: Vec<&str> = Obstacle::iter().map(interagency::Obstacle::id).collect();
        let ben_ids: Vec<&str> = interagency::Benefit::iter().map(interagency::Benefit::id).collect();
        let tip_map: serde_json::Map<String, serde_json::Value> = interagency::PracticeTip::iter()
            .zip(tips)
            .map(|(tip, (fb_, ob_, cb_))| {
                (tip.id().to_owned(), serde_json::json!({
                    "builds": pick(&fb_, fac_ids.clone()),
                    "addresses": pick(&ob_, obs_ids.clone()),
                    "establishes": pick(&cb_, char_ids.clone()),
                }))
            })
            .collect();
        let doc = serde_json::json!({
            "name": "generated",
            "version": "1",
            "characteristic_levels": ids(&char_ids, c),
            "facilitator_levels": ids(&fac_ids, f),
            "benefit_levels": ids(&ben_ids, b),
            "tips": tip_map,
            "facilitator_thresholds": {"lower": f64::from(fl) / 10.0, "upper": f64::from(fu) / 10.0},
            "obstacle_thresholds": {"lower": f64::from(ol) / 10.0, "upper": f64::from(ou) / 10.0},
            "weights": {"missing_characteristic": f64::from(mc) / 4.0, "facilitator_baseline": f64::from(fb) / 2.0,
                        "unknown_facilitator": f64::from(uf) / 4.0, "obstacle_baseline": f64::from(ob) / 2.0},
            "privacy": {"min_group_size": k},
            "divergence": {"agency_spread": f64::from(spread) / 4.0, "role_gap": f64::from(gap) / 4.0},
        });
        Rubric::from_json(&doc.to_string()).expect("generated rubrics are valid")
    })
}

pub(crate) fn target() -> impl Strategy<Value = Option<Level>> {
    proptest::option::of((1u8..=4).prop_map(|n| Level::from_number(n).expect("1..=4")))
}

fn rebuild(
    a: &Assessment,
    characteristics: Vec<Characteristic>,
    responses: Vec<Response>,
) -> Assessment {
    crate::support::assemble(
        a.partnership(),
        a.assessed_on(),
        a.agencies().to_vec(),
        characteristics,
        responses,
    )
    .expect("still valid")
}

fn round_trip<T>(value: &T) -> T
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let text = serde_json::to_string(value).expect("serializes");
    serde_json::from_str(&text).expect("deserializes")
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_same_input_gives_byte_identical_output(a in assessment(), target in target()) {
        let text = serde_json::to_string(&a).unwrap();
        let again: Assessment = serde_json::from_str(&text).unwrap();
        let first = serde_json::to_string(&a.gap_analysis(target)).unwrap();
        prop_assert_eq!(&first, &serde_json::to_string(&again.gap_analysis(target)).unwrap());
        prop_assert_eq!(&first, &serde_json::to_string(&a.gap_analysis(target)).unwrap());
        prop_assert_eq!(a.gap_analysis(target).markdown().to_string(), again.gap_analysis(target).markdown().to_string());
    }

    #[test]
    fn public_data_types_round_trip(a in assessment(), target in target()) {
        prop_assert_eq!(&round_trip(&a), &a);
        for agency in a.agencies() {
            prop_assert_eq!(&round_trip(agency), agency);
        }
        for response in a.responses() {
            prop_assert_eq!(&round_trip(response), response);
            prop_assert_eq!(round_trip(&response.facilitators), response.facilitators);
            prop_assert_eq!(round_trip(&response.obstacles), response.obstacles);
        }
        prop_assert_eq!(round_trip(&a.characteristics()), a.characteristics());
        prop_assert_eq!(round_trip(&a.assessed_on()), a.assessed_on());
        let c: Classification = a.classify();
        prop_assert_eq!(round_trip(&c), c);
        let r: GapReport = a.gap_analysis(target);
        prop_assert_eq!(&round_trip(&r), &r);
        for rec in &r.recommendations {
            prop_assert_eq!(&round_trip(rec), rec);
        }
    }

    #[test]
    fn adding_a_characteristic_never_lowers_a_level(a in assessment(), extra in 0..Characteristic::COUNT, rubric in rubric()) {
        let mut set = a.characteristics();
        set.insert(Characteristic::ALL[extra]);
        let more = rebuild(&a, set.iter().collect(), a.responses().to_vec());
        prop_assert!(rubric.classify(&more).structural_level >= rubric.classify(&a).structural_level);
        prop_assert!(rubric.classify(&more).achieved_level >= rubric.classify(&a).achieved_level);
    }

    #[test]
    fn generated_rubrics_read_back_unchanged(rubric in rubric()) {
        let text = serde_json::to_string(&rubric).unwrap();
        prop_assert_eq!(&Rubric::from_json(&text).unwrap(), &rubric);
    }

    #[test]
    fn raising_a_facilitator_rating_never_lowers_the_level_nor_adds_a_gap(
        a in assessment(), pick in any::<prop::sample::Index>(), f in 0..Facilitator::COUNT, target in target(),
        rubric in rubric(),
    ) {
        prop_assume!(!a.responses().is_empty());
        let facilitator = Facilitator::ALL[f];
        let mut responses = a.responses().to_vec();
        let i = pick.index(responses.len());
        let Some(old) = responses[i].facilitators.get(facilitator) else { return Ok(()) };
        prop_assume!(old < Rating::MAX);
        responses[i].facilitators.insert(facilitator, Rating::new(old.get() + 1).unwrap());
        let raised = rebuild(&a, a.characteristics().iter().collect(), responses);
        prop_assert!(rubric.classify(&raised).achieved_level >= rubric.classify(&a).achieved_level);
        let target = Some(target.unwrap_or(Level::Integration));
        let before: ConceptSet<Facilitator> = rubric.gap_analysis(&a, target).facilitator_gaps.iter().map(|g| g.facilitator).collect();
        let after: ConceptSet<Facilitator> = rubric.gap_analysis(&raised, target).facilitator_gaps.iter().map(|g| g.facilitator).collect();
        prop_assert!(after.is_subset(before), "{:?} -> {:?}", before, after);
    }

    #[test]
    fn raising_an_obstacle_rating_never_removes_an_active_obstacle(
        a in assessment(), pick in any::<prop::sample::Index>(), o in 0..Obstacle::COUNT, rubric in rubric(),
    ) {
        prop_assume!(!a.responses().is_empty());
        let obstacle = Obstacle::ALL[o];
        let mut responses = a.responses().to_vec();
        let i = pick.index(responses.len());
        let Some(old) = responses[i].obstacles.get(obstacle) else { return Ok(()) };
        prop_assume!(old < Rating::MAX);
        responses[i].obstacles.insert(obstacle, Rating::new(old.get() + 1).unwrap());
        let raised = rebuild(&a, a.characteristics().iter().collect(), responses);
        let active = |x: &Assessment| -> ConceptSet<Obstacle> {
            rubric.gap_analysis(x, None).active_obstacles.iter().map(|o| o.obstacle).collect()
        };
        prop_assert!(active(&a).is_subset(active(&raised)));
    }

    #[test]
    fn priorities_are_the_sums_of_the_weights_addressed(a in assessment(), target in target()) {
        let r = a.gap_analysis(target);
        let w = Rubric::DEFAULT.weights();
        for rec in &r.recommendations {
            let mut sum = 0.0;
            for item in &rec.addresses {
                sum += match *item {
                    GapItem::Characteristic(_) => w.missing_characteristic,
                    GapItem::Facilitator(f) => {
                        let gap = r.facilitator_gaps.iter().find(|g| g.facilitator == f).expect("a listed gap");
                        gap.mean.map_or(w.unknown_facilitator, |m| w.facilitator_baseline - m)
                    }
                    GapItem::Obstacle(o) => {
                        let active = r.active_obstacles.iter().find(|x| x.obstacle == o).expect("a listed obstacle");
                        active.mean - w.obstacle_baseline
                    }
                };
            }
            // The priority is the exact sum rounded once; the sum of the
            // rounded weights may differ in the last digits (tests/exact.rs
            // checks the exact value).
            prop_assert!((rec.priority - sum).abs() < 1e-12, "{} vs {}", rec.priority, sum);
            prop_assert!(rec.priority > 0.0);
        }
        // Ordered by priority; tests/exact.rs checks ties exactly.
        for pair in r.recommendations.windows(2) {
            prop_assert!(pair[0].priority >= pair[1].priority);
        }
    }

    #[test]
    fn unaddressed_lists_exactly_the_gap_items_no_tip_works_on(
        a in assessment(), target in target(), rubric in rubric(),
    ) {
        let r = rubric.gap_analysis(&a, target);
        let items: Vec<(GapItem, bool)> = r.missing_characteristics.iter()
            .map(|m| (GapItem::Characteristic(m.characteristic), rubric.tips_establishing(m.characteristic).is_empty()))
            .chain(r.facilitator_gaps.iter().map(|g| (GapItem::Facilitator(g.facilitator), rubric.tips_building(g.facilitator).is_empty())))
            .chain(r.active_obstacles.iter().map(|o| (GapItem::Obstacle(o.obstacle), rubric.tips_addressing(o.obstacle).is_empty())))
            .collect();
        let expected: Vec<GapItem> = items.iter().filter(|(_, none)| *none).map(|(i, _)| *i).collect();
        prop_assert_eq!(&r.unaddressed, &expected);
        for rec in &r.recommendations {
            for item in &rec.addresses {
                prop_assert!(!r.unaddressed.contains(item));
            }
        }
    }

    #[test]
    fn every_gap_item_is_addressed(a in assessment(), target in target()) {
        let r = a.gap_analysis(target);
        let addressed: Vec<GapItem> = r.recommendations.iter().flat_map(|x| x.addresses.iter().copied()).collect();
        for m in &r.missing_characteristics {
            prop_assert!(addressed.contains(&GapItem::Characteristic(m.characteristic)));
        }
        for g in &r.facilitator_gaps {
            prop_assert!(addressed.contains(&GapItem::Facilitator(g.facilitator)));
        }
        for o in &r.active_obstacles {
            prop_assert!(addressed.contains(&GapItem::Obstacle(o.obstacle)));
        }
    }

    #[test]
    fn reached_exactly_when_level_and_no_gaps(a in assessment(), target in target(), rubric in rubric()) {
        let r = rubric.gap_analysis(&a, target);
        let expected = r.classification.achieved_level >= Some(r.target)
            && r.missing_characteristics.is_empty()
            && r.facilitator_gaps.is_empty();
        prop_assert_eq!(r.reached, expected);
    }

    #[test]
    fn a_round_compared_with_itself_changes_nothing(a in assessment(), target in target(), rubric in rubric()) {
        let p = rubric.progress(&a, &a, target).unwrap();
        prop_assert_eq!((p.structural_change, p.achieved_change), (0, 0));
        prop_assert!(p.obstacles_new.is_empty() && p.obstacles_resolved.is_empty());
        prop_assert!(p.agencies_joined.is_empty() && p.agencies_left.is_empty());
        prop_assert!(p.characteristics_added.is_empty() && p.characteristics_removed.is_empty());
        for f in &p.facilitators {
            prop_assert!(f.change.is_none_or(|c| c == 0.0));
            prop_assert!(matches!(f.movement, interagency::Movement::Unchanged | interagency::Movement::NotComparable));
        }
        for o in &p.obstacles {
            prop_assert!(o.change.is_none_or(|c| c == 0.0));
            prop_assert!(matches!(o.movement, interagency::Movement::Unchanged | interagency::Movement::NotComparable));
        }
        prop_assert_eq!(&p.later_report, &rubric.gap_analysis(&a, target));
    }

    #[test]
    fn progress_is_antisymmetric(a in assessment(), b in assessment()) {
        // Swapping the rounds negates every change and swaps what came and went.
        let (Ok(forward), Ok(back)) = (crate::support::progress(&a, &b, None), crate::support::progress(&b, &a, None)) else {
            return Ok(()); // dated out of order one way
        };
        prop_assert_eq!(forward.achieved_change, -back.achieved_change);
        prop_assert_eq!(forward.characteristics_added, back.characteristics_removed);
        prop_assert_eq!(&forward.agencies_joined, &back.agencies_left);
        for (o, q) in forward.obstacles.iter().zip(&back.obstacles) {
            prop_assert_eq!(o.change, q.change.map(|c| -c));
            let flipped = match q.movement {
                interagency::Movement::Improved => interagency::Movement::Worsened,
                interagency::Movement::Worsened => interagency::Movement::Improved,
                other => other,
            };
            prop_assert_eq!(o.movement, flipped);
        }
        for (f, g) in forward.facilitators.iter().zip(&back.facilitators) {
            prop_assert_eq!(f.change, g.change.map(|c| -c));
        }
    }

    #[test]
    fn reports_carry_no_respondent_ids(a in assessment(), target in target()) {
        let r = a.gap_analysis(target);
        let json = serde_json::to_string(&r).unwrap();
        let md = r.markdown().to_string();
        let progress = crate::support::progress(&a, &a, target).unwrap();
        let progress_json = serde_json::to_string(&progress).unwrap();
        let progress_md = progress.markdown().to_string();
        for response in a.responses() {
            prop_assert!(!json.contains(&response.respondent));
            prop_assert!(!md.contains(&response.respondent));
            prop_assert!(!progress_json.contains(&response.respondent));
            prop_assert!(!progress_md.contains(&response.respondent));
        }
    }
}

#[cfg(feature = "schemars")]
mod schema {
    use super::*;
    use interagency::Catalogue;

    fn validator(schema: &schemars::Schema) -> jsonschema::Validator {
        jsonschema::options()
            .should_validate_formats(true)
            .build(schema.as_value())
            .unwrap()
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn every_serialized_document_validates(a in assessment(), target in target()) {
            thread_local! {
                static VALIDATORS: [jsonschema::Validator; 3] = [
                    validator(&interagency::schema::assessment()),
                    validator(&interagency::schema::classification()),
                    validator(&interagency::schema::report()),
                ];
            }
            let docs = [
                serde_json::to_value(&a).unwrap(),
                serde_json::to_value(a.classify()).unwrap(),
                serde_json::to_value(a.gap_analysis(target)).unwrap(),
            ];
            VALIDATORS.with(|v| {
                for (validator, doc) in v.iter().zip(&docs) {
                    let errors: Vec<String> = validator.iter_errors(doc).map(|e| e.to_string()).collect();
                    prop_assert!(errors.is_empty(), "{:?}", errors);
                }
                Ok(())
            })?;
        }
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn generated_rubrics_validate(rubric in rubric()) {
            thread_local! {
                static RUBRIC: jsonschema::Validator = validator(&interagency::schema::rubric());
            }
            let doc = serde_json::to_value(&rubric).unwrap();
            RUBRIC.with(|v| {
                let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
                prop_assert!(errors.is_empty(), "{:?}", errors);
                Ok(())
            })?;
        }
    }

    #[test]
    fn the_catalogue_validates() {
        let v = validator(&interagency::schema::catalogue());
        assert!(v.is_valid(&serde_json::to_value(Catalogue::default()).unwrap()));
    }
}

/// Privacy: what the voices publish about a breakdown never exposes a
/// hidden group.
mod privacy {
    use super::*;
    use interagency::Role;
    use interagency::rubric::Privacy;

    /// A partnership of many small groups: 2 to 6 agencies, up to 30
    /// respondents, so that groups below the smallest size are common.
    fn small_groups() -> impl Strategy<Value = (Assessment, u32)> {
        (assessment(), 3u32..=6)
    }

    fn with_k(k: u32) -> Rubric {
        Rubric::DEFAULT
            .with_privacy(Privacy { min_group_size: k })
            .unwrap()
    }

    /// The JSON of one item's agency breakdown and what is derived from it.
    fn agency_view(v: &interagency::Voices, item: usize, facilitator: bool) -> String {
        if facilitator {
            let f = &v.facilitators[item];
            serde_json::to_string(&(
                &f.by_agency,
                f.agency_spread,
                f.agencies_diverge,
                f.thin,
                f.one_sided,
            ))
            .unwrap()
        } else {
            let o = &v.obstacles[item];
            serde_json::to_string(&(
                &o.by_agency,
                o.agency_spread,
                o.agencies_diverge,
                o.thin,
                o.one_sided,
            ))
            .unwrap()
        }
    }

    fn role_view(v: &interagency::Voices, item: usize, facilitator: bool) -> String {
        if facilitator {
            let f = &v.facilitators[item];
            serde_json::to_string(&(&f.by_role, f.role_gap, f.roles_diverge, f.thin, f.one_sided))
                .unwrap()
        } else {
            let o = &v.obstacles[item];
            serde_json::to_string(&(&o.by_role, o.role_gap, o.roles_diverge, o.thin, o.one_sided))
                .unwrap()
        }
    }

    /// Every rating of `item` by the respondents `pick` selects, mirrored
    /// (1 <-> 5, 2 <-> 4): the same count, other values.
    fn mirror(
        a: &Assessment,
        item: usize,
        facilitator: bool,
        pick: impl Fn(&Response) -> bool,
    ) -> Assessment {
        let flip = |r: Rating| Rating::new(6 - r.get()).unwrap();
        let responses = a
            .responses()
            .iter()
            .map(|r| {
                let mut r = r.clone();
                if pick(&r) {
                    if facilitator {
                        let f = Facilitator::ALL[item];
                        if let Some(x) = r.facilitators.get(f) {
                            r.facilitators.insert(f, flip(x));
                        }
                    } else {
                        let o = Obstacle::ALL[item];
                        if let Some(x) = r.obstacles.get(o) {
                            r.obstacles.insert(o, flip(x));
                        }
                    }
                }
                r
            })
            .collect();
        rebuild(a, a.characteristics().iter().collect(), responses)
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn a_lone_hidden_group_stands_only_beside_empty_groups((a, k) in small_groups()) {
            let v = with_k(k).voices(&a);
            let check = |hidden: usize, others_empty: bool, thin: bool| hidden != 1 || (others_empty && thin);
            for f in &v.facilitators {
                let hidden = f.by_agency.iter().filter(|g| g.is_hidden()).count();
                let empty = f.by_agency.iter().all(|g| g.is_hidden() || g.responses() == Some(0));
                prop_assert!(check(hidden, empty, f.thin), "{:?}", f);
                let hidden = f.by_role.iter().filter(|g| g.is_hidden()).count();
                let empty = f.by_role.iter().all(|g| g.is_hidden() || g.responses() == Some(0));
                prop_assert!(check(hidden, empty, f.thin), "{:?}", f);
            }
            for o in &v.obstacles {
                let hidden = o.by_agency.iter().filter(|g| g.is_hidden()).count();
                let empty = o.by_agency.iter().all(|g| g.is_hidden() || g.responses() == Some(0));
                prop_assert!(check(hidden, empty, o.thin), "{:?}", o);
                let hidden = o.by_role.iter().filter(|g| g.is_hidden()).count();
                let empty = o.by_role.iter().all(|g| g.is_hidden() || g.responses() == Some(0));
                prop_assert!(check(hidden, empty, o.thin), "{:?}", o);
            }
        }

        #[test]
        fn hidden_groups_carry_no_mean_and_no_count((a, k) in small_groups()) {
            let json = serde_json::to_value(with_k(k).voices(&a)).unwrap();
            let mut hidden = 0;
            for kind in ["facilitators", "obstacles"] {
                for item in json[kind].as_array().unwrap() {
                    for breakdown in ["by_agency", "by_role"] {
                        for group in item[breakdown].as_array().unwrap() {
                            let group = group.as_object().unwrap();
                            if group.contains_key("hidden") {
                                hidden += 1;
                                prop_assert_eq!(group.len(), 2);
                                prop_assert_eq!(&group["hidden"], &serde_json::Value::Bool(true));
                            } else {
                                let count = group["responses"].as_u64().unwrap();
                                prop_assert!(count == 0 || count >= u64::from(k), "{:?}", group);
                            }
                        }
                    }
                }
            }
            prop_assert_eq!(hidden, with_k(k).voices(&a).hidden_groups());
        }

        #[test]
        fn hidden_groups_never_move_what_is_shown((a, k) in small_groups(), pick in 0..Facilitator::COUNT + Obstacle::COUNT) {
            let rubric = with_k(k);
            let v = rubric.voices(&a);
            let facilitator = pick < Facilitator::COUNT;
            let item = if facilitator { pick } else { pick - Facilitator::COUNT };
            let (by_agency, by_role) = if facilitator {
                (&v.facilitators[item].by_agency, &v.facilitators[item].by_role)
            } else {
                (&v.obstacles[item].by_agency, &v.obstacles[item].by_role)
            };
            // Change the ratings of every hidden agency at once.
            let hidden: Vec<&str> = by_agency.iter().filter(|g| g.is_hidden()).map(|g| g.key().as_str()).collect();
            if !hidden.is_empty() {
                let changed = mirror(&a, item, facilitator, |r| hidden.contains(&r.agency.as_str()));
                prop_assert_eq!(agency_view(&v, item, facilitator), agency_view(&rubric.voices(&changed), item, facilitator));
            }
            let hidden: Vec<Role> = by_role.iter().filter(|g| g.is_hidden()).map(|g| *g.key()).collect();
            if !hidden.is_empty() {
                let changed = mirror(&a, item, facilitator, |r| hidden.contains(&r.role));
                prop_assert_eq!(role_view(&v, item, facilitator), role_view(&rubric.voices(&changed), item, facilitator));
            }
        }

        #[test]
        fn voices_carry_no_respondent_ids((a, k) in small_groups()) {
            let json = serde_json::to_string(&with_k(k).voices(&a)).unwrap();
            for response in a.responses() {
                let quoted = format!("\"{}\"", response.respondent);
                prop_assert!(!json.contains(&quoted));
            }
        }
    }

    #[test]
    fn the_generator_makes_hidden_groups() {
        // The properties above would pass vacuously without hidden groups.
        use proptest::strategy::ValueTree;
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let mut with_hidden = 0;
        for _ in 0..200 {
            let (a, k) = small_groups().new_tree(&mut runner).unwrap().current();
            if with_k(k).voices(&a).hidden_groups() > 0 {
                with_hidden += 1;
            }
        }
        assert!(with_hidden > 100, "{with_hidden} of 200 have hidden groups");
    }
}
