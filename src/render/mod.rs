//! The renderings of reports and documents: Markdown, SVG charts, HTML
//! pages and JSON Schema.
//!
//! Every rendering of a report goes through one view (`view/`): the
//! sections, rows, words and sentences, built once from the report alone.
//! Each format only writes that view; a new format is one more writer.

#[cfg(feature = "html")]
pub(crate) mod cohort_chart;
#[cfg(feature = "html")]
pub(crate) mod html;
pub(crate) mod markdown;
mod plan;
#[cfg(feature = "schemars")]
pub mod schema;
#[cfg(feature = "html")]
pub(crate) mod svg;
pub(crate) mod view;

#[cfg(feature = "html")]
use crate::render::html::{Html, Svg};
use crate::render::markdown::Markdown;
use crate::{CohortReport, GapReport, ProgressReport};

/// Declares [`Format`] with the formats the crate's features can write:
/// JSON and Markdown always, SVG and HTML with the `html` feature.
macro_rules! formats {
    ($($(#[$meta:meta])* $variant:ident,)*) => {
        crate::foundation::id::id_enum! {
            /// The formats a report is written in, by the names `assess --format`
            /// takes: `json`, `markdown`, `svg`, `html`.
            ///
            /// [`GapReport::render`] and [`ProgressReport::render`] write a report
            /// in one of them, exactly as the `assess` example prints it; the
            /// bindings for other languages take the same names. Every format's
            /// text ends with exactly one newline.
            ///
            /// JSON and Markdown need no template engine and are always
            /// there; `Svg` and `Html` are available with the `html` feature.
            /// Since a feature turned on anywhere in a build adds formats, the
            /// enum is non-exhaustive: a `match` on it ends with a `_` arm.
            ///
            /// ```
            /// use interagency::Format;
            ///
            /// assert_eq!("markdown".parse::<Format>()?, Format::Markdown);
            /// # #[cfg(feature = "html")]
            /// assert_eq!("svg".parse::<Format>()?, Format::Svg);
            /// # #[cfg(feature = "html")]
            /// assert_eq!(
            ///     "pdf".parse::<Format>().unwrap_err().to_string(),
            ///     "unknown report format \"pdf\"; expected one of: json, markdown, svg, html"
            /// );
            /// # Ok::<(), interagency::ParseIdError>(())
            /// ```
            #[non_exhaustive]
            pub enum Format: "report format" {
                /// The report's JSON document, indented.
                Json,
                /// Markdown for a meeting pack.
                Markdown,
                $($(#[$meta])* $variant,)*
            }
        }
    };
}

#[cfg(feature = "html")]
formats! {
    /// A standalone SVG chart. Available with the `html` feature.
    Svg,
    /// One self-contained HTML page. Available with the `html` feature.
    Html,
}

#[cfg(not(feature = "html"))]
formats! {}

/// The report a rendering writes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Report<'a> {
    Gap(&'a GapReport),
    Progress(&'a ProgressReport),
    Cohort(&'a CohortReport),
}

impl Report<'_> {
    /// The report in `format`, ending with one newline.
    fn render(self, format: Format) -> String {
        match format {
            Format::Json => {
                // The reports hold string keys and finite numbers only, the
                // two things serde_json could refuse, so writing them cannot
                // fail.
                let text = match self {
                    Report::Gap(r) => serde_json::to_string_pretty(r),
                    Report::Progress(r) => serde_json::to_string_pretty(r),
                    Report::Cohort(r) => serde_json::to_string_pretty(r),
                };
                text.unwrap_or_default() + "\n"
            }
            Format::Markdown => Markdown(self).to_string(),
            #[cfg(feature = "html")]
            Format::Svg => Svg(self).to_string(),
            #[cfg(feature = "html")]
            Format::Html => Html(self).to_string(),
        }
    }
}

/// Declares the renderings of a report type: `markdown`, `svg`, `html` and
/// `render`, each with the documentation given.
macro_rules! renderings {
    (
        $(#[$meta:meta])*
        impl $report:ident as $variant:ident {
            $(#[$markdown:meta])* markdown;
            $(#[$svg:meta])* svg;
            $(#[$html:meta])* html;
            $(#[$render:meta])* render;
        }
    ) => {
        $(#[$meta])*
        impl $report {
            $(#[$markdown])*
            #[must_use]
            pub fn markdown(&self) -> Markdown<'_> {
                Markdown(Report::$variant(self))
            }

            $(#[$svg])*
            #[must_use]
            #[cfg(feature = "html")]
            pub fn svg(&self) -> Svg<'_> {
                Svg(Report::$variant(self))
            }

            $(#[$html])*
            #[must_use]
            #[cfg(feature = "html")]
            pub fn html(&self) -> Html<'_> {
                Html(Report::$variant(self))
            }

            $(#[$render])*
            #[must_use]
            pub fn render(&self, format: Format) -> String {
                Report::$variant(self).render(format)
            }
        }
    };
}

renderings! {
    /// Every rendering of a report reads the report alone: it is right for
    /// whatever rubric made the report, and the same for a report read back
    /// from its JSON. Every rendered text ends with exactly one newline.
    impl GapReport as Gap {
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
        markdown;
        /// The report as a standalone SVG chart: the ladder of levels with the
        /// levels in place and sustained, each facilitator's mean against the
        /// rubric's thresholds grouped by the level it is needed from, and the
        /// obstacles. Bands are written as words and drawn as patterns as well
        /// as colours. It scales (a `viewBox`), names its result in its
        /// `<title>` and `<desc>`, and holds no script and no external
        /// reference. The thresholds and levels are the report's own, so the
        /// chart is right for any rubric.
        ///
        /// Available with the `html` feature.
        ///
        /// ```
        /// # let a = interagency::Assessment::from_json(&std::fs::read_to_string(
        /// #     "examples/data/child-protection-hub.json")?)?;
        /// let svg = a.gap_analysis(None).svg().to_string();
        /// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 "));
        /// assert!(svg.contains("role=\"img\""));
        /// assert!(svg.ends_with("</svg>\n"));
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        svg;
        /// The report as one self-contained HTML page, for a meeting pack or
        /// an e-mail attachment: everything the Markdown report says, the
        /// voices by agency and role, and the chart inline, with a print
        /// stylesheet for A4. No script and no external resource: it opens with
        /// no network. Every string from the input is escaped.
        ///
        /// Available with the `html` feature.
        ///
        /// ```
        /// # let a = interagency::Assessment::from_json(&std::fs::read_to_string(
        /// #     "examples/data/child-protection-hub.json")?)?;
        /// let page = a.gap_analysis(None).html().to_string();
        /// assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        /// assert!(page.contains("<title>Interagency working: Northgate Child Protection Hub</title>"));
        /// assert!(!page.contains("<script"));
        /// assert!(page.ends_with("</html>\n"));
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        html;
        /// The report in `format`, exactly as the `assess` example prints it:
        /// the JSON indented, and every format ending with one newline.
        ///
        /// JSON and Markdown are always there; SVG and HTML are available
        /// with the `html` feature (see [`Format`]).
        ///
        /// ```
        /// # let a = interagency::Assessment::from_json(&std::fs::read_to_string(
        /// #     "examples/data/child-protection-hub.json")?)?;
        /// use interagency::Format;
        ///
        /// let report = a.gap_analysis(None);
        /// let json = report.render(Format::Json);
        /// // Read back, the report draws the same page. (It compares equal
        /// // to `report` too where serde_json reads floats exactly: its
        /// // `float_roundtrip` feature.)
        /// let read: interagency::GapReport = serde_json::from_str(&json)?;
        /// assert_eq!(read.markdown().to_string(), report.markdown().to_string());
        /// assert_eq!(report.render(Format::Markdown), report.markdown().to_string());
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        render;
    }
}

renderings! {
    /// The progress report's renderings, as the gap report's.
    impl ProgressReport as Progress {
        /// The report as Markdown for a partnership's agenda: the levels then
        /// and now, what improved, what got worse, what is new, every item's
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
        /// assert!(text.contains("## What improved"));
        /// # Ok::<(), interagency::Error>(())
        /// ```
        markdown;
        /// The progress as a standalone SVG chart: the later round's levels and
        /// means, with each earlier mean marked and each item's movement in
        /// words.
        ///
        /// Available with the `html` feature.
        svg;
        /// The progress as one self-contained HTML page: everything the
        /// Markdown progress report says, with the chart inline and a print
        /// stylesheet for A4.
        ///
        /// Available with the `html` feature.
        html;
        /// The progress in `format`, exactly as `assess --since` prints it,
        /// ending with one newline.
        ///
        /// JSON and Markdown are always there; SVG and HTML are available
        /// with the `html` feature (see [`Format`]).
        render;
    }
}

renderings! {
    /// The cohort report's renderings, as the gap report's. None names a
    /// partnership but the focus.
    impl CohortReport as Cohort {
        /// The cohort as Markdown: which facilitators are weakest and which
        /// practice tips are recommended first to the most partnerships, in a
        /// sentence each; the levels; every facilitator's and obstacle's spread
        /// (min, quartiles, median, max) and bands, with where the focus
        /// stands; the shared gaps and the tips.
        ///
        /// ```
        /// # let mut cohort = interagency::Cohort::new();
        /// # for i in 0..5 {
        /// #     let a = interagency::Assessment::from_json(&format!(r#"{{"partnership": "P{i}",
        /// #         "agencies": [{{"id": "a", "name": "A"}}, {{"id": "b", "name": "B"}}],
        /// #         "characteristics": []}}"#))?;
        /// #     cohort.add(&a, "file")?;
        /// # }
        /// let text = cohort.report(None)?.markdown().to_string();
        /// assert!(text.starts_with("# Cohort of 5 partnerships\n"));
        /// # Ok::<(), interagency::Error>(())
        /// ```
        markdown;
        /// The cohort as a standalone SVG chart of small multiples: one row
        /// per facilitator and obstacle, a line from the lowest partnership
        /// mean to the highest, a box from the lower to the upper quartile,
        /// the median, and the focus marked by a diamond and in words.
        ///
        /// Available with the `html` feature.
        svg;
        /// The cohort as one self-contained HTML page: everything the
        /// Markdown report says, with the chart inline and a print
        /// stylesheet for A4.
        ///
        /// Available with the `html` feature.
        html;
        /// The cohort in `format`, exactly as the `cohort` example prints
        /// it, ending with one newline.
        render;
    }
}
