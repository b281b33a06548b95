//! Self-contained HTML pages and SVG charts of reports: the view written
//! through askama templates, which escape every string.

use core::fmt::{self, Display, Formatter};

use askama::Template;

use crate::render::Report;
use crate::render::svg::Chart;
use crate::render::view::{ChartView, GapView, Line, ProgressView, Span, Word};
use crate::{GapReport, ProgressReport};

/// A report's SVG chart; see [`GapReport::svg`] and [`ProgressReport::svg`].
/// It is a [`Display`] value: format it, or call `to_string()`.
#[derive(Clone, Copy, Debug)]
pub struct Svg<'a>(Report<'a>);

/// A report as a self-contained HTML page; see [`GapReport::html`] and
/// [`ProgressReport::html`]. It is a [`Display`] value.
#[derive(Clone, Copy, Debug)]
pub struct Html<'a>(Report<'a>);

impl GapReport {
    /// The report as a standalone SVG chart: the ladder of levels with the
    /// levels in place and sustained, each facilitator's mean against the
    /// rubric's thresholds grouped by the level it is needed from, and the
    /// obstacles. Bands are written as words and drawn as patterns as well
    /// as colours. It scales (a `viewBox`), names its result in its
    /// `<title>` and `<desc>`, and holds no script and no external
    /// reference. The thresholds and levels are the report's own, so the
    /// chart is right for any rubric.
    ///
    /// ```
    /// # let a = interagency::Assessment::from_json(&std::fs::read_to_string(
    /// #     "examples/data/child-protection-hub.json")?)?;
    /// let svg = a.gap_analysis(None).svg().to_string();
    /// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 "));
    /// assert!(svg.contains("role=\"img\""));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn svg(&self) -> Svg<'_> {
        Svg(Report::Gap(self))
    }

    /// The report as one self-contained HTML page, for a meeting pack or
    /// an e-mail attachment: everything the Markdown report says, the
    /// voices by agency and role, and the chart inline, with a print
    /// stylesheet for A4. No script and no external resource: it opens with
    /// no network. Every string from the input is escaped.
    ///
    /// ```
    /// # let a = interagency::Assessment::from_json(&std::fs::read_to_string(
    /// #     "examples/data/child-protection-hub.json")?)?;
    /// let page = a.gap_analysis(None).html().to_string();
    /// assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    /// assert!(page.contains("<title>Interagency working: Northgate Child Protection Hub</title>"));
    /// assert!(!page.contains("<script"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn html(&self) -> Html<'_> {
        Html(Report::Gap(self))
    }
}

impl ProgressReport {
    /// The progress as a standalone SVG chart: the later round's levels and
    /// means, with each earlier mean marked and each item's movement in
    /// words.
    #[must_use]
    pub fn svg(&self) -> Svg<'_> {
        Svg(Report::Progress(self))
    }

    /// The progress as one self-contained HTML page: everything the
    /// Markdown progress report says, with the chart inline and a print
    /// stylesheet for A4.
    #[must_use]
    pub fn html(&self) -> Html<'_> {
        Html(Report::Progress(self))
    }
}

/// The chart of a report, laid out.
fn chart(report: Report<'_>) -> Chart {
    Chart::of(&match report {
        Report::Gap(r) => ChartView::of_gap(r),
        Report::Progress(r) => ChartView::of_progress(r),
    })
}

impl Display for Svg<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        chart(self.0).render_into(f).map_err(|_| fmt::Error)
    }
}

impl Display for Html<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let chart = chart(self.0).to_string();
        match self.0 {
            Report::Gap(r) => {
                let v = GapView::of(r);
                ReportPage {
                    title: text(&v.title),
                    footer: text(&v.footer),
                    css: CSS,
                    chart,
                    v,
                }
                .render_into(f)
            }
            Report::Progress(r) => {
                let v = ProgressView::of(r);
                ProgressPage {
                    title: text(&v.title),
                    footer: text(&v.footer),
                    css: CSS,
                    chart,
                    v,
                }
                .render_into(f)
            }
        }
        .map_err(|_| fmt::Error)
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

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    title: String,
    css: &'static str,
    chart: String,
    footer: String,
    v: GapView,
}

#[derive(Template)]
#[template(path = "progress.html")]
struct ProgressPage {
    title: String,
    css: &'static str,
    chart: String,
    footer: String,
    v: ProgressView,
}
