//! Reports as Markdown, for a meeting pack or an agenda: the view written
//! with Markdown's emphasis, tables and lists, every string from the input
//! escaped.

use core::fmt::{self, Display, Formatter, Write as _};

use crate::foundation::escape;
use crate::render::Report;
use crate::render::view::{
    CohortView, Emphasis, GapView, ItemTable, Line, NetworkChangeView, NetworkView, Plan, PlanView,
    ProgressView, ReviewView, Span, Word, joined,
};

/// A report rendered as Markdown; see [`GapReport::markdown`](crate::GapReport::markdown) and
/// [`ProgressReport::markdown`](crate::ProgressReport::markdown). It is a [`Display`] value: format it, or
/// call `to_string()`. Its text ends with one newline.
#[derive(Clone, Copy, Debug)]
pub struct Markdown<'a>(pub(crate) Report<'a>);

impl Display for Markdown<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let mut out = String::with_capacity(8 * 1024);
        match self.0 {
            Report::Gap(r) => gap(&mut out, &GapView::of(r)),
            Report::Progress(r) => progress(&mut out, &ProgressView::of(r)),
            Report::Cohort(r) => cohort(&mut out, &CohortView::of(r)),
        }
        f.write_str(&out)
    }
}

/// A row of a table: `| a | b |`.
fn table_row(out: &mut String, cells: &[&dyn Display]) {
    for cell in cells {
        let _ = write!(out, "| {cell} ");
    }
    out.push_str("|\n");
}

/// Text, in bold when the flag says so.
struct Bold<'a>(&'a str, bool);

impl Display for Bold<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.1 {
            write!(f, "**{}**", self.0)
        } else {
            f.write_str(self.0)
        }
    }
}

/// A word with its emphasis.
struct W(Word);

impl Display for W {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0.emphasis {
            Emphasis::Plain => f.write_str(self.0.text),
            Emphasis::Strong => write!(f, "**{}**", self.0.text),
            Emphasis::Quiet => write!(f, "*{}*", self.0.text),
        }
    }
}

/// A line of text, input escaped.
struct L<'a>(&'a Line);

impl Display for L<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for span in &(self.0).0 {
            match span {
                Span::Text(t) => f.write_str(t)?,
                Span::Input(t) => f.write_str(&escape::markdown(t))?,
                Span::Word(w) => W(*w).fmt(f)?,
                Span::Term(t) => write!(f, "*{t}*")?,
                Span::Code(c) => write!(f, "`{c}`")?,
            }
        }
        Ok(())
    }
}

/// Words, comma-separated, each with its emphasis.
struct Words<'a>(&'a [Word]);

impl Display for Words<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (i, &w) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            W(w).fmt(f)?;
        }
        Ok(())
    }
}

/// A mean to two places, or a dash.
struct MeanText(Option<f64>);

impl Display for MeanText {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(m) => write!(f, "{m:.2}"),
            None => f.write_str("–"),
        }
    }
}

/// A bar of ten cells for a mean on the 1 to 5 scale: two cells a point,
/// with a half cell; nothing without a mean.
struct TextBar(Option<f64>);

impl Display for TextBar {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let Some(mean) = self.0 else {
            return Ok(());
        };
        let halves = (mean * 4.0).round().clamp(0.0, 20.0);
        f.write_str("`")?;
        for cell in 0..10u8 {
            let filled = halves - f64::from(cell) * 2.0;
            f.write_str(if filled >= 2.0 {
                "█"
            } else if filled >= 1.0 {
                "▌"
            } else {
                "░"
            })?;
        }
        f.write_str("`")
    }
}

fn gap(out: &mut String, v: &GapView) {
    let _ = writeln!(out, "# {}\n", L(&v.title));
    if let Some(date) = &v.date {
        let _ = writeln!(out, "Assessed on {date}.\n");
    }
    out.push_str("## Where the partnership stands\n\n| | |\n|---|---|\n");
    for fact in &v.standing {
        table_row(out, &[&fact.label, &Bold(&fact.value, fact.strong)]);
    }
    out.push('\n');
    for reason in &v.reasons {
        let _ = writeln!(out, "- {reason}");
    }
    out.push('\n');
    for table in &v.tables {
        item_table(out, table);
    }
    let _ = writeln!(out, "{}\n", v.how_sure);

    let views = &v.views;
    let _ = writeln!(out, "## Where views differ\n\n{}\n", views.intro);
    for d in &views.divergences {
        let _ = writeln!(out, "- **{}**: {}.", d.item, L(&d.text));
    }
    if !views.divergences.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "{}\n", views.hidden);
    if let Some(network) = &v.network {
        network_section(out, network);
    }

    let g = &v.gap;
    let _ = writeln!(out, "## {}\n\n{}\n", g.heading, g.reached);
    if !g.missing.is_empty() {
        out.push_str("Arrangements still to put in place:\n\n");
        for (name, level, description) in &g.missing {
            let _ = writeln!(out, "- **{name}** ({level}): {description}");
        }
        out.push('\n');
    }
    if !g.facilitators.is_empty() {
        out.push_str("Facilitators to strengthen:\n\n");
        for (name, state) in &g.facilitators {
            let _ = writeln!(out, "- **{name}**: {state}");
        }
        out.push('\n');
    }
    if !g.obstacles.is_empty() {
        out.push_str("Active obstacles:\n\n");
        for (name, mean, band, evidence) in &g.obstacles {
            let _ = writeln!(out, "- **{name}**: mean {mean}, {}{evidence}", W(*band));
        }
        out.push('\n');
    }
    out.push_str("## Recommendations\n\n");
    plan(out, &v.plan);
    footer(out, &v.footer);
}

/// Who works with whom: the matrix with its key, the figures, the pairs
/// that disagree, who is missing, trust, and the perceived level.
fn network_section(out: &mut String, v: &NetworkView) {
    let _ = writeln!(out, "## {}\n", v.heading);
    if v.has_network {
        let _ = writeln!(out, "{}\n", v.intro);
        out.push_str("| | Agency |");
        for row in &v.rows {
            let _ = write!(out, " {} |", row.number);
        }
        out.push_str("\n|---:|---|");
        for _ in &v.rows {
            out.push_str(":-:|");
        }
        out.push('\n');
        for row in &v.rows {
            let _ = write!(out, "| {} | {} |", row.number, escape::markdown(&row.name));
            for cell in &row.cells {
                match cell {
                    None => out.push_str(" \u{2014} |"),
                    Some(cell) => {
                        let flag = if cell.disputed && cell.level.is_some() {
                            "!"
                        } else {
                            ""
                        };
                        let _ = write!(out, " {}{flag} |", cell.abbreviation());
                    }
                }
            }
            out.push('\n');
        }
        out.push_str("\nKey: ");
        for (i, (abbreviation, _, words)) in v.key.iter().enumerate() {
            let sep = if i > 0 { ", " } else { "" };
            let _ = write!(out, "{sep}**{abbreviation}** {words}");
        }
        out.push_str(
            "; **!** the pair's answers are two levels or more apart.\n\n| | |\n|---|---|\n",
        );
        for fact in &v.facts {
            table_row(out, &[&fact.label, &Bold(&fact.value, fact.strong)]);
        }
        out.push('\n');
        for line in &v.lists {
            let _ = writeln!(out, "{}\n", L(line));
        }
        let _ = writeln!(out, "### {}\n", v.disputed_heading);
        if v.disputed.is_empty() {
            let _ = writeln!(out, "{}", v.no_disputes);
        }
        for line in &v.disputed {
            let _ = writeln!(out, "- {}", L(line));
        }
        out.push('\n');
        let _ = writeln!(
            out,
            "### {}\n\n{}\n\n| Agency | Trust | Agencies rating it |\n|---|---:|---:|",
            v.trust_heading, v.trust_note
        );
        for (name, mean, raters) in &v.trust {
            table_row(out, &[&escape::markdown(name), mean, raters]);
        }
        out.push('\n');
    }
    if let Some(perceived) = &v.perceived {
        let _ = writeln!(out, "### {}\n\n{perceived}\n", v.perceived_heading);
    }
}

/// How the network changed between two rounds.
fn network_change(out: &mut String, v: &NetworkChangeView) {
    let _ = writeln!(out, "## {}\n\n{}\n", v.heading, v.density);
    if v.pairs.is_empty() {
        let _ = writeln!(out, "{}", v.no_pairs);
    }
    for line in &v.pairs {
        let _ = writeln!(out, "- {}", L(line));
    }
    out.push('\n');
}

fn item_table(out: &mut String, t: &ItemTable) {
    let needed = if t.needed { "Needed from | " } else { "" };
    let needed_rule = if t.needed { "---|" } else { "" };
    let _ = writeln!(
        out,
        "## {}\n\n| {} | {needed}Mean | | Band | {} | Agreement | Ratings | Evidence |\n|---|{needed_rule}---:|---|---|---:|---|---:|---|",
        t.heading, t.kind, t.interval
    );
    for row in &t.rows {
        let (mean, bar, band) = (MeanText(row.mean), TextBar(row.mean), W(row.band));
        let agreement = W(row.agreement);
        let evidence = Words(&row.evidence);
        let needed = row.needed_from.unwrap_or_default();
        let cells: [&dyn Display; 9] = [
            &row.name,
            &needed,
            &mean,
            &bar,
            &band,
            &row.interval,
            &agreement,
            &row.ratings,
            &evidence,
        ];
        // The "needed from" column (the second) is there only when the table has it.
        let shown = cells
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != 1 || t.needed);
        table_row(out, &shown.map(|(_, &cell)| cell).collect::<Vec<_>>());
    }
    let _ = write!(out, "\n{}", t.scale);
    for sentence in &t.legend {
        let _ = write!(out, " {}", L(sentence));
    }
    out.push_str("\n\n");
}

/// The recommendations, the gap items no tip works on and the benefits in
/// reach, after the heading that introduces them.
fn plan(out: &mut String, p: &Plan) {
    if p.recommendations.is_empty() {
        let _ = writeln!(out, "{}", p.none);
    }
    for (n, r) in p.recommendations.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}** (priority {})  \n   \u{201c}{}\u{201d} ({})  \n   Works on: {}.",
            n + 1,
            r.name,
            r.priority,
            r.quote,
            r.source,
            L(&r.works_on)
        );
    }
    out.push('\n');
    if let Some(items) = &p.unaddressed {
        let _ = writeln!(out, "{}\n", L(items));
    }
    if !p.benefits.is_empty() {
        let _ = writeln!(out, "## {}\n", p.benefits_heading);
        for b in &p.benefits {
            let _ = writeln!(out, "- {b}");
        }
        out.push('\n');
    }
}

fn footer(out: &mut String, sentence: &Line) {
    let _ = writeln!(out, "---\n\n{}", L(sentence));
}

fn progress(out: &mut String, v: &ProgressView) {
    let _ = writeln!(out, "# {}\n\n{}\n", L(&v.title), v.period);
    if let Some(name) = &v.earlier_name {
        let _ = writeln!(out, "{}\n", L(name));
    }
    out.push_str("| | Earlier | Later | Change |\n|---|---|---|---|\n");
    for row in &v.levels {
        table_row(
            out,
            &[
                &row.label,
                &row.value.earlier,
                &Bold(&row.value.later, row.strong),
                &row.value.change,
            ],
        );
    }
    out.push('\n');
    for list in &v.moved {
        let _ = writeln!(out, "## {}\n", list.heading);
        if list.items.is_empty() {
            let _ = writeln!(out, "{}", list.none);
        }
        for m in &list.items {
            let _ = writeln!(out, "- **{}**: {}.", m.name, L(&m.text));
        }
        out.push('\n');
    }
    out.push_str("## What is new\n\n");
    if v.new.is_empty() {
        let _ = writeln!(out, "{}", v.nothing_new);
    }
    for l in &v.new {
        let _ = writeln!(out, "- {}", L(l));
    }
    out.push('\n');
    for (i, t) in v.tables.iter().enumerate() {
        let gap = if i > 0 { "\n" } else { "" };
        let _ = writeln!(
            out,
            "{gap}## {}\n\n| {} | Earlier | Later | Change | {} | Clear change | Bands | Movement |\n|---|---:|---:|---:|---:|---|---|---|",
            t.heading, t.kind, t.interval
        );
        for row in &t.rows {
            let bands = format!("{} \u{2192} {}", W(row.bands.earlier), W(row.bands.later));
            table_row(
                out,
                &[
                    &row.name,
                    &row.means.earlier,
                    &row.means.later,
                    &row.means.change,
                    &row.interval,
                    &W(row.clear),
                    &bands,
                    &W(row.bands.change),
                ],
            );
        }
    }
    let _ = writeln!(out, "\n{}\n", v.note);
    if let Some(change) = &v.network_change {
        network_change(out, change);
    }
    if let Some(review) = &v.plan_review {
        plan_review(out, review);
    }
    let _ = writeln!(out, "## {}\n", v.next);
    if let Some(reached) = v.reached {
        let _ = writeln!(out, "{reached}\n");
    }
    plan(out, &v.plan);
    footer(out, &v.footer);
}

/// An outcome, with its note in brackets when it has one.
struct OutcomeText(Word, Option<Word>);

impl Display for OutcomeText {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        W(self.0).fmt(f)?;
        match self.1 {
            Some(note) => write!(f, " ({})", W(note)),
            None => Ok(()),
        }
    }
}

/// What the plan said, and what moved: the summary, a table of the
/// actions, and the note on outcomes.
fn plan_review(out: &mut String, v: &ReviewView) {
    let _ = writeln!(
        out,
        "## {}\n\n{}\n\n| Action | Practice tip | Owner | Due | Status | Overdue | Items and how they moved | Outcome |\n|---|---|---|---|---|---|---|---|",
        v.heading, v.summary
    );
    for row in &v.rows {
        table_row(
            out,
            &[
                &escape::markdown(&row.id),
                &row.tip,
                &escape::markdown(&row.owner),
                &row.due,
                &W(row.status),
                &W(row.overdue),
                &L(&joined(&row.items)),
                &OutcomeText(row.outcome, row.outcome_note),
            ],
        );
    }
    let _ = writeln!(out, "\n{}\n", v.note);
}

/// An action plan as Markdown: one page for a meeting pack.
pub(crate) fn plan_page(v: &PlanView) -> String {
    let mut out = String::with_capacity(2048);
    let _ = writeln!(
        out,
        "# {}\n\n{}\n\n{}\n\n| Action | Practice tip | Works on | Owner | Due | Status |\n|---|---|---|---|---|---|",
        L(&v.title),
        v.meta,
        v.intro
    );
    for row in &v.actions {
        table_row(
            &mut out,
            &[
                &escape::markdown(&row.id),
                &row.tip,
                &L(&row.works_on),
                &escape::markdown(&row.owner),
                &row.due,
                &W(row.status),
            ],
        );
    }
    let _ = writeln!(out, "\n---\n\n{}", v.footer);
    out
}

fn cohort(out: &mut String, v: &CohortView) {
    let _ = writeln!(out, "# {}\n\n{}\n", L(&v.title), v.intro);
    for sentence in &v.summary {
        let _ = writeln!(out, "{sentence}\n");
    }
    if let Some(name) = &v.focus_name {
        let _ = writeln!(out, "{}\n", L(name));
    }
    let focus = v.focus_name.is_some();
    out.push_str("## Levels\n\n| Level | Arrangements in place | Sustained |");
    out.push_str(if focus {
        " Focus |\n|---|---:|---:|---|\n"
    } else {
        "\n|---|---:|---:|\n"
    });
    for row in &v.levels {
        if focus {
            table_row(
                out,
                &[&row.label, &row.structural, &row.achieved, &row.focus],
            );
        } else {
            table_row(out, &[&row.label, &row.structural, &row.achieved]);
        }
    }
    out.push('\n');
    for t in &v.tables {
        let [b0, b1, b2, b3] = &t.band_names;
        let _ = writeln!(
            out,
            "## {}\n\n| {} | Rated | Min | Q1 | Median | Q3 | Max | {b0} | {b1} | {b2} | {b3} |\n\
             |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            t.heading, t.kind
        );
        for row in &t.rows {
            let [min, q1, median, q3, max] = &row.figures;
            let [c0, c1, c2, c3] = &row.bands;
            table_row(
                out,
                &[
                    &row.name, &row.rated, min, q1, median, q3, max, c0, c1, c2, c3,
                ],
            );
        }
        out.push('\n');
        if focus {
            let _ = writeln!(
                out,
                "### {}\n\n| {} | Focus | Below | Level with | Percentile |\n|---|---:|---:|---:|---:|",
                t.focus_heading, t.kind
            );
            for row in &t.rows {
                if let Some(f) = &row.focus {
                    table_row(
                        out,
                        &[&row.name, &f.mean, &f.below, &f.equal, &f.percentile],
                    );
                }
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "{}\n", v.note);
    out.push_str("## Gaps shared\n\n");
    if v.gaps.is_empty() {
        let _ = writeln!(out, "{}\n", v.no_gaps);
    } else {
        out.push_str("| Gap | Kind | Partnerships |\n|---|---|---:|\n");
        for (name, kind, count) in &v.gaps {
            table_row(out, &[name, kind, count]);
        }
        out.push('\n');
    }
    out.push_str("## Practice tips by reach\n\n");
    if v.tips.is_empty() {
        let _ = writeln!(out, "{}\n", v.no_tips);
    } else {
        out.push_str(
            "| Practice tip | First recommendation of | Recommended to |\n|---|---:|---:|\n",
        );
        for (name, first, recommended) in &v.tips {
            table_row(out, &[name, first, recommended]);
        }
        out.push('\n');
    }
    footer(out, &v.footer);
}
