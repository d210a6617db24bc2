"""Implicit checks from ``part_of:`` in the vocabulary (no rule needed).

For every metric declared ``part_of: <whole>``, within one article, entity, source (the
publisher standing in) and period, and in the same unit:

* a part whose interval lies wholly above the whole's is a finding
  (rule id ``part-of:<part>-<whole>``), e.g. "150 killed" against "about 100 casualties";
* when two or more different parts of one whole are stated, the sum of their lows above
  the whole's high is a finding (rule id ``part-of:<part>+<part>-<whole>``), e.g.
  "killed 80 and wounded 60" against "100 casualties". For a part stated more than once
  in a group its smallest low is used, so repeated figures never inflate the sum.

Bounds are widened by ``defaults: {part_of: {tolerance: ...}}`` (default 0) and the
severity is ``defaults: {part_of: {severity: ...}}`` (default warning). Work is linear in
the number of claims plus the part x whole pairs within each article group.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from checks.engine.pandas.frame import interval, key_columns, prepare, row_values, widen
from checks.findings import ClaimRef, Finding
from checks.rules.model import RuleFile
from checks.rules.values import parse_percentage

GROUP = ["article", "entity", "source_or_publisher", "period", "unit"]
DEFAULT_SEVERITY = "warning"


def implicit_findings(claims: pd.DataFrame, rule_file: RuleFile) -> list[Finding]:
    """Findings of every ``part_of`` relation of ``rule_file``'s vocabulary over ``claims``."""
    wholes = {
        key: metric.part_of
        for key, metric in rule_file.vocabulary.metrics.items()
        if metric.part_of is not None
    }
    if not wholes or claims.empty:
        return []
    settings = rule_file.defaults.get("part_of", {})
    tolerance = parse_percentage(settings.get("tolerance", 0), key="defaults.part_of.tolerance")
    severity = str(settings.get("severity", DEFAULT_SEVERITY))
    frame = _related_claims(claims, wholes, tolerance)
    parts = frame[frame["_whole"].notna()]
    whole_rows = frame[frame["metric"].astype("object").isin(set(wholes.values()))]
    pairs = parts.merge(
        whole_rows,
        left_on=["_group", "_whole"],
        right_on=["_group", "_metric"],
        suffixes=("_part", "_whole"),
    )
    findings = _single_part_findings(pairs, frame, severity, tolerance)
    findings += _sum_findings(parts, whole_rows, frame, severity, tolerance)
    return findings


def _related_claims(claims: pd.DataFrame, wholes: dict[str, str], tolerance: float) -> pd.DataFrame:
    """Claims of any part or whole metric, with group id, widened bounds and position."""
    if "source_or_publisher" not in claims.columns:
        claims = prepare(claims)
    related = set(wholes) | set(wholes.values())
    metric = claims["metric"].astype("object")
    frame = claims[metric.isin(related) & claims["low"].notna() & claims["high"].notna()]
    frame = frame.sort_values(["article", "start"], kind="stable").reset_index(drop=True)
    keys = key_columns(frame, GROUP)
    frame["_group"] = keys.groupby(GROUP, sort=True).ngroup().to_numpy()
    frame["_metric"] = frame["metric"].astype(str)
    frame["_whole"] = frame["_metric"].map(wholes)
    frame["_low"], frame["_high"] = widen(frame["low"], frame["high"], tolerance)
    frame["_order"] = np.arange(len(frame))
    return frame


def _single_part_findings(
    pairs: pd.DataFrame, frame: pd.DataFrame, severity: str, tolerance: float
) -> list[Finding]:
    above = pairs[pairs["_low_part"] > pairs["_high_whole"]]
    findings = []
    for part_at, whole_at in zip(above["_order_part"], above["_order_whole"], strict=True):
        part, whole = frame.iloc[part_at], frame.iloc[whole_at]
        values_part, values_whole = _public(part), _public(whole)
        message = (
            f"{part['_metric']} '{values_part['text']}' is more than the "
            f"{whole['_metric']} '{values_whole['text']}' it is part of"
        )
        findings.append(
            Finding(
                rule=f"part-of:{part['_metric']}-{whole['_metric']}",
                severity=severity,
                message=message,
                claims=(ClaimRef.from_row(part), ClaimRef.from_row(whole)),
                detail={
                    "part": part["_metric"],
                    "whole": whole["_metric"],
                    "part_interval": interval(part["low"], part["high"]),
                    "whole_interval": interval(whole["low"], whole["high"]),
                    "part_widened": interval(part["_low"], part["_high"]),
                    "whole_widened": interval(whole["_low"], whole["_high"]),
                    "tolerance": tolerance,
                },
            )
        )
    return findings


def _sum_findings(
    parts: pd.DataFrame,
    whole_rows: pd.DataFrame,
    frame: pd.DataFrame,
    severity: str,
    tolerance: float,
) -> list[Finding]:
    """Several different parts whose smallest lows already add up past the whole."""
    smallest = parts.sort_values(["_group", "_metric", "_low", "_order"]).drop_duplicates(
        ["_group", "_metric"]
    )
    sums = smallest.groupby(["_group", "_whole"]).agg(
        total=("_low", "sum"),
        largest=("_low", "max"),
        count=("_metric", "size"),
        members=("_order", tuple),
    )
    sums = sums[sums["count"] >= 2].reset_index()
    merged = whole_rows.merge(sums, left_on=["_group", "_metric"], right_on=["_group", "_whole"])
    # One part alone above the whole is already its own finding: no second one for the sum.
    merged = merged[(merged["total"] > merged["_high"]) & (merged["largest"] <= merged["_high"])]
    findings = []
    for whole_at, members, total in zip(
        merged["_order"], merged["members"], merged["total"], strict=True
    ):
        whole = frame.iloc[whole_at]
        used = [frame.iloc[at] for at in members]
        names = sorted(str(row["_metric"]) for row in used)
        quoted = " and ".join(f"'{_public(row)['text']}'" for row in used)
        message = (
            f"{' + '.join(names)} ({quoted}) add up to at least {total:,.0f}, more than the "
            f"{whole['_metric']} '{_public(whole)['text']}'"
        )
        findings.append(
            Finding(
                rule=f"part-of:{'+'.join(names)}-{whole['_metric']}",
                severity=severity,
                message=message,
                claims=(*(ClaimRef.from_row(row) for row in used), ClaimRef.from_row(whole)),
                detail={
                    "parts": names,
                    "whole": whole["_metric"],
                    "parts_low_sum": float(total),
                    "part_intervals": [interval(row["low"], row["high"]) for row in used],
                    "whole_interval": interval(whole["low"], whole["high"]),
                    "whole_widened": interval(whole["_low"], whole["_high"]),
                    "tolerance": tolerance,
                },
            )
        )
    return findings


def _public(row: pd.Series) -> dict[str, object]:
    return row_values({k: v for k, v in row.items() if not str(k).startswith("_")})
