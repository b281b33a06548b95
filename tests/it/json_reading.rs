//! Reading assessment documents: the plain reader, which takes documents
//! in the usual shape straight from the text, and serde's typed path must
//! give the same assessment, or both refuse the text. Debug builds (these
//! tests) also compare the two inside `Assessment::from_json`, error for
//! error, on every document read.

use interagency::Assessment;

use crate::support::{Rng, read};

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

/// An edit at a random place that keeps the text JSON, or breaks it, or
/// breaks a rule, or only changes its spelling: the shapes the plain reader
/// gives up on, and the ones it must read itself.
fn edit(rng: &mut Rng, text: &str) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let (at, c) = chars[rng.index(chars.len())];
    let (before, after) = text.split_at(at);
    let rest = &after[c.len_utf8()..];
    let pick = |rng: &mut Rng, options: &[&str]| options[rng.index(options.len())].to_owned();
    let replacement = match rng.below(10) {
        // Whitespace, before or instead.
        0 => format!("{}{c}", pick(rng, &[" ", "\n", "\r\n", "\t", "\u{a0}"])),
        // A digit for another value.
        1 if c.is_ascii_digit() => pick(
            rng,
            &[
                "0", "1", "5", "6", "9", "45", "4.0", "4e0", "-3", "\"4\"", "null", "true", "[4]",
                "{}",
            ],
        ),
        // A letter escaped, or a character JSON must escape.
        2 if c.is_ascii_alphanumeric() => format!("\\u{:04x}", c as u32),
        2 => pick(
            rng,
            &[
                "\\\"",
                "\\\\",
                "\\/",
                "\\n",
                "\\ud83d\\ude00",
                "\\ud83d",
                "\\x",
                "\u{1}",
            ],
        ),
        // Text cut or added.
        3 => String::new(),
        4 => pick(rng, &[",", "}", "]", "\"", ":", "{", "[", "é", "😀"]) + &c.to_string(),
        // A value or key doubled: the text from here to the next comma again.
        5 => {
            let end = rest.find(',').map_or(rest.len(), |i| i + 1);
            format!("{c}{}{c}", &rest[..end])
        }
        _ => c.to_string(),
    };
    format!("{before}{replacement}{rest}")
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

#[test]
fn edited_documents_read_the_same_both_ways_or_not_at_all() {
    let mut rng = Rng(0x9_1A1D);
    let (mut read_both, mut refused) = (0, 0);
    for round in 0..6_000 {
        let mut text = read(EXAMPLES[round % EXAMPLES.len()]);
        for _ in 0..=rng.below(3) {
            text = edit(&mut rng, &text);
        }
        if check(&text) {
            read_both += 1;
        } else {
            refused += 1;
        }
    }
    // Both kinds are common, so both are tested.
    assert!(
        read_both > 1_000 && refused > 1_000,
        "{read_both} read, {refused} refused"
    );
}
