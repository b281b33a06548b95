//! The SVG charts and HTML pages: well-formed, self-contained, and every
//! string from the input escaped in every format.

use interagency::{Assessment, Level};

use crate::support;

const EXAMPLES: [&str; 4] = [
    "early-years-network",
    "early-years-network-2027",
    "child-protection-hub",
    "integrated-family-centre",
];

/// Checks an SVG document: well-formed XML, the root the chart promises,
/// a title and a description, no script and no external reference.
#[track_caller]
fn check_svg(svg: &str) -> roxmltree::Document<'_> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert!(
        root.attribute("viewBox")
            .is_some_and(|v| v.starts_with("0 0 600 "))
    );
    assert_eq!(root.attribute("role"), Some("img"));
    let title = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .expect("a title");
    assert!(title.text().is_some_and(|t| !t.is_empty()));
    assert!(root.children().any(|n| n.has_tag_name("desc")));
    for node in doc.descendants() {
        assert!(!node.has_tag_name("script"), "a script");
        assert!(!node.has_tag_name("image") && !node.has_tag_name("foreignObject"));
        for attribute in node.attributes() {
            let value = attribute.value();
            assert!(
                attribute.name() != "href" || value.starts_with('#'),
                "an external reference: {value}"
            );
            assert!(
                !value.contains("http:") && !value.contains("https:")
                    || attribute.name() == "xmlns"
            );
        }
    }
    doc
}

#[track_caller]
fn check_html(html: &str, title: &str) {
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
    );
    assert!(html.contains(&format!("<title>{title}</title>")), "{title}");
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"));
    // Attribute values are always quoted, and text cannot hold a raw quote.
    for external in [
        "src=\"", "<link", "<img", "<iframe", "@import", "url(http", "href=\"",
    ] {
        assert!(!lower.contains(external), "{external}");
    }
    assert!(lower.contains("@media print") && lower.contains("size: a4"));
    // The chart is inline, once.
    assert_eq!(
        html.matches("<svg xmlns=\"http://www.w3.org/2000/svg\"")
            .count(),
        1
    );
    let start = html.find("<svg").unwrap();
    let end = html.find("</svg>").unwrap() + "</svg>".len();
    check_svg(&html[start..end]);
}

#[test]
fn every_example_renders_as_svg_and_html() {
    for name in EXAMPLES {
        let a = support::example(name);
        for target in [None, Some(Level::Integration)] {
            let r = a.gap_analysis(target);
            let svg = r.svg().to_string();
            let doc = check_svg(&svg);
            let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap();
            assert!(desc.text().unwrap().starts_with(a.partnership()));
            let html = r.html().to_string();
            check_html(&html, &format!("Interagency working: {}", a.partnership()));
            for section in [
                "Where the partnership stands",
                "Facilitators (Statham, 2011)",
                "Obstacles (Atkinson et al., 2002)",
                "Where views differ",
                "Recommendations",
                "Levels after Frost",
            ] {
                assert!(html.contains(section), "{name}: {section}");
            }
        }
    }
}

#[test]
fn the_progress_report_renders_as_svg_and_html() {
    let p = crate::support::progress(
        &support::example("early-years-network"),
        &support::example("early-years-network-2027"),
        None,
    )
    .unwrap();
    let svg = p.svg().to_string();
    let doc = check_svg(&svg);
    assert!(
        doc.descendants().any(|n| n.has_tag_name("circle")),
        "earlier means are marked"
    );
    let html = p.html().to_string();
    check_html(&html, "Progress: Ballyfoyle Early Years Network");
    for section in [
        "What improved",
        "What got worse",
        "What is new",
        "What to work on next",
    ] {
        assert!(html.contains(section), "{section}");
    }
    assert!(html.contains("Tusla Prevention, Partnership and Family Support"));
}

#[test]
fn the_readme_chart_is_up_to_date() {
    let svg = support::example("child-protection-hub")
        .gap_analysis(None)
        .svg()
        .to_string();
    support::assert_snapshot("docs/child-protection-hub.svg", &svg);
}

#[test]
fn bands_are_written_as_words_and_patterns() {
    let svg = support::example("child-protection-hub")
        .gap_analysis(None)
        .svg()
        .to_string();
    for word in [
        "concern",
        "borderline",
        "major",
        "moderate",
        "minor",
        "not rated",
        "sustained",
        "in place, not sustained",
        "not in place",
    ] {
        assert!(svg.contains(word), "{word}");
    }
    for pattern in ["ia-dots", "ia-hatch", "ia-stripes", "ia-cross"] {
        assert!(
            svg.contains(&format!("<pattern id=\"{pattern}\"")),
            "{pattern}"
        );
    }
}

/// A partnership whose every name is hostile.
fn hostile() -> Assessment {
    support::assessment("tests/data/hostile.json")
}

#[test]
fn hostile_names_are_escaped_in_every_format() {
    let a = hostile();
    let r = a.gap_analysis(None);
    // The agencies diverge, so their names reach the "where views differ"
    // text in every format.
    assert!(r.voices.facilitators[interagency::Facilitator::Leadership as usize].agencies_diverge);

    let svg = r.svg().to_string();
    let doc = check_svg(&svg);
    let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(
        title.text(),
        Some("Interagency working: <script>alert(1)</script> & \"Co\" </svg>")
    );

    let html = r.html().to_string();
    check_html(
        &html,
        "Interagency working: &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;Co&#34; &#60;/svg&#62;",
    );
    assert!(!html.contains("<img"));
    assert!(html.contains("&#60;img src=x onerror=alert(1)&#62;"));
    assert!(html.contains("&#60;/svg&#62;&#60;script&#62;alert(&#39;b&#39;)&#60;/script&#62;"));

    let markdown = r.markdown().to_string();
    assert!(markdown.starts_with(
        "# Interagency working: &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Co\" &lt;/svg&gt;\n"
    ));
    assert!(!markdown.contains("<img") && !markdown.contains("<script"));
    assert!(markdown.contains("&lt;img src=x onerror=alert(1)&gt;"));

    // The progress report, in every format, too.
    let p = crate::support::progress(&a, &a, None).unwrap();
    check_svg(&p.svg().to_string());
    let html = p.html().to_string();
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!p.markdown().to_string().contains("<script"));
}

/// The matrix's row labels and cells, from the chart: each label's text
/// and font, and the smallest and largest x a cell covers.
fn matrix_geometry(svg: &str) -> (Vec<(String, f64)>, f64, f64) {
    let doc = check_svg(svg);
    let matrix = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("ia-matrix"))
        .expect("a matrix");
    let number =
        |n: roxmltree::Node<'_, '_>, a: &str| -> f64 { n.attribute(a).unwrap().parse().unwrap() };
    let labels = matrix
        .children()
        .filter(|n| {
            n.has_tag_name("text")
                && n.attribute("style")
                    .is_some_and(|s| !s.contains("font-weight"))
                && n.attribute("class") == Some("ia-small")
        })
        .filter_map(|n| {
            let font = n.attribute("style")?.strip_prefix("font-size:")?;
            let font: f64 = font.strip_suffix("px")?.parse().ok()?;
            n.text().map(|t| (t.to_owned(), font))
        })
        .filter(|(t, _)| t.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    let cells: Vec<_> = matrix
        .children()
        .filter(|n| n.has_tag_name("rect") && n.attribute("width").is_some_and(|w| w != "16"))
        .collect();
    let left = cells
        .iter()
        .map(|&c| number(c, "x"))
        .fold(f64::MAX, f64::min);
    let right = cells
        .iter()
        .map(|&c| number(c, "x") + number(c, "width"))
        .fold(0.0, f64::max);
    (labels, left, right)
}

/// The estimate of a label's width the chart lays its columns out with:
/// 6.2 units a character of 10.5-pixel text, at `font` pixels.
fn label_width(label: &str, font: f64) -> f64 {
    f64::from(u32::try_from(label.chars().count()).unwrap()) * 6.2 * font / 10.5
}

/// The matrix's label column fits its labels: every label (cut where a
/// name is long) ends before the first cell, for the hub's four agencies
/// and for thirty with long names, whose cells still fit the chart.
#[test]
fn the_matrix_label_column_fits_its_labels() {
    let svg = support::example("child-protection-hub")
        .gap_analysis(None)
        .svg()
        .to_string();
    let (labels, left, right) = matrix_geometry(&svg);
    assert_eq!(labels[3].0, "4. Northgate School Completion Programme");
    for (label, font) in &labels {
        assert!(
            20.0 + label_width(label, *font) <= left,
            "{label} runs under the cells at {left}"
        );
    }
    assert!(right <= 580.0);

    let n = 30;
    let ids: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
    let agencies: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            serde_json::json!({
                "id": id,
                "name": format!("Agency number {i} of the long named services of the county")
            })
        })
        .collect();
    let responses: Vec<_> = ids
        .iter()
        .map(|id| {
            let partners: serde_json::Map<String, serde_json::Value> = ids
                .iter()
                .filter(|other| *other != id)
                .map(|other| (other.clone(), "cooperation".into()))
                .collect();
            serde_json::json!({
                "respondent": format!("r-{id}"), "agency": id, "role": "manager",
                "facilitators": {"leadership": 3}, "partners": partners
            })
        })
        .collect();
    let document = serde_json::json!({
        "partnership": "County", "characteristics": [],
        "agencies": agencies, "responses": responses
    });
    let a = Assessment::from_json(&document.to_string()).unwrap();
    let svg = a.gap_analysis(None).svg().to_string();
    let (labels, left, right) = matrix_geometry(&svg);
    assert_eq!(labels.len(), n);
    // Each cut label ends after a whole word and carries the whole name as
    // its tooltip.
    assert!(
        svg.contains(
            ">1. Agency number 0 of the long named…<title>Agency number 0 of the long named \
             services of the county</title></text>"
        ),
        "{}",
        labels[0].0
    );
    assert_eq!(
        svg.matches("<title>Agency number ").count(),
        n,
        "every cut label has its name"
    );
    for (label, font) in &labels {
        assert!(label.ends_with('\u{2026}'), "{label} is not cut");
        assert!(
            20.0 + label_width(label, *font) <= left,
            "{label} runs under the cells at {left}"
        );
    }
    assert!(right <= 580.0, "the cells run to {right}");
}

/// An item that fewer people rated in all than the smallest group shown is
/// itself a small group: the page's breakdowns show every group of it as
/// hidden, never which groups gave no rating, while an item rated widely
/// keeps its dashes and means.
#[test]
fn breakdowns_do_not_tell_who_rated_a_thin_item() {
    let (mut thin_rows, mut rows_with_means) = (0, 0);
    for name in EXAMPLES {
        let report = support::example(name).gap_analysis(None);
        let html = report.html().to_string();
        let mut thin: Vec<(&str, bool)> = Vec::new();
        for v in &report.voices.facilitators {
            thin.push((v.item.name(), v.thin));
        }
        for v in &report.voices.obstacles {
            thin.push((v.item.name(), v.thin));
        }
        let mut checked = 0;
        for table in html.split("<table>").skip(1) {
            let Some(table) = table.split("</table>").next() else {
                continue;
            };
            if !table.contains("mean (ratings)</caption>") {
                continue;
            }
            for row in table.split("<tr><th scope=\"row\">").skip(1) {
                let (item, cells) = row.split_once("</th>").unwrap();
                let cells: Vec<&str> = cells
                    .split("<td class=\"num\">")
                    .skip(1)
                    .map(|c| c.split("</td>").next().unwrap())
                    .collect();
                let &(_, is_thin) = thin.iter().find(|(n, _)| *n == item).unwrap();
                if is_thin {
                    assert!(
                        cells.iter().all(|c| *c == "hidden"),
                        "{name}: {item}: {cells:?}"
                    );
                    checked += 1;
                } else if cells.iter().any(|c| c.contains(" (")) {
                    rows_with_means += 1;
                }
            }
        }
        // The page's count of hidden groups is the count of hidden cells.
        let cells = html.matches("<td class=\"num\">hidden</td>").count();
        let said = format!("{cells} groups of the breakdowns by agency and by role are hidden");
        assert!(html.contains(&said) || cells == 0, "{name}: {cells}");
        let thin_items = thin.iter().filter(|(_, t)| *t).count();
        // Each thin item has a row in the agency and in the role breakdown.
        assert_eq!(checked, 2 * thin_items, "{name}");
        thin_rows += checked;
    }
    // The examples have both kinds of item.
    assert!(
        thin_rows > 0 && rows_with_means > 0,
        "{thin_rows} {rows_with_means}"
    );
}

/// Every `y` of the chart's elements, and the picture's height.
fn heights(svg: &str) -> (Vec<f64>, f64) {
    let numbers = |key: &str| -> Vec<f64> {
        svg.match_indices(key)
            .map(|(at, _)| {
                let rest = &svg[at + key.len()..];
                rest[..rest.find('"').unwrap()].parse().unwrap()
            })
            .collect()
    };
    (numbers(" y=\""), numbers(" height=\"")[0])
}

/// The picture ends a little below its lowest element: nothing is cut off
/// at the bottom, and no empty band is left under it. Every example's
/// report and progress chart, and a report with a perceived level but no
/// network.
#[test]
fn each_chart_ends_below_its_lowest_element() {
    let mut charts = Vec::new();
    for name in EXAMPLES {
        charts.push(support::example(name).gap_analysis(None).svg().to_string());
    }
    let earlier = support::example("early-years-network");
    let later = support::example("early-years-network-2027");
    charts.push(
        later
            .progress_since(&earlier, None)
            .unwrap()
            .svg()
            .to_string(),
    );
    let agencies = vec![
        interagency::Agency::new("a", "A"),
        interagency::Agency::new("b", "B"),
    ];
    let mut r = interagency::Response::new("r", "a", interagency::Role::Manager);
    r.facilitators.insert(
        interagency::Facilitator::Leadership,
        interagency::Rating::new(4).unwrap(),
    );
    r.perceived_level = Some(Level::Coordination.into());
    let seen = support::assemble("N", None, agencies, [], vec![r]).unwrap();
    charts.push(seen.gap_analysis(None).svg().to_string());
    for svg in &charts {
        let (ys, height) = heights(svg);
        let lowest = ys.iter().copied().fold(0.0, f64::max);
        assert!(
            lowest + 12.0 <= height && height <= lowest + 40.0,
            "lowest element at {lowest}, picture {height} high:\n{svg}"
        );
    }
}

/// The heading of a chart drawn for a partnership called `name`.
fn heading_of(name: &str) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&support::read("examples/data/child-protection-hub.json")).unwrap();
    value["partnership"] = name.into();
    let a: Assessment = serde_json::from_value(value).unwrap();
    let svg = a.gap_analysis(None).svg().to_string();
    let start = svg
        .find("<text class=\"ia-h1\" x=\"20\" y=\"30\">")
        .unwrap();
    let end = start + svg[start..].find("</text>").unwrap();
    svg[start..end].split_once('>').unwrap().1.to_owned()
}

/// Where a heading is cut: after a word that ends late enough, its comma
/// dropped; within a long word when the last space comes too early.
#[test]
fn a_heading_is_cut_after_a_late_word_else_within_the_word() {
    let heading =
        heading_of("Ballyfoyle and District Early Years Network, Familysupportandchildprotection");
    assert!(
        heading.starts_with("Ballyfoyle and District Early Years Network\u{2026}<title>"),
        "{heading}"
    );
    // The last space of the first 45 characters is at 20, under two
    // thirds of the way: too early to cut there, so the word itself is cut.
    let heading =
        heading_of("Northside Family Hub Averylongsinglewordthatrunsonandonwithoutspaces");
    assert!(
        heading.starts_with("Northside Family Hub Averylongsinglewordthatr\u{2026}<title>"),
        "{heading}"
    );
}

/// A partnership name too long for the chart's heading is cut after a
/// whole word, and the whole name is the heading's tooltip; a short name
/// is drawn whole, with no tooltip.
#[test]
fn a_long_heading_is_cut_after_a_word_with_the_whole_name_kept() {
    let a = support::example("child-protection-hub");
    let short = a.gap_analysis(None).svg().to_string();
    assert!(short.contains(&format!(">{}</text>", a.partnership())));
    let mut value: serde_json::Value =
        serde_json::from_str(&support::read("examples/data/child-protection-hub.json")).unwrap();
    value["partnership"] =
        "Ballyfoyle and District Early Years, Family Support & Child Protection Partnership".into();
    let a: Assessment = serde_json::from_value(value).unwrap();
    let svg = a.gap_analysis(None).svg().to_string();
    check_svg(&svg);
    assert!(
        svg.contains(
            "<text class=\"ia-h1\" x=\"20\" y=\"30\">Ballyfoyle and District Early Years, \
             Family…<title>Ballyfoyle and District Early Years, Family Support &#38; Child \
             Protection Partnership</title></text>"
        ),
        "{svg}"
    );
}
