//! The view of a report: its sections, rows, words and sentences, built
//! once from the report alone. Markdown, HTML and SVG only write it; no
//! writer reads another's output, and every word ("borderline",
//! "improved") and sentence is made here.
//!
//! Text from the input (the partnership's and agencies' names, the
//! rubric's name) stays marked as such ([`Span::Input`]) so that each
//! writer escapes it as its format needs.

// Without the `html` feature only Markdown writes the view; the parts it
// leaves out (the chart, the breakdown tables, anchors) are the HTML and SVG
// writers'.
#![cfg_attr(
    not(feature = "html"),
    allow(dead_code, reason = "the HTML and SVG writers read the rest")
)]

use core::fmt::Write as _;
use std::borrow::Cow;

use crate::analysis::progress::ItemChange;
use crate::concepts::source::Source;
use crate::report::Perceived;
use crate::rubric::RubricSummary;
use crate::{
    Band, Classification, Concept, Date, Facilitator, GapItem, GapReport, Level, Movement,
    Obstacle, PartnerLevel, ProgressReport, Rated, Role, Rubric, Voices,
};

/// How much a word stands out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Emphasis {
    /// As the text around it.
    Plain,
    /// Calls for attention: a concern, an active obstacle, a movement.
    Strong,
    /// Set apart without alarm: an unknown band, an evidence marker.
    Quiet,
}

/// A word the view chose, with its emphasis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub(crate) text: &'static str,
    pub(crate) emphasis: Emphasis,
}

impl Word {
    const fn new(text: &'static str, emphasis: Emphasis) -> Word {
        Word { text, emphasis }
    }
}

/// A piece of a line of text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Span {
    /// The crate's own text.
    Text(Cow<'static, str>),
    /// Text from the input, to be escaped.
    Input(String),
    /// A chosen word.
    Word(Word),
    /// A concept's name, named as a term (italic or quoted).
    Term(&'static str),
    /// A name shown as code: the crate's.
    Code(&'static str),
}

/// A line of text, in pieces.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Line(pub(crate) Vec<Span>);

impl Line {
    fn text(text: impl Into<Cow<'static, str>>) -> Line {
        Line(vec![Span::Text(text.into())])
    }

    fn push(&mut self, span: Span) -> &mut Line {
        self.0.push(span);
        self
    }

    fn then(mut self, text: impl Into<Cow<'static, str>>) -> Line {
        self.0.push(Span::Text(text.into()));
        self
    }

    /// The lines joined by `separator`.
    fn join(lines: impl IntoIterator<Item = Line>, separator: &'static str) -> Line {
        let mut joined = Line::default();
        for (i, line) in lines.into_iter().enumerate() {
            if i > 0 {
                joined.push(Span::Text(separator.into()));
            }
            joined.0.extend(line.0);
        }
        joined
    }
}

// Words.

/// The word for a band: the band's own name; a band that calls for
/// attention stands out, an unknown one is set apart.
pub(crate) fn band_word<B: Band>(band: B) -> Word {
    let emphasis = if band.needs_attention() {
        Emphasis::Strong
    } else if band.rank().is_none() {
        Emphasis::Quiet
    } else {
        Emphasis::Plain
    };
    Word::new(band.id(), emphasis)
}

/// The word for how a band moved.
pub(crate) fn movement_word(movement: Movement) -> Word {
    match movement {
        Movement::Improved => Word::new("improved", Emphasis::Strong),
        Movement::Worsened => Word::new("worsened", Emphasis::Strong),
        Movement::Unchanged => Word::new("unchanged", Emphasis::Plain),
        Movement::NotComparable => Word::new("not comparable", Emphasis::Quiet),
    }
}

/// A level with its number, or "none".
pub(crate) fn level_text(level: Option<Level>) -> String {
    level.map_or_else(
        || "none".to_owned(),
        |l| format!("{} (level {} of 4)", l.name(), l.number()),
    )
}

/// A level in running text: "coordination", or "no level".
fn level_words(level: Option<Level>) -> String {
    level.map_or_else(|| "no level".to_owned(), |l| l.name().to_lowercase())
}

/// A mean to two places, or a dash.
pub(crate) fn mean_text(mean: Option<f64>) -> String {
    mean.map_or_else(|| "–".to_owned(), |m| format!("{m:.2}"))
}

/// A change of a mean, signed, to two places.
fn change_text(change: Option<f64>) -> String {
    match change {
        None => "–".to_owned(),
        Some(c) if c > 0.0 => format!("+{c:.2}"),
        Some(c) if c < 0.0 => format!("\u{2212}{:.2}", -c),
        Some(_) => "0.00".to_owned(),
    }
}

/// A change of level, signed.
fn signed(x: i8) -> String {
    match x.cmp(&0) {
        core::cmp::Ordering::Greater => format!("+{x}"),
        core::cmp::Ordering::Less => format!("\u{2212}{}", x.unsigned_abs()),
        core::cmp::Ordering::Equal => "no change".to_owned(),
    }
}

/// A rubric number as written, with at least one decimal: `1.0`, `1.25`.
fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.1}")
    } else {
        x.to_string()
    }
}

/// A date, or "undated".
fn date_text(date: Option<Date>) -> String {
    date.map_or_else(|| "undated".to_owned(), |d| d.to_string())
}

/// The first letter in upper case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The source a kind of item comes from, as cited.
fn source_of<T: Rated>() -> &'static str {
    T::iter().next().map_or("", |item| item.source().short())
}

/// The names of a set of concepts, lower case, comma-separated.
fn lower_names<T: Concept>(items: impl Iterator<Item = T>) -> String {
    items
        .map(|v| v.name().to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The names of concepts, comma-separated.
fn names<T: Concept>(items: impl Iterator<Item = T>) -> String {
    items.map(Concept::name).collect::<Vec<_>>().join(", ")
}

/// Gap items as terms, comma-separated: "facilitator *Leadership*, …".
fn items_line(items: &[GapItem]) -> Line {
    let mut spans = Vec::with_capacity(items.len() * 3);
    for (i, &item) in items.iter().enumerate() {
        let (kind, name) = match item {
            GapItem::Characteristic(c) => ("arrangement ", c.name()),
            GapItem::Facilitator(f) => ("facilitator ", f.name()),
            GapItem::Obstacle(o) => ("obstacle ", o.name()),
        };
        if i > 0 {
            spans.push(Span::Text(Cow::Borrowed(", ")));
        }
        spans.push(Span::Text(Cow::Borrowed(kind)));
        spans.push(Span::Term(name));
    }
    Line(spans)
}

impl Line {
    fn then_input(mut self, text: &str) -> Line {
        self.0.push(Span::Input(text.to_owned()));
        self
    }

    fn then_word(mut self, word: Word) -> Line {
        self.0.push(Span::Word(word));
        self
    }
}

// Views shared by both reports.

/// A row of a two-column table: a label and a value, maybe strong.
pub(crate) struct Fact {
    pub(crate) label: &'static str,
    pub(crate) value: String,
    pub(crate) strong: bool,
}

/// A practice tip to act on.
pub(crate) struct Recommendation {
    pub(crate) name: &'static str,
    pub(crate) priority: String,
    pub(crate) quote: &'static str,
    pub(crate) source: &'static str,
    pub(crate) works_on: Line,
}

/// What to do: the recommendations, the gap items no tip works on, the
/// benefits in reach.
pub(crate) struct Plan {
    pub(crate) recommendations: Vec<Recommendation>,
    pub(crate) none: &'static str,
    pub(crate) unaddressed: Option<Line>,
    pub(crate) benefits_heading: String,
    pub(crate) benefits: Vec<&'static str>,
}

fn plan(report: &GapReport) -> Plan {
    Plan {
        recommendations: report
            .recommendations
            .iter()
            .map(|r| Recommendation {
                name: r.tip.name(),
                priority: format!("{:.2}", r.priority),
                quote: r.tip.description(),
                source: r.tip.source().short(),
                works_on: items_line(&r.addresses),
            })
            .collect(),
        none: "No practice tip is needed for this target.",
        unaddressed: (!report.unaddressed.is_empty()).then(|| {
            Line::text("No practice tip of the rubric works on: ")
                .then_line(items_line(&report.unaddressed))
                .then(
                    ". The rubric offers no remedy for these; they need a plan of the \
                     partnership's own.",
                )
        }),
        benefits_heading: format!("Benefits in reach ({})", Source::Caab2009.short()),
        benefits: report
            .benefits_in_reach
            .iter()
            .map(Concept::description)
            .collect(),
    }
}

impl Line {
    fn then_line(mut self, other: Line) -> Line {
        self.0.extend(other.0);
        self
    }
}

/// The closing note on the sources and the rubric.
fn footer(rubric: &RubricSummary) -> Line {
    let default = (rubric.name.as_str(), rubric.version.as_str())
        == (Rubric::DEFAULT.name(), Rubric::DEFAULT.version());
    let line = Line::text(
        "Levels after Frost (2005, p13); facilitators after Statham (2011); obstacles after \
         Atkinson et al. (2002); benefits after CAAB (2009). Which arrangements mark each \
         level, which facilitators each level needs, the band thresholds and the priorities \
         follow ",
    );
    let line = if default {
        line.then("the default rubric of the ")
            .then_code("interagency")
            .then(" crate (")
            .then_input(&rubric.name)
            .then(", version ")
            .then_input(&rubric.version)
            .then(")")
    } else {
        line.then("the rubric \u{201c}")
            .then_input(&rubric.name)
            .then("\u{201d}, version ")
            .then_input(&rubric.version)
    };
    line.then(", an interpretation of these sources rather than a claim they make.")
}

impl Line {
    fn then_code(mut self, code: &'static str) -> Line {
        self.0.push(Span::Code(code));
        self
    }
}

// The gap report.

/// One rated item's row.
pub(crate) struct ItemRow {
    pub(crate) name: &'static str,
    pub(crate) needed_from: Option<&'static str>,
    pub(crate) mean: Option<f64>,
    pub(crate) band: Word,
    pub(crate) ratings: u64,
    pub(crate) evidence: Vec<Word>,
}

/// The table of one kind of rated item.
pub(crate) struct ItemTable {
    /// `facilitators`, `obstacles`: an anchor for the section.
    pub(crate) id: &'static str,
    pub(crate) heading: String,
    /// The first column's heading: `Facilitator`.
    pub(crate) kind: String,
    /// Whether the table has the "Needed from" column.
    pub(crate) needed: bool,
    pub(crate) rows: Vec<ItemRow>,
    /// What the scale means.
    pub(crate) scale: String,
    /// What the evidence markers in the table mean, one sentence each.
    pub(crate) legend: Vec<Line>,
}

fn item_table<T: Rated>(c: &Classification, voices: &Voices) -> ItemTable {
    let rows: Vec<ItemRow> = c
        .results::<T>()
        .iter()
        .zip(T::of(voices))
        .map(|(r, v)| {
            let evidence = [
                (v.thin, Word::new("thin", Emphasis::Quiet)),
                (v.one_sided, Word::new("one agency", Emphasis::Quiet)),
            ];
            ItemRow {
                name: r.item.name(),
                needed_from: r.needed_from.map(Level::name),
                mean: r.mean,
                band: band_word(r.band),
                ratings: r.responses,
                evidence: evidence
                    .into_iter()
                    .filter_map(|(on, w)| on.then_some(w))
                    .collect(),
            }
        })
        .collect();
    let marked = |text: &str| {
        rows.iter()
            .any(|r| r.evidence.iter().any(|w| w.text == text))
    };
    let mut legend = Vec::new();
    if marked("thin") {
        legend.push(
            Line(vec![Span::Word(Word::new("Thin", Emphasis::Quiet))]).then(format!(
                ": fewer than {} ratings, too few to lean on.",
                voices.min_group_size
            )),
        );
    }
    if marked("one agency") {
        legend.push(
            Line(vec![Span::Word(Word::new("One agency", Emphasis::Quiet))])
                .then(": every rating comes from a single agency."),
        );
    }
    ItemTable {
        id: T::PLURAL,
        heading: format!("{} ({})", capitalized(T::PLURAL), source_of::<T>()),
        kind: capitalized(T::KIND),
        needed: T::TIED_TO_LEVEL,
        rows,
        scale: format!("Means run from 1 ({}) to 5 ({}).", T::LOWEST, T::HIGHEST),
        legend,
    }
}

/// An item on which agencies or roles diverge, and how.
pub(crate) struct Divergence {
    pub(crate) item: &'static str,
    pub(crate) text: Line,
}

/// One breakdown table: items down, groups across.
pub(crate) struct Breakdown {
    pub(crate) caption: String,
    pub(crate) columns: Vec<String>,
    pub(crate) rows: Vec<(&'static str, Vec<String>)>,
}

/// Who sees the partnership how.
pub(crate) struct Views {
    pub(crate) intro: String,
    pub(crate) divergences: Vec<Divergence>,
    pub(crate) hidden: String,
}

/// An agency's name from its id; the id itself if it is not listed.
fn agency_name<'a>(agencies: &'a [crate::Agency], id: &'a str) -> &'a str {
    agencies
        .iter()
        .find(|a| a.id == id)
        .map_or(id, |a| a.name.as_str())
}

fn divergences<T: Rated>(report: &GapReport, out: &mut Vec<Divergence>) {
    for v in T::of(&report.voices) {
        let mut parts = Vec::new();
        if let Some(spread) = v.agencies_diverge.then_some(v.agency_spread).flatten() {
            let shown = v
                .by_agency
                .iter()
                .filter_map(|g| g.mean().map(|m| (g.key().as_str(), m)));
            let high = shown.clone().reduce(|a, b| if b.1 > a.1 { b } else { a });
            let low = shown.reduce(|a, b| if b.1 < a.1 { b } else { a });
            if let (Some(high), Some(low)) = (high, low) {
                parts.push(
                    Line::text(format!("agencies differ by {spread:.2}, from "))
                        .then_input(agency_name(&report.agencies, high.0))
                        .then(format!(" ({:.2}) to ", high.1))
                        .then_input(agency_name(&report.agencies, low.0))
                        .then(format!(" ({:.2})", low.1)),
                );
            }
        }
        if let Some(gap) = v.roles_diverge.then_some(v.role_gap).flatten() {
            let mean = |role: Role| {
                v.by_role
                    .iter()
                    .find(|g| *g.key() == role)
                    .and_then(crate::analysis::voices::RoleGroup::mean)
            };
            if let (Some(senior), Some(frontline)) =
                (mean(Role::SeniorManager), mean(Role::Frontline))
            {
                parts.push(Line::text(format!(
                    "senior managers rate it {senior:.2} and frontline staff {frontline:.2}, \
                     {:.2} apart",
                    gap.abs()
                )));
            }
        }
        if !parts.is_empty() {
            out.push(Divergence {
                item: v.item.name(),
                text: Line::join(parts, "; "),
            });
        }
    }
}

/// A breakdown cell: the mean and count, "hidden", or a dash.
fn cell(mean: Option<f64>, responses: Option<u64>) -> String {
    match (mean, responses) {
        (Some(m), Some(n)) => format!("{m:.2} ({n})"),
        (None, Some(_)) => "\u{2013}".to_owned(),
        _ => "hidden".to_owned(),
    }
}

fn breakdowns<T: Rated>(report: &GapReport, out: &mut Vec<Breakdown>) {
    let voices = T::of(&report.voices);
    let kind = capitalized(T::PLURAL);
    out.push(Breakdown {
        caption: format!("{kind} by agency: mean (ratings)"),
        columns: report.agencies.iter().map(|a| a.name.clone()).collect(),
        rows: voices
            .iter()
            .map(|v| {
                let cells = v
                    .by_agency
                    .iter()
                    .map(|g| cell(g.mean(), g.responses()))
                    .collect();
                (v.item.name(), cells)
            })
            .collect(),
    });
    out.push(Breakdown {
        caption: format!("{kind} by role, all agencies together: mean (ratings)"),
        columns: ["Frontline", "Managers", "Senior managers"]
            .into_iter()
            .map(str::to_owned)
            .collect(),
        rows: voices
            .iter()
            .map(|v| {
                let cells = v
                    .by_role
                    .iter()
                    .map(|g| cell(g.mean(), g.responses()))
                    .collect();
                (v.item.name(), cells)
            })
            .collect(),
    });
}

/// The breakdown tables of the voices: each kind by agency and by role.
/// Only the HTML page shows them, so they are built when it asks.
pub(crate) fn breakdown_tables(report: &GapReport) -> Vec<Breakdown> {
    let mut tables = Vec::new();
    breakdowns::<Facilitator>(report, &mut tables);
    breakdowns::<Obstacle>(report, &mut tables);
    tables
}

fn views(report: &GapReport) -> Views {
    let mut divergent = Vec::new();
    divergences::<Facilitator>(report, &mut divergent);
    divergences::<Obstacle>(report, &mut divergent);
    let d = report.rubric.divergence;
    let intro = if divergent.is_empty() {
        format!(
            "No agency or role sees a facilitator or obstacle differently by as much as the \
             rubric counts as divergent ({} between agencies, {} between senior managers and \
             frontline staff).",
            number(d.agency_spread),
            number(d.role_gap)
        )
    } else {
        format!(
            "Where agencies differ by {} or more, or senior managers and frontline staff by {} \
             or more:",
            number(d.agency_spread),
            number(d.role_gap)
        )
    };
    let count = report.voices.hidden_groups();
    let k = report.voices.min_group_size;
    let hidden = if count == 0 {
        format!("Every group with ratings holds at least {k}, so no group is hidden.")
    } else {
        format!(
            "{count} {} in these breakdowns {} hidden to protect respondents: each holds fewer \
             than {k} ratings, or is hidden alongside such a group so that neither can be worked \
             out from the other figures. Hidden groups are left out of every comparison above.",
            if count == 1 { "group" } else { "groups" },
            if count == 1 { "is" } else { "are" },
        )
    };
    Views {
        intro,
        divergences: divergent,
        hidden,
    }
}

/// What stands between the partnership and its target.
pub(crate) struct Gap {
    pub(crate) heading: String,
    pub(crate) reached: &'static str,
    /// Missing arrangements: name, level, description.
    pub(crate) missing: Vec<(&'static str, String, &'static str)>,
    /// Facilitators to strengthen: name, state.
    pub(crate) facilitators: Vec<(&'static str, String)>,
    /// Active obstacles: name, mean, band.
    pub(crate) obstacles: Vec<(&'static str, String, Word)>,
}

fn gap(report: &GapReport) -> Gap {
    Gap {
        heading: format!(
            "Towards {} (level {} of 4)",
            report.target.name().to_lowercase(),
            report.target.number()
        ),
        reached: if report.reached {
            "The target is reached: its arrangements are in place and every facilitator it \
             needs is sustained."
        } else {
            "The target is not yet reached."
        },
        missing: report
            .missing_characteristics
            .iter()
            .map(|m| {
                (
                    m.characteristic.name(),
                    m.level.name().to_lowercase(),
                    m.characteristic.description(),
                )
            })
            .collect(),
        facilitators: report
            .facilitator_gaps
            .iter()
            .map(|g| {
                let state = g.mean.map_or_else(
                    || "not rated by anyone".to_owned(),
                    |m| format!("mean {m:.2}"),
                );
                (g.facilitator.name(), state)
            })
            .collect(),
        obstacles: report
            .active_obstacles
            .iter()
            .map(|o| {
                (
                    o.obstacle.name(),
                    format!("{:.2}", o.mean),
                    band_word(o.band),
                )
            })
            .collect(),
    }
}

/// Why the partnership sits where it does, in sentences.
fn reasons(report: &GapReport) -> Vec<String> {
    let c = &report.classification;
    let levels = report.rubric.characteristic_levels;
    let present = report.characteristics;
    let mut reasons = Vec::new();
    match c.structural_level {
        None => reasons.push(format!(
            "Not yet in place for cooperation: {}.",
            lower_names(
                levels
                    .characteristics_of(Level::LOWEST)
                    .difference(present)
                    .iter()
            )
        )),
        Some(level) => {
            let below = if level == Level::LOWEST {
                ""
            } else {
                " and of every level below it"
            };
            reasons.push(format!(
                "Every arrangement of {}{below} is in place.",
                level.name().to_lowercase()
            ));
            if let Some(next) = level.next() {
                reasons.push(format!(
                    "Not yet in place for {}: {}.",
                    next.name().to_lowercase(),
                    lower_names(levels.characteristics_of(next).difference(present).iter())
                ));
            }
        }
    }
    let above = c.achieved_level.map_or(Some(Level::LOWEST), Level::next);
    if let Some(level) = above.filter(|&l| Some(l) <= c.structural_level) {
        let failing: Vec<String> = c
            .facilitators
            .iter()
            .filter(|r| r.needed_from.is_some_and(|n| n <= level) && !r.band.sustains())
            .map(|r| match r.mean {
                Some(m) => format!("{} (mean {m:.2})", r.item.name().to_lowercase()),
                None => format!("{} (not rated)", r.item.name().to_lowercase()),
            })
            .collect();
        reasons.push(format!(
            "{} is not sustained: it needs every facilitator it requires to be at least \
             borderline (mean {} or more), and {} {} not.",
            level.name(),
            number(report.rubric.facilitator_thresholds.lower),
            failing.join(", "),
            if failing.len() == 1 { "is" } else { "are" }
        ));
    } else if let Some(level) = c.achieved_level {
        reasons.push(format!(
            "Every facilitator {} requires is at least borderline.",
            level.name().to_lowercase()
        ));
    }
    let major: Vec<_> = c
        .obstacles
        .iter()
        .filter(|o| o.band == crate::ObstacleBand::Major)
        .map(|o| o.item.name().to_lowercase())
        .collect();
    if !major.is_empty() {
        reasons.push(format!("Major obstacles: {}.", major.join(", ")));
    }
    reasons
}

/// The view of a gap report.
pub(crate) struct GapView {
    pub(crate) title: Line,
    pub(crate) date: Option<String>,
    pub(crate) standing: Vec<Fact>,
    pub(crate) reasons: Vec<String>,
    pub(crate) tables: [ItemTable; 2],
    pub(crate) views: Views,
    pub(crate) gap: Gap,
    pub(crate) plan: Plan,
    pub(crate) footer: Line,
    pub(crate) network: Option<NetworkView>,
}

impl GapView {
    pub(crate) fn of(report: &GapReport) -> GapView {
        let c = &report.classification;
        let yes_no = |b: bool| (if b { "yes" } else { "no" }).to_owned();
        GapView {
            title: Line::text("Interagency working: ").then_input(&report.partnership),
            date: report.assessed_on.map(|d| d.to_string()),
            standing: vec![
                Fact {
                    label: "Arrangements in place for",
                    value: level_text(c.structural_level),
                    strong: false,
                },
                Fact {
                    label: "Level sustained",
                    value: level_text(c.achieved_level),
                    strong: true,
                },
                Fact {
                    label: "Meets the definition of interagency working",
                    value: yes_no(c.meets_definition),
                    strong: false,
                },
                Fact {
                    label: "At risk",
                    value: yes_no(c.at_risk),
                    strong: c.at_risk,
                },
            ],
            reasons: reasons(report),
            tables: [
                item_table::<Facilitator>(c, &report.voices),
                item_table::<Obstacle>(c, &report.voices),
            ],
            views: views(report),
            gap: gap(report),
            plan: plan(report),
            footer: footer(&report.rubric),
            network: NetworkView::of(report),
        }
    }
}

// The progress report.

/// An item that moved between rounds, and how.
pub(crate) struct Moved {
    pub(crate) name: String,
    pub(crate) text: Line,
}

/// A list of what moved one way, or a sentence saying nothing did.
pub(crate) struct MovedList {
    pub(crate) id: &'static str,
    pub(crate) heading: &'static str,
    pub(crate) none: &'static str,
    pub(crate) items: Vec<Moved>,
}

/// A value in each round, and its change.
pub(crate) struct Rounds {
    pub(crate) earlier: String,
    pub(crate) later: String,
    pub(crate) change: String,
}

/// One item's row in a progress table.
pub(crate) struct ChangeRow {
    pub(crate) name: &'static str,
    pub(crate) means: Rounds,
    pub(crate) earlier_band: Word,
    pub(crate) later_band: Word,
    pub(crate) movement: Word,
}

/// The progress table of one kind of item.
pub(crate) struct ChangeTable {
    pub(crate) heading: String,
    pub(crate) caption: String,
    pub(crate) kind: String,
    pub(crate) rows: Vec<ChangeRow>,
}

/// A row of the levels table; `strong` when the later level is the one to
/// read.
pub(crate) struct LevelRow {
    pub(crate) label: &'static str,
    pub(crate) levels: Rounds,
    pub(crate) strong: bool,
}

/// The view of a progress report.
pub(crate) struct ProgressView {
    pub(crate) title: Line,
    pub(crate) period: String,
    pub(crate) earlier_name: Option<Line>,
    pub(crate) levels: Vec<LevelRow>,
    pub(crate) moved: [MovedList; 2],
    pub(crate) new: Vec<Line>,
    pub(crate) nothing_new: &'static str,
    pub(crate) tables: [ChangeTable; 2],
    pub(crate) note: String,
    pub(crate) next: String,
    pub(crate) reached: Option<&'static str>,
    pub(crate) plan: Plan,
    pub(crate) footer: Line,
    pub(crate) network_change: Option<NetworkChangeView>,
}

fn moved<T: Rated>(
    report: &ProgressReport,
    movement: Movement,
    note: impl Fn(T) -> &'static str,
    out: &mut Vec<Moved>,
) {
    let changes: &[ItemChange<T>] = T::of(report);
    for c in changes.iter().filter(|c| c.movement == movement) {
        let name = if T::TIED_TO_LEVEL {
            c.item.name().to_owned()
        } else {
            format!("{} ({})", c.item.name(), T::KIND)
        };
        let text = Line::text(format!(
            "{} \u{2192} {} ({}), from ",
            mean_text(c.earlier_mean),
            mean_text(c.later_mean),
            change_text(c.change)
        ))
        .then_word(band_word(c.earlier_band))
        .then(" to ")
        .then_word(band_word(c.later_band))
        .then(note(c.item));
        out.push(Moved { name, text });
    }
}

fn moved_list(report: &ProgressReport, movement: Movement) -> Vec<Moved> {
    let mut items = Vec::new();
    moved::<Facilitator>(report, movement, |_| "", &mut items);
    moved::<Obstacle>(
        report,
        movement,
        |o| {
            if report.obstacles_resolved.contains(o) {
                "; no longer an active obstacle"
            } else if report.obstacles_new.contains(o) {
                "; a new active obstacle"
            } else {
                ""
            }
        },
        &mut items,
    );
    items
}

fn change_table<T: Rated>(report: &ProgressReport) -> ChangeTable {
    ChangeTable {
        heading: format!("Every {} ({})", T::KIND, source_of::<T>()),
        caption: format!("{} ({})", capitalized(T::PLURAL), source_of::<T>()),
        kind: capitalized(T::KIND),
        rows: T::of(report)
            .iter()
            .map(|c| ChangeRow {
                name: c.item.name(),
                means: Rounds {
                    earlier: mean_text(c.earlier_mean),
                    later: mean_text(c.later_mean),
                    change: change_text(c.change),
                },
                earlier_band: band_word(c.earlier_band),
                later_band: band_word(c.later_band),
                movement: movement_word(c.movement),
            })
            .collect(),
    }
}

/// Two rounds' levels and the change.
fn levels(earlier: Option<Level>, later: Option<Level>, change: i8) -> Rounds {
    Rounds {
        earlier: level_text(earlier),
        later: level_text(later),
        change: signed(change),
    }
}

/// What came and went, as sentences.
fn new_lines(report: &ProgressReport) -> Vec<Line> {
    let agencies: Vec<crate::Agency> = report
        .later
        .agencies
        .iter()
        .chain(&report.earlier.agencies)
        .cloned()
        .collect();
    let agency_list = |label: &'static str, ids: &[String]| {
        let named = ids
            .iter()
            .map(|id| Line(vec![Span::Input(agency_name(&agencies, id).to_owned())]));
        Line::text(label)
            .then_line(Line::join(named, ", "))
            .then(".")
    };
    let mut new = Vec::new();
    if !report.characteristics_added.is_empty() {
        new.push(Line::text(format!(
            "Arrangements now in place: {}.",
            names(report.characteristics_added.iter())
        )));
    }
    if !report.characteristics_removed.is_empty() {
        new.push(Line::text(format!(
            "Arrangements no longer in place: {}.",
            names(report.characteristics_removed.iter())
        )));
    }
    if !report.agencies_joined.is_empty() {
        new.push(agency_list(
            "Agencies that joined: ",
            &report.agencies_joined,
        ));
    }
    if !report.agencies_left.is_empty() {
        new.push(agency_list("Agencies that left: ", &report.agencies_left));
    }
    if !report.obstacles_new.is_empty() {
        new.push(Line::text(format!(
            "New active obstacles: {}.",
            names(report.obstacles_new.iter())
        )));
    }
    if !report.obstacles_resolved.is_empty() {
        new.push(Line::text(format!(
            "Obstacles resolved: {}.",
            names(report.obstacles_resolved.iter())
        )));
    }
    new
}

impl ProgressView {
    pub(crate) fn of(report: &ProgressReport) -> ProgressView {
        let later = &report.later_report;
        ProgressView {
            title: Line::text("Progress: ").then_input(&report.later.partnership),
            period: format!(
                "From the round of {} to the round of {}.",
                date_text(report.earlier.assessed_on),
                date_text(report.later.assessed_on)
            ),
            earlier_name: (report.earlier.partnership != report.later.partnership).then(|| {
                Line::text("The partnership was called ")
                    .then_input(&report.earlier.partnership)
                    .then(" in the earlier round.")
            }),
            levels: vec![
                LevelRow {
                    label: "Arrangements in place for",
                    levels: levels(
                        report.earlier.structural_level,
                        report.later.structural_level,
                        report.structural_change,
                    ),
                    strong: false,
                },
                LevelRow {
                    label: "Level sustained",
                    levels: levels(
                        report.earlier.achieved_level,
                        report.later.achieved_level,
                        report.achieved_change,
                    ),
                    strong: true,
                },
            ],
            moved: [
                MovedList {
                    id: "up",
                    heading: "What went up",
                    none: "No facilitator or obstacle moved to a better band.",
                    items: moved_list(report, Movement::Improved),
                },
                MovedList {
                    id: "down",
                    heading: "What went down",
                    none: "No facilitator or obstacle moved to a worse band.",
                    items: moved_list(report, Movement::Worsened),
                },
            ],
            new: new_lines(report),
            nothing_new: "No arrangement, agency or obstacle came or went.",
            tables: [
                change_table::<Facilitator>(report),
                change_table::<Obstacle>(report),
            ],
            note: format!(
                "Facilitator means run from 1 ({}) to 5 ({}); obstacle means from 1 ({}) to 5 \
                 ({}). An item is not comparable when a round has no ratings of it.",
                Facilitator::LOWEST,
                Facilitator::HIGHEST,
                Obstacle::LOWEST,
                Obstacle::HIGHEST
            ),
            next: format!(
                "What to work on next: towards {} (level {} of 4)",
                later.target.name().to_lowercase(),
                later.target.number()
            ),
            reached: later
                .reached
                .then_some("The later round has reached this level."),
            plan: plan(later),
            footer: footer(&report.rubric),
            network_change: NetworkChangeView::of(report),
        }
    }
}

// The chart.

/// One item's bar.
pub(crate) struct Bar {
    pub(crate) name: &'static str,
    pub(crate) mean: Option<f64>,
    /// The earlier round's mean, on a progress chart.
    pub(crate) earlier: Option<f64>,
    /// The band's name, which also picks the bar's pattern.
    pub(crate) band: &'static str,
    /// What the row says beside the bar.
    pub(crate) word: String,
}

/// A group of bars under a heading, with the thresholds of its kind.
pub(crate) struct BarGroup {
    pub(crate) heading: String,
    /// Whether the group's items are facilitators (else obstacles), for
    /// the thresholds drawn across it.
    pub(crate) facilitators: bool,
    pub(crate) bars: Vec<Bar>,
}

/// One rung of the ladder.
pub(crate) struct Rung {
    pub(crate) level: Level,
    pub(crate) status: &'static str,
    pub(crate) class: &'static str,
}

/// A threshold line and its label.
pub(crate) struct Threshold {
    pub(crate) value: f64,
    pub(crate) label: String,
}

/// The view of a chart.
pub(crate) struct ChartView {
    pub(crate) title: String,
    pub(crate) desc: String,
    pub(crate) heading: String,
    pub(crate) subheading: String,
    pub(crate) rungs: Vec<Rung>,
    pub(crate) groups: Vec<BarGroup>,
    pub(crate) facilitator_thresholds: [Threshold; 2],
    pub(crate) obstacle_thresholds: [Threshold; 2],
    /// The legend: a band's name (or `earlier`) and what it says.
    pub(crate) legend: Vec<(&'static str, &'static str)>,
}

fn rungs(structural: Option<Level>, achieved: Option<Level>) -> Vec<Rung> {
    Level::iter()
        .rev()
        .map(|level| {
            let (status, class) = if Some(level) <= achieved {
                ("sustained", "sustained")
            } else if Some(level) <= structural {
                ("in place, not sustained", "in-place")
            } else {
                ("not in place", "absent")
            };
            Rung {
                level,
                status,
                class,
            }
        })
        .collect()
}

/// The bars of one kind, grouped: facilitators by the level they are
/// needed from, obstacles together.
fn bar_groups<T: Rated>(c: &Classification, bar: impl Fn(T) -> Bar, groups: &mut Vec<BarGroup>) {
    let results = c.results::<T>();
    if T::TIED_TO_LEVEL {
        for level in Level::iter() {
            let bars: Vec<Bar> = results
                .iter()
                .filter(|r| r.needed_from == Some(level))
                .map(|r| bar(r.item))
                .collect();
            if !bars.is_empty() {
                groups.push(BarGroup {
                    heading: format!(
                        "{} needed from {}",
                        capitalized(T::PLURAL),
                        level.name().to_lowercase()
                    ),
                    facilitators: true,
                    bars,
                });
            }
        }
    } else {
        groups.push(BarGroup {
            heading: format!("{} ({})", capitalized(T::PLURAL), source_of::<T>()),
            facilitators: false,
            bars: results.iter().map(|r| bar(r.item)).collect(),
        });
    }
}

fn thresholds(rubric: &RubricSummary) -> [[Threshold; 2]; 2] {
    let pair = |t: crate::rubric::Thresholds, lower: &str, upper: &str| {
        [
            Threshold {
                value: t.lower,
                label: format!("{} {lower}", t.lower),
            },
            Threshold {
                value: t.upper,
                label: format!("{} {upper}", t.upper),
            },
        ]
    };
    [
        pair(rubric.facilitator_thresholds, "borderline", "strength"),
        pair(rubric.obstacle_thresholds, "moderate", "major"),
    ]
}

/// A gap chart's bar: the item's mean and band.
fn result_bar<T: Rated>(c: &Classification, item: T) -> Bar {
    let r = c.result(item);
    let band = band_word(r.band).text;
    Bar {
        name: item.name(),
        mean: r.mean,
        earlier: None,
        band,
        word: r
            .mean
            .map_or_else(|| "not rated".to_owned(), |m| format!("{m:.2} {band}")),
    }
}

/// A progress chart's bar: the later mean, the earlier one marked, and the
/// movement.
fn change_bar<T: Rated>(report: &ProgressReport, item: T) -> Bar {
    let c = report.change(item);
    Bar {
        name: item.name(),
        mean: c.later_mean,
        earlier: c.earlier_mean,
        band: band_word(c.later_band).text,
        word: movement_word(c.movement).text.to_owned(),
    }
}

/// The lower-case names of the items of one kind that moved one way.
fn moved_names<T: Rated>(report: &ProgressReport, movement: Movement, out: &mut Vec<String>) {
    out.extend(
        T::of(report)
            .iter()
            .filter(|c| c.movement == movement)
            .map(|c| c.item.name().to_lowercase()),
    );
}

const LEGEND: [(&str, &str); 6] = [
    ("strength", "strength"),
    ("borderline", "borderline"),
    ("concern", "concern"),
    ("minor", "minor obstacle"),
    ("moderate", "moderate"),
    ("major", "major"),
];

impl ChartView {
    pub(crate) fn of_gap(report: &GapReport) -> ChartView {
        let c = &report.classification;
        let mut groups = Vec::new();
        bar_groups::<Facilitator>(c, |f| result_bar(c, f), &mut groups);
        bar_groups::<Obstacle>(c, |o| result_bar(c, o), &mut groups);

        let mut desc = format!(
            "{} has the arrangements of {} in place and sustains {}.",
            report.partnership,
            level_words(c.structural_level),
            level_words(c.achieved_level)
        );
        let concerns: Vec<String> = c
            .facilitators
            .iter()
            .filter(|r| r.band == crate::FacilitatorBand::Concern)
            .filter_map(|r| Some(format!("{} ({:.2})", r.item.name().to_lowercase(), r.mean?)))
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
                    o.band.id()
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
        let [facilitator_thresholds, obstacle_thresholds] = thresholds(&report.rubric);
        ChartView {
            title: format!("Interagency working: {}", report.partnership),
            desc,
            heading: report.partnership.clone(),
            subheading: format!("Where the partnership stands{date}"),
            rungs: rungs(c.structural_level, c.achieved_level),
            groups,
            facilitator_thresholds,
            obstacle_thresholds,
            legend: LEGEND.to_vec(),
        }
    }

    pub(crate) fn of_progress(report: &ProgressReport) -> ChartView {
        let c = &report.later_report.classification;
        let mut groups = Vec::new();
        bar_groups::<Facilitator>(c, |f| change_bar(report, f), &mut groups);
        bar_groups::<Obstacle>(c, |o| change_bar(report, o), &mut groups);

        let mut desc = format!(
            "{} sustained {} in the earlier round and sustains {} in the later one.",
            report.later.partnership,
            level_words(report.earlier.achieved_level),
            level_words(report.later.achieved_level)
        );
        for (movement, label) in [
            (Movement::Improved, "Improved"),
            (Movement::Worsened, "Worsened"),
        ] {
            let mut items = Vec::new();
            moved_names::<Facilitator>(report, movement, &mut items);
            moved_names::<Obstacle>(report, movement, &mut items);
            if !items.is_empty() {
                let _ = write!(desc, " {label}: {}.", items.join(", "));
            }
        }
        let dates = match (report.earlier.assessed_on, report.later.assessed_on) {
            (Some(e), Some(l)) => format!(", {e} to {l}"),
            _ => String::new(),
        };
        let [facilitator_thresholds, obstacle_thresholds] = thresholds(&report.rubric);
        let mut legend = LEGEND.to_vec();
        legend.push(("earlier", "earlier round"));
        ChartView {
            title: format!("Interagency working progress: {}", report.later.partnership),
            desc,
            heading: report.later.partnership.clone(),
            subheading: format!("Progress between two rounds{dates}; dots mark the earlier round"),
            rungs: rungs(report.later.structural_level, report.later.achieved_level),
            groups,
            facilitator_thresholds,
            obstacle_thresholds,
            legend,
        }
    }
}

// Who works with whom.

/// One cell of the agency × agency matrix: the level the row's agency
/// gives for the column's, as a number (0 for no joint work, Frost's
/// number for a level) with its name; `None` when the row's agency did
/// not answer for the column's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MatrixCell {
    pub(crate) level: Option<PartnerLevel>,
    /// Whether the pair's two answers are two levels or more apart.
    pub(crate) disputed: bool,
}

impl MatrixCell {
    /// The cell's abbreviation: the level's number, or a dot.
    pub(crate) fn abbreviation(self) -> &'static str {
        match self.level.map(PartnerLevel::number) {
            None => "\u{b7}",
            Some(0) => "0",
            Some(1) => "1",
            Some(2) => "2",
            Some(3) => "3",
            Some(_) => "4",
        }
    }

    /// The cell in words: "coordination", "no joint work", "not answered".
    pub(crate) fn words(self) -> &'static str {
        match self.level.and_then(PartnerLevel::level) {
            None if self.level.is_none() => "not answered",
            None => "no joint work",
            Some(level) => LEVEL_WORDS
                .get(usize::from(level.number()))
                .copied()
                .unwrap_or_default(),
        }
    }

    /// The class of its pattern: `none`, `l1` … `l4`, or `unanswered`.
    pub(crate) fn class(self) -> &'static str {
        match self.level.map(PartnerLevel::number) {
            None => "unanswered",
            Some(0) => "none",
            Some(1) => "l1",
            Some(2) => "l2",
            Some(3) => "l3",
            Some(_) => "l4",
        }
    }
}

/// The levels in running text, by number.
const LEVEL_WORDS: [&str; 5] = [
    "no joint work",
    "cooperation",
    "collaboration",
    "coordination",
    "integration",
];

/// One row of the matrix: the answering agency and its answers, `None`
/// for itself.
pub(crate) struct MatrixRow {
    pub(crate) number: usize,
    pub(crate) name: String,
    pub(crate) cells: Vec<Option<MatrixCell>>,
}

/// The network of a gap report, and the perceived level.
pub(crate) struct NetworkView {
    pub(crate) heading: &'static str,
    pub(crate) intro: &'static str,
    /// The key to the cells: abbreviation, class and words.
    pub(crate) key: Vec<(&'static str, &'static str, &'static str)>,
    pub(crate) rows: Vec<MatrixRow>,
    /// Density, answered pairs, centralization, reciprocity.
    pub(crate) facts: Vec<Fact>,
    pub(crate) disputed_heading: &'static str,
    pub(crate) disputed: Vec<Line>,
    pub(crate) no_disputes: &'static str,
    /// Isolates, silent and missing-central agencies, each a sentence.
    pub(crate) lists: Vec<Line>,
    pub(crate) trust_heading: &'static str,
    pub(crate) trust_note: &'static str,
    /// Each agency, the mean trust in it and how many agencies rated it.
    pub(crate) trust: Vec<(String, String, u32)>,
    pub(crate) perceived_heading: &'static str,
    /// The perceived level against the achieved one.
    pub(crate) perceived: Option<String>,
    /// Whether the report has the network (else only the perceived level).
    pub(crate) has_network: bool,
}

/// A share as a percentage, or a dash.
fn share(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |x| format!("{:.0}%", x * 100.0))
}

/// A list of agencies by name, as a line with the names from the input.
fn agency_list(agencies: &[crate::Agency], ids: &[String]) -> Line {
    Line::join(
        ids.iter()
            .map(|id| Line::default().then_input(agency_name(agencies, id))),
        ", ",
    )
}

/// "12 of 23 respondents see the partnership at coordination; the ratings
/// sustain collaboration."
pub(crate) fn perceived_sentence(p: &Perceived) -> String {
    let median = p.median.unwrap_or_default();
    let at = match median.level() {
        None => "with no joint work".to_owned(),
        Some(level) => format!("at {}", level.name().to_lowercase()),
    };
    let count = p.counts.get(median);
    let total = p.counts.total();
    let noun = if total == 1 {
        "respondent"
    } else {
        "respondents"
    };
    let verb = if count == 1 { "sees" } else { "see" };
    let sustained = match p.achieved {
        None => "the ratings sustain no level yet".to_owned(),
        Some(level) => format!("the ratings sustain {}", level.name().to_lowercase()),
    };
    let judgement = match p.difference.cmp(&0) {
        core::cmp::Ordering::Greater => {
            " Respondents see the partnership further up the ladder than its ratings show."
        }
        core::cmp::Ordering::Less => {
            " Respondents see the partnership lower on the ladder than its ratings show."
        }
        core::cmp::Ordering::Equal => "",
    };
    format!(
        "{count} of {total} {noun} {verb} the partnership {at} (the middle answer); {sustained}.{judgement}"
    )
}

/// The rows of the matrix: each agency's answers about the others.
fn matrix_rows(agencies: &[crate::Agency], pairs: &[crate::report::Pair]) -> Vec<MatrixRow> {
    let index = |id: &str| agencies.iter().position(|a| a.id == id);
    let n = agencies.len();
    let mut cells = vec![vec![None; n]; n];
    for pair in pairs {
        let (Some(a), Some(b)) = (index(&pair.a), index(&pair.b)) else {
            continue;
        };
        for (from, to, level) in [(a, b, pair.a_to_b), (b, a, pair.b_to_a)] {
            if let Some(cell) = cells.get_mut(from).and_then(|row| row.get_mut(to)) {
                *cell = Some(MatrixCell {
                    level,
                    disputed: pair.disputed,
                });
            }
        }
    }
    agencies
        .iter()
        .zip(cells)
        .enumerate()
        .map(|(i, (agency, cells))| MatrixRow {
            number: i + 1,
            name: agency.name.clone(),
            cells,
        })
        .collect()
}

/// The isolates, the silent agencies and the missing central ones, each a
/// sentence.
fn agency_lists(agencies: &[crate::Agency], network: &crate::report::Network) -> Vec<Line> {
    let mut lists = Vec::new();
    for (ids, none, some) in [
        (
            &network.isolates,
            None,
            "Working with no other agency (isolates): ",
        ),
        (
            &network.silent_agencies,
            Some("Every agency had at least one respondent."),
            "No respondent answered for ",
        ),
        (
            &network.missing_central,
            None,
            "Silent, though at least two agencies work with them at collaboration or above, so the density understates the network: ",
        ),
    ] {
        if ids.is_empty() {
            if let Some(none) = none {
                lists.push(Line::text(none));
            }
        } else {
            lists.push(
                Line::text(some)
                    .then_line(agency_list(agencies, ids))
                    .then("."),
            );
        }
    }
    lists
}

/// The network's figures: density, answered pairs, centralization and
/// reciprocity.
fn network_facts(network: &crate::report::Network, n: usize) -> Vec<Fact> {
    let density = |d: &crate::report::ByLevel| {
        Level::iter()
            .map(|l| format!("{} {}", l.name().to_lowercase(), share(Some(d.get(l)))))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let pairs = n * n.saturating_sub(1) / 2;
    vec![
        Fact {
            label: "Pairs working together at each level or above (density)",
            value: density(&network.density),
            strong: true,
        },
        Fact {
            label: "Pairs answered by at least one agency",
            value: format!("{} of {pairs}", network.answered_pairs),
            strong: false,
        },
        Fact {
            label: "Density among the answered pairs",
            value: network
                .density_answered
                .as_ref()
                .map_or_else(|| "–".to_owned(), density),
            strong: false,
        },
        Fact {
            label: "Centralization (1: everything runs through one agency)",
            value: network
                .centralization
                .map_or_else(|| "–".to_owned(), |c| format!("{c:.2}")),
            strong: false,
        },
        Fact {
            label: "Ties returned (reciprocity)",
            value: share(network.reciprocity),
            strong: false,
        },
    ]
}

impl NetworkView {
    pub(crate) fn of(report: &GapReport) -> Option<NetworkView> {
        let perceived = report.perceived.as_ref().map(perceived_sentence);
        let Some(network) = &report.network else {
            return perceived.map(|perceived| NetworkView {
                perceived: Some(perceived),
                ..NetworkView::empty()
            });
        };
        let agencies = &report.agencies;
        let n = agencies.len();
        let rows = matrix_rows(agencies, &network.pairs);
        let facts = network_facts(network, n);
        let name = |id: &str| agency_name(agencies, id).to_owned();
        let disputed = network
            .pairs
            .iter()
            .filter(|p| p.disputed)
            .map(|p| {
                let words = |l: Option<PartnerLevel>| {
                    MatrixCell {
                        level: l,
                        disputed: true,
                    }
                    .words()
                };
                Line::default()
                    .then_input(&name(&p.a))
                    .then(format!(" says {}; ", words(p.a_to_b)))
                    .then_input(&name(&p.b))
                    .then(format!(" says {}.", words(p.b_to_a)))
            })
            .collect();
        let lists = agency_lists(agencies, network);
        let trust = network
            .trusted
            .iter()
            .map(|t| {
                (
                    name(&t.agency),
                    t.mean.map_or_else(|| "–".to_owned(), |m| format!("{m:.2}")),
                    t.raters,
                )
            })
            .collect();
        Some(NetworkView {
            key: (0..=5)
                .map(|k| {
                    let cell = MatrixCell {
                        level: if k == 5 {
                            None
                        } else {
                            PartnerLevel::from_number(k)
                        },
                        disputed: false,
                    };
                    (cell.abbreviation(), cell.class(), cell.words())
                })
                .collect(),
            rows,
            facts,
            disputed,
            lists,
            trust,
            perceived,
            has_network: true,
            ..NetworkView::empty()
        })
    }

    fn empty() -> NetworkView {
        NetworkView {
            heading: "Who works with whom",
            intro: "Each agency's answer, given for the agency, on how it works with each other \
                    agency (rows: the agency answering; columns: the agency it answers about, \
                    by number). Where an agency's respondents differ, the lower middle answer \
                    stands.",
            key: Vec::new(),
            rows: Vec::new(),
            facts: Vec::new(),
            disputed_heading: "Pairs that see their work differently",
            disputed: Vec::new(),
            no_disputes: "No pair's answers are two levels or more apart.",
            lists: Vec::new(),
            trust_heading: "Trust",
            trust_note: "How far the other agencies rely on each agency and find it open to \
                         discussion, from 1 (not at all) to 4 (completely): the mean of each \
                         rating agency's answer, each agency an equal voice.",
            trust: Vec::new(),
            perceived_heading: "The partnership as its members see it",
            perceived: None,
            has_network: false,
        }
    }
}

/// How the network changed between rounds.
pub(crate) struct NetworkChangeView {
    pub(crate) heading: &'static str,
    pub(crate) density: String,
    pub(crate) pairs: Vec<Line>,
    pub(crate) no_pairs: &'static str,
}

impl NetworkChangeView {
    pub(crate) fn of(report: &ProgressReport) -> Option<NetworkChangeView> {
        let change = report.network_change.as_ref()?;
        let agencies = &report.later_report.agencies;
        let points = |x: f64| {
            let p = x * 100.0;
            if p.abs() < 0.5 {
                "no change".to_owned()
            } else if p > 0.0 {
                format!("+{p:.0}")
            } else {
                format!("\u{2212}{:.0}", -p)
            }
        };
        let words = |l: Option<PartnerLevel>| {
            MatrixCell {
                level: l,
                disputed: false,
            }
            .words()
        };
        Some(NetworkChangeView {
            heading: "Who works with whom: what changed",
            density: format!(
                "Density, later round against earlier, in percentage points: {}.",
                Level::iter()
                    .map(|l| format!(
                        "{} {}",
                        l.name().to_lowercase(),
                        points(change.density.get(l))
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            pairs: change
                .pairs
                .iter()
                .map(|p| {
                    Line::default()
                        .then_input(agency_name(agencies, &p.a))
                        .then(" and ")
                        .then_input(agency_name(agencies, &p.b))
                        .then(format!(
                            ": {} \u{2192} {}",
                            words(p.earlier),
                            words(p.later)
                        ))
                })
                .collect(),
            no_pairs: "No pair of agencies in both rounds changed its agreed level.",
        })
    }
}
