//! Reading documents: an assessment or a partnership from JSON, or from
//! any serde format, with every rule checked. Fields are read leniently, so
//! that a wrong value becomes an [`Error`] that names its respondent or
//! agency. The types read sit below, in `input::assessment` and
//! `input::partnership`.

use std::borrow::Cow;
use std::collections::BTreeMap;

use core::fmt;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::error::json;
use crate::foundation::text::{AnyText, Bad, Lenient, Text};
use crate::input::assessment::{Assessment, Response};
use crate::input::partners::{MapProblem, PartnerLevel, RawPartnerMap, Trust};
use crate::input::partnership::{Agency, Partnership};
use crate::input::rating::{RatingProblem, Ratings, RawRatings, Scalar};
use crate::{Characteristic, Date, Error, Facilitator, Obstacle, Rated, Role, Sector};

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
        json::from_json::<RawAssessment<'_>>(text)?.assessment()
    }

    /// Reads an assessment from JSON bytes, checking every rule: the same
    /// as [`Assessment::from_json`] for a caller that holds bytes (a file
    /// read, a request's body), without converting them to text first. The
    /// bytes must be UTF-8; a byte-order mark before the document is
    /// accepted.
    ///
    /// # Errors
    ///
    /// As [`Assessment::from_json`]; bytes that are not UTF-8 are an
    /// [`Error::Json`] at the string that holds them.
    ///
    /// ```
    /// use interagency::Assessment;
    ///
    /// let bytes: &[u8] = br#"{"partnership": "Northside", "characteristics": [],
    ///   "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
    ///   "responses": [{"respondent": "r1", "agency": "a", "role": "manager",
    ///                  "facilitators": {"leadership": 4}}]}"#;
    /// let assessment = Assessment::from_slice(bytes)?;
    /// assert_eq!(assessment, Assessment::from_json(std::str::from_utf8(bytes).unwrap())?);
    ///
    /// let err = Assessment::from_slice(b"{\"partnership\": \"N\xff\"}").unwrap_err();
    /// assert_eq!(err.to_string(),
    ///     "partnership: invalid unicode code point (line 1, column 19)");
    /// # Ok::<(), interagency::Error>(())
    /// ```
    pub fn from_slice(bytes: &[u8]) -> Result<Assessment, Error> {
        json::from_slice::<RawAssessment<'_>>(bytes)?.assessment()
    }
}

impl Partnership {
    /// Reads a partnership from JSON text: an assessment document without
    /// `responses`. A UTF-8 byte-order mark before it is accepted.
    ///
    /// # Errors
    ///
    /// As [`Assessment::from_json`]; and [`Error::ResponsesTwice`] if the
    /// document lists responses.
    pub fn from_json(text: &str) -> Result<Partnership, Error> {
        json::from_json::<RawAssessment<'_>>(text)?.partnership()
    }

    /// Reads a partnership from JSON bytes: the same as
    /// [`Partnership::from_json`] for a caller that holds bytes.
    ///
    /// # Errors
    ///
    /// As [`Partnership::from_json`]; bytes that are not UTF-8 are an
    /// [`Error::Json`] at the string that holds them.
    ///
    /// ```
    /// use interagency::Partnership;
    ///
    /// let bytes = br#"{"partnership": "Northside", "characteristics": [],
    ///   "agencies": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]}"#;
    /// assert_eq!(Partnership::from_slice(bytes)?.name(), "Northside");
    /// # Ok::<(), interagency::Error>(())
    /// ```
    pub fn from_slice(bytes: &[u8]) -> Result<Partnership, Error> {
        json::from_slice::<RawAssessment<'_>>(bytes)?.partnership()
    }
}

/// The document as read, before validation. Fields are read leniently, so
/// that an unknown identifier or a value of the wrong type becomes an
/// [`Error`] naming its respondent or agency.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(
    expecting = "an assessment document: an object with partnership, agencies and characteristics"
)]
struct RawAssessment<'a> {
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

/// The responses, each checked as soon as it is read (so that the text
/// read for one is not kept, nor moved, while the rest are read), or the
/// first one that breaks a rule. Every response is still read to its end,
/// so that text that is not JSON, or not shaped like a response, is found
/// wherever it is.
struct RawResponses(Result<Vec<Response>, Error>);

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
#[serde(expecting = "an agency: an object with an id and a name")]
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
#[serde(expecting = "a response: an object with respondent, agency, role and answers")]
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
    /// The assessment the document describes, once it obeys every rule.
    fn assessment(self) -> Result<Assessment, Error> {
        let (partnership, responses) = self.validate()?;
        partnership.with_responses(responses)
    }

    /// The partnership of a document that must list no responses.
    fn partnership(self) -> Result<Partnership, Error> {
        let (partnership, responses) = self.validate()?;
        if responses.is_empty() {
            Ok(partnership)
        } else {
            Err(Error::ResponsesTwice {
                count: responses.len(),
            })
        }
    }

    /// The partnership, checked, and the responses as read (the rules that
    /// hold across responses are checked when they join the partnership).
    fn validate(self) -> Result<(Partnership, Vec<Response>), Error> {
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
        let facilitators = ratings(index, &respondent, self.facilitators)?;
        let obstacles = ratings(index, &respondent, self.obstacles)?;
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
            facilitators,
            obstacles,
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
        Ok(text) => PartnerLevel::from_text(text),
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
    match raw.problem.map(|problem| *problem) {
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

/// A ratings map's ratings, or the error for its first problem.
fn ratings<T: Rated>(
    index: usize,
    respondent: &str,
    raw: RawRatings<T>,
) -> Result<Ratings<T>, Error> {
    let Some(problem) = raw.problem else {
        return Ok(raw.ratings);
    };
    let facilitators = T::PLURAL == Facilitator::PLURAL;
    let respondent = respondent.to_owned();
    Err(match *problem {
        RatingProblem::Unknown(value) if facilitators => Error::UnknownFacilitator {
            index,
            respondent,
            value,
        },
        RatingProblem::Unknown(value) => Error::UnknownObstacle {
            index,
            respondent,
            value,
        },
        RatingProblem::Duplicate(item) => Error::DuplicateRating {
            index,
            respondent,
            field: T::PLURAL,
            item: item.id(),
        },
        RatingProblem::Invalid(item, value) => Error::InvalidRating {
            index,
            respondent,
            field: T::PLURAL,
            item: item.id(),
            value,
        },
        RatingProblem::Type(found) => Error::InvalidType {
            field: format!("responses[{index}].{}", T::PLURAL),
            respondent: Some(respondent),
            agency: None,
            found,
            expected: if facilitators {
                "a map from facilitator identifier to rating"
            } else {
                "a map from obstacle identifier to rating"
            },
        },
    })
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
            .assessment()
            .map_err(serde::de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Partnership {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawAssessment::deserialize(deserializer)?
            .partnership()
            .map_err(serde::de::Error::custom)
    }
}

impl core::str::FromStr for Partnership {
    type Err = Error;

    /// The same as [`Partnership::from_json`].
    fn from_str(text: &str) -> Result<Partnership, Error> {
        Partnership::from_json(text)
    }
}
