"""``percent``: a stated percentage against the part and whole it relates.

Flagged: "1,100 of the 12,000 troops, or 20%" (1,100 / 12,000 = 9.17%, but the text
says 20%).

Passing: "1,100 of the 12,000 troops, or 9%" (9.17% rounds to 9%); "about 1,100 of the
12,000 troops, or 10%" (the hedge leaves room: 990 / 12,500 to 1,210 / 11,500).
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
)
from checks.engine.pandas.builtin.members import single as role
from checks.engine.pandas.frame import widen
from checks.findings import Finding
from checks.rules.model import RuleFile


@builtin("percent")
def check_percents(
    members: pd.DataFrame, settings: BuiltinSettings, rule_file: RuleFile
) -> list[Finding]:
    """Findings of every percent-of relation whose percentage the figures cannot give."""
    table = (
        role(members, "part")
        .pipe(attach, role(members, "whole"), "_whole")
        .pipe(attach, role(members, "percent"), "_pct")
    )
    if table.empty:
        return []
    whole_lo = table["lo_whole"].where(table["lo_whole"] > 0, np.nan)
    share_lo = (100 * table["lo"] / table["hi_whole"]).fillna(0.0)
    share_hi = (100 * table["hi"] / whole_lo).fillna(np.inf)
    pct_lo, pct_hi = widen(table["lo_pct"], table["hi_pct"], settings.tolerance)
    wrong = disjoint(share_lo, share_hi, pct_lo, pct_hi) & table["value_whole"].ne(0)
    findings = []
    for relation_id, row in table[wrong].iterrows():
        share = 100 * row["value"] / row["value_whole"]
        message = (
            f"{number(row['value'])} / {number(row['value_whole'])} = {number(share)}%, "
            f"but the text says {quote(row['text_pct'])}"
        )
        detail = {
            "relation": relation_id,
            "part": float(row["value"]),
            "whole": float(row["value_whole"]),
            "share": float(share),
            "share_interval": bounds(share_lo[relation_id], share_hi[relation_id]),
            "stated_interval": bounds(pct_lo[relation_id], pct_hi[relation_id]),
            "tolerance": settings.tolerance,
        }
        rows = members[members["relation_id"] == relation_id]
        findings.append(build_finding(settings.name, settings.severity, message, rows, detail))
    return findings
