"""``numcheck --help`` must start fast: no pandas, pint or sympy at import time."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pandas", "pint", "sympy", "numpy")


def test_cli_import_loads_no_heavy_library() -> None:
    code = f"import sys, checks.cli\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_help_lists_every_command() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "from checks.cli import main; main(['--help'])"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0
    for command in ("check", "extract", "rules", "explain"):
        assert command in out.stdout
