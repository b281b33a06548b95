"""Writes examples/survey/child-protection-hub.* as five survey tools export
the 24 responses of examples/data/child-protection-hub.json:

  .google-forms.csv     Google Forms "Download responses (.csv)"
  .qualtrics.csv        Qualtrics "Download data", CSV, "Use choice text"
  .surveymonkey.csv     SurveyMonkey "All responses data", CSV, "Expanded"
  .microsoft-forms.xlsx Microsoft Forms "Open results in Excel"
  .agree-disagree.csv   a generic export rating statements from
                        "Strongly disagree" to "Strongly agree"

Each carries what the tool writes about a response beside the answers, and
the rows it writes that are no respondent's, as the crate reads them (the
crate's survey guide): Google Forms' Email Address and quiz Score; Qualtrics' bot and
duplicate detection (Q_RecaptchaScore, Q_RelevantID...), a text entry
(Q2_4_TEXT), a timing question (Q8_Page Submit, ...), embedded data (region),
and a survey preview and a survey test row before the responses; Microsoft
Forms' quiz columns (Total points, Quiz feedback, Grade posted time, Points -
and Feedback - a question); SurveyMonkey's Custom Data 2.

Each also carries the answers about the other agencies, in that tool's layout:
the level of joint work with each agency (Google Forms' and Qualtrics' grid
rows, SurveyMonkey's matrix, "Working with: AGENCY" columns elsewhere), trust
in each (words, or 1 to 4 in .agree-disagree.csv) and the perceived level. A
grid asks about every agency, so the respondent's own agency's cell is empty.

The crate's tests read each file and must get exactly the same report as from
the JSON document, so the files are generated from it rather than edited by
hand. The output is deterministic (fixed seed, fixed zip timestamps).

It also writes spreadsheet fixtures for the partnership in
examples/survey/child-protection-hub.partnership.json, with the same writer
(write_xlsx) and an OpenDocument one (write_ods):

  tests/data/numbers.xlsx  sheet Responses, data from B2: ratings as int and
                           float numbers and as text, a number as respondent
                           id, agencies by id or name; then a sheet Notes and
                           a sheet Empty with no cell
  tests/data/errors.xlsx   Sheet1 (the same table from A1), then Responses as
                           in numbers.xlsx but with 4.5 under Conflict for r4
                           (F6) and the text "6" under Leadership for r3 (E5)
  tests/data/numbers.ods   the sheets and cells of numbers.xlsx as an
                           OpenDocument spreadsheet, copied to
                           fuzz/seeds-sheet/numbers.ods as a fuzzing seed

Usage, from the repository root: python3 tools/make-survey-exports.py [--check]
(--check reads the files back and compares every answer with the JSON, and
every fixture cell, with its type, with what was written.)
"""
import csv
import datetime
import io
import json
import os
import random
import re
import shutil
import sys
import xml.etree.ElementTree as ET
import zipfile
from xml.sax.saxutils import escape

SOURCE = "examples/data/child-protection-hub.json"
OUT = "examples/survey/child-protection-hub"
FACILITATORS = {
    "clarity_of_purpose_and_roles": "Clarity of purpose and roles",
    "whole_agency_commitment": "Whole-agency commitment",
    "leadership": "Leadership",
    "trust_and_openness": "Trust and openness",
    "good_communication": "Good communication",
    "information_sharing_procedures": "Information-sharing procedures",
    "staff_relationship_opportunities": "Opportunities for staff relationships",
}
OBSTACLES = {
    "time_not_prioritised": "Time not prioritised",
    "agreeing_policies_and_protocols": "Agreeing policies and protocols",
    "changing_attitudes_and_beliefs": "Changing attitudes and beliefs",
    "lack_of_collaborative_skills": "Lack of collaborative skills",
    "conflict": "Conflict",
    "collaboration_fatigue": "Collaboration fatigue",
}
ROLES = {"frontline": "Frontline", "manager": "Manager", "senior_manager": "Senior manager"}
PRESENT = ["Not present at all", "Slightly present", "Partly present", "Mostly present", "Fully present"]
PROBLEM = ["Not a problem", "A minor problem", "A moderate problem", "A major problem", "A severe problem"]
AGREE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
AGENCY_Q = "Which agency do you work for?"
ROLE_Q = "What is your role?"
FAC_Q = "How present is each of these in your partnership?"
OBS_Q = "How much of a problem is each of these for your partnership?"
WORKING_Q = "Working with"
TRUST_Q = "Trust"
PERCEIVED_Q = "Perceived level"
LEVELS = {"none": "No joint work", "cooperation": "Cooperation", "collaboration": "Collaboration",
          "coordination": "Coordination", "integration": "Integration"}
TRUST = ["Not at all", "A little", "Mostly", "Completely"]
FIRST = datetime.datetime(2026, 3, 1, 9, 10)

doc = json.load(open(SOURCE, encoding="utf-8"))
AGENCIES = {a["id"]: a["name"] for a in doc["agencies"]}
for r in doc["responses"]:  # answers about other listed agencies only
    for key in ("partners", "trust"):
        assert set(r.get(key, {})) <= set(AGENCIES) - {r["agency"]}, (r["respondent"], key)
rng = random.Random(20260301)
LETTERS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
PEOPLE = []  # one row of facts per response, in the JSON's order
for i, r in enumerate(doc["responses"]):
    start = FIRST + datetime.timedelta(minutes=i)
    duration = 240 + (i * 97) % 300
    PEOPLE.append(dict(
        r=r, start=start, end=start + datetime.timedelta(seconds=duration),
        duration=duration, ip=f"192.0.2.{17 + 9 * i}",
        response_id="R_" + "".join(rng.choice(LETTERS) for _ in range(15)),
        respondent_id=11423563451 + 1000 * i + rng.randrange(1000)))
# The coordinator's preview and test of the survey before it went out (Qualtrics' Status Survey
# Preview and Survey Test): every facilitator fully present and no obstacle a problem, which
# would move every mean if they were counted.
TRIED = {"agency": doc["agencies"][0]["id"], "role": "manager",
         "facilitators": {f: 5 for f in FACILITATORS}, "obstacles": {o: 1 for o in OBSTACLES}}
NOT_RESPONDENTS = [
    dict(status=status, start=FIRST - datetime.timedelta(days=2, minutes=-k), duration=95 + k,
         response_id="R_" + "".join(rng.choice(LETTERS) for _ in range(15)))
    for k, status in enumerate(["Survey Preview", "Survey Test"])]


def answers(r, present=PRESENT, problem=PROBLEM, trust=TRUST):
    """The agency name, the role word, each item's answer as words ("" if not rated), then the level
    of joint work with each agency and trust in each, in the listed order ("" if not answered, and
    for the respondent's own agency), and the perceived level."""
    partners, trusted = r.get("partners", {}), r.get("trust", {})
    return ([AGENCIES[r["agency"]], ROLES[r["role"]]]
            + [present[r["facilitators"][f] - 1] if f in r["facilitators"] else "" for f in FACILITATORS]
            + [problem[r["obstacles"][o] - 1] if o in r["obstacles"] else "" for o in OBSTACLES]
            + [LEVELS[partners[a]] if a in partners else "" for a in AGENCIES]
            + [str(trust[trusted[a] - 1]) if a in trusted else "" for a in AGENCIES]
            + [LEVELS.get(r.get("perceived_level"), "")])


def network_headers(form, agencies=AGENCIES.values()):
    """The headers of the network columns: form(question, agency) for each agency, the Working with
    grid then the Trust grid, and the perceived level."""
    return ([form(WORKING_Q, a) for a in agencies] + [form(TRUST_Q, a) for a in agencies]
            + [PERCEIVED_Q])


def clock(t, fmt):
    """t in fmt, where %p is AM or PM whatever the locale and {h} the hour 1..12."""
    return t.strftime(fmt.replace("%p", "AM" if t.hour < 12 else "PM").replace("{h}", str(t.hour % 12 or 12)))


def write_csv(suffix, rows, bom=False):
    with open(f"{OUT}.{suffix}", "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def google_forms():
    header = (["Timestamp", "Email Address", "Score", AGENCY_Q, ROLE_Q]
              + [f"{FAC_Q} [{n}]" for n in FACILITATORS.values()]
              + [f"{OBS_Q} [{n}]" for n in OBSTACLES.values()]
              + network_headers(lambda q, a: f"{q} [{a}]"))
    write_csv("google-forms.csv", [header] + [
        [clock(p["start"], "%Y/%m/%d {h}:%M:%S %p GMT"), f"respondent{i}@example.org", "0 / 0"]
        + answers(p["r"])
        for i, p in enumerate(PEOPLE, 1)])


def qualtrics():
    meta = [("StartDate", "Start Date", "startDate"), ("EndDate", "End Date", "endDate"),
            ("Status", "Response Type", "status"), ("IPAddress", "IP Address", "ipAddress"),
            ("Progress", "Progress", "progress"), ("Duration (in seconds)", "Duration (in seconds)", "duration"),
            ("Finished", "Finished", "finished"), ("RecordedDate", "Recorded Date", "recordedDate"),
            ("ResponseId", "Response ID", "_recordId"),
            ("RecipientLastName", "Recipient Last Name", "recipientLastName"),
            ("RecipientFirstName", "Recipient First Name", "recipientFirstName"),
            ("RecipientEmail", "Recipient Email", "recipientEmail"),
            ("ExternalReference", "External Data Reference", "externalDataReference"),
            ("LocationLatitude", "Location Latitude", "locationLatitude"),
            ("LocationLongitude", "Location Longitude", "locationLongitude"),
            ("DistributionChannel", "Distribution Channel", "distributionChannel"),
            ("UserLanguage", "User Language", "userLanguage"),
            ("Q_RecaptchaScore", "Q_RecaptchaScore", "Q_RecaptchaScore"),
            ("Q_RelevantIDDuplicate", "Q_RelevantIDDuplicate", "Q_RelevantIDDuplicate"),
            ("Q_RelevantIDDuplicateScore", "Q_RelevantIDDuplicateScore", "Q_RelevantIDDuplicateScore"),
            ("Q_RelevantIDFraudScore", "Q_RelevantIDFraudScore", "Q_RelevantIDFraudScore"),
            ("Q_RelevantIDLastStartDate", "Q_RelevantIDLastStartDate", "Q_RelevantIDLastStartDate"),
            ("Q1", AGENCY_Q, "QID1"), ("Q2", ROLE_Q, "QID2"),
            ("Q2_4_TEXT", f"{ROLE_Q} - Other - Text", "QID2_4_TEXT")]
    meta += [(f"Q3_{k}", f"{FAC_Q} - {n}", f"QID3_{k}") for k, n in enumerate(FACILITATORS.values(), 1)]
    meta += [(f"Q4_{k}", f"{OBS_Q} - {n}", f"QID4_{k}") for k, n in enumerate(OBSTACLES.values(), 1)]
    meta += [(f"Q{q}_{k}", f"{question} - {n}", f"QID{q}_{k}")
             for q, question in ((5, WORKING_Q), (6, TRUST_Q)) for k, n in enumerate(AGENCIES.values(), 1)]
    meta += [("Q7", PERCEIVED_Q, "QID7")]
    meta += [(f"Q8_{name}", f"Timing - {name}", f"QID8_{name.upper().replace(' ', '_')}")
             for name in ("First Click", "Last Click", "Page Submit", "Click Count")]
    meta += [("region", "region", "region")]
    zone = {"startDate", "endDate", "recordedDate"}
    import_ids = [json.dumps({"ImportId": i, **({"timeZone": "Europe/Dublin"} if i in zone else {})},
                             separators=(",", ":")) for _, _, i in meta]
    date = "%Y-%m-%d %H:%M:%S"

    def row(p, status, ip, r):
        end = p["start"] + datetime.timedelta(seconds=p["duration"])
        fields = answers(r)
        return ([p["start"].strftime(date), end.strftime(date), status, ip, "100",
                 str(p["duration"]), "True", end.strftime(date), p["response_id"], "", "", "", "",
                 "53.3498", "-6.2603", "anonymous", "EN", "1", "", "0", "0", ""]
                + fields[:2] + [""] + fields[2:]
                + ["4.212", f"{p['duration'] - 12}.604", f"{p['duration'] - 9}.318", "23", "North East"])

    write_csv("qualtrics.csv", [[m[0] for m in meta], [m[1] for m in meta], import_ids]
              + [row(p, p["status"], "", TRIED) for p in NOT_RESPONDENTS]
              + [row(p, "IP Address", p["ip"], p["r"]) for p in PEOPLE], bom=True)


def surveymonkey():
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
            "Email Address", "First Name", "Last Name", "Custom Data 1", "Custom Data 2"]
    fac, obs = list(FACILITATORS.values()), list(OBSTACLES.values())
    names = list(AGENCIES.values())
    row1 = (meta + [AGENCY_Q, ROLE_Q, FAC_Q] + [""] * (len(fac) - 1) + [OBS_Q] + [""] * (len(obs) - 1)
            + [WORKING_Q] + [""] * (len(names) - 1) + [TRUST_Q] + [""] * (len(names) - 1) + [PERCEIVED_Q])
    row2 = [""] * len(meta) + ["Response", "Response"] + fac + obs + names + names + ["Response"]
    numbered = lambda scale: [f"{k} - {w}" for k, w in enumerate(scale, 1)]
    date = "%m/%d/%Y %I:%M:%S %p"
    write_csv("surveymonkey.csv", [row1, row2] + [
        [str(p["respondent_id"]), "431207985", clock(p["start"], date), clock(p["end"], date),
         p["ip"], "", "", "", "", "hub-2026"] + answers(p["r"], numbered(PRESENT), numbered(PROBLEM))
        for p in PEOPLE], bom=True)


def agree_disagree():
    header = (["respondent", "agency", "role"] + list(FACILITATORS.values()) + list(OBSTACLES.values())
              + network_headers(lambda q, a: f"{q}: {a}", AGENCIES))
    write_csv("agree-disagree.csv", [header] + [
        [p["r"]["respondent"], p["r"]["agency"]] + answers(p["r"], AGREE, AGREE, [1, 2, 3, 4])[1:]
        for p in PEOPLE])


def column(n):
    """Spreadsheet column letters of the 0-based column n: A, …, Z, AA, …"""
    return column(n // 26 - 1) + chr(65 + n % 26) if n >= 26 else chr(65 + n)


XLSX_EPOCH = datetime.datetime(1899, 12, 30)  # Excel's day 0
SHEET_NAME_FORBIDDEN = set('[]:*?/\\')


def number(x):
    """The text of a number cell's <v>: repr, which reads back as the same int or float."""
    if isinstance(x, float) and (x != x or x in (float("inf"), float("-inf"))):
        raise ValueError(f"a spreadsheet number cannot be {x!r}")
    return repr(x)


def check_sheet_names(sheets):
    """Asserts that a workbook has sheets, with different names that Excel and LibreOffice accept."""
    assert sheets, "a workbook needs at least one sheet"
    names = [name for name, _ in sheets]
    assert len({n.lower() for n in names}) == len(names), f"sheet names must differ: {names}"
    for name in names:
        assert 0 < len(name) <= 31 and not SHEET_NAME_FORBIDDEN & set(name) and name[0] != "'" != name[-1], name
    return names


def write_xlsx(path, sheets):
    """Writes a minimal .xlsx workbook to path.

    sheets is a list of (sheet name, rows) in workbook order. rows[0] is row 1 and
    row[0] column A, so leading empty rows and None cells move the data down and
    right. A cell is None (no cell), a str (shared string), a bool (t="b"), an int
    or float (number; repr round-trips), or a datetime (Excel's day number, shown
    with the date-time style s="1"). The dimension is the box around the written
    cells; rows without cells are left out. Deterministic: fixed zip timestamps.
    """
    names = check_sheet_names(sheets)
    strings, uses = {}, 0

    def cell(ref, value):
        nonlocal uses
        if isinstance(value, str):
            uses += 1
            return f'<c r="{ref}" t="s"><v>{strings.setdefault(value, len(strings))}</v></c>'
        if isinstance(value, bool):  # before int: bool is an int
            return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{number(value)}</v></c>'
        if isinstance(value, datetime.datetime):
            return f'<c r="{ref}" s="1"><v>{number((value - XLSX_EPOCH).total_seconds() / 86400)}</v></c>'
        raise TypeError(f"cell {ref}: cannot write {value!r}")

    def worksheet(rows):
        xml, box = [], None  # box: first column, first row, last column, last row (0-based columns)
        for y, row in enumerate(rows, 1):
            cells = [(x, c) for x, c in enumerate(row) if c is not None]
            if not cells:
                continue
            xml.append(f'<row r="{y}">' + "".join(cell(f"{column(x)}{y}", c) for x, c in cells) + "</row>")
            xs = [x for x, _ in cells]
            box = ((min(xs), y, max(xs), y) if box is None
                   else (min(box[0], min(xs)), box[1], max(box[2], max(xs)), y))
        first = f"{column(box[0])}{box[1]}" if box else "A1"
        last = f"{column(box[2])}{box[3]}" if box else "A1"
        return (f'<worksheet xmlns="{main}"><dimension ref="{first if first == last else f"{first}:{last}"}"/>'
                f"<sheetData>{''.join(xml)}</sheetData></worksheet>")

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    worksheets = {f"xl/worksheets/sheet{k}.xml": worksheet(rows) for k, (_, rows) in enumerate(sheets, 1)}
    n = len(sheets)
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{pkg}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/{part}" ContentType="{ct}.worksheet+xml"/>' for part in worksheets)
        + f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{pkg}/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
        + "".join(f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{k}" r:id="rId{k}"/>'
                  for k, name in enumerate(names, 1)) + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{pkg}/relationships">'
        + "".join(f'<Relationship Id="rId{k}" Type="{rel}/worksheet" Target="{part.removeprefix("xl/")}"/>'
                  for k, part in enumerate(worksheets, 1))
        + f'<Relationship Id="rId{n + 1}" Type="{rel}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{n + 2}" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/styles.xml": f'<styleSheet xmlns="{main}">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="m/d/yy h:mm"/></numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main}" count="{uses}" uniqueCount="{len(strings)}">'
        + "".join(f'<si><t{" xml:space=" + chr(34) + "preserve" + chr(34) if s != s.strip() else ""}>'
                  f"{escape(s)}</t></si>" for s in strings) + "</sst>",
        **worksheets,
    }
    with zipfile.ZipFile(path, "w") as z:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 3, 1, 0, 0, 0))
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            z.writestr(info, decl + xml)


ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
ODS_NS = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
          "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
          "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"}


def shown(x):
    """The text a spreadsheet shows for the number x in its General format: 4, 2 for 2.0, 4.5."""
    text = number(x)
    return str(int(x)) if isinstance(x, float) and x.is_integer() and abs(x) < 1e15 else text


def ods_paragraphs(s):
    """The <text:p> elements holding the text s: one a line, tabs as <text:tab/> and the spaces
    that XML's and ODF's white-space rules would drop (leading, trailing, after another space or a
    tab) as <text:s/>, so that every reader gets s back."""
    for ch in s:
        if ch == "\r" or (ch < " " and ch not in "\t\n") or ch in "\ufffe\uffff" or "\ud800" <= ch <= "\udfff":
            raise ValueError(f"a spreadsheet text cannot hold {ch!r}: {s!r}")

    def line(t):
        parts = re.split(r"(\t| +)", t)  # text, separator, text, …: a separator's neighbours may be ""
        out = []
        for k, part in enumerate(parts):
            if k % 2 == 0:
                out.append(escape(part))
            elif part == "\t":
                out.append("<text:tab/>")
            else:
                literal = 1 if parts[k - 1] and parts[k + 1] else 0  # one space between two words stays text
                rest = len(part) - literal
                out.append(" " * literal + ("" if rest == 0 else "<text:s/>" if rest == 1
                                            else f'<text:s text:c="{rest}"/>'))
        return "".join(out)

    return "".join(f"<text:p>{line(t)}</text:p>" if t else "<text:p/>" for t in s.split("\n"))


def ods_cell(value, repeated=1):
    """One <table:table-cell> as LibreOffice writes it: the value in attributes and as shown text."""
    if value is None:
        return "<table:table-cell/>" if repeated == 1 else \
            f'<table:table-cell table:number-columns-repeated="{repeated}"/>'
    assert repeated == 1
    if isinstance(value, str):
        return f'<table:table-cell office:value-type="string">{ods_paragraphs(value)}</table:table-cell>'
    if isinstance(value, bool):  # before int: bool is an int
        return (f'<table:table-cell office:value-type="boolean" office:boolean-value="{str(value).lower()}">'
                f"<text:p>{str(value).upper()}</text:p></table:table-cell>")
    if isinstance(value, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{number(value)}">'
                f"<text:p>{shown(value)}</text:p></table:table-cell>")
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            raise ValueError(f"a spreadsheet date has no time zone: {value!r}")
        return (f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value.isoformat(sep=' ')}</text:p></table:table-cell>")
    raise TypeError(f"cannot write {value!r} to a spreadsheet cell")


def write_ods(path, sheets):
    """Writes a minimal OpenDocument spreadsheet (ODF 1.2, as LibreOffice writes one) to path.

    sheets is as for write_xlsx: a list of (sheet name, rows), rows[0] is row 1 and row[0]
    column A. A cell is None (an empty <table:table-cell/>; a run of them is one cell with
    table:number-columns-repeated, and trailing ones are left out), a str (value-type string,
    its text in <text:p>), a bool (value-type boolean), an int or float (value-type float,
    office:value its repr, so 4 and 2.0 read back as they were written), or a datetime
    (value-type date, office:date-value ISO 8601). A row without cells is kept as a row with
    one empty cell, and a run of them as one row with table:number-rows-repeated, so that the
    rows below stay where they are. The zip holds mimetype first and stored, as the format
    requires, then META-INF/manifest.xml and content.xml; no whitespace between the elements
    (calamine takes any text inside a table row for an error). Deterministic: fixed zip
    timestamps and order.
    """
    check_sheet_names(sheets)

    def table(name, rows):
        rows = [list(row) for row in rows] or [[]]  # a table has at least one row
        for row in rows:
            while row and row[-1] is None:
                row.pop()
        width = max([len(row) for row in rows] + [1])
        columns = "<table:table-column/>" if width == 1 else \
            f'<table:table-column table:number-columns-repeated="{width}"/>'
        xml, empty = [], 0  # empty: the run of rows without cells not yet written

        def empty_rows():
            return "" if not empty else "<table:table-row><table:table-cell/></table:table-row>" if empty == 1 \
                else f'<table:table-row table:number-rows-repeated="{empty}"><table:table-cell/></table:table-row>'

        for row in rows:
            if not row:
                empty += 1
                continue
            xml.append(empty_rows())
            empty = 0
            cells, x = [], 0
            while x < len(row):
                run = 1
                while row[x] is None and row[x + run] is None:  # row[-1] is not None
                    run += 1
                cells.append(ods_cell(row[x], run))
                x += run
            xml.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
        xml.append(empty_rows())
        return (f'<table:table table:name="{escape(name, {chr(34): "&quot;"})}">{columns}'
                f"{''.join(xml)}</table:table>")

    decl = '<?xml version="1.0" encoding="UTF-8"?>\n'
    m = ODS_NS["manifest"]
    parts = {
        "mimetype": ODS_MIMETYPE,
        "META-INF/manifest.xml": decl + f'<manifest:manifest xmlns:manifest="{m}" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="{ODS_MIMETYPE}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>",
        "content.xml": decl + "<office:document-content"
        + "".join(f' xmlns:{p}="{ODS_NS[p]}"' for p in ("office", "table", "text"))
        + ' office:version="1.2"><office:body><office:spreadsheet>'
        + "".join(table(name, rows) for name, rows in sheets)
        + "</office:spreadsheet></office:body></office:document-content>",
    }
    with zipfile.ZipFile(path, "w") as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 3, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


def microsoft_forms():
    """A quiz: its points and feedback overall, and for the agency question."""
    header = (["ID", "Start time", "Completion time", "Email", "Name", "Total points", "Quiz feedback",
               "Grade posted time", "Last modified time",
               AGENCY_Q, f"Points - {AGENCY_Q}", f"Feedback - {AGENCY_Q}", ROLE_Q]
              + list(FACILITATORS.values()) + list(OBSTACLES.values())
              + network_headers(lambda q, a: f"{q}: {a}"))
    rows = []
    for n, p in enumerate(PEOPLE, 1):
        fields = [a or None for a in answers(p["r"])]
        rows.append([n, p["start"], p["end"], "anonymous", None, 0, None, None, None]
                    + fields[:1] + [0, None] + fields[1:])
    write_xlsx(f"{OUT}.microsoft-forms.xlsx", [("Sheet1", [header] + rows)])


PARTNERSHIP = "examples/survey/child-protection-hub.partnership.json"
FIXTURES = "tests/data"
SEEDS = "fuzz/seeds-sheet"  # fuzzing seeds of the sheet target: copies of these fixtures
SEEDED = ["numbers.ods"]
# The Responses sheet of tests/data/numbers.xlsx from B2: respondent ids, agencies and
# ratings as numbers (int and float) or text, by agency id or name, roles as words or ids.
FIXTURE_HEADER = ["respondent", "agency", "role", "Leadership", "Conflict", "Good communication"]
FIXTURE_ROWS = [
    ["r1", "sw", "Manager", 4, 2.0, "Mostly present"],
    [17, "hse", "Frontline", 5, "3", None],
    ["r3", "Garda Protective Services Unit", "senior_manager", 1.0, 5, 3],
    ["r4", "school", "Senior manager", None, None, "4 - Mostly present"],
]


def fixture_sheets():
    """{file name: sheets} of the spreadsheet fixtures in tests/data, for the partnership in PARTNERSHIP."""
    agencies = {a["id"]: a["name"] for a in json.load(open(PARTNERSHIP, encoding="utf-8"))["agencies"]}
    for row in FIXTURE_ROWS:
        assert row[1] in agencies or row[1] in agencies.values(), row[1]

    def at_b2(table):  # an empty row 1 and column A
        return [[]] + [[None] + row for row in table]

    table = [FIXTURE_HEADER] + [list(row) for row in FIXTURE_ROWS]
    bad = [list(row) for row in table]
    r3, r4 = (next(row for row in bad if row[0] == r) for r in ("r3", "r4"))
    r4[FIXTURE_HEADER.index("Conflict")] = 4.5  # F6: not a whole number
    r3[FIXTURE_HEADER.index("Leadership")] = "6"  # E5: text outside 1..5
    numbers = [("Responses", at_b2(table)), ("Notes", [["not responses"]]), ("Empty", [])]
    return {
        "numbers.xlsx": numbers,
        "errors.xlsx": [("Sheet1", table), ("Responses", at_b2(bad))],
        "numbers.ods": numbers,
    }


def fixtures():
    os.makedirs(FIXTURES, exist_ok=True)
    for name, sheets in fixture_sheets().items():
        (write_ods if name.endswith(".ods") else write_xlsx)(f"{FIXTURES}/{name}", sheets)
    os.makedirs(SEEDS, exist_ok=True)
    for name in SEEDED:
        shutil.copyfile(f"{FIXTURES}/{name}", f"{SEEDS}/{name}")


def read_xlsx(path):
    """[(sheet name, {cell reference: value})] of a workbook written by write_xlsx, in workbook
    order; values typed as written (str, bool, int or float by the text of <v>)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        xml = {name: ET.fromstring(z.read(name)) for name in z.namelist()}
    types = {o.get("PartName") for o in xml["[Content_Types].xml"]}
    targets = {r.get("Id"): "xl/" + r.get("Target") for r in xml["xl/_rels/workbook.xml.rels"].iterfind("p:Relationship", ns)}
    sst = ["".join(si.itertext()) for si in xml["xl/sharedStrings.xml"].iterfind("m:si", ns)]
    out = []
    for sheet in xml["xl/workbook.xml"].iterfind("m:sheets/m:sheet", ns):
        part = targets[sheet.get(f"{{{ns['r']}}}id")]
        assert "/" + part in types, part
        cells = {}
        for row in xml[part].iterfind("m:sheetData/m:row", ns):
            for c in row.iterfind("m:c", ns):
                assert c.get("r").endswith(row.get("r")) and c.get("r") not in cells
                v = c.find("m:v", ns).text
                cells[c.get("r")] = {"s": lambda: sst[int(v)], "b": lambda: v == "1"}.get(
                    c.get("t"), lambda: float(v) if any(ch in v for ch in ".eEn") else int(v))()
        refs = [re.fullmatch(r"([A-Z]+)(\d+)", r).groups() for r in cells]
        index = lambda letters: sum((ord(ch) - 64) * 26 ** k for k, ch in enumerate(reversed(letters))) - 1
        box = [f"{column(f(index(a) for a, _ in refs))}{f(int(y) for _, y in refs)}" for f in (min, max)] \
            if refs else ["A1", "A1"]
        assert xml[part].find("m:dimension", ns).get("ref") == (box[0] if box[0] == box[1] else ":".join(box))
        out.append((sheet.get("name"), cells))
    return out


def read_ods(path):
    """[(sheet name, {cell reference: value})] of a spreadsheet written by write_ods, in sheet order;
    values typed as written (str, bool, datetime, int or float by the text of office:value, as
    read_xlsx does), after checking the package and what calamine's ods reader needs: no text
    between a row's cells, the value in office:value or office:boolean-value, a string in <text:p>."""
    o, t, x, m = (f"{{{ODS_NS[p]}}}" for p in ("office", "table", "text", "manifest"))
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        first, *_ = infos = z.infolist()
        assert [i.filename for i in infos] == ["mimetype", "META-INF/manifest.xml", "content.xml"], path
        assert first.header_offset == 0 and first.compress_type == zipfile.ZIP_STORED and not first.extra
        assert z.read("mimetype") == ODS_MIMETYPE.encode("ascii")  # no newline
        manifest = ET.fromstring(z.read("META-INF/manifest.xml"))
        content = ET.fromstring(z.read("content.xml"))
    with open(path, "rb") as f:  # the name and the type at fixed offsets, where file(1) looks for them
        assert f.read(38 + len(ODS_MIMETYPE))[30:] == b"mimetype" + ODS_MIMETYPE.encode("ascii")
    assert manifest.tag == f"{m}manifest" and manifest.get(f"{m}version") == "1.2"
    assert {e.get(f"{m}full-path"): e.get(f"{m}media-type") for e in manifest.iterfind(f"{m}file-entry")} \
        == {"/": ODS_MIMETYPE, "content.xml": "text/xml"}
    assert content.tag == f"{o}document-content" and content.get(f"{o}version") == "1.2"

    def paragraph(p):
        # each text node as ODF's white-space rules leave it: no tab, line break or two spaces, no
        # space at the paragraph's ends or after a tab; those are <text:tab/> and <text:s/>
        nodes = [p.text or ""] + [e.tail or "" for e in p]
        for k, node in enumerate(nodes):
            assert not re.search(r"[\t\n\r]|  ", node) and not (k == len(nodes) - 1 and node.endswith(" ")) \
                and not ((k == 0 or p[k - 1].tag == f"{x}tab") and node.startswith(" ")), node
        assert all(e.tag in (f"{x}s", f"{x}tab") for e in p)
        return nodes[0] + "".join((" " * int(e.get(f"{x}c", "1")) if e.tag == f"{x}s" else "\t") + (e.tail or "")
                                  for e in p)

    def value(cell):
        assert cell.tag == f"{t}table-cell" and cell.text is None and cell.tail is None
        assert all(p.tag == f"{x}p" and p.tail is None for p in cell)
        text, kind = "\n".join(paragraph(p) for p in cell), cell.get(f"{o}value-type")
        if kind is None:
            assert len(cell) == 0 and set(cell.attrib) <= {f"{t}number-columns-repeated"}
            return None
        assert f"{t}number-columns-repeated" not in cell.attrib and f"{o}string-value" not in cell.attrib
        if kind == "string":
            return text
        if kind == "float":
            v = cell.get(f"{o}value")
            v = float(v) if any(ch in v for ch in ".eEn") else int(v)
            assert text == shown(v), (v, text)
            return v
        if kind == "boolean":
            v = {"true": True, "false": False}[cell.get(f"{o}boolean-value")]
            assert text == str(v).upper()
            return v
        assert kind == "date", kind
        return datetime.datetime.fromisoformat(cell.get(f"{o}date-value"))

    out = []
    for table in content.iterfind(f"{o}body/{o}spreadsheet/{t}table"):
        cells, y, width = {}, 0, 0
        columns, *rows = table
        assert columns.tag == f"{t}table-column" and len(columns) == 0
        for row in rows:
            assert row.tag == f"{t}table-row" and row.text is None and len(row) > 0
            values = []
            for cell in row:
                values += [value(cell)] * int(cell.get(f"{t}number-columns-repeated", "1"))
            width = max(width, len(values) if any(v is not None for v in values) else 1)
            for _ in range(int(row.get(f"{t}number-rows-repeated", "1"))):
                y += 1
                cells.update((f"{column(k)}{y}", v) for k, v in enumerate(values) if v is not None)
        assert int(columns.get(f"{t}number-columns-repeated", "1")) == width, table.get(f"{t}name")
        out.append((table.get(f"{t}name"), cells))
    return out


def check_fixtures():
    """Reads the fixtures back: sheet names in order, every cell where and of the type written."""
    for name, sheets in fixture_sheets().items():
        want = [(sheet, {f"{column(x)}{y}": c for y, row in enumerate(rows, 1) for x, c in enumerate(row)
                         if c is not None}) for sheet, rows in sheets]
        got = (read_ods if name.endswith(".ods") else read_xlsx)(f"{FIXTURES}/{name}")
        assert [(s, {r: (type(v), v) for r, v in c.items()}) for s, c in got] == \
               [(s, {r: (type(v), v) for r, v in c.items()}) for s, c in want], name
        print(f"{FIXTURES}/{name}: " + ", ".join(f"{s} {len(c)} cells" for s, c in got) + ", all as written")
    for name in SEEDED:
        with open(f"{FIXTURES}/{name}", "rb") as fixture, open(f"{SEEDS}/{name}", "rb") as seed:
            assert fixture.read() == seed.read(), f"{SEEDS}/{name}"
        print(f"{SEEDS}/{name}: the same as {FIXTURES}/{name}")


def tool_column(header):
    """Whether the crate skips a column of this header as one its tool writes about a response."""
    return (header.lower() in ("email address", "score", "total points", "quiz feedback", "grade posted time")
            or re.match(r"(?i)(points|feedback) - ", header) is not None
            or re.fullmatch(r"(?i)custom data \d+", header) is not None)


def check():
    """Reads every file back and decodes its answers to the JSON's numbers and levels, the network
    columns through their headers' agencies."""
    at, n = 2 + len(FACILITATORS) + len(OBSTACLES), len(AGENCIES)
    word_level = {w: level for level, w in LEVELS.items()}

    def network_columns(headers, agency_by=AGENCIES):
        """Asserts that the headers after the items ask Working with then Trust about each agency in
        the listed order (a Google Forms grid row, a Qualtrics or SurveyMonkey "question - agency",
        or "question: agency"), then the perceived level."""
        by = {v: k for k, v in agency_by.items()}
        asked = [re.fullmatch(r"(.+?)(?: \[(.+)\]| - (.+)|: (.+))", h).groups() for h in headers[at:at + 2 * n]]
        assert [(q, by[next(a for a in names if a)]) for q, *names in asked] == \
               [(q, a) for q in (WORKING_Q, TRUST_Q) for a in AGENCIES], headers[at:]
        assert headers[at + 2 * n:] == [PERCEIVED_Q], headers[at:]

    def decode(row, scales, agency_by=AGENCIES, trust=TRUST):
        agency = {v: k for k, v in agency_by.items()}[row[0]]
        role = {v: k for k, v in ROLES.items()}[row[1]]
        fac = {f: scales[0].index(a) + 1 for f, a in zip(FACILITATORS, row[2:]) if a}
        obs = {o: scales[1].index(a) + 1 for o, a in zip(OBSTACLES, row[2 + len(FACILITATORS):]) if a}
        working, trusted, (perceived,) = row[at:at + n], row[at + n:at + 2 * n], row[at + 2 * n:]
        own = list(AGENCIES).index(agency)
        assert working[own] == trusted[own] == "", row  # the grid's row about the respondent's agency
        partners = {a: word_level[w] for a, w in zip(AGENCIES, working) if w}
        trusts = {a: trust.index(t) + 1 for a, t in zip(AGENCIES, trusted) if t}
        return agency, role, fac, obs, partners, trusts, word_level.get(perceived)

    def read(suffix, skip, first):
        """The question over each column (a SurveyMonkey question spans the columns after it, each
        headed in the second row; Qualtrics' is in its second row), and the answer rows: the columns
        and rows the crate skips and leaves out taken away (only a Qualtrics question's own columns,
        QID1 or QID3_2, and only the rows whose Status is IP Address; no tool's own column)."""
        data = open(f"{OUT}.{suffix}", "rb").read()
        assert data.startswith(b"\xef\xbb\xbf") == (suffix in ("qualtrics.csv", "surveymonkey.csv"))
        extra = len(NOT_RESPONDENTS) if suffix == "qualtrics.csv" else 0
        assert data.count(b"\r\n") == data.count(b"\n") == len(PEOPLE) + skip + extra
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert len(rows) == len(PEOPLE) + skip + extra and len({len(r) for r in rows}) == 1
        if suffix == "qualtrics.csv":
            status = rows[0].index("Status")
            assert [r[status] for r in rows[skip:skip + extra]] == [p["status"] for p in NOT_RESPONDENTS]
            question = [re.fullmatch(r'\{"ImportId":"QID\d+(_\d+)?"\}', i) is not None for i in rows[2]]
            rows = rows[:skip] + [r for r in rows[skip:] if r[status] == "IP Address"]
            rows = [[c for c, keep in zip(r, question) if keep] for r in rows]
            first = 0
        else:
            tools_own = [tool_column(h) for h in rows[0]]
            rows = [[c for c, own in zip(r, tools_own) if not own] for r in rows]
        if suffix == "surveymonkey.csv":
            headers, question = [], ""
            for over, under in zip(rows[0], rows[1]):
                question = over or question
                headers.append(question if under in ("", "Response") else f"{question} - {under}")
        else:
            headers = rows[1 if suffix == "qualtrics.csv" else 0]
        return headers[first:], [r[first:] for r in rows[skip:]]

    numbered = [[f"{k} - {w}" for k, w in enumerate(s, 1)] for s in (PRESENT, PROBLEM)]
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(f"{OUT}.microsoft-forms.xlsx") as z:
        sst = [t.text for t in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(f"{{{ns['m']}}}t")]
        xlsx = []  # each row's cells by column letters, shared strings resolved
        for y, row in enumerate(ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iterfind(".//m:row", ns), 1):
            assert row.get("r") == str(y)
            xlsx.append({c.get("r").removesuffix(str(y)): (sst[int(c.find("m:v", ns).text)] if c.get("t") == "s"
                                                          else c.find("m:v", ns).text) for c in row.iterfind("m:c", ns)})
    own = [x for x in range(len(xlsx[0])) if tool_column(xlsx[0][column(x)])]
    assert len(own) == 5, own
    xlsx = [{column(k): row.get(column(x), "") for k, x in enumerate(x for x in range(len(xlsx[0]))
                                                                      if x not in own)} for row in xlsx]
    width = 6 + at + 2 * n + 1
    assert len(xlsx) == len(PEOPLE) + 1 and list(xlsx[0]) == [column(x) for x in range(width)]
    assert [row["A"] for row in xlsx[1:]] == [str(n) for n in range(1, len(PEOPLE) + 1)]
    files = {  # name: (headers, rows, scales, agencies by, trust answers)
        "google-forms.csv": (*read("google-forms.csv", 1, 1), (PRESENT, PROBLEM), AGENCIES, TRUST),
        "qualtrics.csv": (*read("qualtrics.csv", 3, 17), (PRESENT, PROBLEM), AGENCIES, TRUST),
        "surveymonkey.csv": (*read("surveymonkey.csv", 2, 7), numbered, AGENCIES, TRUST),
        "agree-disagree.csv": (*read("agree-disagree.csv", 1, 1), (AGREE, AGREE), {a: a for a in AGENCIES},
                               ["1", "2", "3", "4"]),
        "microsoft-forms.xlsx": ([xlsx[0].get(column(x), "") for x in range(6, width)],
                                 [[r.get(column(x), "") for x in range(6, width)] for r in xlsx[1:]],
                                 (PRESENT, PROBLEM), AGENCIES, TRUST),
    }
    want = [(r["agency"], r["role"], r["facilitators"], r["obstacles"], r.get("partners", {}),
             r.get("trust", {}), r.get("perceived_level")) for r in doc["responses"]]
    for name, (headers, rows, scales, agency_by, trust) in files.items():
        network_columns(headers, agency_by)
        got = [decode(r, scales, agency_by, trust) for r in rows]
        assert got == want, name
        print(f"{OUT}.{name}: {len(got)} responses, all answers as in {SOURCE}")

if __name__ == "__main__":
    for write in (google_forms, qualtrics, surveymonkey, microsoft_forms, agree_disagree, fixtures):
        write()
    if "--check" in sys.argv[1:]:
        check()
        check_fixtures()
