"""The human report: findings grouped by article, each with its figures and arithmetic.

Written for a journalist reading a terminal: one editor-friendly line per finding
(``path:line:col: severity rule: message``), the figures it rests on quoted
underneath, then the numbers that clash, and a closing line saying what was checked::

    seeds/jcs.txt
    seeds/jcs.txt:4:12: warning losses-agree: JCS and Zelensky disagree on losses
      > "around 1,100 casualties" (jcs:4:12)
      > "exceeded 3,000" (zelensky:7:30)
      = intervals 990 to 1,210 and at least 3,000; ratio 2.48

    2 articles read, 9 claims found (6 tagged with a metric), 4 rules run: 1 warning
"""

from __future__ import annotations

from collections.abc import Sequence

from checks.report import Record, ReportContext, Summary, formatter
from checks.report._common import (
    claim_location,
    coverage_line,
    grouped_by_article,
    one_line,
)
from checks.report._detail import detail_lines

_RESET = "\x1b[0m"
_STYLES = {
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;36m",
    "path": "\x1b[1m",
    "rule": "\x1b[35m",
    "quote": "\x1b[32m",
    "dim": "\x1b[2m",
}


class _Painter:
    """Wraps text in ANSI styles, or leaves it alone when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, style: str, text: str) -> str:
        if not self.enabled or style not in _STYLES:
            return text
        return f"{_STYLES[style]}{text}{_RESET}"


@formatter("text")
def render_text(records: Sequence[Record], summary: Summary, context: ReportContext) -> str:
    """Findings grouped by article file, with quoted figures and a coverage line."""
    paint = _Painter(context.color)
    lines: list[str] = []
    for anchor, group in grouped_by_article(records):
        if lines:
            lines.append("")
        lines.append(paint("path", one_line(anchor or "(no article)")))
        for record in group:
            lines.extend(_finding_lines(record, paint))
    if not records:
        lines.append("No findings: every figure checked is consistent with the rules.")
    lines.append("")
    lines.append(paint("path", coverage_line(summary)))
    return "\n".join(lines) + "\n"


def _finding_lines(record: Record, paint: _Painter) -> list[str]:
    severity = str(record.get("severity", "info"))
    claims = record.get("claims") or []
    where = _finding_location(claims[0] if claims else None)
    headline = (
        f"{where}: {paint(severity, severity)} {paint('rule', one_line(record.get('rule', '')))}: "
        f"{one_line(record.get('message', ''))}"
    )
    lines = [headline]
    for claim in claims:
        quote = paint("quote", f'"{one_line(claim.get("text", ""))}"')
        lines.append(f"  > {quote} ({claim_location(claim)})")
    for detail in detail_lines(record.get("detail") or {}):
        lines.append(paint("dim", f"  = {detail}"))
    return lines


def _finding_location(claim: Record | None) -> str:
    if claim is None:
        return "(no location)"
    place = one_line(claim.get("path") or claim.get("article", "?"))
    return f"{place}:{claim.get('line', 0)}:{claim.get('col', 0)}"
