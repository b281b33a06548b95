//! A check of an `.xls` workbook's container before the spreadsheet reader
//! opens it.
//!
//! An `.xls` file is a compound document: a small file system of sectors,
//! whose allocation table chains the sectors of each stream. The reader
//! (calamine) follows the chain of the directory stream to its end with no
//! limit, so a damaged table whose chain loops back on itself makes it
//! read forever, its memory growing until the process is killed; a stream
//! that claims gigabytes with a looping chain does the same. No panic
//! handler can catch that, so the table is checked here first: it is read
//! exactly as the reader reads it, and refused if any chain in it loops
//! or it claims more table sectors than the file has sectors. A sound file
//! passes unchanged; in one that passes, every chain ends within the
//! file's sectors, so each stream the reader builds is no larger than the
//! file.

/// The first bytes of a compound document.
pub(super) const SIGNATURE: &[u8; 8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The length of the header the reader reads before the first sector.
const HEADER: usize = 512;

/// Sector ids from here up end a chain or mark a sector's use; one below
/// them is the next sector of a chain.
const RESERVED: u32 = 0xFFFF_FFFA;

/// Table entries from here up mark unused slots of the master table.
const MASTER_UNUSED: u32 = 0xFFFF_FFFC;

/// Why a workbook's container is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Damage {
    /// A chain of sectors that comes back to a sector it has passed.
    Loop {
        /// A sector on the loop.
        sector: usize,
    },
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
    /// More sectors of the allocation table than the file has sectors.
    TableTooLong {
        /// The table's sectors, as its master table lists them.
        listed: usize,
        /// The sectors the reader takes a file of its length to have.
        sectors: usize,
    },
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Damage::Loop { sector } => write!(
                f,
                "it is damaged (a chain of its sectors loops back on itself, through sector \
                 {sector})"
            ),
            Damage::Dimensions { rows, columns } => write!(
                f,
                "it is damaged (a sheet claims {rows} rows by {columns} columns, more than the \
                 65536 by 256 an .xls sheet holds)"
            ),
            Damage::Cells { rows, columns } => write!(
                f,
                "a sheet would be read as {rows} rows by {columns} columns, from its first \
                 value to its last: {} cells, more than the {MOST_SHEET_CELLS} read from one \
                 sheet; save it as .xlsx or CSV",
                rows.saturating_mul(*columns)
            ),
            Damage::TableTooLong { listed, sectors } => write!(
                f,
                "it is damaged (its allocation table lists {listed} sectors, more than the \
                 file's length allows: {sectors})"
            ),
        }
    }
}

/// Checks the sector chains of `bytes` when they are a compound document
/// (`.xls`); anything else passes, left to the reader. What the reader
/// refuses itself (a bad header, a sector past the end of the file) passes
/// too, so that its own message is given.
pub(super) fn check(bytes: &[u8]) -> Result<(), Damage> {
    let Some(header) = bytes.get(..HEADER) else {
        return Ok(());
    };
    if !header.starts_with(SIGNATURE) {
        return Ok(());
    }
    let size = match u16_at(header, 30) {
        9 => 512,
        12 => 4096,
        _ => return Ok(()),
    };
    // A sector of 4096 bytes has the rest of the first sector after the
    // header; the reader skips it.
    let Some(body) = bytes.get(if size == 512 { HEADER } else { 4096 }..) else {
        return Ok(());
    };
    // The reader's bound on sector ids: the whole file's length in sectors.
    let max_id = bytes.len() / size;
    let mut sectors = Sectors {
        body,
        size,
        max_id,
        filled: 0,
    };
    let Some(table) = allocation_table(header, &mut sectors)? else {
        return Ok(());
    };
    if let Some(sector) = first_loop(&table) {
        return Err(Damage::Loop { sector });
    }
    match workbook_stream(header, &table, &mut sectors) {
        Some(stream) => {
            check_dimensions(&stream)?;
            check_cells(&stream)
        }
        None => Ok(()),
    }
}

/// The most cells an `.xls` sheet holds: 65,536 rows by 256 columns.
const MOST_CELLS: u64 = 65_536 * 256;

/// Refuses a dimensions record claiming more cells than a sheet holds:
/// the reader reserves room for that many cells before it reads one, and
/// a claim of billions asks for more memory than any machine has. Every
/// offset of the stream is tried, since the reader starts each sheet where
/// the workbook says it starts.
fn check_dimensions(stream: &[u8]) -> Result<(), Damage> {
    for at in 0..stream.len() {
        if stream.get(at..at + 2) != Some(&[0x00, 0x02]) {
            continue;
        }
        let len = usize::from(u16_at(stream, at + 2));
        let Some(data) = stream.get(at + 4..at + 4 + len) else {
            continue;
        };
        if let Some((rows, columns)) = dimensions(data)
            && rows.saturating_mul(columns) > MOST_CELLS
        {
            return Err(Damage::Dimensions { rows, columns });
        }
    }
    Ok(())
}

/// The most cells read from one sheet: 16 million, as for an `.ods`.
const MOST_SHEET_CELLS: u64 = super::opendocument::MOST_CELLS;

/// Refuses a sheet whose values span more than [`MOST_SHEET_CELLS`] cells:
/// the reader holds each sheet as the rectangle from its first value to
/// its last, and a cell record's row and column are 16 bits each, so two
/// values can span four billion cells. The sheets are found as the reader
/// finds them, at the offsets the workbook's sheet records give, and read
/// record by record as it reads them.
fn check_cells(stream: &[u8]) -> Result<(), Damage> {
    let starts: Vec<usize> = records(stream)
        .take_while(|(kind, _)| *kind != 0x000A)
        .filter(|(kind, _)| *kind == 0x0085)
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
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let (row, first, last) = match kind {
                0x0809 if seen_start => {
                    depth += 1;
                    continue;
                }
                0x0809 => {
                    seen_start = true;
                    continue;
                }
                0x000A => break,
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
            if rows.saturating_mul(columns) > MOST_SHEET_CELLS {
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
        if rest.len() < 4 {
            return None;
        }
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

/// The workbook's stream (`Workbook`, or `Book` in older files) as the
/// reader reads it, after the allocation table: the directory, then the
/// small streams' container and table, then the stream. `None` where the
/// reader stops first, or reads what this check does not follow.
fn workbook_stream(header: &[u8], table: &[u32], sectors: &mut Sectors<'_>) -> Option<Vec<u8>> {
    let directory = sectors.chain(u32_at(header, 48), table, usize::MAX)?;
    let entries: Vec<Entry> = directory
        .chunks_exact(128)
        .map(|raw| Entry::read(raw, sectors.size))
        .collect::<Option<_>>()?;
    let root = entries.first()?;
    let small = if u32_at(header, 64) > 0 {
        let container = sectors.chain(root.start, table, root.len)?;
        let small_len = usize::try_from(u32_at(header, 64))
            .ok()?
            .checked_mul(sectors.size)?;
        let small_table = sectors.chain(u32_at(header, 60), table, small_len)?;
        Some((container, words(&small_table)?.collect::<Vec<_>>()))
    } else {
        None
    };
    let entry = ["Workbook", "Book"]
        .iter()
        .find_map(|name| entries.iter().find(|e| e.name.eq_ignore_ascii_case(name)))?;
    if entry.len < 4096 {
        let (container, small_table) = small?;
        let mut small = Sectors {
            body: &container,
            size: 64,
            max_id: sectors.max_id.checked_mul(8)?,
            filled: container.len(),
        };
        small.chain(entry.start, &small_table, entry.len)
    } else {
        sectors.chain(entry.start, table, entry.len)
    }
}

/// A directory entry: a stream's name, first sector and length.
struct Entry {
    name: String,
    start: u32,
    len: usize,
}

impl Entry {
    /// An entry from its 128 bytes, as the reader reads it: the name up
    /// to its first NUL, the length in 32 bits for 512-byte sectors and 64
    /// for 4096.
    fn read(raw: &[u8], size: usize) -> Option<Entry> {
        let units: Vec<u16> = raw
            .get(..64)?
            .chunks_exact(2)
            .map(|pair| match *pair {
                [a, b] => u16::from_le_bytes([a, b]),
                _ => 0,
            })
            .collect();
        let mut name = String::from_utf16_lossy(&units);
        if let Some(end) = name.find('\0') {
            name.truncate(end);
        }
        let len = if size == 512 {
            usize::try_from(u32_at(raw, 120)).ok()?
        } else {
            let low = u64::from(u32_at(raw, 120));
            let high = u64::from(u32_at(raw, 124));
            usize::try_from(high << 32 | low).ok()?
        };
        Some(Entry {
            name,
            start: u32_at(raw, 116),
            len,
        })
    }
}

/// The allocation table as the reader builds it: the master table's first
/// entries are in the header, the rest in a chain of its own sectors (each
/// one's last entry naming the next); each entry names a sector of the
/// allocation table. `None` where the reader stops with an error of its
/// own.
fn allocation_table(header: &[u8], sectors: &mut Sectors<'_>) -> Result<Option<Vec<u32>>, Damage> {
    let mut master: Vec<u32> = header
        .get(76..)
        .and_then(words)
        .map(Iterator::collect)
        .unwrap_or_default();
    let mut next = u32_at(header, 68);
    let mut read = 0usize;
    while next < RESERVED {
        read += 1;
        if read > sectors.max_id + 1 {
            return Ok(None);
        }
        let Some(sector) = sectors.get(next) else {
            return Ok(None);
        };
        let Some(entries) = words(&sector) else {
            return Ok(None);
        };
        master.extend(entries);
        let Some(last) = master.pop() else {
            return Ok(None);
        };
        next = last;
    }
    let listed = master.iter().filter(|&&id| id < MASTER_UNUSED).count();
    if listed > sectors.max_id + 1 {
        return Err(Damage::TableTooLong {
            listed,
            sectors: sectors.max_id + 1,
        });
    }
    let mut table = Vec::with_capacity(listed.saturating_mul(sectors.size / 4));
    for &id in master.iter().filter(|&&id| id < MASTER_UNUSED) {
        let Some(sector) = sectors.get(id) else {
            return Ok(None);
        };
        let Some(entries) = words(&sector) else {
            return Ok(None);
        };
        table.extend(entries);
    }
    Ok(Some(table))
}

/// The first sector, by index, on a loop of `table`: each entry names the
/// next sector of its chain, and an entry that is no index of the table
/// ends the chain. `None` when every chain ends.
fn first_loop(table: &[u32]) -> Option<usize> {
    /// Not yet reached.
    const NEW: u8 = 0;
    /// On the path being followed.
    const ON_PATH: u8 = 1;
    /// Known to end.
    const ENDS: u8 = 2;
    let mut state = vec![NEW; table.len()];
    let mut path = Vec::new();
    for start in 0..table.len() {
        let mut at = start;
        // Follow the chain until it ends, meets a chain known to end, or
        // comes back onto itself.
        loop {
            match state.get(at).copied() {
                Some(NEW) => {
                    if let Some(s) = state.get_mut(at) {
                        *s = ON_PATH;
                    }
                    path.push(at);
                    match table.get(at).and_then(|&next| usize::try_from(next).ok()) {
                        Some(next) => at = next,
                        None => break,
                    }
                }
                Some(ON_PATH) => return Some(at),
                _ => break,
            }
        }
        for sector in path.drain(..) {
            if let Some(s) = state.get_mut(sector) {
                *s = ENDS;
            }
        }
    }
    None
}

/// The sectors after the header, read as the reader reads them: a sector
/// that runs past the end of the file is cut short the first time and
/// filled with zeros after; a sector past the reader's bound is refused.
struct Sectors<'a> {
    body: &'a [u8],
    size: usize,
    max_id: usize,
    /// How much of the body the reader holds, zeros past the file's end
    /// included.
    filled: usize,
}

impl Sectors<'_> {
    /// The chain of sectors from `start`, following `table`, cut at `len`
    /// bytes, as the reader reads it. `None` where the reader stops.
    fn chain(&mut self, start: u32, table: &[u32], len: usize) -> Option<Vec<u8>> {
        /// Ends a chain.
        const END: u32 = 0xFFFF_FFFE;
        let mut out = Vec::new();
        let mut id = start;
        while id != END {
            let sector = self.get(id)?;
            if self.size == 64 && sector.len() < 64 {
                // A small sector past its container: the reader reads on
                // from wherever it is in the file; not followed here.
                return None;
            }
            let take = sector.len().min(len - out.len());
            out.extend(sector.get(..take)?);
            if out.len() >= len {
                break;
            }
            id = *table.get(usize::try_from(id).ok()?)?;
        }
        Some(out)
    }

    /// Sector `id`'s bytes, or `None` where the reader stops (an id past
    /// its bound, or a sector that starts past what it holds).
    fn get(&mut self, id: u32) -> Option<Vec<u8>> {
        let id = usize::try_from(id).ok()?;
        if id > self.max_id {
            return None;
        }
        let start = id.checked_mul(self.size)?;
        let end = start.checked_add(self.size)?;
        let mut stop = end;
        if end > self.filled {
            // What the file still has is read; the rest is zeros the next
            // time, and missing this time.
            let read = end.min(self.body.len()).max(self.filled);
            self.filled = end;
            stop = read;
        }
        if start > stop {
            return None;
        }
        Some(
            (start..stop)
                .map(|at| self.body.get(at).copied().unwrap_or(0))
                .collect(),
        )
    }
}

/// Little-endian 32-bit words of `bytes`; `None` for a length that is no
/// multiple of 4, which the reader refuses.
fn words(bytes: &[u8]) -> Option<impl Iterator<Item = u32> + '_> {
    bytes.len().is_multiple_of(4).then(|| {
        bytes.chunks_exact(4).map(|w| match *w {
            [a, b, c, d] => u32::from_le_bytes([a, b, c, d]),
            _ => 0,
        })
    })
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
#[allow(clippy::indexing_slicing, reason = "tests build small files by hand")]
mod tests {
    use super::*;

    /// Ends a chain.
    const END: u32 = 0xFFFF_FFFE;
    /// Marks a sector of the allocation table.
    const TABLE: u32 = 0xFFFF_FFFD;
    /// An unused slot or sector.
    const FREE: u32 = 0xFFFF_FFFF;

    /// A compound document of 512-byte sectors: a header whose master
    /// table lists `listed` and whose master chain starts at `master`, then
    /// `sectors`, each given as its words.
    fn file(listed: &[u32], master: u32, sectors: &[&[u32]]) -> Vec<u8> {
        let mut bytes = vec![0u8; HEADER];
        bytes[..8].copy_from_slice(SIGNATURE);
        bytes[30..32].copy_from_slice(&9u16.to_le_bytes());
        bytes[32..34].copy_from_slice(&6u16.to_le_bytes());
        bytes[68..72].copy_from_slice(&master.to_le_bytes());
        for slot in 0..109 {
            let id = listed.get(slot).copied().unwrap_or(FREE);
            bytes[76 + 4 * slot..80 + 4 * slot].copy_from_slice(&id.to_le_bytes());
        }
        for words in sectors {
            let mut sector = vec![0xFF; 512];
            for (k, word) in words.iter().enumerate() {
                sector[4 * k..4 * k + 4].copy_from_slice(&word.to_le_bytes());
            }
            bytes.extend(sector);
        }
        bytes
    }

    #[test]
    fn a_sound_file_passes() {
        // Sector 0 is the table; 1 and 2 a chain; 3 a chain of one.
        let bytes = file(&[0], END, &[&[TABLE, 2, END, END], &[], &[], &[]]);
        assert_eq!(check(&bytes), Ok(()));
        // The crate's own test workbook.
        let xls = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/numbers.xls"
        ))
        .unwrap_or_default();
        assert!(xls.starts_with(SIGNATURE));
        assert_eq!(check(&xls), Ok(()));
    }

    #[test]
    fn a_chain_that_loops_is_refused() {
        // 1 → 1.
        let bytes = file(&[0], END, &[&[TABLE, 1], &[]]);
        assert_eq!(check(&bytes), Err(Damage::Loop { sector: 1 }));
        // 4 → 2 → 3 → 1 → 2: the loop is found from 1, the first sector
        // on it, and the chain leading in changes nothing.
        let bytes = file(&[0], END, &[&[TABLE, 2, 3, 1, 2], &[], &[], &[], &[]]);
        assert_eq!(check(&bytes), Err(Damage::Loop { sector: 1 }));
        // Chains that meet and end are no loop: 1 → 3, 2 → 3, 3 ends.
        let bytes = file(&[0], END, &[&[TABLE, 3, 3, END], &[], &[], &[]]);
        assert_eq!(check(&bytes), Ok(()));
        assert_eq!(
            Damage::Loop { sector: 1 }.to_string(),
            "it is damaged (a chain of its sectors loops back on itself, through sector 1)"
        );
    }

    #[test]
    fn the_master_chain_is_followed() {
        // The header lists no table sector; sector 1 of the master chain
        // lists sector 0, and its last word ends the chain.
        let mut master = vec![FREE; 128];
        master[0] = 0;
        master[127] = END;
        let bytes = file(&[], 1, &[&[TABLE, TABLE, 2], &master, &[]]);
        assert_eq!(check(&bytes), Err(Damage::Loop { sector: 2 }));
        // Master entries from 0xFFFFFFFC up mark unused slots, and are
        // skipped: the table is still read, and its loop found.
        let bytes = file(&[0xFFFF_FFFC, 0], END, &[&[TABLE, 1], &[]]);
        assert_eq!(check(&bytes), Err(Damage::Loop { sector: 1 }));
        // Nor are they counted against the file's length: five of them
        // and one table sector in a file of four sectors' room.
        let mut listed = file(&[0xFFFF_FFFC; 5], END, &[&[TABLE, 1], &[]]);
        listed[96..100].copy_from_slice(&0u32.to_le_bytes());
        assert_eq!(check(&listed), Err(Damage::Loop { sector: 1 }));
        // A master chain starting at the first reserved id is no chain.
        let bytes = file(&[0], RESERVED, &[&[TABLE, 1], &[]]);
        assert_eq!(check(&bytes), Err(Damage::Loop { sector: 1 }));
        // A table sector listed just past the file's last sector reads
        // as empty, and the table before it is still checked.
        let bytes = file(&[0, 2], END, &[&[TABLE, 1], &[]]);
        assert_eq!(check(&bytes), Err(Damage::Loop { sector: 1 }));
        // A master chain that comes back to itself: the reader stops after
        // as many sectors as the file has, and so does this check.
        let mut looping = vec![FREE; 128];
        looping[127] = 1;
        let bytes = file(&[0], 1, &[&[TABLE, TABLE], &looping]);
        assert_eq!(check(&bytes), Ok(()));
        // A master chain that runs past the file is the reader's to refuse.
        let bytes = file(&[], 9, &[&[TABLE, 1], &[]]);
        assert_eq!(check(&bytes), Ok(()));
    }

    #[test]
    fn a_table_longer_than_the_file_is_refused() {
        // The header and three sectors: 2,048 bytes, so the reader takes
        // ids up to 2048 / 512 = 4, five sectors; the header lists sector
        // 0 six times.
        let bytes = file(&[0; 6], END, &[&[TABLE], &[], &[]]);
        assert_eq!(
            check(&bytes),
            Err(Damage::TableTooLong {
                listed: 6,
                sectors: 5
            })
        );
        // Five times is within the bound (and no loop).
        let bytes = file(&[0; 5], END, &[&[TABLE], &[], &[]]);
        assert_eq!(check(&bytes), Ok(()));
        assert_eq!(
            Damage::TableTooLong {
                listed: 6,
                sectors: 5
            }
            .to_string(),
            "it is damaged (its allocation table lists 6 sectors, more than the file's length \
             allows: 5)"
        );
    }

    #[test]
    fn a_sector_cut_short_reads_as_the_reader_reads_it() {
        // The table's one sector cut to 300 bytes (75 words) and listed
        // twice: the first read gives the 75 words, the second the whole
        // sector with zeros after them. So the table has 203 entries:
        // 0 → 150, and 150 is a zero of the second read: 150 → 0.
        let mut bytes = file(&[0, 0], END, &[&[150]]);
        bytes.truncate(HEADER + 300);
        assert_eq!(check(&bytes), Err(Damage::Loop { sector: 0 }));
        // Read once, the same sector has no loop: 0 → 150 ends.
        let mut bytes = file(&[0], END, &[&[150]]);
        bytes.truncate(HEADER + 300);
        assert_eq!(check(&bytes), Ok(()));
        // Cut inside a word, the reader refuses it itself.
        let mut bytes = file(&[0], END, &[&[0]]);
        bytes.truncate(HEADER + 302);
        assert_eq!(check(&bytes), Ok(()));
    }

    #[test]
    fn sectors_past_the_end_are_the_readers_to_refuse() {
        // Listed sector 1 starts past the 300 bytes the file has after its
        // header, and the reader stops there.
        let mut bytes = file(&[1], END, &[&[1], &[1]]);
        bytes.truncate(HEADER + 300);
        assert_eq!(check(&bytes), Ok(()));
        // Past the reader's bound on ids.
        let bytes = file(&[7], END, &[&[TABLE]]);
        assert_eq!(check(&bytes), Ok(()));
    }

    #[test]
    fn sectors_of_4096_bytes_start_after_the_first() {
        let mut bytes = file(&[0], END, &[]);
        bytes[30..32].copy_from_slice(&12u16.to_le_bytes());
        bytes.resize(4096, 0);
        let mut table = vec![0xFF; 4096];
        table[..4].copy_from_slice(&TABLE.to_le_bytes());
        table[4..8].copy_from_slice(&1u32.to_le_bytes());
        bytes.extend(&table);
        bytes.extend(vec![0; 4096]);
        assert_eq!(check(&bytes), Err(Damage::Loop { sector: 1 }));
    }

    /// A test workbook's bytes.
    fn workbook(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_default()
    }

    /// The workbook stream of `bytes`, found as [`check`] finds it.
    fn stream_of(bytes: &[u8]) -> Option<Vec<u8>> {
        let mut sectors = Sectors {
            body: &bytes[HEADER..],
            size: 512,
            max_id: bytes.len() / 512,
            filled: 0,
        };
        let table = allocation_table(&bytes[..HEADER], &mut sectors).ok()??;
        workbook_stream(&bytes[..HEADER], &table, &mut sectors)
    }

    #[test]
    fn the_workbook_stream_is_found() {
        for name in ["numbers.xls", "errors.xls"] {
            let bytes = workbook(name);
            let stream = stream_of(&bytes).unwrap_or_default();
            // A workbook stream starts with a BIFF8 beginning-of-file
            // record (0x0809, 16 bytes, version 0x0600) and holds the
            // sheets' names.
            assert!(
                stream.starts_with(&[0x09, 0x08, 0x10, 0x00, 0x00, 0x06]),
                "{name}"
            );
            // xlwt pads it to 4096 bytes, so it is read from the big
            // sectors, not the small ones.
            assert_eq!(stream.len(), 4096, "{name}");
            assert!(stream.windows(9).any(|w| w == b"Responses"), "{name}");
        }
    }

    #[test]
    fn a_sheet_of_more_cells_than_xls_holds_is_refused() {
        // numbers.xls changed by the fuzz target: a dimensions record of
        // over four billion rows, for which the reader would reserve a
        // terabyte.
        assert_eq!(
            check(&workbook("dimensions.xls")),
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

    #[test]
    fn dimensions_records_are_found_at_any_offset() {
        let most = biff8(0, 65_536, 0, 256);
        let over = biff8(0, 65_537, 0, 256);
        for pad in 0..3 {
            let record = |data: &[u8]| {
                let mut bytes = vec![0x55; pad];
                bytes.extend([0x00, 0x02]);
                bytes.extend(u16::try_from(data.len()).unwrap_or(0).to_le_bytes());
                bytes.extend(data);
                bytes
            };
            assert_eq!(check_dimensions(&record(&most)), Ok(()));
            assert_eq!(
                check_dimensions(&record(&over)),
                Err(Damage::Dimensions {
                    rows: 65_537,
                    columns: 256
                })
            );
            // Cut short: no record.
            let cut = record(&over);
            assert_eq!(check_dimensions(&cut[..cut.len() - 1]), Ok(()));
        }
    }

    /// A dimensions record, type and length included, of a sheet over
    /// the bound: 65,537 rows by 256 columns.
    fn over() -> Vec<u8> {
        let mut record = vec![0x00, 0x02, 14, 0];
        record.extend(biff8(0, 65_537, 0, 256));
        record
    }

    /// A directory entry: `name`, first sector, length (64 bits).
    fn entry(name: &str, start: u32, len: u64) -> Vec<u8> {
        let mut raw = vec![0u8; 128];
        for (k, unit) in name.encode_utf16().enumerate() {
            raw[2 * k..2 * k + 2].copy_from_slice(&unit.to_le_bytes());
        }
        raw[116..120].copy_from_slice(&start.to_le_bytes());
        raw[120..128].copy_from_slice(&len.to_le_bytes());
        raw
    }

    /// A compound document of `size`-byte sectors: the header (its first
    /// sector for 4096), then `sectors` as bytes, each padded to a sector.
    /// The allocation table is sector 0 (listed in the header), the
    /// directory starts at sector 1; `small` is the small streams' table's
    /// first sector and length in sectors.
    fn document(size: usize, small: (u32, u32), sectors: &[Vec<u8>]) -> Vec<u8> {
        let mut bytes = vec![0u8; HEADER];
        bytes[..8].copy_from_slice(SIGNATURE);
        let shift: u16 = if size == 512 { 9 } else { 12 };
        bytes[30..32].copy_from_slice(&shift.to_le_bytes());
        bytes[32..34].copy_from_slice(&6u16.to_le_bytes());
        bytes[48..52].copy_from_slice(&1u32.to_le_bytes());
        bytes[60..64].copy_from_slice(&small.0.to_le_bytes());
        bytes[64..68].copy_from_slice(&small.1.to_le_bytes());
        bytes[68..72].copy_from_slice(&END.to_le_bytes());
        bytes[76..80].copy_from_slice(&0u32.to_le_bytes());
        for slot in 1..109 {
            bytes[76 + 4 * slot..80 + 4 * slot].copy_from_slice(&FREE.to_le_bytes());
        }
        bytes.resize(if size == 512 { HEADER } else { 4096 }, 0);
        for sector in sectors {
            let mut sector = sector.clone();
            sector.resize(size, 0);
            bytes.extend(sector);
        }
        bytes
    }

    /// An allocation table's sector from its entries, the rest free.
    fn table_of(entries: &[u32]) -> Vec<u8> {
        let mut sector: Vec<u8> = entries.iter().flat_map(|e| e.to_le_bytes()).collect();
        sector.resize(4096, 0xFF);
        sector
    }

    #[test]
    fn a_stream_in_big_sectors_is_read_to_its_length() {
        // The workbook: sectors 2 to 11 chained, 4,608 bytes long (nine
        // sectors), the tenth sector past its length. The length's high
        // 32 bits, ignored for 512-byte sectors, are set.
        let mut chain: Vec<u32> = vec![TABLE, END];
        chain.extend(3..=11);
        chain.push(END);
        let directory = [
            entry("Root Entry", END, 0),
            entry("Workbook", 2, 0x1_0000_1200),
        ]
        .concat();
        let with = |record_in: usize| {
            let mut sectors = vec![table_of(&chain), directory.clone()];
            for k in 0..10 {
                sectors.push(if k == record_in { over() } else { Vec::new() });
            }
            document(512, (END, 0), &sectors)
        };
        // In the ninth sector of the stream: refused.
        assert_eq!(
            check(&with(8)),
            Err(Damage::Dimensions {
                rows: 65_537,
                columns: 256
            })
        );
        // In the tenth, past the stream's length: never read.
        assert_eq!(check(&with(9)), Ok(()));
        // Cut inside the ninth sector, before the record: not read either.
        let mut cut = with(8);
        let at = HEADER + 512 + 128;
        cut[at..at + 128].copy_from_slice(&entry("Workbook", 2, 8 * 512 + 2));
        assert_eq!(check(&cut), Ok(()));
        // A stream named Book, as older files name it, is read too.
        let mut book = with(0);
        let at = HEADER + 512 + 128;
        book[at..at + 128].copy_from_slice(&entry("BOOK", 2, 4608));
        assert!(check(&book).is_err());
        // With no workbook stream there is nothing to read.
        book[at..at + 128].copy_from_slice(&entry("Other", 2, 4608));
        assert_eq!(check(&book), Ok(()));
    }

    #[test]
    fn a_small_stream_is_read_from_its_container() {
        // Sector 2 is the small streams' table, sector 3 their container
        // (four small sectors of 64 bytes); the workbook is 200 bytes in
        // small sectors 0 → 1 → 2 → 3, with the record across the border
        // of the first two.
        let small_table = table_of(&[1, 2, 3, END]);
        let directory = [entry("Root Entry", 3, 256), entry("Workbook", 0, 200)].concat();
        let mut container = vec![0u8; 60];
        container.extend(over());
        let bytes = |small: (u32, u32)| {
            document(
                512,
                small,
                &[
                    table_of(&[TABLE, END, END, END]),
                    directory.clone(),
                    small_table.clone(),
                    container.clone(),
                ],
            )
        };
        assert_eq!(
            check(&bytes((2, 1))),
            Err(Damage::Dimensions {
                rows: 65_537,
                columns: 256
            })
        );
        // A container that ends inside the stream's last small sector: the
        // reader would read on from the file, which is not followed here.
        let short = document(
            512,
            (2, 1),
            &[
                table_of(&[TABLE, END, END, END]),
                [entry("Root Entry", 3, 200), entry("Workbook", 0, 256)].concat(),
                small_table.clone(),
                container.clone(),
            ],
        );
        assert_eq!(check(&short), Ok(()));
        // With no small streams' table in the header, a stream of one
        // small sector is not read either, as the reader cannot.
        let tiny = document(
            512,
            (END, 0),
            &[
                table_of(&[TABLE, END, END, END]),
                [entry("Root Entry", 3, 256), entry("Workbook", 0, 30)].concat(),
                small_table.clone(),
                over(),
            ],
        );
        assert_eq!(check(&tiny), Ok(()));
        // No small streams' table in the header: the reader cannot read
        // the stream, and neither is it read here.
        assert_eq!(check(&bytes((END, 0))), Ok(()));
    }

    #[test]
    fn a_stream_in_sectors_of_4096_bytes() {
        // Its length in 64 bits: 2^32 + 4096, so both sectors of its chain
        // are read, the record in the second.
        let directory = [
            entry("Root Entry", END, 0),
            entry("Workbook", 2, 0x1_0000_1000),
        ]
        .concat();
        let bytes = document(
            4096,
            (END, 0),
            &[
                table_of(&[TABLE, END, 3, END]),
                directory,
                Vec::new(),
                over(),
            ],
        );
        assert_eq!(
            check(&bytes),
            Err(Damage::Dimensions {
                rows: 65_537,
                columns: 256
            })
        );
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
        let bof = rec(0x0809, &[0; 16]);
        let eof = rec(0x000A, &[]);
        // Globals: BOF, the sheet record (12 bytes: its offset first),
        // EOF; the sheet starts after them.
        let globals_len = bof.len() + 4 + 12 + eof.len();
        let mut offset = u32::try_from(globals_len)
            .unwrap_or(0)
            .to_le_bytes()
            .to_vec();
        offset.extend([0; 8]);
        let mut bytes = [bof.clone(), rec(0x0085, &offset), eof.clone(), bof].concat();
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
        assert_eq!(check_cells(&within), Ok(()));
        let over = stream(&[rec(0x0203, &at(0, 0)), rec(0x00FD, &at(62_500, 255))]);
        assert_eq!(
            check_cells(&over),
            Err(Damage::Cells {
                rows: 62_501,
                columns: 256
            })
        );
        // Counted from the first value, wherever it is: B11 to IV62811.
        let shifted = stream(&[rec(0x027E, &at(10, 1)), rec(0x0006, &at(62_810, 255))]);
        assert_eq!(
            check_cells(&shifted),
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
            check_cells(&wide),
            Err(Damage::Cells {
                rows: 301,
                columns: 65_536
            })
        );
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
    }

    #[test]
    fn what_the_reader_passes_over_is_not_measured() {
        let far = rec(0x0203, &at(65_535, 255));
        // A chart embedded in the sheet, BOF to EOF, nested twice.
        let bof = rec(0x0809, &[0; 16]);
        let eof = rec(0x000A, &[]);
        let nested = stream(&[
            rec(0x0203, &at(0, 0)),
            bof.clone(),
            bof.clone(),
            far.clone(),
            eof.clone(),
            far.clone(),
            eof.clone(),
        ]);
        assert_eq!(check_cells(&nested), Ok(()));
        // After a nested substream closes, the sheet's own cells count.
        let closed = stream(&[
            rec(0x0203, &at(0, 0)),
            bof.clone(),
            eof.clone(),
            far.clone(),
        ]);
        assert!(check_cells(&closed).is_err());
        // After the sheet's EOF.
        let mut after = stream(&[rec(0x0203, &at(0, 0))]);
        after.extend(&far);
        assert_eq!(check_cells(&after), Ok(()));
        // Continuation records belong to the record before them.
        let continued = stream(&[
            rec(0x0203, &at(0, 0)),
            rec(0x0204, &at(1, 1)),
            rec(0x003C, &at(65_535, 255)),
        ]);
        assert_eq!(check_cells(&continued), Ok(()));
        // A cell record too short to hold a place, and other records.
        let short = stream(&[
            rec(0x0203, &at(0, 0)),
            rec(0x0203, &[0xFF, 0xFF]),
            rec(0x0208, &at(65_535, 255)),
        ]);
        assert_eq!(check_cells(&short), Ok(()));
        // A MulRk of four bytes is no row of values; a cell record of four
        // bytes still names a place, and counts (the reader refuses it).
        let mul = stream(&[rec(0x0203, &at(0, 0)), rec(0x00BD, &at(65_535, 255)[..4])]);
        assert_eq!(check_cells(&mul), Ok(()));
        let four = stream(&[rec(0x0203, &at(0, 0)), rec(0x0203, &at(65_535, 255)[..4])]);
        assert!(check_cells(&four).is_err());
        // A sheet record pointing past the stream.
        let mut nowhere = stream(&[far.clone(), rec(0x0203, &at(0, 0))]);
        let at_offset = 4 + 16 + 4;
        nowhere[at_offset..at_offset + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(check_cells(&nowhere), Ok(()));
        // The same file with the offset intact: refused.
        let found = stream(&[far, rec(0x0203, &at(0, 0))]);
        assert!(check_cells(&found).is_err());
    }

    #[test]
    fn anything_else_passes() {
        assert_eq!(check(b""), Ok(()));
        assert_eq!(check(b"PK\x03\x04"), Ok(()));
        assert_eq!(check(&[0; 600]), Ok(()));
        // A compound document with a sector size the reader refuses.
        let mut bytes = file(&[0], END, &[&[TABLE, 1]]);
        bytes[30..32].copy_from_slice(&10u16.to_le_bytes());
        assert_eq!(check(&bytes), Ok(()));
        // A header cut short.
        let bytes = file(&[0], END, &[&[TABLE, 1]]);
        assert_eq!(check(&bytes[..511]), Ok(()));
    }
}
