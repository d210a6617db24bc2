"""Markdown for a pull-request comment or a CI step summary.

A heading with the counts, then one section per severity listing each finding with
its location (a link when ``context.link_base`` is set), the quoted figures and the
numbers behind it. Article text and rule-file text arrive in pull requests, so every
piece of it is escaped: it can neither add markup or HTML nor mention people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from checks.findings import SEVERITIES
from checks.report import Record, ReportContext, Summary, formatter
from checks.report._common import (
    claim_location,
    coverage_line,
    one_line,
    report_path,
    severity_counts,
)
from checks.report._detail import detail_lines

#: A pull-request comment has a size limit; past this many findings the rest are counted.
MAX_FINDINGS = 200
_SECTION_TITLES = {
    "error": "❌ Errors",
    "warning": "⚠️ Warnings",
    "info": "ℹ️ Information",
}
# Punctuation that could start emphasis, code, links, tables, headings or
# strikethrough; "(", ")" and "!" only matter next to "[" or "]", escaped here.
_MARKUP = re.compile(r"([\\`*_\[\]|~#])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape_markdown(text: object) -> str:
    """``text`` as inert Markdown on one line: no markup, no HTML, no @-mentions."""
    flat = one_line(text)
    flat = "".join(_ENTITIES.get(char, char) for char in flat)
    flat = _MARKUP.sub(r"\\\1", flat)
    # A zero-width space after "@" keeps "@someone" from notifying anyone.
    return flat.replace("@", "@\u200b")


@formatter("markdown")
def render_markdown(records: Sequence[Record], summary: Summary, context: ReportContext) -> str:
    """A pull-request comment: counts, one section per severity, then coverage."""
    return markdown_report(records, summary, context)


def markdown_report(
    records: Sequence[Record],
    summary: Summary,
    context: ReportContext,
    heading_level: int = 2,
) -> str:
    """The Markdown report, with its top heading at ``heading_level`` (``##`` by default)."""
    top = "#" * heading_level
    lines = [f"{top} numcheck: {severity_counts(summary)}", ""]
    if not records:
        lines += ["No findings: every figure checked is consistent with the rules.", ""]
    shown = 0
    for severity in SEVERITIES:
        section = [r for r in records if r.get("severity") == severity]
        if not section or shown >= MAX_FINDINGS:
            continue
        lines += [f"{top}# {_SECTION_TITLES[severity]} ({len(section)})", ""]
        for record in section[: MAX_FINDINGS - shown]:
            lines += _finding_lines(record, context)
            shown += 1
        lines.append("")
    if shown < len(records):
        lines += [f"…and {len(records) - shown} more findings, left out to keep this short.", ""]
    lines.append(f"_{escape_markdown(coverage_line(summary))}_")
    if summary.problems:
        lines += ["", "<details><summary>Input problems</summary>", ""]
        lines += [f"- {escape_markdown(problem)}" for problem in summary.problems]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def _finding_lines(record: Record, context: ReportContext) -> list[str]:
    claims = record.get("claims") or []
    where = _location(claims[0], context) if claims else "(no location)"
    rule = escape_markdown(record.get("rule", ""))
    lines = [f"- **{rule}** at {where}: {escape_markdown(record.get('message', ''))}"]
    for claim in claims:
        figure = escape_markdown(claim.get("text", ""))
        where = _location(claim, context, escape_markdown(claim_location(claim)))
        lines.append(f"  - “{figure}” ({where})")
    for detail in detail_lines(record.get("detail") or {}):
        lines.append(f"  - = {escape_markdown(detail)}")
    return lines


def _location(claim: Record, context: ReportContext, label: str | None = None) -> str:
    """``path:line:col``, linked to the file when the context knows where files live."""
    path = report_path(claim, context)
    line = claim.get("line", 0)
    text = label or escape_markdown(f"{path}:{line}:{claim.get('col', 0)}")
    if context.link_base is None or not claim.get("path") or path.startswith("/"):
        return text
    url = f"{context.link_base.rstrip('/')}/{quote(path)}#L{line}"
    return f"[{text}]({url})"
