"""Breakdowns: a total followed by its listed parts.

"16 vehicles, including three buggies, twelve cars and an armored vehicle": the total
comes first, then a cue, then the parts joined by commas, "and" or "plus".

Up to fourteen words may come between the total and a comma before the cue ("412,000
vehicles in the quarter, of which 96,500 ...", "43 patients were in hospital, including 6
..."); after an open cue, items without a figure may come first ("among them a maternity
hospital and two schools"). A figure after ", and" that a verb follows starts a new clause
and ends the list ("including 6 in intensive care, and one child has died"). One part may
also name the cue after itself: "Eleven people were wounded, three of them seriously", or
point back to its total from a later clause ("at 23 by the governor, who said seven of
them were still in hospital", "31 injured ..., adding that four children were among the
wounded"), the total being the nearest comparable figure before it in the sentence. "Of
the 86 glaciers it surveyed, 11 have disappeared" puts the whole first after "of". A share
("nearly half of them") is not a part in counts.

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
#: Between a total and its first part: up to fourteen words and a comma ("118 patients out
#: of the city through the corridor since the truce began on Saturday, including 41
#: children"), the cue, and after an open cue items without a figure ("among them a
#: maternity hospital and two schools"; a closed list must be all figures to add up).
OPENER = phrase(
    rf"(?:(?: [a-z][\w'-]*){{1,14}},)?\s*[,(]?\s*(?:(?P<cue>{_OPEN_CUES})"
    r"\s*(?:(?:were|are|was|is) )?(?:(?:an?|the) [a-z][\w'-]*(?: [a-z][\w'-]*){0,3}"
    rf"(?:,| and) )?|(?P<closed>{_CLOSED_CUES})\s*(?:(?:were|are|was|is) )?)"
)
#: Between a total and the one part that names its cue after itself ("Eleven people were
#: wounded, three of them seriously"): a few words, then a comma.
TRAILING_GAP = phrase(r"(?: [a-z][\w'-]*){0,4},\s*")
TRAILING_CUE = phrase(r"\s+(?P<cue>of (?:them|whom|those))\b")
#: A part that points back to its total from a later clause: "31 injured when ..., adding
#: that four children were among the wounded", "at 23 by the governor, who said seven of
#: them", "35,000 people have fled since the siege began 40 days ago, nearly 12,000 of
#: them": the cue after the part, the total the nearest comparable figure before it in the
#: sentence, up to twenty words away with no clause break ("; :") between.
BACK_CUE = phrase(
    r"\s+(?P<cue>of (?:them|whom|those)|(?:were|are|was|is) among (?:them|the \w+))\b"
)
BACK_GAP = phrase(r"[^;:\d]*")
_BACK_WORDS = 20
#: "Of the 86 glaciers it surveyed, 11 have disappeared": the whole first, after "of" at
#: the start of a clause, then a few words, a comma and the part.
OF_LEAD = phrase(r"(?:^|.*[,;]\s*|.*\b(?:that|said)\s+)of\s+(?:the |some |about |around )?")
OF_GAP = phrase(r"(?: [\w'’-]+){0,8},\s*")
#: A figure after ", and" that a verb follows starts a new clause, not the next part
#: ("including 6 in intensive care, and one child has died").
NEW_CLAUSE = phrase(r"\s+(?:has|have|had|was|were|is|are|will|would|died|remains?)\b")
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
    return relations + _later_parts(scan, relations)


def _later_parts(scan: Scan, found: list[Relation]) -> list[Relation]:
    """Breakdowns of one part that names its total from afar: "N of them" / "were among
    the wounded" in a later clause, or "Of the TOTAL ..., PART"."""
    taken = {id(quantity) for relation in found for _, quantity in relation.members}
    relations = []
    for group in scan.sentences():
        for position, part in enumerate(group):
            if position == 0 or id(scan.quantities[part]) in taken:
                continue
            pair = _pointing_back(scan, group, position) or _of_the_whole(scan, group, position)
            if pair is None:
                continue
            total, cue = pair
            members = (("total", scan.quantities[total]), ("part", scan.quantities[part]))
            relations.append(Relation(KIND, members, {"exhaustive": False, "cue": cue}))
            taken.update(id(quantity) for _, quantity in members)
    return relations


def _pointing_back(scan: Scan, group: list[int], position: int) -> tuple[int, str] | None:
    part = group[position]
    cue = BACK_CUE.match(scan.after(part))
    if cue is None or not _is_count_part(scan, part):
        return None
    for total in reversed(group[:position]):
        if not comparable(scan.quantities[total], scan.quantities[part], scan.text):
            continue
        gap = scan.gap(total, part)
        if scan.classes[total] not in ("count", "money") or len(gap.split()) > _BACK_WORDS:
            return None
        if not BACK_GAP.fullmatch(_without_figures(scan, gap, total, part)):
            return None
        words = cue.group("cue").lower().split()
        return total, " ".join(words[words.index("among") :] if "among" in words else words)
    return None


def _without_figures(scan: Scan, gap: str, total: int, part: int) -> str:
    """``gap`` with the figures inside it blanked (the ones the back reference steps over)."""
    start = scan.quantities[total].end
    chars = list(gap)
    for quantity in scan.quantities:
        if start <= quantity.start and quantity.end <= scan.quantities[part].start:
            for offset in range(quantity.start - start, quantity.end - start):
                chars[offset] = " "
    return "".join(chars)


def _of_the_whole(scan: Scan, group: list[int], position: int) -> tuple[int, str] | None:
    total, part = group[position - 1], group[position]
    if not OF_LEAD.fullmatch(scan.before(total)) or not OF_GAP.fullmatch(scan.gap(total, part)):
        return None
    if scan.classes[total] not in ("count", "money") or not _is_count_part(scan, part):
        return None
    if not comparable(scan.quantities[total], scan.quantities[part], scan.text):
        return None
    # "Of the 12,000 troops, 1,100, or 9%, ...": a percent relation, not a breakdown
    following = group[position + 1 : position + 2]
    if following and scan.classes[following[0]] == "percent":
        return None
    return total, "of"


def _is_count_part(scan: Scan, part: int) -> bool:
    """Whether a part counts items: "nearly half of them" is a share, not a count."""
    return scan.quantities[part].value >= 1


def _parts_after(scan: Scan, group: list[int], position: int) -> tuple[str, list[int]] | None:
    total = group[position]
    if scan.classes[total] not in ("count", "money"):
        return None
    first = group[position + 1]
    if not comparable(scan.quantities[total], scan.quantities[first], scan.text):
        return None
    match = OPENER.fullmatch(scan.gap(total, first))
    if match is not None and not _is_count_part(scan, first):
        return None
    if match is None:
        # "Eleven people were wounded, three of them seriously": the cue after the part
        if TRAILING_GAP.fullmatch(scan.gap(total, first)):
            trailing = TRAILING_CUE.match(scan.after(first))
            if trailing is not None and _is_count_part(scan, first):
                return trailing.group("cue"), [first]
        return None
    parts = [first]
    for candidate in group[position + 2 :]:
        join = PART_JOIN.fullmatch(scan.gap(parts[-1], candidate))
        if not join or ("," in join.group(0) and NEW_CLAUSE.match(scan.after(candidate))):
            break
        if not comparable(scan.quantities[total], scan.quantities[candidate], scan.text):
            break
        parts.append(candidate)
    return match.group("cue") or match.group("closed"), parts


def _open_cue_words() -> set[str]:
    return {
        "including",
        "such as",
        *(f"among {word}" for word in ("them", "whom", "which", "those")),
        *(f"of {word}" for word in ("which", "whom", "those", "them")),
    }
