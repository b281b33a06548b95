//! Progress between two rounds: the example's report against arithmetic
//! written out by hand, every movement case, and the laws.

#![allow(clippy::float_cmp)] // the changes are exact and written out by hand

use interagency::{
    Agency, Assessment, Characteristic as C, ConceptSet, Date, Error, Facilitator as F,
    FacilitatorBand as FB, Level, Movement as M, Obstacle as O, ObstacleBand as OB, Rating,
    Response, Role, Rubric,
};

use crate::support::{self, progress};

#[test]
fn the_early_years_network_a_year_on() {
    let earlier = support::example("early-years-network");
    let later = support::example("early-years-network-2027");
    let p = progress(&earlier, &later, None).unwrap();

    assert_eq!(p.earlier.assessed_on, Date::new(2026, 2, 12));
    assert_eq!(p.later.assessed_on, Date::new(2027, 2, 10));
    // Earlier: the cooperation arrangements only; later also collaboration's.
    assert_eq!(p.earlier.structural_level, Some(Level::Cooperation));
    assert_eq!(p.later.structural_level, Some(Level::Collaboration));
    assert_eq!(p.earlier.achieved_level, Some(Level::Cooperation));
    assert_eq!(p.later.achieved_level, Some(Level::Collaboration));
    assert_eq!((p.structural_change, p.achieved_change), (1, 1));
    assert_eq!(
        p.characteristics_added,
        ConceptSet::from([C::TacklesOverlapAndGaps, C::CommonOutcomes])
    );
    assert!(p.characteristics_removed.is_empty());
    assert_eq!(p.agencies_joined, ["tusla"]);
    assert!(p.agencies_left.is_empty());

    // Clarity: earlier phn (2+3)/2, ecec 2, frc 3 = 7.5/3 = 2.5 (concern);
    // later phn (3+4)/2 = 3.5, ecec 3, frc 3, tusla (4+3)/2 = 3.5: 13/4 = 3.25.
    let f = p.change(F::ClarityOfPurposeAndRoles);
    assert_eq!(
        (f.earlier_mean, f.later_mean, f.change),
        (Some(2.5), Some(3.25), Some(0.75))
    );
    assert_eq!(
        (f.earlier_band, f.later_band, f.movement),
        (FB::Concern, FB::Borderline, M::Improved)
    );
    // Leadership: earlier phn 3; later phn 3, tusla 4: 3.5. Same band.
    let f = p.change(F::Leadership);
    assert_eq!(
        (f.earlier_mean, f.later_mean, f.change),
        (Some(3.0), Some(3.5), Some(0.5))
    );
    assert_eq!(f.movement, M::Unchanged);
    // Trust: earlier (3 + 3.5 + 4)/3 = 3.5; later phn 4, ecec 3.5, frc 4,
    // tusla 3: 14.5/4 = 3.625; change 0.125.
    let f = p.change(F::TrustAndOpenness);
    assert_eq!(
        (f.earlier_mean, f.later_mean, f.change),
        (Some(3.5), Some(3.625), Some(0.125))
    );
    assert_eq!(f.movement, M::Unchanged);
    // Communication: earlier (4.5 + 3.5 + 4)/3 = 4; later phn 4.5, ecec 4,
    // frc 4, tusla 3.5: 16/4 = 4. A strength both times.
    let f = p.change(F::GoodCommunication);
    assert_eq!(
        (f.change, f.later_band, f.movement),
        (Some(0.0), FB::Strength, M::Unchanged)
    );
    // Staff relationships: frc 2 then frc 3.
    let f = p.change(F::StaffRelationshipOpportunities);
    assert_eq!((f.change, f.movement), (Some(1.0), M::Improved));
    // Never rated: not comparable.
    let f = p.change(F::WholeAgencyCommitment);
    assert_eq!((f.earlier_mean, f.later_mean, f.change), (None, None, None));
    assert_eq!(
        (f.earlier_band, f.movement),
        (FB::Unknown, M::NotComparable)
    );

    // Time: earlier phn (4+3)/2 = 3.5, ecec (4+5)/2 = 4.5, frc 3: 11/3
    // (moderate); later phn 2.5, ecec 2.5, frc 2, tusla 2: 9/4 = 2.25
    // (minor). Change 9/4 - 11/3 = -17/12.
    let o = p.change(O::TimeNotPrioritised);
    assert_eq!(o.change, Some(-17.0 / 12.0));
    assert_eq!(
        (o.earlier_band, o.later_band, o.movement),
        (OB::Moderate, OB::Minor, M::Improved)
    );
    // Conflict: earlier frc 1; later phn 3, frc 4, tusla (3+2)/2 = 2.5:
    // 9.5/3 = 19/6 (moderate). Change 19/6 - 1 = 13/6.
    let o = p.change(O::Conflict);
    assert_eq!(
        (o.later_mean, o.change),
        (Some(19.0 / 6.0), Some(13.0 / 6.0))
    );
    assert_eq!(
        (o.earlier_band, o.later_band, o.movement),
        (OB::Minor, OB::Moderate, M::Worsened)
    );
    // Fatigue: ecec 2 both times.
    assert_eq!(p.change(O::CollaborationFatigue).movement, M::Unchanged);
    assert_eq!(
        p.obstacles_resolved,
        ConceptSet::from([O::TimeNotPrioritised])
    );
    assert_eq!(p.obstacles_new, ConceptSet::from([O::Conflict]));

    // What to work on next: the later round's gap report, towards coordination.
    assert_eq!(p.later_report, later.gap_analysis(None));
    assert_eq!(p.later_report.target, Level::Coordination);

    let text = p.markdown().to_string();
    support::assert_snapshot("tests/snapshots/early-years-network.progress.md", &text);
    assert!(
        text.contains("- Agencies that joined: Tusla Prevention, Partnership and Family Support.")
    );
    assert!(
        text.contains("## What got worse\n\n- **Conflict (obstacle)**: 1.00 \u{2192} 3.17 (+2.17)")
    );
    // Each moved item says how far the change can be told from chance, as
    // its table row does; a clear change needs no note.
    assert!(text.contains(
        "- **Clarity of purpose and roles**: 2.50 \u{2192} 3.25 (+0.75), from **concern** to \
         borderline (within the uncertainty).\n"
    ));
    assert!(text.contains(
        "- **Opportunities for staff relationships**: 2.00 \u{2192} 3.00 (+1.00), from \
         **concern** to borderline (too few ratings to tell it from chance).\n"
    ));
    assert!(text.contains("from **moderate** to minor; no longer an active obstacle.\n"));
    // The page explains the intervals of its changes, and no column it
    // does not have.
    assert!(text.contains("How sure the changes are: a 95% interval is the range"));
    assert!(!text.contains("Agreement"));
}

/// A two-agency assessment whose single respondent per agency rates
/// leadership `f` and conflict `o` (0 for not rated).
fn round(date: Option<Date>, agencies: &[&str], f: u8, o: u8) -> Assessment {
    let responses = agencies
        .iter()
        .map(|a| {
            let mut r = Response::new(format!("r-{a}"), *a, Role::Manager);
            if let Some(f) = Rating::new(f) {
                r.facilitators.insert(F::Leadership, f);
            }
            if let Some(o) = Rating::new(o) {
                r.obstacles.insert(O::Conflict, o);
            }
            if r.facilitators.is_empty() && r.obstacles.is_empty() {
                r.obstacles
                    .insert(O::LackOfCollaborativeSkills, Rating::MIN);
            }
            r
        })
        .collect();
    crate::support::assemble(
        "Round",
        date,
        agencies
            .iter()
            .map(|a| Agency::new(*a, a.to_uppercase()))
            .collect(),
        [C::ConsistentGoals, C::ComplementaryServices],
        responses,
    )
    .unwrap()
}

#[test]
fn every_movement() {
    // (earlier rating, later rating, facilitator movement, obstacle movement)
    // Facilitators: 2 concern, 3 borderline, 4 strength. Obstacles: 2 minor,
    // 3 moderate, 4 major; lower is better.
    let cases = [
        (2, 4, M::Improved, M::Worsened),
        (4, 2, M::Worsened, M::Improved),
        (3, 3, M::Unchanged, M::Unchanged),
        (3, 4, M::Improved, M::Worsened),
        (0, 3, M::NotComparable, M::NotComparable),
        (3, 0, M::NotComparable, M::NotComparable),
    ];
    for (before, after, fm, om) in cases {
        let p = progress(
            &round(None, &["a", "b"], before, before),
            &round(None, &["a", "b"], after, after),
            None,
        )
        .unwrap();
        assert_eq!(p.change(F::Leadership).movement, fm, "{before} -> {after}");
        assert_eq!(p.change(O::Conflict).movement, om, "{before} -> {after}");
    }
    // Resolved: active (3) then minor (2); new: minor (2) or unrated, then
    // active. Unknown later is not resolved.
    let p = progress(
        &round(None, &["a", "b"], 3, 3),
        &round(None, &["a", "b"], 3, 2),
        None,
    )
    .unwrap();
    assert_eq!(p.obstacles_resolved, ConceptSet::from([O::Conflict]));
    let p = progress(
        &round(None, &["a", "b"], 3, 3),
        &round(None, &["a", "b"], 3, 0),
        None,
    )
    .unwrap();
    assert!(p.obstacles_resolved.is_empty());
    let p = progress(
        &round(None, &["a", "b"], 3, 0),
        &round(None, &["a", "b"], 3, 4),
        None,
    )
    .unwrap();
    assert_eq!(p.obstacles_new, ConceptSet::from([O::Conflict]));
    let p = progress(
        &round(None, &["a", "b"], 3, 2),
        &round(None, &["a", "b"], 3, 3),
        None,
    )
    .unwrap();
    assert_eq!(p.obstacles_new, ConceptSet::from([O::Conflict]));
    let p = progress(
        &round(None, &["a", "b"], 3, 3),
        &round(None, &["a", "b"], 3, 4),
        None,
    )
    .unwrap();
    assert!(p.obstacles_new.is_empty());
    // Levels: cooperation lost (leadership does not matter for it, but
    // good communication is unrated: none achieved either way).
    assert_eq!((p.structural_change, p.achieved_change), (0, 0));
}

#[test]
fn agencies_joined_and_left_in_round_order() {
    let p = progress(
        &round(None, &["a", "b", "c"], 3, 3),
        &round(None, &["d", "b", "e", "a"], 3, 3),
        None,
    )
    .unwrap();
    assert_eq!(p.agencies_joined, ["d", "e"]);
    assert_eq!(p.agencies_left, ["c"]);
}

#[test]
fn rounds_out_of_order_are_an_error_naming_both_dates() {
    let earlier = round(Date::new(2027, 3, 1), &["a", "b"], 3, 3);
    let later = round(Date::new(2026, 3, 1), &["a", "b"], 3, 3);
    let err = progress(&earlier, &later, None).unwrap_err();
    assert_eq!(
        err,
        Error::RoundsOutOfOrder {
            earlier: Date::new(2027, 3, 1).unwrap(),
            later: Date::new(2026, 3, 1).unwrap()
        }
    );
    assert_eq!(
        err.to_string(),
        "assessed_on: the later round is dated 2026-03-01, before the earlier round (2027-03-01); \
         give the earlier assessment first"
    );
    // The same day, or an undated round, is fine.
    assert!(progress(&earlier, &earlier, None).is_ok());
    assert!(progress(&round(None, &["a", "b"], 3, 3), &later, None).is_ok());
}

#[test]
fn a_round_compared_with_itself_changes_nothing() {
    for name in [
        "early-years-network",
        "child-protection-hub",
        "integrated-family-centre",
    ] {
        let a = support::example(name);
        for rubric in [
            Rubric::DEFAULT,
            Rubric::from_json(&support::read("examples/rubrics/statutory.json")).unwrap(),
        ] {
            let p = rubric.progress(&a, &a, None).unwrap();
            assert_eq!((p.structural_change, p.achieved_change), (0, 0));
            assert!(p.characteristics_added.is_empty() && p.characteristics_removed.is_empty());
            assert!(p.agencies_joined.is_empty() && p.agencies_left.is_empty());
            assert!(p.obstacles_new.is_empty() && p.obstacles_resolved.is_empty());
            for f in &p.facilitators {
                assert!(matches!(f.movement, M::Unchanged | M::NotComparable));
                assert!(f.change.is_none_or(|c| c == 0.0));
            }
            for o in &p.obstacles {
                assert!(matches!(o.movement, M::Unchanged | M::NotComparable));
                assert!(o.change.is_none_or(|c| c == 0.0));
            }
            assert_eq!(p.later_report, rubric.gap_analysis(&a, None));
            assert_eq!(p.rubric, rubric.summary());
        }
    }
}

/// Two rounds with no agency in common may be two partnerships: the page
/// says to check, whether or not the names differ.
#[test]
fn rounds_with_no_agency_in_common_are_questioned() {
    let network = support::example("early-years-network");
    let page = |later: &str| {
        support::example(later)
            .progress_since(&network, None)
            .unwrap()
            .markdown()
            .to_string()
    };
    let text = page("child-protection-hub");
    assert!(text.contains(
        "The earlier round was of Ballyfoyle Early Years Network, and the two rounds have no \
         agency in common: check that both are rounds of the same partnership."
    ));
    // Under one name, the rounds are still questioned.
    let renamed = support::read("examples/data/early-years-network.json").replace(
        "Ballyfoyle Early Years Network",
        "Northgate Child Protection Hub",
    );
    let text = support::example("child-protection-hub")
        .progress_since(&Assessment::from_json(&renamed).unwrap(), None)
        .unwrap()
        .markdown()
        .to_string();
    assert!(text.contains(
        "The two rounds have no agency in common: check that both are rounds of the same \
         partnership."
    ));
    // The same partnership a year on shares agencies: nothing to question.
    let text = page("early-years-network-2027");
    assert!(!text.contains("no agency in common"));
    assert!(!text.contains("The partnership was called"));
}
