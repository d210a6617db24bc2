"""Period phrases and their normalised labels."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.periods import find_periods, number_value


def labels(text: str) -> list[str]:
    return [period.label for period in find_periods(text)]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("the rebels lost 60 men in three days", "3 days"),
        ("they shelled the bridge 15 times in just two days", "2 days"),
        ("prices doubled over the past 24 hours", "24 hours"),
        ("the town changed hands twice within a week", "1 week"),
        ("the siege went on for twenty-one days", "21 days"),
        ("losses mounted in the last 3 weeks", "3 weeks"),
        ("they fired 300 shells in several days", "several days"),
        ("nearly 900 wounded in the last week alone", "last week"),
        ("arrivals peaked in the past month", "last month"),
        ("the port handled 40 ships this year", "this year"),
        ("six drones fell over the weekend", "weekend"),
        ("about 500 arrived in November", "November"),
        ("the plant stopped during early March 2023", "early March 2023"),
        ("the count has grown since October", "since October"),
        ("exports slid since mid-2022", "since mid-2022"),
        ("claims rose from October to December", "October to December"),
        ("tourism recovered in 2024", "2024"),
    ],
)
def test_period_phrases_get_normalised_labels(text: str, label: str) -> None:
    assert labels(text) == [label]


@pytest.mark.parametrize(
    "text",
    [
        "the ministry spoke on December 23",
        "the figure was published as of Monday",
        "the road should reopen by December",
        "each recruit is paid $900 a month",
        "the fee is 20 euros per month",
        "a total of 10,000 troops took part",
        "the report came out three days ago",
    ],
)
def test_dates_deadlines_rates_and_totals_are_not_periods(text: str) -> None:
    assert labels(text) == []


def test_period_records_the_span_of_its_numeral() -> None:
    text = "they lost 40 tanks in just five days"
    (period,) = find_periods(text)
    assert text[period.start : period.end] == "in just five days"
    assert text[period.number_start : period.number_end] == "five"


def test_overlapping_phrases_keep_the_longest() -> None:
    text = "they lost 40 tanks in the past week alone"
    (period,) = find_periods(text)
    assert text[period.start : period.end] == "in the past week alone"


def test_modal_may_is_not_a_month() -> None:
    assert labels("they may in may leave") == []


@pytest.mark.parametrize(
    ("word", "value"),
    [("3", 3), ("1,000", 1000), ("seven", 7), ("a", 1), ("Forty-Two", 42), ("several", None)],
)
def test_number_value(word: str, value: int | None) -> None:
    assert number_value(word) == value


@given(st.integers(min_value=2, max_value=999), st.sampled_from(["day", "week", "month"]))
def test_any_digit_count_of_units_is_labelled_in_digits(count: int, unit: str) -> None:
    assert labels(f"it happened in {count} {unit}s") == [f"{count} {unit}s"]


@pytest.mark.parametrize("text", ["İn November 300 troops left.", "ſince October 300 left."])
def test_exotic_case_folds_of_starter_words_never_raise(text: str) -> None:
    assert all(period.label for period in find_periods(text))


def test_spans_limit_where_periods_start_not_where_they_end() -> None:
    text = "In May the port was shut. Since October 2024 it has handled 40 ships in two weeks."
    second = text.index("Since")
    found = find_periods(text, [(second, second + 10)])
    # "in two weeks" starts outside the span; "since October 2024" starts inside, ends beyond
    assert [period.label for period in found] == [labels(text)[1]]
    assert found[0].end > second + 10
    assert find_periods(text, []) == []
    assert find_periods(text, [(0, len(text))]) == find_periods(text)
