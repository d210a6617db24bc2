"""Sums: figures listed first, then the total they are said to make.

"Ukrainian forces killed 77 and injured 40, 117 casualties in all": two or more
comparable figures joined by "and", commas or "plus" (a verb may sit between them:
"killed 77 and injured 40"), then a total marked as one, either by what follows it
("in all", "in total", "altogether", "all told", "combined") or by what leads to it
("a total of", "totalling", "bringing the toll to", "making", "adding up to").

A period between the parts and the total ("... injured 40 in three days, 117 in all") is
skipped: it is a duration, not a part. The list is always exhaustive: the parts must add
up to the total (the reverse order, total first, is a breakdown).
"""

from __future__ import annotations

import re

from claims.relations.base import Relation, Scan, comparable, phrase

KIND = "sum"
LEAD = phrase(
    r"[^.;:]{0,80}?(?:,|—|–|\(|\band)\s*(?:(?:for|or|with) )?(?:a total of|a combined|in total"
    r"|in all|totall?ing|bringing (?:the|its|their) (?:\w+ )?(?:total|toll|tally|number|count)"
    r" to|making|adding up to|together)\s*"
)
TAIL = phrase(r"\s*(?:[\w-]+ ){0,2}?(?:in all|in total|altogether|all told|combined|in sum)\b")
TAIL_GAP = phrase(r"[^.;:]{0,80}?(?:,|—|–|\(|:)\s*(?:(?:or|for) )?")
JOIN = phrase(
    r"(?: [\w-]+){0,3}?\s*(?:,\s*(?:and |plus )?| and | plus |,? as well as )(?:[\w-]+ ){0,3}?"
)
#: Words that make a gap something other than a list of addends.
NOT_A_LIST = re.compile(r"\b(?:of|from|to|than|times|per|out|each|between)\b", re.IGNORECASE)
MAX_JOIN = 50


def find_sums(scan: Scan) -> list[Relation]:
    """Every parts-then-total statement in the text."""
    relations = []
    for group in scan.sentences():
        for position, total in enumerate(group):
            if scan.classes[total] not in ("count", "money"):
                continue
            parts = _parts_before(scan, group[:position], total)
            if len(parts) >= 2:
                members = tuple(("part", scan.quantities[part]) for part in parts)
                relations.append(Relation(KIND, (*members, ("total", scan.quantities[total])), {}))
    return relations


def _parts_before(scan: Scan, earlier: list[int], total: int) -> list[int]:
    candidates = [index for index in earlier if scan.classes[index] != "duration"]
    if not candidates:
        return []
    last = candidates[-1]
    if not comparable(scan.quantities[last], scan.quantities[total], scan.text):
        return []
    gap = scan.gap(last, total)
    led = LEAD.fullmatch(gap) is not None
    tailed = TAIL_GAP.fullmatch(gap) is not None and TAIL.match(scan.after(total)) is not None
    if not (led or tailed):
        return []
    parts = [last]
    for index in reversed(candidates[:-1]):
        join = scan.gap(index, parts[0])
        if len(join) > MAX_JOIN or NOT_A_LIST.search(join) or not JOIN.fullmatch(join):
            break
        if not comparable(scan.quantities[index], scan.quantities[total], scan.text):
            break
        parts.insert(0, index)
    return parts
