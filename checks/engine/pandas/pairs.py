"""Findings about a pair of claims (agree, monotonic): rows, values and detail in one place."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from checks.engine.pandas.frame import days_between, interval, row_values
from checks.findings import ClaimRef, Finding
from checks.messages import render_message
from checks.rules.model import Rule


def rows_at(frame: pd.DataFrame, positions: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Rows at ``positions`` as dicts, converted once (per-row ``iloc`` on a frame of
    categoricals and arrow strings costs milliseconds each)."""
    wanted = sorted(set(positions))
    return dict(zip(wanted, frame.iloc[wanted].to_dict("records"), strict=True))


def pair_finding(
    rule: Rule,
    default_message: str,
    first: Mapping[str, Any],
    second: Mapping[str, Any],
    *,
    labels: tuple[str, str],
    metric: str,
    tolerance: float,
    numbers: Mapping[str, Any],
) -> Finding:
    """A finding over two claim rows (with widened bounds in ``_low``/``_high``).

    Message placeholders: ``a``/``b`` (the two rows' public columns), ``metric``,
    ``tolerance``, ``days`` and each of ``numbers`` (``ratio``...). The detail holds the
    metric, each claim's interval and widened interval (``<label>_interval``,
    ``<label>_widened``), the tolerance, ``numbers`` and ``days_apart``.
    """
    days = days_between(first["published"], second["published"])
    placeholders = {
        "a": _public(first),
        "b": _public(second),
        "metric": metric,
        "tolerance": tolerance,
        "days": days,
        **numbers,
    }
    detail: dict[str, Any] = {"metric": metric}
    for label, row in zip(labels, (first, second), strict=True):
        detail[f"{label}_interval"] = interval(row["low"], row["high"])
    for label, row in zip(labels, (first, second), strict=True):
        detail[f"{label}_widened"] = interval(row["_low"], row["_high"])
    detail.update(tolerance=tolerance, **numbers, days_apart=days)
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=render_message(rule.message, default_message, placeholders),
        claims=(ClaimRef.from_row(first), ClaimRef.from_row(second)),
        detail=detail,
    )


def _public(row: Mapping[str, Any]) -> dict[str, Any]:
    return row_values({k: v for k, v in row.items() if not str(k).startswith("_")})
