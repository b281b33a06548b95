//! The gap report as Markdown, for a meeting pack.

use core::fmt::{self, Display, Formatter, Write as _};

use crate::render::escape;
use crate::{
    Classification, Concept, FacilitatorBand, GapItem, GapReport, Level, ObstacleBand, Role,
    RoleGroup, Rubric, RubricId, Source,
};

/// A [`GapReport`] rendered as Markdown; see [`GapReport::markdown`].
#[derive(Clone, Copy, Debug)]
pub struct Markdown<'a> {
    report: &'a GapReport,
    rubric: &'a Rubric,
}

impl GapReport {
    /// The report as Markdown for a meeting pack: the level reached and why,
    /// a table of facilitators with a bar for each mean, the obstacles, the
    /// gap to the target, and the recommendations in order with what each
    /// addresses and its source.
    ///
    /// The text reads the default rubric for the levels each facilitator is
    /// needed from; use [`GapReport::markdown_with`] for another rubric.
    ///
    /// ```
    /// # let assessment: interagency::Assessment = serde_json::from_str(r#"{
    /// #   "partnership": "Northside", "characteristics": ["consistent_goals"],
    /// #   "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
    /// #   "responses": [{"respondent": "1", "agency": "a", "role": "manager",
    /// #                  "facilitators": {"good_communication": 4}}]}"#)?;
    /// let text = assessment.gap_analysis(None).markdown().to_string();
    /// assert!(text.starts_with("# Interagency working: Northside\n"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn markdown(&self) -> Markdown<'_> {
        self.markdown_with(&Rubric::DEFAULT)
    }

    /// The report as Markdown, explained with `rubric`.
    #[must_use]
    pub fn markdown_with<'a>(&'a self, rubric: &'a Rubric) -> Markdown<'a> {
        Markdown {
            report: self,
            rubric,
        }
    }
}

pub(crate) fn level_text(level: Option<Level>) -> String {
    level.map_or_else(
        || "none".to_owned(),
        |l| format!("{} (level {} of 4)", l.name(), l.number()),
    )
}

pub(crate) fn mean_text(mean: Option<f64>) -> String {
    mean.map_or_else(|| "–".to_owned(), |m| format!("{m:.2}"))
}

/// A bar of ten cells for a mean on the 1 to 5 scale: two cells a point,
/// with a half cell.
fn bar(mean: Option<f64>) -> String {
    let Some(mean) = mean else {
        return String::new();
    };
    let halves = (mean * 4.0).round().clamp(0.0, 20.0);
    let mut out = String::from("`");
    for cell in 0..10u8 {
        let filled = halves - f64::from(cell) * 2.0;
        out.push(if filled >= 2.0 {
            '█'
        } else if filled >= 1.0 {
            '▌'
        } else {
            '░'
        });
    }
    out.push('`');
    out
}

pub(crate) fn facilitator_band_text(band: FacilitatorBand) -> &'static str {
    match band {
        FacilitatorBand::Strength => "strength",
        FacilitatorBand::Borderline => "borderline",
        FacilitatorBand::Concern => "**concern**",
        FacilitatorBand::Unknown => "*unknown*",
    }
}

pub(crate) fn obstacle_band_text(band: ObstacleBand) -> &'static str {
    match band {
        ObstacleBand::Major => "**major**",
        ObstacleBand::Moderate => "**moderate**",
        ObstacleBand::Minor => "minor",
        ObstacleBand::Unknown => "*unknown*",
    }
}

impl Markdown<'_> {
    /// Why the partnership sits where it does, in sentences.
    pub(crate) fn reasons(&self, c: &Classification) -> Vec<String> {
        let rubric = self.rubric;
        let present = self.report.characteristics;
        let mut reasons = Vec::new();
        match c.structural_level {
            None => reasons.push(format!(
                "Not yet in place for cooperation: {}.",
                names(rubric.characteristics_of(Level::LOWEST).difference(present))
            )),
            Some(level) => {
                let below = if level == Level::LOWEST {
                    ""
                } else {
                    " and of every level below it"
                };
                reasons.push(format!(
                    "Every arrangement of {}{below} is in place.",
                    level.name().to_lowercase()
                ));
                if let Some(next) = level.next() {
                    reasons.push(format!(
                        "Not yet in place for {}: {}.",
                        next.name().to_lowercase(),
                        names(rubric.characteristics_of(next).difference(present))
                    ));
                }
            }
        }
        let above = c.achieved_level.map_or(Some(Level::LOWEST), Level::next);
        if let Some(level) = above.filter(|&l| Some(l) <= c.structural_level) {
            let failing: Vec<String> = c
                .facilitators
                .iter()
                .filter(|r| rubric.required_from(r.facilitator) <= level && !r.band.sustains())
                .map(|r| match r.mean {
                    Some(m) => format!("{} (mean {m:.2})", r.facilitator.name().to_lowercase()),
                    None => format!("{} (not rated)", r.facilitator.name().to_lowercase()),
                })
                .collect();
            reasons.push(format!(
                "{} is not sustained: it needs every facilitator it requires to be at \
                 least borderline (mean {:.1} or more), and {} {} not.",
                level.name(),
                rubric.facilitator_thresholds().lower,
                failing.join(", "),
                if failing.len() == 1 { "is" } else { "are" }
            ));
        } else if let Some(level) = c.achieved_level {
            reasons.push(format!(
                "Every facilitator {} requires is at least borderline.",
                level.name().to_lowercase()
            ));
        }
        let major: Vec<_> = c
            .obstacles
            .iter()
            .filter(|o| o.band == ObstacleBand::Major)
            .map(|o| o.obstacle.name().to_lowercase())
            .collect();
        if !major.is_empty() {
            reasons.push(format!("Major obstacles: {}.", major.join(", ")));
        }
        reasons
    }
}

fn names<T: Concept>(set: crate::ConceptSet<T>) -> String {
    let names: Vec<_> = set.iter().map(|v| v.name().to_lowercase()).collect();
    names.join(", ")
}

/// A rubric number as written, with at least one decimal: `1.0`, `1.25`.
fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.1}")
    } else {
        x.to_string()
    }
}

/// The evidence markers of an item's row.
pub(crate) fn evidence(thin: bool, one_sided: bool) -> &'static str {
    match (thin, one_sided) {
        (true, true) => "*thin*, *one agency*",
        (true, false) => "*thin*",
        (false, true) => "*one agency*",
        (false, false) => "",
    }
}

pub(crate) fn item_text(item: GapItem) -> String {
    match item {
        GapItem::Characteristic(c) => format!("arrangement *{}*", c.name()),
        GapItem::Facilitator(f) => format!("facilitator *{}*", f.name()),
        GapItem::Obstacle(o) => format!("obstacle *{}*", o.name()),
    }
}

impl Markdown<'_> {
    fn standing(&self, out: &mut String) {
        let c = &self.report.classification;
        out.push_str("## Where the partnership stands\n\n| | |\n|---|---|\n");
        let _ = writeln!(
            out,
            "| Arrangements in place for | {} |",
            level_text(c.structural_level)
        );
        let _ = writeln!(
            out,
            "| Level sustained | **{}** |",
            level_text(c.achieved_level)
        );
        let _ = writeln!(
            out,
            "| Meets the definition of interagency working | {} |",
            if c.meets_definition { "yes" } else { "no" }
        );
        let _ = writeln!(
            out,
            "| At risk | {} |\n",
            if c.at_risk { "**yes**" } else { "no" }
        );
        for reason in self.reasons(c) {
            let _ = writeln!(out, "- {reason}");
        }
        out.push('\n');
    }

    fn facilitators(&self, out: &mut String) {
        let _ = writeln!(out, "## Facilitators ({})\n", Source::Statham2011.short());
        out.push_str("| Facilitator | Needed from | Mean | | Band | Ratings | Evidence |\n");
        out.push_str("|---|---|---:|---|---|---:|---|\n");
        let voices = &self.report.voices;
        for (result, voice) in self
            .report
            .classification
            .facilitators
            .iter()
            .zip(&voices.facilitators)
        {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                result.facilitator.name(),
                self.rubric.required_from(result.facilitator).name(),
                mean_text(result.mean),
                bar(result.mean),
                facilitator_band_text(result.band),
                result.responses,
                evidence(voice.thin, voice.one_sided)
            );
        }
        out.push_str("\nMeans run from 1 (not present at all) to 5 (fully present).");
        self.evidence_legend(
            out,
            voices.facilitators.iter().map(|v| (v.thin, v.one_sided)),
        );
    }

    fn obstacles(&self, out: &mut String) {
        let _ = writeln!(out, "## Obstacles ({})\n", Source::Atkinson2002.short());
        out.push_str(
            "| Obstacle | Mean | | Band | Ratings | Evidence |\n|---|---:|---|---|---:|---|\n",
        );
        let voices = &self.report.voices;
        for (result, voice) in self
            .report
            .classification
            .obstacles
            .iter()
            .zip(&voices.obstacles)
        {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                result.obstacle.name(),
                mean_text(result.mean),
                bar(result.mean),
                obstacle_band_text(result.band),
                result.responses,
                evidence(voice.thin, voice.one_sided)
            );
        }
        out.push_str("\nMeans run from 1 (not a problem) to 5 (a severe problem).");
        self.evidence_legend(out, voices.obstacles.iter().map(|v| (v.thin, v.one_sided)));
    }

    /// Explains the evidence markers used in a table, if any.
    fn evidence_legend(&self, out: &mut String, flags: impl Iterator<Item = (bool, bool)>) {
        let (thin, one_sided) =
            flags.fold((false, false), |(t, o), (thin, one)| (t || thin, o || one));
        if thin {
            let _ = write!(
                out,
                " *Thin*: fewer than {} ratings, too few to lean on.",
                self.report.voices.min_group_size
            );
        }
        if one_sided {
            out.push_str(" *One agency*: every rating comes from a single agency.");
        }
        out.push_str("\n\n");
    }

    /// Where agencies or roles see an item differently, and what is hidden.
    fn views(&self, out: &mut String) {
        out.push_str("## Where views differ\n\n");
        let lines = divergences(self.report, |id| self.agency_name(id));
        let _ = writeln!(out, "{}\n", views_intro(self.rubric, lines.is_empty()));
        for line in &lines {
            let _ = writeln!(out, "- **{}**: {}.", line.item, line.text);
        }
        if !lines.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "{}\n", hidden_note(&self.report.voices));
    }

    /// An agency's name for the text, escaped; its id if it is not listed.
    fn agency_name(&self, id: &str) -> String {
        let name = self
            .report
            .agencies
            .iter()
            .find(|a| a.id == id)
            .map_or(id, |a| a.name.as_str());
        escape::markdown(name).into_owned()
    }

    fn gap(&self, out: &mut String) {
        let r = self.report;
        let _ = writeln!(
            out,
            "## Towards {} (level {} of 4)\n",
            r.target.name().to_lowercase(),
            r.target.number()
        );
        out.push_str(if r.reached {
            "The target is reached: its arrangements are in place and every facilitator it needs is sustained.\n\n"
        } else {
            "The target is not yet reached.\n\n"
        });
        if !r.missing_characteristics.is_empty() {
            out.push_str("Arrangements still to put in place:\n\n");
            for m in &r.missing_characteristics {
                let _ = writeln!(
                    out,
                    "- **{}** ({}): {}",
                    m.characteristic.name(),
                    m.level.name().to_lowercase(),
                    m.characteristic.description()
                );
            }
            out.push('\n');
        }
        if !r.facilitator_gaps.is_empty() {
            out.push_str("Facilitators to strengthen:\n\n");
            for g in &r.facilitator_gaps {
                let state = g.mean.map_or_else(
                    || "not rated by anyone".to_owned(),
                    |m| format!("mean {m:.2}"),
                );
                let _ = writeln!(out, "- **{}**: {state}", g.facilitator.name());
            }
            out.push('\n');
        }
        if !r.active_obstacles.is_empty() {
            out.push_str("Active obstacles:\n\n");
            for o in &r.active_obstacles {
                let _ = writeln!(
                    out,
                    "- **{}**: mean {:.2}, {}",
                    o.obstacle.name(),
                    o.mean,
                    obstacle_band_text(o.band)
                );
            }
            out.push('\n');
        }
    }

    pub(crate) fn recommendations(&self, out: &mut String) {
        let r = self.report;
        out.push_str("## Recommendations\n\n");
        if r.recommendations.is_empty() {
            out.push_str("No practice tip is needed for this target.\n");
        }
        for (n, rec) in r.recommendations.iter().enumerate() {
            let items: Vec<_> = rec.addresses.iter().map(|&i| item_text(i)).collect();
            let _ = writeln!(
                out,
                "{}. **{}** (priority {:.2})  \n   \u{201c}{}\u{201d} ({})  \n   Works on: {}.",
                n + 1,
                rec.tip.name(),
                rec.priority,
                rec.tip.description(),
                rec.tip.source().short(),
                items.join(", ")
            );
        }
        out.push('\n');
        if !r.unaddressed.is_empty() {
            let items: Vec<_> = r.unaddressed.iter().map(|&i| item_text(i)).collect();
            let _ = writeln!(
                out,
                "No practice tip of the rubric works on: {}. The rubric offers no \
                 remedy for these; they need a plan of the partnership's own.\n",
                items.join(", ")
            );
        }
        if !r.benefits_in_reach.is_empty() {
            let _ = writeln!(out, "## Benefits in reach ({})\n", Source::Caab2009.short());
            for b in r.benefits_in_reach {
                let _ = writeln!(out, "- {}", b.description());
            }
            out.push('\n');
        }
    }
}

impl Display for Markdown<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let r = self.report;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# Interagency working: {}\n",
            escape::markdown(&r.partnership)
        );
        if let Some(date) = r.assessed_on {
            let _ = writeln!(out, "Assessed on {date}.\n");
        }
        self.standing(&mut out);
        self.facilitators(&mut out);
        self.obstacles(&mut out);
        self.views(&mut out);
        self.gap(&mut out);
        self.recommendations(&mut out);
        footer(&mut out, &r.rubric);
        f.write_str(&out)
    }
}

/// An item on which agencies or roles diverge, and how, in words.
pub(crate) struct Divergence {
    pub(crate) item: &'static str,
    pub(crate) text: String,
}

/// The items on which agencies or roles diverge; `name` gives an agency's
/// name (escaped as the format needs) from its id.
pub(crate) fn divergences(report: &GapReport, name: impl Fn(&str) -> String) -> Vec<Divergence> {
    let v = &report.voices;
    let items = v
        .facilitators
        .iter()
        .map(|f| {
            (
                f.facilitator.name(),
                &f.by_agency,
                &f.by_role,
                f.agencies_diverge.then_some(f.agency_spread).flatten(),
                f.roles_diverge.then_some(f.role_gap).flatten(),
            )
        })
        .chain(v.obstacles.iter().map(|o| {
            (
                o.obstacle.name(),
                &o.by_agency,
                &o.by_role,
                o.agencies_diverge.then_some(o.agency_spread).flatten(),
                o.roles_diverge.then_some(o.role_gap).flatten(),
            )
        }));
    let mut lines = Vec::new();
    for (item, by_agency, by_role, spread, gap) in items {
        let mut parts = Vec::new();
        if let Some(spread) = spread {
            let shown = by_agency
                .iter()
                .filter_map(|g| g.mean().map(|m| (g.agency(), m)));
            let high = shown.clone().reduce(|a, b| if b.1 > a.1 { b } else { a });
            let low = shown.reduce(|a, b| if b.1 < a.1 { b } else { a });
            if let (Some(high), Some(low)) = (high, low) {
                parts.push(format!(
                    "agencies differ by {spread:.2}, from {} ({:.2}) to {} ({:.2})",
                    name(high.0),
                    high.1,
                    name(low.0),
                    low.1
                ));
            }
        }
        if let Some(gap) = gap {
            let mean = |role: Role| {
                by_role
                    .iter()
                    .find(|g| g.role() == role)
                    .and_then(RoleGroup::mean)
            };
            if let (Some(senior), Some(frontline)) =
                (mean(Role::SeniorManager), mean(Role::Frontline))
            {
                parts.push(format!(
                    "senior managers rate it {senior:.2} and frontline staff {frontline:.2}, \
                     {:.2} apart",
                    gap.abs()
                ));
            }
        }
        if !parts.is_empty() {
            lines.push(Divergence {
                item,
                text: parts.join("; "),
            });
        }
    }
    lines
}

/// The sentence before the list of divergences (or instead of it).
pub(crate) fn views_intro(rubric: &Rubric, none: bool) -> String {
    let d = rubric.divergence();
    if none {
        format!(
            "No agency or role sees a facilitator or obstacle differently by as much as the \
             rubric counts as divergent ({} between agencies, {} between senior managers and \
             frontline staff).",
            number(d.agency_spread),
            number(d.role_gap)
        )
    } else {
        format!(
            "Where agencies differ by {} or more, or senior managers and frontline staff by {} \
             or more:",
            number(d.agency_spread),
            number(d.role_gap)
        )
    }
}

/// How many groups are hidden, and why.
pub(crate) fn hidden_note(voices: &crate::Voices) -> String {
    let hidden = voices.hidden_groups();
    let k = voices.min_group_size;
    if hidden == 0 {
        format!("Every group with ratings holds at least {k}, so no group is hidden.")
    } else {
        format!(
            "{hidden} {} in these breakdowns {} hidden to protect respondents: each holds fewer \
             than {k} ratings, or is hidden alongside such a group so that neither can be worked \
             out from the other figures. Hidden groups are left out of every comparison above.",
            if hidden == 1 { "group" } else { "groups" },
            if hidden == 1 { "is" } else { "are" },
        )
    }
}

/// The closing note on the sources and the rubric a report used, with
/// `text` making the rubric's name and version safe for the format and
/// `crate_name` the crate's name as the format shows code.
pub(crate) fn footer_sentence(
    rubric: &RubricId,
    text: impl Fn(&str) -> String,
    crate_name: &str,
) -> String {
    let named = if *rubric == Rubric::DEFAULT.id() {
        format!(
            "the default rubric of the {crate_name} crate ({}, version {})",
            text(&rubric.name),
            text(&rubric.version)
        )
    } else {
        format!(
            "the rubric \u{201c}{}\u{201d}, version {}",
            text(&rubric.name),
            text(&rubric.version)
        )
    };
    format!(
        "Levels after Frost (2005, p13); facilitators after Statham (2011); obstacles after \
         Atkinson et al. (2002); benefits after CAAB (2009). Which arrangements mark each \
         level, which facilitators each level needs, the band thresholds and the priorities \
         follow {named}, an interpretation of these sources rather than a claim they make."
    )
}

/// The closing note of a Markdown report.
pub(crate) fn footer(out: &mut String, rubric: &RubricId) {
    let sentence = footer_sentence(
        rubric,
        |t| escape::markdown(t).into_owned(),
        "`interagency`",
    );
    let _ = writeln!(out, "---\n\n{sentence}");
}
