//! Counts of partnerships: at each level, and in each band of an item.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Band, Level};

/// How many partnerships are at each level, `none` for those below
/// cooperation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LevelCounts {
    /// At no level.
    pub none: u32,
    /// At cooperation.
    pub cooperation: u32,
    /// At collaboration.
    pub collaboration: u32,
    /// At coordination.
    pub coordination: u32,
    /// At integration.
    pub integration: u32,
}

impl LevelCounts {
    /// The count at `level` (`None`: no level).
    #[must_use]
    pub fn get(&self, level: Option<Level>) -> u32 {
        match level {
            None => self.none,
            Some(Level::Cooperation) => self.cooperation,
            Some(Level::Collaboration) => self.collaboration,
            Some(Level::Coordination) => self.coordination,
            Some(Level::Integration) => self.integration,
        }
    }

    /// Every count added up.
    #[must_use]
    pub fn total(&self) -> u64 {
        [
            self.none,
            self.cooperation,
            self.collaboration,
            self.coordination,
            self.integration,
        ]
        .into_iter()
        .map(u64::from)
        .sum()
    }

    /// Counts one more partnership at `level`.
    pub(crate) fn add(&mut self, level: Option<Level>) {
        let slot = match level {
            None => &mut self.none,
            Some(Level::Cooperation) => &mut self.cooperation,
            Some(Level::Collaboration) => &mut self.collaboration,
            Some(Level::Coordination) => &mut self.coordination,
            Some(Level::Integration) => &mut self.integration,
        };
        *slot = slot.saturating_add(1);
    }
}

/// How many partnerships are in each band of one kind of item, every band
/// (`unknown` included) present.
///
/// In JSON, keyed by band: `{"strength": 2, "borderline": 3, "concern": 1,
/// "unknown": 0}` for a facilitator, `{"major": …, "moderate": …, "minor":
/// …, "unknown": …}` for an obstacle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BandCounts<B> {
    /// In the order of `B::BY_MEAN`, then unknown.
    slots: [u32; 4],
    band: PhantomData<B>,
}

impl<B: Band> BandCounts<B> {
    /// The counts in the order of the bands by mean (highest first), then
    /// unknown.
    pub(crate) fn from_slots(slots: [u32; 4]) -> Self {
        BandCounts {
            slots,
            band: PhantomData,
        }
    }

    /// Where `band` is kept.
    fn slot(band: B) -> usize {
        B::BY_MEAN
            .iter()
            .position(|&b| b == band)
            .unwrap_or(B::BY_MEAN.len())
    }

    /// Every band, in the order they are written.
    fn bands() -> [B; 4] {
        let [a, b, c] = B::BY_MEAN;
        [a, b, c, B::UNKNOWN]
    }

    /// The count in `band`.
    #[must_use]
    pub fn get(&self, band: B) -> u32 {
        self.slots.get(Self::slot(band)).copied().unwrap_or(0)
    }

    /// Every count added up.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.slots.iter().copied().map(u64::from).sum()
    }

    /// Each band with its count, highest band first, unknown last.
    pub fn iter(&self) -> impl Iterator<Item = (B, u32)> + '_ {
        Self::bands().into_iter().zip(self.slots)
    }
}

impl<B: Band> Serialize for BandCounts<B> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        for (band, n) in self.iter() {
            map.serialize_entry(band.id(), &n)?;
        }
        map.end()
    }
}

impl<'de, B: Band> Deserialize<'de> for BandCounts<B> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<B>(PhantomData<B>);
        impl<'de, B: Band> Visitor<'de> for V<B> {
            type Value = BandCounts<B>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a count of partnerships for every band, keyed by band")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut slots = [None; 4];
                while let Some(band) = map.next_key::<B>()? {
                    let slot = slots.get_mut(BandCounts::<B>::slot(band));
                    match slot {
                        Some(slot @ None) => *slot = Some(map.next_value::<u32>()?),
                        _ => {
                            return Err(serde::de::Error::custom(format_args!(
                                "band {} is given twice",
                                band.id()
                            )));
                        }
                    }
                }
                let mut counts = [0; 4];
                for ((count, given), band) in
                    counts.iter_mut().zip(slots).zip(BandCounts::<B>::bands())
                {
                    *count = given.ok_or_else(|| {
                        serde::de::Error::custom(format_args!(
                            "band {} is missing: every band is counted",
                            band.id()
                        ))
                    })?;
                }
                Ok(BandCounts::from_slots(counts))
            }
        }
        deserializer.deserialize_map(V(PhantomData))
    }
}

#[cfg(feature = "schemars")]
impl<B: Band + schemars::JsonSchema> schemars::JsonSchema for BandCounts<B> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("{}Counts", B::schema_name()).into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let properties: serde_json::Map<String, serde_json::Value> = Self::bands()
            .into_iter()
            .map(|band| {
                let count = schemars::json_schema!({
                    "description": format!("The partnerships whose mean is in band {}.", band.id()),
                    "type": "integer",
                    "minimum": 0,
                });
                (band.id().to_owned(), count.to_value())
            })
            .collect();
        let required: Vec<&str> = Self::bands().iter().map(|b| b.id()).collect();
        schemars::json_schema!({
            "description": "How many partnerships are in each band, every band counted.",
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false,
        })
    }
}
