"""GitHub Actions workflow commands: one annotation per finding, on the figure's line.

``::error file=seeds/a.txt,line=4,col=12,endColumn=35,title=losses-agree::message``
(``::warning`` for warnings, ``::notice`` for info). The message carries the quoted
figures and the numbers behind the finding on further lines. Values are escaped by
the workflow-command rules, so article text can never end the command early or
start a command of its own on a new line. The report closes with the coverage line,
which is plain log text.

:func:`step_summary` gives the Markdown that the CLI appends to ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from collections.abc import Sequence

from checks.report import Record, ReportContext, Summary, formatter
from checks.report._common import claim_location, coverage_line, report_path
from checks.report._detail import detail_lines
from checks.report.markdown import markdown_report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: object) -> str:
    """A command's message: ``%``, CR and LF percent-encoded."""
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: object) -> str:
    """A command property value: as :func:`escape_data`, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


@formatter("github")
def render_github(records: Sequence[Record], summary: Summary, context: ReportContext) -> str:
    """One workflow command per finding, then the coverage line."""
    lines = [_annotation(record, context) for record in records]
    lines.append(coverage_line(summary))
    return "\n".join(lines) + "\n"


def step_summary(records: Sequence[Record], summary: Summary, context: ReportContext) -> str:
    """Markdown for the job summary page (the CLI appends it to ``$GITHUB_STEP_SUMMARY``)."""
    return markdown_report(records, summary, context, heading_level=2)


def _annotation(record: Record, context: ReportContext) -> str:
    command = COMMANDS.get(str(record.get("severity")), "warning")
    claims = record.get("claims") or []
    properties: list[tuple[str, str]] = []
    if claims:
        first = claims[0]
        text = str(first.get("text", ""))
        properties.append(("file", report_path(first, context)))
        properties.append(("line", str(first.get("line", 1))))
        properties.append(("col", str(first.get("col", 1))))
        if text and "\n" not in text:
            properties.append(("endColumn", str(int(first.get("col", 1)) + len(text))))
    properties.append(("title", str(record.get("rule", ""))))
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{command} {rendered}::{escape_data(_message(record))}"


def _message(record: Record) -> str:
    claims = record.get("claims") or []
    lines = [str(record.get("message", ""))]
    lines += [f'> "{claim.get("text", "")}" ({claim_location(claim)})' for claim in claims]
    lines += [f"= {line}" for line in detail_lines(record.get("detail") or {})]
    return "\n".join(lines)
