//! A walk through the framework for a newcomer: the definition, the ladder
//! of levels with what each needs and brings, the obstacles and their
//! remedies, the practice tips and the sources.
//!
//! ```text
//! cargo run --example tour
//! ```

use std::fmt::Write as _;

use interagency::Source;
use interagency::catalogue::{DEFINITION, Finding};
use interagency::{
    Benefit, Concept, ConceptSet, Facilitator, Identifier, Level, Obstacle, PracticeTip, Rubric,
};

const WIDTH: usize = 88;

fn main() {
    print!("{}", tour());
}

fn tour() -> String {
    let mut out = String::new();
    heading(
        &mut out,
        "Interagency working in children's and family services: a tour",
        '=',
    );
    para(
        &mut out,
        "",
        &format!(
            "Interagency working is \u{201c}{}\u{201d} ({}).",
            DEFINITION.text,
            DEFINITION.source.short()
        ),
    );
    para(
        &mut out,
        "",
        "This tour walks up Frost's ladder of four levels, shows what each level \
         asks of a partnership and what it brings to families and staff, then \
         turns to the obstacles partnerships meet and the practice tips that \
         address them. Text in quotation marks is quoted from the briefing; \
         everything marked [rubric] is this crate's default reading of the \
         sources, not a claim the sources make.",
    );

    heading(&mut out, "What the research says", '-');
    for finding in Finding::iter() {
        quote(&mut out, "  * ", finding);
    }
    out.push('\n');

    heading(
        &mut out,
        "The ladder: Frost's four levels (Frost, 2005, p13)",
        '-',
    );
    para(
        &mut out,
        "",
        "A partnership sits on the highest level whose arrangements it has in \
         place, together with those of every level below. It holds that level \
         only while the facilitators the level needs are at least borderline \
         in its members' ratings.",
    );
    for level in Level::iter() {
        level_section(&mut out, level);
    }

    reading(&mut out);

    heading(
        &mut out,
        "Obstacles and their remedies (Atkinson et al., 2002)",
        '-',
    );
    for obstacle in Obstacle::iter() {
        let _ = writeln!(out, "{}", obstacle.name());
        quote(&mut out, "    ", obstacle);
        list(
            &mut out,
            "    Remedies [rubric]: ",
            &tip_names(interagency::Rubric::DEFAULT.tips_addressing(obstacle)),
        );
        out.push('\n');
    }

    heading(&mut out, "Practice tips (from the briefing)", '-');
    for (n, tip) in PracticeTip::iter().enumerate() {
        let _ = writeln!(out, "{}. {}", n + 1, tip.name());
        quote(&mut out, "    ", tip);
        let links = interagency::Rubric::DEFAULT.links(tip);
        list(&mut out, "    Builds [rubric]: ", &names(links.builds));
        list(&mut out, "    Eases [rubric]: ", &names(links.addresses));
        list(
            &mut out,
            "    Puts in place [rubric]: ",
            &names(links.establishes),
        );
        out.push('\n');
    }

    heading(&mut out, "Sources", '-');
    for source in Source::iter() {
        para(
            &mut out,
            "  * ",
            &format!("{} Cited for {}.", source.citation(), source.cited_for()),
        );
    }
    out
}

fn level_section(out: &mut String, level: Level) {
    let _ = writeln!(
        out,
        "Level {}: {}",
        level.number(),
        level.name().to_uppercase()
    );
    quote(out, "    ", level);
    para(out, "    ", "You can see it when [rubric]:");
    for c in interagency::Rubric::DEFAULT.characteristics_of(level) {
        para(out, "      - ", c.description());
    }
    let needs = interagency::Rubric::DEFAULT.facilitators_introduced_at(level);
    if needs.is_empty() {
        para(
            out,
            "    ",
            "It needs no facilitator beyond those of the levels below.",
        );
    } else {
        let also = if level == Level::LOWEST {
            ""
        } else {
            ", as well as those of the levels below"
        };
        para(
            out,
            "    ",
            &format!("To sustain it, it needs [rubric]{also}:"),
        );
        for f in needs {
            facilitator_line(out, f);
        }
    }
    let brings = interagency::Rubric::DEFAULT.benefits_introduced_at(level);
    if !brings.is_empty() {
        para(
            out,
            "    ",
            "What it brings [rubric], from the benefits CAAB (2009) lists:",
        );
        for b in brings {
            benefit_line(out, b);
        }
    }
    out.push('\n');
}

fn facilitator_line(out: &mut String, f: Facilitator) {
    para(
        out,
        "      - ",
        &format!(
            "{}: \u{201c}{}\u{201d} ({})",
            f.name(),
            f.description(),
            f.source().short()
        ),
    );
    list(
        out,
        "        Built by: ",
        &tip_names(interagency::Rubric::DEFAULT.tips_building(f)),
    );
}

fn benefit_line(out: &mut String, b: Benefit) {
    para(
        out,
        "      - ",
        &format!("\u{201c}{}\u{201d}", b.description()),
    );
}

fn quote(out: &mut String, indent: &str, concept: impl Concept) {
    let text = if concept.quoted() {
        format!(
            "\u{201c}{}\u{201d} ({})",
            concept.description(),
            concept.source().short()
        )
    } else {
        concept.description().to_owned()
    };
    para(out, indent, &text);
}

fn names<T: Concept>(set: ConceptSet<T>) -> Vec<String> {
    set.iter().map(|v| v.name().to_owned()).collect()
}

fn tip_names(set: ConceptSet<PracticeTip>) -> Vec<String> {
    set.iter()
        .map(|tip| format!("tip {} ({})", tip.index() + 1, tip.name()))
        .collect()
}

fn list(out: &mut String, label: &str, items: &[String]) {
    if !items.is_empty() {
        para(out, label, &items.join("; "));
    }
}

fn heading(out: &mut String, text: &str, underline: char) {
    let _ = writeln!(out, "{text}");
    let _ = writeln!(
        out,
        "{}\n",
        underline.to_string().repeat(text.chars().count())
    );
}

/// Writes `text` wrapped at [`WIDTH`], the first line after `first`, the
/// others indented to match.
fn para(out: &mut String, first: &str, text: &str) {
    let indent = " ".repeat(first.chars().count());
    let mut line = first.to_owned();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            let _ = writeln!(out, "{line}");
            line.clone_from(&indent);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    let _ = writeln!(out, "{line}");
    if first.is_empty() {
        out.push('\n');
    }
}

/// How the crate reads a partnership's ratings, with the default rubric's
/// numbers.
fn reading(out: &mut String) {
    heading(out, "Reading a partnership [rubric]", '-');
    let rubric = Rubric::DEFAULT;
    let f = rubric.facilitator_thresholds();
    let o = rubric.obstacle_thresholds();
    para(
        out,
        "",
        &format!(
            "Members of each agency rate every facilitator from 1 (not present at all) to 5 \
             (fully present) and every obstacle from 1 (not a problem) to 5 (a severe problem). \
             Each agency's ratings are averaged first, then the agencies' averages, so a large \
             agency does not drown out a small one. A facilitator averaging {:.1} or more is a \
             strength, {:.1} or more borderline, and below that a concern; an obstacle averaging \
             {:.1} or more is major and {:.1} or more moderate. A level is sustained only while \
             every facilitator it needs is at least borderline, and a major obstacle puts the \
             partnership at risk whatever its level.",
            f.upper, f.lower, o.upper, o.lower
        ),
    );
    para(
        out,
        "",
        "To see this worked through for a partnership, run: cargo run --example assess -- \
         examples/data/child-protection-hub.json",
    );
    para(
        out,
        "",
        &format!(
            "Everything marked [rubric] is one reading of the sources, and yours may differ. \
             The rubric is a document you can copy and edit: examples/rubrics/default.json \
             (\u{201c}{}\u{201d}, version {}) is this one. Change a threshold, a level or a \
             tip's links, then pass it with --rubric; the report names the rubric it used. \
             examples/rubrics/statutory.json is a stricter reading, for comparison: \
             cargo run --example assess -- examples/data/child-protection-hub.json \
             --rubric examples/rubrics/statutory.json",
            rubric.name(),
            rubric.version()
        ),
    );
}
