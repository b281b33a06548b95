//! Self-contained HTML pages and SVG charts of reports.

use core::fmt::{self, Display, Formatter, Write as _};

use askama::Template;

use crate::render::chart::{gap_chart, progress_chart};
use crate::{GapReport, ProgressReport, Rubric};

/// A report's SVG chart; see [`GapReport::svg`] and [`ProgressReport::svg`].
#[derive(Clone, Copy, Debug)]
pub struct Svg<'a> {
    report: Report<'a>,
    rubric: &'a Rubric,
}

#[derive(Clone, Copy, Debug)]
enum Report<'a> {
    Gap(&'a GapReport),
    Progress(&'a ProgressReport),
}

impl Display for Svg<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let chart = match self.report {
            Report::Gap(r) => gap_chart(r, self.rubric),
            Report::Progress(r) => progress_chart(r, self.rubric),
        };
        chart.render_into(f).map_err(|_| fmt::Error)
    }
}

impl GapReport {
    /// The report as a standalone SVG chart: the ladder of levels with the
    /// levels in place and sustained, each facilitator's mean against the
    /// rubric's thresholds grouped by the level it is needed from, and the
    /// obstacles. Bands are written as words and drawn as patterns as well
    /// as colours. It scales (a `viewBox`), names its result in its
    /// `<title>` and `<desc>`, and holds no script and no external
    /// reference.
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
        self.svg_with(&Rubric::DEFAULT)
    }

    /// The chart, drawn with `rubric` (the one the report was made with).
    #[must_use]
    pub fn svg_with<'a>(&'a self, rubric: &'a Rubric) -> Svg<'a> {
        Svg {
            report: Report::Gap(self),
            rubric,
        }
    }
}

impl ProgressReport {
    /// The progress as a standalone SVG chart: the later round's levels and
    /// means, with each earlier mean marked and each item's movement in
    /// words.
    #[must_use]
    pub fn svg(&self) -> Svg<'_> {
        self.svg_with(&Rubric::DEFAULT)
    }

    /// The chart, drawn with `rubric` (the one the report was made with).
    #[must_use]
    pub fn svg_with<'a>(&'a self, rubric: &'a Rubric) -> Svg<'a> {
        Svg {
            report: Report::Progress(self),
            rubric,
        }
    }
}

/// A report as a self-contained HTML page; see [`GapReport::html`] and
/// [`ProgressReport::html`].
#[derive(Clone, Copy, Debug)]
pub struct Html<'a> {
    report: Report<'a>,
    rubric: &'a Rubric,
}

impl Display for Html<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.report {
            Report::Gap(r) => report_page(r, self.rubric).render_into(f),
            Report::Progress(r) => progress_page(r, self.rubric).render_into(f),
        }
        .map_err(|_| fmt::Error)
    }
}

impl GapReport {
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
        self.html_with(&Rubric::DEFAULT)
    }

    /// The page, explained with `rubric` (the one the report was made with).
    #[must_use]
    pub fn html_with<'a>(&'a self, rubric: &'a Rubric) -> Html<'a> {
        Html {
            report: Report::Gap(self),
            rubric,
        }
    }
}

impl ProgressReport {
    /// The progress as one self-contained HTML page: everything the
    /// Markdown progress report says, with the chart inline and a print
    /// stylesheet for A4.
    #[must_use]
    pub fn html(&self) -> Html<'_> {
        self.html_with(&Rubric::DEFAULT)
    }

    /// The page, explained with `rubric` (the one the report was made with).
    #[must_use]
    pub fn html_with<'a>(&'a self, rubric: &'a Rubric) -> Html<'a> {
        Html {
            report: Report::Progress(self),
            rubric,
        }
    }
}

/// The stylesheet every page carries inline.
const CSS: &str = include_str!("../../templates/style.css");

/// One facilitator's or obstacle's row.
struct ItemRow {
    name: &'static str,
    needed: Option<&'static str>,
    mean: String,
    band: &'static str,
    strong: bool,
    ratings: u64,
    evidence: String,
}

/// A recommendation, in words.
struct Rec {
    name: &'static str,
    priority: String,
    quote: &'static str,
    source: &'static str,
    works_on: String,
}

/// One breakdown table: items down, groups across.
struct Breakdown {
    caption: String,
    columns: Vec<String>,
    rows: Vec<(&'static str, Vec<String>)>,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    title: String,
    css: &'static str,
    partnership: String,
    date: Option<String>,
    standing: Vec<(&'static str, String, bool)>,
    reasons: Vec<String>,
    chart: String,
    facilitators: Vec<ItemRow>,
    facilitator_note: String,
    obstacles: Vec<ItemRow>,
    obstacle_note: String,
    views_intro: String,
    divergences: Vec<Divergence>,
    hidden_note: String,
    breakdowns: Vec<Breakdown>,
    target: String,
    reached: &'static str,
    missing: Vec<(&'static str, String, &'static str)>,
    gaps: Vec<(&'static str, String)>,
    active: Vec<(&'static str, String, &'static str)>,
    recommendations: Vec<Rec>,
    unaddressed: Option<String>,
    benefits: Vec<&'static str>,
    footer: String,
}

use crate::render::markdown::{
    Divergence, divergences, evidence, footer_sentence, hidden_note, level_text, mean_text,
    views_intro,
};
use crate::render::progress_markdown::{self, change_text, signed};
use crate::{Concept, FacilitatorBand, GapItem, Movement, ObstacleBand};

fn plain_item(item: GapItem) -> String {
    match item {
        GapItem::Characteristic(c) => format!("arrangement \u{201c}{}\u{201d}", c.name()),
        GapItem::Facilitator(f) => format!("facilitator \u{201c}{}\u{201d}", f.name()),
        GapItem::Obstacle(o) => format!("obstacle \u{201c}{}\u{201d}", o.name()),
    }
}

fn facilitator_word(band: FacilitatorBand) -> (&'static str, bool) {
    match band {
        FacilitatorBand::Strength => ("strength", false),
        FacilitatorBand::Borderline => ("borderline", false),
        FacilitatorBand::Concern => ("concern", true),
        FacilitatorBand::Unknown => ("unknown", false),
    }
}

fn obstacle_word(band: ObstacleBand) -> (&'static str, bool) {
    match band {
        ObstacleBand::Major => ("major", true),
        ObstacleBand::Moderate => ("moderate", true),
        ObstacleBand::Minor => ("minor", false),
        ObstacleBand::Unknown => ("unknown", false),
    }
}

fn evidence_note(k: u32, thin: bool, one_sided: bool) -> String {
    let mut note = String::new();
    if thin {
        let _ = write!(note, "Thin: fewer than {k} ratings, too few to lean on. ");
    }
    if one_sided {
        note.push_str("One agency: every rating comes from a single agency.");
    }
    note.trim_end().to_owned()
}

fn agency_name(report: &GapReport, id: &str) -> String {
    report
        .agencies
        .iter()
        .find(|a| a.id == id)
        .map_or(id, |a| a.name.as_str())
        .to_owned()
}

/// A breakdown cell: the mean and count, "hidden", or a dash.
fn cell(mean: Option<f64>, responses: Option<u64>) -> String {
    match (mean, responses) {
        (Some(m), Some(n)) => format!("{m:.2} ({n})"),
        (None, Some(_)) => "\u{2013}".to_owned(),
        _ => "hidden".to_owned(),
    }
}

fn breakdowns(report: &GapReport) -> Vec<Breakdown> {
    let v = &report.voices;
    let agencies: Vec<String> = report.agencies.iter().map(|a| a.name.clone()).collect();
    let roles: Vec<String> = ["Frontline", "Managers", "Senior managers"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    let by_agency = |groups: &[crate::AgencyGroup]| -> Vec<String> {
        groups
            .iter()
            .map(|g| cell(g.mean(), g.responses()))
            .collect()
    };
    let by_role = |groups: &[crate::RoleGroup]| -> Vec<String> {
        groups
            .iter()
            .map(|g| cell(g.mean(), g.responses()))
            .collect()
    };
    vec![
        Breakdown {
            caption: "Facilitators by agency: mean (ratings)".to_owned(),
            columns: agencies.clone(),
            rows: v
                .facilitators
                .iter()
                .map(|f| (f.facilitator.name(), by_agency(&f.by_agency)))
                .collect(),
        },
        Breakdown {
            caption: "Facilitators by role, all agencies together: mean (ratings)".to_owned(),
            columns: roles.clone(),
            rows: v
                .facilitators
                .iter()
                .map(|f| (f.facilitator.name(), by_role(&f.by_role)))
                .collect(),
        },
        Breakdown {
            caption: "Obstacles by agency: mean (ratings)".to_owned(),
            columns: agencies,
            rows: v
                .obstacles
                .iter()
                .map(|o| (o.obstacle.name(), by_agency(&o.by_agency)))
                .collect(),
        },
        Breakdown {
            caption: "Obstacles by role, all agencies together: mean (ratings)".to_owned(),
            columns: roles,
            rows: v
                .obstacles
                .iter()
                .map(|o| (o.obstacle.name(), by_role(&o.by_role)))
                .collect(),
        },
    ]
}

fn recommendations(report: &GapReport) -> Vec<Rec> {
    report
        .recommendations
        .iter()
        .map(|r| Rec {
            name: r.tip.name(),
            priority: format!("{:.2}", r.priority),
            quote: r.tip.description(),
            source: r.tip.source().short(),
            works_on: r
                .addresses
                .iter()
                .map(|&i| plain_item(i))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect()
}

/// The facilitator and obstacle tables' rows.
fn item_rows(report: &GapReport, rubric: &Rubric) -> (Vec<ItemRow>, Vec<ItemRow>) {
    let c = &report.classification;
    let facilitators = c
        .facilitators
        .iter()
        .zip(&report.voices.facilitators)
        .map(|(r, v)| {
            let (band, strong) = facilitator_word(r.band);
            ItemRow {
                name: r.facilitator.name(),
                needed: Some(rubric.required_from(r.facilitator).name()),
                mean: mean_text(r.mean),
                band,
                strong,
                ratings: r.responses,
                evidence: evidence(v.thin, v.one_sided).replace('*', ""),
            }
        })
        .collect();
    let obstacles = c
        .obstacles
        .iter()
        .zip(&report.voices.obstacles)
        .map(|(r, v)| {
            let (band, strong) = obstacle_word(r.band);
            ItemRow {
                name: r.obstacle.name(),
                needed: None,
                mean: mean_text(r.mean),
                band,
                strong,
                ratings: r.responses,
                evidence: evidence(v.thin, v.one_sided).replace('*', ""),
            }
        })
        .collect();
    (facilitators, obstacles)
}

/// The gap section's three lists: missing arrangements, facilitators to
/// strengthen, active obstacles.
type GapLists = (
    Vec<(&'static str, String, &'static str)>,
    Vec<(&'static str, String)>,
    Vec<(&'static str, String, &'static str)>,
);

fn gap_lists(report: &GapReport) -> GapLists {
    let missing = report
        .missing_characteristics
        .iter()
        .map(|m| {
            (
                m.characteristic.name(),
                m.level.name().to_lowercase(),
                m.characteristic.description(),
            )
        })
        .collect();
    let gaps = report
        .facilitator_gaps
        .iter()
        .map(|g| {
            (
                g.facilitator.name(),
                g.mean.map_or_else(
                    || "not rated by anyone".to_owned(),
                    |m| format!("mean {m:.2}"),
                ),
            )
        })
        .collect();
    let active = report
        .active_obstacles
        .iter()
        .map(|o| {
            (
                o.obstacle.name(),
                format!("{:.2}", o.mean),
                obstacle_word(o.band).0,
            )
        })
        .collect();
    (missing, gaps, active)
}

fn report_page(report: &GapReport, rubric: &Rubric) -> ReportPage {
    let (missing, gaps, active) = gap_lists(report);
    let c = &report.classification;
    let k = report.voices.min_group_size;
    let markdown = report.markdown_with(rubric);
    let (facilitators, obstacles) = item_rows(report, rubric);
    let (f_thin, f_one) = report
        .voices
        .facilitators
        .iter()
        .fold((false, false), |(t, o), v| (t || v.thin, o || v.one_sided));
    let (o_thin, o_one) = report
        .voices
        .obstacles
        .iter()
        .fold((false, false), |(t, o), v| (t || v.thin, o || v.one_sided));
    let divergences = divergences(report, |id| agency_name(report, id));
    ReportPage {
        title: format!("Interagency working: {}", report.partnership),
        css: CSS,
        partnership: report.partnership.clone(),
        date: report.assessed_on.map(|d| d.to_string()),
        standing: vec![
            (
                "Arrangements in place for",
                level_text(c.structural_level),
                false,
            ),
            ("Level sustained", level_text(c.achieved_level), true),
            (
                "Meets the definition of interagency working",
                (if c.meets_definition { "yes" } else { "no" }).to_owned(),
                false,
            ),
            (
                "At risk",
                (if c.at_risk { "yes" } else { "no" }).to_owned(),
                c.at_risk,
            ),
        ],
        reasons: markdown.reasons(c),
        chart: report.svg_with(rubric).to_string(),
        facilitators,
        facilitator_note: evidence_note(k, f_thin, f_one),
        obstacles,
        obstacle_note: evidence_note(k, o_thin, o_one),
        views_intro: views_intro(rubric, divergences.is_empty()),
        divergences,
        hidden_note: hidden_note(&report.voices),
        breakdowns: breakdowns(report),
        target: format!(
            "Towards {} (level {} of 4)",
            report.target.name().to_lowercase(),
            report.target.number()
        ),
        reached: if report.reached {
            "The target is reached: its arrangements are in place and every facilitator it needs is sustained."
        } else {
            "The target is not yet reached."
        },
        missing,
        gaps,
        active,
        recommendations: recommendations(report),
        unaddressed: (!report.unaddressed.is_empty()).then(|| {
            report
                .unaddressed
                .iter()
                .map(|&i| plain_item(i))
                .collect::<Vec<_>>()
                .join(", ")
        }),
        benefits: report
            .benefits_in_reach
            .iter()
            .map(Concept::description)
            .collect(),
        footer: footer_sentence(&report.rubric, str::to_owned, "interagency"),
    }
}

/// A row of the progress tables.
struct ChangeRow {
    name: &'static str,
    earlier: String,
    later: String,
    change: String,
    bands: String,
    movement: &'static str,
    strong: bool,
}

#[derive(Template)]
#[template(path = "progress.html")]
struct ProgressPage {
    title: String,
    css: &'static str,
    partnership: String,
    earlier_name: Option<String>,
    period: String,
    levels: Vec<(&'static str, String, String, String)>,
    up: Vec<String>,
    down: Vec<String>,
    new: Vec<String>,
    chart: String,
    facilitators: Vec<ChangeRow>,
    obstacles: Vec<ChangeRow>,
    target: String,
    reached: bool,
    recommendations: Vec<Rec>,
    benefits: Vec<&'static str>,
    footer: String,
}

/// One row of a progress table.
fn change_row(
    name: &'static str,
    (earlier, later, change): (Option<f64>, Option<f64>, Option<f64>),
    (earlier_band, later_band): (&str, &str),
    movement: Movement,
) -> ChangeRow {
    let (movement, strong) = movement_word(movement);
    ChangeRow {
        name,
        earlier: mean_text(earlier),
        later: mean_text(later),
        change: change_text(change),
        bands: format!("{earlier_band} \u{2192} {later_band}"),
        movement,
        strong,
    }
}

fn movement_word(m: Movement) -> (&'static str, bool) {
    match m {
        Movement::Improved => ("improved", true),
        Movement::Worsened => ("worsened", true),
        Movement::Unchanged => ("unchanged", false),
        Movement::NotComparable => ("not comparable", false),
    }
}

/// The items that moved one way, as sentences.
fn moved(report: &ProgressReport, movement: Movement) -> Vec<String> {
    let plain_f = |band| facilitator_word(band).0;
    let plain_o = |band| obstacle_word(band).0;
    progress_markdown::moved(report, movement, plain_f, plain_o)
        .into_iter()
        .map(|m| format!("{}: {}.", m.name, m.text))
        .collect()
}

/// What came and went, as sentences.
fn new_lines(report: &ProgressReport) -> Vec<String> {
    let names = |items: Vec<&'static str>| items.join(", ");
    let agency = |id: &String| -> String {
        report
            .later
            .agencies
            .iter()
            .chain(&report.earlier.agencies)
            .find(|a| &a.id == id)
            .map_or_else(|| id.clone(), |a| a.name.clone())
    };
    let mut new = Vec::new();
    if !report.characteristics_added.is_empty() {
        new.push(format!(
            "Arrangements now in place: {}.",
            names(
                report
                    .characteristics_added
                    .iter()
                    .map(Concept::name)
                    .collect()
            )
        ));
    }
    if !report.characteristics_removed.is_empty() {
        new.push(format!(
            "Arrangements no longer in place: {}.",
            names(
                report
                    .characteristics_removed
                    .iter()
                    .map(Concept::name)
                    .collect()
            )
        ));
    }
    if !report.agencies_joined.is_empty() {
        let joined: Vec<String> = report.agencies_joined.iter().map(agency).collect();
        new.push(format!("Agencies that joined: {}.", joined.join(", ")));
    }
    if !report.agencies_left.is_empty() {
        let left: Vec<String> = report.agencies_left.iter().map(agency).collect();
        new.push(format!("Agencies that left: {}.", left.join(", ")));
    }
    if !report.obstacles_new.is_empty() {
        new.push(format!(
            "New active obstacles: {}.",
            names(report.obstacles_new.iter().map(Concept::name).collect())
        ));
    }
    if !report.obstacles_resolved.is_empty() {
        new.push(format!(
            "Obstacles resolved: {}.",
            names(
                report
                    .obstacles_resolved
                    .iter()
                    .map(Concept::name)
                    .collect()
            )
        ));
    }
    new
}

fn progress_page(report: &ProgressReport, rubric: &Rubric) -> ProgressPage {
    let date = |d: Option<crate::Date>| d.map_or_else(|| "undated".to_owned(), |d| d.to_string());
    let moved = |movement| moved(report, movement);
    let new = new_lines(report);
    let later = &report.later_report;
    ProgressPage {
        title: format!("Progress: {}", report.later.partnership),
        css: CSS,
        partnership: report.later.partnership.clone(),
        earlier_name: (report.earlier.partnership != report.later.partnership)
            .then(|| report.earlier.partnership.clone()),
        period: format!(
            "From the round of {} to the round of {}.",
            date(report.earlier.assessed_on),
            date(report.later.assessed_on)
        ),
        levels: vec![
            (
                "Arrangements in place for",
                level_text(report.earlier.structural_level),
                level_text(report.later.structural_level),
                signed(report.structural_change),
            ),
            (
                "Level sustained",
                level_text(report.earlier.achieved_level),
                level_text(report.later.achieved_level),
                signed(report.achieved_change),
            ),
        ],
        up: moved(Movement::Improved),
        down: moved(Movement::Worsened),
        new,
        chart: report.svg_with(rubric).to_string(),
        facilitators: report
            .facilitators
            .iter()
            .map(|f| {
                change_row(
                    f.facilitator.name(),
                    (f.earlier_mean, f.later_mean, f.change),
                    (
                        facilitator_word(f.earlier_band).0,
                        facilitator_word(f.later_band).0,
                    ),
                    f.movement,
                )
            })
            .collect(),
        obstacles: report
            .obstacles
            .iter()
            .map(|o| {
                change_row(
                    o.obstacle.name(),
                    (o.earlier_mean, o.later_mean, o.change),
                    (
                        obstacle_word(o.earlier_band).0,
                        obstacle_word(o.later_band).0,
                    ),
                    o.movement,
                )
            })
            .collect(),
        target: format!(
            "What to work on next: towards {} (level {} of 4)",
            later.target.name().to_lowercase(),
            later.target.number()
        ),
        reached: later.reached,
        recommendations: recommendations(later),
        benefits: later
            .benefits_in_reach
            .iter()
            .map(Concept::description)
            .collect(),
        footer: footer_sentence(&report.rubric, str::to_owned, "interagency"),
    }
}
