//! The catalogue: the whole framework as one serializable document.

use serde::{Deserialize, Serialize};

use super::{Divergence, Privacy, Rubric, Thresholds, TipLinks, Weights};
use crate::concepts::finding::{DEFINITION, Finding};
use crate::concepts::source::Source;
use crate::{
    Benefit, Characteristic, Concept, ConceptSet, Facilitator, Level, Obstacle, PracticeTip, Rated,
};

/// The whole framework as one document: every concept with its name,
/// description, source and links, the sources, the formal definition, the
/// research findings and the numbers of the rubric.
///
/// It serializes to the JSON that `cargo run --example catalogue` prints, so
/// that tools in other languages can embed the framework without Rust.
/// Everything under a `rubric` key is this crate's default rubric, not a
/// claim of the sources.
///
/// ```
/// use interagency::{Catalogue, Level};
///
/// let catalogue = Catalogue::default();
/// assert_eq!(catalogue.levels.len(), 4);
/// assert_eq!(catalogue.levels[2].id, Level::Coordination);
/// let json = serde_json::to_value(&catalogue)?;
/// assert_eq!(json["levels"][0]["id"], "cooperation");
/// assert_eq!(json["facilitators"][2]["rubric"]["required_from"], "coordination");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The formal definition of interagency working.
    pub definition: DefinitionEntry,
    /// The works cited, in catalogue order.
    pub sources: Vec<SourceEntry>,
    /// Frost's four levels, lowest first.
    pub levels: Vec<Entry<Level, LevelLinks>>,
    /// The characteristics that define the levels.
    pub characteristics: Vec<Entry<Characteristic, CharacteristicLinks>>,
    /// Statham's facilitating factors.
    pub facilitators: Vec<Entry<Facilitator, FacilitatorLinks>>,
    /// The CAAB benefits.
    pub benefits: Vec<Entry<Benefit, BenefitLinks>>,
    /// Atkinson's obstacles.
    pub obstacles: Vec<Entry<Obstacle, ObstacleLinks>>,
    /// The briefing's practice tips, in its order.
    pub practice_tips: Vec<Entry<PracticeTip, TipLinks>>,
    /// The research findings the briefing reports.
    pub findings: Vec<Entry<Finding, NoLinks>>,
    /// Which rubric the links and numbers come from, and its numbers: band
    /// thresholds, gap weights, privacy and divergence.
    pub rubric: RubricNumbers,
}

/// One concept in the [`Catalogue`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(rename = "{T}Entry"))]
#[serde(deny_unknown_fields)]
pub struct Entry<T, R> {
    /// The identifier.
    pub id: T,
    /// A short human name.
    pub name: String,
    /// What it means: the briefing's words when `quoted`, the crate's
    /// otherwise.
    pub description: String,
    /// Whether `description` is a verbatim quotation of the briefing.
    pub quoted: bool,
    /// The source the briefing attributes it to.
    pub source: Source,
    /// For a facilitator or an obstacle, the question a survey asks about
    /// it, in the crate's own words (not the briefing's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// How the default rubric links it to levels and other concepts.
    pub rubric: R,
}

impl<T: Concept, R> Entry<T, R> {
    fn new(id: T, rubric: R) -> Self {
        Self {
            id,
            name: id.name().to_owned(),
            description: id.description().to_owned(),
            quoted: id.quoted(),
            source: id.source(),
            question: None,
            rubric,
        }
    }

    /// The entry with the question a survey asks.
    fn asking(mut self) -> Self
    where
        T: Rated,
    {
        self.question = Some(self.id.question().to_owned());
        self
    }
}

/// The formal definition, quoted, and its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DefinitionEntry {
    /// The definition, verbatim.
    pub text: String,
    /// Where it comes from.
    pub source: Source,
}

/// A cited work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    /// The identifier.
    pub id: Source,
    /// Author and year, for running text.
    pub short: String,
    /// The full reference.
    pub citation: String,
    /// What the catalogue takes from it.
    pub cited_for: String,
}

/// The default rubric's links of a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LevelLinks {
    /// Frost's number for the level, 1 to 4.
    #[cfg_attr(feature = "schemars", schemars(range(min = 1, max = 4)))]
    pub number: u8,
    /// The characteristics that define the level.
    pub characteristics: ConceptSet<Characteristic>,
    /// The facilitators first required at this level (those of the levels
    /// below are required too).
    pub requires_facilitators: ConceptSet<Facilitator>,
    /// The benefits first expected at this level (those of the levels below
    /// are expected too).
    pub brings_benefits: ConceptSet<Benefit>,
}

/// The default rubric's links of a characteristic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CharacteristicLinks {
    /// The level the characteristic belongs to.
    pub level: Level,
    /// The practice tips that establish it.
    pub established_by: ConceptSet<PracticeTip>,
}

/// The default rubric's links of a facilitator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FacilitatorLinks {
    /// The level from which it is required.
    pub required_from: Level,
    /// The practice tips that build it.
    pub built_by: ConceptSet<PracticeTip>,
}

/// The default rubric's links of a benefit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BenefitLinks {
    /// The level from which it is expected.
    pub expected_from: Level,
}

/// The default rubric's links of an obstacle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ObstacleLinks {
    /// The practice tips that address it.
    pub addressed_by: ConceptSet<PracticeTip>,
}

/// No rubric links: the research findings are text only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NoLinks {}

/// The numbers of the rubric, and which rubric it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RubricNumbers {
    /// The rubric's name.
    pub name: String,
    /// The rubric's version.
    pub version: String,
    /// Facilitator means: `upper` is the lowest `strength`, `lower` the
    /// lowest `borderline`; below `lower` is a `concern`.
    pub facilitator_bands: Thresholds,
    /// Obstacle means: `upper` is the lowest `major`, `lower` the lowest
    /// `moderate`; below `lower` is `minor`.
    pub obstacle_bands: Thresholds,
    /// The weights of gap items in the ranking of practice tips.
    pub weights: Weights,
    /// The smallest group a breakdown by agency or role shows.
    pub privacy: Privacy,
    /// The differences between groups that count as divergent views.
    pub divergence: Divergence,
}

impl Default for Catalogue {
    fn default() -> Self {
        Self::from_rubric(&Rubric::DEFAULT)
    }
}

impl Catalogue {
    /// The catalogue with the links and numbers of `rubric`.
    #[must_use]
    pub fn from_rubric(rubric: &Rubric) -> Self {
        Self {
            definition: DefinitionEntry {
                text: DEFINITION.text.to_owned(),
                source: DEFINITION.source,
            },
            sources: Source::iter()
                .map(|id| SourceEntry {
                    id,
                    short: id.short().to_owned(),
                    citation: id.citation().to_owned(),
                    cited_for: id.cited_for().to_owned(),
                })
                .collect(),
            levels: entries(|level: Level| LevelLinks {
                number: level.number(),
                characteristics: rubric.characteristics_of(level),
                requires_facilitators: rubric.facilitators_introduced_at(level),
                brings_benefits: rubric.benefits_introduced_at(level),
            }),
            characteristics: entries(|c| CharacteristicLinks {
                level: rubric.level_of(c),
                established_by: rubric.tips_establishing(c),
            }),
            facilitators: entries(|f| FacilitatorLinks {
                required_from: rubric.required_from(f),
                built_by: rubric.tips_building(f),
            })
            .into_iter()
            .map(Entry::asking)
            .collect(),
            benefits: entries(|b| BenefitLinks {
                expected_from: rubric.expected_from(b),
            }),
            obstacles: entries(|o| ObstacleLinks {
                addressed_by: rubric.tips_addressing(o),
            })
            .into_iter()
            .map(Entry::asking)
            .collect(),
            practice_tips: entries(|tip| rubric.links(tip)),
            findings: entries(|_| NoLinks {}),
            rubric: RubricNumbers {
                name: rubric.name().to_owned(),
                version: rubric.version().to_owned(),
                facilitator_bands: rubric.facilitator_thresholds(),
                obstacle_bands: rubric.obstacle_thresholds(),
                weights: rubric.weights(),
                privacy: rubric.privacy(),
                divergence: rubric.divergence(),
            },
        }
    }
}

fn entries<T: Concept, R>(links: impl Fn(T) -> R) -> Vec<Entry<T, R>> {
    T::iter().map(|id| Entry::new(id, links(id))).collect()
}
