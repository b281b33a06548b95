//! The assessment document: what is accepted, and the exact error
//! for every rule broken.

use interagency::{
    Agency, Assessment, Characteristic, Date, Error, Facilitator, Obstacle, Place, Rating,
    Response, Role, Sector,
};
use serde_json::{Value, json};

fn valid() -> Value {
    json!({
        "partnership": "Northside Family Support Network",
        "assessed_on": "2026-03-01",
        "agencies": [
            {"id": "cfa", "name": "Child and Family Agency", "sector": "social_work"},
            {"id": "hse", "name": "Community Health", "sector": "health"}
        ],
        "characteristics": ["consistent_goals", "complementary_services"],
        "responses": [
            {"respondent": "r1", "agency": "cfa", "role": "frontline",
             "facilitators": {"good_communication": 4, "leadership": 2},
             "obstacles": {"conflict": 3}},
            {"respondent": "r2", "agency": "hse", "role": "manager",
             "obstacles": {"conflict": 1}}
        ]
    })
}

/// The message of the error that parsing `doc` gives, without the position
/// `serde_json` appends.
#[track_caller]
fn error(doc: &Value) -> String {
    let text = serde_json::to_string(doc).unwrap();
    let err = serde_json::from_str::<Assessment>(&text)
        .unwrap_err()
        .to_string();
    match err.rsplit_once(" at line ") {
        Some((message, _)) => message.to_owned(),
        None => err,
    }
}

#[track_caller]
fn assert_error(doc: &Value, expected: &str) {
    assert_eq!(error(doc), expected);
}

#[test]
fn the_documented_example_is_accepted() {
    let a: Assessment = serde_json::from_value(valid()).unwrap();
    assert_eq!(a.partnership(), "Northside Family Support Network");
    assert_eq!(a.assessed_on(), Date::new(2026, 3, 1));
    assert_eq!(a.agencies().len(), 2);
    assert_eq!(a.agencies()[0].sector, Some(Sector::SocialWork));
    assert_eq!(
        a.characteristics(),
        [
            Characteristic::ConsistentGoals,
            Characteristic::ComplementaryServices
        ]
        .into()
    );
    let r = &a.responses()[0];
    assert_eq!(r.role, Role::Frontline);
    assert_eq!(r.facilitators.get(Facilitator::Leadership), Rating::new(2));
    assert_eq!(r.facilitators.len(), 2);
    assert_eq!(r.obstacles.get(Obstacle::Conflict), Rating::new(3));
}

#[test]
fn optional_parts_may_be_left_out() {
    let mut doc = valid();
    doc.as_object_mut().unwrap().remove("assessed_on");
    doc["agencies"][0].as_object_mut().unwrap().remove("sector");
    doc["responses"] = json!([]);
    doc["characteristics"] = json!([]);
    let a: Assessment = serde_json::from_value(doc).unwrap();
    assert_eq!(a.assessed_on(), None);
    assert_eq!(a.agencies()[0].sector, None);
    assert!(a.responses().is_empty());
}

#[test]
fn serialization_round_trips() {
    let a: Assessment = serde_json::from_value(valid()).unwrap();
    let text = serde_json::to_string(&a).unwrap();
    let back: Assessment = serde_json::from_str(&text).unwrap();
    assert_eq!(back, a);
    assert_eq!(serde_json::to_value(&a).unwrap(), valid());
}

#[test]
fn partnership_must_not_be_blank() {
    let mut doc = valid();
    doc["partnership"] = json!("  \t");
    assert_error(&doc, "partnership: must not be empty, got \"  \\t\"");
}

#[test]
fn assessed_on_must_be_a_real_date() {
    for bad in [
        "2026-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-01-00",
        "2026-3-01",
        "01/03/2026",
        "2026-03x01",
        "2026x03-01",
        "2026-+3-01",
        "2026-03-01T00:00",
        "0000-01-01",
        "2026-04-31",
        "2026-06-31",
        "2026-09-31",
        "2026-11-31",
    ] {
        let mut doc = valid();
        doc["assessed_on"] = json!(bad);
        assert_error(
            &doc,
            &format!("assessed_on: \"{bad}\" is not a real date in YYYY-MM-DD form"),
        );
    }
    let mut doc = valid();
    doc["assessed_on"] = json!("2024-02-29");
    assert!(serde_json::from_value::<Assessment>(doc).is_ok());
}

#[test]
fn at_least_two_agencies() {
    let mut doc = valid();
    doc["agencies"] = json!([{"id": "cfa", "name": "Child and Family Agency"}]);
    doc["responses"] = json!([]);
    assert_error(&doc, "agencies: at least two agencies are needed, got 1");
    doc["agencies"] = json!([]);
    assert_error(&doc, "agencies: at least two agencies are needed, got 0");
}

#[test]
fn agency_ids_are_non_empty_and_unique() {
    let mut doc = valid();
    doc["agencies"][1]["id"] = json!("");
    assert_error(&doc, "agencies[1].id: must not be empty, got \"\"");
    doc["agencies"][1]["id"] = json!("cfa");
    assert_error(&doc, "agencies[1].id: agency \"cfa\" is listed twice");
}

#[test]
fn sectors_are_known() {
    let mut doc = valid();
    doc["agencies"][1]["sector"] = json!("police");
    assert_error(
        &doc,
        "agencies[1].sector: unknown sector \"police\" for agency \"hse\"; expected one of: \
         health, education, social_work, family_support, justice, youth, housing, \
         community_voluntary, local_government, other",
    );
}

#[test]
fn characteristics_are_known_and_listed_once() {
    let mut doc = valid();
    doc["characteristics"] = json!(["consistent_goals", "shared_goals"]);
    assert_error(
        &doc,
        "characteristics[1]: unknown characteristic \"shared_goals\"; expected one of: \
         consistent_goals, complementary_services, tackles_overlap_and_gaps, common_outcomes, \
         planned_and_systematic, shared_agreed_goals, single_organisation",
    );
    doc["characteristics"] = json!(["consistent_goals", "common_outcomes", "consistent_goals"]);
    assert_error(
        &doc,
        "characteristics[2]: \"consistent_goals\" is listed twice",
    );
}

#[test]
fn respondents_are_non_empty_and_unique() {
    let mut doc = valid();
    doc["responses"][1]["respondent"] = json!(" ");
    assert_error(
        &doc,
        "responses[1].respondent: must not be empty, got \" \"",
    );
    doc["responses"][1]["respondent"] = json!("r1");
    assert_error(
        &doc,
        "responses[1].respondent: respondent \"r1\" is listed twice",
    );
}

#[test]
fn a_respondent_listed_twice_is_found_among_many() {
    // Far apart, among thousands: the first repeat named, in document order.
    let mut doc = valid();
    let many: Vec<Value> = (0..5000)
        .map(|i| {
            json!({"respondent": format!("p{i}"), "agency": "cfa", "role": "frontline",
                        "obstacles": {"conflict": 1 + i % 5}})
        })
        .collect();
    doc["responses"] = Value::Array(many);
    assert!(serde_json::from_value::<Assessment>(doc.clone()).is_ok());
    doc["responses"][4321]["respondent"] = json!("p17");
    doc["responses"][4999]["respondent"] = json!("p3");
    assert_error(
        &doc,
        "responses[4321].respondent: respondent \"p17\" is listed twice",
    );
}

#[test]
fn the_network_answers_may_be_left_out_but_not_null() {
    let mut doc = valid();
    doc["responses"][0]["perceived_level"] = json!(null);
    let a: Assessment = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(a.responses()[0].perceived_level, None);
    for field in ["partners", "trust"] {
        let mut doc = valid();
        doc["responses"][0][field] = json!(null);
        let expected = if field == "partners" {
            "level"
        } else {
            "trust"
        };
        assert_error(
            &doc,
            &format!(
                "responses[0].{field}: respondent \"r1\": invalid type: null, \
                 expected a map from agency id to {expected}"
            ),
        );
    }
}

#[test]
fn responses_name_a_listed_agency() {
    let mut doc = valid();
    doc["responses"][1]["agency"] = json!("tusla");
    assert_error(
        &doc,
        "responses[1].agency: respondent \"r2\" names agency \"tusla\", which is not among the agencies (cfa, hse)",
    );
}

#[test]
fn roles_are_known() {
    let mut doc = valid();
    doc["responses"][0]["role"] = json!("director");
    assert_error(
        &doc,
        "responses[0].role: unknown role \"director\" for respondent \"r1\"; expected one of: \
         frontline, manager, senior_manager",
    );
}

#[test]
fn every_response_gives_a_rating() {
    let mut doc = valid();
    doc["responses"][1]
        .as_object_mut()
        .unwrap()
        .remove("obstacles");
    assert_error(
        &doc,
        "responses[1]: respondent \"r2\" gives no rating; at least one facilitator or obstacle rating is needed (or an answer about another agency, or a perceived level)",
    );
    doc["responses"][1]["facilitators"] = json!({});
    doc["responses"][1]["obstacles"] = json!({});
    assert!(error(&doc).starts_with("responses[1]: respondent \"r2\" gives no rating"));
}

#[test]
fn rated_items_are_known() {
    let mut doc = valid();
    doc["responses"][0]["facilitators"]["funding"] = json!(3);
    assert_error(
        &doc,
        "responses[0].facilitators: unknown facilitator \"funding\" rated by respondent \"r1\"; \
         expected one of: clarity_of_purpose_and_roles, whole_agency_commitment, leadership, \
         trust_and_openness, good_communication, information_sharing_procedures, \
         staff_relationship_opportunities",
    );
    let mut doc = valid();
    doc["responses"][1]["obstacles"]["leadership"] = json!(3);
    assert_error(
        &doc,
        "responses[1].obstacles: unknown obstacle \"leadership\" rated by respondent \"r2\"; \
         expected one of: time_not_prioritised, agreeing_policies_and_protocols, \
         changing_attitudes_and_beliefs, lack_of_collaborative_skills, conflict, collaboration_fatigue",
    );
}

#[test]
fn ratings_are_integers_from_1_to_5() {
    for (bad, shown) in [
        (json!(0), "0"),
        (json!(6), "6"),
        (json!(-1), "-1"),
        (json!(300), "300"),
        (json!(2.5), "2.5"),
        // A whole number with a decimal point is refused too, as the
        // schema's description says (JSON Schema's "integer" cannot).
        (json!(3.0), "3.0"),
        (json!("3"), "\"3\""),
        (json!(true), "true"),
        (json!(null), "null"),
        (json!(u64::MAX), "18446744073709551615"),
        (json!(-300), "-300"),
        (json!([4]), "a sequence"),
        (json!({"value": 4}), "a map"),
    ] {
        let mut doc = valid();
        doc["responses"][0]["facilitators"]["leadership"] = bad;
        assert_error(
            &doc,
            &format!(
                "responses[0].facilitators.leadership: respondent \"r1\" gives {shown}; \
                 a rating is an integer from 1 to 5"
            ),
        );
    }
    let mut doc = valid();
    doc["responses"][1]["obstacles"]["conflict"] = json!(9);
    assert_error(
        &doc,
        "responses[1].obstacles.conflict: respondent \"r2\" gives 9; a rating is an integer from 1 to 5",
    );
}

#[test]
fn an_item_is_rated_once() {
    let text = serde_json::to_string(&valid())
        .unwrap()
        .replace(r#""leadership":2"#, r#""leadership":2,"leadership":3"#);
    let err = serde_json::from_str::<Assessment>(&text)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("responses[0].facilitators.leadership: respondent \"r1\" rates it twice"),
        "{err}"
    );
}

#[test]
fn unknown_fields_are_rejected() {
    let mut doc = valid();
    doc["notes"] = json!("x");
    assert!(error(&doc).starts_with("unknown field `notes`"));
    let mut doc = valid();
    doc["agencies"][0]["phone"] = json!("x");
    assert!(error(&doc).starts_with("unknown field `phone`"));
    let mut doc = valid();
    doc["responses"][0]["comment"] = json!("x");
    assert!(error(&doc).starts_with("unknown field `comment`"));
}

#[test]
fn required_fields_are_required() {
    for field in ["partnership", "agencies", "characteristics"] {
        let mut doc = valid();
        doc.as_object_mut().unwrap().remove(field);
        assert_eq!(error(&doc), format!("missing field `{field}`"));
    }
    // Responses may be left out (they can come from a CSV file).
    let mut doc = valid();
    doc.as_object_mut().unwrap().remove("responses");
    let a: Assessment = serde_json::from_value(doc).unwrap();
    assert!(a.responses().is_empty());
    let mut doc = valid();
    doc["responses"][1]
        .as_object_mut()
        .unwrap()
        .remove("respondent");
    assert_error(&doc, "responses[1].respondent: missing");
    for field in ["agency", "role"] {
        let mut doc = valid();
        doc["responses"][1].as_object_mut().unwrap().remove(field);
        assert_error(
            &doc,
            &format!("responses[1].{field}: missing for respondent \"r2\""),
        );
        doc["responses"][1][field] = Value::Null;
        assert_error(
            &doc,
            &format!("responses[1].{field}: missing for respondent \"r2\""),
        );
    }
    let mut doc = valid();
    doc["agencies"][1].as_object_mut().unwrap().remove("name");
    assert_error(&doc, "agencies[1].name: missing for agency \"hse\"");
    doc["agencies"][1].as_object_mut().unwrap().remove("id");
    assert_error(&doc, "agencies[1].id: missing");
}

#[test]
fn the_first_error_in_document_order_is_reported() {
    let mut doc = valid();
    doc["partnership"] = json!("");
    doc["agencies"] = json!([]);
    assert!(error(&doc).starts_with("partnership:"));
}

#[test]
fn new_checks_the_same_rules_with_typed_errors() {
    let agencies = || {
        vec![
            Agency::new("a", "A"),
            Agency::new("b", "B").with_sector(Sector::Youth),
        ]
    };
    let mut rated = Response::new("r1", "a", Role::Manager);
    rated.obstacles.insert(Obstacle::Conflict, Rating::MAX);

    let ok = crate::support::assemble("P", None, agencies(), vec![], vec![rated.clone()]).unwrap();
    assert_eq!(ok.responses()[0], rated);

    let err = crate::support::assemble(
        "P",
        None,
        agencies(),
        vec![],
        vec![rated.clone(), rated.clone()],
    );
    assert_eq!(
        err.unwrap_err(),
        Error::DuplicateRespondent {
            place: Place::Field("responses[1].respondent".into()),
            respondent: "r1".into()
        }
    );
    let empty = Response::new("r2", "b", Role::Frontline);
    let err = crate::support::assemble("P", None, agencies(), vec![], vec![empty]);
    assert_eq!(
        err.unwrap_err(),
        Error::NoRatings {
            place: Place::Field("responses[0]".into()),
            respondent: "r2".into()
        }
    );
    let mut elsewhere = rated.clone();
    elsewhere.agency = "c".into();
    let err = crate::support::assemble("P", None, agencies(), vec![], vec![elsewhere]);
    assert!(matches!(
        err.unwrap_err(),
        Error::UnknownAgency { place: Place::Field(p), .. } if p == "responses[0].agency"
    ));
    let twice = vec![
        Characteristic::CommonOutcomes,
        Characteristic::CommonOutcomes,
    ];
    let err = crate::support::assemble("P", None, agencies(), twice, vec![]);
    assert_eq!(
        err.unwrap_err(),
        Error::DuplicateCharacteristic {
            index: 1,
            characteristic: Characteristic::CommonOutcomes
        }
    );
}

#[test]
fn ratings_and_dates_stand_alone() {
    assert_eq!(serde_json::from_str::<Rating>("4").unwrap().get(), 4);
    assert_eq!(
        serde_json::from_str::<Rating>("7").unwrap_err().to_string(),
        "rating 7 is not an integer from 1 to 5"
    );
    assert_eq!(Rating::try_from(0).unwrap_err(), Error::Rating { value: 0 });
    assert_eq!((1..=5).filter_map(Rating::new).count(), 5);
    assert_eq!(Rating::MIN.get(), 1);
    assert_eq!(Rating::MAX.get(), 5);
    let date: Date = serde_json::from_str("\"2026-12-31\"").unwrap();
    assert_eq!((date.year(), date.month(), date.day()), (2026, 12, 31));
    assert_eq!(Date::new(2026, 1, 31).unwrap().to_string(), "2026-01-31");
    assert_eq!(Date::new(9999, 12, 31).unwrap().year(), 9999);
    assert!(Date::new(10_000, 1, 1).is_none());
    assert!(Date::new(2026, 2, 28).is_some());
    assert!(Date::new(2024, 2, 30).is_none());
    assert!(Date::new(2026, 7, 31).is_some() && Date::new(2026, 8, 31).is_some());
    assert_eq!(serde_json::to_string(&date).unwrap(), "\"2026-12-31\"");
    assert!(Date::new(2100, 2, 29).is_none());
    assert!(Date::new(2000, 2, 29).is_some());
}

#[test]
fn ratings_maps_stand_alone() {
    use interagency::Ratings;
    let r: Ratings<Facilitator> =
        serde_json::from_str(r#"{"leadership": 2, "clarity_of_purpose_and_roles": 5}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        r#"{"clarity_of_purpose_and_roles":5,"leadership":2}"#
    );
    assert!(serde_json::from_str::<Ratings<Facilitator>>(r#"{"conflict": 2}"#).is_err());
    assert!(serde_json::from_str::<Ratings<Facilitator>>(r#"{"leadership": 6}"#).is_err());
    for (text, shown) in [
        ("[4]", "a sequence"),
        ("{}", "a map"),
        ("\"4\"", "\"4\""),
        ("-2", "-2"),
    ] {
        assert_eq!(
            serde_json::from_str::<Rating>(text)
                .unwrap_err()
                .to_string(),
            format!("rating {shown} is not an integer from 1 to 5")
        );
    }
}

/// The typed error `Assessment::from_json` gives for `text`, as a message.
#[track_caller]
fn from_json_error(text: &str) -> String {
    Assessment::from_json(text).unwrap_err().to_string()
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", serde_json::to_string(&valid()).unwrap());
    let a = Assessment::from_json(&text).unwrap();
    assert_eq!(a.partnership(), "Northside Family Support Network");
    assert_eq!(text[3..].parse::<Assessment>().unwrap(), a);
}

#[test]
fn control_characters_are_rejected() {
    let mut doc = valid();
    doc["partnership"] = json!("Northside\n# Injected heading");
    assert_error(
        &doc,
        "partnership: \"Northside\\n# Injected heading\" contains the control character '\\n'; \
         names and ids must be plain text on one line",
    );
    let mut doc = valid();
    doc["agencies"][1]["name"] = json!("Community\tHealth");
    assert_error(
        &doc,
        "agencies[1].name: \"Community\\tHealth\" contains the control character '\\t'; \
         names and ids must be plain text on one line",
    );
    let mut doc = valid();
    doc["agencies"][0]["id"] = json!("cfa\r");
    assert_error(
        &doc,
        "agencies[0].id: \"cfa\\r\" contains the control character '\\r'; \
         names and ids must be plain text on one line",
    );
    let mut doc = valid();
    doc["responses"][1]["respondent"] = json!("r\u{7}2");
    assert_error(
        &doc,
        "responses[1].respondent: \"r\\u{7}2\" contains the control character '\\u{7}'; \
         names and ids must be plain text on one line",
    );
}

#[test]
fn wrong_types_name_the_path_and_the_respondent() {
    let mut doc = valid();
    doc["responses"][1]["role"] = json!(3);
    assert_error(
        &doc,
        "responses[1].role: respondent \"r2\": invalid type: integer `3`, expected a role identifier",
    );
    let mut doc = valid();
    doc["responses"][0]["facilitators"] = json!([]);
    assert_error(
        &doc,
        "responses[0].facilitators: respondent \"r1\": invalid type: a sequence, \
         expected a map from facilitator identifier to rating",
    );
    let mut doc = valid();
    doc["responses"][1]["obstacles"] = json!("conflict");
    assert_error(
        &doc,
        "responses[1].obstacles: respondent \"r2\": invalid type: string \"conflict\", \
         expected a map from obstacle identifier to rating",
    );
    let mut doc = valid();
    doc["responses"][0]["agency"] = json!(7);
    assert_error(
        &doc,
        "responses[0].agency: respondent \"r1\": invalid type: integer `7`, expected a string",
    );
    let mut doc = valid();
    doc["responses"][0]["respondent"] = json!(true);
    assert_error(
        &doc,
        "responses[0].respondent: invalid type: boolean `true`, expected a string",
    );
    let mut doc = valid();
    doc["agencies"][1]["name"] = json!({"en": "Health"});
    assert_error(
        &doc,
        "agencies[1].name: agency \"hse\": invalid type: a map, expected a string",
    );
    let mut doc = valid();
    doc["agencies"][0]["sector"] = json!(2);
    assert_error(
        &doc,
        "agencies[0].sector: agency \"cfa\": invalid type: integer `2`, expected a sector identifier",
    );
    let mut doc = valid();
    doc["characteristics"] = json!(["consistent_goals", 4.5]);
    assert_error(
        &doc,
        "characteristics[1]: invalid type: floating point `4.5`, expected a characteristic identifier",
    );
    let mut doc = valid();
    doc["partnership"] = json!(12);
    assert_error(
        &doc,
        "partnership: invalid type: integer `12`, expected a string",
    );
}

#[test]
fn from_json_gives_the_path_line_and_column() {
    assert_eq!(
        from_json_error(
            "{\"partnership\": \"N\",\n \"agencies\": [{\"id\": \"a\", \"name\": \"A\"}, 7]}"
        ),
        "agencies[1]: invalid type: integer `7`, expected an agency: an object with an id and a name (line 2, column 41)"
    );
    // No internal type's name: what the document should be.
    assert_eq!(
        from_json_error("null"),
        "document: invalid type: null, expected an assessment document: an object with \
         partnership, agencies and characteristics (line 1, column 4)"
    );
    assert_eq!(
        from_json_error("{\"partnership\": \"N\", \"agencies\": [], \"characteristics\": []} x"),
        "document: trailing characters (line 1, column 61)"
    );
    assert_eq!(
        from_json_error("{\"partnership\": \"N\", \"colour\": 1}"),
        "colour: unknown field `colour`, expected one of `partnership`, `assessed_on`, \
         `agencies`, `characteristics`, `responses` (line 1, column 29)"
    );
    // A rule broken is the same typed error as through serde.
    let mut doc = valid();
    doc["responses"][0]["facilitators"]["leadership"] = json!(7);
    let err = Assessment::from_json(&doc.to_string()).unwrap_err();
    assert!(matches!(err, Error::InvalidRating { index: 0, .. }));
}
