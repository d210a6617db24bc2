"""``multiple``: "N times" and "equivalent to N units" statements.

Implied value (always ``info``): "$2,000 for each soldier, a sum equivalent to 83
annual wages" implies one annual wage of 2,000 / 83 = 24.10 USD. When the rule file has a
fact whose name holds the unit's words (``nk_annual_wage`` for "annual wages") with a
range, the implied value is checked against it: outside the range (widened by the
tolerance) the finding takes the check's severity (default warning) and says so.

Ratio: "3,000 casualties, almost three times the 1,100 Seoul reported" is checked like
any arithmetic.

Flagged: "3,000 casualties, five times the 1,100 Seoul reported" (3,000 / 1,100 =
2.73); "$2,000, equal to 5 annual wages" with ``nk_annual_wage: {low: 15, high: 60}``
(400 a wage is outside the fact).

Passing: "12,000 troops, twice as many as the 6,000 expected"; "$2,000, equal to 83
annual wages" with ``nk_annual_wage: {low: 15, high: 60}``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

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
from checks.rules.model import Fact, RuleFile

_WORD = re.compile(r"[a-z]+")


@builtin("multiple")
def check_multiples(
    members: pd.DataFrame, settings: BuiltinSettings, rule_file: RuleFile
) -> list[Finding]:
    """Implied unit values (info, or a contradiction of a fact) and wrong ratios."""
    mode = members.drop_duplicates("relation_id").set_index("relation_id")["mode"]
    unit_ids = mode.index[mode.astype("object") == "unit_value"]
    ratio_ids = mode.index[mode.astype("object") == "ratio"]
    return _unit_values(
        members[members["relation_id"].isin(unit_ids)], settings, rule_file
    ) + _ratios(members[members["relation_id"].isin(ratio_ids)], settings)


def _unit_values(
    members: pd.DataFrame, settings: BuiltinSettings, rule_file: RuleFile
) -> list[Finding]:
    table = role(members, "total").pipe(attach, role(members, "multiple"), "_n")
    if table.empty:
        return []
    positive = table["lo_n"].where(table["lo_n"] > 0, np.nan)
    table["implied"] = table["value"] / table["value_n"].where(table["value_n"] != 0, np.nan)
    table["implied_lo"] = (table["lo"] / table["hi_n"]).fillna(0.0)
    table["implied_hi"] = (table["hi"] / positive).fillna(np.inf)
    findings = []
    for relation_id, row in table.iterrows():
        noun = str(row["noun"])
        fact = matching_fact(noun, rule_file.facts)
        unit = "" if row["unit"] == "dimensionless" else f" {row['unit']}"
        message = (
            f"{quote(row['text'])} is said to equal {quote(row['text_n'])}: that makes one "
            f"{singular(noun)} {number(row['value'])} / {number(row['value_n'])} = "
            f"{row['implied']:,.2f}{unit}"
        )
        # Same shape as a holds rule's implied value, so reports read both alike.
        detail = {
            "implied": f"one {singular(noun)}",
            "value": float(row["implied"]),
            "low": float(row["implied_lo"]),
            "high": float(row["implied_hi"]),
            "unit": row["unit"],
            "relation": relation_id,
        }
        severity = "info"
        if fact is not None and fact.low is not None and fact.high is not None:
            low, high = widen(pd.Series([fact.low]), pd.Series([fact.high]), settings.tolerance)
            outside = bool(disjoint(row["implied_lo"], row["implied_hi"], low[0], high[0]))
            verdict = "outside" if outside else "within"
            message += f", {verdict} {fact.key} ({number(fact.low)} to {number(fact.high)})"
            detail.update(fact=fact.key, range=bounds(fact.low, fact.high))
            severity = settings.severity if outside else "info"
        rows = members[members["relation_id"] == relation_id]
        findings.append(build_finding(settings.name, severity, message, rows, detail))
    return findings


def _ratios(members: pd.DataFrame, settings: BuiltinSettings) -> list[Finding]:
    table = role(members, "compared").pipe(attach, role(members, "multiple"), "_f")
    table = table.pipe(attach, role(members, "base"), "_base")
    if table.empty:
        return []
    base_lo = table["lo_base"].where(table["lo_base"] > 0, np.nan)
    ratio_lo = (table["lo"] / table["hi_base"]).fillna(0.0)
    ratio_hi = (table["hi"] / base_lo).fillna(np.inf)
    f_lo, f_hi = widen(table["lo_f"], table["hi_f"], settings.tolerance)
    more = table["more_than"].astype("boolean").fillna(False).astype(bool)
    wrong = disjoint(ratio_lo, ratio_hi, f_lo, f_hi) & (
        ~more | disjoint(ratio_lo, ratio_hi, f_lo + 1, f_hi + 1)
    )
    findings = []
    for relation_id, row in table[wrong].iterrows():
        ratio = row["value"] / row["value_base"] if row["value_base"] else np.inf
        message = (
            f"{number(row['value'])} / {number(row['value_base'])} = {number(ratio)}, "
            f"but the text says {quote(row['text_f'])}"
        )
        detail = {
            "relation": relation_id,
            "ratio": float(ratio),
            "ratio_interval": bounds(ratio_lo[relation_id], ratio_hi[relation_id]),
            "stated_interval": bounds(f_lo[relation_id], f_hi[relation_id]),
            "tolerance": settings.tolerance,
        }
        rows = members[members["relation_id"] == relation_id]
        findings.append(build_finding(settings.name, settings.severity, message, rows, detail))
    return findings


def singular(noun: str) -> str:
    """ "annual wages" -> "annual wage" (the last word made singular, plainly)."""
    words = noun.split()
    if not words:
        return noun
    last = words[-1]
    if last.endswith("ies") and len(last) > 3:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join([*words[:-1], last])


def matching_fact(noun: str, facts: Mapping[str, Fact]) -> Fact | None:
    """The fact whose name holds every word of ``noun`` made singular ("annual wages" ->
    ``nk_annual_wage``); the one with the fewest extra words wins, None when none does."""
    words = set(_WORD.findall(singular(noun.lower())))
    if not words:
        return None
    best: tuple[int, str, Fact] | None = None
    for key, fact in facts.items():
        parts = set(key.lower().split("_"))
        if words <= parts:
            candidate = (len(parts - words), key, fact)
            if best is None or candidate[:2] < best[:2]:
                best = candidate
    return best[2] if best else None
