"""The default rules.yaml: it loads, and each rule has a firing and a silent case."""

from __future__ import annotations

from pathlib import Path

import yaml

from checks.casefile import case_files, load_case_file
from checks.rules.load import load_rule_file

REPO = Path(__file__).resolve().parents[2]


def test_every_default_rule_has_a_firing_and_a_silent_case() -> None:
    rule_ids = [rule.id for rule in load_rule_file(REPO / "rules.yaml").rules]
    cases = [c for p in case_files(REPO / "tests" / "rules") for c in load_case_file(p)]
    firing = {c.rule for c in cases if isinstance(c.rule, str) and c.expect}
    silent = {c.rule for c in cases if isinstance(c.rule, str) and c.expect == []}
    assert rule_ids, "the default rule file has rules"
    assert [r for r in rule_ids if r not in firing] == []
    assert [r for r in rule_ids if r not in silent] == []


def test_default_rule_ids_are_unique_and_described() -> None:
    raw = yaml.safe_load((REPO / "rules.yaml").read_text(encoding="utf-8"))
    ids = [rule["id"] for rule in raw["rules"]]
    assert len(ids) == len(set(ids))
    assert all(rule.get("description") for rule in raw["rules"])
