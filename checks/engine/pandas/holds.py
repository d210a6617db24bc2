"""Evaluator of the ``holds`` kind: an expression over claims and facts must be satisfiable.

For each scope group (all claims of one article, entity or source) and each stated period,
the expression's metrics are bound to claims (see holds_binding.py), the bounds of both
sides of each comparison are computed with interval arithmetic over the claims' hedged
intervals (interval_math.py), and a combination is flagged only when no values in those
intervals, with the rule's tolerance, satisfy the comparison. With ``op`` normalised to
``<``/``<=`` by swapping sides, and ``t`` the tolerance:

- ``lhs <= rhs`` is violated iff ``lo(lhs) > hi(rhs) + |hi(rhs)| * t``;
- ``lhs <  rhs`` is violated iff ``lo(lhs) >= hi(rhs) + |hi(rhs)| * t``;
- ``lhs == rhs`` is violated iff the two intervals, each widened by ``t`` relative to its
  ends, are disjoint.

Equations with one unknown report the implied value instead (holds_implied.py).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from checks.engine.pandas import evaluator
from checks.engine.pandas.frame import prepare
from checks.engine.pandas.holds_binding import (
    KEYS,
    boxes,
    candidates,
    combine,
    fact_values,
    interval_text,
    row_dict,
)
from checks.engine.pandas.holds_implied import implied_findings
from checks.engine.pandas.interval_math import compile_interval
from checks.findings import ClaimRef, Finding
from checks.kinds.holds import HoldsOptions
from checks.messages import render_message
from checks.rules.expr import Comparison
from checks.rules.model import Rule, RuleFile
from claims.units import get_registry

_SWAPPED = {">": "<", ">=": "<="}


@evaluator("holds")
def evaluate(rule: Rule, claims: pd.DataFrame, rule_file: RuleFile) -> list[Finding]:
    """Findings of one ``holds`` rule over the claims table."""
    options: HoldsOptions = rule.options
    expression = options.expr
    frame = claims if "source_or_publisher" in claims.columns else prepare(claims)
    frame = frame.reset_index(drop=True)
    registry = get_registry(rule_file.vocabulary.units)
    limit = options.max_combinations
    if not expression.metrics:
        return []  # nothing binds a fact-only expression to claims, so nothing to cite
    pools = {
        metric: candidates(frame, metric, expression, options.scope_column, registry, limit)
        for metric in expression.metrics
    }
    unknown_facts = [fact.key for fact in expression.fact_records if fact.value is None]
    if expression.is_equation and len(unknown_facts) == 1:
        combos = combine(pools, expression.metrics, limit)
        return implied_findings(rule, frame, pools, combos, unknown_facts[0])
    findings = _violations(rule, frame, pools, combine(pools, expression.metrics, limit))
    if expression.is_equation and not unknown_facts and len(expression.metrics) > 1:
        for unknown in expression.metrics:
            others = [metric for metric in expression.metrics if metric != unknown]
            combos = combine(pools, others, limit)
            bound = pools[unknown][KEYS].drop_duplicates()
            combos = combos.merge(bound, on=KEYS, how="left", indicator=True)
            combos = combos[combos["_merge"] == "left_only"].drop(columns="_merge")
            findings.extend(implied_findings(rule, frame, pools, combos, unknown))
    return findings


def _violations(
    rule: Rule, frame: pd.DataFrame, pools: dict[str, pd.DataFrame], combos: pd.DataFrame
) -> list[Finding]:
    options: HoldsOptions = rule.options
    expression = options.expr
    if combos.empty:
        return []
    box = boxes(combos, pools, expression)
    reported = np.zeros(len(combos), dtype=bool)
    findings: list[Finding] = []
    for comparison in expression.comparisons:
        lhs = compile_interval(comparison.lhs)(box)
        rhs = compile_interval(comparison.rhs)(box)
        violated, deviation = violation(lhs, rhs, comparison.op, options.tolerance)
        # One finding per combination: the first comparison of a chain that fails.
        for position in np.flatnonzero(violated & ~reported):
            findings.append(
                _finding(
                    rule,
                    frame,
                    combos.iloc[position],
                    comparison,
                    (float(lhs[0][position]), float(lhs[1][position])),
                    (float(rhs[0][position]), float(rhs[1][position])),
                    float(deviation[position]),
                )
            )
        reported |= violated
    return findings


def violation(
    lhs: tuple[np.ndarray, np.ndarray],
    rhs: tuple[np.ndarray, np.ndarray],
    op: str,
    tolerance: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Where ``lhs op rhs`` cannot hold, and by how much (relative gap, 0 where it can)."""
    if op in _SWAPPED:
        lhs, rhs, op = rhs, lhs, _SWAPPED[op]
    with np.errstate(invalid="ignore", divide="ignore"):
        if op == "==":
            lhs_lo, lhs_hi = _widen(lhs, tolerance)
            rhs_lo, rhs_hi = _widen(rhs, tolerance)
            above, below = lhs_lo > rhs_hi, lhs_hi < rhs_lo
            violated = above | below
            gap = np.where(above, lhs[0] - rhs[1], np.where(below, rhs[0] - lhs[1], 0.0))
            base = np.where(above, np.abs(rhs[1]), np.abs(rhs[0]))
        else:
            limit = rhs[1] + _slack(rhs[1], tolerance)
            violated = lhs[0] >= limit if op == "<" else lhs[0] > limit
            gap = np.where(violated, lhs[0] - rhs[1], 0.0)
            base = np.abs(rhs[1])
        deviation = np.where(base > 0, gap / base, np.where(gap > 0, np.inf, 0.0))
    return violated & ~np.isnan(gap), np.nan_to_num(deviation, nan=0.0)


def _slack(bound: np.ndarray, tolerance: float) -> np.ndarray:
    """``|bound| * tolerance``, 0 for infinite bounds (they need no slack)."""
    return np.where(np.isfinite(bound), np.abs(bound) * tolerance, 0.0)


def _widen(bounds: tuple[np.ndarray, np.ndarray], tolerance: float) -> tuple[np.ndarray, ...]:
    return bounds[0] - _slack(bounds[0], tolerance), bounds[1] + _slack(bounds[1], tolerance)


def _finding(
    rule: Rule,
    frame: pd.DataFrame,
    combo: pd.Series,
    comparison: Comparison,
    lhs: tuple[float, float],
    rhs: tuple[float, float],
    deviation: float,
) -> Finding:
    options: HoldsOptions = rule.options
    expression = options.expr
    scale = comparison.scale
    lhs_shown = (lhs[0] / scale, lhs[1] / scale)
    rhs_shown = (rhs[0] / scale, rhs[1] / scale)
    rows = {metric: row_dict(frame, combo[f"{metric}.row"]) for metric in expression.metrics}
    values: dict[str, Any] = {
        **rows,
        **fact_values(expression),
        "lhs": interval_text(lhs_shown),
        "rhs": interval_text(rhs_shown),
        "op": comparison.op,
        "expr": expression.text,
        "deviation": deviation,
        "unit": comparison.unit,
    }
    quoted = ", ".join(f'{metric} = "{row["text"]}"' for metric, row in rows.items())
    default = (
        f"'{expression.text}' cannot hold: the left side is {interval_text(lhs_shown)}, the "
        f"right side {interval_text(rhs_shown)} {comparison.unit} ({quoted})"
    )
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=render_message(rule.message, default, values),
        claims=tuple(ClaimRef.from_row(row) for row in rows.values()),
        detail={
            "expr": expression.text,
            "op": comparison.op,
            "lhs": list(lhs_shown),
            "rhs": list(rhs_shown),
            "unit": comparison.unit,
            "tolerance": options.tolerance,
            "deviation": deviation,
            "bindings": {metric: row["claim_id"] for metric, row in rows.items()},
        },
    )
