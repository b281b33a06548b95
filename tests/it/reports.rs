//! Reports as documents of their own: rendered with no rubric at hand, they
//! match the command line's rendering with the rubric; read back from JSON
//! they render byte for byte as before; cut short or reordered they are
//! refused; and whatever a mutated report that is accepted holds, rendering
//! it does not panic.

use std::cell::Cell;
use std::path::PathBuf;
use std::process::Command;

use interagency::{Assessment, Classification, GapReport, Level, ProgressReport, Rubric, Voices};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::support;

/// The example assessments, `examples/data/<name>.json`.
const EXAMPLES: [&str; 4] = [
    "child-protection-hub",
    "early-years-network",
    "early-years-network-2027",
    "integrated-family-centre",
];

/// The rubric given to the command line with `--rubric`, if any.
const STATUTORY: &str = "examples/rubrics/statutory.json";

/// The two rubrics, each with what the command line is given for it: the
/// default rubric with no `--rubric`, the statutory one with its file.
fn rubrics() -> [(Rubric, Option<&'static str>); 2] {
    let statutory = Rubric::from_json(&support::read(STATUTORY)).expect("the statutory rubric");
    [(Rubric::DEFAULT, None), (statutory, Some(STATUTORY))]
}

/// The earlier and later rounds of the progress example.
fn rounds() -> (Assessment, Assessment) {
    (
        support::example("early-years-network"),
        support::example("early-years-network-2027"),
    )
}

/// The `assess` example's standard output for `file` (with `--since` and
/// `--rubric` when given) in `format`. The binary is the one `cargo test`
/// builds next to the tests, as in `cli.rs`: `cargo test --test it` alone
/// does not rebuild it.
fn command_line(file: &str, since: Option<&str>, rubric: Option<&str>, format: &str) -> String {
    let deps = std::env::current_exe().unwrap();
    let dir = deps.parent().and_then(|d| d.parent()).unwrap();
    let exe: PathBuf = dir
        .join("examples")
        .join(format!("assess{}", std::env::consts::EXE_SUFFIX));
    let mut args = vec![file.to_owned(), "--format".to_owned(), format.to_owned()];
    if let Some(earlier) = since {
        args.extend(["--since".to_owned(), earlier.to_owned()]);
    }
    if let Some(rubric) = rubric {
        args.extend(["--rubric".to_owned(), rubric.to_owned()]);
    }
    let out = Command::new(&exe)
        .args(&args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "run {}: {e} (build it with cargo build --examples)",
                exe.display()
            )
        });
    assert!(
        out.status.success(),
        "assess {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Asserts the library's rendering equals the command line's, naming the
/// first line that differs.
#[track_caller]
fn assert_same(what: &str, library: &str, command_line: &str) {
    if library != command_line {
        let line = library
            .lines()
            .zip(command_line.lines())
            .position(|(a, b)| a != b)
            .map_or_else(|| "the end".to_owned(), |n| format!("line {}", n + 1));
        panic!(
            "{what}: the library's rendering differs from the command line's at {line} \
             (if the library changed, rebuild the example: cargo build --examples)"
        );
    }
}

/// The renderings of a report the command line prints, by `--format`, as
/// the command line prints them.
trait Rendered {
    fn rendered(&self, format: &str) -> String;
}

impl Rendered for GapReport {
    fn rendered(&self, format: &str) -> String {
        match format {
            "markdown" => self.markdown().to_string(),
            #[cfg(feature = "html")]
            "svg" => self.svg().to_string(),
            #[cfg(feature = "html")]
            "html" => self.html().to_string(),
            _ => unreachable!("{format}"),
        }
    }
}

impl Rendered for ProgressReport {
    fn rendered(&self, format: &str) -> String {
        match format {
            "markdown" => self.markdown().to_string(),
            #[cfg(feature = "html")]
            "svg" => self.svg().to_string(),
            #[cfg(feature = "html")]
            "html" => self.html().to_string(),
            _ => unreachable!("{format}"),
        }
    }
}

/// The formats the library renders in this build.
fn formats() -> &'static [&'static str] {
    if cfg!(feature = "html") {
        &["markdown", "svg", "html"]
    } else {
        &["markdown"]
    }
}

#[test]
fn gap_reports_render_as_the_command_line_does_with_each_rubric() {
    for name in EXAMPLES {
        let file = format!("examples/data/{name}.json");
        let a = support::example(name);
        for (rubric, flag) in rubrics() {
            let report = rubric.gap_analysis(&a, None);
            for format in formats() {
                let expected = command_line(&file, None, flag, format);
                let what = format!("{name}, rubric {flag:?}, {format}");
                assert_same(&what, &report.rendered(format), &expected);
            }
        }
    }
}

#[test]
fn progress_reports_render_as_the_command_line_does_with_each_rubric() {
    let (earlier, later) = rounds();
    for (rubric, flag) in rubrics() {
        let report = rubric.progress(&earlier, &later, None).unwrap();
        for format in formats() {
            let expected = command_line(
                "examples/data/early-years-network-2027.json",
                Some("examples/data/early-years-network.json"),
                flag,
                format,
            );
            let what = format!("progress, rubric {flag:?}, {format}");
            assert_same(&what, &report.rendered(format), &expected);
        }
    }
}

/// A renderer that ignored the report's rubric would print the default
/// rubric's thresholds, levels and name for a report made with another.
/// The statutory rubric changes every example's report, and its name is in
/// every footer.
#[test]
fn the_statutory_rubric_shows_in_every_rendering() {
    let [(default, _), (statutory, _)] = rubrics();
    let (earlier, later) = rounds();
    let mut pairs: Vec<(String, String, String)> = EXAMPLES
        .iter()
        .map(|name| {
            let a = support::example(name);
            (
                (*name).to_owned(),
                default.gap_analysis(&a, None).markdown().to_string(),
                statutory.gap_analysis(&a, None).markdown().to_string(),
            )
        })
        .collect();
    pairs.push((
        "progress".to_owned(),
        default
            .progress(&earlier, &later, None)
            .unwrap()
            .markdown()
            .to_string(),
        statutory
            .progress(&earlier, &later, None)
            .unwrap()
            .markdown()
            .to_string(),
    ));
    for (name, by_default, by_statute) in &pairs {
        assert_ne!(
            by_default, by_statute,
            "{name}: the statutory rubric's Markdown is the default's"
        );
        assert!(
            by_statute.contains("Statutory safeguarding partnership (stricter reading)")
                && by_statute.contains("2026-1"),
            "{name}: the statutory rubric's name and version are not in its report"
        );
        assert!(
            !by_default.contains("Statutory safeguarding"),
            "{name}: the default report names the statutory rubric"
        );
    }
    // The thresholds and levels come from the report too: with the
    // statutory rubric the hub sustains only cooperation, and collaboration
    // needs a mean of 3.5.
    let (_, by_default, by_statute) = &pairs[0];
    assert!(by_default.contains("| Level sustained | **Collaboration (level 2 of 4)** |"));
    assert!(by_statute.contains("| Level sustained | **Cooperation (level 1 of 4)** |"));
    assert!(by_statute.contains("(mean 3.5 or more)"));
    assert!(!by_default.contains("(mean 3.5 or more)"));
}

/// The SVG and HTML of a report made with the statutory rubric differ from
/// the default rubric's for every example.
#[cfg(feature = "html")]
#[test]
fn the_statutory_rubric_shows_in_every_chart_and_page() {
    let [(default, _), (statutory, _)] = rubrics();
    for name in EXAMPLES {
        let a = support::example(name);
        let (d, s) = (
            default.gap_analysis(&a, None),
            statutory.gap_analysis(&a, None),
        );
        assert_ne!(d.svg().to_string(), s.svg().to_string(), "{name}: SVG");
        assert_ne!(d.html().to_string(), s.html().to_string(), "{name}: HTML");
        assert!(s.html().to_string().contains("2026-1"), "{name}: HTML");
        // The chart's threshold lines are the report's rubric's.
        let (d, s) = (d.svg().to_string(), s.svg().to_string());
        assert!(
            d.contains("thresholds (3 borderline, 4 strength; obstacles 3 moderate, 4 major)"),
            "{name}: {d}"
        );
        assert!(
            s.contains("thresholds (3.5 borderline, 4.5 strength; obstacles 3 moderate, 4 major)"),
            "{name}: {s}"
        );
    }
}

/// A report renders the rubric it carries, whatever that says: edit the
/// rubric's name, version and thresholds in its JSON, and the renderings
/// follow.
#[test]
fn a_report_renders_the_rubric_it_carries() {
    let mut r = hub_report();
    r["rubric"]["name"] = "Edited <rubric>".into();
    r["rubric"]["version"] = "9".into();
    r["rubric"]["facilitator_thresholds"] = serde_json::json!({"lower": 3.4, "upper": 4.6});
    let edited: GapReport = serde_json::from_value(r).unwrap();
    let markdown = edited.markdown().to_string();
    assert!(
        markdown.contains("the rubric “Edited &lt;rubric&gt;”, version 9"),
        "{markdown}"
    );
    assert!(markdown.contains("(mean 3.4 or more)"), "{markdown}");
    assert!(!markdown.contains("default rubric"), "{markdown}");
    #[cfg(feature = "html")]
    {
        let svg = edited.svg().to_string();
        assert!(
            svg.contains("thresholds (3.4 borderline, 4.6 strength;"),
            "{svg}"
        );
        let html = edited.html().to_string();
        assert!(
            html.contains("Edited &lt;rubric&gt;") || html.contains("Edited &#60;rubric&#62;"),
            "{html}"
        );
        assert!(!html.contains("Edited <rubric>"), "unescaped: {html}");
    }
}

/// Every gap report of the examples, by both rubrics, to the default target
/// and to each level.
fn gap_reports() -> Vec<(String, GapReport)> {
    let mut reports = Vec::new();
    for name in EXAMPLES {
        let a = support::example(name);
        for (rubric, flag) in rubrics() {
            for target in [None].into_iter().chain(Level::ALL.map(Some)) {
                let what = format!("{name}, rubric {flag:?}, target {target:?}");
                reports.push((what, rubric.gap_analysis(&a, target)));
            }
        }
    }
    reports
}

/// The progress reports of the example, by both rubrics, to the default
/// target and to each level.
fn progress_reports() -> Vec<(String, ProgressReport)> {
    let (earlier, later) = rounds();
    let mut reports = Vec::new();
    for (rubric, flag) in rubrics() {
        for target in [None].into_iter().chain(Level::ALL.map(Some)) {
            let what = format!("progress, rubric {flag:?}, target {target:?}");
            reports.push((what, rubric.progress(&earlier, &later, target).unwrap()));
        }
    }
    reports
}

/// Reads `report` back from its compact and its pretty JSON, and checks
/// that each reads back equal and renders byte for byte as the original.
fn assert_reads_back<T>(what: &str, report: &T)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug + Rendered,
{
    for text in [
        serde_json::to_string(report).unwrap(),
        serde_json::to_string_pretty(report).unwrap(),
    ] {
        let back: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(&back, report, "{what}");
        for format in formats() {
            assert!(
                back.rendered(format) == report.rendered(format),
                "{what}: {format} of the report read back differs"
            );
        }
        // And what is read back writes the same JSON again.
        assert_eq!(
            serde_json::to_string_pretty(&back).unwrap(),
            serde_json::to_string_pretty(report).unwrap(),
            "{what}"
        );
    }
}

#[test]
fn gap_reports_read_back_render_byte_identically() {
    for (what, report) in gap_reports() {
        assert_reads_back(&what, &report);
    }
}

#[test]
fn progress_reports_read_back_render_byte_identically() {
    for (what, report) in progress_reports() {
        assert_reads_back(&what, &report);
    }
}

#[test]
fn classifications_and_voices_read_back_equal() {
    let [(default, _), (statutory, _)] = rubrics();
    for name in EXAMPLES {
        let a = support::example(name);
        for rubric in [&default, &statutory] {
            let c = rubric.classify(&a);
            let text = serde_json::to_string(&c).unwrap();
            assert_eq!(
                serde_json::from_str::<Classification>(&text).unwrap(),
                c,
                "{name}"
            );
            let v = rubric.voices(&a);
            let text = serde_json::to_string(&v).unwrap();
            assert_eq!(serde_json::from_str::<Voices>(&text).unwrap(), v, "{name}");
        }
    }
}

/// A threshold with two decimals is written as the rubric gives it in the
/// sentence on why a level is not sustained, as the chart's legend writes
/// it.
#[test]
fn a_two_decimal_threshold_is_written_as_given() {
    let text = support::read(STATUTORY).replace("\"lower\": 3.5", "\"lower\": 3.25");
    assert!(text.contains("\"lower\": 3.25"));
    let rubric = Rubric::from_json(&text).unwrap();
    let report = rubric.gap_analysis(&support::example("child-protection-hub"), None);
    let markdown = report.markdown().to_string();
    assert!(
        markdown.contains("at least borderline (mean 3.25 or more)"),
        "{markdown}"
    );
}

// Reports cut short or reordered.

/// The JSON of the hub's gap report with the default rubric.
fn hub_report() -> Value {
    serde_json::to_value(support::example("child-protection-hub").gap_analysis(None)).unwrap()
}

/// The JSON of the progress example's report with the default rubric.
fn progress_report() -> Value {
    let (earlier, later) = rounds();
    serde_json::to_value(support::progress(&earlier, &later, None).unwrap()).unwrap()
}

/// The node at a JSON pointer.
#[track_caller]
fn at<'a>(value: &'a mut Value, pointer: &str) -> &'a mut Value {
    value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer}"))
}

/// The array at a JSON pointer.
#[track_caller]
fn array<'a>(value: &'a mut Value, pointer: &str) -> &'a mut Vec<Value> {
    at(value, pointer)
        .as_array_mut()
        .unwrap_or_else(|| panic!("{pointer} is not an array"))
}

/// The object at a JSON pointer.
#[track_caller]
fn object<'a>(value: &'a mut Value, pointer: &str) -> &'a mut serde_json::Map<String, Value> {
    at(value, pointer)
        .as_object_mut()
        .unwrap_or_else(|| panic!("{pointer} is not an object"))
}

/// Asserts `value` is refused as a `T`, both as a value and as text, with
/// the same message, which contains each of `parts`.
#[track_caller]
fn assert_refused<T: DeserializeOwned>(value: &Value, parts: &[&str]) {
    let text = serde_json::to_string_pretty(value).unwrap();
    let Err(from_text) = serde_json::from_str::<T>(&text) else {
        panic!("accepted as text, where {parts:?} should refuse it");
    };
    let Err(from_value) = serde_json::from_value::<T>(value.clone()) else {
        panic!("accepted as a value, where {parts:?} should refuse it");
    };
    for message in [from_text.to_string(), from_value.to_string()] {
        for part in parts {
            assert!(message.contains(part), "{message:?} lacks {part:?}");
        }
    }
}

/// The unchanged documents are accepted, so that the refusals below are
/// the changes' doing.
#[test]
fn the_unchanged_documents_are_accepted() {
    let report = hub_report();
    serde_json::from_value::<GapReport>(report.clone()).unwrap();
    serde_json::from_value::<Classification>(report["classification"].clone()).unwrap();
    serde_json::from_value::<Voices>(report["voices"].clone()).unwrap();
    serde_json::from_value::<ProgressReport>(progress_report()).unwrap();
}

#[test]
fn a_classification_cut_short_or_reordered_is_refused() {
    let original = hub_report()["classification"].clone();

    let mut c = original.clone();
    array(&mut c, "/facilitators").pop();
    assert_refused::<Classification>(
        &c,
        &[
            "facilitator \"staff_relationship_opportunities\" is missing",
            "catalogue order",
        ],
    );

    let mut c = original.clone();
    array(&mut c, "/obstacles").swap(1, 2);
    assert_refused::<Classification>(
        &c,
        &[
            "entry 1 is obstacle \"changing_attitudes_and_beliefs\", expected \"agreeing_policies_and_protocols\"",
            "catalogue order",
        ],
    );

    let mut c = original.clone();
    object(&mut c, "/facilitators/2").remove("needed_from");
    assert_refused::<Classification>(&c, &["facilitator \"leadership\" has no `needed_from`"]);

    let mut c = original.clone();
    object(&mut c, "/obstacles/4").insert("needed_from".to_owned(), "cooperation".into());
    assert_refused::<Classification>(&c, &["obstacle \"conflict\" has a `needed_from`"]);

    // One too many: the first facilitator again at the end.
    let mut c = original.clone();
    let first = c["facilitators"][0].clone();
    array(&mut c, "/facilitators").push(first);
    assert_refused::<Classification>(
        &c,
        &["entry 7 is one too many: there are 7 values of facilitator"],
    );

    // An empty list names the first facilitator missing.
    let mut c = original;
    array(&mut c, "/facilitators").clear();
    assert_refused::<Classification>(
        &c,
        &["facilitator \"clarity_of_purpose_and_roles\" is missing"],
    );
}

#[test]
fn voices_cut_short_or_reordered_are_refused() {
    let original = hub_report()["voices"].clone();

    let mut v = original.clone();
    array(&mut v, "/facilitators").remove(3);
    assert_refused::<Voices>(
        &v,
        &["entry 3 is facilitator \"good_communication\", expected \"trust_and_openness\""],
    );

    let mut v = original.clone();
    array(&mut v, "/facilitators").swap(0, 6);
    assert_refused::<Voices>(
        &v,
        &[
            "entry 0 is facilitator \"staff_relationship_opportunities\"",
            "catalogue order",
        ],
    );

    let mut v = original.clone();
    array(&mut v, "/obstacles").pop();
    assert_refused::<Voices>(&v, &["is missing", "catalogue order"]);

    let mut v = original.clone();
    array(&mut v, "/facilitators/2/by_role").swap(0, 1);
    assert_refused::<Voices>(
        &v,
        &[
            "entry 0 is role \"manager\", expected \"frontline\"",
            "catalogue order",
        ],
    );

    let mut v = original.clone();
    array(&mut v, "/obstacles/0/by_role").pop();
    assert_refused::<Voices>(&v, &["role \"senior_manager\" is missing"]);

    let mut v = original.clone();
    let extra = v["obstacles"][0]["by_role"][0].clone();
    array(&mut v, "/obstacles/0/by_role").push(extra);
    assert_refused::<Voices>(&v, &["entry 3 is one too many: there are 3 values of role"]);

    let mut v = original;
    array(&mut v, "/obstacles/5/by_role").clear();
    assert_refused::<Voices>(&v, &["role \"frontline\" is missing"]);
}

#[test]
fn gap_reports_cut_short_or_reordered_are_refused() {
    let original = hub_report();
    let agencies = "agencies (sw, garda, hse, school), in order";

    let mut r = original.clone();
    array(&mut r, "/classification/obstacles").pop();
    assert_refused::<GapReport>(&r, &["is missing", "catalogue order"]);

    let mut r = original.clone();
    array(&mut r, "/classification/facilitators").swap(4, 5);
    assert_refused::<GapReport>(
        &r,
        &["entry 4 is facilitator \"information_sharing_procedures\""],
    );

    // One item's breakdown by agency without an agency.
    let mut r = original.clone();
    array(&mut r, "/voices/facilitators/4/by_agency").remove(2);
    assert_refused::<GapReport>(&r, &[agencies]);

    // The last item's breakdown in another order.
    let mut r = original.clone();
    array(&mut r, "/voices/obstacles/5/by_agency").swap(0, 3);
    assert_refused::<GapReport>(&r, &[agencies]);

    // An agency too many.
    let mut r = original.clone();
    let mut extra = r["voices"]["obstacles"][0]["by_agency"][0].clone();
    extra["agency"] = "tusla".into();
    array(&mut r, "/voices/obstacles/0/by_agency").push(extra);
    assert_refused::<GapReport>(&r, &[agencies]);

    // The same agency twice.
    let mut r = original.clone();
    let again = r["voices"]["facilitators"][0]["by_agency"][3].clone();
    array(&mut r, "/voices/facilitators/0/by_agency").push(again);
    assert_refused::<GapReport>(&r, &[agencies]);

    // An agency dropped from the report's list but not from the voices.
    let mut r = original.clone();
    array(&mut r, "/agencies").pop();
    assert_refused::<GapReport>(&r, &["agencies (sw, garda, hse), in order"]);

    // The agencies reordered, the voices left as they were.
    let mut r = original.clone();
    array(&mut r, "/agencies").swap(0, 1);
    assert_refused::<GapReport>(&r, &["agencies (garda, sw, hse, school), in order"]);

    // An extra entry in the voices' facilitators.
    let mut r = original.clone();
    let extra = r["voices"]["facilitators"][6].clone();
    array(&mut r, "/voices/facilitators").push(extra);
    assert_refused::<GapReport>(&r, &["entry 7 is one too many", "facilitator"]);

    // A role breakdown reordered inside the report.
    let mut r = original;
    array(&mut r, "/voices/obstacles/1/by_role").swap(1, 2);
    assert_refused::<GapReport>(
        &r,
        &["entry 1 is role \"senior_manager\", expected \"manager\""],
    );
}

#[test]
fn progress_reports_cut_short_or_reordered_are_refused() {
    let original = progress_report();

    // Short by one: the chart once indexed past the end of this list.
    let mut p = original.clone();
    array(&mut p, "/facilitators").pop();
    assert_refused::<ProgressReport>(
        &p,
        &[
            "facilitator \"staff_relationship_opportunities\" is missing",
            "catalogue order",
        ],
    );

    let mut p = original.clone();
    array(&mut p, "/obstacles").swap(0, 5);
    assert_refused::<ProgressReport>(
        &p,
        &["entry 0 is obstacle", "expected \"time_not_prioritised\""],
    );

    let mut p = original.clone();
    array(&mut p, "/obstacles").remove(0);
    assert_refused::<ProgressReport>(
        &p,
        &["expected \"time_not_prioritised\"", "catalogue order"],
    );

    let mut p = original.clone();
    let extra = p["facilitators"][0].clone();
    array(&mut p, "/facilitators").push(extra);
    assert_refused::<ProgressReport>(&p, &["entry 7 is one too many", "facilitator"]);

    // The later round's gap report is checked as a gap report is.
    let mut p = original.clone();
    array(&mut p, "/later_report/classification/facilitators").pop();
    assert_refused::<ProgressReport>(&p, &["is missing", "catalogue order"]);

    let mut p = original;
    array(&mut p, "/later_report/voices/facilitators/0/by_agency").pop();
    assert_refused::<ProgressReport>(
        &p,
        &["every breakdown by agency lists the report's agencies"],
    );
}

// Mutated reports: accepted or refused, never a panic.

/// A change to a report's JSON.
#[derive(Clone, Debug)]
enum Mutation {
    /// Delete an element of an array.
    DeleteElement(Index),
    /// Swap two elements of an array with at least two.
    Swap(Index, Index, Index),
    /// Replace a number with another.
    Number(Index, Value),
    /// Replace a string with another string of the document under the
    /// same field: a band with another band, an agency id with another.
    StringOfTheField(Index, Index),
    /// Replace a string with any string.
    String(Index, String),
    /// Flip a boolean.
    Flip(Index),
    /// Delete a key of an object.
    DeleteKey(Index),
}

/// Where the nodes of a document are, as JSON pointers.
#[derive(Default)]
struct Nodes {
    /// Arrays with at least one element, and their lengths.
    arrays: Vec<(String, usize)>,
    numbers: Vec<String>,
    strings: Vec<(String, String)>,
    booleans: Vec<String>,
    /// Objects' keys: the object and the key.
    keys: Vec<(String, String)>,
}

impl Nodes {
    fn of(value: &Value) -> Nodes {
        let mut nodes = Nodes::default();
        nodes.walk(value, String::new());
        nodes
    }

    fn walk(&mut self, value: &Value, pointer: String) {
        match value {
            Value::Array(items) => {
                if !items.is_empty() {
                    self.arrays.push((pointer.clone(), items.len()));
                }
                for (i, item) in items.iter().enumerate() {
                    self.walk(item, format!("{pointer}/{i}"));
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    self.keys.push((pointer.clone(), key.clone()));
                    let escaped = key.replace('~', "~0").replace('/', "~1");
                    self.walk(item, format!("{pointer}/{escaped}"));
                }
            }
            Value::Number(_) => self.numbers.push(pointer),
            Value::String(s) => self.strings.push((pointer, s.clone())),
            Value::Bool(_) => self.booleans.push(pointer),
            Value::Null => {}
        }
    }
}

impl Mutation {
    /// Applies the change, where the document has a node of its kind.
    fn apply(&self, doc: &mut Value) {
        let nodes = Nodes::of(doc);
        match self {
            Mutation::DeleteElement(pick) => {
                let Some((pointer, len)) = pick_from(&nodes.arrays, *pick) else {
                    return;
                };
                let i = pick.index(*len);
                array(doc, pointer).remove(i);
            }
            Mutation::Swap(pick, a, b) => {
                let pairs: Vec<&(String, usize)> =
                    nodes.arrays.iter().filter(|(_, len)| *len >= 2).collect();
                let Some((pointer, len)) = pick_from(&pairs, *pick).copied() else {
                    return;
                };
                array(doc, pointer).swap(a.index(*len), b.index(*len));
            }
            Mutation::Number(pick, number) => {
                if let Some(pointer) = pick_from(&nodes.numbers, *pick) {
                    *at(doc, pointer) = number.clone();
                }
            }
            Mutation::StringOfTheField(pick, other) => {
                let Some((pointer, _)) = pick_from(&nodes.strings, *pick) else {
                    return;
                };
                let field = field_of(pointer);
                let same: Vec<&String> = nodes
                    .strings
                    .iter()
                    .filter(|(p, _)| field_of(p) == field)
                    .map(|(_, text)| text)
                    .collect();
                if let Some(text) = pick_from(&same, *other) {
                    *at(doc, pointer) = (*text).clone().into();
                }
            }
            Mutation::String(pick, text) => {
                if let Some((pointer, _)) = pick_from(&nodes.strings, *pick) {
                    *at(doc, pointer) = text.clone().into();
                }
            }
            Mutation::Flip(pick) => {
                if let Some(pointer) = pick_from(&nodes.booleans, *pick) {
                    let node = at(doc, pointer);
                    *node = (!node.as_bool().unwrap_or_default()).into();
                }
            }
            Mutation::DeleteKey(pick) => {
                if let Some((pointer, key)) = pick_from(&nodes.keys, *pick) {
                    object(doc, pointer).remove(key);
                }
            }
        }
    }
}

/// The field a node is under: the last key of its pointer that is not an
/// array index.
fn field_of(pointer: &str) -> &str {
    pointer
        .rsplit('/')
        .find(|step| !step.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or_default()
}

fn pick_from<T>(items: &[T], pick: Index) -> Option<&T> {
    (!items.is_empty()).then(|| pick.get(items))
}

/// Numbers a report might hold, and many it should not: negative, huge,
/// tiny, past every integer type, fractional where integers go.
fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (-3i64..=10).prop_map(Value::from),
        (0u32..=60).prop_map(|tenths| Value::from(f64::from(tenths) / 10.0)),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(Value::from),
        prop::sample::select(vec![
            0.0,
            -0.0,
            -1.0,
            0.5,
            4.999_999_999_999_999,
            5.000_000_000_000_001,
            6.0,
            127.0,
            128.0,
            -128.0,
            -129.0,
            255.0,
            256.0,
            4_294_967_296.0,
            1e300,
            -1e300,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
        ])
        .prop_map(Value::from),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => any::<Index>().prop_map(Mutation::DeleteElement),
        1 => (any::<Index>(), any::<Index>(), any::<Index>())
            .prop_map(|(p, a, b)| Mutation::Swap(p, a, b)),
        3 => (any::<Index>(), number()).prop_map(|(p, n)| Mutation::Number(p, n)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(p, o)| Mutation::StringOfTheField(p, o)),
        1 => (any::<Index>(), "\\PC{0,12}").prop_map(|(p, s)| Mutation::String(p, s)),
        1 => any::<Index>().prop_map(Mutation::Flip),
        1 => any::<Index>().prop_map(Mutation::DeleteKey),
    ]
}

/// 256 cases unless `PROPTEST_CASES` says otherwise; failures are kept in
/// `reports.proptest-regressions` beside this file.
fn config() -> Config {
    let mut config = Config {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        source_file: Some(file!()),
        ..Config::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 256;
    }
    config
}

/// Applies random mutations to one of `docs` and reads the result as a `T`:
/// when it is accepted, it renders in every format without panicking and
/// reads back equal from its own JSON. Returns how many cases were
/// accepted, and how many there were.
fn mutated_reports_never_panic<T>(docs: &[Value]) -> (u32, u32)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug + Rendered,
{
    let accepted = Cell::new(0u32);
    let cases = Cell::new(0u32);
    let strategy = (0..docs.len(), proptest::collection::vec(mutation(), 1..=3));
    let mut runner = TestRunner::new(config());
    let result = runner.run(&strategy, |(doc, mutations)| {
        let mut value = docs[doc].clone();
        for m in &mutations {
            m.apply(&mut value);
        }
        cases.set(cases.get() + 1);
        let Ok(report) = serde_json::from_value::<T>(value) else {
            return Ok(());
        };
        accepted.set(accepted.get() + 1);
        for format in formats() {
            let _ = report.rendered(format);
        }
        let text =
            serde_json::to_string(&report).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: T = serde_json::from_str(&text).map_err(|e| {
            TestCaseError::fail(format!("an accepted report does not read back: {e}"))
        })?;
        prop_assert_eq!(&back, &report);
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    (accepted.get(), cases.get())
}

#[test]
fn mutated_gap_reports_render_or_are_refused() {
    let docs: Vec<Value> = gap_reports()
        .into_iter()
        .filter(|(what, _)| what.ends_with("target None") || what.ends_with("Integration)"))
        .map(|(_, r)| serde_json::to_value(r).unwrap())
        .collect();
    let (accepted, cases) = mutated_reports_never_panic::<GapReport>(&docs);
    // Enough mutated reports are accepted that rendering is exercised: about
    // two in five with one change, one in five with three.
    assert!(
        accepted * 8 >= cases,
        "only {accepted} of {cases} mutated reports were accepted"
    );
}

#[test]
fn mutated_progress_reports_render_or_are_refused() {
    let docs: Vec<Value> = progress_reports()
        .into_iter()
        .filter(|(what, _)| what.ends_with("target None") || what.ends_with("Integration)"))
        .map(|(_, r)| serde_json::to_value(r).unwrap())
        .collect();
    let (accepted, cases) = mutated_reports_never_panic::<ProgressReport>(&docs);
    assert!(
        accepted * 8 >= cases,
        "only {accepted} of {cases} mutated reports were accepted"
    );
}

/// A report read back holds a rubric that could have made it, and its
/// parts agree on it.
#[test]
fn a_report_whose_rubric_breaks_the_rubric_rules_is_refused() {
    let mut reversed = hub_report();
    *at(&mut reversed, "/rubric/facilitator_thresholds/lower") = json!(4.5);
    assert_refused::<GapReport>(
        &reversed,
        &["facilitator_thresholds: lower 4.5 must be below upper 4"],
    );
    let mut outside = hub_report();
    *at(&mut outside, "/rubric/obstacle_thresholds/upper") = json!(7);
    assert_refused::<GapReport>(&outside, &["obstacle_thresholds.upper: 7 is not"]);
    let mut no_integration = hub_report();
    *at(
        &mut no_integration,
        "/rubric/characteristic_levels/single_organisation",
    ) = json!("coordination");
    assert_refused::<GapReport>(&no_integration, &["integration"]);
    let mut tiny = hub_report();
    *at(&mut tiny, "/rubric/privacy/min_group_size") = json!(0);
    assert_refused::<GapReport>(&tiny, &["privacy.min_group_size: 0"]);
    let mut apart = hub_report();
    *at(&mut apart, "/voices/min_group_size") = json!(6);
    assert_refused::<GapReport>(&apart, &["voices.min_group_size: 6", "5"]);
    let mut other = progress_report();
    *at(&mut other, "/later_report/rubric/version") = json!("2");
    assert_refused::<ProgressReport>(&other, &["later_report.rubric"]);
}

/// The only way to read a report or its rubric is through the checks: the
/// types have no other `deserialize`, so calling it by the type's name (as
/// a dependent might) refuses what reading by `serde_json` refuses.
#[test]
fn reading_by_the_type_name_checks_too() {
    use interagency::report::RubricSummary;
    use serde::Deserialize;

    let mut small = hub_report();
    *at(&mut small, "/voices/min_group_size") = json!(1);
    let err = GapReport::deserialize(&small).unwrap_err().to_string();
    assert!(err.contains("voices.min_group_size: 1"), "{err}");

    let mut reversed = hub_report()["rubric"].clone();
    *at(&mut reversed, "/facilitator_thresholds/lower") = json!(4.9);
    let err = RubricSummary::deserialize(&reversed)
        .unwrap_err()
        .to_string();
    assert!(err.contains("lower 4.9 must be below upper 4"), "{err}");

    let mut other = progress_report();
    *at(&mut other, "/later_report/rubric/version") = json!("2");
    let err = ProgressReport::deserialize(&other).unwrap_err().to_string();
    assert!(err.contains("later_report.rubric"), "{err}");
}
