"""Building quantities by hand and reading the relations found among them, for the
relation tests."""

from __future__ import annotations

from typing import Any

from claims.quantities import Quantity
from claims.relations import find_relations
from claims.relations.base import written_quantity


def quantity(text: str, written: str, value: float, **options: Any) -> Quantity:
    """The quantity written as ``written`` in ``text`` (a percentage when it holds "%")."""
    if "unit" not in options and "%" in written:
        options["unit"] = "percent"
    return written_quantity(text, written, value, **options)


def found(text: str, *quantities: Quantity) -> list[tuple[str, dict[str, list[str]], dict]]:
    """Each relation found among ``quantities``: its kind, the spans of each role as written,
    and its attributes."""
    relations = []
    for relation in find_relations(text, list(quantities)):
        roles: dict[str, list[str]] = {}
        for role, member in relation.members:
            roles.setdefault(role, []).append(text[member.start : member.end])
        relations.append((relation.kind, roles, dict(relation.attributes)))
    return relations
