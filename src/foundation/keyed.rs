//! Serde helpers for per-item records: the item written under its kind's
//! name (`{"facilitator": "leadership", ...}`), and lists read back only
//! when they hold one record per value in catalogue order.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serializer};

use crate::foundation::id::Identifier;

/// A value written under a fixed field in the records of a report:
/// `facilitator`, `obstacle` or `role` for the framework's identifiers (the
/// kind's name), `agency` for an agency's id. Records generic over the value
/// (a mean per item, a group per agency or role) name it as the JSON always
/// has.
///
/// ```
/// use interagency::{Facilitator, Role, report::Key};
///
/// assert_eq!(<Facilitator as Key>::KEY, "facilitator");
/// assert_eq!(<Role as Key>::KEY, "role");
/// assert_eq!(<String as Key>::KEY, "agency");
/// ```
pub trait Key {
    /// The field's name.
    const KEY: &'static str;
}

impl<T: Identifier> Key for T {
    const KEY: &'static str = T::KIND;
}

/// Agency ids, in breakdowns by agency.
impl Key for String {
    const KEY: &'static str = "agency";
}

/// Writes and reads an identifier as a one-entry map keyed by its kind; for
/// a field marked `#[serde(flatten, with = "keyed")]`, so that a record
/// generic over the kind names its item as the JSON has always named it.
pub(crate) fn serialize<T: Key + serde::Serialize, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(1))?;
    map.serialize_entry(T::KEY, value)?;
    map.end()
}

/// Reads what [`serialize`] writes. Flattened, it receives every field the
/// record does not name itself, so any field other than the kind's is
/// refused here.
pub(crate) fn deserialize<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: Key + Deserialize<'de>,
    D: Deserializer<'de>,
{
    struct V<T>(PhantomData<T>);
    impl<'de, T: Key + Deserialize<'de>> Visitor<'de> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a record with `{}`", T::KEY)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
            let mut item = None;
            while let Some(key) = map.next_key::<String>()? {
                if key == T::KEY && item.is_none() {
                    item = Some(map.next_value()?);
                } else if key == T::KEY {
                    return Err(de::Error::duplicate_field(T::KEY));
                } else {
                    return Err(de::Error::unknown_field(&key, &[T::KEY]));
                }
            }
            item.ok_or_else(|| de::Error::missing_field(T::KEY))
        }
    }
    deserializer.deserialize_map(V(PhantomData))
}

/// The JSON Schema of the flattened key: an object with the kind's name as
/// its one required property.
#[cfg(feature = "schemars")]
pub(crate) fn schema<T: Key + schemars::JsonSchema>(
    generator: &mut schemars::SchemaGenerator,
) -> schemars::Schema {
    let mut item = generator.subschema_for::<T>().to_value();
    if let Some(object) = item.as_object_mut() {
        object.insert("description".to_owned(), format!("The {}.", T::KEY).into());
    }
    let mut properties = serde_json::Map::new();
    properties.insert(T::KEY.to_owned(), item);
    schemars::json_schema!({
        "type": "object",
        "properties": properties,
        "required": [T::KEY],
    })
}

/// A record that belongs to one value of an identifier enum.
pub(crate) trait Record {
    /// The enum.
    type Item: Identifier;
    /// The value the record belongs to.
    fn item(&self) -> Self::Item;
}

/// The error when a list does not hold one record per value of `T`, in
/// catalogue order: the position and what was there or missing.
fn out_of_order<T: Identifier, E: de::Error>(index: usize, found: Option<T>) -> E {
    let want = T::from_index(index);
    match (want, found) {
        (Some(want), Some(found)) => E::custom(format_args!(
            "entry {index} is {} {:?}, expected {:?}: the list holds every {} once, in catalogue order",
            T::KIND,
            found.id(),
            want.id(),
            T::KIND
        )),
        (Some(want), None) => E::custom(format_args!(
            "{} {:?} is missing: the list holds every {} once, in catalogue order",
            T::KIND,
            want.id(),
            T::KIND
        )),
        (None, _) => E::custom(format_args!(
            "entry {index} is one too many: there are {} values of {}",
            T::COUNT,
            T::KIND
        )),
    }
}

/// Checks that `records` hold one record per value of their enum, in
/// catalogue order.
pub(crate) fn check_order<R: Record, E: de::Error>(records: &[R]) -> Result<(), E> {
    for (index, record) in records.iter().enumerate() {
        if Some(record.item()) != R::Item::from_index(index) {
            return Err(out_of_order::<R::Item, E>(index, Some(record.item())));
        }
    }
    if records.len() < R::Item::COUNT {
        return Err(out_of_order::<R::Item, E>(records.len(), None));
    }
    Ok(())
}

/// Reads a list of records that must hold one per value in catalogue
/// order; for `#[serde(deserialize_with = "keyed::in_order")]`.
pub(crate) fn in_order<'de, R, D>(deserializer: D) -> Result<Vec<R>, D::Error>
where
    R: Record + Deserialize<'de>,
    D: Deserializer<'de>,
{
    let records = Vec::<R>::deserialize(deserializer)?;
    check_order(&records)?;
    Ok(records)
}

/// Reads an array of records that must hold one per value in catalogue
/// order; for `#[serde(deserialize_with = "keyed::in_order_array")]`.
pub(crate) fn in_order_array<'de, R, D, const N: usize>(deserializer: D) -> Result<[R; N], D::Error>
where
    R: Record + Deserialize<'de>,
    D: Deserializer<'de>,
{
    let records = in_order::<R, D>(deserializer)?;
    let len = records.len();
    records
        .try_into()
        .map_err(|_| out_of_order::<R::Item, D::Error>(len.min(N), None))
}

/// Closes a record's schema to fields it does not name, as the record's
/// reader does (a flattened field keeps serde from saying so itself); for
/// an `anyOf` of records, each of them.
#[cfg(feature = "schemars")]
pub(crate) fn close(schema: &mut schemars::Schema) {
    if let Some(variants) = schema.get_mut("anyOf").and_then(|v| v.as_array_mut()) {
        for variant in variants {
            if let Some(object) = variant.as_object_mut() {
                object.insert("additionalProperties".to_owned(), false.into());
            }
        }
    } else if schema.get("properties").is_some() {
        schema.insert("additionalProperties".to_owned(), false.into());
    }
}

/// Closes a generic record's schema and describes it for one kind: `{kind}`
/// in `description` becomes the kind's name (`facilitator`, `obstacle`).
#[cfg(feature = "schemars")]
pub(crate) fn describe<T: Key>(schema: &mut schemars::Schema, description: &str) {
    close(schema);
    schema.insert(
        "description".to_owned(),
        description.replace("{kind}", T::KEY).into(),
    );
}
