//! Reading text: values borrowed from the input, identifiers read
//! leniently so that an unknown one becomes an error naming its context, and
//! the rule against control characters in names and ids.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer};

/// Text as read: borrowed from the input where the format allows.
#[derive(Deserialize)]
#[serde(transparent)]
pub(crate) struct Text<'a>(#[serde(borrow)] Cow<'a, str>);

impl Text<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

/// An identifier as read: the value, or the text that named none.
pub(crate) struct Lenient<T>(pub(crate) Result<T, String>);

impl<'de, T: core::str::FromStr> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Text::deserialize(deserializer)?;
        Ok(Lenient(
            text.as_str().parse().map_err(|_| text.into_owned()),
        ))
    }
}
