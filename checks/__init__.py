"""Rules + claims table -> findings -> reports. The public entry is :func:`check`.

Imported lazily so that ``numcheck --help`` does not load pandas, sympy or pint.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "check": "checks.runner",
    "run_rules": "checks.runner",
    "CheckResult": "checks.runner",
    "Finding": "checks.findings",
    "load_rule_file": "checks.rules.load",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'checks' has no attribute {name!r}")
