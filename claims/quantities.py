"""Find every quantity in a text: number, hedge, unit and counted noun.

INTERFACE (owned by the quantities work; other stages rely on this shape).

One compiled pattern scans the text once; it matches, at each position, first
things that are *not* claims (dates, times, labels, codes: see
:mod:`claims.distractors`), then vague phrases, numerals, fractions and "twice".
Only the matches get further work: the hedge before them, a range partner, the
counted noun and a "per <noun>" rate. Policies (each has tests):

- Ranges: "between a and b", "a to b", "a-b", "a or b" ("seven or eight days").
  After a verb of change ("rose from 800 to 1,100", "rose 7% to $212.40") the two
  numbers stay two exact quantities, as they do when their units differ. A bare
  small number borrows the scale of the end it precedes ("11 to 12,000").
- Changes: the size of a change is unsigned ("fell 14 per cent" -> 14 percent).
  Fractions are dimensionless shares: after a verb of change ("by a third", "in half"),
  when hedged ("roughly a third"), plural ("two-thirds") or a share "of" something ("a
  third of the fossils"); a bare "half" needs a hedge or a verb of change.
  "doubled"/"tripled" are left to the relations stage (not quantities).
- Scores and ratios: "a 2-1 win", "drew 1-1" are results, not claims; "1 in 5 adults"
  and "nine out of ten" are one share (0.2, 0.9), not two counts.
- Multiples: "three times" is 3 with noun "times"; "twice" is 2, "thrice" 3.
- "one"/"a"/"an": "one" counts only before a counted noun and not as a pronoun
  ("one of", "one party", "the one"); "a"/"an" counts as 1 only when it continues
  an enumeration of counted items ("three buggies, twelve cars, and an armored
  vehicle").
- Durations: "over"/"under" before a span of time are prepositions, not hedges
  ("over three days" is 3 days).
- Small vague words ("several", "a few") need a counted noun ("several of them"
  is not a claim); large ones ("hundreds were hurt") do not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from claims.cues import trie_pattern
from claims.distractors import (
    NOT_A_CLAIM_PATTERN,
    WORD_LED_STARTS_ANY_CASE,
    WORD_LED_STARTS_CASED,
)
from claims.hedges import HedgeFinder, HedgeTable, hedge_table
from claims.numbers import (
    DIGIT_SCALE_PATTERN,
    DIGITS_PATTERN,
    FRACTIONS,
    MULTIPLES,
    NUMBER_WORD_STARTS,
    WORDS_PATTERN,
    magnitude,
    parse_digits,
    parse_words,
    scale_value,
)
from claims.quantity_items import build_quantities
from claims.quantity_tokens import Token
from claims.units import CURRENCY_SYMBOLS
from claims.vocab import Vocabulary


class Quantity(NamedTuple):
    """One numeric claim as written in a text.

    A named tuple rather than a frozen dataclass: just as immutable and hashable, and several
    times cheaper to build, which counts at one per figure of every article.
    """

    #: character span in the text, hedge included ("approximately 1,100 personnel")
    start: int
    end: int
    value: float
    low: float
    high: float
    #: exact | approx | upper | lower | range | vague
    qualifier: str
    #: canonical pint unit string: "person", "USD", "USD / person", "percent", "dimensionless"
    unit: str
    #: the counted noun as written ("soldiers"), None when there is none
    noun: str | None
    #: span of the numeral itself inside [start, end) (for proximity measures)
    number_start: int
    number_end: int


_CURRENCY = "|".join(re.escape(mark) for mark in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
_NOT_ORDINAL = (
    r"(?!\w|-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|th|st|nd|rd)\b)"
)
_NOT_FRACTION = r"(?![\s-]+(?i:half|halves|thirds?|quarters?|fifths?|tenths?)\b)"
#: Units glued to the digits ("150km/h", "60 mph", "1,482p" in pence).
_UNIT_ABBREVIATION = r"[ \u00a0]?(?:km/h|kph|mph)|km|kg|mm|cm|°?C|°F|p(?!\w|\.[A-Za-z])"
_NUMERAL = (
    rf"(?P<cur>(?<![\w$€£₩₽₴¥₹])(?:{_CURRENCY})[ \u00a0]?)?"
    rf"(?:(?<![\w.])(?<![A-Za-z]-)(?<!\d,)(?<!\w\+)(?P<digits>{DIGITS_PATTERN})"
    rf"(?:{DIGIT_SCALE_PATTERN})?(?P<uabbr>{_UNIT_ABBREVIATION})?"
    rf"|(?=[otfsenzahdOTFSENZAHD])(?<![\w-])(?P<words>{WORDS_PATTERN}){_NOT_FRACTION})"
    rf"{_NOT_ORDINAL}"
    r"(?P<pct>[ \u00a0]?%|\s+(?i:per\s?cent|percent|pct|percentage\s+points?)\b)?"
)
_FRACTION = (
    r"(?=[aothAOTH])(?<![\w-])(?i:(?:a|one|two|three)[\s-](?:half|thirds?|quarters?|fifths?|tenths?)|half)"
    r"(?![\w-])"
)
_MULTIPLE = rf"(?<![\w-])(?i:{'|'.join(sorted(MULTIPLES, key=len, reverse=True))})\b"


#: Where a quantity may start besides a word: digits and the symbols the scan's alternatives
#: open with (currencies, "#5", "+44 ...", "(2)", "[3]", "'90s").
_SYMBOL_STARTS = r"\d|[$€£₩₽₴¥₹#№+(\[']"
_FRACTION_STARTS = ("a ", "a-", "one", "two", "three", "half")


def _vague_base(phrase: str) -> str:
    """A vague phrase without its optional trailing "of" ("dozens of" -> "dozens")."""
    return phrase[: -len(" of")] if phrase.endswith(" of") else phrase


def _start_guard(table: HedgeTable) -> str:
    """A look-ahead that passes every position where an alternative of the scan could match.

    Python's regex engine tries the alternatives one by one at every word start; most words
    ("the", "troops") cannot begin any of them, and one trie of the words that can lets the
    scan skip them at once. The guard only filters, so it must cover every alternative's
    first word: distractors, vague phrases, number words, fractions, multiples, currencies.
    """
    any_case = {*WORD_LED_STARTS_ANY_CASE, *NUMBER_WORD_STARTS, *_FRACTION_STARTS, *MULTIPLES}
    for phrase, _ in table.vague:
        # the same words the vague alternative is built from: "dozens of" also matches "dozens"
        words = _vague_base(phrase).split()
        if words:
            # a multiword phrase needs its first word and a space: "a few" must not pass "about"
            any_case.add(words[0] + (" " if len(words) > 1 else ""))
    cased = set(WORD_LED_STARTS_CASED)
    cased.update(mark for mark in CURRENCY_SYMBOLS if mark[0].isalpha())
    # one trie of both lists: every alternative then opens with a character test
    return rf"(?={_SYMBOL_STARTS}|{trie_pattern(cased, any_case=any_case)})"


@dataclass(frozen=True)
class Patterns:
    """The compiled patterns for one hedge table (its phrases are part of them)."""

    scan: re.Pattern[str]
    hedges: HedgeFinder
    between: re.Pattern[str]


def _phrase_pattern(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split())


def scan_pattern(table: HedgeTable, *, guarded: bool = True) -> re.Pattern[str]:
    """The one pattern that scans a text for quantities and non-claims (see module doc).

    ``guarded=False`` leaves out the first-word guard (:func:`_start_guard`): slower, the
    same matches; tests compare the two.
    """
    vague = []
    for phrase, _ in sorted(table.vague, key=lambda item: len(item[0]), reverse=True):
        base = _vague_base(phrase)
        tail = r"(?:\s+of)?" if phrase.endswith(" of") else ""
        vague.append(_phrase_pattern(base) + tail)
    initials = "".join(
        sorted({ch for phrase, _ in table.vague for ch in phrase[0] + phrase[0].upper()})
    )
    initials = re.sub(r"([\]\\^-])", r"\\\1", initials)
    # Every alternative starts where no word character precedes it; checking that (and a
    # plausible first word) once up front skips most positions cheaply.
    guard = _start_guard(table) if guarded else r"(?=[\w$€£₩₽₴¥₹#№+(\['])"
    return re.compile(
        rf"(?<!\w){guard}(?:"
        rf"(?P<skip>(?<![\w$])(?:{NOT_A_CLAIM_PATTERN}))"
        rf"|(?=[{initials}])(?P<vague>(?<![\w-])(?i:{'|'.join(vague)})(?![\w-]))"
        rf"|(?P<num>{_NUMERAL})"
        rf"|(?P<frac>{_FRACTION})"
        rf"|(?P<mult>{_MULTIPLE}))"
    )


@functools.lru_cache(maxsize=32)
def patterns(table: HedgeTable) -> Patterns:
    """The scan pattern and hedge patterns of ``table`` (compiled once per table)."""
    between = re.compile(r"(?<![\w-])(?i:between)\s+$")
    return Patterns(scan_pattern(table), HedgeFinder(table), between)


@functools.lru_cache(maxsize=4096)
def _digit_facts(digits: str) -> tuple[float, float]:
    """(value, magnitude) of a plain digit numeral; the same figures recur in every text."""
    return parse_digits(digits), magnitude(digits)


def _token(match: re.Match[str]) -> Token | None:
    kind = match.lastgroup
    start, end = match.span()
    if kind == "num":  # most matches: tested first
        return _number_token(match, start, end)
    if kind == "vague":
        return Token("vague", start, end, 0.0, start, end, phrase=match.group())
    if kind == "frac":
        phrase = " ".join(match.group().lower().replace("-", " ").split())
        if phrase.endswith(("halves",)):
            return None
        return Token("fraction", start, end, FRACTIONS.get(phrase, 0.0), start, end, phrase=phrase)
    if kind == "mult":
        value = float(MULTIPLES[match.group().lower()])
        return Token("multiple", start, end, value, start, end, phrase=match.group())
    return None


def _number_token(match: re.Match[str], start: int, end: int) -> Token | None:
    currency, digits, scale, abbreviation, unit_abbreviation, percent, words = match.group(
        "cur", "digits", "scale", "abbr", "uabbr", "pct", "words"
    )
    unit_abbreviation = (unit_abbreviation or "").strip() or None
    number_start = match.start("digits") if digits else match.start("words")
    number_end = match.start("pct") if percent else end
    if digits:
        value, digit_magnitude = _digit_facts(digits)
        if abbreviation and abbreviation.strip() in ("m", "b") and not currency:
            # "300m" with no currency is a distance in metres; "5b" alone is unclear.
            unit_abbreviation = "m" if abbreviation.strip() == "m" else None
            if unit_abbreviation is None:
                return None
            abbreviation = None
    else:
        value, digit_magnitude = parse_words(words), 1.0
    scaled = bool(scale or abbreviation)
    factor = scale_value(scale, abbreviation) if scaled else 1.0
    # positional: a named tuple builds fastest so
    return Token(
        "number",
        start,
        end,
        value * factor,
        number_start,
        number_end,
        match.group(),  # phrase
        CURRENCY_SYMBOLS[currency.strip()] if currency else None,
        bool(percent),
        digits if digits and not scaled else None,
        scaled,
        factor if scaled else digit_magnitude,  # magnitude
        not digits,  # words
        unit_abbreviation,
    )


def find_quantities(text: str, vocabulary: Vocabulary | None = None) -> list[Quantity]:
    """Every quantity in ``text`` in order of ``start``; years, dates, times, ordinals excluded.

    ``vocabulary`` supplies unit definitions (nouns -> units) and hedge overrides;
    without it, built-in units and the default hedge table are used.
    """
    vocabulary = vocabulary or Vocabulary()
    table = hedge_table(vocabulary.hedges)
    compiled = patterns(table)
    tokens = [token for match in compiled.scan.finditer(text) if (token := _token(match))]
    found = build_quantities(
        text, tokens, table, compiled.hedges, compiled.between, vocabulary.units
    )
    return list(map(Quantity._make, found))


__all__ = ["Quantity", "find_quantities", "scan_pattern"]
