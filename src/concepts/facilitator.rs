//! Statham's factors that facilitate interagency working.

use crate::concepts::concept::concept;

concept! {
    /// A factor that facilitates interagency working, from Statham's (2011)
    /// review of international evidence as the briefing summarises it.
    ///
    /// Descriptions quote the briefing. The level from which each factor is
    /// *required* is a rubric's reading (`Rubric::required_from`), not a
    /// claim of the sources.
    ///
    /// ```
    /// use interagency::{Facilitator, Level, Rubric};
    ///
    /// assert_eq!(Rubric::DEFAULT.required_from(Facilitator::GoodCommunication), Level::Cooperation);
    /// assert_eq!(Facilitator::Leadership.name(), "Leadership");
    /// ```
    pub enum Facilitator: "facilitator" {
        ClarityOfPurposeAndRoles {
            name: "Clarity of purpose and roles",
            description: "Clarity of purpose about what the work hopes to achieve and clarity of roles which helps to identify what each agency is responsible for",
            quoted: true,
            source: Statham2011,
        },
        WholeAgencyCommitment {
            name: "Whole-agency commitment",
            description: "Whole-agency commitment to joint working, from frontline staff to senior managers",
            quoted: true,
            source: Statham2011,
        },
        Leadership {
            name: "Leadership",
            description: "Leadership from managers and from other staff within the organisation",
            quoted: true,
            source: Statham2011,
        },
        TrustAndOpenness {
            name: "Trust and openness",
            description: "Development of relationships based on trust and openness",
            quoted: true,
            source: Statham2011,
        },
        GoodCommunication {
            name: "Good communication",
            description: "Good communication between organisations, using both formal and informal methods",
            quoted: true,
            source: Statham2011,
        },
        InformationSharingProcedures {
            name: "Information-sharing procedures",
            description: "Clear procedures for information sharing",
            quoted: true,
            source: Statham2011,
        },
        StaffRelationshipOpportunities {
            name: "Opportunities for staff relationships",
            description: "Opportunities for staff at all levels to develop relationships, such as training events",
            quoted: true,
            source: Statham2011,
        },
    }
}
