"""The registry of rule kinds: one options module per kind, filled by :func:`kind`.

A kind module defines a frozen dataclass of options decorated with ``@kind("name")``.
The class docstring is the user documentation (``numcheck explain``, README) and
must hold a flagged and a passing example. The class provides::

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], context: KindContext) -> Self

which validates the rule's kind-specific keys (everything except ``id``, ``kind``,
``severity``, ``message``, ``description``) and raises ``ConfigError(key=...)``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from claims.vocab import Vocabulary


class KindOptions(Protocol):
    """What the rule loader needs of a kind's options class."""

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], context: KindContext) -> Any: ...


T = TypeVar("T", bound=KindOptions)

#: kind name -> options class
KINDS: dict[str, type[KindOptions]] = {}
#: kind name -> the option keys it accepts (for "did you mean" and docs)
KIND_KEYS: dict[str, tuple[str, ...]] = {}


@dataclass(frozen=True)
class KindContext:
    """What option validation may consult: the vocabulary and facts of the same file."""

    vocabulary: Vocabulary
    #: fact key -> checks.rules.model.Fact
    facts: Mapping[str, Any]
    rule_id: str
    path: str | None = None


def kind(name: str, keys: tuple[str, ...]) -> Callable[[type[T]], type[T]]:
    """Register an options class under ``name``; ``keys`` are its allowed YAML keys."""

    def register(cls: type[T]) -> type[T]:
        if name in KINDS and KINDS[name] is not cls:
            raise RuntimeError(f"rule kind {name!r} registered twice")
        KINDS[name] = cls
        KIND_KEYS[name] = keys
        return cls

    return register


def load_all() -> dict[str, type[KindOptions]]:
    """Import every kind module of this package so the registry is complete."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return KINDS
