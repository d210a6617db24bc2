"""Rules + claims table -> findings -> reports. The public entry is :func:`check`.

Imported lazily so that ``numcheck --help`` does not load pandas, sympy or pint.
"""

from __future__ import annotations

from claims.lazy import lazy_exports

_EXPORTS = {
    "check": "checks.runner",
    "run_rules": "checks.runner",
    "CheckResult": "checks.runner",
    "Finding": "checks.findings",
    "load_rule_file": "checks.rules.load",
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
