//! Self-contained HTML pages and SVG charts of reports: the view written
//! through askama templates, which escape every string.

use core::fmt::{self, Display, Formatter, Write as _};

use askama::Template;

use crate::render::Report;
use crate::render::cohort_chart::CohortChart;
use crate::render::svg::Chart;
use crate::render::view::{
    Breakdown, ChartView, CohortView, GapView, Line, NetworkView, ProgressView, Span, Word,
    breakdown_tables,
};

/// A report's SVG chart; see [`GapReport::svg`](crate::GapReport::svg) and [`ProgressReport::svg`](crate::ProgressReport::svg).
/// It is a [`Display`] value: format it, or call `to_string()`. Its text
/// ends with one newline.
///
/// Available with the `html` feature.
#[derive(Clone, Copy, Debug)]
pub struct Svg<'a>(pub(crate) Report<'a>);

/// A report as a self-contained HTML page; see [`GapReport::html`](crate::GapReport::html) and
/// [`ProgressReport::html`](crate::ProgressReport::html). It is a [`Display`] value. Its text ends
/// with one newline.
///
/// Available with the `html` feature.
#[derive(Clone, Copy, Debug)]
pub struct Html<'a>(pub(crate) Report<'a>);

/// The chart of a report; the standalone SVG also draws the network's
/// matrix, which the page shows as a table instead.
fn chart(report: Report<'_>, with_network: bool) -> Result<String, askama::Error> {
    match report {
        Report::Gap(r) => {
            let network = with_network.then(|| NetworkView::of(r)).flatten();
            Chart::of(&ChartView::of_gap(r), network.as_ref()).render()
        }
        Report::Progress(r) => Chart::of(&ChartView::of_progress(r), None).render(),
        Report::Cohort(r) => {
            let v = CohortView::of(r);
            CohortChart::of(&v, text(&v.title)).render()
        }
    }
}

impl Display for Svg<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&chart(self.0, true).map_err(|_| fmt::Error)?)?;
        f.write_char('\n')
    }
}

impl Display for Html<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let chart = chart(self.0, false).map_err(|_| fmt::Error)?;
        match self.0 {
            Report::Gap(r) => {
                let v = GapView::of(r);
                let frame = Frame::of(&v.title, &v.footer, chart);
                let breakdowns = breakdown_tables(r);
                ReportPage {
                    frame,
                    v,
                    breakdowns,
                }
                .render_into(f)
            }
            Report::Progress(r) => {
                let v = ProgressView::of(r);
                let frame = Frame::of(&v.title, &v.footer, chart);
                ProgressPage { frame, v }.render_into(f)
            }
            Report::Cohort(r) => {
                let v = CohortView::of(r);
                let frame = Frame::of(&v.title, &v.footer, chart);
                CohortPage { frame, v }.render_into(f)
            }
        }
        .map_err(|_| fmt::Error)?;
        f.write_char('\n')
    }
}

/// The stylesheet every page carries inline.
const CSS: &str = include_str!("../../templates/style.css");

/// A line as plain text (the template escapes it): terms in quotation
/// marks, emphasis left to the markup around it.
fn text(line: &Line) -> String {
    let mut out = String::new();
    for span in &line.0 {
        match span {
            Span::Text(t) => out.push_str(t),
            Span::Input(t) => out.push_str(t),
            Span::Word(w) => out.push_str(w.text),
            Span::Term(t) => {
                out.push('\u{201c}');
                out.push_str(t);
                out.push('\u{201d}');
            }
            Span::Code(c) => out.push_str(c),
        }
    }
    out
}

/// Lines as plain text, joined by spaces.
fn sentences(lines: &[Line]) -> String {
    lines.iter().map(text).collect::<Vec<_>>().join(" ")
}

/// A mean to two places, or a dash.
#[allow(
    clippy::ref_option,
    reason = "the template passes its fields by reference"
)]
fn mean(mean: &Option<f64>) -> String {
    crate::render::view::mean_text(*mean)
}

/// Whether a word calls for attention.
fn strong(word: &Word) -> bool {
    word.emphasis == crate::render::view::Emphasis::Strong
}

/// Words as plain text, comma-separated.
fn words(words: &[Word]) -> String {
    words.iter().map(|w| w.text).collect::<Vec<_>>().join(", ")
}

/// What every page has around its report: the title, the stylesheet,
/// the chart and the closing note.
struct Frame {
    title: String,
    css: &'static str,
    chart: String,
    footer: String,
}

impl Frame {
    fn of(title: &Line, footer: &Line, chart: String) -> Frame {
        Frame {
            title: text(title),
            css: CSS,
            chart,
            footer: text(footer),
        }
    }
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    frame: Frame,
    v: GapView,
    breakdowns: Vec<Breakdown>,
}

#[derive(Template)]
#[template(path = "progress.html")]
struct ProgressPage {
    frame: Frame,
    v: ProgressView,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    frame: Frame,
    v: crate::render::view::PlanView,
}

/// An action plan as one self-contained HTML page.
pub(crate) fn plan_page(plan: &crate::Plan) -> String {
    let v = crate::render::view::PlanView::of(plan);
    let frame = Frame {
        title: text(&v.title),
        css: CSS,
        chart: String::new(),
        footer: v.footer.to_owned(),
    };
    PlanPage { frame, v }.render().unwrap_or_default() + "\n"
}

#[derive(Template)]
#[template(path = "cohort.html")]
struct CohortPage {
    frame: Frame,
    v: CohortView,
}
