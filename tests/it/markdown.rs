//! The Markdown report: committed snapshots of the example assessments'
//! reports, and the pieces of the rendering checked one by one.

use interagency::{Agency, Assessment, Level, Obstacle, Rating, Response, Role};
use serde_json::json;

use crate::support;

#[test]
fn example_reports_match_their_snapshots() {
    for name in [
        "early-years-network",
        "child-protection-hub",
        "integrated-family-centre",
    ] {
        let a = support::example(name);
        support::assert_snapshot(
            &format!("tests/snapshots/{name}.md"),
            &a.gap_analysis(None).markdown().to_string(),
        );
        support::assert_snapshot(
            &format!("tests/snapshots/{name}.integration.md"),
            &a.gap_analysis(Some(Level::Integration))
                .markdown()
                .to_string(),
        );
    }
}

/// A partnership with nothing in place and few ratings.
fn bare() -> Assessment {
    serde_json::from_value(json!({
        "partnership": "Bare",
        "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "characteristics": ["consistent_goals"],
        "responses": [
            {"respondent": "x", "agency": "a", "role": "manager",
             "facilitators": {"leadership": 1},
             "obstacles": {"conflict": 5, "collaboration_fatigue": 3}}
        ]
    }))
    .unwrap()
}

#[test]
fn bare_partnership_report() {
    let text = bare().gap_analysis(None).markdown().to_string();
    support::assert_snapshot("tests/snapshots/bare.md", &text);
    assert!(text.contains("| Arrangements in place for | none |"));
    assert!(text.contains("| Level sustained | **none** |"));
    assert!(text.contains("- Not yet in place for cooperation: complementary services."));
    assert!(text.contains("- Major obstacles: conflict."));
    // Bars: 1.0 fills two cells, 5.0 all ten, 3.0 six; no ratings, no bar.
    assert!(text.contains(
        "| Leadership | Coordination | 1.00 | `██░░░░░░░░` | **concern** | – | *–* | 1 |"
    ));
    assert!(text.contains("| Conflict | 5.00 | `██████████` | **major** | – | *–* | 1 |"));
    assert!(
        text.contains(
            "| Collaboration fatigue | 3.00 | `██████░░░░` | **moderate** | – | *–* | 1 |"
        )
    );
    assert!(
        text.contains("| Trust and openness | Collaboration | – |  | *unknown* | – | *–* | 0 |")
    );
    assert!(text.contains("- **Good communication**: not rated by anyone"));
    assert!(text.contains("- **Conflict**: mean 5.00, **major**"));
    assert!(!text.contains("The target is reached"));
}

#[test]
fn half_cells_in_bars() {
    // Means 2.5 and 3.75 (two agencies): five cells, and seven and a half.
    let a: Assessment = serde_json::from_value(json!({
        "partnership": "Halves",
        "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "characteristics": [],
        "responses": [
            {"respondent": "1", "agency": "a", "role": "manager", "facilitators": {"leadership": 2, "trust_and_openness": 4}},
            {"respondent": "2", "agency": "b", "role": "manager", "facilitators": {"leadership": 3, "trust_and_openness": 3}},
            {"respondent": "3", "agency": "b", "role": "manager", "facilitators": {"trust_and_openness": 4}}
        ]
    }))
    .unwrap();
    let text = a.gap_analysis(None).markdown().to_string();
    assert!(
        text.contains("| Leadership | Coordination | 2.50 | `█████░░░░░` |"),
        "{text}"
    );
    assert!(
        text.contains("| Trust and openness | Collaboration | 3.75 | `███████▌░░` |"),
        "{text}"
    );
}

#[test]
fn reached_target_report() {
    let text = support::example("integrated-family-centre")
        .gap_analysis(None)
        .markdown()
        .to_string();
    assert!(text.contains("The target is reached"));
    assert!(text.contains("No practice tip is needed for this target."));
    assert!(!text.contains("## Benefits in reach"));
    assert!(text.contains("- Every facilitator integration requires is at least borderline."));
}

/// Names from the input cannot start a heading, break a table or pass HTML
/// to a Markdown renderer.
#[test]
fn hostile_names_are_escaped() {
    for name in [
        "<script>alert(1)</script> & \"Co\"",
        "# Heading | cell | <img src=x onerror=alert(1)>",
        "*bold* _em_ [link](http://x) `code` ![i](y)",
        "- list item",
    ] {
        let mut doc = serde_json::to_value(bare()).unwrap();
        doc["partnership"] = json!(name);
        let a: Assessment = serde_json::from_value(doc).unwrap();
        let text = a.gap_analysis(None).markdown().to_string();
        let title = text.lines().next().unwrap();
        assert!(title.starts_with("# Interagency working: "), "{title}");
        let rest = &title["# Interagency working: ".len()..];
        assert!(!rest.contains(['<', '>']), "{rest:?}");
        let chars: Vec<char> = rest.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if "#|*_[]`!".contains(*c) || (i == 0 && *c == '-') {
                assert!(i > 0 && chars[i - 1] == '\\', "{c:?} unescaped in {rest:?}");
            }
        }
        // No other line carries the name.
        assert_eq!(text.matches(rest).count(), 1);
    }
    let mut doc = serde_json::to_value(bare()).unwrap();
    doc["partnership"] = json!("<script>alert(1)</script> & \"Co\"");
    let a: Assessment = serde_json::from_value(doc).unwrap();
    assert!(a.gap_analysis(None).markdown().to_string().starts_with(
        "# Interagency working: &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Co\"\n"
    ));
}

/// Asserts that `text` ends with exactly one newline.
#[track_caller]
fn ends_with_one_newline(text: &str, what: &str) {
    assert!(
        text.ends_with('\n') && !text.ends_with("\n\n") && !text.ends_with("\r\n"),
        "{what} ends with {:?}",
        &text[text.len().saturating_sub(12)..]
    );
}

/// Every rendered text ends with exactly one newline: each format of
/// `render`, and each `Display` value, for both kinds of report.
#[test]
fn every_rendering_ends_with_one_newline() {
    let earlier = support::example("early-years-network");
    let later = support::example("early-years-network-2027");
    let progress = support::progress(&earlier, &later, None).unwrap();
    for name in [
        "early-years-network",
        "child-protection-hub",
        "integrated-family-centre",
    ] {
        let report = support::example(name).gap_analysis(None);
        for format in interagency::Format::iter() {
            ends_with_one_newline(&report.render(format), &format!("{name} as {format}"));
        }
        ends_with_one_newline(&report.markdown().to_string(), name);
        #[cfg(feature = "html")]
        {
            ends_with_one_newline(&report.svg().to_string(), name);
            ends_with_one_newline(&report.html().to_string(), name);
        }
    }
    for format in interagency::Format::iter() {
        ends_with_one_newline(&progress.render(format), &format!("progress as {format}"));
    }
    ends_with_one_newline(&progress.markdown().to_string(), "progress");
    #[cfg(feature = "html")]
    {
        ends_with_one_newline(&progress.svg().to_string(), "progress");
        ends_with_one_newline(&progress.html().to_string(), "progress");
    }
}

/// Without the `html` feature the formats are the two that need no
/// template engine; with it, all four.
#[test]
fn the_formats_are_those_the_features_write() {
    let names: Vec<&str> = interagency::Format::iter()
        .map(interagency::Format::id)
        .collect();
    if cfg!(feature = "html") {
        assert_eq!(names, ["json", "markdown", "svg", "html"]);
    } else {
        assert_eq!(names, ["json", "markdown"]);
    }
    let report = support::example("child-protection-hub").gap_analysis(None);
    assert_eq!(
        report.render(interagency::Format::Markdown),
        report.markdown().to_string()
    );
    let json = report.render(interagency::Format::Json);
    assert_eq!(
        serde_json::from_str::<interagency::GapReport>(&json).unwrap(),
        report
    );
}

/// The gap lists say when the evidence for an item is thin, as its table
/// row does: an obstacle that two ratings from one agency make active is
/// not acted on unawares.
#[test]
fn gap_lists_say_when_the_evidence_is_thin() {
    let report = support::example("child-protection-hub").gap_analysis(None);
    let markdown = report.markdown().to_string();
    assert!(markdown.contains(
        "- **Collaboration fatigue**: mean 3.00, **moderate** (2 ratings, all from one agency: too few to lean on)\n"
    ));
    // Items rated widely carry no note.
    assert!(markdown.contains("- **Conflict**: mean 3.00, **moderate**\n"));
    assert!(markdown.contains("- **Leadership**: mean 2.38\n"));
    #[cfg(feature = "html")]
    assert!(report.html().to_string().contains(
        "<li><strong>Collaboration fatigue</strong>: mean 3.00, moderate (2 ratings, all from one agency: too few to lean on)</li>"
    ));
    // Thin from several agencies, and a single rating.
    let early = support::example("early-years-network");
    let text = early.gap_analysis(None).markdown().to_string();
    assert!(
        text.contains(
            "- **Clarity of purpose and roles**: mean 2.50 (4 ratings: too few to lean on)\n"
        ),
        "{text}"
    );
    let text = early
        .gap_analysis(Some(interagency::Level::Integration))
        .markdown()
        .to_string();
    assert!(
        text.contains("mean 2.00 (1 rating: too few to lean on)\n"),
        "{text}"
    );
    // Enough ratings, all from one agency.
    let report = conflict_ratings(6, |_| "a", 4);
    assert!(
        report
            .markdown()
            .to_string()
            .contains("- **Conflict**: mean 4.00, **major** (every rating from one agency)\n")
    );
}

/// "Where views differ" says whether any groups could be compared before
/// it says that none differ, and names only the comparison it could make:
/// hidden groups prove nothing either way.
#[test]
fn views_are_said_to_agree_only_where_groups_were_compared() {
    const NONE: &str = "No agency or role could be compared: no facilitator or obstacle has two \
                        agencies, or both senior managers and frontline staff, with groups large \
                        enough to show.";
    const AGREE: &str = "sees a facilitator or obstacle differently by as much as";
    for name in ["early-years-network", "integrated-family-centre"] {
        let text = support::example(name)
            .gap_analysis(None)
            .markdown()
            .to_string();
        assert!(text.contains(NONE), "{name}: {text}");
        assert!(!text.contains(AGREE), "{name}");
    }
    // Two agencies of five frontline respondents each who rate alike: the
    // agencies are compared, and alike; the roles cannot be.
    let text = conflict_ratings(10, |i| if i < 5 { "a" } else { "b" }, 3)
        .markdown()
        .to_string();
    assert!(
        text.contains(
            "No agency sees a facilitator or obstacle differently by as much as the rubric \
             counts as divergent (1.5 between agencies); no item has both senior managers and \
             frontline staff in groups large enough to compare."
        ),
        "{text}"
    );
    assert!(!text.contains(NONE), "{text}");
    // Where groups are hidden, the sentence says it speaks of those shown.
    let mut responses: Vec<Response> = (0..10)
        .map(|i| {
            let role = if i % 2 == 0 {
                Role::Frontline
            } else {
                Role::SeniorManager
            };
            let mut r = Response::new(format!("r{i}"), "a", role);
            r.obstacles
                .insert(Obstacle::Conflict, Rating::new(3).unwrap());
            r
        })
        .collect();
    // B's five are hidden beside C's one; D's five are shown.
    for i in 0..10 {
        let agency = if i < 5 { "b" } else { "d" };
        let mut r = Response::new(format!("s{i}"), agency, Role::Frontline);
        r.obstacles
            .insert(Obstacle::Conflict, Rating::new(3).unwrap());
        responses.push(r);
    }
    let mut r = Response::new("c", "c", Role::Frontline);
    r.obstacles
        .insert(Obstacle::Conflict, Rating::new(3).unwrap());
    responses.push(r);
    let agencies = vec![
        Agency::new("a", "A"),
        Agency::new("b", "B"),
        Agency::new("c", "C"),
        Agency::new("d", "D"),
    ];
    let text = page(agencies, [], responses);
    assert!(
        text.contains(
            "Among the groups large enough to show, no agency or role sees a facilitator or \
             obstacle differently by as much as the rubric counts as divergent (1.5 between \
             agencies, 1.0 between senior managers and frontline staff)."
        ),
        "{text}"
    );
    // The hub's groups are compared, and some differ.
    let text = support::example("child-protection-hub")
        .gap_analysis(None)
        .markdown()
        .to_string();
    assert!(
        text.contains("Where agencies differ by 1.5 or more"),
        "{text}"
    );
}

/// A partnership no one has rated yet says so first, and its standing says
/// why it is at risk; a rated one has no such line.
#[test]
fn a_report_without_ratings_says_so_first() {
    let agencies = vec![Agency::new("a", "A"), Agency::new("b", "B")];
    let text = support::assemble("N", None, agencies, [], Vec::new())
        .unwrap()
        .gap_analysis(None)
        .markdown()
        .to_string();
    assert!(
        text.contains(
            "- No ratings yet: no one has rated a facilitator or obstacle, so no level can be \
             sustained and the facilitator and obstacle figures below are empty.\n"
        ),
        "{text}"
    );
    assert!(text.contains("No group has ratings to show."), "{text}");
    assert!(text.contains("| At risk | no |"), "{text}");
    // With arrangements in place, the risk is that nothing is rated yet.
    let agencies = vec![Agency::new("a", "A"), Agency::new("b", "B")];
    let cooperation = [
        interagency::Characteristic::ConsistentGoals,
        interagency::Characteristic::ComplementaryServices,
    ];
    let text = page(agencies, cooperation, Vec::new());
    assert!(
        text.contains(
            "| At risk | **yes: with no ratings yet, no level is sustained to match the \
             arrangements in place** |"
        ),
        "{text}"
    );
    let hub = support::example("child-protection-hub")
        .gap_analysis(None)
        .markdown()
        .to_string();
    assert!(!hub.contains("No ratings yet") && !hub.contains("No group has ratings"));
    assert!(hub.contains(
        "| At risk | **yes: the level sustained is below the arrangements in place, and an \
         obstacle is major** |"
    ));
}

/// The report of two agencies, A and B, whose `n` respondents each rate
/// conflict `rating`, respondent `i` for agency `agency(i)`.
fn conflict_ratings(
    n: usize,
    agency: impl Fn(usize) -> &'static str,
    rating: u8,
) -> interagency::GapReport {
    let responses = (0..n)
        .map(|i| {
            let mut r = Response::new(format!("r{i}"), agency(i), Role::Frontline);
            r.obstacles
                .insert(Obstacle::Conflict, Rating::new(rating).unwrap());
            r
        })
        .collect();
    let agencies = vec![Agency::new("a", "A"), Agency::new("b", "B")];
    support::assemble("N", None, agencies, [], responses)
        .unwrap()
        .gap_analysis(None)
}

/// Rated by one kind of item only is rated: no "No ratings yet" line. At
/// risk for its sustained level alone, with no major obstacle, it says so
/// and no more.
#[test]
fn one_kind_rated_is_rated_and_the_risk_names_its_cause() {
    use interagency::{Characteristic, Facilitator};
    // Obstacles only: conflict minor, over the arrangements of cooperation
    // that no facilitator sustains.
    let responses = (0..3)
        .map(|i| {
            let mut r = Response::new(format!("r{i}"), "a", Role::Frontline);
            r.obstacles
                .insert(Obstacle::Conflict, Rating::new(2).unwrap());
            r
        })
        .collect();
    let agencies = vec![Agency::new("a", "A"), Agency::new("b", "B")];
    let cooperation = [
        Characteristic::ConsistentGoals,
        Characteristic::ComplementaryServices,
    ];
    let text = page(agencies.clone(), cooperation, responses);
    assert!(!text.contains("No ratings yet"), "{text}");
    assert!(
        text.contains(
            "| At risk | **yes: the level sustained is below the arrangements in place** |"
        ),
        "{text}"
    );
    // Facilitators only.
    let mut r = Response::new("r", "a", Role::Frontline);
    r.facilitators
        .insert(Facilitator::Leadership, Rating::new(3).unwrap());
    let text = page(agencies, [], vec![r]);
    assert!(!text.contains("No ratings yet"), "{text}");
}

/// The Markdown gap report of partnership "N" with these parts.
fn page(
    agencies: Vec<Agency>,
    characteristics: impl IntoIterator<Item = interagency::Characteristic>,
    responses: Vec<Response>,
) -> String {
    support::assemble("N", None, agencies, characteristics, responses)
        .unwrap()
        .gap_analysis(None)
        .markdown()
        .to_string()
}
