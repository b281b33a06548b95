//! Ratings on the 1 to 5 scale, and one respondent's ratings of a list of
//! items.

use core::fmt;
use core::marker::PhantomData;
use core::num::NonZeroU8;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::foundation::text::describe_scalars;
use crate::{Error, Rated};

/// A rating on the five-point scale: an integer from 1 to 5.
///
/// For a facilitator, 1 means "not present at all" and 5 "fully present";
/// for an obstacle, 1 means "not a problem" and 5 "a severe problem". A value
/// of this type always holds 1..=5.
///
/// ```
/// use interagency::Rating;
///
/// let r = Rating::new(4).unwrap();
/// assert_eq!(r.get(), 4);
/// assert!(Rating::new(0).is_none());
/// assert_eq!(Rating::try_from(6).unwrap_err().to_string(), "rating 6 is not an integer from 1 to 5");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemars",
    schemars(
        with = "u8",
        description = "A rating on the five-point scale, an integer from 1 to 5, written \
            without a decimal point (3, not 3.0). For a facilitator 1 = not present at all \
            and 5 = fully present; for an obstacle 1 = not a problem and 5 = a severe problem.",
        extend("minimum" = 1, "maximum" = 5)
    )
)]
pub struct Rating(NonZeroU8);

impl Rating {
    /// The lowest rating, 1.
    pub const MIN: Rating = Rating(NonZeroU8::MIN);
    /// The highest rating, 5.
    pub const MAX: Rating = match NonZeroU8::new(5) {
        Some(n) => Rating(n),
        None => Rating::MIN,
    };

    /// The rating `value`, if it is 1..=5.
    #[must_use]
    pub const fn new(value: u8) -> Option<Rating> {
        match NonZeroU8::new(value) {
            Some(n) if value <= 5 => Some(Rating(n)),
            _ => None,
        }
    }

    /// The rating as an integer, 1..=5.
    #[must_use]
    pub const fn get(self) -> u8 {
        self.0.get()
    }
}

impl TryFrom<u8> for Rating {
    type Error = Error;

    fn try_from(value: u8) -> Result<Rating, Error> {
        Rating::new(value).ok_or(Error::Rating { value })
    }
}

impl From<Rating> for u8 {
    fn from(rating: Rating) -> u8 {
        rating.get()
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

impl Serialize for Rating {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.get())
    }
}

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut rejected = String::new();
        AnyScalar::new(&mut rejected)
            .deserialize(deserializer)?
            .ok_or_else(|| serde::de::Error::custom(not_a_rating(&rejected)))
    }
}

/// The message for a value read that is not a rating.
fn not_a_rating(value: &str) -> String {
    format!("rating {value} is not an integer from 1 to 5")
}

/// A value read from one JSON scalar, as a rating or a partner map's answer
/// is: from an integer or from text, as the kind takes it.
pub(crate) trait Scalar: Sized {
    /// What a value of the kind is, for serde's messages.
    const EXPECTING: &'static str;
    /// The value of an integer, if it is one; none for a kind written as
    /// text.
    fn from_integer(_: i128) -> Option<Self> {
        None
    }
    /// The value of a string, if it is one; none for a kind written as a
    /// number.
    fn from_text(_: &str) -> Option<Self> {
        None
    }
}

impl Scalar for Rating {
    const EXPECTING: &'static str = "a rating, an integer from 1 to 5";
    fn from_integer(n: i128) -> Option<Self> {
        u8::try_from(n).ok().and_then(Rating::new)
    }
}

/// Reads a value of kind `T` from any value, so that a bad one becomes an
/// error that names the respondent: the value, or `None` with what was
/// written, as text, put in the string it holds.
///
/// The rejected text goes to the caller's string rather than into the value
/// returned, so that a rating read is one byte, handed back in a register:
/// returning a `Result<Rating, String>` instead made the read of a document
/// of 100,000 responses (1.3 million ratings) 5 to 13% slower (the
/// performance guide says how it was measured).
pub(crate) struct AnyScalar<'a, T>(&'a mut String, PhantomData<T>);

impl<'a, T> AnyScalar<'a, T> {
    /// A reader that writes what it rejects to `rejected`.
    pub(crate) fn new(rejected: &'a mut String) -> Self {
        AnyScalar(rejected, PhantomData)
    }

    fn reject(self, value: impl fmt::Display) -> Option<T> {
        *self.0 = value.to_string();
        None
    }

    fn integer(self, n: i128) -> Option<T>
    where
        T: Scalar,
    {
        match T::from_integer(n) {
            Some(value) => Some(value),
            None => self.reject(n),
        }
    }
}

impl<'de, T: Scalar> DeserializeSeed<'de> for AnyScalar<'_, T> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T: Scalar> Visitor<'de> for AnyScalar<'_, T> {
    type Value = Option<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(self.integer(i128::from(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(self.integer(i128::from(v)))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Self::Value, E> {
        Ok(self.integer(v))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Self::Value, E> {
        Ok(match i128::try_from(v) {
            Ok(n) => self.integer(n),
            Err(_) => self.reject(v),
        })
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(self.reject(format_args!("{v:?}")))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        match T::from_text(v) {
            Some(value) => Ok(Some(value)),
            None => Ok(self.reject(format_args!("{v:?}"))),
        }
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(self.reject(v))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(self.reject("null"))
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(self.reject("null"))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(self.reject("a sequence"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(self.reject("a map"))
    }
}

/// The most items a [`Ratings`] can hold: enough for every facilitator and
/// every obstacle.
const SLOTS: usize = 8;

/// One respondent's ratings of some of the items of `T` (facilitators or
/// obstacles), at most one rating per item.
///
/// It is `Copy` and never allocates. It serializes as a map from identifier
/// to rating, in catalogue order. Only the rated kinds have ratings, and a
/// kind with more items than it holds would not compile:
///
/// ```compile_fail
/// // Benefits are not rated.
/// let ratings = interagency::Ratings::<interagency::Benefit>::new();
/// ```
///
/// ```
/// use interagency::{Facilitator, Rating, Ratings};
///
/// let mut ratings = Ratings::new();
/// ratings.insert(Facilitator::Leadership, Rating::new(2).unwrap());
/// assert_eq!(ratings.get(Facilitator::Leadership).map(Rating::get), Some(2));
/// assert_eq!(ratings.get(Facilitator::TrustAndOpenness), None);
/// assert_eq!(serde_json::to_string(&ratings)?, r#"{"leadership":2}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub struct Ratings<T> {
    slots: [Option<Rating>; SLOTS],
    marker: PhantomData<T>,
}

impl<T: Rated> Ratings<T> {
    /// Checked when a kind's ratings are first made: every item of `T` has
    /// a slot.
    const FITS: () = assert!(T::COUNT <= SLOTS, "a Ratings holds at most 8 items");

    /// No ratings.
    #[must_use]
    pub const fn new() -> Self {
        let () = Self::FITS;
        Self {
            slots: [None; SLOTS],
            marker: PhantomData,
        }
    }

    /// The rating of `item`, if it was rated.
    #[must_use]
    pub fn get(&self, item: T) -> Option<Rating> {
        self.slots.get(item.index()).copied().flatten()
    }

    /// Rates `item`, returning its previous rating.
    pub fn insert(&mut self, item: T, rating: Rating) -> Option<Rating> {
        self.slots
            .get_mut(item.index())
            .and_then(|slot| slot.replace(rating))
    }

    /// Removes the rating of `item`, returning it.
    pub fn remove(&mut self, item: T) -> Option<Rating> {
        self.slots.get_mut(item.index()).and_then(Option::take)
    }

    /// How many items are rated.
    #[must_use]
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|slot| slot.is_some()).count()
    }

    /// Whether no item is rated.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.slots.iter().all(Option::is_none)
    }

    /// The rated items and their ratings, in catalogue order.
    pub fn iter(&self) -> impl Iterator<Item = (T, Rating)> + '_ {
        T::iter().filter_map(|item| self.get(item).map(|rating| (item, rating)))
    }
}

impl<T: Rated> FromIterator<(T, Rating)> for Ratings<T> {
    fn from_iter<I: IntoIterator<Item = (T, Rating)>>(iter: I) -> Self {
        let mut ratings = Self::new();
        for (item, rating) in iter {
            ratings.insert(item, rating);
        }
        ratings
    }
}

impl<T> Clone for Ratings<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Ratings<T> {}
impl<T: Rated> Default for Ratings<T> {
    fn default() -> Self {
        Self::new()
    }
}
impl<T> PartialEq for Ratings<T> {
    fn eq(&self, other: &Self) -> bool {
        self.slots == other.slots
    }
}
impl<T> Eq for Ratings<T> {}
impl<T> core::hash::Hash for Ratings<T> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.slots.hash(state);
    }
}

impl<T: Rated> fmt::Debug for Ratings<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.iter().map(|(item, rating)| (item.id(), rating.get())))
            .finish()
    }
}

impl<T: Rated> Serialize for Ratings<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter().map(|(item, rating)| (item.id(), rating.get())))
    }
}

/// What can be wrong with one entry of a ratings map.
#[derive(Debug)]
pub(crate) enum RatingProblem<T> {
    /// A key that names no item.
    Unknown(String),
    /// An item rated twice.
    Duplicate(T),
    /// A value that is not a rating.
    Invalid(T, String),
    /// Not a map at all: what it was instead.
    Type(String),
}

/// Ratings that are not a map, with what they were instead.
fn wrong_type<T: Rated>(found: Result<core::convert::Infallible, String>) -> RawRatings<T> {
    RawRatings {
        ratings: Ratings::new(),
        problem: found
            .err()
            .map(|found| Box::new(RatingProblem::Type(found))),
    }
}

/// A ratings map as read, with the first problem found in it, so that the
/// error can name the respondent once the whole response is known.
pub(crate) struct RawRatings<T> {
    pub(crate) ratings: Ratings<T>,
    // Boxed: a problem is rare, and a response's maps are moved whole
    // through the reader, so they are kept small.
    pub(crate) problem: Option<Box<RatingProblem<T>>>,
}

impl<T: Rated> Default for RawRatings<T> {
    fn default() -> Self {
        Self {
            ratings: Ratings::new(),
            problem: None,
        }
    }
}

impl<'de, T: Rated> Deserialize<'de> for RawRatings<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RatingsVisitor(PhantomData))
    }
}

/// Reads a ratings map straight into its slots: each key matched against
/// the items' identifiers as text borrowed from the input, each value read
/// as a number, with nothing allocated unless an entry is wrong.
struct RatingsVisitor<T>(PhantomData<T>);

impl<'de, T: Rated> Visitor<'de> for RatingsVisitor<T> {
    type Value = RawRatings<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a map from {} identifier to rating", T::KIND)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut raw = RawRatings::default();
        while let Some(key) = map.next_key_seed(Key(PhantomData))? {
            let mut rejected = String::new();
            let value = map.next_value_seed(AnyScalar::new(&mut rejected))?;
            if raw.problem.is_some() {
                continue;
            }
            raw.problem = match (key, value) {
                (Err(name), _) => Some(RatingProblem::Unknown(name)),
                (Ok(item), _) if raw.ratings.get(item).is_some() => {
                    Some(RatingProblem::Duplicate(item))
                }
                (Ok(item), None) => Some(RatingProblem::Invalid(item, rejected)),
                (Ok(item), Some(rating)) => {
                    raw.ratings.insert(item, rating);
                    None
                }
            }
            .map(Box::new);
        }
        Ok(raw)
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(wrong_type(Err(serde::de::Unexpected::Str(v).to_string())))
    }

    describe_scalars!(wrong_type);
}

/// A key of a ratings map: the item it names, or the key as written (a
/// description of it, for a format whose keys need not be strings).
struct Key<T>(PhantomData<T>);

impl<'de, T: Rated> DeserializeSeed<'de> for Key<T> {
    type Value = Result<T, String>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, T: Rated> Visitor<'de> for Key<T> {
    type Value = Result<T, String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    /// Borrowed or not (a key with an escape in it is decoded into a
    /// buffer first), the key is only compared.
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        let bytes = v.as_bytes();
        Ok(T::iter()
            .find(|item| item.id().as_bytes() == bytes)
            .ok_or_else(|| v.to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Err("a map".to_owned()))
    }

    describe_scalars!(not_a_key);
}

/// A key that is not a string, as described.
fn not_a_key<T>(found: Result<core::convert::Infallible, String>) -> Result<T, String> {
    found.map(|never| match never {})
}

impl<'de, T: Rated> Deserialize<'de> for Ratings<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawRatings::<T>::deserialize(deserializer)?;
        match raw.problem.map(|problem| *problem) {
            None => Ok(raw.ratings),
            Some(RatingProblem::Unknown(name)) => Err(serde::de::Error::custom(format_args!(
                "{}",
                crate::ParseIdError::new::<T>(&name)
            ))),
            Some(RatingProblem::Duplicate(item)) => Err(serde::de::Error::custom(format_args!(
                "{} {:?} is rated twice",
                T::KIND,
                item.id()
            ))),
            Some(RatingProblem::Invalid(_, value)) => {
                Err(serde::de::Error::custom(not_a_rating(&value)))
            }
            Some(RatingProblem::Type(found)) => Err(serde::de::Error::custom(format_args!(
                "invalid type: {found}, expected a map from {} identifier to rating",
                T::KIND
            ))),
        }
    }
}

#[cfg(feature = "schemars")]
impl<T: Rated + schemars::JsonSchema> schemars::JsonSchema for Ratings<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("{}Ratings", T::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let rating = generator.subschema_for::<Rating>();
        let properties: serde_json::Map<String, serde_json::Value> = T::iter()
            .map(|item| (item.id().to_owned(), rating.clone().to_value()))
            .collect();
        schemars::json_schema!({
            "description": format!(
                "Ratings keyed by {} identifier, each an integer from 1 to 5; \
                 an item left out was not rated.",
                T::KIND
            ),
            "type": "object",
            "properties": properties,
            "additionalProperties": false,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde::de::value::{BytesDeserializer, Error as ValueError};
    use serde::{Deserialize, Deserializer};

    use super::{Rating, Ratings};
    use crate::Facilitator;

    /// A format that hands a visitor "no value" (`visit_none`), as some
    /// formats do for a null where JSON gives a unit.
    struct Nothing;

    impl<'de> Deserializer<'de> for Nothing {
        type Error = ValueError;

        fn deserialize_any<V: serde::de::Visitor<'de>>(self, v: V) -> Result<V::Value, ValueError> {
            v.visit_none()
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map struct enum identifier ignored_any
        }
    }

    #[test]
    fn values_that_are_no_rating_are_described() {
        // Bytes are a type a rating's reader does not take at all: serde's
        // own message, with what was expected.
        let bytes = BytesDeserializer::<ValueError>::new(b"4");
        assert_eq!(
            Rating::deserialize(bytes).unwrap_err().to_string(),
            "invalid type: byte array, expected a rating, an integer from 1 to 5"
        );
        let bytes = BytesDeserializer::<ValueError>::new(b"{}");
        assert_eq!(
            Ratings::<Facilitator>::deserialize(bytes)
                .unwrap_err()
                .to_string(),
            "invalid type: byte array, expected a map from facilitator identifier to rating"
        );
        assert_eq!(
            Rating::deserialize(Nothing).unwrap_err().to_string(),
            "rating null is not an integer from 1 to 5"
        );
        // A rating writes as its number, as in the messages above.
        assert_eq!(Rating::MAX.to_string(), "5");
    }

    #[test]
    fn integers_of_128_bits_are_read_as_any_other() {
        use serde::de::IntoDeserializer;
        let read = |d: serde::de::value::I128Deserializer<ValueError>| {
            Rating::deserialize(d).map_err(|e| e.to_string())
        };
        assert_eq!(read(4i128.into_deserializer()), Ok(Rating::new(4).unwrap()));
        assert_eq!(
            read((-(1i128 << 70)).into_deserializer()),
            Err("rating -1180591620717411303424 is not an integer from 1 to 5".to_owned())
        );
        let read = |n: u128| {
            Rating::deserialize(n.into_deserializer()).map_err(|e: ValueError| e.to_string())
        };
        assert_eq!(read(3), Ok(Rating::new(3).unwrap()));
        assert_eq!(
            read(u128::MAX),
            Err(format!(
                "rating {} is not an integer from 1 to 5",
                u128::MAX
            ))
        );
        assert_eq!(
            read(1 << 100),
            Err(format!(
                "rating {} is not an integer from 1 to 5",
                1u128 << 100
            ))
        );
    }
}
