//! Responses read from a spreadsheet (`.xlsx`, `.xls`, `.ods`), as
//! Microsoft Forms and the spreadsheet programs save them.

use std::io::Cursor;
use std::panic::AssertUnwindSafe;

use calamine::{Data, Reader as _};

use crate::error::Place;
use crate::input::survey::collected::ReadExport;
use crate::input::survey::{Cell, Export, Places, Row, SurveyOptions, read_export, row_name};
use crate::{Assessment, Error, Partnership};

/// The most cells read from one sheet of an `.xls` or `.ods`, which the
/// reader holds whole: 16 million, about 900 MB (a value and a formula for
/// each). A survey of 100,000 responses with 160 columns fits.
pub(super) const MOST_CELLS: u64 = 16_000_000;

/// A cell's value as the survey reader sees it.
fn cell_of(data: &Data) -> Cell<'_> {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::Text(text),
        Data::Float(number) => Cell::Number(*number),
        #[allow(
            clippy::cast_precision_loss,
            reason = "a rating is a small number; a larger one is no rating either way"
        )]
        Data::Int(number) => Cell::Number(*number as f64),
        Data::Bool(value) => Cell::Other(if *value { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(value) => Cell::Other(value.to_string()),
        Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Other(text.clone()),
        Data::Error(error) => Cell::Other(error.to_string()),
    }
}

/// A cell that holds a value, with its place in the sheet: (row, column)
/// from 0.
pub(super) type Placed = ((u32, u32), Data);

/// One row of a sheet: the cells of it that hold a value, in column order.
/// A row is held by its cells alone, so that a cell far off to the right
/// costs no more than one nearby.
#[derive(Clone, Copy)]
pub(super) struct SheetRow<'a> {
    cells: &'a [Placed],
    /// The sheet's first column, which is column 0 of every row.
    left: u32,
}

impl SheetRow<'_> {
    /// The value in `column` (from the sheet's first), if one is there.
    fn get(&self, column: usize) -> Option<&Data> {
        let column = u32::try_from(column)
            .ok()
            .and_then(|c| c.checked_add(self.left))?;
        // Rows are usually filled from their first column: look there
        // first, then search.
        let first = self.cells.first()?.0.1;
        let guess = column
            .checked_sub(first)
            .and_then(|k| usize::try_from(k).ok())
            .and_then(|k| self.cells.get(k));
        match guess {
            Some((at, data)) if at.1 == column => Some(data),
            _ => self
                .cells
                .binary_search_by_key(&column, |(at, _)| at.1)
                .ok()
                .and_then(|k| self.cells.get(k))
                .map(|(_, data)| data),
        }
    }
}

impl Row for SheetRow<'_> {
    fn cell(&self, column: usize) -> Cell<'_> {
        self.get(column).map_or(Cell::Empty, cell_of)
    }

    fn width(&self) -> usize {
        self.cells.last().map_or(0, |((_, column), _)| {
            usize::try_from(column.saturating_sub(self.left)).map_or(usize::MAX, |w| w + 1)
        })
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(|(_, data)| cell_of(data).is_empty())
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
    /// Available with the `xlsx` feature.
    ///
    /// The sheet read is the first, or the one `options` names
    /// ([`SurveyOptions::sheet`]). It is read as
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
    /// [`Error::Export`] naming the sheet, cell and value for what only a
    /// survey export can get wrong; for a rule every response obeys, its
    /// own error with the sheet and cell as its [`Place`].
    ///
    /// A workbook damaged so that the spreadsheet reader itself panics (as
    /// calamine's `.xls` reader does on some truncated files) gives
    /// [`Error::Spreadsheet`] too: the panic is caught, though the
    /// program's panic hook still prints it. In a build where panics abort
    /// (`panic = "abort"`, WebAssembly) it cannot be caught.
    ///
    /// # Memory
    ///
    /// An `.xlsx` sheet is read cell by cell, and memory grows with the
    /// cells that hold a value, wherever they are: a note in cell
    /// `XFD1048576` costs what one in `H2` does. An `.xls` or `.ods` sheet
    /// is read whole, as the rectangle from its first value to its last.
    /// An `.xls` whose container loops, or whose sheet claims more than the
    /// format's 65,536 by 256 cells, or whose values span more than 16
    /// million cells, is refused before it is read.
    /// An `.ods` sheet may repeat an empty row a million times before a
    /// value, each repeat a row of the rectangle: every sheet is measured
    /// before it is read, and one that would take more than 16 million
    /// cells (about 900 MB) is refused, naming the sheet. A survey of
    /// 100,000 responses with 160 columns fits.
    pub fn with_responses_from_spreadsheet(
        self,
        bytes: impl AsRef<[u8]>,
        options: &SurveyOptions,
    ) -> Result<Assessment, Error> {
        read_spreadsheet(self, bytes.as_ref(), options).map(|read| read.assessment)
    }
}

/// The assessment of `partnership` with its responses read from `bytes`,
/// a spreadsheet, with the rows left out.
pub(crate) fn read_spreadsheet(
    partnership: Partnership,
    bytes: &[u8],
    options: &SurveyOptions,
) -> Result<ReadExport, Error> {
    let (sheet, mut cells) = open_sheet(bytes, options)?;
    let rows = SheetRows::new(&mut cells);
    let places = Cells {
        sheet,
        top: rows.top,
        left: rows.left,
    };
    read_export(partnership, rows, &places, options)
}

/// The sheet to read and its cells.
///
/// A damaged workbook can make the spreadsheet reader panic rather than
/// return an error (calamine 0.38's `.xls` reader indexes past the end of
/// some truncated files). Such a panic is caught here and reported as
/// [`Error::Spreadsheet`], so that bad input never panics through this
/// crate; the program's panic hook still sees it. Where panics abort
/// (`panic = "abort"`, WebAssembly) it cannot be caught.
pub(super) fn open_sheet(
    bytes: &[u8],
    options: &SurveyOptions,
) -> Result<(String, Vec<Placed>), Error> {
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
fn read_sheet(bytes: &[u8], options: &SurveyOptions) -> Result<(String, Vec<Placed>), Error> {
    // An `.xls` is read from a container written afresh, once checked.
    let copy = super::xls::workbook(bytes).map_err(|damage| Error::Spreadsheet {
        message: damage.to_string(),
    })?;
    let bytes = copy.as_deref().unwrap_or(bytes);
    super::opendocument::check(bytes).map_err(|large| Error::Spreadsheet {
        message: large.to_string(),
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
    let unreadable = |e: &dyn std::fmt::Display| Error::Spreadsheet {
        message: e.to_string(),
    };
    let mut cells = Vec::new();
    if let calamine::Sheets::Xlsx(xlsx) = &mut workbook {
        // A workbook's cells one by one: a sheet as a whole would be a
        // rectangle from its first cell to its last, and one value in the
        // sheet's far corner (XFD1048576) would make it 17 billion cells.
        match xlsx.worksheet_cells_reader(&sheet) {
            Ok(mut reader) => {
                while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
                    if !matches!(cell.get_value(), calamine::DataRef::Empty) {
                        cells.push((cell.get_position(), Data::from(cell.get_value().clone())));
                    }
                }
            }
            // A chart sheet has no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => {}
            Err(e) => return Err(unreadable(&e)),
        }
    } else {
        // `.xls` and `.ods` sheets are read whole by calamine.
        let range = workbook
            .worksheet_range(&sheet)
            .map_err(|e| unreadable(&e))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        cells.extend(range.used_cells().filter_map(|(row, column, data)| {
            let row = top.checked_add(u32::try_from(row).ok()?)?;
            let column = left.checked_add(u32::try_from(column).ok()?)?;
            Some(((row, column), data.clone()))
        }));
    }
    Ok((sheet, cells))
}

/// The rows of a sheet that hold a value, each with its index from the
/// sheet's first such row.
pub(super) struct SheetRows<'a> {
    cells: &'a [Placed],
    /// Where each row's cells start in `cells`, and where the last ends.
    starts: Vec<usize>,
    /// The row and column of the sheet's first cell with a value.
    pub(super) top: u32,
    pub(super) left: u32,
    next: usize,
}

impl<'a> SheetRows<'a> {
    /// The rows of `cells`, sorted here by row and column; of two values
    /// given for one cell, the later is kept, as a sheet shows it.
    pub(super) fn new(cells: &'a mut Vec<Placed>) -> Self {
        cells.sort_by_key(|(at, _)| *at);
        cells.reverse();
        cells.dedup_by_key(|(at, _)| *at);
        cells.reverse();
        let mut starts: Vec<usize> = (0..cells.len())
            .filter(|&k| k == 0 || cells.get(k - 1).map(|c| c.0.0) != cells.get(k).map(|c| c.0.0))
            .collect();
        starts.push(cells.len());
        let top = cells.first().map_or(0, |(at, _)| at.0);
        let left = cells.iter().map(|(at, _)| at.1).min().unwrap_or(0);
        SheetRows {
            cells,
            starts,
            top,
            left,
            next: 0,
        }
    }
}

impl Export for SheetRows<'_> {
    type Row<'r>
        = SheetRow<'r>
    where
        Self: 'r;

    fn next(&mut self) -> Option<Result<(SheetRow<'_>, u64), Error>> {
        let start = *self.starts.get(self.next)?;
        let end = *self.starts.get(self.next + 1)?;
        self.next += 1;
        let cells = self.cells.get(start..end)?;
        let row = cells.first()?.0.0;
        Some(Ok((
            SheetRow {
                cells,
                left: self.left,
            },
            u64::from(row.saturating_sub(self.top)),
        )))
    }

    fn rewind(&mut self) {
        self.next = 0;
    }
}

/// Rows of a sheet are named by their cells: the sheet's name, and where
/// its table starts.
pub(super) struct Cells {
    pub(super) sheet: String,
    pub(super) top: u32,
    pub(super) left: u32,
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

    /// A cell names its column; a place in no column (a missing column,
    /// or a whole row) is named by the row's first cell, with the header
    /// of the column when there is one.
    fn place(&self, row: u64, column: Option<usize>, label: Option<String>) -> Place {
        Place::Cell {
            sheet: self.sheet.clone(),
            cell: self.at(row, column),
            column: if column.is_none() { label } else { None },
        }
    }
}

#[cfg(test)]
mod tests {
    use calamine::Data;

    use super::{SheetRow, SheetRows, cell_name};
    use crate::input::survey::{Cell, Export, Row};

    #[test]
    fn cells_of_a_sheet() {
        let cells = [
            ((4, 1), Data::String("  ".into())),
            ((4, 2), Data::Float(4.0)),
            ((4, 3), Data::Int(3)),
            ((4, 4), Data::Bool(true)),
        ];
        // The sheet's first column is column 1 (B): B is column 0 of a row.
        let row = SheetRow {
            cells: &cells,
            left: 1,
        };
        assert!(!row.is_blank());
        assert!(
            SheetRow {
                cells: &cells[..1],
                left: 1
            }
            .is_blank()
        );
        assert!(
            SheetRow {
                cells: &[],
                left: 1
            }
            .is_blank()
        );
        assert_eq!(row.cell(0), Cell::Text("  "));
        assert_eq!(row.cell(1), Cell::Number(4.0));
        assert_eq!(row.cell(2), Cell::Number(3.0));
        assert_eq!(row.cell(3), Cell::Other("TRUE".into()));
        assert_eq!(row.cell(9), Cell::Empty);
        assert_eq!(row.width(), 4);
        assert_eq!(row.texts(), ["", "4", "3", "TRUE"]);
        // A row with gaps, and a cell far to the right: found by search.
        let cells = [
            ((0, 2), Data::Int(1)),
            ((0, 5), Data::Int(2)),
            ((0, 16_383), Data::Int(3)),
        ];
        let row = SheetRow {
            cells: &cells,
            left: 0,
        };
        assert_eq!(row.cell(2), Cell::Number(1.0));
        assert_eq!(row.cell(3), Cell::Empty);
        assert_eq!(row.cell(5), Cell::Number(2.0));
        assert_eq!(row.cell(16_383), Cell::Number(3.0));
        assert_eq!(row.cell(16_384), Cell::Empty);
        assert_eq!(row.cell(0), Cell::Empty);
        assert_eq!(row.cell(usize::MAX), Cell::Empty);
        assert_eq!(row.width(), 16_384);
    }

    #[test]
    fn rows_of_a_sheet_in_order_the_last_value_of_a_cell_kept() {
        let mut cells = vec![
            ((7, 3), Data::Int(4)),
            ((2, 2), Data::Int(1)),
            ((7, 1), Data::Int(3)),
            ((2, 4), Data::Int(2)),
            ((7, 1), Data::Int(5)),
        ];
        let mut rows = SheetRows::new(&mut cells);
        assert_eq!((rows.top, rows.left), (2, 1));
        let mut seen = Vec::new();
        while let Some(Ok((row, at))) = rows.next() {
            seen.push((at, row.texts()));
        }
        assert_eq!(
            seen,
            [
                (
                    0,
                    vec![String::new(), "1".into(), String::new(), "2".into()]
                ),
                (5, vec!["5".to_owned(), String::new(), "4".into()]),
            ]
        );
        rows.rewind();
        assert_eq!(rows.next().map(|r| r.map(|(_, at)| at).ok()), Some(Some(0)));
        // No cells, no rows.
        let mut none = Vec::new();
        assert!(SheetRows::new(&mut none).next().is_none());
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
