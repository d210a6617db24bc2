"""Clause breaks: where a sentence splits into clauses (policy in :mod:`claims.sentences`).

:data:`CLAUSE_BREAK` says where clauses break; :func:`clause_breaks` finds the same breaks
faster by searching it in two halves:

* the breaks that open with punctuation (``;``, ``—``, a comma before a conjunction);
* the breaks that open with white space (a spaced dash, "while", "whereas"), looked for only
  in sentences holding a dash or one of those words (one sentence in six): a pattern that
  can open with white space is tried at every space.

A pattern that opens with a set of plain characters lets the regex engine jump from one
candidate to the next without trying a match at each position in between.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

CLAUSE_BREAK = re.compile(
    # ";" | a spaced dash | "—" | a space before "while"/"whereas" | a comma before a
    # conjunction or relative word. The reference: clause_breaks finds the same matches
    # faster (this pattern, able to open with white space, is tried at every space).
    r"[;,—\s](?:(?<=[;—])|(?<=\s)(?:[—–-]{1,2}\s|(?=(?:while|whereas)\b))"
    r"|(?<=,)\s*(?=(?:and|but|or|while|whereas|which|who|whom|whose|although|though|yet"
    r"|as\s+well\s+as|according\s+to|citing)\b))"
)
#: the breaks of :data:`CLAUSE_BREAK` that open with punctuation
_PUNCTUATION_BREAK = re.compile(
    r"[;,—](?:(?<=[;—])|(?<=,)\s*(?=(?:and|but|or|while|whereas|which|who|whom|whose"
    r"|although|though|yet|as\s+well\s+as|according\s+to|citing)\b))"
)
#: the breaks of :data:`CLAUSE_BREAK` that open with white space
_SPACE_BREAK = re.compile(r"\s(?:[—–-]{1,2}\s|(?=(?:while|whereas)\b))")
#: what every match of :data:`_SPACE_BREAK` holds: a dash, "while" or "whereas"
_SPACE_BREAK_SIGN = re.compile(r"[—–w-](?:(?<=[—–-])|(?<=w)(?:hile|hereas))")


def clause_breaks(text: str, start: int, end: int) -> list[Span]:
    """The spans of :data:`CLAUSE_BREAK`'s matches in ``text[start:end]``, found faster.

    The two halves of the pattern are searched apart, the second only when the text holds
    a sign of it; their matches are merged as one search would find them (the leftmost
    first, then the next that starts after it ends).
    """
    found = [match.span() for match in _PUNCTUATION_BREAK.finditer(text, start, end)]
    if _SPACE_BREAK_SIGN.search(text, start, end) is None:
        return found
    return _merged(found, [match.span() for match in _SPACE_BREAK.finditer(text, start, end)])


def clause_spans(text: str, start: int, end: int) -> list[Span]:
    """The clauses of the sentence ``text[start:end]``; together they cover the whole span."""
    return _clauses_between(start, end, clause_breaks(text, start, end))


def _merged(first: list[Span], second: list[Span]) -> list[Span]:
    """The matches of two searches as one search would find them: leftmost first, then the
    next that starts after it ends."""
    if not second:
        return first
    merged: list[Span] = []
    for span in sorted(first + second):
        if not merged or span[0] >= merged[-1][1]:
            merged.append(span)
    return merged


def _clauses_between(start: int, end: int, breaks: list[Span]) -> list[Span]:
    spans: list[Span] = []
    clause_start = start
    for break_start, break_end in breaks:
        if break_start > clause_start:
            spans.append((clause_start, break_start))
        clause_start = break_end
    spans.append((clause_start, end))
    return spans
