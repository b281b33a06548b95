//! An action plan written out: as JSON, as CSV for a spreadsheet, and as a
//! one-page plan in Markdown or HTML for a meeting pack.

use crate::render::markdown;
use crate::render::view::PlanView;
use crate::{Format, Plan};

/// A CSV cell, quoted (RFC 4180) when it holds a delimiter, a quote or a
/// line break.
fn cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r', ';', '\t']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

impl Plan {
    /// The plan as CSV, for a spreadsheet: one action a row under the
    /// columns `Action`, `Tip`, `Addresses`, `Owner`, `Due`, `Status` (and
    /// `Note` when an action has one), tips, items and statuses by name;
    /// `Rubric::plan_from_csv` (with the `csv` feature) reads it back.
    ///
    /// ```
    /// # let a = interagency::Assessment::from_json(&std::fs::read_to_string(
    /// #     "examples/data/early-years-network.json")?)?;
    /// let plan = a.gap_analysis(None).plan_template()?;
    /// let csv = plan.to_csv();
    /// assert!(csv.starts_with("Action,Tip,Addresses,Owner,Due,Status\r\na1,"));
    /// # #[cfg(feature = "csv")]
    /// assert_eq!(
    ///     interagency::Rubric::DEFAULT.plan_from_csv(csv.as_bytes(), &plan.partnership, plan.made_on)?.actions,
    ///     plan.actions
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_csv(&self) -> String {
        let notes = self.actions.iter().any(|a| a.note.is_some());
        let mut out = String::from("Action,Tip,Addresses,Owner,Due,Status");
        out.push_str(if notes { ",Note\r\n" } else { "\r\n" });
        for a in &self.actions {
            let items: Vec<&str> = a.addresses.iter().map(|i| i.name()).collect();
            let mut cells = vec![
                cell(&a.id),
                cell(a.tip.name()),
                cell(&items.join("; ")),
                cell(a.owner.as_deref().unwrap_or_default()),
                a.due.map(|d| d.to_string()).unwrap_or_default(),
                a.status.name().to_owned(),
            ];
            if notes {
                cells.push(cell(a.note.as_deref().unwrap_or_default()));
            }
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// The plan as Markdown: a one-page action plan for a meeting pack,
    /// each action with the gap items it works on, its owner, due date and
    /// status. Every string from the input is escaped.
    #[must_use]
    pub fn markdown(&self) -> String {
        markdown::plan_page(&PlanView::of(self))
    }

    /// The plan as one self-contained HTML page, as [`Plan::markdown`]
    /// says it, with a print stylesheet. Available with the `html` feature.
    #[cfg(feature = "html")]
    #[must_use]
    pub fn html(&self) -> String {
        crate::render::html::plan_page(self)
    }

    /// The plan in `format`, as `assess --plan-template --format` prints it,
    /// ending with one newline: JSON, Markdown or HTML; `None` for SVG,
    /// which has no picture of a plan.
    ///
    /// ```
    /// # let a = interagency::Assessment::from_json(&std::fs::read_to_string(
    /// #     "examples/data/early-years-network.json")?)?;
    /// use interagency::Format;
    ///
    /// let plan = a.gap_analysis(None).plan_template()?;
    /// assert_eq!(plan.render(Format::Json), Some(plan.to_json()));
    /// assert!(plan.render(Format::Markdown).unwrap().starts_with("# Action plan: "));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn render(&self, format: Format) -> Option<String> {
        match format {
            Format::Json => Some(self.to_json()),
            Format::Markdown => Some(self.markdown()),
            #[cfg(feature = "html")]
            Format::Html => Some(self.html()),
            #[cfg(feature = "html")]
            Format::Svg => None,
        }
    }
}
