"""Rule file (YAML, schema version 1) -> validated :class:`RuleFile`.

Every mistake is one :class:`ConfigError` carrying the file, the line, the rule id and
the key, e.g. ``rules.yaml:12: rule 'x', key 'tolerance': must be a percentage like 25%
or a number (got 'lots')``. Lines come from the YAML node marks recorded at parse time
(``positions.py``), never from searching the text for the key.

Errors raised by the vocabulary or a kind's ``from_mapping`` carry a key relative to
their section or rule; :meth:`_Loader.located` turns it into a full path to find the line.
"""

from __future__ import annotations

import dataclasses
import importlib.resources
import math
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from checks.findings import SEVERITIES
from checks.kinds import KIND_KEYS, KindContext, load_all
from checks.messages import validate_template
from checks.rules.model import (
    BUILTIN_CHECKS,
    COMMON_RULE_KEYS,
    DEFAULT_KEYS,
    DEFAULT_MESSAGE_FIELDS,
    Fact,
    Rule,
    RuleFile,
)
from checks.rules.positions import Document, join, parse_document, read_rule_text
from checks.rules.values import closest, did_you_mean, parse_percentage, parse_unit
from claims.errors import ConfigError
from claims.vocab import VOCABULARY_SECTIONS, Vocabulary

if TYPE_CHECKING:
    import pint

SCHEMA_VERSION = 1
TOP_LEVEL_KEYS = ("version", *VOCABULARY_SECTIONS, "facts", "defaults", "rules")
FACT_KEYS = ("value", "unit", "low", "high", "source", "description")
RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
#: metric and fact keys are names inside expressions
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def default_rule_path() -> Path:
    """``./rules.yaml`` when the current directory has one, else the copy shipped in the package."""
    local = Path("rules.yaml")
    if local.is_file():
        return local
    return Path(str(importlib.resources.files("checks").joinpath("data", "rules.yaml")))


def load_rule_file(path: str | os.PathLike[str]) -> RuleFile:
    """Read and validate the rule file at ``path`` (see :func:`load_rule_text`)."""
    return load_rule_text(read_rule_text(Path(path)), str(path))


def load_rule_text(text: str, path: str | None = None) -> RuleFile:
    """Validate rule-file ``text``; ``path`` is only used in messages and kept on the result.

    Raises :class:`ConfigError` for the first mistake, with path, line, rule and key.
    """
    return _Loader(parse_document(text, path)).build()


class _Loader:
    """One pass over a parsed document, section by section, stopping at the first error."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.path = document.path

    def fail(
        self, message: str, key: str, *, rule: str | None = None, shown: str | None = None
    ) -> NoReturn:
        """Raise at the line of ``key`` (a full dotted path); ``shown`` is the key printed."""
        raise ConfigError(
            message,
            path=self.path,
            line=self.document.line_of(key) or 1,
            rule=rule,
            key=shown if shown is not None else key,
        )

    @contextmanager
    def located(self, prefix: str = "", rule: str | None = None) -> Iterator[None]:
        """Give a ConfigError raised inside (key relative to ``prefix``) its path and line."""
        try:
            yield
        except ConfigError as error:
            full = _under(prefix, error.key) if error.key else prefix
            shown = error.key if rule is not None else (full or None)
            raise ConfigError(
                error.message,
                path=self.path,
                line=error.line or self.document.line_of(full) or 1,
                rule=rule or error.rule,
                key=shown,
            ) from None

    def build(self) -> RuleFile:
        raw = self.document.data
        if raw is None:
            raise ConfigError(
                "rule file is empty; it needs at least 'version: 1'", path=self.path, line=1
            )
        if not isinstance(raw, Mapping):
            raise ConfigError("a rule file must be a mapping of sections", path=self.path, line=1)
        for key in raw:
            if key not in TOP_LEVEL_KEYS:
                self.fail(
                    f"unknown section '{key}'{did_you_mean(key, TOP_LEVEL_KEYS)} "
                    f"(sections: {', '.join(TOP_LEVEL_KEYS)})",
                    key,
                )
        self.check_version(raw)
        with self.located():
            vocabulary = Vocabulary.from_mapping(raw)
        vocabulary = dataclasses.replace(vocabulary, path=self.path)
        registry = self.registry(vocabulary)
        self.check_metrics(vocabulary, registry)
        facts = self.facts(raw.get("facts"), vocabulary, registry)
        defaults = self.defaults(raw.get("defaults"))
        rules = self.rules(raw.get("rules"), vocabulary, facts)
        return RuleFile(
            path=self.path,
            version=SCHEMA_VERSION,
            vocabulary=vocabulary,
            facts=facts,
            rules=rules,
            defaults=defaults,
        )

    def check_version(self, raw: Mapping[str, Any]) -> None:
        if "version" not in raw:
            raise ConfigError(
                f"missing 'version: {SCHEMA_VERSION}' (the rule-file schema version)",
                path=self.path,
                line=1,
                key="version",
            )
        version = raw["version"]
        if isinstance(version, bool) or version != SCHEMA_VERSION:
            self.fail(
                f"unsupported schema version {version!r}; this numcheck reads version "
                f"{SCHEMA_VERSION}",
                "version",
            )

    def registry(self, vocabulary: Vocabulary) -> pint.UnitRegistry:
        from claims.units import get_registry

        with self.located():
            return get_registry(vocabulary.units)

    def check_metrics(self, vocabulary: Vocabulary, registry: pint.UnitRegistry) -> None:
        for key, metric in vocabulary.metrics.items():
            if not NAME.match(key):
                self.fail(
                    f"metric key '{key}' must be a name usable in expressions "
                    "(letters, digits and _)",
                    f"metrics.{key}",
                )
            where = f"metrics.{key}.unit"
            try:
                parse_unit(metric.unit, registry, where)
            except ConfigError as error:
                self.fail(f"metric '{key}': {error.message}", where)

    def facts(
        self, raw: Any, vocabulary: Vocabulary, registry: pint.UnitRegistry
    ) -> dict[str, Fact]:
        if raw is None:
            return {}
        if not isinstance(raw, Mapping):
            self.fail("must be a mapping of fact name to {value, unit, low, high, source}", "facts")
        return {key: self.fact(key, spec, vocabulary, registry) for key, spec in raw.items()}

    def fact(
        self, key: str, spec: Any, vocabulary: Vocabulary, registry: pint.UnitRegistry
    ) -> Fact:
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
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            self.fail(f"fact '{fact}': must be a number (got {value!r})", key)
        return float(value)

    def defaults(self, raw: Any) -> dict[str, dict[str, Any]]:
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
        if value not in SEVERITIES:
            hint = did_you_mean(value, SEVERITIES) if isinstance(value, str) else ""
            self.fail(
                f"severity must be one of {', '.join(SEVERITIES)}{hint} (got {value!r})",
                key,
                rule=rule,
                shown=shown,
            )
        return str(value)

    def rules(
        self, raw: Any, vocabulary: Vocabulary, facts: Mapping[str, Fact]
    ) -> tuple[Rule, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.fail("must be a list of rules, each starting with '- id: ...'", "rules")
        kinds = load_all()
        first_line: dict[str, int] = {}
        rules = []
        for index, spec in enumerate(raw):
            rule = self.rule(index, spec, kinds, vocabulary, facts, first_line)
            rules.append(rule)
        return tuple(rules)

    def rule(
        self,
        index: int,
        spec: Any,
        kinds: Mapping[str, type],
        vocabulary: Vocabulary,
        facts: Mapping[str, Fact],
        first_line: dict[str, int],
    ) -> Rule:
        where = f"rules[{index}]"
        if not isinstance(spec, Mapping):
            self.fail("each rule must be a mapping with at least id and kind", where)
        rule_id = self.rule_id(spec, where, first_line)
        line = self.document.line_of(where)

        def fail(message: str, key: str) -> NoReturn:
            self.fail(message, join(where, key), rule=rule_id, shown=key)

        kind_name = spec.get("kind")
        if kind_name is None:
            fail(f"rule has no 'kind' (kinds: {', '.join(sorted(kinds))})", "kind")
        if not isinstance(kind_name, str) or kind_name not in kinds:
            shown = kind_name if isinstance(kind_name, str) else repr(kind_name)
            guess = closest(shown, kinds)
            hint = f"did you mean '{guess}'? " if guess else ""
            fail(f"unknown kind '{shown}' ({hint}kinds: {', '.join(sorted(kinds))})", "kind")
        allowed = (*COMMON_RULE_KEYS, *KIND_KEYS.get(kind_name, ()))
        for key in spec:
            if key not in allowed:
                fail(
                    f"unknown key '{key}'{did_you_mean(key, allowed)} for kind '{kind_name}' "
                    f"(keys: {', '.join(allowed)})",
                    key,
                )
        severity = self.severity(
            spec.get("severity", "warning"), join(where, "severity"), rule_id, "severity"
        )
        description = spec.get("description")
        if description is not None and not isinstance(description, str):
            fail("must be text", "description")
        options_class = kinds[kind_name]
        context = KindContext(vocabulary=vocabulary, facts=facts, rule_id=rule_id, path=self.path)
        options_raw = {key: value for key, value in spec.items() if key not in COMMON_RULE_KEYS}
        with self.located(where, rule_id):
            options = options_class.from_mapping(options_raw, context)
        message = spec.get("message")
        if message is not None:
            if not isinstance(message, str):
                fail(
                    "must be a text template like 'losses differ: {a.value} vs {b.value}'",
                    "message",
                )
            fields = _message_fields(options)
            with self.located(where, rule_id):
                validate_template(message, fields)
        return Rule(
            id=rule_id,
            kind=kind_name,
            severity=severity,
            options=options,
            message=message,
            description=description,
            line=line,
        )

    def rule_id(self, spec: Mapping[str, Any], where: str, first_line: dict[str, int]) -> str:
        rule_id = spec.get("id")
        if rule_id is None:
            self.fail("rule has no 'id'", where)
        key = join(where, "id")
        if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
            self.fail(f"rule id {rule_id!r} must be kebab-case, like 'losses-agree'", key)
        line = self.document.line_of(key) or 1
        if rule_id in first_line:
            self.fail(
                f"duplicate rule id '{rule_id}' (lines {first_line[rule_id]} and {line})",
                key,
                rule=rule_id,
                shown="id",
            )
        first_line[rule_id] = line
        return rule_id


def _under(prefix: str, key: str) -> str:
    """``key`` (relative, maybe ``same[1]``) below ``prefix``."""
    if not prefix:
        return key
    return f"{prefix}{key}" if key.startswith("[") else f"{prefix}.{key}"


def _message_fields(options: Any) -> tuple[str, ...]:
    """Placeholders a rule's ``message:`` may use: the options' own, else the defaults.

    An options object may offer ``message_fields()`` (names that depend on the rule, such
    as the metrics of a ``holds`` expression) or a ``MESSAGE_FIELDS`` tuple.
    """
    dynamic = getattr(options, "message_fields", None)
    if callable(dynamic):
        return tuple(dynamic())
    return tuple(getattr(options, "MESSAGE_FIELDS", DEFAULT_MESSAGE_FIELDS))
