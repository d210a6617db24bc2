"""Preparing the claims table for evaluators, and interval helpers they share."""

from __future__ import annotations

import numpy as np
import pandas as pd


def prepare(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims table plus ``source_or_publisher``: the claimant where the text names
    one, else the publisher (SPEC: the publisher stands in for an unattributed claim)."""
    frame = claims.copy()
    source = frame["source"].astype("object")
    publisher = frame["publisher"].astype("object")
    frame["source_or_publisher"] = source.where(source.notna(), publisher).astype("category")
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
