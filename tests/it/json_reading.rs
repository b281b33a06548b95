//! Reading assessment documents: `Assessment::from_json`, which reads
//! documents of the usual shape straight from the text, and serde's typed
//! path give the same assessment for the example files however they are
//! spelled. (The library's own tests edit the documents at random; debug
//! builds compare the two ways inside `from_json` on every document read.)

use interagency::Assessment;

use crate::support::read;

const EXAMPLES: [&str; 4] = [
    "examples/data/child-protection-hub.json",
    "examples/data/early-years-network.json",
    "examples/data/early-years-network-2027.json",
    "examples/data/integrated-family-centre.json",
];

/// `Assessment::from_json` (the plain reader where it can) against serde's
/// typed path alone (`Deserialize`, which never uses the plain reader).
fn check(text: &str) -> bool {
    let plain = Assessment::from_json(text);
    let serde = serde_json::from_str::<Assessment>(text.trim_start_matches('\u{feff}'));
    match (&plain, &serde) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
        (Err(_), Err(_)) => {}
        _ => panic!(
            "one read {text:?} and the other did not: {:?} against {:?}",
            plain.err(),
            serde.err()
        ),
    }
    plain.is_ok()
}

#[test]
fn the_example_documents_read_the_same_both_ways() {
    for path in EXAMPLES {
        let text = read(path);
        assert!(check(&text), "{path} reads");
        assert!(
            check(&format!("\u{feff}{text}")),
            "{path} after a byte-order mark"
        );
        assert!(check(&text.replace('\n', "\r\n")), "{path} with CRLF");
        let squeezed: String =
            serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&text).unwrap())
                .unwrap();
        assert!(check(&squeezed), "{path} without whitespace");
    }
}
