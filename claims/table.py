"""The claims table: its columns, their dtypes, and assembly into a DataFrame."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
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
    frame = pd.DataFrame(
        {column: columns[column] for column in COLUMNS}, columns=list(COLUMNS), dtype=object
    )
    for column, dtype in COLUMNS.items():
        series = frame[column]
        if dtype == "datetime64[ns]":
            frame[column] = pd.to_datetime(series, errors="coerce").astype(dtype)
        elif dtype in ("float64",):
            frame[column] = pd.to_numeric(series, errors="coerce").astype(dtype)
        elif dtype == "int64":
            frame[column] = series.astype(dtype)
        else:
            frame[column] = series.where(series.notna(), None).astype(dtype)
    frame["qualifier"] = frame["qualifier"].cat.set_categories(QUALIFIERS)
    return frame.reset_index(drop=True)


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
