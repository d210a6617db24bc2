"""The ``agree`` evaluator: figures for the same thing from different sources must overlap.

Complexity, for ``n`` claims of the rule's metric:

* without ``window``: O(n log n + n*s), where ``s`` is the number of distinct ``across``
  values in a group. A claim's most extreme disagreeing partner is always the lowest
  ``high`` or the highest ``low`` of some other source, so each source is reduced to those
  two representatives before pairing.
* with ``window``: O(n log n + p), where ``p`` is the number of claim pairs of a group
  published within the window of each other. Claims are sorted by (group, date) and each
  claim's partners are a contiguous slice found by binary search.
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
from checks.kinds.agree import AgreeOptions
from checks.rules.model import Rule, RuleFile

DEFAULT_MESSAGE = (
    "{a.who} puts {metric} at '{a.text}' ({a.published}), "
    "{b.who} at '{b.text}' ({b.published}): {ratio:.1f}x apart"
)
_SECONDS_PER_DAY = 86_400.0


@evaluator("agree")
def evaluate(rule: Rule, claims: pd.DataFrame, rule_file: RuleFile) -> list[Finding]:
    """One finding per contradicting pair: for each claim, its most extreme partner that
    shares the ``same`` columns, metric, period and unit, differs on ``across``, lies
    within ``window`` and whose widened interval cannot overlap the claim's."""
    options: AgreeOptions = rule.options
    frame = _candidates(claims, options)
    if len(frame) < 2:
        return []
    if options.window_days is None:
        left, right = _pairs_by_representatives(frame)
    else:
        left, right = _pairs_within_window(frame, options.window_days)
    pairs = _extreme_partners(frame, left, right)
    rows = rows_at(frame, [index for pair in pairs for index in pair])
    return [_finding(rule, options, rows[a], rows[b]) for a, b in pairs]


def _candidates(claims: pd.DataFrame, options: AgreeOptions) -> pd.DataFrame:
    """The metric's claims with a group id, widened bounds and their order position."""
    frame = metric_claims(claims, options.metric)
    same = [c for c in resolve_columns(options.same) if c not in ("period", "unit")]
    across = resolve_columns([options.across])[0]
    # A claim about an unknown entity (or from an unknown source) cannot be said to be
    # about the same thing, or from someone else: it is left out rather than guessed.
    frame = frame.dropna(subset=list(dict.fromkeys([*same, across])))
    if options.window_days is not None:
        frame = frame[frame["published"].notna()]
    frame = frame.reset_index(drop=True)
    keys = key_columns(frame, list(dict.fromkeys([*same, "period", "unit"])))
    frame["_group"] = keys.groupby(list(keys.columns), sort=True).ngroup().to_numpy()
    frame["_across"] = key_columns(frame, [across])[across].to_numpy()
    frame["_low"], frame["_high"] = widen(frame["low"], frame["high"], options.tolerance)
    frame["_order"] = np.arange(len(frame))
    return frame


def _pairs_by_representatives(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Directed (claim, partner) positions, partners limited to each source's lowest high
    and highest low in the group: the only ones that can be a claim's extreme partner."""
    by_source = frame.groupby(["_group", "_across"], sort=False)
    lowest_high = frame.loc[by_source["_high"].idxmin(), ["_group", "_order"]]
    highest_low = frame.loc[by_source["_low"].idxmax(), ["_group", "_order"]]
    partners = pd.concat([lowest_high, highest_low]).drop_duplicates()
    merged = frame[["_group", "_order"]].merge(partners, on="_group", suffixes=("", "_partner"))
    return merged["_order"].to_numpy(), merged["_order_partner"].to_numpy()


def _pairs_within_window(frame: pd.DataFrame, window_days: float) -> tuple[np.ndarray, np.ndarray]:
    """Directed (claim, partner) positions of every pair of a group published at most
    ``window_days`` apart, both directions."""
    seconds = (frame["published"] - frame["published"].min()).dt.total_seconds().to_numpy()
    window = window_days * _SECONDS_PER_DAY
    # One sortable key: groups laid end to end, far enough apart that no window spans two.
    stride = float(seconds.max()) + window + 1.0
    key = frame["_group"].to_numpy() * stride + seconds
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    ends = np.searchsorted(sorted_key, sorted_key + window, side="right")
    counts = ends - np.arange(len(order)) - 1
    first = np.repeat(np.arange(len(order)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    second = first + 1 + offsets
    left = frame["_order"].to_numpy()[order[first]]
    right = frame["_order"].to_numpy()[order[second]]
    return np.concatenate([left, right]), np.concatenate([right, left])


def _extreme_partners(
    frame: pd.DataFrame, left: np.ndarray, right: np.ndarray
) -> list[tuple[int, int]]:
    """Unordered contradicting pairs (earlier first): each claim's partner with the widest
    gap, ties broken by claim order, each pair once."""
    low, high = frame["_low"].to_numpy(), frame["_high"].to_numpy()
    across = frame["_across"].to_numpy()
    keep = (across[left] != across[right]) & ((high[right] < low[left]) | (high[left] < low[right]))
    left, right = left[keep], right[keep]
    if len(left) == 0:
        return []
    below = high[right] < low[left]
    upper = np.where(below, left, right)
    lower = np.where(below, right, left)
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.where(high[lower] > 0, low[upper] / high[lower], np.inf)
    pairs = pd.DataFrame({"claim": left, "partner": right, "score": score})
    pairs = pairs.sort_values(["claim", "score", "partner"], ascending=[True, False, True])
    best = pairs.drop_duplicates("claim")
    first = np.minimum(best["claim"].to_numpy(), best["partner"].to_numpy())
    second = np.maximum(best["claim"].to_numpy(), best["partner"].to_numpy())
    unique = pd.DataFrame({"a": first, "b": second}).drop_duplicates().sort_values(["a", "b"])
    return list(zip(unique["a"].tolist(), unique["b"].tolist(), strict=True))


def _finding(
    rule: Rule, options: AgreeOptions, row_a: dict[str, Any], row_b: dict[str, Any]
) -> Finding:
    a_above = row_a["_low"] > row_b["_high"]
    upper, lower = (row_a, row_b) if a_above else (row_b, row_a)
    ratio = _ratio(float(upper["value"]), float(lower["value"]))
    gap_ratio = _ratio(float(upper["_low"]), float(lower["_high"]))
    return pair_finding(
        rule,
        DEFAULT_MESSAGE,
        row_a,
        row_b,
        labels=("a", "b"),
        metric=options.metric,
        tolerance=options.tolerance,
        numbers={"ratio": ratio, "gap_ratio": gap_ratio},
    )


def _ratio(larger: float, smaller: float) -> float:
    """How many times ``smaller`` fits in ``larger``; inf when ``smaller`` is not positive."""
    return larger / smaller if smaller > 0 else float("inf")
