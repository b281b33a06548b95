//! The view of an action plan (a one-page plan for a meeting pack) and of
//! a plan reviewed at the next round ("What the plan said, and what
//! moved").

use super::{Emphasis, Line, Word, date_text, items_line, level_text, movement_word};
use crate::analysis::plan::{ItemReview, PlanReview};
use crate::{ActionStatus, GapItem, Movement, Outcome, Plan};

/// One action of a plan, as the plan's page lists it.
pub(crate) struct ActionRow {
    pub(crate) id: String,
    pub(crate) tip: &'static str,
    pub(crate) works_on: Line,
    pub(crate) owner: String,
    pub(crate) due: String,
    pub(crate) status: Word,
}

/// The view of a plan.
pub(crate) struct PlanView {
    pub(crate) title: Line,
    pub(crate) meta: String,
    pub(crate) intro: &'static str,
    pub(crate) actions: Vec<ActionRow>,
    pub(crate) footer: &'static str,
}

/// The word for an action's status.
pub(crate) fn status_word(status: ActionStatus) -> Word {
    match status {
        ActionStatus::Planned => Word::new("planned", Emphasis::Plain),
        ActionStatus::Started => Word::new("started", Emphasis::Plain),
        ActionStatus::Done => Word::new("done", Emphasis::Plain),
        ActionStatus::Dropped => Word::new("dropped", Emphasis::Quiet),
    }
}

/// The word for an action's outcome.
pub(crate) fn outcome_word(outcome: Outcome) -> Word {
    match outcome {
        Outcome::Worked => Word::new("worked", Emphasis::Strong),
        Outcome::NotYet => Word::new("not yet", Emphasis::Strong),
        Outcome::Open => Word::new("open", Emphasis::Plain),
        Outcome::Dropped => Word::new("dropped", Emphasis::Quiet),
    }
}

/// Text from the input, or a dash.
fn or_dash(text: Option<&str>) -> String {
    text.map_or_else(|| "\u{2013}".to_owned(), str::to_owned)
}

impl PlanView {
    pub(crate) fn of(plan: &Plan) -> PlanView {
        let made = plan
            .made_on
            .map_or_else(|| "Undated.".to_owned(), |d| format!("Made on {d}."));
        let towards = plan.target.map_or_else(String::new, |t| {
            format!(" Towards {}.", level_text(Some(t)))
        });
        PlanView {
            title: Line::text("Action plan: ").then_input(&plan.partnership),
            meta: format!("{made}{towards}"),
            intro: "Each action follows a practice tip and names the gaps it works on. At the \
                    next round, the progress report says which actions were done and whether \
                    the items they worked on moved.",
            actions: plan
                .actions
                .iter()
                .map(|a| ActionRow {
                    id: a.id.clone(),
                    tip: a.tip.name(),
                    works_on: items_line(&a.addresses),
                    // Blank, to be filled in at the meeting.
                    owner: a.owner.clone().unwrap_or_default(),
                    due: a.due.map(|d| d.to_string()).unwrap_or_default(),
                    status: status_word(a.status),
                })
                .collect(),
            footer: "Practice tips and the gaps they work on after the interagency crate's \
                     rubric; owners, dates and statuses are the partnership's own.",
        }
    }
}

/// One reviewed action.
pub(crate) struct ReviewRow {
    pub(crate) id: String,
    pub(crate) tip: &'static str,
    pub(crate) owner: String,
    pub(crate) due: String,
    pub(crate) status: Word,
    pub(crate) overdue: Word,
    pub(crate) items: Vec<Line>,
    pub(crate) outcome: Word,
    /// For an action that worked only by changes within the uncertainty:
    /// the words saying so.
    pub(crate) outcome_note: Option<Word>,
}

/// Whether every item that improved is a facilitator or obstacle whose
/// change is within the uncertainty (and one did).
fn worked_within_uncertainty(items: &[ItemReview]) -> bool {
    let mut improved = items.iter().filter(|i| i.movement == Movement::Improved);
    let first = improved.next();
    first.is_some()
        && first
            .into_iter()
            .chain(improved)
            .all(|i| !matches!(i.item, GapItem::Characteristic(_)) && i.clear_change == Some(false))
}

/// What the plan said, and what moved.
pub(crate) struct ReviewView {
    pub(crate) heading: &'static str,
    pub(crate) summary: String,
    pub(crate) rows: Vec<ReviewRow>,
    pub(crate) note: &'static str,
}

/// An item and how it moved: "facilitator *Trust and openness*: improved
/// (within the uncertainty)".
fn item_line(review: ItemReview) -> Line {
    let line = items_line(&[review.item])
        .then(": ")
        .then_word(movement_word(review.movement));
    let within = matches!(review.item, GapItem::Facilitator(_) | GapItem::Obstacle(_))
        && matches!(review.movement, Movement::Improved | Movement::Worsened)
        && review.clear_change == Some(false);
    if within {
        line.then(" (")
            .then_word(Word::new("within the uncertainty", Emphasis::Quiet))
            .then(")")
    } else {
        line
    }
}

/// `1 action` or `3 actions`.
fn actions(n: usize) -> String {
    if n == 1 {
        "1 action".to_owned()
    } else {
        format!("{n} actions")
    }
}

impl ReviewView {
    pub(crate) fn of(review: &PlanReview, later: Option<crate::Date>) -> ReviewView {
        let s = review.summary;
        ReviewView {
            heading: "What the plan said, and what moved",
            summary: format!(
                "Of {} in the plan: {} worked, {} not yet, {} open, {} dropped; {} overdue at \
                 the round of {}.",
                actions(review.actions.len()),
                s.worked,
                s.not_yet,
                s.open,
                s.dropped,
                s.overdue,
                date_text(later)
            ),
            rows: review
                .actions
                .iter()
                .map(|a| ReviewRow {
                    id: a.id.clone(),
                    tip: a.tip.name(),
                    owner: or_dash(a.owner.as_deref()),
                    due: or_dash(a.due.map(|d| d.to_string()).as_deref()),
                    status: status_word(a.status),
                    overdue: if a.overdue {
                        Word::new("overdue", Emphasis::Strong)
                    } else {
                        Word::new("no", Emphasis::Plain)
                    },
                    items: a.items.iter().copied().map(item_line).collect(),
                    outcome: outcome_word(a.outcome),
                    outcome_note: (a.outcome == Outcome::Worked
                        && worked_within_uncertainty(&a.items))
                    .then_some(Word::new("within the uncertainty", Emphasis::Quiet)),
                })
                .collect(),
            note: "An action worked when it is done and at least one item it worked on moved \
                   to a better band and none to a worse one; a done action that moved nothing \
                   has not worked yet. An arrangement improved when it was put in place. An \
                   item marked within the uncertainty changed band, but the interval of the \
                   change of its mean holds 0: it may be no more than who happened to answer.",
        }
    }
}

/// Lines as one, joined by `; `.
pub(crate) fn joined(lines: &[Line]) -> Line {
    Line::join(lines.iter().cloned(), "; ")
}
