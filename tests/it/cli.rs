//! The `assess` example: output formats, targets, and exit status
//! 2 with nothing on stdout for bad input or arguments.

use std::path::PathBuf;
use std::process::{Command, Output};

use crate::support;

/// The `assess` example binary, which `cargo test` builds next to the tests.
pub(crate) fn assess(args: &[&str]) -> Output {
    example("assess", args)
}

/// Runs an example binary, which `cargo test` builds next to the tests.
pub(crate) fn example(name: &str, args: &[&str]) -> Output {
    let deps = std::env::current_exe().unwrap();
    let dir = deps.parent().and_then(|d| d.parent()).unwrap();
    let exe: PathBuf = dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
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
    let a = support::assessment(HUB);
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
    assert_fails(&[], "the following required arguments were not provided");
    assert_fails(
        &[HUB, "--target", "merger"],
        "invalid value 'merger' for '--target <LEVEL>': unknown level \"merger\"",
    );
    assert_fails(
        &[HUB, "--target"],
        "a value is required for '--target <LEVEL>'",
    );
    assert_fails(
        &[HUB, "--format", "pdf"],
        "invalid value 'pdf' for '--format <FORMAT>'",
    );
    assert_fails(&[HUB, "--verbose"], "unexpected argument '--verbose'");
    assert_fails(&[HUB, HUB], "unexpected argument");
    assert_fails(&["no/such/file.json"], "no/such/file.json");
}

#[test]
fn help_documents_every_option_and_exits_0() {
    let out = assess(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for option in ["--target", "--rubric", "--format"] {
        assert!(text.contains(option), "--help lacks {option}:\n{text}");
    }
}

#[test]
fn rubric_option() {
    let out = assess(&[
        HUB,
        "--rubric",
        "examples/rubrics/statutory.json",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["rubric"]["version"], "2026-1");
    assert_eq!(v["classification"]["achieved_level"], "cooperation");

    let dir = std::env::temp_dir().join(format!("interagency-rubric-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad-rubric.json");
    let text = support::read("examples/rubrics/default.json")
        .replace("\"min_group_size\": 5", "\"min_group_size\": 2");
    std::fs::write(&file, text).unwrap();
    assert_fails(
        &[HUB, "--rubric", file.to_str().unwrap()],
        "bad-rubric.json: privacy.min_group_size: 2 is not an integer from 3 to 1000",
    );
    assert_fails(
        &[HUB, "--rubric", "no/such/rubric.json"],
        "no/such/rubric.json",
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_input_exits_2_with_the_error() {
    let dir = std::env::temp_dir().join(format!("interagency-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    let text = support::read(HUB).replacen("\"leadership\": 4,", "\"leadership\": 6,", 1);
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

#[test]
fn catalogue_for_a_rubric() {
    let out = example(
        "catalogue",
        &["--rubric", "examples/rubrics/statutory.json"],
    );
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["rubric"]["version"], "2026-1");
    assert_eq!(v["rubric"]["facilitator_bands"]["lower"], 3.5);
    // Leadership (the third facilitator) is required from collaboration,
    // and collaboration now introduces it.
    assert_eq!(
        v["facilitators"][2]["rubric"]["required_from"],
        "collaboration"
    );
    assert!(
        v["levels"][1]["rubric"]["requires_facilitators"]
            .as_array()
            .unwrap()
            .contains(&"leadership".into())
    );
    let out = example("catalogue", &["--rubric", "no/such/rubric.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = example("catalogue", &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().contains("--rubric"));
}

#[test]
fn since_option_prints_the_progress_report() {
    const EARLIER: &str = "examples/data/early-years-network.json";
    const LATER: &str = "examples/data/early-years-network-2027.json";
    let out = assess(&[LATER, "--since", EARLIER]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("# Progress: Ballyfoyle Early Years Network\n"));
    let out = assess(&[
        LATER,
        "--since",
        EARLIER,
        "--format",
        "json",
        "--target",
        "integration",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["agencies_joined"][0], "tusla");
    assert_eq!(v["later_report"]["target"], "integration");
    // Bad input in either file names the file; rounds in the wrong order
    // name both dates.
    assert_fails(
        &[LATER, "--since", "no/such/earlier.json"],
        "no/such/earlier.json",
    );
    assert_fails(
        &[EARLIER, "--since", LATER],
        "the later round is dated 2026-02-12, before the earlier round (2027-02-10)",
    );
}

/// The options that name the agency and role questions of the example
/// exports.
#[cfg(feature = "csv")]
const QUESTIONS: [&str; 4] = [
    "--column",
    "agency=Which agency do you work for?",
    "--column",
    "role=What is your role?",
];

#[cfg(feature = "csv")]
#[test]
fn every_survey_tool_export_gives_the_json_report() {
    const PARTNERSHIP: &str = "examples/survey/child-protection-hub.partnership.json";
    let expected = assess(&[HUB, "--format", "json"]).stdout;
    let named = |file: &'static str| -> Vec<&str> {
        [PARTNERSHIP, "--responses", file]
            .into_iter()
            .chain(QUESTIONS)
            .collect()
    };
    #[allow(unused_mut, reason = "the spreadsheet joins with the xlsx feature")]
    let mut runs = vec![
        named("examples/survey/child-protection-hub.google-forms.csv"),
        named("examples/survey/child-protection-hub.qualtrics.csv"),
        named("examples/survey/child-protection-hub.surveymonkey.csv"),
        vec![
            PARTNERSHIP,
            "--responses",
            "examples/survey/child-protection-hub.agree-disagree.csv",
            "--scale",
            "Strongly disagree=1,Disagree=2,Neither agree nor disagree=3,Agree=4,Strongly agree=5",
        ],
    ];
    #[cfg(feature = "xlsx")]
    runs.push({
        let mut run = named("examples/survey/child-protection-hub.microsoft-forms.xlsx");
        run.extend(["--sheet", "sheet1"]);
        run
    });
    for mut run in runs {
        run.extend(["--format", "json"]);
        let out = assess(&run);
        assert!(
            out.status.success(),
            "{run:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.stdout, expected, "{run:?}");
    }
}

#[cfg(feature = "xlsx")]
#[test]
fn a_damaged_workbook_is_one_line_on_stderr() {
    let path = std::env::temp_dir().join(format!("interagency-panics-{}.xls", std::process::id()));
    std::fs::write(&path, support::xls_the_reader_panics_on()).unwrap();
    let file = path.to_str().unwrap();
    let out = assess(&[
        "examples/survey/child-protection-hub.partnership.json",
        "--responses",
        file,
    ]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    // The reader's panic is caught by the library and its message kept out
    // of the output: the error alone, on one line. (The reader's words are
    // the standard library's, which vary between Rust versions.)
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with(&format!(
            "assess: {file}: the spreadsheet cannot be read: it is damaged (the reader failed: "
        )),
        "{err}"
    );
    assert!(err.ends_with(")\n") && err.lines().count() == 1, "{err}");
    // A file refused before the reader opens it: the same, with no panic.
    assert_fails(
        &[
            "examples/survey/child-protection-hub.partnership.json",
            "--responses",
            "tests/data/looping.xls",
        ],
        "assess: tests/data/looping.xls: the spreadsheet cannot be read: it is damaged (the file \
         ends inside a sector of its container)\n",
    );
}

#[cfg(feature = "csv")]
#[test]
fn responses_from_csv() {
    const PARTNERSHIP: &str = "examples/survey/child-protection-hub.partnership.json";
    let out = assess(&[
        PARTNERSHIP,
        "--responses",
        "examples/survey/child-protection-hub.csv",
        "--ignore-column",
        "Timestamp",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, assess(&[HUB, "--format", "json"]).stdout);
    // The tools' timestamps are skipped without the option.
    let out = assess(&[
        PARTNERSHIP,
        "--responses",
        "examples/survey/child-protection-hub.csv",
        "--format",
        "json",
    ]);
    assert_eq!(out.stdout, assess(&[HUB, "--format", "json"]).stdout);
    assert_fails(
        &[
            PARTNERSHIP,
            "--responses",
            "examples/survey/child-protection-hub.google-forms.csv",
        ],
        "child-protection-hub.google-forms.csv: line 1, column Which agency do you work for?: names no facilitator or obstacle; a column that holds no answer must be ignored (name it with --column FIELD=HEADER, or skip it with --ignore-column HEADER)",
    );
    assert_fails(
        &[
            PARTNERSHIP,
            "--responses",
            "examples/survey/child-protection-hub.agree-disagree.csv",
        ],
        "child-protection-hub.agree-disagree.csv: line 2, column Clarity of purpose and roles: \"Agree\" is not a rating from 1 to 5 (words of another scale are read with --scale \"WORD=1,...\")",
    );
    assert_fails(
        &[
            PARTNERSHIP,
            "--responses",
            "examples/survey/child-protection-hub.agree-disagree.csv",
            "--scale",
            "Agree=7",
        ],
        "--scale: scale: \"Agree=7\" is not a word and a rating from 1 to 5",
    );
    assert_fails(
        &[
            PARTNERSHIP,
            "--responses",
            "examples/survey/child-protection-hub.google-forms.csv",
            "--column",
            "team=Which agency do you work for?",
        ],
        "--column \"team=Which agency do you work for?\": unknown survey field \"team\"",
    );
    assert_fails(
        &[
            HUB,
            "--responses",
            "examples/survey/child-protection-hub.csv",
            "--ignore-column",
            "Timestamp",
        ],
        "a partnership lists no responses, and this document lists 24",
    );
    assert_fails(
        &[PARTNERSHIP, "--ignore-column", "Timestamp"],
        "--responses",
    );
    assert_fails(
        &[PARTNERSHIP, "--responses", "no/such/answers.csv"],
        "no/such/answers.csv",
    );
}

#[cfg(feature = "csv")]
#[test]
fn survey_template() {
    let out = example("survey_template", &["--format", "csv"]);
    assert!(out.status.success());
    let header = String::from_utf8(out.stdout).unwrap();
    assert_eq!(header.trim_end(), interagency::csv_header().join(","));
    let out = example("survey_template", &[]);
    let text = String::from_utf8(out.stdout).unwrap();
    for f in interagency::Facilitator::iter() {
        let question = interagency::Rated::question(f);
        assert!(text.contains(&format!("- **{}**: {question}", f.name())));
    }
    for label in <interagency::Facilitator as interagency::Rated>::LABELS
        .iter()
        .chain(&<interagency::Obstacle as interagency::Rated>::LABELS)
    {
        assert!(text.contains(&format!("**{label}**")), "{label}");
    }
    for tool in [
        "Google Forms",
        "Microsoft Forms",
        "Qualtrics",
        "SurveyMonkey",
    ] {
        assert!(text.contains(&format!("- **{tool}**: ")), "{tool}");
    }
    assert!(text.contains("--column agency=\"Which agency do you work for?\""));
    assert!(text.contains("own wording"));
    let out = example("survey_template", &["--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[cfg(feature = "csv")]
#[test]
fn survey_template_for_a_partnership() {
    const PARTNERSHIP: &str = "examples/survey/child-protection-hub.partnership.json";
    let out = example("survey_template", &["--partnership", PARTNERSHIP]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let partnership =
        interagency::Partnership::from_json(&std::fs::read_to_string(PARTNERSHIP).unwrap())
            .unwrap();
    assert!(text.starts_with(&format!(
        "# Interagency working: partnership survey for {}\n",
        partnership.name()
    )));
    for agency in partnership.agencies() {
        assert!(
            text.contains(&format!("**{}**", agency.name)),
            "{}",
            agency.name
        );
    }
    assert_eq!(
        text,
        interagency::SurveyTemplate::for_partnership(&partnership).markdown()
    );
    for agency in partnership.agencies() {
        assert!(
            text.contains(&format!("- **{}**\n", agency.name)),
            "{}",
            agency.name
        );
    }
    for question in [
        "### 5. Working with",
        "### 6. Trust",
        "### 7. Perceived level",
        "*Answer for your agency*",
    ] {
        assert!(text.contains(question), "{question}");
    }
    let out = example(
        "survey_template",
        &["--partnership", PARTNERSHIP, "--format", "csv"],
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        csv,
        interagency::SurveyTemplate::for_partnership(&partnership).csv()
    );
    assert!(csv.trim_end().ends_with(",Perceived level"));
    assert_eq!(
        csv.matches("Working with: ").count(),
        partnership.agencies().len()
    );
    // An assessment serves as its partnership.
    let out = example("survey_template", &["--partnership", HUB]);
    assert!(out.status.success());
    let out = example("survey_template", &["--partnership", "no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("no/such/file.json")
    );
}

/// Every example file, in every format, prints what the library's
/// `render` writes: the bindings for other languages rely on it.
#[cfg(feature = "html")]
#[test]
fn every_format_is_the_librarys_rendering() {
    for entry in std::fs::read_dir("examples/data").unwrap() {
        let path = entry.unwrap().path();
        let file = path.to_str().unwrap();
        let report = support::assessment(file).gap_analysis(None);
        for format in interagency::Format::iter() {
            let out = assess(&[file, "--format", format.id()]);
            assert!(out.status.success(), "{file} {format}");
            assert_eq!(
                String::from_utf8(out.stdout).unwrap(),
                report.render(format),
                "{file} {format}"
            );
        }
    }
    let earlier = support::assessment("examples/data/early-years-network.json");
    let later = support::assessment("examples/data/early-years-network-2027.json");
    let progress = later.progress_since(&earlier, None).unwrap();
    for format in interagency::Format::iter() {
        let out = assess(&[
            "examples/data/early-years-network-2027.json",
            "--since",
            "examples/data/early-years-network.json",
            "--format",
            format.id(),
        ]);
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            progress.render(format)
        );
    }
}

#[cfg(feature = "html")]
#[test]
fn svg_and_html_formats() {
    let out = assess(&[HUB, "--format", "svg"]);
    assert!(out.status.success());
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    let out = assess(&[HUB, "--format", "html", "--target", "integration"]);
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Towards integration (level 4 of 4)"));
    for format in ["svg", "html"] {
        let out = assess(&[
            "examples/data/early-years-network-2027.json",
            "--since",
            "examples/data/early-years-network.json",
            "--format",
            format,
        ]);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Ballyfoyle Early Years Network"), "{format}");
        assert!(text.contains("improved"), "{format}");
    }
}

/// Whatever the format, what `assess` prints ends with exactly one newline,
/// as the library's renderings do, for a gap report and for progress.
#[test]
fn every_format_ends_with_one_newline() {
    for format in interagency::Format::iter() {
        for args in [
            vec![HUB, "--format", format.id()],
            vec![
                "examples/data/early-years-network-2027.json",
                "--since",
                "examples/data/early-years-network.json",
                "--format",
                format.id(),
            ],
        ] {
            let out = assess(&args);
            assert!(out.status.success(), "{args:?}");
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(
                text.ends_with('\n') && !text.ends_with("\n\n"),
                "{args:?} ends with {:?}",
                &text[text.len().saturating_sub(12)..]
            );
        }
    }
}
