"""The relations table, rebuilding quantities from claims, and robustness."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.articles import Article
from claims.quantities import Quantity
from claims.relations import (
    RELATION_COLUMNS,
    find_relations,
    quantity_from_row,
    relation_rows,
    relation_table,
    relations_for_claims,
)
from claims.relations.base import written_quantity

TEXT = "The convoy lost 15 vehicles: three buggies, twelve cars and an armored vehicle."


def _quantities() -> list[Quantity]:
    return [
        written_quantity(TEXT, "15 vehicles", 15, noun="vehicles", number="15"),
        written_quantity(TEXT, "three buggies", 3, noun="buggies", number="three"),
        written_quantity(TEXT, "twelve cars", 12, noun="cars", number="twelve"),
        written_quantity(TEXT, "an armored vehicle", 1, noun="vehicle", number="an"),
    ]


def test_rows_are_keyed_by_claim_id_with_relation_attributes() -> None:
    table = relation_table(relation_rows("a1", find_relations(TEXT, _quantities())))
    assert list(table.columns) == list(RELATION_COLUMNS)
    assert table["claim_id"].tolist() == ["a1:16", "a1:29", "a1:44", "a1:60"]
    assert table["role"].tolist() == ["total", "part", "part", "part"]
    assert table["relation_id"].nunique() == 1
    assert table["exhaustive"].tolist() == [True] * 4
    assert table["measure"].isna().all()


def test_empty_table_has_the_columns_and_dtypes() -> None:
    table = relation_table([])
    assert table.empty
    assert {column: str(dtype) for column, dtype in table.dtypes.items()}["factor"] == "float64"


def test_quantity_from_row_refinds_the_numeral() -> None:
    row = {
        "start": 10,
        "end": 39,
        "text": "approximately 1,100 personnel",
        "value": 1100.0,
        "low": 990.0,
        "high": 1210.0,
        "qualifier": "approx",
        "unit": "person",
        "noun": pd.NA,
    }
    quantity = quantity_from_row(row)
    assert (quantity.number_start, quantity.number_end) == (24, 29)
    assert quantity.noun is None


def test_relations_for_claims_uses_the_article_bodies() -> None:
    quantities = _quantities()
    claims = pd.DataFrame(
        [
            {
                "article": "a1",
                "start": q.start,
                "end": q.end,
                "text": TEXT[q.start : q.end],
                "value": q.value,
                "low": q.low,
                "high": q.high,
                "qualifier": q.qualifier,
                "unit": q.unit,
                "noun": q.noun,
            }
            for q in quantities
        ]
    )
    article = Article(id="a1", body=TEXT)
    table = relations_for_claims([article], claims)
    assert table["kind"].unique().tolist() == ["breakdown"]
    assert len(table) == 4


WORDS = ["of the", "including", ",", "and", "from", "to", "rose", "a day", "in", "times"]
WORDS += ["in all", ".", "or", ":", "equal to", "doubled", "fell by a third", "wages"]
NUMBERS = ["3", "12", "40%", "1,100", "three days", "twice", "$2,000", "83 wages"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS + NUMBERS), max_size=25))
def test_find_relations_never_raises_and_uses_only_given_quantities(tokens: list[str]) -> None:
    text = " ".join(tokens)
    quantities, cursor = [], 0
    for token in tokens:
        start = text.index(token, cursor)
        cursor = start + len(token)
        if token in NUMBERS:
            unit = "percent" if "%" in token else "day" if "days" in token else "dimensionless"
            noun = "wages" if "wages" in token else None
            quantities.append(
                Quantity(start, cursor, 3.0, 3.0, 3.0, "exact", unit, noun, start, cursor)
            )
    relations = find_relations(text, quantities)
    given_spans = {(q.start, q.end) for q in quantities}
    for relation in relations:
        assert {(q.start, q.end) for _, q in relation.members} <= given_spans
    assert [r.anchor for r in relations] == sorted(r.anchor for r in relations)
    table = relation_table(relation_rows("a", relations))
    assert len(table) == sum(len(r.members) for r in relations)
