"""The quantity scan's first-word guard only skips positions where nothing could match.

The guard is a speed-up (claims.quantities._start_guard): with and without it the scan
must find exactly the same matches, on real articles and on text built from the words
every alternative starts with.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.articles import read_articles
from claims.distractors import WORD_LED_STARTS_ANY_CASE, WORD_LED_STARTS_CASED
from claims.hedges import HedgeTable, hedge_table
from claims.numbers import MULTIPLES, NUMBER_WORD_STARTS
from claims.quantities import scan_pattern
from claims.units import CURRENCY_SYMBOLS

REPO = Path(__file__).resolve().parents[2]
OVERRIDES = hedge_table({"vague": {"a smattering of": [2, 5], "Scores": [40, 100]}})


def matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


def assert_same_scan(table: HedgeTable, text: str) -> None:
    guarded = scan_pattern(table)
    plain = scan_pattern(table, guarded=False)
    assert matches(guarded, text) == matches(plain, text)


def test_guard_keeps_every_match_in_the_repository_articles() -> None:
    folders = [REPO / "seeds", REPO / "tests" / "fixtures"]
    articles = read_articles([folder for folder in folders if folder.exists()]).articles
    assert articles
    text = "\n\n".join(article.body for article in articles)
    assert_same_scan(hedge_table(None), text)
    assert_same_scan(OVERRIDES, text)


def test_guard_passes_starts_that_only_override_phrases_have() -> None:
    text = "They met a smattering of envoys; Scores gathered. scores, too."
    found = matches(scan_pattern(OVERRIDES), text)
    assert [(text[start:end], kind) for start, end, kind in found] == [
        ("a smattering of", "vague"),
        ("Scores", "vague"),
        ("scores", "vague"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("See Article 5 today", "skip"),
        ("Since March 2024 it grew", "skip"),
        ("It fell by a third", "frac"),
        ("A thousand men", "num"),
        ("USD 40 a day", "num"),
        ("prices rose twofold", "mult"),
        ("the '90s ended", "skip"),
    ],
)
def test_guard_passes_each_kind_of_start(text: str, kind: str) -> None:
    assert kind in {found[2] for found in matches(scan_pattern(hedge_table(None)), text)}


#: Every letter run written in the scan's own source ("hotline", "Fig.", "seventeen"), so
#: a start word missing from the guard's lists still shows up here.
_SOURCE_WORDS = set(re.findall(r"[A-Za-z]{2,}\.?", scan_pattern(OVERRIDES, guarded=False).pattern))
_WORDS = sorted(
    {
        *_SOURCE_WORDS,
        *WORD_LED_STARTS_ANY_CASE,
        *WORD_LED_STARTS_CASED,
        *(word.strip() for word in NUMBER_WORD_STARTS),
        *MULTIPLES,
        *CURRENCY_SYMBOLS,
        *(phrase for phrase, _ in hedge_table(None).vague),
        "a smattering of",
        "Scores",
        "third",
        "quarters",
        "hundred",
        "thousand",
        "million",
        "bn",
        "m",
        "k",
        "of",
        "per cent",
        "%",
        "troops",
        "the",
        "aged",
        "calling",
        "o'clock",
        "pm",
        "mm",
        "years-old",
    }
)
_FOLLOWERS = (
    " 123",
    " 1234567",
    "5",
    "-3",
    " 2024",
    ". 23",
    " No. 7",
    " 12/2024",
    " 3 and 4",
    " 0800 123",
    "-half",
    " third",
    " hundred",
    " thousand",
    " dozen",
    " of them",
    " of 40 men",
    " troops",
)


@pytest.mark.parametrize("word", _WORDS)
def test_guard_keeps_every_match_after_each_start_word(word: str) -> None:
    # One text holding every spelling and follower: both patterns must agree on any text,
    # so a joined text tests the same cases with one scan instead of seventy.
    cases = [
        f"So {written}{follower} left."
        for written in sorted({word, word.upper(), word.title(), word.lower()})
        for follower in _FOLLOWERS
    ]
    for table in (hedge_table(None), OVERRIDES):
        assert_same_scan(table, "\n".join(cases))


_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.upper),
    st.sampled_from(_WORDS).map(str.title),
    st.from_regex(r"\d{1,4}([.,:/-]\d{1,3})?", fullmatch=True),
    st.sampled_from([" ", " ", "  ", "\n", "\n\n", "-", ",", ".", "(", ")", "[", "]", "'", "+"]),
)


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=30), st.booleans())
def test_guard_keeps_every_match_in_generated_text(pieces: list[str], overrides: bool) -> None:
    assert_same_scan(OVERRIDES if overrides else hedge_table(None), "".join(pieces))


@settings(max_examples=200)
@given(st.lists(_PIECES, max_size=30))
def test_guard_keeps_every_match_in_spaced_text(pieces: list[str]) -> None:
    assert_same_scan(hedge_table(None), " ".join(pieces))
