//! An `.xls` workbook opened and checked before the spreadsheet reader
//! (calamine) reads it.
//!
//! An `.xls` file is a compound document: a small file system of sectors,
//! whose allocation table chains the sectors of each stream. It is opened
//! with `cfb`, which refuses a table longer than the file, a chain that
//! loops or a sector two chains share, among other damage, and the
//! workbook stream is read through it. Calamine then reads that stream from
//! a container `cfb` writes afresh, never from the file's own: calamine's
//! container reader follows a looping chain with no end, its memory growing
//! until the process is killed, and no panic handler can catch that.
//!
//! What is left to check is the workbook's records, which calamine trusts
//! to size what it builds: each sheet is scanned, record by record as
//! calamine reads it, for a dimensions record claiming more cells than an
//! `.xls` sheet holds (calamine reserves room for them before it reads a
//! cell) and for values spanning more than [`MOST_CELLS`] cells (calamine
//! holds a sheet as the rectangle from its first value to its last).

use std::io::{Cursor, Read as _, Write as _};

use super::sheet::MOST_CELLS;

use super::COMPOUND_SIGNATURE as SIGNATURE;

/// Why a workbook is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Damage {
    /// A container `cfb` cannot read, in its words.
    Container(String),
    /// A sheet whose dimensions are more cells than an `.xls` sheet holds.
    Dimensions {
        /// Its rows, as the reader computes them.
        rows: u64,
        /// Its columns.
        columns: u64,
    },
    /// A sheet whose values span more cells than are read from one sheet.
    Cells {
        /// Rows from its first value to its last.
        rows: u64,
        /// Columns from its first value to its last.
        columns: u64,
    },
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Damage::Container(reason) => write!(f, "it is damaged ({reason})"),
            Damage::Dimensions { rows, columns } => write!(
                f,
                "it is damaged (a sheet claims {rows} rows by {columns} columns, more than the \
                 65536 by 256 an .xls sheet holds)"
            ),
            Damage::Cells { rows, columns } => write!(
                f,
                "a sheet would be read as {rows} rows by {columns} columns, from its first \
                 value to its last: {} cells, more than the {MOST_CELLS} read from one \
                 sheet; save it as .xlsx or CSV",
                rows.saturating_mul(*columns)
            ),
        }
    }
}

/// The workbook for the reader to read: `None` when `bytes` are no
/// compound document (they are read as they are); otherwise, once its
/// container and its sheets are checked, a container written afresh that
/// holds its workbook stream (`Workbook`, or `Book` in older files) alone.
pub(super) fn workbook(bytes: &[u8]) -> Result<Option<Vec<u8>>, Damage> {
    if !bytes.starts_with(SIGNATURE) {
        return Ok(None);
    }
    let damaged = |e: std::io::Error| {
        Damage::Container(if e.kind() == std::io::ErrorKind::UnexpectedEof {
            "the file ends inside a sector of its container".to_owned()
        } else {
            e.to_string()
        })
    };
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(damaged)?;
    // Version 3, 512-byte sectors: calamine refuses a version 4 file whose
    // streams are all too long for the small sectors.
    let mut copy =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))
            .map_err(damaged)?;
    for name in ["/Workbook", "/Book"] {
        if let Ok(mut stream) = file.open_stream(name) {
            let mut records = Vec::new();
            // A stream is no longer than the file that holds it.
            stream
                .by_ref()
                .take(u64::try_from(bytes.len()).unwrap_or(u64::MAX))
                .read_to_end(&mut records)
                .map_err(damaged)?;
            check_sheets(&records)?;
            let mut out = copy.create_stream(name).map_err(damaged)?;
            out.write_all(&records).map_err(damaged)?;
            out.flush().map_err(damaged)?;
            break;
        }
    }
    copy.flush().map_err(damaged)?;
    Ok(Some(copy.into_inner().into_inner()))
}

/// The most cells an `.xls` sheet holds: 65,536 rows by 256 columns.
const MOST_XLS_CELLS: u64 = 65_536 * 256;

/// Record types: the start and end of a substream, a sheet's place in the
/// workbook, a sheet's dimensions.
const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUND_SHEET: u16 = 0x0085;
const DIMENSIONS: u16 = 0x0200;

/// Refuses a sheet claiming more cells than an `.xls` sheet holds, or
/// whose values span more than [`MOST_CELLS`] cells (a cell record's row
/// and column are 16 bits each, so two values can span four billion
/// cells). The sheets are found as the reader finds them, at the offsets
/// the workbook's sheet records give, and read record by record as it
/// reads them, passing over nested substreams (embedded charts).
fn check_sheets(stream: &[u8]) -> Result<(), Damage> {
    let starts: Vec<usize> = records(stream)
        .take_while(|(kind, _)| *kind != EOF)
        .filter(|(kind, _)| *kind == BOUND_SHEET)
        .filter_map(|(_, data)| usize::try_from(u32_at(data, 0)).ok())
        .collect();
    for start in starts {
        let Some(sheet) = stream.get(start..) else {
            continue;
        };
        let mut span: Option<[u16; 4]> = None;
        let mut seen_start = false;
        let mut depth = 0usize;
        for (kind, data) in records(sheet) {
            if depth > 0 {
                match kind {
                    BOF => depth += 1,
                    EOF => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let (row, first, last) = match kind {
                BOF if seen_start => {
                    depth += 1;
                    continue;
                }
                BOF => {
                    seen_start = true;
                    continue;
                }
                EOF => break,
                DIMENSIONS => match dimensions(data) {
                    Some((rows, columns)) if rows.saturating_mul(columns) > MOST_XLS_CELLS => {
                        return Err(Damage::Dimensions { rows, columns });
                    }
                    _ => continue,
                },
                // Number, Label, RString, BoolErr, RK, LabelSst, Formula.
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                    (u16_at(data, 0), u16_at(data, 2), u16_at(data, 2))
                }
                // MulRk: a row of values from a first to a last column.
                0x00BD if data.len() >= 6 => (
                    u16_at(data, 0),
                    u16_at(data, 2),
                    u16_at(data, data.len() - 2),
                ),
                _ => continue,
            };
            if data.len() < 4 {
                continue;
            }
            let [top, bottom, left, right] = span.get_or_insert([row, row, first, first]);
            *top = (*top).min(row);
            *bottom = (*bottom).max(row);
            *left = (*left).min(first).min(last);
            *right = (*right).max(first).max(last);
        }
        if let Some([top, bottom, left, right]) = span {
            let rows = u64::from(bottom - top) + 1;
            let columns = u64::from(right - left) + 1;
            if rows.saturating_mul(columns) > MOST_CELLS {
                return Err(Damage::Cells { rows, columns });
            }
        }
    }
    Ok(())
}

/// The records of a workbook stream: a type, a length and its data, until
/// one runs past the end. The reader joins a record's continuation records
/// to it; here they come as records of their own type, which holds no
/// cell, so the records that do are the same.
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let kind = u16_at(rest, 0);
        let len = usize::from(u16_at(rest, 2));
        let data = rest.get(4..4 + len)?;
        rest = rest.get(4 + len..)?;
        Some((kind, data))
    })
}

/// The rows and columns the reader makes of a dimensions record's data, as
/// it computes them (the last row and column are stored one past the end;
/// a first column past 255, or past the last, is taken as 0).
fn dimensions(data: &[u8]) -> Option<(u64, u64)> {
    let (first_row, last_row, first_column, last_column) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0)),
            u32::from(u16_at(data, 2)),
            u32::from(u16_at(data, 4)),
            u32::from(u16_at(data, 6)),
        ),
        14 | 16 => (
            u32_at(data, 0),
            u32_at(data, 4),
            u32::from(u16_at(data, 8)),
            u32::from(u16_at(data, 10)),
        ),
        _ => return None,
    };
    let first_column = if first_column > 0xFF || last_column < first_column {
        0
    } else {
        first_column
    };
    if last_row == 0 || last_column == 0 {
        return Some((1, 1));
    }
    // The reader's arithmetic wraps where the last row is before the first.
    let rows = (last_row - 1).wrapping_sub(first_row).wrapping_add(1);
    let columns = (last_column - 1).wrapping_sub(first_column).wrapping_add(1);
    Some((u64::from(rows), u64::from(columns)))
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    match bytes.get(at..at + 2) {
        Some(&[a, b]) => u16::from_le_bytes([a, b]),
        _ => 0,
    }
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    match bytes.get(at..at + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A test workbook's bytes.
    fn workbook_file(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    /// The workbook stream of a compound document, read with `cfb`.
    fn stream_of(bytes: &[u8], name: &str) -> Vec<u8> {
        let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).unwrap();
        let mut records = Vec::new();
        file.open_stream(name)
            .unwrap()
            .read_to_end(&mut records)
            .unwrap();
        records
    }

    #[test]
    fn the_workbook_stream_alone_is_given_to_the_reader() {
        for name in ["numbers.xls", "errors.xls"] {
            let bytes = workbook_file(name);
            let copy = workbook(&bytes).unwrap().unwrap();
            assert!(copy.starts_with(SIGNATURE), "{name}");
            let stream = stream_of(&copy, "Workbook");
            // A workbook stream starts with a BIFF8 beginning-of-file
            // record (0x0809, 16 bytes, version 0x0600) and holds the
            // sheets' names.
            assert!(
                stream.starts_with(&[0x09, 0x08, 0x10, 0x00, 0x00, 0x06]),
                "{name}"
            );
            assert!(stream.windows(9).any(|w| w == b"Responses"), "{name}");
            assert_eq!(stream, stream_of(&bytes, "Workbook"), "{name}");
            // The copy holds nothing else.
            let file = cfb::CompoundFile::open(Cursor::new(&copy)).unwrap();
            let names: Vec<String> = file
                .read_root_storage()
                .map(|entry| entry.name().to_owned())
                .collect();
            assert_eq!(names, ["Workbook"], "{name}");
        }
        // An older file's stream, `Book`, keeps its name; a container with
        // neither is given empty, for the reader to say so.
        for (name, expected) in [("Book", vec!["Book"]), ("Other", vec![])] {
            let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
            file.create_stream(name)
                .unwrap()
                .write_all(&stream(&[]))
                .unwrap();
            file.flush().unwrap();
            let bytes = file.into_inner().into_inner();
            let copy = workbook(&bytes).unwrap().unwrap();
            let names: Vec<String> = cfb::CompoundFile::open(Cursor::new(&copy))
                .unwrap()
                .read_root_storage()
                .map(|entry| entry.name().to_owned())
                .collect();
            assert_eq!(names, expected, "{name}");
        }
    }

    #[test]
    fn anything_else_is_read_as_it_is() {
        assert_eq!(workbook(b""), Ok(None));
        assert_eq!(workbook(b"PK\x03\x04"), Ok(None));
        assert_eq!(workbook(&[0; 600]), Ok(None));
    }

    /// `numbers.xls` with entry `sector` of its allocation table (its one
    /// table sector is sector 8) set to `next`.
    fn chained(sector: u32, next: u32) -> Vec<u8> {
        let mut bytes = workbook_file("numbers.xls");
        let at = 512 + 8 * 512 + 4 * usize::try_from(sector).unwrap();
        bytes[at..at + 4].copy_from_slice(&next.to_le_bytes());
        bytes
    }

    #[test]
    fn a_chain_that_loops_or_a_shared_sector_is_refused() {
        let reason = |bytes: &[u8]| match workbook(bytes) {
            Err(Damage::Container(reason)) => reason,
            other => panic!("{other:?}"),
        };
        // The directory (sector 9) chained to itself.
        assert_eq!(
            reason(&chained(9, 9)),
            "Directory chain includes duplicate sector index 9"
        );
        // The workbook stream (sectors 0 to 7) looping back to its start.
        assert_eq!(
            reason(&chained(7, 0)),
            "Chain contained duplicate sector id 0"
        );
        // ... or into its middle: sector 4 is then next to two sectors.
        assert_eq!(
            reason(&chained(7, 4)),
            "Malformed FAT (sector 4 pointed to twice)"
        );
        // The file as it is passes.
        assert!(workbook(&chained(7, 0xFFFF_FFFE)).is_ok());
    }

    #[test]
    fn a_damaged_container_is_refused_in_cfbs_words() {
        // A header cut short.
        let bytes = workbook_file("numbers.xls");
        let Err(Damage::Container(reason)) = workbook(&bytes[..511]) else {
            panic!("a header cut short was read");
        };
        assert!(reason.contains("too small"), "{reason}");
        // Cut inside a sector.
        assert_eq!(
            workbook(&bytes[..bytes.len() - 1]),
            Err(Damage::Container(
                "the file ends inside a sector of its container".to_owned()
            ))
        );
        assert_eq!(
            Damage::Container("Malformed FAT".to_owned()).to_string(),
            "it is damaged (Malformed FAT)"
        );
    }

    #[test]
    fn a_sheet_of_more_cells_than_xls_holds_is_refused() {
        // numbers.xls changed by the fuzz target: a dimensions record of
        // over four billion rows, for which the reader would reserve a
        // terabyte.
        assert_eq!(
            workbook(&workbook_file("dimensions.xls")),
            Err(Damage::Dimensions {
                rows: 4_287_168_261,
                columns: 6
            })
        );
        assert_eq!(
            Damage::Dimensions {
                rows: 70_000,
                columns: 256
            }
            .to_string(),
            "it is damaged (a sheet claims 70000 rows by 256 columns, more than the 65536 by 256 \
             an .xls sheet holds)"
        );
        // In a sheet: the most an .xls sheet holds passes, one more row is
        // refused; a record cut short is none.
        assert_eq!(
            check_sheets(&stream(&[rec(DIMENSIONS, &biff8(0, 65_536, 0, 256))])),
            Ok(())
        );
        assert_eq!(
            check_sheets(&stream(&[rec(DIMENSIONS, &biff8(0, 65_537, 0, 256))])),
            Err(Damage::Dimensions {
                rows: 65_537,
                columns: 256
            })
        );
        assert_eq!(
            check_sheets(&stream(&[rec(DIMENSIONS, &biff8(0, 65_537, 0, 256)[..13])])),
            Ok(())
        );
        // Where the reader does not look (the workbook's globals, an
        // embedded chart), a dimensions record is not checked.
        let over = rec(DIMENSIONS, &biff8(0, 65_537, 0, 256));
        assert_eq!(
            check_sheets(&stream_with(std::slice::from_ref(&over), &[])),
            Ok(())
        );
        let bof = rec(BOF, &[0; 16]);
        let eof = rec(EOF, &[]);
        assert_eq!(check_sheets(&stream(&[bof, over, eof])), Ok(()));
    }

    /// A dimensions record's data in BIFF8: first row, last row + 1, first
    /// column, last column + 1, and two reserved bytes.
    fn biff8(first_row: u32, last_row: u32, first_column: u16, last_column: u16) -> Vec<u8> {
        let mut data = Vec::new();
        data.extend(first_row.to_le_bytes());
        data.extend(last_row.to_le_bytes());
        data.extend(first_column.to_le_bytes());
        data.extend(last_column.to_le_bytes());
        data.extend([0, 0]);
        data
    }

    #[test]
    fn dimensions_as_the_reader_computes_them() {
        // A1:F10: rows 0 to 9 (stored as 10), columns 0 to 5 (stored as 6).
        assert_eq!(dimensions(&biff8(0, 10, 0, 6)), Some((10, 6)));
        // Starting at B3.
        assert_eq!(dimensions(&biff8(2, 10, 1, 6)), Some((8, 5)));
        // Two more bytes, as some writers add, change nothing.
        let mut longer = biff8(2, 10, 1, 6);
        longer.extend([0, 0]);
        assert_eq!(dimensions(&longer), Some((8, 5)));
        // A first column past 255, or past the last, counts from 0; 255
        // itself is a column.
        assert_eq!(dimensions(&biff8(0, 10, 255, 256)), Some((10, 1)));
        assert_eq!(dimensions(&biff8(0, 10, 256, 400)), Some((10, 400)));
        assert_eq!(dimensions(&biff8(0, 10, 300, 400)), Some((10, 400)));
        // A first column equal to the last is kept: no columns.
        assert_eq!(dimensions(&biff8(0, 10, 6, 6)), Some((10, 0)));
        assert_eq!(dimensions(&biff8(0, 10, 9, 6)), Some((10, 6)));
        // An empty sheet: one cell.
        assert_eq!(dimensions(&biff8(5, 0, 0, 6)), Some((1, 1)));
        assert_eq!(dimensions(&biff8(5, 9, 0, 0)), Some((1, 1)));
        // The last row before the first wraps around, as in the reader.
        assert_eq!(
            dimensions(&biff8(10, 5, 0, 6)),
            Some((u64::from(u32::MAX) - 4, 6))
        );
        // BIFF5: 16-bit rows.
        let biff5: Vec<u8> = [2u16, 10, 1, 6, 0]
            .iter()
            .flat_map(|w| w.to_le_bytes())
            .collect();
        assert_eq!(dimensions(&biff5), Some((8, 5)));
        // Any other length is no dimensions record to the reader.
        assert_eq!(dimensions(&[0; 12]), None);
    }

    /// A record: its type, length and data.
    fn rec(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut bytes = kind.to_le_bytes().to_vec();
        bytes.extend(u16::try_from(data.len()).unwrap_or(0).to_le_bytes());
        bytes.extend(data);
        bytes
    }

    /// A cell record's data at `row`, `column`, with eight more bytes.
    fn at(row: u16, column: u16) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend(column.to_le_bytes());
        data.extend([0; 8]);
        data
    }

    /// A workbook stream: globals with one sheet record pointing past
    /// them, then the sheet's `records` between its BOF and EOF.
    fn stream(sheet: &[Vec<u8>]) -> Vec<u8> {
        stream_with(&[], sheet)
    }

    /// [`stream`] with more records in the globals, before the sheet
    /// record.
    fn stream_with(globals: &[Vec<u8>], sheet: &[Vec<u8>]) -> Vec<u8> {
        let bof = rec(BOF, &[0; 16]);
        let eof = rec(EOF, &[]);
        let mut bytes = [bof.clone(), globals.concat()].concat();
        // The sheet record (12 bytes: its offset first), then EOF; the
        // sheet starts after them.
        let offset = bytes.len() + 4 + 12 + eof.len();
        let mut data = u32::try_from(offset).unwrap().to_le_bytes().to_vec();
        data.extend([0; 8]);
        bytes.extend([rec(BOUND_SHEET, &data), eof.clone(), bof].concat());
        for record in sheet {
            bytes.extend(record);
        }
        bytes.extend(eof);
        bytes
    }

    #[test]
    fn a_sheet_is_measured_by_its_values() {
        // A1 and IV62500 (a Number and a Label): 62,500 by 256 =
        // 16,000,000 cells, the bound itself.
        let within = stream(&[rec(0x0203, &at(0, 0)), rec(0x0204, &at(62_499, 255))]);
        assert_eq!(check_sheets(&within), Ok(()));
        let over = stream(&[rec(0x0203, &at(0, 0)), rec(0x00FD, &at(62_500, 255))]);
        assert_eq!(
            check_sheets(&over),
            Err(Damage::Cells {
                rows: 62_501,
                columns: 256
            })
        );
        // Counted from the first value, wherever it is: B11 to IV62811.
        let shifted = stream(&[rec(0x027E, &at(10, 1)), rec(0x0006, &at(62_810, 255))]);
        assert_eq!(
            check_sheets(&shifted),
            Err(Damage::Cells {
                rows: 62_801,
                columns: 255
            })
        );
        // Whichever comes first: IV62811 to B11.
        let backwards = stream(&[rec(0x0006, &at(62_810, 255)), rec(0x027E, &at(10, 1))]);
        assert_eq!(
            check_sheets(&backwards),
            Err(Damage::Cells {
                rows: 62_801,
                columns: 255
            })
        );
        // A row of values (MulRk) from column 0 to its last column; the
        // other kinds of cell: RString, BoolErr.
        let mut mul = at(0, 0);
        mul.extend(65_535u16.to_le_bytes());
        let wide = stream(&[
            rec(0x00BD, &mul),
            rec(0x00D6, &at(300, 3)),
            rec(0x0205, &at(1, 1)),
        ]);
        assert_eq!(
            check_sheets(&wide),
            Err(Damage::Cells {
                rows: 301,
                columns: 65_536
            })
        );
        // A MulRk whose last column comes before its first.
        let mut back = at(0, 65_535);
        back.extend(0u16.to_le_bytes());
        assert!(check_sheets(&stream(&[rec(0x00BD, &back), rec(0x0203, &at(300, 3))])).is_err());
        assert_eq!(
            Damage::Cells {
                rows: 301,
                columns: 65_536
            }
            .to_string(),
            "a sheet would be read as 301 rows by 65536 columns, from its first value to its \
             last: 19726336 cells, more than the 16000000 read from one sheet; save it as .xlsx \
             or CSV"
        );
        // numbers.xls changed by the fuzz target: values from column A to
        // column 65,535.
        assert_eq!(
            workbook(&workbook_file("wide.xls")),
            Err(Damage::Cells {
                rows: 1280,
                columns: 65_535
            })
        );
    }

    #[test]
    fn what_the_reader_passes_over_is_not_measured() {
        let far = rec(0x0203, &at(65_535, 255));
        // A chart embedded in the sheet, BOF to EOF, nested twice.
        let bof = rec(BOF, &[0; 16]);
        let eof = rec(EOF, &[]);
        let nested = stream(&[
            rec(0x0203, &at(0, 0)),
            bof.clone(),
            bof.clone(),
            far.clone(),
            eof.clone(),
            far.clone(),
            eof.clone(),
        ]);
        assert_eq!(check_sheets(&nested), Ok(()));
        // After a nested substream closes, the sheet's own cells count.
        let closed = stream(&[
            rec(0x0203, &at(0, 0)),
            bof.clone(),
            eof.clone(),
            far.clone(),
        ]);
        assert!(check_sheets(&closed).is_err());
        // After the sheet's EOF.
        let mut after = stream(&[rec(0x0203, &at(0, 0))]);
        after.extend(&far);
        assert_eq!(check_sheets(&after), Ok(()));
        // Continuation records belong to the record before them.
        let continued = stream(&[
            rec(0x0203, &at(0, 0)),
            rec(0x0204, &at(1, 1)),
            rec(0x003C, &at(65_535, 255)),
        ]);
        assert_eq!(check_sheets(&continued), Ok(()));
        // A cell record too short to hold a place, and other records.
        let short = stream(&[
            rec(0x0203, &at(0, 0)),
            rec(0x0203, &[0xFF, 0xFF]),
            rec(0x0208, &at(65_535, 255)),
        ]);
        assert_eq!(check_sheets(&short), Ok(()));
        // A MulRk of four bytes is no row of values; a cell record of four
        // bytes still names a place, and counts (the reader refuses it).
        let mul = stream(&[rec(0x0203, &at(0, 0)), rec(0x00BD, &at(65_535, 255)[..4])]);
        assert_eq!(check_sheets(&mul), Ok(()));
        let four = stream(&[rec(0x0203, &at(0, 0)), rec(0x0203, &at(65_535, 255)[..4])]);
        assert!(check_sheets(&four).is_err());
        // A sheet record pointing past the stream.
        let mut nowhere = stream(&[far.clone(), rec(0x0203, &at(0, 0))]);
        let at_offset = 4 + 16 + 4;
        nowhere[at_offset..at_offset + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(check_sheets(&nowhere), Ok(()));
        // The same file with the offset intact: refused.
        let found = stream(&[far.clone(), rec(0x0203, &at(0, 0))]);
        assert!(check_sheets(&found).is_err());
        // A sheet record after the workbook's globals end is none.
        let late = stream_with(&[rec(EOF, &[])], &[far, rec(0x0203, &at(0, 0))]);
        assert_eq!(check_sheets(&late), Ok(()));
    }
}
