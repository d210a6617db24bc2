"""Articles -> claims table: the one place that joins reading, finding and tagging."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from claims.articles import Article, read_articles
from claims.cache import ClaimCache
from claims.errors import InputError
from claims.quantities import find_quantities
from claims.relations import relations_for_claims
from claims.table import COLUMNS, Columns, table_from_columns
from claims.tagging import tag_quantities
from claims.tries import ascii_case_letters
from claims.vocab import Vocabulary, load_vocabulary

RulesLike = Vocabulary | Mapping[str, Any] | str | os.PathLike[str] | None


def resolve_vocabulary(rules: RulesLike) -> Vocabulary:
    """A :class:`Vocabulary` from a rule-file path, a parsed mapping, a vocabulary or None."""
    if rules is None:
        return Vocabulary()
    if isinstance(rules, Vocabulary):
        return rules
    vocabulary = getattr(rules, "vocabulary", None)
    if isinstance(vocabulary, Vocabulary):
        return vocabulary
    if isinstance(rules, Mapping):
        return Vocabulary.from_mapping(rules)
    return load_vocabulary(Path(rules))


def _as_written(sentences: list[str], matched: str, body: str) -> list[str]:
    """Each sentence of ``matched`` (``body`` with letters made ASCII) as ``body`` has it."""
    written = []
    position = 0
    for sentence in sentences:
        found = matched.find(sentence, position)
        if found < 0:
            found = matched.find(sentence)
        written.append(body[found : found + len(sentence)] if found >= 0 else sentence)
        position = max(found, 0)
    return written


def article_columns(article: Article, vocabulary: Vocabulary) -> Columns:
    """The claims of one article as table columns (:data:`claims.table.COLUMNS`), text order."""
    # matching reads a copy with a few exotic letters made ASCII (same length, same offsets);
    # the table shows the text as written
    text = ascii_case_letters(article.body)
    quantities = find_quantities(text, vocabulary)
    tags = tag_quantities(text, quantities, vocabulary, ascii_case_letters(article.title or ""))
    sentences = [tag.sentence for tag in tags]
    if text != article.body:
        sentences = _as_written(sentences, text, article.body)
    published = pd.Timestamp(article.published) if article.published else pd.NaT
    count = len(quantities)
    positions = [article.position(quantity.start) for quantity in quantities]
    return {
        "claim_id": [f"{article.id}:{quantity.start}" for quantity in quantities],
        "article": [article.id] * count,
        "line": [line for line, _ in positions],
        "col": [col for _, col in positions],
        "start": [quantity.start for quantity in quantities],
        "end": [quantity.end for quantity in quantities],
        "text": [article.body[quantity.start : quantity.end] for quantity in quantities],
        "sentence": sentences,
        "published": [published] * count,
        "publisher": [article.publisher] * count,
        "value": [quantity.value for quantity in quantities],
        "low": [quantity.low for quantity in quantities],
        "high": [quantity.high for quantity in quantities],
        "qualifier": [quantity.qualifier for quantity in quantities],
        "unit": [tag.unit or quantity.unit for quantity, tag in zip(quantities, tags, strict=True)],
        "noun": [quantity.noun for quantity in quantities],
        "metric": [tag.metric for tag in tags],
        "entity": [tag.entity for tag in tags],
        "source": [tag.source for tag in tags],
        "reported_by": [tag.reported_by for tag in tags],
        "period": [tag.period for tag in tags],
        "path": [article.path] * count,
    }


def extract_articles(
    articles: Iterable[Article], vocabulary: Vocabulary, cache: ClaimCache | None = None
) -> pd.DataFrame:
    """The claims table of already-read articles (columns reused from ``cache`` when given)."""
    # one list per column, extended article by article: the table is built from columns,
    # which pandas assembles much faster than one mapping per row
    columns: Columns = {column: [] for column in COLUMNS}
    for article in articles:
        cached = cache.get(article) if cache is not None else None
        if cached is None:
            cached = article_columns(article, vocabulary)
            if cache is not None:
                cache.put(article, cached)
        for column, values in columns.items():
            values.extend(cached[column])
    return table_from_columns(columns)


def extract(
    paths_or_articles: Iterable[str | os.PathLike[str] | Article] | str | os.PathLike[str],
    rules: RulesLike = None,
) -> pd.DataFrame:
    """The claims table of every article in ``paths_or_articles`` (SPEC: claims table).

    Unreadable files raise the first :class:`InputError`; the command line instead
    reports each one and goes on (see :func:`claims.articles.read_articles`).
    """
    return extract_articles(_articles(paths_or_articles), resolve_vocabulary(rules))


@dataclass(frozen=True)
class Extraction:
    """The claims table and the relations table of the same articles."""

    claims: pd.DataFrame
    #: the text's own arithmetic, keyed by claim_id (docs/relations.md)
    relations: pd.DataFrame


def extract_with_relations(
    paths_or_articles: Iterable[str | os.PathLike[str] | Article] | str | os.PathLike[str],
    rules: RulesLike = None,
) -> Extraction:
    """Like :func:`extract`, plus the relations between each article's claims."""
    articles = _articles(paths_or_articles)
    claims = extract_articles(articles, resolve_vocabulary(rules))
    return Extraction(claims, relations_for_claims(articles, claims))


def _articles(
    paths_or_articles: Iterable[str | os.PathLike[str] | Article] | str | os.PathLike[str],
) -> list[Article]:
    if isinstance(paths_or_articles, str | os.PathLike):
        paths_or_articles = [paths_or_articles]
    items = list(paths_or_articles)
    articles = [item for item in items if isinstance(item, Article)]
    paths = [item for item in items if not isinstance(item, Article)]
    if paths:
        result = read_articles(paths)
        if result.problems:
            raise result.problems[0]
        articles.extend(result.articles)
    return articles


__all__ = [
    "Extraction",
    "InputError",
    "extract",
    "extract_articles",
    "extract_with_relations",
    "resolve_vocabulary",
]
