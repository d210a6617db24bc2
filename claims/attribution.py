"""Which attribution applies to each sentence: anaphors resolved, carry-over applied.

Carrying over: a sentence without an attribution of its own takes the last attribution of
the same paragraph (news paragraphs usually keep quoting one source until they name
another); a new paragraph starts with none.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from dataclasses import dataclass, field

from claims.attribution_finder import (
    TRIGGER,
    Attribution,
    AttributionFinder,
    span_gap,
    spans_overlap,
)
from claims.cues import Hit
from claims.sentences import Span, TextLayout

__all__ = ["Attribution", "AttributionFinder", "SentenceSources", "attribute_sentences"]


@dataclass
class SentenceSources:
    """The attributions stated in one sentence, and the one carried into it if none is."""

    stated: list[Attribution] = field(default_factory=list)
    carried: Attribution | None = None

    def for_offset(
        self,
        start: int,
        end: int,
        clause: Span | None = None,
        known: Collection[str] = (),
    ) -> Attribution | None:
        """The attribution for a figure at ``[start, end)``; the carried one if none is stated.

        Within the figure's ``clause``, a source from the vocabulary (a key in ``known``)
        beats a name kept as written: in "The United States believes 3,000 ..., spokesman
        John Kirby said", the named official is the more specific source. Otherwise the
        nearest attribution wins.
        """
        if not self.stated:
            return self.carried

        def rank(attribution: Attribution) -> tuple[int, int, int]:
            in_clause = clause is not None and spans_overlap(
                (attribution.start, attribution.end), clause
            )
            unknown = in_clause and attribution.source not in known
            return (
                unknown,
                span_gap(attribution.start, attribution.end, start, end),
                attribution.start,
            )

        return min(self.stated, key=rank)


def attribute_sentences(
    text: str,
    layout: TextLayout,
    finder: AttributionFinder,
    hits: list[Hit],
    wanted: Collection[int] | None = None,
) -> list[SentenceSources]:
    """The attributions of every sentence, anaphors resolved and carry-over applied.

    ``hits`` are the source-alias occurrences in ``text`` (in text order). ``wanted``: the
    indices of the sentences whose attributions will be asked for (default: all). Carry-over
    runs forward within a paragraph, so sentences after the last wanted one of their
    paragraph are not parsed: they are left empty.
    """
    result = [SentenceSources() for _ in layout.sentences]
    hit_starts = [hit.start for hit in hits]
    starts = [start for start, _ in layout.sentences]
    needed = _needed_sentences(layout, wanted)
    triggered: dict[int, set[str]] = {}
    if needed is None:
        for match in TRIGGER.finditer(text):
            index = bisect.bisect_right(starts, match.start()) - 1
            triggered.setdefault(index, set()).add(match.lastgroup or "")
    else:
        for index, (start, end) in enumerate(layout.sentences):
            if needed[index]:
                for match in TRIGGER.finditer(text, start, end):
                    triggered.setdefault(index, set()).add(match.lastgroup or "")
    current: Attribution | None = None
    paragraph = -1
    for index, (start, end) in enumerate(layout.sentences):
        if layout.sentence_paragraph[index] != paragraph:
            paragraph = layout.sentence_paragraph[index]
            current = None
        if needed is not None and not needed[index]:
            continue
        stated: list[Attribution] = []
        if index in triggered:
            local = hits[
                bisect.bisect_left(hit_starts, start) : bisect.bisect_left(hit_starts, end)
            ]
            stated = finder.in_sentence(text, start, end, local, frozenset(triggered[index]))
        resolved = [_resolve(a, current) for a in stated]
        resolved = [a for a in resolved if a.source is not None]
        if resolved:
            result[index].stated = resolved
            current = resolved[-1]
        else:
            result[index].carried = current
    return result


def _needed_sentences(layout: TextLayout, wanted: Collection[int] | None) -> list[bool] | None:
    """Per sentence, whether its attributions can reach a wanted sentence (None: all can)."""
    if wanted is None:
        return None
    last_wanted: dict[int, int] = {}
    for index in wanted:
        paragraph = layout.sentence_paragraph[index]
        last_wanted[paragraph] = max(last_wanted.get(paragraph, -1), index)
    return [
        index <= last_wanted.get(paragraph, -1)
        for index, paragraph in enumerate(layout.sentence_paragraph)
    ]


def _resolve(attribution: Attribution, antecedent: Attribution | None) -> Attribution:
    if not attribution.anaphoric:
        return attribution
    if antecedent is None:
        return attribution
    return Attribution(
        attribution.start,
        attribution.end,
        antecedent.source,
        antecedent.reported_by,
        (),
        anaphoric=False,
    )
