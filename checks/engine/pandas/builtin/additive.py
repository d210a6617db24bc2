"""Parts against their total: the arithmetic shared by ``breakdown`` and ``sum``."""

from __future__ import annotations

import pandas as pd

from checks.engine.pandas.builtin import BuiltinSettings
from checks.engine.pandas.builtin.members import (
    attach,
    bounds,
    build_finding,
    number,
    quote,
    single,
    summed,
)
from checks.engine.pandas.frame import widen
from checks.findings import Finding


def additive_findings(
    members: pd.DataFrame, settings: BuiltinSettings, exhaustive: pd.Series
) -> list[Finding]:
    """Relations whose parts cannot add up to their total at the written precision.

    ``exhaustive`` (by relation id): True when the parts must make the whole total, False
    when they may fall short of it ("including"). A vague total ("several") is never
    contradicted: its parts are all the text says about it.
    """
    total = single(members, "total")
    parts = summed(members, "part")
    table = total.pipe(attach, parts, "_parts")
    if table.empty:
        return []
    table["exhaustive"] = exhaustive.reindex(table.index).fillna(True).astype(bool)
    total_lo, total_hi = widen(table["lo"], table["hi"], settings.tolerance)
    over = table["lo_parts"] > total_hi
    under = table["exhaustive"] & (table["hi_parts"] < total_lo)
    wrong = table[(over | under) & table["qualifier"].ne("vague")]
    findings = []
    for relation_id, row in wrong.iterrows():
        message = _message(row)
        detail = {
            "relation": relation_id,
            "parts": row["terms"],
            "parts_sum": float(row["value_parts"]),
            "parts_interval": bounds(row["lo_parts"], row["hi_parts"]),
            "total": float(row["value"]),
            "total_interval": bounds(total_lo[relation_id], total_hi[relation_id]),
            "exhaustive": bool(row["exhaustive"]),
            "tolerance": settings.tolerance,
        }
        rows = members[members["relation_id"] == relation_id]
        findings.append(build_finding(settings.name, settings.severity, message, rows, detail))
    return findings


def _message(row: pd.Series) -> str:
    arithmetic = f"{row['terms']} = {number(row['value_parts'])}"
    if not row["exhaustive"]:
        return (
            f"the parts listed alone add up to more than their total: {arithmetic}, "
            f"but the text says {quote(row['text'])}"
        )
    if row["lo_parts"] > row["hi"]:
        return f"{arithmetic}, but the text says {quote(row['text'])}"
    return f"{arithmetic}, short of the total the text gives: {quote(row['text'])}"
