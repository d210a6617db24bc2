"""The claims table: its columns, their dtypes, and assembly into a DataFrame."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from typing import Any

import numpy as np
import pandas as pd

#: Column name -> pandas dtype, in SPEC order. Repeated strings are categoricals.
COLUMNS: dict[str, str] = {
    "claim_id": "string",
    "article": "category",
    "line": "int64",
    "col": "int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "sentence": "string",
    "published": "datetime64[ns]",
    "publisher": "category",
    "value": "float64",
    "low": "float64",
    "high": "float64",
    "qualifier": "category",
    "unit": "category",
    "noun": "string",
    "metric": "category",
    "entity": "category",
    "source": "category",
    "reported_by": "category",
    "period": "string",
    # Beyond SPEC: the article's file (for report locations); NA for in-memory articles.
    "path": "category",
}
QUALIFIERS = ("exact", "approx", "upper", "lower", "range", "vague")


#: A claims table as one list per column (every name of :data:`COLUMNS`), rows aligned.
Columns = dict[str, list[Any]]


def build_table(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A claims table from row mappings holding (at least) every column in :data:`COLUMNS`."""
    rows = list(rows)
    return table_from_columns({column: [row.get(column) for row in rows] for column in COLUMNS})


def table_from_columns(columns: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """A claims table from one sequence per column of :data:`COLUMNS`, rows aligned."""
    # each column is typed on its own and the frame is assembled once from typed arrays:
    # an all-object frame converted column by column cost pandas a copy per column
    frame = pd.DataFrame(
        {column: _typed(columns[column], column, dtype) for column, dtype in COLUMNS.items()},
        columns=list(COLUMNS),
    )
    return frame.reset_index(drop=True)


def _typed(values: Sequence[Any], column: str, dtype: str) -> Any:
    """``values`` as an array of ``dtype``; plain Python values take a direct route.

    The extractor produces only ``str``, ``int``, ``float`` and None cells, whose direct
    conversion equals pandas' generic one; anything else (NaN as missing, numpy scalars,
    strings in number columns from hand-written rows) goes through :func:`_typed_generic`.
    """
    kinds = set(map(type, values))
    if dtype == "category" and kinds <= _TEXT_KINDS:
        categories = QUALIFIERS if column == "qualifier" else None
        return _categorical(values, categories)
    if dtype == "string" and kinds <= _TEXT_KINDS:
        return pd.array(values, dtype="string")
    if dtype == "int64" and kinds <= {int}:
        return np.array(values, dtype=np.int64)
    if dtype == "float64" and kinds <= {float}:
        return np.array(values, dtype=np.float64)
    return _typed_generic(values, column, dtype)


_TEXT_KINDS = frozenset([str, type(None)])


def _categorical(values: Sequence[str | None], categories: Sequence[str] | None) -> Any:
    """A categorical of ``values`` with ``categories`` (default: the values, sorted as pandas
    sorts them); values outside ``categories`` and None are missing."""
    if categories is None:
        categories = sorted({value for value in values if value is not None})
    code_of: dict[str | None, int] = {category: code for code, category in enumerate(categories)}
    codes = np.array(list(map(code_of.get, values, repeat(-1, len(values)))), dtype=np.int64)
    return pd.Categorical.from_codes(codes, categories=pd.Index(list(categories)))


def _typed_generic(values: Sequence[Any], column: str, dtype: str) -> Any:
    """Pandas' own conversion of any cells (NaN and NA mean missing; bad numbers -> NaN)."""
    series = pd.Series(values, dtype=object)
    if dtype == "datetime64[ns]":
        return pd.to_datetime(series, errors="coerce").astype(dtype)
    if dtype == "float64":
        return pd.to_numeric(series, errors="coerce").astype(dtype)
    if dtype == "int64":
        return series.astype(dtype)
    typed = series.where(series.notna(), None).astype(dtype)
    if column == "qualifier":
        typed = typed.cat.set_categories(QUALIFIERS)
    return typed


def empty_table() -> pd.DataFrame:
    """A claims table with no rows and the right columns and dtypes."""
    return build_table([])


def json_safe(value: Any) -> Any:
    """A cell as JSON wants it: NaN/NaT/NA -> None, inf -> "inf", timestamps -> ISO text."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float | np.floating):
        if np.isnan(value):
            return None
        if np.isinf(value):
            return "inf" if value > 0 else "-inf"
        return float(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value
