//! An action plan from a gap report's recommendations, and the plan
//! reviewed at the next round: what was done, what is overdue, and whether
//! the items each action worked on moved.

use serde::{Deserialize, Serialize};

use crate::foundation::id::id_enum;
use crate::{
    Action, ActionStatus, Date, Error, GapItem, GapReport, Movement, Plan, PracticeTip,
    ProgressReport,
};

id_enum! {
    /// What came of an action by the next round.
    pub enum Outcome: "outcome" {
        /// Done, and at least one of its items improved and none worsened.
        Worked,
        /// Done, but no item improved, or one worsened.
        NotYet,
        /// Planned or started: not finished yet.
        Open,
        /// Given up.
        Dropped,
    }
}

/// How one item an action worked on moved between the rounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct ItemReview {
    /// The item: `{"characteristic": id}`, `{"facilitator": id}` or
    /// `{"obstacle": id}`.
    #[serde(flatten)]
    pub item: GapItem,
    /// How it moved: for a facilitator or an obstacle, its movement in the
    /// progress report; for a characteristic, `improved` when put in place,
    /// `worsened` when no longer in place, `unchanged` otherwise.
    pub movement: Movement,
    /// Whether the change of a facilitator's or obstacle's mean is beyond
    /// the noise, as the progress report says; `null` for a characteristic
    /// and where the report has no interval.
    pub clear_change: Option<bool>,
}

/// One action of a plan, reviewed at the next round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActionReview {
    /// The action's id.
    pub id: String,
    /// The practice tip it follows.
    pub tip: PracticeTip,
    /// Who sees it done, if named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// When it was due, if a date was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Where it stands.
    pub status: ActionStatus,
    /// Whether it was due before the later round and is still planned or
    /// started; false when either date is missing.
    pub overdue: bool,
    /// How each item it worked on moved, in the action's order.
    pub items: Vec<ItemReview>,
    /// What came of it.
    pub outcome: Outcome,
}

/// How many actions came to each outcome, and how many are overdue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewSummary {
    /// Actions done that worked.
    pub worked: usize,
    /// Actions done that have not worked yet.
    pub not_yet: usize,
    /// Actions planned or started.
    pub open: usize,
    /// Actions given up.
    pub dropped: usize,
    /// Actions overdue.
    pub overdue: usize,
}

/// A plan reviewed at the next round: every action, in the plan's order,
/// and the count of each outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanReview {
    /// Every action of the plan, reviewed.
    pub actions: Vec<ActionReview>,
    /// How many came to each outcome, and how many are overdue.
    pub summary: ReviewSummary,
}

impl GapReport {
    /// The action plan this report calls for, ready to fill in: one action
    /// per recommendation, in the report's order, with ids `a1`, `a2`, …,
    /// the tip and the items it works on, status `planned` and no owner,
    /// due date or note; the partnership, date and target the report's.
    ///
    /// # Errors
    ///
    /// [`Error::NothingToPlan`] when the report has no recommendation.
    ///
    /// ```
    /// use interagency::{ActionStatus, Assessment};
    ///
    /// let a = Assessment::from_json(&std::fs::read_to_string(
    ///     "examples/data/early-years-network.json")?)?;
    /// let report = a.gap_analysis(None);
    /// let plan = report.plan_template()?;
    /// assert_eq!(plan.actions.len(), report.recommendations.len());
    /// assert_eq!(plan.actions[0].id, "a1");
    /// assert_eq!(plan.actions[0].tip, report.recommendations[0].tip);
    /// assert_eq!(plan.actions[0].status, ActionStatus::Planned);
    /// assert_eq!(interagency::Plan::from_json(&plan.to_json())?, plan);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn plan_template(&self) -> Result<Plan, Error> {
        if self.recommendations.is_empty() {
            return Err(Error::NothingToPlan {
                partnership: self.partnership.clone(),
            });
        }
        Ok(Plan {
            partnership: self.partnership.clone(),
            made_on: self.assessed_on,
            target: Some(self.target),
            actions: self
                .recommendations
                .iter()
                .enumerate()
                .map(|(n, r)| Action {
                    id: format!("a{}", n + 1),
                    tip: r.tip,
                    addresses: r.addresses.clone(),
                    owner: None,
                    due: None,
                    status: ActionStatus::Planned,
                    note: None,
                })
                .collect(),
        })
    }
}

impl ProgressReport {
    /// The report with `plan` reviewed ([`ProgressReport::review_plan`]) as
    /// its `plan_review`.
    ///
    /// # Errors
    ///
    /// As [`ProgressReport::review_plan`].
    pub fn with_plan(mut self, plan: &Plan) -> Result<ProgressReport, Error> {
        self.plan_review = Some(self.review_plan(plan)?);
        Ok(self)
    }

    /// `plan` reviewed at the later round: each action's status, whether
    /// it is overdue, how each of its items moved (with whether the change
    /// is clear of the noise), and its outcome.
    ///
    /// # Errors
    ///
    /// [`Error::PlanMismatch`] when the plan is another partnership's (its
    /// name is not the later round's) or is dated after the later round.
    ///
    /// ```
    /// use interagency::{Assessment, Outcome, Plan};
    ///
    /// let read = |name: &str| -> Result<String, std::io::Error> {
    ///     std::fs::read_to_string(format!("examples/data/{name}"))
    /// };
    /// let earlier = Assessment::from_json(&read("early-years-network.json")?)?;
    /// let later = Assessment::from_json(&read("early-years-network-2027.json")?)?;
    /// let plan = Plan::from_json(&std::fs::read_to_string("examples/plans/early-years-network-plan.json")?)?;
    /// let review = later.progress_since(&earlier, None)?.review_plan(&plan)?;
    /// assert_eq!(review.actions.len(), plan.actions.len());
    /// let s = review.summary;
    /// assert_eq!(s.worked + s.not_yet + s.open + s.dropped, plan.actions.len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn review_plan(&self, plan: &Plan) -> Result<PlanReview, Error> {
        if plan.partnership != self.later.partnership {
            return Err(Error::PlanMismatch {
                field: "partnership",
                plan: plan.partnership.clone(),
                later: self.later.partnership.clone(),
            });
        }
        let later_on = self.later.assessed_on;
        if let (Some(made), Some(later)) = (plan.made_on, later_on)
            && made > later
        {
            return Err(Error::PlanMismatch {
                field: "made_on",
                plan: made.to_string(),
                later: later.to_string(),
            });
        }
        let mut summary = ReviewSummary::default();
        let actions = plan
            .actions
            .iter()
            .map(|action| {
                let items: Vec<ItemReview> = action
                    .addresses
                    .iter()
                    .map(|&i| self.item_review(i))
                    .collect();
                let overdue = action.status.is_open()
                    && action
                        .due
                        .zip(later_on)
                        .is_some_and(|(due, later)| due < later);
                let outcome = outcome(action.status, &items);
                match outcome {
                    Outcome::Worked => summary.worked += 1,
                    Outcome::NotYet => summary.not_yet += 1,
                    Outcome::Open => summary.open += 1,
                    Outcome::Dropped => summary.dropped += 1,
                }
                summary.overdue += usize::from(overdue);
                ActionReview {
                    id: action.id.clone(),
                    tip: action.tip,
                    owner: action.owner.clone(),
                    due: action.due,
                    status: action.status,
                    overdue,
                    items,
                    outcome,
                }
            })
            .collect();
        Ok(PlanReview { actions, summary })
    }

    /// How one item moved, as this report says.
    fn item_review(&self, item: GapItem) -> ItemReview {
        let (movement, clear_change) = match item {
            GapItem::Characteristic(c) => {
                let movement = if self.characteristics_added.contains(c) {
                    Movement::Improved
                } else if self.characteristics_removed.contains(c) {
                    Movement::Worsened
                } else {
                    Movement::Unchanged
                };
                (movement, None)
            }
            GapItem::Facilitator(f) => {
                let change = self.change(f);
                (change.movement, change.clear_change)
            }
            GapItem::Obstacle(o) => {
                let change = self.change(o);
                (change.movement, change.clear_change)
            }
        };
        ItemReview {
            item,
            movement,
            clear_change,
        }
    }
}

/// What came of an action with `status` whose items moved as `items` say.
fn outcome(status: ActionStatus, items: &[ItemReview]) -> Outcome {
    match status {
        ActionStatus::Dropped => Outcome::Dropped,
        ActionStatus::Planned | ActionStatus::Started => Outcome::Open,
        ActionStatus::Done => {
            let improved = items.iter().any(|i| i.movement == Movement::Improved);
            let worsened = items.iter().any(|i| i.movement == Movement::Worsened);
            if improved && !worsened {
                Outcome::Worked
            } else {
                Outcome::NotYet
            }
        }
    }
}
