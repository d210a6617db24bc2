"""Numerals as written: digits, separators, scale words, number words."""

from __future__ import annotations

import pytest

from claims.numbers import magnitude, parse_digits, parse_number, parse_words, scale_value


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("12,000", 12_000),
        ("12 000", 12_000),
        ("12\u00a0000", 12_000),
        ("12\u2009000", 12_000),
        ("1,234,567", 1_234_567),
        ("212.40", 212.4),
        ("1.1 million", 1_100_000),
        ("12 thousand", 12_000),
        ("12-thousand", 12_000),
        ("15-hundred", 1_500),
        ("2.76 million", 2_760_000),
        ("2 dozen", 24),
        ("40k", 40_000),
        ("2.5bn", 2_500_000_000),
        ("300m", 300_000_000),
        ("three", 3),
        ("Twelve", 12),
        ("eighteen", 18),
        ("seventy-seven", 77),
        ("seventy seven", 77),
        ("a dozen", 12),
        ("dozen", 12),
        ("half a dozen", 6),
        ("one hundred and five", 105),
        ("a hundred and twenty", 120),
        ("two thousand", 2_000),
        ("a thousand", 1_000),
        ("two thousand five hundred", 2_500),
        ("one million two hundred thousand", 1_200_000),
    ],
)
def test_parse_number_reads_written_forms(written: str, value: float) -> None:
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["", "soldiers", "3rd", "twenty-first", "1,2"])
def test_parse_number_refuses_non_numerals(written: str) -> None:
    assert parse_number(written) is None


def test_parse_digits_ignores_every_kind_of_separator() -> None:
    assert parse_digits("1,000\u202f000") == 1_000_000


def test_parse_words_adds_tens_and_units_and_multiplies_scales() -> None:
    assert parse_words("ninety-nine thousand nine hundred") == 99_900


def test_scale_value_multiplies_stacked_scale_words() -> None:
    assert scale_value("hundred thousand", None) == 100_000
    assert scale_value(None, "bn") == 1_000_000_000
    assert scale_value(None, None) == 1


@pytest.mark.parametrize(
    ("digits", "expected"),
    [("12,000", 1_000), ("12,000,000", 1_000_000), ("12000", 1_000), ("950", 1), ("7", 1)],
)
def test_magnitude_is_the_written_thousands_group(digits: str, expected: float) -> None:
    assert magnitude(digits) == expected
