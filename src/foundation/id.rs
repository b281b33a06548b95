//! Identifier enums: the traits they share and the macros that declare them.

use core::fmt::{Debug, Display};
use core::hash::Hash;
use core::str::FromStr;

use crate::Source;

/// A closed set of values with one stable `snake_case` identifier each.
///
/// Every enum of the framework implements this trait: the catalogue concepts
/// ([`Level`](crate::Level), [`Facilitator`](crate::Facilitator), …), the
/// [`Source`] citations and the small vocabularies of the documents. The
/// identifier is the value's serde form, its [`Display`] form and what its
/// [`FromStr`] accepts, so the three always agree.
///
/// Declaration order is domain order: [`Identifier::ALL`] lists the values in
/// catalogue order, which is also their [`Ord`] order and the tie-breaker
/// everywhere in the analysis.
///
/// The trait is sealed: the set of identifier enums is the framework's, and
/// [`ConceptSet`](crate::ConceptSet) and [`Ratings`](crate::Ratings) rely on
/// each having only a handful of values.
///
/// ```
/// use interagency::{Identifier, Level};
///
/// assert_eq!(Level::COUNT, 4);
/// assert_eq!(Level::Coordination.id(), "coordination");
/// assert_eq!("coordination".parse::<Level>()?, Level::Coordination);
/// assert_eq!(Level::ALL[2], Level::Coordination);
/// # Ok::<(), interagency::ParseIdError>(())
/// ```
pub trait Identifier:
    sealed::Sealed
    + Copy
    + Eq
    + Ord
    + Hash
    + Debug
    + Display
    + FromStr<Err = ParseIdError>
    + Send
    + Sync
    + 'static
{
    /// What kind of value this is, in words (`"level"`, `"facilitator"`, …);
    /// used in error messages.
    const KIND: &'static str;
    /// Every value, in catalogue order.
    const ALL: &'static [Self];
    /// How many values there are.
    const COUNT: usize;

    /// The stable `snake_case` identifier.
    fn id(self) -> &'static str;

    /// The position of this value in [`Identifier::ALL`], from 0.
    fn index(self) -> usize;

    /// The value at `index` in catalogue order, if there is one.
    #[must_use]
    fn from_index(index: usize) -> Option<Self> {
        Self::ALL.get(index).copied()
    }

    /// Every value, in catalogue order.
    fn iter() -> core::iter::Copied<core::slice::Iter<'static, Self>> {
        Self::ALL.iter().copied()
    }
}

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

/// An identifier that names no value of its kind.
///
/// Returned by the [`FromStr`] implementation of every [`Identifier`].
///
/// ```
/// use interagency::Level;
///
/// let err = "partnership".parse::<Level>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown level \"partnership\"; expected one of: cooperation, collaboration, coordination, integration");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} {value:?}; expected one of: {expected}")]
pub struct ParseIdError {
    kind: &'static str,
    value: String,
    expected: String,
}

impl ParseIdError {
    pub(crate) fn new<T: Identifier>(value: &str) -> Self {
        Self {
            kind: T::KIND,
            value: value.to_owned(),
            expected: OneOf::<T>::new().to_string(),
        }
    }

    /// The kind of identifier that was expected (`"level"`, …).
    #[must_use]
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The text that was not recognised.
    #[must_use]
    pub fn value(&self) -> &str {
        &self.value
    }
}

/// Lists the identifiers of `T`, comma-separated, for error messages.
pub(crate) struct OneOf<T>(core::marker::PhantomData<T>);

impl<T> OneOf<T> {
    pub(crate) fn new() -> Self {
        Self(core::marker::PhantomData)
    }
}

impl<T: Identifier> Display for OneOf<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for (i, value) in T::iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(value.id())?;
        }
        Ok(())
    }
}

/// Keeps [`Identifier`] to the crate's own enums.
pub(crate) mod sealed {
    /// Implemented by the enums `id_enum!` declares, and nothing else.
    pub trait Sealed {}
}

/// Declares an identifier enum: the derives, one spelling for serde, strum
/// and schemars, and the [`Identifier`] implementation.
macro_rules! id_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident: $kind:literal {
            $( $(#[$vmeta:meta])* $variant:ident ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
            strum::Display, strum::EnumString, strum::IntoStaticStr,
        )]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        #[strum(
            serialize_all = "snake_case",
            parse_err_ty = $crate::ParseIdError,
            parse_err_fn = $name::parse_error
        )]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in catalogue order.
            pub const ALL: [Self; [$(stringify!($variant)),+].len()] = [$(Self::$variant),+];
            /// How many values there are.
            pub const COUNT: usize = Self::ALL.len();

            fn parse_error(value: &str) -> $crate::ParseIdError {
                $crate::ParseIdError::new::<Self>(value)
            }

            /// The stable `snake_case` identifier (the serde, `Display` and
            /// `FromStr` form).
            #[must_use]
            pub fn id(self) -> &'static str {
                self.into()
            }

            /// Every value, in catalogue order.
            pub fn iter() -> impl DoubleEndedIterator<Item = Self> + ExactSizeIterator + Clone {
                Self::ALL.into_iter()
            }
        }

        impl $crate::foundation::id::sealed::Sealed for $name {}

        impl $crate::Identifier for $name {
            const KIND: &'static str = $kind;
            const ALL: &'static [Self] = &$name::ALL;
            const COUNT: usize = $name::COUNT;

            fn id(self) -> &'static str {
                self.into()
            }

            fn index(self) -> usize {
                self as usize
            }
        }
    };
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

pub(crate) use {concept, id_enum};
