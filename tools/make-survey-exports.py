"""Writes examples/survey/child-protection-hub.* as five survey tools export
the 24 responses of examples/data/child-protection-hub.json:

  .google-forms.csv     Google Forms "Download responses (.csv)"
  .qualtrics.csv        Qualtrics "Download data", CSV, "Use choice text"
  .surveymonkey.csv     SurveyMonkey "All responses data", CSV, "Expanded"
  .microsoft-forms.xlsx Microsoft Forms "Open results in Excel"
  .agree-disagree.csv   a generic export rating statements from
                        "Strongly disagree" to "Strongly agree"

The crate's tests read each file and must get exactly the same report as from
the JSON document, so the files are generated from it rather than edited by
hand. The output is deterministic (fixed seed, fixed zip timestamps).

Usage, from the repository root: python3 tools/make-survey-exports.py [--check]
(--check reads the files back and compares every answer with the JSON.)
"""
import csv
import datetime
import io
import json
import random
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
FIRST = datetime.datetime(2026, 3, 1, 9, 10)

doc = json.load(open(SOURCE, encoding="utf-8"))
AGENCIES = {a["id"]: a["name"] for a in doc["agencies"]}
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


def answers(r, present=PRESENT, problem=PROBLEM):
    """The agency name, the role word and each item's answer as words ("" if not rated)."""
    return ([AGENCIES[r["agency"]], ROLES[r["role"]]]
            + [present[r["facilitators"][f] - 1] if f in r["facilitators"] else "" for f in FACILITATORS]
            + [problem[r["obstacles"][o] - 1] if o in r["obstacles"] else "" for o in OBSTACLES])


def clock(t, fmt):
    """t in fmt, where %p is AM or PM whatever the locale and {h} the hour 1..12."""
    return t.strftime(fmt.replace("%p", "AM" if t.hour < 12 else "PM").replace("{h}", str(t.hour % 12 or 12)))


def write_csv(suffix, rows, bom=False):
    with open(f"{OUT}.{suffix}", "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def google_forms():
    header = (["Timestamp", AGENCY_Q, ROLE_Q] + [f"{FAC_Q} [{n}]" for n in FACILITATORS.values()]
              + [f"{OBS_Q} [{n}]" for n in OBSTACLES.values()])
    write_csv("google-forms.csv", [header] + [
        [clock(p["start"], "%Y/%m/%d {h}:%M:%S %p GMT")] + answers(p["r"])
        for p in PEOPLE])


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
            ("Q1", AGENCY_Q, "QID1"), ("Q2", ROLE_Q, "QID2")]
    meta += [(f"Q3_{k}", f"{FAC_Q} - {n}", f"QID3_{k}") for k, n in enumerate(FACILITATORS.values(), 1)]
    meta += [(f"Q4_{k}", f"{OBS_Q} - {n}", f"QID4_{k}") for k, n in enumerate(OBSTACLES.values(), 1)]
    zone = {"startDate", "endDate", "recordedDate"}
    import_ids = [json.dumps({"ImportId": i, **({"timeZone": "Europe/Dublin"} if i in zone else {})},
                             separators=(",", ":")) for _, _, i in meta]
    date = "%Y-%m-%d %H:%M:%S"
    write_csv("qualtrics.csv", [[m[0] for m in meta], [m[1] for m in meta], import_ids] + [
        [p["start"].strftime(date), p["end"].strftime(date), "IP Address", p["ip"], "100",
         str(p["duration"]), "True", p["end"].strftime(date), p["response_id"], "", "", "", "",
         "53.3498", "-6.2603", "anonymous", "EN"] + answers(p["r"])
        for p in PEOPLE], bom=True)


def surveymonkey():
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
            "Email Address", "First Name", "Last Name", "Custom Data 1"]
    fac, obs = list(FACILITATORS.values()), list(OBSTACLES.values())
    row1 = meta + [AGENCY_Q, ROLE_Q, FAC_Q] + [""] * (len(fac) - 1) + [OBS_Q] + [""] * (len(obs) - 1)
    row2 = [""] * len(meta) + ["Response", "Response"] + fac + obs
    numbered = lambda scale: [f"{k} - {w}" for k, w in enumerate(scale, 1)]
    date = "%m/%d/%Y %I:%M:%S %p"
    write_csv("surveymonkey.csv", [row1, row2] + [
        [str(p["respondent_id"]), "431207985", clock(p["start"], date), clock(p["end"], date),
         p["ip"], "", "", "", ""] + answers(p["r"], numbered(PRESENT), numbered(PROBLEM))
        for p in PEOPLE], bom=True)


def agree_disagree():
    header = ["respondent", "agency", "role"] + list(FACILITATORS.values()) + list(OBSTACLES.values())
    write_csv("agree-disagree.csv", [header] + [
        [p["r"]["respondent"], p["r"]["agency"]] + answers(p["r"], AGREE, AGREE)[1:] for p in PEOPLE])


def column(n):
    """Spreadsheet column letters of the 0-based column n: A, …, Z, AA, …"""
    return column(n // 26 - 1) + chr(65 + n % 26) if n >= 26 else chr(65 + n)


def microsoft_forms():
    header = (["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
               AGENCY_Q, ROLE_Q] + list(FACILITATORS.values()) + list(OBSTACLES.values()))
    strings, uses = {}, 0

    def text(s):
        nonlocal uses
        uses += 1
        return f'<c r="{{}}" t="s"><v>{strings.setdefault(s, len(strings))}</v></c>'

    def serial(t):  # Excel's day number, counted from 1899-12-30
        return repr((t - datetime.datetime(1899, 12, 30)).total_seconds() / 86400)

    rows = [[text(h) for h in header]]
    for n, p in enumerate(PEOPLE, 1):
        rows.append([f'<c r="{{}}"><v>{n}</v></c>', f'<c r="{{}}" s="1"><v>{serial(p["start"])}</v></c>',
                     f'<c r="{{}}" s="1"><v>{serial(p["end"])}</v></c>', text("anonymous"), "", ""]
                    + [text(a) if a else "" for a in answers(p["r"])])
    last = f"{column(len(header) - 1)}{len(rows)}"
    sheet = "".join(f'<row r="{y}">' + "".join(c.format(f"{column(x)}{y}") for x, c in enumerate(row) if c)
                    + "</row>" for y, row in enumerate(rows, 1))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{pkg}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{pkg}/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{pkg}/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId3" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
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
        + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>",
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><dimension ref="A1:{last}"/>'
        f"<sheetData>{sheet}</sheetData></worksheet>",
    }
    with zipfile.ZipFile(f"{OUT}.microsoft-forms.xlsx", "w") as z:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 3, 1, 0, 0, 0))
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            z.writestr(info, decl + xml)


def check():
    """Reads every file back and decodes its answers to the JSON's numbers."""
    def decode(row, scales, agency_by=AGENCIES):
        agency = {v: k for k, v in agency_by.items()}[row[0]]
        role = {v: k for k, v in ROLES.items()}[row[1]]
        fac = {f: scales[0].index(a) + 1 for f, a in zip(FACILITATORS, row[2:]) if a}
        obs = {o: scales[1].index(a) + 1 for o, a in zip(OBSTACLES, row[2 + len(FACILITATORS):]) if a}
        return agency, role, fac, obs

    def read(suffix, skip, first):
        data = open(f"{OUT}.{suffix}", "rb").read()
        assert data.startswith(b"\xef\xbb\xbf") == (suffix in ("qualtrics.csv", "surveymonkey.csv"))
        assert data.count(b"\r\n") == data.count(b"\n") == len(PEOPLE) + skip
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert len(rows) == len(PEOPLE) + skip and len({len(r) for r in rows}) == 1
        return [r[first:] for r in rows[skip:]]

    numbered = [[f"{k} - {w}" for k, w in enumerate(s, 1)] for s in (PRESENT, PROBLEM)]
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(f"{OUT}.microsoft-forms.xlsx") as z:
        sst = [t.text for t in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(f"{{{ns['m']}}}t")]
        xlsx = []  # each row's cells by column letters, shared strings resolved
        for y, row in enumerate(ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iterfind(".//m:row", ns), 1):
            assert row.get("r") == str(y)
            xlsx.append({c.get("r").removesuffix(str(y)): (sst[int(c.find("m:v", ns).text)] if c.get("t") == "s"
                                                          else c.find("m:v", ns).text) for c in row.iterfind("m:c", ns)})
    width = 8 + len(FACILITATORS) + len(OBSTACLES)
    assert len(xlsx) == len(PEOPLE) + 1 and xlsx[0][column(width - 1)] == list(OBSTACLES.values())[-1]
    assert [row["A"] for row in xlsx[1:]] == [str(n) for n in range(1, len(PEOPLE) + 1)]
    decoded = {
        "google-forms.csv": [decode(r, (PRESENT, PROBLEM)) for r in read("google-forms.csv", 1, 1)],
        "qualtrics.csv": [decode(r, (PRESENT, PROBLEM)) for r in read("qualtrics.csv", 3, 17)],
        "surveymonkey.csv": [decode(r, numbered) for r in read("surveymonkey.csv", 2, 9)],
        "agree-disagree.csv": [decode(r, (AGREE, AGREE), {a: a for a in AGENCIES})
                               for r in read("agree-disagree.csv", 1, 1)],
        "microsoft-forms.xlsx": [decode([r.get(column(x), "") for x in range(6, width)], (PRESENT, PROBLEM))
                                 for r in xlsx[1:]],
    }
    want = [(r["agency"], r["role"], r["facilitators"], r["obstacles"]) for r in doc["responses"]]
    for name, got in decoded.items():
        assert got == want, name
        print(f"{OUT}.{name}: {len(got)} responses, all answers as in {SOURCE}")


if __name__ == "__main__":
    for write in (google_forms, qualtrics, surveymonkey, microsoft_forms, agree_disagree):
        write()
    if "--check" in sys.argv[1:]:
        check()
