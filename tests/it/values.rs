//! The small value types: `Rating`, `Ratings`, `ConceptSet`, `Date`, their
//! trait implementations and their error messages.

use std::collections::HashSet;
use std::hash::{BuildHasher, Hash, RandomState};

use interagency::{ConceptSet, Facilitator, Level, Obstacle, Rating, Ratings};

/// Whether `a` and `b` hash alike under one hasher.
fn same_hash<T: Hash>(a: &T, b: &T) -> bool {
    let state = RandomState::new();
    state.hash_one(a) == state.hash_one(b)
}

fn rating(n: u8) -> Rating {
    Rating::new(n).unwrap()
}

#[test]
fn rating_conversions_and_display() {
    for n in 1..=5u8 {
        assert_eq!(u8::from(rating(n)), n);
        assert_eq!(rating(n).to_string(), n.to_string());
        assert_eq!(Rating::try_from(n).unwrap(), rating(n));
        assert_eq!(serde_json::to_string(&rating(n)).unwrap(), n.to_string());
    }
    assert!(rating(2) < rating(3));
    let err = serde_json::from_str::<Rating>("[1]")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("rating a sequence is not an integer from 1 to 5"),
        "{err}"
    );
}

#[test]
fn ratings_insert_get_remove() {
    let mut r: Ratings<Facilitator> = Ratings::new();
    assert!(r.is_empty());
    assert_eq!(r.insert(Facilitator::Leadership, rating(2)), None);
    assert_eq!(
        r.insert(Facilitator::Leadership, rating(4)),
        Some(rating(2))
    );
    assert_eq!(r.len(), 1);
    assert!(!r.is_empty());
    assert_eq!(r.remove(Facilitator::Leadership), Some(rating(4)));
    assert_eq!(r.remove(Facilitator::Leadership), None);
    assert!(r.is_empty());
    assert_eq!(Ratings::<Obstacle>::default(), Ratings::new());
}

#[test]
fn ratings_collect_compare_hash_and_debug() {
    let a: Ratings<Facilitator> = [
        (Facilitator::TrustAndOpenness, rating(3)),
        (Facilitator::Leadership, rating(5)),
    ]
    .into_iter()
    .collect();
    assert_eq!(a.len(), 2);
    assert_eq!(a.get(Facilitator::TrustAndOpenness), Some(rating(3)));
    let items: Vec<_> = a.iter().collect();
    assert_eq!(
        items,
        [
            (Facilitator::Leadership, rating(5)),
            (Facilitator::TrustAndOpenness, rating(3))
        ]
    );
    let mut b = a;
    assert_eq!(a, b);
    b.insert(Facilitator::Leadership, rating(4));
    assert_ne!(a, b);
    let set: HashSet<Ratings<Facilitator>> = [a, b, a].into_iter().collect();
    assert_eq!(set.len(), 2);
    assert!(same_hash(&a, &a.clone()));
    assert!(!same_hash(&a, &b));
    assert_eq!(
        format!("{a:?}"),
        r#"{"leadership": 5, "trust_and_openness": 3}"#
    );
    let err = serde_json::from_str::<Ratings<Facilitator>>("[1]")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("a map from facilitator identifier to rating"),
        "{err}"
    );
    let err = serde_json::from_str::<Ratings<Obstacle>>(r#"{"conflict": 2, "conflict": 3}"#)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("obstacle \"conflict\" is rated twice"),
        "{err}"
    );
    let err = serde_json::from_str::<Ratings<Obstacle>>(r#"{"conflict": 0}"#)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("rating 0 is not an integer from 1 to 5"),
        "{err}"
    );
}

#[test]
fn concept_sets() {
    let all: ConceptSet<Level> = ConceptSet::all();
    assert_eq!(all.len(), 4);
    let low = ConceptSet::from([Level::Cooperation, Level::Collaboration]);
    let high = ConceptSet::from([Level::Coordination, Level::Integration]);
    assert_eq!(low.union(high), all);
    assert!(low.intersection(high).is_empty());
    assert_eq!(all.difference(low), high);
    let middle = ConceptSet::from([Level::Collaboration, Level::Coordination]);
    assert_eq!(low.union(middle).len(), 3);
    assert_eq!(
        low.intersection(middle),
        ConceptSet::from([Level::Collaboration])
    );
    assert_eq!(
        low.difference(middle),
        ConceptSet::from([Level::Cooperation])
    );
    assert!(low.is_subset(all));
    assert!(!all.is_subset(low));
    assert!(ConceptSet::<Level>::new().is_subset(low));
    assert_eq!(low.iter().len(), 2);
    assert_eq!(low.iter().size_hint(), (2, Some(2)));
    let mut extended = low;
    extended.extend([Level::Integration]);
    assert_eq!(extended.len(), 3);
    assert_eq!(extended.into_iter().last(), Some(Level::Integration));
    let set: HashSet<ConceptSet<Level>> = [low, high, low].into_iter().collect();
    assert_eq!(set.len(), 2);
    assert_ne!(low, high);
    assert!(same_hash(&low, &low.clone()));
    assert!(!same_hash(&low, &high));
    assert_eq!(ConceptSet::<Level>::default(), ConceptSet::new());
    let err = serde_json::from_str::<ConceptSet<Level>>("{}")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("a list of distinct level identifiers"),
        "{err}"
    );
}

#[cfg(feature = "schemars")]
#[test]
fn every_schema_is_listed() {
    let names: Vec<_> = interagency::schema::all()
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(
        names,
        [
            "assessment",
            "report",
            "classification",
            "catalogue",
            "rubric",
            "progress",
            "plan",
            "cohort"
        ]
    );
}
