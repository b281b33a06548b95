//! Reading assessment documents: `Assessment::from_json` (text),
//! `Assessment::from_slice` (bytes) and serde's typed path give the same
//! assessment for the example files however they are spelled, and the
//! ratings maps read keys with escapes, keys of other formats and every
//! kind of wrong entry as they always have.

use interagency::{Assessment, Error, Facilitator, Obstacle, Rating};

use crate::support::read;

const EXAMPLES: [&str; 4] = [
    "examples/data/child-protection-hub.json",
    "examples/data/early-years-network.json",
    "examples/data/early-years-network-2027.json",
    "examples/data/integrated-family-centre.json",
];

/// `Assessment::from_json` against `from_slice` and serde's typed path;
/// true if all read the text. A byte-order mark is for the first two only.
fn check(text: &str) -> bool {
    let read = Assessment::from_json(text);
    let bytes = Assessment::from_slice(text.as_bytes());
    let serde = serde_json::from_str::<Assessment>(text.trim_start_matches('\u{feff}'));
    match (&read, &bytes, &serde) {
        (Ok(a), Ok(b), Ok(c)) => {
            assert_eq!(a, b, "{text}");
            assert_eq!(a, c, "{text}");
        }
        (Err(a), Err(b), Err(_)) => assert_eq!(a, b, "{text}"),
        _ => panic!(
            "one read {text:?} and another did not: {:?} against {:?} against {:?}",
            read.err(),
            bytes.err(),
            serde.err()
        ),
    }
    read.is_ok()
}

#[test]
fn the_example_documents_read_the_same_every_way() {
    for path in EXAMPLES {
        let text = read(path);
        assert!(check(&text), "{path} reads");
        assert!(
            check(&format!("\u{feff}{text}")),
            "{path} after a byte-order mark"
        );
        assert!(check(&text.replace('\n', "\r\n")), "{path} with CRLF");
        let value = serde_json::from_str::<serde_json::Value>(&text).unwrap();
        assert!(
            check(&serde_json::to_string(&value).unwrap()),
            "{path} without whitespace"
        );
        assert!(
            check(&serde_json::to_string_pretty(&value).unwrap()),
            "{path} pretty-printed"
        );
        assert!(!check(&text.replacen("\"leadership\"", "\"lead\"", 1)));
    }
}

/// A document with one response whose `facilitators` map is `ratings`.
fn document(ratings: &str) -> String {
    format!(
        r#"{{"partnership": "N", "characteristics": [],
  "agencies": [{{"id": "a", "name": "A"}}, {{"id": "b", "name": "B"}}],
  "responses": [{{"respondent": "r1", "agency": "a", "role": "manager",
    "facilitators": {ratings}, "obstacles": {{"conflict": 2}}}}]}}"#
    )
}

fn error(ratings: &str) -> String {
    let text = document(ratings);
    let err = Assessment::from_json(&text).unwrap_err().to_string();
    assert_eq!(
        Assessment::from_slice(text.as_bytes())
            .unwrap_err()
            .to_string(),
        err
    );
    err
}

#[test]
fn keys_with_escapes_name_their_items() {
    let plain = Assessment::from_json(&document(r#"{"leadership": 4, "trust_and_openness": 1}"#));
    for spelled in [
        r#"{"leader\u0073hip": 4, "trust_and_openness": 1}"#,
        r#"{"\u006ceadership": 4, "trust_and_opennes\u0073": 1}"#,
        r#"{"leadership": 4, "trust_and_openness": 1, "\u006Ceadership": 4}"#,
    ] {
        let read = Assessment::from_json(&document(spelled));
        if spelled.ends_with("4}") {
            assert!(read.is_err(), "{spelled}: a key given twice");
        } else {
            assert_eq!(read.as_ref().ok(), plain.as_ref().ok(), "{spelled}");
        }
    }
    let a = plain.unwrap();
    let ratings = a.responses()[0].facilitators;
    assert_eq!(ratings.get(Facilitator::Leadership), Rating::new(4));
    assert_eq!(ratings.get(Facilitator::TrustAndOpenness), Rating::new(1));
    assert_eq!(ratings.len(), 2);
    assert_eq!(
        a.responses()[0].obstacles.get(Obstacle::Conflict),
        Rating::new(2)
    );
}

#[test]
fn a_wrong_entry_is_named_with_its_respondent() {
    assert_eq!(
        error(r#"{"leader\u0073hi": 4}"#),
        "responses[0].facilitators: unknown facilitator \"leadershi\" rated by respondent \"r1\"; \
         expected one of: clarity_of_purpose_and_roles, whole_agency_commitment, leadership, \
         trust_and_openness, good_communication, information_sharing_procedures, \
         staff_relationship_opportunities"
    );
    assert_eq!(
        error(r#"{"good_communication": 4, "leadership": 2, "leadership": 3}"#),
        "responses[0].facilitators.leadership: respondent \"r1\" rates it twice"
    );
    assert_eq!(
        error(r#"{"leadership": 6, "funding": 2}"#),
        "responses[0].facilitators.leadership: respondent \"r1\" gives 6; \
         a rating is an integer from 1 to 5"
    );
    // The first problem is kept; the rest of the map is still read.
    assert_eq!(
        error(r#"{"funding": 2, "leadership": 6, "leadership": 1}"#),
        error(r#"{"funding": 2}"#)
    );
    assert!(
        error(r#"{"leadership": 2, "good_communication": 3,}"#)
            .starts_with("responses[0].facilitators")
    );
    assert_eq!(
        error(r#"{"leadership": {"a": [1]}}"#),
        "responses[0].facilitators.leadership: respondent \"r1\" gives a map; \
         a rating is an integer from 1 to 5"
    );
}

#[test]
fn keys_of_other_formats_are_described() {
    // A format whose map keys need not be strings: serde's value of a map
    // with an integer key, a boolean key and a map as a key.
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error as ValueError, MapDeserializer};

    fn read<K>(key: K) -> String
    where
        K: for<'de> IntoDeserializer<'de, ValueError>,
    {
        let map = MapDeserializer::<_, ValueError>::new(std::iter::once((key, 3u8)));
        serde::Deserialize::deserialize(map).map_or_else(
            |e: ValueError| e.to_string(),
            |r: interagency::Ratings<Facilitator>| format!("{r:?}"),
        )
    }
    assert_eq!(read("good_communication"), "{\"good_communication\": 3}");
    assert!(read(7u8).contains("\"integer `7`\""), "{}", read(7u8));
    assert!(read(true).contains("\"boolean `true`\""), "{}", read(true));
    assert!(read(()).contains("\"null\""), "{}", read(()));
    assert!(read(2.5f64).contains("\"floating point `2.5`\""));
    assert!(read(-1i64).contains("\"integer `-1`\""));
    // Bytes, which no JSON key is: refused, as a key that is not a string.
    assert_eq!(
        read(&b"vision"[..]),
        "invalid type: byte array, expected a string"
    );
    // Ratings that are bytes: refused, as ratings that are not a map.
    let bytes = serde::de::value::BytesDeserializer::<ValueError>::new(b"{}");
    let refused: Result<interagency::Ratings<Obstacle>, _> = serde::Deserialize::deserialize(bytes);
    assert_eq!(
        refused.unwrap_err().to_string(),
        "invalid type: byte array, expected a map from obstacle identifier to rating"
    );
}

#[test]
fn bytes_are_read_as_text_is() {
    let text = read(EXAMPLES[0]);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    assert_eq!(
        Assessment::from_slice(&bytes).unwrap(),
        Assessment::from_json(&text).unwrap()
    );
    let bad = text.replacen("Northgate", "North\u{1}gate", 1);
    let mut bytes = bad.clone().into_bytes();
    assert_eq!(
        Assessment::from_slice(&bytes).unwrap_err(),
        Assessment::from_json(&bad).unwrap_err()
    );
    // Bytes that are not UTF-8: an error at the string that holds them.
    let at = text.find("Northgate").unwrap();
    bytes.clone_from(&text.clone().into_bytes());
    bytes[at] = 0xFF;
    let err = Assessment::from_slice(&bytes).unwrap_err();
    assert!(
        matches!(&err, Error::Json { path, message, .. }
            if path == "partnership" && message == "invalid unicode code point"),
        "{err:?}"
    );
    for text in ["{} []", "[", "", "{\"partnership\": 3}"] {
        assert_eq!(
            Assessment::from_slice(text.as_bytes()).unwrap_err(),
            Assessment::from_json(text).unwrap_err(),
            "{text}"
        );
    }
}

#[test]
fn errors_of_the_whole_document_name_the_document() {
    for text in ["", "x", "[]", "3", "{\"partnership\": \"N\"} x"] {
        let err = Assessment::from_json(text).unwrap_err();
        assert!(
            matches!(&err, Error::Json { path, .. } if path == "document"),
            "{text}: {err:?}"
        );
    }
}

#[test]
fn responses_that_are_not_a_list_are_refused() {
    let text = r#"{"partnership": "N", "characteristics": [],
  "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}], "responses": {}}"#;
    assert_eq!(
        Assessment::from_json(text).unwrap_err().to_string(),
        "responses: invalid type: map, expected a sequence (line 2, column 81)"
    );
}
