//! The action plan: what a partnership agreed to do about its gap, each
//! action with the practice tip it follows, the gap items it works on, an
//! owner, a due date and a status; read from JSON with every rule checked
//! against the rubric in use. (Plans kept in a spreadsheet are read in
//! `input/survey/plan.rs`, through the same checks.)

use std::borrow::Cow;
use std::collections::HashSet;

use serde::Serialize;

use crate::foundation::id::{OneOf, id_enum};
use crate::foundation::text::control_character;
use crate::{
    Characteristic, Concept, Date, Error, Facilitator, GapItem, Identifier, Level, Obstacle, Place,
    PlanProblem, PracticeTip, Rubric,
};

id_enum! {
    /// Where an action of a plan stands.
    pub enum ActionStatus: "action status" {
        /// Agreed, not begun.
        Planned,
        /// Under way.
        Started,
        /// Done.
        Done,
        /// Given up.
        Dropped,
    }
}

impl ActionStatus {
    /// The status as a plan's reader sees it: `Planned`, `Started`, `Done`,
    /// `Dropped`.
    ///
    /// ```
    /// assert_eq!(interagency::ActionStatus::Started.name(), "Started");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ActionStatus::Planned => "Planned",
            ActionStatus::Started => "Started",
            ActionStatus::Done => "Done",
            ActionStatus::Dropped => "Dropped",
        }
    }

    /// Whether the action is still to finish: planned or started.
    #[must_use]
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::Started)
    }
}

/// One action of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// The action's id, unique in the plan: non-empty, plain text on one
    /// line.
    #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
    pub id: String,
    /// The practice tip the action follows.
    pub tip: PracticeTip,
    /// The gap items the action works on, each one the tip works on under
    /// the rubric in use (a facilitator it builds, an obstacle it
    /// addresses, a characteristic it establishes); at least one, none
    /// twice.
    #[cfg_attr(feature = "schemars", schemars(length(min = 1), extend("uniqueItems" = true)))]
    pub addresses: Vec<GapItem>,
    /// Who sees it done, if named: plain text on one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// When it is due, if a date was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Where it stands.
    pub status: ActionStatus,
    /// A note, if any: plain text on one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An action plan: what a partnership agreed to do about the gap a report
/// found, to be reviewed at the next round
/// ([`ProgressReport::with_plan`](crate::ProgressReport::with_plan)).
///
/// Read with [`Plan::from_json`] (the default rubric) or
/// [`Rubric::plan_from_json`], every rule checked; made from a gap report
/// with [`GapReport::plan_template`](crate::GapReport::plan_template).
///
/// ```
/// use interagency::{ActionStatus, GapItem, Obstacle, Plan, PracticeTip};
///
/// let plan = Plan::from_json(r#"{
///   "partnership": "Northgate Child Protection Hub",
///   "made_on": "2026-03-20",
///   "target": "coordination",
///   "actions": [
///     {"id": "a1", "tip": "develop_open_communication",
///      "addresses": [{"facilitator": "trust_and_openness"}, {"obstacle": "conflict"}],
///      "owner": "Hub manager", "due": "2026-09-30", "status": "started"}
///   ]
/// }"#)?;
/// assert_eq!(plan.actions[0].tip, PracticeTip::DevelopOpenCommunication);
/// assert_eq!(plan.actions[0].addresses[1], GapItem::Obstacle(Obstacle::Conflict));
/// assert_eq!(plan.actions[0].status, ActionStatus::Started);
///
/// // Sharing information does not address conflict under the default rubric.
/// let err = Plan::from_json(r#"{"partnership": "N", "actions": [
///   {"id": "a1", "tip": "share_agency_information",
///    "addresses": [{"obstacle": "conflict"}], "status": "planned"}]}"#).unwrap_err();
/// assert!(err.to_string().starts_with(
///     "actions[0].addresses[0]: action \"a1\", addresses \"obstacle:conflict\": is not an item"));
/// # Ok::<(), interagency::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The partnership's name: non-empty, plain text on one line.
    #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
    pub partnership: String,
    /// When the plan was made, if dated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made_on: Option<Date>,
    /// The level the plan aims at, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Level>,
    /// The actions, at least one, in the plan's order.
    #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
    pub actions: Vec<Action>,
}

impl Plan {
    /// The plan as JSON, indented, ending with one newline: the document
    /// [`Plan::from_json`] reads.
    #[must_use]
    pub fn to_json(&self) -> String {
        // A plan holds strings and identifiers only: writing it cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

impl Rubric {
    /// Checks every rule of a plan made or changed in code, under this
    /// rubric, as reading it would.
    ///
    /// # Errors
    ///
    /// [`Error::Plan`] for the first rule broken, at the field of a JSON
    /// document that would hold it.
    pub fn check_plan(&self, plan: &Plan) -> Result<(), Error> {
        let mut checker = Checker::new(self, Names::Ids);
        Checker::partnership(Some(Ok(Cow::Borrowed(plan.partnership.as_str()))))?;
        if plan.actions.is_empty() {
            return Err(actions_error(PlanProblem::Empty));
        }
        for (index, action) in plan.actions.iter().enumerate() {
            let text = |value: &str| Some(Ok(Cow::Owned(value.to_owned())));
            let raw = ActionText {
                id: text(&action.id),
                tip: text(action.tip.id()),
                addresses: Addresses::Items(action.addresses.iter().map(|&i| Ok(i)).collect()),
                owner: action.owner.as_deref().and_then(text),
                due: action.due.map(|d| Ok(Cow::Owned(d.to_string()))),
                status: text(action.status.id()),
                note: action.note.as_deref().and_then(text),
            };
            checker.action(raw, &|field, item| field_place(index, field, item))?;
        }
        Ok(())
    }
}

/// How values are named: by id alone (a JSON document), or by id or name
/// in any case (a spreadsheet).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Names {
    Ids,
    #[cfg_attr(
        not(any(feature = "csv", feature = "xlsx")),
        expect(
            dead_code,
            reason = "only the CSV and spreadsheet readers name values so"
        )
    )]
    IdsOrNames,
}

/// A value as read: absent (`None`), text, or a description of a value
/// that is not text.
pub(crate) type Value<'a> = Option<Result<Cow<'a, str>, String>>;

/// An action's items as read.
pub(crate) enum Addresses<'a> {
    /// Not given.
    Absent,
    /// Not a list: what it was.
    NotAList(String),
    /// Items read from a document, each an item or the text to name it by.
    Items(Vec<Result<GapItem, String>>),
    /// Items in one cell, separated by `;`.
    #[cfg_attr(
        not(any(feature = "csv", feature = "xlsx")),
        allow(dead_code, reason = "cells come from CSV files and spreadsheets")
    )]
    Text(Cow<'a, str>),
}

/// An action's fields as read, before the checks.
pub(crate) struct ActionText<'a> {
    pub(crate) id: Value<'a>,
    pub(crate) tip: Value<'a>,
    pub(crate) addresses: Addresses<'a>,
    pub(crate) owner: Value<'a>,
    pub(crate) due: Value<'a>,
    pub(crate) status: Value<'a>,
    pub(crate) note: Value<'a>,
}

/// Where a field of the action being checked is: the field, and the
/// position of an item in `addresses`.
pub(crate) type Places<'p> = dyn Fn(&'static str, Option<usize>) -> Place + 'p;

/// The place of `field` of action `index` in a JSON document.
pub(crate) fn field_place(index: usize, field: &'static str, item: Option<usize>) -> Place {
    match item {
        Some(item) => Place::Field(format!("actions[{index}].{field}[{item}]")),
        None => Place::Field(format!("actions[{index}].{field}")),
    }
}

pub(crate) fn plan_error(
    place: impl Into<PlaceOf>,
    action: Option<&str>,
    field: &'static str,
    value: String,
    problem: PlanProblem,
) -> Error {
    Error::Plan(Box::new(crate::error::PlanError {
        place: place.into().0,
        action: action.map(str::to_owned),
        field,
        value,
        problem,
    }))
}

/// The error of a plan whose list of actions is missing or empty.
pub(crate) fn actions_error(problem: PlanProblem) -> Error {
    plan_error("actions", None, "actions", String::new(), problem)
}

/// A place, given as a field's path or as a place.
pub(crate) struct PlaceOf(Place);

impl From<&str> for PlaceOf {
    fn from(path: &str) -> PlaceOf {
        PlaceOf(Place::Field(path.to_owned()))
    }
}

impl From<Place> for PlaceOf {
    fn from(place: Place) -> PlaceOf {
        PlaceOf(place)
    }
}

/// Checks a plan's fields and actions, one at a time, under a rubric.
pub(crate) struct Checker<'r> {
    rubric: &'r Rubric,
    names: Names,
    ids: HashSet<String>,
}

impl<'r> Checker<'r> {
    pub(crate) fn new(rubric: &'r Rubric, names: Names) -> Self {
        Checker {
            rubric,
            names,
            ids: HashSet::new(),
        }
    }

    /// The partnership's name: present, not empty, plain text.
    pub(crate) fn partnership(value: Value<'_>) -> Result<String, Error> {
        let place = Place::Field("partnership".into());
        required(value, &place, None, "partnership", "a string")
            .and_then(|text| plain(text, &place, None, "partnership"))
    }

    /// One action, checked: its id new in the plan, its tip and items
    /// known, each item one the tip works on, its dates real, its status
    /// known. `at` gives the place of each field.
    pub(crate) fn action(&mut self, raw: ActionText<'_>, at: &Places<'_>) -> Result<Action, Error> {
        let place = at("id", None);
        let id = required(raw.id, &place, None, "id", "a string")?;
        let id = plain(id, &place, None, "id")?;
        if !self.ids.insert(id.clone()) {
            return Err(plan_error(
                place,
                Some(&id),
                "id",
                id.clone(),
                PlanProblem::Duplicate,
            ));
        }
        let action = Some(id.as_str());

        let tip = self.named(
            raw.tip,
            "tip",
            "practice tip",
            PracticeTip::name,
            at,
            action,
        )?;

        let addresses = self.addresses(raw.addresses, tip, at, action)?;

        let owner = optional(raw.owner, &at("owner", None), action, "owner")?;
        let place = at("due", None);
        let due = match raw.due {
            None => None,
            Some(value) => {
                let text = required(Some(value), &place, action, "due", "a date")?;
                if text.trim().is_empty() {
                    None
                } else {
                    Some(date(&text, place, action, "due")?)
                }
            }
        };
        let status = self.named(
            raw.status,
            "status",
            "status",
            ActionStatus::name,
            at,
            action,
        )?;
        let note = optional(raw.note, &at("note", None), action, "note")?;
        Ok(Action {
            id,
            tip,
            addresses,
            owner,
            due,
            status,
            note,
        })
    }

    /// The value of `kind` that `field` names, by id (or name, as
    /// [`Names`] says).
    fn named<T: Identifier>(
        &self,
        raw: Value<'_>,
        field: &'static str,
        kind: &'static str,
        name: fn(T) -> &'static str,
        at: &Places<'_>,
        action: Option<&str>,
    ) -> Result<T, Error> {
        let place = at(field, None);
        let text = required(raw, &place, action, field, "a string")?;
        find(&text, self.names, name).ok_or_else(|| {
            plan_error(
                place,
                action,
                field,
                text.into_owned(),
                PlanProblem::Unknown {
                    kind,
                    expected: OneOf::<T>::new().to_string(),
                },
            )
        })
    }

    /// An action's items: at least one, each known, none twice, each one
    /// the tip works on.
    fn addresses(
        &self,
        raw: Addresses<'_>,
        tip: PracticeTip,
        at: &Places<'_>,
        action: Option<&str>,
    ) -> Result<Vec<GapItem>, Error> {
        let field = "addresses";
        let whole = at(field, None);
        let error =
            |place: Place, value: String, problem| plan_error(place, action, field, value, problem);
        let items: Vec<Result<GapItem, String>> = match raw {
            Addresses::Absent => return Err(error(whole, String::new(), PlanProblem::Missing)),
            Addresses::NotAList(found) => {
                return Err(error(
                    whole,
                    found,
                    PlanProblem::Type {
                        expected: "a list of gap items",
                    },
                ));
            }
            Addresses::Items(items) => items,
            Addresses::Text(text) => text
                .split(';')
                .map(str::trim)
                .filter(|part| !part.is_empty())
                .map(|part| item_named(part, self.names).ok_or_else(|| part.to_owned()))
                .collect(),
        };
        if items.is_empty() {
            return Err(error(whole, String::new(), PlanProblem::Empty));
        }
        let in_list = |k: usize| match self.names {
            // One cell holds every item: the cell is the place.
            Names::IdsOrNames => at(field, None),
            Names::Ids => at(field, Some(k)),
        };
        let links = self.rubric.links(tip);
        let mut out: Vec<GapItem> = Vec::with_capacity(items.len());
        for (k, item) in items.into_iter().enumerate() {
            let item = item.map_err(|value| {
                error(
                    in_list(k),
                    value,
                    PlanProblem::Unknown {
                        kind: "gap item",
                        expected: match self.names {
                            Names::Ids => "characteristic:ID, facilitator:ID or obstacle:ID",
                            Names::IdsOrNames => {
                                "characteristic:ID, facilitator:ID or obstacle:ID, or an item's \
                                 name"
                            }
                        }
                        .to_owned(),
                    },
                )
            })?;
            if out.contains(&item) {
                return Err(error(in_list(k), item_text(item), PlanProblem::Duplicate));
            }
            let worked_on = match item {
                GapItem::Characteristic(c) => links.establishes.contains(c),
                GapItem::Facilitator(f) => links.builds.contains(f),
                GapItem::Obstacle(o) => links.addresses.contains(o),
            };
            if !worked_on {
                let expected: Vec<String> = links
                    .establishes
                    .iter()
                    .map(GapItem::Characteristic)
                    .chain(links.builds.iter().map(GapItem::Facilitator))
                    .chain(links.addresses.iter().map(GapItem::Obstacle))
                    .map(item_text)
                    .collect();
                let expected = if expected.is_empty() {
                    "none".to_owned()
                } else {
                    expected.join(", ")
                };
                return Err(error(
                    in_list(k),
                    item_text(item),
                    PlanProblem::NotWorkedOn {
                        tip: tip.id(),
                        expected,
                    },
                ));
            }
            out.push(item);
        }
        Ok(out)
    }
}

/// An item as text: `facilitator:trust_and_openness`.
pub(crate) fn item_text(item: GapItem) -> String {
    let (kind, id) = match item {
        GapItem::Characteristic(c) => ("characteristic", c.id()),
        GapItem::Facilitator(f) => ("facilitator", f.id()),
        GapItem::Obstacle(o) => ("obstacle", o.id()),
    };
    format!("{kind}:{id}")
}

/// Whether two texts are the same, case and surrounding spaces ignored.
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase()
}

/// The value `text` names: its id; by [`Names::IdsOrNames`] also its id
/// or its `name` in any case.
fn find<T: Identifier>(text: &str, names: Names, name: fn(T) -> &'static str) -> Option<T> {
    T::iter().find(|v| v.id() == text).or_else(|| match names {
        Names::Ids => None,
        Names::IdsOrNames => T::iter().find(|&v| same(v.id(), text) || same(name(v), text)),
    })
}

/// The item `text` names: `kind:id` (by [`Names::IdsOrNames`] also the
/// kind and id or name in any case, or the item's name alone).
pub(crate) fn item_named(text: &str, names: Names) -> Option<GapItem> {
    fn of<T: Concept>(text: &str, names: Names) -> Option<T> {
        T::iter().find(|v| v.id() == text).or_else(|| match names {
            Names::Ids => None,
            Names::IdsOrNames => T::iter().find(|&v| same(v.id(), text) || same(v.name(), text)),
        })
    }
    if let Some((kind, id)) = text.split_once(':') {
        let exact = names == Names::Ids;
        let is = |name: &str| {
            if exact {
                kind == name
            } else {
                same(kind, name)
            }
        };
        let id = if exact { id } else { id.trim() };
        if is("characteristic") {
            return of::<Characteristic>(id, names).map(GapItem::Characteristic);
        }
        if is("facilitator") {
            return of::<Facilitator>(id, names).map(GapItem::Facilitator);
        }
        if is("obstacle") {
            return of::<Obstacle>(id, names).map(GapItem::Obstacle);
        }
        return None;
    }
    if names == Names::Ids {
        return None;
    }
    of::<Characteristic>(text, names)
        .map(GapItem::Characteristic)
        .or_else(|| of::<Facilitator>(text, names).map(GapItem::Facilitator))
        .or_else(|| of::<Obstacle>(text, names).map(GapItem::Obstacle))
}

/// A value that must be there and be text.
fn required<'a>(
    value: Value<'a>,
    place: &Place,
    action: Option<&str>,
    field: &'static str,
    expected: &'static str,
) -> Result<Cow<'a, str>, Error> {
    match value {
        None => Err(plan_error(
            place.clone(),
            action,
            field,
            String::new(),
            PlanProblem::Missing,
        )),
        Some(Err(found)) => Err(plan_error(
            place.clone(),
            action,
            field,
            found,
            PlanProblem::Type { expected },
        )),
        Some(Ok(text)) => Ok(text),
    }
}

/// Text that must not be empty nor hold a control character.
fn plain(
    text: Cow<'_, str>,
    place: &Place,
    action: Option<&str>,
    field: &'static str,
) -> Result<String, Error> {
    if text.trim().is_empty() {
        return Err(plan_error(
            place.clone(),
            action,
            field,
            text.into_owned(),
            PlanProblem::Missing,
        ));
    }
    if let Some(character) = control_character(&text) {
        return Err(plan_error(
            place.clone(),
            action,
            field,
            text.into_owned(),
            PlanProblem::ControlCharacter { character },
        ));
    }
    // An action's text is taken without surrounding spaces, as a
    // spreadsheet's cells are; the partnership's name is compared with a
    // round's, as written.
    if field == "partnership" {
        Ok(text.into_owned())
    } else {
        Ok(text.trim().to_owned())
    }
}

/// Optional text: absent, empty or spaces only is none; else plain text.
fn optional(
    value: Value<'_>,
    place: &Place,
    action: Option<&str>,
    field: &'static str,
) -> Result<Option<String>, Error> {
    match value {
        None => Ok(None),
        Some(value) => {
            let text = required(Some(value), place, action, field, "a string")?;
            if text.trim().is_empty() {
                Ok(None)
            } else {
                plain(text, place, action, field).map(Some)
            }
        }
    }
}

/// A real date.
fn date(
    text: &str,
    place: Place,
    action: Option<&str>,
    field: &'static str,
) -> Result<Date, Error> {
    text.trim()
        .parse()
        .map_err(|_| plan_error(place, action, field, text.to_owned(), PlanProblem::NotADate))
}

/// The plan's own fields checked: the partnership, the date and the
/// target.
pub(crate) fn header(
    partnership: Value<'_>,
    made_on: Value<'_>,
    target: Value<'_>,
) -> Result<(String, Option<Date>, Option<Level>), Error> {
    let partnership = Checker::partnership(partnership)?;
    let place = Place::Field("made_on".into());
    let made_on = match made_on {
        None => None,
        Some(value) => {
            let text = required(Some(value), &place, None, "made_on", "a date")?;
            Some(date(&text, place, None, "made_on")?)
        }
    };
    let place = Place::Field("target".into());
    let target = match target {
        None => None,
        Some(value) => {
            let text = required(Some(value), &place, None, "target", "a string")?;
            Some(text.parse::<Level>().map_err(|_| {
                plan_error(
                    place,
                    None,
                    "target",
                    text.clone().into_owned(),
                    PlanProblem::Unknown {
                        kind: "level",
                        expected: OneOf::<Level>::new().to_string(),
                    },
                )
            })?)
        }
    };
    Ok((partnership, made_on, target))
}
