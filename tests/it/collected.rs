//! Exports as the tools collect them: the columns each tool
//! writes about a response are skipped, and the rows that are no
//! respondent's are left out and counted, in CSV (LF and CRLF) and `.xlsx`
//! alike.

use interagency::{
    Assessment, Error, LeftOut, LeftOutKind, Partnership, ReadExport, SurveyField, SurveyOptions,
};
use proptest::prelude::*;

fn partnership() -> Partnership {
    Partnership::from_json(
        r#"{"partnership": "Northside",
            "agencies": [{"id": "cfa", "name": "Child and Family Agency"}, {"id": "hse", "name": "Community Health"}],
            "characteristics": []}"#,
    )
    .unwrap()
}

/// An export's rows, cell by cell, as a test writes them.
pub(crate) type Grid = Vec<Vec<String>>;

fn grid(rows: &[&[&str]]) -> Grid {
    rows.iter()
        .map(|row| row.iter().map(|c| (*c).to_owned()).collect())
        .collect()
}

/// The grid as a CSV file with `eol` line ends.
fn csv(grid: &Grid, eol: &str) -> Vec<u8> {
    let mut out = String::new();
    for row in grid {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| {
                if cell.contains(['"', ',', '\n', '\r']) {
                    format!("\"{}\"", cell.replace('"', "\"\""))
                } else {
                    cell.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str(eol);
    }
    out.into_bytes()
}

/// The grid as an `.xlsx` workbook with one sheet, `Sheet1`, from A1: a
/// cell that reads as a number is stored as one (as a numeric export's
/// codes and ratings are), any other as text.
#[cfg(feature = "xlsx")]
pub(crate) fn xlsx(grid: &Grid) -> Vec<u8> {
    use std::fmt::Write as _;
    use std::io::Write as _;
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let column = |c: usize| {
        let letter = |k: usize| char::from(b'A' + u8::try_from(k).unwrap());
        if c < 26 {
            letter(c).to_string()
        } else {
            format!("{}{}", letter(c / 26 - 1), letter(c % 26))
        }
    };
    let mut sheet = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet \
         xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    for (y, row) in grid.iter().enumerate() {
        let r = y + 1;
        write!(sheet, "<row r=\"{r}\">").unwrap();
        for (x, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let at = format!("{}{r}", column(x));
            if cell.parse::<f64>().is_ok() {
                write!(sheet, "<c r=\"{at}\"><v>{cell}</v></c>").unwrap();
            } else {
                write!(
                    sheet,
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                    escape(cell)
                )
                .unwrap();
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let package = "http://schemas.openxmlformats.org/package/2006";
    let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts = [
        (
            "[Content_Types].xml",
            format!(
                "<Types xmlns=\"{package}/content-types\"><Default Extension=\"rels\" \
                 ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
                 <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
                 <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
                 <Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"
            ),
        ),
        (
            "_rels/.rels",
            format!(
                "<Relationships xmlns=\"{package}/relationships\"><Relationship Id=\"rId1\" \
                 Type=\"{relations}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
                 xmlns:r=\"{relations}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" \
                 r:id=\"rId1\"/></sheets></workbook>"
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                "<Relationships xmlns=\"{package}/relationships\"><Relationship Id=\"rId1\" \
                 Type=\"{relations}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
            ),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The grid in every form: CSV with LF and with CRLF line ends, and (with
/// the `xlsx` feature) a workbook.
fn forms(grid: &Grid) -> Vec<(&'static str, Vec<u8>)> {
    #[allow(unused_mut, reason = "the workbook joins with the xlsx feature")]
    let mut forms = vec![
        ("CSV, LF", csv(grid, "\n")),
        ("CSV, CRLF", csv(grid, "\r\n")),
    ];
    #[cfg(feature = "xlsx")]
    forms.push(("xlsx", xlsx(grid)));
    forms
}

fn read_with(data: &[u8], options: &SurveyOptions) -> Result<ReadExport, Error> {
    partnership().read_export(data, options)
}

fn read(data: &[u8]) -> ReadExport {
    read_with(data, &SurveyOptions::new()).unwrap_or_else(|e| panic!("{e}"))
}

/// Reads `export` in every form: each must give the assessment of `base`
/// (read in the same form) and leave out what `left_out` says.
#[track_caller]
fn same_as(base: &Grid, export: &Grid, left_out: &str) {
    for ((form, base), (_, export)) in forms(base).into_iter().zip(forms(export)) {
        let base = read(&base);
        assert!(base.left_out.is_empty(), "{form}");
        let read = read(&export);
        assert_eq!(read.assessment, base.assessment, "{form}");
        assert_eq!(read.left_out.to_string(), left_out, "{form}");
    }
}

/// A Qualtrics export, choice text: three header rows, three respondents.
fn qualtrics() -> Grid {
    grid(&[
        &[
            "StartDate",
            "Status",
            "Finished",
            "ResponseId",
            "Q1",
            "Q2",
            "Q3_1",
            "Q3_2",
            "Q4_1",
        ],
        &[
            "Start Date",
            "Response Type",
            "Finished",
            "Response ID",
            "agency",
            "role",
            "How present is each? - Leadership",
            "How present is each? - Good communication",
            "How much of a problem? - Conflict",
        ],
        &[
            r#"{"ImportId":"startDate","timeZone":"Europe/Dublin"}"#,
            r#"{"ImportId":"status"}"#,
            r#"{"ImportId":"finished"}"#,
            r#"{"ImportId":"_recordId"}"#,
            r#"{"ImportId":"QID1"}"#,
            r#"{"ImportId":"QID2"}"#,
            r#"{"ImportId":"QID3_1"}"#,
            r#"{"ImportId":"QID3_2"}"#,
            r#"{"ImportId":"QID4_1"}"#,
        ],
        &[
            "2026-03-01 09:10:00",
            "IP Address",
            "True",
            "R_1",
            "Child and Family Agency",
            "Manager",
            "Mostly present",
            "4",
            "A minor problem",
        ],
        &[
            "2026-03-01 09:12:00",
            "IP Address",
            "True",
            "R_2",
            "hse",
            "Frontline",
            "2",
            "",
            "5",
        ],
        &[
            "2026-03-01 09:15:00",
            "0",
            "1",
            "R_3",
            "cfa",
            "senior_manager",
            "Fully present",
            "3",
            "",
        ],
    ])
}

/// `grid` with a column inserted at `at`: its header cells, then its cell
/// in every row after them.
fn with_column(grid: &Grid, at: usize, header: &[&str], cell: &str) -> Grid {
    grid.iter()
        .enumerate()
        .map(|(y, row)| {
            let mut row = row.clone();
            let text = header.get(y).copied().unwrap_or(cell);
            row.insert(at.min(row.len()), text.to_owned());
            row
        })
        .collect()
}

/// `grid` with `row` inserted before row `at`.
fn with_row(grid: &Grid, at: usize, row: &[&str]) -> Grid {
    let mut grid = grid.clone();
    grid.insert(at, row.iter().map(|c| (*c).to_owned()).collect());
    grid
}

/// A Qualtrics row of status `status`, with answers that would move every
/// mean if it were read, and a rating no scale has (a row left out is not
/// checked).
fn not_a_respondent(status: &str) -> Vec<&str> {
    vec![
        "2026-02-27 16:02:00",
        status,
        "True",
        "R_preview",
        "cfa",
        "Manager",
        "Fully present",
        "5",
        "9",
    ]
}

/// Each column a licence, a question or the survey adds: its header
/// rows, and a value that is no answer.
const QUALTRICS_EXTRA: [(&[&str], &str); 17] = [
    (
        &[
            "Q_RecaptchaScore",
            "Q_RecaptchaScore",
            r#"{"ImportId":"Q_RecaptchaScore"}"#,
        ],
        "0.9",
    ),
    (
        &[
            "Q_RelevantIDDuplicate",
            "Q_RelevantIDDuplicate",
            r#"{"ImportId":"Q_RelevantIDDuplicate"}"#,
        ],
        "true",
    ),
    (
        &[
            "Q_RelevantIDFraudScore",
            "Q_RelevantIDFraudScore",
            r#"{"ImportId":"Q_RelevantIDFraudScore"}"#,
        ],
        "30",
    ),
    (
        &[
            "Q_TotalDuration",
            "Q_TotalDuration",
            r#"{"ImportId":"Q_TotalDuration"}"#,
        ],
        "412",
    ),
    (
        &["IPAddress", "IP Address", r#"{"ImportId":"ipAddress"}"#],
        "192.0.2.1",
    ),
    // Embedded data, named by the survey.
    (&["team", "team", r#"{"ImportId":"team"}"#], "North East"),
    (
        &[
            "Q9_First Click",
            "Timing - First Click",
            r#"{"ImportId":"QID9_FIRST_CLICK"}"#,
        ],
        "3.2",
    ),
    (
        &[
            "Q9_Last Click",
            "Timing - Last Click",
            r#"{"ImportId":"QID9_LAST_CLICK"}"#,
        ],
        "80.1",
    ),
    (
        &[
            "Q9_Page Submit",
            "Timing - Page Submit",
            r#"{"ImportId":"QID9_PAGE_SUBMIT"}"#,
        ],
        "81.5",
    ),
    (
        &[
            "Q9_Click Count",
            "Timing - Click Count",
            r#"{"ImportId":"QID9_CLICK_COUNT"}"#,
        ],
        "7",
    ),
    (
        &[
            "Q10_4_TEXT",
            "What is your role? - Other - Text",
            r#"{"ImportId":"QID10_4_TEXT"}"#,
        ],
        "Coordinator",
    ),
    (
        &[
            "Q11 - Topics",
            "Anything else? - Topics",
            r#"{"ImportId":"QID11_TEXT_Topics"}"#,
        ],
        "Leadership",
    ),
    (
        &[
            "Q3_DO",
            "How present is each? - Display Order",
            r#"{"ImportId":"QID3_DO"}"#,
        ],
        "2|1",
    ),
    (
        &[
            "Q12_NPS_GROUP",
            "Recommend? - Group",
            r#"{"ImportId":"QID12_NPS_GROUP"}"#,
        ],
        "Promoter",
    ),
    (
        &["Q13_Id", "Upload - Id", r#"{"ImportId":"QID13_FILE_ID"}"#],
        "F_1",
    ),
    (
        &[
            "Q13_Name",
            "Upload - Name",
            r#"{"ImportId":"QID13_FILE_NAME"}"#,
        ],
        "minutes.pdf",
    ),
    (
        &[
            "Q13_Size",
            "Upload - Size",
            r#"{"ImportId":"QID13_FILE_SIZE"}"#,
        ],
        "1024",
    ),
];

#[test]
fn qualtrics_columns_about_a_response_are_skipped() {
    let base = qualtrics();
    let mut all = base.clone();
    for (k, (header, cell)) in QUALTRICS_EXTRA.iter().enumerate() {
        // Alone, at the end and among the questions.
        same_as(&base, &with_column(&base, 99, header, cell), "");
        same_as(&base, &with_column(&base, 6, header, cell), "");
        all = with_column(&all, 4 + 2 * k, header, cell);
    }
    same_as(&base, &all, "");
    // The same column with a question's import id is read, and names
    // nothing.
    let question = with_column(
        &base,
        99,
        &[
            "Q_RecaptchaScore",
            "Q_RecaptchaScore",
            r#"{"ImportId":"QID14"}"#,
        ],
        "0.9",
    );
    for (form, data) in forms(&question) {
        let error = read_with(&data, &SurveyOptions::new()).unwrap_err();
        let message = error.to_string();
        assert!(
            message.ends_with(
                ": names no facilitator or obstacle; a column that holds no answer must be ignored"
            ),
            "{form}: {error}"
        );
        assert!(
            form == "xlsx" || message.contains("column Q_RecaptchaScore:"),
            "{form}: {error}"
        );
    }
}

#[test]
fn a_column_named_in_the_options_is_read_whatever_its_import_id() {
    // A numeric export: the agency question holds only its code, the
    // agency's id is in embedded data.
    let mut base = qualtrics();
    for (row, code) in [(3, "1"), (4, "2"), (5, "1")] {
        base[row][4] = code.to_owned();
    }
    let agencies = ["cfa", "hse", "cfa"];
    let mut export = with_column(
        &base,
        99,
        &["agency_id", "agency_id", r#"{"ImportId":"agency_id"}"#],
        "",
    );
    for (row, agency) in agencies.iter().enumerate() {
        *export[row + 3].last_mut().unwrap() = (*agency).to_owned();
    }
    let options = SurveyOptions::new().column(SurveyField::Agency, "agency_id");
    for (form, data) in forms(&export) {
        let read = read_with(&data, &options).unwrap_or_else(|e| panic!("{form}: {e}"));
        let got: Vec<&str> = read
            .assessment
            .responses()
            .iter()
            .map(|r| r.agency.as_str())
            .collect();
        assert_eq!(got, agencies, "{form}");
        // Unnamed, the embedded data is skipped and the codes name no
        // agency.
        assert!(read_with(&data, &SurveyOptions::new()).is_err(), "{form}");
    }
}

/// Every response type, by label and by code, and whether a row of it is
/// left out (and as what).
const RESPONSE_TYPES: [(&str, u32, Option<LeftOutKind>); 13] = [
    ("IP Address", 0, None),
    ("Survey Preview", 1, Some(LeftOutKind::SurveyPreview)),
    ("Survey Test", 2, Some(LeftOutKind::SurveyTest)),
    ("Imported", 4, None),
    ("Spam", 8, Some(LeftOutKind::Spam)),
    ("Survey Preview Spam", 9, Some(LeftOutKind::SurveyPreview)),
    ("Imported Spam", 12, Some(LeftOutKind::Spam)),
    ("Offline", 16, None),
    (
        "Offline Survey Preview",
        17,
        Some(LeftOutKind::SurveyPreview),
    ),
    ("EX", 32, None),
    ("EX Spam", 40, Some(LeftOutKind::Spam)),
    ("EX Offline", 48, None),
    ("Synthetic", 256, Some(LeftOutKind::Synthetic)),
];

#[test]
fn rows_that_are_no_respondents_are_left_out_by_label_and_by_code() {
    let base = qualtrics();
    for (label, code, kind) in RESPONSE_TYPES {
        for status in [label.to_owned(), code.to_string(), label.to_lowercase()] {
            let mut row = not_a_respondent(&status);
            if let Some(kind) = kind {
                // First, among and after the respondents.
                for at in [3, 5, 6] {
                    let export = with_row(&base, at, &row);
                    same_as(
                        &base,
                        &export,
                        &format!("left out 1 row: {}", kind.describe(1)),
                    );
                }
            } else {
                // Read as a respondent's: its answers must be sound.
                row[8] = "4";
                for (form, data) in forms(&with_row(&base, 4, &row)) {
                    let read = read(&data);
                    assert_eq!(read.assessment.responses().len(), 4, "{form} {status}");
                    assert!(read.left_out.is_empty(), "{form} {status}");
                }
            }
        }
    }
}

#[test]
fn the_left_out_line_names_each_kind_with_its_count() {
    let mut export = qualtrics();
    for status in [
        "Survey Preview",
        "1",
        "Spam",
        "Survey Test",
        "Synthetic",
        "Survey Preview",
    ] {
        export = with_row(&export, 3, &not_a_respondent(status));
    }
    let mut unfinished = not_a_respondent("IP Address");
    unfinished[2] = "False";
    for cell in &mut unfinished[4..] {
        *cell = "";
    }
    export = with_row(&export, 5, &unfinished);
    same_as(
        &qualtrics(),
        &export,
        "left out 7 rows: 3 survey previews, 1 survey test, 1 spam, 1 synthetic response, 1 \
         unfinished response with no answer",
    );
    let read = read(&csv(&export, "\n"));
    assert_eq!(read.left_out.count(LeftOutKind::SurveyPreview), 3);
    assert_eq!(read.left_out.count(LeftOutKind::Unfinished), 1);
    assert_eq!(read.left_out.total(), 7);
    assert_eq!(
        read.left_out.kinds().collect::<Vec<_>>(),
        [
            (LeftOutKind::SurveyPreview, 3),
            (LeftOutKind::SurveyTest, 1),
            (LeftOutKind::Spam, 1),
            (LeftOutKind::Synthetic, 1),
            (LeftOutKind::Unfinished, 1),
        ]
    );
}

#[test]
fn every_row_is_read_when_asked() {
    let export = with_row(&qualtrics(), 3, &{
        let mut row = not_a_respondent("Survey Preview");
        row[8] = "1";
        row
    });
    let every = SurveyOptions::new().keep_every_row(true);
    for (form, data) in forms(&export) {
        let read = read_with(&data, &every).unwrap();
        assert_eq!(read.assessment.responses().len(), 4, "{form}");
        assert_eq!(read.assessment.responses()[0].respondent, "R_preview");
        assert!(read.left_out.is_empty(), "{form}");
    }
    // Read, a row left out is checked like any other.
    let unchecked = with_row(&qualtrics(), 3, &not_a_respondent("Survey Preview"));
    let error = read_with(&csv(&unchecked, "\n"), &every).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 4, column How much of a problem? - Conflict: \"9\" is not a rating from 1 to 5"
    );
}

#[test]
fn unfinished_responses_count_with_the_answers_they_hold() {
    let base = qualtrics();
    for finished in ["False", "false", "0"] {
        // Unfinished with an answer: read.
        let mut partial = base.clone();
        partial[4][2] = finished.to_owned();
        for (form, data) in forms(&partial) {
            let read = read(&data);
            assert_eq!(
                read.assessment,
                self::read(&forms(&base)[0].1).assessment,
                "{form}"
            );
            assert!(read.left_out.is_empty(), "{form}");
        }
        // Unfinished with no answer, agency and role perhaps empty too:
        // left out.
        let mut empty = not_a_respondent("IP Address");
        empty[2] = finished;
        for cell in &mut empty[6..] {
            *cell = "";
        }
        same_as(
            &base,
            &with_row(&base, 4, &empty),
            "left out 1 row: 1 unfinished response with no answer",
        );
        for cell in &mut empty[4..] {
            *cell = "";
        }
        same_as(
            &base,
            &with_row(&base, 6, &empty),
            "left out 1 row: 1 unfinished response with no answer",
        );
    }
    // Finished with no answer is a mistake, named as before.
    let mut empty = not_a_respondent("IP Address");
    for cell in &mut empty[6..] {
        *cell = "";
    }
    let error = read_with(
        &csv(&with_row(&base, 4, &empty), "\r\n"),
        &SurveyOptions::new(),
    )
    .unwrap_err();
    assert!(matches!(error, Error::NoRatings { .. }), "{error}");
}

#[test]
fn a_status_that_is_no_response_type_is_an_error_naming_its_place() {
    let export = with_row(&qualtrics(), 5, &not_a_respondent("Survey Draft"));
    let message = "\"Survey Draft\" is not a Qualtrics response type; expected IP Address, \
                   Survey Preview, Survey Test, Imported, Spam, Offline, EX, Synthetic (or a \
                   combination such as Survey Preview Spam) or its code";
    for eol in ["\n", "\r\n"] {
        let error = read_with(&csv(&export, eol), &SurveyOptions::new()).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("line 6, column Response Type: {message}")
        );
    }
    #[cfg(feature = "xlsx")]
    {
        let error = read_with(&xlsx(&export), &SurveyOptions::new()).unwrap_err();
        assert_eq!(error.to_string(), format!("Sheet1!B6: {message}"));
    }
    // With every row read, the status is not asked.
    let export = with_row(&qualtrics(), 5, &{
        let mut row = not_a_respondent("Survey Draft");
        row[8] = "2";
        row
    });
    let every = SurveyOptions::new().keep_every_row(true);
    assert_eq!(
        read_with(&csv(&export, "\n"), &every)
            .unwrap()
            .assessment
            .responses()
            .len(),
        4
    );
}

/// A one-header-row export with the crate's own column names.
fn one_row(header: &[&str]) -> Grid {
    let mut rows = vec![header.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>()];
    for answers in [
        ["cfa", "Manager", "Mostly present", "A minor problem"],
        ["Community Health", "frontline", "2", ""],
        ["hse", "Senior manager", "", "4 - A major problem"],
    ] {
        let mut row: Vec<String> = vec![String::new(); header.len()];
        for (k, answer) in answers.iter().enumerate() {
            (*answer).clone_into(&mut row[header.len() - 4 + k]);
        }
        rows.push(row);
    }
    rows
}

#[test]
fn google_forms_email_address_and_score_are_skipped() {
    let base = one_row(&[
        "Timestamp",
        "agency",
        "role",
        "How present is each? [Leadership]",
        "How much of a problem? [Conflict]",
    ]);
    let mut export = with_column(&base, 1, &["Email Address"], "someone@example.org");
    export = with_column(&export, 2, &["Score"], "0 / 0");
    same_as(&base, &export, "");
    same_as(&base, &with_column(&base, 99, &["score "], "7 / 10"), "");
}

#[test]
fn microsoft_forms_quiz_columns_are_skipped() {
    let base = one_row(&[
        "Name",
        "Start time",
        "agency",
        "role",
        "Leadership",
        "Conflict",
    ]);
    let mut export = base.clone();
    for (at, header, cell) in [
        (2, "Total points", "3"),
        (3, "Quiz feedback", "Well done"),
        (4, "Grade posted time", "2026-03-02 10:00"),
        (6, "Points - agency", "1"),
        (7, "Feedback - agency", "Right"),
        (10, "Points - Leadership", "2"),
        (11, "Feedback - Leadership", ""),
        (99, "points - Conflict", "0"),
    ] {
        export = with_column(&export, at, &[header], cell);
    }
    same_as(&base, &export, "");
}

#[test]
fn surveymonkey_custom_data_is_skipped_unless_named() {
    let base = grid(&[
        &[
            "Respondent ID",
            "Custom Data 1",
            "agency",
            "role",
            "Leadership",
            "Conflict",
        ],
        &["", "", "Response", "Response", "Response", "Response"],
        &[
            "114235",
            "x",
            "cfa",
            "Manager",
            "4 - Mostly present",
            "2 - A minor problem",
        ],
        &[
            "114236",
            "y",
            "hse",
            "Frontline",
            "",
            "5 - A severe problem",
        ],
    ]);
    let export = with_column(&base, 2, &["Custom Data 2", ""], "hub-2026");
    let export = with_column(&export, 3, &["Custom Data 13", ""], "7");
    same_as(&base, &export, "");
    // A custom variable carrying the agency is read when named.
    let mut carried = with_column(&base, 2, &["Custom Data 2", ""], "");
    carried[2][2] = "hse".to_owned();
    carried[3][2] = "cfa".to_owned();
    for row in &mut carried {
        row.remove(3);
    }
    let options = SurveyOptions::new().column(SurveyField::Agency, "custom data 2");
    for (form, data) in forms(&carried) {
        let read = read_with(&data, &options).unwrap_or_else(|e| panic!("{form}: {e}"));
        let agencies: Vec<&str> = read
            .assessment
            .responses()
            .iter()
            .map(|r| r.agency.as_str())
            .collect();
        assert_eq!(agencies, ["hse", "cfa"], "{form}");
    }
}

#[test]
fn read_export_gives_what_the_other_readers_read() {
    let export = with_row(&qualtrics(), 3, &not_a_respondent("Spam"));
    let data = csv(&export, "\r\n");
    let read = read(&data);
    let assessment: Assessment = partnership()
        .with_responses_from_csv(&data, &SurveyOptions::new())
        .unwrap();
    assert_eq!(read.assessment, assessment);
    assert_eq!(
        partnership()
            .with_responses_from_export(&data, &SurveyOptions::new())
            .unwrap(),
        assessment
    );
    let mut expected = LeftOut::default();
    expected.add(LeftOutKind::Spam);
    assert_eq!(read.left_out, expected);
    #[cfg(feature = "xlsx")]
    assert_eq!(
        partnership()
            .with_responses_from_spreadsheet(xlsx(&export), &SurveyOptions::new())
            .unwrap(),
        assessment
    );
}

// Adding rows that are no respondent's and columns about the response to
// any export changes nothing but the rows left out.

/// A layout to write an export in.
#[derive(Clone, Copy, Debug)]
enum Tool {
    Qualtrics,
    GoogleForms,
    MicrosoftForms,
    SurveyMonkey,
}

/// One respondent's answers: agency, role, three ratings (at least one).
type Answers = (usize, usize, [Option<u8>; 3]);

fn answers() -> impl Strategy<Value = Answers> {
    (
        0..2usize,
        0..3usize,
        [
            proptest::option::of(1..=5u8),
            proptest::option::of(1..=5u8),
            proptest::option::of(1..=5u8),
        ],
    )
        .prop_filter("a response holds an answer", |(_, _, r)| {
            r.iter().any(Option::is_some)
        })
}

const ITEMS: [&str; 3] = ["Leadership", "Good communication", "Conflict"];

/// The export of `rows` as `tool` writes it; for each extra column (a
/// position and a pick of the tool's own columns) a column about the
/// response; for each extra row (a position and a pick of the kinds) a row
/// that is no respondent's (Qualtrics alone writes those).
fn export(
    tool: Tool,
    rows: &[Answers],
    columns: &[(usize, usize)],
    extra_rows: &[(usize, usize)],
) -> (Grid, LeftOut) {
    let mut grid = layout(tool, rows);
    let headers = own_columns(tool);
    let header_rows = match tool {
        Tool::Qualtrics => 3,
        Tool::SurveyMonkey => 2,
        Tool::GoogleForms | Tool::MicrosoftForms => 1,
    };
    let mut left_out = LeftOut::default();
    if let Tool::Qualtrics = tool {
        for &(at, pick) in extra_rows {
            let (row, kind) = no_respondent(pick);
            let at = header_rows + at % (grid.len() - header_rows + 1);
            grid.insert(at, row);
            left_out.add(kind);
        }
    }
    for &(at, pick) in columns {
        let header = headers[pick % headers.len()];
        let width = grid[0].len();
        // Not between a SurveyMonkey question and the columns it spans.
        let at = match tool {
            Tool::SurveyMonkey => [0, 1, 2, 3, width][at % 5],
            _ => at % (width + 1),
        };
        grid = with_column(&grid, at, &header[..header_rows], "9.5");
    }
    (grid, left_out)
}

/// A Qualtrics row that is no respondent's, of a kind picked by `pick`,
/// with answers that are no answers.
fn no_respondent(pick: usize) -> (Vec<String>, LeftOutKind) {
    let kinds: Vec<(&str, LeftOutKind)> = RESPONSE_TYPES
        .iter()
        .filter_map(|(label, _, kind)| kind.map(|kind| (*label, kind)))
        .chain([
            ("9", LeftOutKind::SurveyPreview),
            ("258", LeftOutKind::SurveyTest),
            ("", LeftOutKind::Unfinished),
        ])
        .collect();
    let (status, kind) = kinds[pick % kinds.len()];
    let row = if kind == LeftOutKind::Unfinished {
        ["IP Address", "0", "R_gone", "", "", "", "", ""]
    } else {
        [status, "True", "R_not", "nobody", "nothing", "9", "x", "5"]
    };
    (row.map(str::to_owned).to_vec(), kind)
}

/// The export of `rows` as `tool` writes it.
fn layout(tool: Tool, rows: &[Answers]) -> Grid {
    let mut grid = match tool {
        Tool::Qualtrics => {
            let mut grid = grid(&[
                &[
                    "Status",
                    "Finished",
                    "ResponseId",
                    "Q1",
                    "Q2",
                    "Q3_1",
                    "Q3_2",
                    "Q4_1",
                ],
                &["Response Type", "Finished", "Response ID", "agency", "role"],
                &[
                    r#"{"ImportId":"status"}"#,
                    r#"{"ImportId":"finished"}"#,
                    r#"{"ImportId":"_recordId"}"#,
                    r#"{"ImportId":"QID1"}"#,
                    r#"{"ImportId":"QID2"}"#,
                    r#"{"ImportId":"QID3_1"}"#,
                    r#"{"ImportId":"QID3_2"}"#,
                    r#"{"ImportId":"QID4_1"}"#,
                ],
            ]);
            grid[1].extend(ITEMS.iter().map(|i| format!("Rate each - {i}")));
            grid
        }
        Tool::GoogleForms | Tool::MicrosoftForms => {
            let mut header = vec!["agency".to_owned(), "role".to_owned()];
            header.extend(ITEMS.iter().map(|i| format!("Rate each [{i}]")));
            vec![header]
        }
        Tool::SurveyMonkey => {
            let mut grid = grid(&[
                &["Respondent ID", "agency", "role", "Rate each", "", ""],
                &["", "Response", "Response"],
            ]);
            grid[1].extend(ITEMS.iter().map(|i| (*i).to_owned()));
            grid
        }
    };
    let agency = |a: usize| ["cfa", "Community Health"][a].to_owned();
    let role = |r: usize| ["Frontline", "manager", "Senior manager"][r].to_owned();
    for (k, (a, r, ratings)) in rows.iter().enumerate() {
        let mut row = match tool {
            Tool::Qualtrics => vec!["IP Address".to_owned(), "True".to_owned(), format!("R_{k}")],
            Tool::SurveyMonkey => vec![k.to_string()],
            Tool::GoogleForms | Tool::MicrosoftForms => vec![],
        };
        row.extend([agency(*a), role(*r)]);
        row.extend(
            ratings
                .iter()
                .map(|r| r.map(|r| r.to_string()).unwrap_or_default()),
        );
        grid.push(row);
    }
    grid
}

/// The header cells of the columns `tool` may add about a response.
fn own_columns(tool: Tool) -> &'static [[&'static str; 3]] {
    match tool {
        Tool::Qualtrics => &[
            [
                "Q_RecaptchaScore",
                "Q_RecaptchaScore",
                r#"{"ImportId":"Q_RecaptchaScore"}"#,
            ],
            [
                "Q_RelevantIDDuplicate",
                "Q_RelevantIDDuplicate",
                r#"{"ImportId":"Q_RelevantIDDuplicate"}"#,
            ],
            [
                "Q8_Page Submit",
                "Timing - Page Submit",
                r#"{"ImportId":"QID8_PAGE_SUBMIT"}"#,
            ],
            [
                "Q2_4_TEXT",
                "Role - Other - Text",
                r#"{"ImportId":"QID2_4_TEXT"}"#,
            ],
            ["region", "region", r#"{"ImportId":"region"}"#],
            ["StartDate", "Start Date", r#"{"ImportId":"startDate"}"#],
        ],
        Tool::GoogleForms => &[
            ["Email Address", "", ""],
            ["Score", "", ""],
            ["Timestamp", "", ""],
        ],
        Tool::MicrosoftForms => &[
            ["Total points", "", ""],
            ["Quiz feedback", "", ""],
            ["Grade posted time", "", ""],
            ["Points - Leadership", "", ""],
            ["Feedback - Conflict", "", ""],
        ],
        Tool::SurveyMonkey => &[
            ["Custom Data 1", "", ""],
            ["Custom Data 2", "", ""],
            ["Custom Data 17", "", ""],
        ],
    }
}

fn tool() -> impl Strategy<Value = Tool> {
    prop_oneof![
        Just(Tool::Qualtrics),
        Just(Tool::GoogleForms),
        Just(Tool::MicrosoftForms),
        Just(Tool::SurveyMonkey),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn rows_and_columns_about_responses_change_nothing_but_the_left_out_line(
        tool in tool(),
        rows in proptest::collection::vec(answers(), 1..8),
        columns in proptest::collection::vec((0..20usize, 0..10usize), 0..5),
        extra_rows in proptest::collection::vec((0..20usize, 0..20usize), 0..5),
        crlf in any::<bool>(),
    ) {
        let (base, none) = export(tool, &rows, &[], &[]);
        prop_assert!(none.is_empty());
        let (collected, left_out) = export(tool, &rows, &columns, &extra_rows);
        let eol = if crlf { "\r\n" } else { "\n" };
        #[allow(unused_mut, reason = "the workbook joins with the xlsx feature")]
        let mut pairs = vec![(csv(&base, eol), csv(&collected, eol))];
        #[cfg(feature = "xlsx")]
        pairs.push((xlsx(&base), xlsx(&collected)));
        for (base, collected) in pairs {
            let base = read_with(&base, &SurveyOptions::new()).unwrap();
            let read = read_with(&collected, &SurveyOptions::new()).unwrap();
            prop_assert_eq!(&read.assessment, &base.assessment);
            prop_assert_eq!(read.left_out, left_out);
            prop_assert!(base.left_out.is_empty());
        }
    }
}

#[test]
fn assess_writes_one_line_for_the_rows_left_out() {
    const PARTNERSHIP: &str = "examples/survey/child-protection-hub.partnership.json";
    let run = |export: &str, more: &[&str]| {
        let file = format!("examples/survey/child-protection-hub.{export}");
        let mut args = vec![
            PARTNERSHIP,
            "--responses",
            &file,
            "--column",
            "agency=Which agency do you work for?",
            "--column",
            "role=What is your role?",
            "--format",
            "json",
        ];
        args.extend(more);
        let out = crate::cli::assess(&args);
        assert!(
            out.status.success(),
            "{export}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (out.stdout, String::from_utf8(out.stderr).unwrap())
    };
    let expected = crate::cli::assess(&[
        "examples/data/child-protection-hub.json",
        "--format",
        "json",
    ])
    .stdout;
    let (report, stderr) = run("qualtrics.csv", &[]);
    assert_eq!(report, expected);
    assert_eq!(stderr, "left out 2 rows: 1 survey preview, 1 survey test\n");
    let (report, stderr) = run("qualtrics.csv", &["--keep-every-row"]);
    assert_ne!(report, expected);
    assert_eq!(stderr, "");
    let help = String::from_utf8(crate::cli::assess(&["--help"]).stdout).unwrap();
    assert!(help.contains("--keep-every-row"), "{help}");
    for export in ["google-forms.csv", "surveymonkey.csv"] {
        let (report, stderr) = run(export, &[]);
        assert_eq!(report, expected, "{export}");
        assert_eq!(stderr, "", "{export}");
    }
}
