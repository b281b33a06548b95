//! The default rubric: how the concepts link to levels and to one another,
//! and the numbers the analysis uses.

use serde::{Deserialize, Serialize};

use crate::foundation::set::set;
use crate::{
    Benefit, Characteristic, ConceptSet, Facilitator, Identifier, Level, Obstacle, PracticeTip,
};

/// What one practice tip works on.
///
/// ```
/// use interagency::{Characteristic, Obstacle, PracticeTip};
///
/// let links = PracticeTip::EvaluateAndReflect.links();
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
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// The lowest mean of the top band.
    pub upper: f64,
    /// The lowest mean of the middle band.
    pub lower: f64,
}

/// The weights the gap analysis gives each gap item when it ranks the
/// practice tips.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// The weight of a missing characteristic.
    pub missing_characteristic: f64,
    /// A facilitator gap weighs this minus the facilitator's mean.
    pub facilitator_baseline: f64,
    /// The weight of a facilitator gap with no ratings at all.
    pub unknown_facilitator: f64,
    /// An active obstacle weighs its mean minus this.
    pub obstacle_baseline: f64,
}

/// The rubric: which level each characteristic belongs to, from which level
/// each facilitator is required and each benefit expected, what each practice
/// tip works on, the band thresholds and the gap weights.
///
/// These links and numbers are this crate's interpretation of the sources
/// ([the method](crate::_documentation::method)), not claims the sources make. They live here, as
/// data, and nowhere else: every query on the concepts
/// ([`Level::characteristics`], [`Facilitator::required_from`],
/// [`PracticeTip::links`], …) reads [`Rubric::DEFAULT`].
///
/// ```
/// use interagency::{Facilitator, Level, Rubric};
///
/// let rubric = Rubric::DEFAULT;
/// assert_eq!(rubric.required_from(Facilitator::Leadership), Level::Coordination);
/// assert_eq!(rubric.facilitators_required_at(Level::Cooperation).len(), 1);
/// assert_eq!(rubric.facilitator_thresholds().lower, 3.0);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Rubric {
    characteristic_levels: [Level; Characteristic::COUNT],
    facilitator_levels: [Level; Facilitator::COUNT],
    benefit_levels: [Level; Benefit::COUNT],
    tips: [TipLinks; PracticeTip::COUNT],
    facilitator_thresholds: Thresholds,
    obstacle_thresholds: Thresholds,
    weights: Weights,
}

impl Default for Rubric {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl Rubric {
    /// The crate's default rubric, as [the method](crate::_documentation::method) sets it out.
    pub const DEFAULT: Rubric = {
        use Characteristic as C;
        use Facilitator as F;
        use Level::{Collaboration, Cooperation, Coordination, Integration};
        use Obstacle as O;

        const fn tip(
            builds: ConceptSet<Facilitator>,
            addresses: ConceptSet<Obstacle>,
            establishes: ConceptSet<Characteristic>,
        ) -> TipLinks {
            TipLinks {
                builds,
                addresses,
                establishes,
            }
        }

        Rubric {
            // In `Characteristic` order.
            characteristic_levels: [
                Cooperation,   // consistent_goals
                Cooperation,   // complementary_services
                Collaboration, // tackles_overlap_and_gaps
                Collaboration, // common_outcomes
                Coordination,  // planned_and_systematic
                Coordination,  // shared_agreed_goals
                Integration,   // single_organisation
            ],
            // In `Facilitator` order.
            facilitator_levels: [
                Collaboration, // clarity_of_purpose_and_roles
                Coordination,  // whole_agency_commitment
                Coordination,  // leadership
                Collaboration, // trust_and_openness
                Cooperation,   // good_communication
                Coordination,  // information_sharing_procedures
                Integration,   // staff_relationship_opportunities
            ],
            // In `Benefit` order.
            benefit_levels: [
                Coordination,  // faster_access
                Coordination,  // reduced_worker_anxiety
                Coordination,  // case_monitoring_quality
                Collaboration, // manageable_family_demands
                Cooperation,   // consistent_message
                Coordination,  // better_decision_making
                Coordination,  // timely_resources
                Collaboration, // effective_use_of_resources
                Integration,   // new_policy_and_practice
                Collaboration, // reduced_duplication
            ],
            // In `PracticeTip` order.
            tips: [
                // identify_rationale_and_outcomes
                tip(
                    set![F::ClarityOfPurposeAndRoles],
                    set![O::CollaborationFatigue],
                    set![C::ConsistentGoals, C::CommonOutcomes, C::SharedAgreedGoals],
                ),
                // secure_commitment
                tip(
                    set![F::WholeAgencyCommitment, F::Leadership],
                    set![O::TimeNotPrioritised],
                    set![C::SingleOrganisation],
                ),
                // share_agency_information
                tip(
                    set![F::ClarityOfPurposeAndRoles, F::TrustAndOpenness],
                    set![O::AgreeingPoliciesAndProtocols],
                    set![C::ComplementaryServices, C::TacklesOverlapAndGaps],
                ),
                // agree_documented_plan
                tip(
                    set![F::ClarityOfPurposeAndRoles],
                    set![O::AgreeingPoliciesAndProtocols, O::TimeNotPrioritised],
                    set![
                        C::PlannedAndSystematic,
                        C::SharedAgreedGoals,
                        C::SingleOrganisation
                    ],
                ),
                // agree_information_sharing
                tip(
                    set![F::InformationSharingProcedures, F::GoodCommunication],
                    set![O::AgreeingPoliciesAndProtocols],
                    set![],
                ),
                // develop_open_communication
                tip(
                    set![F::GoodCommunication, F::TrustAndOpenness],
                    set![O::Conflict, O::ChangingAttitudesAndBeliefs],
                    set![],
                ),
                // evaluate_and_reflect
                tip(
                    set![],
                    set![O::CollaborationFatigue, O::Conflict],
                    set![C::PlannedAndSystematic],
                ),
                // solve_problems_together
                tip(set![F::TrustAndOpenness], set![O::Conflict], set![]),
                // build_relationships_and_shared_learning
                tip(
                    set![F::StaffRelationshipOpportunities, F::TrustAndOpenness],
                    set![O::LackOfCollaborativeSkills, O::ChangingAttitudesAndBeliefs],
                    set![],
                ),
            ],
            facilitator_thresholds: Thresholds {
                upper: 4.0,
                lower: 3.0,
            },
            obstacle_thresholds: Thresholds {
                upper: 4.0,
                lower: 3.0,
            },
            weights: Weights {
                missing_characteristic: 1.0,
                facilitator_baseline: 3.0,
                unknown_facilitator: 1.0,
                obstacle_baseline: 2.0,
            },
        }
    };

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
