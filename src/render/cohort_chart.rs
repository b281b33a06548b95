//! The SVG chart of a cohort: small multiples, one row per facilitator and
//! obstacle, each drawing the spread of the partnerships' means (a line
//! from the lowest to the highest, a box over the middle half, the median)
//! and the focus, marked by a diamond and in words. `templates/cohort.svg`
//! lays it out, escaping every string.

use askama::Template;

use crate::render::svg::{Fitted, Frame, HEADING_CHARS, n};
use crate::render::view::{CohortView, SpreadTable};

/// The cohort chart's frame.
const FRAME: Frame = Frame {
    width: 660.0,
    x0: 20.0,
    x1: 450.0,
    row: 38.0,
};

/// One item's row, placed.
pub(crate) struct SpreadMark {
    name: &'static str,
    name_y: String,
    /// The middle of the spread's line.
    y: String,
    /// min, q1, median, q3 and max as x, when shown.
    xs: Option<[String; 5]>,
    /// The focus's x, when it has a mean.
    focus_x: Option<String>,
    /// What the row says in words, at its right.
    words: String,
    /// Where the spread is withheld, why, on the name's line.
    withheld: Option<String>,
}

/// A kind's rows under a heading, with the scale's ticks across them.
pub(crate) struct SpreadSection {
    heading: String,
    heading_y: String,
    top: String,
    bottom: String,
    /// Where the scale's labels go, below the rows.
    scale_y: String,
    rows: Vec<SpreadMark>,
}

/// A tick of the 1 to 5 scale.
pub(crate) struct Tick {
    x: String,
    label: &'static str,
}

#[derive(Template)]
#[template(path = "cohort.svg", escape = "html")]
pub(crate) struct CohortChart {
    width: String,
    /// Where the scale starts and ends, and where a row's words start.
    x0: String,
    x1: String,
    words_x: String,
    height: String,
    title: String,
    desc: String,
    heading: String,
    /// The focus, named, or what the chart shows.
    subheading: Fitted,
    note: String,
    ticks: Vec<Tick>,
    sections: Vec<SpreadSection>,
    legend_y: String,
    legend: Vec<String>,
}

/// What one row says at its right: the focus's mean and percentile, or
/// the median.
fn words(row: &crate::render::view::SpreadRow) -> String {
    match (&row.focus, row.values) {
        (Some(f), _) if f.value.is_some() => {
            format!("focus {}, percentile {}", f.mean, f.percentile)
        }
        (Some(_), _) => "focus not rated".to_owned(),
        (None, Some(_)) => format!("median {}", row.figures[2]),
        (None, None) => String::new(),
    }
}

fn section(table: &SpreadTable, y: &mut f64) -> SpreadSection {
    let heading_y = *y;
    *y += 10.0;
    let top = *y;
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let name_y = *y + 14.0;
            let line_y = *y + 27.0;
            *y += FRAME.row;
            SpreadMark {
                name: row.name,
                name_y: n(name_y),
                y: n(line_y),
                xs: row.values.map(|v| v.map(|m| n(FRAME.x(m)))),
                focus_x: row
                    .focus
                    .as_ref()
                    .and_then(|f| f.value)
                    .map(|m| n(FRAME.x(m))),
                words: words(row),
                withheld: row.values.is_none().then(|| {
                    format!(
                        "withheld: {} rated, fewer than {}",
                        row.rated,
                        crate::analysis::cohort::MIN_PARTNERSHIPS
                    )
                }),
            }
        })
        .collect();
    let bottom = *y;
    *y += 50.0;
    SpreadSection {
        heading: table.heading.clone(),
        heading_y: n(heading_y),
        top: n(top),
        bottom: n(bottom),
        scale_y: n(bottom + 14.0),
        rows,
    }
}

impl CohortChart {
    pub(crate) fn of(v: &CohortView, title: String) -> CohortChart {
        let focus = v.focus_name.is_some();
        let mut y = 104.0;
        let sections: Vec<SpreadSection> = v.tables.iter().map(|t| section(t, &mut y)).collect();
        let mut legend = vec![
            "Each row: a line from the lowest partnership mean to the highest, a box from the"
                .to_owned(),
            "lower to the upper quartile, a bar at the median.".to_owned(),
        ];
        if focus {
            legend.push(
                "The diamond marks the focus; its mean and percentile are written at the right."
                    .to_owned(),
            );
        }
        legend.push(format!(
            "Withheld: fewer than {} partnerships rated the item. Scale 1 to 5.",
            crate::analysis::cohort::MIN_PARTNERSHIPS
        ));
        let legend_y = y - 10.0;
        #[allow(clippy::cast_precision_loss, reason = "a few lines")]
        let height = legend_y + 18.0 * legend.len() as f64 + 8.0;
        let desc = format!("{} {}", v.summary.join(" "), legend.join(" "));
        CohortChart {
            width: n(FRAME.width),
            x0: n(FRAME.x0),
            x1: n(FRAME.x1),
            words_x: n(FRAME.x1 + 12.0),
            height: n(height),
            title,
            desc,
            heading: v.chart_heading.clone(),
            // The 13-pixel bold line holds about 1.5 times the heading's
            // characters.
            subheading: Fitted::new(&v.chart_focus, HEADING_CHARS * 3 / 2),
            note: format!(
                "Partnership means, scale 1 to 5. No partnership is named{}.",
                if focus { " but the focus" } else { "" }
            ),
            ticks: [("1", 1.0), ("2", 2.0), ("3", 3.0), ("4", 4.0), ("5", 5.0)]
                .into_iter()
                .map(|(label, m)| Tick {
                    x: n(FRAME.x(m)),
                    label,
                })
                .collect(),
            sections,
            legend_y: n(legend_y),
            legend,
        }
    }
}
