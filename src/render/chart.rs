//! SVG charts of reports: the ladder of levels, and every facilitator's and
//! obstacle's mean against the rubric's thresholds.
//!
//! The geometry is computed here; `templates/*.svg` lays it out, escaping
//! every string (askama's HTML escaper, which is also valid for XML).

use core::fmt::Write as _;

use askama::Template;

use crate::{FacilitatorBand, GapReport, Level, Movement, ObstacleBand, ProgressReport, Rubric};

/// The chart's width, in SVG units.
const WIDTH: f64 = 600.0;
/// Where the 1 to 5 scale starts and ends.
const SCALE_X0: f64 = 20.0;
const SCALE_X1: f64 = 470.0;
/// The height of one item's row: its name, then its bar.
const ROW: f64 = 36.0;

/// The x of a mean on the scale.
fn x_of(mean: f64) -> f64 {
    SCALE_X0 + (mean.clamp(1.0, 5.0) - 1.0) / 4.0 * (SCALE_X1 - SCALE_X0)
}

/// A number for an SVG attribute.
fn n(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0")
        .map_or_else(|| s.clone(), str::to_owned)
}

/// One rung of the ladder.
pub(crate) struct Rung {
    y: String,
    text_y: String,
    label: String,
    status: &'static str,
    class: &'static str,
}

/// One item's row: its name, a bar from 1 to its mean, and its band.
pub(crate) struct Row {
    name_y: String,
    bar_y: String,
    name: String,
    /// The bar's width, or `None` when the item is not rated.
    bar_width: Option<String>,
    /// The earlier round's mean, for a progress chart.
    earlier_x: Option<String>,
    class: &'static str,
    word: String,
    word_x: String,
}

/// A group of rows under a heading, with the thresholds drawn across it.
pub(crate) struct Section {
    heading_y: String,
    heading: String,
    top: String,
    bottom: String,
    rows: Vec<Row>,
}

/// A vertical line across a section at a threshold.
pub(crate) struct Line {
    x: String,
    label: String,
}

/// One entry of the legend: a swatch and what it means.
pub(crate) struct Key {
    x: String,
    y: String,
    class: &'static str,
    text: &'static str,
}

/// The chart of a gap report or a progress report.
#[derive(Template)]
#[template(path = "chart.svg", escape = "html")]
pub(crate) struct Chart {
    width: String,
    height: String,
    title: String,
    desc: String,
    heading: String,
    subheading: String,
    rungs: Vec<Rung>,
    sections: Vec<Section>,
    /// The thresholds of the facilitator sections, then of the obstacles.
    facilitator_lines: Vec<Line>,
    obstacle_lines: Vec<Line>,
    facilitator_sections: usize,
    scale: Vec<Line>,
    scale_y: String,
    legend_y: String,
    legend: Vec<Key>,
}

fn facilitator_class(band: FacilitatorBand) -> &'static str {
    match band {
        FacilitatorBand::Strength => "strength",
        FacilitatorBand::Borderline => "borderline",
        FacilitatorBand::Concern => "concern",
        FacilitatorBand::Unknown => "unknown",
    }
}

fn obstacle_class(band: ObstacleBand) -> &'static str {
    match band {
        ObstacleBand::Minor => "minor",
        ObstacleBand::Moderate => "moderate",
        ObstacleBand::Major => "major",
        ObstacleBand::Unknown => "unknown",
    }
}

fn band_word(class: &'static str, mean: Option<f64>) -> String {
    match mean {
        Some(m) => format!("{m:.2} {class}"),
        None => "not rated".to_owned(),
    }
}

fn movement_word(movement: Movement) -> &'static str {
    match movement {
        Movement::Improved => "improved",
        Movement::Worsened => "worsened",
        Movement::Unchanged => "unchanged",
        Movement::NotComparable => "not comparable",
    }
}

fn lines(lower: f64, upper: f64, lower_word: &str, upper_word: &str) -> Vec<Line> {
    vec![
        Line {
            x: n(x_of(lower)),
            label: format!("{lower} {lower_word}"),
        },
        Line {
            x: n(x_of(upper)),
            label: format!("{upper} {upper_word}"),
        },
    ]
}

/// Lays sections out from `y` down; returns the y below the last.
fn place(sections: &mut [(String, Vec<RowData>)], mut y: f64) -> (Vec<Section>, f64) {
    let mut placed = Vec::new();
    for (heading, rows) in sections.iter_mut() {
        let heading_y = y + 16.0;
        let top = y + 24.0;
        let mut row_y = top;
        let rows = rows
            .drain(..)
            .map(|r| {
                let row = Row {
                    name_y: n(row_y + 13.0),
                    bar_y: n(row_y + 18.0),
                    name: r.name,
                    bar_width: r.mean.map(|m| n((x_of(m) - SCALE_X0).max(2.0))),
                    earlier_x: r.earlier.map(|m| n(x_of(m))),
                    class: r.class,
                    word_x: n(SCALE_X1 + 8.0),
                    word: r.word,
                };
                row_y += ROW;
                row
            })
            .collect();
        placed.push(Section {
            heading_y: n(heading_y),
            heading: std::mem::take(heading),
            top: n(top),
            bottom: n(row_y),
            rows,
        });
        y = row_y + 6.0;
    }
    (placed, y)
}

/// A row before it is placed.
struct RowData {
    name: String,
    mean: Option<f64>,
    earlier: Option<f64>,
    class: &'static str,
    word: String,
}

fn ladder(structural: Option<Level>, achieved: Option<Level>, y0: f64) -> Vec<Rung> {
    Level::iter()
        .rev()
        .enumerate()
        .map(|(i, level)| {
            #[allow(clippy::cast_precision_loss, reason = "four rungs")]
            let y = y0 + i as f64 * 30.0;
            let (status, class) = if Some(level) <= achieved {
                ("sustained", "sustained")
            } else if Some(level) <= structural {
                ("in place, not sustained", "in-place")
            } else {
                ("not in place", "absent")
            };
            Rung {
                y: n(y),
                text_y: n(y + 17.5),
                label: format!("{} {}", level.number(), level.name()),
                status,
                class,
            }
        })
        .collect()
}

fn level_words(level: Option<Level>) -> String {
    level.map_or_else(|| "no level".to_owned(), |l| l.name().to_lowercase())
}

const LADDER_Y: f64 = 70.0;
/// Below the ladder: where the scale's labels and the sections start.
const BELOW_LADDER: f64 = LADDER_Y + 4.0 * 30.0 + 18.0;

fn legend(progress: bool, y0: f64) -> Vec<Key> {
    let mut keys = vec![
        ("strength", "strength"),
        ("borderline", "borderline"),
        ("concern", "concern"),
        ("minor", "minor obstacle"),
        ("moderate", "moderate"),
        ("major", "major"),
    ];
    if progress {
        keys.push(("earlier", "earlier round"));
    }
    let (mut x, mut y) = (20.0, y0);
    keys.into_iter()
        .map(|(class, text)| {
            #[allow(clippy::cast_precision_loss, reason = "short labels")]
            let width = 24.0 + 6.2 * text.len() as f64 + 14.0;
            if x + width > WIDTH - 20.0 {
                x = 20.0;
                y += 20.0;
            }
            let key = Key {
                x: n(x),
                y: n(y),
                class,
                text,
            };
            x += width;
            key
        })
        .collect()
}

/// What a chart shows, before it is laid out.
struct Parts {
    title: String,
    desc: String,
    heading: String,
    subheading: String,
    rungs: Vec<Rung>,
    facilitators: Vec<(String, Vec<RowData>)>,
    obstacles: Vec<RowData>,
}

impl Chart {
    fn assemble(parts: Parts, rubric: &Rubric, progress: bool) -> Chart {
        let Parts {
            title,
            desc,
            heading,
            subheading,
            rungs: ladder_rungs,
            mut facilitators,
            obstacles,
        } = parts;
        let facilitator_sections = facilitators.len();
        let f = rubric.facilitator_thresholds();
        let o = rubric.obstacle_thresholds();
        let scale_y = BELOW_LADDER;
        facilitators.push(("Obstacles (Atkinson et al., 2002)".to_owned(), obstacles));
        let (sections, bottom) = place(&mut facilitators, scale_y + 8.0);
        let legend_y = bottom + 18.0;
        let legend = legend(progress, legend_y + 10.0);
        let last = legend
            .last()
            .map_or(legend_y, |k| k.y.parse().unwrap_or(legend_y));
        Chart {
            width: n(WIDTH),
            height: n(last + 24.0),
            title,
            desc,
            heading,
            subheading,
            rungs: ladder_rungs,
            sections,
            facilitator_lines: lines(f.lower, f.upper, "borderline", "strength"),
            obstacle_lines: lines(o.lower, o.upper, "moderate", "major"),
            facilitator_sections,
            scale: (1..=5)
                .map(|k| Line {
                    x: n(x_of(f64::from(k))),
                    label: k.to_string(),
                })
                .collect(),
            scale_y: n(scale_y),
            legend_y: n(legend_y),
            legend,
        }
    }
}

/// The facilitators of a report grouped by the level they are needed
/// from, as rows.
fn facilitator_groups(
    rubric: &Rubric,
    mut row: impl FnMut(crate::Facilitator) -> RowData,
) -> Vec<(String, Vec<RowData>)> {
    Level::iter()
        .filter_map(|level| {
            let rows: Vec<RowData> = rubric
                .facilitators_introduced_at(level)
                .iter()
                .map(&mut row)
                .collect();
            (!rows.is_empty()).then(|| {
                (
                    format!("Facilitators needed from {}", level.name().to_lowercase()),
                    rows,
                )
            })
        })
        .collect()
}

/// The chart of a gap report, explained with `rubric`.
pub(crate) fn gap_chart(report: &GapReport, rubric: &Rubric) -> Chart {
    let c = &report.classification;
    let facilitators = facilitator_groups(rubric, |f| {
        let r = c.facilitator(f);
        let class = facilitator_class(r.band);
        RowData {
            name: f.name().to_owned(),
            mean: r.mean,
            earlier: None,
            class,
            word: band_word(class, r.mean),
        }
    });
    let obstacles = c
        .obstacles
        .iter()
        .map(|r| {
            let class = obstacle_class(r.band);
            RowData {
                name: r.obstacle.name().to_owned(),
                mean: r.mean,
                earlier: None,
                class,
                word: band_word(class, r.mean),
            }
        })
        .collect();

    let mut desc = format!(
        "{} has the arrangements of {} in place and sustains {}.",
        report.partnership,
        level_words(c.structural_level),
        level_words(c.achieved_level)
    );
    let concerns: Vec<String> = c
        .facilitators
        .iter()
        .filter(|r| r.band == FacilitatorBand::Concern)
        .filter_map(|r| {
            Some(format!(
                "{} ({:.2})",
                r.facilitator.name().to_lowercase(),
                r.mean?
            ))
        })
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
                obstacle_class(o.band)
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
    Chart::assemble(
        Parts {
            title: format!("Interagency working: {}", report.partnership),
            desc,
            heading: report.partnership.clone(),
            subheading: format!("Where the partnership stands{date}"),
            rungs: ladder(c.structural_level, c.achieved_level, LADDER_Y),
            facilitators,
            obstacles,
        },
        rubric,
        false,
    )
}

/// The chart of a progress report: the later round's bars, with the
/// earlier round's means marked and each item's movement in words.
pub(crate) fn progress_chart(report: &ProgressReport, rubric: &Rubric) -> Chart {
    let facilitators = facilitator_groups(rubric, |f| {
        let r = report.facilitator(f);
        RowData {
            name: f.name().to_owned(),
            mean: r.later_mean,
            earlier: r.earlier_mean,
            class: facilitator_class(r.later_band),
            word: movement_word(r.movement).to_owned(),
        }
    });
    let obstacles = report
        .obstacles
        .iter()
        .map(|r| RowData {
            name: r.obstacle.name().to_owned(),
            mean: r.later_mean,
            earlier: r.earlier_mean,
            class: obstacle_class(r.later_band),
            word: movement_word(r.movement).to_owned(),
        })
        .collect();
    let improved = report
        .facilitators
        .iter()
        .filter(|f| f.movement == Movement::Improved)
        .map(|f| f.facilitator.name().to_lowercase())
        .chain(
            report
                .obstacles
                .iter()
                .filter(|o| o.movement == Movement::Improved)
                .map(|o| o.obstacle.name().to_lowercase()),
        )
        .collect::<Vec<_>>();
    let worsened = report
        .facilitators
        .iter()
        .filter(|f| f.movement == Movement::Worsened)
        .map(|f| f.facilitator.name().to_lowercase())
        .chain(
            report
                .obstacles
                .iter()
                .filter(|o| o.movement == Movement::Worsened)
                .map(|o| o.obstacle.name().to_lowercase()),
        )
        .collect::<Vec<_>>();
    let mut desc = format!(
        "{} sustained {} in the earlier round and sustains {} in the later one.",
        report.later.partnership,
        level_words(report.earlier.achieved_level),
        level_words(report.later.achieved_level)
    );
    if !improved.is_empty() {
        let _ = write!(desc, " Improved: {}.", improved.join(", "));
    }
    if !worsened.is_empty() {
        let _ = write!(desc, " Worsened: {}.", worsened.join(", "));
    }
    let dates = match (report.earlier.assessed_on, report.later.assessed_on) {
        (Some(e), Some(l)) => format!(", {e} to {l}"),
        _ => String::new(),
    };
    Chart::assemble(
        Parts {
            title: format!("Interagency working progress: {}", report.later.partnership),
            desc,
            heading: report.later.partnership.clone(),
            subheading: format!("Progress between two rounds{dates}; dots mark the earlier round"),
            rungs: ladder(
                report.later.structural_level,
                report.later.achieved_level,
                LADDER_Y,
            ),
            facilitators,
            obstacles,
        },
        rubric,
        true,
    )
}
