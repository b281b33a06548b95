//! Arbitrary bytes read as a report, gap or progress, then rendered as
//! Markdown, SVG and HTML. Any panic is a bug: a report the crate reads
//! back, however it was made, renders; and it reads back equal from the
//! JSON the crate writes of it.
#![no_main]

use interagency::{GapReport, ProgressReport};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(report) = serde_json::from_str::<GapReport>(text) {
        let _ = report.markdown().to_string();
        let _ = report.svg().to_string();
        let _ = report.html().to_string();
        let json = serde_json::to_string(&report).expect("reports serialize");
        let back: GapReport = serde_json::from_str(&json).expect("reports read back");
        assert_eq!(back, report);
    }
    if let Ok(report) = serde_json::from_str::<ProgressReport>(text) {
        let _ = report.markdown().to_string();
        let _ = report.svg().to_string();
        let _ = report.html().to_string();
        let json = serde_json::to_string(&report).expect("reports serialize");
        let back: ProgressReport = serde_json::from_str(&json).expect("reports read back");
        assert_eq!(back, report);
    }
});
