"""Breakdowns: a total followed by its listed parts.

"16 vehicles, including three buggies, twelve cars and an armored vehicle": the total
comes first, then a cue, then the parts joined by commas, "and" or "plus".

Up to eight words may come between the total and a comma before the cue ("412,000 vehicles in
the quarter, of which 96,500 ...", "43 patients were in hospital, including 6 ..."). One
part may also name the cue after itself: "Eleven people were wounded, three of them
seriously".

The cue says whether the list is *exhaustive*:

* "including", "among them", "of which", "of whom", "such as" name some of the parts:
  the parts may add up to less than the total, never to more (``exhaustive`` false);
* a colon, a dash, "comprising", "consisting of", "made up of", "namely", "broken down
  into", "split into", "divided into" announce the whole list: the parts must add up to
  the total (``exhaustive`` true).

A vague total ("several vehicles, including ...") is kept as a relation: its parts are
then all that is known about it (the sum of the parts is a lower bound of the total).
Parts must be comparable with the total (:func:`~claims.relations.base.comparable`):
"100 people, including 40% women" is not a breakdown in counts.
"""

from __future__ import annotations

from claims.relations.base import Relation, Scan, comparable, phrase

KIND = "breakdown"
_OPEN_CUES = r"including|among (?:them|whom|which|those)|of (?:which|whom|those|them)|such as"
_CLOSED_CUES = (
    r"comprising|consisting of|made up of|namely|broken down into|split into|divided into"
    r"|split between|:|—|–|--|-"
)
OPENER = phrase(
    rf"(?:(?: [a-z][\w'-]*){{1,8}},)?\s*[,(]?\s*(?P<cue>{_OPEN_CUES}|{_CLOSED_CUES})"
    r"\s*(?:(?:were|are|was|is) )?"
)
#: Between a total and the one part that names its cue after itself ("Eleven people were
#: wounded, three of them seriously"): a few words, then a comma.
TRAILING_GAP = phrase(r"(?: [a-z][\w'-]*){0,4},\s*")
TRAILING_CUE = phrase(r"\s+(?P<cue>of (?:them|whom|those))\b")
#: Between two parts: an optional predicate ("40 were killed and 30 wounded") or short
#: phrase ("$400 for food and $500 for rent"), then a separator, then an optional
#: "a further" / "another".
PART_JOIN = phrase(
    r"(?: (?:were|was|are|is)(?: \w+){1,2}| (?:for|in|on|at|from) [\w-]+(?: [\w-]+)?)?"
    r"\s*(?:,\s*(?:and |plus )?| and | plus |\s*;\s*(?:and )?|,? as well as )"
    r"(?:(?:a further|another|an additional) )?"
)


def find_breakdowns(scan: Scan) -> list[Relation]:
    """Every total-then-parts list in the text."""
    relations = []
    for group in scan.sentences():
        position = 0
        while position < len(group) - 1:
            total = group[position]
            found = _parts_after(scan, group, position)
            if found is None:
                position += 1
                continue
            cue, parts = found
            cue = " ".join(cue.lower().split())
            exhaustive = cue not in _open_cue_words()
            if exhaustive and len(parts) < 2:
                position += 1
                continue
            listed = tuple(("part", scan.quantities[part]) for part in parts)
            members = (("total", scan.quantities[total]), *listed)
            relations.append(Relation(KIND, members, {"exhaustive": exhaustive, "cue": cue}))
            position += 1 + len(parts)
    return relations


def _parts_after(scan: Scan, group: list[int], position: int) -> tuple[str, list[int]] | None:
    total = group[position]
    if scan.classes[total] not in ("count", "money"):
        return None
    first = group[position + 1]
    if not comparable(scan.quantities[total], scan.quantities[first], scan.text):
        return None
    match = OPENER.fullmatch(scan.gap(total, first))
    if match is None:
        # "Eleven people were wounded, three of them seriously": the cue after the part
        if TRAILING_GAP.fullmatch(scan.gap(total, first)):
            trailing = TRAILING_CUE.match(scan.after(first))
            if trailing is not None:
                return trailing.group("cue"), [first]
        return None
    parts = [first]
    for candidate in group[position + 2 :]:
        if not PART_JOIN.fullmatch(scan.gap(parts[-1], candidate)):
            break
        if not comparable(scan.quantities[total], scan.quantities[candidate], scan.text):
            break
        parts.append(candidate)
    return match.group("cue"), parts


def _open_cue_words() -> set[str]:
    return {
        "including",
        "such as",
        *(f"among {word}" for word in ("them", "whom", "which", "those")),
        *(f"of {word}" for word in ("which", "whom", "those", "them")),
    }
