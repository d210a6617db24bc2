"""Built-in arithmetic checks: the text's own sums, percentages, changes, multiples, rates.

They need no rule-file vocabulary: each reads the relations table
(:mod:`claims.relations`, documented in ``docs/relations.md``) joined to the claims table,
and returns :class:`~checks.findings.Finding` lists whose rule id is the check's name
(``breakdown``, ``sum``, ``percent``, ``change``, ``multiple``, ``rate``:
:data:`checks.rules.model.BUILTIN_CHECKS`).

Every check is on by default. A rule file tunes them under ``defaults:``::

    defaults:
      percent: {tolerance: 2%, severity: error}
      rate: false                 # off

``tolerance`` widens the stated figure relatively, beyond the rounding slack of each
figure as written (:mod:`claims.precision`); ``severity`` is that of a contradiction
(default warning). Implied values (``multiple``: "83 annual wages" -> one wage) are
reported as ``info`` whatever the setting.

A check is a function registered with :func:`builtin`; :func:`run_builtin` runs the
enabled ones.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from checks.engine.pandas.builtin.members import relation_members
from checks.findings import Finding
from checks.rules.model import BUILTIN_CHECKS, RuleFile


@dataclass(frozen=True)
class BuiltinSettings:
    """One built-in check's settings after ``defaults:`` are applied."""

    name: str
    enabled: bool = True
    #: relative slack (0.02 = 2%) beyond each figure's rounding slack
    tolerance: float = 0.0
    #: severity of a contradiction
    severity: str = "warning"


BuiltinCheck = Callable[[pd.DataFrame, BuiltinSettings, RuleFile], list[Finding]]
BUILTIN_EVALUATORS: dict[str, BuiltinCheck] = {}
#: modules of this package that hold no check
_HELPERS = frozenset({"members", "additive"})


def builtin(name: str) -> Callable[[BuiltinCheck], BuiltinCheck]:
    """Register ``function`` as the built-in check ``name`` (a key of BUILTIN_CHECKS)."""
    if name not in BUILTIN_CHECKS:
        raise ValueError(f"'{name}' is not a built-in check ({', '.join(BUILTIN_CHECKS)})")

    def register(function: BuiltinCheck) -> BuiltinCheck:
        BUILTIN_EVALUATORS[name] = function
        return function

    return register


def load_builtins() -> dict[str, BuiltinCheck]:
    """Import every check module of this package so the registry is complete."""
    for module in pkgutil.iter_modules(__path__):
        if module.name not in _HELPERS:
            importlib.import_module(f"{__name__}.{module.name}")
    return BUILTIN_EVALUATORS


def settings_for(name: str, rule_file: RuleFile) -> BuiltinSettings:
    """The settings of check ``name``: its ``defaults:`` entry over the built-in defaults."""
    raw = dict(rule_file.defaults.get(name, {}))
    return BuiltinSettings(
        name=name,
        enabled=bool(raw.get("enabled", True)),
        tolerance=float(raw.get("tolerance", 0.0)),
        severity=str(raw.get("severity", "warning")),
    )


def run_builtin(
    claims: pd.DataFrame, relations: pd.DataFrame, rule_file: RuleFile
) -> tuple[list[Finding], int]:
    """Findings of every enabled built-in check, and how many checks ran."""
    checks = load_builtins()
    members = relation_members(relations, claims)
    findings: list[Finding] = []
    ran = 0
    for name in BUILTIN_CHECKS:
        settings = settings_for(name, rule_file)
        if not settings.enabled or name not in checks:
            continue
        ran += 1
        rows = members[members["kind"] == name] if not members.empty else members
        if not rows.empty:
            findings.extend(checks[name](rows, settings, rule_file))
    return findings, ran


__all__ = [
    "BUILTIN_EVALUATORS",
    "BuiltinSettings",
    "builtin",
    "load_builtins",
    "run_builtin",
    "settings_for",
]
