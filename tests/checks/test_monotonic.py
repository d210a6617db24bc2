"""The monotonic kind: running totals never shrink."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.engine.pandas.monotonic import evaluate
from checks.kinds import KindContext
from checks.kinds.monotonic import MonotonicOptions
from checks.rules.model import Rule
from claims.errors import ConfigError

VOCABULARY = {
    "metrics": {
        "losses": {"unit": "person", "cues": ["losses"], "cumulative": True},
        "deployed": {"unit": "person", "cues": ["deployed"]},
    }
}


@pytest.fixture
def rules(make_rule_file):
    return make_rule_file(VOCABULARY)


def _rule(rule_file, **raw) -> Rule:
    context = KindContext(vocabulary=rule_file.vocabulary, facts={}, rule_id="never-shrink")
    options = MonotonicOptions.from_mapping({"metric": "losses", **raw}, context)
    return Rule(id="never-shrink", kind="monotonic", severity="error", options=options)


def _total(value, day, low=None, high=None, source="nis", **fields):
    return {
        "value": value,
        "low": value if low is None else low,
        "high": value if high is None else high,
        "unit": "person",
        "metric": "losses",
        "entity": "north_korea",
        "source": source,
        "published": f"2024-12-{day:02d}",
        **fields,
    }


def test_metric_must_be_cumulative(rules) -> None:
    with pytest.raises(ConfigError) as error:
        _rule(rules, metric="deployed")
    assert error.value.key == "metric"
    assert "deployed" in str(error.value)


def test_shrinking_total_flagged_against_highest_earlier(rules, make_claims) -> None:
    claims = make_claims([_total(1100, 19, 990, 1210), _total(2000, 20), _total(1500, 27)])
    (finding,) = evaluate(_rule(rules), claims, rules)
    assert [ref.text for ref in finding.claims] == ["2000 person", "1500 person"]
    assert finding.detail["days_apart"] == 7


def test_overlapping_hedge_is_silent(rules, make_claims) -> None:
    claims = make_claims([_total(1100, 19, 990, 1210), _total(1050, 27, 945, 1050)])
    assert evaluate(_rule(rules), claims, rules) == []


@pytest.mark.parametrize(("tolerance", "expected"), [("0%", 1), ("20%", 0)])
def test_tolerance(rules, make_claims, tolerance, expected) -> None:
    claims = make_claims([_total(1000, 19), _total(800, 27)])
    assert len(evaluate(_rule(rules, tolerance=tolerance), claims, rules)) == expected


def test_same_day_figures_are_not_ordered(rules, make_claims) -> None:
    claims = make_claims([_total(1000, 19), _total(500, 19)])
    assert evaluate(_rule(rules), claims, rules) == []


def test_period_figures_and_other_sources_left_out(rules, make_claims) -> None:
    claims = make_claims(
        [_total(1000, 19), _total(50, 27, period="3 days"), _total(500, 28, source="gur")]
    )
    assert evaluate(_rule(rules), claims, rules) == []


def test_publisher_stands_in_for_source(rules, make_claims) -> None:
    claims = make_claims(
        [_total(1000, 19, source=None, publisher="Wire"), _total(500, 27, publisher="Wire")]
    )
    assert evaluate(_rule(rules), claims, rules) == []
    claims = make_claims(
        [_total(1000, 19, source=None, publisher="Wire"), _total(500, 27, source="Wire")]
    )
    assert len(evaluate(_rule(rules), claims, rules)) == 1


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 28)), min_size=1, max_size=10))
def test_flags_exactly_claims_below_an_earlier_one(rules, make_claims, items) -> None:
    rows = [_total(value, day, start=index) for index, (value, day) in enumerate(items)]
    findings = evaluate(_rule(rules), make_claims(rows), rules)
    expected = {
        index
        for index, (value, day) in enumerate(items)
        if any(other_day < day and other > value for other, other_day in items)
    }
    assert {int(f.claims[1].claim_id.split(":")[1]) for f in findings} == expected
    for finding in findings:
        earlier, later = (int(ref.claim_id.split(":")[1]) for ref in finding.claims)
        assert items[earlier][1] < items[later][1] and items[earlier][0] > items[later][0]
