//! Voices: how each agency and each role rates every facilitator and
//! obstacle, where they see the partnership differently, and the
//! suppression of small groups that protects respondents.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::foundation::exact::Exact;
use crate::input::tally::{Item, Sum};
use crate::{Assessment, Facilitator, Identifier, Obstacle, Role, Rubric};

/// The marker of a hidden group: always `true` in JSON.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Hidden;

impl Serialize for Hidden {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(true)
    }
}

impl<'de> Deserialize<'de> for Hidden {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if bool::deserialize(deserializer)? {
            Ok(Hidden)
        } else {
            Err(serde::de::Error::custom("`hidden` is always true"))
        }
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Hidden {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Hidden".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Always true: the group is hidden to protect its respondents.",
            "type": "boolean",
            "const": true,
        })
    }
}

/// Declares the group of a breakdown: shown with its mean and count, or
/// hidden with neither.
macro_rules! group {
    ($(#[$meta:meta])* $name:ident, $key:ident: $ty:ty, $key_doc:literal) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[serde(untagged, deny_unknown_fields)]
        pub enum $name {
            /// A group that is shown: the mean of its ratings of the item
            /// (`null` when it has none) and how many ratings it gave.
            Shown {
                #[doc = $key_doc]
                $key: $ty,
                /// The mean of the group's ratings of the item; `null` when
                /// it gave none.
                mean: Option<f64>,
                /// How many ratings of the item the group gave.
                responses: u64,
            },
            /// A group hidden to protect its respondents: it gave fewer
            /// ratings than the rubric's smallest group, or it was hidden
            /// with such a group so that neither can be worked out from the
            /// other figures. No mean, no count.
            Hidden {
                #[doc = $key_doc]
                $key: $ty,
                /// Always `true`.
                hidden: Hidden,
            },
        }

        impl $name {
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
        }
    };
}

group!(
    /// One agency's view of an item, in a breakdown by agency.
    AgencyGroup,
    agency: String,
    "The agency's id."
);

group!(
    /// One role's view of an item, all agencies pooled, in a breakdown by
    /// role.
    RoleGroup,
    role: Role,
    "The role."
);

impl AgencyGroup {
    /// The agency's id.
    #[must_use]
    pub fn agency(&self) -> &str {
        match self {
            Self::Shown { agency, .. } | Self::Hidden { agency, .. } => agency,
        }
    }
}

impl RoleGroup {
    /// The role.
    #[must_use]
    pub fn role(&self) -> Role {
        match self {
            Self::Shown { role, .. } | Self::Hidden { role, .. } => *role,
        }
    }
}

/// Declares the voices of one kind of item.
macro_rules! item_voices {
    ($(#[$meta:meta])* $name:ident, $field:ident: $ty:ty) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// The item.
            pub $field: $ty,
            /// Every agency, in the assessment's order: the mean of its
            /// respondents' ratings and their number, or hidden.
            pub by_agency: Vec<AgencyGroup>,
            /// Frontline staff, managers and senior managers, in that order:
            /// the plain mean of all their ratings across agencies and their
            /// number, or hidden.
            pub by_role: Vec<RoleGroup>,
            /// The highest minus the lowest mean of the shown agencies with
            /// ratings, when there are at least two; else `null`.
            pub agency_spread: Option<f64>,
            /// Whether the spread reaches the rubric's `divergence.agency_spread`.
            pub agencies_diverge: bool,
            /// The senior managers' mean minus the frontline staff's, when
            /// both are shown with ratings; else `null`.
            pub role_gap: Option<f64>,
            /// Whether the gap, either way, reaches the rubric's
            /// `divergence.role_gap`.
            pub roles_diverge: bool,
            /// Whether the item has some ratings, but fewer than the
            /// rubric's smallest group: its mean rests on little evidence.
            pub thin: bool,
            /// Whether all its ratings come from one agency.
            pub one_sided: bool,
        }
    };
}

item_voices!(
    /// How the agencies and roles rate one facilitator.
    FacilitatorVoices,
    facilitator: Facilitator
);

item_voices!(
    /// How the agencies and roles rate one obstacle.
    ObstacleVoices,
    obstacle: Obstacle
);

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
/// let leadership = &voices.facilitators[Facilitator::Leadership as usize];
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
    pub facilitators: Vec<FacilitatorVoices>,
    /// Every obstacle, in catalogue order.
    pub obstacles: Vec<ObstacleVoices>,
}

impl Voices {
    /// How many groups are hidden, over every breakdown of every item.
    #[must_use]
    pub fn hidden_groups(&self) -> usize {
        let count = |agency: &[AgencyGroup], role: &[RoleGroup]| {
            agency.iter().filter(|g| g.is_hidden()).count()
                + role.iter().filter(|g| g.is_hidden()).count()
        };
        self.facilitators
            .iter()
            .map(|v| count(&v.by_agency, &v.by_role))
            .chain(
                self.obstacles
                    .iter()
                    .map(|v| count(&v.by_agency, &v.by_role)),
            )
            .sum()
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

/// Everything but the item itself, computed from the sums.
#[allow(
    clippy::struct_excessive_bools,
    reason = "the four flags of the report's JSON"
)]
struct Computed {
    by_agency: Vec<AgencyGroup>,
    by_role: Vec<RoleGroup>,
    agency_spread: Option<f64>,
    agencies_diverge: bool,
    role_gap: Option<f64>,
    roles_diverge: bool,
    thin: bool,
    one_sided: bool,
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

fn compute(
    assessment: &Assessment,
    rubric: &Rubric,
    item: Item,
    scratch: &mut Scratch,
) -> Computed {
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
        .map(|((agency, sum), &hidden)| {
            let agency = agency.id.clone();
            if hidden {
                AgencyGroup::Hidden {
                    agency,
                    hidden: Hidden,
                }
            } else {
                AgencyGroup::Shown {
                    agency,
                    mean: group_mean(*sum),
                    responses: u64::from(sum.count),
                }
            }
        })
        .collect();

    let mut role_sums = [Sum::default(); Role::COUNT];
    for tally in tallies {
        for (sum, role) in role_sums.iter_mut().zip(Role::ALL) {
            *sum = sum.plus(tally.of_role(role, item));
        }
    }
    let mut role_hidden = [false; Role::COUNT];
    suppress(&role_sums, k, &mut role_hidden);
    let by_role = Role::ALL
        .iter()
        .zip(role_sums.iter().zip(role_hidden))
        .map(|(&role, (sum, hidden))| {
            if hidden {
                RoleGroup::Hidden {
                    role,
                    hidden: Hidden,
                }
            } else {
                RoleGroup::Shown {
                    role,
                    mean: group_mean(*sum),
                    responses: u64::from(sum.count),
                }
            }
        })
        .collect();

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
    Computed {
        by_agency,
        by_role,
        agency_spread: spread.as_ref().map(Exact::to_f64),
        agencies_diverge,
        role_gap: gap.as_ref().map(Exact::to_f64),
        roles_diverge,
        thin: total >= 1 && total < u64::from(k),
        one_sided: agency_sums.iter().filter(|s| s.count > 0).count() == 1,
    }
}

impl Assessment {
    /// Who sees the partnership how, with the default rubric's privacy and
    /// divergence numbers; see [`Voices`].
    #[must_use]
    pub fn voices(&self) -> Voices {
        self.voices_with(&Rubric::DEFAULT)
    }

    /// Who sees the partnership how, with `rubric`'s privacy and divergence
    /// numbers.
    #[must_use]
    pub fn voices_with(&self, rubric: &Rubric) -> Voices {
        let mut scratch = Scratch::default();
        let facilitators = Facilitator::iter()
            .map(|facilitator| {
                let c = compute(self, rubric, Item::Facilitator(facilitator), &mut scratch);
                FacilitatorVoices {
                    facilitator,
                    by_agency: c.by_agency,
                    by_role: c.by_role,
                    agency_spread: c.agency_spread,
                    agencies_diverge: c.agencies_diverge,
                    role_gap: c.role_gap,
                    roles_diverge: c.roles_diverge,
                    thin: c.thin,
                    one_sided: c.one_sided,
                }
            })
            .collect();
        let obstacles = Obstacle::iter()
            .map(|obstacle| {
                let c = compute(self, rubric, Item::Obstacle(obstacle), &mut scratch);
                ObstacleVoices {
                    obstacle,
                    by_agency: c.by_agency,
                    by_role: c.by_role,
                    agency_spread: c.agency_spread,
                    agencies_diverge: c.agencies_diverge,
                    role_gap: c.role_gap,
                    roles_diverge: c.roles_diverge,
                    thin: c.thin,
                    one_sided: c.one_sided,
                }
            })
            .collect();
        Voices {
            min_group_size: rubric.privacy().min_group_size,
            facilitators,
            obstacles,
        }
    }
}

impl Rubric {
    /// Who sees `assessment`'s partnership how, with this rubric: the same
    /// as [`Assessment::voices_with`].
    #[must_use]
    pub fn voices(&self, assessment: &Assessment) -> Voices {
        assessment.voices_with(self)
    }
}
