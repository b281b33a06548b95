//! A partnership: its name, the date of its assessment, its agencies and
//! the arrangements it has in place, and the rules they obey. Responses,
//! from a document or a survey export, join it to make an
//! [`Assessment`](crate::Assessment).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::Place;
use crate::foundation::text::control_character;
use crate::{Characteristic, ConceptSet, Date, Error, Sector};

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

/// A partnership as an assessment describes it, before any response: its
/// name, the date of the assessment, its agencies and the arrangements it
/// has in place.
///
/// Its JSON is an assessment document without `responses`. Responses join
/// it through [`Partnership::with_responses`], or from a survey tool's
/// export (`Partnership::with_responses_from_csv`, with the `csv` feature);
/// either way they are checked by the same rules.
///
/// ```
/// use interagency::{Agency, Characteristic, Facilitator, Partnership, Rating, Response, Role};
///
/// let partnership = Partnership::new(
///     "Northside",
///     None,
///     vec![Agency::new("cfa", "Child and Family Agency"), Agency::new("hse", "Community Health")],
///     [Characteristic::ConsistentGoals],
/// )?;
/// let mut response = Response::new("r1", "cfa", Role::Manager);
/// response.facilitators.insert(Facilitator::GoodCommunication, Rating::new(4).unwrap());
/// let assessment = partnership.clone().with_responses(vec![response])?;
/// assert_eq!(assessment.responses().len(), 1);
///
/// let stray = Response::new("r2", "garda", Role::Manager);
/// let err = partnership.with_responses(vec![stray]).unwrap_err();
/// assert_eq!(err.to_string(),
///     "responses[0].agency: respondent \"r2\" names agency \"garda\", which is not among the agencies (cfa, hse)");
/// # Ok::<(), interagency::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Partnership {
    /// The partnership's name; not empty.
    #[serde(rename = "partnership")]
    #[cfg_attr(
        feature = "schemars",
        schemars(length(min = 1), regex(pattern = r"\S"))
    )]
    name: String,
    /// The date of the assessment, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(default))]
    assessed_on: Option<Date>,
    /// The agencies: at least two, with distinct ids.
    #[cfg_attr(feature = "schemars", schemars(length(min = 2)))]
    agencies: Vec<Agency>,
    /// The arrangements the partnership has in place, each listed once.
    characteristics: ConceptSet<Characteristic>,
    /// Each agency id's position in `agencies`.
    #[serde(skip)]
    #[cfg_attr(feature = "schemars", schemars(skip))]
    index: HashMap<String, usize>,
}

impl Partnership {
    /// A partnership, once it obeys every rule: a name with some text, at
    /// least two agencies with distinct ids, names and ids as plain text on
    /// one line, and each characteristic listed once.
    ///
    /// # Errors
    ///
    /// The first rule broken, naming the field and the value.
    ///
    /// ```
    /// use interagency::{Agency, Partnership};
    ///
    /// let err = Partnership::new("Northside", None, vec![Agency::new("cfa", "CFA")], [])
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "agencies: at least two agencies are needed, got 1");
    /// ```
    pub fn new(
        name: impl Into<String>,
        assessed_on: Option<Date>,
        agencies: Vec<Agency>,
        characteristics: impl IntoIterator<Item = Characteristic>,
    ) -> Result<Partnership, Error> {
        let name = name.into();
        if name.trim().is_empty() {
            return Err(Error::EmptyPartnership { value: name });
        }
        plain_text(&name, || "partnership".to_owned())?;
        for (index, agency) in agencies.iter().enumerate() {
            plain_text(&agency.id, || format!("agencies[{index}].id"))?;
            plain_text(&agency.name, || format!("agencies[{index}].name"))?;
        }
        let index = agency_index(&agencies)?;
        let mut set = ConceptSet::new();
        for (index, characteristic) in characteristics.into_iter().enumerate() {
            if !set.insert(characteristic) {
                return Err(Error::DuplicateCharacteristic {
                    index,
                    characteristic,
                });
            }
        }
        Ok(Partnership {
            name,
            assessed_on,
            agencies,
            characteristics: set,
            index,
        })
    }

    /// The partnership's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The date of the assessment, if given.
    #[must_use]
    pub fn assessed_on(&self) -> Option<Date> {
        self.assessed_on
    }

    /// The agencies, as listed.
    #[must_use]
    pub fn agencies(&self) -> &[Agency] {
        &self.agencies
    }

    /// The arrangements in place.
    #[must_use]
    pub fn characteristics(&self) -> ConceptSet<Characteristic> {
        self.characteristics
    }

    /// The position of the agency with this id: by comparing ids for a
    /// partnership of a few agencies (cheaper than hashing), by the index
    /// beyond.
    pub(crate) fn index_of(&self, id: &str) -> Option<usize> {
        if self.agencies.len() <= 16 {
            self.agencies.iter().position(|a| a.id == id)
        } else {
            self.index.get(id).copied()
        }
    }
}

/// Rejects a name or id with a control character: a newline or a tab in a
/// name would break the lines of a report.
fn plain_text(value: &str, field: impl FnOnce() -> String) -> Result<(), Error> {
    match control_character(value) {
        None => Ok(()),
        Some(character) => Err(Error::ControlCharacter {
            place: Place::Field(field()),
            value: value.to_owned(),
            character,
        }),
    }
}

/// Maps each agency id to its position, checking the agency rules.
fn agency_index(agencies: &[Agency]) -> Result<HashMap<String, usize>, Error> {
    if agencies.len() < 2 {
        return Err(Error::TooFewAgencies {
            count: agencies.len(),
        });
    }
    let mut index_of = HashMap::with_capacity(agencies.len());
    for (index, agency) in agencies.iter().enumerate() {
        if agency.id.trim().is_empty() {
            return Err(Error::EmptyAgencyId {
                index,
                value: agency.id.clone(),
            });
        }
        if index_of.insert(agency.id.clone(), index).is_some() {
            return Err(Error::DuplicateAgency {
                index,
                agency: agency.id.clone(),
            });
        }
    }
    Ok(index_of)
}
