//! The rubric as a document: reading and checking it, writing it back, and
//! its JSON Schema.

use core::fmt;
use core::marker::PhantomData;
use std::borrow::Cow;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{
    CharacteristicLevels, Divergence, Privacy, Rubric, RubricSummary, Thresholds, TipLinks, Weights,
};
#[cfg(feature = "schemars")]
use crate::Concept;
use crate::foundation::exact::Fraction;
use crate::foundation::id::OneOf;
use crate::foundation::text::{Bad, Lenient};
use crate::{
    Benefit, Characteristic, ConceptSet, Error, Facilitator, Identifier, Level, Obstacle,
    PracticeTip,
};

impl Rubric {
    /// Reads a rubric document from JSON text, checking every rule. A
    /// UTF-8 byte-order mark before the document is accepted.
    ///
    /// # Errors
    ///
    /// The first rule broken, naming the field and the value; for text that
    /// is not JSON or not shaped like a rubric, [`Error::Json`] with the
    /// path, line and column.
    ///
    /// ```
    /// use interagency::Rubric;
    ///
    /// let text = serde_json::to_string(&Rubric::DEFAULT)?;
    /// assert_eq!(Rubric::from_json(&text)?, Rubric::DEFAULT);
    ///
    /// let broken = text.replace(r#""min_group_size":5"#, r#""min_group_size":2"#);
    /// assert_eq!(
    ///     Rubric::from_json(&broken).unwrap_err().to_string(),
    ///     "privacy.min_group_size: 2 is not an integer from 3 to 1000"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Rubric, Error> {
        crate::error::json::from_json::<RawRubric>(text)?.validate()
    }

    /// Reads and checks a rubric document from JSON bytes: the same as
    /// [`Rubric::from_json`] for a caller that holds bytes.
    ///
    /// # Errors
    ///
    /// As [`Rubric::from_json`]; bytes that are not UTF-8 are an
    /// [`Error::Json`] at the string that holds them.
    ///
    /// ```
    /// use interagency::Rubric;
    ///
    /// let bytes = serde_json::to_vec(&Rubric::DEFAULT)?;
    /// assert_eq!(Rubric::from_slice(&bytes)?, Rubric::DEFAULT);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_slice(bytes: &[u8]) -> Result<Rubric, Error> {
        crate::error::json::from_slice::<RawRubric>(bytes)?.validate()
    }

    /// Checks every rule a rubric obeys beyond its types.
    pub(super) fn check(&self) -> Result<(), Error> {
        self.summary().check()?;
        let w = self.weights;
        positive("weights.missing_characteristic", w.missing_characteristic)?;
        within(
            "weights.facilitator_baseline",
            w.facilitator_baseline,
            1.0,
            5.0,
        )?;
        positive("weights.unknown_facilitator", w.unknown_facilitator)?;
        within("weights.obstacle_baseline", w.obstacle_baseline, 1.0, 5.0)
    }
}

impl RubricSummary {
    /// Checks the rules of the rubric that a report carries of it: the
    /// rubric's own, so that a report read back holds a rubric that could
    /// have made it.
    pub(super) fn check(&self) -> Result<(), Error> {
        for (field, value) in [("name", &self.name), ("version", &self.version)] {
            if value.trim().is_empty() {
                return Err(Error::RubricEmpty {
                    field,
                    value: value.clone(),
                });
            }
        }
        for level in Level::iter() {
            if self
                .characteristic_levels
                .characteristics_of(level)
                .is_empty()
            {
                return Err(Error::LevelWithoutCharacteristic { level });
            }
        }
        for (field, t) in [
            ("facilitator_thresholds", self.facilitator_thresholds),
            ("obstacle_thresholds", self.obstacle_thresholds),
        ] {
            let (lower, upper) = if field == "facilitator_thresholds" {
                (
                    "facilitator_thresholds.lower",
                    "facilitator_thresholds.upper",
                )
            } else {
                ("obstacle_thresholds.lower", "obstacle_thresholds.upper")
            };
            within(lower, t.lower, 1.0, 5.0)?;
            within(upper, t.upper, 1.0, 5.0)?;
            // Thresholds are compared exactly, as the decimals they are
            // written as; a number from 1 to 5 always has one that fits.
            for (name, value) in [(lower, t.lower), (upper, t.upper)] {
                if Fraction::from_f64(value).is_none() {
                    return Err(Error::RubricNumber {
                        field: name,
                        value,
                        expected: "a decimal number from 1 to 5",
                    });
                }
            }
            if t.lower >= t.upper {
                return Err(Error::ThresholdOrder {
                    field,
                    lower: t.lower,
                    upper: t.upper,
                });
            }
        }
        if !(3..=1000).contains(&self.privacy.min_group_size) {
            return Err(Error::RubricNumber {
                field: "privacy.min_group_size",
                value: f64::from(self.privacy.min_group_size),
                expected: "an integer from 3 to 1000",
            });
        }
        spread("divergence.agency_spread", self.divergence.agency_spread)?;
        spread("divergence.role_gap", self.divergence.role_gap)?;
        number(
            "confidence",
            self.confidence,
            |v| (0.5..=0.999).contains(&v),
            "a number from 0.5 to 0.999",
        )
    }
}

impl<'de> Deserialize<'de> for RubricSummary {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let summary = UncheckedRubricSummary::deserialize(deserializer)?;
        summary.check().map_err(serde::de::Error::custom)?;
        Ok(summary)
    }
}

/// The fields of a [`RubricSummary`] as read, before the checks of its
/// `Deserialize`: the one way to read a report is through them.
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    remote = "RubricSummary",
    rename = "RubricSummary"
)]
struct UncheckedRubricSummary {
    name: String,
    version: String,
    characteristic_levels: CharacteristicLevels,
    facilitator_thresholds: Thresholds,
    obstacle_thresholds: Thresholds,
    divergence: Divergence,
    privacy: Privacy,
    #[serde(default = "default_confidence")]
    confidence: f64,
}

/// The confidence of a rubric that does not give one: 95% intervals.
fn default_confidence() -> f64 {
    Rubric::DEFAULT.confidence
}

/// A rubric number, if it is finite and `fits`; else an error saying what
/// it may be.
fn number(
    field: &'static str,
    value: f64,
    fits: impl Fn(f64) -> bool,
    expected: &'static str,
) -> Result<(), Error> {
    if value.is_finite() && fits(value) {
        Ok(())
    } else {
        Err(Error::RubricNumber {
            field,
            value,
            expected,
        })
    }
}

fn within(field: &'static str, value: f64, min: f64, max: f64) -> Result<(), Error> {
    number(
        field,
        value,
        |v| (min..=max).contains(&v),
        "a number from 1 to 5",
    )
}

fn positive(field: &'static str, value: f64) -> Result<(), Error> {
    number(field, value, |v| v > 0.0, "a finite number above 0")
}

fn spread(field: &'static str, value: f64) -> Result<(), Error> {
    number(
        field,
        value,
        |v| v > 0.0 && v <= 4.0,
        "a number above 0 and at most 4",
    )
}

/// A map's entries in the order written, duplicates kept, so that the
/// checks can name a repeated or unknown key.
struct Entries<V>(Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<V> {
            type Value = Entries<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map keyed by identifier")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<V>, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, V>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}

/// The document as read, before the checks.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(
    expecting = "a rubric document: an object with name, version, the level and tip maps, thresholds, weights, privacy and divergence"
)]
struct RawRubric {
    name: String,
    version: String,
    #[serde(default)]
    description: Option<String>,
    characteristic_levels: Entries<Lenient<Level>>,
    facilitator_levels: Entries<Lenient<Level>>,
    benefit_levels: Entries<Lenient<Level>>,
    tips: Entries<RawTip>,
    facilitator_thresholds: Thresholds,
    obstacle_thresholds: Thresholds,
    weights: Weights,
    privacy: Privacy,
    divergence: Divergence,
    #[serde(default = "default_confidence")]
    confidence: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a practice tip's links: an object with builds, addresses and establishes")]
struct RawTip {
    builds: Vec<Lenient<Facilitator>>,
    addresses: Vec<Lenient<Obstacle>>,
    establishes: Vec<Lenient<Characteristic>>,
}

fn unknown<K: Identifier>(field: String, value: String) -> Error {
    Error::RubricUnknownId {
        field,
        kind: K::KIND,
        value,
        expected: OneOf::<K>::new().to_string(),
    }
}

/// An identifier read leniently, or the error naming `field`.
fn identifier<K: Identifier>(field: &str, value: Lenient<K>) -> Result<K, Error> {
    value.0.map_err(|bad| match bad {
        Bad::Unknown(value) => unknown::<K>(field.to_owned(), value),
        Bad::Type(found) => Error::InvalidType {
            field: field.to_owned(),
            respondent: None,
            agency: None,
            found,
            expected: "an identifier",
        },
    })
}

/// One value per concept of `K`, in catalogue order, from a map that must
/// name each exactly once.
fn per_concept<K: Identifier, V, R>(
    field: &'static str,
    entries: Entries<V>,
    mut convert: impl FnMut(&str, V) -> Result<R, Error>,
) -> Result<Vec<R>, Error> {
    let mut slots: Vec<Option<R>> = K::iter().map(|_| None).collect();
    for (key, value) in entries.0 {
        let Ok(concept) = key.parse::<K>() else {
            return Err(unknown::<K>(field.to_owned(), key));
        };
        let converted = convert(&format!("{field}.{key}"), value)?;
        match slots.get_mut(concept.index()) {
            Some(slot @ None) => *slot = Some(converted),
            _ => {
                return Err(Error::RubricDuplicate {
                    field: field.to_owned(),
                    value: key,
                });
            }
        }
    }
    K::iter()
        .zip(slots)
        .map(|(concept, slot)| {
            slot.ok_or(Error::RubricMissingEntry {
                field,
                kind: K::KIND,
                id: concept.id(),
            })
        })
        .collect()
}

/// A tip's list as a set; a repeated entry is an error.
fn set_of<K: Identifier>(field: &str, values: Vec<Lenient<K>>) -> Result<ConceptSet<K>, Error> {
    let mut set = ConceptSet::new();
    for value in values {
        let concept = identifier(field, value)?;
        if !set.insert(concept) {
            return Err(Error::RubricDuplicate {
                field: field.to_owned(),
                value: concept.id().to_owned(),
            });
        }
    }
    Ok(set)
}

/// A vector with one entry per concept as the array the rubric stores.
fn array<T, const N: usize>(field: &'static str, values: Vec<T>) -> Result<[T; N], Error> {
    values.try_into().map_err(|_| Error::RubricMissingEntry {
        field,
        kind: "entry",
        id: "",
    })
}

impl RawRubric {
    fn validate(self) -> Result<Rubric, Error> {
        let level = |field: &str, value| identifier::<Level>(field, value);
        let rubric = Rubric {
            name: Cow::Owned(self.name),
            version: Cow::Owned(self.version),
            description: self.description.map(Cow::Owned),
            characteristic_levels: array(
                "characteristic_levels",
                per_concept::<Characteristic, _, _>(
                    "characteristic_levels",
                    self.characteristic_levels,
                    level,
                )?,
            )?,
            facilitator_levels: array(
                "facilitator_levels",
                per_concept::<Facilitator, _, _>(
                    "facilitator_levels",
                    self.facilitator_levels,
                    level,
                )?,
            )?,
            benefit_levels: array(
                "benefit_levels",
                per_concept::<Benefit, _, _>("benefit_levels", self.benefit_levels, level)?,
            )?,
            tips: array(
                "tips",
                per_concept::<PracticeTip, _, _>("tips", self.tips, |field, raw: RawTip| {
                    Ok(TipLinks {
                        builds: set_of(&format!("{field}.builds"), raw.builds)?,
                        addresses: set_of(&format!("{field}.addresses"), raw.addresses)?,
                        establishes: set_of(&format!("{field}.establishes"), raw.establishes)?,
                    })
                })?,
            )?,
            facilitator_thresholds: self.facilitator_thresholds,
            obstacle_thresholds: self.obstacle_thresholds,
            weights: self.weights,
            privacy: self.privacy,
            divergence: self.divergence,
            confidence: self.confidence,
            // Derived again by `checked`.
            exact: Rubric::DEFAULT.exact,
        };
        rubric.checked()
    }
}

impl<'de> Deserialize<'de> for Rubric {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawRubric::deserialize(deserializer)?
            .validate()
            .map_err(serde::de::Error::custom)
    }
}

/// One value per concept of `K`, written as a map from identifier to value
/// in catalogue order.
struct ConceptMap<'a, K, V>(&'a [V], PhantomData<K>);

impl<K: Identifier, V: Serialize> Serialize for ConceptMap<'_, K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(K::iter().map(Identifier::id).zip(self.0))
    }
}

#[cfg(feature = "schemars")]
impl<K: Concept + schemars::JsonSchema, V: schemars::JsonSchema> schemars::JsonSchema
    for ConceptMap<'_, K, V>
{
    fn schema_name() -> Cow<'static, str> {
        format!("{}{}Map", V::schema_name(), K::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let value = generator.subschema_for::<V>().to_value();
        let properties: serde_json::Map<String, serde_json::Value> = K::iter()
            .map(|k| {
                let mut entry = value.clone();
                if let Some(object) = entry.as_object_mut() {
                    object.insert(
                        "description".to_owned(),
                        format!("{}: {}", k.name(), k.description()).into(),
                    );
                }
                (k.id().to_owned(), entry)
            })
            .collect();
        let required: Vec<&str> = K::iter().map(Identifier::id).collect();
        schemars::json_schema!({
            "description": format!(
                "One entry for every {} identifier, each exactly once.",
                K::KIND
            ),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false,
        })
    }
}

/// # Rubric
///
/// The links and numbers every analysis reads: which level each
/// characteristic marks, from which level each facilitator is required and
/// each benefit expected, what each practice tip works on, the band
/// thresholds, the gap weights, the smallest group a breakdown shows and
/// the differences that count as divergent views. An interpretation of the
/// sources, not a claim they make; the concepts themselves stay fixed.
/// Beyond this schema: every level needs at least one characteristic, and
/// in each pair of thresholds lower is below upper.
#[derive(Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(rename = "Rubric", deny_unknown_fields))]
struct Document<'a> {
    /// The rubric's name, named by every report made with it; not empty.
    #[cfg_attr(
        feature = "schemars",
        schemars(length(min = 1), regex(pattern = r"\S"))
    )]
    name: &'a str,
    /// The rubric's version, named by every report made with it; not empty.
    #[cfg_attr(
        feature = "schemars",
        schemars(length(min = 1), regex(pattern = r"\S"))
    )]
    version: &'a str,
    /// What the rubric is, in its authors' words.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(default))]
    description: Option<&'a str>,
    /// The level each characteristic marks.
    characteristic_levels: ConceptMap<'a, Characteristic, Level>,
    /// The level from which each facilitator is required.
    facilitator_levels: ConceptMap<'a, Facilitator, Level>,
    /// The level from which each benefit is expected.
    benefit_levels: ConceptMap<'a, Benefit, Level>,
    /// What each practice tip builds, addresses and establishes.
    tips: ConceptMap<'a, PracticeTip, TipLinks>,
    /// The thresholds of the facilitator bands: `upper` is the lowest
    /// `strength`, `lower` the lowest `borderline`.
    facilitator_thresholds: Thresholds,
    /// The thresholds of the obstacle bands: `upper` is the lowest `major`,
    /// `lower` the lowest `moderate`.
    obstacle_thresholds: Thresholds,
    /// The weights of gap items.
    weights: Weights,
    /// How breakdowns by agency and role protect respondents.
    privacy: Privacy,
    /// The differences between groups that count as divergent views.
    divergence: Divergence,
    /// The confidence of the intervals the reports give, from 0.5 to
    /// 0.999; 0.95 (95% intervals) when left out.
    #[cfg_attr(
        feature = "schemars",
        schemars(default = "default_confidence", range(min = 0.5, max = 0.999))
    )]
    confidence: f64,
}

impl Rubric {
    fn document(&self) -> Document<'_> {
        Document {
            name: &self.name,
            version: &self.version,
            description: self.description.as_deref(),
            characteristic_levels: ConceptMap(&self.characteristic_levels, PhantomData),
            facilitator_levels: ConceptMap(&self.facilitator_levels, PhantomData),
            benefit_levels: ConceptMap(&self.benefit_levels, PhantomData),
            tips: ConceptMap(&self.tips, PhantomData),
            facilitator_thresholds: self.facilitator_thresholds,
            obstacle_thresholds: self.obstacle_thresholds,
            weights: self.weights,
            privacy: self.privacy,
            divergence: self.divergence,
            confidence: self.confidence,
        }
    }
}

impl Serialize for Rubric {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.document().serialize(serializer)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Rubric {
    fn schema_name() -> Cow<'static, str> {
        "Rubric".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Document::json_schema(generator)
    }
}

/// The level each characteristic marks, as a report carries it: a map from
/// characteristic to level, every characteristic once.
impl Serialize for CharacteristicLevels {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ConceptMap::<Characteristic, Level>(&self.0, PhantomData).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for CharacteristicLevels {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let field = "characteristic_levels";
        let entries = Entries::<Lenient<Level>>::deserialize(deserializer)?;
        per_concept::<Characteristic, _, _>(field, entries, identifier::<Level>)
            .and_then(|levels| array(field, levels))
            .map(CharacteristicLevels)
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for CharacteristicLevels {
    fn schema_name() -> Cow<'static, str> {
        ConceptMap::<Characteristic, Level>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ConceptMap::<Characteristic, Level>::json_schema(generator)
    }
}
