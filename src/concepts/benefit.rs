//! The benefits of interagency working listed by the CAAB.

use crate::concepts::concept::concept;

concept! {
    /// A benefit of interagency working, as listed by the Children Acts
    /// Advisory Board (2009) and quoted in the briefing.
    ///
    /// The level from which each benefit is *expected* is a rubric's
    /// reading (`Rubric::expected_from`), not a claim of the sources.
    ///
    /// ```
    /// use interagency::{Benefit, Level, Rubric};
    ///
    /// assert_eq!(Rubric::DEFAULT.expected_from(Benefit::ConsistentMessage), Level::Cooperation);
    /// assert_eq!(Benefit::FasterAccess.description(), "Faster access to services");
    /// ```
    pub enum Benefit: "benefit" {
        FasterAccess {
            name: "Faster access",
            description: "Faster access to services",
            quoted: true,
            source: Caab2009,
        },
        ReducedWorkerAnxiety {
            name: "Reduced anxiety for workers",
            description: "Reduced anxiety for workers",
            quoted: true,
            source: Caab2009,
        },
        CaseMonitoringQuality {
            name: "Quality of case monitoring",
            description: "Increased quality of case monitoring and relapse support",
            quoted: true,
            source: Caab2009,
        },
        ManageableFamilyDemands {
            name: "Manageable demands on families",
            description: "Ensuring agency demands on a family are not competing or overwhelming",
            quoted: true,
            source: Caab2009,
        },
        ConsistentMessage {
            name: "Consistency of message",
            description: "Consistency of message from all involved",
            quoted: true,
            source: Caab2009,
        },
        BetterDecisionMaking {
            name: "Better decision-making",
            description: "Better decision-making",
            quoted: true,
            source: Caab2009,
        },
        TimelyResources {
            name: "Timely resources",
            description: "Improved ability to provide needed and timely resources",
            quoted: true,
            source: Caab2009,
        },
        EffectiveUseOfResources {
            name: "Effective use of limited resources",
            description: "More effective use of limited resources",
            quoted: true,
            source: Caab2009,
        },
        NewPolicyAndPractice {
            name: "New policy and practice",
            description: "Development of new policy and practice",
            quoted: true,
            source: Caab2009,
        },
        ReducedDuplication {
            name: "Less duplication of service",
            description: "Reduction in duplication of service",
            quoted: true,
            source: Caab2009,
        },
    }
}
