"""What the gold-set tests share: the accuracy benchmark, imported as a module."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]


def load_benchmark() -> ModuleType:
    """benchmarks/extraction_accuracy.py (a script, not a package), loaded once."""
    if "extraction_accuracy" in sys.modules:
        return sys.modules["extraction_accuracy"]
    path = REPO / "benchmarks" / "extraction_accuracy.py"
    spec = importlib.util.spec_from_file_location("extraction_accuracy", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["extraction_accuracy"] = module
    spec.loader.exec_module(module)
    return module


def assert_quantity_consistent(
    body: str, quantity: Any, approx_bounds: tuple[tuple[float, float], ...]
) -> None:
    """A gold quantity's span is its text and its bounds follow its qualifier (SPEC hedges);
    ``approx_bounds`` lists the (low, high) multiples of the value an ``approx`` may have."""
    q = quantity
    assert body[q.start : q.end] == q.text
    if q.qualifier == "exact":
        assert q.low == q.value == q.high
    elif q.qualifier == "upper":
        assert q.low == 0 and q.high == q.value
    elif q.qualifier == "lower":
        assert q.low == q.value and math.isinf(q.high)
    elif q.qualifier == "range":
        assert q.value == pytest.approx((q.low + q.high) / 2)
    elif q.qualifier == "approx":
        assert any(
            (q.low, q.high) == (pytest.approx(a * q.value), pytest.approx(b * q.value))
            for a, b in approx_bounds
        )
    else:
        assert q.value is None and q.low < q.high
