//! Identifier enums: the trait they share and the macro that declares them.

use core::fmt::{Debug, Display};
use core::hash::Hash;
use core::str::FromStr;

/// A closed set of values with one stable `snake_case` identifier each.
///
/// Every enum of the framework implements this trait: the catalogue concepts
/// ([`Level`](crate::Level), [`Facilitator`](crate::Facilitator), …), the
/// [`Source`](crate::Source) citations and the small vocabularies of the documents. The
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
    + serde::Serialize
    + serde::de::DeserializeOwned
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

pub(crate) use id_enum;
