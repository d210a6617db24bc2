"""The built-in check runner: registry, settings, and the seed article's arithmetic."""

from __future__ import annotations

import inspect
from pathlib import Path

import pandas as pd
import pytest

from checks.engine.pandas.builtin import load_builtins, run_builtin, settings_for
from checks.engine.pandas.frame import prepare
from checks.rules.model import BUILTIN_CHECKS, Fact, RuleFile
from claims.quantities import Quantity
from claims.relations import find_relations, relation_rows, relation_table
from claims.relations.base import written_quantity as w
from claims.table import build_table
from claims.vocab import Vocabulary

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "seeds" / "000_e35d71710bbe9a77.txt").read_text(encoding="utf-8")
#: the built-in checks of the text's own arithmetic (``part_of`` is the vocabulary's)
TEXT_CHECKS = ("breakdown", "sum", "percent", "change", "multiple", "rate")
WAGE = Fact("nk_annual_wage", None, "USD / person / year", low=15.0, high=60.0)


def test_every_builtin_check_has_an_evaluator_docs_and_cases() -> None:
    checks = load_builtins()
    assert set(checks) == set(TEXT_CHECKS)
    assert set(checks) <= set(BUILTIN_CHECKS)
    for name, function in checks.items():
        doc = inspect.getmodule(function).__doc__ or ""
        assert "Flagged" in doc and "Passing" in doc, name
        assert (ROOT / "tests" / "fixtures" / "builtin" / f"{name}.yaml").is_file(), name


def test_settings_come_from_defaults() -> None:
    rules = RuleFile(None, 1, Vocabulary(), defaults={"rate": {"enabled": False, "tolerance": 0.1}})
    assert settings_for("rate", rules).enabled is False
    assert settings_for("rate", rules).tolerance == 0.1
    assert settings_for("sum", rules).severity == "warning"


def _seed_quantities() -> list[Quantity]:
    body = SEED
    return [
        w(body, "approximately 1,100 personnel", 1100, low=990, high=1210, unit="person"),
        w(body, "up to 12,000 soldiers", 12000, low=0, high=12000, qualifier="upper"),
        w(body, "$2,000 for each soldier", 2000, unit="USD / person", number="2,000"),
        w(body, "83 annual wages", 83, noun="annual wages"),
        w(body, "77 North Korean soldiers", 77, unit="person", noun="soldiers", number="77"),
        w(body, "40 in just", 40, number="40"),
        w(body, "three days", 3, unit="day", noun="days", number="three"),
        w(body, "several vehicles", 5.2, low=3, high=9, qualifier="vague", noun="vehicles"),
        w(body, "three buggies", 3, noun="buggies", number="three"),
        w(body, "twelve cars", 12, noun="cars", number="twelve"),
        w(body, "an armored vehicle", 1, noun="vehicle", number="an"),
    ]


def _claims(body: str, quantities: list[Quantity]) -> pd.DataFrame:
    rows = []
    for q in quantities:
        rows.append(
            {
                "claim_id": f"seed:{q.start}",
                "article": "seed",
                "line": body.count("\n", 0, q.start) + 1,
                "col": 1,
                "start": q.start,
                "end": q.end,
                "text": body[q.start : q.end],
                "sentence": "",
                "published": None,
                "value": q.value,
                "low": q.low,
                "high": q.high,
                "qualifier": q.qualifier,
                "unit": q.unit,
                "noun": q.noun,
            }
            | dict.fromkeys(("publisher", "metric", "entity", "source", "reported_by"))
            | {"period": None, "path": None}
        )
    return prepare(build_table(rows))


def test_seed_reports_the_implied_wage_and_nothing_else() -> None:
    quantities = _seed_quantities()
    relations = relation_table(relation_rows("seed", find_relations(SEED, quantities)))
    rules = RuleFile(None, 1, Vocabulary(), facts={"nk_annual_wage": WAGE})
    findings, ran = run_builtin(_claims(SEED, quantities), relations, rules)
    assert ran == len(TEXT_CHECKS)
    assert sorted(relations["kind"].unique()) == ["breakdown", "multiple"]
    assert [(f.rule, f.severity) for f in findings] == [("multiple", "info")]
    assert "2,000 / 83 = 24.10" in findings[0].message
    assert "within nk_annual_wage" in findings[0].message
    assert findings[0].detail["implied"] == "one annual wage"
    assert findings[0].detail["value"] == pytest.approx(2000 / 83)


def test_a_relation_whose_claim_is_missing_is_dropped() -> None:
    quantities = _seed_quantities()
    relations = relation_table(relation_rows("seed", find_relations(SEED, quantities)))
    claims = _claims(SEED, quantities)
    without_wages = claims[~claims["text"].eq("83 annual wages")]
    findings, _ = run_builtin(without_wages, relations, RuleFile(None, 1, Vocabulary()))
    assert findings == []


def test_no_relations_no_findings_but_checks_still_count() -> None:
    rules = RuleFile(None, 1, Vocabulary(), defaults={"sum": {"enabled": False}})
    findings, ran = run_builtin(_claims(SEED, []), relation_table([]), rules)
    assert (findings, ran) == ([], len(TEXT_CHECKS) - 1)


def test_check_on_the_seed_article_reports_only_the_implied_wage() -> None:
    from checks.runner import check

    result = check([ROOT / "seeds" / "000_e35d71710bbe9a77.txt"], ROOT / "rules.yaml")
    arithmetic = [f for f in result.findings if f.rule in TEXT_CHECKS]
    assert [(f.rule, f.severity) for f in arithmetic] == [("multiple", "info")]
    assert "24.10" in arithmetic[0].message
    assert [c.text for c in arithmetic[0].claims] == ["$2,000 for each soldier", "83 annual wages"]
