"""What the gold-set tests share: the accuracy benchmark, imported as a module."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

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
