"""``change``: a stated change against its before and after figures.

Flagged: "Arrivals rose from 800 to 1,100, a 25% increase" (800 to 1,100 is a 37.5%
rise); "the toll doubled from 40 to 120" (a factor of 3); "prices fell from 40 to 45"
(a rise, not a fall).

Passing: "rose from 800 to 1,100, a 37.5% increase"; "fell from 40% to 31%, a 9% drop"
(nine points: a bare percentage between percentages may be points or relative); "fell
by a third from 900 to 600".

Factor words ("doubled", "fell by a third") are taken as +-5% (writers round them);
"more than doubled" as at least 2, "nearly doubled" as 1.8 to 2.

A stated size is checked against the before and after figures *as written*: a figure
rounded only by its trailing zeros ("8,000") gets no thousands slack here. The writer
who puts "from 8,000 to 11,000, a 25% increase" in one sentence presents the size as the
arithmetic of those two figures, and a reader who redoes it gets 37.5%; with the
thousands slack ([7,500, 8,500] to [10,500, 11,500]) anything from 23.5% to 53% would
pass, and no stated size beside round figures could ever be caught. Decimals and scale
words ("1.2 million") keep their slack, and the stated size keeps its own ("37%" is
[36.5, 37.5], so "a 37% increase" passes).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from checks.engine.pandas.builtin import BuiltinSettings, builtin
from checks.engine.pandas.builtin.members import (
    attach,
    bounds,
    build_finding,
    disjoint,
    number,
    quote,
    without_thousands_slack,
)
from checks.engine.pandas.builtin.members import single as role
from checks.engine.pandas.frame import widen
from checks.findings import Finding
from checks.rules.model import RuleFile

#: Relative slack of a factor word, by its qualifier: (below, above) the factor.
FACTOR_SLACK = {
    "exact": (0.05, 0.05),
    "approx": (0.1, 0.1),
    "approx_below": (0.1, 0.0),
    "lower": (0.0, np.inf),
}


@builtin("change")
def check_changes(
    members: pd.DataFrame, settings: BuiltinSettings, rule_file: RuleFile
) -> list[Finding]:
    """Findings of every change whose stated size or direction the figures cannot give."""
    stated_ids = members.loc[members["role"] == "stated", "relation_id"]
    as_written = members["role"].isin(["before", "after"]) & members["relation_id"].isin(stated_ids)
    members = without_thousands_slack(members, as_written)
    table = role(members, "before").pipe(attach, role(members, "after"), "_after")
    table = table.pipe(attach, role(members, "stated")[["lo", "hi", "text"]], "_st", how="left")
    if table.empty:
        return []
    table = table.assign(**_computed(table, settings.tolerance))
    findings = []
    for relation_id, row in table[table["reason"].notna()].iterrows():
        detail = {
            "relation": relation_id,
            "before": float(row["value"]),
            "after": float(row["value_after"]),
            "measure": row["measure"],
            "direction": None if pd.isna(row["direction"]) else row["direction"],
            "relative_change_interval": bounds(row["rel_lo"], row["rel_hi"]),
            "difference_interval": bounds(row["diff_lo"], row["diff_hi"]),
            "ratio_interval": bounds(row["ratio_lo"], row["ratio_hi"]),
            "stated_interval": bounds(row["s_lo"], row["s_hi"]),
            "tolerance": settings.tolerance,
        }
        rows = members[members["relation_id"] == relation_id]
        message = _message(row)
        findings.append(build_finding(settings.name, settings.severity, message, rows, detail))
    return findings


def _computed(table: pd.DataFrame, tolerance: float) -> dict[str, pd.Series]:
    """Interval arithmetic of every relation at once, and the reason it fails (or NA)."""
    before_lo = table["lo"].where(table["lo"] > 0, np.nan)
    ratio_lo = (table["lo_after"] / table["hi"].where(table["hi"] > 0, np.nan)).fillna(0.0)
    ratio_hi = (table["hi_after"] / before_lo).fillna(np.inf)
    diff_lo, diff_hi = table["lo_after"] - table["hi"], table["hi_after"] - table["lo"]
    direction = table["direction"].astype("object")
    natural = np.where(table["value_after"] >= table["value"], 1.0, -1.0)
    sign = np.where(direction == "down", -1.0, np.where(direction == "up", 1.0, natural))
    stated_lo, stated_hi = widen(table["lo_st"], table["hi_st"], tolerance)
    s_lo = pd.Series(np.where(sign > 0, stated_lo, -stated_hi), index=table.index)
    s_hi = pd.Series(np.where(sign > 0, stated_hi, -stated_lo), index=table.index)
    rel_lo, rel_hi = (ratio_lo - 1) * 100, (ratio_hi - 1) * 100
    relative_wrong = disjoint(rel_lo, rel_hi, s_lo, s_hi)
    absolute_wrong = disjoint(diff_lo, diff_hi, s_lo, s_hi)
    factor = table["factor"].astype("float64")
    slack = table["factor_qualifier"].astype("object").map(FACTOR_SLACK)
    below = slack.map(lambda pair: pair[0] if isinstance(pair, tuple) else 0.05)
    above = slack.map(lambda pair: pair[1] if isinstance(pair, tuple) else 0.05)
    f_lo, f_hi = widen(factor * (1 - below), factor * (1 + above), tolerance)
    measure = table["measure"].astype("object")
    wrong_by_measure = {
        "relative": relative_wrong,
        "absolute": absolute_wrong,
        "points": absolute_wrong,
        "either": relative_wrong & absolute_wrong,
        "factor": disjoint(ratio_lo, ratio_hi, f_lo, f_hi),
    }
    reason = pd.Series(pd.NA, index=table.index, dtype="object")
    for name, wrong in wrong_by_measure.items():
        reason = reason.mask((measure == name) & wrong.fillna(False).astype(bool), name)
    wrong_way = ((direction == "up") & (diff_hi < 0)) | ((direction == "down") & (diff_lo > 0))
    reason = reason.mask(wrong_way, "direction")
    return {
        "ratio_lo": ratio_lo,
        "ratio_hi": ratio_hi,
        "rel_lo": rel_lo,
        "rel_hi": rel_hi,
        "diff_lo": diff_lo,
        "diff_hi": diff_hi,
        "s_lo": s_lo.where(measure != "factor", f_lo),
        "s_hi": s_hi.where(measure != "factor", f_hi),
        "reason": reason,
    }


def _message(row: pd.Series) -> str:
    before, after = row["value"], row["value_after"]
    span = f"from {quote(row['text'])} to {quote(row['text_after'])}"
    movement = "rise" if after >= before else "fall"
    relative = 100 * (after - before) / before if before else np.inf
    stated = quote(row["text_st"])
    reason = row["reason"]
    if reason == "direction":
        said = row["cue"] if isinstance(row["cue"], str) else "changed the other way"
        if said in ("up from", "down from"):
            said = f"went {said.removesuffix(' from')}"
        return f"the text says it {said}, but {span} is a {movement}"
    if reason == "relative":
        return f"{span} is a {number(abs(relative))}% {movement}, but the text says {stated}"
    if reason in ("absolute", "points"):
        unit = " percentage points" if reason == "points" else ""
        difference = number(abs(after - before))
        return f"{span} is a {movement} of {difference}{unit}, but the text says {stated}"
    if reason == "either":
        return (
            f"{span} is a {movement} of {number(abs(after - before))} points or "
            f"{number(abs(relative))}%, but the text says {stated}"
        )
    ratio = after / before if before else np.inf
    return f"{number(after)} / {number(before)} = {number(ratio)}, but the text says {row['cue']}"
