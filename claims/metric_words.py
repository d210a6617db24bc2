"""Word patterns for a figure that takes its metric from another figure or from its cue's role.

:mod:`claims.metric_choice` ranks the metric cues around each figure. These patterns cover
figures whose own unit fits no metric, but whose words say which figure or cue they measure:

* a multiple, share or change of a metric's figure keeps the metric ("nearly three times the
  average", "about 40% of its forest", "9% more than a year earlier", "shrunk by a third");
* a figure compared with a metric's figure is that metric's other value ("down from 438
  million", "against 43,980", "last year's 26.7 million", "from 4,120 hectares to 2,750");
* a composition share says *who*, not how many, and keeps none ("nearly half of them
  children", "a quarter of all cases were children").

Every pattern is anchored at a given position (``match`` / ``fullmatch`` with ``pos``), so
each figure costs a few short matches whatever the length of its sentence.
"""

from __future__ import annotations

import re

from claims.quantities import Quantity

#: "twice", "threefold", "double", "three times": a factor
MULTIPLE_WORD = re.compile(r"(?i:twice|thrice|double|triple|quadruple|fold\b|times\b)")
_FRACTION_WORD = re.compile(r"(?i:\b(?:half|halves|thirds?|quarters?|fifths?|tenths?)\b)")

#: after a share: whose members it describes, not how much of the metric it is
_COMPOSITION_AFTER = re.compile(r"\s+of\s+(?:them|those|whom|all|these)\b", re.IGNORECASE)
#: after a share, up to the noun it is a share of: "a third of their volume", "25% of its
#: remaining ice"
_SHARE_OF_AFTER = re.compile(
    r"\s+of\s+(?:its|their|his|her|our)\s+(?:(?:remaining|total|entire|whole|"
    r"original|combined|current|former|annual|usual|normal|average)\s+)?",
    re.IGNORECASE,
)
#: after a multiple or change whose other term goes unsaid: "three to five times higher"
_COMPARATIVE_AFTER = re.compile(
    r"\W{0,2}\s*(?:higher|more|greater|larger|bigger|lower|fewer|less|smaller|up|down)\b",
    re.IGNORECASE,
)
#: between a cue that is a change and its size: "shrunk by roughly a third"
BY_GLUE = re.compile(r"\s+by\s+", re.IGNORECASE)
#: at the end of the words between a metric's figure and a later figure compared with it
_COMPARED_BEFORE = re.compile(
    r"(?:\b(?:from|against|versus|vs\.?|than|below|above|compared\s+(?:with|to))|"
    r"\b(?:year|month|quarter|week|season)['’]s|"
    r"\b(?:twice|double|triple|times)\s+the)\s+$",
    re.IGNORECASE,
)
#: "from 4,120 hectares to about 2,750": the second figure of a change
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_GAP = re.compile(r"\s+to\s+", re.IGNORECASE)
#: a bare figure before the figure whose noun it counts: "214 of the 400 seats"
PARTITIVE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?", re.IGNORECASE)
#: before a figure set off from the clause's main figure: ", about 40% of its forest"
_APPOSITION_BEFORE = re.compile(r"[,;(\u2013\u2014]\s*$")
#: "the number of North Korean soldiers killed or wounded ...": the first cue after it
_NUMBER_OF = re.compile(r"\bnumber\s+of\s", re.IGNORECASE)
#: how far after "the number of" its cue may start
NUMBER_OF_REACH = 60
#: how far back (characters) a compared figure may stand
COMPARED_REACH = 120
#: how many figures back a multiple, share or compared figure looks for its metric's figure
ANCHOR_FIGURES = 4


def is_relative(text: str, quantity: Quantity) -> bool:
    """Whether ``quantity`` is a multiple, a percentage or a fraction: a size relative to
    another figure, which counts nothing of its own."""
    if quantity.unit == "percent":
        return True
    if quantity.unit != "dimensionless" or quantity.noun not in (None, "times"):
        return False
    return bool(
        MULTIPLE_WORD.search(text, quantity.number_start, quantity.end)
        or _FRACTION_WORD.search(text, quantity.number_start, quantity.end)
    )


def is_composition(text: str, end: int) -> bool:
    """Whether the share ending at ``end`` says who its members are ("half of them")."""
    return _COMPOSITION_AFTER.match(text, end) is not None


def share_whole_start(text: str, end: int) -> int:
    """Where the noun of "a third of their volume" starts after a share ending at ``end``;
    -1 when the share is followed by no such "of its ..."."""
    found = _SHARE_OF_AFTER.match(text, end)
    return found.end() if found else -1


def is_comparative(text: str, end: int) -> bool:
    """Whether a comparative word follows ``end`` ("three to five times higher")."""
    return _COMPARATIVE_AFTER.match(text, end) is not None


def is_compared(text: str, anchor: tuple[int, int], start: int) -> bool:
    """Whether the figure at ``start`` is compared with the figure spanning ``anchor``:
    "412 million euros ..., down from 438 million", "from 4,120 hectares to 2,750"."""
    gap_start = anchor[1]
    if start - gap_start > COMPARED_REACH:
        return False
    if _COMPARED_BEFORE.search(text[gap_start:start]):
        return True
    return bool(
        _TO_GAP.fullmatch(text, gap_start, start)
        and _FROM_BEFORE.search(text, max(anchor[0] - 6, 0), anchor[0])
    )


def opens_apposition(text: str, start: int) -> bool:
    """Whether the figure at ``start`` follows a comma, dash or bracket: set off from its
    clause's figure as a comparison with it ("..., nearly three times the average")."""
    return _APPOSITION_BEFORE.search(text, max(start - 3, 0), start) is not None


def counted_cue_start(text: str, start: int, end: int) -> int:
    """Where the words after the last "the number of" in ``text[start:end]`` start, or -1:
    the first cue there says what the clause's figure counts."""
    found = -1
    start = max(start, end - 400)
    # asked for every figure, and "number" is rare: a substring test spares the scan
    if text.find("umber", start, end) < 0:
        return found
    for match in _NUMBER_OF.finditer(text, start, end):
        found = match.end()
    return found


def holds_any(window: str, pieces: tuple[str, ...]) -> bool:
    """Whether ``window``, lower-cased, holds one of ``pieces`` (a cheap pre-test before a
    regex search: see ``claims.tagging``)."""
    lowered = window.lower()
    return any(piece in lowered for piece in pieces)
