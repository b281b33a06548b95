//! Progress between two rounds of a partnership's assessment.

use serde::{Deserialize, Serialize};

use crate::analysis::item_record;
use crate::analysis::network::NetworkChange;
use crate::analysis::plan::PlanReview;
use crate::analysis::spread::{Interval, Quantiles, Uncertainty};
use crate::analysis::value::Means;
use crate::concepts::rated::{by_kind, entry};
use crate::foundation::id::id_enum;
use crate::foundation::keyed;
use crate::rubric::RubricSummary;
use crate::{
    Agency, Assessment, Band, Characteristic, Classification, ConceptSet, Date, Error, Facilitator,
    GapReport, Level, Obstacle, ObstacleBand, Rated, Rubric,
};

id_enum! {
    /// How an item's band moved from the earlier round to the later one.
    pub enum Movement: "movement" {
        /// A better band: a facilitator more present (concern, borderline,
        /// strength), or an obstacle less severe (major, moderate, minor).
        Improved,
        /// A worse band.
        Worsened,
        /// The same band.
        Unchanged,
        /// No ratings in one round or both, so no band to compare.
        NotComparable,
    }
}

/// Where one round stood.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// The partnership's name in that round.
    pub partnership: String,
    /// The date of that round, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed_on: Option<Date>,
    /// The level whose arrangements were in place; `null` for none.
    pub structural_level: Option<Level>,
    /// The level sustained; `null` for none.
    pub achieved_level: Option<Level>,
    /// The agencies taking part in that round.
    pub agencies: Vec<Agency>,
}

/// How one rated item changed between rounds: a facilitator
/// ([`FacilitatorChange`]) or an obstacle ([`ObstacleChange`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemars",
    schemars(
        rename = "{T}Change",
        bound = "T: Rated + schemars::JsonSchema, T::Band: schemars::JsonSchema",
        transform = |s: &mut schemars::Schema| keyed::describe::<T>(s, "How one {kind} changed between rounds: its means, bands and movement.")
    )
)]
pub struct ItemChange<T: Rated> {
    /// The item.
    #[serde(flatten, with = "keyed")]
    #[cfg_attr(feature = "schemars", schemars(schema_with = "keyed::schema::<T>"))]
    pub item: T,
    /// Its mean in the earlier round; `null` without ratings.
    pub earlier_mean: Option<f64>,
    /// Its mean in the later round; `null` without ratings.
    pub later_mean: Option<f64>,
    /// The later mean minus the earlier one, computed exactly; `null`
    /// unless both rounds have a mean.
    pub change: Option<f64>,
    /// Its band in the earlier round.
    pub earlier_band: T::Band,
    /// Its band in the later round.
    pub later_band: T::Band,
    /// How the band moved.
    pub movement: Movement,
    /// The confidence interval of the change at the rubric's confidence
    /// (Welch–Satterthwaite), within −4 to 4; `null` when either round's
    /// mean has no interval.
    pub change_interval: Option<Interval>,
    /// Whether the change is beyond the noise: its interval excludes 0.
    /// `null` with the interval.
    pub clear_change: Option<bool>,
}

/// How one facilitator changed between rounds.
pub type FacilitatorChange = ItemChange<Facilitator>;

/// How one obstacle changed between rounds.
pub type ObstacleChange = ItemChange<Obstacle>;

item_record!(ItemChange);

/// What changed between two rounds of one partnership's assessment,
/// analysed with the same rubric, and what to work on next.
///
/// ```
/// use interagency::{Assessment, Level, Movement, Obstacle};
///
/// let read = |name: &str| -> Result<Assessment, Box<dyn std::error::Error>> {
///     Ok(Assessment::from_json(&std::fs::read_to_string(format!("examples/data/{name}.json"))?)?)
/// };
/// let earlier = read("early-years-network")?;
/// let later = read("early-years-network-2027")?;
/// let progress = later.progress_since(&earlier, None)?;
/// assert_eq!(progress.achieved_change, 1);
/// assert_eq!(progress.agencies_joined, ["tusla"]);
/// assert!(progress.obstacles_resolved.contains(Obstacle::TimeNotPrioritised));
/// assert_eq!(progress.change(Obstacle::Conflict).movement, Movement::Worsened);
/// assert_eq!(progress.later_report.target, Level::Coordination);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgressReport {
    /// The rubric both rounds were analysed with, with what a reader needs
    /// of it.
    pub rubric: RubricSummary,
    /// Where the earlier round stood.
    pub earlier: Round,
    /// Where the later round stands.
    pub later: Round,
    /// The later structural level's number minus the earlier one's (no
    /// level counts as 0).
    pub structural_change: i8,
    /// The later achieved level's number minus the earlier one's (no level
    /// counts as 0).
    pub achieved_change: i8,
    /// Characteristics in place in the later round only, in catalogue order.
    pub characteristics_added: ConceptSet<Characteristic>,
    /// Characteristics in place in the earlier round only, in catalogue
    /// order.
    pub characteristics_removed: ConceptSet<Characteristic>,
    /// Agencies listed in the later round only, in its order.
    pub agencies_joined: Vec<String>,
    /// Agencies listed in the earlier round only, in its order.
    pub agencies_left: Vec<String>,
    /// Every facilitator, in catalogue order.
    #[serde(deserialize_with = "keyed::in_order_array")]
    pub facilitators: [FacilitatorChange; Facilitator::COUNT],
    /// Every obstacle, in catalogue order.
    #[serde(deserialize_with = "keyed::in_order_array")]
    pub obstacles: [ObstacleChange; Obstacle::COUNT],
    /// Obstacles active in the earlier round and minor in the later one.
    pub obstacles_resolved: ConceptSet<Obstacle>,
    /// Obstacles minor or unrated in the earlier round and active in the
    /// later one.
    pub obstacles_new: ConceptSet<Obstacle>,
    /// The gap report of the later round: what to work on next.
    pub later_report: GapReport,
    /// How the network of agencies changed; null unless both rounds have
    /// answers about other agencies.
    pub network_change: Option<NetworkChange>,
    /// The action plan made after the earlier round, reviewed at the later
    /// one ([`ProgressReport::with_plan`]); absent when no plan was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_review: Option<PlanReview>,
}

by_kind!(ProgressReport => [ItemChange<T>]);

/// A progress report read back is checked as it is read: one entry per
/// facilitator and obstacle in catalogue order, and the later round's gap
/// report made with the report's rubric.
impl<'de> Deserialize<'de> for ProgressReport {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let report = UncheckedProgressReport::deserialize(deserializer)?;
        if report.later_report.rubric == report.rubric {
            Ok(report)
        } else {
            Err(serde::de::Error::custom(
                "later_report.rubric: both rounds are analysed with the report's rubric",
            ))
        }
    }
}

/// The fields of a [`ProgressReport`] as read, before the checks of its
/// `Deserialize`: the one way to read a report is through them.
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    remote = "ProgressReport",
    rename = "ProgressReport"
)]
struct UncheckedProgressReport {
    rubric: RubricSummary,
    earlier: Round,
    later: Round,
    structural_change: i8,
    achieved_change: i8,
    characteristics_added: ConceptSet<Characteristic>,
    characteristics_removed: ConceptSet<Characteristic>,
    agencies_joined: Vec<String>,
    agencies_left: Vec<String>,
    #[serde(deserialize_with = "keyed::in_order_array")]
    facilitators: [FacilitatorChange; Facilitator::COUNT],
    #[serde(deserialize_with = "keyed::in_order_array")]
    obstacles: [ObstacleChange; Obstacle::COUNT],
    obstacles_resolved: ConceptSet<Obstacle>,
    obstacles_new: ConceptSet<Obstacle>,
    later_report: GapReport,
    network_change: Option<NetworkChange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    plan_review: Option<PlanReview>,
}

impl ProgressReport {
    /// How one item, facilitator or obstacle, changed.
    #[must_use]
    pub fn change<T: Rated>(&self, item: T) -> &ItemChange<T> {
        entry(T::of(self), item)
    }
}

impl Movement {
    /// How a band moved from `earlier` to `later`: bands compare by how
    /// good they are for the partnership; an unknown band is not comparable.
    ///
    /// ```
    /// use interagency::{FacilitatorBand, Movement, ObstacleBand};
    ///
    /// assert_eq!(Movement::between(FacilitatorBand::Concern, FacilitatorBand::Borderline), Movement::Improved);
    /// assert_eq!(Movement::between(ObstacleBand::Minor, ObstacleBand::Major), Movement::Worsened);
    /// assert_eq!(Movement::between(ObstacleBand::Unknown, ObstacleBand::Major), Movement::NotComparable);
    /// ```
    #[must_use]
    pub fn between<B: Band>(earlier: B, later: B) -> Movement {
        match (earlier.rank(), later.rank()) {
            (Some(e), Some(l)) if l > e => Movement::Improved,
            (Some(e), Some(l)) if l < e => Movement::Worsened,
            (Some(_), Some(_)) => Movement::Unchanged,
            _ => Movement::NotComparable,
        }
    }
}

/// How every item of one kind changed.
fn changes<T: Rated, const N: usize>(
    items: [T; N],
    rounds: [(&Classification, &Means<'_>); 2],
    confidence: f64,
) -> [ItemChange<T>; N] {
    let [(before, before_exact), (after, after_exact)] = rounds;
    let quantiles = Quantiles::new(confidence);
    items.map(|item| {
        let (e, l) = (before.result(item), after.result(item));
        let change = change(item, before_exact, after_exact);
        let change_interval = change
            .zip(Uncertainty::of(before_exact.tallies, item))
            .zip(Uncertainty::of(after_exact.tallies, item))
            .map(|((change, e), l)| {
                Uncertainty::difference(e, l).around(change, quantiles, -4.0, 4.0)
            });
        ItemChange {
            item,
            earlier_mean: e.mean,
            later_mean: l.mean,
            change,
            earlier_band: e.band,
            later_band: l.band,
            movement: Movement::between(e.band, l.band),
            change_interval,
            clear_change: change_interval.map(|i| i.lower > 0.0 || i.upper < 0.0),
        }
    })
}

/// The later mean of `item` minus the earlier one, computed exactly and
/// rounded once; `None` unless both rounds rated it.
fn change<T: Rated>(item: T, earlier: &Means<'_>, later: &Means<'_>) -> Option<f64> {
    let difference = later.of(item).approx()?.sub(earlier.of(item).approx()?);
    match difference.nearest_f64() {
        Some(y) if !crate::analysis::value::VERIFY => Some(y),
        fast => {
            let exact = later.exact(item)?.sub(&earlier.exact(item)?).to_f64();
            if let Some(y) = fast {
                debug_assert_eq!(
                    y.to_bits(),
                    exact.to_bits(),
                    "a rounding within the bound disagrees"
                );
            }
            Some(exact)
        }
    }
}

fn number(level: Option<Level>) -> i8 {
    level.map_or(0, |l| i8::try_from(l.number()).unwrap_or(0))
}

fn round(a: &Assessment, structural: Option<Level>, achieved: Option<Level>) -> Round {
    Round {
        partnership: a.partnership().to_owned(),
        assessed_on: a.assessed_on(),
        structural_level: structural,
        achieved_level: achieved,
        agencies: a.agencies().to_vec(),
    }
}

impl Assessment {
    /// Compares this round of a partnership's assessment with an earlier
    /// one, both analysed with the default rubric; [`Rubric::progress`]
    /// uses another rubric.
    ///
    /// # Errors
    ///
    /// [`Error::RoundsOutOfOrder`] if both rounds are dated and this one is
    /// dated before the earlier one.
    pub fn progress_since(
        &self,
        earlier: &Assessment,
        target: Option<Level>,
    ) -> Result<ProgressReport, Error> {
        Rubric::DEFAULT.progress(earlier, self, target)
    }
}

impl Rubric {
    /// Compares an earlier and a later round of a partnership's assessment,
    /// both analysed with this rubric: both rounds' levels and their
    /// change, the characteristics added and removed, the agencies that
    /// joined and left, how every facilitator and obstacle moved, the
    /// obstacles resolved and new, and the later round's gap report
    /// towards `target` (by default the level after the one it achieved).
    /// Changes of means are computed exactly.
    ///
    /// # Errors
    ///
    /// [`Error::RoundsOutOfOrder`] if both rounds are dated and the later
    /// one is dated before the earlier one.
    pub fn progress(
        &self,
        earlier: &Assessment,
        later: &Assessment,
        target: Option<Level>,
    ) -> Result<ProgressReport, Error> {
        if let (Some(e), Some(l)) = (earlier.assessed_on(), later.assessed_on())
            && l < e
        {
            return Err(Error::RoundsOutOfOrder {
                earlier: e,
                later: l,
            });
        }
        let (before, before_exact) = self.classify_exact(earlier);
        let (later_report, after_exact) = self.gap_analysis_exact(later, target);
        let after = &later_report.classification;
        let rounds = [(&before, &before_exact), (after, &after_exact)];
        let facilitators = changes(Facilitator::ALL, rounds, self.confidence());
        let obstacles = changes(Obstacle::ALL, rounds, self.confidence());

        let obstacles_resolved = obstacles
            .iter()
            .filter(|o| o.earlier_band.is_active() && o.later_band == ObstacleBand::Minor)
            .map(|o| o.item)
            .collect();
        let obstacles_new = obstacles
            .iter()
            .filter(|o| !o.earlier_band.is_active() && o.later_band.is_active())
            .map(|o| o.item)
            .collect();
        // The agencies of one round that the other does not list.
        let only_in = |a: &Assessment, b: &Assessment| -> Vec<String> {
            a.agencies()
                .iter()
                .filter(|x| !b.agencies().iter().any(|y| y.id == x.id))
                .map(|x| x.id.clone())
                .collect()
        };
        Ok(ProgressReport {
            rubric: self.summary(),
            earlier: round(earlier, before.structural_level, before.achieved_level),
            later: round(later, after.structural_level, after.achieved_level),
            structural_change: number(after.structural_level) - number(before.structural_level),
            achieved_change: number(after.achieved_level) - number(before.achieved_level),
            characteristics_added: later
                .characteristics()
                .difference(earlier.characteristics()),
            characteristics_removed: earlier
                .characteristics()
                .difference(later.characteristics()),
            agencies_joined: only_in(later, earlier),
            agencies_left: only_in(earlier, later),
            facilitators,
            obstacles,
            obstacles_resolved,
            obstacles_new,
            later_report,
            network_change: crate::analysis::network::change(earlier, later),
            plan_review: None,
        })
    }
}
