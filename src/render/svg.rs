//! SVG charts of reports: the ladder of levels, and every facilitator's and
//! obstacle's mean against the rubric's thresholds.
//!
//! The chart's content comes from the view; the geometry is computed here,
//! and `templates/chart.svg` lays it out, escaping every string (askama's
//! HTML escaper, which is also valid for XML).

use askama::Template;

use crate::render::view::{self, BarGroup, ChartView, Threshold};

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
    name: &'static str,
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
    /// Whether the section's items are facilitators (else obstacles).
    facilitators: bool,
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
    scale: Vec<Line>,
    scale_y: String,
    legend_y: String,
    legend: Vec<Key>,
}

fn lines(thresholds: &[Threshold; 2]) -> Vec<Line> {
    thresholds
        .iter()
        .map(|t| Line {
            x: n(x_of(t.value)),
            label: t.label.clone(),
        })
        .collect()
}

/// Lays sections out from `y` down; returns the y below the last.
fn place(groups: &[BarGroup], mut y: f64) -> (Vec<Section>, f64) {
    let mut placed = Vec::new();
    for group in groups {
        let heading_y = y + 16.0;
        let top = y + 24.0;
        let mut row_y = top;
        let rows = group
            .bars
            .iter()
            .map(|bar| {
                let row = Row {
                    name_y: n(row_y + 13.0),
                    bar_y: n(row_y + 18.0),
                    name: bar.name,
                    bar_width: bar.mean.map(|m| n((x_of(m) - SCALE_X0).max(2.0))),
                    earlier_x: bar.earlier.map(|m| n(x_of(m))),
                    class: bar.band,
                    word_x: n(SCALE_X1 + 8.0),
                    word: bar.word.clone(),
                };
                row_y += ROW;
                row
            })
            .collect();
        placed.push(Section {
            heading_y: n(heading_y),
            heading: group.heading.clone(),
            facilitators: group.facilitators,
            top: n(top),
            bottom: n(row_y),
            rows,
        });
        y = row_y + 6.0;
    }
    (placed, y)
}

fn ladder(rungs: &[view::Rung], y0: f64) -> Vec<Rung> {
    rungs
        .iter()
        .enumerate()
        .map(|(i, rung)| {
            #[allow(clippy::cast_precision_loss, reason = "four rungs")]
            let y = y0 + i as f64 * 30.0;
            Rung {
                y: n(y),
                text_y: n(y + 17.5),
                label: format!("{} {}", rung.level.number(), rung.level.name()),
                status: rung.status,
                class: rung.class,
            }
        })
        .collect()
}

const LADDER_Y: f64 = 70.0;
/// Below the ladder: where the scale's labels and the sections start.
const BELOW_LADDER: f64 = LADDER_Y + 4.0 * 30.0 + 18.0;

fn legend(keys: &[(&'static str, &'static str)], y0: f64) -> Vec<Key> {
    let (mut x, mut y) = (20.0, y0);
    keys.iter()
        .map(|&(class, text)| {
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

impl Chart {
    /// Lays a chart's view out.
    pub(crate) fn of(view: &ChartView) -> Chart {
        let scale_y = BELOW_LADDER;
        let (sections, bottom) = place(&view.groups, scale_y + 8.0);
        let legend_y = bottom + 18.0;
        let legend = legend(&view.legend, legend_y + 10.0);
        let last = legend
            .last()
            .map_or(legend_y, |k| k.y.parse().unwrap_or(legend_y));
        Chart {
            width: n(WIDTH),
            height: n(last + 24.0),
            title: view.title.clone(),
            desc: view.desc.clone(),
            heading: view.heading.clone(),
            subheading: view.subheading.clone(),
            rungs: ladder(&view.rungs, LADDER_Y),
            sections,
            facilitator_lines: lines(&view.facilitator_thresholds),
            obstacle_lines: lines(&view.obstacle_thresholds),
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
