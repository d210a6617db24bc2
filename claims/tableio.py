"""The claims table in the output formats of ``numcheck extract``."""

from __future__ import annotations

import io
import json

import pandas as pd

from claims.errors import UsageError
from claims.table import COLUMNS, json_safe

#: Columns shown by the human-readable table (the rest are in csv/json/parquet).
TABLE_VIEW = (
    "article",
    "line",
    "col",
    "text",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "metric",
    "entity",
    "source",
    "period",
)


def table_records(table: pd.DataFrame) -> list[dict[str, object]]:
    """Rows as JSON-ready dicts with every column (NaN -> None, inf -> "inf")."""
    columns = list(COLUMNS)
    return [
        {column: json_safe(value) for column, value in zip(columns, row, strict=True)}
        for row in table[columns].itertuples(index=False, name=None)
    ]


def format_table(table: pd.DataFrame, fmt: str) -> str | bytes:
    """``table`` rendered as ``fmt``: table, csv, json, jsonl or parquet (bytes)."""
    if fmt == "json":
        return json.dumps(table_records(table), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in table_records(table))
    if fmt == "csv":
        return table.to_csv(index=False)
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise UsageError(
                "parquet output needs pyarrow: pip install 'numcheck[parquet]'"
            ) from None
        buffer = io.BytesIO()
        table.to_parquet(buffer, index=False)
        return buffer.getvalue()
    if table.empty:
        return "no claims found\n"
    view = table[list(TABLE_VIEW)].copy()
    with pd.option_context(
        "display.max_rows", None, "display.max_colwidth", 40, "display.width", 200
    ):
        return view.to_string(index=False, float_format=_figure) + "\n"


def _figure(value: float) -> str:
    """A figure as a reader writes it: 1100 not 1100.000000, inf as inf."""
    return f"{value:.10g}"
