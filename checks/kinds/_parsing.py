"""Option checks shared by the comparison kinds (``agree``, ``monotonic``, ``range``).

Generic value parsers (percentages, durations, columns) live in checks/rules/values.py;
these helpers add what needs the rule file's vocabulary. Each raises
``ConfigError(key=...)`` naming the option, so the loader can add file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checks.kinds import KindContext
from checks.rules.values import did_you_mean, parse_quantity
from claims.errors import ConfigError


def reject_unknown_keys(raw: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
    """Raise on the first key of ``raw`` that the kind does not accept."""
    for key in raw:
        if key not in allowed:
            raise ConfigError(
                f"unknown option '{key}'{did_you_mean(str(key), allowed)} "
                f"(allowed: {', '.join(allowed)})",
                key=str(key),
            )


def metric_key(raw: Mapping[str, Any], context: KindContext, *, key: str = "metric") -> str:
    """The required metric option, which must name a metric of the vocabulary."""
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError("required: the key of a metric under metrics:", key=key)
    metrics = context.vocabulary.metrics
    if value not in metrics:
        known = ", ".join(sorted(metrics)) or "none defined"
        raise ConfigError(
            f"unknown metric '{value}'{did_you_mean(value, metrics)} (known: {known})",
            key=key,
            rule=context.rule_id,
        )
    return value


def quantity_in_unit(value: Any, unit: str, context: KindContext, *, key: str) -> float:
    """A quantity such as ``"100 USD / person"`` converted to ``unit`` (the metric's).

    A bare number is read in ``unit`` already; incompatible dimensions raise.
    """
    import pint

    from claims.units import get_registry

    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    registry = get_registry(context.vocabulary.units)
    quantity = parse_quantity(value, registry, key)
    try:
        return float(quantity.to(registry.parse_units(unit)).magnitude)
    except (pint.errors.PintError, ValueError, TypeError):
        raise ConfigError(
            f"'{value}' cannot be converted to the metric's unit '{unit}'",
            key=key,
            rule=context.rule_id,
        ) from None
