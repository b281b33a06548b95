//! The assessment document: a partnership and its members' responses, and
//! the rules every response obeys whatever format it came in.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

use core::fmt;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{PartnerProblem, Place};
use crate::foundation::text::{AnyText, Bad, Lenient, Text, control_character};
use crate::input::partners::{MapProblem, PairTally, PartnerLevel, RawPartnerMap, Trust};
use crate::input::partnership::Partnership;
use crate::input::plain::PlainAssessment;
use crate::input::rating::{RatingProblem, RawRatings};
use crate::input::tally::AgencyTally;
use crate::{
    Characteristic, ConceptSet, Date, Error, Facilitator, Identifier, Obstacle, Ratings, Role,
    Sector,
};

/// An agency taking part in the partnership.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// The agency's identifier, unique within the assessment and not empty.
    /// Responses name their agency by it.
    #[cfg_attr(
        feature = "schemars",
        schemars(length(min = 1), regex(pattern = r"\S"))
    )]
    pub id: String,
    /// The agency's name, for people.
    pub name: String,
    /// The sector it belongs to, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
}

impl Agency {
    /// An agency with no sector given.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Agency {
        Agency {
            id: id.into(),
            name: name.into(),
            sector: None,
        }
    }

    /// The same agency, in `sector`.
    #[must_use]
    pub fn with_sector(mut self, sector: Sector) -> Agency {
        self.sector = Some(sector);
        self
    }
}

/// One respondent's answers: how present each facilitator is and how much
/// of a problem each obstacle is, from 1 to 5; and, where the questionnaire
/// asks, how the respondent's agency works with each other agency, how far
/// it trusts each, and the level at which the respondent sees the whole
/// partnership. A response gives at least one answer.
///
/// The answers about other agencies are given *for the agency* ("answer for
/// your agency"): reports show them per agency, never per respondent, and
/// the rubric's rule that hides small groups' ratings does not apply to
/// them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemars",
    schemars(extend("anyOf" = [
        {"type": "object", "required": ["facilitators"], "properties": {"facilitators": {"type": "object", "minProperties": 1}}},
        {"type": "object", "required": ["obstacles"], "properties": {"obstacles": {"type": "object", "minProperties": 1}}},
        {"type": "object", "required": ["partners"], "properties": {"partners": {"type": "object", "minProperties": 1}}},
        {"type": "object", "required": ["trust"], "properties": {"trust": {"type": "object", "minProperties": 1}}},
        {"type": "object", "required": ["perceived_level"], "properties": {"perceived_level": {"type": "string"}}}
    ]))
)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// The respondent's identifier, unique within the assessment and not
    /// empty. It never appears in a report.
    #[cfg_attr(
        feature = "schemars",
        schemars(length(min = 1), regex(pattern = r"\S"))
    )]
    pub respondent: String,
    /// The id of the respondent's agency; it must be one of the assessment's
    /// agencies.
    #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
    pub agency: String,
    /// The respondent's role.
    pub role: Role,
    /// Facilitator ratings: 1 = not present at all … 5 = fully present.
    #[serde(default, skip_serializing_if = "Ratings::is_empty")]
    pub facilitators: Ratings<Facilitator>,
    /// Obstacle ratings: 1 = not a problem … 5 = a severe problem.
    #[serde(default, skip_serializing_if = "Ratings::is_empty")]
    pub obstacles: Ratings<Obstacle>,
    /// How the respondent's agency works with other agencies, keyed by
    /// their ids: `none` (no joint work) or a level. Answered for the
    /// agency; keys are other listed agencies.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub partners: BTreeMap<String, PartnerLevel>,
    /// How far the respondent's agency trusts other agencies, keyed by
    /// their ids: 1 (not at all) to 4 (completely). Answered for the agency;
    /// keys are other listed agencies.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub trust: BTreeMap<String, Trust>,
    /// The level at which the respondent believes the whole partnership
    /// works: `none` or a level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perceived_level: Option<PartnerLevel>,
}

impl Response {
    /// A response with no ratings yet; add them to
    /// [`facilitators`](Self::facilitators) and [`obstacles`](Self::obstacles).
    pub fn new(respondent: impl Into<String>, agency: impl Into<String>, role: Role) -> Response {
        Response {
            respondent: respondent.into(),
            agency: agency.into(),
            role,
            facilitators: Ratings::new(),
            obstacles: Ratings::new(),
            partners: BTreeMap::new(),
            trust: BTreeMap::new(),
            perceived_level: None,
        }
    }

    /// Whether the response gives any answer: a rating, an answer about
    /// another agency, or a perceived level.
    #[must_use]
    pub fn has_answers(&self) -> bool {
        !(self.facilitators.is_empty()
            && self.obstacles.is_empty()
            && self.partners.is_empty()
            && self.trust.is_empty()
            && self.perceived_level.is_none())
    }
}

/// A validated assessment of one partnership: the [`Partnership`] and its
/// members' responses.
///
/// The only ways to get one are [`Partnership::with_responses`] (which the
/// readers of survey exports end in) and deserializing; each checks every
/// rule, so a value of this type is always valid. Deserialize it with any
/// serde format:
///
/// ```
/// use interagency::{Assessment, Level};
///
/// let assessment: Assessment = serde_json::from_str(r#"{
///   "partnership": "Northside Family Support Network",
///   "assessed_on": "2026-03-01",
///   "agencies": [
///     {"id": "cfa", "name": "Child and Family Agency", "sector": "social_work"},
///     {"id": "hse", "name": "Community Health", "sector": "health"}
///   ],
///   "characteristics": ["consistent_goals", "complementary_services"],
///   "responses": [
///     {"respondent": "r1", "agency": "cfa", "role": "frontline",
///      "facilitators": {"good_communication": 4, "leadership": 2},
///      "obstacles": {"conflict": 3}}
///   ]
/// }"#)?;
/// assert_eq!(assessment.partnership(), "Northside Family Support Network");
/// assert_eq!(assessment.classify().achieved_level, Some(Level::Cooperation));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(deny_unknown_fields))]
pub struct Assessment {
    /// The partnership: its name, date, agencies and arrangements.
    #[serde(flatten)]
    partnership: Partnership,
    /// The respondents' answers: distinct respondent ids, each naming a
    /// listed agency and giving at least one rating.
    responses: Vec<Response>,
    /// Per-agency sums of the ratings, in `agencies` order; derived from
    /// `responses` when the assessment is built.
    #[serde(skip)]
    #[cfg_attr(feature = "schemars", schemars(skip))]
    tallies: Vec<AgencyTally>,
    /// Sums of the answers about other agencies, per directed pair of
    /// agencies; derived from `responses` when the assessment is built.
    #[serde(skip)]
    #[cfg_attr(feature = "schemars", schemars(skip))]
    pairs: PairTally,
}

impl Assessment {
    /// Reads an assessment from JSON text, checking every rule.
    ///
    /// Unlike `serde_json::from_str`, it accepts a UTF-8 byte-order mark
    /// before the document (files saved by Windows tools often have one),
    /// and every error it returns is a typed [`Error`]: a rule broken, or,
    /// for text that is not JSON or not shaped like an assessment,
    /// [`Error::Json`] with the path, line and column.
    ///
    /// # Errors
    ///
    /// The first problem found, naming the field, the value and, where one
    /// applies, the respondent or agency.
    ///
    /// ```
    /// use interagency::{Assessment, Error};
    ///
    /// let text = "\u{feff}{\"partnership\": \"Northside\", \"characteristics\": [],
    ///   \"agencies\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"b\", \"name\": \"B\"}]}";
    /// let assessment = Assessment::from_json(text)?;
    /// assert_eq!(assessment.partnership(), "Northside");
    ///
    /// let err = Assessment::from_json(r#"{"partnership": "N", "agencies": {}}"#).unwrap_err();
    /// assert!(matches!(err, Error::Json { line: 1, .. }));
    /// assert_eq!(err.to_string(),
    ///     "agencies: invalid type: map, expected a sequence (line 1, column 33)");
    /// # Ok::<(), interagency::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Assessment, Error> {
        let (partnership, responses) = RawAssessment::from_json(text)?.validate()?;
        partnership.with_responses(responses)
    }

    /// The partnership's name.
    #[must_use]
    pub fn partnership(&self) -> &str {
        self.partnership.name()
    }

    /// The partnership itself: its name, date, agencies and arrangements.
    #[must_use]
    pub fn as_partnership(&self) -> &Partnership {
        &self.partnership
    }

    /// The partnership and its responses, taken apart.
    #[must_use]
    pub fn into_parts(self) -> (Partnership, Vec<Response>) {
        (self.partnership, self.responses)
    }

    /// The date of the assessment, if given.
    #[must_use]
    pub fn assessed_on(&self) -> Option<Date> {
        self.partnership.assessed_on()
    }

    /// The agencies, as listed.
    #[must_use]
    pub fn agencies(&self) -> &[Agency] {
        self.partnership.agencies()
    }

    /// The arrangements in place.
    #[must_use]
    pub fn characteristics(&self) -> ConceptSet<Characteristic> {
        self.partnership.characteristics()
    }

    /// The responses, as listed.
    #[must_use]
    pub fn responses(&self) -> &[Response] {
        &self.responses
    }

    pub(crate) fn tallies(&self) -> &[AgencyTally] {
        &self.tallies
    }

    pub(crate) fn pairs(&self) -> &PairTally {
        &self.pairs
    }

    /// The assessment, once `responses` obey the rules every input format
    /// obeys; `place` says where each response's fields are in the input.
    pub(crate) fn checked(
        partnership: Partnership,
        responses: Vec<Response>,
        place: impl Fn(usize, ResponseField) -> Place,
    ) -> Result<Assessment, Error> {
        let (tallies, pairs) = tally(&partnership, &responses, place)?;
        Ok(Assessment {
            partnership,
            responses,
            tallies,
            pairs,
        })
    }
}

/// A field of a response, for the place of an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ResponseField {
    /// The response as a whole.
    Whole,
    /// Its respondent id.
    Respondent,
    /// Its agency.
    Agency,
    /// Its answer about one other agency's level of joint work.
    Partners,
    /// Its trust answer about one other agency.
    Trust,
}

impl ResponseField {
    /// The place in a document: `responses[3].agency`.
    pub(crate) fn in_document(index: usize, field: ResponseField) -> Place {
        Place::Field(match field {
            ResponseField::Whole => format!("responses[{index}]"),
            ResponseField::Respondent => format!("responses[{index}].respondent"),
            ResponseField::Agency => format!("responses[{index}].agency"),
            ResponseField::Partners => format!("responses[{index}].partners"),
            ResponseField::Trust => format!("responses[{index}].trust"),
        })
    }
}

/// Checks the rules every response obeys, whatever format it came in, and
/// sums each agency's ratings and the answers about other agencies per
/// directed pair: a respondent id that is plain text, not empty and not
/// given twice; a listed agency; at least one answer; answers about other
/// listed agencies only.
fn tally(
    partnership: &Partnership,
    responses: &[Response],
    place: impl Fn(usize, ResponseField) -> Place,
) -> Result<(Vec<AgencyTally>, PairTally), Error> {
    let agencies = partnership.agencies();
    let mut tallies = vec![AgencyTally::default(); agencies.len()];
    let mut pairs = PairTally::new(agencies.len());
    let mut seen = HashSet::with_capacity(responses.len());
    for (index, response) in responses.iter().enumerate() {
        let respondent = &response.respondent;
        if let Some(character) = control_character(respondent) {
            return Err(Error::ControlCharacter {
                place: place(index, ResponseField::Respondent),
                value: respondent.clone(),
                character,
            });
        }
        if respondent.trim().is_empty() {
            return Err(Error::EmptyRespondent {
                place: place(index, ResponseField::Respondent),
                value: respondent.clone(),
            });
        }
        if !seen.insert(respondent.as_str()) {
            return Err(Error::DuplicateRespondent {
                place: place(index, ResponseField::Respondent),
                respondent: respondent.clone(),
            });
        }
        let own = partnership.index_of(&response.agency);
        let agency = own
            .and_then(|i| tallies.get_mut(i))
            .ok_or_else(|| Error::UnknownAgency {
                place: place(index, ResponseField::Agency),
                respondent: respondent.clone(),
                agency: response.agency.clone(),
                expected: agencies
                    .iter()
                    .map(|a| a.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        if !response.has_answers() {
            return Err(Error::NoRatings {
                place: place(index, ResponseField::Whole),
                respondent: respondent.clone(),
            });
        }
        for (item, rating) in response.facilitators.iter() {
            agency.add(response.role, item, rating);
        }
        for (item, rating) in response.obstacles.iter() {
            agency.add(response.role, item, rating);
        }
        let a = own.unwrap_or_default();
        let other = |key: &String, field: ResponseField| {
            let problem = match partnership.index_of(key) {
                Some(b) if b == a => PartnerProblem::OwnAgency,
                Some(b) => return Ok(b),
                None => PartnerProblem::UnknownAgency {
                    expected: agencies
                        .iter()
                        .map(|a| a.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                },
            };
            Err(Error::Partner {
                field: match place(index, field) {
                    Place::Field(path) => format!("{path}.{key}"),
                    place => place.to_string(),
                },
                respondent: respondent.clone(),
                agency: key.clone(),
                problem,
            })
        };
        for (key, &level) in &response.partners {
            let b = other(key, ResponseField::Partners)?;
            pairs.add_level(a, b, level);
        }
        for (key, &trust) in &response.trust {
            let b = other(key, ResponseField::Trust)?;
            pairs.add_trust(a, b, trust);
        }
        if let Some(count) = pairs.respondents.get_mut(a) {
            *count += 1;
        }
        if let Some(level) = response.perceived_level
            && let Some(count) = pairs.perceived.get_mut(usize::from(level.number()))
        {
            *count += 1;
        }
    }
    Ok((tallies, pairs))
}

/// The document as read, before validation. Fields are read leniently, so
/// that an unknown identifier or a value of the wrong type becomes an
/// [`Error`] naming its respondent or agency.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAssessment<'a> {
    #[serde(borrow)]
    partnership: AnyText<'a>,
    #[serde(default, borrow)]
    assessed_on: Option<Text<'a>>,
    #[serde(borrow)]
    agencies: Vec<RawAgency<'a>>,
    characteristics: Vec<Lenient<Characteristic>>,
    #[serde(default)]
    responses: RawResponses,
}

impl<'a> From<PlainAssessment<'a>> for RawAssessment<'a> {
    fn from(plain: PlainAssessment<'a>) -> Self {
        let text = |value| AnyText(Ok(value));
        RawAssessment {
            partnership: text(plain.partnership),
            assessed_on: plain.assessed_on.map(Text),
            agencies: plain
                .agencies
                .into_iter()
                .map(|agency| RawAgency {
                    id: Some(text(agency.id)),
                    name: Some(text(agency.name)),
                    sector: agency.sector.map(|sector| Lenient(Ok(sector))),
                })
                .collect(),
            characteristics: plain
                .characteristics
                .into_iter()
                .map(|c| Lenient(Ok(c)))
                .collect(),
            responses: RawResponses(Ok(plain.responses)),
        }
    }
}

impl<'a> RawAssessment<'a> {
    /// Reads a document from JSON text: by the plain reader if it can,
    /// else by serde (see `input::plain`). Debug builds read every document
    /// both ways and check that the two agree.
    pub(crate) fn from_json(text: &'a str) -> Result<Self, Error> {
        let bare = text.strip_prefix('\u{feff}').unwrap_or(text);
        let Some(plain) = crate::input::plain::assessment(bare) else {
            return crate::error::json::from_json(text);
        };
        let raw = RawAssessment::from(plain);
        #[cfg(debug_assertions)]
        {
            let by_serde = crate::error::json::from_json::<RawAssessment<'_>>(text)
                .and_then(RawAssessment::validate);
            let plain = crate::input::plain::assessment(bare)
                .map(|plain| RawAssessment::from(plain).validate());
            debug_assert_eq!(plain, Some(by_serde), "the plain reader and serde agree");
        }
        Ok(raw)
    }
}

/// The responses, each checked as soon as it is read (so that the text
/// read for one is not kept, nor moved, while the rest are read), or the
/// first one that breaks a rule. Every response is still read to its end,
/// so that text that is not JSON, or not shaped like a response, is found
/// wherever it is.
pub(crate) struct RawResponses(Result<Vec<Response>, Error>);

impl Default for RawResponses {
    fn default() -> Self {
        RawResponses(Ok(Vec::new()))
    }
}

impl<'de> Deserialize<'de> for RawResponses {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawResponses;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawResponses, A::Error> {
                // Each response checked as it is read, or the first that
                // breaks a rule kept; the rest are still read, for errors
                // of form.
                let mut responses = Ok(Vec::new());
                let mut index = 0;
                while let Some(raw) = seq.next_element::<RawResponse<'_>>()? {
                    if let Ok(list) = &mut responses {
                        match raw.validate(index) {
                            Ok(response) => list.push(response),
                            Err(error) => responses = Err(error),
                        }
                    }
                    index += 1;
                }
                Ok(RawResponses(responses))
            }
        }
        deserializer.deserialize_seq(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAgency<'a> {
    #[serde(borrow)]
    id: Option<AnyText<'a>>,
    #[serde(borrow)]
    name: Option<AnyText<'a>>,
    #[serde(default)]
    sector: Option<Lenient<Sector>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResponse<'a> {
    #[serde(borrow)]
    respondent: Option<AnyText<'a>>,
    #[serde(borrow)]
    agency: Option<AnyText<'a>>,
    role: Option<Lenient<Role>>,
    #[serde(default)]
    facilitators: RawRatings<Facilitator>,
    #[serde(default)]
    obstacles: RawRatings<Obstacle>,
    #[serde(default)]
    partners: RawPartnerMap<PartnerLevel>,
    #[serde(default)]
    trust: RawPartnerMap<Trust>,
    #[serde(default)]
    perceived_level: Option<AnyText<'a>>,
}

/// Text that must be a string: the string, or an error naming the field
/// and its owner.
fn text(
    value: AnyText<'_>,
    field: impl FnOnce() -> String,
    respondent: Option<&String>,
    agency: Option<&String>,
) -> Result<String, Error> {
    value
        .0
        .map(Cow::into_owned)
        .map_err(|found| Error::InvalidType {
            field: field(),
            respondent: respondent.cloned(),
            agency: agency.cloned(),
            found,
            expected: "a string",
        })
}

impl RawAssessment<'_> {
    /// The partnership, checked, and the responses as read (the rules that
    /// hold across responses are checked when they join the partnership).
    pub(crate) fn validate(self) -> Result<(Partnership, Vec<Response>), Error> {
        let partnership = text(self.partnership, || "partnership".to_owned(), None, None)?;
        let assessed_on = match self.assessed_on {
            None => None,
            Some(text) => Some(
                text.as_str()
                    .parse::<Date>()
                    .map_err(|e| Error::InvalidDate {
                        value: e.value().to_owned(),
                    })?,
            ),
        };
        let agencies = self
            .agencies
            .into_iter()
            .enumerate()
            .map(|(index, raw)| {
                let missing = |field, agency: Option<&String>| Error::MissingAgencyField {
                    index,
                    field,
                    agency: agency.cloned(),
                };
                let id = raw.id.ok_or_else(|| missing("id", None))?;
                let id = text(id, || format!("agencies[{index}].id"), None, None)?;
                let name = raw.name.ok_or_else(|| missing("name", Some(&id)))?;
                let name = text(name, || format!("agencies[{index}].name"), None, Some(&id))?;
                let sector = match raw.sector {
                    None => None,
                    Some(Lenient(Ok(sector))) => Some(sector),
                    Some(Lenient(Err(Bad::Unknown(value)))) => {
                        return Err(Error::UnknownSector {
                            index,
                            agency: id,
                            value,
                        });
                    }
                    Some(Lenient(Err(Bad::Type(found)))) => {
                        return Err(Error::InvalidType {
                            field: format!("agencies[{index}].sector"),
                            respondent: None,
                            agency: Some(id),
                            found,
                            expected: "a sector identifier",
                        });
                    }
                };
                Ok(Agency { id, name, sector })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let characteristics = self
            .characteristics
            .into_iter()
            .enumerate()
            .map(|(index, raw)| {
                raw.0.map_err(|bad| match bad {
                    Bad::Unknown(value) => Error::UnknownCharacteristic { index, value },
                    Bad::Type(found) => Error::InvalidType {
                        field: format!("characteristics[{index}]"),
                        respondent: None,
                        agency: None,
                        found,
                        expected: "a characteristic identifier",
                    },
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let responses = self.responses.0?;
        let partnership = Partnership::new(partnership, assessed_on, agencies, characteristics)?;
        Ok((partnership, responses))
    }
}

impl RawResponse<'_> {
    fn validate(self, index: usize) -> Result<Response, Error> {
        let missing = |field, respondent: Option<&String>| Error::MissingResponseField {
            index,
            field,
            respondent: respondent.cloned(),
        };
        let respondent = self.respondent.ok_or_else(|| missing("respondent", None))?;
        let respondent = text(
            respondent,
            || format!("responses[{index}].respondent"),
            None,
            None,
        )?;
        let agency = self
            .agency
            .ok_or_else(|| missing("agency", Some(&respondent)))?;
        let agency = text(
            agency,
            || format!("responses[{index}].agency"),
            Some(&respondent),
            None,
        )?;
        let role = self
            .role
            .ok_or_else(|| missing("role", Some(&respondent)))?;
        let role = match role.0 {
            Ok(role) => role,
            Err(Bad::Unknown(value)) => {
                return Err(Error::UnknownRole {
                    index,
                    respondent,
                    value,
                });
            }
            Err(Bad::Type(found)) => {
                return Err(Error::InvalidType {
                    field: format!("responses[{index}].role"),
                    respondent: Some(respondent),
                    agency: None,
                    found,
                    expected: "a role identifier",
                });
            }
        };
        if let Some(problem) = self.facilitators.problem {
            return Err(rating_error(
                index,
                respondent,
                "facilitators",
                problem,
                |index, respondent, value| Error::UnknownFacilitator {
                    index,
                    respondent,
                    value,
                },
            ));
        }
        if let Some(problem) = self.obstacles.problem {
            return Err(rating_error(
                index,
                respondent,
                "obstacles",
                problem,
                |index, respondent, value| Error::UnknownObstacle {
                    index,
                    respondent,
                    value,
                },
            ));
        }
        let partners = partner_map(index, &respondent, "partners", self.partners)?;
        let trust = partner_map(index, &respondent, "trust", self.trust)?;
        let perceived_level = match self.perceived_level {
            None => None,
            Some(value) => Some(perceived_level(index, &respondent, value)?),
        };
        Ok(Response {
            respondent,
            agency,
            role,
            facilitators: self.facilitators.ratings,
            obstacles: self.obstacles.ratings,
            partners,
            trust,
            perceived_level,
        })
    }
}

/// A perceived level as read, or the error naming its respondent.
fn perceived_level(
    index: usize,
    respondent: &str,
    AnyText(value): AnyText<'_>,
) -> Result<PartnerLevel, Error> {
    let level = match &value {
        Ok(text) => PartnerLevel::ALL
            .into_iter()
            .find(|level| level.id() == text.as_ref()),
        Err(_) => None,
    };
    level.ok_or_else(|| Error::InvalidPerceivedLevel {
        index,
        respondent: respondent.to_owned(),
        value: value.map_or_else(|found| found, |text| format!("{text:?}")),
    })
}

/// A partner map's answers, or the error for its first problem.
fn partner_map<V>(
    index: usize,
    respondent: &str,
    field: &'static str,
    raw: RawPartnerMap<V>,
) -> Result<BTreeMap<String, V>, Error> {
    match raw.problem {
        None => Ok(raw.answers),
        Some(MapProblem::Entry(key, problem)) => Err(Error::Partner {
            field: format!("responses[{index}].{field}.{key}"),
            respondent: respondent.to_owned(),
            agency: key,
            problem,
        }),
        Some(MapProblem::NotAMap(found)) => Err(Error::InvalidType {
            field: format!("responses[{index}].{field}"),
            respondent: Some(respondent.to_owned()),
            agency: None,
            found,
            expected: if field == "partners" {
                "a map from agency id to level"
            } else {
                "a map from agency id to trust"
            },
        }),
    }
}

/// The error for a problem in a ratings map; `unknown` builds the error for
/// an identifier that names no item.
fn rating_error<T: Identifier>(
    index: usize,
    respondent: String,
    field: &'static str,
    problem: RatingProblem<T>,
    unknown: fn(usize, String, String) -> Error,
) -> Error {
    match problem {
        RatingProblem::Unknown(value) => unknown(index, respondent, value),
        RatingProblem::Duplicate(item) => Error::DuplicateRating {
            index,
            respondent,
            field,
            item: item.id(),
        },
        RatingProblem::Invalid(item, value) => Error::InvalidRating {
            index,
            respondent,
            field,
            item: item.id(),
            value,
        },
        RatingProblem::Type(found) => Error::InvalidType {
            field: format!("responses[{index}].{field}"),
            respondent: Some(respondent),
            agency: None,
            found,
            expected: if field == "facilitators" {
                "a map from facilitator identifier to rating"
            } else {
                "a map from obstacle identifier to rating"
            },
        },
    }
}

impl core::str::FromStr for Assessment {
    type Err = Error;

    /// The same as [`Assessment::from_json`].
    fn from_str(text: &str) -> Result<Assessment, Error> {
        Assessment::from_json(text)
    }
}

impl<'de> Deserialize<'de> for Assessment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawAssessment::deserialize(deserializer)?
            .validate()
            .and_then(|(partnership, responses)| partnership.with_responses(responses))
            .map_err(serde::de::Error::custom)
    }
}
