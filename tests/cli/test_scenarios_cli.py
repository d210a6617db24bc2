"""Planted arithmetic errors for the built-in checks, through the real `numcheck check`.

The built-in checks (sum, percent, change, rate, multiple, breakdown, part_of) run only in
`numcheck check`, not in rule cases, so these scenarios are short articles in a temporary
folder checked with the default rules.yaml. Each "bad" article plants one error the named
check must report; its "ok" twin states the same figures correctly and must stay silent.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

#: article id -> (body, built-in checks that must report it; empty = silent)
SCENARIOS: dict[str, tuple[str, set[str]]] = {
    "sum-bad": (
        "Ukrainian forces killed 77 North Korean soldiers and injured 40, for a total of 127 "
        "casualties, the Special Operations Forces said.",
        {"sum"},
    ),
    "sum-ok": (
        "Ukrainian forces killed 77 North Korean soldiers and injured 40, for a total of 117 "
        "casualties, the Special Operations Forces said.",
        set(),
    ),
    "percent-bad": (
        "The JCS said 1,100 of the 12,000 North Korean troops, or 20%, have been killed or "
        "wounded.",
        {"percent"},
    ),
    "percent-ok": (
        "The JCS said 1,100 of the 12,000 North Korean troops, or 9%, have been killed or wounded.",
        set(),
    ),
    "change-bad": (
        "North Korean casualties rose from 800 to 1,100, a 25% increase, the JCS said.",
        {"change"},
    ),
    "change-ok": (
        "North Korean casualties rose from 800 to 1,100, a 37.5% increase, the JCS said.",
        set(),
    ),
    "rate-bad": (
        "Ukrainian forces killed 90 North Korean soldiers in three days, about 50 a day, the "
        "Special Operations Forces said.",
        {"rate"},
    ),
    "rate-ok": (
        "Ukrainian forces killed 90 North Korean soldiers in three days, about 30 a day, the "
        "Special Operations Forces said.",
        set(),
    ),
    "multiple-bad": (
        "Moscow pays Pyongyang $2,000 for each soldier, an amount equal to 3 annual wages of "
        "an ordinary North Korean worker, the NIS said.",
        {"multiple"},
    ),
    "breakdown-bad": (
        "Ukrainian forces destroyed 10 vehicles, including three buggies, twelve cars and an "
        "armored vehicle, the SSO said.",
        {"breakdown"},
    ),
    "breakdown-ok": (
        "Ukrainian forces destroyed 16 vehicles, including three buggies, twelve cars and an "
        "armored vehicle, the SSO said.",
        set(),
    ),
    "part-of-bad": (
        "About 1,200 North Korean soldiers have been killed, and North Korean casualties "
        "total around 600, the JCS said.",
        {"part-of:killed-losses"},
    ),
    "part-of-ok": (
        "About 200 North Korean soldiers have been killed, and North Korean casualties "
        "total around 1,100, the JCS said.",
        set(),
    ),
}
BUILT_IN = {"sum", "percent", "change", "rate", "multiple", "breakdown"}


def _is_built_in(rule: str) -> bool:
    return rule in BUILT_IN or rule.startswith("part-of:")


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """Built-in check names reported per article, from one `numcheck check` run."""
    root = tmp_path_factory.mktemp("scenarios")
    articles = root / "articles"
    articles.mkdir()
    # a month apart, so that the cross-source rules of rules.yaml leave them alone
    for day, (name, (body, _)) in enumerate(sorted(SCENARIOS.items())):
        date = f"2024-{1 + day % 12:02d}-{1 + day // 12:02d}"
        front = f"---\nid: {name}\ndate: {date}\nsource: Test Wire\n---\n\n"
        (articles / f"{name}.md").write_text(front + body + "\n", encoding="utf-8")
    shutil.copy(REPO / "rules.yaml", root / "rules.yaml")
    code = "import sys; from checks.cli import main; main(sys.argv[1:])"
    result = subprocess.run(
        [sys.executable, "-c", code, "check", "articles", "--no-cache", "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    found: dict[str, set[str]] = {name: set() for name in SCENARIOS}
    for finding in json.loads(result.stdout)["findings"]:
        if _is_built_in(finding["rule"]):
            for claim in finding["claims"]:
                found[claim["article"]].add(finding["rule"])
    return found


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_built_in_check_scenario(name: str, reported: dict[str, set[str]]) -> None:
    assert reported[name] == SCENARIOS[name][1]
