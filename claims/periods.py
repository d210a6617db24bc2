"""Periods: the span of time a figure covers, when the text states one.

Recognised phrases and their normalised labels:

========================================  ==================
"in (just|only) three days", "over the     "3 days"
past 24 hours", "within a week", "for
two weeks", "in the last 3 days"
"last week", "in the past week (alone)",   "last week"
"this month", "over the weekend"           "this month", "weekend"
"in November", "during early December",    "November", "early December",
"in November 2024", "in 2024"              "November 2024", "2024"
"since October", "since mid-2022"          "since October", "since mid-2022"
"from October to December"                 "October to December"
"plans to send ... by December", "is        "by December", "by end of year"
expected to reach ... by the end of the
year" (a deadline after a word of intent)
========================================  ==================

A deadline is a period only when the sentence looks ahead ("plans", "expects", "will",
"could", ...): such a figure is a projection, not a count of what has happened, so rules
never compare it with a standing total. A past deadline ("had sent 3,000 by mid-October")
is a standing total as of that date and stays without a period. Deliberately not periods:
the date of a report ("on December 23", "as of Monday") and rates ("$2,000 a month", "per
month"): a rate carries its time in its unit. Number words become digits ("three days" ->
"3 days").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from claims.tries import initials_guard, trie_pattern

_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    word: 10 * value
    for value, word in enumerate(
        ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
    if word != "_"
}
_UNIT_WORDS = "hours?|days?|nights?|weeks?|fortnights?|months?|years?"
_NUMBER = (
    r"\d[\d,]*|a|an|one|several|a\s+few|few|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"zero|two|three|four|five|six|seven|eight|nine|ten"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_PART = r"(?:(?:early|mid|late)(?:-|\s+)|(?:the\s+)?(?:start|beginning|end|middle)\s+of\s+)"

_DURATION = re.compile(
    r"(?i:(?:in|within|over|during|for|across)\s+(?:(?:just|only|the|past|last|first|"
    r"previous|next|following|about|around|some|nearly|almost)\s+){0,3})"
    rf"(?P<number>(?i:{_NUMBER}))\s+(?P<unit>(?i:{_UNIT_WORDS}))\b(?!\s+(?:ago|later|earlier))"
)
_RELATIVE = re.compile(
    r"(?i:(?:(?:in|over|during|within|for)\s+(?:the\s+)?)?(?P<which>last|past|previous|this|"
    r"current)\s+(?P<unit>week|month|year|fortnight|weekend)(?:\s+alone)?\b)"
)
_WEEKEND = re.compile(r"(?i:over\s+the\s+weekend\b)")
_MONTH_PERIOD = re.compile(
    rf"(?i:in|during|throughout|over|for)\s+(?:(?i:{_PART}))?(?P<month>{_MONTH})"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?(?![\w.]|\s+\d)"
)
_YEAR_PERIOD = re.compile(r"(?i:in|during|throughout)\s+(?P<year>(?:19|20)\d{2})\b(?![-\d])")
_SINCE = re.compile(
    rf"(?i:since)\s+(?P<when>(?:(?i:{_PART}))?(?:{_MONTH}(?:\s+\d{{1,2}}(?!\d))?"
    r"(?:,?\s+(?:19|20)\d{2})?|(?:19|20)\d{2})|(?:early|mid|late)-(?:19|20)\d{2})"
)
_FROM_TO = re.compile(
    rf"(?i:from|between)\s+(?P<first>{_MONTH}(?:\s+\d{{1,2}})?)\s+(?i:to|and|until|through)\s+"
    rf"(?P<last>{_MONTH}(?:\s+\d{{1,2}})?)\b"
)
_DEADLINE = re.compile(
    r"(?i:by\s+(?:(?:around|about|roughly|the\s+end\s+of|end\s+of|the\s+start\s+of)\s+)?)"
    rf"(?:(?P<part>(?i:early|mid|late))(?:-|\s+))?(?P<when>{_MONTH}|(?i:(?:the\s+)?year|"
    r"next\s+year|(?:19|20)\d{2}))(?!\w)"
)
#: words of intent or expectation that make a deadline a projection
_LOOKING_AHEAD = re.compile(
    r"\b(?:will|plans?|planned|planning|expects?|expected|expecting|intends?|intended|aims?|"
    r"set\s+to|could|would|may|might|is\s+to|are\s+to|going\s+to|projected|forecasts?|"
    r"likely\s+to|prepares?\s+to|preparing\s+to|poised\s+to)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"“])")


def _deadline(match: re.Match[str]) -> Period | None:
    text = match.string
    before = text[max(0, match.start() - 200) : match.start()]
    breaks = list(_SENTENCE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    if not _LOOKING_AHEAD.search(before):
        return None
    phrase = " ".join(match.group(0).split()).lower()
    when = " ".join(match["when"].split())
    if "end of" in phrase:
        label = f"by end of {when.lower().removeprefix('the ')}"
    else:
        part = f"{match['part'].lower()} " if match["part"] else ""
        label = f"by {part}{when if when[0].isdigit() or when[0].isupper() else when.lower()}"
    return Period(match.start(), match.end(), label, deadline=True)


class Period(NamedTuple):
    """A period phrase in a text: its span, its label, and its numeral's span if it has one.

    A named tuple: immutable, and cheaper to build than a frozen dataclass.
    """

    start: int
    end: int
    label: str
    number_start: int = -1
    number_end: int = -1
    #: a deadline after a word of intent ("plans to send ... by December"): a projection
    deadline: bool = False


def _duration(match: re.Match[str]) -> Period:
    count = number_value(match["number"])
    unit = match["unit"].lower()
    if count is None:
        label = f"{' '.join(match['number'].lower().split())} {unit}"
    else:
        unit = unit.rstrip("s") if count == 1 else unit if unit.endswith("s") else unit + "s"
        label = f"{count:g} {unit}"
    return Period(match.start(), match.end(), label, *match.span("number"))


def _relative(match: re.Match[str]) -> Period:
    which = match["which"].lower()
    which = {"past": "last", "previous": "last", "current": "this"}.get(which, which)
    return Period(match.start(), match.end(), f"{which} {match['unit'].lower()}")


def _month(match: re.Match[str]) -> Period:
    part = match.group(0)[: match.start("month") - match.start()].split(None, 1)
    prefix = _part_label(part[1]) if len(part) > 1 else ""
    label = prefix + match["month"] + (f" {match['year']}" if match["year"] else "")
    return Period(match.start(), match.end(), label)


def _from_to(match: re.Match[str]) -> Period:
    label = f"{' '.join(match['first'].split())} to {' '.join(match['last'].split())}"
    return Period(match.start(), match.end(), label)


_PATTERNS = (
    (_DURATION, _duration),
    (_RELATIVE, _relative),
    (_WEEKEND, lambda match: Period(match.start(), match.end(), "weekend")),
    (_MONTH_PERIOD, _month),
    (_YEAR_PERIOD, lambda match: Period(match.start(), match.end(), match["year"])),
    (_SINCE, lambda m: Period(m.start(), m.end(), "since " + " ".join(m["when"].split()))),
    (_FROM_TO, _from_to),
    (_DEADLINE, _deadline),
)


_Maker = Callable[[re.Match[str]], "Period | None"]
#: starter word (lower case) -> the phrase patterns that can begin with it, in
#: :data:`_PATTERNS` order; trying only those gives the same matches for less work
_PATTERNS_BY_STARTER: dict[str, tuple[tuple[re.Pattern[str], _Maker], ...]] = {
    word: tuple((pattern, make) for pattern, make in _PATTERNS if pattern in patterns)
    for word, patterns in {
        "in": (_DURATION, _RELATIVE, _MONTH_PERIOD, _YEAR_PERIOD),
        "within": (_DURATION, _RELATIVE),
        "over": (_DURATION, _RELATIVE, _WEEKEND, _MONTH_PERIOD),
        "during": (_DURATION, _RELATIVE, _MONTH_PERIOD, _YEAR_PERIOD),
        "for": (_DURATION, _RELATIVE, _MONTH_PERIOD),
        "across": (_DURATION,),
        "throughout": (_MONTH_PERIOD, _YEAR_PERIOD),
        "since": (_SINCE,),
        "from": (_FROM_TO,),
        "between": (_FROM_TO,),
        "last": (_RELATIVE,),
        "past": (_RELATIVE,),
        "previous": (_RELATIVE,),
        "this": (_RELATIVE,),
        "current": (_RELATIVE,),
        "by": (_DEADLINE,),
    }.items()
}

#: every period phrase starts with one of these words: find them first, then try the
#: phrase patterns only there (one cheap scan instead of one scan per pattern)
_STARTER = re.compile(
    rf"\b{initials_guard(_PATTERNS_BY_STARTER)}"
    rf"(?:{trie_pattern((), any_case=_PATTERNS_BY_STARTER)})\b"
)


def find_periods(text: str, spans: Sequence[tuple[int, int]] | None = None) -> list[Period]:
    """Every period phrase in ``text``, in text order, overlaps resolved to the longest.

    With ``spans`` (sorted, not overlapping), only phrases starting inside them are found
    (they may end beyond): a tagger needs the periods near its figures only.
    """
    found: list[Period] = []
    for start, end in spans if spans is not None else [(0, len(text))]:
        for starter in _STARTER.finditer(text, start, end):
            position = starter.start()
            # case-blind matching also lets "İn" or "ſince" through, which lower() does not
            # map back to a starter: those are no period words
            for pattern, make in _PATTERNS_BY_STARTER.get(starter.group().lower(), ()):
                match = pattern.match(text, position)
                period = make(match) if match else None
                if period is not None:
                    found.append(period)
    return _longest_first(found)


def _part_label(part: str) -> str:
    words = part.replace("-", " ").split()
    return f"{words[0].lower()} " if words and words[0].lower() in ("early", "mid", "late") else ""


def _longest_first(periods: list[Period]) -> list[Period]:
    kept: list[Period] = []
    for period in sorted(periods, key=lambda p: (p.start, -p.end)):
        if kept and period.start < kept[-1].end:
            if period.end - period.start > kept[-1].end - kept[-1].start:
                kept[-1] = period
            continue
        kept.append(period)
    return kept


def number_value(word: str) -> int | None:
    """The value of a small numeral ("3", "1,000", "three", "twenty-one", "a"); None if vague."""
    word = " ".join(word.lower().replace("-", " ").split())
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))
    if word in ("a", "an"):
        return 1
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    parts = word.split()
    if parts and parts[0] in _TENS:
        ones = _NUMBER_WORDS.get(parts[1], -1) if len(parts) == 2 else 0
        if 0 <= ones < 10:
            return _TENS[parts[0]] + ones
    return None
