//! The observable arrangements that define each level.

use crate::concepts::concept::concept;

concept! {
    /// An observable arrangement that marks a level of interagency working.
    ///
    /// Frost defines each level in a sentence; the characteristics split those
    /// sentences into arrangements a partnership can say it has in place. The
    /// split is this crate's reading of Frost, part of its default rubric, not
    /// a list found in the sources; the descriptions are the crate's words.
    /// Which level each marks is a rubric's reading (`Rubric::level_of`).
    ///
    /// ```
    /// use interagency::{Characteristic, Level, Rubric};
    ///
    /// assert_eq!(Rubric::DEFAULT.level_of(Characteristic::SharedAgreedGoals), Level::Coordination);
    /// assert_eq!(Characteristic::COUNT, 7);
    /// ```
    pub enum Characteristic: "characteristic" {
        ConsistentGoals {
            name: "Consistent goals",
            description: "The services work toward consistent goals.",
            quoted: false,
            source: Frost2005,
        },
        ComplementaryServices {
            name: "Complementary services",
            description: "The services offer complementary services and keep their independence.",
            quoted: false,
            source: Frost2005,
        },
        TacklesOverlapAndGaps {
            name: "Overlap and gaps tackled",
            description: "The services jointly address overlap, duplication and gaps in provision.",
            quoted: false,
            source: Frost2005,
        },
        CommonOutcomes {
            name: "Common outcomes",
            description: "The services work towards common outcomes.",
            quoted: false,
            source: Frost2005,
        },
        PlannedAndSystematic {
            name: "Planned and systematic joint work",
            description: "Joint work is planned and systematic.",
            quoted: false,
            source: Frost2005,
        },
        SharedAgreedGoals {
            name: "Shared and agreed goals",
            description: "Goals are shared and formally agreed.",
            quoted: false,
            source: Frost2005,
        },
        SingleOrganisation {
            name: "Single organisation",
            description: "The services have become one organisation.",
            quoted: false,
            source: Frost2005,
        },
    }
}
