"""Percent-of: a part, the whole it is taken from, and the percentage the text gives.

Three orders are read, each within one sentence and with nothing but the cue words
between the figures:

* part, whole, percent: "1,100 of the 12,000 troops, or 9%" / "300 out of 2,000 (15%)";
* part, percent, whole: "1,100 soldiers, or 9% of the 12,000 deployed";
* percent, whole, part: "9% of the 12,000 troops, or 1,100,";
* whole, part, percent, the whole fronted by "of": "Of the 12,000 troops, 1,100, or 9%,
  ..." (only after "of", so "12,000 troops, 1,100 vehicles, or 9% ..." is no share).

Part and whole must be comparable (:func:`~claims.relations.base.comparable`) and neither a
percentage; the percent must be one.
"""

from __future__ import annotations

from claims.relations.base import Relation, Scan, comparable, phrase

KIND = "percent"
OF = phrase(r"\s*(?:[\w-]+ )?(?:out )?of (?:the |its |their |all |a total of |an estimated )?")
OR = phrase(
    r"[^.;:\d]{0,30}?(?:,\s*(?:or|that is|i\.e\.|about|roughly|some|nearly|almost|just)"
    r"|\(|—|–)\s*(?:or )?"
)
#: The text right before a fronted whole: "Of the 12,000 troops, ...".
FRONTED_OF = phrase(r"(?:.*\W)?(?:out )?of (?:the |its |their |all |a total of |an estimated )?")
#: Between a fronted whole and its part: a comma, perhaps a hedge-free "some" or "only".
COMMA = phrase(r"\s*,\s*(?:(?:only|just|some) )?")
#: (roles in text order, gap patterns first->second and second->third, the text the first
#: member must follow, or None when anything may come before it)
ORDERS = (
    (("part", "whole", "percent"), OF, OR, None),
    (("part", "percent", "whole"), OR, OF, None),
    (("percent", "whole", "part"), OF, OR, None),
    (("whole", "part", "percent"), COMMA, OR, FRONTED_OF),
)


def find_percents(scan: Scan) -> list[Relation]:
    """Every part / whole / percentage triple in the text."""
    relations = []
    for group in scan.sentences():
        position = 0
        while position + 2 < len(group):
            triple = group[position : position + 3]
            relation = _relation(scan, triple)
            if relation is None:
                position += 1
                continue
            relations.append(relation)
            position += 3
    return relations


def _relation(scan: Scan, triple: list[int]) -> Relation | None:
    for roles, first_gap, second_gap, lead in ORDERS:
        by_role = dict(zip(roles, triple, strict=True))
        if scan.classes[by_role["percent"]] != "percent":
            continue
        part, whole = scan.quantities[by_role["part"]], scan.quantities[by_role["whole"]]
        if scan.classes[by_role["part"]] == "percent" or not comparable(part, whole, scan.text):
            continue
        if not first_gap.fullmatch(scan.gap(triple[0], triple[1])):
            continue
        if not second_gap.fullmatch(scan.gap(triple[1], triple[2])):
            continue
        if lead is not None and not lead.fullmatch(scan.before(triple[0], 40)):
            continue
        members = tuple((role, scan.quantities[index]) for role, index in by_role.items())
        return Relation(KIND, members, {})
    return None
