//! Responses read from a CSV file, as survey tools export them.

use crate::error::Place;
use crate::input::assessment::ResponseField;
use crate::input::survey::layout::{Column, Columns, HeaderProblem, Layout};
use crate::input::survey::{Cell, CsvOptions, Row, Rows, trim};
use crate::{Assessment, CsvProblem, Error, Partnership};

/// The delimiter of the header line: comma, semicolon or tab, whichever
/// occurs most outside quotes (comma on a tie).
fn delimiter(data: &[u8]) -> u8 {
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
    } else if tab > comma && tab > semicolon {
        b'\t'
    } else {
        b','
    }
}

/// Line numbers as a text editor shows them, from byte offsets: a line
/// ends at `\n`, at `\r\n` or at a lone `\r`, inside quoted cells too.
/// (The CSV reader's own line count is one short after each `\r\n`.)
struct Lines<'a> {
    data: &'a [u8],
    /// The offset counted up to, and the line it is on.
    at: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(data: &'a [u8]) -> Self {
        Lines {
            data,
            at: 0,
            line: 1,
        }
    }

    /// The line of the record that starts at `offset` (offsets asked for
    /// never go back). The reader may give the offset of the end of the
    /// line before, so ends of lines are passed over first.
    fn of(&mut self, offset: u64) -> u64 {
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.data.len());
        while let Some(b'\r' | b'\n') = self.data.get(start) {
            start += 1;
        }
        if start < self.at {
            return self.line;
        }
        let span = self.data.get(self.at..start).unwrap_or_default();
        // Each `\n` ends a line, and each `\r` not followed by one. (The
        // last byte of the span is never a `\r` followed by `\n`: the
        // record starts after its line's end.)
        let feeds = memchr::memchr_iter(b'\n', span).count();
        let lone_returns = memchr::memchr_iter(b'\r', span)
            .filter(|&at| span.get(at + 1) != Some(&b'\n'))
            .count();
        let ends = feeds + lone_returns;
        self.line += ends as u64;
        self.at = start;
        self.line
    }
}

impl Row for ::csv::StringRecord {
    fn cell(&self, column: usize) -> Cell<'_> {
        match self.get(column).map(trim) {
            None | Some("") => Cell::Empty,
            Some(text) => Cell::Text(text),
        }
    }

    fn width(&self) -> usize {
        self.len()
    }

    fn is_blank(&self) -> bool {
        self.iter().all(|cell| trim(cell).is_empty())
    }
}

/// The error for a CSV reader's error: where it is, and what.
fn malformed(err: &::csv::Error, lines: &mut Lines<'_>) -> Error {
    let line = err.position().map_or(0, |p| lines.of(p.byte()));
    let message = match err.kind() {
        ::csv::ErrorKind::Utf8 { err, .. } => format!(
            "field {} is not valid UTF-8; save the file as UTF-8",
            err.field() + 1
        ),
        ::csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("the row has {len} cells where the header has {expected_len}"),
        _ => err.to_string(),
    };
    Error::Csv {
        line,
        column: None,
        problem: CsvProblem::Malformed { message },
    }
}

impl Partnership {
    /// The assessment of this partnership with its responses read from a
    /// CSV file, as a survey tool exports it: one row per respondent, one
    /// column per question.
    ///
    /// - The file is UTF-8, with or without a byte-order mark; its
    ///   delimiter (comma, semicolon or tab) is found from the header line;
    ///   cells are quoted as RFC 4180 says, and trimmed; lines end with
    ///   `\n` or `\r\n`.
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
    ///   ([`CsvOptions::column`]). With no respondent column, each row's
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
    ///   `4 (…)`), or a word of the caller's scale ([`CsvOptions::scale`]).
    ///   An empty cell, `N/A`, `Not applicable` and `Don't know` are not
    ///   rated. A row whose cells are all empty is skipped.
    ///
    /// The responses are checked by the same rules as those of an
    /// assessment document. Every error names the line as a text editor
    /// numbers it (the first header line is 1).
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] naming the line, the column and the value for what
    /// only a survey export can get wrong (a header, a cell that is not a
    /// rating or a role); [`Error::ColumnNotFound`] for a column named in
    /// `options` that the header lacks; for a rule every response obeys,
    /// its own error ([`Error::DuplicateRespondent`],
    /// [`Error::UnknownAgency`], …) with the line and column as its
    /// [`Place`].
    ///
    /// ```
    /// use interagency::{CsvOptions, Facilitator, Partnership, SurveyField};
    ///
    /// let partnership = Partnership::from_json(r#"{"partnership": "Northside",
    ///   "agencies": [{"id": "cfa", "name": "Child and Family Agency"}, {"id": "hse", "name": "HSE"}],
    ///   "characteristics": ["consistent_goals", "complementary_services"]}"#)?;
    /// // A Google Forms export: a grid question, answers as words.
    /// let csv = "Timestamp,Which agency?,Role,How present is each? [Leadership],How present is each? [Good communication]\r\n\
    ///            2026/03/01 9:12:00 AM GMT,Child and Family Agency,Frontline,Slightly present,Mostly present\r\n\
    ///            2026/03/01 9:40:00 AM GMT,HSE,Senior manager,,Fully present\r\n";
    /// let options = CsvOptions::new().column(SurveyField::Agency, "Which agency?");
    /// let assessment = partnership.clone().with_responses_from_csv(csv, &options)?;
    /// assert_eq!(assessment.responses()[1].respondent, "row-3");
    /// assert_eq!(assessment.classify().result(Facilitator::GoodCommunication).mean, Some(4.5));
    ///
    /// let bad = "respondent,agency,role,Leadership\r\nr1,cfa,manager,4\r\nr2,cfa,manager,6\r\n";
    /// assert_eq!(
    ///     partnership.clone().with_responses_from_csv(bad, &CsvOptions::new()).unwrap_err().to_string(),
    ///     "line 3, column Leadership: \"6\" is not a rating from 1 to 5"
    /// );
    /// let twice = "respondent,agency,role,Leadership\nr1,cfa,manager,3\nr1,hse,manager,4\n";
    /// assert_eq!(
    ///     partnership.with_responses_from_csv(twice, &CsvOptions::new()).unwrap_err().to_string(),
    ///     "line 3, column respondent: respondent \"r1\" is listed twice"
    /// );
    /// # Ok::<(), interagency::Error>(())
    /// ```
    pub fn with_responses_from_csv(
        self,
        csv: impl AsRef<[u8]>,
        options: &CsvOptions,
    ) -> Result<Assessment, Error> {
        let data = csv.as_ref();
        let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
        let mut lines = Lines::new(data);
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(delimiter(data))
            .has_headers(false)
            .from_reader(data);
        // The first rows, enough for any layout's header.
        let mut first = Vec::new();
        for record in reader.records().take(3) {
            let record = record.map_err(|e| malformed(&e, &mut lines))?;
            let line = lines.of(record.position().map_or(0, ::csv::Position::byte));
            first.push((record, line));
        }
        let texts: Vec<Vec<String>> = first.iter().map(|(record, _)| record.texts()).collect();
        let layout = Layout::of(&texts);
        let header_rows = layout.header_rows().min(first.len());
        let header_lines: Vec<u64> = first.iter().map(|(_, line)| *line).collect();
        let columns = Columns::read(
            layout,
            texts.get(..header_rows).unwrap_or_default(),
            options,
            self.agencies(),
        )
        .map_err(|problem| header_error(problem, &header_lines))?;
        let rows = Rows {
            columns: &columns,
            agencies: self.agencies(),
            scale: options.words(),
        };
        let label = |column: Option<usize>| column.map(|c| columns.label(c).to_owned());
        let mut responses = Vec::new();
        let mut at = Vec::new();
        let mut read = |record: &::csv::StringRecord, line: u64| -> Result<(), Error> {
            let response = rows.read(
                record,
                || format!("row-{line}"),
                |column, problem| Error::Csv {
                    line,
                    column: label(column),
                    problem,
                },
            )?;
            if let Some(response) = response {
                responses.push(response);
                at.push(line);
            }
            Ok(())
        };
        for (record, line) in first.iter().skip(header_rows) {
            read(record, *line)?;
        }
        let mut record = ::csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(err) => return Err(malformed(&err, &mut lines)),
            }
            let line = lines.of(record.position().map_or(0, ::csv::Position::byte));
            read(&record, line)?;
        }
        // The rules every response obeys, with the line and column of each.
        let place = |index: usize, field: ResponseField| Place::Line {
            line: at.get(index).copied().unwrap_or_default(),
            column: label(match field {
                ResponseField::Whole | ResponseField::Partners | ResponseField::Trust => None,
                ResponseField::Respondent => columns.of(Column::Respondent),
                ResponseField::Agency => columns.of(Column::Agency),
            }),
        };
        self.with_responses_at(responses, place)
    }
}

/// The error for a problem with the header, on the line of its header row.
fn header_error(problem: HeaderProblem, lines: &[u64]) -> Error {
    match problem.problem {
        Ok(csv) => Error::Csv {
            line: lines.get(problem.row).copied().unwrap_or(1),
            column: problem.label,
            problem: csv,
        },
        Err(error) => *error,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a test fails by panicking")]
mod tests {
    use super::{Lines, delimiter};

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

    #[test]
    fn lines_as_an_editor_numbers_them() {
        let data = b"a,b\r\nc,\"d\r\ne\"\r\n\r\nf,g\rh,i\nj,k";
        let mut lines = Lines::new(data);
        let starts = [0, 5, 17, 21, 25];
        let expected = [1, 2, 5, 6, 7];
        for (start, line) in starts.iter().zip(expected) {
            assert_eq!(lines.of(*start), line, "offset {start}");
        }
        // The reader may give the offset of the line end before a record.
        let mut lines = Lines::new(data);
        assert_eq!(lines.of(3), 2);
        assert_eq!(lines.of(4), 2);
        assert_eq!(lines.of(5), 2);
        assert_eq!(lines.of(u64::MAX), 7);
        // An offset before one already asked for does not count back.
        let mut lines = Lines::new(data);
        assert_eq!(lines.of(25), 7);
        assert_eq!(lines.of(0), 7);
        assert_eq!(lines.of(25), 7);
    }
}
