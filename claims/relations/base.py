"""What a relation is, and the text scanning every relation finder shares.

A relation ties quantities of one sentence (or, for rates, of one article) by the
arithmetic the text itself states: parts and their total, a share and its percentage,
a before, an after and the change between them. Finders work on the article body, its
quantities (:class:`claims.quantities.Quantity`) and its sentence spans; they never
need a rule file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from claims.quantities import Quantity
from claims.sentences import TextLayout

#: Days in one unit of a duration, for rates ("77 in three days" against "26 a day").
DURATION_DAYS: dict[str, float] = {
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 365.25 / 12,
    "year": 365.25,
}
_CURRENCY = re.compile(r"^(?:[A-Z]{3}|[$€£₩¥])(?:\s|$)")
_CURRENCY_SIGN = re.compile(r"[$€£₩¥]|\b(?:dollars?|euros?|pounds?|won|yen)\b", re.IGNORECASE)
_PERCENT_TEXT = re.compile(r"%|\bper\s*cent\b|\bpercent\b", re.IGNORECASE)
#: what an extractor may give as the noun of "three times" (or none at all)
_FACTOR_NOUNS = frozenset({"", "times", "time", "fold"})
_FACTOR_TEXT = re.compile(
    r"\b(?:times|twice|thrice|fold|double|triple|treble|quadruple)\b|-fold\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Relation:
    """Quantities tied by stated arithmetic: ``members`` are (role, quantity) in text order
    of their roles; ``attributes`` are the relation's own facts (``exhaustive``,
    ``direction``, ``factor``...); ``unit_days`` gives a member's days per unit (rates)."""

    kind: str
    members: tuple[tuple[str, Quantity], ...]
    attributes: Mapping[str, Any] = field(default_factory=dict)
    unit_days: Mapping[int, float] = field(default_factory=dict)

    @property
    def anchor(self) -> int:
        """Where the relation starts in the text (its first member)."""
        return min(quantity.start for _, quantity in self.members)


def unit_class(quantity: Quantity, text: str) -> str:
    """``percent``, ``duration``, ``factor``, ``money`` or ``count`` (what arithmetic fits)."""
    written = text[quantity.start : quantity.end]
    unit = quantity.unit.strip()
    if unit == "percent" or _PERCENT_TEXT.search(written):
        return "percent"
    if unit in DURATION_DAYS:
        return "duration"
    noun = (quantity.noun or "").lower()
    if unit == "dimensionless" and noun in _FACTOR_NOUNS and _FACTOR_TEXT.search(written):
        return "factor"
    if _CURRENCY.match(unit) or _CURRENCY_SIGN.search(written):
        return "money"
    return "count"


def comparable(first: Quantity, second: Quantity, text: str) -> bool:
    """Whether two figures count the same kind of thing, so they may be added or divided.

    Same class (count, money, percent) and either the same unit or one of them without a
    known unit ("killed 77 soldiers and injured 40": the 40 has no noun of its own).
    """
    first_class, second_class = unit_class(first, text), unit_class(second, text)
    if first_class != second_class or first_class in ("duration", "factor"):
        return False
    if first.unit == second.unit:
        return True
    return "dimensionless" in (first.unit, second.unit)


def _numerator(unit: str) -> str:
    """The unit without its "per" part ("EUR / year" -> "EUR"; "1 / day" -> dimensionless)."""
    head = unit.split("/")[0].strip()
    return "dimensionless" if head in ("", "1") else head


def bare(quantity: Quantity, text: str) -> bool:
    """Whether a figure names no unit or noun of its own ("down from 438 million")."""
    return (
        quantity.unit == "dimensionless"
        and not quantity.noun
        and unit_class(quantity, text) == "count"
    )


def loosely_comparable(first: Quantity, second: Quantity, text: str) -> bool:
    """Whether two figures the text sets side by side as one figure at two times (a change)
    or as a multiple of the other may be divided: :func:`comparable`, or the text names the
    unit once ("412 million euros, down from 438 million"; "12 paid sick days, up from 5"),
    or one of them is stated per period and the other not ("3,100 a day" against "1,900"),
    or both are durations in the same unit ("6,900 hours, up from 4,100 hours")."""
    first_class, second_class = unit_class(first, text), unit_class(second, text)
    if first_class == second_class == "duration":
        return first.unit == second.unit
    if "factor" in (first_class, second_class):
        return False
    if bare(first, text) or bare(second, text):
        return True
    if "duration" in (first_class, second_class):
        return False
    if comparable(first, second, text):
        return True
    heads = (_numerator(first.unit), _numerator(second.unit))
    return first_class == second_class and (heads[0] == heads[1] or "dimensionless" in heads)


class Scan:
    """An article body with its quantities grouped by sentence, and gap helpers."""

    def __init__(
        self, text: str, quantities: Sequence[Quantity], layout: TextLayout | None = None
    ) -> None:
        self.text = text
        self.quantities = sorted(quantities, key=lambda quantity: quantity.start)
        self.layout = layout if layout is not None else TextLayout(text)
        self.sentence_of = [self._sentence(quantity) for quantity in self.quantities]
        self.classes = [unit_class(quantity, text) for quantity in self.quantities]

    def _sentence(self, quantity: Quantity) -> int:
        return self.layout.sentence_index(quantity.start) if self.layout.sentences else 0

    def sentence_span(self, index: int) -> tuple[int, int]:
        """(start, end) of the sentence of quantity ``index``."""
        if not self.layout.sentences:
            return (0, len(self.text))
        return self.layout.sentences[self.sentence_of[index]]

    def sentences(self) -> Iterator[list[int]]:
        """Indices of the quantities of each sentence that holds at least one."""
        group: list[int] = []
        for index, sentence in enumerate(self.sentence_of):
            if group and self.sentence_of[group[0]] != sentence:
                yield group
                group = []
            group.append(index)
        if group:
            yield group

    def gap(self, first: int, second: int) -> str:
        """The text between quantity ``first`` and quantity ``second``."""
        return self.text[self.quantities[first].end : self.quantities[second].start]

    def before(self, index: int, width: int = 80) -> str:
        """Up to ``width`` characters before quantity ``index``, within its sentence."""
        start = max(self.sentence_span(index)[0], self.quantities[index].start - width)
        return self.text[start : self.quantities[index].start]

    def after(self, index: int, width: int = 80) -> str:
        """Up to ``width`` characters after quantity ``index``, within its sentence."""
        end = min(self.sentence_span(index)[1], self.quantities[index].end + width)
        return self.text[self.quantities[index].end : end]

    def written(self, index: int) -> str:
        """Quantity ``index`` as written."""
        quantity = self.quantities[index]
        return self.text[quantity.start : quantity.end]


def phrase(pattern: str) -> re.Pattern[str]:
    """A case-insensitive pattern that must match a whole gap (spaces made flexible)."""
    return re.compile(pattern.replace(" ", r"\s+"), re.IGNORECASE)


def written_quantity(
    text: str,
    written: str,
    value: float,
    *,
    occurrence: int = 1,
    low: float | None = None,
    high: float | None = None,
    qualifier: str | None = None,
    unit: str = "dimensionless",
    noun: str | None = None,
    number: str | None = None,
) -> Quantity:
    """A :class:`Quantity` for the ``occurrence``-th appearance of ``written`` in ``text``.

    For rule cases and tests that spell out their quantities instead of running the
    extractor. ``number`` is the numeral inside ``written`` (default: all of it).
    """
    start = -1
    for _ in range(occurrence):
        start = text.find(written, start + 1)
        if start < 0:
            raise ValueError(f"{written!r} occurs fewer than {occurrence} times in the text")
    low = value if low is None else low
    high = value if high is None else high
    if qualifier is None:
        qualifier = "exact" if low == value == high else "approx"
    offset = written.find(number) if number else 0
    if offset < 0:
        raise ValueError(f"{number!r} is not inside {written!r}")
    length = len(number) if number else len(written)
    return Quantity(
        start=start,
        end=start + len(written),
        value=float(value),
        low=float(low),
        high=float(high),
        qualifier=qualifier,
        unit=unit,
        noun=noun,
        number_start=start + offset,
        number_end=start + offset + length,
    )
