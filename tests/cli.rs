//! The `assess` example: output formats, targets, and exit status
//! 2 with nothing on stdout for bad input or arguments.

use std::path::PathBuf;
use std::process::{Command, Output};

/// The `assess` example binary, which `cargo test` builds next to the tests.
fn assess(args: &[&str]) -> Output {
    let deps = std::env::current_exe().unwrap();
    let dir = deps.parent().and_then(|d| d.parent()).unwrap();
    let exe: PathBuf = dir
        .join("examples")
        .join(format!("assess{}", std::env::consts::EXE_SUFFIX));
    Command::new(&exe)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e}", exe.display()))
}

const HUB: &str = "examples/data/child-protection-hub.json";

#[test]
fn markdown_by_default() {
    let out = assess(&[HUB]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("# Interagency working: Northgate Child Protection Hub\n"));
    assert!(text.contains("| Level sustained | **Collaboration (level 2 of 4)** |"));
    assert!(text.contains("1. **Secure commitment** (priority 2.62)"));
    assert!(out.stderr.is_empty());
}

#[test]
fn json_matches_the_library() {
    let out = assess(&[HUB, "--format", "json"]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/",
        "examples/data/child-protection-hub.json"
    ))
    .unwrap();
    let a: interagency::Assessment = serde_json::from_str(&text).unwrap();
    let expected = serde_json::to_string_pretty(&a.gap_analysis(None)).unwrap() + "\n";
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn target_option() {
    let out = assess(&["--target", "integration", "--format", "json", HUB]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["target"], "integration");
    assert_eq!(
        v["missing_characteristics"][0]["characteristic"],
        "single_organisation"
    );
}

#[track_caller]
fn assert_fails(args: &[&str], message: &str) {
    let out = assess(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(message), "{args:?}: {err}");
}

#[test]
fn bad_arguments_exit_2() {
    assert_fails(&[], "missing FILE");
    assert_fails(
        &[HUB, "--target", "merger"],
        "--target: unknown level \"merger\"",
    );
    assert_fails(&[HUB, "--target"], "--target needs a level");
    assert_fails(
        &[HUB, "--format", "html"],
        "--format: unknown format \"html\"",
    );
    assert_fails(&[HUB, "--verbose"], "unknown option \"--verbose\"");
    assert_fails(&[HUB, HUB], "unexpected argument");
    assert_fails(&["no/such/file.json"], "no/such/file.json");
}

#[test]
fn bad_input_exits_2_with_the_error() {
    let dir = std::env::temp_dir().join(format!("interagency-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/",
        "examples/data/child-protection-hub.json"
    ))
    .unwrap()
    .replace("\"leadership\": 2,", "\"leadership\": 6,");
    std::fs::write(&file, text).unwrap();
    assert_fails(
        &[file.to_str().unwrap()],
        "responses[0].facilitators.leadership: respondent \"cp1\" gives 6; a rating is an integer from 1 to 5",
    );
    std::fs::write(&file, "{ not json").unwrap();
    assert_fails(
        &[file.to_str().unwrap()],
        "bad.json: document: key must be a string (line 1, column 3)",
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
