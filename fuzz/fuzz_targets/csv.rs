//! Arbitrary bytes as a survey tool's CSV export of responses, read into a
//! fixed partnership, then through the whole analysis. Any panic is a bug;
//! every rejected file must give an error naming a line.
#![no_main]

use interagency::{Assessment, CsvOptions, Error};
use libfuzzer_sys::fuzz_target;

const PARTNERSHIP: &str = r#"{"partnership": "Fuzz", "agencies": [
    {"id": "cfa", "name": "Child and Family Agency"}, {"id": "hse", "name": "HSE"},
    {"id": "school", "name": "School"}],
  "characteristics": ["consistent_goals", "complementary_services"]}"#;

fuzz_target!(|data: &[u8]| {
    let partnership = Assessment::from_json(PARTNERSHIP).expect("the partnership is valid");
    let options = CsvOptions::new().ignore_column("Timestamp");
    match partnership.with_responses_from_csv(data, &options) {
        Ok(assessment) => {
            let report = assessment.gap_analysis(None);
            let _ = serde_json::to_string(&report).expect("reports serialize");
            let _ = report.markdown().to_string();
        }
        Err(Error::Csv { line, .. }) => assert!(line >= 1, "errors name a line"),
        Err(other) => {
            // The only other errors are the assessment's own rules, which
            // the CSV reader checks first; reaching them is a bug.
            panic!("unexpected error: {other}");
        }
    }
});
