"""Every case of tests/fixtures/builtin/*.yaml: text -> relations -> built-in findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from checks.engine.pandas.builtin import run_builtin
from checks.engine.pandas.frame import prepare
from checks.findings import Finding
from checks.rules.model import Fact, RuleFile
from checks.rules.values import parse_percentage
from claims.quantities import Quantity, find_quantities
from claims.relations import find_relations, relation_rows, relation_table
from claims.relations.base import Relation, written_quantity
from claims.table import build_table
from claims.vocab import Vocabulary

CASES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "builtin"
ARTICLE = "case"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in document["cases"]:
            params.append(pytest.param(document["check"], case, id=f"{path.stem}:{case['name']}"))
    return params


def _quantity(text: str, spec: Any) -> Quantity:
    written, value, *rest = spec
    options = dict(rest[0]) if rest else {}
    if "unit" not in options and "%" in written:
        options["unit"] = "percent"
    return written_quantity(text, written, value, **options)


def _quantities(text: str, case: dict[str, Any]) -> list[Quantity]:
    if "quantities" in case:
        return [_quantity(text, spec) for spec in case["quantities"]]
    try:
        return find_quantities(text, Vocabulary())
    except NotImplementedError:
        pytest.skip("claims.find_quantities is not implemented yet")


def _claims(text: str, quantities: list[Quantity]) -> pd.DataFrame:
    rows = [
        {
            "claim_id": f"{ARTICLE}:{q.start}",
            "article": ARTICLE,
            "line": 1,
            "col": q.start + 1,
            "start": q.start,
            "end": q.end,
            "text": text[q.start : q.end],
            "sentence": text,
            "published": None,
            "publisher": None,
            "value": q.value,
            "low": q.low,
            "high": q.high,
            "qualifier": q.qualifier,
            "unit": q.unit,
            "noun": q.noun,
            "metric": None,
            "entity": None,
            "source": None,
            "reported_by": None,
            "period": None,
            "path": None,
        }
        for q in quantities
    ]
    return prepare(build_table(rows))


def _rule_file(case: dict[str, Any]) -> RuleFile:
    defaults = {}
    for name, settings in (case.get("defaults") or {}).items():
        settings = dict(settings)
        if "tolerance" in settings:
            settings["tolerance"] = parse_percentage(settings["tolerance"])
        defaults[name] = settings
    facts = {
        key: Fact(key=key, value=spec.get("value"), unit=spec["unit"], **_bounds(spec))
        for key, spec in (case.get("facts") or {}).items()
    }
    return RuleFile(None, 1, Vocabulary(), facts=facts, defaults=defaults)


def _bounds(spec: dict[str, Any]) -> dict[str, float]:
    return {name: float(spec[name]) for name in ("low", "high") if name in spec}


def _described(text: str, relation: Relation) -> dict[str, Any]:
    roles: dict[str, list[str]] = {}
    for role, quantity in relation.members:
        roles.setdefault(role, []).append(text[quantity.start : quantity.end])
    return {"kind": relation.kind, "roles": roles, "attributes": dict(relation.attributes)}


def _check_relations(text: str, found: list[Relation], expected: list[dict[str, Any]]) -> None:
    described = [_described(text, relation) for relation in found]
    assert [(d["kind"], d["roles"]) for d in described] == [
        (e["kind"], e["roles"]) for e in expected
    ]
    for got, want in zip(described, expected, strict=True):
        for key, value in (want.get("attributes") or {}).items():
            assert got["attributes"].get(key) == value, (key, got["attributes"])


def _check_findings(findings: list[Finding], expected: list[dict[str, Any]]) -> None:
    summary = [(f.rule, f.severity, f.message) for f in findings]
    assert len(findings) == len(expected), summary
    for finding, want in zip(findings, expected, strict=True):
        assert finding.rule == want["rule"], summary
        assert finding.severity == want.get("severity", "warning"), summary
        for part in want.get("message_has", []):
            assert part in finding.message, (part, finding.message)
        if "claims" in want:
            assert [claim.text for claim in finding.claims] == want["claims"]


@pytest.mark.parametrize(("check", "case"), _cases())
def test_builtin_case(check: str, case: dict[str, Any]) -> None:
    text = case["text"]
    quantities = _quantities(text, case)
    found = find_relations(text, quantities)
    if "relations" in case:
        _check_relations(text, found, case["relations"])
    relations = relation_table(relation_rows(ARTICLE, found))
    findings, ran = run_builtin(_claims(text, quantities), relations, _rule_file(case))
    assert ran == 6 - sum(
        1 for settings in (case.get("defaults") or {}).values() if settings.get("enabled") is False
    )
    _check_findings([f for f in findings if f.rule == check], case["expect"])
    assert all(f.rule == check for f in findings), [(f.rule, f.message) for f in findings]


@pytest.mark.parametrize(("check", "case"), _cases())
def test_builtin_case_through_the_extractor(check: str, case: dict[str, Any]) -> None:
    """The same text with quantities from claims.find_quantities: the same verdicts."""
    text = case["text"]
    quantities = _quantities(text, {})
    relations = relation_table(relation_rows(ARTICLE, find_relations(text, quantities)))
    findings, _ = run_builtin(_claims(text, quantities), relations, _rule_file(case))
    got = [(f.rule, f.severity) for f in findings]
    assert got == [(want["rule"], want.get("severity", "warning")) for want in case["expect"]]
