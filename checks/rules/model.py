"""What a rule file is, once loaded: plain frozen records, no pandas."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from claims.vocab import Vocabulary


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
