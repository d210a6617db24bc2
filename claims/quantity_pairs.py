"""Two numerals read as one quantity or as none: ranges, ratios and scorelines.

"between 800 and 1,100", "11 to 12,000", "seven or eight days" are ranges; "1 in 5 adults"
and "nine out of ten" are shares; "a 2-1 win" is a result and no claim at all. Policies are
listed in :mod:`claims.quantities`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.distractors import change_verb_before
from claims.hedges import HedgeFinder, HedgeTable, interval
from claims.quantity_tokens import Found, Token, unit_and_noun
from claims.units import is_time_unit

_CONNECTOR = re.compile(r"\s*(?P<conn>[-–—]|\s(?i:to|or|and)\s)\s*")
#: "1 in 5 adults", "nine out of ten": one ratio, not two counts.
_RATIO_LINK = re.compile(r"\s+(?i:in|out\s+of)\s+")
#: Every gap the readers below accept (each link above fits it): one test of this skips all
#: three for numerals far apart, the usual case.
_ANY_LINK = re.compile(r"\s*(?:[-–—]|(?i:in|out\s+of|to|or|and)\s)?\s*")


def may_pair(text: str, a: Token, b: Token) -> bool:
    """False when ``a`` and ``b`` cannot be one range, ratio or scoreline (their gap says so)."""
    return _ANY_LINK.fullmatch(text, a.end, b.start) is not None


def _compatible(a: Token, b: Token) -> bool:
    if a.currency and b.currency and a.currency != b.currency:
        return False
    if a.percent and not b.percent:
        return False
    return not ((a.currency and b.percent) or (a.percent and b.currency))


def range_of(text: str, a: Token, b: Token, between: re.Pattern[str]) -> tuple[float, int] | None:
    """(low, start) when ``a`` and ``b`` form one range, else None."""
    link = _CONNECTOR.fullmatch(text, a.end, b.start)
    if link is None or not _compatible(a, b):
        return None
    opener = between.search(text, max(0, a.start - 12), a.start)
    connector = link.group("conn").strip().lower()
    if connector == "and" and opener is None:
        return None
    # "rose from 10 to 12%" is a change of two figures; "rose 10-12%" a range all the same
    dash = connector in ("-", "–", "—")
    if connector != "or" and not dash and opener is None and change_verb_before(text, a.start):
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


def is_scoreline(text: str, a: Token, b: Token) -> bool:
    """Whether ``a`` and ``b`` are a result written "2-1" ("a 2-1 win", "drew 1-1").

    A score lists the larger side first, so "a-b" with a >= b cannot be a range; no rule
    compares scores, and reading each side as a count would invent claims.
    """
    if text[a.end : b.start] not in ("-", "–") or a.words or b.words:
        return False
    small = all(len(t.digits or "") <= 2 for t in (a, b))
    return small and _plain_count(a) and _plain_count(b) and a.value >= b.value


def ratio_of(
    text: str,
    a: Token,
    b: Token,
    table: HedgeTable,
    hedges: HedgeFinder,
    definitions: Sequence[str],
) -> Found | None:
    """ "1 in 5 adults", "nine out of ten": one dimensionless share, hedge included."""
    if _RATIO_LINK.fullmatch(text, a.end, b.start) is None:
        return None
    if not (_plain_count(a) and _plain_count(b) and 0 < a.value < b.value and a.value <= 20):
        return None
    unit, noun, end, _ = unit_and_noun(text, b, b.end, False, definitions)
    if is_time_unit(unit):  # "2 in 10 minutes" is a pace, not a share
        return None
    start, kind = a.start, None
    hedge = hedges.before(text, start)
    if hedge is not None:
        kind, start = table.kind_of(hedge.text), hedge.start
    value = a.value / b.value
    qualifier, low, high = interval(kind, value, table.approx_margin)
    return (start, end, value, low, high, qualifier, "dimensionless", noun, a.number_start,
            b.number_end)  # fmt: skip
