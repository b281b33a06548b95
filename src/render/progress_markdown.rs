//! The progress report as Markdown, for a partnership's agenda.

use core::fmt::{self, Display, Formatter, Write as _};

use crate::render::escape;
use crate::render::markdown::{
    facilitator_band_text, footer, level_text, mean_text, obstacle_band_text,
};
use crate::{Concept, FacilitatorBand, Movement, ObstacleBand, ProgressReport, Rubric, Source};

/// A [`ProgressReport`] rendered as Markdown; see
/// [`ProgressReport::markdown`].
#[derive(Clone, Copy, Debug)]
pub struct ProgressMarkdown<'a> {
    report: &'a ProgressReport,
    rubric: &'a Rubric,
}

impl ProgressReport {
    /// The report as Markdown for a partnership's agenda: the levels then
    /// and now, what went up, what went down, what is new, every item's
    /// movement, and what to work on next (the later round's
    /// recommendations).
    ///
    /// ```
    /// # let read = |n: &str| interagency::Assessment::from_json(
    /// #     &std::fs::read_to_string(format!("examples/data/{n}.json")).unwrap()).unwrap();
    /// let progress = interagency::progress(
    ///     &read("early-years-network"), &read("early-years-network-2027"), None)?;
    /// let text = progress.markdown().to_string();
    /// assert!(text.starts_with("# Progress: Ballyfoyle Early Years Network\n"));
    /// assert!(text.contains("## What went up"));
    /// # Ok::<(), interagency::Error>(())
    /// ```
    #[must_use]
    pub fn markdown(&self) -> ProgressMarkdown<'_> {
        self.markdown_with(&Rubric::DEFAULT)
    }

    /// The report as Markdown, explained with `rubric` (the one it was made
    /// with).
    #[must_use]
    pub fn markdown_with<'a>(&'a self, rubric: &'a Rubric) -> ProgressMarkdown<'a> {
        ProgressMarkdown {
            report: self,
            rubric,
        }
    }
}

pub(crate) fn signed(x: i8) -> String {
    match x.cmp(&0) {
        core::cmp::Ordering::Greater => format!("+{x}"),
        core::cmp::Ordering::Less => format!("\u{2212}{}", x.unsigned_abs()),
        core::cmp::Ordering::Equal => "no change".to_owned(),
    }
}

pub(crate) fn change_text(change: Option<f64>) -> String {
    match change {
        None => "–".to_owned(),
        Some(c) if c > 0.0 => format!("+{c:.2}"),
        Some(c) if c < 0.0 => format!("\u{2212}{:.2}", -c),
        Some(_) => "0.00".to_owned(),
    }
}

fn movement_text(movement: Movement) -> &'static str {
    match movement {
        Movement::Improved => "**improved**",
        Movement::Worsened => "**worsened**",
        Movement::Unchanged => "unchanged",
        Movement::NotComparable => "*not comparable*",
    }
}

/// An item that moved between rounds, and how, in words.
pub(crate) struct Moved {
    pub(crate) name: String,
    pub(crate) text: String,
}

/// The items whose band moved one way, facilitators then obstacles; the
/// band words come from `facilitator` and `obstacle`, as the format shows
/// them.
pub(crate) fn moved(
    report: &ProgressReport,
    movement: Movement,
    facilitator: fn(FacilitatorBand) -> &'static str,
    obstacle: fn(ObstacleBand) -> &'static str,
) -> Vec<Moved> {
    let text = |earlier: Option<f64>, later: Option<f64>, change: Option<f64>, bands: String| {
        format!(
            "{} \u{2192} {} ({}), {bands}",
            mean_text(earlier),
            mean_text(later),
            change_text(change)
        )
    };
    let facilitators = report
        .facilitators
        .iter()
        .filter(|f| f.movement == movement)
        .map(|f| Moved {
            name: f.facilitator.name().to_owned(),
            text: text(
                f.earlier_mean,
                f.later_mean,
                f.change,
                format!(
                    "from {} to {}",
                    facilitator(f.earlier_band),
                    facilitator(f.later_band)
                ),
            ),
        });
    let obstacles = report
        .obstacles
        .iter()
        .filter(|o| o.movement == movement)
        .map(|o| {
            let note = if report.obstacles_resolved.contains(o.obstacle) {
                "; no longer an active obstacle"
            } else if report.obstacles_new.contains(o.obstacle) {
                "; a new active obstacle"
            } else {
                ""
            };
            Moved {
                name: format!("{} (obstacle)", o.obstacle.name()),
                text: text(
                    o.earlier_mean,
                    o.later_mean,
                    o.change,
                    format!(
                        "from {} to {}{note}",
                        obstacle(o.earlier_band),
                        obstacle(o.later_band)
                    ),
                ),
            }
        });
    facilitators.chain(obstacles).collect()
}

impl ProgressMarkdown<'_> {
    fn agency_name(&self, id: &str) -> String {
        let r = self.report;
        let name = r
            .later
            .agencies
            .iter()
            .chain(&r.earlier.agencies)
            .find(|a| a.id == id)
            .map_or(id, |a| a.name.as_str());
        escape::markdown(name).into_owned()
    }

    fn levels(&self, out: &mut String) {
        let r = self.report;
        let date =
            |d: Option<crate::Date>| d.map_or_else(|| "undated".to_owned(), |d| d.to_string());
        let _ = writeln!(
            out,
            "From the round of {} to the round of {}.\n",
            date(r.earlier.assessed_on),
            date(r.later.assessed_on)
        );
        if r.earlier.partnership != r.later.partnership {
            let _ = writeln!(
                out,
                "The partnership was called {} in the earlier round.\n",
                escape::markdown(&r.earlier.partnership)
            );
        }
        out.push_str("| | Earlier | Later | Change |\n|---|---|---|---|\n");
        let _ = writeln!(
            out,
            "| Arrangements in place for | {} | {} | {} |",
            level_text(r.earlier.structural_level),
            level_text(r.later.structural_level),
            signed(r.structural_change)
        );
        let _ = writeln!(
            out,
            "| Level sustained | {} | **{}** | {} |\n",
            level_text(r.earlier.achieved_level),
            level_text(r.later.achieved_level),
            signed(r.achieved_change)
        );
    }

    /// The items that moved one way, as lines.
    fn moved(&self, movement: Movement) -> Vec<String> {
        moved(
            self.report,
            movement,
            facilitator_band_text,
            obstacle_band_text,
        )
        .into_iter()
        .map(|m| format!("- **{}**: {}.", m.name, m.text))
        .collect()
    }

    fn up_and_down(&self, out: &mut String) {
        for (heading, movement, none) in [
            (
                "What went up",
                Movement::Improved,
                "No facilitator or obstacle moved to a better band.",
            ),
            (
                "What went down",
                Movement::Worsened,
                "No facilitator or obstacle moved to a worse band.",
            ),
        ] {
            let _ = writeln!(out, "## {heading}\n");
            let lines = self.moved(movement);
            if lines.is_empty() {
                let _ = writeln!(out, "{none}");
            }
            for l in lines {
                let _ = writeln!(out, "{l}");
            }
            out.push('\n');
        }
    }

    fn new_things(&self, out: &mut String) {
        let r = self.report;
        out.push_str("## What is new\n\n");
        let mut any = false;
        let names =
            |set: &mut dyn Iterator<Item = &'static str>| set.collect::<Vec<_>>().join(", ");
        if !r.characteristics_added.is_empty() {
            any = true;
            let _ = writeln!(
                out,
                "- Arrangements now in place: {}.",
                names(&mut r.characteristics_added.iter().map(Concept::name))
            );
        }
        if !r.characteristics_removed.is_empty() {
            any = true;
            let _ = writeln!(
                out,
                "- Arrangements no longer in place: {}.",
                names(&mut r.characteristics_removed.iter().map(Concept::name))
            );
        }
        if !r.agencies_joined.is_empty() {
            any = true;
            let joined: Vec<String> = r
                .agencies_joined
                .iter()
                .map(|a| self.agency_name(a))
                .collect();
            let _ = writeln!(out, "- Agencies that joined: {}.", joined.join(", "));
        }
        if !r.agencies_left.is_empty() {
            any = true;
            let left: Vec<String> = r
                .agencies_left
                .iter()
                .map(|a| self.agency_name(a))
                .collect();
            let _ = writeln!(out, "- Agencies that left: {}.", left.join(", "));
        }
        if !r.obstacles_new.is_empty() {
            any = true;
            let _ = writeln!(
                out,
                "- New active obstacles: {}.",
                names(&mut r.obstacles_new.iter().map(Concept::name))
            );
        }
        if !r.obstacles_resolved.is_empty() {
            any = true;
            let _ = writeln!(
                out,
                "- Obstacles resolved: {}.",
                names(&mut r.obstacles_resolved.iter().map(Concept::name))
            );
        }
        if !any {
            out.push_str("No arrangement, agency or obstacle came or went.\n");
        }
        out.push('\n');
    }

    fn tables(&self, out: &mut String) {
        let r = self.report;
        let _ = writeln!(
            out,
            "## Every facilitator ({})\n",
            Source::Statham2011.short()
        );
        out.push_str("| Facilitator | Earlier | Later | Change | Bands | Movement |\n|---|---:|---:|---:|---|---|\n");
        for f in &r.facilitators {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} \u{2192} {} | {} |",
                f.facilitator.name(),
                mean_text(f.earlier_mean),
                mean_text(f.later_mean),
                change_text(f.change),
                facilitator_band_text(f.earlier_band),
                facilitator_band_text(f.later_band),
                movement_text(f.movement)
            );
        }
        let _ = writeln!(
            out,
            "\n## Every obstacle ({})\n",
            Source::Atkinson2002.short()
        );
        out.push_str("| Obstacle | Earlier | Later | Change | Bands | Movement |\n|---|---:|---:|---:|---|---|\n");
        for o in &r.obstacles {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} \u{2192} {} | {} |",
                o.obstacle.name(),
                mean_text(o.earlier_mean),
                mean_text(o.later_mean),
                change_text(o.change),
                obstacle_band_text(o.earlier_band),
                obstacle_band_text(o.later_band),
                movement_text(o.movement)
            );
        }
        out.push_str(
            "\nFacilitator means run from 1 (not present at all) to 5 (fully present); obstacle \
             means from 1 (not a problem) to 5 (a severe problem). An item is not comparable \
             when a round has no ratings of it.\n\n",
        );
    }

    fn next(&self, out: &mut String) {
        let later = &self.report.later_report;
        let _ = writeln!(
            out,
            "## What to work on next: towards {} (level {} of 4)\n",
            later.target.name().to_lowercase(),
            later.target.number()
        );
        if later.reached {
            out.push_str("The later round has reached this level.\n\n");
        }
        let mut recommendations = String::new();
        later
            .markdown_with(self.rubric)
            .recommendations(&mut recommendations);
        // The gap report's section starts with its own heading; keep the list.
        out.push_str(
            recommendations
                .strip_prefix("## Recommendations\n\n")
                .unwrap_or(&recommendations),
        );
    }
}

impl Display for ProgressMarkdown<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let r = self.report;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# Progress: {}\n",
            escape::markdown(&r.later.partnership)
        );
        self.levels(&mut out);
        self.up_and_down(&mut out);
        self.new_things(&mut out);
        self.tables(&mut out);
        self.next(&mut out);
        footer(&mut out, &r.rubric);
        f.write_str(&out)
    }
}
