//! Arbitrary bytes as a spreadsheet of responses (`.xlsx`, `.xls`,
//! `.ods`), read into a fixed partnership, then through the whole
//! analysis. Any panic outside calamine is a bug; every rejected file must
//! give an error naming a sheet and a cell, or saying that it is no
//! spreadsheet or a damaged one (calamine's own panics are caught by the
//! crate and reported so).
#![no_main]

use interagency::{Error, Partnership, Place, SurveyOptions};
use libfuzzer_sys::fuzz_target;

const PARTNERSHIP: &str = r#"{"partnership": "Fuzz", "agencies": [
    {"id": "sw", "name": "Child and Family Agency Social Work"},
    {"id": "garda", "name": "Garda Protective Services Unit"},
    {"id": "hse", "name": "HSE Primary Care"},
    {"id": "school", "name": "Northgate School Completion Programme"}],
  "characteristics": ["consistent_goals", "complementary_services"]}"#;

/// Whether `cell` names a cell as a spreadsheet does: letters, then a row.
fn is_cell(cell: &str) -> bool {
    let letters = cell.bytes().take_while(u8::is_ascii_uppercase).count();
    let (column, row) = cell.split_at(letters);
    !column.is_empty() && !row.is_empty() && row.bytes().all(|b| b.is_ascii_digit())
}

/// Lets a panic raised inside calamine unwind without aborting, since the
/// crate catches it and reports `Error::Spreadsheet` (checked below); any
/// other panic aborts, as libfuzzer-sys makes every panic do.
fn tolerate_reader_panics() {
    let abort = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_reader = info
            .location()
            .is_some_and(|at| at.file().contains("/calamine-"));
        if !in_reader {
            abort(info);
        }
    }));
}

fuzz_target!(init: tolerate_reader_panics(), |data: &[u8]| {
    let partnership = Partnership::from_json(PARTNERSHIP).expect("the partnership is valid");
    let options = SurveyOptions::new();
    match partnership.with_responses_from_spreadsheet(data, &options) {
        Ok(assessment) => {
            let report = assessment.gap_analysis(None);
            let _ = serde_json::to_string(&report).expect("reports serialize");
            let _ = report.markdown().to_string();
        }
        Err(Error::Spreadsheet { message }) => assert!(!message.is_empty()),
        // Every other error names the cell it is about.
        Err(other) => assert!(
            matches!(other.place(), Some(Place::Cell { cell, .. }) if is_cell(&cell)),
            "errors name a cell: {other}"
        ),
    }
});
