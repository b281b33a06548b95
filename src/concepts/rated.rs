//! The items respondents rate, and the questions a survey asks about them.

use crate::{Concept, Facilitator, Obstacle};

/// An item respondents rate from 1 to 5: a [`Facilitator`] or an
/// [`Obstacle`].
///
/// The questions are this crate's own wording, written for surveys; they
/// are not the briefing's.
///
/// ```
/// use interagency::{Facilitator, Obstacle, Rated};
///
/// assert!(Facilitator::Leadership.question().starts_with("To what extent"));
/// assert_eq!(Facilitator::LOWEST, "not present at all");
/// assert_eq!(Obstacle::HIGHEST, "a severe problem");
/// ```
pub trait Rated: Concept {
    /// What a rating of 1 means.
    const LOWEST: &'static str;
    /// What a rating of 5 means.
    const HIGHEST: &'static str;

    /// The question a survey asks about the item, in this crate's words.
    fn question(self) -> &'static str;
}

impl Rated for Facilitator {
    const LOWEST: &'static str = "not present at all";
    const HIGHEST: &'static str = "fully present";

    fn question(self) -> &'static str {
        match self {
            Facilitator::ClarityOfPurposeAndRoles => {
                "To what extent are the partnership's purpose and each agency's role in it clear to you?"
            }
            Facilitator::WholeAgencyCommitment => {
                "To what extent is each agency committed to the joint work as a whole, from frontline staff to senior managers?"
            }
            Facilitator::Leadership => {
                "To what extent do managers and other staff give the joint work leadership?"
            }
            Facilitator::TrustAndOpenness => {
                "To what extent are relationships between the agencies based on trust and openness?"
            }
            Facilitator::GoodCommunication => {
                "To what extent do the agencies communicate well with each other, formally and informally?"
            }
            Facilitator::InformationSharingProcedures => {
                "To what extent are there clear procedures for sharing information between the agencies?"
            }
            Facilitator::StaffRelationshipOpportunities => {
                "To what extent do staff at all levels have opportunities to build relationships across the agencies?"
            }
        }
    }
}

impl Rated for Obstacle {
    const LOWEST: &'static str = "not a problem";
    const HIGHEST: &'static str = "a severe problem";

    fn question(self) -> &'static str {
        match self {
            Obstacle::TimeNotPrioritised => {
                "How much of a problem is it that agencies do not set aside time to develop the joint work?"
            }
            Obstacle::AgreeingPoliciesAndProtocols => {
                "How much of a problem is agreeing shared policies, procedures and protocols?"
            }
            Obstacle::ChangingAttitudesAndBeliefs => {
                "How much of a problem is changing the attitudes and beliefs that stand in the way of the joint work?"
            }
            Obstacle::LackOfCollaborativeSkills => {
                "How much of a problem is a lack of collaborative skills, such as communication and interpersonal skills?"
            }
            Obstacle::Conflict => {
                "How much of a problem is conflict, between agencies or between individuals?"
            }
            Obstacle::CollaborationFatigue => {
                "How much of a problem is collaboration fatigue: people or agencies worn out by too many joint initiatives?"
            }
        }
    }
}
