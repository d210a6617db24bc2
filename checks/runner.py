"""Rules + claims table -> findings: the one place that runs every evaluator."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from checks.engine.pandas import load_all
from checks.engine.pandas.builtin import run_builtin
from checks.engine.pandas.frame import prepare, resolve_columns
from checks.engine.pandas.part_of import implicit_findings
from checks.findings import Finding, sort_findings
from checks.result_cache import FindingCache
from checks.rules.model import Rule, RuleFile
from checks.selection import apply_suppressions
from claims.articles import Article, ReadResult, read_articles
from claims.cache import ClaimCache
from claims.pipeline import extract_articles
from claims.relations import relations_for_claims


@dataclass
class CheckResult:
    """Everything a report needs: findings, the claims behind them, what was read."""

    findings: list[Finding]
    claims: pd.DataFrame
    articles: list[Article]
    rule_file: RuleFile
    rules_run: int
    read: ReadResult = field(default_factory=ReadResult)
    #: findings silenced by inline ``numcheck: ignore`` comments
    suppressed: int = 0


def run_rules(
    rule_file: RuleFile, claims: pd.DataFrame, relations: pd.DataFrame | None = None
) -> tuple[list[Finding], int]:
    """Every rule of ``rule_file`` plus the implicit vocabulary checks over ``claims``,
    then, given the ``relations`` table, the enabled built-in arithmetic checks.

    Returns the sorted findings and the number of checks that ran.
    """
    evaluators = load_all()
    frame = prepare(claims, rule_file.vocabulary)
    findings: list[Finding] = []
    ran = 0
    for rule in rule_file.rules:
        findings.extend(evaluators[rule.kind](rule, _selected(frame, rule), rule_file))
        ran += 1
    if any(metric.part_of for metric in rule_file.vocabulary.metrics.values()):
        findings.extend(implicit_findings(frame, rule_file))
        ran += 1
    if relations is not None:
        builtin_findings, builtin_ran = run_builtin(frame, relations, rule_file)
        findings.extend(builtin_findings)
        ran += builtin_ran
    return sort_findings(findings), ran


def _selected(frame: pd.DataFrame, rule: Rule) -> pd.DataFrame:
    """The claims a rule's ``where:`` lets through (all of them when it has none)."""
    if not rule.where:
        return frame
    keep = np.ones(len(frame), dtype=bool)
    for column, accepted in rule.where:
        (name,) = resolve_columns([column])
        keep &= frame[name].astype("object").isin(accepted).to_numpy()
    return frame[keep]


def check(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    rules: RuleFile | str | os.PathLike[str] | None = None,
    cache: ClaimCache | None = None,
    encoding: str | None = None,
) -> CheckResult:
    """Read articles, extract claims, run the rules (Python API of ``numcheck check``).

    Unreadable articles are listed in ``result.read.problems``; the rest are checked.
    Findings silenced by inline comments are dropped and counted.
    """
    from checks.rules.load import default_rule_path, load_rule_file

    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    if not isinstance(rules, RuleFile):
        rules = load_rule_file(Path(rules) if rules is not None else default_rule_path())
    read = read_articles(paths, encoding)
    claims = extract_articles(read.articles, rules.vocabulary, cache)
    finding_cache = FindingCache(cache, rules) if cache is not None else None
    key = finding_cache.key(read.articles) if finding_cache is not None else None
    cached = finding_cache.get(key) if finding_cache is not None else None
    if cached is not None:
        findings, ran = cached
    else:
        relations = relations_for_claims(read.articles, claims)
        findings, ran = run_rules(rules, claims, relations)
        if finding_cache is not None:
            finding_cache.put(key, findings, ran)
    findings, suppressed = apply_suppressions(findings, read.articles, claims)
    return CheckResult(findings, claims, read.articles, rules, ran, read, suppressed)
