"""Rates: a per-period figure against a total over a stated period in the same article.

"Ukrainian forces killed 77 soldiers in three days ... about 26 a day": the *period* is a
duration after "in", "over", "within", "during", "across" or "for" ("in just three
days", "over the past two weeks"); its *totals* are the counts (or amounts) of the same
sentence; a *rate* is a figure followed by "a day", "per week", "each month", "daily"...
or whose unit is per time ("USD / month"); "a year earlier", "a week ago" are not rates.

Each rate is paired with the nearest period before it in the article (else the nearest
after it in the same paragraph) whose sentence has totals of the rate's kind (counts with
counts, money with money). A sentence often gives several totals for one period ("killed 77
and injured 40 in three days"); the relation keeps them all (role ``total``), and the check
accepts a rate that fits any one of them or their sum. A rate whose unit names what it
counts ("70 km/h", "10 km a day") pairs only with totals of that unit or of none: a wind
speed is no rate of the hectares a fire burned.
"""

from __future__ import annotations

import bisect
import re

from claims.relations.base import DURATION_DAYS, Relation, Scan, phrase

KIND = "rate"
_UNITS = "|".join(DURATION_DAYS)
RATE_TAIL = re.compile(
    rf"^\s*(?:[\w-]+\s+){{0,2}}?(?:(?:a|an|per|each|every)\s+(?P<unit>{_UNITS})\b"
    r"(?!\s+(?:earlier|ago|later|before|after|on|from|since)\b)"
    r"|(?P<adverb>hourly|daily|weekly|monthly|yearly|annually)\b)",
    re.IGNORECASE,
)
RATE_UNIT = re.compile(rf"/\s*(?P<unit>{_UNITS})$")
ADVERB_UNITS = {
    "hourly": "hour",
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annually": "year",
}
PERIOD_LEAD = phrase(
    r".*\b(?:in|over|within|during|across|for)(?: (?:just|only|the (?:last|past|first|next)))?\s*"
)


def find_rates(scan: Scan) -> list[Relation]:
    """Every rate that can be paired with a total over a stated period."""
    rate_units = [_rate_unit(scan, index) for index in range(len(scan.quantities))]
    periods = [
        index
        for index, cls in enumerate(scan.classes)
        if cls == "duration" and PERIOD_LEAD.fullmatch(scan.before(index))
    ]
    if not periods:
        return []
    # Figures grouped by sentence once, so finding a period's totals is not a scan of the
    # whole article per period (an article of thousands of sentences stays linear).
    by_sentence: dict[int, list[int]] = {}
    for position, sentence in enumerate(scan.sentence_of):
        by_sentence.setdefault(sentence, []).append(position)
    totals = {period: _totals(scan, period, rate_units, by_sentence) for period in periods}
    starts = [scan.quantities[p].start for p in periods]
    paragraphs = [start for start, _ in scan.layout.paragraphs] or [0]
    relations = []
    for index, unit in enumerate(rate_units):
        if unit is None:
            continue
        period = _nearest_fitting(scan, index, periods, starts, paragraphs, totals)
        if period is None:
            continue
        chosen = [t for t in totals[period] if _fits(scan, t, index)]
        members = (
            *(("total", scan.quantities[t]) for t in chosen),
            ("period", scan.quantities[period]),
            ("rate", scan.quantities[index]),
        )
        unit_days = {
            len(chosen): DURATION_DAYS[scan.quantities[period].unit.strip()],
            len(chosen) + 1: DURATION_DAYS[unit],
        }
        relations.append(Relation(KIND, members, {}, unit_days))
    return relations


def _rate_unit(scan: Scan, index: int) -> str | None:
    """The time unit of a per-period figure ("26 a day" -> "day"); None for other figures."""
    if scan.classes[index] not in ("count", "money"):
        return None
    match = RATE_UNIT.search(scan.quantities[index].unit.strip())
    if match:
        return match["unit"].lower()
    written = scan.written(index)
    number_end = scan.quantities[index].number_end - scan.quantities[index].start
    tail = RATE_TAIL.match(written[max(number_end, 0) :] + scan.after(index, 30))
    if tail is None:
        return None
    return tail["unit"].lower() if tail["unit"] else ADVERB_UNITS[tail["adverb"].lower()]


def _fits(scan: Scan, total: int, rate: int) -> bool:
    """Whether ``total`` counts what ``rate`` counts per period: same class and, when the
    rate's unit names what it counts ("km / hour"), the same unit or none: a speed is no
    rate of the hectares a fire burned."""
    if scan.classes[total] != scan.classes[rate]:
        return False
    numerator, slash, _ = scan.quantities[rate].unit.partition("/")
    numerator, total_unit = numerator.strip(), scan.quantities[total].unit.strip()
    if not slash or numerator in ("", "1", "dimensionless") or total_unit == "dimensionless":
        return True
    return numerator == total_unit


def _totals(
    scan: Scan, period: int, rate_units: list[str | None], by_sentence: dict[int, list[int]]
) -> list[int]:
    return [
        index
        for index in by_sentence[scan.sentence_of[period]]
        if index != period
        and rate_units[index] is None
        and scan.classes[index] in ("count", "money")
    ]


def _nearest_fitting(
    scan: Scan,
    rate: int,
    periods: list[int],
    starts: list[int],
    paragraphs: list[int],
    totals: dict[int, list[int]],
) -> int | None:
    """The nearest period before the rate with a total it fits, else the nearest such
    period after it in its paragraph. Walks outward from the rate, so the usual case
    costs one or two periods, not all of them."""

    def fitting(period: int) -> bool:
        return any(_fits(scan, total, rate) for total in totals[period])

    position = bisect.bisect_left(starts, scan.quantities[rate].start)
    for k in range(position - 1, -1, -1):
        if fitting(periods[k]):
            return periods[k]
    for k in range(position, len(periods)):
        if fitting(periods[k]):
            return periods[k] if _same_paragraph(paragraphs, scan, rate, periods[k]) else None
    return None


def _same_paragraph(paragraphs: list[int], scan: Scan, first: int, second: int) -> bool:
    first_at = bisect.bisect_right(paragraphs, scan.quantities[first].start)
    return first_at == bisect.bisect_right(paragraphs, scan.quantities[second].start)
