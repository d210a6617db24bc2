"""The ``range`` evaluator: a figure's interval must touch the plausible [min, max].

O(n) for ``n`` claims of the metric, plus one pint conversion per distinct unit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pint

from checks.engine.pandas import evaluator
from checks.engine.pandas.frame import interval, metric_claims, row_values, widen
from checks.findings import ClaimRef, Finding
from checks.kinds.range import RangeOptions
from checks.messages import render_message
from checks.rules.model import Rule, RuleFile
from claims.units import get_registry

DEFAULT_MESSAGE = (
    "{metric} of '{claim.text}' lies {side} the plausible range {min:,g} to {max:,g} {unit}"
)


@evaluator("range")
def evaluate(rule: Rule, claims: pd.DataFrame, rule_file: RuleFile) -> list[Finding]:
    """One finding per claim whose widened interval, in the metric's unit, lies wholly
    below ``min`` or wholly above ``max``; claims in incompatible units are skipped."""
    options: RangeOptions = rule.options
    frame = metric_claims(claims, options.metric)
    factors = (
        frame["unit"]
        .astype("object")
        .map(_conversion_factors(frame["unit"], options.unit, rule_file))
    )
    frame = frame.assign(_factor=factors.astype(float))
    frame = frame[frame["_factor"].notna()]
    low = frame["low"] * frame["_factor"]
    high = frame["high"] * frame["_factor"]
    low_w, high_w = widen(low, high, options.tolerance)
    frame = frame.assign(_low=low, _high=high, _low_w=low_w, _high_w=high_w)
    outside = (frame["_high_w"] < options.minimum) | (frame["_low_w"] > options.maximum)
    return [_finding(rule, options, row) for _, row in frame[outside].iterrows()]


def _conversion_factors(units: pd.Series, target: str, rule_file: RuleFile) -> dict[str, float]:
    """Unit string -> factor into ``target``, for every unit pint can convert."""
    registry = get_registry(rule_file.vocabulary.units)
    target_unit = registry.parse_units(target)
    factors: dict[str, float] = {}
    for unit in units.dropna().astype(str).unique():
        try:
            factors[unit] = float(registry.Quantity(1.0, unit).to(target_unit).magnitude)
        except (pint.errors.PintError, ValueError, TypeError, AttributeError):
            continue
    return factors


def _finding(rule: Rule, options: RangeOptions, row: pd.Series) -> Finding:
    below = bool(row["_high_w"] < options.minimum)
    side = "below" if below else "above"
    with np.errstate(divide="ignore"):
        ratio = (
            _times(options.minimum, float(row["_high_w"]))
            if below
            else _times(float(row["_low_w"]), options.maximum)
        )
    public = {name: value for name, value in row.items() if not str(name).startswith("_")}
    values = {
        "claim": row_values(public),
        "metric": options.metric,
        "min": options.minimum,
        "max": options.maximum,
        "unit": options.unit,
        "side": side,
        "ratio": ratio,
        "tolerance": options.tolerance,
    }
    detail = {
        "metric": options.metric,
        "interval": interval(row["_low"], row["_high"]),
        "widened": interval(row["_low_w"], row["_high_w"]),
        "unit": options.unit,
        "min": options.minimum,
        "max": options.maximum,
        "side": side,
        "tolerance": options.tolerance,
        "ratio": ratio,
    }
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=render_message(rule.message, DEFAULT_MESSAGE, values),
        claims=(ClaimRef.from_row(row),),
        detail=detail,
    )


def _times(larger: float, smaller: float) -> float:
    """How many times ``smaller`` fits in ``larger``; inf when ``smaller`` is not positive."""
    return larger / smaller if smaller > 0 else float("inf")
