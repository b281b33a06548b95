//! The assessment: a partnership and its members' responses, and the
//! rules every response obeys whatever format it came in. Documents are
//! read into it by `input::read`.

use std::collections::{BTreeMap, HashSet};
use std::hash::BuildHasher;

use serde::{Deserialize, Serialize};

use crate::error::{PartnerProblem, Place};
use crate::foundation::text::control_character;
use crate::input::partners::{PairTally, PartnerLevel, Trust};
use crate::input::partnership::{Agency, Partnership};
use crate::input::tally::AgencyTally;
use crate::{Characteristic, ConceptSet, Date, Error, Facilitator, Obstacle, Ratings, Role};

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
    /// listed agency and giving at least one answer. May be left out: no
    /// responses yet, or responses read from a survey export.
    #[cfg_attr(feature = "schemars", schemars(default))]
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

impl Partnership {
    /// The assessment of this partnership with these responses, once they
    /// obey every rule: each respondent id plain text, not empty and given
    /// once; each agency listed; at least one rating each.
    ///
    /// # Errors
    ///
    /// The first rule broken, naming the response (`responses[3].agency`),
    /// the respondent and the value.
    pub fn with_responses(self, responses: Vec<Response>) -> Result<Assessment, Error> {
        Assessment::checked(self, responses, ResponseField::in_document)
    }

    /// The assessment with responses from another format, whose errors
    /// name the places `place` gives.
    #[cfg(any(feature = "csv", feature = "xlsx"))]
    pub(crate) fn with_responses_at(
        self,
        responses: Vec<Response>,
        place: impl Fn(usize, ResponseField) -> Place,
    ) -> Result<Assessment, Error> {
        Assessment::checked(self, responses, place)
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
    // The exact check of repeated ids, only where two ids hash alike.
    let mut seen = (!distinct_hashes(responses)).then(|| HashSet::with_capacity(responses.len()));
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
        if let Some(seen) = &mut seen
            && !seen.insert(respondent.as_str())
        {
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

/// Whether the respondents' ids all hash differently, so that no id can be
/// given twice: the hashes are sorted and their neighbours compared. A table
/// of 100,000 ids is reached at random, and made the whole read of such a
/// document a tenth to a seventh slower than sorting the hashes (the
/// performance guide says how it was measured); two ids that hash alike
/// (the same id twice, or a rare collision) send the caller to that table.
fn distinct_hashes(responses: &[Response]) -> bool {
    let state = foldhash::fast::RandomState::default();
    let mut hashes: Vec<u64> = responses
        .iter()
        .map(|response| state.hash_one(response.respondent.as_str()))
        .collect();
    hashes.sort_unstable();
    hashes.windows(2).all(|pair| pair.first() != pair.last())
}
