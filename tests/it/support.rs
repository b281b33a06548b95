//! Helpers shared by the integration tests: the crate's files read by
//! path, the example assessments loaded, and the committed snapshots.

use std::path::{Path, PathBuf};

use interagency::Assessment;

/// Compares `actual` with the committed file `path` (relative to the crate
/// root). With `UPDATE_SNAPSHOTS=1` in the environment it rewrites the file
/// instead.
#[track_caller]
pub fn assert_snapshot(path: &str, actual: &str) {
    let file: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).expect("create snapshot directory");
        }
        std::fs::write(&file, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&file).unwrap_or_default();
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or_else(|| "the end".to_owned(), |n| format!("line {}", n + 1));
        panic!(
            "{path} is out of date (first difference at {line}).\n\
             If the change is intended, regenerate it with:\n    \
             UPDATE_SNAPSHOTS=1 cargo test\n\
             and commit the result."
        );
    }
}

/// Reads a file relative to the crate root.
#[track_caller]
pub fn read(path: &str) -> String {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("read {}: {e}", file.display()))
}

/// Reads the assessment document at `path`, relative to the crate root.
#[track_caller]
pub fn assessment(path: &str) -> Assessment {
    Assessment::from_json(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The example assessment `examples/data/<name>.json`.
#[track_caller]
pub fn example(name: &str) -> Assessment {
    assessment(&format!("examples/data/{name}.json"))
}

/// The progress from `earlier` to `later` with the default rubric.
pub fn progress(
    earlier: &interagency::Assessment,
    later: &interagency::Assessment,
    target: Option<interagency::Level>,
) -> interagency::Result<interagency::ProgressReport> {
    later.progress_since(earlier, target)
}

/// An assessment of a partnership built from its parts, checking every
/// rule: the partnership's, then its responses'.
pub fn assemble(
    name: &str,
    assessed_on: Option<interagency::Date>,
    agencies: Vec<interagency::Agency>,
    characteristics: impl IntoIterator<Item = interagency::Characteristic>,
    responses: Vec<interagency::Response>,
) -> interagency::Result<interagency::Assessment> {
    interagency::Partnership::new(name, assessed_on, agencies, characteristics)?
        .with_responses(responses)
}

/// A small deterministic generator (`SplitMix64`).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `numbers.xls` with its first sheet record pointing past the end of the
/// workbook stream: a sound container, whose workbook makes calamine
/// 0.38's `.xls` reader panic (it slices the stream at the sheet's offset).
#[cfg(feature = "xlsx")]
pub fn xls_the_reader_panics_on() -> Vec<u8> {
    let mut bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/numbers.xls"
    ))
    .unwrap();
    // The sheet record of "Responses": type 0x0085, 17 bytes, the sheet's
    // offset first.
    let at = bytes
        .windows(4)
        .position(|w| w == [0x85, 0x00, 0x11, 0x00])
        .unwrap();
    bytes[at + 4..at + 8].copy_from_slice(&u32::MAX.to_le_bytes());
    bytes
}
