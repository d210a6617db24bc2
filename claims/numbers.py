"""Numerals as written in news: digits, separators, scale words, number words.

This module holds regular-expression *sources* (strings) that
:mod:`claims.quantities` joins into one compiled pattern, and the functions that
turn the matched pieces into floats. Nothing here scans a whole text.

Written forms understood:

- digits with separators: "12,000", "12 000" (plain, no-break or thin spaces),
  decimals "212.40";
- scale words and abbreviations: "1.1 million", "12 thousand", "12-thousand",
  "15-hundred", "2 dozen", "$2.5bn", "€300m", "40k", "$5M";
- number words: "three", "seventy-seven", "one hundred and five",
  "two thousand", "a thousand", "a dozen", "dozen", "half a dozen".

"a"/"an" alone is never a numeral here; :mod:`claims.quantities` reads it as 1
only inside an enumeration of counted items (see ``find_quantities``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
#: Scale words that multiply what precedes them ("1.1 million", "two dozen").
SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    # Indian numbering: "Rs 500 crore" is five billion rupees.
    "lakh": 100_000,
    "crore": 10_000_000,
}
#: Abbreviated scales written right after digits. "m"/"b" mean million/billion only
#: after a currency ("€300m"); "300m" alone is a length in metres (see quantities).
ABBREVIATIONS = {
    "k": 1_000,
    "K": 1_000,
    "m": 1_000_000,
    "M": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "b": 1_000_000_000,
    "B": 1_000_000_000,
    "bn": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
}
#: Fractions that size a change ("fell by a third", "cut in half"), as plain fractions.
FRACTIONS = {
    "half": 1 / 2,
    "a half": 1 / 2,
    "one half": 1 / 2,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "two thirds": 2 / 3,
    "a quarter": 1 / 4,
    "one quarter": 1 / 4,
    "three quarters": 3 / 4,
    "a fifth": 1 / 5,
    "one fifth": 1 / 5,
    "a tenth": 1 / 10,
    "one tenth": 1 / 10,
}
#: Words that state a multiple ("twice", "threefold", "double the share").
MULTIPLES = {
    "twice": 2,
    "thrice": 3,
    "double": 2,
    "triple": 3,
    "quadruple": 4,
    "twofold": 2,
    "threefold": 3,
    "fourfold": 4,
    "fivefold": 5,
    "sixfold": 6,
    "sevenfold": 7,
    "eightfold": 8,
    "ninefold": 9,
    "tenfold": 10,
    "hundredfold": 100,
}


#: Every word :data:`WORDS_PATTERN` may begin with ("a"/"an" only before a space).
NUMBER_WORD_STARTS: frozenset[str] = frozenset(
    [*UNITS, *TEENS, *TENS, "half", "dozen", "a ", "an "]
)


def _alternation(words: Iterable[str]) -> str:
    # Longest first so "seventeen" wins over "seven" inside one alternation.
    return "|".join(sorted(map(str, words), key=len, reverse=True))


_SPACE = r"[ \t\u00a0\u2009\u202f]"
_U = _alternation(UNITS)
_B100 = rf"(?:(?:{_alternation(TENS)})(?:[-\s](?:{_U})\b)?|(?:{_alternation(TEENS)}|{_U})\b)"
_H = rf"(?:(?:{_B100}|an?)\s+hundred\b(?:\s+(?:and\s+)?{_B100})?|{_B100})"
_SCALE_WORD = r"(?:dozen|hundred|thousand|lakh|crore|million|billion|trillion)"
_LARGE = r"(?:thousand|lakh|crore|million|billion|trillion)"
#: "four and a half years": the half belongs to the number.
_AND_A_HALF = r"(?:\s+and\s+a\s+half\b(?:\s+(?:thousand|million|billion)\b)?)?"

#: Number words: "seventy-seven", "one hundred and five", "two thousand", "a dozen".
WORDS_PATTERN = (
    r"(?i:half\s+a\s+dozen\b"
    rf"|(?:{_H}|an?(?=\s+{_SCALE_WORD}\b))(?:\s+{_LARGE}\b(?:\s+(?:and\s+)?{_H})?|\s+dozen\b)*"
    rf"{_AND_A_HALF}"
    r"|dozen\b)"
)

#: Digits: comma groups, space groups (plain, no-break, thin), or a plain run; decimals.
DIGITS_PATTERN = (
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)"
    rf"|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?![\d,]|\.\d)"
    r"|\d+)(?:\.\d+)?"
)

#: Scale written after digits: " million", "-thousand", "bn", "m", "k".
DIGIT_SCALE_PATTERN = (
    rf"(?:[\s-](?P<scale>(?i:{_SCALE_WORD})(?:\s+(?i:{_LARGE}))?)\b"
    r"|(?P<abbr>mln|trn|mn|bn|tn|(?<=\d)[kKmMbB]|(?<=\d) (?:mn|bn|tn))(?![\w]))"
)

_NUMBER_TOKEN = re.compile(r"[a-z]+")
_FULL_NUMBER = re.compile(
    rf"(?P<digits>{DIGITS_PATTERN})(?:{DIGIT_SCALE_PATTERN})?|(?P<words>{WORDS_PATTERN})"
)


def parse_digits(text: str) -> float:
    """The value of a digit numeral with any separators: "12,000" or "12 000" -> 12000.0."""
    if text.isdigit():
        return float(text)
    cleaned = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    return float(cleaned)


def parse_words(text: str) -> float:
    """The value of number words: "seventy-seven" -> 77.0, "a thousand" -> 1000.0.

    Expects a string the :data:`WORDS_PATTERN` matched; other words are ignored.
    """
    lowered = text.lower()
    if lowered.startswith("half"):
        return 6.0
    halves = re.split(r"\s+and\s+a\s+half\b", lowered)
    if len(halves) > 1:
        # "one and a half million": the scale after the half applies to the whole
        return (parse_words(halves[0]) + 0.5) * SCALES.get(halves[1].strip(), 1)
    total = 0.0
    current = 0.0
    for token in _NUMBER_TOKEN.findall(lowered):
        if token in UNITS:
            current += UNITS[token]
        elif token in TEENS:
            current += TEENS[token]
        elif token in TENS:
            current += TENS[token]
        elif token in ("a", "an"):
            current += 1
        elif token == "hundred":
            current = (current or 1) * 100
        elif token == "dozen":
            current = (current or 1) * 12
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0.0
    return total + current


def scale_value(scale: str | None, abbreviation: str | None) -> float:
    """The multiplier of a written scale ("million", "thousand million") or abbreviation."""
    if abbreviation:
        return float(ABBREVIATIONS[abbreviation.strip()])
    factor = 1.0
    for word in (scale or "").lower().split():
        factor *= SCALES[word]
    return factor


def magnitude(digits: str) -> float:
    """The scale a digit numeral is written at: "12,000" -> 1000, "12,000,000" -> 1e6.

    Used to let a bare small number borrow the scale of the range end it precedes
    ("11 to 12,000" means 11,000 to 12,000).
    """
    whole = digits.split(".")[0]
    groups = 0 if whole.isdigit() else sum(1 for ch in whole if not ch.isdigit())
    if groups:
        return 1000.0**groups
    return 1000.0 ** ((len(whole) - 1) // 3) if len(whole) >= 4 else 1.0


def parse_number(text: str) -> float | None:
    """The value of a whole numeral string ("1.1 million", "twelve", "$" excluded), else None."""
    match = _FULL_NUMBER.fullmatch(text.strip())
    if match is None:
        return None
    if match.group("words"):
        return parse_words(match.group("words"))
    value = parse_digits(match.group("digits"))
    return value * scale_value(match.group("scale"), match.group("abbr"))
