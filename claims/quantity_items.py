"""From scanned numerals to quantities: hedges, nouns, units, lists and exclusions.

:mod:`claims.quantities` scans a text once into :class:`~claims.quantity_tokens.Token` s;
this module reads each (or each pair, with :mod:`claims.quantity_pairs`) into a quantity:
the hedge and the counted noun around it, the "a/an" items of a list it opens, and drops
what is not a claim. Policies are listed in :mod:`claims.quantities`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.distractors import (
    after_proper_name,
    after_time_preposition,
    change_verb_before,
    is_age,
    is_age_limit,
    is_year_like,
)
from claims.hedges import HedgeFinder, HedgeTable, interval, normalise, vague_value
from claims.nouns import find_noun, word_set
from claims.quantity_pairs import is_scoreline, may_pair, range_of, ratio_of
from claims.quantity_tokens import Found, Token, unit_and_noun
from claims.units import is_time_unit

_HEDGE_AFTER = re.compile(r"(?i:\s+or\s+(?:more|over|so|fewer|less)\b|-?plus\b|\+|\s+plus\b)")
_ENUMERATION = re.compile(
    r"(?:\s*,\s*(?:(?i:and)\s+)?|\s+(?i:and|as\s+well\s+as)\s+)(?P<art>(?i:an?))\s+"
)
_STATEMENT_AFTER = re.compile(
    r"\s+(?:(?:also|later|then)\s+)?(?:said|says|told|added|adds|noted|stated|confirmed)\b"
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
    if token.words and value_below_ten(token) and not is_time_unit(unit):
        compound = text[token.end : token.end + 1] == "-"  # "the three-match series"
        if not compound and _DEFINITE_BEFORE.search(text, max(0, start - 8), start):
            return False
    # an age has at most three digits: the length test spares most calls
    if token.digits and len(token.digits) <= 3 and is_age(text, token.start, token.end, noun):
        return False
    if token.words and token.value < 130 and is_age_limit(text, token.start, noun):
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
    backwards: str,
    token: Token,
    table: HedgeTable,
    hedges: HedgeFinder,
    definitions: Sequence[str],
) -> Found | None:
    """The quantity of one token (``backwards`` is the text reversed, for its hedge)."""
    start, end, value = token.start, token.end, token.value
    if token.kind == "vague":
        low, high = map(float, table.vague_interval(token.phrase) or (0.0, 0.0))
        unit, noun, end, has_unit = unit_and_noun(text, token, end, False, definitions)
        if noun is None and low < 10 and not _PARTITIVE.match(text, end):
            return None
        return (start, end, vague_value(low, high), low, high, "vague", unit, noun, start, end)
    kind = None
    hedge_words = None
    if token.kind in ("number", "fraction", "multiple"):
        hedge = hedges.before(text, start, backwards)
        if hedge is not None:
            hedge_words = normalise(hedge.text)
            kind, start = table.kind_of(hedge_words), hedge.start
        after = _HEDGE_AFTER.match(text, end)
        if after is not None and kind is None:
            kind = table.kind_of(after.group().strip().lstrip("-"))
            end = after.end()
    unit, noun, end, has_unit = unit_and_noun(text, token, end, value == 1, definitions)
    if hedge_words in _DURATION_PREPOSITIONS and is_time_unit(unit):
        kind, start = None, token.start
    compared = hedge_words in _COMPARISONS
    if compared and token.digits and is_year_like(token.digits) and not has_unit:
        return None
    if not _keep(text, token, start, kind is not None, noun, unit, has_unit):
        return None
    if kind is None:  # most figures: spares a call
        qualifier, low, high = "exact", value, value
    else:
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
        if _STATEMENT_AFTER.match(text, noun.end):
            # "about 430 vacancies, a spokesman said": a claimant, not a listed item
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
    hedges: HedgeFinder,
    between: re.Pattern[str],
    definitions: Sequence[str],
) -> list[Found]:
    """The quantities of ``tokens`` (in text order), sorted by start, never overlapping."""
    found: list[Found] = []
    backwards = text[::-1]  # once per text: every hedge is read backwards from its number
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        item: Found | None = None
        paired = None
        if (
            token.kind == "number"
            and following is not None
            and following.kind == "number"
            and may_pair(text, token, following)
        ):
            if is_scoreline(text, token, following):
                index += 2
                continue
            ratio = ratio_of(text, token, following, table, hedges, definitions)
            if ratio is not None:
                found.append(ratio)
                index += 2
                continue
            paired = range_of(text, token, following, between)
        if paired is not None and following is not None:
            low, start = paired
            merged = following
            currency_only_low = token.currency and not following.currency
            if currency_only_low or (token.percent and not following.percent):
                # the high end takes the low end's marks: "$5 to 6 million", "5 to 6%"
                merged = following._replace(
                    currency=following.currency or token.currency,
                    percent=following.percent or token.percent,
                )
            unit, noun, end, has_unit = unit_and_noun(
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
            item = _single(text, backwards, token, table, hedges, definitions)
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
