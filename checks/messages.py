"""Finding messages from user templates, formatted safely.

Templates come from rule files in pull requests, so ``str.format`` is never given
them directly (it allows attribute and index access, e.g. ``{a.__class__}``).
Only ``{name}`` and ``{name.field}`` over an allow-listed set of names are
accepted, with an optional format spec (``{ratio:.1f}``).
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Mapping
from typing import Any

from claims.errors import ConfigError

_FIELD = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9_]*)(?:\.(?P<attr>[A-Za-z][A-Za-z0-9_]*))?$")
_SPEC = re.compile(r"^[<>^=+\- #0-9,._%a-zA-Z]*$")


def template_fields(template: str) -> list[tuple[str, str | None, str]]:
    """The ``(name, field, spec)`` triples of ``template``; ``ValueError`` when unsafe."""
    fields = []
    for _, expression, spec, conversion in string.Formatter().parse(template):
        if expression is None:
            continue
        match = _FIELD.match(expression)
        if match is None or conversion is not None or not _SPEC.match(spec or ""):
            raise ValueError(f"unsupported placeholder {{{expression}}}")
        fields.append((match["name"], match["attr"], spec or ""))
    return fields


def validate_template(template: str, names: Collection[str]) -> None:
    """Raise :class:`ConfigError` (key ``message``) when ``template`` is malformed or unsafe."""
    try:
        fields = template_fields(template)
    except ValueError as error:
        raise ConfigError(str(error), key="message") from None
    for name, _, _ in fields:
        if name not in names:
            raise ConfigError(
                f"unknown placeholder '{name}' (available: {', '.join(sorted(names))})",
                key="message",
            )


def render_message(template: str | None, default: str, values: Mapping[str, Any]) -> str:
    """``template`` (or ``default``) filled from ``values``; missing parts print as "?".

    ``values`` maps names to plain values or to mappings (a claim row as a dict), so
    ``{a.source}`` looks up ``values["a"]["source"]``.
    """
    text = template or default
    try:
        fields = template_fields(text)
    except ValueError:
        return text
    out = []
    cursor = 0
    for literal, expression, _spec, _ in string.Formatter().parse(text):
        out.append(literal)
        if expression is None:
            continue
        name, attr, spec_text = fields[cursor]
        cursor += 1
        value = values.get(name)
        if attr is not None:
            value = value.get(attr) if isinstance(value, Mapping) else None
        out.append(_format(value, spec_text))
    return "".join(out)


def _format(value: Any, spec: str) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "?"
    try:
        return format(value, spec)
    except (TypeError, ValueError):
        return str(value)
