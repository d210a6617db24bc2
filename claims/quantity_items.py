"""From scanned numerals to quantities: ranges, hedges, nouns, units, exclusions.

:mod:`claims.quantities` scans a text once into :class:`Token` s; this module
pairs them into ranges, reads the hedge and the counted noun around each and
drops what is not a claim. Policies are listed in :mod:`claims.quantities`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claims.distractors import (
    after_proper_name,
    after_time_preposition,
    change_verb_before,
    is_appositive_age,
    is_year_like,
)
from claims.hedges import HedgeTable, interval, normalise, vague_value
from claims.nouns import find_noun, find_rate, word_set
from claims.units import canonical_unit, is_time_unit, rate_unit

#: (start, end, value, low, high, qualifier, unit, noun, number_start, number_end)
Found = tuple[int, int, float, float, float, str, str, str | None, int, int]


@dataclass(slots=True)
class Token:
    """One scanned numeral, vague phrase, fraction or multiple, before interpretation."""

    kind: str  # number | vague | fraction | multiple
    start: int
    end: int
    value: float
    number_start: int
    number_end: int
    phrase: str = ""
    currency: str | None = None
    percent: bool = False
    #: the digits when written plainly (no scale word), for year and identifier checks
    digits: str | None = None
    scaled: bool = False
    magnitude: float = 1.0
    words: bool = False
    unit_abbreviation: str | None = None


_CONNECTOR = re.compile(r"\s*(?P<conn>[-–—]|\s(?i:to|or|and)\s)\s*")
_HEDGE_AFTER = re.compile(r"(?i:\s+or\s+(?:more|over|so|fewer|less)\b|-?plus\b|\+|\s+plus\b)")
_ENUMERATION = re.compile(
    r"(?:\s*,\s*(?:(?i:and)\s+)?|\s+(?i:and|as\s+well\s+as)\s+)(?P<art>(?i:an?))\s+"
)
_DETERMINER_BEFORE = re.compile(r"(?i:\b(?:the|this|that|any|no|every|each|which)\s+)$")
#: "one" before these is a pronoun or an idiom, not a count ("if one party is attacked").
ONE_IDIOMS = word_set(
    """party side way thing time point hand day another other option reason question example
    case instance more last such man woman person"""
)
#: "the two nations", "their three sons": a small spelled-out number after a definite
#: word refers back to things already named; it is not a new figure.
_DEFINITE_BEFORE = re.compile(r"(?i:\b(?:the|these|those)\s+)$")
_UNIT_ABBREVIATIONS = {
    "km": "kilometer",
    "kg": "kilogram",
    "m": "meter",
    "mm": "millimeter",
    "cm": "centimeter",
    "C": "degree_Celsius",
    "°C": "degree_Celsius",
    "°F": "degree_Fahrenheit",
    "km/h": "kilometer / hour",
    "kph": "kilometer / hour",
    "mph": "mile / hour",
    "p": "GBX",
}
#: "double"/"triple" are multiples only when hedged or before what they multiply
#: ("nearly double", "double the share"); otherwise they are adjectives ("a double blow").
_MULTIPLIED_AFTER = re.compile(r"\s+(?i:the|that|its|their|his|her|what|a|an)\b")
_BARE_MULTIPLES = frozenset({"double", "triple", "quadruple"})
#: "several of the men": a small vague word before "of" still counts people.
_PARTITIVE = re.compile(r"\s+of\s+(?i:the|them|those|these|us|his|her|their|its)\b")
_DURATION_PREPOSITIONS = frozenset({"over", "under", "above", "below"})
_SHARE_OF = re.compile(r"\s+of\b")
#: "12% below 2019 levels": a year after a comparison word is a point in time, not a count.
_COMPARISONS = frozenset({"above", "below"})
#: "1 in 5 adults", "nine out of ten": one ratio, not two counts.
_RATIO_LINK = re.compile(r"\s+(?i:in|out\s+of)\s+")


def _compatible(a: Token, b: Token) -> bool:
    if a.currency and b.currency and a.currency != b.currency:
        return False
    if a.percent and not b.percent:
        return False
    return not ((a.currency and b.percent) or (a.percent and b.currency))


def _range(text: str, a: Token, b: Token, between: re.Pattern[str]) -> tuple[float, int] | None:
    """(low, start) when ``a`` and ``b`` form one range, else None."""
    link = _CONNECTOR.fullmatch(text, a.end, b.start)
    if link is None or not _compatible(a, b):
        return None
    opener = between.search(text, max(0, a.start - 12), a.start)
    connector = link.group("conn").strip().lower()
    if connector == "and" and opener is None:
        return None
    if connector != "or" and opener is None and change_verb_before(text, a.start):
        return None
    low = a.value
    if not a.scaled and b.magnitude > 1 and low < 1000 and low * b.magnitude <= b.value:
        low *= b.magnitude
    if low > b.value:
        return None
    return low, opener.start() if opener is not None else a.start


def _plain_count(token: Token) -> bool:
    """A whole number written plainly: no currency, percent, scale or decimals."""
    plain = not (token.currency or token.percent or token.scaled or token.unit_abbreviation)
    return plain and (token.words or bool(token.digits and token.digits.isdigit()))


def _scoreline(text: str, a: Token, b: Token) -> bool:
    """Whether ``a`` and ``b`` are a result written "2-1" ("a 2-1 win", "drew 1-1").

    A score lists the larger side first, so "a-b" with a >= b cannot be a range; no rule
    compares scores, and reading each side as a count would invent claims.
    """
    if text[a.end : b.start] not in ("-", "–") or a.words or b.words:
        return False
    small = all(len(t.digits or "") <= 2 for t in (a, b))
    return small and _plain_count(a) and _plain_count(b) and a.value >= b.value


def _ratio(
    text: str,
    a: Token,
    b: Token,
    table: HedgeTable,
    hedge_before: re.Pattern[str],
    definitions: Sequence[str],
) -> Found | None:
    """ "1 in 5 adults", "nine out of ten": one dimensionless share, hedge included."""
    if _RATIO_LINK.fullmatch(text, a.end, b.start) is None:
        return None
    if not (_plain_count(a) and _plain_count(b) and 0 < a.value < b.value and a.value <= 20):
        return None
    unit, noun, end, _ = _unit_and_noun(text, b, b.end, False, definitions)
    if is_time_unit(unit):  # "2 in 10 minutes" is a pace, not a share
        return None
    start, kind = a.start, None
    hedge = hedge_before.search(text, max(0, start - 40), start)
    if hedge is not None:
        kind, start = table.kind_of(hedge.group("hedge")), hedge.start("hedge")
    value = a.value / b.value
    qualifier, low, high = interval(kind, value, table.approx_margin)
    return (start, end, value, low, high, qualifier, "dimensionless", noun, a.number_start,
            b.number_end)  # fmt: skip


def _unit_and_noun(
    text: str, token: Token, end: int, singular: bool, definitions: Sequence[str]
) -> tuple[str, str | None, int, bool]:
    """(unit, noun, end, has_noun_unit) for the words after a numeral ending at ``end``."""
    if token.currency:
        unit, noun = token.currency, None
    elif token.percent:
        return "percent", None, end, False
    elif token.unit_abbreviation:
        unit = canonical_unit(_UNIT_ABBREVIATIONS[token.unit_abbreviation], definitions)
        noun = None
    elif token.kind == "multiple":
        return "dimensionless", None, end, False
    else:
        found = find_noun(text, end, definitions, singular=singular)
        if found is None:
            unit, noun = "dimensionless", None
        else:
            unit, noun, end = found.unit or "dimensionless", found.text, found.end
    has_unit = unit != "dimensionless"
    money = bool(token.currency) or unit.isupper()
    for _ in range(2):
        rate = find_rate(text, end, definitions, money=money)
        if rate is None or rate.unit is None:
            break
        unit, end = rate_unit(unit, rate.unit, definitions), rate.end
        if noun is None and not is_time_unit(rate.unit):
            # "$2,000 for each soldier" counts soldiers; "$800 a month" counts no one.
            noun = rate.text
    return unit, noun, end, has_unit


def value_below_ten(token: Token) -> bool:
    """Whether a token's value is a small count (spelled-out references are below ten)."""
    return token.value < 10


def _keep(
    text: str,
    token: Token,
    start: int,
    hedged: bool,
    noun: str | None,
    unit: str,
    has_unit: bool,
) -> bool:
    """False for numbers that are not claims: pronoun "one", years, identifiers, ages."""
    if token.kind == "fraction":
        # "a third of the fossils", "two-thirds", "roughly a third" state a share; a bare
        # "half" ("the second half") needs a hedge or a verb of change.
        plural = token.phrase.endswith("s")
        share = token.phrase != "half" and _SHARE_OF.match(text, token.end) is not None
        return hedged or plural or share or change_verb_before(text, start)
    if token.kind == "multiple" and token.phrase.lower() in _BARE_MULTIPLES:
        return hedged or _MULTIPLIED_AFTER.match(text, token.end) is not None
    if token.kind != "number":
        return True
    phrase = token.phrase.strip().lower()
    definite = _DEFINITE_BEFORE.search(text, max(0, start - 8), start) is not None
    compound = text[token.end : token.end + 1] == "-"  # "the three-match series"
    small_word = token.words and value_below_ten(token)
    if small_word and definite and not compound and not is_time_unit(unit):
        return False
    if token.digits and is_appositive_age(text, token.start, token.end):
        return False
    if phrase == "one":
        if noun is None or noun.lower() in ONE_IDIOMS:
            return False
        if _DETERMINER_BEFORE.search(text, max(0, start - 12), start):
            return False
    decorated = hedged or token.currency or token.percent
    if token.digits and not decorated:
        if is_year_like(token.digits) and (not has_unit or after_time_preposition(text, start)):
            return False
        if token.digits.isdigit() and after_proper_name(text, start):
            return False
    return True


def _single(
    text: str,
    token: Token,
    table: HedgeTable,
    hedge_before: re.Pattern[str],
    definitions: Sequence[str],
) -> Found | None:
    start, end, value = token.start, token.end, token.value
    if token.kind == "vague":
        low, high = map(float, table.vague_interval(token.phrase) or (0.0, 0.0))
        unit, noun, end, has_unit = _unit_and_noun(text, token, end, False, definitions)
        if noun is None and low < 10 and not _PARTITIVE.match(text, end):
            return None
        return (start, end, vague_value(low, high), low, high, "vague", unit, noun, start, end)
    kind = None
    hedge = None
    if token.kind in ("number", "fraction", "multiple"):
        hedge = hedge_before.search(text, max(0, start - 40), start)
        if hedge is not None:
            kind, start = table.kind_of(hedge.group("hedge")), hedge.start("hedge")
        after = _HEDGE_AFTER.match(text, end)
        if after is not None and kind is None:
            kind = table.kind_of(after.group().strip().lstrip("-"))
            end = after.end()
    unit, noun, end, has_unit = _unit_and_noun(text, token, end, value == 1, definitions)
    preposition = hedge is not None and normalise(hedge.group("hedge")) in _DURATION_PREPOSITIONS
    if preposition and is_time_unit(unit):
        kind, start = None, token.start
    compared = hedge is not None and normalise(hedge.group("hedge")) in _COMPARISONS
    if compared and token.digits and is_year_like(token.digits) and not has_unit:
        return None
    if not _keep(text, token, start, kind is not None, noun, unit, has_unit):
        return None
    qualifier, low, high = interval(kind, value, table.approx_margin)
    return (
        start,
        end,
        value,
        low,
        high,
        qualifier,
        unit,
        noun,
        token.number_start,
        token.number_end,
    )


def _enumerated(
    text: str, position: int, limit: int, definitions: Sequence[str], unit: str
) -> list[Found]:
    """Items written "a/an <noun>" that continue a list of counts ending at ``position``.

    Each item must count what the list counts (``unit``): "400 seats, a working majority"
    is no list.
    """
    found: list[Found] = []
    while True:
        link = _ENUMERATION.match(text, position)
        if link is None:
            return found
        noun = find_noun(text, link.end("art"), definitions, singular=True)
        if noun is None or noun.end > limit or (noun.unit or "dimensionless") != unit:
            return found
        art_start, art_end = link.span("art")
        found.append(
            (
                art_start,
                noun.end,
                1.0,
                1.0,
                1.0,
                "exact",
                noun.unit or "dimensionless",
                noun.text,
                art_start,
                art_end,
            )
        )
        position = noun.end


def build_quantities(
    text: str,
    tokens: Sequence[Token],
    table: HedgeTable,
    hedge_before: re.Pattern[str],
    between: re.Pattern[str],
    definitions: Sequence[str],
) -> list[Found]:
    """The quantities of ``tokens`` (in text order), sorted by start, never overlapping."""
    found: list[Found] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        item: Found | None = None
        paired = None
        if token.kind == "number" and following is not None and following.kind == "number":
            if _scoreline(text, token, following):
                index += 2
                continue
            ratio = _ratio(text, token, following, table, hedge_before, definitions)
            if ratio is not None:
                found.append(ratio)
                index += 2
                continue
            paired = _range(text, token, following, between)
        if paired is not None and following is not None:
            low, start = paired
            merged = Token(
                **{
                    **_fields(following),
                    "currency": following.currency or token.currency,
                    "percent": following.percent or token.percent,
                }
            )
            unit, noun, end, has_unit = _unit_and_noun(
                text, merged, following.end, False, definitions
            )
            both_years = all(t.digits and is_year_like(t.digits) for t in (token, following))
            if not (both_years and not has_unit):
                high = following.value
                item = (
                    start,
                    end,
                    (low + high) / 2,
                    low,
                    high,
                    "range",
                    unit,
                    noun,
                    token.number_start,
                    following.number_end,
                )
            index += 2
        else:
            item = _single(text, token, table, hedge_before, definitions)
            index += 1
        if item is None:
            continue
        found.append(item)
        # Only plain counts start an enumeration: "$2,000 for each soldier, a sum..." is not one.
        counted = token.kind == "number" and not token.currency and "/" not in item[6]
        if item[7] is not None and counted:
            limit = tokens[index].start if index < len(tokens) else len(text)
            found.extend(_enumerated(text, item[1], limit, definitions, item[6]))
    found.sort(key=lambda entry: entry[0])
    kept: list[Found] = []
    for entry in found:
        if not kept or entry[0] >= kept[-1][1]:
            kept.append(entry)
    return kept


def _fields(token: Token) -> dict[str, object]:
    return {name: getattr(token, name) for name in Token.__slots__}
