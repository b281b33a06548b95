//! A calendar date in `YYYY-MM-DD` form.

use core::fmt;
use core::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A text that is not a real date in `YYYY-MM-DD` form.
///
/// ```
/// let err = "2026-02-29".parse::<interagency::Date>().unwrap_err();
/// assert_eq!(err.to_string(), "\"2026-02-29\" is not a real date in YYYY-MM-DD form");
/// assert_eq!(err.value(), "2026-02-29");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a real date in YYYY-MM-DD form")]
pub struct DateError {
    value: String,
}

impl DateError {
    /// The text that was not a date.
    #[must_use]
    pub fn value(&self) -> &str {
        &self.value
    }
}

/// A calendar date (proleptic Gregorian), written `YYYY-MM-DD`.
///
/// Only real dates exist: February 29th only in leap years, no month 13.
///
/// ```
/// use interagency::Date;
///
/// let date: Date = "2024-02-29".parse()?;
/// assert_eq!((date.year(), date.month(), date.day()), (2024, 2, 29));
/// assert_eq!(date.to_string(), "2024-02-29");
/// assert!("2026-02-29".parse::<Date>().is_err());
/// assert!("2026-3-1".parse::<Date>().is_err());
/// # Ok::<(), interagency::DateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if it is a real one with a year from 1 to 9999.
    #[must_use]
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year == 0 || year > 9999 || month == 0 || month > 12 || day == 0 {
            return None;
        }
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if day > days {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The year, 1 to 9999.
    #[must_use]
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    #[must_use]
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    #[must_use]
    pub const fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let invalid = || DateError {
            value: s.to_owned(),
        };
        let bytes = s.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return Err(invalid());
        }
        let number = |range: core::ops::Range<usize>| -> Option<u16> {
            let digits = s.get(range)?;
            if digits.bytes().all(|b| b.is_ascii_digit()) {
                digits.parse().ok()
            } else {
                None
            }
        };
        let year = number(0..4).ok_or_else(invalid)?;
        let month = number(5..7).and_then(|m| u8::try_from(m).ok());
        let day = number(8..10).and_then(|d| u8::try_from(d).ok());
        match (month, day) {
            (Some(month), Some(day)) => Date::new(year, month, day).ok_or_else(invalid),
            _ => Err(invalid()),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = crate::foundation::text::Text::deserialize(deserializer)?;
        text.as_str().parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date, YYYY-MM-DD (RFC 3339 full-date).",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        })
    }
}
