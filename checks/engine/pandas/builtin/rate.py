"""``rate``: a per-period figure against a total over a stated period.

Flagged: "Ukrainian forces killed 77 soldiers in three days ... about 40 a day" (77 in
3 days is 25.67 a day).

Passing: "killed 77 soldiers in three days, about 26 a day"; "killed 77 and injured 40 in
three days, some 39 casualties a day" (the rate may fit any one total or their sum).
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
from claims.relations.base import DURATION_DAYS


@builtin("rate")
def check_rates(
    members: pd.DataFrame, settings: BuiltinSettings, rule_file: RuleFile
) -> list[Finding]:
    """Findings of every rate that fits none of its totals over the stated period."""
    period = role(members, "period")
    rate = role(members, "rate")
    totals = members[members["role"] == "total"]
    summed = totals.groupby("relation_id").agg(
        value=("value", "sum"), lo=("lo", "sum"), hi=("hi", "sum"), count=("value", "size")
    )
    candidates = pd.concat(
        [totals.set_index("relation_id")[["value", "lo", "hi"]], summed[summed["count"] > 1]]
    )
    candidates = candidates.pipe(attach, period[["lo", "hi", "unit_days"]], "_p")
    candidates = candidates.pipe(attach, rate[["lo", "hi", "unit_days"]], "_r")
    if candidates.empty:
        return []
    per = candidates["unit_days_r"] / candidates["unit_days"]
    days_lo = candidates["lo_p"].where(candidates["lo_p"] > 0, np.nan)
    implied_lo = (candidates["lo"] / candidates["hi_p"] * per).fillna(0.0)
    implied_hi = (candidates["hi"] / days_lo * per).fillna(np.inf)
    rate_lo, rate_hi = widen(candidates["lo_r"], candidates["hi_r"], settings.tolerance)
    misses = disjoint(implied_lo, implied_hi, rate_lo, rate_hi)
    wrong = misses.groupby(level=0).all()
    findings = []
    for relation_id in wrong.index[wrong]:
        rows = members[members["relation_id"] == relation_id]
        first_total = totals[totals["relation_id"] == relation_id].iloc[0]
        the_period, the_rate = period.loc[relation_id], rate.loc[relation_id]
        per_unit = float(the_rate["unit_days"]) / float(the_period["unit_days"])
        implied = first_total["value"] / the_period["value"] * per_unit
        message = (
            f"{quote(first_total['text'])} in {quote(the_period['text'])} is "
            f"{number(first_total['value'])} / {number(the_period['value'] / per_unit)} = "
            f"{number(implied)} a {_unit_name(float(the_rate['unit_days']))}, but the text says "
            f"{quote(the_rate['text'])}"
        )
        detail = {
            "relation": relation_id,
            "implied_rate": float(implied),
            "implied_intervals": [
                bounds(lo, hi)
                for lo, hi in zip(
                    np.atleast_1d(implied_lo.loc[relation_id]),
                    np.atleast_1d(implied_hi.loc[relation_id]),
                    strict=True,
                )
            ],
            "stated_interval": bounds(the_rate["lo"], the_rate["hi"]),
            "tolerance": settings.tolerance,
        }
        findings.append(build_finding(settings.name, settings.severity, message, rows, detail))
    return findings


def _unit_name(days: float) -> str:
    """ "day" for 1.0, "week" for 7.0 (the rate's own unit, for the message)."""
    return min(DURATION_DAYS, key=lambda name: abs(DURATION_DAYS[name] - days))
