"""The ``holds`` kind: options, binding claims, violations and implied values."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from checks.casefile import claim_row
from checks.engine.pandas import EVALUATORS
from checks.engine.pandas.frame import prepare
from checks.engine.pandas.holds import evaluate, violation
from checks.findings import Finding
from checks.kinds import KINDS, KindContext
from checks.kinds.holds import HoldsOptions
from checks.rules.model import Fact, Rule, RuleFile
from claims.errors import ConfigError
from claims.table import build_table
from claims.vocab import Vocabulary

VOCABULARY = Vocabulary.from_mapping(
    {
        "units": ["person = [headcount] = soldier = soldiers"],
        "metrics": {
            "killed": {"unit": "person"},
            "wounded": {"unit": "person"},
            "deployed": {"unit": "person"},
            "pay_per_soldier": {"unit": "USD / person"},
            "wage_multiple": {"unit": "dimensionless"},
            "killed_per_day": {"unit": "person / day"},
            "days_fought": {"unit": "day"},
        },
    }
)
FACTS = {"nk_annual_wage": Fact("nk_annual_wage", None, "USD / person / year", 15, 60)}
RULE_FILE = RuleFile(path=None, version=1, vocabulary=VOCABULARY, facts=FACTS)
WAGE_EXPR = "pay_per_soldier == wage_multiple * nk_annual_wage * year"


def options(**raw: Any) -> HoldsOptions:
    return HoldsOptions.from_mapping(raw, KindContext(VOCABULARY, FACTS, "test-rule"))


def run(
    rows: list[dict[str, Any]], *, severity: str = "error", message: str | None = None, **raw: Any
) -> list[Finding]:
    rule = Rule("test-rule", "holds", severity, options(**raw), message=message)
    return evaluate(
        rule,
        prepare(
            build_table(
                claim_row(i, {"unit": "person", "start": i, **row}) for i, row in enumerate(rows)
            )
        ),
        RULE_FILE,
    )


def ids(finding: Finding) -> list[str]:
    return [ref.claim_id for ref in finding.claims]


# -- options ---------------------------------------------------------------------------


def test_registered_with_an_evaluator() -> None:
    assert KINDS["holds"] is HoldsOptions
    assert EVALUATORS["holds"] is evaluate


def test_docstring_has_flagged_and_passing_examples() -> None:
    doc = HoldsOptions.__doc__ or ""
    assert "Flagged::" in doc and "Passing::" in doc and "kind: holds" in doc


def test_defaults() -> None:
    parsed = options(expr="killed <= deployed")
    assert (parsed.scope, parsed.tolerance, parsed.max_combinations) == ("article", 0.0, 200)
    assert parsed.scope_column == "article"
    assert options(expr="killed <= deployed", scope="source").scope_column == (
        "source_or_publisher"
    )
    assert set(parsed.message_fields()) >= {"killed", "deployed", "lhs", "rhs", "expr"}


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ({}, "expr"),
        ({"expr": "killed <= deployd"}, "expr"),
        ({"expr": "killed <= deployed", "scope": "country"}, "scope"),
        ({"expr": "killed <= deployed", "tolerance": "lots"}, "tolerance"),
        ({"expr": "killed <= deployed", "max_combinations": 0}, "max_combinations"),
        ({"expr": "killed <= deployed", "max_combinations": "many"}, "max_combinations"),
        ({"expr": "killed <= deployed", "within": "article"}, "within"),
    ],
)
def test_bad_options(raw: dict[str, Any], key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        options(**raw)
    assert caught.value.key == key


# -- violations ------------------------------------------------------------------------


def test_casualties_above_deployment_fire() -> None:
    rows = [
        {"value": 400, "metric": "killed"},
        {"value": 300, "metric": "wounded"},
        {"value": 500, "metric": "deployed"},
    ]
    [finding] = run(rows, expr="killed + wounded <= deployed")
    assert finding.severity == "error"
    assert ids(finding) == ["a1:0", "a1:1", "a1:2"]
    assert finding.detail["lhs"] == [700, 700] and finding.detail["rhs"] == [500, 500]
    assert finding.detail["deviation"] == pytest.approx(0.4)
    assert finding.detail["bindings"] == {"killed": "a1:0", "wounded": "a1:1", "deployed": "a1:2"}


def test_casualties_within_deployment_pass() -> None:
    rows = [{"value": 400, "metric": "killed"}, {"value": 12000, "metric": "deployed"}]
    assert run(rows, expr="killed <= deployed") == []


def test_hedged_intervals_are_used_not_points() -> None:
    rows = [
        {"value": 550, "low": 495, "high": 605, "metric": "killed"},
        {"value": 500, "metric": "deployed"},
    ]
    assert run(rows, expr="killed <= deployed") == []
    rows[0].update(low=550, high=float("inf"))
    assert len(run(rows, expr="killed <= deployed")) == 1


def test_reversed_operator_means_the_same() -> None:
    rows = [{"value": 900, "metric": "killed"}, {"value": 500, "metric": "deployed"}]
    assert len(run(rows, expr="deployed >= killed")) == 1
    assert run(rows, expr="deployed <= killed") == []


def test_tolerance_gives_slack() -> None:
    rows = [{"value": 520, "metric": "killed"}, {"value": 500, "metric": "deployed"}]
    assert run(rows, expr="killed <= deployed", tolerance="5%") == []
    assert len(run(rows, expr="killed <= deployed", tolerance="3%")) == 1


def test_violation_rules_per_operator() -> None:
    def check(lhs: tuple, rhs: tuple, op: str, tolerance: float = 0.0) -> bool:
        as_arrays = [
            (pd.Series([lo]).to_numpy(), pd.Series([hi]).to_numpy()) for lo, hi in (lhs, rhs)
        ]
        return bool(violation(as_arrays[0], as_arrays[1], op, tolerance)[0][0])

    assert check((5, 5), (5, 5), "<") and not check((5, 5), (5, 5), "<=")
    assert check((6, 6), (5, 5), "<=") and not check((6, 6), (5, 5), "<=", 0.2)
    assert check((1, 2), (3, 4), "==") and not check((1, 3), (3, 4), "==")
    assert not check((1, 2), (2.1, 4), "==", 0.1)
    assert not check((0, float("inf")), (5, 5), ">=")


def test_period_figure_is_not_set_against_standing_total() -> None:
    rows = [
        {"value": 77, "metric": "killed", "period": "3 days"},
        {"value": 50, "metric": "deployed"},
    ]
    assert run(rows, expr="killed <= deployed") == []
    rows[1]["period"] = "3 days"
    assert len(run(rows, expr="killed <= deployed")) == 1


def test_scope_article_entity_and_source() -> None:
    rows = [
        {"value": 900, "metric": "killed", "article": "x", "entity": "nk", "source": "nis"},
        {"value": 500, "metric": "deployed", "article": "y", "entity": "nk", "publisher": "nis"},
    ]
    assert run(rows, expr="killed <= deployed", scope="article") == []
    assert len(run(rows, expr="killed <= deployed", scope="entity")) == 1
    # The publisher stands in for the unattributed second claim.
    assert len(run(rows, expr="killed <= deployed", scope="source")) == 1
    rows[1]["entity"] = None
    assert run(rows, expr="killed <= deployed", scope="entity") == []


def test_claims_in_compatible_units_are_converted() -> None:
    rows = [
        {"value": 100, "metric": "killed"},
        {"value": 10, "metric": "killed_per_day", "unit": "person / day"},
        {"value": 1, "metric": "days_fought", "unit": "week"},
    ]
    [finding] = run(rows, expr="killed <= killed_per_day * days_fought")
    assert finding.detail["rhs"] == [pytest.approx(70), pytest.approx(70)]
    rows[2]["value"] = 2
    assert run(rows, expr="killed <= killed_per_day * days_fought") == []


def test_claims_in_incompatible_units_are_skipped() -> None:
    rows = [{"value": 900, "metric": "killed", "unit": "USD"}, {"value": 5, "metric": "deployed"}]
    assert run(rows, expr="killed <= deployed") == []


def test_combinations_are_capped_most_recent_first() -> None:
    dates = ["2024-12-01", "2024-12-20", "2024-12-10"]
    rows = [{"value": 900 + i, "metric": "killed", "published": d} for i, d in enumerate(dates)]
    rows += [{"value": 5 + i, "metric": "deployed", "published": d} for i, d in enumerate(dates)]
    findings = run(rows, expr="killed <= deployed", max_combinations=4)
    assert len(findings) == 4
    used_killed = {ids(f)[0] for f in findings}
    # killed ranked 12-20 (a1:1), 12-10 (a1:2), 12-01 (a1:0): the oldest is never reached.
    assert used_killed == {"a1:1", "a1:2"}
    assert len(run(rows, expr="killed <= deployed")) == 9


def test_large_groups_stay_capped() -> None:
    rows = [{"value": 1000 + i, "metric": "killed"} for i in range(300)]
    rows += [{"value": 10, "metric": "deployed"} for _ in range(300)]
    assert len(run(rows, expr="killed <= deployed", max_combinations=50)) == 50


def test_message_template_gets_claims_and_sides() -> None:
    rows = [
        {"value": 900, "metric": "killed", "text": "900 killed"},
        {"value": 500, "metric": "deployed", "text": "500 sent"},
    ]
    [finding] = run(
        rows,
        expr="killed <= deployed",
        message="{killed.text} exceeds {deployed.text}: {lhs} {op} {rhs}",
    )
    assert finding.message == "900 killed exceeds 500 sent: 900 <= 500"


# -- implied values --------------------------------------------------------------------


def seed_rows(multiple: float) -> list[dict[str, Any]]:
    return [
        {
            "value": 2000,
            "metric": "pay_per_soldier",
            "unit": "USD / person",
            "text": "$2,000 for each soldier",
        },
        {
            "value": multiple,
            "metric": "wage_multiple",
            "unit": "dimensionless",
            "text": f"{multiple:g} annual wages",
        },
    ]


def test_seed_pay_implies_an_annual_wage() -> None:
    [finding] = run(seed_rows(83), expr=WAGE_EXPR)
    assert finding.severity == "info"
    assert finding.message == (
        "implied nk_annual_wage: 24.10 USD / person / year from $2,000 for each soldier "
        "and 83 annual wages"
    )
    assert finding.detail["value"] == pytest.approx(2000 / 83)
    assert finding.detail["unit"] == "USD / person / year"
    assert finding.detail["range"] == [15, 60]
    assert ids(finding) == ["a1:0", "a1:1"]


def test_implied_wage_outside_the_fact_range_takes_the_rule_severity() -> None:
    [finding] = run(seed_rows(5), expr=WAGE_EXPR, severity="warning")
    assert finding.severity == "warning"
    assert "outside the expected range [15, 60]" in finding.message
    assert finding.detail["value"] == pytest.approx(400)


def test_tolerance_widens_the_fact_range() -> None:
    # 2000 / 30 = 66.7 a year: outside [15, 60], inside it with 20% slack (up to 72).
    assert run(seed_rows(30), expr=WAGE_EXPR)[0].severity == "error"
    assert run(seed_rows(30), expr=WAGE_EXPR, tolerance="20%")[0].severity == "info"


def test_hedged_claims_give_an_implied_interval() -> None:
    rows = seed_rows(83)
    rows[0].update(low=1800, high=2200)
    [finding] = run(rows, expr=WAGE_EXPR)
    assert finding.detail["low"] == pytest.approx(1800 / 83)
    assert finding.detail["high"] == pytest.approx(2200 / 83)
    assert "(between 21.69 and 26.51)" in finding.message


def test_missing_metric_is_implied_from_the_others() -> None:
    rows = [
        {"value": 77, "metric": "killed", "text": "killed 77"},
        {"value": 40, "metric": "wounded", "text": "injured 40"},
    ]
    [finding] = run(rows, expr="killed + wounded == deployed")
    assert finding.severity == "info"
    assert finding.message == "implied deployed: 117 person from killed 77 and injured 40"


def test_no_implied_value_when_two_are_unknown_or_all_are_known() -> None:
    assert run([{"value": 77, "metric": "killed"}], expr="killed + wounded == deployed") == []
    rows = [
        {"value": 77, "metric": "killed"},
        {"value": 40, "metric": "wounded"},
        {"value": 117, "metric": "deployed"},
    ]
    assert run(rows, expr="killed + wounded == deployed") == []


def test_no_implied_value_without_a_unique_solution() -> None:
    rows = [{"value": 77, "metric": "deployed"}]
    assert run(rows, expr="killed ** 2 == deployed ** 2") == []


def test_no_claims_no_findings() -> None:
    assert run([], expr="killed <= deployed") == []
    assert run([], expr=WAGE_EXPR) == []
    assert run([{"value": 5, "metric": None}], expr="killed + wounded == deployed") == []
