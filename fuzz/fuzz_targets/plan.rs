//! Arbitrary bytes as an action plan, as `assess --plan` reads a file: a
//! plan document (JSON) when it starts with `{`, else a CSV file of one
//! action a row (or a spreadsheet). Any panic is a bug. Every rejected
//! file must give an error saying where (a field, a line or a cell); every
//! plan accepted must obey the rules, read back unchanged from its JSON
//! and its CSV, render, and be reviewed at the example's later round.
#![no_main]

use std::sync::OnceLock;

use interagency::{Assessment, Error, Plan, ProgressReport, Rubric};
use libfuzzer_sys::fuzz_target;

const PARTNERSHIP: &str = "Ballyfoyle Early Years Network";

/// The progress of the example network, from its 2026 round to its 2027 one.
fn progress() -> &'static ProgressReport {
    static PROGRESS: OnceLock<ProgressReport> = OnceLock::new();
    PROGRESS.get_or_init(|| {
        let earlier = Assessment::from_json(include_str!("../../examples/data/early-years-network.json"))
            .expect("the example is valid");
        let later = Assessment::from_json(include_str!("../../examples/data/early-years-network-2027.json"))
            .expect("the example is valid");
        later.progress_since(&earlier, None).expect("the rounds are in order")
    })
}

fuzz_target!(|data: &[u8]| {
    let rubric = Rubric::DEFAULT;
    match rubric.plan_from_bytes(data, PARTNERSHIP, None) {
        Ok(plan) => {
            rubric.check_plan(&plan).expect("a plan read obeys the rules");
            assert_eq!(Plan::from_json(&plan.to_json()).expect("its JSON reads back"), plan);
            let csv = rubric
                .plan_from_csv(plan.to_csv().as_bytes(), &plan.partnership, plan.made_on)
                .expect("its CSV reads back");
            assert_eq!(csv.actions, plan.actions);
            let _ = plan.markdown();
            let _ = plan.html();
            match progress().clone().with_plan(&plan) {
                Ok(report) => {
                    let review = report.plan_review.as_ref().expect("a review");
                    assert_eq!(review.actions.len(), plan.actions.len());
                    let s = review.summary;
                    assert_eq!(s.worked + s.not_yet + s.open + s.dropped, plan.actions.len());
                    let _ = report.markdown().to_string();
                    let _ = report.html().to_string();
                    let json = report.render(interagency::Format::Json);
                    let back: ProgressReport = serde_json::from_str(&json).expect("reads back");
                    assert_eq!(back, report);
                }
                // Another partnership's plan, or one made after the round.
                Err(Error::PlanMismatch { .. }) => {}
                Err(other) => panic!("a valid plan is reviewed or mismatched: {other}"),
            }
        }
        // A workbook that cannot be read is named as such; every other
        // error names where it is.
        Err(Error::Spreadsheet { .. } | Error::UnknownSheet { .. }) => {}
        Err(other) => assert!(other.place().is_some(), "errors say where: {other}"),
    }
});
