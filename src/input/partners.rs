//! Who works with whom: each response's answers about the other agencies
//! (the level of joint work, and trust) and the level at which the
//! respondent sees the whole partnership; and the sums per directed pair of
//! agencies built while the responses are checked.

use core::fmt;
use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::foundation::text::{AnyText, describe_scalars};
use crate::input::rating::{AnyScalar, Scalar};
use crate::{Identifier, Level, PartnerProblem};

/// How one agency works with another: no joint work, or one of Frost's
/// levels. Its number runs from 0 (no joint work) to 4 (integration), and
/// values compare by it.
///
/// It is written as `none` or the level's identifier; read, it also takes
/// the level's name or `No joint work`, in any case.
///
/// ```
/// use interagency::{Level, PartnerLevel};
///
/// let level: PartnerLevel = "coordination".parse()?;
/// assert_eq!(level, PartnerLevel::from(Level::Coordination));
/// assert_eq!(level.number(), 3);
/// assert_eq!("No joint work".parse::<PartnerLevel>()?, PartnerLevel::NONE);
/// assert!(PartnerLevel::NONE < level);
/// assert_eq!(PartnerLevel::NONE.to_string(), "none");
/// # Ok::<(), interagency::ParseIdError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct PartnerLevel(Option<Level>);

impl PartnerLevel {
    /// No joint work.
    pub const NONE: PartnerLevel = PartnerLevel(None);

    /// Every value, from no joint work to integration.
    pub const ALL: [PartnerLevel; 5] = [
        PartnerLevel(None),
        PartnerLevel(Some(Level::Cooperation)),
        PartnerLevel(Some(Level::Collaboration)),
        PartnerLevel(Some(Level::Coordination)),
        PartnerLevel(Some(Level::Integration)),
    ];

    /// The level of joint work, `None` for no joint work.
    #[must_use]
    pub const fn level(self) -> Option<Level> {
        self.0
    }

    /// 0 for no joint work, else the level's number (1 to 4).
    #[must_use]
    pub const fn number(self) -> u8 {
        match self.0 {
            None => 0,
            Some(level) => level.number(),
        }
    }

    /// The value of number `n` (0 to 4).
    #[must_use]
    pub const fn from_number(n: u8) -> Option<PartnerLevel> {
        match n {
            0 => Some(PartnerLevel::NONE),
            n => match Level::from_number(n) {
                Some(level) => Some(PartnerLevel(Some(level))),
                None => None,
            },
        }
    }

    /// The identifier: `none` or the level's.
    #[must_use]
    pub fn id(self) -> &'static str {
        self.0.map_or("none", Level::id)
    }

    /// The name, for people: `No joint work` or the level's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.0.map_or("No joint work", crate::Concept::name)
    }
}

impl From<Level> for PartnerLevel {
    fn from(level: Level) -> Self {
        PartnerLevel(Some(level))
    }
}

impl From<Option<Level>> for PartnerLevel {
    fn from(level: Option<Level>) -> Self {
        PartnerLevel(level)
    }
}

impl fmt::Display for PartnerLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl core::str::FromStr for PartnerLevel {
    type Err = crate::ParseIdError;

    /// `none`, `No joint work`, or a level by its identifier or name, in
    /// any case and with spaces or underscores.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let folded = fold(text);
        PartnerLevel::ALL
            .into_iter()
            .find(|level| {
                folded == level.id() || folded == fold(level.name()) || {
                    level.0.is_none() && folded == "no_joint_work"
                }
            })
            .ok_or_else(|| crate::ParseIdError::new::<PartnerLevel>(text))
    }
}

/// Text in lower case with runs of spaces as one underscore, trimmed.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("_")
}

impl crate::foundation::id::sealed::Sealed for PartnerLevel {}

impl Identifier for PartnerLevel {
    const KIND: &'static str = "partner level";
    const ALL: &'static [Self] = &PartnerLevel::ALL;
    const COUNT: usize = 5;

    fn id(self) -> &'static str {
        PartnerLevel::id(self)
    }

    fn index(self) -> usize {
        usize::from(self.number())
    }
}

impl Serialize for PartnerLevel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for PartnerLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        PartnerLevel::ALL
            .into_iter()
            .find(|level| level.id() == text)
            .ok_or_else(|| {
                serde::de::Error::custom(crate::ParseIdError::new::<PartnerLevel>(&text))
            })
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for PartnerLevel {
    fn schema_name() -> Cow<'static, str> {
        "PartnerLevel".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "How one agency works with another: `none` (no joint work) or one of \
                            Frost's levels, numbered 0 to 4.",
            "type": "string",
            "enum": ["none", "cooperation", "collaboration", "coordination", "integration"],
        })
    }
}

/// How far one agency can be relied on and is open to discussion, as
/// another agency answers: 1 (not at all) to 4 (completely).
///
/// ```
/// use interagency::Trust;
///
/// assert_eq!(Trust::new(3).map(Trust::get), Some(3));
/// assert_eq!(Trust::new(5), None);
/// assert_eq!(Trust::LABELS[3], "Completely");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Trust(u8);

impl Trust {
    /// The answers' words, from 1 to 4, as the questionnaire offers them.
    pub const LABELS: [&'static str; 4] = ["Not at all", "A little", "Mostly", "Completely"];

    /// The trust answer `value`, if it is from 1 to 4.
    #[must_use]
    pub const fn new(value: u8) -> Option<Trust> {
        match value {
            1..=4 => Some(Trust(value)),
            _ => None,
        }
    }

    /// The answer, 1 to 4.
    #[must_use]
    pub const fn get(self) -> u8 {
        self.0
    }

    /// The answer written as a number or as one of [`Trust::LABELS`] (in
    /// any case), as survey tools export it.
    #[must_use]
    pub fn from_answer(text: &str) -> Option<Trust> {
        let text = text.trim();
        if let Ok(n) = text.parse::<u8>() {
            return Trust::new(n);
        }
        let folded = fold(text);
        Trust::LABELS
            .iter()
            .zip(1..)
            .find(|(label, _)| fold(label) == folded)
            .and_then(|(_, n)| Trust::new(n))
    }
}

impl fmt::Display for Trust {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Trust {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Trust {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = u64::deserialize(deserializer)?;
        u8::try_from(value)
            .ok()
            .and_then(Trust::new)
            .ok_or_else(|| {
                serde::de::Error::custom(format_args!(
                    "trust {value} is not an integer from 1 to 4"
                ))
            })
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Trust {
    fn schema_name() -> Cow<'static, str> {
        "Trust".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Trust: how far the agency can be relied on and is open to \
                            discussion, from 1 (not at all) to 4 (completely).",
            "type": "integer",
            "minimum": 1,
            "maximum": 4,
        })
    }
}

/// A value of a partner map.
pub(crate) trait PartnerValue: Scalar + Copy {
    /// The problem with a value written as `value`.
    fn problem(value: String) -> PartnerProblem;
}

impl Scalar for PartnerLevel {
    const EXPECTING: &'static str = "an answer";
    fn from_text(text: &str) -> Option<Self> {
        PartnerLevel::ALL
            .into_iter()
            .find(|level| level.id() == text)
    }
}

impl PartnerValue for PartnerLevel {
    fn problem(value: String) -> PartnerProblem {
        PartnerProblem::NotALevel { value }
    }
}

impl Scalar for Trust {
    const EXPECTING: &'static str = "an answer";
    fn from_integer(n: i128) -> Option<Self> {
        u8::try_from(n).ok().and_then(Trust::new)
    }
}

impl PartnerValue for Trust {
    fn problem(value: String) -> PartnerProblem {
        PartnerProblem::NotATrust { value }
    }
}

/// A partner map (`partners` or `trust`) as read, with the first problem
/// found in it and its key, so that the error can name the respondent once
/// the whole response is known. Whether each key is a listed agency other
/// than the respondent's is checked when the response joins the
/// partnership.
pub(crate) struct RawPartnerMap<V> {
    pub(crate) answers: BTreeMap<String, V>,
    /// The first problem found.
    /// Boxed, as a ratings map's is: rare, and kept small.
    pub(crate) problem: Option<Box<MapProblem>>,
}

/// The first problem of a partner map.
pub(crate) enum MapProblem {
    /// An entry's key, and what is wrong with the entry.
    Entry(String, PartnerProblem),
    /// Not a map at all: what it was instead.
    NotAMap(String),
}

impl<V> Default for RawPartnerMap<V> {
    fn default() -> Self {
        RawPartnerMap {
            answers: BTreeMap::new(),
            problem: None,
        }
    }
}

fn not_a_map<V>(found: Result<core::convert::Infallible, String>) -> RawPartnerMap<V> {
    RawPartnerMap {
        answers: BTreeMap::new(),
        problem: found
            .err()
            .map(|found| Box::new(MapProblem::NotAMap(found))),
    }
}

impl<'de, V: PartnerValue> Deserialize<'de> for RawPartnerMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct M<V>(core::marker::PhantomData<V>);
        impl<'de, V: PartnerValue> Visitor<'de> for M<V> {
            type Value = RawPartnerMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from agency id to answer")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut raw = RawPartnerMap::default();
                while let Some(key) = map.next_key::<AnyText<'de>>()? {
                    let mut rejected = String::new();
                    let value = map.next_value_seed(AnyScalar::<V>::new(&mut rejected))?;
                    if raw.problem.is_some() {
                        continue;
                    }
                    // Keys of a JSON map are always strings.
                    let key = key.0.map_or_else(|found| found, Cow::into_owned);
                    if raw.answers.contains_key(&key) {
                        raw.problem =
                            Some(Box::new(MapProblem::Entry(key, PartnerProblem::Duplicate)));
                        continue;
                    }
                    match value {
                        Some(value) => {
                            raw.answers.insert(key, value);
                        }
                        None => {
                            raw.problem =
                                Some(Box::new(MapProblem::Entry(key, V::problem(rejected))));
                        }
                    }
                }
                Ok(raw)
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(not_a_map(Err(serde::de::Unexpected::Str(v).to_string())))
            }
            describe_scalars!(not_a_map);
        }
        deserializer.deserialize_any(M(core::marker::PhantomData))
    }
}

/// The sums of the answers about other agencies, built once when an
/// assessment is validated so that the network analysis never walks the
/// responses again: its cost grows with the square of the number of
/// agencies, not with the respondents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PairTally {
    /// The number of agencies.
    pub(crate) n: usize,
    /// For each directed pair a→b (at `a * n + b`), how many of a's
    /// respondents gave each level (0 to 4) for b.
    pub(crate) levels: Vec<[u32; 5]>,
    /// For each directed pair a→b, the sum and count of a's respondents'
    /// trust answers for b.
    pub(crate) trust: Vec<(u64, u32)>,
    /// Each agency's respondents, whatever they answered.
    pub(crate) respondents: Vec<u32>,
    /// How many respondents gave each perceived level (0 to 4).
    pub(crate) perceived: [u32; 5],
    /// Whether any response has a partner or trust answer.
    pub(crate) any_network: bool,
}

impl PairTally {
    /// Empty sums for `n` agencies.
    pub(crate) fn new(n: usize) -> PairTally {
        PairTally {
            n,
            levels: vec![[0; 5]; n * n],
            trust: vec![(0, 0); n * n],
            respondents: vec![0; n],
            perceived: [0; 5],
            any_network: false,
        }
    }

    /// The level counts of the directed pair a→b.
    pub(crate) fn levels(&self, a: usize, b: usize) -> [u32; 5] {
        self.levels.get(a * self.n + b).copied().unwrap_or_default()
    }

    /// The trust sum and count of the directed pair a→b.
    pub(crate) fn trust(&self, a: usize, b: usize) -> (u64, u32) {
        self.trust.get(a * self.n + b).copied().unwrap_or_default()
    }

    /// Adds one respondent's level for b, answered for agency a.
    pub(crate) fn add_level(&mut self, a: usize, b: usize, level: PartnerLevel) {
        if let Some(count) = self
            .levels
            .get_mut(a * self.n + b)
            .and_then(|counts| counts.get_mut(usize::from(level.number())))
        {
            *count += 1;
        }
        self.any_network = true;
    }

    /// Adds one respondent's trust answer for b, answered for agency a.
    pub(crate) fn add_trust(&mut self, a: usize, b: usize, trust: Trust) {
        if let Some((sum, count)) = self.trust.get_mut(a * self.n + b) {
            *sum += u64::from(trust.get());
            *count += 1;
        }
        self.any_network = true;
    }
}

#[cfg(test)]
mod tests {
    use super::{PartnerLevel, Trust};
    use crate::Level;

    #[test]
    fn levels_read_by_id_or_name() {
        for level in PartnerLevel::ALL {
            assert_eq!(level.id().parse::<PartnerLevel>().unwrap(), level);
            assert_eq!(level.name().parse::<PartnerLevel>().unwrap(), level);
            assert_eq!(
                level.name().to_uppercase().parse::<PartnerLevel>().unwrap(),
                level
            );
            assert_eq!(PartnerLevel::from_number(level.number()), Some(level));
        }
        assert_eq!(
            " no  joint WORK ".parse::<PartnerLevel>().unwrap(),
            PartnerLevel::NONE
        );
        assert!("partnership".parse::<PartnerLevel>().is_err());
        assert_eq!(PartnerLevel::from_number(5), None);
    }

    #[test]
    fn trust_reads_numbers_and_words() {
        assert_eq!(Trust::from_answer("2"), Trust::new(2));
        assert_eq!(Trust::from_answer(" completely "), Trust::new(4));
        assert_eq!(Trust::from_answer("Not at all"), Trust::new(1));
        assert_eq!(Trust::from_answer("5"), None);
        assert_eq!(Trust::from_answer("0"), None);
        assert_eq!(Trust::from_answer("often"), None);
        assert_eq!(Trust::new(0), None);
    }

    #[test]
    fn levels_write_and_read_as_their_ids() {
        use crate::Identifier;
        let ids = [
            "none",
            "cooperation",
            "collaboration",
            "coordination",
            "integration",
        ];
        for ((n, level), id) in (0u8..).zip(PartnerLevel::ALL).zip(ids) {
            assert_eq!(level.number(), n);
            assert_eq!(<PartnerLevel as Identifier>::index(level), usize::from(n));
            assert_eq!(<PartnerLevel as Identifier>::id(level), id);
            assert_eq!(level.id(), id);
            assert_eq!(level.to_string(), id);
            assert_eq!(PartnerLevel::from(level.level()), level);
            let json = serde_json::to_string(&level).unwrap();
            assert_eq!(json, format!("\"{id}\""));
            assert_eq!(serde_json::from_str::<PartnerLevel>(&json).unwrap(), level);
        }
        assert_eq!(PartnerLevel::NONE.level(), None);
        assert_eq!(
            PartnerLevel::from(Level::Coordination).level(),
            Some(Level::Coordination)
        );
        assert_eq!(PartnerLevel::NONE.name(), "No joint work");
        assert_eq!(PartnerLevel::from(Level::Integration).name(), "Integration");
        // Written, only the ids are read.
        assert!(serde_json::from_str::<PartnerLevel>("\"Coordination\"").is_err());
        assert!(serde_json::from_str::<PartnerLevel>("3").is_err());
    }

    #[test]
    fn trust_writes_and_reads_as_its_number() {
        for n in 1..=4u8 {
            let trust = Trust::new(n).unwrap();
            assert_eq!(trust.get(), n);
            assert_eq!(trust.to_string(), n.to_string());
            assert_eq!(serde_json::to_string(&trust).unwrap(), n.to_string());
            assert_eq!(
                serde_json::from_str::<Trust>(&n.to_string()).unwrap(),
                trust
            );
            assert_eq!(
                Trust::from_answer(Trust::LABELS[usize::from(n) - 1]),
                Some(trust)
            );
        }
        for text in ["0", "5", "256", "-1", "2.0", "\"2\""] {
            assert!(serde_json::from_str::<Trust>(text).is_err(), "{text}");
        }
        assert_eq!(
            serde_json::from_str::<Trust>("5").unwrap_err().to_string(),
            "trust 5 is not an integer from 1 to 4"
        );
    }

    #[cfg(feature = "schemars")]
    #[test]
    fn schemas_list_the_answers() {
        use schemars::JsonSchema as _;
        assert_eq!(PartnerLevel::schema_name(), "PartnerLevel");
        assert_eq!(Trust::schema_name(), "Trust");
        let mut generator = schemars::SchemaGenerator::default();
        let level = PartnerLevel::json_schema(&mut generator).to_value();
        assert_eq!(
            level["enum"],
            serde_json::json!([
                "none",
                "cooperation",
                "collaboration",
                "coordination",
                "integration"
            ])
        );
        assert_eq!(level["type"], "string");
        let trust = Trust::json_schema(&mut generator).to_value();
        assert_eq!(
            (&trust["type"], &trust["minimum"], &trust["maximum"]),
            (
                &serde_json::json!("integer"),
                &serde_json::json!(1),
                &serde_json::json!(4)
            )
        );
    }

    /// A partner map's answers, and its first problem: the entry's key
    /// (none when it is not a map) and the problem in words.
    type Read<V> = (Vec<(String, V)>, Option<(Option<String>, String)>);

    /// The answers and the first problem of a partner map read from `json`.
    fn read<V: super::PartnerValue + core::fmt::Debug>(json: &str) -> Read<V> {
        let raw: super::RawPartnerMap<V> = serde_json::from_str(json).unwrap();
        let problem = raw.problem.map(|p| match *p {
            super::MapProblem::Entry(key, problem) => (Some(key), problem.to_string()),
            super::MapProblem::NotAMap(found) => (None, found),
        });
        (raw.answers.into_iter().collect(), problem)
    }

    #[test]
    fn partner_maps_keep_the_first_problem() {
        let (answers, problem) = read::<PartnerLevel>(r#"{"a": "none", "b": "integration"}"#);
        assert_eq!(
            answers,
            [
                ("a".to_owned(), PartnerLevel::NONE),
                ("b".to_owned(), Level::Integration.into())
            ]
        );
        assert!(problem.is_none());
        // A level as a number, or as its name, is not a level.
        for (value, written) in [
            ("2", "2"),
            ("-2", "-2"),
            ("2.5", "2.5"),
            ("\"Cooperation\"", "\"Cooperation\""),
            ("true", "true"),
            ("null", "null"),
            ("[1]", "a sequence"),
            ("{\"x\": 1}", "a map"),
        ] {
            let (answers, problem) =
                read::<PartnerLevel>(&format!(r#"{{"a": {value}, "b": "none"}}"#));
            assert!(answers.is_empty(), "{value}");
            let (key, problem) = problem.unwrap();
            assert_eq!(key.as_deref(), Some("a"));
            assert_eq!(
                problem,
                format!(
                    "{written} is not a level of joint work (none, cooperation, collaboration, \
                     coordination or integration)"
                )
            );
        }
        // Trust: integers 1 to 4 only.
        let (answers, problem) = read::<Trust>(r#"{"a": 4, "b": 1}"#);
        assert_eq!(
            answers,
            [
                ("a".to_owned(), Trust::new(4).unwrap()),
                ("b".to_owned(), Trust::new(1).unwrap())
            ]
        );
        assert!(problem.is_none());
        for (value, written) in [("0", "0"), ("-1", "-1"), ("\"3\"", "\"3\""), ("3.0", "3.0")] {
            let (_, problem) = read::<Trust>(&format!(r#"{{"a": 1, "b": {value}}}"#));
            assert_eq!(
                problem,
                Some((
                    Some("b".to_owned()),
                    format!("{written} is not a trust answer from 1 to 4")
                ))
            );
        }
        // A key given twice.
        let (_, problem) = read::<Trust>(r#"{"a": 1, "a": 2}"#);
        assert_eq!(
            problem,
            Some((Some("a".to_owned()), "given twice".to_owned()))
        );
        // Not a map.
        let (answers, problem) = read::<Trust>(r#""a""#);
        assert!(answers.is_empty());
        assert_eq!(problem, Some((None, "string \"a\"".to_owned())));
    }

    #[test]
    fn other_data_formats_say_what_was_expected() {
        use serde::de::value::{BytesDeserializer, Error};
        let bytes = BytesDeserializer::<Error>::new(b"x");
        let mut rejected = String::new();
        let error = serde::de::DeserializeSeed::deserialize(
            super::AnyScalar::<Trust>::new(&mut rejected),
            bytes,
        )
        .unwrap_err();
        assert!(error.to_string().ends_with("expected an answer"), "{error}");
        let bytes = BytesDeserializer::<Error>::new(b"x");
        let error = serde::Deserialize::deserialize(bytes)
            .map(|_: super::RawPartnerMap<Trust>| ())
            .unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("expected a map from agency id to answer"),
            "{error}"
        );
    }

    #[test]
    fn pair_sums_by_directed_pair() {
        let mut pairs = super::PairTally::new(3);
        assert!(!pairs.any_network);
        pairs.add_level(1, 2, Level::Coordination.into());
        pairs.add_level(1, 2, Level::Coordination.into());
        pairs.add_level(2, 1, PartnerLevel::NONE);
        // a→b at a * 3 + b.
        assert_eq!(pairs.levels[5], [0, 0, 0, 2, 0]);
        assert_eq!(pairs.levels[7], [1, 0, 0, 0, 0]);
        assert_eq!(pairs.levels(1, 2), [0, 0, 0, 2, 0]);
        assert_eq!(pairs.levels(2, 1), [1, 0, 0, 0, 0]);
        assert_eq!(pairs.levels(0, 2), [0; 5]);
        assert!(pairs.any_network);
        let mut pairs = super::PairTally::new(3);
        pairs.add_trust(1, 2, Trust::new(3).unwrap());
        pairs.add_trust(1, 2, Trust::new(4).unwrap());
        pairs.add_trust(2, 0, Trust::new(2).unwrap());
        assert!(pairs.any_network);
        assert_eq!(pairs.trust[5], (7, 2));
        assert_eq!(pairs.trust[6], (2, 1));
        assert_eq!(pairs.trust(1, 2), (7, 2));
        assert_eq!(pairs.trust(2, 0), (2, 1));
        assert_eq!(pairs.trust(0, 1), (0, 0));
        assert_eq!(pairs.levels(1, 2), [0; 5]);
    }
}
