"""Regressions for the extraction errors the held-out gold set (tests/fixtures/gold-holdout) found.

Each test names the wording that used to go wrong; the sentences are new, not the set's own.
"""

from __future__ import annotations

import math

import pytest

from claims.quantities import Quantity, find_quantities
from claims.vocab import Vocabulary

SEATS = Vocabulary(units=("seat = [mandate] = seats",))


def found(text: str, vocabulary: Vocabulary | None = None) -> list[tuple[str, float, str]]:
    """(span, value, unit) of each quantity in ``text``."""
    return [(text[q.start : q.end], q.value, q.unit) for q in find_quantities(text, vocabulary)]


def only(text: str, vocabulary: Vocabulary | None = None) -> Quantity:
    quantities = find_quantities(text, vocabulary)
    assert len(quantities) == 1, [text[q.start : q.end] for q in quantities]
    return quantities[0]


@pytest.mark.parametrize(
    "text",
    [
        "Harbour United won 3-1 at home on Sunday.",
        "It finished 0-0 after extra time.",
        "The sides drew 2-2 in the first leg.",
        "It was a 4-0 thrashing.",
    ],
)
def test_scorelines_are_not_claims(text: str) -> None:
    assert found(text) == []


def test_a_hyphenated_range_still_reads_as_a_range() -> None:
    quantity = only("Repairs will take 3-5 days.")
    assert (quantity.qualifier, quantity.low, quantity.high, quantity.unit) == (
        "range",
        3.0,
        5.0,
        "day",
    )


def test_a_rate_per_hundred_thousand_is_one_figure() -> None:
    assert found("Admissions reached 8.5 per 100,000 residents last week.") == [
        ("8.5", 8.5, "dimensionless")
    ]


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("About 1 in 4 pupils walks to school.", 0.25, "approx"),
        ("Seven out of ten voters backed the plan.", 0.7, "exact"),
    ],
)
def test_one_in_n_is_a_single_share(text: str, value: float, qualifier: str) -> None:
    quantity = only(text)
    assert quantity.value == pytest.approx(value)
    assert (quantity.qualifier, quantity.unit) == (qualifier, "dimensionless")


def test_a_count_in_minutes_is_not_a_share() -> None:
    assert [value for _, value, _ in found("She scored 2 in 10 minutes.")] == [2.0, 10.0]


@pytest.mark.parametrize(
    ("text", "value"),
    [("The insurer will raise Rs 250 crore.", 2.5e9), ("A grant of ₹12 lakh was paid.", 1.2e6)],
)
def test_indian_numbering_and_rupees(text: str, value: float) -> None:
    quantity = only(text)
    assert (quantity.value, quantity.unit) == (value, "INR")


def test_and_a_half_belongs_to_the_number() -> None:
    quantity = only("The hearing lasted three and a half hours.")
    assert (quantity.value, quantity.unit) == (3.5, "hour")
    assert only("Some one and a half million people voted.").value == 1_500_000


def test_millimetres_of_rain_are_not_a_calibre() -> None:
    quantity = only("Forecasters said 20 to 35 mm could fall overnight.")
    assert (quantity.low, quantity.high, quantity.unit) == (20.0, 35.0, "millimeter")
    assert found("The convoy carried 122mm rockets and 152 mm shells.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Talks ran on March 3-4 in Vienna.",
        "Talks ran on 3-4 March in Vienna.",
        "The road was shut between junctions 4 and 6.",
        "Cases peaked in week 3 of the season.",
        "The P5+1 group met again.",
        "They slumped to 60 for 4 before lunch.",
        "Output stayed well below 2019 levels.",
    ],
)
def test_labels_dates_and_scores_are_not_claims(text: str) -> None:
    assert found(text) == []


def test_a_price_for_a_count_is_not_a_cricket_score() -> None:
    assert [value for _, value, _ in found("He bought 3 for 10 dollars.")] == [3.0, 10.0]


def test_a_list_item_must_count_what_the_list_counts() -> None:
    text = "The bloc won 210 of the 350 seats, a comfortable majority."
    assert [value for _, value, _ in found(text, SEATS)] == [210.0, 350.0]


def test_a_number_in_a_hyphenated_compound_after_the_is_kept() -> None:
    assert only("They lost the three-match series.").value == 3.0
    assert found("The two men were released.") == []


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("Roughly a third of the samples failed.", 1 / 3, "approx"),
        ("The motion needs two-thirds of members.", 2 / 3, "exact"),
        ("A quarter of the homes flooded.", 1 / 4, "exact"),
    ],
)
def test_fractions_that_state_a_share(text: str, value: float, qualifier: str) -> None:
    quantity = only(text)
    assert quantity.value == pytest.approx(value)
    assert (quantity.qualifier, quantity.unit) == (qualifier, "dimensionless")


def test_half_of_a_period_is_not_a_share() -> None:
    assert found("Most goals came in the second half of the match.") == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The shares closed at 312p.", 312.0, "GBX"),
        ("Gusts reached 90 km/h.", 90.0, "kilometer / hour"),
        ("Winds eased to 50 mph.", 50.0, "mile / hour"),
        ("It left 3 inches of snow.", 3.0, "inch"),
        ("The plant adds 450 megawatts.", 450.0, "megawatt"),
        ("Grains were 40 micrometres across.", 40.0, "micrometer"),
        ("Milk rose 62 cents.", 62.0, "dimensionless"),
    ],
)
def test_units_written_after_the_number(text: str, value: float, unit: str) -> None:
    quantity = only(text)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_hedged_wind_speed_keeps_its_rate_unit() -> None:
    quantity = only("Winds of up to 120 km/h are expected.")
    assert (quantity.qualifier, quantity.low, quantity.high) == ("upper", 0.0, 120.0)
    assert quantity.unit == "kilometer / hour" and not math.isinf(quantity.high)
