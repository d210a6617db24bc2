"""The text's own arithmetic: relations between the quantities of one article.

:func:`find_relations` reads one article body and its quantities; :func:`relation_table`
turns relations into the *relations table* (documented in ``docs/relations.md``), a long
table with one row per (relation, member claim), keyed to the claims table by
``claim_id``. :func:`relations_for_claims` rebuilds the quantities of already extracted
claims (from the claims table and the article bodies) and finds their relations, so a
cached claims table needs no second extraction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from claims.articles import Article
from claims.quantities import Quantity
from claims.relations.base import Relation, Scan
from claims.relations.breakdown import find_breakdowns
from claims.relations.changes import find_changes
from claims.relations.multiples import find_multiples
from claims.relations.percents import find_percents
from claims.relations.rates import find_rates
from claims.relations.sums import find_sums
from claims.sentences import TextLayout
from claims.tries import ascii_case_letters

#: Relation kinds in the order they are found (and listed); each is a built-in check.
FINDERS: dict[str, Callable[[Scan], list[Relation]]] = {
    "breakdown": find_breakdowns,
    "sum": find_sums,
    "percent": find_percents,
    "change": find_changes,
    "multiple": find_multiples,
    "rate": find_rates,
}
#: Column -> dtype of the relations table (docs/relations.md).
RELATION_COLUMNS: dict[str, str] = {
    "relation_id": "string",
    "article": "string",
    "kind": "string",
    "role": "string",
    "member": "int64",
    "claim_id": "string",
    "exhaustive": "boolean",
    "cue": "string",
    "direction": "string",
    "measure": "string",
    "factor": "float64",
    "factor_qualifier": "string",
    "mode": "string",
    "noun": "string",
    "more_than": "boolean",
    "unit_days": "float64",
}
#: The claims-table columns :func:`quantity_from_row` reads.
_QUANTITY_COLUMNS = ("start", "end", "text", "value", "low", "high", "qualifier", "unit", "noun")
_NUMERAL = re.compile(r"\d[\d,.\u00a0\u202f\u2009 ]*\d|\d")


def find_relations(
    text: str, quantities: Sequence[Quantity], layout: TextLayout | None = None
) -> list[Relation]:
    """Every relation the text states between ``quantities`` (all kinds, in text order)."""
    scan = Scan(text, quantities, layout)
    found = [relation for finder in FINDERS.values() for relation in finder(scan)]
    return sorted(found, key=lambda relation: (relation.anchor, relation.kind))


def relation_rows(article_id: str, relations: Iterable[Relation]) -> list[dict[str, Any]]:
    """Relations-table rows (one per member) of one article's relations."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for relation in relations:
        relation_id = f"{article_id}:{relation.kind}:{relation.anchor}"
        while relation_id in seen:
            relation_id += "+"
        seen.add(relation_id)
        for member, (role, quantity) in enumerate(relation.members):
            row = {
                "relation_id": relation_id,
                "article": article_id,
                "kind": relation.kind,
                "role": role,
                "member": member,
                "claim_id": f"{article_id}:{quantity.start}",
                "unit_days": relation.unit_days.get(member),
            }
            row.update({k: v for k, v in relation.attributes.items() if k in RELATION_COLUMNS})
            rows.append(row)
    return rows


def relation_table(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """The relations table from rows (missing attributes are NA)."""
    frame = pd.DataFrame.from_records(list(rows), columns=list(RELATION_COLUMNS))
    for column, dtype in RELATION_COLUMNS.items():
        series = frame[column]
        frame[column] = series.where(series.notna(), None).astype(dtype)
    return frame


def quantity_from_row(row: Mapping[str, Any]) -> Quantity:
    """A :class:`Quantity` rebuilt from a claims-table row (the numeral span is re-found)."""
    columns = {name: row[name] for name in _QUANTITY_COLUMNS[:-1]}
    return _quantity(**columns, noun=row.get("noun"))


def _quantity(
    start: Any,
    end: Any,
    text: Any,
    value: Any,
    low: Any,
    high: Any,
    qualifier: Any,
    unit: Any,
    noun: Any,
) -> Quantity:
    start, text = int(start), str(text)
    numeral = _NUMERAL.search(text)
    number_start, number_end = (numeral.start(), numeral.end()) if numeral else (0, len(text))
    return Quantity(
        start=start,
        end=int(end),
        value=float(value),
        low=float(low),
        high=float(high),
        qualifier=str(qualifier),
        unit=str(unit),
        noun=None if noun is None or pd.isna(noun) else str(noun),
        number_start=start + number_start,
        number_end=start + number_end,
    )


def relations_for_claims(articles: Iterable[Article], claims: pd.DataFrame) -> pd.DataFrame:
    """The relations table of ``articles``, whose quantities are the rows of ``claims``."""
    # One conversion of the whole table, and only of the columns _quantity reads, walked as
    # tuples: per-article groupby + to_dict costs milliseconds per article, to_dict over
    # every column boxes the sentences cell by cell, and a dict per row costs as much again.
    by_article: dict[str, list[tuple[Any, ...]]] = {}
    columns = [claims[name].tolist() for name in _QUANTITY_COLUMNS]
    articles_column = claims["article"].astype("object").tolist()
    for article, fields in zip(articles_column, zip(*columns, strict=True), strict=True):
        by_article.setdefault(str(article), []).append(fields)
    rows: list[dict[str, Any]] = []
    for article in articles:
        group = by_article.get(article.id)
        if group is None or len(group) < 2:
            continue
        quantities = [_quantity(*fields) for fields in group]
        body = ascii_case_letters(article.body)
        rows.extend(relation_rows(article.id, find_relations(body, quantities)))
    return relation_table(rows)


__all__ = [
    "FINDERS",
    "RELATION_COLUMNS",
    "Relation",
    "find_relations",
    "quantity_from_row",
    "relation_rows",
    "relation_table",
    "relations_for_claims",
]
