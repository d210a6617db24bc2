"""Claims table assembly: the direct conversions equal pandas' generic ones."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.table import (
    COLUMNS,
    QUALIFIERS,
    _typed,
    _typed_generic,
    empty_table,
    table_from_columns,
)


def _assert_same_column(fast: object, generic: object) -> None:
    fast_series, generic_series = pd.Series(fast), pd.Series(generic)
    assert fast_series.dtype == generic_series.dtype
    if isinstance(generic_series.dtype, pd.CategoricalDtype):
        assert list(fast_series.cat.categories) == list(generic_series.cat.categories)
        assert fast_series.cat.categories.dtype == generic_series.cat.categories.dtype
    pd.testing.assert_series_equal(fast_series, generic_series, check_exact=True)


_WORDS = st.one_of(st.none(), st.sampled_from(["troops", "USD", "exact", "range", "Ärzte", ""]))


@given(values=st.lists(_WORDS, max_size=12))
@pytest.mark.parametrize("column", ["entity", "qualifier", "noun"])
def test_text_columns_convert_as_pandas_does(column: str, values: list[str | None]) -> None:
    dtype = COLUMNS[column]
    _assert_same_column(_typed(values, column, dtype), _typed_generic(values, column, dtype))


@given(values=st.lists(st.floats(allow_nan=False), max_size=12))
def test_float_columns_convert_as_pandas_does(values: list[float]) -> None:
    _assert_same_column(
        _typed(values, "value", "float64"), _typed_generic(values, "value", "float64")
    )


@given(values=st.lists(st.integers(-(2**40), 2**40), max_size=12))
def test_int_columns_convert_as_pandas_does(values: list[int]) -> None:
    _assert_same_column(_typed(values, "line", "int64"), _typed_generic(values, "line", "int64"))


def test_unknown_qualifiers_and_missing_cells_become_missing() -> None:
    column = _typed(["exact", "sideways", None], "qualifier", "category")
    assert list(column.categories) == list(QUALIFIERS)
    assert column[0] == "exact" and pd.isna(column[1]) and pd.isna(column[2])


def test_odd_cells_take_the_generic_route() -> None:
    # NaN as a missing text and a number written as text, as hand-written rows may hold
    assert pd.isna(_typed(["a", math.nan], "entity", "category")[1])
    assert _typed(["12", 3.5], "value", "float64").tolist() == [12.0, 3.5]


def test_a_table_of_no_rows_keeps_every_dtype() -> None:
    table = empty_table()
    assert list(table.columns) == list(COLUMNS)
    for column, dtype in COLUMNS.items():
        assert table[column].dtype == dtype, column


def test_table_from_columns_types_every_column() -> None:
    row = {
        "claim_id": "a:0", "article": "a", "line": 1, "col": 1, "start": 0, "end": 5,
        "text": "three", "sentence": "Three left.", "published": pd.NaT, "publisher": None,
        "value": 3.0, "low": 3.0, "high": 3.0, "qualifier": "exact", "unit": "person",
        "noun": None, "metric": None, "entity": None, "source": None, "reported_by": None,
        "period": None, "path": None,
    }  # fmt: skip
    table = table_from_columns({column: [value] for column, value in row.items()})
    assert table["qualifier"].cat.categories.tolist() == list(QUALIFIERS)
    assert table["unit"].cat.categories.tolist() == ["person"]
    assert table["line"].dtype == "int64" and table["value"].dtype == "float64"
    assert table["claim_id"].dtype == "string" and pd.isna(table["noun"][0])
