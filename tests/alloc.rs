//! Exact allocation properties: `classify` makes no heap allocation, and
//! the number `gap_analysis` and `voices` make (and, at fifty agencies,
//! `progress`) does not grow with the respondents, nor do the network's.
#![allow(unsafe_code)] // a counting global allocator needs `unsafe impl GlobalAlloc`

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use interagency::{Assessment, Level};

#[path = "../benches/support/agencies.rs"]
mod agencies;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counter is a const-initialised thread-local that never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|c| c.set(c.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|c| c.set(c.get() + 1));
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|c| c.set(c.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `f` makes on this thread.
fn allocations<R>(f: impl FnOnce() -> R) -> (usize, R) {
    let before = ALLOCATIONS.with(Cell::get);
    let result = f();
    (ALLOCATIONS.with(Cell::get) - before, result)
}

/// An assessment with `respondents` respondents over three agencies and
/// the three roles, each rating every facilitator and obstacle. The
/// pattern of agencies, roles and ratings repeats every 45 respondents.
fn generated(respondents: usize) -> Assessment {
    let responses: Vec<String> = (0..respondents)
        .map(|i| {
            let r = |k: usize| (i * 7 + k * 3) % 5 + 1;
            format!(
                r#"{{"respondent":"r{i}","agency":"{}","role":"{}",
                   "facilitators":{{"clarity_of_purpose_and_roles":{},"whole_agency_commitment":{},"leadership":{},
                     "trust_and_openness":{},"good_communication":{},"information_sharing_procedures":{},
                     "staff_relationship_opportunities":{}}},
                   "obstacles":{{"time_not_prioritised":{},"agreeing_policies_and_protocols":{},
                     "changing_attitudes_and_beliefs":{},"lack_of_collaborative_skills":{},"conflict":{},
                     "collaboration_fatigue":{}}}}}"#,
                ["a", "b", "c"][i % 3],
                ["frontline", "manager", "senior_manager"][(i / 3) % 3],
                r(0), r(1), r(2), r(3), r(4), r(5), r(6), r(7), r(8), r(9), r(10), r(11), r(12)
            )
        })
        .collect();
    let text = format!(
        r#"{{"partnership":"Generated","agencies":[{{"id":"a","name":"A"}},{{"id":"b","name":"B"}},{{"id":"c","name":"C"}}],
            "characteristics":["consistent_goals","complementary_services","tackles_overlap_and_gaps"],
            "responses":[{}]}}"#,
        responses.join(",")
    );
    serde_json::from_str(&text).unwrap()
}

#[test]
fn classify_does_not_allocate() {
    for n in [0, 1, 90, 1000] {
        let a = generated(n);
        let (count, c) = allocations(|| a.classify());
        assert_eq!(
            count, 0,
            "classify allocated {count} times for {n} respondents"
        );
        assert_eq!(c.facilitators.len(), 7);
    }
}

#[test]
fn gap_analysis_allocations_do_not_grow_with_respondents() {
    // Multiples of 45 respondents repeat the same ratings per agency and
    // role, so the report's contents are the same and only the scale changes.
    let counts: Vec<usize> = [45, 450, 4500, 45_000]
        .into_iter()
        .map(|n| {
            let a = generated(n);
            allocations(|| a.gap_analysis(Some(Level::Integration))).0
        })
        .collect();
    assert!(counts[0] > 0, "gap_analysis builds its report lists");
    assert!(
        counts.iter().all(|&c| c == counts[0]),
        "allocations per size: {counts:?}"
    );
}

#[test]
fn voices_allocations_do_not_grow_with_respondents() {
    // Voices read the sums per agency and role built at validation: the
    // same allocations for 45 respondents as for 45,000.
    let counts: Vec<usize> = [45, 450, 4500, 45_000]
        .into_iter()
        .map(|n| {
            let a = generated(n);
            let (count, voices) = allocations(|| a.voices());
            assert!(
                voices
                    .facilitators
                    .iter()
                    .all(|v| v.by_role.iter().all(|g| !g.is_hidden()))
            );
            count
        })
        .collect();
    assert!(counts[0] > 0, "voices build their breakdown lists");
    assert!(
        counts.iter().all(|&c| c == counts[0]),
        "allocations per size: {counts:?}"
    );
}

/// Round `round` of the partnership of `n` agencies of
/// `benches/support/agencies.rs` (agency `k` has the `k`-th prime from 31
/// up as its respondents), with `scale` times the respondents per agency
/// answering as the first: the same means at every scale.
fn partnership(n: usize, scale: usize, round: u64) -> Assessment {
    let a = Assessment::from_json(&agencies::round(n, scale, round)).unwrap();
    assert_eq!(a.responses().len(), scale * agencies::respondents(n));
    a
}

#[test]
#[cfg_attr(
    all(debug_assertions, feature = "verify"),
    ignore = "the crate's own debug builds check each bound with exact arithmetic, which allocates; run with --release"
)]
fn classify_does_not_allocate_with_many_agencies() {
    for n in [3, 12, 25, 50] {
        for scale in [1, 3] {
            let a = partnership(n, scale, 0);
            let (count, c) = allocations(|| a.classify());
            assert_eq!(
                count,
                0,
                "classify allocated {count} times for {n} agencies and {} respondents",
                a.responses().len()
            );
            assert_eq!(c.structural_level, Some(Level::Coordination));
        }
    }
}

#[test]
fn allocations_do_not_grow_with_respondents_at_fifty_agencies() {
    // The same fifty agencies with 7,570 and with 22,710 respondents, every
    // agency's and role's means the same: the same allocations.
    let counts: Vec<[usize; 3]> = [1, 3]
        .into_iter()
        .map(|scale| {
            let a = partnership(50, scale, 0);
            let later = partnership(50, scale, 1);
            let (gap, report) = allocations(|| a.gap_analysis(None));
            assert!(!report.facilitator_gaps.is_empty() && !report.recommendations.is_empty());
            let (voices, v) = allocations(|| a.voices());
            assert!(
                v.facilitators
                    .iter()
                    .all(|v| v.by_agency.iter().all(|g| !g.is_hidden())
                        && v.by_role.iter().all(|g| !g.is_hidden()))
            );
            let (progress, p) = allocations(|| later.progress_since(&a, None));
            assert!(p.is_ok());
            [gap, voices, progress]
        })
        .collect();
    assert!(
        counts[0].iter().all(|&c| c > 0),
        "each builds its report lists"
    );
    assert_eq!(
        counts[0], counts[1],
        "allocations of gap_analysis, voices and progress at 1x and 3x the respondents"
    );
}

#[test]
fn network_allocations_do_not_grow_with_respondents() {
    // Thirty agencies answering about each other, with 1,339 and with
    // 4,017 respondents giving the same answers: the network is built from
    // the sums per pair of agencies, so the same allocations.
    let counts: Vec<usize> = [1, 3]
        .into_iter()
        .map(|scale| {
            let a = Assessment::from_json(&agencies::round_with_network(30, scale, 0)).unwrap();
            let (count, report) = allocations(|| a.gap_analysis(None));
            let network = report.network.expect("the answers make a network");
            assert_eq!(network.pairs.len(), 30 * 29 / 2);
            assert!(report.perceived.is_some());
            count
        })
        .collect();
    assert_eq!(
        counts[0], counts[1],
        "allocations of gap_analysis with a network at 1x and 3x the respondents"
    );
}
