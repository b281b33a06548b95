//! Responses read from a spreadsheet (`.xlsx`, `.xls`, `.ods`), as
//! Microsoft Forms and the spreadsheet programs save them.

use std::io::Cursor;
use std::panic::AssertUnwindSafe;

use calamine::{Data, Reader as _};

use crate::error::Place;
use crate::input::survey::{Cell, CsvOptions, Export, Places, Row, read_export, row_name};
use crate::{Assessment, CsvProblem, Error, Partnership};

/// Whether `bytes` look like a spreadsheet rather than text: a zip archive
/// (`.xlsx`, `.ods`) or a compound document (`.xls`), by their first bytes.
///
/// ```
/// assert!(!interagency::is_spreadsheet(b"respondent,agency,role\n"));
/// assert!(interagency::is_spreadsheet(b"PK\x03\x04\x14\x00"));
/// ```
#[must_use]
pub fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(super::compound::SIGNATURE)
}

impl Row for [Data] {
    fn cell(&self, column: usize) -> Cell<'_> {
        match self.get(column) {
            None | Some(Data::Empty) => Cell::Empty,
            Some(Data::String(text)) => Cell::Text(text),
            Some(Data::Float(number)) => Cell::Number(*number),
            #[allow(
                clippy::cast_precision_loss,
                reason = "a rating is a small number; a larger one is no rating either way"
            )]
            Some(Data::Int(number)) => Cell::Number(*number as f64),
            Some(Data::Bool(value)) => Cell::Other(if *value { "TRUE" } else { "FALSE" }.into()),
            Some(Data::DateTime(value)) => Cell::Other(value.to_string()),
            Some(Data::DateTimeIso(text) | Data::DurationIso(text)) => Cell::Other(text.clone()),
            Some(Data::Error(error)) => Cell::Other(error.to_string()),
        }
    }

    fn width(&self) -> usize {
        self.len()
    }
}

/// The name of a cell: its column in letters (`A` … `Z`, `AA` …) and its
/// row from 1.
fn cell_name(column: u32, row: u32) -> String {
    let mut letters = Vec::new();
    let mut n = u64::from(column) + 1;
    while n > 0 {
        let digit = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(digit).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(u64::from(row) + 1).to_string()
}

impl Partnership {
    /// The assessment of this partnership with its responses read from a
    /// spreadsheet: an `.xlsx` workbook (as Microsoft Forms gives its
    /// results), an `.xls` or an `.ods`, recognised from its content.
    ///
    /// The sheet read is the first, or the one `options` names
    /// ([`CsvOptions::sheet`]). It is read as
    /// [`with_responses_from_csv`](Partnership::with_responses_from_csv)
    /// reads a CSV file, layouts, columns and words alike; a number stored
    /// as a number is a rating when it is a whole number from 1 to 5 (`4`
    /// or `4.0`, not `4.5`). Every error names the sheet and the cell, as
    /// `Responses!F7`.
    ///
    /// # Errors
    ///
    /// [`Error::Spreadsheet`] for bytes that are no spreadsheet or a
    /// damaged one, [`Error::UnknownSheet`] for a sheet the workbook does not have,
    /// [`Error::Sheet`] naming the sheet, cell and value for what only a
    /// survey export can get wrong; for a rule every response obeys, its
    /// own error with the sheet and cell as its [`Place`].
    ///
    /// A workbook damaged so that the spreadsheet reader itself panics (as
    /// calamine's `.xls` reader does on some truncated files) gives
    /// [`Error::Spreadsheet`] too: the panic is caught, though the
    /// program's panic hook still prints it. In a build where panics abort
    /// (`panic = "abort"`, WebAssembly) it cannot be caught.
    pub fn with_responses_from_spreadsheet(
        self,
        bytes: impl AsRef<[u8]>,
        options: &CsvOptions,
    ) -> Result<Assessment, Error> {
        let (sheet, range) = open_sheet(bytes.as_ref(), options)?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let cells = Cells { sheet, top, left };
        read_export(self, SheetRows::new(&range), &cells, options)
    }
}

/// The sheet to read and its cells.
///
/// A damaged workbook can make the spreadsheet reader panic rather than
/// return an error (calamine 0.38's `.xls` reader indexes past the end of
/// some truncated files). Such a panic is caught here and reported as
/// [`Error::Spreadsheet`], so that bad input never panics through this
/// crate; the program's panic hook still sees it. Where panics abort
/// (`panic = "abort"`, WebAssembly) it cannot be caught.
fn open_sheet(
    bytes: &[u8],
    options: &CsvOptions,
) -> Result<(String, calamine::Range<Data>), Error> {
    std::panic::catch_unwind(AssertUnwindSafe(|| read_sheet(bytes, options))).unwrap_or_else(
        |payload| {
            let text = payload
                .downcast_ref::<&str>()
                .map(|text| (*text).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            // One line: an assertion's message spans several.
            let reason = text
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join("; ");
            let reason = if reason.is_empty() {
                "it gave no reason".to_owned()
            } else {
                reason
            };
            Err(Error::Spreadsheet {
                message: format!("it is damaged (the reader failed: {reason})"),
            })
        },
    )
}

/// [`open_sheet`] with no guard against the reader's panics.
fn read_sheet(
    bytes: &[u8],
    options: &CsvOptions,
) -> Result<(String, calamine::Range<Data>), Error> {
    super::compound::check(bytes).map_err(|damage| Error::Spreadsheet {
        message: damage.to_string(),
    })?;
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Error::Spreadsheet {
            message: e.to_string(),
        }
    })?;
    let names = workbook.sheet_names();
    let sheet = match options.sheet_name() {
        None => names.first().cloned().ok_or_else(|| Error::Spreadsheet {
            message: "it has no sheet".to_owned(),
        })?,
        Some(wanted) => names
            .iter()
            .find(|name| name.as_str() == wanted)
            .or_else(|| names.iter().find(|name| super::same(name, wanted)))
            .cloned()
            .ok_or_else(|| Error::UnknownSheet {
                sheet: wanted.to_owned(),
                available: names
                    .iter()
                    .map(|name| format!("{name:?}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            })?,
    };
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|e| Error::Spreadsheet {
            message: e.to_string(),
        })?;
    Ok((sheet, range))
}

/// The rows of a sheet, by their index from 0.
struct SheetRows<'a> {
    range: &'a calamine::Range<Data>,
    rows: calamine::Rows<'a, Data>,
    next: u64,
}

impl<'a> SheetRows<'a> {
    fn new(range: &'a calamine::Range<Data>) -> Self {
        SheetRows {
            range,
            rows: range.rows(),
            next: 0,
        }
    }
}

impl Export for SheetRows<'_> {
    type Row<'r>
        = &'r [Data]
    where
        Self: 'r;

    fn next(&mut self) -> Option<Result<(&[Data], u64), Error>> {
        let row = self.rows.next()?;
        let at = self.next;
        self.next += 1;
        Some(Ok((row, at)))
    }

    fn rewind(&mut self) {
        *self = SheetRows::new(self.range);
    }
}

/// Rows of a sheet are named by their cells: the sheet's name, and where
/// its table starts.
struct Cells {
    sheet: String,
    top: u32,
    left: u32,
}

impl Cells {
    /// The name of `column` of the row at `row` of the table.
    fn at(&self, row: u64, column: Option<usize>) -> String {
        let column = u32::try_from(column.unwrap_or(0)).unwrap_or(u32::MAX);
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        cell_name(
            self.left.saturating_add(column),
            self.top.saturating_add(row),
        )
    }
}

impl Places for Cells {
    fn first(&self) -> u64 {
        0
    }

    fn unnamed(&self, row: u64) -> String {
        row_name(u64::from(self.top) + row + 1)
    }

    fn error(
        &self,
        row: u64,
        column: Option<usize>,
        label: Option<String>,
        problem: CsvProblem,
    ) -> Error {
        Error::Sheet {
            sheet: self.sheet.clone(),
            cell: self.at(row, column),
            column: label,
            problem,
        }
    }

    fn place(&self, row: u64, column: Option<usize>, _: Option<String>) -> Place {
        Place::Cell {
            sheet: self.sheet.clone(),
            cell: self.at(row, column),
        }
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, reason = "a test fails by panicking")]
mod tests {
    use calamine::Data;

    use super::cell_name;
    use crate::input::survey::{Cell, Row};

    #[test]
    fn cells_of_a_sheet() {
        let row = [
            Data::Empty,
            Data::String("  ".into()),
            Data::Float(4.0),
            Data::Int(3),
            Data::Bool(true),
        ];
        assert!(row[..2].is_blank());
        assert!(!row[..3].is_blank());
        assert!(!row[4..].is_blank());
        assert_eq!(row.cell(1), Cell::Text("  "));
        assert_eq!(row.cell(2), Cell::Number(4.0));
        assert_eq!(row.cell(3), Cell::Number(3.0));
        assert_eq!(row.cell(4), Cell::Other("TRUE".into()));
        assert_eq!(row.cell(9), Cell::Empty);
        assert_eq!(row.width(), 5);
        assert_eq!(row.texts(), ["", "", "4", "3", "TRUE"]);
    }

    #[test]
    fn cells_as_a_spreadsheet_names_them() {
        for (column, row, name) in [
            (0, 0, "A1"),
            (25, 6, "Z7"),
            (26, 0, "AA1"),
            (27, 9, "AB10"),
            (51, 0, "AZ1"),
            (52, 0, "BA1"),
            (701, 0, "ZZ1"),
            (702, 0, "AAA1"),
        ] {
            assert_eq!(cell_name(column, row), name);
        }
    }
}
