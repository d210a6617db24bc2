"""Preparing the claims table for evaluators, and interval helpers they share."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from claims.vocab import Vocabulary

#: How messages name the claimant of a figure no one is credited with.
UNNAMED = "an unnamed source"


def prepare(claims: pd.DataFrame, vocabulary: Vocabulary | None = None) -> pd.DataFrame:
    """The claims table plus two columns evaluators share.

    ``source_or_publisher``: the claimant where the text names one, else the publisher
    (SPEC: the publisher stands in for an unattributed claim). ``who``: the same, as a
    reader wants it in a message: a vocabulary source key becomes its first surface form
    ("south_korea_jcs" -> "South Korea's Joint Chiefs of Staff").
    """
    frame = claims.copy()
    source = frame["source"].astype("object")
    publisher = frame["publisher"].astype("object")
    claimant = source.where(source.notna(), publisher)
    frame["source_or_publisher"] = claimant.astype("category")
    names = {key: forms[0] for key, forms in (vocabulary.sources if vocabulary else {}).items()}
    # A claim with neither source nor publisher still reads as a sentence in messages.
    who = claimant.map(lambda key: names.get(key, key), na_action="ignore")
    frame["who"] = who.astype("object").fillna(UNNAMED).astype("category")
    return frame


def widen(low: pd.Series, high: pd.Series, tolerance: float) -> tuple[pd.Series, pd.Series]:
    """Intervals widened by a relative ``tolerance`` (0.25 = 25%) on each side.

    The slack is taken relative to each bound's own magnitude, so [100, 100] with 10%
    becomes [90, 110]; infinite bounds stay infinite.
    """
    low_w = low - np.abs(low) * tolerance
    high_w = high + np.abs(high) * tolerance
    return low_w, high_w


def intervals_disjoint(
    low_a: pd.Series, high_a: pd.Series, low_b: pd.Series, high_b: pd.Series
) -> pd.Series:
    """True where [low_a, high_a] and [low_b, high_b] share no value."""
    return (high_a < low_b) | (high_b < low_a)


#: Rule-file column names that mean a different prepared column (SPEC: the publisher
#: stands in for an unattributed claim whenever rules group or compare by source).
COLUMN_ALIASES = {"source": "source_or_publisher"}
#: Marks an NA key so that NA matches NA in merges and groupbys (periods: NA = standing total).
NA_KEY = "\x00NA"
#: The deterministic order of claims: by date, then where they sit.
CLAIM_ORDER = ["published", "article", "start"]


def resolve_columns(columns: Iterable[str]) -> list[str]:
    """Prepared-table names of rule-file ``columns`` ("source" -> "source_or_publisher")."""
    return [COLUMN_ALIASES.get(column, column) for column in columns]


def metric_claims(claims: pd.DataFrame, metric: str) -> pd.DataFrame:
    """Claims of ``metric`` with a usable interval, in deterministic order."""
    selected = claims[(claims["metric"] == metric).fillna(False).astype(bool)]
    selected = selected[selected["low"].notna() & selected["high"].notna()]
    return selected.sort_values(CLAIM_ORDER, kind="stable", na_position="last")


def key_columns(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """Plain-string copies of ``columns`` where NA becomes :data:`NA_KEY`, so that merges
    and groupbys treat NA as one ordinary value."""
    return pd.DataFrame(
        {
            column: frame[column].astype("object").where(frame[column].notna(), NA_KEY).astype(str)
            for column in columns
        },
        index=frame.index,
    )


def row_values(row: Mapping[str, Any]) -> dict[str, Any]:
    """A claim row as message placeholders want it: plain values, dates as ISO days."""
    values: dict[str, Any] = {}
    for name, value in row.items():
        if isinstance(value, pd.Timestamp):
            values[name] = value.date().isoformat() if value == value.normalize() else str(value)
        elif value is None or value is pd.NaT or (_is_scalar_na(value)):
            values[name] = None
        elif isinstance(value, np.generic):
            values[name] = value.item()
        else:
            values[name] = value
    return values


def interval(low: float, high: float) -> list[float]:
    """``[low, high]`` as plain floats, for a finding's detail."""
    return [float(low), float(high)]


def days_between(first: Any, second: Any) -> float | None:
    """Whole days between two timestamps, None when either is unknown."""
    if pd.isna(first) or pd.isna(second):
        return None
    return float(abs((pd.Timestamp(second) - pd.Timestamp(first)).days))


def _is_scalar_na(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
