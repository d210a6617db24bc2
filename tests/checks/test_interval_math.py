"""Natural interval arithmetic over sympy trees, vectorised over boxes."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.engine.pandas.interval_math import compile_interval, interval_bounds
from checks.rules.expr import make_symbol

a, b, c = (make_symbol(name) for name in "abc")
INF = math.inf


def bounds(expression: sympy.Expr, **boxes: tuple[float, float]) -> tuple[float, float]:
    arrays = {k: (np.array([lo]), np.array([hi])) for k, (lo, hi) in boxes.items()}
    lo, hi = interval_bounds(expression, arrays)
    return float(np.ravel(lo)[0]), float(np.ravel(hi)[0])


def test_addition_and_subtraction() -> None:
    assert bounds(a + b, a=(1, 2), b=(10, 20)) == (11, 22)
    assert bounds(a - b, a=(1, 2), b=(10, 20)) == (-19, -8)


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ((2, 3), (4, 5), (8, 15)),
        ((-3, -2), (4, 5), (-15, -8)),
        ((-2, 3), (4, 5), (-10, 15)),
        ((-2, 3), (-5, 4), (-15, 12)),
        ((0, 3), (5, INF), (0, INF)),
        ((-1, 3), (5, INF), (-INF, INF)),
    ],
)
def test_multiplication_sign_cases(x: tuple, y: tuple, expected: tuple) -> None:
    assert bounds(a * b, a=x, b=y) == expected


def test_zero_times_infinity_is_zero_not_nan() -> None:
    assert bounds(a * b, a=(0, 0), b=(1, INF)) == (0, 0)


def test_division_by_a_positive_interval() -> None:
    assert bounds(a / b, a=(10, 20), b=(2, 5)) == (2, 10)


def test_divisor_containing_zero_is_unbounded() -> None:
    assert bounds(a / b, a=(10, 20), b=(-1, 5)) == (-INF, INF)
    assert bounds(1 / b, b=(0, 0)) == (-INF, INF)


def test_divisor_touching_zero_is_unbounded_on_one_side() -> None:
    assert bounds(1 / b, b=(0, 4)) == (0.25, INF)
    assert bounds(1 / b, b=(-4, 0)) == (-INF, -0.25)


def test_infinite_bounds_pass_through() -> None:
    assert bounds(a + b, a=(5, INF), b=(1, 2)) == (6, INF)
    assert bounds(1 / b, b=(2, INF)) == (0, 0.5)


def test_infinity_minus_infinity_widens_instead_of_nan() -> None:
    assert bounds(a - b, a=(0, INF), b=(0, INF)) == (-INF, INF)


def test_powers() -> None:
    assert bounds(a**2, a=(-3, 2)) == (0, 9)
    assert bounds(a**2, a=(-3, -2)) == (4, 9)
    assert bounds(a**3, a=(-3, 2)) == (-27, 8)
    assert bounds(a**-2, a=(2, 4)) == (1 / 16, 1 / 4)


def test_abs_min_max() -> None:
    assert bounds(sympy.Abs(a), a=(-5, 2)) == (0, 5)
    assert bounds(sympy.Abs(a), a=(-5, -2)) == (2, 5)
    assert bounds(sympy.Min(a, b), a=(1, 10), b=(4, 6)) == (1, 6)
    assert bounds(sympy.Max(a, b), a=(1, 10), b=(4, 6)) == (4, 10)


def test_repeated_variable_overestimates_but_contains_the_truth() -> None:
    # a * (1 - a) really spans [0, 0.25] over [0, 1]; the natural extension says [0, 1].
    assert bounds(a * (1 - a), a=(0, 1)) == (0, 1)


def test_vectorised_over_many_boxes() -> None:
    function = compile_interval(a * b + 1)
    lo, hi = function(
        {
            "a": (np.array([1.0, -2.0, 0.0]), np.array([2.0, 1.0, 0.0])),
            "b": (np.array([3.0, 3.0, 5.0]), np.array([4.0, 4.0, INF])),
        }
    )
    assert lo.tolist() == [4.0, -7.0, 1.0]
    assert hi.tolist() == [9.0, 5.0, 1.0]


def test_constant_expression_broadcasts() -> None:
    lo, hi = interval_bounds(sympy.Integer(3), {"a": (np.zeros(2), np.ones(2))})
    assert lo.tolist() == [3.0, 3.0] and hi.tolist() == [3.0, 3.0]


def test_unsupported_operation_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported"):
        compile_interval(sympy.sin(a))


EXPRESSIONS = [
    a * b - c,
    a / b + c,
    (a - b) ** 2,
    sympy.Abs(a - b) * c,
    sympy.Min(a, b) * c - sympy.Max(b, c),
    a**3 - b**-1,
    (a + b) / (c + 1),
]
finite = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(EXPRESSIONS),
    st.lists(st.tuples(finite, finite, st.floats(0, 1)), min_size=3, max_size=3),
)
def test_every_point_of_the_box_lies_within_the_bounds(
    expression: sympy.Expr, boxes: list[tuple[float, float, float]]
) -> None:
    names = ["a", "b", "c"]
    intervals = {n: (min(x, y), max(x, y)) for n, (x, y, _) in zip(names, boxes, strict=True)}
    point = {
        make_symbol(n): intervals[n][0] + t * (intervals[n][1] - intervals[n][0])
        for n, (_, _, t) in zip(names, boxes, strict=True)
    }
    value = expression.subs(point)
    if not value.is_real or not value.is_finite:
        return  # division by exactly zero at this point
    lo, hi = bounds(expression, **intervals)
    tolerance = 1e-9 * max(1.0, abs(float(value)))
    assert lo - tolerance <= float(value) <= hi + tolerance
