//! Progress between two rounds of a partnership's assessment.

use serde::{Deserialize, Serialize};

use crate::foundation::exact::Exact;
use crate::foundation::id::id_enum;
use crate::{
    Agency, Assessment, Characteristic, ConceptSet, Date, Error, Facilitator, FacilitatorBand,
    GapReport, Level, Obstacle, ObstacleBand, Rubric, RubricId,
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

/// Declares the change of one kind of item between rounds.
macro_rules! item_change {
    ($(#[$meta:meta])* $name:ident, $field:ident: $ty:ty, $band:ty) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// The item.
            pub $field: $ty,
            /// Its mean in the earlier round; `null` without ratings.
            pub earlier_mean: Option<f64>,
            /// Its mean in the later round; `null` without ratings.
            pub later_mean: Option<f64>,
            /// The later mean minus the earlier one, computed exactly;
            /// `null` unless both rounds have a mean.
            pub change: Option<f64>,
            /// Its band in the earlier round.
            pub earlier_band: $band,
            /// Its band in the later round.
            pub later_band: $band,
            /// How the band moved.
            pub movement: Movement,
        }
    };
}

item_change!(
    /// How one facilitator changed between rounds.
    FacilitatorChange,
    facilitator: Facilitator,
    FacilitatorBand
);

item_change!(
    /// How one obstacle changed between rounds.
    ObstacleChange,
    obstacle: Obstacle,
    ObstacleBand
);

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
/// let progress = interagency::progress(&earlier, &later, None)?;
/// assert_eq!(progress.achieved_change, 1);
/// assert_eq!(progress.agencies_joined, ["tusla"]);
/// assert!(progress.obstacles_resolved.contains(Obstacle::TimeNotPrioritised));
/// assert_eq!(progress.obstacle(Obstacle::Conflict).movement, Movement::Worsened);
/// assert_eq!(progress.later_report.target, Level::Coordination);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgressReport {
    /// The rubric both rounds were analysed with.
    pub rubric: RubricId,
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
    pub facilitators: Vec<FacilitatorChange>,
    /// Every obstacle, in catalogue order.
    pub obstacles: Vec<ObstacleChange>,
    /// Obstacles active in the earlier round and minor in the later one.
    pub obstacles_resolved: ConceptSet<Obstacle>,
    /// Obstacles minor or unrated in the earlier round and active in the
    /// later one.
    pub obstacles_new: ConceptSet<Obstacle>,
    /// The gap report of the later round: what to work on next.
    pub later_report: GapReport,
}

impl ProgressReport {
    /// How one facilitator changed.
    #[must_use]
    pub fn facilitator(&self, facilitator: Facilitator) -> &FacilitatorChange {
        #[allow(clippy::indexing_slicing, reason = "one entry per facilitator")]
        &self.facilitators[facilitator as usize]
    }

    /// How one obstacle changed.
    #[must_use]
    pub fn obstacle(&self, obstacle: Obstacle) -> &ObstacleChange {
        #[allow(clippy::indexing_slicing, reason = "one entry per obstacle")]
        &self.obstacles[obstacle as usize]
    }
}

/// The rank of a facilitator band, better higher; `None` for unknown.
fn facilitator_rank(band: FacilitatorBand) -> Option<u8> {
    match band {
        FacilitatorBand::Concern => Some(0),
        FacilitatorBand::Borderline => Some(1),
        FacilitatorBand::Strength => Some(2),
        FacilitatorBand::Unknown => None,
    }
}

/// The rank of an obstacle band, better (less severe) higher; `None` for
/// unknown.
fn obstacle_rank(band: ObstacleBand) -> Option<u8> {
    match band {
        ObstacleBand::Major => Some(0),
        ObstacleBand::Moderate => Some(1),
        ObstacleBand::Minor => Some(2),
        ObstacleBand::Unknown => None,
    }
}

fn movement(earlier: Option<u8>, later: Option<u8>) -> Movement {
    match (earlier, later) {
        (Some(e), Some(l)) if l > e => Movement::Improved,
        (Some(e), Some(l)) if l < e => Movement::Worsened,
        (Some(_), Some(_)) => Movement::Unchanged,
        _ => Movement::NotComparable,
    }
}

fn change(earlier: Option<&Exact>, later: Option<&Exact>) -> Option<f64> {
    Some(later?.sub(earlier?).to_f64())
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

/// Compares two rounds of a partnership's assessment with the default
/// rubric; see [`Rubric::progress`].
///
/// # Errors
///
/// [`Error::RoundsOutOfOrder`] if both rounds are dated and the later one
/// is dated before the earlier one.
pub fn progress(
    earlier: &Assessment,
    later: &Assessment,
    target: Option<Level>,
) -> Result<ProgressReport, Error> {
    Rubric::DEFAULT.progress(earlier, later, target)
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
        let (before, before_exact) = earlier.classify_exact(self);
        let (later_report, after_exact) = later.gap_analysis_exact(self, target);
        let after = &later_report.classification;

        let facilitators = before
            .facilitators
            .iter()
            .zip(&after.facilitators)
            .map(|(e, l)| FacilitatorChange {
                facilitator: e.facilitator,
                earlier_mean: e.mean,
                later_mean: l.mean,
                change: change(
                    before_exact.facilitator(e.facilitator),
                    after_exact.facilitator(e.facilitator),
                ),
                earlier_band: e.band,
                later_band: l.band,
                movement: movement(facilitator_rank(e.band), facilitator_rank(l.band)),
            })
            .collect();
        let obstacles: Vec<ObstacleChange> = before
            .obstacles
            .iter()
            .zip(&after.obstacles)
            .map(|(e, l)| ObstacleChange {
                obstacle: e.obstacle,
                earlier_mean: e.mean,
                later_mean: l.mean,
                change: change(
                    before_exact.obstacle(e.obstacle),
                    after_exact.obstacle(e.obstacle),
                ),
                earlier_band: e.band,
                later_band: l.band,
                movement: movement(obstacle_rank(e.band), obstacle_rank(l.band)),
            })
            .collect();
        let obstacles_resolved = obstacles
            .iter()
            .filter(|o| o.earlier_band.is_active() && o.later_band == ObstacleBand::Minor)
            .map(|o| o.obstacle)
            .collect();
        let obstacles_new = obstacles
            .iter()
            .filter(|o| !o.earlier_band.is_active() && o.later_band.is_active())
            .map(|o| o.obstacle)
            .collect();
        let listed = |a: &Assessment, id: &str| a.agencies().iter().any(|x| x.id == id);
        Ok(ProgressReport {
            rubric: self.id(),
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
            agencies_joined: later
                .agencies()
                .iter()
                .filter(|a| !listed(earlier, &a.id))
                .map(|a| a.id.clone())
                .collect(),
            agencies_left: earlier
                .agencies()
                .iter()
                .filter(|a| !listed(later, &a.id))
                .map(|a| a.id.clone())
                .collect(),
            facilitators,
            obstacles,
            obstacles_resolved,
            obstacles_new,
            later_report,
        })
    }
}
