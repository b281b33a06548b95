//! Arbitrary bytes through deserialize, classify, gap analysis (default and
//! every explicit target), JSON and Markdown output. Any panic is a bug;
//! every accepted document must also give a report that reads back equal.
//! `Assessment::from_json` (which reads plain documents without serde)
//! must accept exactly what serde's typed path accepts, and give the same
//! assessment; with debug assertions on, it also compares the two inside.
#![no_main]

use interagency::{Assessment, GapReport, Level};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let by_serde = serde_json::from_slice::<Assessment>(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let read = Assessment::from_json(text);
        match (&read, &by_serde) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(_), Err(_)) => {}
            // A byte-order mark, which only from_json accepts.
            (Ok(_), Err(_)) if text.starts_with('\u{feff}') => {}
            _ => panic!("from_json and serde disagree: {read:?} against {by_serde:?}"),
        }
    }
    let Ok(assessment) = by_serde else {
        return;
    };
    let _ = assessment.classify();
    let targets = [None].into_iter().chain(Level::ALL.map(Some));
    for target in targets {
        let report = assessment.gap_analysis(target);
        let json = serde_json::to_string(&report).expect("reports serialize");
        let back: GapReport = serde_json::from_str(&json).expect("reports read back");
        assert_eq!(back, report);
        let _ = report.markdown().to_string();
    }
    // What the crate writes, it reads back unchanged.
    let text = serde_json::to_string(&assessment).expect("assessments serialize");
    let again: Assessment = serde_json::from_str(&text).expect("assessments read back");
    assert_eq!(again, assessment);
});
