//! The view of a chart: the ladder of levels, the bars grouped under
//! their headings, the thresholds and the legend.

use core::fmt::Write as _;

use super::{band_word, capitalized, level_words, movement_word, percent, source_of};
use crate::analysis::spread::Interval;
use crate::rubric::RubricSummary;
use crate::{
    Classification, Facilitator, GapReport, Level, Movement, Obstacle, ProgressReport, Rated,
};

/// One item's bar.
pub(crate) struct Bar {
    pub(crate) name: &'static str,
    pub(crate) mean: Option<f64>,
    /// The interval of the mean, drawn as a whisker.
    pub(crate) interval: Option<Interval>,
    /// The earlier round's mean, on a progress chart.
    pub(crate) earlier: Option<f64>,
    /// The band's name, which also picks the bar's pattern.
    pub(crate) band: &'static str,
    /// What the row says beside the bar.
    pub(crate) word: String,
}

/// A group of bars under a heading, with the thresholds of its kind.
pub(crate) struct BarGroup {
    pub(crate) heading: String,
    /// Whether the group's items are facilitators (else obstacles), for
    /// the thresholds drawn across it.
    pub(crate) facilitators: bool,
    pub(crate) bars: Vec<Bar>,
}

/// One rung of the ladder.
pub(crate) struct Rung {
    pub(crate) level: Level,
    pub(crate) status: &'static str,
    pub(crate) class: &'static str,
}

/// A threshold line and its label.
pub(crate) struct ThresholdMark {
    pub(crate) value: f64,
    pub(crate) label: String,
}

/// The view of a chart.
pub(crate) struct ChartView {
    pub(crate) title: String,
    pub(crate) desc: String,
    pub(crate) heading: String,
    pub(crate) subheading: String,
    pub(crate) rungs: Vec<Rung>,
    pub(crate) groups: Vec<BarGroup>,
    pub(crate) facilitator_thresholds: [ThresholdMark; 2],
    pub(crate) obstacle_thresholds: [ThresholdMark; 2],
    /// The legend: a band's name (or `earlier`) and what it says.
    pub(crate) legend: Vec<(&'static str, &'static str)>,
    /// What the whiskers show: `Whiskers: 95% intervals of the means.`
    pub(crate) whiskers: String,
}

fn rungs(structural: Option<Level>, achieved: Option<Level>) -> Vec<Rung> {
    Level::iter()
        .rev()
        .map(|level| {
            let (status, class) = if Some(level) <= achieved {
                ("sustained", "sustained")
            } else if Some(level) <= structural {
                ("in place, not sustained", "in-place")
            } else {
                ("not in place", "absent")
            };
            Rung {
                level,
                status,
                class,
            }
        })
        .collect()
}

/// The bars of one kind, grouped: facilitators by the level they are
/// needed from, obstacles together.
fn bar_groups<T: Rated>(c: &Classification, bar: impl Fn(T) -> Bar, groups: &mut Vec<BarGroup>) {
    let results = c.results::<T>();
    if T::TIED_TO_LEVEL {
        for level in Level::iter() {
            let bars: Vec<Bar> = results
                .iter()
                .filter(|r| r.needed_from == Some(level))
                .map(|r| bar(r.item))
                .collect();
            if !bars.is_empty() {
                groups.push(BarGroup {
                    heading: format!(
                        "{} needed from {}",
                        capitalized(T::PLURAL),
                        level.name().to_lowercase()
                    ),
                    facilitators: true,
                    bars,
                });
            }
        }
    } else {
        groups.push(BarGroup {
            heading: format!("{} ({})", capitalized(T::PLURAL), source_of::<T>()),
            facilitators: false,
            bars: results.iter().map(|r| bar(r.item)).collect(),
        });
    }
}

fn thresholds(rubric: &RubricSummary) -> [[ThresholdMark; 2]; 2] {
    let pair = |t: crate::rubric::Thresholds, lower: &str, upper: &str| {
        [
            ThresholdMark {
                value: t.lower,
                label: format!("{} {lower}", t.lower),
            },
            ThresholdMark {
                value: t.upper,
                label: format!("{} {upper}", t.upper),
            },
        ]
    };
    [
        pair(rubric.facilitator_thresholds, "borderline", "strength"),
        pair(rubric.obstacle_thresholds, "moderate", "major"),
    ]
}

/// A gap chart's bar: the item's mean and band.
/// What the whiskers on the bars show.
fn whiskers(rubric: &RubricSummary) -> String {
    format!(
        "Whiskers: {} intervals of the means.",
        percent(rubric.confidence)
    )
}

fn result_bar<T: Rated>(c: &Classification, item: T) -> Bar {
    let r = c.result(item);
    let band = band_word(r.band).text;
    Bar {
        name: item.name(),
        mean: r.mean,
        interval: r.interval,
        earlier: None,
        band,
        word: r
            .mean
            .map_or_else(|| "not rated".to_owned(), |m| format!("{m:.2} {band}")),
    }
}

/// A progress chart's bar: the later mean, the earlier one marked, and the
/// movement.
fn change_bar<T: Rated>(report: &ProgressReport, item: T) -> Bar {
    let c = report.change(item);
    Bar {
        name: item.name(),
        mean: c.later_mean,
        interval: report.later_report.classification.result(item).interval,
        earlier: c.earlier_mean,
        band: band_word(c.later_band).text,
        word: movement_word(c.movement).text.to_owned(),
    }
}

/// The lower-case names of the items of one kind that moved one way.
fn moved_names<T: Rated>(report: &ProgressReport, movement: Movement, out: &mut Vec<String>) {
    out.extend(
        T::of(report)
            .iter()
            .filter(|c| c.movement == movement)
            .map(|c| c.item.name().to_lowercase()),
    );
}

const LEGEND: [(&str, &str); 6] = [
    ("strength", "strength"),
    ("borderline", "borderline"),
    ("concern", "concern"),
    ("minor", "minor obstacle"),
    ("moderate", "moderate"),
    ("major", "major"),
];

impl ChartView {
    pub(crate) fn of_gap(report: &GapReport) -> ChartView {
        let c = &report.classification;
        let mut groups = Vec::new();
        bar_groups::<Facilitator>(c, |f| result_bar(c, f), &mut groups);
        bar_groups::<Obstacle>(c, |o| result_bar(c, o), &mut groups);

        let mut desc = format!(
            "{} has the arrangements of {} in place and sustains {}.",
            report.partnership,
            level_words(c.structural_level),
            level_words(c.achieved_level)
        );
        let concerns: Vec<String> = c
            .facilitators
            .iter()
            .filter(|r| r.band == crate::FacilitatorBand::Concern)
            .filter_map(|r| Some(format!("{} ({:.2})", r.item.name().to_lowercase(), r.mean?)))
            .collect();
        if !concerns.is_empty() {
            let _ = write!(desc, " Facilitators of concern: {}.", concerns.join(", "));
        }
        let active: Vec<String> = report
            .active_obstacles
            .iter()
            .map(|o| {
                format!(
                    "{} ({:.2}, {})",
                    o.obstacle.name().to_lowercase(),
                    o.mean,
                    o.band.id()
                )
            })
            .collect();
        if !active.is_empty() {
            let _ = write!(desc, " Active obstacles: {}.", active.join(", "));
        }
        let date = report
            .assessed_on
            .map(|d| format!(", assessed on {d}"))
            .unwrap_or_default();
        let [facilitator_thresholds, obstacle_thresholds] = thresholds(&report.rubric);
        ChartView {
            title: format!("Interagency working: {}", report.partnership),
            desc,
            heading: report.partnership.clone(),
            subheading: format!("Where the partnership stands{date}"),
            rungs: rungs(c.structural_level, c.achieved_level),
            groups,
            facilitator_thresholds,
            obstacle_thresholds,
            legend: LEGEND.to_vec(),
            whiskers: whiskers(&report.rubric),
        }
    }

    pub(crate) fn of_progress(report: &ProgressReport) -> ChartView {
        let c = &report.later_report.classification;
        let mut groups = Vec::new();
        bar_groups::<Facilitator>(c, |f| change_bar(report, f), &mut groups);
        bar_groups::<Obstacle>(c, |o| change_bar(report, o), &mut groups);

        let mut desc = format!(
            "{} sustained {} in the earlier round and sustains {} in the later one.",
            report.later.partnership,
            level_words(report.earlier.achieved_level),
            level_words(report.later.achieved_level)
        );
        for (movement, label) in [
            (Movement::Improved, "Improved"),
            (Movement::Worsened, "Worsened"),
        ] {
            let mut items = Vec::new();
            moved_names::<Facilitator>(report, movement, &mut items);
            moved_names::<Obstacle>(report, movement, &mut items);
            if !items.is_empty() {
                let _ = write!(desc, " {label}: {}.", items.join(", "));
            }
        }
        let dates = match (report.earlier.assessed_on, report.later.assessed_on) {
            (Some(e), Some(l)) => format!(", {e} to {l}"),
            _ => String::new(),
        };
        let [facilitator_thresholds, obstacle_thresholds] = thresholds(&report.rubric);
        let mut legend = LEGEND.to_vec();
        legend.push(("earlier", "earlier round"));
        ChartView {
            title: format!("Interagency working progress: {}", report.later.partnership),
            desc,
            heading: report.later.partnership.clone(),
            subheading: format!("Progress between two rounds{dates}; dots mark the earlier round"),
            rungs: rungs(report.later.structural_level, report.later.achieved_level),
            groups,
            facilitator_thresholds,
            obstacle_thresholds,
            legend,
            whiskers: whiskers(&report.rubric),
        }
    }
}
