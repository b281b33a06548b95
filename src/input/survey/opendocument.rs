//! A check of an `OpenDocument` spreadsheet's size before the spreadsheet
//! reader opens it.
//!
//! The reader (calamine) reads every sheet of an `.ods` whole, as the
//! rectangle from its first value to its last, each repeated row as many
//! times as it is repeated. An `.ods` says "this row, a million times" in a
//! few bytes, so a file of a few kilobytes can make it build a hundred
//! million cells, several gigabytes. Here the file's sheets are measured
//! first, without building them, and one the reader would make into more
//! than [`MOST_CELLS`] cells is refused. The measure errs on the large
//! side: a cell counts as holding a value if it has any `office:` value or
//! a formula, or anything inside it, and each sheet's rectangle is counted
//! from its first column.

use std::io::{BufReader, Cursor};

use quick_xml::events::{BytesStart, Event};

use super::sheet::MOST_CELLS;

/// The rows of a sheet the reader counts at most.
const MOST_ROWS: u64 = 1_048_576;

/// The columns of a row the reader counts at most.
const MOST_COLUMNS: u64 = 16_384;

/// A sheet the reader would build too many cells for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TooLarge {
    /// The sheet's name.
    pub(super) sheet: String,
    /// How many cells it would take, at most.
    pub(super) cells: u64,
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "its sheet {:?} would be read as {} cells (an .ods sheet is read whole, from its \
             first value to its last, each repeated row as often as it is repeated), more than \
             the {MOST_CELLS} read from one sheet; save it as .xlsx or CSV",
            self.sheet, self.cells
        )
    }
}

/// Measures every sheet of `bytes` when they are an `OpenDocument`
/// spreadsheet (a zip archive with a `content.xml`); anything else passes,
/// left to the reader, and so does XML the reader refuses itself.
pub(super) fn check(bytes: &[u8]) -> Result<(), TooLarge> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let Ok(content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = false;
    config.trim_text(false);
    let mut buf = Vec::new();
    let mut sheet: Option<Sheet> = None;
    loop {
        // At the end, or at what the reader would refuse: what was read
        // up to here is what it would have built.
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) => {
                if let Some(current) = sheet.as_mut() {
                    if !current.start(&e) {
                        break;
                    }
                } else if e.name().into_inner() == "table:table" {
                    sheet = Some(Sheet::new(attribute(&e, "table:name").unwrap_or_default()));
                }
            }
            Event::Text(text) => {
                if let Some(sheet) = sheet.as_mut() {
                    sheet.text(!text.is_empty());
                }
            }
            Event::End(e) => {
                if let Some(current) = sheet.as_mut()
                    && current.end(e.name().into_inner())
                {
                    current.measure()?;
                    sheet = None;
                }
            }
            _ => {}
        }
        buf.clear();
    }
    match sheet {
        Some(sheet) => sheet.measure(),
        None => Ok(()),
    }
}

/// The value of `name` among the attributes of `e`, as text.
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.into_inner() == name)
        .map(|a| a.value.to_string())
}

/// A repeat count, as the reader parses it: `None` where it refuses it.
fn repeats(e: &BytesStart<'_>, name: &str) -> Option<u64> {
    match attribute(e, name) {
        None => Some(1),
        Some(text) => text.parse().ok(),
    }
}

/// One sheet being measured, row by row.
struct Sheet {
    name: String,
    /// Rows counted so far, repeats included.
    rows: u64,
    /// Cells the reader holds before it makes the rectangle: each row
    /// element up to its last value, once.
    elements: u64,
    /// The widest row, up to its last value.
    widest: u64,
    /// The rows before the first row with a value, and up to the end of
    /// the last.
    first: Option<u64>,
    last: u64,
    row: Option<Row>,
}

/// The row element being read.
struct Row {
    repeats: u64,
    /// Columns so far, repeats included.
    columns: u64,
    /// Columns up to the last cell with a value.
    width: u64,
    cell: Option<Cell>,
}

/// The cell element being read.
struct Cell {
    repeats: u64,
    value: bool,
    /// Elements open inside the cell.
    depth: u32,
}

impl Sheet {
    fn new(name: String) -> Self {
        Sheet {
            name,
            rows: 0,
            elements: 0,
            widest: 0,
            first: None,
            last: 0,
            row: None,
        }
    }

    /// An element starts inside the sheet; `false` where the reader stops.
    fn start(&mut self, e: &BytesStart<'_>) -> bool {
        let name = e.name();
        match self.row.as_mut() {
            None => {
                if name.into_inner() == "table:table-row" {
                    let Some(asked) = repeats(e, "table:number-rows-repeated") else {
                        return false;
                    };
                    self.row = Some(Row {
                        repeats: asked.min(MOST_ROWS.saturating_sub(self.rows)),
                        columns: 0,
                        width: 0,
                        cell: None,
                    });
                }
            }
            Some(row) => match row.cell.as_mut() {
                Some(cell) => {
                    cell.value = true;
                    cell.depth += 1;
                }
                None => {
                    if matches!(
                        name.into_inner(),
                        "table:table-cell" | "table:covered-table-cell"
                    ) {
                        let Some(asked) = repeats(e, "table:number-columns-repeated") else {
                            return false;
                        };
                        let value = e.attributes().flatten().any(|a| {
                            a.key.into_inner().starts_with("office:")
                                || a.key.into_inner() == "table:formula"
                        });
                        row.cell = Some(Cell {
                            repeats: asked,
                            value,
                            depth: 0,
                        });
                    }
                }
            },
        }
        true
    }

    /// Text inside the sheet: in a cell, a value.
    fn text(&mut self, some: bool) {
        if let Some(cell) = self.row.as_mut().and_then(|row| row.cell.as_mut()) {
            cell.value |= some;
        }
    }

    /// An element ends inside the sheet; `true` when it is the sheet.
    fn end(&mut self, name: &str) -> bool {
        let Some(row) = self.row.as_mut() else {
            return name == "table:table";
        };
        if let Some(cell) = row.cell.as_mut() {
            if cell.depth > 0 {
                cell.depth -= 1;
            } else {
                row.columns = row.columns.saturating_add(cell.repeats).min(MOST_COLUMNS);
                if cell.value {
                    row.width = row.columns;
                }
                row.cell = None;
            }
            return false;
        }
        if name == "table:table-row" {
            let (repeats, width) = (row.repeats, row.width);
            self.row = None;
            self.elements = self.elements.saturating_add(width);
            if width > 0 {
                self.first.get_or_insert(self.rows);
                self.widest = self.widest.max(width);
                self.last = self.rows.saturating_add(repeats);
            }
            self.rows = self.rows.saturating_add(repeats);
        }
        false
    }

    /// The cells the reader would build for the sheet read so far.
    fn cells(&self) -> u64 {
        let rectangle = self.first.map_or(0, |first| {
            self.last.saturating_sub(first).saturating_mul(self.widest)
        });
        self.elements.saturating_add(rectangle)
    }

    fn measure(&self) -> Result<(), TooLarge> {
        let cells = self.cells();
        if cells > MOST_CELLS {
            return Err(TooLarge {
                sheet: self.name.clone(),
                cells,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    /// An `.ods` archive whose `content.xml` holds `tables`.
    fn ods(tables: &str) -> Vec<u8> {
        let content = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
             xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
             xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
             xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>\
             <office:spreadsheet>{tables}</office:spreadsheet></office:body>\
             </office:document-content>"
        );
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let written = zip
            .start_file("mimetype", options)
            .and_then(|()| Ok(zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")?))
            .and_then(|()| zip.start_file("content.xml", options))
            .and_then(|()| Ok(zip.write_all(content.as_bytes())?));
        assert!(written.is_ok());
        zip.finish().map(Cursor::into_inner).unwrap_or_default()
    }

    /// A value cell.
    const VALUE: &str = "<table:table-cell office:value-type=\"float\" office:value=\"4\">\
                         <text:p>4</text:p></table:table-cell>";

    /// `n` empty cells.
    fn empty(n: u64) -> String {
        format!("<table:table-cell table:number-columns-repeated=\"{n}\"/>")
    }

    /// A row of `cells`, repeated `n` times.
    fn row(n: u64, cells: &str) -> String {
        format!("<table:table-row table:number-rows-repeated=\"{n}\">{cells}</table:table-row>")
    }

    fn table(name: &str, rows: &str) -> String {
        format!("<table:table table:name=\"{name}\">{rows}</table:table>")
    }

    #[test]
    fn a_sound_file_passes() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/numbers.ods"
        ))
        .unwrap_or_default();
        assert!(bytes.starts_with(b"PK"));
        assert_eq!(check(&bytes), Ok(()));
        // LibreOffice ends a sheet with its empty rows repeated to the
        // last: they come after the last value, and cost nothing.
        let tail = format!("{}{}", row(1, VALUE), row(1_048_575, &empty(1024)));
        assert_eq!(check(&ods(&table("S", &tail))), Ok(()));
    }

    #[test]
    fn repeated_rows_between_values_count_each_time() {
        // Row 0 is 3 wide (two empty cells, then a value); 200,000 empty
        // rows; then a row 100 wide. The rectangle: 200,002 rows by 100,
        // and the three row elements as read: 3 + 0 + 100.
        let rows = |between: u64| {
            format!(
                "{}{}{}",
                row(1, &format!("{}{VALUE}", empty(2))),
                row(between, &empty(50)),
                row(1, &format!("{}{VALUE}", empty(99))),
            )
        };
        assert_eq!(
            check(&ods(&table("Responses", &rows(200_000)))),
            Err(TooLarge {
                sheet: "Responses".into(),
                cells: 20_000_303
            })
        );
        assert_eq!(check(&ods(&table("Responses", &rows(150_000)))), Ok(()));
        assert_eq!(
            TooLarge {
                sheet: "Responses".into(),
                cells: 20_000_303
            }
            .to_string(),
            "its sheet \"Responses\" would be read as 20000303 cells (an .ods sheet is read \
             whole, from its first value to its last, each repeated row as often as it is \
             repeated), more than the 16000000 read from one sheet; save it as .xlsx or CSV"
        );
    }

    #[test]
    fn what_counts_as_a_value() {
        // One row of 5 columns up to its value, repeated 4,000,000 times:
        // capped at the reader's 1,048,576 rows, 5,242,880 cells, plus the
        // row element's 5; within the bound. At 16 columns, over it.
        let measure = |cell: &str| {
            let cells = format!("{}{cell}", empty(4));
            check(&ods(&table("S", &row(4_000_000, &cells))))
        };
        assert_eq!(measure(VALUE), Ok(()));
        let wide = format!("{}{VALUE}", empty(11));
        assert_eq!(
            measure(&wide),
            Err(TooLarge {
                sheet: "S".into(),
                cells: 16 * 1_048_576 + 16
            })
        );
        // A value is any `office:` attribute, a formula, or anything
        // inside the cell; a style alone is none.
        for cell in [
            "<table:table-cell office:value-type=\"string\"/>",
            "<table:table-cell table:formula=\"of:=1\"/>",
            "<table:table-cell><text:p/></table:table-cell>",
            "<table:covered-table-cell>x</table:covered-table-cell>",
        ] {
            let cells = format!("{}{cell}", empty(15));
            assert!(measure(&cells).is_err(), "{cell}");
        }
        let styled = format!("{}<table:table-cell table:style-name=\"ce1\"/>", empty(15));
        assert_eq!(measure(&styled), Ok(()));
    }

    #[test]
    fn the_bound_itself_is_allowed() {
        // 16 columns, repeated 999,999 times: 16 + 999,999 × 16 cells,
        // exactly the bound.
        let cells = format!("{}{VALUE}", empty(15));
        assert_eq!(check(&ods(&table("S", &row(999_999, &cells)))), Ok(()));
        assert_eq!(
            check(&ods(&table("S", &row(1_000_000, &cells)))),
            Err(TooLarge {
                sheet: "S".into(),
                cells: MOST_CELLS + 16
            })
        );
    }

    #[test]
    fn what_is_inside_a_cell_is_part_of_it() {
        // A cell holding a paragraph and then, nested, something named
        // like a cell: one column, not 16,001.
        let cell = "<table:table-cell><text:p/><table:table-cell \
                    table:number-columns-repeated=\"16000\" office:value-type=\"float\"/>\
                    </table:table-cell>";
        let cells = format!("{cell}{VALUE}");
        assert_eq!(check(&ods(&table("S", &row(1_000_000, &cells)))), Ok(()));
    }

    #[test]
    fn columns_past_the_last_are_not_counted() {
        // 100,000 empty columns then a value: the reader stops at 16,384.
        let cells = format!("{}{VALUE}", empty(100_000));
        let rows = format!("{}{}", row(1, &cells), row(1000, &cells));
        assert_eq!(
            check(&ods(&table("S", &rows))),
            Err(TooLarge {
                sheet: "S".into(),
                cells: 1001 * 16_384 + 2 * 16_384
            })
        );
    }

    #[test]
    fn every_sheet_is_measured() {
        let small = table("Notes", &row(1, VALUE));
        let large = table(
            "Responses",
            &format!(
                "{}{}{}",
                row(1, VALUE),
                row(1_000_000, ""),
                row(1, &format!("{}{VALUE}", empty(20)))
            ),
        );
        assert_eq!(
            check(&ods(&format!("{small}{large}"))),
            Err(TooLarge {
                sheet: "Responses".into(),
                cells: 1_000_002 * 21 + 22
            })
        );
    }

    #[test]
    fn what_the_reader_refuses_is_measured_up_to_there() {
        // A bad repeat count: the reader stops, with the rows read so far.
        let rows = format!(
            "{}<table:table-row table:number-rows-repeated=\"many\">",
            row(1, VALUE)
        );
        assert_eq!(check(&ods(&table("S", &rows))), Ok(()));
        // XML cut short after rows that are already too many.
        let rows = format!(
            "{}{}{}<table:table-row><table:table-cell",
            row(1, VALUE),
            row(1_000_000, ""),
            row(1, &format!("{}{VALUE}", empty(20)))
        );
        let text = ods(&format!("<table:table table:name=\"S\">{rows}"));
        assert!(check(&text).is_err());
    }

    #[test]
    fn anything_else_passes() {
        assert_eq!(check(b""), Ok(()));
        assert_eq!(check(b"respondent,agency\n"), Ok(()));
        assert_eq!(check(b"PK\x03\x04 not a zip"), Ok(()));
        // A zip with no content.xml (an .xlsx).
        let xlsx = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/numbers.xlsx"
        ))
        .unwrap_or_default();
        assert_eq!(check(&xlsx), Ok(()));
    }
}
