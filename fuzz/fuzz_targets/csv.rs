//! Arbitrary bytes as a survey tool's CSV export of responses, read into a
//! fixed partnership, then through the whole analysis. Any panic is a bug;
//! every rejected file must give an error naming a line.
#![no_main]

use interagency::{Partnership, Place, SurveyOptions};
use libfuzzer_sys::fuzz_target;

const PARTNERSHIP: &str = r#"{"partnership": "Fuzz", "agencies": [
    {"id": "cfa", "name": "Child and Family Agency"}, {"id": "hse", "name": "HSE"},
    {"id": "school", "name": "School"}],
  "characteristics": ["consistent_goals", "complementary_services"]}"#;

fuzz_target!(|data: &[u8]| {
    let partnership = Partnership::from_json(PARTNERSHIP).expect("the partnership is valid");
    let options = SurveyOptions::new().ignore_column("Timestamp");
    match partnership.with_responses_from_csv(data, &options) {
        Ok(assessment) => {
            let report = assessment.gap_analysis(None);
            let _ = serde_json::to_string(&report).expect("reports serialize");
            let _ = report.markdown().to_string();
        }
        // Every error names the line it is about.
        Err(other) => assert!(
            matches!(other.place(), Some(Place::Line { line, .. }) if line >= 1),
            "errors name a line: {other}"
        ),
    }
});
