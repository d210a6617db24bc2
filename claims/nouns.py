"""The counted noun after a number, and the "per <noun>" that makes a rate.

Without a part-of-speech tagger the noun is found by shape. After the number,
up to five *modifiers* are skipped: capitalised names ("North Korean"), tokens
with digits ("170mm", "M1989"), hyphenated words ("self-propelled"), adverbs in
-ly, participles in -ed and a few generic adjectives ("additional", "more").
Then comes a run of lower-case words; its *head* is the first word that names a
unit (rule file or measurement), else the first plural-looking word, else the
first word. A head with a unit is the noun on its own ("soldiers"); a head
without one keeps the plain words before it ("83 annual wages" -> "annual wages").
A phrase that ends in capitalised plurals is the noun itself ("10,000 North
Koreans"). Function words, months and weekdays end the phrase.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from claims.units import canonical_unit, noun_unit


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words`` as a set (keeps long lists readable)."""
    return frozenset(words.split())


MAX_MODIFIERS = 5
MAX_RUN = 4

STOP_WORDS = word_set(
    """a an the of in on at to from by for with without into onto during over under after before
    since until till near across along among amongst against between through throughout per each
    every and or but nor as than that which who whom whose this these those it its their they
    them he she his her we our you your i is are was were be been being am has have had do does
    did will would can could may might must shall should not no so if when while where also
    already only just about around some there here then now ago later earlier last next said says
    say according reportedly respectively alone apiece all both out up down off away back yet
    still even too very ever via like within beyond toward towards upon amid despite including
    plus minus instead because although though whether how what why again almost nearly
    approximately roughly more less fewer most least several dozens hundreds thousands
    millions half twice thrice"""
)
#: Number words also end a phrase: they start the next quantity ("3 tanks two days ago").
_NUMBER_WORDS = word_set(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion dozen"""
)
#: Capitalised words that end a noun phrase rather than modify it.
CAPITALISED_STOPS = word_set(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday I"""
)
GENERIC_ADJECTIVES = word_set(
    """additional extra other another further new more fresh total estimated reported
    confirmed alleged possible potential some many few"""
)
#: Plural nouns that do not end in "s".
IRREGULAR_PLURALS = word_set(
    """people men women children personnel police staff infantry cattle aircraft
    militia"""
)

_SPACE = r"[ \t\u00a0\u2009\u202f]*(?:\n[ \t]*)?"
_WORD = r"[A-Za-z][A-Za-z0-9'’]*(?:-[A-Za-z0-9]+)*|\d+(?:\.\d+)?-?[A-Za-z][\w-]*"


def _nested_words(count: int) -> str:
    """A pattern reading up to ``count`` words, each in its own group, in one match.

    Each group nests inside the previous one's optional tail, so a word is matched greedily
    from where the last one ended, exactly as matching one word at a time would; a failed
    tail never makes the engine shorten an earlier word (an empty tail always succeeds).
    """
    pattern = ""
    for _ in range(count):
        pattern = rf"(?:{_SPACE}({_WORD}){pattern})?"
    return pattern


#: The words after a number: one C call instead of a Python call per word.
_NEXT_WORDS = re.compile(_nested_words(MAX_MODIFIERS + MAX_RUN))
_HYPHEN_WORD = re.compile(r"-(?P<word>[A-Za-z]+)(?![\w-])")
_RATE_MARKER = (
    r"[ \t\u00a0]+(?P<per>(?i:for\s+(?:each|every)|per(?:\s+each)?|each|every|an?))(?=\s)"
)
_RATE = re.compile(_RATE_MARKER)


class Noun(NamedTuple):
    """A counted noun: its span, its text as written, and the unit its head names.

    A named tuple rather than a frozen dataclass: as immutable, and cheaper to build at one
    per figure of every article.
    """

    start: int
    end: int
    text: str
    unit: str | None


@functools.lru_cache(maxsize=8192)
def _is_modifier(word: str) -> bool:
    lowered = word.lower()
    return (
        word[0].isupper()
        or any(ch.isdigit() for ch in word)
        or "-" in word
        or (len(word) > 4 and (lowered.endswith("ly") or lowered.endswith("ed")))
        or lowered in GENERIC_ADJECTIVES
    )


def _looks_plural(word: str) -> bool:
    lowered = word.lower()
    if lowered in IRREGULAR_PLURALS:
        return True
    return lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "'s", "’s"))


#: words that raise the unit after them to a power
_POWERS = {"square": 2, "sq": 2, "cubic": 3}

#: Lower-case words that end a noun phrase.
_PHRASE_ENDS = STOP_WORDS | _NUMBER_WORDS


def _ascii_any_case(words: Iterable[str]) -> str:
    """An alternation of ``words`` in any ASCII letter case ("the", "The", "tHE").

    Each letter is a class of its two cases rather than an ignore-case letter: the engine then
    skips an alternative after one test of its first letter, and "ſ" or "K" (which Python's
    ignore-case matching equates with "s" and "k") stay unlike any ASCII word, as ``lower()``
    keeps them. Alternatives are grouped by first letter so a position enters one group.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0].lower(), []).append(word[1:])

    def cased(chars: str) -> str:
        return "".join(
            f"[{ch.upper()}{ch.lower()}]" if ch.isalpha() else re.escape(ch) for ch in chars
        )

    return "|".join(
        cased(first) + "(?:" + "|".join(cased(rest) for rest in rests) + ")"
        for first, rests in sorted(groups.items())
    )


#: A word that ends a noun phrase, as a whole :data:`_WORD` (nothing of the word follows).
_STOP = (
    rf"(?:{_ascii_any_case(_PHRASE_ENDS)}|{'|'.join(sorted(CAPITALISED_STOPS, key=len))})"
    r"(?![A-Za-z0-9'’]|-[A-Za-z0-9])"
)
#: The phrase :func:`_words` reads, in one match: each word is the same greedy :data:`_WORD`,
#: and the repetition stops at a word that ends a phrase instead of reading it and dropping it
#: in Python. A rate's marker ("per", "a", "for each") can only open right where the phrase
#: ends (each marker ends a phrase itself), so the match reads it too.
_PHRASE = re.compile(
    rf"(?P<words>(?:{_SPACE}(?!{_STOP})(?:{_WORD})){{0,{MAX_MODIFIERS + MAX_RUN}}})"
    rf"(?:{_RATE_MARKER})?"
)
_TIME_AFTER_RATE = re.compile(r"\s+(?:ago|earlier|later|before|after)\b")


def _words(text: str, position: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words after ``position``, up to the first that ends a phrase."""
    found: list[tuple[int, int, str]] = []
    words = _NEXT_WORDS.match(text, position)  # always matches: every word is optional
    assert words is not None
    for group in range(1, MAX_MODIFIERS + MAX_RUN + 1):
        start, end = words.span(group)
        if start < 0:
            break
        word = text[start:end]
        if word.lower() in _PHRASE_ENDS or word in CAPITALISED_STOPS:
            break
        found.append((start, end, word))
    return found


def find_noun(
    text: str, position: int, definitions: Sequence[str] = (), *, singular: bool = False
) -> Noun | None:
    """The counted noun starting after ``position`` (right after a number), else None.

    ``singular`` (the number is one) makes the first word the head: "one soldier dies".
    """
    return _noun_and_phrase(text, position, definitions, singular)[0]


class RateMarker(NamedTuple):
    """The word that opens a rate ("per", "a", "for each") and where it ends."""

    end: int
    word: str


def find_noun_and_marker(
    text: str, position: int, definitions: Sequence[str] = (), *, singular: bool = False
) -> tuple[Noun | None, RateMarker | None]:
    """:func:`find_noun`, and the rate marker where the noun ends (else at ``position``).

    One reading of the words serves both: a marker ends a phrase itself, so a rate can only
    open where the phrase read for the noun ends, and the match that read the phrase has read
    the marker too. :func:`rate_after` reads the rate's own noun.
    """
    noun, phrase = _noun_and_phrase(text, position, definitions, singular)
    if phrase is None:  # a hyphenated word ("10-day"): read plainly
        return noun, rate_marker(text, noun.end if noun else position)
    rate_position = noun.end if noun else position
    if rate_position != phrase.end("words") or phrase.group("per") is None:
        return noun, None
    return noun, RateMarker(phrase.end(), phrase.group("per"))


def rate_marker(text: str, position: int) -> RateMarker | None:
    """The rate marker ("per", "for each", "a") right after ``position``, else None."""
    match = _RATE.match(text, position)
    return None if match is None else RateMarker(match.end(), match.group("per"))


def _noun_and_phrase(
    text: str, position: int, definitions: Sequence[str], singular: bool
) -> tuple[Noun | None, re.Match[str] | None]:
    """The noun after ``position`` and the phrase match it came from (None after a hyphen)."""
    if text.startswith("-", position):
        attached = _HYPHEN_WORD.match(text, position)
        if attached is not None:
            # "a 10-day pause" counts days; "11,000-strong" has no counted noun.
            unit = noun_unit(attached.group("word"), definitions)
            if unit is None:
                return None, None
            word_start, word_end = attached.span("word")
            return Noun(word_start, word_end, attached.group("word"), unit), None
    phrase = _PHRASE.match(text, position)  # always matches: every word is optional
    assert phrase is not None
    phrase_end = phrase.end("words")
    if phrase_end == position:
        return None, phrase
    # The noun depends only on the phrase read (its words and the spaces between them), and
    # phrases after numbers repeat ("troops", "people were"): read each once per vocabulary.
    found = _phrase_noun(text[position:phrase_end], tuple(definitions), singular)
    if found is None:
        return None, phrase
    start, end, unit = found
    start += position
    end += position
    return Noun(start, end, text[start:end], unit), phrase


@functools.lru_cache(maxsize=16384)
def _phrase_noun(
    phrase: str, definitions: tuple[str, ...], singular: bool
) -> tuple[int, int, str | None] | None:
    """(start, end, unit) of the counted noun in ``phrase``, the words after a number.

    ``phrase`` ends with its last word, so reading it again finds the same words.
    """
    words = _words(phrase, 0)
    index = 0
    while index < len(words) - 1 and index < MAX_MODIFIERS and _is_modifier(words[index][2]):
        index += 1
    if index >= len(words):
        return None
    word = words[index][2]
    if word[0].isupper():
        return _capitalised_noun(words, index, definitions)
    if _is_modifier(word):
        return None
    run: list[tuple[int, int, str]] = []
    for start, end, candidate in words[index : index + MAX_RUN]:
        if _is_modifier(candidate) and run:
            break
        run.append((start, end, candidate))
    units = [noun_unit(candidate, definitions) for _, _, candidate in run]
    head = next((i for i, unit in enumerate(units) if unit is not None), None)
    # "infantry troops": when the next word names a unit too, it is the head.
    while head is not None and head + 1 < len(run) and units[head + 1] is not None:
        head += 1
    if head is None and singular:
        head = 0
    if head is None:
        # A count above one names a plural; a run with none is more likely a verb
        # ("about 300 came back") than a counted noun.
        head = next((i for i, (_, _, w) in enumerate(run) if _looks_plural(w)), None)
        if head is None:
            return None
    first = head
    unit = units[head]
    if unit is None:
        while first > 0 and run[first - 1][2].lower() not in GENERIC_ADJECTIVES:
            first -= 1
    elif head > 0 and run[head - 1][2].lower() in _POWERS:
        # "4.8 cubic kilometres" is a volume, "300 square metres" an area
        first = head - 1
        unit = canonical_unit(f"({unit}) ** {_POWERS[run[first][2].lower()]}", definitions)
    return run[first][0], run[head][1], unit


def _capitalised_noun(
    words: list[tuple[int, int, str]], index: int, definitions: tuple[str, ...]
) -> tuple[int, int, str | None] | None:
    # Only the last word can be here (modifiers were skipped while more words followed).
    end, word = words[index][1:]
    unit = noun_unit(word, definitions)
    if unit is None and not (_looks_plural(word) and word[1:].islower()):
        return None
    first = index
    while first > 0 and words[first - 1][2][0].isupper() and "-" not in words[first - 1][2]:
        first -= 1
    return words[first][0], end, unit


def find_rate(
    text: str, position: int, definitions: Sequence[str] = (), *, money: bool = False
) -> Noun | None:
    """The "per <noun>" after a quantity ("for each soldier", "a month"), else None.

    The noun must name a unit. "a"/"an"/"each" make a rate only before a span of time
    ("a day") unless the amount is money ("$2,000 a soldier").
    """
    marker = rate_marker(text, position)
    return None if marker is None else rate_after(text, marker, definitions, money=money)


def rate_after(
    text: str, marker: RateMarker, definitions: Sequence[str] = (), *, money: bool = False
) -> Noun | None:
    """The noun of the rate ``marker`` opens, else None (see :func:`find_rate`)."""
    noun = find_noun(text, marker.end, definitions, singular=True)
    if noun is None or noun.unit is None:
        return None
    loose = marker.word.lower() in ("a", "an", "each", "every")
    if loose and not money and noun.unit not in _TIME_UNITS:
        return None
    # the end bound reads the ten characters after the noun as the text's end ("\b" included)
    if _TIME_AFTER_RATE.match(text, noun.end, noun.end + 10):
        return None
    return noun


_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
