"""Properties of find_quantities over arbitrary and number-rich text."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.quantities import Quantity, find_quantities
from claims.vocab import Vocabulary

VOCABULARY = Vocabulary(
    units=(
        "person = [headcount] = soldier = soldiers = troops",
        "vehicle = [materiel] = tank = tanks = cars",
    )
)
QUALIFIERS = {"exact", "approx", "upper", "lower", "range", "vague"}

# Fragments that reach most branches: hedges, scales, currencies, ranges, dates, labels.
FRAGMENTS = [
    "about",
    "up to",
    "at least",
    "more than",
    "nearly",
    "between",
    "and",
    "to",
    "or",
    "-",
    "–",
    "from",
    "rose",
    "fell",
    "by",
    "a",
    "an",
    "one",
    "three",
    "twelve",
    "seventy-seven",
    "hundred",
    "thousand",
    "million",
    "dozen",
    "half",
    "a third",
    "twice",
    "times",
    "several",
    "dozens of",
    "hundreds",
    "$",
    "US$",
    "€",
    "%",
    "per cent",
    "percent",
    "per",
    "for each",
    "a month",
    "soldiers",
    "tanks",
    "days",
    "North Korean",
    "self-propelled",
    "Article",
    "December",
    "Dec.",
    "2024",
    "2024-12-23",
    "10:16:00 AM",
    "9 p.m.",
    "3rd",
    "Su-25",
    "170mm",
    "1,100",
    "12 000",
    "12\u2009000",
    "2.76",
    "40k",
    "$2.5bn",
    "11",
    "12,000",
    ",",
    ".",
    "(",
    ")",
    "\n",
    "No.",
    "in",
    "the",
    "of",
    "+",
    "or more",
]
number_rich = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join)
anything = st.one_of(
    st.text(max_size=200), number_rich, st.text(alphabet="0123456789 ,.-$%", max_size=60)
)


def check_shape(text: str, quantities: list[Quantity]) -> None:
    previous_end = 0
    for q in quantities:
        assert 0 <= q.start <= q.number_start <= q.number_end <= q.end <= len(text)
        assert q.start < q.end
        assert q.start >= previous_end, "quantities overlap or are out of order"
        previous_end = q.end
        assert not any(math.isnan(v) for v in (q.value, q.low, q.high))
        assert q.low <= q.value <= q.high
        assert q.qualifier in QUALIFIERS
        assert isinstance(q.unit, str) and q.unit
        assert q.noun is None or q.noun in text[q.start : q.end]


@settings(max_examples=300, deadline=None)
@given(anything)
def test_never_raises_and_answers_are_well_formed(text: str) -> None:
    quantities = find_quantities(text, VOCABULARY)
    check_shape(text, quantities)


@settings(max_examples=100, deadline=None)
@given(anything)
def test_deterministic(text: str) -> None:
    assert find_quantities(text, VOCABULARY) == find_quantities(text, VOCABULARY)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_comma_grouped_counts_read_back_exactly(count: int) -> None:
    text = f"Observers saw {count:,} tanks near the border."
    (q,) = find_quantities(text, VOCABULARY)
    assert (q.value, q.qualifier, q.unit) == (count, "exact", "vehicle")


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["about", "roughly", "around"]))
def test_approx_hedges_widen_by_the_margin(count: int, hedge: str) -> None:
    text = f"Officials counted {hedge} {count:,} soldiers."
    (q,) = find_quantities(text, VOCABULARY)
    assert text[q.start : q.end] == f"{hedge} {count:,} soldiers"
    assert math.isclose(q.low, count * 0.9) and math.isclose(q.high, count * 1.1)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_between_gives_an_ordered_range(first: int, extra: int) -> None:
    text = f"It cost between ${first:,} and ${first + extra:,} per soldier."
    (q,) = find_quantities(text, VOCABULARY)
    assert (q.qualifier, q.low, q.high, q.unit) == ("range", first, first + extra, "USD / person")
