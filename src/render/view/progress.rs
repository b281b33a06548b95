//! The view of a progress report: the levels then and now, what moved,
//! what came and went, every item's change.

use super::{
    Fact, Line, NetworkChangeView, Plan, SingleValue, Word, agency_list, band_word, capitalized,
    change_explanation, change_interval_text, change_text, clear_word, date_text, footer,
    interval_heading, level_text, lower_names, mean_text, movement_word, plan, signed, source_of,
};
use crate::analysis::progress::ItemChange;
use crate::{Facilitator, Level, Movement, Obstacle, ProgressReport, Rated};

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

/// A value in each round, and its change: a mean's or a level's as text,
/// or a band's as words (the change its movement).
pub(crate) struct Rounds<T = String> {
    pub(crate) earlier: T,
    pub(crate) later: T,
    pub(crate) change: T,
}

/// One item's row in a progress table.
pub(crate) struct ChangeRow {
    pub(crate) name: &'static str,
    pub(crate) means: Rounds,
    /// The interval of the change: `−0.23 to +1.63`, or a dash.
    pub(crate) interval: String,
    /// Whether the change is clear of the noise.
    pub(crate) clear: Word,
    pub(crate) bands: Rounds<Word>,
}

/// The progress table of one kind of item.
pub(crate) struct ChangeTable {
    pub(crate) heading: String,
    pub(crate) caption: String,
    pub(crate) kind: String,
    /// The interval column's heading: `95% interval`.
    pub(crate) interval: String,
    pub(crate) rows: Vec<ChangeRow>,
}

/// The view of a progress report.
pub(crate) struct ProgressView {
    pub(crate) title: Line,
    pub(crate) period: String,
    pub(crate) earlier_name: Option<Line>,
    pub(crate) levels: Vec<Fact<Rounds>>,
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
    /// The plan made after the earlier round, reviewed; none without one.
    pub(crate) plan_review: Option<super::ReviewView>,
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
        .then(note(c.item))
        .then(match c.clear_change {
            Some(true) => "",
            Some(false) => " (within the uncertainty)",
            None => " (too few ratings to tell it from chance)",
        });
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
        interval: interval_heading(&report.rubric),
        rows: T::of(report)
            .iter()
            .map(|c| ChangeRow {
                name: c.item.name(),
                means: Rounds {
                    earlier: mean_text(c.earlier_mean),
                    later: mean_text(c.later_mean),
                    change: change_text(c.change),
                },
                interval: change_interval_text(c.change_interval),
                clear: clear_word(c.clear_change),
                bands: Rounds {
                    earlier: band_word(c.earlier_band),
                    later: band_word(c.later_band),
                    change: movement_word(c.movement),
                },
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
    let agencies_line = |label: &'static str, ids: &[String]| {
        (!ids.is_empty()).then(|| {
            Line::text(label)
                .then_line(agency_list(&agencies, ids))
                .then(".")
        })
    };
    let listed = |label: &'static str, names: String| {
        (!names.is_empty()).then(|| Line::text(format!("{label}: {names}.")))
    };
    [
        listed(
            "Arrangements now in place",
            lower_names(report.characteristics_added.iter()),
        ),
        listed(
            "Arrangements no longer in place",
            lower_names(report.characteristics_removed.iter()),
        ),
        agencies_line("Agencies that joined: ", &report.agencies_joined),
        agencies_line("Agencies that left: ", &report.agencies_left),
        listed(
            "New active obstacles",
            lower_names(report.obstacles_new.iter()),
        ),
        listed(
            "Obstacles resolved",
            lower_names(report.obstacles_resolved.iter()),
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// What the page says when the earlier round has another name, or when
/// the two rounds have no agency in common (which may be two partnerships).
fn rounds_note(report: &ProgressReport) -> Option<Line> {
    let renamed = report.earlier.partnership != report.later.partnership;
    let agencies = report.later_report.agencies.len();
    let unrelated = agencies > 0 && report.agencies_joined.len() == agencies;
    let check = " have no agency in common: check that both are rounds of the same partnership.";
    match (renamed, unrelated) {
        (false, false) => None,
        (true, false) => Some(
            Line::text("The partnership was called ")
                .then_input(&report.earlier.partnership)
                .then(" in the earlier round."),
        ),
        (true, true) => Some(
            Line::text("The earlier round was of ")
                .then_input(&report.earlier.partnership)
                .then(", and the two rounds")
                .then(check),
        ),
        (false, true) => Some(Line::text("The two rounds").then(check)),
    }
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
            earlier_name: rounds_note(report),
            levels: vec![
                Fact {
                    label: "Arrangements in place for",
                    value: levels(
                        report.earlier.structural_level,
                        report.later.structural_level,
                        report.structural_change,
                    ),
                    strong: false,
                },
                Fact {
                    label: "Level sustained",
                    value: levels(
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
                    heading: "What improved",
                    none: "No facilitator or obstacle moved to a better band.",
                    items: moved_list(report, Movement::Improved),
                },
                MovedList {
                    id: "down",
                    heading: "What got worse",
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
                 ({}). An item is not comparable when a round has no ratings of it. {} A change \
                 whose interval holds 0 is within the uncertainty: it may be no more than who \
                 happened to answer.",
                Facilitator::LOWEST,
                Facilitator::HIGHEST,
                Obstacle::LOWEST,
                Obstacle::HIGHEST,
                change_explanation(
                    &report.rubric,
                    SingleValue::among(
                        report
                            .facilitators
                            .iter()
                            .map(|c| c.change_interval)
                            .chain(report.obstacles.iter().map(|c| c.change_interval)),
                        |x| change_text(Some(x)),
                    )
                )
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
            plan_review: report
                .plan_review
                .as_ref()
                .map(|r| super::ReviewView::of(r, report.later.assessed_on)),
        }
    }
}
