//! Reading a plan: from a JSON document, or from a file of any kind its
//! bytes tell (`Rubric::plan_from_bytes`, which hands spreadsheets and CSV
//! files to `input/survey`). A document's fields are read leniently, so
//! that a wrong value becomes an error naming its action, then checked by
//! the rules of `input/plan.rs`.

use core::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::error::json;
use crate::foundation::text::{AnyText, describe_scalars};
use crate::input::plan::{
    ActionText, Addresses, Checker, Names, Value, actions_error, field_place, header, item_named,
};
use crate::{Date, Error, GapItem, Plan, PlanProblem, Rubric};

/// The plan in JSON `text`, checked under `rubric`.
pub(crate) fn from_json(text: &str, rubric: &Rubric) -> Result<Plan, Error> {
    json::from_json::<RawPlan<'_>>(text)?.plan(rubric)
}

/// The plan in JSON `bytes`, checked under `rubric`.
pub(crate) fn from_slice(bytes: &[u8], rubric: &Rubric) -> Result<Plan, Error> {
    json::from_slice::<RawPlan<'_>>(bytes)?.plan(rubric)
}

impl Plan {
    /// Reads a plan from JSON text, checking every rule under the default
    /// rubric; [`Rubric::plan_from_json`] checks under another.
    ///
    /// # Errors
    ///
    /// [`Error::Plan`] naming the action, the field and the value of the
    /// first rule broken; [`Error::Json`] for text that is not JSON, or not
    /// shaped like a plan (an unknown field, say).
    pub fn from_json(text: &str) -> Result<Plan, Error> {
        Rubric::DEFAULT.plan_from_json(text)
    }
}

impl Rubric {
    /// Reads a plan from JSON text, checking every rule under this rubric:
    /// an action's items must be ones its tip works on here.
    ///
    /// # Errors
    ///
    /// As [`Plan::from_json`].
    pub fn plan_from_json(&self, text: &str) -> Result<Plan, Error> {
        from_json(text, self)
    }

    /// Reads a plan from a file's bytes, whatever it holds: a plan
    /// document (JSON: the first character other than white space is `{`),
    /// a spreadsheet (`.xlsx`, `.xls`, `.ods`, by its first bytes) or else a
    /// CSV file, as `assess --plan` reads it. A spreadsheet or CSV holds no
    /// partnership nor date: `partnership` and `made_on` are the plan's.
    ///
    /// # Errors
    ///
    /// As [`Rubric::plan_from_json`], `Rubric::plan_from_csv` and
    /// `Rubric::plan_from_spreadsheet` (with the `csv` and `xlsx` features); a spreadsheet or CSV without the
    /// crate's `xlsx` or `csv` feature is an [`Error::Spreadsheet`] saying
    /// so.
    ///
    /// ```
    /// use interagency::Rubric;
    ///
    /// let json = br#"{"partnership": "N", "actions": [{"id": "a1", "tip": "secure_commitment",
    ///   "addresses": [{"obstacle": "time_not_prioritised"}], "status": "done"}]}"#;
    /// let csv = b"Action,Tip,Addresses,Owner,Due,Status\na1,Secure commitment,Time not prioritised,,,Done\n";
    /// let from_json = Rubric::DEFAULT.plan_from_bytes(json, "N", None)?;
    /// # #[cfg(feature = "csv")]
    /// assert_eq!(Rubric::DEFAULT.plan_from_bytes(csv, "N", None)?, from_json);
    /// # Ok::<(), interagency::Error>(())
    /// ```
    pub fn plan_from_bytes(
        &self,
        bytes: &[u8],
        partnership: &str,
        made_on: Option<Date>,
    ) -> Result<Plan, Error> {
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
            return from_slice(bytes, self);
        }
        #[cfg(any(feature = "csv", feature = "xlsx"))]
        if crate::is_spreadsheet(bytes) {
            #[cfg(feature = "xlsx")]
            return self.plan_from_spreadsheet(bytes, partnership, made_on);
            #[cfg(not(feature = "xlsx"))]
            return Err(crate::input::survey::spreadsheet_without_xlsx());
        }
        #[cfg(feature = "csv")]
        return self.plan_from_csv(bytes, partnership, made_on);
        #[cfg(not(feature = "csv"))]
        {
            let _ = (partnership, made_on);
            Err(Error::Spreadsheet {
                message: "a plan other than JSON needs the crate's csv or xlsx feature".to_owned(),
            })
        }
    }
}

/// The document as read, before the checks.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "an action plan: an object with partnership and actions")]
struct RawPlan<'a> {
    #[serde(default, borrow)]
    partnership: Option<AnyText<'a>>,
    #[serde(default, borrow)]
    made_on: Option<AnyText<'a>>,
    #[serde(default, borrow)]
    target: Option<AnyText<'a>>,
    #[serde(default, borrow)]
    actions: Option<Vec<RawAction<'a>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "an action: an object with id, tip and addresses")]
struct RawAction<'a> {
    #[serde(default, borrow)]
    id: Option<AnyText<'a>>,
    #[serde(default, borrow)]
    tip: Option<AnyText<'a>>,
    #[serde(default)]
    addresses: Option<RawItems>,
    #[serde(default, borrow)]
    owner: Option<AnyText<'a>>,
    #[serde(default, borrow)]
    due: Option<AnyText<'a>>,
    #[serde(default, borrow)]
    status: Option<AnyText<'a>>,
    #[serde(default, borrow)]
    note: Option<AnyText<'a>>,
}

/// An action's `addresses` as read: each item, or the text to name it
/// by in an error; or what the value was when not a list.
struct RawItems(Result<Vec<Result<GapItem, String>>, String>);

/// One item as read: `{"kind": "id"}`, or its text for an error.
struct RawItem(Result<GapItem, String>);

impl<'de> Deserialize<'de> for RawItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawItem;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a gap item")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawItem, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, AnyText<'de>>()? {
                    entries.push((key, value.0));
                }
                let text = entries
                    .iter()
                    .map(|(key, value)| match value {
                        Ok(id) => format!("{key}:{id}"),
                        Err(found) => format!("{key}:{found}"),
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                Ok(RawItem(match entries.as_slice() {
                    [(_, Ok(_))] => item_named(&text, Names::Ids).ok_or(text),
                    _ => Err(text),
                }))
            }
            fn visit_str<E>(self, v: &str) -> Result<RawItem, E> {
                Ok(RawItem(Err(v.to_owned())))
            }
            describe_scalars!(RawItem);
        }
        deserializer.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawItems {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawItems;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of gap items")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RawItems, A::Error> {
                let mut items = Vec::new();
                while let Some(RawItem(item)) = seq.next_element::<RawItem>()? {
                    items.push(item);
                }
                Ok(RawItems(Ok(items)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawItems, A::Error> {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(RawItems(Err("a map".to_owned())))
            }
            fn visit_str<E>(self, v: &str) -> Result<RawItems, E> {
                Ok(RawItems(Err(format!("{v:?}"))))
            }
            fn visit_bool<E>(self, v: bool) -> Result<RawItems, E> {
                Ok(RawItems(Err(v.to_string())))
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawItems, E> {
                Ok(RawItems(Err(v.to_string())))
            }
            fn visit_u64<E>(self, v: u64) -> Result<RawItems, E> {
                Ok(RawItems(Err(v.to_string())))
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawItems, E> {
                Ok(RawItems(Err(v.to_string())))
            }
            fn visit_unit<E>(self) -> Result<RawItems, E> {
                Ok(RawItems(Err("null".to_owned())))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// A value read leniently, as the checks take it.
fn value(text: Option<AnyText<'_>>) -> Value<'_> {
    text.map(|t| t.0)
}

impl RawPlan<'_> {
    fn plan(self, rubric: &Rubric) -> Result<Plan, Error> {
        let mut checker = Checker::new(rubric, Names::Ids);
        let (partnership, made_on, target) = header(
            value(self.partnership),
            value(self.made_on),
            value(self.target),
        )?;
        let Some(raw) = self.actions else {
            return Err(actions_error(PlanProblem::Missing));
        };
        if raw.is_empty() {
            return Err(actions_error(PlanProblem::Empty));
        }
        let mut actions = Vec::with_capacity(raw.len());
        for (index, raw) in raw.into_iter().enumerate() {
            let addresses = match raw.addresses {
                None => Addresses::Absent,
                Some(RawItems(Err(found))) => Addresses::NotAList(found),
                Some(RawItems(Ok(items))) => Addresses::Items(items),
            };
            let text = ActionText {
                id: value(raw.id),
                tip: value(raw.tip),
                addresses,
                owner: value(raw.owner),
                due: value(raw.due),
                status: value(raw.status),
                note: value(raw.note),
            };
            actions.push(checker.action(text, &|field, item| field_place(index, field, item))?);
        }
        Ok(Plan {
            partnership,
            made_on,
            target,
            actions,
        })
    }
}

/// Reads a plan with the default rubric's checks, as [`Plan::from_json`].
impl<'de> Deserialize<'de> for Plan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawPlan::deserialize(deserializer)?
            .plan(&Rubric::DEFAULT)
            .map_err(serde::de::Error::custom)
    }
}

impl core::str::FromStr for Plan {
    type Err = Error;

    /// The same as [`Plan::from_json`].
    fn from_str(text: &str) -> Result<Plan, Error> {
        Plan::from_json(text)
    }
}
