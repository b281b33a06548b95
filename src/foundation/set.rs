//! A small, copyable set of identifiers.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Identifier;

/// A set of values of one identifier enum, held as a bit set.
///
/// It is `Copy`, never allocates, and iterates in catalogue order. It
/// serializes as a list of identifiers in that order; deserializing rejects
/// a repeated identifier.
///
/// ```
/// use interagency::{Characteristic, ConceptSet};
///
/// let mut set = ConceptSet::new();
/// set.insert(Characteristic::CommonOutcomes);
/// set.insert(Characteristic::ConsistentGoals);
/// assert_eq!(set.len(), 2);
/// assert!(set.contains(Characteristic::ConsistentGoals));
/// // Catalogue order, whatever the order of insertion.
/// assert_eq!(set.iter().next(), Some(Characteristic::ConsistentGoals));
/// assert_eq!(serde_json::to_string(&set)?, r#"["consistent_goals","common_outcomes"]"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub struct ConceptSet<T> {
    bits: u32,
    marker: PhantomData<T>,
}

impl<T> ConceptSet<T> {
    /// The empty set.
    #[must_use]
    pub const fn new() -> Self {
        Self::from_bits(0)
    }

    pub(crate) const fn from_bits(bits: u32) -> Self {
        Self {
            bits,
            marker: PhantomData,
        }
    }

    /// How many values the set holds.
    #[must_use]
    pub const fn len(self) -> usize {
        self.bits.count_ones() as usize
    }

    /// Whether the set is empty.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// The values in either set.
    #[must_use]
    pub const fn union(self, other: Self) -> Self {
        Self::from_bits(self.bits | other.bits)
    }

    /// The values in both sets.
    #[must_use]
    pub const fn intersection(self, other: Self) -> Self {
        Self::from_bits(self.bits & other.bits)
    }

    /// The values of `self` that are not in `other`.
    #[must_use]
    pub const fn difference(self, other: Self) -> Self {
        Self::from_bits(self.bits & !other.bits)
    }

    /// Whether every value of `self` is in `other`.
    #[must_use]
    pub const fn is_subset(self, other: Self) -> bool {
        self.bits & !other.bits == 0
    }
}

impl<T: Identifier> ConceptSet<T> {
    /// The set of every value of `T`.
    #[must_use]
    pub fn all() -> Self {
        T::iter().collect()
    }

    /// Whether `value` is in the set.
    #[must_use]
    pub fn contains(self, value: T) -> bool {
        self.bits & bit(value) != 0
    }

    /// Adds `value`; returns whether it was newly added.
    pub fn insert(&mut self, value: T) -> bool {
        let new = !self.contains(value);
        self.bits |= bit(value);
        new
    }

    /// Removes `value`; returns whether it was present.
    pub fn remove(&mut self, value: T) -> bool {
        let present = self.contains(value);
        self.bits &= !bit(value);
        present
    }

    /// The values in catalogue order.
    #[must_use]
    pub fn iter(self) -> Iter<T> {
        Iter {
            bits: self.bits,
            marker: PhantomData,
        }
    }
}

fn bit<T: Identifier>(value: T) -> u32 {
    1 << value.index()
}

/// Iterator over a [`ConceptSet`], in catalogue order.
#[derive(Clone, Debug)]
pub struct Iter<T> {
    bits: u32,
    marker: PhantomData<T>,
}

impl<T: Identifier> Iterator for Iter<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.bits == 0 {
            return None;
        }
        let index = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        T::from_index(index)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.bits.count_ones() as usize;
        (n, Some(n))
    }
}

impl<T: Identifier> ExactSizeIterator for Iter<T> {}

impl<T: Identifier> IntoIterator for ConceptSet<T> {
    type Item = T;
    type IntoIter = Iter<T>;
    fn into_iter(self) -> Iter<T> {
        self.iter()
    }
}

impl<T: Identifier> FromIterator<T> for ConceptSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut set = Self::new();
        set.extend(iter);
        set
    }
}

impl<T: Identifier> Extend<T> for ConceptSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for value in iter {
            self.insert(value);
        }
    }
}

impl<T: Identifier, const N: usize> From<[T; N]> for ConceptSet<T> {
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

// Manual impls: derives would demand `T: Clone` and friends of the marker.
impl<T> Clone for ConceptSet<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for ConceptSet<T> {}
impl<T> Default for ConceptSet<T> {
    fn default() -> Self {
        Self::new()
    }
}
impl<T> PartialEq for ConceptSet<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}
impl<T> Eq for ConceptSet<T> {}
impl<T> core::hash::Hash for ConceptSet<T> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.bits.hash(state);
    }
}

impl<T: Identifier> fmt::Debug for ConceptSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T: Identifier + Serialize> Serialize for ConceptSet<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de, T: Identifier> Deserialize<'de> for ConceptSet<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SetVisitor<T>(PhantomData<T>);
        impl<'de, T: Identifier> Visitor<'de> for SetVisitor<T> {
            type Value = ConceptSet<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a list of distinct {} identifiers", T::KIND)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut set = ConceptSet::new();
                while let Some(value) = seq.next_element::<T>()? {
                    if !set.insert(value) {
                        return Err(serde::de::Error::custom(format_args!(
                            "{} {:?} is listed twice",
                            T::KIND,
                            value.id()
                        )));
                    }
                }
                Ok(set)
            }
        }
        deserializer.deserialize_seq(SetVisitor(PhantomData))
    }
}

#[cfg(feature = "schemars")]
impl<T: Identifier + schemars::JsonSchema> schemars::JsonSchema for ConceptSet<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("{}Set", T::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let items = generator.subschema_for::<T>();
        schemars::json_schema!({
            "type": "array",
            "items": items,
            "uniqueItems": true,
            "maxItems": T::COUNT,
        })
    }
}

/// Builds a [`ConceptSet`] in a `const` context.
macro_rules! set {
    ($($value:expr),* $(,)?) => {
        $crate::ConceptSet::from_bits(0 $(| (1u32 << ($value as u32)))*)
    };
}
pub(crate) use set;
