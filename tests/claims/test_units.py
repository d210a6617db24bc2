"""Units: the registry, nouns that name units, rates, currencies."""

from __future__ import annotations

import pytest

from claims.errors import ConfigError
from claims.units import (
    CURRENCY_SYMBOLS,
    canonical_unit,
    defined_names,
    get_registry,
    is_time_unit,
    noun_unit,
    rate_unit,
)

DEFINITIONS = (
    "person = [headcount] = soldier = soldiers = troops = personnel",
    "vehicle = [materiel] = vehicles = car = cars = buggies",
)


@pytest.mark.parametrize(
    ("noun", "unit"),
    [
        ("soldiers", "person"),
        ("Troops", "person"),
        ("buggies", "vehicle"),
        ("days", "day"),
        ("weeks", "week"),
        ("months", "month"),
        ("kilometres", "kilometer"),
        ("km", "kilometer"),
        ("tonnes", "metric_ton"),
        ("dollars", "USD"),
        ("won", "KRW"),
        ("euros", "EUR"),
        ("percent", "percent"),
    ],
)
def test_noun_unit_maps_rule_file_units_measurements_and_currencies(noun: str, unit: str) -> None:
    assert noun_unit(noun, DEFINITIONS) == unit


@pytest.mark.parametrize(
    "noun", ["points", "hands", "stones", "wages", "casualties", "dam", "self-propelled", "", "x y"]
)
def test_noun_unit_ignores_everyday_words_pint_happens_to_know(noun: str) -> None:
    assert noun_unit(noun, DEFINITIONS) is None


def test_noun_unit_needs_the_rule_file_for_domain_units() -> None:
    assert noun_unit("soldiers") is None


@pytest.mark.parametrize(
    ("top", "bottom", "expected"),
    [
        ("USD", "person", "USD / person"),
        ("USD", "month", "USD / month"),
        ("USD / month", "person", "USD / month / person"),
        ("dimensionless", "day", "1 / day"),
    ],
)
def test_rate_unit_divides_canonically(top: str, bottom: str, expected: str) -> None:
    assert rate_unit(top, bottom, DEFINITIONS) == expected


def test_currencies_are_separate_dimensions_and_never_convert() -> None:
    registry = get_registry()
    assert registry.Unit("USD").dimensionality != registry.Unit("EUR").dimensionality


def test_every_currency_symbol_names_a_registry_unit() -> None:
    for unit in set(CURRENCY_SYMBOLS.values()):
        assert canonical_unit(unit) == unit


def test_canonical_unit_of_a_pure_number_is_dimensionless() -> None:
    assert canonical_unit("dimensionless") == "dimensionless"


def test_canonical_unit_rejects_an_unknown_unit() -> None:
    with pytest.raises(ConfigError, match="unknown unit"):
        canonical_unit("florins")


def test_defined_names_lists_builtins_and_rule_file_units() -> None:
    names = defined_names(DEFINITIONS)
    assert {"person", "vehicle", "USD", "KRW"} <= names
    assert "soldiers" not in names


def test_is_time_unit() -> None:
    assert is_time_unit("day")
    assert not is_time_unit("person")


def test_pounds_after_a_number_are_money_a_pound_compound_is_not() -> None:
    assert noun_unit("pounds") == "GBP"
    assert noun_unit("Pounds") == "GBP"
    assert noun_unit("pound") is None
