"""Regressions for relation gaps a scenario run reported (GitHub issue 5 follow-up).

A share whose whole comes first ("Of the 12,000 troops, 1,100, or 20%"), a stated change
beside figures rounded to the thousand, and "had passed 3,500" read as a lower bound.
"""

from __future__ import annotations

import pandas as pd
import pytest

from checks.engine.pandas.builtin.members import without_thousands_slack
from claims.quantities import find_quantities
from claims.relations import find_relations
from claims.vocab import Vocabulary


def _relations(text: str) -> list[tuple[str, dict[str, str]]]:
    quantities = find_quantities(text, Vocabulary())
    return [
        (relation.kind, {role: text[q.start : q.end] for role, q in relation.members})
        for relation in find_relations(text, quantities)
    ]


def test_fronted_whole_share_is_found() -> None:
    text = "Of the 12,000 troops, 1,100, or 20%, were killed or wounded."
    assert _relations(text) == [
        ("percent", {"whole": "12,000 troops", "part": "1,100", "percent": "20%"})
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Troops numbered 12,000, 1,100, or 20%, of them in Kursk.",
        "Officials listed 12,000 troops, 1,100 tanks, or 20% more than before.",
    ],
)
def test_whole_first_needs_a_fronting_of(text: str) -> None:
    assert [kind for kind, _ in _relations(text)] == []


def test_change_beside_round_figures_is_found() -> None:
    text = "North Korean troops in Kursk rose from 8,000 to 11,000, a 25% increase."
    assert _relations(text) == [("change", {"before": "8,000", "after": "11,000", "stated": "25%"})]


def _members(texts: list[str], values: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "text": texts,
            "value": values,
            "low": values,
            "high": values,
            "lo": [v - 500 for v in values],
            "hi": [v + 500 for v in values],
            "qualifier": ["exact"] * len(values),
        }
    )


def test_only_trailing_zero_slack_is_dropped() -> None:
    members = _members(["8,000", "8 thousand", "8.0 thousand", "8,000"], [8000.0] * 4)
    selected = pd.Series([True, True, True, False])
    widened = without_thousands_slack(members, selected)
    assert widened["lo"].tolist() == [8000.0, 7500.0, 7500.0, 7500.0]
    assert widened["hi"].tolist() == [8000.0, 8500.0, 8500.0, 8500.0]


@pytest.mark.parametrize(
    ("text", "written", "low", "high"),
    [
        ("North Korean casualties had passed 3,500.", "had passed 3,500", 3500, float("inf")),
        ("Losses have passed 3,000, Kyiv said.", "have passed 3,000", 3000, float("inf")),
        ("Deaths passed the 3,000 mark on Sunday.", "passed the 3,000", 3000, float("inf")),
        # Approving, not crossing a threshold: the count stays exact.
        ("Parliament passed 3 bills on Monday.", "3 bills", 3, 3),
        ("Inspectors passed 430 of the 1,250 buses.", "430", 430, 430),
    ],
)
def test_passed_reads_as_a_threshold_only_where_news_means_one(
    text: str, written: str, low: float, high: float
) -> None:
    first = find_quantities(text, Vocabulary())[0]
    assert text[first.start : first.end] == written
    assert (first.low, first.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "before", "after", "direction"),
    [
        ("Sales hit 96,500 cars, up from 61,000 a year earlier.", "61,000", "96,500 cars", "up"),
        (
            "The list fell to 6.3 million in June, down from a record 7.8 million.",
            "7.8 million",
            "6.3 million",
            "down",
        ),
        ("Rates have fallen to 40, from 55 in May.", "55", "40", "down"),
    ],
)
def test_after_then_up_or_down_from_before(
    text: str, before: str, after: str, direction: str
) -> None:
    quantities = find_quantities(text, Vocabulary())
    (relation,) = find_relations(text, quantities)
    members = {role: text[q.start : q.end] for role, q in relation.members}
    assert (relation.kind, members) == ("change", {"before": before, "after": after})
    assert relation.attributes["direction"] == direction


@pytest.mark.parametrize(
    "text",
    [
        "Grain exports rose 10% from 2,500 to 2,900 tonnes.",  # the usual from-to, read once
        "It polled 5,110 votes, from 300 districts.",  # "from" without a change
    ],
)
def test_from_without_a_reversed_change(text: str) -> None:
    quantities = find_quantities(text, Vocabulary())
    kinds = [(r.kind, r.attributes.get("measure")) for r in find_relations(text, quantities)]
    assert ("change", "direction") not in kinds


def test_breakdown_cue_after_a_short_phrase() -> None:
    text = "There were 1,876 admissions this week, of which 143 were to intensive care."
    assert _relations(text) == [("breakdown", {"total": "1,876 admissions", "part": "143"})]


def test_speed_is_no_rate_of_an_area() -> None:
    text = "The fire burned 12,400 hectares in five days. Winds reached 70 km/h on Friday."
    assert [kind for kind, _ in _relations(text)] == []
    counted = "Crews laid 40 km of pipe in four days, or 10 km a day."
    assert [kind for kind, _ in _relations(counted)] == ["rate"]
