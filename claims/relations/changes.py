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
  1.46 billion dollars from 1.58 billion", "fell to nine seats from 19", "cut its interim
  dividend to 9 cents a share from 14 cents", "is down to 40 beds from 120"); when the
  figure just before "up from" counts something else, the after is the nearest earlier
  figure in the before's own unit ("about 140 kg ..., enough for three weapons ..., up from
  87 kg");
* a few words between the two figures: "from 26.1% of all sales to 27.5%", "eased from 70
  km/h on Wednesday to 25 km/h", "from 96 in the first week to 1,310 in the third";
* a verb without a direction ("would go from €2,100 to €2,940 a year"): the direction
  is the figures';
* a later clause about the same figure: "up to 11,000 ... and said it could rise to 15,000".

The two figures may state their unit once ("412 million euros, down from 438 million"),
one of them per period ("from 1,900 to 3,100 a day"), or be durations in one unit ("6,900
hours, up from 4,100 hours"): :func:`~claims.relations.base.loosely_comparable`.

``measure`` says how the stated size is read: ``relative`` (a percentage of the before),
``absolute`` (in the figures' own unit: "rose by 300 from 800 to 1,100"), ``points``
(percentage points between two percentages), ``either`` (a bare percentage between two
percentages: "fell from 40% to 31%, a 9% drop" is read as points or as relative, and only
a size matching neither is wrong), ``factor`` and ``direction``.
"""

from __future__ import annotations

import re
from itertools import pairwise

from claims.relations.base import Relation, Scan, comparable, loosely_comparable, phrase
from claims.units import is_time_unit

KIND = "change"
UP = (
    r"rose|risen|rise|rises|rising|increased|increases|increasing|grew|grown|grows|growing"
    r"|climbed|climbs|jumped|jumps|soared|surged|went up|gone up|swelled|expanded|widened"
    r"|raised|lifted|boosted|accelerated|rebounded|recovered"
)
DOWN = (
    r"fell|fallen|falls|falling|dropped|drops|declined|declines|decreased|decreases|shrank"
    r"|shrunk|slid|slipped|plunged|plummeted|sank|went down|gone down|tumbled|narrowed"
    r"|reduced|cut|eased|eases|easing|slowed|slows|slowing|lowered|dipped|weakened"
    r"|contracted|shortened|receded"
)
#: Verbs that say a figure became another without saying which way ("fees would go from
#: EUR 2,100 to EUR 2,940"): the direction is read from the figures.
NEUTRAL = r"go|goes|went|gone|going|changed|changes|changing"
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
    rf"(?:(?P<factor>{'|'.join(FACTORS)})|(?P<up>{UP})|(?P<down>{DOWN})|(?P<neutral>{NEUTRAL}))"
    rf"(?: by (?P<fraction>{_FRACTION}))?\b",
    re.IGNORECASE,
)
FROM_END = phrase(r".*\bfrom\s*")
TO_GAP = phrase(r"\s+to\s+")
#: "from A <a few words> to B": what the before figure was ("from 26.1% of all sales to
#: 27.5%") or when ("from 70 km/h on Wednesday to 25 km/h", "from 96 in the first week to
#: 1,310 in the third"); words only, no clause break.
FROM_TO_GAP = phrase(r"(?:\s+[\w'’-]+){0,6}?\s+to\s+")
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
#: words without figures or clause breaks (up to 130 characters: "5.7 hours before being
#: given a bed or discharged in December, up from 4.9 hours"; a speaker's name and title may
#: sit between; a rate's "per 100,000" may come first), then the direction word, "from"
#: and maybe a quote mark.
REVERSED_GAP = phrase(
    r"(?:\s+per\s+[\d,]+)?[^\d.;:()]{0,130}?,\s*(?:(?P<up>up|rising|climbing|increasing)|(?P<down>down|falling"
    r"|dropping|declining|decreasing))?\s*from\s+(?:a |an |the )?(?:(?:record|peak|previous"
    r" range|previous level|high|low)(?: of)?\s+)?[\"“‘']?"
)


#: "Revenue slipped to 1.46 billion dollars from 1.58 billion": after a verb of change and
#: "to", the after figure, then "from" and the before one, with no comma between
#: (the after figure may be stated per unit: "cut its dividend to 9 cents a share from 14
#: cents"); a few words may sit between the verb and "to" ("cut its interim dividend to"),
#: and "down to" says the direction by itself ("is down to 40 beds from 120").
TO_FROM_GAP = phrase(r"\s+(?:(?:a|an|per|each) [\w-]+\s+)?from\s+(?:a |an |the )?")
_VERB_TO_END = re.compile(
    rf"\b(?:(?P<up>{UP})|(?P<down>{DOWN}|down))(?:\s+[\w'’-]+){{0,4}}?\s+to\s+$", re.IGNORECASE
)
#: "put the force at up to 11,000 and said it could rise to 15,000": a figure, then a clause
#: saying that it (the number, the figure...) may rise or fall to another.
CONTINUED_GAP = phrase(
    rf"[^\d.;:()]{{0,60}}?\band\b[^\d.;:()]{{0,40}}?\b(?:the (?:number|figure|total|count"
    rf"|toll|force)|it|that|this)(?: (?:could|would|will|may|might|can|should|is expected to"
    rf"|was expected to))? (?:(?P<up>{UP})|(?P<down>{DOWN})) to\s+"
)


def find_changes(scan: Scan) -> list[Relation]:
    """Every "from A to B" after a verb of change, with its stated size when there is one."""
    relations = []
    for group in scan.sentences():
        for position in range(len(group) - 1):
            before, after = group[position], group[position + 1]
            if not FROM_TO_GAP.fullmatch(scan.gap(before, after)):
                continue
            if not FROM_END.fullmatch(scan.before(before)):
                continue
            if not loosely_comparable(scan.quantities[before], scan.quantities[after], scan.text):
                continue
            relation = _relation(scan, group, position)
            if relation is not None:
                relations.append(relation)
    return relations + find_reversed_changes(scan) + find_continued_changes(scan)


def find_continued_changes(scan: Scan) -> list[Relation]:
    """Every "A ... and the number could rise to B": a figure, then a clause that says it
    may rise or fall to another (direction from the verb)."""
    relations = []
    for group in scan.sentences():
        for before, after in pairwise(group):
            match = CONTINUED_GAP.fullmatch(scan.gap(before, after))
            if match is None:
                continue
            if not loosely_comparable(scan.quantities[before], scan.quantities[after], scan.text):
                continue
            direction = "up" if match["up"] else "down"
            cue = " ".join((match["up"] or match["down"]).lower().split())
            attributes = {"cue": cue, "direction": direction, "measure": "direction"}
            members = (("before", scan.quantities[before]), ("after", scan.quantities[after]))
            relations.append(Relation(KIND, members, attributes))
    return relations


def find_reversed_changes(scan: Scan) -> list[Relation]:
    """Every after figure followed by "up from" / "down from" / ", from" and its before."""
    relations = []
    related: set[int] = set()
    for group in scan.sentences():
        for position in range(len(group) - 1):
            after, before = group[position], _next_not_a_period(scan, group, position)
            if before in related:
                continue  # already the before of the figure ahead of a stepped-over period
            gap = scan.gap(after, before)
            match = REVERSED_GAP.fullmatch(gap)
            verb_to = None
            if match is None and TO_FROM_GAP.fullmatch(gap) is not None:
                verb_to = _VERB_TO_END.search(scan.before(after))
            if (match is None and verb_to is None) or TO_GAP.match(scan.after(before)):
                continue
            if match is not None:
                after = _same_unit_after(scan, group, position, before)
            if not loosely_comparable(scan.quantities[before], scan.quantities[after], scan.text):
                continue
            direction = None
            if match is not None:
                direction = "up" if match["up"] else "down" if match["down"] else None
            verb = _last_verb(scan.before(after))
            if verb_to is not None:
                cue = " ".join(verb_to.group(0).lower().split()[:1])
                direction = "up" if verb_to["up"] else "down"
            elif direction is not None:
                cue = f"{direction} from"  # "rising from" and "up from" say the same
            elif verb is not None and (verb["up"] or verb["down"]):
                cue = " ".join(verb.group(0).lower().split())
                direction = "up" if verb["up"] else "down"
            else:
                continue
            attributes = {"cue": cue, "direction": direction, "measure": "direction"}
            members = (("before", scan.quantities[before]), ("after", scan.quantities[after]))
            relations.append(Relation(KIND, members, attributes))
            related.add(before)
    return relations


def _same_unit_after(scan: Scan, group: list[int], position: int, before: int) -> int:
    """The after figure of "..., up from B": the figure just before, unless it counts
    something else and an earlier figure of the sentence has B's own unit ("about 140 kg
    of uranium ..., enough for three weapons ..., up from 87 kg")."""
    nearest = group[position]
    unit = scan.quantities[before].unit
    if unit == "dimensionless" or scan.quantities[nearest].unit == unit:
        return nearest
    earlier = [index for index in group[:position] if scan.quantities[index].unit == unit]
    return earlier[-1] if earlier else nearest


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
        if verb["neutral"] and direction is None:
            direction = _direction_of_values(scan, before, after)
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


def _direction_of_values(scan: Scan, before: int, after: int) -> str | None:
    """ "up" or "down" as the figures go, for a verb that does not say ("go from A to B")."""
    first, second = scan.quantities[before].value, scan.quantities[after].value
    return "up" if second > first else "down" if second < first else None


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
