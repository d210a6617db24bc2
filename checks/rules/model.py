"""What a rule file is, once loaded: plain frozen records, no pandas."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from claims.vocab import Vocabulary

#: The built-in arithmetic checks a rule file can tune under ``defaults:`` (a later
#: issue implements them), name -> what it checks. ``defaults`` keys are DEFAULT_KEYS.
BUILTIN_CHECKS: dict[str, str] = {
    "breakdown": "listed parts add up to (no more than) the total they break down",
    "sum": "a stated total equals the figures it is said to add up",
    "percent": "a stated percentage matches the two figures it relates",
    "change": "a stated change matches its before and after figures",
    "multiple": "'N times' or 'N annual wages' matches the two figures it relates",
    "rate": "a per-period rate matches a total over a stated period",
    "part_of": "a metric's parts (part_of in the vocabulary) never exceed their whole",
}
DEFAULT_KEYS = ("enabled", "tolerance", "severity")

#: The rule keys every kind shares; the rest belong to the kind (``KIND_KEYS``).
COMMON_RULE_KEYS = ("id", "kind", "severity", "message", "description", "where")

#: Placeholders a ``message:`` template may use when the kind's options declare none.
#: An options class declares its own with a ``MESSAGE_FIELDS`` tuple, or, when the names
#: depend on the rule (the metrics of a ``holds`` expression), a ``message_fields()``
#: method on the options object; the loader asks the method first, then the tuple, then
#: falls back to these: the two claims compared (``{a.source}``, ``{b.value}``...), the
#: metric, the rule id, and the numbers of the comparison.
DEFAULT_MESSAGE_FIELDS: tuple[str, ...] = (
    "a",
    "b",
    "metric",
    "rule",
    "ratio",
    "deviation",
    "tolerance",
)


@dataclass(frozen=True)
class Fact:
    """A named reference value usable in expressions (``facts:``)."""

    key: str
    #: in ``unit``; None when only bounds are known (then it can be an implied unknown)
    value: float | None
    unit: str
    low: float | None = None
    high: float | None = None
    source: str | None = None


@dataclass(frozen=True)
class Rule:
    """One entry of ``rules:``; ``options`` is the kind's own frozen dataclass."""

    id: str
    kind: str
    severity: str
    options: Any
    message: str | None = None
    description: str | None = None
    #: 1-based line of the rule in its file (for messages)
    line: int | None = None
    #: ``where:`` column -> accepted values: the rule sees only the claims that match
    #: every entry ("where: {entity: north_korea}")
    where: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class RuleFile:
    """A validated rule file."""

    path: str | None
    version: int
    vocabulary: Vocabulary
    facts: Mapping[str, Fact] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    #: settings of the built-in arithmetic kinds (``defaults:``), kind -> mapping
    defaults: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
