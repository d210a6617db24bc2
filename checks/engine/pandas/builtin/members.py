"""The relations table joined to the claims it names, with each figure's written bounds.

Every built-in evaluator starts from :func:`relation_members`: one row per (relation,
member claim) with the claim's interval widened by its rounding slack (``lo``, ``hi``;
:mod:`claims.precision`), then reshapes it with :func:`single` and :func:`summed`
(pandas joins and groupbys over relations, never loops over pairs of claims).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from checks.findings import ClaimRef, Finding
from claims.precision import last_digit_place, rounding_slack

#: Roles whose figure is the rounded result of a division (a percentage, a stated change,
#: a multiple, a rate): an integer there stands for +-0.5. Other roles are counts.
ROUNDED_ROLES = frozenset({"percent", "stated", "multiple", "rate"})
CLAIM_COLUMNS = ["claim_id", "line", "col", "start", "text", "value", "low", "high"]
CLAIM_COLUMNS += ["qualifier", "unit", "path"]
#: A numeral in digits (thousands separators allowed) and the separators themselves.
_NUMERAL = re.compile(r"\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009 ]")


def relation_members(relations: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Relation rows joined to their claims; relations missing a claim are dropped."""
    if relations.empty or claims.empty:
        return relations.assign(lo=pd.Series(dtype="float64"), hi=pd.Series(dtype="float64"))
    columns = [column for column in CLAIM_COLUMNS if column in claims.columns]
    picked = claims[columns].copy()
    picked["claim_id"] = picked["claim_id"].astype(str)
    picked["qualifier"] = picked["qualifier"].astype("object")
    picked["unit"] = picked["unit"].astype("object")
    left = relations.assign(claim_id=relations["claim_id"].astype(str))
    merged = left.merge(picked, on="claim_id", how="inner")
    expected = left.groupby("relation_id").size()
    found = merged.groupby("relation_id").size()
    complete = found.index[found.eq(expected.reindex(found.index))]
    merged = merged[merged["relation_id"].isin(complete)].copy()
    counts = ~merged["role"].astype(str).isin(ROUNDED_ROLES)
    slack = np.array(
        [
            rounding_slack(str(text), float(value), count=bool(count))
            for text, value, count in zip(merged["text"], merged["value"], counts, strict=True)
        ],
        dtype="float64",
    )
    vague = merged["qualifier"].eq("vague").to_numpy()
    merged["lo"] = np.where(vague, merged["low"], merged["low"] - slack)
    merged["hi"] = np.where(vague, merged["high"], merged["high"] + slack)
    return merged.sort_values(["relation_id", "start"], kind="stable").reset_index(drop=True)


def without_thousands_slack(members: pd.DataFrame, rows: pd.Series) -> pd.DataFrame:
    """``members`` with the figures of ``rows`` read as written: the slack that only the
    trailing-zeros policy gives ("8,000" -> +-500) is dropped; decimals and scale words
    ("1.2 million") keep theirs."""
    trailing = [
        bool(selected) and _rounded_by_zeros_only(str(text), float(value))
        for selected, text, value in zip(rows, members["text"], members["value"], strict=True)
    ]
    drop = np.asarray(trailing, dtype=bool) & members["qualifier"].ne("vague").to_numpy()
    return members.assign(
        lo=np.where(drop, members["low"], members["lo"]),
        hi=np.where(drop, members["high"], members["hi"]),
    )


def _rounded_by_zeros_only(written: str, value: float) -> bool:
    """True when ``written``'s only claim to rounding is trailing zeros ("12,000", not
    "12 thousand" or "1.2 million")."""
    numeral = _NUMERAL.search(written)
    if numeral is None or "." in numeral.group():
        return False
    digits = float(_SEPARATORS.sub("", numeral.group()))
    return digits == abs(value) and last_digit_place(written, value) > 1


def single(members: pd.DataFrame, role: str) -> pd.DataFrame:
    """The one member of ``role`` of each relation, indexed by ``relation_id``."""
    rows = members[members["role"] == role]
    return rows.drop_duplicates("relation_id").set_index("relation_id")


def attach(
    left: pd.DataFrame, right: pd.DataFrame, suffix: str, how: str = "inner"
) -> pd.DataFrame:
    """``left`` and ``right`` side by side on their relation ids; ``right``'s clashing
    columns take ``suffix`` ("value" -> "value_whole")."""
    return left.merge(right, left_index=True, right_index=True, how=how, suffixes=("", suffix))


def summed(members: pd.DataFrame, role: str) -> pd.DataFrame:
    """Sum of value, lo and hi over the members of ``role`` of each relation, with their
    values as written ("3 + 12 + 1") and their count."""
    rows = members[members["role"] == role]
    return rows.groupby("relation_id").agg(
        value=("value", "sum"),
        lo=("lo", "sum"),
        hi=("hi", "sum"),
        count=("value", "size"),
        terms=("value", lambda values: " + ".join(number(v) for v in values)),
    )


def number(value: float) -> str:
    """A figure for a message: thousands separators, at most two decimals."""
    if not np.isfinite(value):
        return "unbounded" if value > 0 else "-unbounded"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def quote(text: Any) -> str:
    """A figure as the article wrote it, quoted."""
    return f"'{text}'"


def bounds(low: float, high: float) -> list[float]:
    """``[low, high]`` as plain floats, for a finding's detail."""
    return [float(low), float(high)]


def disjoint(lo_a: Any, hi_a: Any, lo_b: Any, hi_b: Any) -> Any:
    """True where [lo_a, hi_a] and [lo_b, hi_b] share no value (works on Series)."""
    return (hi_a < lo_b) | (hi_b < lo_a)


def build_finding(
    rule: str,
    severity: str,
    message: str,
    rows: pd.DataFrame,
    detail: Mapping[str, Any],
) -> Finding:
    """A finding citing the member claims in ``rows`` in text order."""
    ordered = rows.sort_values("start", kind="stable").drop_duplicates("claim_id")
    refs = tuple(ClaimRef.from_row(row) for row in _records(ordered))
    return Finding(rule=rule, severity=severity, message=message, claims=refs, detail=detail)


def _records(frame: pd.DataFrame) -> Iterable[dict[str, Any]]:
    for row in frame.to_dict("records"):
        path = row.get("path")
        row["path"] = None if path is None or pd.isna(path) else path
        yield row
