//! Aggregation of the ratings and classification; the rules are in
//! [the method](crate::_documentation::method#classification).

use serde::{Deserialize, Serialize};

use crate::foundation::exact::{Exact, Fraction};
use crate::foundation::id::id_enum;
use crate::input::tally::{AgencyTally, Item, Sum};
use crate::rubric::Thresholds;
use crate::{Assessment, Characteristic, Facilitator, Level, Obstacle, Rubric};

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

/// A pair of thresholds as exact numbers, and as fractions of 64-bit
/// integers where they fit (always, for thresholds written as decimals from
/// 1 to 5).
struct Bounds {
    upper: Exact,
    lower: Exact,
    upper_word: Option<(i64, i64)>,
    lower_word: Option<(i64, i64)>,
}

impl Bounds {
    fn new(upper: Exact, lower: Exact) -> Bounds {
        let word = |e: &Exact| {
            let (num, den) = e.as_fraction()?.parts();
            Some((i64::try_from(num).ok()?, i64::try_from(den).ok()?))
        };
        Bounds {
            upper_word: word(&upper),
            lower_word: word(&lower),
            upper,
            lower,
        }
    }

    /// Bounds of two thresholds given as numbers.
    fn of(t: Thresholds) -> Bounds {
        Bounds::new(Exact::from_f64(t.upper), Exact::from_f64(t.lower))
    }
}

/// A mean given as a number, exactly.
fn mean_of(mean: Option<f64>) -> Mean {
    mean.map_or(Mean::None, |m| Mean::Exact(Exact::from_f64(m)))
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
        match mean_of(mean).band(&Bounds::of(self)) {
            Some(0) => FacilitatorBand::Strength,
            Some(1) => FacilitatorBand::Borderline,
            Some(_) => FacilitatorBand::Concern,
            None => FacilitatorBand::Unknown,
        }
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
        match mean_of(mean).band(&Bounds::of(self)) {
            Some(0) => ObstacleBand::Major,
            Some(1) => ObstacleBand::Moderate,
            Some(_) => ObstacleBand::Minor,
            None => ObstacleBand::Unknown,
        }
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
        self.classify_keeping(rubric, |_, _| {})
    }

    /// The classification with the exact means it rests on.
    pub(crate) fn classify_exact(&self, rubric: &Rubric) -> (Classification, ExactMeans) {
        let mut exact = ExactMeans {
            facilitators: [const { None }; Facilitator::COUNT],
            obstacles: [const { None }; Obstacle::COUNT],
        };
        let classification = self.classify_keeping(rubric, |item, mean| {
            let slot = match item {
                Item::Facilitator(f) => exact.facilitators.get_mut(f as usize),
                Item::Obstacle(o) => exact.obstacles.get_mut(o as usize),
            };
            if let Some(slot) = slot {
                *slot = mean.into_exact();
            }
        });
        (classification, exact)
    }

    /// The classification, handing each item's exact mean to `keep`.
    fn classify_keeping(
        &self,
        rubric: &Rubric,
        mut keep: impl FnMut(Item, Mean),
    ) -> Classification {
        let tallies = self.tallies();
        let t = rubric.exact_thresholds();
        let facilitator_bounds =
            Bounds::new(t.facilitator_upper.into(), t.facilitator_lower.into());
        let obstacle_bounds = Bounds::new(t.obstacle_upper.into(), t.obstacle_lower.into());
        let facilitators = Facilitator::ALL.map(|facilitator| {
            let item = Item::Facilitator(facilitator);
            let (mean, responses) = aggregate(tallies, item);
            let result = FacilitatorResult {
                facilitator,
                mean: mean.to_f64(),
                band: match mean.band(&facilitator_bounds) {
                    Some(0) => FacilitatorBand::Strength,
                    Some(1) => FacilitatorBand::Borderline,
                    Some(_) => FacilitatorBand::Concern,
                    None => FacilitatorBand::Unknown,
                },
                responses,
            };
            keep(item, mean);
            result
        });
        let obstacles = Obstacle::ALL.map(|obstacle| {
            let item = Item::Obstacle(obstacle);
            let (mean, responses) = aggregate(tallies, item);
            let result = ObstacleResult {
                obstacle,
                mean: mean.to_f64(),
                band: match mean.band(&obstacle_bounds) {
                    Some(0) => ObstacleBand::Major,
                    Some(1) => ObstacleBand::Moderate,
                    Some(_) => ObstacleBand::Minor,
                    None => ObstacleBand::Unknown,
                },
                responses,
            };
            keep(item, mean);
            result
        });

        // A level is in place when no characteristic of it or of a level
        // below is missing: the structural level is the one below the
        // lowest level with a missing characteristic. Likewise the achieved
        // level is below the lowest level requiring a facilitator that does
        // not sustain it, and no higher than the structural level.
        let present = self.characteristics();
        let missing = Characteristic::ALL
            .iter()
            .filter(|&&c| !present.contains(c))
            .map(|&c| rubric.level_of(c))
            .min();
        let structural_level = below(missing);
        let failing = facilitators
            .iter()
            .filter(|r| !r.band.sustains())
            .map(|r| rubric.required_from(r.facilitator))
            .min();
        let achieved_level = below(failing).min(structural_level);
        let meets_definition = structural_level >= Some(Level::Coordination);
        let at_risk = achieved_level < structural_level
            || obstacles.iter().any(|o| o.band == ObstacleBand::Major);
        Classification {
            structural_level,
            achieved_level,
            meets_definition,
            at_risk,
            facilitators,
            obstacles,
        }
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

/// The highest level below `first_failing` (every level when `None`);
/// `None` when that is cooperation.
fn below(first_failing: Option<Level>) -> Option<Level> {
    match first_failing {
        None => Some(Level::HIGHEST),
        Some(level) => level.previous(),
    }
}

/// One item's exact mean: a fraction of 64-bit integers in the usual case,
/// an [`Exact`] value where that would overflow.
pub(crate) enum Mean {
    /// No ratings.
    None,
    /// `num / den`, `den > 0`.
    Word { num: i64, den: i64 },
    /// Any other value.
    Exact(Exact),
}

impl Mean {
    /// The band against the bounds: 0 top, 1 middle, 2 bottom; `None`
    /// without a mean. Exact.
    fn band(&self, bounds: &Bounds) -> Option<u8> {
        let at_least = |t: &Exact, word: Option<(i64, i64)>| -> Option<bool> {
            match (self, word) {
                (Mean::None, _) => None,
                // A product of two 64-bit integers fits in 128 bits.
                (Mean::Word { num, den }, Some((tn, td))) => {
                    Some(i128::from(*num) * i128::from(td) >= i128::from(tn) * i128::from(*den))
                }
                _ => Some(self.exact()?.at_least(t)),
            }
        };
        Some(if at_least(&bounds.upper, bounds.upper_word)? {
            0
        } else if at_least(&bounds.lower, bounds.lower_word)? {
            1
        } else {
            2
        })
    }

    /// The `f64` nearest the mean.
    fn to_f64(&self) -> Option<f64> {
        const EXACT: i64 = 1 << 53;
        match self {
            Mean::None => None,
            #[allow(clippy::cast_precision_loss, reason = "both parts are below 2^53")]
            Mean::Word { num, den } if num.abs() <= EXACT && *den <= EXACT => {
                // Both parts are exact in f64 and IEEE division rounds the
                // exact quotient correctly.
                Some(*num as f64 / *den as f64)
            }
            _ => self.exact().map(|e| e.to_f64()),
        }
    }

    fn exact(&self) -> Option<Exact> {
        match self {
            Mean::None => None,
            Mean::Word { num, den } => Some(Exact::from(Fraction::new(
                i128::from(*num),
                i128::from(*den),
            ))),
            Mean::Exact(e) => Some(e.clone()),
        }
    }

    fn into_exact(self) -> Option<Exact> {
        match self {
            Mean::Exact(e) => Some(e),
            other => other.exact(),
        }
    }
}

/// The agency-balanced mean of one item and its number of ratings: each
/// agency with ratings contributes the mean of its respondents' ratings, and
/// the item's mean is the mean of those, computed exactly.
fn aggregate(tallies: &[AgencyTally], item: Item) -> (Mean, u64) {
    let mut responses = 0u64;
    // One pass in 64-bit arithmetic over a common denominator (the product
    // of the counts); the general path where that would overflow.
    let (mut num, mut den, mut n) = (0i64, 1i64, 0i64);
    let mut fits = true;
    for tally in tallies {
        let Sum { total, count } = tally.of(item);
        if count == 0 {
            continue;
        }
        responses += u64::from(count);
        if fits {
            let count = i64::from(count);
            let step = i64::try_from(total).ok().and_then(|total| {
                let next = num
                    .checked_mul(count)?
                    .checked_add(total.checked_mul(den)?)?;
                Some((next, den.checked_mul(count)?))
            });
            match step {
                Some((next_num, next_den)) => (num, den, n) = (next_num, next_den, n + 1),
                None => fits = false,
            }
        }
    }
    let mean = match (fits, den.checked_mul(n)) {
        _ if responses == 0 => Mean::None,
        (true, Some(den)) => Mean::Word { num, den },
        _ => {
            let rated = tallies
                .iter()
                .map(|t| t.of(item))
                .filter(|s| s.count > 0)
                .map(|s| (s.total, s.count));
            Exact::mean_of_means(rated).map_or(Mean::None, Mean::Exact)
        }
    };
    (mean, responses)
}
