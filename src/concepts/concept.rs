//! What every concept of the framework has: a name, a description and a
//! source; and the macro that declares a concept enum.

use crate::concepts::source::Source;
use crate::foundation::id::Identifier;

/// A concept of the framework: something the briefing names, describes and
/// attributes to a source.
///
/// ```
/// use interagency::{Concept, Obstacle, Source};
///
/// let o = Obstacle::CollaborationFatigue;
/// assert_eq!(o.name(), "Collaboration fatigue");
/// assert!(o.description().starts_with("Collaboration fatigue, which is when"));
/// assert!(o.quoted());
/// assert_eq!(o.source(), Source::Atkinson2002);
/// ```
pub trait Concept: Identifier {
    /// A short human name, for headings and tables.
    fn name(self) -> &'static str;

    /// What the concept means.
    ///
    /// When [`Concept::quoted`] is true this is the briefing's own wording,
    /// reproduced verbatim and attributed to [`Concept::source`]; otherwise
    /// it is this crate's reading, in its own words.
    fn description(self) -> &'static str;

    /// Whether [`Concept::description`] is a verbatim quotation of the
    /// briefing.
    fn quoted(self) -> bool;

    /// The source the briefing attributes the concept to.
    fn source(self) -> Source;
}

/// Declares a catalogue concept: an [`id_enum!`] whose variants each carry
/// a name, a description (which also becomes the variant's documentation and
/// its description in the JSON Schema), whether that description is quoted
/// from the briefing, and its source.
macro_rules! concept {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident: $kind:literal {
            $(
                $(#[$vmeta:meta])*
                $variant:ident {
                    name: $vname:literal,
                    description: $desc:literal,
                    quoted: $quoted:literal,
                    source: $source:ident $(,)?
                }
            ),+ $(,)?
        }
    ) => {
        $crate::foundation::id::id_enum! {
            $(#[$meta])*
            $vis enum $name: $kind {
                $(
                    #[doc = $desc]
                    $(#[$vmeta])*
                    $variant
                ),+
            }
        }

        impl $name {
            /// A short human name, for headings and tables.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self { $( Self::$variant => $vname ),+ }
            }

            /// What the concept means: the briefing's wording when
            /// [`quoted`](Self::quoted) is true, the crate's otherwise.
            #[must_use]
            pub const fn description(self) -> &'static str {
                match self { $( Self::$variant => $desc ),+ }
            }

            /// Whether the [`description`](Self::description) is a verbatim
            /// quotation of the briefing.
            #[must_use]
            pub const fn quoted(self) -> bool {
                match self { $( Self::$variant => $quoted ),+ }
            }

            /// The source the briefing attributes this to.
            #[must_use]
            pub const fn source(self) -> $crate::Source {
                match self { $( Self::$variant => $crate::Source::$source ),+ }
            }
        }

        impl $crate::Concept for $name {
            fn name(self) -> &'static str {
                $name::name(self)
            }
            fn description(self) -> &'static str {
                $name::description(self)
            }
            fn quoted(self) -> bool {
                $name::quoted(self)
            }
            fn source(self) -> $crate::Source {
                $name::source(self)
            }
        }
    };
}

pub(crate) use concept;
