"""The Python module against the crate's examples: for the same input, the
same bytes; for a bad input, interagency.Error with the crate's message.

Run with the built wheel installed (see src/_documentation/embedding.md)."""

import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

import interagency

ROOT = Path(__file__).resolve().parents[3]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
FORMATS = ["json", "markdown", "svg", "html"]
DOCUMENTS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples/data").glob("*.json"))
RUBRICS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples/rubrics").glob("*.json"))
PARTNERSHIP = "examples/survey/child-protection-hub.partnership.json"
EARLIER = "examples/data/early-years-network.json"
LATER = "examples/data/early-years-network-2027.json"
QUESTIONS = {"agency": "Which agency do you work for?", "role": "What is your role?"}
EXPORTS = [
    ("examples/survey/child-protection-hub.csv", {"ignore_columns": ["Timestamp"]}),
    ("examples/survey/child-protection-hub.google-forms.csv", {"columns": QUESTIONS}),
    ("examples/survey/child-protection-hub.qualtrics.csv", {"columns": QUESTIONS}),
    ("examples/survey/child-protection-hub.surveymonkey.csv", {"columns": QUESTIONS}),
    (
        "examples/survey/child-protection-hub.agree-disagree.csv",
        {"scale": "Strongly disagree=1,Disagree=2,Neither agree nor disagree=3,Agree=4,Strongly agree=5"},
    ),
    (
        "examples/survey/child-protection-hub.microsoft-forms.xlsx",
        {"columns": QUESTIONS, "sheet": "sheet1"},
    ),
]


@pytest.fixture(scope="session", autouse=True)
def examples():
    """The crate's examples, built once (debug)."""
    subprocess.run(["cargo", "build", "--quiet", "--examples"], cwd=ROOT, check=True)


def run(name, *args):
    """An example's status, stdout and stderr, run from the repository root."""
    out = subprocess.run([TARGET / "debug" / "examples" / name, *args], cwd=ROOT, capture_output=True)
    return out.returncode, out.stdout.decode(), out.stderr.decode()


def stdout(name, *args):
    """What an example prints, failing on a non-zero status."""
    status, out, err = run(name, *args)
    assert status == 0, f"{name} {args}: {err}"
    return out


def refusal(name, *args, file):
    """The message of a refused input: stderr without `NAME: FILE: `."""
    status, out, err = run(name, *args)
    assert status == 2 and out == ""
    prefix = f"{name}: {file}: "
    assert err.startswith(prefix), err
    return err[len(prefix) :].removesuffix("\n")


def text(path):
    return (ROOT / path).read_text(encoding="utf-8")


def export_args(options):
    args = []
    for header in options.get("ignore_columns", ()):
        args += ["--ignore-column", header]
    for field, header in options.get("columns", {}).items():
        args += ["--column", f"{field}={header}"]
    if "scale" in options:
        args += ["--scale", options["scale"]]
    if "sheet" in options:
        args += ["--sheet", options["sheet"]]
    return args


class Scratch:
    """A scratch file holding a text, for the examples to read."""

    def __init__(self, name, content):
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, name)
        Path(self.path).write_text(content, encoding="utf-8")

    def __enter__(self):
        return self.path

    def __exit__(self, *_):
        self.dir.cleanup()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("document", DOCUMENTS)
def test_assess(document, fmt):
    assert interagency.assess(text(document), format=fmt) == stdout("assess", document, "--format", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_ends_with_one_newline(fmt):
    for rendered in [
        interagency.assess(text(DOCUMENTS[0]), format=fmt),
        interagency.progress(text(EARLIER), text(LATER), format=fmt),
    ]:
        assert rendered.endswith("\n") and not rendered.endswith("\n\n"), rendered[-12:]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_assess_with_rubric_and_target(document):
    assert interagency.assess(text(document)) == stdout("assess", document, "--format", "json")
    for rubric in RUBRICS:
        assert interagency.assess(text(document), rubric=text(rubric), format="markdown") == stdout(
            "assess", document, "--rubric", rubric
        )
    for target in ["cooperation", "integration"]:
        assert interagency.assess(text(document), target=target) == stdout(
            "assess", document, "--target", target, "--format", "json"
        )


@pytest.mark.parametrize("fmt", FORMATS)
def test_progress(fmt):
    assert interagency.progress(text(EARLIER), text(LATER), format=fmt) == stdout(
        "assess", LATER, "--since", EARLIER, "--format", fmt
    )
    for rubric in RUBRICS:
        assert interagency.progress(
            text(EARLIER), text(LATER), rubric=text(rubric), target="integration", format=fmt
        ) == stdout("assess", LATER, "--since", EARLIER, "--rubric", rubric, "--target", "integration", "--format", fmt)


PLAN = "examples/plans/early-years-network-plan.json"
PLAN_FORMATS = ["json", "csv", "markdown", "html"]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_plan_template(document):
    for fmt in PLAN_FORMATS:
        status, out, err = run("assess", document, "--plan-template", "--format", fmt)
        if status == 0:
            assert interagency.plan_template(text(document), format=fmt) == out
        else:
            with raises(refusal("assess", document, "--plan-template", "--format", fmt, file=document)):
                interagency.plan_template(text(document), format=fmt)
    for rubric in RUBRICS:
        assert interagency.plan_template(
            text(EARLIER), rubric=text(rubric), target="integration", format="csv"
        ) == stdout("assess", EARLIER, "--plan-template", "--rubric", rubric, "--target", "integration", "--format", "csv")
    assert interagency.plan_template(text(EARLIER)) == stdout("assess", EARLIER, "--plan-template")


@pytest.mark.parametrize("fmt", FORMATS)
def test_progress_with_a_plan(fmt):
    assert interagency.progress(text(EARLIER), text(LATER), format=fmt, plan=text(PLAN)) == stdout(
        "assess", LATER, "--since", EARLIER, "--plan", PLAN, "--format", fmt
    )


def test_a_plan_as_csv_text_or_bytes():
    csv = interagency.plan_template(text(EARLIER), format="csv")
    with Scratch("plan.csv", csv) as path:
        expected = stdout("assess", LATER, "--since", EARLIER, "--plan", path, "--format", "json")
    assert interagency.progress(text(EARLIER), text(LATER), plan=csv) == expected
    assert interagency.progress(text(EARLIER), text(LATER), plan=csv.encode()) == expected


def test_bad_plan():
    bad = text(PLAN).replace('"secure_commitment"', '"pray"')
    with Scratch("plan.json", bad) as path:
        message = refusal("assess", LATER, "--since", EARLIER, "--plan", path, file=path)
    with raises(message):
        interagency.progress(text(EARLIER), text(LATER), plan=bad)
    with raises('unknown plan format "svg"; expected one of: json, csv, markdown, html'):
        interagency.plan_template(text(EARLIER), format="svg")


@pytest.mark.parametrize("file,options", EXPORTS, ids=[f for f, _ in EXPORTS])
def test_read_responses(file, options):
    document = interagency.read_responses(text(PARTNERSHIP), (ROOT / file).read_bytes(), **options)
    assert document.endswith("}\n")
    assert isinstance(json.loads(document)["partnership"], str)
    expected = stdout("assess", PARTNERSHIP, "--responses", file, *export_args(options), "--format", "json")
    assert interagency.assess(document) == expected
    if not file.endswith("child-protection-hub.csv"):
        assert expected == stdout("assess", "examples/data/child-protection-hub.json", "--format", "json")
    with Scratch("assessment.json", document) as path:
        assert interagency.assess(document, format="markdown") == stdout("assess", path)


@pytest.mark.parametrize("file,options", EXPORTS, ids=[f for f, _ in EXPORTS])
def test_read_export(file, options):
    data = (ROOT / file).read_bytes()
    read = interagency.read_export(text(PARTNERSHIP), data, **options)
    # The document read_responses returns, and the line assess writes to
    # stderr about the rows left out ("" when none was).
    assert read["assessment"] == interagency.read_responses(text(PARTNERSHIP), data, **options)
    status, _, err = run("assess", PARTNERSHIP, "--responses", file, *export_args(options), "--format", "json")
    assert status == 0
    assert read["left_out"] == err.removesuffix("\n")
    qualtrics = file.endswith(".qualtrics.csv")
    assert read["left_out_counts"] == ({"survey_preview": 1, "survey_test": 1} if qualtrics else {})


def test_read_export_every_row():
    file, options = next(e for e in EXPORTS if e[0].endswith(".qualtrics.csv"))
    data = (ROOT / file).read_bytes()
    read = interagency.read_export(text(PARTNERSHIP), data, keep_every_row=True, **options)
    assert read["left_out"] == "" and read["left_out_counts"] == {}
    assert len(json.loads(read["assessment"])["responses"]) == 26
    every = interagency.read_responses(text(PARTNERSHIP), data, keep_every_row=True, **options)
    assert read["assessment"] == every


def test_catalogue_schema_template():
    assert interagency.catalogue() == stdout("catalogue")
    for rubric in RUBRICS:
        assert interagency.catalogue(rubric=text(rubric)) == stdout("catalogue", "--rubric", rubric)
    with tempfile.TemporaryDirectory() as folder:
        written = stdout("export_schemas", folder).split()
        assert len(written) == 8
        for path in written:
            name = Path(path).name.removesuffix(".schema.json")
            assert interagency.schema(name) == Path(path).read_text(encoding="utf-8"), name
    assert interagency.survey_template() == stdout("survey_template")
    assert interagency.survey_template("csv") == stdout("survey_template", "--format", "csv")
    for fmt in ["csv", "markdown"]:
        assert interagency.survey_template(format=fmt, partnership=text(PARTNERSHIP)) == stdout(
            "survey_template", "--format", fmt, "--partnership", PARTNERSHIP
        )


def raises(message):
    """pytest.raises for interagency.Error with exactly this message."""
    return pytest.raises(interagency.Error, match=f"^{__import__('re').escape(message)}$")


@pytest.mark.parametrize("bad", ["{", "[]", '{"partnership": "N", "agencies": {}}', "{}"])
def test_bad_document(bad):
    with Scratch("bad.json", bad) as path:
        message = refusal("assess", path, file=path)
    with raises(message):
        interagency.assess(bad)
    with raises(message):
        interagency.progress(bad, text(LATER))
    with raises(message):
        interagency.progress(text(EARLIER), bad)


def test_bad_rubric_rounds_and_options():
    bad = '{"thresholds": 3}'
    with Scratch("rubric.json", bad) as path:
        with raises(refusal("assess", DOCUMENTS[0], "--rubric", path, file=path)):
            interagency.assess(text(DOCUMENTS[0]), rubric=bad)
        with raises(refusal("catalogue", "--rubric", path, file=path)):
            interagency.catalogue(rubric=bad)
    with raises(refusal("assess", EARLIER, "--since", LATER, file=f"{EARLIER} since {LATER}")):
        interagency.progress(text(LATER), text(EARLIER))
    with raises('unknown report format "pdf"; expected one of: json, markdown, svg, html'):
        interagency.assess(text(DOCUMENTS[0]), format="pdf")
    with raises('unknown level "partnership"; expected one of: cooperation, collaboration, coordination, integration'):
        interagency.assess(text(DOCUMENTS[0]), target="partnership")
    with raises('unknown survey template format "pdf"; expected one of: csv, markdown'):
        interagency.survey_template("pdf")
    with raises('unknown schema "survey"; expected one of: assessment, report, classification, catalogue, rubric, progress, plan, cohort'):
        interagency.schema("survey")


def test_bad_export():
    file = "examples/survey/child-protection-hub.google-forms.csv"
    data = (ROOT / file).read_bytes()
    message = refusal("assess", PARTNERSHIP, "--responses", file, file=file)
    with pytest.raises(interagency.Error) as caught:
        interagency.read_responses(text(PARTNERSHIP), data)
    # The CLI adds a hint on --column to the crate's message.
    assert message == str(caught.value) or message.startswith(f"{caught.value} (")
    with raises('unknown survey field "team"; expected one of: respondent, agency, role'):
        interagency.read_responses(text(PARTNERSHIP), data, columns={"team": "Team"})
    with Scratch("partnership.json", "{") as path:
        with raises(refusal("assess", path, "--responses", file, file=path)):
            interagency.read_responses("{", data)


def test_error_is_a_value_error():
    assert issubclass(interagency.Error, ValueError)
    with pytest.raises(ValueError):
        interagency.assess("{")
    with pytest.raises(TypeError):
        interagency.read_responses(text(PARTNERSHIP), "not bytes")


COHORT = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples/cohort").glob("*.json"))
FOCUS = "examples/cohort/fernhill.json"


@pytest.mark.parametrize("fmt", FORMATS)
def test_cohort(fmt):
    texts = [text(p) for p in COHORT]
    assert interagency.cohort(texts, format=fmt) == stdout("cohort", "examples/cohort", "--format", fmt)
    assert interagency.cohort(texts, focus=text(FOCUS), format=fmt) == stdout(
        "cohort", "examples/cohort", "--focus", FOCUS, "--format", fmt
    )
    for rubric in RUBRICS:
        assert interagency.cohort(texts, rubric=text(rubric), format=fmt) == stdout(
            "cohort", "examples/cohort", "--rubric", rubric, "--format", fmt
        )


def test_cohort_refusals():
    texts = [text(p) for p in COHORT]
    status, out, err = run("cohort", *COHORT[:4])
    assert status == 2 and out == ""
    with raises(err.removeprefix("cohort: ").removesuffix("\n")):
        interagency.cohort(texts[:4])
    name = json.loads(texts[0])["partnership"]
    with raises(
        f"partnership: {json.dumps(name)} is in both documents[0] and documents[6]; "
        "a cohort takes one round of each partnership"
    ):
        interagency.cohort([*texts, texts[0]])
    with Scratch("bad.json", "{") as path:
        message = refusal("cohort", *COHORT, path, file=path)
        with raises(f"documents[6]: {message}"):
            interagency.cohort([*texts, "{"])
        with raises(f"focus: {message}"):
            interagency.cohort(texts, focus="{")
