//! Aggregation of the ratings and classification; the rules are in
//! [the method](crate::_documentation::method#classification).

use serde::{Deserialize, Serialize};

use crate::foundation::exact::Exact;
use crate::foundation::id::id_enum;
use crate::input::tally::{AgencyTally, Item};
use crate::rubric::Thresholds;
use crate::{Assessment, Facilitator, Level, Obstacle, Rubric};

id_enum! {
    /// How present a facilitator is, from the mean of its ratings.
    ///
    /// With the default rubric: a mean of 4.0 or more is a `strength`, 3.0
    /// or more `borderline`, below 3.0 a `concern`; no ratings at all is
    /// `unknown`. A mean of exactly 3.0 is `borderline`.
    pub enum FacilitatorBand: "facilitator band" {
        /// Mean at or above the upper threshold (default 4.0).
        Strength,
        /// Mean at or above the lower threshold (default 3.0), below the upper.
        Borderline,
        /// Mean below the lower threshold (default 3.0).
        Concern,
        /// No ratings.
        Unknown,
    }
}

id_enum! {
    /// How much of a problem an obstacle is, from the mean of its ratings.
    ///
    /// With the default rubric: a mean of 4.0 or more is `major`, 3.0 or more
    /// `moderate`, below 3.0 `minor`; no ratings at all is `unknown`. An
    /// obstacle is *active* when `moderate` or `major`.
    pub enum ObstacleBand: "obstacle band" {
        /// Mean at or above the upper threshold (default 4.0).
        Major,
        /// Mean at or above the lower threshold (default 3.0), below the upper.
        Moderate,
        /// Mean below the lower threshold (default 3.0).
        Minor,
        /// No ratings.
        Unknown,
    }
}

impl FacilitatorBand {
    /// Whether the facilitator is present enough to sustain a level that
    /// requires it: `borderline` or `strength`.
    #[must_use]
    pub const fn sustains(self) -> bool {
        matches!(self, Self::Strength | Self::Borderline)
    }
}

impl ObstacleBand {
    /// Whether the obstacle is active: `moderate` or `major`.
    #[must_use]
    pub const fn is_active(self) -> bool {
        matches!(self, Self::Major | Self::Moderate)
    }
}

/// Where a mean falls against two thresholds: 0 top, 1 middle, 2 bottom,
/// `None` without a mean. Decided on the exact values.
fn band_of(mean: Option<&Exact>, thresholds: &Bounds<'_>) -> Option<u8> {
    mean.map(|m| {
        if m.at_least(thresholds.upper) {
            0
        } else if m.at_least(thresholds.lower) {
            1
        } else {
            2
        }
    })
}

/// A pair of thresholds as exact numbers.
struct Bounds<'a> {
    upper: &'a Exact,
    lower: &'a Exact,
}

fn facilitator_band(mean: Option<&Exact>, thresholds: &Bounds<'_>) -> FacilitatorBand {
    match band_of(mean, thresholds) {
        Some(0) => FacilitatorBand::Strength,
        Some(1) => FacilitatorBand::Borderline,
        Some(_) => FacilitatorBand::Concern,
        None => FacilitatorBand::Unknown,
    }
}

fn obstacle_band(mean: Option<&Exact>, thresholds: &Bounds<'_>) -> ObstacleBand {
    match band_of(mean, thresholds) {
        Some(0) => ObstacleBand::Major,
        Some(1) => ObstacleBand::Moderate,
        Some(_) => ObstacleBand::Minor,
        None => ObstacleBand::Unknown,
    }
}

impl Thresholds {
    /// The band of a facilitator mean. The comparison is exact: the mean
    /// and the thresholds are taken as the decimals they print as, so a
    /// mean of `3.0` is `borderline` with a lower threshold of `3.0`.
    ///
    /// ```
    /// use interagency::{FacilitatorBand, Rubric};
    ///
    /// let t = Rubric::DEFAULT.facilitator_thresholds();
    /// assert_eq!(t.facilitator_band(Some(3.0)), FacilitatorBand::Borderline);
    /// assert_eq!(t.facilitator_band(Some(2.9999999999999996)), FacilitatorBand::Concern);
    /// assert_eq!(t.facilitator_band(None), FacilitatorBand::Unknown);
    /// ```
    #[must_use]
    pub fn facilitator_band(self, mean: Option<f64>) -> FacilitatorBand {
        let (upper, lower) = (Exact::from_f64(self.upper), Exact::from_f64(self.lower));
        let bounds = Bounds {
            upper: &upper,
            lower: &lower,
        };
        facilitator_band(mean.map(Exact::from_f64).as_ref(), &bounds)
    }

    /// The band of an obstacle mean, compared exactly as for
    /// [`Thresholds::facilitator_band`].
    ///
    /// ```
    /// use interagency::{ObstacleBand, Rubric};
    ///
    /// let t = Rubric::DEFAULT.obstacle_thresholds();
    /// assert_eq!(t.obstacle_band(Some(4.0)), ObstacleBand::Major);
    /// assert_eq!(t.obstacle_band(Some(2.5)), ObstacleBand::Minor);
    /// ```
    #[must_use]
    pub fn obstacle_band(self, mean: Option<f64>) -> ObstacleBand {
        let (upper, lower) = (Exact::from_f64(self.upper), Exact::from_f64(self.lower));
        let bounds = Bounds {
            upper: &upper,
            lower: &lower,
        };
        obstacle_band(mean.map(Exact::from_f64).as_ref(), &bounds)
    }
}

/// The aggregate ratings of one facilitator.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FacilitatorResult {
    /// The facilitator.
    pub facilitator: Facilitator,
    /// The mean of the agency means, each agency's mean being that of its
    /// respondents' ratings; `null` when no one rated it.
    pub mean: Option<f64>,
    /// The band of the mean.
    pub band: FacilitatorBand,
    /// How many ratings there were.
    pub responses: u64,
}

/// The aggregate ratings of one obstacle.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ObstacleResult {
    /// The obstacle.
    pub obstacle: Obstacle,
    /// The mean of the agency means, each agency's mean being that of its
    /// respondents' ratings; `null` when no one rated it.
    pub mean: Option<f64>,
    /// The band of the mean.
    pub band: ObstacleBand,
    /// How many ratings there were.
    pub responses: u64,
}

/// Which level a partnership has reached and whether it is sustained
/// ([the rules](crate::_documentation::method#classification)), with the
/// aggregate ratings it rests on
/// ([the mean](crate::_documentation::method#the-agency-balanced-mean)).
///
/// ```
/// use interagency::{Assessment, FacilitatorBand, Facilitator, Level};
///
/// let assessment: Assessment = serde_json::from_str(r#"{
///   "partnership": "Riverside",
///   "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
///   "characteristics": ["consistent_goals", "complementary_services",
///                       "tackles_overlap_and_gaps", "common_outcomes"],
///   "responses": [
///     {"respondent": "1", "agency": "a", "role": "manager",
///      "facilitators": {"good_communication": 5, "clarity_of_purpose_and_roles": 2}},
///     {"respondent": "2", "agency": "b", "role": "frontline",
///      "facilitators": {"good_communication": 3, "clarity_of_purpose_and_roles": 3}}
///   ]
/// }"#)?;
/// let c = assessment.classify();
/// assert_eq!(c.structural_level, Some(Level::Collaboration));
/// // Clarity of purpose averages 2.5 over the two agencies: a concern,
/// // so only cooperation is sustained.
/// assert_eq!(c.facilitator(Facilitator::ClarityOfPurposeAndRoles).mean, Some(2.5));
/// assert_eq!(c.achieved_level, Some(Level::Cooperation));
/// assert!(c.at_risk);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Classification {
    /// The highest level whose characteristics, and those of every level
    /// below it, are all in place; `null` if cooperation's are not.
    pub structural_level: Option<Level>,
    /// The highest level, up to the structural level, whose required
    /// facilitators (and those of the levels below) are all `borderline` or
    /// `strength`; `null` if none.
    pub achieved_level: Option<Level>,
    /// Whether the structural level is coordination or higher: the
    /// partnership works "in a planned, coordinated and formal way, towards
    /// shared and agreed goals" (Statham, 2011).
    pub meets_definition: bool,
    /// Whether the achieved level is below the structural level, or any
    /// obstacle is `major`.
    pub at_risk: bool,
    /// Every facilitator's aggregate, in catalogue order.
    pub facilitators: [FacilitatorResult; Facilitator::COUNT],
    /// Every obstacle's aggregate, in catalogue order.
    pub obstacles: [ObstacleResult; Obstacle::COUNT],
}

impl Classification {
    /// The aggregate of one facilitator.
    #[must_use]
    pub fn facilitator(&self, facilitator: Facilitator) -> &FacilitatorResult {
        #[allow(clippy::indexing_slicing, reason = "one entry per facilitator")]
        &self.facilitators[facilitator as usize]
    }

    /// The aggregate of one obstacle.
    #[must_use]
    pub fn obstacle(&self, obstacle: Obstacle) -> &ObstacleResult {
        #[allow(clippy::indexing_slicing, reason = "one entry per obstacle")]
        &self.obstacles[obstacle as usize]
    }
}

impl Assessment {
    /// Classifies the partnership with the default rubric, as
    /// [the method](crate::_documentation::method#classification) describes.
    ///
    /// It performs no heap allocation: the per-agency sums are computed once,
    /// when the assessment is built, so its cost depends on the number of
    /// agencies, not of respondents.
    #[must_use]
    pub fn classify(&self) -> Classification {
        self.classify_with(&Rubric::DEFAULT)
    }

    /// Classifies the partnership with `rubric`.
    #[must_use]
    pub fn classify_with(&self, rubric: &Rubric) -> Classification {
        self.classify_exact(rubric).0
    }

    /// The classification with the exact means it rests on.
    pub(crate) fn classify_exact(&self, rubric: &Rubric) -> (Classification, ExactMeans) {
        let tallies = self.tallies();
        let t = rubric.exact_thresholds();
        let (f_upper, f_lower) = (
            Exact::from(t.facilitator_upper),
            Exact::from(t.facilitator_lower),
        );
        let (o_upper, o_lower) = (Exact::from(t.obstacle_upper), Exact::from(t.obstacle_lower));
        let facilitator_thresholds = Bounds {
            upper: &f_upper,
            lower: &f_lower,
        };
        let obstacle_thresholds = Bounds {
            upper: &o_upper,
            lower: &o_lower,
        };
        let mut exact = ExactMeans {
            facilitators: [const { None }; Facilitator::COUNT],
            obstacles: [const { None }; Obstacle::COUNT],
        };
        let facilitators = Facilitator::ALL.map(|facilitator| {
            let (mean, responses) = aggregate(tallies, Item::Facilitator(facilitator));
            let result = FacilitatorResult {
                facilitator,
                mean: mean.as_ref().map(Exact::to_f64),
                band: facilitator_band(mean.as_ref(), &facilitator_thresholds),
                responses,
            };
            if let Some(slot) = exact.facilitators.get_mut(facilitator as usize) {
                *slot = mean;
            }
            result
        });
        let obstacles = Obstacle::ALL.map(|obstacle| {
            let (mean, responses) = aggregate(tallies, Item::Obstacle(obstacle));
            let result = ObstacleResult {
                obstacle,
                mean: mean.as_ref().map(Exact::to_f64),
                band: obstacle_band(mean.as_ref(), &obstacle_thresholds),
                responses,
            };
            if let Some(slot) = exact.obstacles.get_mut(obstacle as usize) {
                *slot = mean;
            }
            result
        });

        let present = self.characteristics();
        let structural_level = Level::iter()
            .take_while(|&level| rubric.characteristics_up_to(level).is_subset(present))
            .last();
        let sustained = |level: Level| {
            rubric.facilitators_required_at(level).iter().all(|f| {
                facilitators
                    .iter()
                    .any(|r| r.facilitator == f && r.band.sustains())
            })
        };
        let achieved_level = Level::iter()
            .take_while(|&level| Some(level) <= structural_level && sustained(level))
            .last();
        let meets_definition = structural_level >= Some(Level::Coordination);
        let at_risk = achieved_level < structural_level
            || obstacles.iter().any(|o| o.band == ObstacleBand::Major);
        let classification = Classification {
            structural_level,
            achieved_level,
            meets_definition,
            at_risk,
            facilitators,
            obstacles,
        };
        (classification, exact)
    }
}

impl Rubric {
    /// Classifies `assessment` with this rubric: the same as
    /// [`Assessment::classify_with`].
    ///
    /// ```
    /// use interagency::{Assessment, Level, Rubric, Thresholds};
    ///
    /// let assessment = Assessment::from_json(r#"{
    ///   "partnership": "Northside", "characteristics": ["consistent_goals", "complementary_services"],
    ///   "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
    ///   "responses": [{"respondent": "1", "agency": "a", "role": "manager",
    ///                  "facilitators": {"good_communication": 3}}]}"#)?;
    /// assert_eq!(Rubric::DEFAULT.classify(&assessment).achieved_level, Some(Level::Cooperation));
    ///
    /// let strict = Rubric::DEFAULT.with_facilitator_thresholds(Thresholds { upper: 4.5, lower: 3.5 })?;
    /// assert_eq!(strict.classify(&assessment).achieved_level, None);
    /// # Ok::<(), interagency::Error>(())
    /// ```
    #[must_use]
    pub fn classify(&self, assessment: &Assessment) -> Classification {
        assessment.classify_with(self)
    }
}

/// The exact means of every item, in catalogue order; `None` for an item
/// no one rated.
pub(crate) struct ExactMeans {
    pub(crate) facilitators: [Option<Exact>; Facilitator::COUNT],
    pub(crate) obstacles: [Option<Exact>; Obstacle::COUNT],
}

impl ExactMeans {
    pub(crate) fn facilitator(&self, facilitator: Facilitator) -> Option<&Exact> {
        self.facilitators.get(facilitator as usize)?.as_ref()
    }

    pub(crate) fn obstacle(&self, obstacle: Obstacle) -> Option<&Exact> {
        self.obstacles.get(obstacle as usize)?.as_ref()
    }
}

/// The agency-balanced mean of one item and its number of ratings: each
/// agency with ratings contributes the mean of its respondents' ratings, and
/// the item's mean is the mean of those, computed exactly.
fn aggregate(tallies: &[AgencyTally], item: Item) -> (Option<Exact>, u64) {
    let rated = tallies
        .iter()
        .map(|t| t.of(item))
        .filter(|s| s.count > 0)
        .map(|s| (s.total, s.count));
    let responses = rated.clone().map(|(_, count)| u64::from(count)).sum();
    (Exact::mean_of_means(rated), responses)
}
