"""The CI workflow through the command line: baselines, --only, --changed-since.

Runs in-process through ``checks.cli.main`` (the ``numcheck`` fixture of conftest.py),
in a workspace holding three seed articles under ``articles/``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import REPO, Run

DISPUTE = "010_zelensky-three-thousand.md"
SEED = "000_e35d71710bbe9a77.txt"
QUIET = "002_kirby-three-thousand.md"


def findings(result: Run) -> list[dict]:
    return json.loads(result.stdout)["findings"]


@pytest.fixture
def project(workspace: Path) -> Path:
    (workspace / "articles").mkdir()
    for name in (DISPUTE, SEED, QUIET):
        shutil.copy(REPO / "seeds" / name, workspace / "articles" / name)
    return workspace


def changed_since_head(numcheck: Callable[..., Run]) -> list[dict]:
    """Findings of a check narrowed to articles changed since HEAD."""
    result = numcheck(
        "check", "articles", "--changed-since", "HEAD", "--format", "json", "--fail-on", "never"
    )
    assert result.code == 0, result.stderr
    return findings(result)


def test_baseline_round_trip(project: Path, numcheck: Callable[..., Run]) -> None:
    before = numcheck("check", "articles", "--format", "json", "--fail-on", "warning")
    assert before.code == 1
    disputes = [f for f in findings(before) if f["rule"] == "losses-agree"]
    assert len(disputes) == 2

    update = numcheck(
        "check", "articles", "--baseline", "base.yaml", "--update-baseline",
        "--format", "json", "--fail-on", "never",
    )  # fmt: skip
    assert update.code == 0
    assert "reason:" in (project / "base.yaml").read_text()

    clean = numcheck(
        "check", "articles", "--baseline", "base.yaml", "--format", "json", "--fail-on", "warning"
    )
    assert clean.code == 0, clean.stderr
    assert findings(clean) == []
    assert json.loads(clean.stdout)["summary"]["suppressed"] >= 2

    article = project / "articles" / DISPUTE
    article.write_text(article.read_text().replace("exceeded 3,000", "exceeded 5,000"))
    changed = numcheck(
        "check", "articles", "--baseline", "base.yaml", "--format", "json", "--fail-on", "warning"
    )
    assert changed.code == 1
    assert {f["claims"][0]["text"] for f in findings(changed)} == {"exceeded 5,000"}
    assert "stale baseline entry" in changed.stderr


def test_only_reports_findings_involving_the_named_article(
    project: Path, numcheck: Callable[..., Run]
) -> None:
    narrowed = numcheck(
        "check", "articles", "--only", f"articles/{SEED}", "--format", "json", "--fail-on", "never"
    )
    assert narrowed.code == 0
    reported = findings(narrowed)
    assert reported
    assert all(any(c["path"] == f"articles/{SEED}" for c in f["claims"]) for f in reported)
    # The seed is still compared with the other articles: the cross-article dispute stays.
    assert any(f["rule"] == "losses-agree" for f in reported)


def test_changed_since_reports_only_changed_articles(
    project: Path, numcheck: Callable[..., Run]
) -> None:
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([git, "init", "-q"], cwd=project, check=True)
    subprocess.run([git, "add", "."], cwd=project, check=True)
    subprocess.run([git, *identity, "commit", "-qm", "base"], cwd=project, check=True)
    assert changed_since_head(numcheck) == []
    quiet = project / "articles" / QUIET
    quiet.write_text(quiet.read_text() + "\nAbout 7 more soldiers were seen.\n")
    assert changed_since_head(numcheck) == []
    dispute = project / "articles" / DISPUTE
    dispute.write_text(dispute.read_text() + "\nNo new figures were given.\n")
    assert {f["rule"] for f in changed_since_head(numcheck)} == {"losses-agree"}


def test_changed_since_outside_git_is_a_usage_error(
    project: Path, numcheck: Callable[..., Run]
) -> None:
    result = numcheck("check", "articles", "--changed-since", "HEAD")
    assert result.code == 2
    assert "Traceback" not in result.stderr
    assert "git" in result.stderr
