"""Hedge wording -> qualifier and interval, and the rule file's ``hedges:`` overrides."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.errors import ConfigError
from claims.hedges import (
    DEFAULT_VAGUE,
    Hedge,
    HedgeFinder,
    HedgeTable,
    hedge_table,
    interval,
    vague_value,
)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (None, ("exact", 200.0, 200.0)),
        ("approx", ("approx", 180.0, 220.0)),
        ("approx_below", ("approx", 180.0, 200.0)),
        ("approx_above", ("approx", 200.0, 220.0)),
        ("upper", ("upper", 0.0, 200.0)),
        ("lower", ("lower", 200.0, math.inf)),
    ],
)
def test_interval_of_each_kind(kind: str | None, expected: tuple[str, float, float]) -> None:
    qualifier, low, high = interval(kind, 200.0, 0.1)
    assert qualifier == expected[0]
    assert (low, high) == pytest.approx(expected[1:])


def test_interval_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown hedge kind"):
        interval("maybe", 1.0, 0.1)


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("about", "approx"),
        ("An  Estimated", "approx"),
        ("nearly", "approx_below"),
        ("approaching", "approx_below"),
        ("up to", "upper"),
        ("as many as", "upper"),
        ("fewer than", "upper"),
        ("at least", "lower"),
        ("more than", "lower"),
        ("exceeded", "lower"),
        ("or more", "lower"),
        ("or so", "approx"),
        ("perhaps", None),
    ],
)
def test_default_table_kinds(phrase: str, kind: str | None) -> None:
    assert hedge_table(None).kind_of(phrase) == kind


def test_vague_lookup_accepts_a_missing_trailing_of() -> None:
    table = hedge_table(None)
    assert table.vague_interval("Hundreds") == DEFAULT_VAGUE["hundreds of"]
    assert table.vague_interval("several") == (3, 9)
    assert table.vague_interval("umpteen") is None


def test_vague_value_is_the_geometric_midpoint() -> None:
    assert vague_value(4.0, 9.0) == pytest.approx(6.0)
    assert vague_value(0.0, 10.0) == 5.0


def test_every_default_vague_interval_is_ordered_and_positive() -> None:
    assert all(0 < low <= high for low, high in DEFAULT_VAGUE.values())


def test_overrides_change_margin_words_and_vague_intervals() -> None:
    table = hedge_table(
        {
            "approx_margin": 0.2,
            "words": {"in the vicinity of": "approx", "some": None},
            "vague": {"several": [3, 7], "a smattering of": [2, 4]},
        }
    )
    assert table.approx_margin == 0.2
    assert table.kind_of("in the  vicinity of") == "approx"
    assert table.kind_of("some") is None
    assert table.kind_of("about") == "approx"
    assert table.vague_interval("several") == (3.0, 7.0)
    assert table.vague_interval("a smattering") == (2.0, 4.0)


def test_tables_are_cached_per_mapping() -> None:
    raw = {"approx_margin": 0.05}
    assert hedge_table(raw) is hedge_table(dict(raw))
    assert hedge_table(None) is hedge_table({}) == HedgeTable()


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ({"margin": 0.1}, "hedges.margin"),
        ({"approx_margin": 1.5}, "hedges.approx_margin"),
        ({"approx_margin": True}, "hedges.approx_margin"),
        ({"approx_margin": "ten percent"}, "hedges.approx_margin"),
        ({"words": ["about"]}, "hedges.words"),
        ({"words": {"give or take": "fuzzy"}}, "hedges.words.give or take"),
        ({"words": {" ": "approx"}}, "hedges.words. "),
        ({"vague": {"several": [9, 3]}}, "hedges.vague.several"),
        ({"vague": {"several": [3]}}, "hedges.vague.several"),
        ({"vague": {"several": ["3", "9"]}}, "hedges.vague.several"),
        ({"vague": {"several": [-1, 9]}}, "hedges.vague.several"),
        ({"vague": {"~lots": [1, 9]}}, "hedges.vague.~lots"),
    ],
)
def test_invalid_overrides_name_the_offending_key(raw: dict, key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        hedge_table(raw)
    assert caught.value.key == key


_FINDER_TABLE = hedge_table({"words": {"in the region of": "approx", "Größe von": "approx"}})
_FINDER_PIECES = st.sampled_from(
    [
        "about",
        "ABOUT",
        "more than",
        "no more\n than",
        "than",
        "up to",
        "in the  region of",
        "Größe von",
        "x",
        "-",
        "tens",
        " ",
        "  ",
        "\n",
        "ſome",
        "ſ",
        "40",
    ]
)


@given(
    pieces=st.lists(_FINDER_PIECES, max_size=14),
    gap=st.sampled_from([" ", "  ", "\n", ""]),
)
def test_the_hedge_finder_reads_backwards_what_a_forward_search_finds(
    pieces: list[str], gap: str
) -> None:
    # the reference is the plain forward search the finder replaced: the leftmost hedge in
    # the reach that ends at the white space right before the number
    finder = HedgeFinder(_FINDER_TABLE)
    text = "".join(pieces) + gap
    start = len(text)
    text += "12 ships"
    expected = finder._forwards.search(text, max(0, start - HedgeFinder.REACH), start)
    found = finder.before(text, start)
    assert found == (Hedge(expected.start("hedge"), expected.group("hedge")) if expected else None)
    # reading a whole reversed text finds what reading the reversed reach finds
    assert finder.before(text, start, text[::-1]) == found


def test_the_hedge_finder_prefers_the_longest_phrase() -> None:
    finder = HedgeFinder(hedge_table(None))
    text = "It had no more than 40 boats."
    assert finder.before(text, text.index("40")) == Hedge(7, "no more than")


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("xabout", None),  # "about" glued to a word: no hedge
        ("xno more than", "more than"),  # the glued longest phrase gives way to a shorter one
        (" no more than", "no more than"),
    ],
)
def test_a_hedge_starting_right_at_the_reach_sees_the_character_before(
    before: str, expected: str | None
) -> None:
    finder = HedgeFinder(hedge_table(None))
    # the phrase (after its first character) starts exactly REACH characters before the number
    text = "Reports said " + before + " " * (HedgeFinder.REACH - len(before) + 1) + "40 boats"
    found = finder.before(text, text.index("40"))
    assert (found.text if found else None) == expected


def test_equal_tables_hash_alike_so_their_patterns_are_shared() -> None:
    table = HedgeTable(approx_margin=0.1, vague=tuple(DEFAULT_VAGUE.items()))
    assert table is not HedgeTable() and table == HedgeTable()
    assert hash(table) == hash(HedgeTable())
    assert hash(HedgeTable(approx_margin=0.2)) != hash(HedgeTable())
