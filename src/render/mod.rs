//! The renderings of reports and documents: Markdown, SVG charts, HTML
//! pages and JSON Schema.
//!
//! Every rendering of a report goes through one view (`view.rs`): the
//! sections, rows, words and sentences, built once from the report alone.
//! Each format only writes that view; a new format is one more writer.

#[cfg(feature = "html")]
pub(crate) mod html;
pub(crate) mod markdown;
#[cfg(feature = "schemars")]
pub mod schema;
#[cfg(feature = "html")]
pub(crate) mod svg;
pub(crate) mod view;

#[cfg(feature = "html")]
use crate::render::html::{Html, Svg};
use crate::render::markdown::Markdown;
use crate::{GapReport, ProgressReport};

#[cfg(feature = "html")]
crate::foundation::id::id_enum! {
    /// The formats a report is written in, by the names `assess --format`
    /// takes: `json`, `markdown`, `svg`, `html`.
    ///
    /// [`GapReport::render`] and [`ProgressReport::render`] write a report
    /// in one of them, exactly as the `assess` example prints it; the
    /// bindings for other languages take the same names.
    ///
    /// ```
    /// use interagency::Format;
    ///
    /// assert_eq!("svg".parse::<Format>()?, Format::Svg);
    /// assert_eq!(
    ///     "pdf".parse::<Format>().unwrap_err().to_string(),
    ///     "unknown report format \"pdf\"; expected one of: json, markdown, svg, html"
    /// );
    /// # Ok::<(), interagency::ParseIdError>(())
    /// ```
    pub enum Format: "report format" {
        /// The report's JSON document, indented, with a final newline.
        Json,
        /// Markdown for a meeting pack.
        Markdown,
        /// A standalone SVG chart, with a final newline.
        Svg,
        /// One self-contained HTML page.
        Html,
    }
}

/// A report as pretty JSON with a final newline.
#[cfg(feature = "html")]
fn json(report: &impl serde::Serialize) -> String {
    // The reports hold string keys and finite numbers only, the two things
    // serde_json could refuse, so writing them cannot fail.
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

/// The report a rendering writes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Report<'a> {
    Gap(&'a GapReport),
    Progress(&'a ProgressReport),
}

/// Every rendering of a report reads the report alone: it is right for
/// whatever rubric made the report, and the same for a report read back
/// from its JSON.
impl GapReport {
    /// The report as Markdown for a meeting pack: the level reached and why,
    /// a table of facilitators with a bar for each mean, the obstacles,
    /// where views differ, the gap to the target, and the recommendations
    /// in order with what each addresses and its source.
    ///
    /// Everything it says of the rubric (the level each facilitator is
    /// needed from, the thresholds, the divergence numbers) comes from the
    /// report itself, so it is right for any rubric, and the same for a
    /// report read back from its JSON.
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
        Markdown(Report::Gap(self))
    }

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
    #[cfg(feature = "html")]
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
    #[cfg(feature = "html")]
    pub fn html(&self) -> Html<'_> {
        Html(Report::Gap(self))
    }

    /// The report in `format`, exactly as the `assess` example prints it:
    /// the JSON indented and the SVG with a final newline.
    ///
    /// ```
    /// # let a = interagency::Assessment::from_json(&std::fs::read_to_string(
    /// #     "examples/data/child-protection-hub.json")?)?;
    /// use interagency::Format;
    ///
    /// let report = a.gap_analysis(None);
    /// let json = report.render(Format::Json);
    /// assert_eq!(serde_json::from_str::<interagency::GapReport>(&json)?, report);
    /// assert_eq!(report.render(Format::Markdown), report.markdown().to_string());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    #[cfg(feature = "html")]
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Json => json(self),
            Format::Markdown => self.markdown().to_string(),
            Format::Svg => self.svg().to_string() + "\n",
            Format::Html => self.html().to_string(),
        }
    }
}

/// The progress report's renderings, as the gap report's.
impl ProgressReport {
    /// The report as Markdown for a partnership's agenda: the levels then
    /// and now, what went up, what went down, what is new, every item's
    /// movement, and what to work on next (the later round's
    /// recommendations).
    ///
    /// ```
    /// # let read = |n: &str| interagency::Assessment::from_json(
    /// #     &std::fs::read_to_string(format!("examples/data/{n}.json")).unwrap()).unwrap();
    /// let progress = read("early-years-network-2027")
    ///     .progress_since(&read("early-years-network"), None)?;
    /// let text = progress.markdown().to_string();
    /// assert!(text.starts_with("# Progress: Ballyfoyle Early Years Network\n"));
    /// assert!(text.contains("## What went up"));
    /// # Ok::<(), interagency::Error>(())
    /// ```
    #[must_use]
    pub fn markdown(&self) -> Markdown<'_> {
        Markdown(Report::Progress(self))
    }

    /// The progress as a standalone SVG chart: the later round's levels and
    /// means, with each earlier mean marked and each item's movement in
    /// words.
    #[must_use]
    #[cfg(feature = "html")]
    pub fn svg(&self) -> Svg<'_> {
        Svg(Report::Progress(self))
    }

    /// The progress as one self-contained HTML page: everything the
    /// Markdown progress report says, with the chart inline and a print
    /// stylesheet for A4.
    #[must_use]
    #[cfg(feature = "html")]
    pub fn html(&self) -> Html<'_> {
        Html(Report::Progress(self))
    }

    /// The progress in `format`, exactly as `assess --since` prints it.
    #[must_use]
    #[cfg(feature = "html")]
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Json => json(self),
            Format::Markdown => self.markdown().to_string(),
            Format::Svg => self.svg().to_string() + "\n",
            Format::Html => self.html().to_string(),
        }
    }
}
