//! What a partnership needs to collect its answers with a survey tool: the
//! questionnaire, and the crate's own CSV header.

use core::fmt::Write as _;

use crate::{Concept, Facilitator, Obstacle, Partnership, Rated};

/// The facilitators' grid question, as the questionnaire asks it.
const PRESENT: &str = "How present is each of these in your partnership?";
/// The obstacles' grid question.
const PROBLEM: &str = "How much of a problem is each of these for your partnership?";
/// The questions about the other agencies, as the export heads them.
const WORKING_WITH: &str = "Working with";
const TRUST: &str = "Trust";
const PERCEIVED: &str = "Perceived level";
/// The questions about the respondent.
const AGENCY: &str = "Which agency do you work for?";
const ROLE: &str = "What is your role?";

/// A questionnaire for a survey tool, whose export the crate reads back:
/// as Markdown, to build the survey from, or as the header of the crate's
/// own CSV template.
///
/// Available with the `csv` or the `xlsx` feature.
///
/// Built for a partnership ([`SurveyTemplate::for_partnership`]), it names
/// that partnership's agencies in the agency question and adds the
/// questions about the other agencies: how the respondent's agency works
/// with each (`Working with`), how far it trusts each (`Trust`), and the
/// level at which the respondent sees the whole partnership (`Perceived
/// level`).
///
/// ```
/// use interagency::SurveyTemplate;
///
/// let template = SurveyTemplate::new();
/// assert!(template.markdown().starts_with("# Interagency working: partnership survey\n"));
/// assert!(template.csv().starts_with("respondent,agency,role,Clarity of purpose and roles,"));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct SurveyTemplate<'a> {
    partnership: Option<&'a Partnership>,
}

impl<'a> SurveyTemplate<'a> {
    /// The questionnaire for any partnership.
    #[must_use]
    pub const fn new() -> Self {
        SurveyTemplate { partnership: None }
    }

    /// The questionnaire for one partnership: its agencies are the agency
    /// question's options.
    #[must_use]
    pub const fn for_partnership(partnership: &'a Partnership) -> SurveyTemplate<'a> {
        SurveyTemplate {
            partnership: Some(partnership),
        }
    }

    /// The columns of the crate's own CSV template, in order: with a
    /// partnership, `Working with: NAME` and `Trust: NAME` for each of its
    /// agencies and `Perceived level` after the items.
    ///
    /// ```
    /// use interagency::{Partnership, SurveyTemplate};
    ///
    /// let header = SurveyTemplate::new().header();
    /// assert_eq!(header[..4], ["respondent", "agency", "role", "Clarity of purpose and roles"]);
    /// assert_eq!(header.len(), 3 + 7 + 6);
    ///
    /// let partnership = Partnership::from_json(r#"{"partnership": "Northside",
    ///   "agencies": [{"id": "cfa", "name": "CFA"}, {"id": "hse", "name": "HSE"}],
    ///   "characteristics": []}"#)?;
    /// let header = SurveyTemplate::for_partnership(&partnership).header();
    /// assert_eq!(header[16..], ["Working with: CFA", "Working with: HSE", "Trust: CFA", "Trust: HSE", "Perceived level"]);
    /// # Ok::<(), interagency::Error>(())
    /// ```
    #[must_use]
    pub fn header(&self) -> Vec<String> {
        let mut header: Vec<String> = ["respondent", "agency", "role"]
            .into_iter()
            .chain(Facilitator::iter().map(Concept::name))
            .chain(Obstacle::iter().map(Concept::name))
            .map(str::to_owned)
            .collect();
        if let Some(partnership) = self.partnership {
            let agencies = partnership.agencies();
            header.extend(
                agencies
                    .iter()
                    .map(|a| format!("{WORKING_WITH}: {}", a.name)),
            );
            header.extend(agencies.iter().map(|a| format!("{TRUST}: {}", a.name)));
            header.push(PERCEIVED.to_owned());
        }
        header
    }

    /// The CSV template: its header line, with a final newline. A column
    /// name is quoted when it holds a comma, a quote or a line break.
    #[must_use]
    pub fn csv(&self) -> String {
        let mut out = String::new();
        for (i, column) in self.header().iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            if column.contains([',', '"', '\n', '\r']) {
                out.push('"');
                out.push_str(&column.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(column);
            }
        }
        out.push('\n');
        out
    }

    /// The questionnaire as Markdown: each question with how to build it in
    /// Google Forms, Microsoft Forms, Qualtrics and SurveyMonkey, how to
    /// export the answers from each, and the command that reads them.
    #[must_use]
    pub fn markdown(&self) -> String {
        let options = match self.partnership {
            None => "one option per agency of the partnership, by its name or its id as the \
                     partnership document lists them"
                .to_owned(),
            Some(partnership) => {
                let names: Vec<String> = partnership
                    .agencies()
                    .iter()
                    .map(|agency| format!("**{}**", markdown_text(&agency.name)))
                    .collect();
                format!("one option per agency: {}", names.join(", "))
            }
        };
        let title = match self.partnership {
            None => String::new(),
            Some(partnership) => format!(" for {}", markdown_text(partnership.name())),
        };
        let mut out = format!(
            "# Interagency working: partnership survey{title}\n\n\
             A questionnaire for every member of the partnership's agencies, to build in a survey \
             tool. Keep the question titles, the item names and the answer labels as written \
             here: the `interagency` library reads the tool's export by them.\n\n\
             The questions are the `interagency` library's own wording, written for surveys; the \
             facilitators are Statham's (2011) and the obstacles Atkinson et al.'s (2002).\n\n\
             ## The questions\n\n\
             ### 1. {AGENCY}\n\n\
             A single choice (a drop-down), required: {options}.\n\n\
             ### 2. {ROLE}\n\n\
             A single choice, required: **Frontline**, **Manager**, **Senior manager**.\n\n"
        );
        grid(&mut out, 3, PRESENT, Facilitator::iter());
        grid(&mut out, 4, PROBLEM, Obstacle::iter());
        match self.partnership {
            Some(partnership) => network_questions(&mut out, partnership),
            None => out.push_str(
                "Built for a partnership (`survey_template --partnership FILE`), the \
                 questionnaire also asks how the respondent's agency works with each other \
                 agency, how far it trusts each, and at which level the respondent sees the \
                 whole partnership.\n\n",
            ),
        }
        let _ = write!(
            out,
            "Respondents need not give their names: the tools' own response ids are enough, and \
             no report ever shows one.\n\n\
             ## Exporting the answers\n\n\
             - **Google Forms**: *Responses*, then *Download responses (.csv)*. The grid's columns \
               are headed `{PRESENT} [Leadership]` and so on; the crate finds the item in the \
               brackets.\n\
             - **Microsoft Forms**: *Responses*, then *Open results in Excel* (or *Download a copy*), \
               and save the workbook (`.xlsx`). The crate reads the first sheet (`--sheet NAME` for \
               another); the Likert question gives one column per statement.\n\
             - **Qualtrics**: *Data & Analysis*, *Export & Import*, *Export data*, *CSV*, with \
               *Use choice text*. The export's three header rows are recognised; `ResponseId` is \
               the respondent. Your own previews and test responses, and responses flagged as \
               spam, are left out by their *Response Type* (one line says how many); a response \
               not finished counts with the answers it holds.\n\
             - **SurveyMonkey**: *Analyze results*, *Save as*, *Export file*, *All responses data*, \
               *CSV*. The two header rows are recognised; `Respondent ID` is the respondent.\n\n\
             Every tool's own columns (timestamps, durations, e-mail and IP addresses, quiz \
             scores and points, Qualtrics' bot detection, timing and embedded data, SurveyMonkey's \
             custom data) are skipped. Answers may be the labels above, the labels led by their number \
             (`4 - Mostly present`), or the numbers 1 to 5; `N/A` and `Don't know` are not rated. \
             If the survey used other words (an agree/disagree scale, say), give them with \
             `--scale \"Strongly disagree=1,Disagree=2,Neutral=3,Agree=4,Strongly agree=5\"`.\n\n\
             ## Running the assessment\n\n\
             With the partnership document (its agencies and arrangements, no responses) and the \
             export:\n\n\
             ```sh\n\
             cargo run --example assess -- partnership.json --responses export.csv \\\n    \
             --column agency=\"{AGENCY}\" --column role=\"{ROLE}\"\n\
             ```\n\n\
             The same command reads a spreadsheet (`--responses export.xlsx`). A column the crate \
             does not recognise is named in the error: skip it with `--ignore-column HEADER`.\n"
        );
        out
    }
}

/// One grid question: its rows (the items, with the crate's question for
/// each as a description) and its five columns (the scale's labels).
fn grid<T: Rated + Copy>(
    out: &mut String,
    number: usize,
    title: &str,
    items: impl Iterator<Item = T>,
) {
    let _ = write!(
        out,
        "### {number}. {title}\n\n\
         A grid (Google Forms: *Multiple choice grid*; Microsoft Forms: *Likert*; Qualtrics: \
         *Matrix table*; SurveyMonkey: *Matrix / Rating scale*). Not required, so that \
         respondents can skip a row they cannot answer: a skipped row is read as not rated.\n\n\
         Columns, in this order: {}.\n\n\
         Rows, each the item's name exactly as written here:\n\n",
        T::LABELS.map(|label| format!("**{label}**")).join(", ")
    );
    for item in items {
        let _ = writeln!(out, "- **{}**: {}", item.name(), item.question());
    }
    out.push('\n');
}

/// The questions about the other agencies: two grids with a row per
/// agency, and the perceived level.
fn network_questions(out: &mut String, partnership: &Partnership) {
    let mut rows = String::new();
    for agency in partnership.agencies() {
        let _ = writeln!(rows, "- **{}**", markdown_text(&agency.name));
    }
    let levels = crate::PartnerLevel::ALL
        .map(|l| format!("**{}**", l.name()))
        .join(", ");
    let trust = crate::Trust::LABELS.map(|l| format!("**{l}**")).join(", ");
    let _ = write!(
        out,
        "### 5. {WORKING_WITH}\n\n\
         *Answer for your agency*: how does your agency work with each of these agencies? A \
         grid, not required, titled exactly `{WORKING_WITH}`. Columns, in this order: \
         {levels}. After Frost (2005): cooperation is working towards consistent goals while \
         staying independent; collaboration, tackling overlaps, duplication and gaps towards \
         common outcomes; coordination, working together in a planned and systematic way \
         towards shared goals; integration, becoming one organisation. Rows, one per \
         agency:\n\n{rows}\n\
         A grid cannot leave out the respondent's own agency: an answer about it is \
         skipped.\n\n\
         ### 6. {TRUST}\n\n\
         *Answer for your agency*: how far can each of these agencies be relied on, and how \
         open is it to discussion? A grid, not required, titled exactly `{TRUST}`, with the \
         same rows. Columns, in this order: {trust}.\n\n\
         ### 7. {PERCEIVED}\n\n\
         At which level does the whole partnership work today? A single choice, not \
         required, titled exactly `{PERCEIVED}`: {levels}.\n\n\
         The answers about other agencies are reported for each agency, never for a \
         respondent: every respondent answers for their agency, and where they differ the \
         report takes the lower middle answer. The tools export these questions as their \
         grids' other questions: `{WORKING_WITH} [NAME]` (Google Forms), `{WORKING_WITH} - \
         NAME` (Qualtrics), `{WORKING_WITH}` over `NAME` (SurveyMonkey), `{WORKING_WITH}: \
         NAME` in the crate's own template; the agency by its name or id.\n\n"
    );
}

/// A partnership's text, as Markdown shows it literally.
fn markdown_text(text: &str) -> std::borrow::Cow<'_, str> {
    crate::foundation::escape::markdown(text)
}
