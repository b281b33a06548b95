//! The view of a gap report: the standing, the tables of rated items,
//! who sees the partnership how, the gap to the target.

use super::{
    Emphasis, Fact, Line, NetworkView, Plan, SingleValue, Span, Word, agency_name, agreement_word,
    band_word, capitalized, explanation, footer, interval_heading, interval_text, level_text,
    lower_names, number, plan, source_of, sustained,
};
use crate::report::{Group, ItemVoices};
use crate::{Classification, Facilitator, GapReport, Level, Obstacle, ObstacleBand, Rated, Role};

/// One rated item's row.
pub(crate) struct ItemRow {
    pub(crate) name: &'static str,
    pub(crate) needed_from: Option<&'static str>,
    pub(crate) mean: Option<f64>,
    pub(crate) band: Word,
    /// The interval of the mean: `2.48–4.32`, or a dash.
    pub(crate) interval: String,
    pub(crate) agreement: Word,
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
    /// The interval column's heading: `95% interval`.
    pub(crate) interval: String,
    pub(crate) rows: Vec<ItemRow>,
    /// What the scale means.
    pub(crate) scale: String,
    /// What the evidence markers in the table mean, one sentence each.
    pub(crate) legend: Vec<Line>,
}

fn item_table<T: Rated>(report: &GapReport) -> ItemTable {
    let (c, voices) = (&report.classification, &report.voices);
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
                interval: interval_text(r.interval),
                agreement: agreement_word(r.agreement_level),
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
        interval: interval_heading(&report.rubric),
        rows,
        scale: format!(
            "Means run from 1 ({}) to 5 ({}); each is the mean of the rating agencies' own \
             means, so that every agency counts once, whatever its size.",
            T::LOWEST,
            T::HIGHEST
        ),
        legend,
    }
}

/// An item on which agencies or roles diverge, and how.
pub(crate) struct DivergenceNote {
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
    pub(crate) divergences: Vec<DivergenceNote>,
    pub(crate) hidden: String,
}

fn divergences<T: Rated>(report: &GapReport, out: &mut Vec<DivergenceNote>) {
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
            out.push(DivergenceNote {
                item: v.item.name(),
                text: Line::join(parts, "; "),
            });
        }
    }
}

/// A breakdown's cells, one a group: the mean and count, "hidden", or a
/// dash for a group that gave no rating. An item with too few ratings in
/// all (`thin`) is itself a small group, its mean on the page: every cell
/// of its row says "hidden", so that the row does not tell which groups
/// the few ratings came from.
fn cells<K>(groups: &[Group<K>], thin: bool) -> Vec<String> {
    groups
        .iter()
        .map(|g| match (g.mean(), g.responses()) {
            _ if thin => "hidden".to_owned(),
            (Some(m), Some(n)) => format!("{m:.2} ({n})"),
            (None, Some(_)) => "\u{2013}".to_owned(),
            _ => "hidden".to_owned(),
        })
        .collect()
}

fn breakdowns<T: Rated>(report: &GapReport, out: &mut Vec<Breakdown>) {
    let voices = T::of(&report.voices);
    let kind = capitalized(T::PLURAL);
    let table =
        |caption: String, columns: Vec<String>, row: &dyn Fn(&ItemVoices<T>) -> Vec<String>| {
            Breakdown {
                caption,
                columns,
                rows: voices.iter().map(|v| (v.item.name(), row(v))).collect(),
            }
        };
    out.push(table(
        format!("{kind} by agency: mean (ratings)"),
        report.agencies.iter().map(|a| a.name.clone()).collect(),
        &|v| cells(&v.by_agency, v.thin),
    ));
    out.push(table(
        format!("{kind} by role, all agencies together: mean (ratings)"),
        ["Frontline", "Managers", "Senior managers"]
            .into_iter()
            .map(str::to_owned)
            .collect(),
        &|v| cells(&v.by_role, v.thin),
    ));
}

/// The breakdown tables of the voices: each kind by agency and by role.
/// Only the HTML page shows them, so they are built when it asks.
pub(crate) fn breakdown_tables(report: &GapReport) -> Vec<Breakdown> {
    let mut tables = Vec::new();
    breakdowns::<Facilitator>(report, &mut tables);
    breakdowns::<Obstacle>(report, &mut tables);
    tables
}

/// How many groups of `T`'s breakdowns the page shows as hidden, by the
/// rule of [`cells`].
fn hidden_cells<T: Rated>(report: &GapReport) -> usize {
    fn of<K>(groups: &[Group<K>], thin: bool) -> usize {
        if thin {
            groups.len()
        } else {
            groups.iter().filter(|g| g.is_hidden()).count()
        }
    }
    T::of(&report.voices)
        .iter()
        .map(|v| of(&v.by_agency, v.thin) + of(&v.by_role, v.thin))
        .sum()
}

/// Which comparisons any item had groups for: (agencies, roles). Two
/// shown agencies give a spread, both roles shown a gap; neither is
/// written otherwise.
fn compared(report: &GapReport) -> (bool, bool) {
    fn any<T: Rated>(report: &GapReport, has: fn(&ItemVoices<T>) -> bool) -> bool {
        T::of(&report.voices).iter().any(has)
    }
    (
        any::<Facilitator>(report, |v| v.agency_spread.is_some())
            || any::<Obstacle>(report, |v| v.agency_spread.is_some()),
        any::<Facilitator>(report, |v| v.role_gap.is_some())
            || any::<Obstacle>(report, |v| v.role_gap.is_some()),
    )
}

fn views(report: &GapReport) -> Views {
    let mut divergent = Vec::new();
    divergences::<Facilitator>(report, &mut divergent);
    divergences::<Obstacle>(report, &mut divergent);
    let d = report.rubric.divergence;
    // Groups shown as hidden: those the rule hides, and every group of an
    // item too thin to break down.
    let count = hidden_cells::<Facilitator>(report) + hidden_cells::<Obstacle>(report);
    let among = if count > 0 {
        "Among the groups large enough to show, no "
    } else {
        "No "
    };
    let agencies = format!("{} between agencies", number(d.agency_spread));
    let roles = format!(
        "{} between senior managers and frontline staff",
        number(d.role_gap)
    );
    let intro = match (divergent.is_empty(), compared(report)) {
        (true, (false, false)) => "No agency or role could be compared: no facilitator or \
                                   obstacle has two agencies, or both senior managers and \
                                   frontline staff, with groups large enough to show."
            .to_owned(),
        (true, (true, true)) => format!(
            "{among}agency or role sees a facilitator or obstacle differently by as much as \
             the rubric counts as divergent ({agencies}, {roles})."
        ),
        (true, (true, false)) => format!(
            "{among}agency sees a facilitator or obstacle differently by as much as the rubric \
             counts as divergent ({agencies}); no item has both senior managers and frontline \
             staff in groups large enough to compare."
        ),
        (true, (false, true)) => format!(
            "{among}role sees a facilitator or obstacle differently by as much as the rubric \
             counts as divergent ({roles}); no item has two agencies in groups large enough to \
             compare."
        ),
        (false, _) => format!(
            "Where agencies differ by {} or more, or senior managers and frontline staff by {} \
             or more:",
            number(d.agency_spread),
            number(d.role_gap)
        ),
    };
    let k = report.voices.min_group_size;
    let hidden = if !rated(&report.classification) {
        "No group has ratings to show.".to_owned()
    } else if count == 0 {
        format!("Every group with ratings holds at least {k}, so no group is hidden.")
    } else {
        format!(
            "{count} {} of the breakdowns by agency and by role {} hidden to protect \
             respondents: each holds fewer than {k} ratings, or is hidden alongside such a group \
             so that neither can be worked out from the other figures. Hidden groups are left \
             out of every comparison.",
            if count == 1 { "group" } else { "groups" },
            if count == 1 { "is" } else { "are" },
        )
    };
    let thin = report.voices.facilitators.iter().any(|v| v.thin)
        || report.voices.obstacles.iter().any(|v| v.thin);
    let hidden = if thin {
        format!(
            "{hidden} A facilitator or obstacle with fewer than {k} ratings in all is itself \
             too small a group to break down: each of its groups is hidden, even one that gave \
             no rating."
        )
    } else {
        hidden
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
    /// Active obstacles: name, mean, band, and what the evidence is worth
    /// (empty, or ` (2 ratings, all from one agency: …)`).
    pub(crate) obstacles: Vec<(&'static str, String, Word, String)>,
}

/// What the evidence for `item` is worth, when the tables mark it: a
/// reader of the gap lists should not act on two ratings unawares.
fn evidence_note<T: Rated>(report: &GapReport, item: T) -> String {
    let voices = report.voices.of(item);
    let ratings = report.classification.result(item).responses;
    match (voices.thin, voices.one_sided) {
        (false, false) => String::new(),
        // One rating is from one agency: that goes without saying.
        (true, _) if ratings == 1 => " (1 rating: too few to lean on)".to_owned(),
        (true, false) => format!(" ({ratings} ratings: too few to lean on)"),
        (true, true) => format!(" ({ratings} ratings, all from one agency: too few to lean on)"),
        (false, true) => " (every rating from one agency)".to_owned(),
    }
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
                    |m| format!("mean {m:.2}{}", evidence_note(report, g.facilitator)),
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
                    evidence_note(report, o.obstacle),
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
    if !rated(c) {
        reasons.push(
            "No ratings yet: no one has rated a facilitator or obstacle, so no level can be \
             sustained and the facilitator and obstacle figures below are empty."
                .to_owned(),
        );
    }
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
        .filter(|o| o.band == ObstacleBand::Major)
        .map(|o| o.item.name().to_lowercase())
        .collect();
    if !major.is_empty() {
        reasons.push(format!("Major obstacles: {}.", major.join(", ")));
    }
    reasons.push(sustained(c, &report.rubric));
    reasons
}

/// Whether anyone rated any facilitator or obstacle.
fn rated(c: &Classification) -> bool {
    c.facilitators.iter().any(|r| r.responses > 0) || c.obstacles.iter().any(|r| r.responses > 0)
}

/// Whether the partnership is at risk, and why.
fn risk(c: &Classification) -> &'static str {
    let below = c.achieved_level < c.structural_level;
    let major = c.obstacles.iter().any(|o| o.band == ObstacleBand::Major);
    match (c.at_risk, below, major) {
        (false, ..) => "no",
        (true, true, _) if !rated(c) => {
            "yes: with no ratings yet, no level is sustained to match the arrangements in place"
        }
        (true, true, true) => {
            "yes: the level sustained is below the arrangements in place, and an obstacle is \
             major"
        }
        (true, true, false) => "yes: the level sustained is below the arrangements in place",
        (true, false, true) => "yes: an obstacle is major",
        (true, false, false) => "yes",
    }
}

/// The view of a gap report.
pub(crate) struct GapView {
    pub(crate) title: Line,
    pub(crate) date: Option<String>,
    pub(crate) standing: Vec<Fact>,
    pub(crate) reasons: Vec<String>,
    pub(crate) tables: [ItemTable; 2],
    /// What an interval and agreement mean, said once.
    pub(crate) how_sure: String,
    pub(crate) views: Views,
    pub(crate) gap: Gap,
    pub(crate) plan: Plan,
    pub(crate) footer: Line,
    pub(crate) network: Option<NetworkView>,
}

impl GapView {
    pub(crate) fn of(report: &GapReport) -> GapView {
        let c = &report.classification;
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
                    label: "Meets the definition of interagency working (Statham, 2011)",
                    value: if c.meets_definition {
                        "yes: the arrangements of coordination or above are in place"
                    } else {
                        "no: the definition asks for the arrangements of coordination or above"
                    }
                    .to_owned(),
                    strong: false,
                },
                Fact {
                    label: "At risk",
                    value: risk(c).to_owned(),
                    strong: c.at_risk,
                },
            ],
            reasons: reasons(report),
            tables: [
                item_table::<Facilitator>(report),
                item_table::<Obstacle>(report),
            ],
            how_sure: explanation(&report.rubric, SingleValue::of(&report.classification)),
            views: views(report),
            gap: gap(report),
            plan: plan(report),
            footer: footer(&report.rubric),
            network: NetworkView::of(report),
        }
    }
}
