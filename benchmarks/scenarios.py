"""Pass counts of the planted-contradiction scenarios on the default rules.yaml.

Runs ``tests/rules/scenarios.yaml`` (cases that pass, kept in CI) and
``benchmarks/scenarios_pending.yaml`` (cases that still fail, each with its reason) through
the same runner as ``numcheck rules test``, and prints, per file, how many "fires" cases
(a planted contradiction must be found) and "silent" cases (a trap must raise nothing) pass.

Usage: ``.venv/bin/python benchmarks/scenarios.py [-v]`` (``-v`` lists each failure).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checks.casefile import RuleCase, load_case_file, read_rule_file_raw, run_case  # noqa: E402

FILES = (
    REPO / "tests" / "rules" / "scenarios.yaml",
    REPO / "benchmarks" / "scenarios_pending.yaml",
)


def case_group(case: RuleCase) -> str:
    """ "fires" when the case expects findings, "silent" when it expects none."""
    return "fires" if case.expect else "silent"


def main(argv: list[str]) -> int:
    """Print pass counts per file and group; exit 0 (a benchmark, not a test)."""
    verbose = "-v" in argv
    raw = read_rule_file_raw(REPO / "rules.yaml")
    overall: Counter[str] = Counter()
    for path in FILES:
        passed: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for case in load_case_file(path):
            group = case_group(case)
            problems = run_case(case, raw)
            total[group] += 1
            passed[group] += not problems
            if problems and verbose:
                print(f"  FAIL {case.name}: {problems[0]}")
        parts = ", ".join(f"{g} {passed[g]}/{total[g]}" for g in ("fires", "silent"))
        print(f"{path.relative_to(REPO)}: {parts}")
        overall.update({f"{g}-pass": passed[g] for g in passed})
        overall.update({f"{g}-all": total[g] for g in total})
    every = overall["fires-all"] + overall["silent-all"]
    good = overall["fires-pass"] + overall["silent-pass"]
    print(
        f"all scenarios: {good}/{every} pass "
        f"(fires {overall['fires-pass']}/{overall['fires-all']}, "
        f"silent {overall['silent-pass']}/{overall['silent-all']})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
