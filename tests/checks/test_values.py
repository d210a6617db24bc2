"""The option parsers shared by every rule kind (checks/rules/values.py)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.rules.values import (
    COLUMNS,
    did_you_mean,
    parse_column,
    parse_column_list,
    parse_duration,
    parse_percentage,
    parse_quantity,
    parse_unit,
)
from claims.errors import ConfigError
from claims.units import get_registry

PERSON = ("person = [headcount] = soldier = soldiers",)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("25%", 0.25),
        ("25 %", 0.25),
        ("2.5 percent", 0.025),
        (0.25, 0.25),
        ("0.25", 0.25),
        (0, 0.0),
        (1, 1.0),
        ("150%", 1.5),
    ],
)
def test_percentages(raw: object, expected: float) -> None:
    assert parse_percentage(raw) == pytest.approx(expected)


def test_a_bare_number_above_one_must_be_written_with_a_percent_sign() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_percentage(25, key="tolerance")
    assert caught.value.key == "tolerance"
    assert "write 25%" in caught.value.message


@pytest.mark.parametrize("raw", ["lots", "", True, None, [5], "5%%", "-5%", -0.1])
def test_bad_percentages_are_refused(raw: object) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_percentage(raw, key="slack")
    assert caught.value.key == "slack"


def test_percentage_message_quotes_the_value() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_percentage("lots")
    assert caught.value.message == "must be a percentage like 25% or a number (got 'lots')"


@given(st.floats(min_value=0, max_value=10_000, allow_nan=False))
def test_any_written_percentage_is_a_hundredth(number: float) -> None:
    assert parse_percentage(f"{number!r}%") == pytest.approx(number / 100)


@pytest.mark.parametrize(
    ("raw", "days"),
    [("30 days", 30), ("2 weeks", 14), ("1 day", 1), ("36 hours", 1.5), ("1 month", 365.25 / 12)],
)
def test_durations(raw: str, days: float) -> None:
    assert parse_duration(raw) == datetime.timedelta(days=days)


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        (30, "needs a unit"),
        ("30", "must be a duration"),
        ("5 USD", "must be a duration"),
        ("-3 days", "must not be negative"),
        ("soon", "must be a number with a unit"),
        ("3 fortnites", "unknown unit 'fortnites'"),
    ],
)
def test_bad_durations(raw: object, needle: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_duration(raw, key="window")
    assert caught.value.key == "window"
    assert needle in caught.value.message


@pytest.mark.parametrize(
    "raw", ["9**9**9 days", "2 day**99", "1 (day", "3 day; import os", "1 day 2"]
)
def test_unit_text_that_pint_would_evaluate_is_refused_before_pint_sees_it(raw: str) -> None:
    with pytest.raises(ConfigError):
        parse_duration(raw)


def test_quantity_with_a_compound_unit() -> None:
    registry = get_registry(PERSON)
    quantity = parse_quantity("100 USD / person", registry, "min")
    assert quantity.magnitude == 100
    assert quantity.units == registry.parse_units("USD / person")
    assert parse_quantity("2.5e3 USD/person", registry, "min").magnitude == 2500


def test_bare_number_is_a_dimensionless_quantity() -> None:
    registry = get_registry()
    assert parse_quantity(7, registry, "max").dimensionless
    assert parse_quantity("7", registry, "max").magnitude == 7


def test_unknown_unit_suggests_a_close_one() -> None:
    registry = get_registry(PERSON)
    with pytest.raises(ConfigError) as caught:
        parse_quantity("100 USD / persn", registry, "min")
    assert caught.value.message == "unknown unit 'persn' in 'USD / persn' (did you mean 'person'?)"
    assert caught.value.key == "min"


def test_units_allow_small_powers_and_parentheses() -> None:
    registry = get_registry(PERSON)
    assert str(parse_unit("USD / (person * day^2)", registry, "unit")) == "USD / day ** 2 / person"


@pytest.mark.parametrize("raw", [None, "", 5, ["person"]])
def test_unit_must_be_text(raw: object) -> None:
    with pytest.raises(ConfigError, match="must be a unit"):
        parse_unit(raw, get_registry(), "unit")


def test_column_list_accepts_a_single_name_and_a_list() -> None:
    assert parse_column_list("entity") == ("entity",)
    assert parse_column_list(["entity", "period"]) == ("entity", "period")
    assert parse_column_list([]) == ()


def test_unknown_column_names_its_item_and_suggests() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_column_list(["entity", "sorce"], key="same")
    assert caught.value.key == "same[1]"
    assert caught.value.message.startswith("unknown column 'sorce' (did you mean 'source'?)")


def test_repeated_column_is_refused() -> None:
    with pytest.raises(ConfigError, match="listed twice") as caught:
        parse_column_list(["entity", "entity"])
    assert caught.value.key == "same[1]"


@pytest.mark.parametrize("raw", [5, {"entity": True}, None])
def test_column_list_must_be_a_list(raw: object) -> None:
    with pytest.raises(ConfigError, match="must be a list of columns"):
        parse_column_list(raw)


def test_single_column() -> None:
    assert parse_column("source_or_publisher", "across") == "source_or_publisher"
    with pytest.raises(ConfigError, match="must be a column name"):
        parse_column(["source"], "across")
    assert set(COLUMNS) >= {"entity", "source", "publisher", "reported_by"}


def test_did_you_mean_only_for_close_words() -> None:
    assert did_you_mean("severty", ["severity", "message"]) == " (did you mean 'severity'?)"
    assert did_you_mean("zzz", ["severity", "message"]) == ""
