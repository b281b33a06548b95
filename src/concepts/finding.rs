//! The formal definition and the research findings of the briefing.

use serde::Serialize;

use crate::concepts::concept::concept;
use crate::concepts::source::Source;

concept! {
    /// A research finding reported in the briefing, quoted from it: the three
    /// of its "Current Thinking" section and the Statham (2011, p. iv)
    /// quotation of its overview.
    ///
    /// ```
    /// use interagency::{Source};
    /// use interagency::catalogue::{Finding};
    ///
    /// assert_eq!(Finding::COUNT, 4);
    /// assert!(Finding::ALL.iter().all(|f| f.source() == Source::Statham2011));
    /// ```
    pub enum Finding: "finding" {
        ChangesServiceDelivery {
            name: "Changes service delivery",
            description: "Research into interagency work shows it contributes positively to changing the service delivery process, to the experiences of families using services and to professional practice.",
            quoted: true,
            source: Statham2011,
        },
        CannotFixPoorServices {
            name: "Cannot fix poor services",
            description: "Good interagency work can potentially improve difficult interagency relationships; however, interagency work cannot change the poor performance of an agency that does not deliver quality, evidence-based services.",
            quoted: true,
            source: Statham2011,
        },
        SupportsOutcomesIndirectly {
            name: "Supports outcomes indirectly",
            description: "To date, research suggests interagency work does not directly impact on outcomes for children and families, but provides an environment which supports the achievement of outcomes.",
            quoted: true,
            source: Statham2011,
        },
        PermittingCircumstances {
            name: "Creates permitting circumstances",
            description: "Effective interagency working, therefore, acts to create the permitting circumstances for better functioning of frontline services and frontline staff",
            quoted: true,
            source: Statham2011,
        },
    }
}

/// The formal definition of interagency working (Statham 2011), quoted from
/// the briefing.
///
/// ```
/// use interagency::catalogue::DEFINITION;
///
/// assert!(DEFINITION.text.contains("planned, coordinated and formal way"));
/// ```
pub const DEFINITION: Definition = Definition {
    text: "more than one agency working together in a planned, coordinated and formal way, towards shared and agreed goals",
    source: Source::Statham2011,
};

/// A quoted definition and its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Definition {
    /// The definition, verbatim.
    pub text: &'static str,
    /// Where it comes from.
    pub source: Source,
}
