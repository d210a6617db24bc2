"""Rounding slack of numbers as written (claims.precision)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.precision import last_digit_place, rounding_slack, written_bounds


@pytest.mark.parametrize(
    ("written", "value", "place"),
    [
        ("20%", 20, 1),
        ("9.5%", 9.5, 0.1),
        ("1.1 million", 1_100_000, 100_000),
        ("$2.5bn", 2_500_000_000, 100_000_000),
        ("12 thousand", 12_000, 1_000),
        ("12,000", 12_000, 1_000),
        ("12 000 troops", 12_000, 1_000),
        ("4,000,000", 4_000_000, 1_000_000),
        ("1,100 personnel", 1_100, 1),
        ("800", 800, 1),
        ("two thousand", 2_000, 1_000),
        ("three buggies", 3, 1),
        ("24.10", 24.1, 0.01),
        ("approximately 1,100 personnel", 1_100, 1),
    ],
)
def test_last_digit_place(written: str, value: float, place: float) -> None:
    assert math.isclose(last_digit_place(written, value), place)


def test_counts_written_to_the_unit_are_exact() -> None:
    assert rounding_slack("three buggies", 3, count=True) == 0
    assert rounding_slack("1,100", 1100, count=True) == 0


def test_rounded_results_get_half_a_unit() -> None:
    assert rounding_slack("20%", 20, count=False) == 0.5
    assert rounding_slack("83 annual wages", 83, count=False) == 0.5


def test_thousands_are_rounded_even_for_counts() -> None:
    assert rounding_slack("12,000 troops", 12000, count=True) == 500
    assert rounding_slack("1.1 million", 1_100_000, count=True) == pytest.approx(50_000)


def test_written_bounds_widen_but_leave_vague_words() -> None:
    assert written_bounds(18.0, 22.0, "approx", 0.5) == (17.5, 22.5)
    assert written_bounds(3.0, 9.0, "vague", 0.5) == (3.0, 9.0)
    assert written_bounds(0.0, math.inf, "lower", 0.5) == (-0.5, math.inf)


@given(
    st.integers(min_value=1, max_value=10**9),
    st.integers(min_value=0, max_value=3),
)
def test_place_never_exceeds_the_number_and_divides_it(integer: int, decimals: int) -> None:
    value = integer / 10**decimals
    written = f"{value:,.{decimals}f}"
    place = last_digit_place(written, value)
    assert 0 < place <= max(value, 10**-decimals)
    assert math.isclose(round(value / place) * place, value, rel_tol=1e-9)


@given(st.text(max_size=40), st.floats(allow_nan=True, allow_infinity=True))
def test_never_raises_and_slack_is_not_negative(written: str, value: float) -> None:
    assert rounding_slack(written, value, count=False) >= 0
