"""Whose figure it is in a report of a strike: the attacker's weapons, the place's losses."""

from __future__ import annotations

import pytest
from extraction_support import tags

from claims.sides import attackers, counts_weapons, side_owns
from claims.vocab import Vocabulary

WAR = Vocabulary.from_mapping(
    {
        "entities": {
            "rhovenia": ["Rhovenia", "Rhovenian"],
            "kalvessa": ["Kalvessa", "Kalvessan"],
            "zemlin": ["Zemlin"],
        },
        "sources": {"air_force": ["Kalvessa's air force"]},
    }
)


def test_the_dead_of_a_strike_are_the_place_struck_not_the_attacker() -> None:
    text = (
        "A Rhovenian missile strike on the substation in Zemlin killed four workers and cut "
        "power to about 40,000 homes."
    )
    assert tags(text, WAR, "entity") == ["zemlin", "zemlin"]


def test_weapons_shot_down_are_the_attackers() -> None:
    # the text is about Zemlin, named most, but what was shot down is Rhovenia's
    text = (
        "A Rhovenian drone strike hit Zemlin on Tuesday. In Zemlin, schools stayed shut.\n\n"
        "Two of them were shot down, and a further 14 drones were destroyed over farmland, "
        "Kalvessa's air force said."
    )
    assert tags(text, WAR, "entity") == ["rhovenia", "rhovenia"]


def test_a_sides_own_forces_and_a_figures_own_alias_stay_as_they_are() -> None:
    text = "A Rhovenian offensive near Zemlin used 20,000 troops and killed 300 Kalvessan soldiers."
    assert tags(text, WAR, "entity") == ["rhovenia", "kalvessa"]


def test_without_an_attack_the_nearest_side_is_kept() -> None:
    # no strike, raid or attack is named: nothing to correct
    text = "Rhovenian engineers rebuilt 12 bridges near Zemlin."
    assert tags(text, WAR, "entity") == ["rhovenia"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Rhovenian missile strike hit Zemlin.", {"rhovenia"}),
        ("Rhovenia's overnight attacks went on.", {"rhovenia"}),
        ("It was the third raid by Rhovenia this week.", {"rhovenia"}),
        ("Rhovenia and Kalvessa signed a truce.", set()),
    ],
)
def test_an_attacker_is_the_author_of_an_attack(text: str, expected: set[str]) -> None:
    from claims.cues import compile_vocabulary

    hits = compile_vocabulary(WAR).entities.find(text)
    assert attackers(text, hits) == expected


@pytest.mark.parametrize(
    ("noun", "clause", "expected"),
    [
        ("cruise missiles", "two cruise missiles", True),
        ("drones", "46 drones", True),
        (None, "Two of them were shot down", True),
        (None, "Two of them were killed", False),
        ("homes", "40,000 homes", False),
    ],
)
def test_what_counts_weapons(noun: str | None, clause: str, expected: bool) -> None:
    assert counts_weapons(noun, clause, (0, len(clause))) is expected


def test_a_sides_own_forces() -> None:
    assert side_owns("special forces troops") and not side_owns("homes") and not side_owns(None)
