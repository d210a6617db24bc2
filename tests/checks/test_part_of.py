"""Implicit part_of checks: a part cannot exceed its whole, nor can parts together."""

from __future__ import annotations

import pytest

from checks.engine.pandas.part_of import implicit_findings

VOCABULARY = {
    "metrics": {
        "losses": {"unit": "person", "cues": ["losses"]},
        "killed": {"unit": "person", "cues": ["killed"], "part_of": "losses"},
        "wounded": {"unit": "person", "cues": ["wounded"], "part_of": "losses"},
    }
}


@pytest.fixture
def rules(make_rule_file):
    return make_rule_file(VOCABULARY)


def _figure(value, metric, low=None, high=None, **fields):
    base = {"entity": "north_korea", "publisher": "Wire", "unit": "person"}
    low = value if low is None else low
    high = value if high is None else high
    return {**base, "value": value, "low": low, "high": high, "metric": metric, **fields}


def test_part_above_whole(rules, make_claims) -> None:
    claims = make_claims([_figure(100, "losses", 90, 110), _figure(150, "killed")])
    (finding,) = implicit_findings(claims, rules)
    assert (finding.rule, finding.severity) == ("part-of:killed-losses", "warning")
    assert finding.detail["whole_interval"] == [90.0, 110.0]


def test_part_within_hedged_whole_is_silent(rules, make_claims) -> None:
    claims = make_claims([_figure(100, "losses", 90, 110), _figure(105, "killed")])
    assert implicit_findings(claims, rules) == []


@pytest.mark.parametrize(
    "other",
    [
        {"article": "a2"},
        {"entity": "russia"},
        {"source": "gur"},
        {"period": "3 days"},
    ],
)
def test_only_same_article_entity_source_period(rules, make_claims, other) -> None:
    claims = make_claims([_figure(100, "losses"), _figure(150, "killed", **other)])
    assert implicit_findings(claims, rules) == []


def test_parts_sum_above_whole(rules, make_claims) -> None:
    claims = make_claims([_figure(100, "losses"), _figure(80, "killed"), _figure(60, "wounded")])
    (finding,) = implicit_findings(claims, rules)
    assert finding.rule == "part-of:killed+wounded-losses"
    assert finding.detail["parts_low_sum"] == 140.0
    assert len(finding.claims) == 3


def test_parts_sum_uses_lows_and_smallest_repeat(rules, make_claims) -> None:
    claims = make_claims(
        [
            _figure(100, "losses"),
            _figure(80, "killed", 30, 80),
            _figure(60, "wounded"),
            _figure(90, "wounded"),
        ]
    )
    assert implicit_findings(claims, rules) == []


def test_single_part_over_whole_not_reported_twice(rules, make_claims) -> None:
    claims = make_claims([_figure(100, "losses"), _figure(150, "killed"), _figure(10, "wounded")])
    assert [f.rule for f in implicit_findings(claims, rules)] == ["part-of:killed-losses"]


def test_no_part_of_in_vocabulary(make_rule_file, make_claims) -> None:
    rules = make_rule_file({"metrics": {"losses": {"unit": "person", "cues": ["losses"]}}})
    assert implicit_findings(make_claims([_figure(1, "losses")]), rules) == []
