"""The attribution stage's fast paths find exactly what the plain patterns they replace find.

Each fast path (a comma-first search for a title, alternations that open with a plain
character, an index of the short names a text gives its aliases) is compared with the
straightforward pattern on generated text made of the words the patterns care about.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.attribution import _ShortNames
from claims.attribution_finder import (
    _ELLIPTIC,
    _INVERTED_HINT,
    _PARTICIPLES,
    TITLE_NOUNS,
    _title_before_comma,
)
from claims.cues import Hit

_PLAIN_TITLE_BEFORE_COMMA = re.compile(rf"\b(?:{TITLE_NOUNS})\s*,")
_PLAIN_ELLIPTIC = re.compile(
    r"\b(?:and|but)\s+(?:(?:also|later|then|further|(?:last|this|on)\s+[A-Za-z]+)\s+)?"
    r"(?:said|says|told|added|adds|warned|warns|estimated|estimates|insisted|claimed|stated|"
    r"noted|put|reported|announced|expects|expected)\b"
    rf"|,\s*(?:{_PARTICIPLES})\b"
)
_PLAIN_INVERTED_HINT = re.compile(
    r"(?:,[\"”’']?|[?!][\"”’'])\s*(?:said|says|reported|added|noted|stated|wrote)\s"
)

_WORDS = [
    *("governor", "Governor", "economist", "mischief", "vice-president", "chairman", "chair"),
    *("and", "band", "but", "rebut", "said", "later", "saying", "telling", "reported", "wrote"),
    *("Anna", "Velde", "the", "officials", "last", "week", "x1", "_", "'", '"', "”", "?", "!"),
]
_SEPARATORS = [" ", ", ", ",", " ,", "  ", "-", "\n"]
_texts = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=14
).map(lambda parts: "".join(word + separator for word, separator in parts))


@settings(max_examples=300, deadline=None)
@given(_texts, st.integers(0, 6))
def test_title_before_a_comma_is_found_as_the_plain_pattern_finds_it(text: str, skip: int) -> None:
    start = min(skip, len(text))
    expected = _PLAIN_TITLE_BEFORE_COMMA.search(text, start, len(text)) is not None
    assert _title_before_comma(text, start, len(text)) is expected


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_literal_led_patterns_match_where_the_plain_ones_do(text: str) -> None:
    for fast, plain in ((_ELLIPTIC, _PLAIN_ELLIPTIC), (_INVERTED_HINT, _PLAIN_INVERTED_HINT)):
        found, expected = fast.search(text), plain.search(text)
        assert (found and found.span()) == (expected and expected.span())


def test_title_examples() -> None:
    assert _title_before_comma("The governor, Anna Velde, said", 0, 30)
    assert _title_before_comma("its chief economist , Ian Ross, said", 0, 36)
    assert not _title_before_comma("Mischief, Anna Velde, said", 0, 26)
    assert not _title_before_comma("The Governor, Anna Velde, said", 0, 30)


def _hits(text: str, *aliases: tuple[str, str]) -> list[Hit]:
    found = []
    for written, key in aliases:
        start = text.index(written)
        found.append(Hit(start, start + len(written), key))
    return sorted(found, key=lambda hit: hit.start)


def test_short_names_by_last_words_initials_and_parentheses() -> None:
    text = (
        "The National Intelligence Service (NIS) and the Mireskan Red Crescent spoke. "
        "Later the NIS and the Red Crescent said more."
    )
    hits = _hits(
        text,
        ("National Intelligence Service", "nis"),
        ("Mireskan Red Crescent", "red_crescent"),
    )
    names = _ShortNames(text, hits)
    assert names.last_before("NIS", len(hits)) == 0
    assert names.last_before("Red Crescent", len(hits)) == 1
    assert names.last_before("red crescent", len(hits)) == 1  # any case, as the tail pattern
    assert names.last_before("Crescent", len(hits)) == 1
    assert names.last_before("Intelligence", len(hits)) is None  # not the last word
    assert names.last_before("Red Crescent", 1) is None  # only aliases before the name
    assert names.last_before("ed Crescent", len(hits)) is None  # a word's middle is no name
