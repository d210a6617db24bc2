"""The CI workflow through the real command line: baselines, --only, --changed-since."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DISPUTE = "010_zelensky-three-thousand.md"
SEED = "000_e35d71710bbe9a77.txt"
QUIET = "002_kirby-three-thousand.md"


def numcheck(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from checks.cli import main; main(sys.argv[1:])"
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def findings(result: subprocess.CompletedProcess[str]) -> list[dict]:
    return json.loads(result.stdout)["findings"]


def changed_since_head(project: Path) -> list[dict]:
    """Findings of a check narrowed to articles changed since HEAD."""
    result = numcheck(
        project,
        "check",
        "articles",
        "--changed-since",
        "HEAD",
        "--format",
        "json",
        "--fail-on",
        "never",
    )
    assert result.returncode == 0, result.stderr
    return findings(result)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    for name in (DISPUTE, SEED, QUIET):
        shutil.copy(REPO / "seeds" / name, tmp_path / "articles" / name)
    shutil.copy(REPO / "rules.yaml", tmp_path / "rules.yaml")
    return tmp_path


def test_baseline_round_trip(project: Path) -> None:
    before = numcheck(project, "check", "articles", "--format", "json", "--fail-on", "warning")
    assert before.returncode == 1
    disputes = [f for f in findings(before) if f["rule"] == "losses-agree"]
    assert len(disputes) == 2

    update = numcheck(
        project,
        "check",
        "articles",
        "--baseline",
        "base.yaml",
        "--update-baseline",
        "--format",
        "json",
        "--fail-on",
        "never",
    )
    assert update.returncode == 0
    assert "reason:" in (project / "base.yaml").read_text()

    clean = numcheck(
        project,
        "check",
        "articles",
        "--baseline",
        "base.yaml",
        "--format",
        "json",
        "--fail-on",
        "warning",
    )
    assert clean.returncode == 0, clean.stderr
    assert findings(clean) == []
    assert json.loads(clean.stdout)["summary"]["suppressed"] >= 2

    article = project / "articles" / DISPUTE
    article.write_text(article.read_text().replace("exceeded 3,000", "exceeded 5,000"))
    changed = numcheck(
        project,
        "check",
        "articles",
        "--baseline",
        "base.yaml",
        "--format",
        "json",
        "--fail-on",
        "warning",
    )
    assert changed.returncode == 1
    assert {f["claims"][0]["text"] for f in findings(changed)} == {"exceeded 5,000"}
    assert "stale baseline entry" in changed.stderr


def test_only_reports_findings_involving_the_named_article(project: Path) -> None:
    narrowed = numcheck(
        project,
        "check",
        "articles",
        "--only",
        f"articles/{SEED}",
        "--format",
        "json",
        "--fail-on",
        "never",
    )
    assert narrowed.returncode == 0
    reported = findings(narrowed)
    assert reported
    assert all(any(c["path"] == f"articles/{SEED}" for c in f["claims"]) for f in reported)
    # The seed is still compared with the other articles: the cross-article dispute stays.
    assert any(f["rule"] == "losses-agree" for f in reported)


def test_changed_since_reports_only_changed_articles(project: Path) -> None:
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    env = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([git, "init", "-q"], cwd=project, check=True)
    subprocess.run([git, "add", "."], cwd=project, check=True)
    subprocess.run([git, *env, "commit", "-qm", "base"], cwd=project, check=True)
    nothing = numcheck(
        project,
        "check",
        "articles",
        "--changed-since",
        "HEAD",
        "--format",
        "json",
        "--fail-on",
        "never",
    )
    assert findings(nothing) == []
    quiet = project / "articles" / QUIET
    quiet.write_text(quiet.read_text() + "\nAbout 7 more soldiers were seen.\n")
    still_nothing = numcheck(
        project,
        "check",
        "articles",
        "--changed-since",
        "HEAD",
        "--format",
        "json",
        "--fail-on",
        "never",
    )
    assert findings(still_nothing) == []
    dispute = project / "articles" / DISPUTE
    dispute.write_text(dispute.read_text() + "\nNo new figures were given.\n")
    some = numcheck(
        project,
        "check",
        "articles",
        "--changed-since",
        "HEAD",
        "--format",
        "json",
        "--fail-on",
        "never",
    )
    assert {f["rule"] for f in findings(some)} == {"losses-agree"}


def test_changed_since_outside_git_is_a_usage_error(project: Path) -> None:
    result = numcheck(project, "check", "articles", "--changed-since", "HEAD")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "git" in result.stderr
