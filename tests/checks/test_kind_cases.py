"""Every rule case under tests/fixtures/kinds/ and tests/rules/ (format: kinds/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.casefile import RuleCase, case_files, load_case_file, run_case

ROOT = Path(__file__).resolve().parents[1]
CASE_DIRS = (ROOT / "fixtures" / "kinds", ROOT / "rules")


def _all_cases() -> list[RuleCase]:
    cases = []
    for directory in CASE_DIRS:
        if directory.is_dir():
            for path in case_files(directory):
                cases.extend(load_case_file(path))
    return cases


CASES = _all_cases()


def test_there_are_cases() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{Path(c.file).stem}:{c.name}")
def test_rule_case(case: RuleCase) -> None:
    problems = run_case(case)
    assert not problems, "\n".join([case.where, *problems])
