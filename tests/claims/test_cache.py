"""The extraction cache: hits on unchanged input, misses after any relevant edit."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

import claims.pipeline as pipeline
from checks.casefile import claim_row
from claims.articles import Article
from claims.cache import ClaimCache
from claims.vocab import Vocabulary


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace real extraction by a recorder that returns one fixed claim per article."""
    calls: list[str] = []

    def fake_columns(article: Article, vocabulary: Vocabulary) -> dict[str, list[Any]]:
        calls.append(article.id)
        row = claim_row(
            0,
            {
                "article": article.id,
                "text": article.body[:3],
                "sentence": article.body,
                "value": 12.0,
                "high": "inf",
                "qualifier": "lower",
                "unit": "person",
            },
        )
        return {column: [value] for column, value in row.items()}

    monkeypatch.setattr(pipeline, "article_columns", fake_columns)
    return calls


def test_second_run_reads_the_cache(tmp_path: Path, counted: list[str]) -> None:
    vocabulary = Vocabulary()
    articles = [Article.from_text("At least 12 ships.", id="a")]
    first = pipeline.extract_articles(articles, vocabulary, ClaimCache(tmp_path, vocabulary))
    cache = ClaimCache(tmp_path, vocabulary)
    second = pipeline.extract_articles(articles, vocabulary, cache)
    assert counted == ["a"]
    assert cache.hits == 1
    assert second.equals(first)
    assert second.loc[0, "high"] == math.inf


def test_editing_the_article_invalidates_its_entry(tmp_path: Path, counted: list[str]) -> None:
    vocabulary = Vocabulary()
    cache = ClaimCache(tmp_path, vocabulary)
    pipeline.extract_articles([Article.from_text("At least 12 ships.", id="a")], vocabulary, cache)
    pipeline.extract_articles([Article.from_text("At least 13 ships.", id="a")], vocabulary, cache)
    assert counted == ["a", "a"]


def test_changing_the_vocabulary_invalidates_entries(tmp_path: Path, counted: list[str]) -> None:
    article = Article.from_text("At least 12 ships.", id="a")
    plain = Vocabulary()
    tagged = Vocabulary.from_mapping({"entities": {"navy": ["Navy"]}})
    pipeline.extract_articles([article], plain, ClaimCache(tmp_path, plain))
    pipeline.extract_articles([article], tagged, ClaimCache(tmp_path, tagged))
    assert counted == ["a", "a"]


def test_damaged_entry_is_a_miss_not_a_crash(tmp_path: Path, counted: list[str]) -> None:
    vocabulary = Vocabulary()
    article = Article.from_text("At least 12 ships.", id="a")
    cache = ClaimCache(tmp_path, vocabulary)
    pipeline.extract_articles([article], vocabulary, cache)
    entry = next(tmp_path.rglob("*.json"))
    entry.write_text("{not json", encoding="utf-8")
    pipeline.extract_articles([article], vocabulary, cache)
    assert counted == ["a", "a"]
    assert (tmp_path / ".gitignore").exists()


def test_an_entry_missing_a_column_is_a_miss(tmp_path: Path, counted: list[str]) -> None:
    vocabulary = Vocabulary()
    article = Article.from_text("At least 12 ships.", id="a")
    cache = ClaimCache(tmp_path, vocabulary)
    pipeline.extract_articles([article], vocabulary, cache)
    entry = next(tmp_path.rglob("*.json"))
    entry.write_text('{"claim_id": ["a:0"]}', encoding="utf-8")
    table = pipeline.extract_articles([article], vocabulary, cache)
    assert counted == ["a", "a"]
    assert cache.misses == 2
    assert list(table["claim_id"]) == ["a:0"]
