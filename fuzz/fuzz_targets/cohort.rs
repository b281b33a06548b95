//! Arbitrary bytes as a cohort: the parts between NUL bytes each read as
//! an assessment document, the valid ones added to a cohort (the last one
//! also its focus), the cohort report made and rendered as Markdown, SVG
//! and HTML; the whole also read as a cohort report and rendered. Any
//! panic is a bug: a cohort of any documents is summed up or refused with
//! an error, and every report it makes fits together and reads back equal.
#![no_main]

use interagency::{Assessment, Cohort, CohortReport, Error};
use libfuzzer_sys::fuzz_target;

fn render(report: &CohortReport) {
    let _ = report.markdown().to_string();
    let _ = report.svg().to_string();
    let _ = report.html().to_string();
    let json = serde_json::to_string(report).expect("reports serialize");
    let back: CohortReport = serde_json::from_str(&json).expect("reports read back");
    assert_eq!(&back, report);
}

fuzz_target!(|data: &[u8]| {
    let mut cohort = Cohort::new();
    let mut focus = None;
    for (i, part) in data.split(|&b| b == 0).enumerate() {
        let Ok(text) = std::str::from_utf8(part) else {
            continue;
        };
        let Ok(assessment) = Assessment::from_json(text) else {
            continue;
        };
        let before = cohort.len();
        match cohort.add(&assessment, &format!("part {i}")) {
            Ok(()) => assert_eq!(cohort.len(), before + 1),
            Err(Error::DuplicatePartnership { partnership, second, .. }) => {
                assert_eq!(partnership, assessment.partnership());
                assert_eq!(second, format!("part {i}"));
                assert_eq!(cohort.len(), before);
            }
            Err(e) => panic!("adding a valid assessment: {e}"),
        }
        focus = Some(assessment);
    }
    match cohort.report(focus.as_ref()) {
        Ok(report) => {
            assert!(cohort.len() >= 5);
            report.check().expect("a report the crate makes fits together");
            render(&report);
        }
        Err(e) => {
            assert!(cohort.len() < 5, "{e}");
            assert!(e.to_string().contains("at least 5 partnerships"));
        }
    }
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(report) = serde_json::from_str::<CohortReport>(text)
    {
        render(&report);
    }
});
