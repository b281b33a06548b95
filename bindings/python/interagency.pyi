"""Frost's levels of interagency working, Statham's facilitators and the
CAAB benefits: classify a children's services partnership and plan its next
step. Every function returns what the crate's command-line examples print
for the same input."""

from collections.abc import Sequence
from typing import Literal, Optional, TypedDict

__version__: str

ReportFormat = Literal["json", "markdown", "svg", "html"]
Level = Literal["cooperation", "collaboration", "coordination", "integration"]
SurveyField = Literal["respondent", "agency", "role"]
SchemaName = Literal[
    "assessment", "report", "classification", "catalogue", "rubric", "progress", "plan", "cohort"
]
PlanFormat = Literal["json", "csv", "markdown", "html"]

class Error(ValueError):
    """A bad input: a document, rubric, export or option the crate refuses,
    with the crate's message."""

def assess(
    document: str,
    rubric: Optional[str] = None,
    target: Optional[Level] = None,
    format: ReportFormat = "json",
) -> str:
    """The gap report of an assessment document (JSON text), in the format
    asked: what `assess FILE --format FORMAT` prints."""

def progress(
    earlier: str,
    later: str,
    rubric: Optional[str] = None,
    target: Optional[Level] = None,
    format: ReportFormat = "json",
    plan: Optional[str | bytes] = None,
) -> str:
    """The progress report from an earlier round's assessment document to a
    later one's: what `assess LATER --since EARLIER` prints; with `plan` (a
    plan document as JSON text, or a CSV file or spreadsheet of one action a
    row), what `assess LATER --since EARLIER --plan PLAN` prints."""

def plan_template(
    document: str,
    rubric: Optional[str] = None,
    target: Optional[Level] = None,
    format: PlanFormat = "json",
) -> str:
    """The action plan of an assessment document's gap report, one action per
    recommendation, ready to fill in: what `assess FILE --plan-template
    --format FORMAT` prints."""

def read_responses(
    partnership: str,
    data: bytes,
    ignore_columns: Sequence[str] = (),
    columns: Optional[dict[SurveyField, str]] = None,
    scale: Optional[str] = None,
    sheet: Optional[str] = None,
    keep_every_row: bool = False,
) -> str:
    """The assessment document (pretty JSON) of a partnership document with
    the responses of a survey tool's export (CSV or spreadsheet bytes)."""

LeftOutKind = Literal["survey_preview", "survey_test", "spam", "synthetic", "unfinished"]

class ReadExport(TypedDict):
    """What `read_export` reads from a survey export."""

    assessment: str
    """The assessment document (pretty JSON), as `read_responses` returns it."""
    left_out: str
    """The rows left out as no respondent's, in one line
    ("left out 3 rows: 2 survey previews, 1 spam"); "" when none was."""
    left_out_counts: dict[LeftOutKind, int]
    """Each kind with a row left out, with its count."""

def read_export(
    partnership: str,
    data: bytes,
    ignore_columns: Sequence[str] = (),
    columns: Optional[dict[SurveyField, str]] = None,
    scale: Optional[str] = None,
    sheet: Optional[str] = None,
    keep_every_row: bool = False,
) -> ReadExport:
    """What `read_responses` reads, with the rows of the export left out as
    no respondent's (previews, tests, spam) and their counts."""

def catalogue(rubric: Optional[str] = None) -> str:
    """The catalogue of the framework as pretty JSON, for the rubric given."""

def schema(name: SchemaName) -> str:
    """The JSON Schema of a document, as `export_schemas` writes it."""

def survey_template(
    format: Literal["csv", "markdown"] = "markdown",
    partnership: Optional[str] = None,
) -> str:
    """A survey template: the questionnaire as Markdown, or the crate's CSV
    header line, for the partnership given (JSON text) or any."""

def cohort(
    documents: Sequence[str],
    focus: Optional[str] = None,
    rubric: Optional[str] = None,
    format: ReportFormat = "json",
) -> str:
    """The cohort report of many partnerships' assessment documents (five
    or more, one round of each), with where `focus` stands among them: what
    `cohort FILE... --format FORMAT` prints for the same documents."""
