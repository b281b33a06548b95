//! The view of a cohort report: the levels, the spread of every item,
//! the shared gaps and the tips that reach the most, where the focus
//! stands, and the sentences that say what matters most.

use super::{Line, capitalized, footer, level_text, mean_text, source_of};
use crate::analysis::cohort::{Distribution, Focus, MIN_PARTNERSHIPS, Standing};
use crate::foundation::id::Identifier;
use crate::{Band, CohortReport, Facilitator, GapItem, Level, Obstacle, Rated};

/// One item's row: its spread, bands and, with a focus, where the focus
/// stands.
pub(crate) struct SpreadRow {
    pub(crate) name: &'static str,
    pub(crate) rated: u32,
    /// Min, q1, median, q3 and max as written, or dashes when withheld.
    pub(crate) figures: [String; 5],
    /// The numbers themselves, for the chart.
    pub(crate) values: Option<[f64; 5]>,
    /// Each band's count, highest band first, unknown last.
    pub(crate) bands: [u32; 4],
    pub(crate) focus: Option<FocusCells>,
}

/// Where the focus stands on one item, as written.
pub(crate) struct FocusCells {
    pub(crate) mean: String,
    pub(crate) value: Option<f64>,
    /// How many partnership means are below the focus's, and level with it
    /// (dashes without a mean).
    pub(crate) below: String,
    pub(crate) equal: String,
    /// `41.7`, or a dash.
    pub(crate) percentile: String,
}

/// The table of one kind of item.
pub(crate) struct SpreadTable {
    pub(crate) id: &'static str,
    pub(crate) heading: String,
    pub(crate) kind: String,
    /// The bands' names, as column headings: `Strength`, …, `Unknown`.
    pub(crate) band_names: [String; 4],
    /// The heading of the table of where the focus stands.
    pub(crate) focus_heading: String,
    pub(crate) rows: Vec<SpreadRow>,
}

/// A row of the levels table.
pub(crate) struct LevelRow {
    pub(crate) label: String,
    pub(crate) structural: u32,
    pub(crate) achieved: u32,
    /// Where the focus is at this level, in words.
    pub(crate) focus: String,
}

/// The view of a cohort report.
pub(crate) struct CohortView {
    pub(crate) title: Line,
    /// The chart's heading: `Cohort of 6 partnerships`.
    pub(crate) chart_heading: String,
    /// The chart's line under it: the focus, named, or what it shows.
    pub(crate) chart_focus: String,
    pub(crate) intro: String,
    /// Which facilitators are weakest, which tips reach the most.
    pub(crate) summary: Vec<String>,
    pub(crate) focus_name: Option<Line>,
    pub(crate) levels: Vec<LevelRow>,
    pub(crate) tables: [SpreadTable; 2],
    pub(crate) note: String,
    pub(crate) gaps: Vec<(String, &'static str, String)>,
    pub(crate) no_gaps: &'static str,
    pub(crate) tips: Vec<(&'static str, u32, u32)>,
    pub(crate) no_tips: &'static str,
    pub(crate) footer: Line,
}

/// A count of partnerships in words: `1 partnership`, `3 partnerships`.
fn partnerships(n: u32) -> String {
    if n == 1 {
        "1 partnership".to_owned()
    } else {
        format!("{n} partnerships")
    }
}

fn band_counts<B: Band>(d: &crate::analysis::cohort::BandCounts<B>) -> [u32; 4] {
    let mut counts = [0; 4];
    for (slot, (_, n)) in counts.iter_mut().zip(d.iter()) {
        *slot = n;
    }
    counts
}

fn focus_cells<T: Rated>(s: &Standing<T>) -> FocusCells {
    FocusCells {
        mean: mean_text(s.mean),
        value: s.mean,
        below: if s.mean.is_some() {
            s.below.to_string()
        } else {
            "–".to_owned()
        },
        equal: if s.mean.is_some() {
            s.equal.to_string()
        } else {
            "–".to_owned()
        },
        percentile: s
            .percentile
            .map_or_else(|| "–".to_owned(), |p| format!("{p:.1}")),
    }
}

fn row<T: Rated>(d: &Distribution<T>, focus: Option<&[Standing<T>]>) -> SpreadRow {
    let values = d.figures();
    SpreadRow {
        name: d.item.name(),
        rated: d.rated,
        figures: [d.min, d.q1, d.median, d.q3, d.max].map(mean_text),
        values,
        bands: band_counts(&d.bands),
        focus: focus.and_then(|f| f.get(d.item.index())).map(focus_cells),
    }
}

fn table<T: Rated>(report: &CohortReport, id: &'static str) -> SpreadTable {
    let focus = report.focus.as_ref().map(|f| T::of(f));
    SpreadTable {
        id,
        heading: format!("{} ({})", capitalized(T::PLURAL), source_of::<T>()),
        kind: capitalized(T::KIND),
        band_names: {
            let [a, b, c] = T::Band::BY_MEAN;
            [a, b, c, T::Band::UNKNOWN].map(|band| capitalized(band.id()))
        },
        focus_heading: format!("Where the focus stands: {}", T::PLURAL),
        rows: T::of(report).iter().map(|d| row(d, focus)).collect(),
    }
}

/// The facilitators weakest across the cohort: the lowest medians (up to
/// three, ties by more concerns, then catalogue order); without a shown
/// median, those that are a concern for the most partnerships.
fn weakest(report: &CohortReport) -> String {
    let mut shown: Vec<&Distribution<Facilitator>> = report
        .facilitators
        .iter()
        .filter(|d| d.median.is_some())
        .collect();
    let concerns = |d: &Distribution<Facilitator>| d.bands.get(crate::FacilitatorBand::Concern);
    if !shown.is_empty() {
        shown.sort_by(|a, b| {
            a.median
                .partial_cmp(&b.median)
                .unwrap_or(core::cmp::Ordering::Equal)
                .then(concerns(b).cmp(&concerns(a)))
        });
        let named: Vec<String> = shown
            .iter()
            .take(3)
            .map(|d| {
                format!(
                    "{} (median {}; a concern for {} of {})",
                    d.item.name().to_lowercase(),
                    mean_text(d.median),
                    concerns(d),
                    report.partnerships
                )
            })
            .collect();
        return format!(
            "The weakest facilitators across the cohort are {}.",
            and_list(&named)
        );
    }
    let mut by_concern: Vec<&Distribution<Facilitator>> = report
        .facilitators
        .iter()
        .filter(|d| concerns(d) > 0)
        .collect();
    by_concern.sort_by_key(|d| core::cmp::Reverse(concerns(d)));
    if by_concern.is_empty() {
        return format!(
            "Fewer than {MIN_PARTNERSHIPS} partnerships rated each facilitator, and none is a \
             concern for any partnership."
        );
    }
    let named: Vec<String> = by_concern
        .iter()
        .take(3)
        .map(|d| {
            format!(
                "{} (a concern for {} of {})",
                d.item.name().to_lowercase(),
                concerns(d),
                report.partnerships
            )
        })
        .collect();
    format!(
        "Fewer than {MIN_PARTNERSHIPS} partnerships rated each facilitator; the most often a \
         concern are {}.",
        and_list(&named)
    )
}

/// The practice tips recommended first to the most partnerships.
fn reach(report: &CohortReport) -> String {
    if report.top_tips.is_empty() {
        return "No practice tip is recommended to any partnership.".to_owned();
    }
    // The tips first for at least one partnership (the list puts them
    // first), at most three.
    let named: Vec<String> = report
        .top_tips
        .iter()
        .filter(|t| t.first > 0)
        .take(3)
        .map(|t| {
            format!(
                "{} (first for {}, recommended to {} of {})",
                t.tip.name().to_lowercase(),
                t.first,
                t.recommended,
                report.partnerships
            )
        })
        .collect();
    match named.as_slice() {
        [] => "No practice tip is recommended first to any partnership.".to_owned(),
        [one] => format!("The practice tip recommended first to the most partnerships is {one}."),
        _ => format!(
            "The practice tips recommended first to the most partnerships are {}.",
            and_list(&named)
        ),
    }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn gap_name(item: GapItem) -> (String, &'static str) {
    match item {
        GapItem::Characteristic(c) => (c.name().to_owned(), "arrangement"),
        GapItem::Facilitator(f) => (f.name().to_owned(), "facilitator"),
        GapItem::Obstacle(o) => (o.name().to_owned(), "obstacle"),
    }
}

/// Where the focus stands: `The focus, NAME, has the arrangements of …
/// in place and sustains …`.
fn focus_sentence(f: &Focus) -> Line {
    Line::text("The focus, ")
        .then_input(&f.partnership)
        .then(format!(
            ", {} and sustains {}.",
            f.structural_level.map_or_else(
                || "has no level's arrangements in place".to_owned(),
                |l| format!(
                    "has the arrangements of {} in place",
                    level_text(Some(l)).to_lowercase()
                )
            ),
            f.achieved_level.map_or_else(
                || "no level".to_owned(),
                |l| level_text(Some(l)).to_lowercase()
            )
        ))
}

impl CohortView {
    pub(crate) fn of(report: &CohortReport) -> CohortView {
        let n = report.partnerships;
        let focus = report.focus.as_ref();
        let level_row = |label: String, level: Option<Level>| LevelRow {
            label,
            structural: report.levels.structural.get(level),
            achieved: report.levels.achieved.get(level),
            focus: focus.map_or_else(String::new, |f| {
                let mut at = Vec::new();
                if f.structural_level == level {
                    at.push("in place");
                }
                if f.achieved_level == level {
                    at.push("sustained");
                }
                at.join(", ")
            }),
        };
        let mut levels = vec![level_row("None".to_owned(), None)];
        levels.extend(Level::iter().map(|l| level_row(level_text(Some(l)), Some(l))));
        CohortView {
            chart_heading: format!("Cohort of {}", partnerships(n)),
            chart_focus: focus.map_or_else(
                || "The spread of every facilitator and obstacle across the cohort".to_owned(),
                |f| format!("\u{25c6} Focus: {}", f.partnership),
            ),
            title: match focus {
                Some(f) => Line::text("Cohort: where ")
                    .then_input(&f.partnership)
                    .then(format!(" stands among {}", partnerships(n))),
                None => Line::text(format!("Cohort of {}", partnerships(n))),
            },
            intro: format!(
                "{} analysed with one rubric, each towards the level after the one it \
                 sustains. No partnership is named here{}.",
                capitalized(&partnerships(n)),
                if focus.is_some() {
                    " but the focus"
                } else {
                    ""
                }
            ),
            summary: vec![weakest(report), reach(report)],
            focus_name: focus.map(focus_sentence),
            levels,
            tables: [
                table::<Facilitator>(report, "facilitators"),
                table::<Obstacle>(report, "obstacles"),
            ],
            note: format!(
                "Each partnership's mean of an item is the mean of its agencies' means. Min, \
                 quartiles and max are partnership means of nearest rank; they are withheld \
                 (–) where fewer than {MIN_PARTNERSHIPS} partnerships rated the item, since so \
                 few would let a reader work out one partnership's own mean. The counts in each \
                 band are shown, as a band is coarser than a mean. Facilitator means run from \
                 1 ({}) to 5 ({}); obstacle means from 1 ({}) to 5 ({}).{}",
                Facilitator::LOWEST,
                Facilitator::HIGHEST,
                Obstacle::LOWEST,
                Obstacle::HIGHEST,
                if focus.is_some() {
                    " For the focus: how many partnership means are below its own and level \
                     with it (its own among them when it is one of the cohort), and its \
                     percentile, 100 × (below + level / 2) / rated, withheld as the spread is."
                } else {
                    ""
                }
            ),
            gaps: report
                .common_gaps
                .iter()
                .map(|g| {
                    let (name, kind) = gap_name(g.item);
                    (name, kind, format!("{} of {n}", g.partnerships))
                })
                .collect(),
            no_gaps: "No partnership has a gap towards its next level.",
            tips: report
                .top_tips
                .iter()
                .map(|t| (t.tip.name(), t.first, t.recommended))
                .collect(),
            no_tips: "No practice tip is recommended to any partnership.",
            footer: footer(&report.rubric),
        }
    }
}
