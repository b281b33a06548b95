//! The rubric: how the concepts link to levels and to one another, and the
//! numbers the analyses use. [`Rubric::DEFAULT`] is the crate's reading of
//! the briefing; [`Rubric::from_json`] reads a rubric document of your own,
//! checking it, and serde writes one. The [rubrics
//! guide](crate::_documentation::rubrics) shows how to start from the
//! default.

pub(crate) mod catalogue;
mod default;
mod document;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::foundation::exact::{Exact, Fraction};
use crate::{
    Band, Benefit, Characteristic, ConceptSet, Error, Facilitator, FacilitatorBand, Identifier,
    Level, Obstacle, ObstacleBand, PracticeTip, Rated,
};

/// What one practice tip works on.
///
/// ```
/// use interagency::{Characteristic, Obstacle, PracticeTip, Rubric};
///
/// let links = Rubric::DEFAULT.links(PracticeTip::EvaluateAndReflect);
/// assert!(links.builds.is_empty());
/// assert!(links.addresses.contains(Obstacle::Conflict));
/// assert!(links.establishes.contains(Characteristic::PlannedAndSystematic));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TipLinks {
    /// The facilitators the tip builds.
    pub builds: ConceptSet<Facilitator>,
    /// The obstacles the tip addresses.
    pub addresses: ConceptSet<Obstacle>,
    /// The characteristics the tip establishes.
    pub establishes: ConceptSet<Characteristic>,
}

/// The two thresholds that cut a mean rating into three bands.
///
/// A mean at or above `upper` is in the top band, at or above `lower` in the
/// middle band, below `lower` in the bottom band. Boundaries are exact: with
/// the default `lower` of 3.0, a mean of exactly 3.0 is in the middle band.
///
/// In a rubric, `1 <= lower < upper <= 5`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// The lowest mean of the top band; at most 5.
    #[cfg_attr(feature = "schemars", schemars(range(min = 1, max = 5)))]
    pub upper: f64,
    /// The lowest mean of the middle band; at least 1 and below `upper`.
    #[cfg_attr(feature = "schemars", schemars(range(min = 1, max = 5)))]
    pub lower: f64,
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
        self.band_of(mean)
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
        self.band_of(mean)
    }

    /// The band of a mean given as a number, taken as the decimal it
    /// prints as.
    fn band_of<B: Band>(self, mean: Option<f64>) -> B {
        let Some(mean) = mean else {
            return B::UNKNOWN;
        };
        let mean = Exact::from_f64(mean);
        let position = if mean.at_least(&Exact::from_f64(self.upper)) {
            0
        } else if mean.at_least(&Exact::from_f64(self.lower)) {
            1
        } else {
            2
        };
        B::BY_MEAN.get(position).copied().unwrap_or(B::UNKNOWN)
    }
}

/// How the rubric protects respondents in breakdowns by agency and role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    /// The smallest group of ratings a breakdown shows: a group with fewer
    /// ratings (but at least one) is hidden. An integer from 3 to 1000;
    /// 5 by default.
    #[cfg_attr(feature = "schemars", schemars(range(min = 3, max = 1000)))]
    pub min_group_size: u32,
}

/// The differences between groups that the rubric counts as divergent views.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Divergence {
    /// Agencies diverge on an item when the highest and lowest visible
    /// agency means differ by at least this much. Above 0, at most 4; 1.5
    /// by default.
    #[cfg_attr(feature = "schemars", schemars(extend("exclusiveMinimum" = 0, "maximum" = 4)))]
    pub agency_spread: f64,
    /// Roles diverge on an item when the senior managers' and the frontline
    /// staff's means differ by at least this much, either way. Above 0, at
    /// most 4; 1.0 by default.
    #[cfg_attr(feature = "schemars", schemars(extend("exclusiveMinimum" = 0, "maximum" = 4)))]
    pub role_gap: f64,
}

/// The rubric a report was made with: its name and version, and what a
/// reader of the report needs of it (the level of each characteristic, the
/// band thresholds, the divergence numbers and the smallest group shown),
/// so that the report renders the same from its JSON alone.
///
/// Read back, it obeys the rubric's rules (thresholds in order, every level
/// with a characteristic, …): a report holds a rubric that could have made
/// it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RubricSummary {
    /// The rubric's name.
    pub name: String,
    /// The rubric's version.
    pub version: String,
    /// The level each characteristic marks.
    pub characteristic_levels: CharacteristicLevels,
    /// The thresholds of the facilitator bands.
    pub facilitator_thresholds: Thresholds,
    /// The thresholds of the obstacle bands.
    pub obstacle_thresholds: Thresholds,
    /// The differences between groups that count as divergent views.
    pub divergence: Divergence,
    /// How breakdowns protect respondents.
    pub privacy: Privacy,
    /// The confidence of the intervals, from 0.5 to 0.999: 0.95 for 95%
    /// intervals.
    #[cfg_attr(feature = "schemars", schemars(range(min = 0.5, max = 0.999)))]
    pub confidence: f64,
}

/// The level each characteristic marks, one per characteristic.
///
/// ```
/// use interagency::{Characteristic, Level, Rubric};
///
/// let levels = Rubric::DEFAULT.summary().characteristic_levels;
/// assert_eq!(levels.level_of(Characteristic::SharedAgreedGoals), Level::Coordination);
/// assert_eq!(levels.characteristics_of(Level::Integration).len(), 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CharacteristicLevels([Level; Characteristic::COUNT]);

impl CharacteristicLevels {
    /// The level a characteristic marks.
    #[must_use]
    pub fn level_of(&self, characteristic: Characteristic) -> Level {
        #[allow(
            clippy::indexing_slicing,
            reason = "an array of one entry per value, indexed by the value's discriminant"
        )]
        self.0[characteristic as usize]
    }

    /// The characteristics that mark `level` itself.
    #[must_use]
    pub fn characteristics_of(&self, level: Level) -> ConceptSet<Characteristic> {
        at(&self.0, |l| l == level)
    }
}

/// The weights the gap analysis gives each gap item when it ranks the
/// practice tips.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// The weight of a missing characteristic; above 0.
    #[cfg_attr(feature = "schemars", schemars(extend("exclusiveMinimum" = 0)))]
    pub missing_characteristic: f64,
    /// A facilitator gap weighs this minus the facilitator's mean; from 1
    /// to 5.
    #[cfg_attr(feature = "schemars", schemars(range(min = 1, max = 5)))]
    pub facilitator_baseline: f64,
    /// The weight of a facilitator gap with no ratings at all; above 0.
    #[cfg_attr(feature = "schemars", schemars(extend("exclusiveMinimum" = 0)))]
    pub unknown_facilitator: f64,
    /// An active obstacle weighs its mean minus this; from 1 to 5.
    #[cfg_attr(feature = "schemars", schemars(range(min = 1, max = 5)))]
    pub obstacle_baseline: f64,
}

/// The rubric: which level each characteristic belongs to, from which level
/// each facilitator is required and each benefit expected, what each practice
/// tip works on, the band thresholds, the gap weights, the smallest group a
/// breakdown shows and the differences that count as divergent views.
///
/// These links and numbers are an interpretation of the sources, not claims
/// the sources make. [`Rubric::DEFAULT`] is this crate's reading
/// ([the method](crate::_documentation::method) sets it out). Every link of
/// a concept to a level or a tip is asked of a rubric
/// ([`Rubric::level_of`], [`Rubric::required_from`], [`Rubric::links`], …),
/// never of a default behind the caller's back. The concepts themselves are
/// the sources' and stay fixed; everything else can be changed.
///
/// A rubric is a validated value: the only ways to get one are
/// [`Rubric::DEFAULT`], reading a rubric document ([`Rubric::from_json`] or
/// any serde format) and the `with_*` methods, and each checks every rule.
/// It serializes back to the same document.
///
/// ```
/// use interagency::{Facilitator, Level, Rubric};
/// use interagency::rubric::{Thresholds};
///
/// let rubric = Rubric::DEFAULT;
/// assert_eq!(rubric.required_from(Facilitator::Leadership), Level::Coordination);
/// assert_eq!(rubric.facilitators_required_at(Level::Cooperation).len(), 1);
/// assert_eq!(rubric.facilitator_thresholds().lower, 3.0);
///
/// // A stricter reading: higher thresholds, leadership needed earlier.
/// let strict = Rubric::DEFAULT
///     .with_name("strict", "1")?
///     .with_facilitator_thresholds(Thresholds { upper: 4.5, lower: 3.5 })?
///     .with_required_from(Facilitator::Leadership, Level::Collaboration)?;
/// assert_eq!(strict.required_from(Facilitator::Leadership), Level::Collaboration);
///
/// // A rule broken is an error naming the field and the value.
/// let err = Rubric::DEFAULT
///     .with_facilitator_thresholds(Thresholds { upper: 3.0, lower: 3.0 })
///     .unwrap_err();
/// assert_eq!(err.to_string(),
///     "facilitator_thresholds: lower 3 must be below upper 3 (1 <= lower < upper <= 5)");
/// # Ok::<(), interagency::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Rubric {
    name: Cow<'static, str>,
    version: Cow<'static, str>,
    description: Option<Cow<'static, str>>,
    characteristic_levels: [Level; Characteristic::COUNT],
    facilitator_levels: [Level; Facilitator::COUNT],
    benefit_levels: [Level; Benefit::COUNT],
    tips: [TipLinks; PracticeTip::COUNT],
    facilitator_thresholds: Thresholds,
    obstacle_thresholds: Thresholds,
    weights: Weights,
    privacy: Privacy,
    divergence: Divergence,
    confidence: f64,
    /// The thresholds as exact numbers, kept so that classifying does not
    /// convert them each time; derived from the fields above.
    exact: ExactThresholds,
}

/// A rubric's numbers as exact fractions: the decimals they are written
/// as, derived once so that the analyses do not convert them each time.
/// Thresholds (1 to 5) and divergence numbers (up to 4) always fit; a
/// weight may be too large to, and is then converted when used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ExactThresholds {
    pub(crate) facilitator_upper: Fraction,
    pub(crate) facilitator_lower: Fraction,
    pub(crate) obstacle_upper: Fraction,
    pub(crate) obstacle_lower: Fraction,
    pub(crate) agency_spread: Fraction,
    pub(crate) role_gap: Fraction,
    pub(crate) weights: [Option<Fraction>; 4],
}

impl ExactThresholds {
    fn of(rubric: &Rubric) -> ExactThresholds {
        // `check` has made sure these numbers are small decimals.
        let exact = |x: f64| Fraction::from_f64(x).unwrap_or(Fraction::int(3));
        let (f, o, w) = (
            rubric.facilitator_thresholds,
            rubric.obstacle_thresholds,
            rubric.weights,
        );
        ExactThresholds {
            facilitator_upper: exact(f.upper),
            facilitator_lower: exact(f.lower),
            obstacle_upper: exact(o.upper),
            obstacle_lower: exact(o.lower),
            agency_spread: exact(rubric.divergence.agency_spread),
            role_gap: exact(rubric.divergence.role_gap),
            weights: [
                w.missing_characteristic,
                w.facilitator_baseline,
                w.unknown_facilitator,
                w.obstacle_baseline,
            ]
            .map(Fraction::from_f64),
        }
    }
}

impl Default for Rubric {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl Rubric {
    /// The rubric's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The rubric's version.
    #[must_use]
    pub fn version(&self) -> &str {
        &self.version
    }

    /// What the rubric is, in its authors' words, if they gave any.
    #[must_use]
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// What reports carry of the rubric: its name and version, and the
    /// numbers needed to read and draw them.
    #[must_use]
    pub fn summary(&self) -> RubricSummary {
        RubricSummary {
            name: self.name.clone().into_owned(),
            version: self.version.clone().into_owned(),
            characteristic_levels: CharacteristicLevels(self.characteristic_levels),
            facilitator_thresholds: self.facilitator_thresholds,
            obstacle_thresholds: self.obstacle_thresholds,
            divergence: self.divergence,
            privacy: self.privacy,
            confidence: self.confidence,
        }
    }

    /// The level a characteristic belongs to.
    #[must_use]
    pub fn level_of(&self, characteristic: Characteristic) -> Level {
        #[allow(
            clippy::indexing_slicing,
            reason = "an array of one entry per value, indexed by the value's discriminant"
        )]
        self.characteristic_levels[characteristic as usize]
    }

    /// The level from which a facilitator is required.
    #[must_use]
    pub fn required_from(&self, facilitator: Facilitator) -> Level {
        #[allow(
            clippy::indexing_slicing,
            reason = "an array of one entry per value, indexed by the value's discriminant"
        )]
        self.facilitator_levels[facilitator as usize]
    }

    /// The level from which a rated item is needed: for a facilitator, the
    /// level from which it is required; `None` for an obstacle.
    ///
    /// ```
    /// use interagency::{Facilitator, Level, Obstacle, Rubric};
    ///
    /// assert_eq!(Rubric::DEFAULT.needed_from(Facilitator::Leadership), Some(Level::Coordination));
    /// assert_eq!(Rubric::DEFAULT.needed_from(Obstacle::Conflict), None);
    /// ```
    #[must_use]
    pub fn needed_from<T: Rated>(&self, item: T) -> Option<Level> {
        if T::TIED_TO_LEVEL {
            self.facilitator_levels.get(item.index()).copied()
        } else {
            None
        }
    }

    /// The level from which a benefit is expected.
    #[must_use]
    pub fn expected_from(&self, benefit: Benefit) -> Level {
        #[allow(
            clippy::indexing_slicing,
            reason = "an array of one entry per value, indexed by the value's discriminant"
        )]
        self.benefit_levels[benefit as usize]
    }

    /// What a practice tip works on.
    #[must_use]
    pub fn links(&self, tip: PracticeTip) -> TipLinks {
        #[allow(
            clippy::indexing_slicing,
            reason = "an array of one entry per value, indexed by the value's discriminant"
        )]
        self.tips[tip as usize]
    }

    /// The characteristics that define `level` itself.
    #[must_use]
    pub fn characteristics_of(&self, level: Level) -> ConceptSet<Characteristic> {
        at(&self.characteristic_levels, |l| l == level)
    }

    /// The characteristics of `level` and of every level below it.
    #[must_use]
    pub fn characteristics_up_to(&self, level: Level) -> ConceptSet<Characteristic> {
        at(&self.characteristic_levels, |l| l <= level)
    }

    /// The facilitators first required at `level`.
    #[must_use]
    pub fn facilitators_introduced_at(&self, level: Level) -> ConceptSet<Facilitator> {
        at(&self.facilitator_levels, |l| l == level)
    }

    /// The facilitators required from `level` or any level below it: all
    /// those a partnership needs to sustain `level`.
    #[must_use]
    pub fn facilitators_required_at(&self, level: Level) -> ConceptSet<Facilitator> {
        at(&self.facilitator_levels, |l| l <= level)
    }

    /// The benefits first expected at `level`.
    #[must_use]
    pub fn benefits_introduced_at(&self, level: Level) -> ConceptSet<Benefit> {
        at(&self.benefit_levels, |l| l == level)
    }

    /// The benefits expected from `level` or any level below it.
    #[must_use]
    pub fn benefits_expected_at(&self, level: Level) -> ConceptSet<Benefit> {
        at(&self.benefit_levels, |l| l <= level)
    }

    /// The practice tips that build a facilitator.
    #[must_use]
    pub fn tips_building(&self, facilitator: Facilitator) -> ConceptSet<PracticeTip> {
        self.tips_where(|links| links.builds.contains(facilitator))
    }

    /// The practice tips that address an obstacle.
    #[must_use]
    pub fn tips_addressing(&self, obstacle: Obstacle) -> ConceptSet<PracticeTip> {
        self.tips_where(|links| links.addresses.contains(obstacle))
    }

    /// The practice tips that establish a characteristic.
    #[must_use]
    pub fn tips_establishing(&self, characteristic: Characteristic) -> ConceptSet<PracticeTip> {
        self.tips_where(|links| links.establishes.contains(characteristic))
    }

    /// The thresholds that band facilitator means: `upper` is the lowest
    /// `strength`, `lower` the lowest `borderline`.
    #[must_use]
    pub fn facilitator_thresholds(&self) -> Thresholds {
        self.facilitator_thresholds
    }

    /// The thresholds that band obstacle means: `upper` is the lowest
    /// `major`, `lower` the lowest `moderate`.
    #[must_use]
    pub fn obstacle_thresholds(&self) -> Thresholds {
        self.obstacle_thresholds
    }

    /// The weights of gap items.
    #[must_use]
    pub fn weights(&self) -> Weights {
        self.weights
    }

    /// How breakdowns protect respondents.
    #[must_use]
    pub fn privacy(&self) -> Privacy {
        self.privacy
    }

    /// The differences that count as divergent views.
    #[must_use]
    pub fn divergence(&self) -> Divergence {
        self.divergence
    }

    /// The same rubric with another name and version.
    ///
    /// # Errors
    ///
    /// [`Error::RubricEmpty`] if either is empty or only white space.
    pub fn with_name(
        mut self,
        name: impl Into<String>,
        version: impl Into<String>,
    ) -> Result<Rubric, Error> {
        self.name = Cow::Owned(name.into());
        self.version = Cow::Owned(version.into());
        self.checked()
    }

    /// The same rubric with another description (or none).
    #[must_use]
    pub fn with_description(mut self, description: Option<String>) -> Rubric {
        self.description = description.map(Cow::Owned);
        self
    }

    /// The same rubric with `characteristic` marking `level`.
    ///
    /// # Errors
    ///
    /// [`Error::LevelWithoutCharacteristic`] if that leaves a level with no
    /// characteristic.
    pub fn with_level_of(
        self,
        characteristic: Characteristic,
        level: Level,
    ) -> Result<Rubric, Error> {
        self.with(|r| set(&mut r.characteristic_levels, characteristic.index(), level))
    }

    /// The same rubric with `facilitator` required from `level`.
    ///
    /// # Errors
    ///
    /// None today; the signature leaves room for rules to come.
    pub fn with_required_from(
        self,
        facilitator: Facilitator,
        level: Level,
    ) -> Result<Rubric, Error> {
        self.with(|r| set(&mut r.facilitator_levels, facilitator.index(), level))
    }

    /// The same rubric with `benefit` expected from `level`.
    ///
    /// # Errors
    ///
    /// None today; the signature leaves room for rules to come.
    pub fn with_expected_from(self, benefit: Benefit, level: Level) -> Result<Rubric, Error> {
        self.with(|r| set(&mut r.benefit_levels, benefit.index(), level))
    }

    /// The same rubric with `tip` working on `links`.
    ///
    /// # Errors
    ///
    /// None today (a [`ConceptSet`] holds each concept once); the signature
    /// leaves room for rules to come.
    pub fn with_tip(self, tip: PracticeTip, links: TipLinks) -> Result<Rubric, Error> {
        self.with(|r| set(&mut r.tips, tip.index(), links))
    }

    /// The same rubric with other facilitator thresholds.
    ///
    /// # Errors
    ///
    /// An error naming the field and value unless `1 <= lower < upper <= 5`.
    pub fn with_facilitator_thresholds(self, thresholds: Thresholds) -> Result<Rubric, Error> {
        self.with(|r| r.facilitator_thresholds = thresholds)
    }

    /// The same rubric with other obstacle thresholds.
    ///
    /// # Errors
    ///
    /// An error naming the field and value unless `1 <= lower < upper <= 5`.
    pub fn with_obstacle_thresholds(self, thresholds: Thresholds) -> Result<Rubric, Error> {
        self.with(|r| r.obstacle_thresholds = thresholds)
    }

    /// The same rubric with other weights.
    ///
    /// # Errors
    ///
    /// An error naming the weight and value unless every weight is finite,
    /// the two plain weights are above 0 and the two baselines are within
    /// 1 to 5.
    pub fn with_weights(self, weights: Weights) -> Result<Rubric, Error> {
        self.with(|r| r.weights = weights)
    }

    /// The same rubric with another smallest group size.
    ///
    /// # Errors
    ///
    /// An error naming the value unless it is from 3 to 1000.
    pub fn with_privacy(self, privacy: Privacy) -> Result<Rubric, Error> {
        self.with(|r| r.privacy = privacy)
    }

    /// The confidence of the intervals the analyses give (0.95 by
    /// default).
    #[must_use]
    pub fn confidence(&self) -> f64 {
        self.confidence
    }

    /// The same rubric with intervals of another confidence.
    ///
    /// ```
    /// use interagency::Rubric;
    ///
    /// assert_eq!(Rubric::DEFAULT.with_confidence(0.9)?.confidence(), 0.9);
    /// assert_eq!(Rubric::DEFAULT.with_confidence(1.0).unwrap_err().to_string(),
    ///     "confidence: 1 is not a number from 0.5 to 0.999");
    /// # Ok::<(), interagency::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// An error naming `confidence` unless it is from 0.5 to 0.999.
    pub fn with_confidence(self, confidence: f64) -> Result<Rubric, Error> {
        self.with(|r| r.confidence = confidence)
    }

    /// The same rubric with other divergence numbers.
    ///
    /// # Errors
    ///
    /// An error naming the field and value unless each is finite, above 0
    /// and at most 4.
    pub fn with_divergence(self, divergence: Divergence) -> Result<Rubric, Error> {
        self.with(|r| r.divergence = divergence)
    }

    /// The rubric once it obeys every rule, with its derived numbers.
    /// The rubric changed by `change`, once it obeys every rule.
    fn with(mut self, change: impl FnOnce(&mut Rubric)) -> Result<Rubric, Error> {
        change(&mut self);
        self.checked()
    }

    fn checked(mut self) -> Result<Rubric, Error> {
        self.check()?;
        self.exact = ExactThresholds::of(&self);
        Ok(self)
    }

    /// The thresholds as exact numbers.
    pub(crate) fn exact_thresholds(&self) -> &ExactThresholds {
        &self.exact
    }

    fn tips_where(&self, keep: impl Fn(&TipLinks) -> bool) -> ConceptSet<PracticeTip> {
        PracticeTip::iter()
            .filter(|&tip| keep(&self.links(tip)))
            .collect()
    }
}

/// The values whose level (by position in `levels`) satisfies `keep`.
fn at<T: Identifier>(levels: &[Level], keep: impl Fn(Level) -> bool) -> ConceptSet<T> {
    T::iter()
        .zip(levels)
        .filter(|&(_, &level)| keep(level))
        .map(|(value, _)| value)
        .collect()
}

/// Puts `value` in the slot at `index` (one slot per concept, so every
/// index is in range).
fn set<T>(slots: &mut [T], index: usize, value: T) {
    if let Some(slot) = slots.get_mut(index) {
        *slot = value;
    }
}
