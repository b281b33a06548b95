//! Responses from a survey tool's CSV export: the example files, every
//! error with its exact message, and the formats survey tools write.

use interagency::{
    Assessment, Error, ExportProblem, Facilitator, Obstacle, Partnership, Place, Role, SurveyField,
    SurveyOptions,
};

use crate::support;

fn partnership() -> Partnership {
    Partnership::from_json(
        r#"{"partnership": "Northside", "assessed_on": "2026-03-01",
            "agencies": [{"id": "cfa", "name": "Child and Family Agency"},
                         {"id": "hse", "name": "Community Health"}],
            "characteristics": ["consistent_goals", "complementary_services"]}"#,
    )
    .unwrap()
}

#[track_caller]
fn read(csv: &str) -> Assessment {
    partnership()
        .with_responses_from_csv(csv, &SurveyOptions::new())
        .unwrap()
}

#[track_caller]
fn error(csv: &str) -> String {
    partnership()
        .with_responses_from_csv(csv, &SurveyOptions::new())
        .unwrap_err()
        .to_string()
}

#[test]
fn the_survey_exports_give_the_json_report() {
    let json = support::example("child-protection-hub");
    let expected = serde_json::to_string(&json.gap_analysis(None)).unwrap();
    let partnership = Partnership::from_json(&support::read(
        "examples/survey/child-protection-hub.partnership.json",
    ))
    .unwrap();
    let google = partnership
        .clone()
        .with_responses_from_csv(
            support::read("examples/survey/child-protection-hub.csv"),
            &SurveyOptions::new().ignore_column("Timestamp"),
        )
        .unwrap();
    assert_eq!(google, json);
    assert_eq!(
        serde_json::to_string(&google.gap_analysis(None)).unwrap(),
        expected
    );
    let excel = partnership
        .with_responses_from_csv(
            std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples/survey/child-protection-hub.semicolon.csv"
            ))
            .unwrap(),
            &SurveyOptions::new()
                .ignore_column("ID")
                .ignore_column("start time")
                .ignore_column(" EMAIL "),
        )
        .unwrap();
    assert_eq!(excel, json);
}

/// The options that name the agency and role questions of the example
/// exports.
fn questions() -> SurveyOptions {
    SurveyOptions::new()
        .column(SurveyField::Agency, "Which agency do you work for?")
        .column(SurveyField::Role, "  what is your ROLE? ")
}

#[test]
fn every_tool_export_gives_the_json_report() {
    let json = support::example("child-protection-hub");
    let expected = json.gap_analysis(None);
    let partnership = Partnership::from_json(&support::read(
        "examples/survey/child-protection-hub.partnership.json",
    ))
    .unwrap();
    let agree = SurveyOptions::new().scale(
        "Strongly disagree=1,Disagree=2,Neither agree nor disagree=3,Agree=4,Strongly agree=5"
            .parse()
            .unwrap(),
    );
    for (file, options, respondents) in [
        ("google-forms.csv", questions(), "row-2"),
        ("qualtrics.csv", questions(), "R_"),
        ("surveymonkey.csv", questions(), "114235"),
        ("agree-disagree.csv", agree, "cp1"),
    ] {
        let text = support::read(&format!("examples/survey/child-protection-hub.{file}"));
        let a = partnership
            .clone()
            .with_responses_from_csv(&text, &options)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(a.gap_analysis(None), expected, "{file}");
        assert_eq!(a.responses().len(), 24, "{file}");
        assert!(
            a.responses()[0].respondent.starts_with(respondents),
            "{file}: {}",
            a.responses()[0].respondent
        );
        // The same answers with LF line ends give the same responses.
        let lf = partnership
            .clone()
            .with_responses_from_csv(text.replace("\r\n", "\n"), &options)
            .unwrap();
        assert_eq!(lf, a, "{file}");
    }
}

#[test]
fn layouts_and_their_errors() {
    // Google Forms: no respondent column, so each row is named by its line.
    let google = "Timestamp,Email Address,agency,role,Grid [Leadership],Grid [conflict]\r\n\
                  2026/03/01 9:10:00 AM GMT,a@b.c,cfa,Manager,Mostly present,A minor problem\r\n\
                  \r\n\
                  2026/03/01 9:11:00 AM GMT,,hse,Frontline,N/A,4 (A major problem)\r\n";
    let a = read(google);
    let names: Vec<&str> = a
        .responses()
        .iter()
        .map(|r| r.respondent.as_str())
        .collect();
    assert_eq!(names, ["row-2", "row-4"]);
    assert_eq!(
        a.responses()[1].facilitators.get(Facilitator::Leadership),
        None
    );
    assert_eq!(
        a.responses()[1]
            .obstacles
            .get(Obstacle::Conflict)
            .map(interagency::Rating::get),
        Some(4)
    );
    // Qualtrics: the item after the last " - ", errors on the line of the
    // question text, the respondent in ResponseId.
    let qualtrics = "StartDate,ResponseId,Q1,Q2,Q3_1\r\n\
                     Start Date,Response ID,Agency,Role,How present - really - Leadershp\r\n\
                     \"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\",\"{\"\"ImportId\"\":\"\"QID3_1\"\"}\"\r\n\
                     2026-03-01,R_1,cfa,manager,3\r\n";
    assert_eq!(
        error(qualtrics),
        "line 2, column How present - really - Leadershp: names no facilitator or obstacle; a \
         column that holds no answer must be ignored"
    );
    let fixed = read(&qualtrics.replace("Leadershp", "Leadership"));
    assert_eq!(fixed.responses()[0].respondent, "R_1");
    // An export tag renamed to the item names it too, whatever the
    // question text says.
    let tagged = read(&qualtrics.replace("Q3_1", "leadership"));
    assert_eq!(tagged.responses(), fixed.responses());
    assert_eq!(
        error(
            &qualtrics
                .replace("Leadershp", "Leadership")
                .replace(",3\r\n", ",7\r\n")
        ),
        "line 4, column How present - really - Leadership: \"7\" is not a rating from 1 to 5"
    );
    // SurveyMonkey: the matrix rows under the question, answers led by
    // their number.
    let monkey = "Respondent ID,Collector ID,agency,role,How present?,\r\n\
                  ,,Response,Response,Leadership,Good communication\r\n\
                  1142,4312,cfa,Manager,4 - Mostly present,2 - Slightly present\r\n";
    let a = read(monkey);
    assert_eq!(a.responses()[0].respondent, "1142");
    // Errors name a column by its question, not by `Response`.
    assert_eq!(
        error(&monkey.replace(",Manager,", ",Boss,")),
        "line 3, column role: \"Boss\" is not a role; expected frontline, manager or senior manager"
    );
    let asked = monkey.replace("agency,role,", "Which agency?,Your role?,");
    assert_eq!(
        partnership()
            .with_responses_from_csv(
                asked.replace(",Manager,", ",Boss,"),
                &SurveyOptions::new()
                    .column(SurveyField::Agency, "which agency?")
                    .column(SurveyField::Role, "Your role?"),
            )
            .unwrap_err()
            .to_string(),
        "line 3, column Your role?: \"Boss\" is not a role; expected frontline, manager or senior manager"
    );
    // A column that names nothing is named by its header, in either row.
    assert_eq!(
        error(&monkey.replace("Collector ID", "Collector")),
        "line 1, column Collector: names no facilitator or obstacle; a column that holds no \
         answer must be ignored"
    );
    assert_eq!(
        a.classify().result(Facilitator::GoodCommunication).mean,
        Some(2.0)
    );
    // A column named for a field must be there.
    let err = partnership()
        .with_responses_from_csv(google, &questions())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "column \"Which agency do you work for?\", named for the agency, is not in the header"
    );
    // The best respondent column is the respondent; the others are skipped.
    let both = read("ID,respondent,agency,role,Leadership\n7,r1,cfa,manager,3\n");
    assert_eq!(both.responses()[0].respondent, "r1");
    let by_id = partnership()
        .with_responses_from_csv(
            "ID,respondent,agency,role,Leadership\n7,r1,cfa,manager,3\n",
            &SurveyOptions::new().column(SurveyField::Respondent, "id"),
        )
        .unwrap();
    assert_eq!(by_id.responses()[0].respondent, "7");
}

#[test]
fn headers_by_id_name_or_titled_question_in_any_order() {
    let a = read(
        "ROLE, Agency ,respondent,LEADERSHIP,good_communication,\"Conflict: How much of a problem is conflict, between agencies or between individuals?\"\n\
         Senior manager,Child and Family Agency,r1,4,,2\n\
         senior_manager,hse,r2,,5,\n",
    );
    let r = &a.responses()[0];
    assert_eq!((r.agency.as_str(), r.role), ("cfa", Role::SeniorManager));
    assert_eq!(
        r.facilitators
            .get(Facilitator::Leadership)
            .map(interagency::Rating::get),
        Some(4)
    );
    assert_eq!(r.facilitators.get(Facilitator::GoodCommunication), None);
    assert_eq!(
        r.obstacles
            .get(Obstacle::Conflict)
            .map(interagency::Rating::get),
        Some(2)
    );
    assert_eq!(a.responses()[1].agency, "hse");
}

#[test]
fn delimiters_byte_order_marks_quotes_and_blank_rows() {
    let comma = read("respondent,agency,role,Leadership\nr1,cfa,manager,3\n");
    let semicolon = read("\u{feff}respondent;agency;role;Leadership\r\nr1;cfa;manager;3\r\n");
    let tab = read("respondent\tagency\trole\tLeadership\nr1\tcfa\tmanager\t3\n");
    assert_eq!(comma, semicolon);
    assert_eq!(comma, tab);
    // A quoted cell may hold the delimiter; a row of empty cells is a blank
    // line, not a response.
    let quoted = read(
        "respondent;agency;role;Leadership\n\"r;1\";cfa;manager;\" 3 \"\n;;;\n\nr2;hse;frontline;4\n",
    );
    assert_eq!(quoted.responses().len(), 2);
    assert_eq!(quoted.responses()[0].respondent, "r;1");
}

#[test]
fn every_error_names_the_line_column_and_value() {
    let cases = [
        (
            "respondent,agency,role,Leadershp\n",
            "line 1, column Leadershp: names no facilitator or obstacle; a column that holds no \
             answer must be ignored",
        ),
        (
            "respondent,agency,role,Leadership,leadership\n",
            "line 1, column leadership: names the same item as the column \"Leadership\"",
        ),
        (
            "respondent,agency,Leadership\n",
            "line 1, column role: is missing; the header needs agency and role columns (or name \
             the columns that hold them)",
        ),
        (
            "respondent,agency,role,Leadership\nr1,cfa,manager,3\nr2,cfa,manager,6\n",
            "line 3, column Leadership: \"6\" is not a rating from 1 to 5",
        ),
        (
            "respondent,agency,role,Leadership\nr1,cfa,manager,3.5\n",
            "line 2, column Leadership: \"3.5\" is not a rating from 1 to 5",
        ),
        (
            "respondent,agency,role,Leadership\nr1,hsee,manager,3\n",
            "line 2, column agency: respondent \"r1\" names agency \"hsee\", which is not among the agencies (cfa, hse)",
        ),
        (
            "respondent,agency,role,Leadership\nr1,cfa,Director,3\n",
            "line 2, column role: \"Director\" is not a role; expected frontline, manager or senior manager",
        ),
        (
            "respondent,agency,role,Leadership\nr1,cfa,manager,3\nr2,cfa,manager,3\nr1,hse,manager,2\n",
            "line 4, column respondent: respondent \"r1\" is listed twice",
        ),
        (
            "respondent,agency,role,Leadership\n,cfa,manager,3\n",
            "line 2, column respondent: must not be empty, got \"\"",
        ),
        (
            "respondent,agency,role,Leadership\n\"r\n1\",cfa,manager,3\n",
            "line 2, column respondent: \"r\\n1\" contains the control character '\\n'; names and ids must be plain text on one line",
        ),
        (
            "respondent,agency,role,Leadership,Conflict\nr1,cfa,manager,,\n",
            "line 2: respondent \"r1\" gives no rating; at least one facilitator or obstacle rating is needed (or an answer about another agency, or a perceived level)",
        ),
        (
            "respondent,agency,role,Leadership\nr1,cfa,manager,3\nr2,cfa,manager\n",
            "line 3: the row has 3 cells where the header has 4",
        ),
    ];
    for (csv, expected) in cases {
        assert_eq!(error(csv), expected, "{csv:?}");
        // Spreadsheets and RFC 4180 end lines with CRLF: the same lines.
        let crlf = csv.replace('\n', "\r\n");
        let expected = expected.replace(
            "\"r\\n1\" contains the control character '\\n'",
            "\"r\\r\\n1\" contains the control character '\\r'",
        );
        assert_eq!(error(&crlf), expected, "{crlf:?}");
    }
    // Not UTF-8 (a file saved as Windows-1252): the line is named.
    let latin1 = b"respondent,agency,role,Leadership\nr1,cfa,manager,3\nr\xe92,cfa,manager,3\n";
    let err = partnership()
        .with_responses_from_csv(latin1, &SurveyOptions::new())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 3: field 1 is not valid UTF-8; save the file as UTF-8"
    );
    // The typed error carries the pieces.
    let err = partnership()
        .with_responses_from_csv(
            "respondent,agency,role,Leadership\nr1,cfa,manager,0\n",
            &SurveyOptions::new(),
        )
        .unwrap_err();
    assert_eq!(
        err,
        Error::Export {
            place: Place::Line {
                line: 2,
                column: Some("Leadership".to_owned()),
            },
            problem: ExportProblem::NotARating {
                value: "0".to_owned()
            }
        }
    );
}

#[test]
fn a_row_with_several_problems_names_its_first_column() {
    // Ratings, roles and answers about partners are each read in a loop of
    // their own: whichever kind the first bad cell is, it is the one named.
    let header = "respondent,Conflict,role,Leadership,agency,Trust: hse,Good communication,\
                  Working with: hse,Perceived level\n";
    for (row, column) in [
        ("r1,9,Director,9,cfa,7,9,x,y", "Conflict"),
        ("r1,3,Director,9,cfa,7,9,x,y", "role"),
        ("r1,3,manager,9,cfa,7,9,x,y", "Leadership"),
        ("r1,3,manager,3,cfa,7,9,x,y", "Trust: hse"),
        ("r1,3,manager,3,cfa,4,9,x,y", "Good communication"),
        ("r1,3,manager,3,cfa,4,5,x,y", "Working with: hse"),
        ("r1,3,manager,3,cfa,4,5,cooperation,y", "Perceived level"),
        ("r1,,manager,,cfa,,nine,,", "Good communication"),
    ] {
        let err = error(&format!("{header}{row}\n"));
        assert!(
            err.starts_with(&format!("line 2, column {column}:")),
            "{row}: {err}"
        );
    }
    let a = read(&format!(
        "{header}r1,3,manager,3,cfa,4,5,cooperation,collaboration\n"
    ));
    assert_eq!(a.responses().len(), 1);
}

#[test]
fn lines_count_as_an_editor_counts_them() {
    // A quoted cell over three lines, then a bad rating: line 6, whatever
    // ends the lines (LF, CRLF, or CR as old Mac files have). The quoted
    // respondent would be refused too, but only once every row is read.
    let csv = "respondent,agency,role,Leadership\nr1,cfa,manager,\"3\"\n\"r\n\n2\",cfa,manager,4\nr3,cfa,manager,9\n";
    for end in ["\n", "\r\n", "\r"] {
        let text = csv.replace('\n', end);
        assert_eq!(
            error(&text),
            "line 6, column Leadership: \"9\" is not a rating from 1 to 5",
            "{text:?}"
        );
    }
    // Blank lines count, and a file with a byte-order mark starts at 1.
    let err = error("\u{feff}respondent,agency,role,Leadership\r\n\r\n\r\nr1,cfa,manager,6\r\n");
    assert_eq!(
        err,
        "line 4, column Leadership: \"6\" is not a rating from 1 to 5"
    );
}

#[test]
fn a_partnership_with_responses_is_refused() {
    let a = read("respondent,agency,role,Leadership\nr1,cfa,manager,3\n");
    let err = Partnership::from_json(&serde_json::to_string(&a).unwrap()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "responses: a partnership lists no responses, and this document lists 1; \
         give the responses in one place"
    );
    assert_eq!(
        Partnership::from_json(&serde_json::to_string(a.as_partnership()).unwrap()).unwrap(),
        *a.as_partnership()
    );
}

#[test]
fn the_rules_of_every_response_name_the_line() {
    let err = partnership()
        .with_responses_from_csv(
            " Respondent ,agency,role,Leadership\nr1,cfa,manager,3\nr1,cfa,manager,2\n",
            &SurveyOptions::new(),
        )
        .unwrap_err();
    assert_eq!(
        err,
        Error::DuplicateRespondent {
            place: Place::Line {
                line: 3,
                column: Some("Respondent".to_owned())
            },
            respondent: "r1".to_owned()
        }
    );
}

#[test]
fn ignored_columns_are_not_read() {
    let options = SurveyOptions::new()
        .ignore_column("Comments")
        .ignore_column("Leadership");
    let a = partnership()
        .with_responses_from_csv(
            "respondent,agency,role,Leadership,Comments,Conflict\nr1,cfa,manager,9,free text,2\n",
            &options,
        )
        .unwrap();
    assert_eq!(
        a.responses()[0].facilitators.get(Facilitator::Leadership),
        None
    );
}

/// The partnership of the example exports.
#[cfg(feature = "xlsx")]
fn hub() -> Partnership {
    Partnership::from_json(&support::read(
        "examples/survey/child-protection-hub.partnership.json",
    ))
    .unwrap()
}

#[cfg(feature = "xlsx")]
fn workbook(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[cfg(feature = "xlsx")]
#[test]
fn spreadsheets_numbers_words_and_sheets() {
    use interagency::Rating;
    let data = workbook("numbers.xlsx");
    assert!(interagency::is_spreadsheet(&data));
    // The first sheet, its table starting at B2; numbers stored as numbers
    // (4, 2.0) and as text ("3") are ratings, and so are words.
    let a = hub()
        .with_responses_from_spreadsheet(&data, &SurveyOptions::new())
        .unwrap();
    let rows: Vec<(&str, &str, Role)> = a
        .responses()
        .iter()
        .map(|r| (r.respondent.as_str(), r.agency.as_str(), r.role))
        .collect();
    assert_eq!(
        rows,
        [
            ("r1", "sw", Role::Manager),
            ("17", "hse", Role::Frontline),
            ("r3", "garda", Role::SeniorManager),
            ("r4", "school", Role::SeniorManager),
        ]
    );
    let rating = |i: usize, f: Facilitator| a.responses()[i].facilitators.get(f).map(Rating::get);
    assert_eq!(rating(0, Facilitator::Leadership), Some(4));
    assert_eq!(rating(0, Facilitator::GoodCommunication), Some(4));
    assert_eq!(rating(2, Facilitator::Leadership), Some(1));
    assert_eq!(rating(3, Facilitator::GoodCommunication), Some(4));
    let conflict = |i: usize| {
        a.responses()[i]
            .obstacles
            .get(Obstacle::Conflict)
            .map(Rating::get)
    };
    assert_eq!(
        (conflict(0), conflict(1), conflict(2), conflict(3)),
        (Some(2), Some(3), Some(5), None)
    );
    // With its respondent column ignored, each response is named by its
    // row as the spreadsheet numbers it (the table starts at B2).
    let unnamed = hub()
        .with_responses_from_spreadsheet(&data, &SurveyOptions::new().ignore_column("respondent"))
        .unwrap();
    let names: Vec<&str> = unnamed
        .responses()
        .iter()
        .map(|r| r.respondent.as_str())
        .collect();
    assert_eq!(names, ["row-3", "row-4", "row-5", "row-6"]);
    // The same sheets saved as OpenDocument (`.ods`) read the same.
    let ods = workbook("numbers.ods");
    assert!(interagency::is_spreadsheet(&ods));
    let from_ods = hub()
        .with_responses_from_spreadsheet(&ods, &SurveyOptions::new())
        .unwrap();
    assert_eq!(from_ods, a);
    // And as legacy Excel (`.xls`, BIFF8, written with xlwt), which stores
    // every number as a double, 2.0 as the integer 2: the same again.
    let xls = workbook("numbers.xls");
    assert!(interagency::is_spreadsheet(&xls));
    let from_xls = hub()
        .with_responses_from_spreadsheet(&xls, &SurveyOptions::new())
        .unwrap();
    assert_eq!(from_xls, a);
    // The other sheet holds no responses: its one column names nothing.
    for (name, data) in [
        ("numbers.xlsx", &data),
        ("numbers.ods", &ods),
        ("numbers.xls", &xls),
    ] {
        let err = hub()
            .with_responses_from_spreadsheet(data, &SurveyOptions::new().sheet("notes"))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Notes!A1: names no facilitator or obstacle; a column that holds no answer must be ignored",
            "{name}"
        );
        // A sheet with no cell at all has no header: it is said to be
        // empty, at the sheet's first cell.
        let err = hub()
            .with_responses_from_spreadsheet(data, &SurveyOptions::new().sheet("Empty"))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Empty!A1: the export is empty: it has no header row",
            "{name}"
        );
    }
}

#[cfg(feature = "xlsx")]
#[test]
fn spreadsheet_errors_name_the_sheet_and_cell() {
    // The same workbooks as `.xlsx` and as legacy Excel (`.xls`, BIFF8).
    for (errors, same) in [
        ("errors.xlsx", "numbers.xlsx"),
        ("errors.xls", "numbers.xls"),
    ] {
        let data = workbook(errors);
        // Sheet1 holds the same answers from A1, and reads.
        let first = hub()
            .with_responses_from_spreadsheet(&data, &SurveyOptions::new())
            .unwrap();
        let numbers = hub()
            .with_responses_from_spreadsheet(workbook(same), &SurveyOptions::new())
            .unwrap();
        assert_eq!(first, numbers, "{errors}");
        let err = hub()
            .with_responses_from_spreadsheet(&data, &SurveyOptions::new().sheet("Responses"))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Responses!E5: \"6\" is not a rating from 1 to 5",
            "{errors}"
        );
        assert_eq!(
            err,
            Error::Export {
                place: Place::Cell {
                    sheet: "Responses".to_owned(),
                    cell: "E5".to_owned(),
                    column: None,
                },
                problem: ExportProblem::NotARating {
                    value: "6".to_owned()
                },
            },
            "{errors}"
        );
        // Without the text "6", the number 4.5 under Conflict (F6).
        let err = hub()
            .with_responses_from_spreadsheet(
                &data,
                &SurveyOptions::new()
                    .sheet("Responses")
                    .ignore_column("Leadership"),
            )
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Responses!F6: \"4.5\" is not a rating from 1 to 5",
            "{errors}"
        );
        let err = hub()
            .with_responses_from_spreadsheet(&data, &SurveyOptions::new().sheet("Answers"))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "sheet \"Answers\" is not in the workbook; it has \"Sheet1\", \"Responses\"",
            "{errors}"
        );
        // The rules every response obeys name the cell: an agency the
        // partnership does not list.
        let smaller = Partnership::from_json(
            r#"{"partnership": "P", "characteristics": [],
                "agencies": [{"id": "sw", "name": "Social Work"}, {"id": "hse", "name": "HSE"},
                             {"id": "garda", "name": "Garda Protective Services Unit"}]}"#,
        )
        .unwrap();
        let err = smaller
            .with_responses_from_spreadsheet(workbook(same), &SurveyOptions::new())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Responses!C6: respondent \"r4\" names agency \"school\", which is not among the agencies (sw, hse, garda)",
            "{same}"
        );
    }
    // Text that is no spreadsheet.
    let err = hub()
        .with_responses_from_spreadsheet(b"respondent,agency\n", &SurveyOptions::new())
        .unwrap_err();
    assert!(matches!(err, Error::Spreadsheet { .. }), "{err}");
    assert!(!interagency::is_spreadsheet(b"respondent,agency\n"));
}

/// `numbers.xlsx` with its first sheet's XML changed by `edit`.
#[cfg(feature = "xlsx")]
fn edited_xlsx(edit: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::{Read as _, Write as _};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(workbook("numbers.xlsx"))).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for k in 0..archive.len() {
        let mut file = archive.by_index(k).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            text = edit(&text);
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[cfg(feature = "xlsx")]
#[test]
fn a_value_in_a_far_corner_of_a_sheet_costs_no_more_than_one_nearby() {
    let numbers = hub()
        .with_responses_from_spreadsheet(workbook("numbers.xlsx"), &SurveyOptions::new())
        .unwrap();
    // A note in the last column of the first response's row (XFD3): read as
    // a whole rectangle from B2, the sheet would be 16,383 columns wide.
    // Its column has no header, so it changes nothing.
    let note = edited_xlsx(|xml| {
        xml.replace(
            "<c r=\"G3\" t=\"s\"><v>9</v></c></row>",
            "<c r=\"G3\" t=\"s\"><v>9</v></c><c r=\"XFD3\" t=\"inlineStr\"><is><t>see \
             minutes</t></is></c></row>",
        )
    });
    let a = hub()
        .with_responses_from_spreadsheet(&note, &SurveyOptions::new())
        .unwrap();
    assert_eq!(a, numbers);
    // A value in the sheet's last cell, XFD1048576: as a rectangle from B2,
    // 17 billion cells, more memory than any machine has. It is a row of
    // its own, read as a response, and named by its cells.
    let corner = edited_xlsx(|xml| {
        xml.replace(
            "</sheetData>",
            "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData>",
        )
    });
    let err = hub()
        .with_responses_from_spreadsheet(&corner, &SurveyOptions::new())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Responses!D1048576: \"\" is not a role; expected frontline, manager or senior manager"
    );
}

#[cfg(feature = "xlsx")]
#[test]
fn a_damaged_workbook_is_an_error() {
    // A file that makes calamine's `.xls` reader panic: the panic is caught
    // and reported as a damaged spreadsheet.
    let err = hub()
        .with_responses_from_spreadsheet(support::xls_the_reader_panics_on(), &SurveyOptions::new())
        .unwrap_err();
    let Error::Spreadsheet { message } = &err else {
        panic!("not a spreadsheet error: {err}");
    };
    assert!(
        message.starts_with("it is damaged (the reader failed: "),
        "{message}"
    );
    // The reader's own words follow, on one line: calamine slices the
    // workbook stream at the sheet's offset.
    assert!(
        message.ends_with("out of range for slice of length 4096)"),
        "{message}"
    );
    // numbers.xls cut short and changed by the fuzz target so that the
    // chain of its directory loops back on itself: calamine would follow
    // it with no end, its memory growing. cfb refuses the file first: its
    // allocation table's sector is cut short.
    let err = hub()
        .with_responses_from_spreadsheet(workbook("looping.xls"), &SurveyOptions::new())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spreadsheet cannot be read: it is damaged (the file ends inside a sector of its \
         container)"
    );
    // numbers.xls cut short and changed by the fuzz target: its master
    // table lists more table sectors than the file has (calamine would
    // panic reading a sector past the end).
    let err = hub()
        .with_responses_from_spreadsheet(workbook("damaged.xls"), &SurveyOptions::new())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spreadsheet cannot be read: it is damaged (DIFAT refers to sector 8, but sector \
         count is only 8)"
    );
    // numbers.xls changed by the fuzz target: a sheet's dimensions record
    // claims over four billion rows, for which calamine would reserve a
    // terabyte before reading a cell.
    let err = hub()
        .with_responses_from_spreadsheet(workbook("dimensions.xls"), &SurveyOptions::new())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spreadsheet cannot be read: it is damaged (a sheet claims 4287168261 rows by 6 \
         columns, more than the 65536 by 256 an .xls sheet holds)"
    );
    // numbers.xls changed by the fuzz target: values from column A to
    // column 65,535, which calamine would hold as 84 million cells.
    let err = hub()
        .with_responses_from_spreadsheet(workbook("wide.xls"), &SurveyOptions::new())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spreadsheet cannot be read: a sheet would be read as 1280 rows by 65535 columns, \
         from its first value to its last: 83884800 cells, more than the 16000000 read from \
         one sheet; save it as .xlsx or CSV"
    );
    // numbers.ods with a million empty rows, 90 cells wide, before a last
    // value: calamine would build 90 million cells, several gigabytes.
    let err = hub()
        .with_responses_from_spreadsheet(workbook("repeated-rows.ods"), &SurveyOptions::new())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spreadsheet cannot be read: its sheet \"Responses\" would be read as 91000671 \
         cells (an .ods sheet is read whole, from its first value to its last, each repeated \
         row as often as it is repeated), more than the 16000000 read from one sheet; save it \
         as .xlsx or CSV"
    );
    // The crate is usable afterwards: the same call on a sound workbook.
    hub()
        .with_responses_from_spreadsheet(workbook("numbers.xls"), &SurveyOptions::new())
        .unwrap();
}

#[test]
fn an_empty_export_is_refused_on_its_first_line() {
    for data in ["", "\r\n\r\n"] {
        let err = hub()
            .with_responses_from_csv(data, &SurveyOptions::new())
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Export {
                    place: Place::Line { line: 1, .. },
                    ..
                }
            ),
            "{data:?}: {err}"
        );
    }
}

#[test]
#[allow(deprecated, reason = "the old name is what is tested")]
fn the_former_name_of_the_options_still_compiles() {
    let options: interagency::CsvOptions = SurveyOptions::new().sheet("Responses");
    assert_eq!(options, SurveyOptions::new().sheet("Responses"));
}

/// An export with no rows at all is said to be empty, not to lack its
/// agency column.
#[test]
fn an_empty_export_is_said_to_be_empty() {
    for data in [&b""[..], b"\n", b"\r\n\r\n", b"\xEF\xBB\xBF"] {
        let err = hub()
            .with_responses_from_csv(data, &SurveyOptions::new())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 1: the export is empty: it has no header row",
            "{data:?}"
        );
    }
}

/// The header is judged on the first three rows: a broken fourth row does
/// not hide that the header lacks its agency column.
#[test]
fn the_header_is_judged_before_the_rows_below_it_are_read() {
    let data = b"respondent,role,Leadership\nr1,frontline,3\nr2,frontline,4\nr3,frontline,\xff\n";
    let err = hub()
        .with_responses_from_csv(&data[..], &SurveyOptions::new())
        .unwrap_err()
        .to_string();
    assert!(err.contains("column agency: is missing"), "{err}");
}
