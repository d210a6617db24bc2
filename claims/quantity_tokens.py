"""Scanned numerals (:class:`Token`) and the unit and counted noun written after one.

:mod:`claims.quantities` scans a text once into tokens; :mod:`claims.quantity_items` and
:mod:`claims.quantity_pairs` read them into quantities, each asking
:func:`unit_and_noun` what a numeral counts.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

from claims.nouns import find_noun_and_marker, rate_after, rate_marker
from claims.units import canonical_unit, is_time_unit, rate_unit

#: (start, end, value, low, high, qualifier, unit, noun, number_start, number_end)
Found = tuple[int, int, float, float, float, str, str, str | None, int, int]


class Token(NamedTuple):
    """One scanned numeral, vague phrase, fraction or multiple, before interpretation.

    A named tuple: built once per figure of every article, and cheaper so than a dataclass.
    """

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


@functools.lru_cache(maxsize=64)
def _abbreviated_unit(abbreviation: str, definitions: tuple[str, ...]) -> str:
    return canonical_unit(_UNIT_ABBREVIATIONS[abbreviation], definitions)


def unit_and_noun(
    text: str, token: Token, end: int, singular: bool, definitions: Sequence[str]
) -> tuple[str, str | None, int, bool]:
    """(unit, noun, end, has_noun_unit) for the words after a numeral ending at ``end``."""
    if token.currency:
        unit, noun, marker = token.currency, None, rate_marker(text, end)
    elif token.percent:
        return "percent", None, end, False
    elif token.unit_abbreviation:
        unit = _abbreviated_unit(token.unit_abbreviation, tuple(definitions))
        noun, marker = None, rate_marker(text, end)
    elif token.kind == "multiple":
        return "dimensionless", None, end, False
    else:
        # one reading of the words gives the noun and the marker of a rate after it
        found, marker = find_noun_and_marker(text, end, definitions, singular=singular)
        if found is None:
            unit, noun = "dimensionless", None
        else:
            unit, noun, end = found.unit or "dimensionless", found.text, found.end
    has_unit = unit != "dimensionless"
    money = bool(token.currency) or unit.isupper()
    for _ in range(2):
        if marker is None:  # most figures: no rate
            break
        rate = rate_after(text, marker, definitions, money=money)
        if rate is None or rate.unit is None:
            break
        unit, end = rate_unit(unit, rate.unit, definitions), rate.end
        if noun is None and not is_time_unit(rate.unit):
            # "$2,000 for each soldier" counts soldiers; "$800 a month" counts no one.
            noun = rate.text
        marker = rate_marker(text, end)
    return unit, noun, end, has_unit
