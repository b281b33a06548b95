//! Gap analysis towards a target level.

use serde::{Deserialize, Serialize};

use crate::analysis::network::{self, Network, Perceived};
use crate::analysis::value::{Means, Value};
use crate::foundation::exact::{Exact, Fraction};
use crate::rubric::RubricSummary;
use crate::{
    Agency, Assessment, Benefit, Characteristic, Classification, ConceptSet, Date, Facilitator,
    FacilitatorBand, GapItem, Level, Obstacle, ObstacleBand, PracticeTip, Rubric, Voices,
};

/// A characteristic of a level up to the target that is not in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MissingCharacteristic {
    /// The missing characteristic.
    pub characteristic: Characteristic,
    /// The level it belongs to.
    pub level: Level,
}

/// A facilitator required up to the target that is a `concern` or
/// `unknown`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FacilitatorGap {
    /// The facilitator.
    pub facilitator: Facilitator,
    /// Its mean rating; `null` when no one rated it.
    pub mean: Option<f64>,
    /// Its band: `concern` or `unknown`.
    pub band: FacilitatorBand,
}

/// An obstacle whose band is `moderate` or `major`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActiveObstacle {
    /// The obstacle.
    pub obstacle: Obstacle,
    /// Its mean rating.
    pub mean: f64,
    /// Its band: `moderate` or `major`.
    pub band: ObstacleBand,
}

/// A practice tip to act on, with its priority and the gap items it works
/// on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// The practice tip.
    pub tip: PracticeTip,
    /// The sum of the weights of the gap items it works on: 1.0 for a
    /// missing characteristic, 3.0 minus the mean for a facilitator gap (1.0
    /// when unknown), the mean minus 2.0 for an active obstacle (default
    /// weights).
    pub priority: f64,
    /// The gap items it works on: its missing characteristics, then its
    /// facilitator gaps, then its active obstacles, each in report order.
    pub addresses: Vec<GapItem>,
}

/// What stands between a partnership and a target level, and which
/// practice tips to act on first. The rules are in
/// [the method](crate::_documentation::method#gap-items-and-their-weights).
///
/// Reports carry aggregates only: no respondent id appears in them.
///
/// ```
/// use interagency::{Assessment, GapItem, Level, PracticeTip};
///
/// let assessment: Assessment = serde_json::from_str(r#"{
///   "partnership": "Northside",
///   "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
///   "characteristics": ["consistent_goals", "complementary_services"],
///   "responses": [
///     {"respondent": "1", "agency": "a", "role": "manager",
///      "facilitators": {"good_communication": 4, "trust_and_openness": 2}},
///     {"respondent": "2", "agency": "b", "role": "frontline",
///      "facilitators": {"good_communication": 4, "trust_and_openness": 2}}
///   ]
/// }"#)?;
/// let report = assessment.gap_analysis(None);
/// assert_eq!(report.classification.achieved_level, Some(Level::Cooperation));
/// assert_eq!(report.target, Level::Collaboration);
/// assert!(!report.reached);
/// // Sharing agency information establishes a missing characteristic (1.0)
/// // and builds trust (3.0 - 2.0) and clarity of purpose (unknown: 1.0).
/// let first = &report.recommendations[0];
/// assert_eq!(first.tip, PracticeTip::ShareAgencyInformation);
/// assert_eq!(first.priority, 3.0);
/// assert_eq!(first.addresses[0], GapItem::Characteristic(interagency::Characteristic::TacklesOverlapAndGaps));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GapReport {
    /// The partnership's name.
    pub partnership: String,
    /// The date of the assessment, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed_on: Option<Date>,
    /// The rubric the analysis used, with what a reader needs of it.
    pub rubric: RubricSummary,
    /// The agencies taking part, as assessed.
    pub agencies: Vec<Agency>,
    /// The arrangements in place, as assessed.
    pub characteristics: ConceptSet<Characteristic>,
    /// Where the partnership stands.
    pub classification: Classification,
    /// The level the gap is measured to.
    pub target: Level,
    /// Characteristics of the levels up to the target that are not in
    /// place, in catalogue order.
    pub missing_characteristics: Vec<MissingCharacteristic>,
    /// Facilitators required up to the target that are a `concern` or
    /// `unknown`, in catalogue order.
    pub facilitator_gaps: Vec<FacilitatorGap>,
    /// Obstacles that are `moderate` or `major`, by mean descending, then
    /// catalogue order.
    pub active_obstacles: Vec<ActiveObstacle>,
    /// Practice tips with a priority above zero, by priority descending,
    /// then catalogue order.
    pub recommendations: Vec<Recommendation>,
    /// Gap items that no practice tip of the rubric works on, in the order
    /// of a recommendation's `addresses`: so that no gap goes without
    /// mention when a rubric's tips leave something out. Empty with the
    /// default rubric.
    pub unaddressed: Vec<GapItem>,
    /// Benefits expected from a level above the achieved level up to the
    /// target, in catalogue order.
    pub benefits_in_reach: ConceptSet<Benefit>,
    /// Whether the achieved level is at or above the target and no
    /// characteristic or facilitator gap remains.
    pub reached: bool,
    /// How each agency and each role rates every facilitator and obstacle,
    /// with small groups hidden.
    pub voices: Voices,
    /// Who works with whom, from each agency's answers about the others;
    /// null when no response gives one.
    pub network: Option<Network>,
    /// The level respondents believe the partnership works at, against the
    /// level achieved; null when no response gives one.
    pub perceived: Option<Perceived>,
}

/// A report read back is checked as it is read: beyond its fields' own
/// checks (one entry per facilitator and obstacle, in catalogue order, and
/// a rubric that obeys the rubric's rules), its breakdowns by agency must
/// list its agencies, in order, its smallest group be the rubric's, and
/// the perceived level's figures follow from its counts.
impl<'de> Deserialize<'de> for GapReport {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let report = UncheckedGapReport::deserialize(deserializer)?;
        let agencies: Vec<&str> = report.agencies.iter().map(|a| a.id.as_str()).collect();
        if !report.voices.lists(&agencies) {
            return Err(serde::de::Error::custom(format_args!(
                "voices: every breakdown by agency lists the report's agencies ({}), in order",
                agencies.join(", ")
            )));
        }
        if let Some(perceived) = &report.perceived
            && (!perceived.is_consistent()
                || perceived.achieved != report.classification.achieved_level)
        {
            return Err(serde::de::Error::custom(
                "perceived: the median, the achieved level, the difference and overestimates \
                 must follow from the counts (at least one answer) and the classification",
            ));
        }
        let k = report.rubric.privacy.min_group_size;
        if report.voices.min_group_size != k {
            return Err(serde::de::Error::custom(format_args!(
                "voices.min_group_size: {} is not the rubric's privacy.min_group_size, {k}",
                report.voices.min_group_size
            )));
        }
        Ok(report)
    }
}

/// The fields of a [`GapReport`] as read, before the checks of its
/// `Deserialize`: the one way to read a report is through them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, remote = "GapReport", rename = "GapReport")]
struct UncheckedGapReport {
    partnership: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    assessed_on: Option<Date>,
    rubric: RubricSummary,
    agencies: Vec<Agency>,
    characteristics: ConceptSet<Characteristic>,
    classification: Classification,
    target: Level,
    missing_characteristics: Vec<MissingCharacteristic>,
    facilitator_gaps: Vec<FacilitatorGap>,
    active_obstacles: Vec<ActiveObstacle>,
    recommendations: Vec<Recommendation>,
    unaddressed: Vec<GapItem>,
    benefits_in_reach: ConceptSet<Benefit>,
    reached: bool,
    voices: Voices,
    network: Option<Network>,
    perceived: Option<Perceived>,
}

impl Classification {
    /// The level a gap analysis aims at when no target is given: the level
    /// after the achieved level (cooperation when none is achieved;
    /// integration stays integration).
    #[must_use]
    pub fn default_target(&self) -> Level {
        match self.achieved_level {
            None => Level::LOWEST,
            Some(level) => level.next().unwrap_or(Level::HIGHEST),
        }
    }
}

impl Assessment {
    /// The gap analysis towards `target` with the default rubric, or towards
    /// the level after the achieved one when `target` is `None`;
    /// [`Rubric::gap_analysis`] uses another rubric.
    #[must_use]
    pub fn gap_analysis(&self, target: Option<Level>) -> GapReport {
        Rubric::DEFAULT.gap_analysis(self, target)
    }
}

impl Rubric {
    /// The gap analysis of `assessment` with this rubric, towards `target`
    /// or the level after the achieved one. The report names the rubric and
    /// carries what is needed to read it.
    ///
    /// ```
    /// use interagency::{Assessment, Level, Rubric};
    ///
    /// let assessment = Assessment::from_json(r#"{
    ///   "partnership": "Northside", "characteristics": ["consistent_goals"],
    ///   "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]}"#)?;
    /// let rubric = Rubric::DEFAULT.with_name("our reading", "2026-1")?;
    /// let report = rubric.gap_analysis(&assessment, Some(Level::Collaboration));
    /// assert_eq!(report.rubric.name, "our reading");
    /// assert!(report.unaddressed.is_empty());
    /// # Ok::<(), interagency::Error>(())
    /// ```
    #[must_use]
    pub fn gap_analysis(&self, assessment: &Assessment, target: Option<Level>) -> GapReport {
        self.gap_analysis_exact(assessment, target).0
    }

    /// The gap analysis with the exact means it rests on.
    pub(crate) fn gap_analysis_exact<'a>(
        &self,
        assessment: &'a Assessment,
        target: Option<Level>,
    ) -> (GapReport, Means<'a>) {
        let rubric = self;
        let (classification, exact) = rubric.classify_exact(assessment);
        let target = target.unwrap_or_else(|| classification.default_target());

        let missing: ConceptSet<Characteristic> = rubric
            .characteristics_up_to(target)
            .difference(assessment.characteristics());
        let missing_characteristics: Vec<_> = missing
            .iter()
            .map(|characteristic| MissingCharacteristic {
                characteristic,
                level: rubric.level_of(characteristic),
            })
            .collect();

        let facilitator_gaps: Vec<_> = classification
            .facilitators
            .iter()
            .filter(|r| rubric.required_from(r.item) <= target && !r.band.sustains())
            .map(|r| FacilitatorGap {
                facilitator: r.item,
                mean: r.mean,
                band: r.band,
            })
            .collect();

        let mut active: Vec<(ActiveObstacle, Value)> = classification
            .obstacles
            .iter()
            .filter(|r| r.band.is_active())
            .filter_map(|r| {
                let mean = r.mean?;
                let obstacle = ActiveObstacle {
                    obstacle: r.item,
                    mean,
                    band: r.band,
                };
                Some((obstacle, Value::mean(&exact, r.item)?))
            })
            .collect();
        // Stable: exactly equal means keep catalogue order.
        active.sort_by(|a, b| b.1.cmp(&a.1, &exact));

        let recommendations = rank(
            rubric,
            &exact,
            &missing_characteristics,
            &facilitator_gaps,
            &active,
        );
        let active_obstacles: Vec<_> = active.into_iter().map(|(o, _)| o).collect();
        let unaddressed = missing_characteristics
            .iter()
            .filter(|m| rubric.tips_establishing(m.characteristic).is_empty())
            .map(|m| GapItem::Characteristic(m.characteristic))
            .chain(
                facilitator_gaps
                    .iter()
                    .filter(|g| rubric.tips_building(g.facilitator).is_empty())
                    .map(|g| GapItem::Facilitator(g.facilitator)),
            )
            .chain(
                active_obstacles
                    .iter()
                    .filter(|o| rubric.tips_addressing(o.obstacle).is_empty())
                    .map(|o| GapItem::Obstacle(o.obstacle)),
            )
            .collect();

        let achieved = classification.achieved_level;
        let benefits_in_reach = Benefit::iter()
            .filter(|&b| {
                let level = rubric.expected_from(b);
                Some(level) > achieved && level <= target
            })
            .collect();
        let reached = achieved >= Some(target)
            && missing_characteristics.is_empty()
            && facilitator_gaps.is_empty();

        let report = GapReport {
            partnership: assessment.partnership().to_owned(),
            assessed_on: assessment.assessed_on(),
            rubric: rubric.summary(),
            agencies: assessment.agencies().to_vec(),
            characteristics: assessment.characteristics(),
            classification,
            target,
            missing_characteristics,
            facilitator_gaps,
            active_obstacles,
            recommendations,
            unaddressed,
            benefits_in_reach,
            reached,
            voices: rubric.voices(assessment),
            network: network::network(assessment).map(|(network, _)| network),
            perceived: network::perceived(assessment, achieved),
        };
        (report, exact)
    }
}

/// The practice tips with a priority above zero, highest first; exactly
/// equal priorities keep catalogue order.
fn rank(
    rubric: &Rubric,
    means: &Means<'_>,
    missing_characteristics: &[MissingCharacteristic],
    facilitator_gaps: &[FacilitatorGap],
    active: &[(ActiveObstacle, Value)],
) -> Vec<Recommendation> {
    let weights = rubric.weights();
    // Each gap item's weight, exactly.
    let [missing, baseline, unknown, obstacle] = rubric.exact_thresholds().weights;
    let number = |cached: Option<Fraction>, weight: f64| {
        cached.map_or_else(|| Exact::from_f64(weight), Exact::from)
    };
    let missing_weight = Value::constant(number(missing, weights.missing_characteristic));
    let unknown_weight = Value::constant(number(unknown, weights.unknown_facilitator));
    let facilitator_baseline = Value::constant(number(baseline, weights.facilitator_baseline));
    let obstacle_baseline = Value::constant(number(obstacle, weights.obstacle_baseline)).neg();
    let facilitator_weight = |f: Facilitator| {
        Value::mean(means, f).map_or_else(
            || unknown_weight.clone(),
            |m| facilitator_baseline.add(&m.neg()),
        )
    };

    let mut ranked: Vec<(Recommendation, Value)> = PracticeTip::iter()
        .filter_map(|tip| {
            let links = rubric.links(tip);
            let mut priority = Value::zero();
            let mut addresses = Vec::new();
            for m in missing_characteristics {
                if links.establishes.contains(m.characteristic) {
                    priority = priority.add(&missing_weight);
                    addresses.push(GapItem::Characteristic(m.characteristic));
                }
            }
            for g in facilitator_gaps {
                if links.builds.contains(g.facilitator) {
                    priority = priority.add(&facilitator_weight(g.facilitator));
                    addresses.push(GapItem::Facilitator(g.facilitator));
                }
            }
            for (o, mean) in active {
                if links.addresses.contains(o.obstacle) {
                    priority = priority.add(&mean.add(&obstacle_baseline));
                    addresses.push(GapItem::Obstacle(o.obstacle));
                }
            }
            (priority.signum(means) == core::cmp::Ordering::Greater).then(|| {
                let recommendation = Recommendation {
                    tip,
                    priority: priority.to_f64(means),
                    addresses,
                };
                (recommendation, priority)
            })
        })
        .collect();
    // Stable: exactly equal priorities keep catalogue order.
    ranked.sort_by(|a, b| b.1.cmp(&a.1, means));
    ranked.into_iter().map(|(r, _)| r).collect()
}
