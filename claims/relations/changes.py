"""Changes: a before, an after, and what the text says about the change between them.

"Arrivals rose from 800 to 1,100, a 37.5% increase": a verb of change, "from A to B"
(two exact figures, SPEC), then the stated size. Also read:

* the size before the figures: "rose 25% from 800 to 1,100", "a 25% increase from 800 to
  1,100";
* a factor word instead of a size: "doubled", "tripled", "trebled", "quadrupled",
  "halved", "fell by a third", "rose by half" (``factor``: after / before; "more than
  doubled" gives ``factor_qualifier`` lower, "nearly doubled" approx_below);
* only a direction: "fell from 40 to 45" states a fall that the figures contradict;
* the after figure first, the before one after "up from", "down from", "rising from",
  "falling from" or, after a verb of change, a bare ", from": "96,500, up from 61,000",
  "fell to 6.3 million in June, down from a record 7.8 million", "rose to 12.4, from 9.8
  the week before" (direction only: the size, if any, is stated before the after figure);
  one span of time between them is stepped over ("£48.5 million in the six months to
  June, down from £70.3 million"); after "VERB to", "from" needs no comma ("slipped to
  1.46 billion dollars from 1.58 billion", "fell to nine seats from 19").

``measure`` says how the stated size is read: ``relative`` (a percentage of the before),
``absolute`` (in the figures' own unit: "rose by 300 from 800 to 1,100"), ``points``
(percentage points between two percentages), ``either`` (a bare percentage between two
percentages: "fell from 40% to 31%, a 9% drop" is read as points or as relative, and only
a size matching neither is wrong), ``factor`` and ``direction``.
"""

from __future__ import annotations

import re

from claims.relations.base import Relation, Scan, comparable, phrase
from claims.units import is_time_unit

KIND = "change"
UP = (
    r"rose|risen|rise|rises|rising|increased|increases|increasing|grew|grown|grows|growing"
    r"|climbed|climbs|jumped|jumps|soared|surged|went up|gone up|swelled|expanded|widened"
)
DOWN = (
    r"fell|fallen|falls|falling|dropped|drops|declined|declines|decreased|decreases|shrank"
    r"|shrunk|slid|slipped|plunged|plummeted|sank|went down|gone down|tumbled|narrowed"
    r"|reduced|cut"
)
UP_NOUNS = r"increase|rise|jump|gain|climb|growth|hike|surge"
DOWN_NOUNS = r"drop|fall|decline|decrease|cut|reduction|slide|slump|dip|loss"
FACTORS = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "two thirds": 2 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "three quarters": 0.75,
    "a fifth": 0.2,
}
_FRACTION = "|".join(name.replace(" ", "[ -]") for name in FRACTIONS)
_VERB = re.compile(
    rf"(?P<hedge>more than |nearly |almost |roughly |about )?"
    rf"(?:(?P<factor>{'|'.join(FACTORS)})|(?P<up>{UP})|(?P<down>{DOWN}))"
    rf"(?: by (?P<fraction>{_FRACTION}))?\b",
    re.IGNORECASE,
)
FROM_END = phrase(r".*\bfrom\s*")
TO_GAP = phrase(r"\s+to\s+")
SIZE_TO_FROM = phrase(rf"\s+(?:(?:{UP_NOUNS}|{DOWN_NOUNS}) )?from\s+")
STATED_GAP = phrase(
    rf"\s*(?:,|\(|—|–)\s*(?:(?:a|an|or|up|down|that is) )?(?:(?:(?:{UP_NOUNS}|{DOWN_NOUNS}"
    r"|change|difference) of ))?"
)
STATED_TAIL = re.compile(
    rf"^\s*(?:percentage points? |points? )?(?:(?P<up>{UP_NOUNS}|more|higher)"
    rf"|(?P<down>{DOWN_NOUNS}|less|lower|fewer))\b",
    re.IGNORECASE,
)
POINTS = re.compile(r"\bpoints?\b", re.IGNORECASE)
#: Between an after figure and the before figure that follows it ("96,500, up from 61,000"):
#: words without figures or clause breaks (up to 80 characters: "5.7 hours before being
#: given a bed or discharged in December, up from 4.9 hours"), then the direction word and
#: "from".
REVERSED_GAP = phrase(
    r"[^\d.;:()]{0,80}?,\s*(?:(?P<up>up|rising|climbing|increasing)|(?P<down>down|falling"
    r"|dropping|declining|decreasing))?\s*from\s+(?:a |an |the )?(?:(?:record|peak|previous"
    r" range|previous level|high|low)(?: of)?\s+)?"
)


#: "Revenue slipped to 1.46 billion dollars from 1.58 billion": after a verb of change and
#: "to", the after figure, then "from" and the before one, with no comma between
TO_FROM_GAP = phrase(r"\s+from\s+(?:a |an |the )?")
_VERB_TO_END = re.compile(rf"\b(?:{UP}|{DOWN})\s+to\s+$", re.IGNORECASE)


def find_changes(scan: Scan) -> list[Relation]:
    """Every "from A to B" after a verb of change, with its stated size when there is one."""
    relations = []
    for group in scan.sentences():
        for position in range(len(group) - 1):
            before, after = group[position], group[position + 1]
            if not TO_GAP.fullmatch(scan.gap(before, after)):
                continue
            if not FROM_END.fullmatch(scan.before(before)):
                continue
            if not comparable(scan.quantities[before], scan.quantities[after], scan.text):
                continue
            relation = _relation(scan, group, position)
            if relation is not None:
                relations.append(relation)
    return relations + find_reversed_changes(scan)


def find_reversed_changes(scan: Scan) -> list[Relation]:
    """Every after figure followed by "up from" / "down from" / ", from" and its before."""
    relations = []
    for group in scan.sentences():
        for position in range(len(group) - 1):
            after, before = group[position], _next_not_a_period(scan, group, position)
            gap = scan.gap(after, before)
            match = REVERSED_GAP.fullmatch(gap)
            verb_to = (
                match is None
                and TO_FROM_GAP.fullmatch(gap) is not None
                and _VERB_TO_END.search(scan.before(after)) is not None
            )
            if (match is None and not verb_to) or TO_GAP.match(scan.after(before)) is not None:
                continue
            if not comparable(scan.quantities[before], scan.quantities[after], scan.text):
                continue
            direction = None
            if match is not None:
                direction = "up" if match["up"] else "down" if match["down"] else None
            verb = _last_verb(scan.before(after))
            if direction is None and (verb is None or not (verb["up"] or verb["down"])):
                continue
            if direction is not None:
                cue = f"{direction} from"  # "rising from" and "up from" say the same
            else:
                assert verb is not None  # without a direction the loop went on unless a verb
                cue = " ".join(verb.group(0).lower().split())
                direction = "up" if verb["up"] else "down"
            attributes = {"cue": cue, "direction": direction, "measure": "direction"}
            members = (("before", scan.quantities[before]), ("after", scan.quantities[after]))
            relations.append(Relation(KIND, members, attributes))
    return relations


def _next_not_a_period(scan: Scan, group: list[int], position: int) -> int:
    """The figure after ``group[position]``, stepping over one span of time written in words
    between them ("£48.5 million in the six months to June, down from £70.3 million")."""
    following = group[position + 1]
    if position + 2 < len(group) and is_time_unit(scan.quantities[following].unit):
        return group[position + 2]
    return following


def _relation(scan: Scan, group: list[int], position: int) -> Relation | None:
    before, after = group[position], group[position + 1]
    stated, lead, direction = _stated(scan, group, position)
    lead = lead if lead is not None else scan.before(before)
    verb = _last_verb(lead)
    attributes: dict[str, object] = {}
    if verb is not None:
        attributes["cue"] = " ".join(verb.group(0).lower().split())
        direction = direction or ("up" if verb["up"] else "down" if verb["down"] else None)
        factor = _factor(verb)
        if factor is not None:
            attributes["factor"] = factor
            attributes["factor_qualifier"] = _factor_qualifier(verb["hedge"])
            direction = "up" if factor > 1 else "down"
    elif stated is None:
        return None
    attributes["direction"] = direction
    attributes["measure"] = _measure(scan, before, stated, attributes)
    if attributes["measure"] is None:
        return None
    members = [("before", scan.quantities[before]), ("after", scan.quantities[after])]
    if stated is not None and attributes["measure"] != "factor":
        members.append(("stated", scan.quantities[stated]))
    return Relation(KIND, tuple(members), attributes)


def _stated(
    scan: Scan, group: list[int], position: int
) -> tuple[int | None, str | None, str | None]:
    """The quantity stating the change's size, the text leading to the verb, the direction."""
    before, after = group[position], group[position + 1]
    if position > 0:
        size = group[position - 1]
        gap = scan.gap(size, before)
        if SIZE_TO_FROM.fullmatch(gap):
            return size, scan.before(size) + scan.written(size) + gap, _noun_direction(gap)
    if position + 2 < len(group):
        size = group[position + 2]
        gap = scan.gap(after, size)
        match = STATED_GAP.fullmatch(gap)
        if match is not None:
            tail = STATED_TAIL.match(scan.after(size))
            if tail is not None:
                return size, None, "up" if tail["up"] else "down"
            direction = _noun_direction(gap)
            if direction is not None or re.search(r"\b(?:or|change|difference)\b", gap, re.I):
                return size, None, direction
    return None, None, None


def _noun_direction(words: str) -> str | None:
    """ "up" or "down" from a change noun or adverb in ``words``; None when there is none."""
    if re.search(rf"\b(?:up|{UP_NOUNS})\b", words, re.IGNORECASE):
        return "up"
    if re.search(rf"\b(?:down|{DOWN_NOUNS})\b", words, re.IGNORECASE):
        return "down"
    return None


def _last_verb(lead: str) -> re.Match[str] | None:
    matches = list(_VERB.finditer(lead[-60:]))
    return matches[-1] if matches else None


def _factor(verb: re.Match[str]) -> float | None:
    if verb["factor"]:
        return FACTORS[verb["factor"].lower()]
    if verb["fraction"]:
        fraction = FRACTIONS[verb["fraction"].lower().replace("-", " ")]
        return 1 + fraction if verb["up"] else 1 - fraction
    return None


def _factor_qualifier(hedge: str | None) -> str:
    word = (hedge or "").strip().lower()
    if word == "more than":
        return "lower"
    if word in ("nearly", "almost"):
        return "approx_below"
    return "approx" if word else "exact"


def _measure(
    scan: Scan, before: int, stated: int | None, attributes: dict[str, object]
) -> str | None:
    if "factor" in attributes:
        return "factor"
    if stated is None:
        return "direction" if attributes.get("direction") else None
    percents = scan.classes[before] == "percent"
    size = scan.quantities[stated]
    in_points = POINTS.search(scan.written(stated) + scan.after(stated, 20)) is not None
    if scan.classes[stated] == "percent":
        if percents:
            return "points" if in_points else "either"
        return "relative"
    if percents and in_points:
        return "points"
    if comparable(size, scan.quantities[before], scan.text):
        return "absolute"
    return None
