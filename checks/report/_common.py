"""Helpers shared by the report formats: safe text, locations, rules, coverage."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from pathlib import PurePath, PurePosixPath

from checks.findings import SEVERITIES
from checks.report import Record, ReportContext, RuleInfo, Summary

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: object) -> str:
    """``text`` on one line with no control characters (article text is untrusted).

    Whitespace controls become spaces; others (ESC, NUL...) become visible ``\\xNN``
    so hostile text cannot move the cursor or recolour a terminal.
    """

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        return " " if char in "\t\n\r\v\f\u2028\u2029" else f"\\x{ord(char):02x}"

    return _CONTROL.sub(replace, str(text))


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``"1 error"``, ``"2 errors"``; ``many`` for irregular plurals."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def claim_location(claim: Record) -> str:
    """``file:line:col`` of a claim (the article id for in-memory articles), the form
    editors and terminals turn into a link."""
    place = claim.get("path") or claim.get("article", "?")
    return f"{one_line(place)}:{claim.get('line', 0)}:{claim.get('col', 0)}"


def report_path(claim: Record, context: ReportContext) -> str:
    """The claim's file, relative to ``context.base_dir``, with forward slashes.

    Falls back to the article id for in-memory articles; a path outside ``base_dir``
    stays absolute rather than climbing out with ``..``.
    """
    path = claim.get("path")
    if not path:
        return str(claim.get("article", ""))
    text = str(path)
    if context.base_dir is not None:
        try:
            relative = os.path.relpath(text, context.base_dir)
        except ValueError:  # another drive on Windows
            relative = text
        if not relative.startswith(".."):
            text = relative
    return PurePosixPath(*PurePath(text).parts).as_posix() if text else text


def first_claim(record: Record) -> Record | None:
    """The claim a finding is anchored on (its first), or None."""
    claims = record.get("claims") or []
    return claims[0] if claims else None


def grouped_by_article(records: Sequence[Record]) -> Iterator[tuple[str, list[Record]]]:
    """Consecutive records sharing an anchor article (records arrive sorted by article)."""
    current: str | None = None
    group: list[Record] = []
    for record in records:
        claim = first_claim(record)
        key = str(claim.get("path") or claim.get("article")) if claim else ""
        if group and key != current:
            yield current or "", group
            group = []
        current = key
        group.append(record)
    if group:
        yield current or "", group


def severity_counts(summary: Summary) -> str:
    """``1 error, 2 warnings, 1 info`` (severities with no findings left out)."""
    names = {"error": ("error", "errors"), "warning": ("warning", "warnings")}
    parts = []
    for severity in SEVERITIES:
        count = summary.count(severity)
        if count:
            singular, many = names.get(severity, (severity, severity))
            parts.append(plural(count, singular, many))
    return ", ".join(parts) if parts else "no findings"


def coverage_line(summary: Summary) -> str:
    """What was checked, in one sentence a reader takes in at a glance."""
    line = (
        f"{plural(summary.articles, 'article')} read, "
        f"{plural(summary.claims, 'claim')} found "
        f"({summary.tagged} tagged with a metric), "
        f"{plural(summary.rules_run, 'rule')} run: {severity_counts(summary)}"
    )
    extras = []
    if summary.suppressed:
        extras.append(f"{summary.suppressed} suppressed")
    if summary.skipped:
        extras.append(f"{plural(len(summary.skipped), 'file')} skipped")
    if summary.problems:
        extras.append(f"{plural(len(summary.problems), 'input problem')}")
    if extras:
        line += f" ({', '.join(extras)})"
    return line


def all_rules(records: Sequence[Record], context: ReportContext) -> list[RuleInfo]:
    """The context's rules, then any rule seen only in findings (e.g. implicit checks)."""
    rules = list(context.rules)
    known = {rule.id for rule in rules}
    for record in records:
        rule_id = str(record.get("rule", ""))
        if rule_id not in known:
            known.add(rule_id)
            severity = str(record.get("severity", "warning"))
            rules.append(RuleInfo(id=rule_id, kind="implicit", severity=severity))
    return rules
