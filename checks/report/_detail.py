"""The numbers behind a finding, in words a reader takes in at a glance.

Evaluators put whatever they computed in ``detail`` (intervals, widened intervals,
ratios, bindings...). Reports show the few numbers that explain the finding, in at
most two short lines: the comparison first, then the other figures in the
evaluator's order. Widened intervals, bindings and metric names are left out: the
quoted claims and the message already carry them, and the JSON/SARIF reports keep
the full detail for tools.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from checks.report._common import one_line

#: Longest detail line before it is cut (a report line stays readable in a terminal).
DETAIL_WIDTH = 96
_INFINITE = {"inf": math.inf, "+inf": math.inf, "-inf": -math.inf}
# Shown by the claims or the message already, or only of interest to tools.
_HIDDEN = frozenset(
    {"bindings", "claims", "claim_ids", "metric", "part", "whole", "parts", "relation"}
)
_LABELS = {
    "a_interval": "first",
    "b_interval": "second",
    "earlier_interval": "earlier",
    "later_interval": "later",
    "part_interval": "part",
    "whole_interval": "whole",
    "part_intervals": "parts",
    "interval": "figure",
    "parts_low_sum": "parts add up to at least",
}
_PERCENT = frozenset({"tolerance", "deviation"})


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
    """The numbers behind a finding in at most two lines of at most ``width`` characters.

    A comparison (``expr``, ``lhs``, ``op``, ``rhs``) reads as one statement, an implied
    value as ``name = value unit``, a checked range as ``figure; allowed min to max``; every
    other entry reads as ``label value``.
    """
    parts: list[str] = []
    shown: set[str] = set(_HIDDEN)
    unit = f" {one_line(detail['unit'])}" if detail.get("unit") else ""
    if "lhs" in detail and "rhs" in detail:
        left, right = format_value(detail["lhs"]), format_value(detail["rhs"])
        expr = f"{one_line(detail['expr'])}: " if detail.get("expr") else ""
        op = one_line(detail.get("op", "vs"))
        parts.append(f"{expr}{left} {op} {right}{unit} cannot hold")
        shown.update({"lhs", "rhs", "op", "expr", "unit"})
    elif detail.get("implied"):
        low, high = as_number(detail.get("low")), as_number(detail.get("high"))
        value = format_interval(low, high) if low is not None and high is not None else None
        value = value or format_value(detail.get("value")) or "?"
        parts.append(f"{one_line(detail['implied'])} = {value}{unit}")
        shown.update({"implied", "value", "low", "high", "op", "expr", "unit"})
        if detail.get("range") is not None:
            parts.append(f"expected {format_value(detail['range'])}")
            shown.add("range")
    elif "min" in detail or "max" in detail:
        low, high = as_number(detail.get("min")), as_number(detail.get("max"))
        allowed = format_interval(
            -math.inf if low is None else low, math.inf if high is None else high
        )
        figure = format_value(detail.get("interval"))
        parts.append(f"{figure}{unit}; allowed {allowed}" if figure else f"allowed {allowed}")
        shown.update({"min", "max", "interval", "unit", "side"})
    for key, value in detail.items():
        if key in shown or key.endswith("widened"):
            continue
        text = _percent(value) if key in _PERCENT else format_value(value)
        if text:
            label = _LABELS.get(key, one_line(key).replace("_", " "))
            parts.append(f"{label} {text}")
    return _wrap(parts, width, max_lines=2)


def _percent(value: Any) -> str | None:
    number = as_number(value)
    if number is None or math.isnan(number):
        return None
    return f"{format_number(round(number * 100, 1))}%"


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
