"""The findings cache: a repeated run reuses findings; any change re-evaluates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import checks.runner as runner
from checks.rules.load import load_rule_file
from claims.cache import ClaimCache

REPO = Path(__file__).resolve().parents[2]
ARTICLES = ("010_zelensky-three-thousand.md", "000_e35d71710bbe9a77.txt")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ARTICLES:
        shutil.copy(REPO / "seeds" / name, folder / name)
    shutil.copy(REPO / "rules.yaml", tmp_path / "rules.yaml")
    return folder


@pytest.fixture
def evaluations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count real rule evaluations by wrapping run_rules."""
    calls: list[int] = []
    real = runner.run_rules

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "run_rules", counting)
    return calls


def run(corpus: Path) -> runner.CheckResult:
    rules = load_rule_file(corpus.parent / "rules.yaml")
    return runner.check([corpus], rules, ClaimCache(corpus.parent / "cache", rules.vocabulary))


def test_unchanged_corpus_reuses_the_findings(corpus: Path, evaluations: list[int]) -> None:
    first = run(corpus)
    second = run(corpus)
    assert len(evaluations) == 1
    assert [f.to_record() for f in second.findings] == [f.to_record() for f in first.findings]
    assert second.rules_run == first.rules_run
    assert any(f.rule == "losses-agree" for f in second.findings)


def test_editing_an_article_re_evaluates(corpus: Path, evaluations: list[int]) -> None:
    run(corpus)
    article = corpus / ARTICLES[0]
    article.write_text(article.read_text().replace("exceeded 3,000", "exceeded 1,000"))
    result = run(corpus)
    assert len(evaluations) == 2
    assert not any(f.rule == "losses-agree" for f in result.findings)


def test_editing_the_rule_file_re_evaluates(corpus: Path, evaluations: list[int]) -> None:
    run(corpus)
    rules = corpus.parent / "rules.yaml"
    rules.write_text(rules.read_text().replace("tolerance: 25%", "tolerance: 250%", 1))
    result = run(corpus)
    assert len(evaluations) == 2
    assert not any(f.rule == "losses-agree" for f in result.findings)
