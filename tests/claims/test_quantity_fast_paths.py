"""The fast paths of quantity finding read exactly what the plain readings read.

Each shortcut (all the words after a number in one match, a cached noun per phrase, one gap
test before the range, ratio and score readers) must agree with the slow reading it replaces.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims import distractors, nouns
from claims.nouns import find_noun
from claims.quantities import Quantity, find_quantities
from claims.quantity_pairs import _CONNECTOR, _RATIO_LINK, may_pair
from claims.quantity_tokens import Token

_ONE_WORD = re.compile(nouns._SPACE + rf"(?P<word>{nouns._WORD})")


def _words_one_at_a_time(text: str, position: int) -> list[tuple[int, int, str]]:
    """The reading the nested pattern replaces: one match per word, each from the last end."""
    found: list[tuple[int, int, str]] = []
    for _ in range(nouns.MAX_MODIFIERS + nouns.MAX_RUN):
        match = _ONE_WORD.match(text, position)
        if match is None:
            break
        word = match.group("word")
        if word.lower() in nouns._PHRASE_ENDS or word in nouns.CAPITALISED_STOPS:
            break
        found.append((match.start("word"), match.end("word"), word))
        position = match.end()
    return found


_PIECES = st.sampled_from(
    ["troops", "Army", "of", "the", "7", "3rd", "-", "self-propelled", "it's", "x1",
     "2.5km", " ", "  ", "\n", "\n ", ",", ".", "May", "killed", "two", "men's", "a-b"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=14), st.integers(min_value=0, max_value=6))
def test_words_in_one_match_are_the_words_read_one_at_a_time(
    pieces: list[str], position: int
) -> None:
    text = "".join(pieces)
    position = min(position, len(text))
    assert nouns._words(text, position) == _words_one_at_a_time(text, position)


@pytest.mark.parametrize("prefix", ["", "x ", "The army sent about 30 vehicles and "])
def test_a_cached_noun_lands_where_its_phrase_is(prefix: str) -> None:
    text = f"{prefix}400 farm trucks were seen"
    position = len(prefix) + 3
    noun = find_noun(text, position)
    assert noun is not None
    assert (noun.text, noun.start) == ("farm trucks", position + 1)
    assert text[noun.start : noun.end] == noun.text


def test_the_same_phrase_after_different_numbers_is_read_alike() -> None:
    text = "12 soldiers left; later 7 soldiers came"
    first, second = find_noun(text, 2), find_noun(text, 25)
    assert first is not None and second is not None
    assert (first.start, second.start) == (3, 26)
    assert first.text == second.text == "soldiers"


_GAP_PIECES = st.sampled_from([" ", "  ", "\n", "-", "–", "—", "to", "TO", "or", "and", "in",
                               "out", "of", "by", ",", "x"])  # fmt: skip


@given(st.lists(_GAP_PIECES, max_size=6))
def test_every_gap_a_pair_reader_accepts_passes_the_gap_test(pieces: list[str]) -> None:
    gap = "".join(pieces)
    text = f"5{gap}9"
    a = Token("number", 0, 1, 5.0, 0, 1)
    b = Token("number", len(text) - 1, len(text), 9.0, len(text) - 1, len(text))
    accepted = (
        gap in ("-", "–")
        or _CONNECTOR.fullmatch(text, a.end, b.start) is not None
        or _RATIO_LINK.fullmatch(text, a.end, b.start) is not None
    )
    if accepted:
        assert may_pair(text, a, b)


def test_numbers_far_apart_never_pair() -> None:
    text = "5 trucks arrived and 9 left"
    a = Token("number", 0, 1, 5.0, 0, 1)
    b = Token("number", 21, 22, 9.0, 21, 22)
    assert not may_pair(text, a, b)


def test_quantities_stay_immutable_and_hashable() -> None:
    (quantity,) = find_quantities("They sent about 1,100 troops.")
    with pytest.raises(AttributeError):
        quantity.value = 2.0  # type: ignore[misc]
    assert hash(quantity) == hash(Quantity(*quantity))
    assert (quantity.value, quantity.low, quantity.high) == (1100.0, 990.0, 1210.0)
    assert not dataclasses.is_dataclass(quantity)


def _noun_read_plainly(text: str, position: int, singular: bool) -> nouns.Noun | None:
    """The noun reading before the phrase match: words one at a time, then the cached head."""
    attached = nouns._HYPHEN_WORD.match(text, position) if text.startswith("-", position) else None
    if attached is not None:
        unit = nouns.noun_unit(attached.group("word"))
        if unit is None:
            return None
        return nouns.Noun(*attached.span("word"), attached.group("word"), unit)
    words = _words_one_at_a_time(text, position)
    if not words:
        return None
    found = nouns._phrase_noun(text[position : words[-1][1]], (), singular)
    if found is None:
        return None
    start, end = found[0] + position, found[1] + position
    return nouns.Noun(start, end, text[start:end], found[2])


_RATE_PIECES = st.sampled_from(
    ["troops", "days", "The", "per", "PER", "a", "An", "each", "for", "every", "day", "month",
     "soldier", "ago", "-", "10-day", " ", "  ", "\n", "\t", "\u2009", "\u00a0", ",", "thiſ",
     "İn", "Kg", "I", "I'm", "one-off", "May", "killed", "ſo"]
)  # fmt: skip


@given(st.lists(_RATE_PIECES, max_size=12), st.integers(0, 4), st.booleans())
def test_noun_and_rate_marker_in_one_match_read_as_the_plain_readings(
    pieces: list[str], position: int, singular: bool
) -> None:
    text = "".join(pieces)
    position = min(position, len(text))
    noun, marker = nouns.find_noun_and_marker(text, position, singular=singular)
    assert noun == _noun_read_plainly(text, position, singular)
    plain_marker = nouns._RATE.match(text, noun.end if noun else position)
    assert marker == (plain_marker and (plain_marker.end(), plain_marker.group("per")))


def test_a_rate_after_its_noun_is_read_from_the_same_match() -> None:
    text = "They fired 300 shells a day for a week"
    noun, marker = nouns.find_noun_and_marker(text, len("They fired 300"))
    assert noun is not None and noun.text == "shells"
    assert marker == (len("They fired 300 shells a"), "a")
    (quantity,) = find_quantities(text)
    assert (quantity.unit, quantity.noun) == ("1 / day", "shells")
    assert text[quantity.start : quantity.end] == "300 shells a day"


_BEFORE_PIECES = st.sampled_from(
    ["Boeing", "the", "Unit", "voters", "Children", "under", "OVER", "older than", "aged",
     " ", "  ", "\n", "\u00a0", ".", "x-Ray", "O'Neil", "’s", "Škoda", "İ", "5", "(", '"']
)  # fmt: skip


@given(st.lists(_BEFORE_PIECES, max_size=12))
def test_word_tests_before_a_number_agree_with_their_plain_searches(pieces: list[str]) -> None:
    text = "".join(pieces)
    start = len(text)
    text += "40 more"
    window = max(0, start - 40)
    plain_age_limit = distractors._AGE_LIMIT_BEFORE.search(text, window, start) is not None
    assert distractors.is_age_limit(text, start) == plain_age_limit
    name = distractors._PREVIOUS_WORD.search(text, window, start)
    if name is None or name.group(1).endswith(("'s", "’s")):
        plain_after_name = False
    else:
        word_start = name.start(1)
        sentence_end = distractors._SENTENCE_END_BEFORE.search(
            text, max(0, word_start - 3), word_start
        )
        plain_after_name = sentence_end is None
    assert distractors.after_proper_name(text, start) == plain_after_name
