"""The metric of each figure of a text: the policy of :mod:`claims.tagging`'s docstring.

Cues are ranked per figure (own phrase, governing, clause, sentence); a figure whose unit fits
no ranked cue's metric may still take one from its words (:mod:`claims.metric_words`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from claims.cues import CompiledVocabulary, Hit, fit_table, is_money_metric
from claims.metric_words import (
    ANCHOR_FIGURES,
    BY_GLUE,
    NUMBER_OF_REACH,
    PARTITIVE,
    counted_cue_start,
    holds_any,
    is_comparative,
    is_compared,
    is_composition,
    is_relative,
    opens_apposition,
    share_whole_start,
)
from claims.quantities import Quantity
from claims.sentences import Span, TextLayout

_GLUE_BEFORE = re.compile(
    r"\s*(?:of\s+)?(?:(?:a|an|the|some|another|additional|more|other|further|estimated|reportedly|had|"
    r"have|has|been|were|was|be|being|only|just|almost|nearly|at\s+least|a\s+total\s+of|as\s+"
    r"many\s+as|up\s+to|about|around|approximately|roughly|over|more\s+than|all)\s+){0,4}"
)
_GLUE_AFTER = re.compile(
    r"\s*(?:(?:were|was|are|is|have|has|had|been|being|be|reportedly|also|already|all|now|"
    r"later|believed|reported|confirmed|feared|to\s+have|to\s+be|who\s+were|that\s+were|in\s+total|in\s+all|more|others?)"
    r"\s+){0,4}"
)
#: a rejected figure: "about 1,100, not 3,000 as reported"; substring pre-test pieces as for
#: ``claims.tagging``'s standing totals ("instead" as "tead", avoiding "i", "k" and "s")
_NEGATION = re.compile(r"\b(?:not|rather\s+than|instead\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
_NEGATION_PIECES = ("not", "than", "tead")
#: cue ranks past the cues in or governing the figure (0 and 1): a cue of its clause, then
#: of its sentence, each first free, then governing another figure (``+ 1``)
_RANK_CLAUSE = 2
_RANK_SENTENCE = 4
#: between a metric's cue and a span of time that is its value ("jailed for six years")
_DURATION_GLUE = re.compile(r"\s+(?:for|to|of)\s+(?:(?:a|an|up\s+to|a\s+further)\s+)?")
_DURATION_GLUE_REACH = 20
#: between a metric's cue and a percentage: the verb of a change ("production rose 11%")
_CHANGE_AFTER_CUE = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:rose|fell|grew|climbed|dropped|increased|decreased|"
    r"slipped|jumped|declined|risen|fallen|grown|shrank|shrunk|soared|plunged|tumbled|surged|"
    r"was\s+up|was\s+down)(?:\s+by)?\s+"
)


class MetricChooser:
    """The metric of every figure of one text, each chosen once on demand."""

    def __init__(
        self,
        text: str,
        quantities: Sequence[Quantity],
        phrases: list[Span],
        layout: TextLayout,
        compiled: CompiledVocabulary,
        metric_hits: list[Hit],
        is_period: Callable[[Quantity], bool],
    ) -> None:
        self.text = text
        self.quantities = quantities
        self.phrases = phrases
        self.phrase_order = sorted(phrases)
        self.layout = layout
        self.compiled = compiled
        self.definitions = tuple(compiled.vocabulary.units)
        self.fits = fit_table(compiled)
        self.metric_hits = metric_hits
        self.metric_starts = [hit.start for hit in metric_hits]
        self._is_period = is_period
        #: per figure: (is a period, metric, unit); a multiple or a compared figure reads
        #: its metric off an earlier figure's
        self._metric_tags: dict[int, tuple[bool, str | None, str | None]] = {}
        #: per metric cue: the spans of the figures it governs ("revenue of Rs 3,840 crore")
        self._governed: dict[Hit, tuple[Span, ...]] = {}
        #: (cue before the figure, gap start, gap end) -> whether only glue words fill the
        #: gap: asked again when a cue's other figures ask whether it governs another
        self._glued: dict[tuple[bool, int, int], bool] = {}

    def metric_of(self, index: int) -> tuple[bool, str | None, str | None]:
        """(whether the figure is a period, its metric, the unit the metric gives it)."""
        known = self._metric_tags.get(index)
        if known is not None:
            return known
        quantity = self.quantities[index]
        is_period = self._is_period(quantity)
        duration_metric = self._duration_metric(quantity) if is_period else None
        metric: str | None
        unit: str | None
        if duration_metric is not None:
            # "jailed for six years": the span is the claim itself; it still covers no period
            metric, unit = duration_metric, None
        elif is_period or self._negated(quantity):
            metric, unit = None, None
        else:
            clause = self.layout.clause_span(quantity.number_start)
            sentence = (
                self.layout.sentences[self.layout.sentence_index(quantity.start)]
                if self.layout.sentences
                else (0, len(self.text))
            )
            metric, unit = self._metric(index, quantity, self.phrases[index], clause, sentence)
        known = self._metric_tags[index] = (is_period, metric, unit)
        return known

    def _metric(
        self, index: int, quantity: Quantity, phrase: Span, clause: Span, sentence: Span
    ) -> tuple[str | None, str | None]:
        low = bisect.bisect_left(self.metric_starts, sentence[0])
        high = bisect.bisect_left(self.metric_starts, sentence[1])
        ranked = []
        bare = quantity.unit == "dimensionless" and quantity.noun is None
        text = self.text
        counted = self._counted_cue(clause[0], phrase[0])
        relative = is_relative(text, quantity)
        if relative and is_composition(text, phrase[1]):
            # "about half of them children": a share that says who, not how many
            return None, None
        for hit in self.metric_hits[low:high]:
            before = hit.end <= phrase[0]
            if hit.start < phrase[1] and hit.end > phrase[0]:
                ranked.append((0, 0, not before, hit.start, hit))
                continue
            gap = (hit.end, phrase[0]) if before else (phrase[1], hit.start)
            in_clause = clause[0] <= hit.start < clause[1]
            other = self._other_phrase(hit, phrase)
            if other is not None:
                # a bare figure counts what its neighbour in the clause counts: "67 of the
                # 150 seats", "52,310 votes ... against 43,980"; a partitive "of" makes
                # the neighbour's noun its own
                if bare and in_clause:
                    partitive = other[0] >= phrase[1] and PARTITIVE.fullmatch(
                        text, phrase[1], other[0]
                    )
                    rank = 1 if partitive else _RANK_CLAUSE
                    ranked.append((rank, gap[1] - gap[0], not before, hit.start, hit))
                continue
            if self._glue_fills(before, *gap) or hit == counted:
                rank = 1
            else:
                rank = _RANK_CLAUSE if in_clause else _RANK_SENTENCE
                # a cue that governs another figure ("on revenue of Rs 3,840 crore") yields
                # to a cue that governs none
                if any(span != phrase for span in self._governed_by(hit)):
                    rank += 1
            ranked.append((rank, gap[1] - gap[0], not before, hit.start, hit))
        ranked.sort(key=lambda item: item[:4])
        vocabulary = self.compiled.vocabulary
        for rank, _, _, _, hit in ranked:
            fit = self.fits.fit(
                hit.key,
                quantity.unit,
                quantity.noun,
                cue_in_phrase=rank == 0,
                cue_governs=rank <= 1,
            )
            if fit is not None:
                # a factor or fraction ("nearly twice", "a third") may say what it measures,
                # but stays dimensionless
                return hit.key, None if relative else fit.unit
        if quantity.unit == "percent":
            # "revenue rose 9%", "shares fell 3.2%": a percentage next to a money metric's
            # cue is that metric's change; the unit stays percent, so no rule compares it
            # with the amounts themselves
            for rank, _, _, _, hit in ranked:
                if rank < _RANK_SENTENCE and is_money_metric(
                    vocabulary.metrics[hit.key], self.definitions
                ):
                    return hit.key, None
            # "Copper production rose 11%": any metric whose cue is the subject of the change
            for _, _, _, _, hit in ranked:
                if _CHANGE_AFTER_CUE.fullmatch(self.text, hit.end, quantity.start):
                    return hit.key, None
        # the figure's unit fits no metric: its words may still tie it to one (its unit stays)
        hits = [hit for _, _, _, _, hit in ranked]
        borrowed = (
            self._borrowed(index, quantity, phrase, clause, sentence, hits, relative=relative)
            if relative or bare
            else None
        )
        return borrowed, None

    def _borrowed(
        self,
        index: int,
        quantity: Quantity,
        phrase: Span,
        clause: Span,
        sentence: Span,
        hits: list[Hit],
        *,
        relative: bool,
    ) -> str | None:
        """The metric a multiple, share or compared figure takes from its words (policy in
        :mod:`claims.metric_choice`)."""
        text = self.text
        bare = quantity.unit == "dimensionless" and quantity.noun is None
        appositive = opens_apposition(text, quantity.start)
        if relative:
            whole = share_whole_start(text, phrase[1])
            for hit in hits:
                # "a third of their volume"; "shrunk by roughly a third", "cover has shrunk
                # by a fifth": the cue is the whole, the change, or the subject of the change
                if hit.start == whole or (
                    hit.end <= phrase[0]
                    and (
                        BY_GLUE.fullmatch(text, hit.end, phrase[0])
                        or _CHANGE_AFTER_CUE.fullmatch(text, hit.end, phrase[0])
                    )
                ):
                    return hit.key
        for earlier in range(index - 1, max(index - ANCHOR_FIGURES, 0) - 1, -1):
            anchor = self.phrases[earlier]
            if anchor[0] < sentence[0]:
                break
            relative_reach = relative and appositive and anchor[0] >= clause[0]
            # "9% more than a year earlier", "nearly three times the average": the nearest
            # figure of the clause is the other term; "down from 438 million": a compared one
            if relative_reach or (bare and is_compared(text, anchor, quantity.start)):
                metric = self.metric_of(earlier)[1]
                if metric is not None:
                    return metric
        if relative and is_comparative(text, phrase[1]):
            # "the number of cases is three to five times higher": the cue before it
            before = [hit for hit in hits if clause[0] <= hit.start and hit.end <= phrase[0]]
            if before:
                return max(before, key=lambda hit: hit.start).key
        return None

    def _glue_fills(self, cue_before: bool, start: int, end: int) -> bool:
        """Whether only the glue words of a cue before (after) a figure fill the gap."""
        key = (cue_before, start, end)
        known = self._glued.get(key)
        if known is None:
            glue = _GLUE_BEFORE if cue_before else _GLUE_AFTER
            known = self._glued[key] = glue.fullmatch(self.text, start, end) is not None
        return known

    def _counted_cue(self, start: int, end: int) -> Hit | None:
        """The first cue after the last "the number of" in ``text[start:end]``, or None."""
        after = counted_cue_start(self.text, start, end)
        if after < 0:
            return None
        position = bisect.bisect_left(self.metric_starts, after)
        if position < len(self.metric_hits):
            hit = self.metric_hits[position]
            if hit.end <= end and hit.start - after <= NUMBER_OF_REACH:
                return hit
        return None

    def _governed_by(self, hit: Hit) -> tuple[Span, ...]:
        """The figures ``hit`` governs: right after it, or right before it (module doc)."""
        known = self._governed.get(hit)
        if known is not None:
            return known
        position = bisect.bisect_left(self.phrase_order, (hit.end,))
        governed = []
        if position < len(self.phrase_order):
            following = self.phrase_order[position]
            if self._glue_fills(True, hit.end, following[0]):
                governed.append(following)
        if position > 0:
            preceding = self.phrase_order[position - 1]
            if preceding[1] <= hit.start and self._glue_fills(False, preceding[1], hit.start):
                governed.append(preceding)
        known = self._governed[hit] = tuple(governed)
        return known

    def _negated(self, quantity: Quantity) -> bool:
        """ "about 1,100, not 3,000 as reported": a figure the text rejects measures nothing.

        Only a bare figure counts: in "not more than 3,000" the "not" belongs to the hedge.
        """
        if quantity.number_start != quantity.start:
            return False
        start = max(quantity.start - 20, 0)
        if not holds_any(self.text[start : quantity.start], _NEGATION_PIECES):
            return False
        return _NEGATION.search(self.text, start, quantity.start) is not None

    def _other_phrase(self, hit: Hit, own: Span) -> Span | None:
        """The phrase of another figure that ``hit`` lies in, or None."""
        position = bisect.bisect_left(self.phrase_order, (hit.end,))
        for start, end in self.phrase_order[max(position - 3, 0) : position]:
            if (start, end) != own and start < hit.end and hit.start < end:
                return start, end
        return None

    def _duration_metric(self, quantity: Quantity) -> str | None:
        """A metric measured in time whose cue governs the span ("jailed for six years",
        "sentenced to 12 years"), or None."""
        position = bisect.bisect_left(self.metric_starts, quantity.start)
        for hit in reversed(self.metric_hits[max(position - 2, 0) : position]):
            if hit.end > quantity.start or quantity.start - hit.end > _DURATION_GLUE_REACH:
                continue
            if _DURATION_GLUE.fullmatch(self.text, hit.end, quantity.start) and self.fits.fit(
                hit.key, quantity.unit, quantity.noun, cue_in_phrase=False, cue_governs=True
            ):
                return hit.key
        return None
