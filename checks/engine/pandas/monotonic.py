"""The ``monotonic`` evaluator: a running total may not fall below an earlier figure.

O(n log n) for ``n`` claims of the metric: one sort, then per-group cumulative maxima.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from checks.engine.pandas import evaluator
from checks.engine.pandas.frame import (
    key_columns,
    metric_claims,
    resolve_columns,
    widen,
)
from checks.engine.pandas.pairs import pair_finding, rows_at
from checks.findings import Finding
from checks.kinds.monotonic import MonotonicOptions
from checks.rules.model import Rule, RuleFile

DEFAULT_MESSAGE = (
    "{b.source_or_publisher} puts {metric} at '{b.text}' ({b.published}), below "
    "'{a.text}' ({a.published}) earlier: a running total cannot shrink"
)


@evaluator("monotonic")
def evaluate(rule: Rule, claims: pd.DataFrame, rule_file: RuleFile) -> list[Finding]:
    """One finding per claim whose widened interval lies wholly below the widened interval
    of a claim of the same group published on an earlier day; the earlier claim cited is
    the first to reach the highest low so far."""
    options: MonotonicOptions = rule.options
    frame = _standing_totals(claims, options)
    if len(frame) < 2:
        return []
    earlier_low, earlier_order = _highest_earlier_low(frame)
    later = np.flatnonzero(frame["_high"].to_numpy() < earlier_low)
    pairs = [(int(earlier_order[index]), int(index)) for index in later]
    rows = rows_at(frame, [position for pair in pairs for position in pair])
    return [_finding(rule, options, rows[first], rows[second]) for first, second in pairs]


def _standing_totals(claims: pd.DataFrame, options: MonotonicOptions) -> pd.DataFrame:
    """Dated standing-total claims of the metric, with group id and widened bounds."""
    frame = metric_claims(claims, options.metric)
    frame = frame[frame["period"].isna() & frame["published"].notna()]
    same = [c for c in resolve_columns(options.same) if c not in ("period", "unit")]
    frame = frame.dropna(subset=same).reset_index(drop=True)
    keys = key_columns(frame, [*same, "unit"])
    frame["_group"] = keys.groupby(list(keys.columns), sort=True).ngroup().to_numpy()
    frame["_low"], frame["_high"] = widen(frame["low"], frame["high"], options.tolerance)
    frame["_order"] = np.arange(len(frame))
    return frame


def _highest_earlier_low(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """For each claim: the highest widened low among its group's claims of earlier days
    (-inf when none) and the position of the first claim that reached it."""
    # One representative per (group, day): its highest low, earliest claim on ties.
    days = frame.sort_values(
        ["_group", "published", "_low", "_order"], ascending=[True, True, False, True]
    ).drop_duplicates(["_group", "published"])
    running = days.groupby("_group")["_low"].cummax()
    before = running.groupby(days["_group"]).shift(1)
    new_record = before.isna() | (days["_low"] > before)
    record = days["_order"].where(new_record).groupby(days["_group"]).ffill()
    days = days.assign(
        _earlier_low=before.fillna(-np.inf),
        _earlier_order=record.groupby(days["_group"]).shift(1).fillna(-1),
    )
    merged = frame[["_group", "published"]].merge(
        days[["_group", "published", "_earlier_low", "_earlier_order"]],
        on=["_group", "published"],
        how="left",
    )
    return merged["_earlier_low"].to_numpy(), merged["_earlier_order"].to_numpy().astype(int)


def _finding(
    rule: Rule, options: MonotonicOptions, row_a: dict[str, Any], row_b: dict[str, Any]
) -> Finding:
    ratio = float(row_a["value"]) / float(row_b["value"]) if row_b["value"] > 0 else float("inf")
    return pair_finding(
        rule,
        DEFAULT_MESSAGE,
        row_a,
        row_b,
        labels=("earlier", "later"),
        metric=options.metric,
        tolerance=options.tolerance,
        numbers={"ratio": ratio},
    )
