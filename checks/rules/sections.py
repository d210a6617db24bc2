"""The ``facts:`` and ``defaults:`` sections of a rule file, and severities."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from checks.findings import SEVERITIES
from checks.rules.model import BUILTIN_CHECKS, DEFAULT_KEYS, Fact
from checks.rules.positions import Locator
from checks.rules.values import did_you_mean, parse_percentage, parse_unit
from claims.errors import ConfigError
from claims.vocab import Vocabulary

if TYPE_CHECKING:
    import pint

FACT_KEYS = ("value", "unit", "low", "high", "source", "description")
#: metric and fact keys are names inside expressions
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class SectionLoader(Locator):
    """Validation of the sections that need no rule kinds."""

    def facts(
        self, raw: Any, vocabulary: Vocabulary, registry: pint.UnitRegistry
    ) -> dict[str, Fact]:
        """The ``facts:`` section: fact name -> :class:`Fact`."""
        if raw is None:
            return {}
        if not isinstance(raw, Mapping):
            self.fail("must be a mapping of fact name to {value, unit, low, high, source}", "facts")
        return {key: self.fact(key, spec, vocabulary, registry) for key, spec in raw.items()}

    def fact(
        self, key: str, spec: Any, vocabulary: Vocabulary, registry: pint.UnitRegistry
    ) -> Fact:
        """One fact; without bounds it is exact (low = high = value)."""
        where = f"facts.{key}"
        if not NAME.match(key):
            self.fail(
                f"fact name '{key}' must be usable in expressions (letters, digits and _)", where
            )
        if key in vocabulary.metrics:
            self.fail(f"fact '{key}' has the same name as a metric; rename one", where)
        if not isinstance(spec, Mapping):
            self.fail(f"fact '{key}' must be a mapping like {{value: 30, unit: USD}}", where)
        for name in spec:
            if name not in FACT_KEYS:
                self.fail(
                    f"fact '{key}': unknown key '{name}'{did_you_mean(name, FACT_KEYS)} "
                    f"(keys: {', '.join(FACT_KEYS)})",
                    f"{where}.{name}",
                )
        numbers = {
            name: self.number(spec.get(name), f"{where}.{name}", key)
            for name in ("value", "low", "high")
        }
        value, low, high = numbers["value"], numbers["low"], numbers["high"]
        if (low is None) != (high is None):
            missing = "high" if high is None else "low"
            self.fail(f"fact '{key}' gives one bound; add '{missing}' too", f"{where}.{missing}")
        if value is None and low is None:
            self.fail(f"fact '{key}' needs a value, or low and high", where)
        if low is None:
            # a fact without bounds is exact
            low = high = value
        assert low is not None and high is not None
        if low > high:
            self.fail(f"fact '{key}': low {low:g} is above high {high:g}", f"{where}.low")
        if value is not None and not low <= value <= high:
            self.fail(
                f"fact '{key}': value {value:g} is outside [{low:g}, {high:g}]", f"{where}.value"
            )
        unit = self.fact_unit(key, spec.get("unit", "dimensionless"), registry)
        source = spec.get("source")
        if source is not None and not isinstance(source, str):
            self.fail(f"fact '{key}': source must be text", f"{where}.source")
        return Fact(key=key, value=value, unit=unit, low=low, high=high, source=source)

    def fact_unit(self, key: str, text: Any, registry: pint.UnitRegistry) -> str:
        """The canonical unit string of fact ``key``."""
        where = f"facts.{key}.unit"
        try:
            unit = parse_unit(text, registry, where)
        except ConfigError as error:
            self.fail(f"fact '{key}': {error.message}", where)
        return (
            "dimensionless"
            if unit.dimensionless and str(unit) in ("", "dimensionless")
            else str(unit)
        )

    def number(self, value: Any, key: str, fact: str) -> float | None:
        """A fact's value or bound as a float (None when absent)."""
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            self.fail(f"fact '{fact}': must be a number (got {value!r})", key)
        return float(value)

    def defaults(self, raw: Any) -> dict[str, dict[str, Any]]:
        """The ``defaults:`` section: built-in check -> its validated settings."""
        if raw is None:
            return {}
        names = tuple(BUILTIN_CHECKS)
        if not isinstance(raw, Mapping):
            self.fail(
                f"must be a mapping of built-in check ({', '.join(names)}) to settings", "defaults"
            )
        settings: dict[str, dict[str, Any]] = {}
        for name, spec in raw.items():
            where = f"defaults.{name}"
            if name not in BUILTIN_CHECKS:
                self.fail(
                    f"unknown built-in check '{name}'{did_you_mean(name, names)} "
                    f"(built-in checks: {', '.join(names)})",
                    where,
                )
            settings[name] = self.default_settings(spec, where)
        return settings

    def default_settings(self, spec: Any, where: str) -> dict[str, Any]:
        """``true``/``false`` or ``{enabled, tolerance, severity}`` of one built-in check."""
        if isinstance(spec, bool):
            return {"enabled": spec}
        if not isinstance(spec, Mapping):
            self.fail("must be true, false or a mapping of enabled, tolerance, severity", where)
        settings: dict[str, Any] = {}
        for key, value in spec.items():
            full = f"{where}.{key}"
            if key not in DEFAULT_KEYS:
                self.fail(
                    f"unknown setting '{key}'{did_you_mean(key, DEFAULT_KEYS)} "
                    f"(settings: {', '.join(DEFAULT_KEYS)})",
                    full,
                )
            if key == "enabled" and not isinstance(value, bool):
                self.fail(f"must be true or false (got {value!r})", full)
            if key == "severity":
                value = self.severity(value, full)
            if key == "tolerance":
                with self.located(full):
                    value = parse_percentage(value, key="")
            settings[key] = value
        return settings

    def severity(
        self, value: Any, key: str, rule: str | None = None, shown: str | None = None
    ) -> str:
        """``value`` when it is a severity; ``rule`` and ``shown`` label the error."""
        if not isinstance(value, str) or value not in SEVERITIES:
            hint = did_you_mean(str(value), SEVERITIES)
            self.fail(
                f"must be {', '.join(SEVERITIES[:-1])} or {SEVERITIES[-1]}, not {value!r}{hint}",
                key,
                rule=rule,
                shown=shown,
            )
        return str(value)
