//! Aggregation of the ratings and classification; the rules are in
//! [the method](crate::_documentation::method#classification).

use serde::{Deserialize, Serialize};

use crate::analysis::item_record;
use crate::analysis::spread::{
    Agreement, AgreementLevel, Interval, LevelRange, PlausibleBands, Quantiles, Uncertainty, pooled,
};
use crate::analysis::value::{Mean, Means, Threshold};
use crate::concepts::rated::{by_kind, entry};
use crate::foundation::exact::Exact;
use crate::foundation::keyed;
use crate::{
    Assessment, Band, Characteristic, Facilitator, FacilitatorBand, Level, Obstacle, ObstacleBand,
    Rated, Rubric,
};

/// A pair of thresholds: the lowest mean of the top band and of the
/// middle one.
struct Bounds {
    upper: Threshold,
    lower: Threshold,
}

impl Bounds {
    fn new(upper: Exact, lower: Exact) -> Bounds {
        Bounds {
            upper: Threshold::new(upper),
            lower: Threshold::new(lower),
        }
    }

    /// The band of an item's mean, decided exactly; `exact` gives the exact
    /// mean where the bound of its approximation cannot.
    fn band<B: Band>(&self, mean: &Mean, exact: impl Fn() -> Option<Exact>) -> B {
        let position = match mean.at_least(&self.upper, &exact) {
            None => return B::UNKNOWN,
            Some(true) => 0,
            Some(false) if mean.at_least(&self.lower, &exact) == Some(true) => 1,
            Some(false) => 2,
        };
        B::BY_MEAN.get(position).copied().unwrap_or(B::UNKNOWN)
    }
}

/// The aggregate ratings of one rated item: a facilitator
/// ([`FacilitatorResult`]) or an obstacle ([`ObstacleResult`]).
///
/// In JSON the item is named by its kind:
/// `{"facilitator": "leadership", "needed_from": "coordination", "mean": 2.5, "band": "concern", "responses": 8}`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemars",
    schemars(
        rename = "{T}Result",
        bound = "T: Rated + schemars::JsonSchema, T::Band: schemars::JsonSchema",
        transform = result_schema::<T>
    )
)]
pub struct ItemResult<T: Rated> {
    /// The item.
    #[serde(flatten, with = "keyed")]
    #[cfg_attr(feature = "schemars", schemars(schema_with = "keyed::schema::<T>"))]
    pub item: T,
    /// For a facilitator, the level from which the rubric requires it;
    /// absent for an obstacle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed_from: Option<Level>,
    /// The mean of the agency means, each agency's mean being that of its
    /// respondents' ratings; `null` when no one rated it.
    pub mean: Option<f64>,
    /// The band of the mean.
    pub band: T::Band,
    /// How many ratings there were.
    pub responses: u64,
    /// The standard deviation of all its ratings (sample, denominator
    /// N − 1); `null` with fewer than two ratings, or when an agency's
    /// group is too small to show (the spread would give its mean away).
    pub sd: Option<f64>,
    /// How far the respondents agree: `r_wg` = 1 − s²/2 (0 when negative),
    /// against answers spread evenly over 1 to 5; `null` as `sd` is.
    pub agreement: Option<f64>,
    /// The level of the agreement, decided on its exact value.
    pub agreement_level: AgreementLevel,
    /// The confidence interval of the mean at the rubric's confidence, the
    /// agencies fixed and each agency's respondents a sample of its staff,
    /// within 1 to 5; `null` without a mean or when no agency gave two
    /// ratings.
    pub interval: Option<Interval>,
    /// The bands the interval reaches, lowest first, the band of the mean
    /// always among them; every band for a mean without an interval, none
    /// without a mean.
    pub plausible_bands: PlausibleBands<T::Band>,
}

/// The aggregate ratings of one facilitator, with the level it is needed
/// from.
pub type FacilitatorResult = ItemResult<Facilitator>;

/// The aggregate ratings of one obstacle.
pub type ObstacleResult = ItemResult<Obstacle>;

/// The schema of one kind's aggregates: a facilitator's names the level it
/// is needed from, an obstacle's has no such field.
#[cfg(feature = "schemars")]
fn result_schema<T: Rated>(schema: &mut schemars::Schema) {
    keyed::describe::<T>(
        schema,
        "The aggregate ratings of one {kind}: the mean of the agency means, its band and the \
         number of ratings.",
    );
    let Some(properties) = schema
        .get_mut("properties")
        .and_then(serde_json::Value::as_object_mut)
    else {
        return;
    };
    if T::TIED_TO_LEVEL {
        // Always present for a facilitator: the level itself, not null.
        let level = properties
            .get("needed_from")
            .and_then(|p| p.get("anyOf"))
            .and_then(|a| a.get(0))
            .cloned();
        if let Some(mut level) = level {
            if let Some(object) = level.as_object_mut() {
                object.insert(
                    "description".to_owned(),
                    "The level from which the rubric requires the facilitator.".into(),
                );
            }
            properties.insert("needed_from".to_owned(), level);
        }
        if let Some(required) = schema
            .get_mut("required")
            .and_then(serde_json::Value::as_array_mut)
        {
            required.insert(1, "needed_from".into());
        }
    } else {
        properties.remove("needed_from");
    }
}

item_record!(ItemResult);

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
/// assert_eq!(c.result(Facilitator::ClarityOfPurposeAndRoles).mean, Some(2.5));
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
    /// The lowest and highest achieved level the facilitators' intervals
    /// allow: the achieved level with each facilitator in the lowest, or
    /// the highest, band its interval reaches.
    pub achieved_level_range: LevelRange,
    /// Every facilitator's aggregate, in catalogue order.
    #[serde(deserialize_with = "results_in_order")]
    pub facilitators: [FacilitatorResult; Facilitator::COUNT],
    /// Every obstacle's aggregate, in catalogue order.
    #[serde(deserialize_with = "results_in_order")]
    pub obstacles: [ObstacleResult; Obstacle::COUNT],
}

/// Reads one kind's aggregates: one per item in catalogue order, each
/// facilitator with the level it is needed from and no obstacle with one.
fn results_in_order<'de, T: Rated, D: serde::Deserializer<'de>, const N: usize>(
    deserializer: D,
) -> Result<[ItemResult<T>; N], D::Error> {
    let results: [ItemResult<T>; N] = keyed::in_order_array(deserializer)?;
    match results
        .iter()
        .find(|r| r.needed_from.is_some() != T::TIED_TO_LEVEL)
    {
        Some(r) if T::TIED_TO_LEVEL => Err(serde::de::Error::custom(format_args!(
            "{} {:?} has no `needed_from`",
            T::KIND,
            r.item.id()
        ))),
        Some(r) => Err(serde::de::Error::custom(format_args!(
            "{} {:?} has a `needed_from`; only facilitators are needed from a level",
            T::KIND,
            r.item.id()
        ))),
        None => Ok(results),
    }
}

by_kind!(Classification => [ItemResult<T>]);

impl Classification {
    /// The aggregate of one item, facilitator or obstacle.
    ///
    /// ```
    /// # let assessment = interagency::Assessment::from_json(r#"{"partnership": "P",
    /// #   "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}], "characteristics": []}"#)?;
    /// use interagency::{Facilitator, Level};
    ///
    /// let c = assessment.classify();
    /// assert_eq!(c.result(Facilitator::Leadership).needed_from, Some(Level::Coordination));
    /// # Ok::<(), interagency::Error>(())
    /// ```
    #[must_use]
    pub fn result<T: Rated>(&self, item: T) -> &ItemResult<T> {
        entry(T::of(self), item)
    }

    /// The aggregates of one kind of item, in catalogue order.
    #[must_use]
    pub fn results<T: Rated>(&self) -> &[ItemResult<T>] {
        T::of(self)
    }
}

impl Assessment {
    /// Classifies the partnership with the default rubric, as
    /// [the method](crate::_documentation::method#classification) describes;
    /// [`Rubric::classify`] classifies it with another.
    ///
    /// It performs no heap allocation: the per-agency sums are computed once,
    /// when the assessment is built, so its cost depends on the number of
    /// agencies, not of respondents.
    #[must_use]
    pub fn classify(&self) -> Classification {
        Rubric::DEFAULT.classify(self)
    }
}

impl Rubric {
    /// Classifies `assessment` with this rubric.
    ///
    /// ```
    /// use interagency::{Assessment, Level, Rubric};
    /// use interagency::rubric::{Thresholds};
    ///
    /// let assessment = Assessment::from_json(r#"{
    ///   "partnership": "Northside", "characteristics": ["consistent_goals", "complementary_services"],
    ///   "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
    ///   "responses": [{"respondent": "1", "agency": "a", "role": "manager",
    ///                  "facilitators": {"good_communication": 3}}]}"#)?;
    /// assert_eq!(assessment.classify().achieved_level, Some(Level::Cooperation));
    ///
    /// let strict = Rubric::DEFAULT.with_facilitator_thresholds(Thresholds { upper: 4.5, lower: 3.5 })?;
    /// assert_eq!(strict.classify(&assessment).achieved_level, None);
    /// # Ok::<(), interagency::Error>(())
    /// ```
    #[must_use]
    pub fn classify(&self, assessment: &Assessment) -> Classification {
        self.classify_keeping(assessment, &mut NoKeep)
    }

    /// The classification with the means it rests on, to compute with
    /// exactly.
    pub(crate) fn classify_exact<'a>(
        &self,
        assessment: &'a Assessment,
    ) -> (Classification, Means<'a>) {
        let mut means = Means::new(assessment.tallies());
        let classification = self.classify_keeping(assessment, &mut means);
        (classification, means)
    }

    /// The classification, handing each item's exact mean to `keep`.
    fn classify_keeping(&self, assessment: &Assessment, keep: &mut impl Keep) -> Classification {
        let quantiles = Quantiles::new(self.confidence());
        let facilitators = self.results(assessment, Facilitator::ALL, keep, quantiles);
        let obstacles = self.results(assessment, Obstacle::ALL, keep, quantiles);

        // A level is in place when no characteristic of it or of a level
        // below is missing: the structural level is the one below the
        // lowest level with a missing characteristic. Likewise the achieved
        // level is below the lowest level requiring a facilitator that does
        // not sustain it, and no higher than the structural level.
        let present = assessment.characteristics();
        let missing = Characteristic::ALL
            .iter()
            .filter(|&&c| !present.contains(c))
            .map(|&c| self.level_of(c))
            .min();
        let structural_level = below(missing);
        let achieved = |band: &dyn Fn(&FacilitatorResult) -> Option<FacilitatorBand>| {
            let failing = facilitators
                .iter()
                .filter(|r| !band(r).is_some_and(FacilitatorBand::sustains))
                .map(|r| self.required_from(r.item))
                .min();
            below(failing).min(structural_level)
        };
        let achieved_level = achieved(&|r| Some(r.band));
        let achieved_level_range = LevelRange {
            lowest: achieved(&|r| r.plausible_bands.lowest()),
            highest: achieved(&|r| r.plausible_bands.highest()),
        };
        let meets_definition = structural_level >= Some(Level::Coordination);
        let at_risk = achieved_level < structural_level
            || obstacles.iter().any(|o| o.band == ObstacleBand::Major);
        Classification {
            structural_level,
            achieved_level,
            meets_definition,
            at_risk,
            achieved_level_range,
            facilitators,
            obstacles,
        }
    }

    /// The aggregates of every item of one kind.
    fn results<T: Rated, const N: usize>(
        &self,
        assessment: &Assessment,
        items: [T; N],
        keep: &mut impl Keep,
        quantiles: Quantiles,
    ) -> [ItemResult<T>; N] {
        let bounds = self.bounds::<T>();
        let thresholds = if T::TIED_TO_LEVEL {
            self.facilitator_thresholds()
        } else {
            self.obstacle_thresholds()
        };
        let k = self.privacy().min_group_size;
        let tallies = assessment.tallies();
        items.map(|item| {
            let (mean, responses) = Mean::of(tallies, item);
            let exact = || mean.exact(tallies, item);
            let band = bounds.band(&mean, exact);
            let written = mean.to_f64(exact);
            // With a hidden agency group the spread over all ratings is
            // not published: with the mean it would give the group away.
            let hidden = tallies.iter().any(|t| (1..k).contains(&t.of(item).count));
            let spread = if hidden {
                Agreement::NONE
            } else {
                Agreement::of(pooled(tallies, item))
            };
            let interval = written
                .zip(Uncertainty::of(tallies, item))
                .map(|(m, u)| u.around(m, quantiles, 1.0, 5.0));
            let result = ItemResult {
                item,
                needed_from: self.needed_from(item),
                mean: written,
                band,
                responses,
                sd: spread.sd,
                agreement: spread.r_wg,
                agreement_level: spread.level,
                interval,
                plausible_bands: PlausibleBands::reached(band, interval, thresholds),
            };
            keep.keep(item, mean);
            result
        })
    }

    /// The bounds of one kind's bands.
    fn bounds<T: Rated>(&self) -> Bounds {
        let t = self.exact_thresholds();
        let [upper, lower] = if T::TIED_TO_LEVEL {
            [t.facilitator_upper, t.facilitator_lower]
        } else {
            [t.obstacle_upper, t.obstacle_lower]
        };
        Bounds::new(upper.into(), lower.into())
    }
}

/// Where the classification hands each item's exact mean.
trait Keep {
    fn keep<T: Rated>(&mut self, item: T, mean: Mean);
}

/// Keeps nothing: a plain classification.
struct NoKeep;

impl Keep for NoKeep {
    fn keep<T: Rated>(&mut self, _: T, _: Mean) {}
}

impl Keep for Means<'_> {
    fn keep<T: Rated>(&mut self, item: T, mean: Mean) {
        self.set(item, mean);
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
