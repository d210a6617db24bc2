"""find_periods tries only the patterns a starter word can begin: same periods as trying all."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claims import periods
from claims.periods import Period, find_periods

WORDS = [
    "in", "In", "within", "over", "OVER", "during", "for", "across", "throughout", "since",
    "from", "between", "last", "past", "previous", "this", "current", "by", "the", "just",
    "three", "3", "a", "few", "days", "weeks", "month", "year", "weekend", "November",
    "Dec.", "2024", "early", "end", "of", "to", "and", "will", "plans", "send", "troops", "ago",
]  # fmt: skip


def every_pattern_at_every_starter(text: str) -> list[Period]:
    found = []
    for starter in periods._STARTER.finditer(text):
        for pattern, make in periods._PATTERNS:
            match = pattern.match(text, starter.start())
            period = make(match) if match else None
            if period is not None:
                found.append(period)
    return periods._longest_first(found)


@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join))
def test_dispatch_by_starter_finds_what_trying_every_pattern_finds(text: str) -> None:
    assert find_periods(text) == every_pattern_at_every_starter(text)


def test_every_starter_word_has_its_patterns() -> None:
    starters = {"in", "within", "over", "during", "for", "across", "throughout", "since"}
    starters |= {"from", "between", "last", "past", "previous", "this", "current", "by"}
    assert set(periods._PATTERNS_BY_STARTER) == starters
    text = "in the last week, over the weekend, since March 2024, from May 1 to June 3"
    assert [period.label for period in find_periods(text)] == [
        "last week",
        "weekend",
        "since March 2024",
        "May 1 to June 3",
    ]
