"""Option parsing shared by the comparison kinds (``agree``, ``monotonic``, ``range``).

Each parser takes the raw YAML value and the option's key, and raises
``ConfigError(key=...)`` naming that key, so the loader can add file and line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from checks.kinds import KindContext
from claims.errors import ConfigError

#: Columns a rule may group or compare by ("source" means source, else publisher).
GROUP_COLUMNS = (
    "entity",
    "source",
    "metric",
    "period",
    "unit",
    "noun",
    "article",
    "publisher",
    "reported_by",
    "source_or_publisher",
)
_PERCENT = re.compile(r"^\s*(?P<number>[0-9]*\.?[0-9]+)\s*(?P<percent>%?)\s*$")


def reject_unknown_keys(raw: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
    """Raise on the first key of ``raw`` that the kind does not accept."""
    for key in raw:
        if key not in allowed:
            raise ConfigError(
                f"unknown option '{key}' (allowed: {', '.join(allowed)})", key=str(key)
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
            f"unknown metric '{value}' (known: {known})", key=key, rule=context.rule_id
        )
    return value


def percentage(value: Any, *, key: str = "tolerance") -> float:
    """``"25%"``, ``0.25`` or ``"0.25"`` -> 0.25; a bare number above 1 needs a ``%``."""
    if isinstance(value, bool):
        raise ConfigError("must be a percentage such as 25%", key=key)
    if isinstance(value, int | float):
        text, number, percent = str(value), float(value), False
    elif isinstance(value, str) and (match := _PERCENT.match(value)):
        text, number, percent = value, float(match["number"]), bool(match["percent"])
    else:
        raise ConfigError(f"must be a percentage such as 25%, not {value!r}", key=key)
    if percent:
        number /= 100
    elif number > 1:
        raise ConfigError(f"{text} is ambiguous: write {text}% or a fraction up to 1", key=key)
    if number < 0:
        raise ConfigError("must not be negative", key=key)
    return number


def duration_days(value: Any, *, key: str = "window") -> float:
    """A span such as ``"30 days"`` or ``"2 weeks"`` in days (a bare number is days)."""
    from claims.units import get_registry

    if isinstance(value, bool):
        raise ConfigError("must be a duration such as 30 days", key=key)
    if isinstance(value, int | float):
        days = float(value)
    elif isinstance(value, str):
        registry = get_registry()
        try:
            quantity = registry.Quantity(value.strip())
            days = float(quantity.to("day").magnitude)
        except Exception:  # pint raises many unrelated types for bad text
            raise ConfigError(f"must be a duration such as 30 days, not {value!r}", key=key) from None
    else:
        raise ConfigError("must be a duration such as 30 days", key=key)
    if days < 0:
        raise ConfigError("must not be negative", key=key)
    return days


def columns(value: Any, *, key: str) -> tuple[str, ...]:
    """A column name or list of them, each one :data:`GROUP_COLUMNS` allows."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(v, str) for v in items):
        raise ConfigError("must be a column name or a list of them", key=key)
    for item in items:
        if item not in GROUP_COLUMNS:
            raise ConfigError(
                f"unknown column '{item}' (allowed: {', '.join(GROUP_COLUMNS)})", key=key
            )
    return tuple(dict.fromkeys(items))


def quantity_in_unit(value: Any, unit: str, context: KindContext, *, key: str) -> float:
    """A quantity such as ``"100 USD / person"`` converted to ``unit`` (the metric's).

    A bare number is taken to be in ``unit`` already; incompatible dimensions raise.
    """
    from claims.units import get_registry

    if isinstance(value, bool):
        raise ConfigError(f"must be a quantity in {unit}", key=key)
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"must be a quantity such as '100 {unit}'", key=key)
    registry = get_registry(context.vocabulary.units)
    try:
        quantity = registry.Quantity(value.strip())
    except Exception:  # pint raises many unrelated types for bad text
        raise ConfigError(f"cannot read quantity {value!r}", key=key) from None
    try:
        return float(quantity.to(registry.Unit(unit)).magnitude)
    except Exception:
        raise ConfigError(
            f"'{value}' cannot be converted to the metric's unit '{unit}'",
            key=key,
            rule=context.rule_id,
        ) from None
