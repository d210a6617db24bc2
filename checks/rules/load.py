"""Rule file (YAML, schema version 1) -> validated :class:`RuleFile`.

Every mistake is one :class:`ConfigError` carrying the file, the line, the rule id and
the key, e.g. ``rules.yaml:12: rule 'x', key 'tolerance': must be a percentage like 25%
or a number (got 'lots')``. Lines come from the YAML node marks recorded at parse time
(``positions.py``), never from searching the text for the key.

Errors raised by the vocabulary or a kind's ``from_mapping`` carry a key relative to
their section or rule; ``Locator.located`` (positions.py) turns it into a full path
to find the line.
"""

from __future__ import annotations

import dataclasses
import importlib.resources
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from checks.kinds import KIND_KEYS, KindContext, KindOptions, load_all
from checks.messages import validate_template
from checks.rules.model import (
    COMMON_RULE_KEYS,
    DEFAULT_MESSAGE_FIELDS,
    Fact,
    Rule,
    RuleFile,
)
from checks.rules.positions import join, parse_document, read_rule_text
from checks.rules.sections import NAME, SectionLoader
from checks.rules.values import (
    check_unit_definition,
    closest,
    did_you_mean,
    parse_unit,
    parse_where,
)
from claims.errors import ConfigError
from claims.hedges import hedge_table
from claims.vocab import VOCABULARY_SECTIONS, Vocabulary

if TYPE_CHECKING:
    import pint

SCHEMA_VERSION = 1
TOP_LEVEL_KEYS = ("version", *VOCABULARY_SECTIONS, "facts", "defaults", "rules")
#: top-level keys with this prefix are ignored: a place for YAML anchors (``x-base: &base``)
EXTENSION_PREFIX = "x-"
RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


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


class _Loader(SectionLoader):
    """One pass over a parsed document, section by section, stopping at the first error."""

    def build(self) -> RuleFile:
        """The validated :class:`RuleFile`, sections in dependency order."""
        raw = self.document.data
        if raw is None:
            raise ConfigError(
                "rule file is empty; it needs at least 'version: 1'", path=self.path, line=1
            )
        if not isinstance(raw, Mapping):
            raise ConfigError("a rule file must be a mapping of sections", path=self.path, line=1)
        for key in raw:
            if key not in TOP_LEVEL_KEYS and not key.startswith(EXTENSION_PREFIX):
                self.fail(
                    f"unknown section '{key}'{did_you_mean(key, TOP_LEVEL_KEYS)} "
                    f"(sections: {', '.join(TOP_LEVEL_KEYS)})",
                    key,
                )
        self.check_version(raw)
        with self.located():
            vocabulary = Vocabulary.from_mapping(raw)
        vocabulary = dataclasses.replace(vocabulary, path=self.path)
        with self.located():
            # extraction reads hedges lazily; a bad one must fail here, with its line
            hedge_table(vocabulary.hedges)
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
        """``version:`` must be present and equal to SCHEMA_VERSION."""
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
        """The pint registry with the file's ``units:``, each definition screened first."""
        from claims.units import get_registry

        for index, definition in enumerate(vocabulary.units):
            with self.located():
                check_unit_definition(definition, f"units[{index}]")
        with self.located():
            try:
                return get_registry(vocabulary.units)
            except ConfigError:
                raise
            except Exception as error:  # pint's parser raises assorted types on odd input
                raise ConfigError(f"bad unit definition: {error}", key="units") from None

    def check_metrics(self, vocabulary: Vocabulary, registry: pint.UnitRegistry) -> None:
        """Metric keys must be expression names and their units must parse."""
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

    def rules(
        self, raw: Any, vocabulary: Vocabulary, facts: Mapping[str, Fact]
    ) -> tuple[Rule, ...]:
        """The ``rules:`` section, each rule validated by its kind."""
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
        kinds: Mapping[str, type[KindOptions]],
        vocabulary: Vocabulary,
        facts: Mapping[str, Fact],
        first_line: dict[str, int],
    ) -> Rule:
        """One rule: common keys here, the rest by the kind's ``from_mapping``."""
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
        if not isinstance(kind_name, str):
            fail(f"must be the name of a kind, one of: {', '.join(sorted(kinds))}", "kind")
        if kind_name not in kinds:
            guess = closest(kind_name, kinds)
            hint = f"did you mean '{guess}'? " if guess else ""
            fail(f"unknown kind '{kind_name}' ({hint}kinds: {', '.join(sorted(kinds))})", "kind")
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
        with self.located(where, rule_id):
            filters = parse_where(spec.get("where"))
        return Rule(
            id=rule_id,
            kind=kind_name,
            severity=severity,
            options=options,
            message=message,
            description=description,
            line=line,
            where=filters,
        )

    def rule_id(self, spec: Mapping[str, Any], where: str, first_line: dict[str, int]) -> str:
        """A kebab-case id not used by an earlier rule."""
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


def _message_fields(options: Any) -> tuple[str, ...]:
    """Placeholders a rule's ``message:`` may use: the options' own, else the defaults.

    An options object may offer ``message_fields()`` (names that depend on the rule, such
    as the metrics of a ``holds`` expression) or a ``MESSAGE_FIELDS`` tuple.
    """
    dynamic = getattr(options, "message_fields", None)
    if callable(dynamic):
        return tuple(dynamic())
    return tuple(getattr(options, "MESSAGE_FIELDS", DEFAULT_MESSAGE_FIELDS))
