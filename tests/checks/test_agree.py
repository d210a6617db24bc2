"""The agree kind: options validation and the pandas evaluator."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.engine.pandas.agree import evaluate
from checks.kinds import KindContext
from checks.kinds.agree import AgreeOptions
from checks.rules.model import Rule
from claims.errors import ConfigError

VOCABULARY = {"metrics": {"losses": {"unit": "person", "cues": ["losses"], "cumulative": True}}}


def _rule(rule_file, **raw) -> Rule:
    context = KindContext(vocabulary=rule_file.vocabulary, facts={}, rule_id="losses-agree")
    options = AgreeOptions.from_mapping({"metric": "losses", **raw}, context)
    return Rule(id="losses-agree", kind="agree", severity="warning", options=options)


def _claim(value, source, low=None, high=None, **fields):
    return {
        "value": value,
        "low": value if low is None else low,
        "high": value if high is None else high,
        "unit": "person",
        "metric": "losses",
        "entity": "north_korea",
        "source": source,
        **fields,
    }


@pytest.fixture
def losses_rules(make_rule_file):
    return make_rule_file(VOCABULARY)


def test_defaults(losses_rules) -> None:
    options = _rule(losses_rules).options
    assert (options.same, options.across, options.window_days, options.tolerance) == (
        ("entity",),
        "source",
        None,
        0.0,
    )


def test_window_and_tolerance_parsed(losses_rules) -> None:
    options = _rule(losses_rules, window="2 weeks", tolerance="25%").options
    assert options.window_days == pytest.approx(14)
    assert options.tolerance == pytest.approx(0.25)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ({"metric": "nothing"}, "metric"),
        ({"same": ["colour"]}, "same[0]"),
        ({"across": "entity"}, "across"),
        ({"tolerance": 25}, "tolerance"),
        ({"windw": "3 days"}, "windw"),
    ],
)
def test_bad_options_name_their_key(losses_rules, raw, key) -> None:
    with pytest.raises(ConfigError) as error:
        _rule(losses_rules, **raw)
    assert error.value.key == key


def test_open_lower_bound_against_approximate_figure(losses_rules, make_claims) -> None:
    claims = make_claims(
        [
            _claim(1100, "south_korea_jcs", 990, 1210, published="2024-12-23"),
            _claim(3000, "zelensky", 3000, "inf", published="2024-12-23"),
        ]
    )
    (finding,) = evaluate(_rule(losses_rules, tolerance="25%"), claims, losses_rules)
    assert finding.detail["ratio"] == pytest.approx(3000 / 1100)
    assert finding.detail["b_widened"] == [2250.0, float("inf")]
    assert "2.7x apart" in finding.message


def test_upper_bound_overlapping_is_silent(losses_rules, make_claims) -> None:
    claims = make_claims([_claim(12000, "pentagon", 0, 12000), _claim(11000, "gur", 9900, 12100)])
    assert evaluate(_rule(losses_rules), claims, losses_rules) == []


def test_vague_ranges_compared_by_interval(losses_rules, make_claims) -> None:
    hundreds = _claim(300, "us_official", 200, 900)
    assert (
        evaluate(_rule(losses_rules), make_claims([hundreds, _claim(850, "nis")]), losses_rules)
        == []
    )
    flagged = evaluate(
        _rule(losses_rules), make_claims([hundreds, _claim(1100, "nis")]), losses_rules
    )
    assert len(flagged) == 1


@pytest.mark.parametrize(("tolerance", "expected"), [("0%", 1), ("10%", 0)])
def test_tolerance_decides_near_misses(losses_rules, make_claims, tolerance, expected) -> None:
    claims = make_claims([_claim(100, "nis"), _claim(120, "zelensky")])
    assert len(evaluate(_rule(losses_rules, tolerance=tolerance), claims, losses_rules)) == expected


def test_exactly_equal_is_silent(losses_rules, make_claims) -> None:
    claims = make_claims([_claim(500, "nis"), _claim(500, "zelensky")])
    assert evaluate(_rule(losses_rules), claims, losses_rules) == []


@pytest.mark.parametrize(
    ("periods", "expected"),
    [(("3 days", None), 0), (("3 days", "3 days"), 1), ((None, None), 1), (("3 days", "week"), 0)],
)
def test_only_like_periods_compared(losses_rules, make_claims, periods, expected) -> None:
    claims = make_claims(
        [_claim(50, "sof", period=periods[0]), _claim(1100, "jcs", period=periods[1])]
    )
    assert len(evaluate(_rule(losses_rules), claims, losses_rules)) == expected


@pytest.mark.parametrize(("second", "expected"), [("2024-12-01", 1), ("2024-12-02", 0)])
def test_window_edge(losses_rules, make_claims, second, expected) -> None:
    claims = make_claims(
        [_claim(100, "nis", published="2024-11-01"), _claim(900, "gur", published=second)]
    )
    assert len(evaluate(_rule(losses_rules, window="30 days"), claims, losses_rules)) == expected


def test_window_skips_undated_claims(losses_rules, make_claims) -> None:
    claims = make_claims([_claim(100, "nis", published="2024-11-01"), _claim(900, "gur")])
    assert evaluate(_rule(losses_rules, window="30 days"), claims, losses_rules) == []
    assert len(evaluate(_rule(losses_rules), claims, losses_rules)) == 1


def test_same_source_never_compared(losses_rules, make_claims) -> None:
    claims = make_claims([_claim(100, "nis"), _claim(900, "nis")])
    assert evaluate(_rule(losses_rules), claims, losses_rules) == []


def test_publisher_stands_in_for_missing_source(losses_rules, make_claims) -> None:
    same_publisher = [_claim(100, None, publisher="Wire"), _claim(900, "nis", publisher="Wire")]
    assert len(evaluate(_rule(losses_rules), make_claims(same_publisher), losses_rules)) == 1
    both_unattributed = [
        _claim(100, None, publisher="Wire"),
        _claim(900, None, publisher="Wire", article="a2"),
    ]
    assert evaluate(_rule(losses_rules), make_claims(both_unattributed), losses_rules) == []


def test_different_entities_not_compared(losses_rules, make_claims) -> None:
    claims = make_claims([_claim(100, "nis"), _claim(900, "gur", entity="russia")])
    assert evaluate(_rule(losses_rules), claims, losses_rules) == []


def test_each_claim_reported_with_its_most_extreme_partner(losses_rules, make_claims) -> None:
    claims = make_claims([_claim(100, "nis"), _claim(1000, "gur"), _claim(5000, "zelensky")])
    findings = evaluate(_rule(losses_rules), claims, losses_rules)
    pairs = {tuple(ref.text for ref in f.claims) for f in findings}
    # 100 and 5000 pick each other (50x); for 1000, 100 (10x) is further off than 5000 (5x).
    assert pairs == {("100 person", "5000 person"), ("100 person", "1000 person")}


interval_strategy = st.tuples(
    st.integers(0, 50), st.integers(0, 20), st.sampled_from(["s1", "s2", "s3"]), st.integers(0, 9)
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(interval_strategy, min_size=2, max_size=12))
def test_flags_exactly_the_claims_with_a_disjoint_partner(losses_rules, make_claims, items):
    rows = [
        _claim(low, source, low, low + width, published=f"2024-12-{day + 1:02d}", start=index)
        for index, (low, width, source, day) in enumerate(items)
    ]
    claims = make_claims(rows)
    expected = set()
    for (i, a), (j, b) in itertools.combinations(enumerate(rows), 2):
        if a["source"] != b["source"] and (a["high"] < b["low"] or b["high"] < a["low"]):
            expected |= {i, j}
    for raw in ({}, {"window": "400 days"}):
        findings = evaluate(_rule(losses_rules, **raw), claims, losses_rules)
        flagged = {int(ref.claim_id.split(":")[1]) for f in findings for ref in f.claims}
        assert flagged == expected
        assert len({tuple(ref.claim_id for ref in f.claims) for f in findings}) == len(findings)


def test_message_names_an_unattributed_claimant_in_words() -> None:
    from checks.casefile import claim_row
    from checks.engine.pandas.frame import UNNAMED, prepare
    from claims.table import build_table

    frame = prepare(build_table([claim_row(0, {"value": 1})]))
    assert frame["who"].tolist() == [UNNAMED]
