//! The observable arrangements that define each level.

use crate::Level;
use crate::foundation::id::concept;
use crate::rubric::Rubric;
use crate::{ConceptSet, PracticeTip};

concept! {
    /// An observable arrangement that marks a level of interagency working.
    ///
    /// Frost defines each level in a sentence; the characteristics split those
    /// sentences into arrangements a partnership can say it has in place. The
    /// split is this crate's reading of Frost, part of its default rubric, not
    /// a list found in the sources; the descriptions are the crate's words.
    ///
    /// ```
    /// use interagency::{Characteristic, Level};
    ///
    /// assert_eq!(Characteristic::SharedAgreedGoals.level(), Level::Coordination);
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

impl Characteristic {
    /// The level this characteristic belongs to in the default rubric.
    #[must_use]
    pub fn level(self) -> Level {
        Rubric::DEFAULT.level_of(self)
    }

    /// The practice tips that establish this characteristic.
    #[must_use]
    pub fn established_by(self) -> ConceptSet<PracticeTip> {
        Rubric::DEFAULT.tips_establishing(self)
    }
}
