"""Helpers shared by the report formats: numbers, detail lines, locations, coverage."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import PurePath, PurePosixPath
from typing import Any

from checks.findings import SEVERITIES
from checks.report import Record, ReportContext, RuleInfo, Summary

#: Longest detail line before it is cut (a report line stays readable in a terminal).
DETAIL_WIDTH = 96
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_INFINITE = {"inf": math.inf, "+inf": math.inf, "-inf": -math.inf}
# Detail keys that the finding's own claims already show.
_SKIPPED_DETAIL = frozenset({"bindings", "claims", "claim_ids"})


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


def as_number(value: Any) -> float | None:
    """A float from a record value (``"inf"`` strings included), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and value.strip().lower() in _INFINITE:
        return _INFINITE[value.strip().lower()]
    return None


def format_number(value: float) -> str:
    """A figure as a reader writes it: ``12,000``, ``2.7``, ``0.125``, ``∞``."""
    if math.isnan(value):
        return "?"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{value:.3g}"


def format_interval(low: float, high: float) -> str:
    """``1,100``, ``990 to 1,210``, ``at least 3,000``, ``at most 500``."""
    if low == high:
        return format_number(low)
    if math.isinf(high) and math.isinf(low):
        return "any value"
    if math.isinf(high):
        return f"at least {format_number(low)}"
    if math.isinf(low):
        return f"at most {format_number(high)}"
    return f"{format_number(low)} to {format_number(high)}"


def format_value(value: Any) -> str | None:
    """A detail value in words, or None when it is not worth a mention."""
    if value is None:
        return None
    number = as_number(value)
    if number is not None:
        return format_number(number)
    if isinstance(value, Sequence) and not isinstance(value, str):
        numbers = [as_number(item) for item in value]
        if len(value) == 2 and None not in numbers:
            return format_interval(*sorted(n for n in numbers if n is not None))
        parts = [part for part in (format_value(item) for item in value) if part]
        nested = any(isinstance(item, Sequence) and not isinstance(item, str) for item in value)
        return (" vs " if nested else ", ").join(parts) or None
    if isinstance(value, Mapping):
        return None
    return one_line(value)


def detail_lines(detail: Mapping[str, Any], width: int = DETAIL_WIDTH) -> list[str]:
    """The numbers behind a finding in at most two short lines.

    A comparison (``lhs``, ``op``, ``rhs``) reads as one: ``1,150 to 1,250 > 1,000``;
    every other entry reads as ``label value``, in the evaluator's order.
    """
    parts: list[str] = []
    shown: set[str] = set(_SKIPPED_DETAIL)
    if "lhs" in detail and "rhs" in detail:
        left, right = format_value(detail["lhs"]), format_value(detail["rhs"])
        op = one_line(detail.get("op", "vs"))
        expr = f"{one_line(detail['expr'])}: " if detail.get("expr") else ""
        parts.append(f"{expr}{left} {op} {right} cannot hold")
        shown.update({"lhs", "rhs", "op", "expr"})
    for key, value in detail.items():
        if key in shown:
            continue
        text = format_value(value)
        if text:
            parts.append(f"{one_line(key).replace('_', ' ')} {text}")
    return _wrap(parts, width, max_lines=2)


def _wrap(parts: list[str], width: int, max_lines: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current}; {part}" if current else part
        if len(candidate) <= width or not current:
            current = candidate
            continue
        lines.append(current)
        current = part
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return [line if len(line) <= width else line[: width - 1] + "…" for line in lines]


def claim_location(claim: Record) -> str:
    """``article:line:col`` of a claim."""
    return f"{one_line(claim.get('article', '?'))}:{claim.get('line', 0)}:{claim.get('col', 0)}"


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
