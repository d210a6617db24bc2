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
from claims.table import build_table
from claims.tagging import tag_quantities
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


def article_rows(article: Article, vocabulary: Vocabulary) -> list[dict[str, Any]]:
    """The claims-table rows of one article, in text order."""
    quantities = find_quantities(article.body, vocabulary)
    tags = tag_quantities(article.body, quantities, vocabulary)
    published = pd.Timestamp(article.published) if article.published else pd.NaT
    rows = []
    for quantity, tag in zip(quantities, tags, strict=True):
        line, col = article.position(quantity.start)
        rows.append(
            {
                "claim_id": f"{article.id}:{quantity.start}",
                "article": article.id,
                "line": line,
                "col": col,
                "start": quantity.start,
                "end": quantity.end,
                "text": article.body[quantity.start : quantity.end],
                "sentence": tag.sentence,
                "published": published,
                "publisher": article.publisher,
                "value": quantity.value,
                "low": quantity.low,
                "high": quantity.high,
                "qualifier": quantity.qualifier,
                "unit": tag.unit or quantity.unit,
                "noun": quantity.noun,
                "metric": tag.metric,
                "entity": tag.entity,
                "source": tag.source,
                "reported_by": tag.reported_by,
                "period": tag.period,
                "path": article.path,
            }
        )
    return rows


def extract_articles(
    articles: Iterable[Article], vocabulary: Vocabulary, cache: ClaimCache | None = None
) -> pd.DataFrame:
    """The claims table of already-read articles (rows reused from ``cache`` when given)."""
    rows: list[dict[str, Any]] = []
    for article in articles:
        cached = cache.get(article) if cache is not None else None
        if cached is None:
            cached = article_rows(article, vocabulary)
            if cache is not None:
                cache.put(article, cached)
        rows.extend(cached)
    return build_table(rows)


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
