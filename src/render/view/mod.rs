//! The view of a report: its sections, rows, words and sentences, built
//! once from the report alone. Markdown, HTML and SVG only write it; no
//! writer reads another's output, and every word ("borderline",
//! "improved") and sentence is made here.
//!
//! Text from the input (the partnership's and agencies' names, the
//! rubric's name) stays marked as such ([`Span::Input`]) so that each
//! writer escapes it as its format needs.

// Without the `html` feature only Markdown writes the view; the parts it
// leaves out (the chart, the breakdown tables, anchors) are the HTML and SVG
// writers'.
#![cfg_attr(
    not(feature = "html"),
    allow(dead_code, reason = "the HTML and SVG writers read the rest")
)]

#[cfg(feature = "html")]
mod chart;
mod cohort;
mod gap;
mod network;
mod plan;
mod progress;
mod sure;
mod text;
mod words;

#[cfg(feature = "html")]
pub(crate) use chart::*;
pub(crate) use cohort::*;
pub(crate) use gap::*;
pub(crate) use network::*;
pub(crate) use plan::*;
pub(crate) use progress::*;
pub(crate) use sure::*;
pub(crate) use text::*;
pub(crate) use words::*;

use crate::concepts::source::Source;
use crate::rubric::RubricSummary;
use crate::{Concept, GapReport, Rubric};

// Views shared by both reports.

/// A row of a table: a label and a value, maybe strong. The value is one
/// column's text, or a level in each round ([`Rounds`]), where `strong`
/// marks the later one as the one to read.
pub(crate) struct Fact<V = String> {
    pub(crate) label: &'static str,
    pub(crate) value: V,
    pub(crate) strong: bool,
}

/// A practice tip to act on.
pub(crate) struct RecommendationRow {
    pub(crate) name: &'static str,
    pub(crate) priority: String,
    pub(crate) quote: &'static str,
    pub(crate) source: &'static str,
    pub(crate) works_on: Line,
}

/// What to do: the recommendations, the gap items no tip works on, the
/// benefits in reach.
pub(crate) struct Plan {
    pub(crate) recommendations: Vec<RecommendationRow>,
    pub(crate) none: &'static str,
    pub(crate) unaddressed: Option<Line>,
    pub(crate) benefits_heading: String,
    pub(crate) benefits: Vec<&'static str>,
}

fn plan(report: &GapReport) -> Plan {
    Plan {
        recommendations: report
            .recommendations
            .iter()
            .map(|r| RecommendationRow {
                name: r.tip.name(),
                priority: format!("{:.2}", r.priority),
                quote: r.tip.description(),
                source: r.tip.source().short(),
                works_on: items_line(&r.addresses),
            })
            .collect(),
        none: "No practice tip is needed for this target.",
        unaddressed: (!report.unaddressed.is_empty()).then(|| {
            Line::text("No practice tip of the rubric works on: ")
                .then_line(items_line(&report.unaddressed))
                .then(
                    ". The rubric offers no remedy for these; they need a plan of the \
                     partnership's own.",
                )
        }),
        benefits_heading: format!("Benefits in reach ({})", Source::Caab2009.short()),
        benefits: report
            .benefits_in_reach
            .iter()
            .map(Concept::description)
            .collect(),
    }
}

/// The closing note on the sources and the rubric.
fn footer(rubric: &RubricSummary) -> Line {
    let default = (rubric.name.as_str(), rubric.version.as_str())
        == (Rubric::DEFAULT.name(), Rubric::DEFAULT.version());
    let line = Line::text(
        "Levels after Frost (2005, p13); facilitators and the definition after Statham \
         (2011); obstacles after Atkinson et al. (2002); benefits after the Children Acts \
         Advisory Board (CAAB, 2009); practice tips from the briefing \u{201c}Interagency \
         working: practice briefing for children's and family services\u{201d}. Which arrangements mark each level, \
         which facilitators each level needs, the band thresholds and the priorities follow ",
    );
    let line = if default {
        line.then("the default rubric of the ")
            .then_code("interagency")
            .then(" library (")
            .then_input(&rubric.name)
            .then(", version ")
            .then_input(&rubric.version)
            .then(")")
    } else {
        line.then("the rubric \u{201c}")
            .then_input(&rubric.name)
            .then("\u{201d}, version ")
            .then_input(&rubric.version)
    };
    line.then(", an interpretation of these sources rather than a claim they make.")
}
