"""JSON report and the format registry: strict JSON, stable order, unknown formats."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.findings import ClaimRef, Finding, to_records
from checks.report import (
    FORMATS,
    ReportContext,
    Summary,
    count_by_severity,
    formatter,
    render,
)
from checks.report.json import json_safe
from claims.errors import UsageError

CLAIM = ClaimRef("a:10", "a", 2, 4, "about 1,100 casualties", "news/a.md")
SUMMARY = Summary(articles=1, claims=1, tagged=1, rules_run=1, by_severity={"warning": 1})


def test_document_shape_and_key_order() -> None:
    records = to_records([Finding("r", "warning", "m", (CLAIM,), {"b": 1, "a": 2})])
    document = json.loads(render("json", records, SUMMARY, ReportContext()))
    assert list(document) == ["findings", "summary"]
    finding = document["findings"][0]
    assert list(finding) == ["fingerprint", "rule", "severity", "message", "claims", "detail"]
    assert list(finding["claims"][0]) == ["claim_id", "article", "line", "col", "text", "path"]
    assert finding["detail"] == {"b": 1, "a": 2}
    assert document["summary"] == {
        "articles": 1,
        "claims": 1,
        "tagged": 1,
        "rules_run": 1,
        "findings": 1,
        "by_severity": {"error": 0, "warning": 1, "info": 0},
        "suppressed": 0,
        "skipped": [],
        "problems": [],
        "elapsed_seconds": None,
    }


def test_extra_record_keys_come_last_in_sorted_order() -> None:
    record = {"zeta": 1, "rule": "r", "alpha": 2, "severity": "info", "message": "m"}
    document = json.loads(render("json", [record], SUMMARY, ReportContext()))
    assert list(document["findings"][0]) == [
        "rule",
        "severity",
        "message",
        "claims",
        "detail",
        "alpha",
        "zeta",
    ]


def test_non_finite_numbers_are_strict_json() -> None:
    record = {"rule": "r", "severity": "info", "message": "m", "claims": [], "detail": {}}
    record["detail"] = {"low": float("-inf"), "high": float("inf"), "mid": float("nan")}
    output = render("json", [record], SUMMARY, ReportContext())
    assert json.loads(output)["findings"][0]["detail"] == {
        "low": "-inf",
        "high": "inf",
        "mid": None,
    }


def test_output_is_deterministic_and_keeps_unicode() -> None:
    claim = ClaimRef("a:1", "a", 1, 1, "₩2.76 million", "news/a.md")
    records = to_records([Finding("r", "info", "pay in won", (claim,))])
    first = render("json", records, SUMMARY, ReportContext())
    assert first == render("json", records, SUMMARY, ReportContext())
    assert "₩2.76 million" in first


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
        max_leaves=10,
    )
)
def test_json_safe_always_serialises_strictly(value: object) -> None:
    # allow_nan=False raises on any NaN or infinity left behind.
    text = json.dumps(json_safe(value), allow_nan=False)
    assert json.loads(text) == json_safe(value)


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"unknown report format 'pdf'.*text"):
        render("pdf", [], SUMMARY, ReportContext())


def test_registering_a_name_twice_fails() -> None:
    with pytest.raises(RuntimeError, match="registered twice"):
        formatter("text")(lambda records, summary, context: "")
    assert FORMATS["text"].__name__ == "render_text"


def test_count_by_severity_covers_every_severity() -> None:
    records = [{"severity": "error"}, {"severity": "error"}, {"severity": "info"}]
    assert count_by_severity(records) == {"error": 2, "warning": 0, "info": 1}
    assert count_by_severity([]) == {"error": 0, "warning": 0, "info": 0}


def test_summary_total_ignores_missing_severities() -> None:
    summary = Summary(1, 1, 1, 1, by_severity={"error": 2})
    assert summary.findings == 2
    assert summary.count("warning") == 0
    assert summary.to_record()["by_severity"] == {"error": 2, "warning": 0, "info": 0}
