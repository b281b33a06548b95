//! The briefing's practice tips.

use crate::concepts::concept::concept;

concept! {
    /// One of the briefing's practice tips, in the briefing's order.
    ///
    /// The briefing offers them "when starting new interagency work, or to
    /// enhance current interagency work". What each tip works on is a
    /// rubric's reading (`Rubric::links`), not a claim of the briefing.
    ///
    /// ```
    /// use interagency::{Facilitator, PracticeTip, Rubric};
    ///
    /// let links = Rubric::DEFAULT.links(PracticeTip::AgreeInformationSharing);
    /// assert!(links.builds.contains(Facilitator::InformationSharingProcedures));
    /// ```
    pub enum PracticeTip: "practice tip" {
        IdentifyRationaleAndOutcomes {
            name: "Identify the rationale and target outcomes",
            description: "Identify the underlying rationale for working with other organisations on a particular issue and identify target outcomes. This process should include a review of evidence on the best ways to achieve target outcomes.",
            quoted: true,
            source: Briefing,
        },
        SecureCommitment {
            name: "Secure commitment",
            description: "Secure commitment from managers and staff.",
            quoted: true,
            source: Briefing,
        },
        ShareAgencyInformation {
            name: "Share agency information",
            description: "Share information on agency remits, key policies and procedures.",
            quoted: true,
            source: Briefing,
        },
        AgreeDocumentedPlan {
            name: "Agree a documented plan",
            description: "Agree and document a plan about how organisations will work together, including specifics around activities, timeframes, roles and responsibilities.",
            quoted: true,
            source: Briefing,
        },
        AgreeInformationSharing {
            name: "Agree how information is shared",
            description: "Identify how information will be communicated and what type of information will be shared.",
            quoted: true,
            source: Briefing,
        },
        DevelopOpenCommunication {
            name: "Develop open communication",
            description: "Take time to develop ways of communicating that are open, honest and solution-focused.",
            quoted: true,
            source: Briefing,
        },
        EvaluateAndReflect {
            name: "Evaluate and reflect",
            description: "Evaluate the effectiveness of interagency work and reflect on experiences at regular intervals. In addition, if particular difficulties in interagency work emerge, review them and agree how challenges can be addressed.",
            quoted: true,
            source: Briefing,
        },
        SolveProblemsTogether {
            name: "Solve problems together",
            description: "If problems occur, seek to work together to solve problems. Be aware that agencies can have different agendas and internal pressures which impact on work.",
            quoted: true,
            source: Briefing,
        },
        BuildRelationshipsAndSharedLearning {
            name: "Build relationships and shared learning",
            description: "Interagency work is supported by agency working on shared tasks. It can be helpful to consider creative ways to develop relationships and share learning such as Communities of Practice.",
            quoted: true,
            source: Briefing,
        },
    }
}
