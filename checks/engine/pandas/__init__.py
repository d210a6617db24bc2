"""The pandas engine: one evaluator per rule kind, registered by :func:`evaluator`.

An evaluator has the signature::

    def evaluate(rule: Rule, claims: pandas.DataFrame, rules: RuleFile) -> list[Finding]

``claims`` is the SPEC claims table (plus ``path``) with one extra column,
``source_or_publisher``: ``source`` where known, else the article's ``publisher``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

import pandas as pd

from checks.findings import Finding
from checks.rules.model import Rule, RuleFile

Evaluator = Callable[[Rule, pd.DataFrame, RuleFile], list[Finding]]
EVALUATORS: dict[str, Evaluator] = {}


def evaluator(kind_name: str) -> Callable[[Evaluator], Evaluator]:
    """Register ``function`` as the pandas evaluator of ``kind_name``."""

    def register(function: Evaluator) -> Evaluator:
        EVALUATORS[kind_name] = function
        return function

    return register


def load_all() -> dict[str, Evaluator]:
    """Import every evaluator module of this package so the registry is complete."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return EVALUATORS
