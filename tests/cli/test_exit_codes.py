"""Every command's exit codes (0 clean, 1 findings or failures, 2 user error, 3 bug) and
``--debug`` in any position of the command line."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import REPO, Run


def _one_error_line(run: Run, *parts: str) -> None:
    assert len(run.error_lines) == 1, run.stderr
    assert run.error_lines[0].startswith("numcheck: ")
    for part in parts:
        assert part in run.error_lines[0]
    assert "Traceback" not in run.stderr


def test_check_exit_codes(numcheck: Callable[..., Run]) -> None:
    # the corpus has two warnings and one info, no error
    assert numcheck("check").code == 0
    assert numcheck("check", "--fail-on", "warning").code == 1
    assert numcheck("check", "--fail-on", "info").code == 1
    assert numcheck("check", "--fail-on", "never").code == 0
    Path("seeds/empty.md").write_text("")
    assert numcheck("check", "--fail-on", "warning").code == 2  # skipped input wins


def test_check_usage_errors(numcheck: Callable[..., Run]) -> None:
    bad_choice = numcheck("check", "--fail-on", "sometimes")
    assert bad_choice.code == 2
    _one_error_line(bad_choice, "--fail-on", "sometimes", "numcheck check --help")
    missing = numcheck("check", "nowhere/")
    assert missing.code == 2
    _one_error_line(missing, "nowhere/: no such file or directory")
    no_folder = numcheck("check", "--output", "absent/report.txt")
    assert no_folder.code == 2
    _one_error_line(no_folder, "folder absent does not exist")


def test_extract_exit_codes(numcheck: Callable[..., Run]) -> None:
    assert numcheck("extract", "--format", "csv").code == 0
    broken = numcheck("extract", "--rules", "missing.yaml")
    assert broken.code == 2
    _one_error_line(broken, "missing.yaml: cannot read rule file")


def test_rules_validate_exit_codes(numcheck: Callable[..., Run]) -> None:
    good = numcheck("rules", "validate")
    assert good.code == 0 and "rules.yaml: ok" in good.stdout
    Path("typo.yaml").write_text("version: 1\nrulez: []\n")
    bad = numcheck("rules", "validate", "typo.yaml")
    assert bad.code == 2
    _one_error_line(bad, "typo.yaml:2:", "unknown section 'rulez'", "did you mean 'rules'")


def test_rules_test_exit_codes(numcheck: Callable[..., Run]) -> None:
    Path("cases").mkdir()
    shutil.copy(REPO / "tests/fixtures/kinds/agree.yaml", "cases/agree.yaml")
    assert numcheck("rules", "test", "cases").code == 0
    text = Path("cases/agree.yaml").read_text(encoding="utf-8")
    Path("cases/agree.yaml").write_text(text.replace("2.7x apart", "9.9x apart"), "utf-8")
    failing = numcheck("rules", "test", "cases")
    assert failing.code == 1
    assert "open-ended-claim-far-above-approximate-one" in failing.stdout
    missing = numcheck("rules", "test", "no-cases")
    assert missing.code == 2
    _one_error_line(missing, "no-cases: no such rule-test folder")


def test_explain_exit_codes(numcheck: Callable[..., Run]) -> None:
    known = numcheck("explain", "losses-agree")
    assert known.code == 0 and "losses-agree" in known.stdout
    unknown = numcheck("explain", "losses-agre")
    assert unknown.code == 2
    _one_error_line(unknown, "losses-agre", "losses-agree")


def test_internal_error_says_it_is_a_bug(
    numcheck: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("evaluator fell over")

    monkeypatch.setattr("checks.runner.check", explode)
    run = numcheck("check")
    assert run.code == 3
    _one_error_line(run, "internal error (RuntimeError: evaluator fell over)", "please report")


@pytest.mark.parametrize(
    "argv",
    [
        ["--debug", "rules", "validate", "missing.yaml"],
        ["rules", "--debug", "validate", "missing.yaml"],
        ["rules", "validate", "--debug", "missing.yaml"],
        ["rules", "validate", "missing.yaml", "--debug"],
    ],
    ids=["before", "after group", "after command", "last"],
)
def test_debug_shows_the_traceback_in_any_position(
    numcheck: Callable[..., Run], argv: list[str]
) -> None:
    run = numcheck(*argv)
    assert run.code == 2
    assert "Traceback (most recent call last)" in run.stderr
    assert run.stderr.rstrip().endswith(
        "missing.yaml: cannot read rule file: No such file or directory"
    )


def test_console_script_exit_codes_and_debug(numcheck_process: Callable[..., Run]) -> None:
    quiet = numcheck_process("check", "--rules", "missing.yaml")
    assert quiet.code == 2
    assert (
        quiet.stderr == "numcheck: missing.yaml: cannot read rule file: No such file or directory\n"
    )
    loud = numcheck_process("check", "--rules", "missing.yaml", "--debug")
    assert loud.code == 2 and "Traceback" in loud.stderr
