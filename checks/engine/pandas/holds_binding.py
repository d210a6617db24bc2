"""Binding a ``holds`` expression's variables to claims: candidates and combinations.

Shared by the check itself and by implied values (checks/engine/pandas/holds.py). All the
numbers leave this module in pint base units (see checks/rules/expr.py): a claim in
``week`` and one in ``day`` can meet in one expression.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pint

from checks.engine.pandas.interval_math import Boxes
from checks.rules.expr import Expression
from checks.rules.model import Fact
from claims.table import json_safe

#: binding key columns of a combination: the scope value and the period ("" = standing)
SCOPE = "_scope"
PERIOD = "_period"
KEYS = [SCOPE, PERIOD]


def candidates(
    frame: pd.DataFrame,
    metric: str,
    expression: Expression,
    scope_column: str,
    registry: pint.UnitRegistry,
    limit: int,
) -> pd.DataFrame:
    """Claims that can stand for ``metric``, in base units, ranked within their group.

    Columns: the binding keys, ``row`` (index label in ``frame``), ``lo``, ``hi``,
    ``value`` and ``rank`` (0 = most recent published, then by article and position). A
    claim whose unit cannot be converted to the metric's, or with no scope value, is left
    out; only the first ``limit`` claims of each group are kept.
    """
    rows = frame[(frame["metric"] == metric) & frame[scope_column].notna()]
    factors = _base_factors(rows["unit"], expression.unit_of(metric), registry)
    rows = rows[factors.notna()]
    factors = factors[factors.notna()]
    value = rows["value"].astype(float)
    low = rows["low"].astype(float).fillna(value).fillna(-np.inf)
    high = rows["high"].astype(float).fillna(value).fillna(np.inf)
    out = pd.DataFrame(
        {
            SCOPE: rows[scope_column].astype("string").astype(object),
            PERIOD: rows["period"].astype("string").fillna("").astype(object),
            "row": rows.index,
            "lo": low * factors,
            "hi": high * factors,
            "value": value.fillna((low + high) / 2) * factors,
            "_published": rows["published"],
            "_article": rows["article"].astype("string"),
            "_line": rows["line"],
            "_col": rows["col"],
        }
    )
    out = out.sort_values(
        [SCOPE, PERIOD, "_published", "_article", "_line", "_col"],
        ascending=[True, True, False, True, True, True],
        na_position="last",
        kind="stable",
    )
    out["rank"] = out.groupby(KEYS, sort=False).cumcount()
    out = out[out["rank"] < limit]
    return out[[*KEYS, "row", "lo", "hi", "value", "rank"]].reset_index(drop=True)


def _base_factors(units: pd.Series, metric_unit: str, registry: pint.UnitRegistry) -> pd.Series:
    """Per claim: the factor from its unit to base units, NaN where it is incompatible."""
    target = registry.Unit(metric_unit).dimensionality
    factors: dict[str, float] = {}
    for unit in units.astype("string").dropna().unique():
        try:
            parsed = registry.Unit(str(unit))
        except (pint.errors.PintError, ValueError, TypeError, AttributeError):
            continue
        if parsed.dimensionality == target:
            factors[str(unit)] = float(registry.Quantity(1, parsed).to_base_units().magnitude)
    return units.astype("string").map(factors).astype(float)


def combine(pools: Mapping[str, pd.DataFrame], metrics: Sequence[str], limit: int) -> pd.DataFrame:
    """Every combination of one candidate per metric sharing scope and period, capped.

    Combinations are taken in lexicographic order of the candidates' ranks (the first
    metric's most recent claim with each claim of the second, ...), keeping ``limit`` per
    group. Capping after each merge keeps every intermediate table at most ``limit`` times
    one pool, and still yields exactly the first ``limit`` combinations.
    Columns: the binding keys, ``<metric>.row`` and ``<metric>.rank`` for each metric.
    """
    combos: pd.DataFrame | None = None
    rank_columns: list[str] = []
    for metric in metrics:
        pool = pools[metric][[*KEYS, "row", "rank"]].rename(
            columns={"row": f"{metric}.row", "rank": f"{metric}.rank"}
        )
        combos = pool if combos is None else combos.merge(pool, on=KEYS, how="inner")
        rank_columns.append(f"{metric}.rank")
        combos = combos.sort_values([*KEYS, *rank_columns], kind="stable")
        combos = combos[combos.groupby(KEYS, sort=False).cumcount() < limit]
    if combos is None:
        return pd.DataFrame(columns=KEYS)
    return combos.reset_index(drop=True)


def boxes(
    combos: pd.DataFrame,
    pools: Mapping[str, pd.DataFrame],
    expression: Expression,
    *,
    point: bool = False,
    skip: str | None = None,
) -> Boxes:
    """Base-unit intervals of every symbol for each combination (one array entry per row).

    ``point`` gives each variable its stated value instead of its interval (for the
    implied value's headline figure). ``skip`` leaves one symbol out (the unknown).
    """
    count = len(combos)
    result: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for metric in expression.metrics:
        if metric == skip or f"{metric}.row" not in combos.columns:
            continue
        pool = pools[metric].set_index("row")
        rows = combos[f"{metric}.row"].to_numpy()
        if point:
            values = pool.loc[rows, "value"].to_numpy(dtype=float)
            result[metric] = (values, values.copy())
        else:
            result[metric] = (
                pool.loc[rows, "lo"].to_numpy(dtype=float),
                pool.loc[rows, "hi"].to_numpy(dtype=float),
            )
    for fact in expression.fact_records:
        if fact.key == skip:
            continue
        low, high = fact_interval(fact, point=point)
        scale = expression.scale_of(fact.key)
        result[fact.key] = (np.full(count, low * scale), np.full(count, high * scale))
    for name in expression.unit_factors:
        scale = expression.scale_of(name)
        result[name] = (np.full(count, scale), np.full(count, scale))
    return result


def fact_interval(fact: Fact, *, point: bool = False) -> tuple[float, float]:
    """A fact's [low, high] in its own unit; its ``value`` when ``point`` and known."""
    if point and fact.value is not None:
        return float(fact.value), float(fact.value)
    low = fact.low if fact.low is not None else fact.value
    high = fact.high if fact.high is not None else fact.value
    if point and low is not None and high is not None and math.isfinite(low + high):
        middle = (float(low) + float(high)) / 2
        return middle, middle
    return (
        float(low) if low is not None else -math.inf,
        float(high) if high is not None else math.inf,
    )


def row_dict(frame: pd.DataFrame, label: Any) -> dict[str, Any]:
    """One claim as a plain dict (NA -> None), for messages and ClaimRef."""
    return {column: json_safe(value) for column, value in frame.loc[label].items()}


def fact_values(expression: Expression) -> dict[str, dict[str, Any]]:
    """Message values of the facts used: value, low, high, unit."""
    return {
        fact.key: {"value": fact.value, "low": fact.low, "high": fact.high, "unit": fact.unit}
        for fact in expression.fact_records
    }


def number_text(number: float) -> str:
    """A figure for messages: "1,100", "24.10", "inf"."""
    if np.isinf(number):
        return "inf" if number > 0 else "-inf"
    if float(number).is_integer():
        return f"{number:,.0f}"
    if abs(number) >= 100:
        return f"{number:,.1f}"
    if abs(number) >= 0.01:
        return f"{number:,.2f}"
    return f"{number:.3g}"


def interval_text(bounds: tuple[float, float]) -> str:
    """``77`` for a point, ``[70, 84]`` for a range."""
    if bounds[0] == bounds[1]:
        return number_text(bounds[0])
    return f"[{number_text(bounds[0])}, {number_text(bounds[1])}]"
