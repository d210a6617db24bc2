"""Options of the ``range`` kind (evaluated in checks/engine/pandas/range.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from checks.kinds import KindContext, kind
from checks.kinds._parsing import metric_key, quantity_in_unit, reject_unknown_keys
from checks.rules.values import parse_percentage
from claims.errors import ConfigError

KEYS = ("metric", "min", "max", "tolerance")


@kind("range", keys=KEYS)
@dataclass(frozen=True)
class RangeOptions:
    """A figure must be plausible: its interval may not lie wholly outside [min, max].

    ``min`` and ``max`` (at least one) are quantities with units, such as
    ``"100 USD / person"``, converted to the unit of ``metric`` when the rule file loads;
    a bare number is read in the metric's unit. A claim is flagged when its interval,
    widened by ``tolerance``, lies entirely below ``min`` or entirely above ``max``. Claims
    in a unit that cannot be converted to the metric's are skipped.

    Message placeholders: ``claim`` (any claims-table column, e.g. ``{claim.text}``),
    ``metric``, ``min``, ``max``, ``unit`` (the metric's), ``side`` ("below" or "above"),
    ``ratio`` (how many times outside the bound), ``tolerance``.

    Flagged::

        - id: pay-plausible
          kind: range
          metric: pay_per_soldier
          min: "100 USD / person"
          max: "10000 USD / person"

        Each North Korean soldier is paid $2,000,000, a lawmaker claimed.

    Passing::

        Each North Korean soldier is paid about $2,000 a month, intelligence officials said.
    """

    metric: str
    #: the metric's unit, which ``minimum`` and ``maximum`` are expressed in
    unit: str
    minimum: float = float("-inf")
    maximum: float = float("inf")
    #: relative slack added to each side of the claim's interval (0.25 = 25%)
    tolerance: float = 0.0

    MESSAGE_FIELDS: ClassVar[tuple[str, ...]] = (
        "claim",
        "metric",
        "min",
        "max",
        "unit",
        "side",
        "ratio",
        "tolerance",
    )

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], context: KindContext) -> RangeOptions:
        """Validate the rule's options; raises ``ConfigError(key=...)``."""
        reject_unknown_keys(raw, KEYS)
        metric = metric_key(raw, context)
        unit = context.vocabulary.metrics[metric].unit
        if raw.get("min") is None and raw.get("max") is None:
            raise ConfigError("give min:, max: or both", key="min", rule=context.rule_id)
        minimum = (
            float("-inf")
            if raw.get("min") is None
            else quantity_in_unit(raw["min"], unit, context, key="min")
        )
        maximum = (
            float("inf")
            if raw.get("max") is None
            else quantity_in_unit(raw["max"], unit, context, key="max")
        )
        if minimum > maximum:
            raise ConfigError("min is larger than max", key="min", rule=context.rule_id)
        return cls(
            metric=metric,
            unit=unit,
            minimum=minimum,
            maximum=maximum,
            tolerance=parse_percentage(raw.get("tolerance", 0), key="tolerance"),
        )
