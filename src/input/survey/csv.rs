//! Responses read from a CSV file, as survey tools export them.

use crate::error::Place;
use crate::input::survey::collected::ReadExport;
use crate::input::survey::{Cell, Export, Places, Row, SurveyOptions, read_export, row_name, trim};
use crate::{Assessment, Error, ExportProblem, Partnership};

/// The delimiter of the header line: comma, semicolon or tab, whichever
/// occurs most outside quotes (comma on a tie).
pub(super) fn delimiter(data: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &byte in data {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let [comma, semicolon, tab] = counts;
    if semicolon > comma && semicolon >= tab {
        b';'
    } else if tab > comma {
        // Then also more tabs than semicolons.
        b'\t'
    } else {
        b','
    }
}

/// The records of a CSV text, one at a time, each with the line it starts
/// on as a text editor numbers lines: a line ends at `\n`, at `\r\n` or at
/// a lone `\r`, inside quoted cells too.
///
/// A record whose first line holds no quote, the usual case, is split at
/// its delimiters (found by `memchr`) where it lies; any other is read by
/// `csv-core`, the `csv` crate's own parser, as RFC 4180 says. Either way
/// the cells are those the `csv` crate reads (a property test checks the
/// two against each other): a byte-order mark is skipped at the start
/// only, blank lines are skipped, every record must have as many cells as
/// the first, and each cell must be UTF-8.
pub(super) struct Records<'a> {
    data: &'a [u8],
    /// Where the next record starts looking, and the line that is on.
    at: usize,
    line: u64,
    /// The number of cells of the first record.
    width: Option<usize>,
    delimiter: u8,
    reader: csv_core::Reader,
    /// The current record's cells, side by side, and where each ends.
    buffer: Vec<u8>,
    ends: Vec<usize>,
    /// Where each cell of the current record starts and ends.
    cells: Vec<(usize, usize)>,
}

/// One record: its text and its cells.
pub(super) struct Record<'r> {
    text: &'r str,
    cells: &'r [(usize, usize)],
}

impl Row for Record<'_> {
    #[inline]
    fn cell(&self, column: usize) -> Cell<'_> {
        match self
            .cells
            .get(column)
            .and_then(|&(start, end)| self.text.get(start..end))
            .map(trim)
        {
            None | Some("") => Cell::Empty,
            Some(text) => Cell::Text(text),
        }
    }

    fn width(&self) -> usize {
        self.cells.len()
    }
}

/// How many lines end in `data[from..to]`: each `\n`, and each `\r` not
/// followed by one (in `data`, so that a `\r\n` across `to` counts once).
fn line_ends(data: &[u8], from: usize, to: usize) -> u64 {
    let span = data.get(from..to).unwrap_or_default();
    let feeds = memchr::memchr_iter(b'\n', span).count();
    let lone_returns = memchr::memchr_iter(b'\r', span)
        .filter(|&at| data.get(from + at + 1) != Some(&b'\n'))
        .count();
    (feeds + lone_returns) as u64
}

impl<'a> Records<'a> {
    /// The records of `data`, after a byte-order mark if it starts with
    /// one.
    pub(super) fn new(data: &'a [u8], delimiter: u8) -> Self {
        Records {
            data,
            at: Records::start(data),
            line: 1,
            width: None,
            delimiter,
            reader: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            buffer: vec![0; 256],
            ends: vec![0; 16],
            cells: Vec::new(),
        }
    }

    /// Where the first record starts: after a byte-order mark.
    fn start(data: &[u8]) -> usize {
        if data.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        }
    }

    /// Reads one record from `input` into `buffer` and `ends`; returns how
    /// many bytes it took.
    fn read_record(&mut self, mut input: &[u8]) -> usize {
        use csv_core::ReadRecordResult;
        // As if it had read before: csv-core strips a byte-order mark only
        // from the start of a file, which this is not (a blank line is
        // skipped).
        self.reader.reset();
        let _ = self.reader.read_record(b"\n", &mut [], &mut []);
        let (mut read, mut written, mut ended) = (0, 0, 0);
        loop {
            let output = self.buffer.get_mut(written..).unwrap_or_default();
            let ends = self.ends.get_mut(ended..).unwrap_or_default();
            let (result, nin, nout, nend) = self.reader.read_record(input, output, ends);
            input = input.get(nin..).unwrap_or_default();
            read += nin;
            written += nout;
            ended += nend;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let len = self.buffer.len() * 2;
                    self.buffer.resize(len, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len() * 2;
                    self.ends.resize(len, 0);
                }
                ReadRecordResult::Record | ReadRecordResult::End => break,
            }
        }
        self.cells.clear();
        let mut start = 0;
        for &end in self.ends.get(..ended).unwrap_or_default() {
            self.cells.push((start, end));
            start = end;
        }
        read
    }
}

impl Export for Records<'_> {
    type Row<'r>
        = Record<'r>
    where
        Self: 'r;

    /// The next record and its line; `None` at the end of the text.
    /// [`Error::Export`] for a record with another number of cells than the
    /// first, or a cell that is not UTF-8.
    fn next(&mut self) -> Option<Result<(Record<'_>, u64), Error>> {
        // Blank lines hold no record.
        loop {
            match self.data.get(self.at) {
                None => return None,
                Some(b'\n') => self.at += 1,
                Some(b'\r') => {
                    self.at += 1;
                    if self.data.get(self.at) == Some(&b'\n') {
                        self.at += 1;
                    }
                }
                Some(_) => break,
            }
            self.line += 1;
        }
        let line = self.line;
        let rest = self.data.get(self.at..).unwrap_or_default();
        let stop = memchr::memchr3(b'\n', b'\r', b'"', rest).unwrap_or(rest.len());
        let bytes = if rest.get(stop) == Some(&b'"') {
            // A quote: the record is csv-core's to read.
            let read = self.read_record(rest);
            self.line += line_ends(self.data, self.at, self.at + read);
            self.at += read;
            let len = self.cells.last().map_or(0, |&(_, end)| end);
            self.buffer.get(..len).unwrap_or_default()
        } else {
            // No quote on the line, the usual case: its cells lie between
            // its delimiters, as csv-core would read them, and are taken
            // where they lie rather than copied through csv-core.
            let text = rest.get(..stop).unwrap_or_default();
            self.cells.clear();
            let mut start = 0;
            for end in memchr::memchr_iter(self.delimiter, text).chain([stop]) {
                self.cells.push((start, end));
                start = end + 1;
            }
            // The line's end is passed over with the blank lines.
            self.at += stop;
            text
        };
        let problem = |message: String| Error::Export {
            place: Place::Line { line, column: None },
            problem: ExportProblem::Malformed { message },
        };
        let width = *self.width.get_or_insert(self.cells.len());
        if self.cells.len() != width {
            let len = self.cells.len();
            return Some(Err(problem(format!(
                "the row has {len} cells where the header has {width}"
            ))));
        }
        // Each cell must be UTF-8 on its own: a quoted record's cells lie
        // side by side, where the end of one and the start of the next
        // could make a character together, so each must also end between
        // characters.
        let text = match core::str::from_utf8(bytes) {
            Ok(text)
                if self
                    .cells
                    .iter()
                    .all(|&(_, end)| text.is_char_boundary(end)) =>
            {
                text
            }
            _ => {
                let field = self
                    .cells
                    .iter()
                    .position(|&(start, end)| {
                        bytes
                            .get(start..end)
                            .is_none_or(|cell| core::str::from_utf8(cell).is_err())
                    })
                    .unwrap_or_default();
                return Some(Err(problem(format!(
                    "field {} is not valid UTF-8; save the file as UTF-8",
                    field + 1
                ))));
            }
        };
        Some(Ok((
            Record {
                text,
                cells: &self.cells,
            },
            line,
        )))
    }

    fn rewind(&mut self) {
        self.at = Records::start(self.data);
        self.line = 1;
        self.width = None;
    }
}

/// Rows of a CSV file are named by their lines.
pub(super) struct Lines;

impl Places for Lines {
    fn first(&self) -> u64 {
        1
    }

    fn unnamed(&self, line: u64) -> String {
        row_name(line)
    }

    fn place(&self, line: u64, _: Option<usize>, column: Option<String>) -> Place {
        Place::Line { line, column }
    }
}

impl Partnership {
    /// The assessment of this partnership with its responses read from a
    /// CSV file, as a survey tool exports it: one row per respondent, one
    /// column per question.
    ///
    /// Available with the `csv` feature.
    ///
    /// - The file is UTF-8, with or without a byte-order mark; its
    ///   delimiter (comma, semicolon or tab) is found from the header line;
    ///   cells are quoted as RFC 4180 says, and trimmed; lines end with
    ///   `\n`, `\r\n` or a lone `\r`; blank lines are skipped.
    /// - The header is one row (the crate's template, Google Forms,
    ///   Microsoft Forms or any generic export), three (Qualtrics: export
    ///   tags, question text, import ids) or two (SurveyMonkey: questions,
    ///   then matrix rows or `Response`), recognised from the file.
    /// - A column of ratings is headed by its item's id or name
    ///   (`leadership` or `Leadership`), also inside a question title:
    ///   `Title [Leadership]` (a Google Forms grid), `Title - Leadership`
    ///   (Qualtrics), `Leadership: question text` (the crate's template),
    ///   or under the question (SurveyMonkey). Headers compare
    ///   case-insensitive, surrounding spaces ignored.
    /// - The respondent is in the column headed `respondent`, `ResponseId`,
    ///   `Respondent ID` or `ID`, the agency in `agency` and the role in
    ///   `role`, unless `options` names other columns
    ///   ([`SurveyOptions::column`]). With no respondent column, each row's
    ///   respondent is `row-N`, N its line.
    /// - The tools' own columns (timestamps, durations, e-mail addresses,
    ///   IP addresses and the like) are skipped; any other column that
    ///   names nothing is an error unless `options` ignores it. A column
    ///   naming what an earlier one names is an error.
    /// - Each row is a respondent: an agency by id or name, a role by id or
    ///   name (`senior_manager`, `Senior manager`), and ratings: a whole
    ///   number from 1 to 5, the questionnaire's words for it (facilitators
    ///   `Not present at all` … `Fully present`, obstacles `Not a problem`
    ///   … `A severe problem`; [`Rated::LABELS`](crate::Rated::LABELS)), a
    ///   label led by its number (`4 - Mostly present`, `4. …`,
    ///   `4 (…)`), or a word of the caller's scale ([`SurveyOptions::scale`]).
    ///   An empty cell, `N/A`, `Not applicable` and `Don't know` are not
    ///   rated. A row whose cells are all empty is skipped.
    ///
    /// The responses are checked by the same rules as those of an
    /// assessment document. Every error names the line as a text editor
    /// numbers it (the first header line is 1).
    ///
    /// # Errors
    ///
    /// [`Error::Export`] naming the line, the column and the value for what
    /// only a survey export can get wrong (a header, a cell that is not a
    /// rating or a role); [`Error::ColumnNotFound`] for a column named in
    /// `options` that the header lacks; for a rule every response obeys,
    /// its own error ([`Error::DuplicateRespondent`],
    /// [`Error::UnknownAgency`], …) with the line and column as its
    /// [`Place`].
    ///
    /// ```
    /// use interagency::{SurveyOptions, Facilitator, Partnership, SurveyField};
    ///
    /// let partnership = Partnership::from_json(r#"{"partnership": "Northside",
    ///   "agencies": [{"id": "cfa", "name": "Child and Family Agency"}, {"id": "hse", "name": "HSE"}],
    ///   "characteristics": ["consistent_goals", "complementary_services"]}"#)?;
    /// // A Google Forms export: a grid question, answers as words.
    /// let csv = "Timestamp,Which agency?,Role,How present is each? [Leadership],How present is each? [Good communication]\r\n\
    ///            2026/03/01 9:12:00 AM GMT,Child and Family Agency,Frontline,Slightly present,Mostly present\r\n\
    ///            2026/03/01 9:40:00 AM GMT,HSE,Senior manager,,Fully present\r\n";
    /// let options = SurveyOptions::new().column(SurveyField::Agency, "Which agency?");
    /// let assessment = partnership.clone().with_responses_from_csv(csv, &options)?;
    /// assert_eq!(assessment.responses()[1].respondent, "row-3");
    /// assert_eq!(assessment.classify().result(Facilitator::GoodCommunication).mean, Some(4.5));
    ///
    /// let bad = "respondent,agency,role,Leadership\r\nr1,cfa,manager,4\r\nr2,cfa,manager,6\r\n";
    /// assert_eq!(
    ///     partnership.clone().with_responses_from_csv(bad, &SurveyOptions::new()).unwrap_err().to_string(),
    ///     "line 3, column Leadership: \"6\" is not a rating from 1 to 5"
    /// );
    /// let twice = "respondent,agency,role,Leadership\nr1,cfa,manager,3\nr1,hse,manager,4\n";
    /// assert_eq!(
    ///     partnership.with_responses_from_csv(twice, &SurveyOptions::new()).unwrap_err().to_string(),
    ///     "line 3, column respondent: respondent \"r1\" is listed twice"
    /// );
    /// # Ok::<(), interagency::Error>(())
    /// ```
    pub fn with_responses_from_csv(
        self,
        csv: impl AsRef<[u8]>,
        options: &SurveyOptions,
    ) -> Result<Assessment, Error> {
        read_csv(self, csv.as_ref(), options).map(|read| read.assessment)
    }
}

/// The assessment of `partnership` with its responses read from `data`, a
/// CSV file, with the rows left out.
pub(crate) fn read_csv(
    partnership: Partnership,
    data: &[u8],
    options: &SurveyOptions,
) -> Result<ReadExport, Error> {
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    read_export(
        partnership,
        Records::new(data, delimiter(data)),
        &Lines,
        options,
    )
}

#[cfg(test)]
mod tests {
    use super::{Record, Records, delimiter, line_ends};
    use crate::input::survey::Export as _;

    #[test]
    fn the_delimiter_of_the_header_line() {
        for (header, expected) in [
            ("a,b,c\n", b','),
            ("a;b;c\n", b';'),
            ("a\tb\tc\n", b'\t'),
            ("abc\n", b','),
            // Delimiters inside quotes do not count, nor do the lines after.
            ("\"a;b;c\",d\n", b','),
            ("\"a,b,c\";d;e\n", b';'),
            ("\"a\tb\tc\";d\n", b';'),
            ("\"a,b\"\t\"c,d\"\te\n", b'\t'),
            ("\"x\ny,z\";a;b\n", b';'),
            ("a;b\nc,d,e,f\n", b';'),
            ("a;b\rc,d,e,f", b';'),
            ("a\tb\rc,d,e,f", b'\t'),
            // Ties: comma first, then semicolon.
            ("a,b;c\n", b','),
            ("a,b\tc\n", b','),
            ("a;b\tc\n", b';'),
            ("a\tb\tc;d;e,f,g\n", b','),
            ("a\tb\tc;d,e\n", b'\t'),
            ("a\tb;c;d\n", b';'),
            ("a;b;c\td\te\tf\n", b'\t'),
        ] {
            assert_eq!(
                char::from(delimiter(header.as_bytes())),
                char::from(expected),
                "{header:?}"
            );
        }
    }

    /// The records of `data` and their lines, or the error that stops them.
    fn records(data: &[u8], delimiter: u8) -> Result<Vec<(Vec<String>, u64)>, String> {
        let mut records = Records::new(data, delimiter);
        let mut all = Vec::new();
        while let Some(record) = records.next() {
            let (record, line) = record.map_err(|e| e.to_string())?;
            all.push((record.texts_as_read(), line));
        }
        Ok(all)
    }

    impl Record<'_> {
        /// The cells exactly as read, untrimmed.
        fn texts_as_read(&self) -> Vec<String> {
            self.cells
                .iter()
                .map(|&(start, end)| self.text.get(start..end).unwrap().to_owned())
                .collect()
        }
    }

    /// The same, read by the `csv` crate, each record's line counted from
    /// its byte offset.
    fn records_by_csv(data: &[u8], delimiter: u8) -> Result<Vec<(Vec<String>, u64)>, String> {
        // The line of the record at `offset`: one more than the lines that
        // end before its first byte (the reader may give the offset of the
        // end of the line before).
        let line_at = |offset: u64| {
            let mut start = usize::try_from(offset).unwrap().min(data.len());
            // The first record's offset is 0, before a byte-order mark.
            if start == 0 && data.starts_with(b"\xEF\xBB\xBF") {
                start = 3;
            }
            while let Some(b'\r' | b'\n') = data.get(start) {
                start += 1;
            }
            1 + line_ends(data, 0, start)
        };
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .from_reader(data);
        let mut all = Vec::new();
        for record in reader.records() {
            match record {
                Ok(record) => {
                    let line = line_at(record.position().unwrap().byte());
                    all.push((record.iter().map(str::to_owned).collect(), line));
                }
                Err(err) => {
                    let line = line_at(err.position().unwrap().byte());
                    let message = match err.kind() {
                        ::csv::ErrorKind::Utf8 { err, .. } => format!(
                            "field {} is not valid UTF-8; save the file as UTF-8",
                            err.field() + 1
                        ),
                        ::csv::ErrorKind::UnequalLengths {
                            expected_len, len, ..
                        } => format!("the row has {len} cells where the header has {expected_len}"),
                        other => panic!("{other:?}"),
                    };
                    return Err(format!("line {line}: {message}"));
                }
            }
        }
        Ok(all)
    }

    #[test]
    fn records_and_lines_as_an_editor_numbers_them() {
        let data = b"a,b\r\nc,\"d\r\ne\"\r\n\r\nf,g\rh,i\nj,k";
        let expected = [
            (["a", "b"], 1),
            (["c", "d\r\ne"], 2),
            (["f", "g"], 5),
            (["h", "i"], 6),
            (["j", "k"], 7),
        ];
        let expected: Vec<(Vec<String>, u64)> = expected
            .iter()
            .map(|(cells, line)| (cells.iter().map(|c| (*c).to_owned()).collect(), *line))
            .collect();
        assert_eq!(records(data, b','), Ok(expected.clone()));
        assert_eq!(records_by_csv(data, b','), Ok(expected));
        // Quotes within a cell, a quoted cell ending the file, a record of
        // another width, a cell that is not UTF-8.
        let data = b"x,\"y \"\"z\"\" \"\"w\"\"\"\na\"b,\"c\nd";
        let expected = Ok(vec![
            (vec!["x".to_owned(), "y \"z\" \"w\"".to_owned()], 1),
            (vec!["a\"b".to_owned(), "c\nd".to_owned()], 2),
        ]);
        assert_eq!(records(data, b','), expected);
        assert_eq!(records_by_csv(data, b','), expected);
        for data in [
            &b"a,b\n\nc\n"[..],
            b"a;b\r\n\"c\"\"\r\n\";d\r\ne;\xff\xfe\r\n",
        ] {
            let delimiter = if data.contains(&b';') { b';' } else { b',' };
            assert_eq!(records(data, delimiter), records_by_csv(data, delimiter));
            assert!(records(data, delimiter).is_err());
        }
        // Cells of a quoted record are each UTF-8 on its own; a byte-order
        // mark is skipped at the start of the text only.
        for data in [
            &b"\xc3,\xac\""[..],
            b"\"h1\",h2\n\"x\xc3\",\xa9y\n",
            b"h1,h2\n\"a\xc3\",\xa9\xff\n",
            b"a,b\n\xEF\xBB\xBF\"x\",y",
            b"\xEF\xBB\xBF\xEF\xBB\xBFrespondent,agency\n\xEF\xBB\xBF\"x\",y\n",
        ] {
            assert_eq!(records(data, b','), records_by_csv(data, b','), "{data:?}");
        }
        assert_eq!(
            records(b"h1,h2\n\"a\xc3\",\xa9\xff\n", b','),
            Err("line 2: field 1 is not valid UTF-8; save the file as UTF-8".to_owned())
        );
        assert_eq!(
            records(b"a,b\n\xEF\xBB\xBF\"x\",y", b',').unwrap()[1].0,
            ["\u{feff}\"x\"", "y"]
        );
        assert_eq!(
            records(b"a,b\nc\n", b','),
            Err("line 2: the row has 1 cells where the header has 2".to_owned())
        );
        assert_eq!(
            records(b"a;b\r\n\r\n\"c\r\n\";d\xff\r\n", b';'),
            Err("line 3: field 2 is not valid UTF-8; save the file as UTF-8".to_owned())
        );
    }

    #[test]
    fn long_quoted_records_and_many_cells_read_whole() {
        // Quoted records longer than the parser's first buffer, with more
        // cells than its first list of ends, among plain ones.
        let long = format!("\"{}\"\"x\"\"\r\n{}\"", "a,b;".repeat(300), "z".repeat(700));
        let header: Vec<String> = (0..40).map(|i| format!("c{i}")).collect();
        let quoted: Vec<String> = (0..40).map(|i| format!("\"{i},\"")).collect();
        let mut plain: Vec<String> = (0..40).map(|i| i.to_string()).collect();
        plain[7].clone_from(&long);
        let data = [
            header.join(","),
            quoted.join(","),
            plain.join(","),
            quoted.join(","),
        ]
        .join("\r\n")
        .into_bytes();
        let read = records(&data, b',').unwrap();
        assert_eq!(read, records_by_csv(&data, b',').unwrap());
        assert_eq!(read.len(), 4);
        assert!(read.iter().all(|(cells, _)| cells.len() == 40));
        assert_eq!(read[1].0[39], "39,");
        assert_eq!(read[2].0[7].len(), 1200 + 3 + 2 + 700);
        assert_eq!(
            read.iter().map(|(_, line)| *line).collect::<Vec<_>>(),
            [1, 2, 3, 5]
        );
    }

    /// Texts of the pieces CSV is made of, quotes, line ends, delimiters
    /// and bytes that are not UTF-8 among them.
    fn csv_text() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            &b"a"[..],
            b"bc",
            b" ",
            "\u{e9}".as_bytes(),
            b",",
            b";",
            b"\t",
            b"\"",
            b"\"\"",
            b"\r",
            b"\n",
            b"\r\n",
            b"\xff",
            b"\xc3",
            b"\xa9",
            "\u{feff}".as_bytes(),
            // Long runs with no line end or quote.
            b"Mostly present,Partly present;A major problem\tx",
            b"0123456789abcdef0123456789abcdef",
            b",,,,,,,,;;;;;;;;\t\t\t\t\t\t\t\t",
        ]);
        prop::collection::vec(piece, 0..48).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn records_are_those_the_csv_crate_reads(
            data in csv_text(),
            delimiter in proptest::sample::select(vec![b',', b';', b'\t']),
        ) {
            proptest::prop_assert_eq!(records(&data, delimiter), records_by_csv(&data, delimiter));
        }
    }
}
