"""Implied values of ``holds`` equations with one unknown.

When the rule is a single ``==`` and exactly one of its variables is unknown (a metric
with no claim in the scope group, or a fact with a range but no value), the others imply
its value: sympy solves the already-built equation for that symbol (never text), and the
solution's bounds over the bound claims' intervals give the implied interval. The result
is an ``info`` finding, or, when the unknown is a fact whose range (widened by the rule's
tolerance) the implied interval misses entirely, a finding of the rule's own severity.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
import pandas as pd
import sympy

from checks.engine.pandas.holds_binding import (
    boxes,
    fact_interval,
    fact_values,
    interval_text,
    number_text,
    row_dict,
)
from checks.engine.pandas.interval_math import compile_interval
from checks.findings import ClaimRef, Finding
from checks.messages import render_message
from checks.rules.expr import make_symbol
from checks.rules.model import Rule


@functools.lru_cache(maxsize=256)
def solve_for(lhs: sympy.Expr, rhs: sympy.Expr, name: str) -> sympy.Expr | None:
    """The one solution of ``lhs == rhs`` for symbol ``name``; None when there is not
    exactly one, or when it uses an operation interval arithmetic cannot bound."""
    try:
        solutions = sympy.solve(sympy.Eq(lhs, rhs), make_symbol(name))
    except (NotImplementedError, ValueError, TypeError):
        return None
    if len(solutions) != 1:
        return None
    solution = solutions[0]
    try:
        compile_interval(solution)
    except ValueError:
        return None
    return solution


def implied_findings(
    rule: Rule,
    frame: pd.DataFrame,
    pools: dict[str, pd.DataFrame],
    combos: pd.DataFrame,
    unknown: str,
) -> list[Finding]:
    """One finding per combination of the other variables' claims."""
    expression = rule.options.expr
    tolerance = rule.options.tolerance
    comparison = expression.comparisons[0]
    if combos.empty:
        return []
    solution = solve_for(comparison.lhs, comparison.rhs, unknown)
    if solution is None:
        return []
    function = compile_interval(solution)
    scale = expression.scale_of(unknown)
    low, high = (
        bound / scale for bound in function(boxes(combos, pools, expression, skip=unknown))
    )
    point = function(boxes(combos, pools, expression, point=True, skip=unknown))[0] / scale
    low, high, point = (np.broadcast_to(a, (len(combos),)) for a in (low, high, point))
    fact = expression.fact(unknown) if unknown in expression.facts else None
    if fact is not None:
        fact_low, fact_high = fact_interval(fact)
        slack_low = abs(fact_low) * tolerance if np.isfinite(fact_low) else 0.0
        slack_high = abs(fact_high) * tolerance if np.isfinite(fact_high) else 0.0
        outside = (high < fact_low - slack_low) | (low > fact_high + slack_high)
    else:
        outside = np.zeros(len(combos), dtype=bool)
    findings = []
    for position in range(len(combos)):
        if np.isnan(low[position]) or np.isnan(high[position]):
            continue
        findings.append(
            _finding(
                rule,
                frame,
                combos.iloc[position],
                unknown,
                (float(low[position]), float(high[position]), float(point[position])),
                bool(outside[position]),
            )
        )
    return findings


def _finding(
    rule: Rule,
    frame: pd.DataFrame,
    combo: pd.Series,
    unknown: str,
    implied: tuple[float, float, float],
    outside: bool,
) -> Finding:
    expression = rule.options.expr
    low, high, point = implied
    unit = expression.unit_of(unknown)
    metrics = [m for m in expression.metrics if f"{m}.row" in combo.index]
    rows = {metric: row_dict(frame, combo[f"{metric}.row"]) for metric in metrics}
    texts = [str(row["text"]) for row in rows.values()]
    origin = texts[0] if len(texts) == 1 else f"{', '.join(texts[:-1])} and {texts[-1]}"
    message = f"implied {unknown}: {number_text(point)} {unit} from {origin}"
    if low != high:
        message += f" (between {number_text(low)} and {number_text(high)})"
    detail: dict[str, Any] = {
        "expr": expression.text,
        "op": "==",
        "implied": unknown,
        "value": point,
        "low": low,
        "high": high,
        "unit": unit,
        "bindings": {metric: row["claim_id"] for metric, row in rows.items()},
    }
    severity = "info"
    if unknown in expression.facts:
        fact_range = fact_interval(expression.fact(unknown))
        detail["range"] = list(fact_range)
        if outside:
            severity = rule.severity
            nearest = fact_range[1] if low > fact_range[1] else fact_range[0]
            gap = low - nearest if low > fact_range[1] else nearest - high
            detail["deviation"] = gap / abs(nearest) if nearest else float("inf")
            message += f", outside the expected range {interval_text(fact_range)} {unit}"
    values: dict[str, Any] = {
        **rows,
        **fact_values(expression),
        "op": "==",
        "expr": expression.text,
        "unit": unit,
        "implied": unknown,
        "value": point,
        "deviation": detail.get("deviation"),
    }
    # A user's template describes violations; plain info findings keep the default text.
    template = rule.message if severity != "info" else None
    return Finding(
        rule=rule.id,
        severity=severity,
        message=render_message(template, message, values),
        claims=tuple(ClaimRef.from_row(row) for row in rows.values()),
        detail=detail,
    )
