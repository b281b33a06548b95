//! Action plans kept in a spreadsheet or a CSV file: one action a row,
//! under the columns `Action`, `Tip`, `Addresses`, `Owner`, `Due`,
//! `Status` (and `Note`), read through the survey reader's rows and
//! places and checked as a plan document is.

use std::borrow::Cow;

use crate::error::Place;
use crate::error::PlanError;
use crate::input::plan::{Action, ActionText, Addresses, Checker, Names, Value};
use crate::input::survey::{Cell, Export, Places, Row, same};
use crate::{Date, Error, Plan, PlanProblem, Rubric};

/// The columns of a plan, by header, and the field each holds.
const COLUMNS: [(&str, &str); 7] = [
    ("Action", "id"),
    ("Tip", "tip"),
    ("Addresses", "addresses"),
    ("Owner", "owner"),
    ("Due", "due"),
    ("Status", "status"),
    ("Note", "note"),
];

/// The columns a plan must have: all but `Note`.
const REQUIRED: usize = 6;

/// The header of the column that holds `field`.
fn header_of(field: &str) -> &'static str {
    COLUMNS
        .iter()
        .find(|(_, f)| *f == field)
        .map_or("", |(header, _)| header)
}

/// The date an Excel serial number stands for (days since 1899-12-30, the
/// epoch spreadsheets count from), when it is a whole number of days.
fn excel_date(serial: f64) -> Option<Date> {
    if !(1.0..=2_958_465.0).contains(&serial) || serial.fract() != 0.0 {
        return None;
    }
    // Days from 1970-01-01 (serial 25569), then the civil date (Howard
    // Hinnant's algorithm).
    #[allow(
        clippy::cast_possible_truncation,
        reason = "a whole number within the range checked above"
    )]
    let days = serial as i64 - 25_569;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

/// A cell as a plan's value: empty is absent; a number in a spreadsheet's
/// date column is the date it stands for.
fn value(cell: Cell<'_>, date: bool) -> Value<'_> {
    if cell.is_empty() {
        return None;
    }
    if date {
        let serial = match &cell {
            Cell::Number(n) => Some(*n),
            Cell::Other(text) => text.parse::<f64>().ok(),
            Cell::Empty | Cell::Text(_) => None,
        };
        if let Some(date) = serial.and_then(excel_date) {
            return Some(Ok(Cow::Owned(date.to_string())));
        }
    }
    Some(Ok(match cell {
        Cell::Text(text) => Cow::Borrowed(super::trim(text)),
        other => Cow::Owned(other.text().into_owned()),
    }))
}

/// The plan of `partnership` (made on `made_on`) whose actions are the
/// rows of `export`, checked under `rubric`.
pub(super) fn read_plan(
    mut export: impl Export,
    places: &impl Places,
    rubric: &Rubric,
    partnership: &str,
    made_on: Option<Date>,
) -> Result<Plan, Error> {
    let mut checker = Checker::new(rubric, Names::IdsOrNames);
    let partnership = Checker::partnership(Some(Ok(Cow::Borrowed(partnership))))?;
    let (columns, header_at) = header(&mut export, places)?;
    let column = |field: &str| -> Option<usize> {
        COLUMNS
            .iter()
            .position(|(_, f)| *f == field)
            .and_then(|k| columns.get(k).copied().flatten())
    };
    let mut actions: Vec<Action> = Vec::new();
    while let Some(row) = export.next() {
        let (row, at) = row?;
        if row.is_blank() {
            continue;
        }
        let cell = |field: &str| column(field).map_or(Cell::Empty, |c| row.cell(c));
        let raw = ActionText {
            id: value(cell("id"), false),
            tip: value(cell("tip"), false),
            addresses: match value(cell("addresses"), false) {
                None => Addresses::Absent,
                Some(Ok(text)) => Addresses::Text(text),
                Some(Err(found)) => Addresses::NotAList(found),
            },
            owner: value(cell("owner"), false),
            due: value(cell("due"), true),
            status: value(cell("status"), false),
            note: value(cell("note"), false),
        };
        let place_of = |field: &'static str, _: Option<usize>| {
            let c = column(field);
            places.place(at, c, c.map(|_| header_of(field).to_owned()))
        };
        actions.push(checker.action(raw, &place_of)?);
    }
    if actions.is_empty() {
        return Err(plan_error(
            places.place(header_at, None, None),
            "actions",
            String::new(),
            PlanProblem::Empty,
        ));
    }
    Ok(Plan {
        partnership,
        made_on,
        target: None,
        actions,
    })
}

/// An error of a plan's table, in no action.
fn plan_error(place: Place, field: &'static str, value: String, problem: PlanProblem) -> Error {
    Error::Plan(Box::new(PlanError {
        place,
        action: None,
        field,
        value,
        problem,
    }))
}

/// The column of each field of a plan, from the export's first row, and
/// where that row is.
fn header(
    export: &mut impl Export,
    places: &impl Places,
) -> Result<([Option<usize>; COLUMNS.len()], u64), Error> {
    let (header, header_at) = match export.next() {
        None => {
            return Err(plan_error(
                places.place(places.first(), None, None),
                "actions",
                String::new(),
                PlanProblem::Empty,
            ));
        }
        Some(row) => {
            let (row, at) = row?;
            (row.texts(), at)
        }
    };
    let mut columns: [Option<usize>; COLUMNS.len()] = [None; COLUMNS.len()];
    for (c, text) in header.iter().enumerate() {
        if text.trim().is_empty() {
            continue;
        }
        let place = || places.place(header_at, Some(c), Some(text.clone()));
        let unknown = || plan_error(place(), "column", text.clone(), PlanProblem::UnknownColumn);
        let k = COLUMNS
            .iter()
            .position(|(name, _)| same(name, text))
            .ok_or_else(unknown)?;
        let slot = columns.get_mut(k).ok_or_else(unknown)?;
        if slot.is_some() {
            return Err(plan_error(
                place(),
                "column",
                text.clone(),
                PlanProblem::Duplicate,
            ));
        }
        *slot = Some(c);
    }
    for (k, (name, field)) in COLUMNS.iter().enumerate().take(REQUIRED) {
        if columns.get(k).copied().flatten().is_none() {
            return Err(plan_error(
                places.place(header_at, None, Some((*name).to_owned())),
                field,
                String::new(),
                PlanProblem::Missing,
            ));
        }
    }
    Ok((columns, header_at))
}

impl Rubric {
    /// Reads a plan kept in a CSV file, one action a row under the columns
    /// `Action` (its id), `Tip`, `Addresses` (items separated by `;`, each
    /// `facilitator:ID`, `obstacle:ID`, `characteristic:ID` or the item's
    /// name), `Owner`, `Due` (`YYYY-MM-DD`), `Status` and, if wanted,
    /// `Note`; tips, items and statuses by id or name, in any case. The
    /// file holds no partnership nor date: they are given (`assess --plan`
    /// takes the later round's). Every rule of a plan is checked under
    /// this rubric.
    ///
    /// Available with the `csv` feature.
    ///
    /// # Errors
    ///
    /// [`Error::Plan`] naming the line and column, the action, the field
    /// and the value of the first rule broken; [`Error::Export`] for a row
    /// that is not well-formed CSV.
    ///
    /// ```
    /// use interagency::{ActionStatus, Rubric};
    ///
    /// let csv = "Action,Tip,Addresses,Owner,Due,Status\n\
    ///            a1,Develop open communication,Trust and openness; obstacle:conflict,Hub manager,2026-09-30,started\n";
    /// let plan = Rubric::DEFAULT.plan_from_csv(csv.as_bytes(), "Northgate", None)?;
    /// assert_eq!(plan.actions[0].addresses.len(), 2);
    /// assert_eq!(plan.actions[0].status, ActionStatus::Started);
    ///
    /// let bad = "Action,Tip,Addresses,Owner,Due,Status\na1,Develop open communication,Trust and openness,,2026-02-30,planned\n";
    /// let err = Rubric::DEFAULT.plan_from_csv(bad.as_bytes(), "Northgate", None).unwrap_err();
    /// assert_eq!(err.to_string(),
    ///     "line 2, column Due: action \"a1\", due \"2026-02-30\": is not a real date in YYYY-MM-DD form");
    /// # Ok::<(), interagency::Error>(())
    /// ```
    #[cfg(feature = "csv")]
    pub fn plan_from_csv(
        &self,
        data: &[u8],
        partnership: &str,
        made_on: Option<Date>,
    ) -> Result<Plan, Error> {
        use super::csv::{Lines, Records, delimiter};
        let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
        read_plan(
            Records::new(data, delimiter(data)),
            &Lines,
            self,
            partnership,
            made_on,
        )
    }

    /// Reads a plan kept in a spreadsheet (`.xlsx`, `.xls`, `.ods`; its
    /// first sheet), laid out as [`Rubric::plan_from_csv`] says; a due date
    /// may be a date cell.
    ///
    /// Available with the `xlsx` feature.
    ///
    /// # Errors
    ///
    /// [`Error::Plan`] naming the cell, the action, the field and the value
    /// of the first rule broken; [`Error::Spreadsheet`] for a file that is
    /// not a spreadsheet this crate reads.
    #[cfg(feature = "xlsx")]
    pub fn plan_from_spreadsheet(
        &self,
        bytes: &[u8],
        partnership: &str,
        made_on: Option<Date>,
    ) -> Result<Plan, Error> {
        use super::sheet::{Cells, SheetRows, open_sheet};
        let (sheet, mut cells) = open_sheet(bytes, &super::SurveyOptions::new())?;
        let rows = SheetRows::new(&mut cells);
        let places = Cells {
            sheet,
            top: rows.top,
            left: rows.left,
        };
        read_plan(rows, &places, self, partnership, made_on)
    }
}

#[cfg(test)]
mod tests {
    use super::excel_date;
    use crate::Date;

    #[test]
    fn excel_serials_are_the_dates_spreadsheets_show() {
        assert_eq!(excel_date(46_295.0), Date::new(2026, 9, 30));
        assert_eq!(excel_date(25_569.0), Date::new(1970, 1, 1));
        assert_eq!(excel_date(61.0), Date::new(1900, 3, 1));
        assert_eq!(excel_date(46_295.5), None);
        assert_eq!(excel_date(0.0), None);
        // February, a leap day, the leap day of a year divisible by 400
        // (2000), the end of February in 2100 (not a leap year) and the last
        // day a spreadsheet can hold.
        assert_eq!(excel_date(46_068.0), Date::new(2026, 2, 15));
        assert_eq!(excel_date(45_351.0), Date::new(2024, 2, 29));
        assert_eq!(excel_date(36_585.0), Date::new(2000, 2, 29));
        assert_eq!(excel_date(73_109.0), Date::new(2100, 2, 28));
        assert_eq!(excel_date(73_110.0), Date::new(2100, 3, 1));
        assert_eq!(excel_date(2_958_465.0), Date::new(9999, 12, 31));
        assert_eq!(excel_date(2_958_466.0), None);
    }
}
