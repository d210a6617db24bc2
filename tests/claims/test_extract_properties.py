"""Properties of the whole extractor (``claims.extract``) over arbitrary and number-rich text:
it never raises, it is deterministic and independent of article order, every row's
interval holds its value, and every row's text is the body at its offsets."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.articles import Article, read_articles
from claims.pipeline import extract
from claims.vocab import Vocabulary

VOCABULARY = Vocabulary(
    units=("person = [headcount] = soldier = soldiers = troops",),
    entities={"north_korea": ("North Korea", "North Korean")},
)
WORDS = [
    "about", "up to", "at least", "more than", "nearly", "between", "and", "to", "from",
    "rose", "fell", "by", "three", "twelve", "dozens of", "1,100", "12 000", "3.5", "million",
    "$2,000", "9%", "per cent", "troops", "soldiers", "killed", "North Korean", "said",
    "in 2024", "10:16:00 AM", "Article 4", "the 3rd", ".", ",", "(", ")", "—", "\n", "\n\n",
]  # fmt: skip
NEWSY = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)
ANY_TEXT = st.text(max_size=200)
FAST = settings(max_examples=25)


def _table(*bodies: str) -> pd.DataFrame:
    articles = [Article.from_text(body, id=f"a{index}") for index, body in enumerate(bodies)]
    return extract(articles, VOCABULARY)


def _canonical(table: pd.DataFrame) -> pd.DataFrame:
    return table.sort_values("claim_id").reset_index(drop=True)


@FAST
@given(st.one_of(ANY_TEXT, NEWSY))
def test_extract_never_raises_and_rows_are_consistent(body: str) -> None:
    table = _table(body)
    for row in table.itertuples():
        assert body[row.start : row.end] == row.text
        if not math.isnan(row.value):
            assert row.low <= row.value <= row.high


@FAST
@given(NEWSY)
def test_extract_is_deterministic(body: str) -> None:
    pd.testing.assert_frame_equal(_table(body), _table(body))


@FAST
@given(NEWSY, NEWSY)
def test_extract_does_not_depend_on_article_order(first: str, second: str) -> None:
    forward = _table(first, second)
    articles = [Article.from_text(second, id="a1"), Article.from_text(first, id="a0")]
    backward = extract(articles, VOCABULARY)
    pd.testing.assert_frame_equal(_canonical(forward), _canonical(backward))


# letters that case-blind matching equates with ASCII ones but lower() does not map back
_CASE_FOLD_SWAPS = [("i", "İ"), ("s", "ſ"), ("k", "\u212a"), ("I", "ı")]


def test_letters_that_only_fold_to_ascii_never_break_extraction() -> None:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    articles = read_articles([seeds]).articles
    for old, new in _CASE_FOLD_SWAPS:
        swapped = [Article.from_text(a.body.replace(old, new), id=a.id) for a in articles]
        table = extract(swapped, rules=seeds.parent / "rules.yaml")
        assert set(table["article"]) <= {a.id for a in articles}
        bodies = {a.id: a.body for a in swapped}
        for row in table.itertuples():
            # the table shows the text as written, exotic letters and all
            assert row.text == bodies[row.article][row.start : row.end]
            assert row.sentence in bodies[row.article]
