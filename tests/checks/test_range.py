"""The range kind: figures inside a plausible [min, max]."""

from __future__ import annotations

import pytest

from checks.engine.pandas.range import evaluate
from checks.kinds import KindContext
from checks.kinds.range import RangeOptions
from checks.rules.model import Rule
from claims.errors import ConfigError

VOCABULARY = {
    "units": ["person = [headcount] = soldier = soldiers"],
    "metrics": {"pay": {"unit": "USD / person", "cues": ["paid"]}},
}


@pytest.fixture
def rules(make_rule_file):
    return make_rule_file(VOCABULARY)


def _rule(rule_file, **raw) -> Rule:
    context = KindContext(vocabulary=rule_file.vocabulary, facts={}, rule_id="pay-plausible")
    options = RangeOptions.from_mapping({"metric": "pay", **raw}, context)
    return Rule(id="pay-plausible", kind="range", severity="error", options=options)


def _pay(value, low=None, high=None, unit="USD / person"):
    low = value if low is None else low
    high = value if high is None else high
    return {"value": value, "low": low, "high": high, "unit": unit, "metric": "pay"}


def test_bounds_converted_to_metric_unit(rules) -> None:
    options = _rule(rules, min="100 USD / soldier", max="12000 USD / person").options
    assert (options.minimum, options.maximum, options.unit) == (100, 12000, "USD / person")


@pytest.mark.parametrize(
    ("raw", "key"),
    [({"min": "100 USD / day"}, "min"), ({"max": "ten dollars"}, "max"), ({}, "min")],
)
def test_bad_bounds_name_rule_and_key(rules, raw, key) -> None:
    with pytest.raises(ConfigError) as error:
        _rule(rules, **raw)
    assert error.value.key == key


def test_min_above_max_refused(rules) -> None:
    with pytest.raises(ConfigError, match="larger than max"):
        _rule(rules, min="500 USD / person", max="100 USD / person")


@pytest.mark.parametrize(
    ("claim", "side"),
    [(_pay(2_000_000), "above"), (_pay(20), "below"), (_pay(50, 40, 60), "below")],
)
def test_outside_flagged(rules, make_claims, claim, side) -> None:
    (finding,) = evaluate(
        _rule(rules, min="100 USD / person", max="10000 USD / person"), make_claims([claim]), rules
    )
    assert finding.detail["side"] == side
    assert side in finding.message


@pytest.mark.parametrize(
    "claim", [_pay(2000, 1800, 2200), _pay(150, 0, 150), _pay(9000, 9000, "inf"), _pay(100)]
)
def test_touching_the_range_is_silent(rules, make_claims, claim) -> None:
    rule = _rule(rules, min="100 USD / person", max="10000 USD / person")
    assert evaluate(rule, make_claims([claim]), rules) == []


def test_tolerance_widens_the_claim(rules, make_claims) -> None:
    claim = make_claims([_pay(11000)])
    assert len(evaluate(_rule(rules, max="10000 USD / person"), claim, rules)) == 1
    assert evaluate(_rule(rules, max="10000 USD / person", tolerance="10%"), claim, rules) == []


def test_incompatible_unit_skipped(rules, make_claims) -> None:
    claims = make_claims([_pay(22_000_000, unit="USD"), _pay(22_000_000)])
    findings = evaluate(_rule(rules, max="10000 USD / person"), claims, rules)
    assert [ref.claim_id for f in findings for ref in f.claims] == ["a1:10"]
