"""Tag each quantity with its sentence, metric, entity, source, relay and period.

INTERFACE (owned by the tagging work; other stages rely on this shape).

Metric (:mod:`claims.metric_choice`, word patterns in :mod:`claims.metric_words`): the
cues of the vocabulary's metrics are ranked for each figure, and the best
ranked cue whose metric fits the figure's unit (:func:`claims.cues.metric_fit`) wins:

1. a cue inside the figure's own phrase ("three buggies", "$2,000 for each soldier");
2. a cue that governs the figure: right before it with only small words between
   ("killed 77 soldiers", "injured an additional 40") or right after its noun
   ("77 soldiers were killed");
3. any cue in the same clause (:mod:`claims.sentences`), then anywhere in the sentence;
   at each of these, a cue that governs another figure ("on revenue of Rs 3,840 crore")
   comes after one that governs none. The first cue after "the number of" governs the
   clause's figure ("the number of soldiers killed or wounded ... exceeded 3,000"), and a
   bare figure before "of the" counts its neighbour's noun ("214 of the 400 seats").

People the units do not list ("three guests", "50 North Koreans") fit a head-count metric
whose cue governs them, keeping their own unit. A multiple, share or change of a metric's
figure set off by a comma keeps that figure's metric ("..., nearly three times the average",
"..., 9% more than a year earlier"), as does a share of the cue's own whole ("a third of their
volume") or a change of the cue ("shrunk by a third"); a composition share keeps none ("half
of them children"). A bare figure compared with a metric's figure takes its metric ("down
from 438 million", "last year's 26.7 million", "from 4,120 hectares to 2,750"). These keep
their own unit.

A percentage that no metric fits takes a money metric whose cue governs it or shares its
clause, as that metric's change ("revenue rose 9%"), or any metric whose cue is the subject
of the change ("Copper production rose 11%"); its unit stays percent.

Ties go to the nearest cue (characters between cue and figure), then to the cue before the
figure. A cue inside another figure's phrase belongs to that figure, except that a bare
figure (no unit, no noun) counts what a figure of its own clause counts, at rank 3 ("67 of
the 150 seats", "52,310 votes, against 43,980 for her rival"). A figure that is itself
a period ("in just three days") takes a metric only when a cue of a metric measured in
time governs it ("jailed for six years"), and a figure the text rejects never does
("around 1,100, not 3,000 as reported"; "rather than", "instead of").

Entity: :mod:`claims.entities` (the headline, when given, names the text's topic),
corrected by :mod:`claims.entity_roles` for the role a figure plays (a claimant's own figure,
a strike's weapons and losses, an electorate).

Source and relay: :mod:`claims.attribution`; when a sentence states several, the nearest
wins, except that inside the figure's clause a vocabulary source beats a name kept as
written. Period: :mod:`claims.periods`; the nearest period phrase in the figure's clause,
not across a comma unless it opens the sentence ("In November, ..."). Standing totals
("a total of") and rates ("USD / month") take none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from claims.attribution import (
    AttributionFinder,
    SentenceSources,
    attribute_sentences,
)
from claims.cues import (
    CompiledVocabulary,
    FormMatcher,
    Hit,
    compile_vocabulary,
)
from claims.entities import EntityChooser, headline_topic
from claims.entity_roles import EntityRoles
from claims.metric_choice import (  # noqa: F401 (_NEGATION*: re-exported for the tests)
    _NEGATION,
    _NEGATION_PIECES,
    MetricChooser,
)
from claims.metric_words import holds_any as _holds_any
from claims.periods import Period, find_periods
from claims.quantities import Quantity
from claims.sentences import Span, TextLayout
from claims.vocab import Vocabulary


class Tags(NamedTuple):
    """What the words around a quantity say about it. Unknown -> None.

    A named tuple: immutable, and several times cheaper to build than a frozen dataclass
    (one per figure).
    """

    sentence: str
    metric: str | None
    entity: str | None
    source: str | None
    reported_by: str | None
    period: str | None
    #: the unit to use instead of the quantity's own when the metric supplies it
    #: (a bare count "losses exceeded 3,000" takes the metric's "person"); None keeps it
    unit: str | None = None


# Substring pre-tests (:func:`_holds_any`): a window is searched with _STANDING_TOTAL only
# when, lower-cased, it holds one of _STANDING_TOTAL_PIECES, and with _NEGATION only when it
# holds one of _NEGATION_PIECES. A window holding none cannot match, and substring tests cost
# far less than a regex search, which is tried at every position of the window. The pieces
# avoid "i", "k" and "s", the only ASCII letters that ignore-case matching equates with other
# characters ("İ", "ſ"), so lower() keeps every piece the patterns could match.
_STANDING_TOTAL = re.compile(r"(?:\btotal\s+of|\bin\s+total|\ball\s+told)\s*$", re.IGNORECASE)
_STANDING_TOTAL_PIECES = ("tot", "tol")  # "total", "told"
#: how far before a figure a period phrase holding its number may start ("in the three days
#: to Sunday, ...")
_PERIOD_REACH = 80
_TIME_DENOMINATOR = re.compile(r"/\s*(?:second|minute|hour|day|week|month|year)\b")


def tag_quantities(
    text: str, quantities: Sequence[Quantity], vocabulary: Vocabulary, title: str = ""
) -> list[Tags]:
    """One :class:`Tags` per quantity, in the same order (policies in the module docstring).

    ``title``, the article's headline, says what the text is about (entities step 6).
    """
    if not quantities:
        return []
    context = _Context(text, quantities, compile_vocabulary(vocabulary), title)
    return [context.tag(index) for index in range(len(quantities))]


def _finder(compiled: CompiledVocabulary) -> AttributionFinder:
    finder = compiled.extras.get("attribution")
    if finder is None:
        finder = compiled.extras["attribution"] = AttributionFinder(compiled.sources)
    return finder


class _Context:
    """Everything computed once per text, then looked up per quantity."""

    def __init__(
        self,
        text: str,
        quantities: Sequence[Quantity],
        compiled: CompiledVocabulary,
        title: str = "",
    ) -> None:
        self.text = text
        self.quantities = quantities
        self.compiled = compiled
        self.layout = TextLayout(text)
        self.phrases = [(q.start, _phrase_end(text, q)) for q in quantities]
        # cues matter only in sentences holding a figure (aliases are found in the whole text)
        layout = self.layout
        held = (
            sorted({layout.sentence_index(q.start) for q in quantities}) if layout.sentences else []
        )
        sentence_ranges = _merge([layout.sentences[i] for i in held])
        self.metrics = MetricChooser(
            text,
            quantities,
            self.phrases,
            layout,
            compiled,
            _find_in(compiled.metrics, text, sentence_ranges),
            self._is_period,
        )
        # the whole text: a name may shorten an alias written out anywhere before it ("the
        # NIS" after "the National Intelligence Service")
        source_hits = compiled.sources.find(text)
        self.sources: list[SentenceSources] = attribute_sentences(
            text, self.layout, _finder(compiled), source_hits, held
        )
        # the whole text: the topic (entities step 6) may be named only where no figure is
        entity_hits = compiled.entities.find(text)
        # a source alias spelt exactly like an entity alias ("Penhallow employs 1,150
        # people") names a claimant only where the text makes it one ("Penhallow said")
        entity_spans = {(hit.start, hit.end) for hit in entity_hits}
        named = [
            (hit.start, hit.end) for hit in source_hits if (hit.start, hit.end) not in entity_spans
        ]
        for sentence in self.sources:
            for attribution in sentence.stated:
                # an anaphor's names are its antecedent's, spans of another sentence
                if not attribution.opening and not attribution.anaphor:
                    named.extend(attribution.names)
        chooser = EntityChooser(
            text,
            entity_hits,
            named,
            self.phrases,
            layout,
            headline_topic(title, compiled.entities.find(title)) if title else None,
        )
        self.entities = EntityRoles(text, chooser, entity_hits, compiled.vocabulary.entities)
        # a figure looks for its period in its own clause and just before its number
        self.periods = find_periods(
            text, _merge([(max(start - _PERIOD_REACH, 0), end) for start, end in sentence_ranges])
        )
        self.period_starts = [period.start for period in self.periods]
        self._sentence_texts: dict[Span, str] = {}

    def tag(self, index: int) -> Tags:
        quantity = self.quantities[index]
        phrase = self.phrases[index]
        clause = self.layout.clause_span(quantity.number_start)
        if self.layout.sentences:
            sentence_index = self.layout.sentence_index(quantity.start)
            sentence = self.layout.sentences[sentence_index]
            attribution = self.sources[sentence_index].for_offset(
                quantity.start, quantity.end, clause, self.compiled.vocabulary.sources
            )
        else:
            sentence, attribution = (0, len(self.text)), None
        is_period, metric, unit = self.metrics.metric_of(index)
        return Tags(
            sentence=self._sentence_text(sentence),
            metric=metric,
            entity=self.entities.entity(index, quantity, clause, sentence, attribution),
            source=attribution.source if attribution else None,
            reported_by=attribution.reported_by if attribution else None,
            period=None if is_period else self._period(quantity, phrase, clause, sentence),
            unit=unit,
        )

    def _sentence_text(self, sentence: Span) -> str:
        # one string per sentence, shared by its figures (a table of many figures per
        # sentence would otherwise hold a copy for each)
        cached = self._sentence_texts.get(sentence)
        if cached is None:
            cached = self._sentence_texts[sentence] = self.text[sentence[0] : sentence[1]].strip()
        return cached

    # -- metric -------------------------------------------------------------------------

    # -- period -------------------------------------------------------------------------

    def _nearby_periods(self, start: int, end: int) -> list[Period]:
        low = bisect.bisect_left(self.period_starts, start)
        high = bisect.bisect_left(self.period_starts, end)
        return self.periods[low:high]

    def _is_period(self, quantity: Quantity) -> bool:
        for period in self._nearby_periods(quantity.start - _PERIOD_REACH, quantity.end):
            if (
                period.number_start >= 0
                and period.number_start < quantity.number_end
                and quantity.number_start < period.number_end
            ):
                return True
        return False

    def _period(self, quantity: Quantity, phrase: Span, clause: Span, sentence: Span) -> str | None:
        if _TIME_DENOMINATOR.search(quantity.unit):
            return None
        # a standing total covers no span, but "a total of 10,000 by December" after a word
        # of intent is still a projection (claims.periods: deadlines)
        start = max(quantity.start - 20, 0)
        total = _holds_any(
            self.text[start : quantity.number_start], _STANDING_TOTAL_PIECES
        ) and _STANDING_TOTAL.search(self.text, start, quantity.number_start)
        best: tuple[int, Period] | None = None
        for period in self._nearby_periods(clause[0], clause[1]):
            if period.start < phrase[1] and phrase[0] < period.end:
                continue
            if total and not period.deadline:
                continue
            if not self._period_reaches(period, phrase, sentence):
                continue
            distance = max(period.start - phrase[1], phrase[0] - period.end, 0)
            if best is None or distance < best[0]:
                best = (distance, period)
        return best[1].label if best else None

    def _period_reaches(self, period: Period, phrase: Span, sentence: Span) -> bool:
        """A period across a comma covers the figure only as a sentence opener ("In May, ...").

        "After a batch left this week, 3,000 troops have been sent": the week belongs to the
        subordinate clause, not to the standing total.
        """
        gap = (period.end, phrase[0]) if period.end <= phrase[0] else (phrase[1], period.start)
        if _comma_free(self.text, *gap):
            return True
        opener = not self.text[sentence[0] : period.start].strip()
        return opener and self.text[period.end : gap[1]].lstrip().startswith(",")


def _comma_free(text: str, start: int, end: int) -> bool:
    return text.find(",", start, end) < 0


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _find_in(matcher: FormMatcher, text: str, spans: list[Span]) -> list[Hit]:
    return [hit for start, end in spans for hit in matcher.find(text, start, end)]


def _phrase_end(text: str, quantity: Quantity) -> int:
    """End of the figure's noun phrase: its span, stretched to its noun when that lies beyond."""
    if not quantity.noun:
        return quantity.end
    found = text.find(quantity.noun, quantity.number_end, quantity.number_end + 80)
    return max(quantity.end, found + len(quantity.noun)) if found >= 0 else quantity.end
