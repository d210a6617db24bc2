"""The two sides of a strike: whose weapons a figure counts, and whose losses.

A war report names the side that strikes and the place struck in one breath: "A Rhovenian
missile strike on the substation in Zemlin killed four workers". The nearest alias before
"four workers" is the attacker, but the dead are the place's. The gold sets' convention (and
the reading a fact-checker needs when Zemlin's toll is compared with another source's) is:

- missiles, drones, shells and the like, launched, shot down or intercepted, are the side
  that fires them ("Two of them were shot down", "a further 14 drones");
- every other figure that only the attacker's nearness would give to the attacker (the
  dead, homes cut off, damaged buildings) is the place struck: an alias of the sentence
  standing as a place ("in Zemlin"), else the text's topic.

An attacker is an entity named as the author of an attack: "Rhovenian missile strike",
"Veskian drone attacks", "a raid by Golva". A figure's own alias ("77 North Korean soldiers",
"27 Tesmar fighters") always wins, and the side's own forces ("20,000 troops") stay its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.cues import Hit

_ATTACKS = r"(?:strikes?|attacks?|raids?|shelling|bombardment|barrages?|bombing|offensive)"
#: between an attacker's alias and the attack: "Rhovenian [missile] strike"
_ATTACK_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+(?:missile|drone|rocket|air|artillery|aerial|overnight|night|ballistic|"
    rf"cruise|massive|new|latest|heavy|combined))*\s+{_ATTACKS}\b"
)
#: "a raid by Golva", "attacks launched by the Tesmar Front"
_ATTACK_BEFORE = re.compile(
    rf"\b{_ATTACKS}\s+(?:(?:launched|carried\s+out)\s+)?by\s+(?:the\s+)?$", re.IGNORECASE
)
_ATTACK_BEFORE_REACH = 40
#: nouns of what a side fires
WEAPON_NOUNS = frozenset(
    [
        "missile",
        "missiles",
        "drone",
        "drones",
        "rocket",
        "rockets",
        "shell",
        "shells",
        "bomb",
        "bombs",
        "projectile",
        "projectiles",
        "warheads",
        "munitions",
    ]
)
#: a clause telling what happened to weapons: "Two of them were shot down"
_WEAPON_FATE = re.compile(r"\b(?:shot\s+down|intercepted|downed)\b")
#: a side's own forces and arms, which stay its own whoever stands near them
_OWN_FORCES = frozenset(
    [
        "troops",
        "soldiers",
        "fighters",
        "forces",
        "servicemen",
        "personnel",
        "tanks",
        "aircraft",
        "jets",
        "warplanes",
        "launchers",
        "vehicles",
        "ships",
        "units",
    ]
)


def attackers(text: str, hits: Sequence[Hit]) -> frozenset[str]:
    """The keys of the entities ``text`` names as authors of an attack."""
    found = set()
    for hit in hits:
        if _ATTACK_AFTER.match(text, hit.end) or _ATTACK_BEFORE.search(
            text, max(hit.start - _ATTACK_BEFORE_REACH, 0), hit.start
        ):
            found.add(hit.key)
    return frozenset(found)


def counts_weapons(noun: str | None, text: str, clause: tuple[int, int]) -> bool:
    """Whether a figure with ``noun`` in ``clause`` counts what a side fires."""
    if noun is not None:
        # the head of the noun: "cruise missiles", "attack drones"
        return noun.rsplit(None, 1)[-1].lower() in WEAPON_NOUNS
    return _WEAPON_FATE.search(text, *clause) is not None


def side_owns(noun: str | None) -> bool:
    """Whether ``noun`` names a side's own forces or arms ("20,000 troops")."""
    return noun is not None and noun.rsplit(None, 1)[-1].lower() in _OWN_FORCES
