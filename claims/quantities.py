"""Find every quantity in a text: number, hedge, unit and counted noun.

INTERFACE (owned by the quantities work; other stages rely on this shape).
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.vocab import Vocabulary


@dataclass(frozen=True, slots=True)
class Quantity:
    """One numeric claim as written in a text."""

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


def find_quantities(text: str, vocabulary: Vocabulary | None = None) -> list[Quantity]:
    """Every quantity in ``text`` in order of ``start``; years, dates, times, ordinals excluded."""
    raise NotImplementedError
