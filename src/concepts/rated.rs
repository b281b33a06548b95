//! The items respondents rate, the bands their means fall in, and the
//! questions a survey asks about them.

use crate::concepts::concept::Concept;
use crate::foundation::id::{Identifier, id_enum};
use crate::{Facilitator, Obstacle};

id_enum! {
    /// How present a facilitator is, from the mean of its ratings.
    ///
    /// With the default rubric: a mean of 4.0 or more is a `strength`, 3.0
    /// or more `borderline`, below 3.0 a `concern`; no ratings at all is
    /// `unknown`. A mean of exactly 3.0 is `borderline`.
    pub enum FacilitatorBand: "facilitator band" {
        /// Mean at or above the upper threshold (default 4.0).
        Strength,
        /// Mean at or above the lower threshold (default 3.0), below the upper.
        Borderline,
        /// Mean below the lower threshold (default 3.0).
        Concern,
        /// No ratings.
        Unknown,
    }
}

id_enum! {
    /// How much of a problem an obstacle is, from the mean of its ratings.
    ///
    /// With the default rubric: a mean of 4.0 or more is `major`, 3.0 or more
    /// `moderate`, below 3.0 `minor`; no ratings at all is `unknown`. An
    /// obstacle is *active* when `moderate` or `major`.
    pub enum ObstacleBand: "obstacle band" {
        /// Mean at or above the upper threshold (default 4.0).
        Major,
        /// Mean at or above the lower threshold (default 3.0), below the upper.
        Moderate,
        /// Mean below the lower threshold (default 3.0).
        Minor,
        /// No ratings.
        Unknown,
    }
}

impl FacilitatorBand {
    /// Whether the facilitator is present enough to sustain a level that
    /// requires it: `borderline` or `strength`.
    #[must_use]
    pub const fn sustains(self) -> bool {
        matches!(self, Self::Strength | Self::Borderline)
    }
}

impl ObstacleBand {
    /// Whether the obstacle is active: `moderate` or `major`.
    #[must_use]
    pub const fn is_active(self) -> bool {
        matches!(self, Self::Major | Self::Moderate)
    }
}

/// The band a mean rating falls in: three bands cut by a rubric's two
/// thresholds, and one for an item nobody rated.
///
/// ```
/// use interagency::{Band, FacilitatorBand, ObstacleBand};
///
/// assert_eq!(FacilitatorBand::BY_MEAN[0], FacilitatorBand::Strength);
/// assert!(FacilitatorBand::Strength.rank() > FacilitatorBand::Concern.rank());
/// // For an obstacle, the better band is the less severe one.
/// assert!(ObstacleBand::Minor.rank() > ObstacleBand::Major.rank());
/// assert_eq!(ObstacleBand::Unknown.rank(), None);
/// ```
pub trait Band: Identifier {
    /// The bands a mean falls in, from the top threshold down: at or above
    /// the upper threshold, at or above the lower one, below it.
    const BY_MEAN: [Self; 3];
    /// The band of an item with no ratings.
    const UNKNOWN: Self;

    /// How good the band is for the partnership, higher better (0 to 2);
    /// `None` for the unknown band.
    fn rank(self) -> Option<u8>;

    /// Whether the band calls for attention: a facilitator that is a
    /// concern, an obstacle that is active.
    fn needs_attention(self) -> bool;
}

impl Band for FacilitatorBand {
    const BY_MEAN: [Self; 3] = [Self::Strength, Self::Borderline, Self::Concern];
    const UNKNOWN: Self = Self::Unknown;

    fn rank(self) -> Option<u8> {
        match self {
            Self::Concern => Some(0),
            Self::Borderline => Some(1),
            Self::Strength => Some(2),
            Self::Unknown => None,
        }
    }

    fn needs_attention(self) -> bool {
        self == Self::Concern
    }
}

impl Band for ObstacleBand {
    const BY_MEAN: [Self; 3] = [Self::Major, Self::Moderate, Self::Minor];
    const UNKNOWN: Self = Self::Unknown;

    fn rank(self) -> Option<u8> {
        match self {
            Self::Major => Some(0),
            Self::Moderate => Some(1),
            Self::Minor => Some(2),
            Self::Unknown => None,
        }
    }

    fn needs_attention(self) -> bool {
        self.is_active()
    }
}

/// An item respondents rate from 1 to 5: a [`Facilitator`] or an
/// [`Obstacle`]. Every analysis of ratings (means, bands, voices, progress)
/// is written once over this trait.
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
/// assert_eq!(Facilitator::LABELS[3], "Mostly present");
/// ```
pub trait Rated: Concept {
    /// The bands its means fall in.
    type Band: Band;

    /// The kind in the plural, for headings (`"facilitators"`).
    const PLURAL: &'static str;
    /// What a rating of 1 means.
    const LOWEST: &'static str;
    /// What a rating of 5 means.
    const HIGHEST: &'static str;
    /// The scale's labels for the ratings 1 to 5, as a questionnaire shows
    /// them and a survey tool exports the answers (`"Mostly present"`).
    const LABELS: [&'static str; 5];

    /// Whether a rubric requires the item from a level (facilitators do;
    /// obstacles are not tied to a level).
    const TIED_TO_LEVEL: bool;

    /// The question a survey asks about the item, in this crate's words.
    fn question(self) -> &'static str;

    /// This kind's part of something that holds one part per kind.
    fn of<P: ByKind + ?Sized>(parts: &P) -> &P::Part<Self>;

    /// This kind's part, to change.
    fn of_mut<P: ByKind + ?Sized>(parts: &mut P) -> &mut P::Part<Self>;
}

/// Something with one part for each kind of rated item: facilitators and
/// obstacles. Generic code reaches a kind's part through [`Rated::of`], so
/// that one piece of code serves both kinds.
///
/// ```
/// use interagency::{ByKind, Facilitator, Obstacle, Rated};
///
/// /// A count per kind.
/// struct Counts { facilitators: usize, obstacles: usize }
///
/// impl ByKind for Counts {
///     type Part<T: Rated> = usize;
///     fn facilitators(&self) -> &usize { &self.facilitators }
///     fn obstacles(&self) -> &usize { &self.obstacles }
///     fn facilitators_mut(&mut self) -> &mut usize { &mut self.facilitators }
///     fn obstacles_mut(&mut self) -> &mut usize { &mut self.obstacles }
/// }
///
/// let counts = Counts { facilitators: 7, obstacles: 6 };
/// assert_eq!(*Obstacle::of(&counts), 6);
/// ```
pub trait ByKind {
    /// The part that belongs to one kind.
    type Part<T: Rated>: ?Sized;
    /// The facilitators' part.
    fn facilitators(&self) -> &Self::Part<Facilitator>;
    /// The obstacles' part.
    fn obstacles(&self) -> &Self::Part<Obstacle>;
    /// The facilitators' part, to change.
    fn facilitators_mut(&mut self) -> &mut Self::Part<Facilitator>;
    /// The obstacles' part, to change.
    fn obstacles_mut(&mut self) -> &mut Self::Part<Obstacle>;
}

impl Rated for Facilitator {
    type Band = FacilitatorBand;
    const PLURAL: &'static str = "facilitators";
    const TIED_TO_LEVEL: bool = true;

    fn of<P: ByKind + ?Sized>(parts: &P) -> &P::Part<Self> {
        parts.facilitators()
    }

    fn of_mut<P: ByKind + ?Sized>(parts: &mut P) -> &mut P::Part<Self> {
        parts.facilitators_mut()
    }
    const LOWEST: &'static str = "not present at all";
    const HIGHEST: &'static str = "fully present";
    const LABELS: [&'static str; 5] = [
        "Not present at all",
        "Slightly present",
        "Partly present",
        "Mostly present",
        "Fully present",
    ];

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
    type Band = ObstacleBand;
    const PLURAL: &'static str = "obstacles";
    const TIED_TO_LEVEL: bool = false;

    fn of<P: ByKind + ?Sized>(parts: &P) -> &P::Part<Self> {
        parts.obstacles()
    }

    fn of_mut<P: ByKind + ?Sized>(parts: &mut P) -> &mut P::Part<Self> {
        parts.obstacles_mut()
    }
    const LOWEST: &'static str = "not a problem";
    const HIGHEST: &'static str = "a severe problem";
    const LABELS: [&'static str; 5] = [
        "Not a problem",
        "A minor problem",
        "A moderate problem",
        "A major problem",
        "A severe problem",
    ];

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

/// Implements [`ByKind`] for a type whose `facilitators` and `obstacles`
/// fields hold each kind's part: `by_kind!(Voices => [ItemVoices<T>])`.
macro_rules! by_kind {
    ($ty:ty => $part:ty) => {
        impl $crate::ByKind for $ty {
            type Part<T: $crate::Rated> = $part;
            fn facilitators(&self) -> &Self::Part<$crate::Facilitator> {
                &self.facilitators
            }
            fn obstacles(&self) -> &Self::Part<$crate::Obstacle> {
                &self.obstacles
            }
            fn facilitators_mut(&mut self) -> &mut Self::Part<$crate::Facilitator> {
                &mut self.facilitators
            }
            fn obstacles_mut(&mut self) -> &mut Self::Part<$crate::Obstacle> {
                &mut self.obstacles
            }
        }
    };
}

pub(crate) use by_kind;

/// The entry of `item` in a part with one entry per item of its kind, in
/// catalogue order.
pub(crate) fn entry<T: Rated, E>(part: &[E], item: T) -> &E {
    #[allow(
        clippy::indexing_slicing,
        reason = "the parts of a ByKind hold one entry per item, in catalogue order"
    )]
    &part[item.index()]
}
