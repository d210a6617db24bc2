"""``{"findings": [...], "summary": {...}}``: the machine-readable report (SPEC).

Keys come in a fixed order (the record order of :mod:`checks.findings`, then any
extra keys sorted), so two runs over the same input print byte-identical JSON.
Strict JSON only: NaN becomes ``null`` and infinities the strings ``"inf"`` / ``"-inf"``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

from checks.report import Record, ReportContext, Summary, formatter

_RECORD_KEYS = ("fingerprint", "rule", "severity", "message", "claims", "detail")
_CLAIM_KEYS = ("claim_id", "article", "line", "col", "text", "path")


@formatter("json")
def render_json(records: Sequence[Record], summary: Summary, context: ReportContext) -> str:
    """The findings and the summary as indented, strict JSON."""
    document = {
        "findings": [_ordered_record(record) for record in records],
        "summary": summary.to_record(),
    }
    return json.dumps(json_safe(document), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def json_safe(value: Any) -> Any:
    """A copy that strict JSON accepts: NaN -> None, ±inf -> "inf"/"-inf", tuples -> lists."""
    if isinstance(value, Mapping):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _ordered_record(record: Record) -> dict[str, Any]:
    ordered: dict[str, Any] = {key: record[key] for key in _RECORD_KEYS[:4] if key in record}
    ordered["claims"] = [_ordered(claim, _CLAIM_KEYS) for claim in record.get("claims") or []]
    ordered["detail"] = record.get("detail") or {}
    ordered.update({key: record[key] for key in sorted(record) if key not in ordered})
    return ordered


def _ordered(mapping: Mapping[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    ordered = {key: mapping[key] for key in known if key in mapping}
    ordered.update({key: mapping[key] for key in sorted(mapping) if key not in ordered})
    return ordered
