"""Readable text about rules and kinds: ``numcheck explain``, ``rules validate``, the README.

Everything here reads the registries and the loaded rule file; the user documentation of
a kind is its options class docstring, whose ``Flagged::`` and ``Passing::`` sections are
the examples shown by :func:`explain`.
"""

from __future__ import annotations

import dataclasses
import difflib
import inspect
import math
import re
from collections import Counter
from typing import Any

from checks.kinds import KIND_KEYS, load_all
from checks.rules.model import Rule, RuleFile
from claims.errors import ConfigError
from claims.vocab import Metric

#: a docstring line that opens an example section ("Flagged::", "Passing:")
_SECTION = re.compile(r"^(?P<title>flagged|passing|passes|example|examples)\b[^:]*::?\s*$", re.I)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MAX_CUES = 6


def describe_kinds() -> list[tuple[str, str, tuple[str, ...]]]:
    """``(name, first docstring line, option keys)`` of every registered kind, by name."""
    kinds = load_all()
    return [(name, _summary_line(kinds[name]), KIND_KEYS.get(name, ())) for name in sorted(kinds)]


def summarise(rule_file: RuleFile) -> str:
    """One line for ``numcheck rules validate``: what the valid file holds."""
    vocabulary = rule_file.vocabulary
    kinds = Counter(rule.kind for rule in rule_file.rules)
    by_kind = ", ".join(f"{name} {count}" for name, count in sorted(kinds.items()))
    parts = [
        _count(len(rule_file.rules), "rule") + (f" ({by_kind})" if by_kind else ""),
        _count(len(vocabulary.metrics), "metric"),
        _count(len(vocabulary.entities), "entity", "entities"),
        _count(len(vocabulary.sources), "source"),
        _count(len(rule_file.facts), "fact"),
    ]
    return f"{rule_file.path or '<rules>'}: ok: {', '.join(parts)}"


def explain(rule_id: str, rule_file: RuleFile) -> str:
    """What rule ``rule_id`` checks, with its options spelled out and its kind's examples.

    An unknown id raises :class:`ConfigError` naming the closest ids.
    """
    rule = _find(rule_id, rule_file)
    kind_class = load_all().get(rule.kind)
    where = f"{rule_file.path}:{rule.line}" if rule_file.path and rule.line else rule_file.path
    lines = [f"{rule.id} (kind {rule.kind}, severity {rule.severity})"]
    if where:
        lines.append(f"defined at {where}")
    about = rule.description or (_body(kind_class) if kind_class else "")
    if about:
        lines += ["", about]
    options, names = _option_lines(rule, rule_file)
    lines += ["", "Options:", *(f"  {line}" for line in options)]
    if rule.message:
        lines.append(f"  message: {rule.message}")
    if names:
        lines += ["", "Metrics and facts used:", *(f"  {line}" for line in names)]
    for title, text in _examples(kind_class):
        lines += ["", f"{title}:", text]
    return "\n".join(lines).rstrip() + "\n"


def _find(rule_id: str, rule_file: RuleFile) -> Rule:
    for rule in rule_file.rules:
        if rule.id == rule_id:
            return rule
    ids = [rule.id for rule in rule_file.rules]
    close = difflib.get_close_matches(rule_id, ids, n=3, cutoff=0.5)
    if close:
        quoted = [f"'{candidate}'" for candidate in close]
        choices = f"{', '.join(quoted[:-1])} or {quoted[-1]}" if len(quoted) > 1 else quoted[0]
        hint = f"did you mean {choices}?"
    elif ids:
        hint = f"rules: {', '.join(ids)}"
    else:
        hint = "the file has no rules"
    raise ConfigError(f"no rule '{rule_id}' ({hint})", path=rule_file.path)


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def _docstring(kind_class: type | None) -> list[str]:
    return inspect.cleandoc(kind_class.__doc__ or "").splitlines() if kind_class else []


def _summary_line(kind_class: type) -> str:
    lines = _docstring(kind_class)
    return lines[0].strip() if lines else ""


def _body(kind_class: type) -> str:
    """The docstring's opening paragraphs, up to the placeholders or the first example."""
    kept: list[str] = []
    for line in _docstring(kind_class):
        if _SECTION.match(line.strip()) or line.lower().startswith("message placeholders"):
            break
        kept.append(line)
    return "\n".join(kept).strip()


def _examples(kind_class: type | None) -> list[tuple[str, str]]:
    """``(title, text)`` of each example section of the docstring, in order."""
    sections: list[tuple[str, list[str]]] = []
    for line in _docstring(kind_class):
        match = _SECTION.match(line.strip())
        if match:
            sections.append((match["title"].capitalize(), []))
        elif sections:
            sections[-1][1].append(line)
    return [(title, "\n".join(body).strip("\n").rstrip()) for title, body in sections]


def _option_lines(rule: Rule, rule_file: RuleFile) -> tuple[list[str], list[str]]:
    """The rule's options as ``name: value`` lines, and a line per metric or fact they use."""
    options = rule.options
    if not dataclasses.is_dataclass(options):
        return [f"{options!r}"], []
    lines: list[str] = []
    names: list[str] = []
    for option in dataclasses.fields(options):
        value = getattr(options, option.name)
        # Fields keep a unit suffix ("window_days"); users wrote the YAML key ("window").
        key = option.name.removesuffix("_days")
        lines.append(f"{key}: {_readable(option.name, value)}")
        text = _expression_text(value)
        if text is not None:
            names += _NAME.findall(text)
        elif isinstance(value, str):
            names.append(value)
    return lines, _name_lines(names, rule_file)


def _readable(name: str, value: Any) -> str:
    text = _expression_text(value)
    if text is not None:
        return text
    if value is None:
        return "-"
    if isinstance(value, tuple | list):
        return ", ".join(map(str, value)) or "-"
    if isinstance(value, float) and name.startswith("tolerance"):
        return f"{value * 100:g}%"
    if isinstance(value, float) and name.endswith("_days"):
        return f"{value:g} days"
    if isinstance(value, float) and math.isinf(value):
        return "no limit"
    if hasattr(value, "total_seconds"):
        return f"{value.total_seconds() / 86_400:g} days"
    return str(value)


def _expression_text(value: Any) -> str | None:
    """The source text of a parsed expression option (anything with a ``text`` string)."""
    text = getattr(value, "text", None)
    return text if isinstance(text, str) else None


def _name_lines(names: list[str], rule_file: RuleFile) -> list[str]:
    """A line per metric or fact the options mention: its unit, and cues or bounds."""
    vocabulary = rule_file.vocabulary
    lines: list[str] = []
    for name in dict.fromkeys(names):
        if name in vocabulary.metrics:
            lines.append(f"{name}: metric in {_metric_text(vocabulary.metrics[name])}")
        elif name in rule_file.facts:
            fact = rule_file.facts[name]
            if fact.value is not None and fact.low == fact.high:
                amount = f"{fact.value:g}"
            else:
                amount = f"{fact.low:g} to {fact.high:g}"
            source = f" (source: {fact.source})" if fact.source else ""
            lines.append(f"{name}: fact, {amount} {fact.unit}{source}")
    return lines


def _metric_text(metric: Metric) -> str:
    cues = ", ".join(metric.cues[:_MAX_CUES]) + (", ..." if len(metric.cues) > _MAX_CUES else "")
    extra = [f"cues: {cues}"] if cues else []
    if metric.part_of:
        extra.append(f"part of {metric.part_of}")
    if metric.cumulative:
        extra.append("cumulative")
    return f"{metric.unit} ({'; '.join(extra)})" if extra else metric.unit
