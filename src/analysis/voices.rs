//! Voices: how each agency and each role rates every facilitator and
//! obstacle, where they see the partnership differently, and the
//! suppression of small groups that protects respondents.

use serde::{Deserialize, Deserializer, Serialize};

use crate::analysis::item_record;
use crate::analysis::spread::{Agreement, intraclass};
use crate::concepts::rated::{by_kind, entry};
use crate::foundation::exact::Exact;
use crate::foundation::keyed::{self, Key, Record};
use crate::input::tally::Sum;
use crate::{Assessment, Facilitator, Identifier, Obstacle, Rated, Role, Rubric};

/// The marker of a hidden group: always `true` in JSON.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "bool", try_from = "bool")]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemars",
    schemars(
        with = "bool",
        extend("const" = true),
        description = "Always true: the group is hidden to protect its respondents."
    )
)]
pub struct Hidden;

impl From<Hidden> for bool {
    fn from(_: Hidden) -> bool {
        true
    }
}

impl TryFrom<bool> for Hidden {
    type Error = &'static str;

    fn try_from(hidden: bool) -> Result<Hidden, Self::Error> {
        hidden.then_some(Hidden).ok_or("`hidden` is always true")
    }
}

/// One group's view of an item in a breakdown: an agency's
/// ([`AgencyGroup`]) or a role's, all agencies pooled ([`RoleGroup`]).
/// Shown with its mean and count, or hidden with neither.
///
/// In JSON the group is named by its key: `{"agency": "cfa", "mean": 2.5,
/// "responses": 6}`, `{"role": "manager", "hidden": true}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    untagged,
    bound(
        serialize = "K: Key + Serialize",
        deserialize = "K: Key + Deserialize<'de>"
    )
)]
pub enum Group<K> {
    /// A group that is shown: the mean of its ratings of the item (`null`
    /// when it has none) and how many ratings it gave.
    Shown {
        /// The agency's id, or the role.
        #[serde(flatten, with = "keyed")]
        key: K,
        /// The mean of the group's ratings of the item; `null` when it gave
        /// none.
        mean: Option<f64>,
        /// How many ratings of the item the group gave.
        responses: u64,
        /// The standard deviation of the group's ratings; absent with
        /// fewer than two, and for the roles of an item with a hidden
        /// agency.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sd: Option<f64>,
        /// How far the group's respondents agree (`r_wg`); absent as `sd`
        /// is.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        agreement: Option<f64>,
    },
    /// A group hidden to protect its respondents: it gave fewer ratings
    /// than the rubric's smallest group, or it was hidden with such a group
    /// so that neither can be worked out from the other figures. No mean,
    /// no count.
    Hidden {
        /// The agency's id, or the role.
        #[serde(flatten, with = "keyed")]
        key: K,
        /// Always `true`.
        hidden: Hidden,
    },
}

#[cfg(feature = "schemars")]
impl<K: Key + schemars::JsonSchema> schemars::JsonSchema for Group<K> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        let mut name: String = K::KEY
            .chars()
            .take(1)
            .flat_map(char::to_uppercase)
            .collect();
        name.push_str(K::KEY.get(1..).unwrap_or_default());
        name.push_str("Group");
        name.into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let key = generator.subschema_for::<K>().to_value();
        let mean = generator.subschema_for::<Option<f64>>().to_value();
        let responses = generator.subschema_for::<u64>().to_value();
        let hidden = generator.subschema_for::<Hidden>().to_value();
        let mut shown = serde_json::Map::new();
        shown.insert(K::KEY.to_owned(), key.clone());
        shown.insert("mean".to_owned(), mean);
        shown.insert("responses".to_owned(), responses);
        shown.insert(
            "sd".to_owned(),
            serde_json::json!({"type": "number", "minimum": 0,
                "description": "The standard deviation of the group's ratings; absent with \
                                fewer than two, and for the roles of an item with a hidden \
                                agency."}),
        );
        shown.insert(
            "agreement".to_owned(),
            serde_json::json!({"type": "number", "minimum": 0, "maximum": 1,
                "description": "How far the group's respondents agree: `r_wg` = 1 - s²/2, \
                                0 when negative; absent as `sd` is."}),
        );
        let mut hide = serde_json::Map::new();
        hide.insert(K::KEY.to_owned(), key);
        hide.insert("hidden".to_owned(), hidden);
        schemars::json_schema!({
            "description": format!(
                "One {}'s view of an item: shown with the mean of its ratings (`null` when it \
                 gave none) and their number, or hidden to protect its respondents, with \
                 neither.",
                K::KEY
            ),
            "anyOf": [
                {"type": "object", "properties": shown,
                 "required": [K::KEY, "mean", "responses"], "additionalProperties": false},
                {"type": "object", "properties": hide,
                 "required": [K::KEY, "hidden"], "additionalProperties": false},
            ],
        })
    }
}

/// One agency's view of an item, in a breakdown by agency.
pub type AgencyGroup = Group<String>;

/// One role's view of an item, all agencies pooled, in a breakdown by role.
pub type RoleGroup = Group<Role>;

impl<K> Group<K> {
    /// The agency's id, or the role.
    #[must_use]
    pub fn key(&self) -> &K {
        match self {
            Self::Shown { key, .. } | Self::Hidden { key, .. } => key,
        }
    }

    /// Whether the group is hidden.
    #[must_use]
    pub fn is_hidden(&self) -> bool {
        matches!(self, Self::Hidden { .. })
    }

    /// The mean of a shown group with ratings.
    #[must_use]
    pub fn mean(&self) -> Option<f64> {
        match self {
            Self::Shown { mean, .. } => *mean,
            Self::Hidden { .. } => None,
        }
    }

    /// The number of ratings of a shown group.
    #[must_use]
    pub fn responses(&self) -> Option<u64> {
        match self {
            Self::Shown { responses, .. } => Some(*responses),
            Self::Hidden { .. } => None,
        }
    }

    /// The spread of a shown group's ratings (`None` when absent).
    #[must_use]
    pub fn sd(&self) -> Option<f64> {
        match self {
            Self::Shown { sd, .. } => *sd,
            Self::Hidden { .. } => None,
        }
    }

    /// How far a shown group's respondents agree (`None` when absent).
    #[must_use]
    pub fn agreement(&self) -> Option<f64> {
        match self {
            Self::Shown { agreement, .. } => *agreement,
            Self::Hidden { .. } => None,
        }
    }

    /// The group, shown or hidden, with its sum of ratings; its spread
    /// when `spread` is allowed.
    fn of(key: K, sum: Sum, hidden: bool, spread: bool) -> Group<K> {
        if hidden {
            Group::Hidden {
                key,
                hidden: Hidden,
            }
        } else {
            let Agreement { sd, r_wg, .. } = if spread {
                Agreement::of(sum)
            } else {
                Agreement::NONE
            };
            Group::Shown {
                key,
                mean: group_mean(sum),
                responses: u64::from(sum.count),
                sd,
                agreement: r_wg,
            }
        }
    }
}

/// How the agencies and roles rate one item: a facilitator
/// ([`FacilitatorVoices`]) or an obstacle ([`ObstacleVoices`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemars",
    schemars(
        rename = "{T}Voices",
        bound = "T: Rated + schemars::JsonSchema, T::Band: schemars::JsonSchema",
        transform = |s: &mut schemars::Schema| keyed::describe::<T>(s, "How the agencies and roles rate one {kind}, with small groups hidden.")
    )
)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "the four flags of the report's JSON"
)]
pub struct ItemVoices<T: Rated> {
    /// The item.
    #[serde(flatten, with = "keyed")]
    #[cfg_attr(feature = "schemars", schemars(schema_with = "keyed::schema::<T>"))]
    pub item: T,
    /// Every agency, in the assessment's order: the mean of its
    /// respondents' ratings and their number, or hidden.
    pub by_agency: Vec<AgencyGroup>,
    /// Frontline staff, managers and senior managers, in that order: the
    /// plain mean of all their ratings across agencies and their number, or
    /// hidden.
    #[serde(deserialize_with = "roles_in_order")]
    pub by_role: [RoleGroup; Role::COUNT],
    /// The highest minus the lowest mean of the shown agencies with
    /// ratings, when there are at least two; else `null`.
    pub agency_spread: Option<f64>,
    /// Whether the spread reaches the rubric's `divergence.agency_spread`.
    pub agencies_diverge: bool,
    /// The senior managers' mean minus the frontline staff's, when both are
    /// shown with ratings; else `null`.
    pub role_gap: Option<f64>,
    /// Whether the gap, either way, reaches the rubric's
    /// `divergence.role_gap`.
    pub roles_diverge: bool,
    /// Whether the item has some ratings, but fewer than the rubric's
    /// smallest group: its mean rests on little evidence.
    pub thin: bool,
    /// Whether all its ratings come from one agency.
    pub one_sided: bool,
    /// ICC(1) between agencies (Bliese 2000): how much of the spread of
    /// single ratings lies between agencies. `null` with fewer than two
    /// agencies, no agency with two ratings, a hidden agency, or when
    /// every rating is alike.
    pub icc1: Option<f64>,
    /// ICC(2) between agencies: how reliably the agency means tell the
    /// agencies apart. `null` as `icc1` is, and when the agency means are
    /// all alike.
    pub icc2: Option<f64>,
}

/// How the agencies and roles rate one facilitator.
pub type FacilitatorVoices = ItemVoices<Facilitator>;

/// How the agencies and roles rate one obstacle.
pub type ObstacleVoices = ItemVoices<Obstacle>;

item_record!(ItemVoices);

impl Record for RoleGroup {
    type Item = Role;
    fn item(&self) -> Role {
        *self.key()
    }
}

/// Reads a breakdown by role: one group per role, in order.
fn roles_in_order<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<[RoleGroup; Role::COUNT], D::Error> {
    keyed::in_order_array(deserializer)
}

/// Who sees the partnership how: every facilitator and obstacle broken down
/// by agency and by role, with the groups too small to show hidden.
///
/// Every agency has its view of every item, and so does every role. Groups
/// with at least one rating but fewer than the rubric's
/// `privacy.min_group_size` are hidden; where that hides exactly one group
/// of a breakdown, the shown group with the fewest ratings is hidden too, so
/// that the hidden one cannot be worked out from the overall figures.
/// Hidden groups carry no mean and no count, and never feed a spread, a gap
/// or a flag. Comparisons with the rubric's divergence numbers are exact.
///
/// ```
/// use interagency::{Assessment, Facilitator};
///
/// let assessment = Assessment::from_json(&std::fs::read_to_string(
///     "examples/data/child-protection-hub.json")?)?;
/// let voices = assessment.voices();
/// let leadership = voices.of(Facilitator::Leadership);
/// // Senior managers rate leadership far higher than frontline staff do.
/// assert_eq!(leadership.role_gap, Some(2.875));
/// assert!(leadership.roles_diverge);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Voices {
    /// The smallest group shown, from the rubric.
    pub min_group_size: u32,
    /// Every facilitator, in catalogue order.
    #[serde(deserialize_with = "keyed::in_order_array")]
    pub facilitators: [FacilitatorVoices; Facilitator::COUNT],
    /// Every obstacle, in catalogue order.
    #[serde(deserialize_with = "keyed::in_order_array")]
    pub obstacles: [ObstacleVoices; Obstacle::COUNT],
}

by_kind!(Voices => [ItemVoices<T>]);

impl Voices {
    /// The voices of one item, facilitator or obstacle.
    #[must_use]
    pub fn of<T: Rated>(&self, item: T) -> &ItemVoices<T> {
        entry(T::of(self), item)
    }

    /// How many groups are hidden, over every breakdown of every item.
    #[must_use]
    pub fn hidden_groups(&self) -> usize {
        fn count<T: Rated>(voices: &Voices) -> usize {
            T::of(voices)
                .iter()
                .map(|v| {
                    v.by_agency.iter().filter(|g| g.is_hidden()).count()
                        + v.by_role.iter().filter(|g| g.is_hidden()).count()
                })
                .sum()
        }
        count::<Facilitator>(self) + count::<Obstacle>(self)
    }

    /// Whether every breakdown by agency lists `agencies`, in their order.
    pub(crate) fn lists(&self, agencies: &[&str]) -> bool {
        fn lists<T: Rated>(voices: &Voices, agencies: &[&str]) -> bool {
            T::of(voices).iter().all(|v| {
                v.by_agency.len() == agencies.len()
                    && v.by_agency.iter().zip(agencies).all(|(g, a)| g.key() == a)
            })
        }
        lists::<Facilitator>(self, agencies) && lists::<Obstacle>(self, agencies)
    }
}

/// Which groups of one breakdown to hide: those with 1 to `k - 1` ratings,
/// and, when that hides exactly one, the shown group with ratings that has
/// the fewest (the earliest of equals). `hidden` has one slot per sum.
fn suppress(sums: &[Sum], k: u32, hidden: &mut [bool]) {
    let mut count = 0;
    for (slot, sum) in hidden.iter_mut().zip(sums) {
        *slot = sum.count >= 1 && sum.count < k;
        count += usize::from(*slot);
    }
    if count == 1 {
        let smallest = sums
            .iter()
            .zip(hidden.iter())
            .enumerate()
            .filter(|(_, (sum, hidden))| !**hidden && sum.count >= 1)
            .min_by_key(|(i, (sum, _))| (sum.count, *i))
            .map(|(i, _)| i);
        if let Some(slot) = smallest.and_then(|i| hidden.get_mut(i)) {
            *slot = true;
        }
    }
}

/// The exact mean of a shown group with ratings.
fn visible_mean(sum: Sum, hidden: bool) -> Option<Exact> {
    (!hidden && sum.count > 0).then(|| Exact::ratio(sum.total, sum.count))
}

/// The highest minus the lowest mean of the shown agencies with ratings,
/// when there are at least two.
fn spread(sums: &[Sum], hidden: &[bool]) -> Option<Exact> {
    // Two means total/count compare exactly by cross-multiplying, which
    // fits in 128 bits.
    let above = |a: Sum, b: Sum| {
        u128::from(a.total) * u128::from(b.count) > u128::from(b.total) * u128::from(a.count)
    };
    let mut highest: Option<Sum> = None;
    let mut lowest: Option<Sum> = None;
    let mut shown = 0usize;
    for (&sum, &hidden) in sums.iter().zip(hidden) {
        if !hidden && sum.count > 0 {
            shown += 1;
            if highest.is_none_or(|h| above(sum, h)) {
                highest = Some(sum);
            }
            if lowest.is_none_or(|l| above(l, sum)) {
                lowest = Some(sum);
            }
        }
    }
    match (highest, lowest) {
        (Some(h), Some(l)) if shown >= 2 => {
            Some(Exact::ratio(h.total, h.count).sub(&Exact::ratio(l.total, l.count)))
        }
        _ => None,
    }
}

/// The mean of a group's ratings, rounded once: the sum and the count are
/// exact in `f64` (far below 2^53), and IEEE division rounds their exact
/// quotient correctly.
#[allow(clippy::cast_precision_loss, reason = "sums and counts far below 2^53")]
fn group_mean(sum: Sum) -> Option<f64> {
    (sum.count > 0).then(|| sum.total as f64 / f64::from(sum.count))
}

/// Space for one breakdown by agency, reused from item to item.
#[derive(Default)]
struct Scratch {
    sums: Vec<Sum>,
    hidden: Vec<bool>,
}

fn compute<T: Rated>(
    assessment: &Assessment,
    rubric: &Rubric,
    item: T,
    scratch: &mut Scratch,
) -> ItemVoices<T> {
    let k = rubric.privacy().min_group_size;
    let exact = rubric.exact_thresholds();
    let tallies = assessment.tallies();

    let Scratch {
        sums: agency_sums,
        hidden: agency_hidden,
    } = scratch;
    agency_sums.clear();
    agency_sums.extend(tallies.iter().map(|t| t.of(item)));
    agency_hidden.clear();
    agency_hidden.resize(agency_sums.len(), false);
    suppress(agency_sums, k, agency_hidden);
    let by_agency = assessment
        .agencies()
        .iter()
        .zip(agency_sums.iter())
        .zip(agency_hidden.iter())
        .map(|((agency, &sum), &hidden)| Group::of(agency.id.clone(), sum, hidden, true))
        .collect();
    // With a hidden agency group, no spread over the ratings of several
    // agencies is shown: with the mean it would give the group away.
    let any_hidden = agency_hidden.iter().any(|&h| h);

    let mut role_sums = [Sum::default(); Role::COUNT];
    for tally in tallies {
        for (sum, role) in role_sums.iter_mut().zip(Role::ALL) {
            *sum = sum.plus(tally.of_role(role, item));
        }
    }
    let mut role_hidden = [false; Role::COUNT];
    suppress(&role_sums, k, &mut role_hidden);
    let mut role_groups = role_sums.iter().zip(role_hidden);
    let by_role = Role::ALL.map(|role| {
        let (&sum, hidden) = role_groups.next().unwrap_or((&Sum::default(), false));
        Group::of(role, sum, hidden, !any_hidden)
    });

    let spread = spread(agency_sums, agency_hidden);
    let agencies_diverge = spread
        .as_ref()
        .is_some_and(|s| s.at_least(&Exact::from(exact.agency_spread)));

    let role_mean = |role: Role| {
        let i = role.index();
        visible_mean(
            role_sums.get(i).copied().unwrap_or_default(),
            role_hidden.get(i).copied().unwrap_or(true),
        )
    };
    let gap = match (role_mean(Role::SeniorManager), role_mean(Role::Frontline)) {
        (Some(senior), Some(frontline)) => Some(senior.sub(&frontline)),
        _ => None,
    };
    let threshold = Exact::from(exact.role_gap);
    let roles_diverge = gap
        .as_ref()
        .is_some_and(|g| g.at_least(&threshold) || g.neg().at_least(&threshold));

    let total: u64 = agency_sums.iter().map(|s| u64::from(s.count)).sum();
    let (icc1, icc2) = if any_hidden {
        (None, None)
    } else {
        intraclass(tallies, item)
    };
    ItemVoices {
        item,
        by_agency,
        by_role,
        agency_spread: spread.as_ref().map(Exact::to_f64),
        agencies_diverge,
        role_gap: gap.as_ref().map(Exact::to_f64),
        roles_diverge,
        thin: total >= 1 && total < u64::from(k),
        one_sided: agency_sums.iter().filter(|s| s.count > 0).count() == 1,
        icc1,
        icc2,
    }
}

impl Assessment {
    /// Who sees the partnership how, with the default rubric's privacy and
    /// divergence numbers; see [`Voices`]. [`Rubric::voices`] uses another
    /// rubric's.
    #[must_use]
    pub fn voices(&self) -> Voices {
        Rubric::DEFAULT.voices(self)
    }
}

impl Rubric {
    /// Who sees `assessment`'s partnership how, with this rubric's privacy
    /// and divergence numbers.
    #[must_use]
    pub fn voices(&self, assessment: &Assessment) -> Voices {
        let mut scratch = Scratch::default();
        Voices {
            min_group_size: self.privacy().min_group_size,
            facilitators: Facilitator::ALL
                .map(|item| compute(assessment, self, item, &mut scratch)),
            obstacles: Obstacle::ALL.map(|item| compute(assessment, self, item, &mut scratch)),
        }
    }
}
