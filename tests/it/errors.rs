//! Every error says where the problem is and what kind it is, the same
//! way whatever the input format: `Error::place`, `Error::respondent` and
//! `Error::kind`.

use interagency::{Assessment, Error, ErrorKind, Place, Rubric};

use crate::support;

fn document(responses: &str) -> String {
    format!(
        r#"{{"partnership": "Northside",
  "agencies": [{{"id": "cfa", "name": "CFA"}}, {{"id": "hse", "name": "HSE"}}],
  "characteristics": [],
  "responses": [{responses}]}}"#
    )
}

#[track_caller]
fn assert_where(err: &Error, place: Option<&Place>, respondent: Option<&str>, kind: ErrorKind) {
    assert_eq!(err.place().as_ref(), place, "{err}");
    assert_eq!(err.respondent(), respondent, "{err}");
    assert_eq!(err.kind(), kind, "{err}");
    // The message starts with the place, as the accessor gives it.
    if let Some(Place::Field(path)) = err.place() {
        assert!(err.to_string().starts_with(&path), "{err}");
    }
}

#[allow(
    clippy::unnecessary_wraps,
    reason = "the place as Error::place gives it"
)]
fn field(path: &str) -> Option<Place> {
    Some(Place::Field(path.to_owned()))
}

#[test]
fn document_errors_name_the_field_the_respondent_and_the_kind() {
    let cases: [(&str, Option<Place>, Option<&str>, ErrorKind); 7] = [
        (
            r#"{"respondent": "r1", "agency": "cfa", "role": "frontline", "facilitators": {"leadership": 7}}"#,
            field("responses[0].facilitators.leadership"),
            Some("r1"),
            ErrorKind::Invalid,
        ),
        (
            r#"{"respondent": "r1", "agency": "nope", "role": "frontline", "facilitators": {"leadership": 3}}"#,
            field("responses[0].agency"),
            Some("r1"),
            ErrorKind::Invalid,
        ),
        (
            r#"{"respondent": "r1", "agency": "cfa", "role": "frontline", "facilitators": {"leadership": 3}},
               {"respondent": "r1", "agency": "hse", "role": "frontline", "facilitators": {"leadership": 3}}"#,
            field("responses[1].respondent"),
            Some("r1"),
            ErrorKind::Duplicate,
        ),
        (
            r#"{"respondent": "r1", "agency": "cfa", "role": "frontline"}"#,
            field("responses[0]"),
            Some("r1"),
            ErrorKind::Missing,
        ),
        (
            r#"{"respondent": "r1", "agency": "cfa", "role": "chief", "facilitators": {"leadership": 3}}"#,
            field("responses[0].role"),
            Some("r1"),
            ErrorKind::Invalid,
        ),
        (
            r#"{"respondent": "r1", "agency": "cfa", "role": "frontline", "facilitators": {"kindness": 3}}"#,
            field("responses[0].facilitators"),
            Some("r1"),
            ErrorKind::Invalid,
        ),
        (
            r#"{"agency": "cfa", "role": "frontline", "facilitators": {"leadership": 3}}"#,
            field("responses[0].respondent"),
            None,
            ErrorKind::Missing,
        ),
    ];
    for (responses, place, respondent, kind) in cases {
        let err = Assessment::from_json(&document(responses)).unwrap_err();
        // A place names the whole response when the rule is about it.
        let place = match (&place, err.place()) {
            (Some(Place::Field(want)), Some(Place::Field(got))) if got.starts_with(want) => {
                Some(Place::Field(got))
            }
            _ => place,
        };
        assert_where(&err, place.as_ref(), respondent, kind);
    }
}

#[test]
fn text_that_is_not_json_names_line_and_column() {
    let err = Assessment::from_json("{\n  \"partnership\": \"Northside\",\n  oops\n}").unwrap_err();
    assert_where(
        &err,
        Some(&Place::Text {
            path: "document".to_owned(),
            line: 3,
            column: 3,
        }),
        None,
        ErrorKind::Syntax,
    );
    assert_eq!(
        err.place().unwrap().to_string(),
        "document (line 3, column 3)"
    );
}

#[test]
fn agency_and_partnership_errors_name_their_field() {
    let text = r#"{"partnership": "  ", "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
                   "characteristics": [], "responses": []}"#;
    let err = Assessment::from_json(text).unwrap_err();
    assert_where(
        &err,
        field("partnership").as_ref(),
        None,
        ErrorKind::Missing,
    );
    let text = r#"{"partnership": "N", "agencies": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}],
                   "characteristics": [], "responses": []}"#;
    let err = Assessment::from_json(text).unwrap_err();
    assert_where(
        &err,
        field("agencies[1].id").as_ref(),
        None,
        ErrorKind::Duplicate,
    );
    let text = r#"{"partnership": "N", "agencies": [{"id": "a", "name": "A"}],
                   "characteristics": [], "responses": []}"#;
    let err = Assessment::from_json(text).unwrap_err();
    assert_where(&err, field("agencies").as_ref(), None, ErrorKind::Mismatch);
}

#[test]
fn rubric_errors_name_their_field() {
    let mut rubric: serde_json::Value =
        serde_json::from_str(&support::read("examples/rubrics/statutory.json")).unwrap();
    rubric["facilitator_thresholds"]["lower"] = serde_json::json!(4.9);
    let err = Rubric::from_json(&rubric.to_string()).unwrap_err();
    assert_where(
        &err,
        field("facilitator_thresholds").as_ref(),
        None,
        ErrorKind::Mismatch,
    );
}

#[cfg(feature = "csv")]
mod exports {
    use interagency::{ErrorKind, Partnership, Place, SurveyOptions};

    use super::assert_where;

    fn partnership() -> Partnership {
        Partnership::from_json(
            r#"{"partnership": "Northside",
                "agencies": [{"id": "cfa", "name": "CFA"}, {"id": "hse", "name": "HSE"}],
                "characteristics": []}"#,
        )
        .unwrap()
    }

    #[test]
    fn csv_errors_name_line_and_column() {
        let csv = "respondent,agency,role,Leadership\r\nr1,cfa,manager,4\r\nr2,cfa,manager,9\r\n";
        let err = partnership()
            .with_responses_from_export(csv, &SurveyOptions::new())
            .unwrap_err();
        let place = Some(Place::Line {
            line: 3,
            column: Some("Leadership".to_owned()),
        });
        assert_where(&err, place.as_ref(), None, ErrorKind::Invalid);

        let csv = "respondent,agency,role,Leadership\nr1,cfa,manager,4\nr1,hse,manager,3\n";
        let err = partnership()
            .with_responses_from_export(csv, &SurveyOptions::new())
            .unwrap_err();
        assert_eq!(err.respondent(), Some("r1"));
        assert_eq!(err.kind(), ErrorKind::Duplicate);
        assert!(
            matches!(err.place(), Some(Place::Line { line: 3, .. })),
            "{err}"
        );

        let csv = "respondent,role,Leadership\nr1,manager,4\n";
        let err = partnership()
            .with_responses_from_export(csv, &SurveyOptions::new())
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Missing, "{err}");
        assert!(
            matches!(err.place(), Some(Place::Line { line: 1, .. })),
            "{err}"
        );
    }

    #[cfg(feature = "xlsx")]
    #[test]
    fn spreadsheet_errors_name_the_cell() {
        let data = std::fs::read(format!(
            "{}/tests/data/errors.xlsx",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let hub = Partnership::from_json(&crate::support::read(
            "examples/survey/child-protection-hub.partnership.json",
        ))
        .unwrap();
        let err = hub
            .with_responses_from_export(&data, &SurveyOptions::new().sheet("Responses"))
            .unwrap_err();
        let place = Some(Place::Cell {
            sheet: "Responses".to_owned(),
            cell: "E5".to_owned(),
            column: None,
        });
        assert_where(&err, place.as_ref(), None, ErrorKind::Invalid);
        let err = partnership()
            .with_responses_from_export(&data, &SurveyOptions::new().sheet("Nowhere"))
            .unwrap_err();
        assert_where(&err, None, None, ErrorKind::Mismatch);
    }
}

#[test]
fn kinds_of_plan_and_response_errors() {
    // A response without its agency names its respondent.
    let missing = Assessment::from_json(&document(
        r#"{"respondent": "r1", "role": "frontline", "facilitators": {"leadership": 3}}"#,
    ))
    .unwrap_err();
    assert_eq!(missing.respondent(), Some("r1"), "{missing}");
    assert_eq!(missing.kind(), ErrorKind::Missing, "{missing}");
    let wrong = Assessment::from_json(&document(
        r#"{"respondent": "r1", "agency": 7, "role": "frontline", "facilitators": {"leadership": 3}}"#,
    ))
    .unwrap_err();
    assert_eq!(wrong.respondent(), Some("r1"), "{wrong}");
    // A plan with no action, and one with an action twice.
    let rubric = Rubric::default();
    let empty = r#"{"partnership": "Northside", "actions": []}"#;
    let err = rubric.plan_from_json(empty).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Missing, "{err}");
    let action = r#"{"id": "a1", "tip": "secure_commitment", "addresses": [{"facilitator": "whole_agency_commitment"}], "status": "planned"}"#;
    let twice = format!(r#"{{"partnership": "Northside", "actions": [{action}, {action}]}}"#);
    let err = rubric.plan_from_json(&twice).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Duplicate, "{err}");
    let bad = action.replace("planned", "finished");
    let err = rubric
        .plan_from_json(&format!(
            r#"{{"partnership": "Northside", "actions": [{bad}]}}"#
        ))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
}

#[test]
fn json_errors_are_told_apart_by_kind() {
    // Each a document that is well-formed JSON but not an assessment,
    // then text that is not JSON at all.
    let agencies = r#""agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]"#;
    for (text, kind) in [
        (
            format!(r#"{{"partnership": "N", {agencies}}}"#),
            ErrorKind::Missing,
        ),
        (
            format!(
                r#"{{"partnership": "N", "partnership": "M", {agencies}, "characteristics": []}}"#
            ),
            ErrorKind::Duplicate,
        ),
        (
            format!(r#"{{"partnership": "N", {agencies}, "characteristics": [], "colour": 1}}"#),
            ErrorKind::Invalid,
        ),
        (
            r#"{"partnership": "N", "agencies": {}, "characteristics": []}"#.to_owned(),
            ErrorKind::Invalid,
        ),
        (
            format!(
                r#"{{"partnership": "N", {agencies}, "characteristics": [], "responses": [{{"respondent": "r", "agency": "a", "role": "frontline", "facilitators": {{"leadership": 3}}, "role": "manager"}}]}}"#
            ),
            ErrorKind::Duplicate,
        ),
        (r#"{"partnership": "N""#.to_owned(), ErrorKind::Syntax),
        (r#"{"partnership": "N",}"#.to_owned(), ErrorKind::Syntax),
        (String::new(), ErrorKind::Syntax),
    ] {
        let err = Assessment::from_json(&text).unwrap_err();
        assert!(matches!(err, interagency::Error::Json { .. }), "{err}");
        assert_eq!(err.kind(), kind, "{text}: {err}");
    }
}

#[cfg(feature = "csv")]
#[test]
fn kinds_of_export_errors() {
    use interagency::{Partnership, SurveyOptions};

    // An export that names an item twice, or breaks its quoting.
    let partnership = Partnership::from_json(
        r#"{"partnership": "Northside", "agencies": [{"id": "cfa", "name": "CFA"}, {"id": "hse", "name": "HSE"}], "characteristics": []}"#,
    )
    .unwrap();
    let refused = |csv: &str| {
        partnership
            .clone()
            .with_responses_from_csv(csv, &SurveyOptions::new())
            .unwrap_err()
    };
    let err = refused("respondent,agency,role,Leadership,Leadership\nr1,cfa,frontline,3,4\n");
    assert_eq!(err.kind(), ErrorKind::Duplicate, "{err}");
    let err = refused("respondent,agency,role,Leadership\nr1,cfa,frontline\n");
    assert_eq!(err.kind(), ErrorKind::Syntax, "{err}");
}
