//! The obstacles to interagency working found by Atkinson et al.

use crate::concepts::concept::concept;

concept! {
    /// An obstacle to interagency working, from Atkinson et al. (2002) as
    /// quoted in the briefing.
    ///
    /// Which practice tips address each obstacle is a rubric's reading
    /// (`Rubric::tips_addressing`).
    ///
    /// ```
    /// use interagency::{Obstacle, PracticeTip, Rubric};
    ///
    /// assert!(Rubric::DEFAULT.tips_addressing(Obstacle::Conflict).contains(PracticeTip::SolveProblemsTogether));
    /// ```
    pub enum Obstacle: "obstacle" {
        TimeNotPrioritised {
            name: "Time not prioritised",
            description: "Failure to prioritise the time to develop interagency working",
            quoted: true,
            source: Atkinson2002,
        },
        AgreeingPoliciesAndProtocols {
            name: "Agreeing policies and protocols",
            description: "Agreeing policies, procedures and protocols: involves being open to new ideas and best practice systems of other agencies",
            quoted: true,
            source: Atkinson2002,
        },
        ChangingAttitudesAndBeliefs {
            name: "Changing attitudes and beliefs",
            description: "Changing attitudes and beliefs",
            quoted: true,
            source: Atkinson2002,
        },
        LackOfCollaborativeSkills {
            name: "Lack of collaborative skills",
            description: "Lack of collaborative skills: for example, communication and interpersonal skills",
            quoted: true,
            source: Atkinson2002,
        },
        Conflict {
            name: "Conflict",
            description: "Conflict: at an agency or individual level",
            quoted: true,
            source: Atkinson2002,
        },
        CollaborationFatigue {
            name: "Collaboration fatigue",
            description: "Collaboration fatigue, which is when individuals or organisations become exhausted by multiple interagency initiatives and tend to devalue or opt out of new interagency initiatives",
            quoted: true,
            source: Atkinson2002,
        },
    }
}
