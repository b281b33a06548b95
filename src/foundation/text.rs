//! Reading text: values borrowed from the input, fields read leniently so
//! that a wrong value becomes an error naming its context (the respondent or
//! agency), and the rule against control characters in names and ids.

use core::fmt;
use std::borrow::Cow;

use serde::de::{IgnoredAny, MapAccess, Unexpected, Visitor};
use serde::{Deserialize, Deserializer};

/// Text as read: borrowed from the input where the format allows.
#[derive(Deserialize)]
#[serde(transparent)]
pub(crate) struct Text<'a>(#[serde(borrow)] pub(crate) Cow<'a, str>);

impl Text<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

/// What was wrong with a field read leniently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Bad {
    /// Text that names no value of the kind expected.
    Unknown(String),
    /// A value of the wrong type, described as serde describes it
    /// (``integer `3` ``, `a sequence`, …).
    Type(String),
}

/// A string as read (borrowed from the input where the format allows), or
/// a description of the value that was not a string. Accepts any value, so
/// that the document reads on and the error can name the respondent or
/// agency the value belongs to.
pub(crate) struct AnyText<'a>(pub(crate) Result<Cow<'a, str>, String>);

/// Describes a value that is not of the type wanted.
pub(crate) struct Describe;

impl Describe {
    pub(crate) fn unexpected(u: &Unexpected<'_>) -> String {
        u.to_string()
    }
}

/// The visitor methods for every value but a string and a map: each gives
/// `$wrap(Err(description))`, skipping what the value contains.
macro_rules! describe_scalars {
    ($wrap:expr) => {
        fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
            Ok($wrap(Err($crate::foundation::text::Describe::unexpected(
                &serde::de::Unexpected::Bool(v),
            ))))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
            Ok($wrap(Err($crate::foundation::text::Describe::unexpected(
                &serde::de::Unexpected::Signed(v),
            ))))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
            Ok($wrap(Err($crate::foundation::text::Describe::unexpected(
                &serde::de::Unexpected::Unsigned(v),
            ))))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
            Ok($wrap(Err($crate::foundation::text::Describe::unexpected(
                &serde::de::Unexpected::Float(v),
            ))))
        }
        // Integers of 128 bits (CBOR has them), said as serde says others.
        fn visit_i128<E>(self, v: i128) -> Result<Self::Value, E> {
            Ok($wrap(Err(format!("integer `{v}`"))))
        }
        fn visit_u128<E>(self, v: u128) -> Result<Self::Value, E> {
            Ok($wrap(Err(format!("integer `{v}`"))))
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok($wrap(Err("null".to_owned())))
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok($wrap(Err("null".to_owned())))
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            Ok($wrap(Err("a sequence".to_owned())))
        }
    };
}
pub(crate) use describe_scalars;

impl<'de: 'a, 'a> Deserialize<'de> for AnyText<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = AnyText<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<AnyText<'de>, E> {
                Ok(AnyText(Ok(Cow::Borrowed(v))))
            }
            fn visit_str<E>(self, v: &str) -> Result<AnyText<'de>, E> {
                Ok(AnyText(Ok(Cow::Owned(v.to_owned()))))
            }
            fn visit_string<E>(self, v: String) -> Result<AnyText<'de>, E> {
                Ok(AnyText(Ok(Cow::Owned(v))))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnyText<'de>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(AnyText(Err("a map".to_owned())))
            }
            describe_scalars!(AnyText);
        }
        deserializer.deserialize_any(V)
    }
}

/// An identifier as read: the value, or what was wrong with it.
pub(crate) struct Lenient<T>(pub(crate) Result<T, Bad>);

impl<'de, T: core::str::FromStr> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Lenient(match AnyText::deserialize(deserializer)?.0 {
            Ok(text) => text.parse().map_err(|_| Bad::Unknown(text.into_owned())),
            Err(found) => Err(Bad::Type(found)),
        }))
    }
}

/// The first control character in `text` (a newline, a tab, …), if any.
pub(crate) fn control_character(text: &str) -> Option<char> {
    // Printable ASCII, the usual case, has none: a check of bytes first.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    text.chars().find(|c| c.is_control())
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde::de::value::Error as ValueError;
    use serde::de::{Deserializer, IntoDeserializer};

    use super::{AnyText, Bad, Lenient};

    /// What a text field's reader says of a value that is not text.
    fn found<'de>(d: impl Deserializer<'de, Error = ValueError>) -> String {
        AnyText::deserialize(d).unwrap().0.unwrap_err()
    }

    #[test]
    fn integers_of_128_bits_are_described_as_other_integers() {
        assert_eq!(found(7i64.into_deserializer()), "integer `7`");
        assert_eq!(
            found((-(1i128 << 70)).into_deserializer()),
            "integer `-1180591620717411303424`"
        );
        assert_eq!(
            found(u128::MAX.into_deserializer()),
            format!("integer `{}`", u128::MAX)
        );
        // A value of a kind named by text (a role, a sector): the same.
        let named =
            Lenient::<u8>::deserialize(IntoDeserializer::<ValueError>::into_deserializer(3u128));
        assert!(matches!(named.map(|l| l.0), Ok(Err(Bad::Type(found))) if found == "integer `3`"));
    }
}
