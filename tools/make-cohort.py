"""Writes examples/cohort/*.json: the assessments of six partnerships of one
region, a small cohort for the cohort example
(cargo run --example cohort -- examples/cohort).

The six differ on purpose: no level in place, cooperation, collaboration,
coordination and integration in place; two or three agencies; one
respondent or several per agency; items some partnerships leave unrated, so
that some distributions are shown and some withheld (fewer than five
partnerships rated them); means on a band's boundary (3.0) and means in
thirds (three agencies). tests/it/cohort.rs works the cohort's report out by
hand from the ratings below, so change both together.

Usage, from the repository root: python3 tools/make-cohort.py [--check]
(--check writes nothing and fails if a committed file differs from what the
script would write, or if the folder holds a file the script does not write.)
"""
import json
import os
import sys

OUT = os.path.join("examples", "cohort")

COOPERATION = ["consistent_goals", "complementary_services"]
COLLABORATION = COOPERATION + ["tackles_overlap_and_gaps", "common_outcomes"]
COORDINATION = COLLABORATION + ["planned_and_systematic", "shared_agreed_goals"]
INTEGRATION = COORDINATION + ["single_organisation"]

F = {
    "C": "clarity_of_purpose_and_roles",
    "W": "whole_agency_commitment",
    "L": "leadership",
    "T": "trust_and_openness",
    "G": "good_communication",
    "I": "information_sharing_procedures",
    "S": "staff_relationship_opportunities",
}
O = {
    "time": "time_not_prioritised",
    "agree": "agreeing_policies_and_protocols",
    "attitudes": "changing_attitudes_and_beliefs",
    "skills": "lack_of_collaborative_skills",
    "conflict": "conflict",
    "fatigue": "collaboration_fatigue",
}

AGENCIES = {
    "tusla": ("Tusla Child and Family Agency", "social_work"),
    "hse": ("HSE Community Health", "health"),
    "etb": ("Education and Training Board", "education"),
    "garda": ("Garda Youth Diversion", "justice"),
    "council": ("County Council Housing", "housing"),
    "frc": ("Family Resource Centre", "family_support"),
}

# Each partnership: file, name, date, characteristics, agencies, and for each
# item the rating each agency's respondent gives (one respondent per agency,
# in the agencies' order; None: that respondent leaves it out). An item not
# listed is not rated.
PARTNERSHIPS = [
    {
        "file": "ardmore.json",
        "partnership": "Ardmore Children and Young People's Services Committee",
        "assessed_on": "2026-02-10",
        "characteristics": COOPERATION,
        "agencies": ["tusla", "hse"],
        "facilitators": {"C": [2, 3], "W": [3, 4], "L": [2, 2], "T": [3, 3],
                         "G": [4, 4], "I": [2, 3]},
        "obstacles": {"time": [4, 4], "conflict": [2, 3], "fatigue": [3, 2]},
    },
    {
        "file": "ballinteer.json",
        "partnership": "Ballinteer Family Support Network",
        "assessed_on": "2026-02-17",
        "characteristics": COLLABORATION,
        "agencies": ["tusla", "frc"],
        "facilitators": {"C": [3, 4], "W": [3, 3], "L": [2, 3], "T": [4, 4],
                         "G": [4, 5], "I": [3, 4], "S": [2, 2]},
        "obstacles": {"time": [3, 3], "agree": [2, 2], "attitudes": [1, 2],
                      "conflict": [3, 4], "fatigue": [2, 3]},
    },
    {
        "file": "carrowmore.json",
        "partnership": "Carrowmore Safeguarding Partnership",
        "assessed_on": "2026-03-03",
        "characteristics": COORDINATION,
        "agencies": ["tusla", "garda"],
        "facilitators": {"C": [4, 4], "W": [4, 4], "L": [3, 4], "T": [4, 5],
                         "G": [5, 5], "I": [4, 5], "S": [3, 3]},
        "obstacles": {"time": [2, 2], "agree": [3, 3], "skills": [1, 1],
                      "conflict": [1, 2]},
    },
    {
        "file": "dunmore.json",
        "partnership": "Dunmore Early Years Forum",
        "assessed_on": "2026-03-12",
        "characteristics": ["consistent_goals"],
        "agencies": ["hse", "etb"],
        "facilitators": {"C": [2, 1], "T": [2, 3], "G": [2, 2]},
        "obstacles": {"attitudes": [4, 5], "skills": [4, 4], "fatigue": [3, 3]},
    },
    {
        "file": "eskerbrook.json",
        "partnership": "Eskerbrook Youth Justice Partnership",
        "assessed_on": "2026-03-20",
        "characteristics": INTEGRATION,
        "agencies": ["garda", "council"],
        "facilitators": {"C": [3, 3], "W": [2, 3], "L": [4, 4], "T": [3, 4],
                         "G": [4, 4], "I": [2, 2], "S": [3, 4]},
        "obstacles": {"time": [4, 5], "agree": [4, 3], "conflict": [2, 2],
                      "fatigue": [2, 1]},
    },
    {
        "file": "fernhill.json",
        "partnership": "Fernhill Integrated Family Centre",
        "assessed_on": "2026-04-01",
        "characteristics": COLLABORATION,
        "agencies": ["hse", "etb", "frc"],
        "facilitators": {"C": [3, 3, 4], "W": [3, 3, 3], "L": [4, 3, 3],
                         "T": [2, 3, 2], "G": [4, 4, 5], "I": [3, 4, 4]},
        "obstacles": {"time": [2, 2, 3], "conflict": [4, 4, 3],
                      "fatigue": [1, 2, 1]},
    },
]

ROLES = ["manager", "frontline", "senior_manager"]


def document(p):
    agencies = [
        {"id": a, "name": AGENCIES[a][0], "sector": AGENCIES[a][1]} for a in p["agencies"]
    ]
    responses = []
    for i, agency in enumerate(p["agencies"]):
        facilitators = {
            F[k]: v[i] for k, v in p["facilitators"].items() if v[i] is not None
        }
        obstacles = {O[k]: v[i] for k, v in p["obstacles"].items() if v[i] is not None}
        responses.append({
            "respondent": f"r{i + 1}",
            "agency": agency,
            "role": ROLES[i % len(ROLES)],
            "facilitators": facilitators,
            "obstacles": obstacles,
        })
    doc = {
        "partnership": p["partnership"],
        "assessed_on": p["assessed_on"],
        "agencies": agencies,
        "characteristics": p["characteristics"],
        "responses": responses,
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def main():
    check = "--check" in sys.argv[1:]
    wanted = {p["file"]: document(p) for p in PARTNERSHIPS}
    if check:
        problems = []
        for name, text in wanted.items():
            path = os.path.join(OUT, name)
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != text:
                        problems.append(f"{path}: differs from what the script writes")
            except FileNotFoundError:
                problems.append(f"{path}: missing")
        for name in sorted(os.listdir(OUT)):
            if name not in wanted:
                problems.append(f"{os.path.join(OUT, name)}: not written by the script")
        for p in problems:
            print(p, file=sys.stderr)
        sys.exit(1 if problems else 0)
    os.makedirs(OUT, exist_ok=True)
    for name, text in wanted.items():
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
