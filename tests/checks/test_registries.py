"""Every registered thing is complete: evaluator, docs, fixtures, README, CLI choices.

No list is kept twice by hand; this test fails when one of the places a kind, a
built-in check or a report format must appear is missing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.cli import CHECK_FORMATS
from checks.engine.pandas import load_all as load_evaluators
from checks.engine.pandas.builtin import load_builtins
from checks.kinds import load_all as load_kinds
from checks.report import FORMATS
from checks.rules.model import BUILTIN_CHECKS

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
KINDS = sorted(load_kinds())


@pytest.mark.parametrize("kind", KINDS)
def test_kind_has_evaluator_fixture_and_readme_row(kind: str) -> None:
    assert kind in load_evaluators()
    assert (REPO / "tests" / "fixtures" / "kinds" / f"{kind}.yaml").is_file()
    assert f"| `{kind}` |" in README


@pytest.mark.parametrize("name", sorted(BUILTIN_CHECKS))
def test_builtin_check_is_implemented_documented_and_tested(name: str) -> None:
    assert f"| `{name}` |" in README
    if name == "part_of":
        assert (REPO / "checks" / "engine" / "pandas" / "part_of.py").is_file()
        return
    builtins = load_builtins()
    assert name in builtins
    module = __import__(builtins[name].__module__, fromlist=["_"])
    assert "Flagged" in (module.__doc__ or "") or "flagged" in (module.__doc__ or "")
    assert (REPO / "tests" / "fixtures" / "builtin" / f"{name}.yaml").is_file()


def test_cli_formats_are_exactly_the_registered_formats() -> None:
    assert sorted(CHECK_FORMATS) == sorted(FORMATS)
    for name in FORMATS:
        assert f"`--format {name}`" in README or f"|{name}" in README or f"{name}|" in README
