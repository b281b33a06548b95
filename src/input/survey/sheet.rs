//! Responses read from a spreadsheet (`.xlsx`, `.xls`, `.ods`), as
//! Microsoft Forms and the spreadsheet programs save them.

use std::io::Cursor;

use calamine::{Data, Reader as _};

use crate::error::Place;
use crate::input::assessment::ResponseField;
use crate::input::survey::layout::{Column, Columns, Layout};
use crate::input::survey::{Cell, CsvOptions, Row, Rows};
use crate::{Assessment, Error, Partnership};

/// Whether `bytes` look like a spreadsheet rather than text: a zip archive
/// (`.xlsx`, `.ods`) or a compound document (`.xls`), by their first bytes.
///
/// ```
/// assert!(!interagency::is_spreadsheet(b"respondent,agency,role\n"));
/// assert!(interagency::is_spreadsheet(b"PK\x03\x04\x14\x00"));
/// ```
#[must_use]
pub fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
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
    /// [`Error::Spreadsheet`] for bytes that are no spreadsheet,
    /// [`Error::UnknownSheet`] for a sheet the workbook does not have,
    /// [`Error::Sheet`] naming the sheet, cell and value for what only a
    /// survey export can get wrong; for a rule every response obeys, its
    /// own error with the sheet and cell as its [`Place`].
    pub fn with_responses_from_spreadsheet(
        self,
        bytes: impl AsRef<[u8]>,
        options: &CsvOptions,
    ) -> Result<Assessment, Error> {
        let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.as_ref()))
            .map_err(|e| Error::Spreadsheet {
                message: e.to_string(),
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
        let (top, left) = range.start().unwrap_or((0, 0));
        let at = |row: usize, column: usize| {
            cell_name(
                left.saturating_add(u32::try_from(column).unwrap_or(u32::MAX)),
                top.saturating_add(u32::try_from(row).unwrap_or(u32::MAX)),
            )
        };
        let mut all = range.rows();
        let first: Vec<&[Data]> = all.by_ref().take(3).collect();
        let texts: Vec<Vec<String>> = first.iter().map(|row| row.texts()).collect();
        let layout = Layout::of(&texts);
        let header_rows = layout.header_rows().min(first.len());
        let columns = Columns::read(
            layout,
            texts.get(..header_rows).unwrap_or_default(),
            options,
            self.agencies(),
        )
        .map_err(|problem| match problem.problem {
            Ok(csv) => Error::Sheet {
                sheet: sheet.clone(),
                cell: at(problem.row, problem.column.unwrap_or(0)),
                column: problem.label,
                problem: csv,
            },
            Err(error) => *error,
        })?;
        let rows = Rows {
            columns: &columns,
            agencies: self.agencies(),
            scale: options.words(),
        };
        let mut responses = Vec::new();
        let mut read_at = Vec::new();
        for (index, row) in first.into_iter().skip(header_rows).chain(all).enumerate() {
            let index = index + header_rows;
            let response = rows.read(
                row,
                || format!("row-{}", u64::from(top) + index as u64 + 1),
                |column, problem| Error::Sheet {
                    sheet: sheet.clone(),
                    cell: at(index, column.unwrap_or(0)),
                    column: column.map(|c| columns.label(c).to_owned()),
                    problem,
                },
            )?;
            if let Some(response) = response {
                responses.push(response);
                read_at.push(index);
            }
        }
        let place = |index: usize, field: ResponseField| Place::Cell {
            sheet: sheet.clone(),
            cell: at(
                read_at.get(index).copied().unwrap_or_default(),
                match field {
                    ResponseField::Whole | ResponseField::Partners | ResponseField::Trust => None,
                    ResponseField::Respondent => columns.of(Column::Respondent),
                    ResponseField::Agency => columns.of(Column::Agency),
                }
                .unwrap_or(0),
            ),
        };
        self.with_responses_at(responses, place)
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
