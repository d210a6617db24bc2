"""Shared test helpers for the checks package: tiny claim rows, tables, rule files.

The defaults mirror the rule-case fixture format (tests/fixtures/kinds/README.md) so a
plain-pytest case reads like a fixture case: write only the fields that matter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd
import pytest

from checks.casefile import claim_row as casefile_claim_row
from checks.engine.pandas.frame import prepare
from checks.rules.model import Rule, RuleFile
from claims.table import COLUMNS, build_table
from claims.vocab import Vocabulary


def claim_row(index: int = 0, **fields: Any) -> dict[str, Any]:
    """One claims-table row with defaults filled in around ``fields``
    (:func:`checks.casefile.claim_row`, the rule-case format's defaults).

    ``value`` is required; ``low``/``high`` default to it ("inf"/"-inf" strings allowed);
    ``claim_id`` defaults to ``<article>:<start>`` and ``start`` to ``10 * index``.
    """
    unknown = set(fields) - set(COLUMNS)
    if unknown:
        raise TypeError(f"unknown claim fields: {sorted(unknown)}")
    return casefile_claim_row(index, fields)


def claims_table(rows: Iterable[Mapping[str, Any]], *, prepared: bool = True) -> pd.DataFrame:
    """A claims table from partial rows (see :func:`claim_row`), prepared for evaluators."""
    table = build_table([claim_row(index, **dict(row)) for index, row in enumerate(rows)])
    return prepare(table) if prepared else table


def rule_file(raw: Mapping[str, Any] | None = None, rules: Iterable[Rule] = ()) -> RuleFile:
    """A :class:`RuleFile` whose vocabulary is built from ``raw`` (rule-file sections)."""
    vocabulary = Vocabulary.from_mapping(raw or {})
    return RuleFile(path=None, version=1, vocabulary=vocabulary, rules=tuple(rules))


@pytest.fixture
def make_claims() -> Callable[..., pd.DataFrame]:
    """The :func:`claims_table` factory as a fixture."""
    return claims_table


@pytest.fixture
def make_rule_file() -> Callable[..., RuleFile]:
    """The :func:`rule_file` factory as a fixture."""
    return rule_file
