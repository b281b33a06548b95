//! Synthetic assessments for benchmarks and load tests: three agencies and
//! any number of respondents, each rating every facilitator and obstacle.
//! Shared by `benches/analysis.rs` and `examples/synthetic.rs`.

#![allow(dead_code)] // each user takes the parts it needs

use std::fmt::Write as _;

use interagency::{Concept, Facilitator, Obstacle};

const AGENCIES: [&str; 3] = ["social_work", "health", "education"];
const ROLES: [&str; 3] = ["frontline", "manager", "senior_manager"];
const ITEMS: usize = Facilitator::COUNT + Obstacle::COUNT;

/// The partnership of the synthetic documents, as JSON without responses.
pub fn partnership() -> String {
    format!("{}\n}}\n", head())
}

fn head() -> &'static str {
    "{\n  \"partnership\": \"Synthetic Partnership\",\n  \"assessed_on\": \"2026-06-30\",\n  \
     \"agencies\": [\n    {\"id\": \"social_work\", \"name\": \"Social Work\", \"sector\": \"social_work\"},\n    \
     {\"id\": \"health\", \"name\": \"Health\", \"sector\": \"health\"},\n    \
     {\"id\": \"education\", \"name\": \"Education\", \"sector\": \"education\"}\n  ],\n  \
     \"characteristics\": [\"consistent_goals\", \"complementary_services\", \"tackles_overlap_and_gaps\", \
     \"common_outcomes\", \"planned_and_systematic\", \"shared_agreed_goals\"]"
}

/// Every respondent's agency, role and ratings (facilitators, then
/// obstacles), from a fixed pseudo-random sequence: the same size always
/// gives the same responses.
fn rows(
    respondents: usize,
) -> impl Iterator<Item = (usize, &'static str, &'static str, [u64; ITEMS])> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..respondents).map(move |i| {
        let mut ratings = [0; ITEMS];
        for r in &mut ratings {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            *r = (state >> 33) % 5 + 1;
        }
        (i, AGENCIES[i % 3], ROLES[(i / 3) % 3], ratings)
    })
}

/// A synthetic assessment document with `respondents` respondents, as JSON
/// text.
pub fn document(respondents: usize) -> String {
    let mut out = String::with_capacity(320 * respondents + 1024);
    out.push_str(head());
    out.push_str(",\n  \"responses\": [");
    for (i, agency, role, ratings) in rows(respondents) {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "\n{{\"respondent\":\"r{i:06}\",\"agency\":\"{agency}\",\"role\":\"{role}\",\"facilitators\":{{"
        );
        for (k, f) in Facilitator::iter().enumerate() {
            let sep = if k == 0 { "" } else { "," };
            let _ = write!(out, "{sep}\"{f}\":{}", ratings[k]);
        }
        out.push_str("},\"obstacles\":{");
        for (k, o) in Obstacle::iter().enumerate() {
            let sep = if k == 0 { "" } else { "," };
            let _ = write!(out, "{sep}\"{o}\":{}", ratings[Facilitator::COUNT + k]);
        }
        out.push_str("}}");
    }
    out.push_str("\n  ]\n}\n");
    out
}

/// The same responses as [`document`], as a survey tool's CSV export:
/// a header naming the items, one row per respondent.
pub fn csv(respondents: usize) -> String {
    let mut out = String::with_capacity(64 * respondents + 512);
    out.push_str("respondent,agency,role");
    for name in Facilitator::iter()
        .map(Concept::name)
        .chain(Obstacle::iter().map(Concept::name))
    {
        out.push(',');
        out.push_str(name);
    }
    out.push('\n');
    for (i, agency, role, ratings) in rows(respondents) {
        let _ = write!(out, "r{i:06},{agency},{role}");
        for r in ratings {
            let _ = write!(out, ",{r}");
        }
        out.push('\n');
    }
    out
}

/// The survey tools whose exports [`export`] writes.
#[derive(Clone, Copy, Debug)]
pub enum Tool {
    /// One header row, grid columns `Title [Item]`, answers as words, no
    /// respondent column; e-mail collection and a quiz score.
    GoogleForms,
    /// Three header rows, seventeen metadata columns, bot and duplicate
    /// detection, answers as words, a text entry, a timing question and
    /// embedded data.
    Qualtrics,
    /// Two header rows, answers as labels led by their number, two custom
    /// variables.
    SurveyMonkey,
}

/// The agencies' names, as respondents choose them in a survey.
const AGENCY_NAMES: [&str; 3] = ["Social Work", "Health", "Education"];
const ROLE_NAMES: [&str; 3] = ["Frontline", "Manager", "Senior manager"];
/// Columns a Qualtrics licence adds: bot and duplicate detection.
const QUALTRICS_OWN: [&str; 3] = [
    ",Q_RecaptchaScore",
    ",Q_RelevantIDDuplicate",
    ",Q_RelevantIDFraudScore",
];
const QUALTRICS_METADATA: [&str; 17] = [
    "StartDate",
    "EndDate",
    "Status",
    "IPAddress",
    "Progress",
    "Duration (in seconds)",
    "Finished",
    "RecordedDate",
    "ResponseId",
    "RecipientLastName",
    "RecipientFirstName",
    "RecipientEmail",
    "ExternalReference",
    "LocationLatitude",
    "LocationLongitude",
    "DistributionChannel",
    "UserLanguage",
];

/// The label of rating `r` of item `k` (facilitators first).
fn label(k: usize, r: u64) -> &'static str {
    let index = usize::try_from(r - 1).unwrap_or(0);
    if k < Facilitator::COUNT {
        <Facilitator as interagency::Rated>::LABELS[index]
    } else {
        <Obstacle as interagency::Rated>::LABELS[index]
    }
}

fn item_names() -> impl Iterator<Item = &'static str> {
    Facilitator::iter()
        .map(Concept::name)
        .chain(Obstacle::iter().map(Concept::name))
}

/// The same responses as [`document`], as `tool` exports them (CRLF line
/// ends, the agency and role as answers to the questions
/// `Which agency do you work for?` and `What is your role?`).
/// The question over the grid of item `k` (facilitators first).
fn grid(k: usize) -> &'static str {
    if k < Facilitator::COUNT {
        "How present is each of these in your partnership?"
    } else {
        "How much of a problem is each of these for your partnership?"
    }
}

/// The header rows of `tool`'s export of `items`, without the last line end.
fn header(out: &mut String, tool: Tool, items: &[&str]) {
    match tool {
        Tool::GoogleForms => {
            out.push_str(
                "Timestamp,Email Address,Score,Which agency do you work for?,What is your role?",
            );
            for (k, item) in items.iter().enumerate() {
                let _ = write!(out, ",{} [{item}]", grid(k));
            }
        }
        Tool::Qualtrics => {
            out.push_str(&QUALTRICS_METADATA.join(","));
            out.push_str(&QUALTRICS_OWN.concat());
            out.push_str(",Q1,Q2,Q2_4_TEXT");
            for k in 0..items.len() {
                let _ = write!(out, ",Q3_{}", k + 1);
            }
            out.push_str(",Q8_Page Submit,region\r\n");
            out.push_str(&QUALTRICS_METADATA.join(","));
            out.push_str(&QUALTRICS_OWN.concat());
            out.push_str(
                ",Which agency do you work for?,What is your role?,What is your role? - Other - Text",
            );
            for (k, item) in items.iter().enumerate() {
                let _ = write!(out, ",{} - {item}", grid(k));
            }
            out.push_str(",Timing - Page Submit,region\r\n");
            let id = |id: &str| format!("\"{{\"\"ImportId\"\":\"\"{id}\"\"}}\"");
            let ids = QUALTRICS_METADATA
                .iter()
                .map(|name| {
                    id(if *name == "ResponseId" {
                        "_recordId"
                    } else {
                        name
                    })
                })
                .chain(
                    QUALTRICS_OWN
                        .iter()
                        .map(|name| id(name.trim_start_matches(','))),
                )
                .chain([id("QID1"), id("QID2"), id("QID2_4_TEXT")])
                .chain((0..items.len()).map(|k| id(&format!("QID3_{}", k + 1))))
                .chain([id("QID8_PAGE_SUBMIT"), id("region")])
                .collect::<Vec<_>>();
            out.push_str(&ids.join(","));
        }
        Tool::SurveyMonkey => {
            out.push_str(
                "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,\
                 First Name,Last Name,Custom Data 1,Custom Data 2,Which agency do you work for?,\
                 What is your role?",
            );
            for k in 0..items.len() {
                let title = if k == 0 || k == Facilitator::COUNT {
                    grid(k)
                } else {
                    ""
                };
                let _ = write!(out, ",{title}");
            }
            out.push_str("\r\n,,,,,,,,,,Response,Response");
            for item in items {
                let _ = write!(out, ",{item}");
            }
        }
    }
}

pub fn export(respondents: usize, tool: Tool) -> String {
    let mut out = String::with_capacity(400 * respondents + 4096);
    let items: Vec<&str> = item_names().collect();
    header(&mut out, tool, &items);
    out.push_str("\r\n");
    for (i, agency, role, ratings) in rows(respondents) {
        let agency = AGENCY_NAMES[AGENCIES.iter().position(|a| *a == agency).unwrap_or(0)];
        let role = ROLE_NAMES[ROLES.iter().position(|r| *r == role).unwrap_or(0)];
        match tool {
            Tool::GoogleForms => {
                let _ = write!(
                    out,
                    "2026/03/01 9:{:02}:00 AM GMT,r{i}@example.org,0 / 0,{agency},{role}",
                    i % 60
                );
            }
            Tool::Qualtrics => {
                let _ = write!(
                    out,
                    "2026-03-01 09:10:00,2026-03-01 09:14:00,IP Address,192.0.2.17,100,240,True,\
                     2026-03-01 09:14:00,R_{i:015},,,,,53.3498,-6.2603,anonymous,EN,0.9,,0,\
                     {agency},{role},"
                );
            }
            Tool::SurveyMonkey => {
                let _ = write!(
                    out,
                    "{},431207985,03/01/2026 09:10:00 AM,03/01/2026 09:14:00 AM,192.0.2.17,,,,,hub,\
                     {agency},{role}",
                    11_423_563_451 + i
                );
            }
        }
        for (k, &r) in ratings.iter().enumerate() {
            match tool {
                Tool::SurveyMonkey => {
                    let _ = write!(out, ",{r} - {}", label(k, r));
                }
                _ => {
                    let _ = write!(out, ",{}", label(k, r));
                }
            }
        }
        if let Tool::Qualtrics = tool {
            out.push_str(",231.318,North East");
        }
        out.push_str("\r\n");
    }
    out
}

/// The parts of a one-sheet workbook besides the sheet and its strings.
const PACKAGE: [(&str, &str); 4] = [
    (
        "[Content_Types].xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types \
         xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
         <Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
         <Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>\
         </Types>",
    ),
    (
        "_rels/.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships \
         xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>\
         </Relationships>",
    ),
    (
        "xl/workbook.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook \
         xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
         <sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    ),
    (
        "xl/_rels/workbook.xml.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships \
         xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>\
         </Relationships>",
    ),
];

/// The same responses as [`document`], as Microsoft Forms gives them: an
/// `.xlsx` workbook, one header row, answers as words (shared strings), the
/// ID and times as numbers.
pub fn xlsx(respondents: usize) -> Vec<u8> {
    use std::io::Write as _;

    let strings = workbook_strings();
    let index = |text: &str| strings.iter().position(|s| s == text).unwrap_or(0);
    let column = |c: usize| {
        let c = u8::try_from(c).unwrap_or(0);
        if c < 26 {
            char::from(b'A' + c).to_string()
        } else {
            format!(
                "{}{}",
                char::from(b'A' + c / 26 - 1),
                char::from(b'A' + c % 26)
            )
        }
    };
    let mut sheet = String::with_capacity(respondents * 700 + 4096);
    sheet.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet \
         xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    let header: Vec<usize> = (0..7 + ITEMS).collect();
    sheet.push_str("<row r=\"1\">");
    for &c in &header {
        let _ = write!(sheet, "<c r=\"{}1\" t=\"s\"><v>{c}</v></c>", column(c));
    }
    // A quiz's columns, after the answers.
    for (k, name) in ["Total points", "Quiz feedback"].into_iter().enumerate() {
        let _ = write!(
            sheet,
            "<c r=\"{}1\" t=\"s\"><v>{}</v></c>",
            column(7 + ITEMS + k),
            index(name)
        );
    }
    sheet.push_str("</row>");
    for (i, agency, role, ratings) in rows(respondents) {
        let r = i + 2;
        let agency = AGENCY_NAMES[AGENCIES.iter().position(|a| *a == agency).unwrap_or(0)];
        let role = ROLE_NAMES[ROLES.iter().position(|x| *x == role).unwrap_or(0)];
        let _ = write!(
            sheet,
            "<row r=\"{r}\"><c r=\"A{r}\"><v>{}</v></c><c r=\"B{r}\"><v>46082.38194</v></c>\
             <c r=\"C{r}\"><v>46082.38472</v></c><c r=\"D{r}\" t=\"s\"><v>{}</v></c>\
             <c r=\"F{r}\" t=\"s\"><v>{}</v></c><c r=\"G{r}\" t=\"s\"><v>{}</v></c>",
            i + 1,
            index("anonymous"),
            index(agency),
            index(role)
        );
        for (k, &rating) in ratings.iter().enumerate() {
            let _ = write!(
                sheet,
                "<c r=\"{}{r}\" t=\"s\"><v>{}</v></c>",
                column(7 + k),
                index(label(k, rating))
            );
        }
        let _ = write!(sheet, "<c r=\"{}{r}\"><v>0</v></c>", column(7 + ITEMS));
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let mut shared = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst \
         xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{0}\" \
         uniqueCount=\"{0}\">",
        strings.len()
    );
    for s in &strings {
        let _ = write!(shared, "<si><t>{s}</t></si>");
    }
    shared.push_str("</sst>");
    let parts = PACKAGE
        .iter()
        .map(|&(name, text)| (name, text.to_owned()))
        .chain([
            ("xl/sharedStrings.xml", shared),
            ("xl/worksheets/sheet1.xml", sheet),
        ]);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(name, options).expect("a zip entry");
        zip.write_all(text.as_bytes()).expect("a zip entry");
    }
    zip.finish().expect("a zip archive").into_inner()
}

/// The workbook's shared strings: the header, the answers' words.
fn workbook_strings() -> Vec<String> {
    [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Which agency do you work for?",
        "What is your role?",
    ]
    .into_iter()
    .chain(item_names())
    .chain(AGENCY_NAMES.iter().chain(&ROLE_NAMES).copied())
    .chain(<Facilitator as interagency::Rated>::LABELS)
    .chain(<Obstacle as interagency::Rated>::LABELS)
    .chain(["anonymous", "Total points", "Quiz feedback"])
    .map(str::to_owned)
    .collect()
}
