"""Bounds of a rule expression over boxes of intervals, many boxes at once.

Method: *natural interval arithmetic* over the sympy tree. Every variable is an interval
``[lo, hi]`` (infinite ends allowed), given as numpy arrays so that one pass evaluates
every candidate combination of claims. Each sympy node maps intervals to an interval that
contains every value the node can take:

- ``Add``: sum of the lows, sum of the highs;
- ``Mul``: min and max of the four end products (sign cases included); ``0 * inf`` is
  taken as 0, the limit of real products, not NaN;
- ``Pow`` with an integer exponent: odd powers are monotone; even powers fold at zero;
  negative powers are reciprocals, and a divisor interval that holds zero inside makes the
  result unbounded (``(-inf, inf)``); a divisor touching zero at one end is unbounded on
  that side only;
- ``Abs``, ``Min``, ``Max``: monotone in each argument, so computed from the ends.

Natural interval extension can overestimate when a variable appears more than once
(``x - x`` over [0, 1] gives [-1, 1], not 0). A wider interval only makes a ``holds`` rule
more lenient: a finding is raised only when no value of the interval satisfies the rule, so
overestimation can hide a violation but never invent one. Any NaN that arithmetic on
infinities produces is widened to the unbounded side for the same reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import sympy

#: lo and hi arrays of one interval per box
Bounds = tuple[np.ndarray, np.ndarray]
#: the variables' boxes: symbol name -> (lo array, hi array)
Boxes = Mapping[str, Bounds]
IntervalFunction = Callable[[Boxes], Bounds]


def compile_interval(expression: sympy.Expr) -> IntervalFunction:
    """A function from boxes (name -> lo/hi arrays) to the expression's lo/hi arrays."""
    return _compile(expression)


def interval_bounds(expression: sympy.Expr, boxes: Boxes) -> Bounds:
    """The bounds of ``expression`` over ``boxes`` (see the module docstring)."""
    return compile_interval(expression)(boxes)


def _compile(node: sympy.Expr) -> IntervalFunction:
    if node.is_Symbol:
        name = str(node)
        return lambda boxes: _as_float(boxes[name])
    if node.is_Number:
        constant = float(node)
        return lambda boxes: _constant(constant, boxes)
    children = [_compile(arg) for arg in node.args]
    if node.is_Add:
        return lambda boxes: _fold(children, boxes, _add)
    if node.is_Mul:
        return lambda boxes: _fold(children, boxes, _mul)
    if node.is_Pow:
        exponent = node.args[1]
        if not (exponent.is_Integer):
            raise ValueError(f"unsupported exponent {exponent} in {node}")
        power = int(exponent)
        base = children[0]
        return lambda boxes: _power(base(boxes), power)
    if isinstance(node, sympy.Abs):
        return lambda boxes: _abs(children[0](boxes))
    if isinstance(node, sympy.Min):
        return lambda boxes: _fold(children, boxes, _min)
    if isinstance(node, sympy.Max):
        return lambda boxes: _fold(children, boxes, _max)
    raise ValueError(f"unsupported operation {type(node).__name__} in {node}")


def _as_float(bounds: Bounds) -> Bounds:
    return np.asarray(bounds[0], dtype=float), np.asarray(bounds[1], dtype=float)


def _constant(value: float, boxes: Boxes) -> Bounds:
    size = _box_count(boxes)
    array = np.full(size, value) if size is not None else np.asarray(value)
    return array, array.copy()


def _box_count(boxes: Boxes) -> int | None:
    for lo, _ in boxes.values():
        return int(np.size(lo)) if np.ndim(lo) else None
    return None


def _fold(
    children: list[IntervalFunction], boxes: Boxes, combine: Callable[[Bounds, Bounds], Bounds]
) -> Bounds:
    result = children[0](boxes)
    for child in children[1:]:
        result = combine(result, child(boxes))
    return result


def _clean(lo: np.ndarray, hi: np.ndarray) -> Bounds:
    """NaN ends (from inf - inf) become the unbounded side: always a wider interval."""
    return np.where(np.isnan(lo), -np.inf, lo), np.where(np.isnan(hi), np.inf, hi)


def _add(a: Bounds, b: Bounds) -> Bounds:
    with np.errstate(invalid="ignore"):
        return _clean(a[0] + b[0], a[1] + b[1])


def _times(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.where((x == 0) | (y == 0), 0.0, x * y)


def _mul(a: Bounds, b: Bounds) -> Bounds:
    products = np.stack(
        np.broadcast_arrays(
            _times(a[0], b[0]), _times(a[0], b[1]), _times(a[1], b[0]), _times(a[1], b[1])
        )
    )
    return _clean(products.min(axis=0), products.max(axis=0))


def _power(base: Bounds, exponent: int) -> Bounds:
    if exponent == 0:
        return np.ones_like(base[0]), np.ones_like(base[1])
    if exponent < 0:
        return _power(_reciprocal(base), -exponent)
    lo, hi = base
    with np.errstate(over="ignore", invalid="ignore"):
        lo_n, hi_n = lo**exponent, hi**exponent
    if exponent % 2:
        return _clean(lo_n, hi_n)
    # Even powers fold at zero: the minimum is 0 when the interval straddles it.
    low = np.where(lo >= 0, lo_n, np.where(hi <= 0, hi_n, 0.0))
    high = np.where(lo >= 0, hi_n, np.where(hi <= 0, lo_n, np.maximum(lo_n, hi_n)))
    return _clean(low, high)


def _reciprocal(base: Bounds) -> Bounds:
    """1 / [lo, hi]; a zero end leaves that side unbounded, zero inside leaves both."""
    lo, hi = base
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        inv_lo, inv_hi = 1.0 / hi, 1.0 / lo
    positive = lo > 0
    negative = hi < 0
    touches_low = (lo == 0) & (hi > 0)
    touches_high = (hi == 0) & (lo < 0)
    new_lo = np.select([positive | negative, touches_low], [inv_lo, inv_lo], -np.inf)
    new_hi = np.select([positive | negative, touches_high], [inv_hi, inv_hi], np.inf)
    return _clean(new_lo, new_hi)


def _abs(a: Bounds) -> Bounds:
    lo, hi = a
    low = np.where(lo >= 0, lo, np.where(hi <= 0, -hi, 0.0))
    high = np.maximum(np.abs(lo), np.abs(hi))
    return low, high


def _min(a: Bounds, b: Bounds) -> Bounds:
    return np.minimum(a[0], b[0]), np.minimum(a[1], b[1])


def _max(a: Bounds, b: Bounds) -> Bounds:
    return np.maximum(a[0], b[0]), np.maximum(a[1], b[1])
