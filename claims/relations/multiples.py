"""Multiples: one figure stated as a number of times another.

Two forms:

* ``unit_value``: an amount "equivalent to" a count of some unit: "$2,000 for each
  soldier, a sum equivalent to 83 annual wages". The text does not give the unit's value
  (one annual wage) but implies it: 2,000 / 83. Roles ``total`` and ``multiple``; the
  attribute ``noun`` names the unit ("annual wages"), which a rule file's fact may match.
  Cues: "equivalent to", "equal to", "the equivalent of", "worth", "as much as", after a
  comma, a dash or an opening bracket, with an optional "a sum" / "an amount" / "roughly".
* ``ratio``: a factor between two comparable figures: "3,000 casualties, almost three times
  the 1,100 Seoul reported", "12,000 troops, twice as many as the 6,000 expected". Roles
  ``compared``, ``multiple`` (the factor: "three times", "twice", "double") and ``base``.
  The base may name its unit through the compared figure ("188 million euros, almost double
  the 97 million"); when the figure before the factor is the whole of a part ("won 22 of the
  assembly's 65 seats, double the 11"), the part is compared.
  "three times more than" is read as 3 or 4 (``more_than``): usage differs, and only a
  figure matching neither reading is wrong.
"""

from __future__ import annotations

import re

from claims.relations.base import Relation, Scan, loosely_comparable, phrase

KIND = "multiple"
EQUIVALENT = phrase(
    r"[^.;:\d]{0,40}?(?:,|—|–|\()\s*(?:(?:a|an|the|which is|that is) )?(?:(?:sum|amount|figure"
    r"|total|payment|price|cost|salary|wage) )?(?:(?:roughly|about|nearly|almost|some) )?"
    r"(?:equivalent to|equal to|the equivalent of|equivalent of|worth|as much as|the same as)\s*"
)
_ARTICLE_AS_ONE = re.compile(r"^an?\s", re.IGNORECASE)
RATIO_LEAD = phrase(r"[^.;:\d]{0,50}?")
#: Between a part and its whole ("22 of the assembly's 65 seats"): the factor that follows
#: compares the part, not the whole.
PART_OF = phrase(r"\s+(?:out )?of\s+(?:the |its |their |a total of )?(?:[\w'’-]+ ){0,2}")
RATIO_BASE = phrase(
    r"\s*(?P<relation>as (?:many|much|large|high|big) as|(?P<more>more|higher|larger|greater"
    r"|bigger) than|the (?:size|number|level|figure|total) of|that of|what|)\s*"
    r"(?:(?:the|a|an|its|their|his|her) )?(?:[\w'’-]+ ){0,3}?"
)


def find_multiples(scan: Scan) -> list[Relation]:
    """Every "equivalent to N units" and "N times" statement in the text."""
    relations = []
    for group in scan.sentences():
        for position, index in enumerate(group):
            if scan.classes[index] == "factor":
                relation = _ratio(scan, group, position)
            else:
                relation = next(
                    (
                        found
                        for candidate in _next_counts(scan, group, position)
                        if (found := _unit_value(scan, index, candidate)) is not None
                    ),
                    None,
                )
            if relation is not None:
                relations.append(relation)
    return relations


def _next_counts(scan: Scan, group: list[int], position: int) -> list[int]:
    """The next figure, and the one after it when the next is only "a"/"an" read as one
    ("a sum equivalent to ...": the article is not a count of sums)."""
    following = group[position + 1 : position + 3]
    if following and _ARTICLE_AS_ONE.match(scan.written(following[0])):
        return following
    return following[:1]


def _unit_value(scan: Scan, total: int, multiple: int) -> Relation | None:
    if scan.classes[total] not in ("count", "money") or scan.classes[multiple] != "count":
        return None
    noun = scan.quantities[multiple].noun
    if not noun or not EQUIVALENT.fullmatch(scan.gap(total, multiple)):
        return None
    members = (("total", scan.quantities[total]), ("multiple", scan.quantities[multiple]))
    return Relation(KIND, members, {"mode": "unit_value", "noun": noun})


def _ratio(scan: Scan, group: list[int], position: int) -> Relation | None:
    if position == 0 or position + 1 >= len(group):
        return None
    earlier = [index for index in group[:position] if scan.classes[index] != "duration"]
    if not earlier:
        return None
    compared, factor, base = earlier[-1], group[position], group[position + 1]
    if not RATIO_LEAD.fullmatch(scan.gap(compared, factor)):
        return None
    if len(earlier) > 1 and PART_OF.fullmatch(scan.gap(earlier[-2], compared)):
        compared = earlier[-2]  # "won 22 of the 65 seats, double the 11": the 22 is compared
    if scan.classes[compared] not in ("count", "money"):
        return None
    if not loosely_comparable(scan.quantities[compared], scan.quantities[base], scan.text):
        return None
    match = RATIO_BASE.fullmatch(scan.gap(factor, base))
    if match is None:
        return None
    members = (
        ("compared", scan.quantities[compared]),
        ("multiple", scan.quantities[factor]),
        ("base", scan.quantities[base]),
    )
    return Relation(KIND, members, {"mode": "ratio", "more_than": bool(match["more"])})
