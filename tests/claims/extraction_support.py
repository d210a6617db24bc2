"""Reading tags off the claims table of a short text, for the tagging tests."""

from __future__ import annotations

from typing import Any

from claims.articles import Article
from claims.pipeline import extract_articles
from claims.vocab import Vocabulary


def tags(text: str, vocabulary: Vocabulary, *columns: str, title: str | None = None) -> list[Any]:
    """The ``columns`` of every figure of ``text`` in text order, a missing tag as None: one
    value per figure for one column, a tuple per figure for several. ``title`` is the
    article's headline."""
    meta = {"title": title} if title else {}
    table = extract_articles([Article.from_text(text, id="t", **meta)], vocabulary)
    picked = table[list(columns)].astype(object)
    rows = list(picked.where(picked.notna(), None).itertuples(index=False, name=None))
    return [row[0] for row in rows] if len(columns) == 1 else rows
