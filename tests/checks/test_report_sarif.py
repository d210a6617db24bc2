"""SARIF report: valid against the official 2.1.0 schema, stable fingerprints, relative URIs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checks.findings import ClaimRef, Finding, to_records
from checks.report import ReportContext, RuleInfo, Summary, render
from checks.report.sarif import FINGERPRINT_KEY, fingerprint

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "checks" / "data" / "sarif-schema-2.1.0.json"
GOLDEN_DIR = ROOT / "tests" / "fixtures" / "reports"
SUMMARY = Summary(articles=1, claims=2, tagged=2, rules_run=1, by_severity={"warning": 1})


@pytest.fixture(scope="module")
def validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA_PATH.exists():
        pytest.skip(f"official SARIF schema not vendored at {SCHEMA_PATH}")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def _claim(text: str, line: int = 3, col: int = 7, path: str | None = "news/a.md") -> ClaimRef:
    return ClaimRef(f"a:{line * 100 + col}", "a", line, col, text, path)


def _sarif(findings: list[Finding], context: ReportContext | None = None) -> dict[str, Any]:
    output = render("sarif", to_records(findings), SUMMARY, context or ReportContext())
    return json.loads(output)


def _assert_valid(validator: Any, log: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


@pytest.mark.parametrize("name", ["findings.sarif", "empty.sarif"])
def test_golden_logs_validate_against_official_schema(validator: Any, name: str) -> None:
    _assert_valid(validator, json.loads((GOLDEN_DIR / name).read_text(encoding="utf-8")))


def test_edge_cases_validate(validator: Any) -> None:
    findings = [
        Finding("no-claims", "info", "a derived figure with no claim", ()),
        Finding("in-memory", "error", "line\nbreak", (_claim("12 000 troops", path=None),)),
        Finding("odd-path", "warning", "m", (_claim("9%", path="/elsewhere/x y#1.md"),)),
    ]
    _assert_valid(validator, _sarif(findings, ReportContext(base_dir="/work/project")))


def test_schema_rejects_a_broken_log(validator: Any) -> None:
    log = _sarif([Finding("r", "warning", "m", (_claim("3 tanks"),))])
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(log))


def test_driver_lists_context_and_finding_only_rules() -> None:
    context = ReportContext(
        rules=(RuleInfo("losses-agree", "agree", "warning", "Totals agree.", "Long help."),),
        tool_version="1.2.3",
    )
    log = _sarif([Finding("part-of:killed-losses", "info", "m", (_claim("40 dead"),))], context)
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("numcheck", "1.2.3")
    assert [rule["id"] for rule in driver["rules"]] == ["losses-agree", "part-of:killed-losses"]
    assert driver["rules"][0]["help"]["text"] == "Long help."
    assert driver["rules"][0]["defaultConfiguration"]["level"] == "warning"
    result = log["runs"][0]["results"][0]
    assert result["ruleIndex"] == 1
    assert result["level"] == "note"


def test_result_location_and_related_locations() -> None:
    first, second = _claim("about 1,100 casualties", 4, 9), _claim("over 3,000", 8, 2, "news/b.md")
    log = _sarif([Finding("losses-agree", "warning", "apart", (first, second))])
    result = log["runs"][0]["results"][0]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "news/a.md"
    assert location["region"]["startLine"] == 4
    assert location["region"]["startColumn"] == 9
    assert location["region"]["endColumn"] == 9 + len("about 1,100 casualties")
    related = result["relatedLocations"]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == ["news/b.md"]
    assert related[0]["physicalLocation"]["region"]["startLine"] == 8


def test_uri_is_relative_to_base_dir_with_forward_slashes() -> None:
    context = ReportContext(base_dir="/work/project")
    claim = _claim("7 days", path="/work/project/news/dec/a b.md")
    uri = _sarif([Finding("r", "warning", "m", (claim,))], context)["runs"][0]["results"][0][
        "locations"
    ][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "news/dec/a%20b.md"


def test_uri_falls_back_to_article_id() -> None:
    claim = ClaimRef("feed.jsonl#3:10", "feed.jsonl#3", 1, 11, "2 brigades", None)
    log = _sarif([Finding("r", "warning", "m", (claim,))])
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "feed.jsonl%233"


def test_fingerprint_ignores_positions_but_not_texts_rules_or_articles() -> None:
    def record(rule: str, text: str, line: int, article: str = "a") -> dict[str, Any]:
        claim = ClaimRef(f"{article}:1", article, line, line + 4, text, "news/a.md")
        return to_records([Finding(rule, "warning", f"message {line}", (claim,))])[0]

    base = fingerprint(record("losses-agree", "1,100 casualties", 3))
    assert base == fingerprint(record("losses-agree", "1,100 casualties", 40))
    assert base != fingerprint(record("losses-agree", "1,200 casualties", 3))
    assert base != fingerprint(record("losses-differ", "1,100 casualties", 3))
    assert base != fingerprint(record("losses-agree", "1,100 casualties", 3, article="b"))


def test_fingerprint_is_in_each_result() -> None:
    record = to_records([Finding("r", "error", "m", (_claim("5 units"),))])[0]
    log = _sarif([Finding("r", "error", "m", (_claim("5 units"),))])
    assert log["runs"][0]["results"][0]["partialFingerprints"] == {
        FINGERPRINT_KEY: fingerprint(record)
    }


def test_non_finite_detail_is_strict_json() -> None:
    detail = {"low": float("nan"), "high": float("inf"), "floor": float("-inf")}
    output = render(
        "sarif",
        to_records([Finding("r", "warning", "m", (_claim("3 tanks"),), detail)]),
        SUMMARY,
        ReportContext(),
    )
    assert "NaN" not in output and "Infinity" not in output
    stored = json.loads(output)["runs"][0]["results"][0]["properties"]["detail"]
    assert stored == {"low": None, "high": "inf", "floor": "-inf"}


def test_fingerprint_matches_the_finding_and_baselines() -> None:
    finding = Finding("r", "warning", "m", (_claim("3 tanks"), _claim("9 tanks", 5)))
    record = to_records([finding])[0]
    assert fingerprint(record) == finding.fingerprint()
    without = {key: value for key, value in record.items() if key != "fingerprint"}
    assert fingerprint(without) == finding.fingerprint()
