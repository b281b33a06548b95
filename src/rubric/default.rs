//! The crate's default rubric.

use std::borrow::Cow;

use super::{Divergence, ExactThresholds, Privacy, Rubric, Thresholds, TipLinks, Weights};
use crate::foundation::exact::Fraction;
use crate::foundation::set::set;
use crate::{Characteristic, ConceptSet, Facilitator, Level, Obstacle};

impl Rubric {
    /// The crate's default rubric, as [the method](crate::_documentation::method)
    /// sets it out. `examples/rubrics/default.json` is the same rubric as a
    /// document to copy and edit.
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
            name: Cow::Borrowed("interagency default rubric"),
            version: Cow::Borrowed("1"),
            description: Some(Cow::Borrowed(
                "The interagency crate's reading of the sources: which arrangements mark \
                 each of Frost's levels, from which level each of Statham's facilitators \
                 is required and each CAAB benefit expected, what each practice tip of the \
                 briefing works on, the band thresholds, the gap weights, the smallest \
                 group shown in a breakdown and the differences that count as divergent.",
            )),
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
            privacy: Privacy { min_group_size: 5 },
            confidence: 0.95,
            exact: ExactThresholds {
                facilitator_upper: Fraction::int(4),
                facilitator_lower: Fraction::int(3),
                obstacle_upper: Fraction::int(4),
                obstacle_lower: Fraction::int(3),
                agency_spread: Fraction::new(15, 10),
                role_gap: Fraction::int(1),
                weights: [
                    Some(Fraction::int(1)),
                    Some(Fraction::int(3)),
                    Some(Fraction::int(1)),
                    Some(Fraction::int(2)),
                ],
            },
            divergence: Divergence {
                agency_spread: 1.5,
                role_gap: 1.0,
            },
        }
    };
}
