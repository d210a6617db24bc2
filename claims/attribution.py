"""Which attribution applies to each sentence: anaphors resolved, carry-over applied.

Carrying over: a sentence without an attribution of its own takes the last attribution of
the same paragraph (news paragraphs usually keep quoting one source until they name
another); a new paragraph starts with none. An attribution scoped to one figure (a listed
"the NIS 12,000") carries no further. A sentence opening "That figure came from X" (or "The
estimate was provided by X") gives the sentence before it X's attribution instead of its
own.

Anaphors ("it said", "the agency added") stand for an earlier claimant:

- "it", "he", "she", "a spokesman", "an official", and documents ("the data showed", "the
  figures", "the survey"): the last attribution of the paragraph, else the last one of the
  article (a paragraph opening "It said ..." continues the previous one); but "he" or "she"
  after a body ("the office said", "it added") stands for the last alias the text marks as
  a person (a title or a role beside it, "Governor Elin Strand"), and "it" skips people
  kept as written ("Investigators believe ...");
- "officials", "they", "sources": only the paragraph's last attribution, since a new
  paragraph may bring in new, unnamed people;
- "the agency", "the ministry", "the office": the last attribution whose name holds that
  noun, anywhere earlier in the article; else the last vocabulary source alias before it
  that holds that noun or that the text introduced with it ("the port operator, Kerrow
  Terminals,"; "Halvern, the carmaker,"); else the paragraph's last attribution; else the
  article's last attribution; else such an alias written anywhere in the text ("the city
  council said" before "the Brenik city council" is named); else a vocabulary alias spelt
  like the anaphor itself ("the ministry" listed as an alias: a rule file serves many
  articles, each with its own ministry, so it comes last). "The spy agency", "the city
  council" (lower-case words before such a noun) are anaphors too, and a resolved anaphor
  is found again by its noun ("the agency said" later). When no alias holds the noun and
  the claimant it would take is a person or a body of another kind ("the company" after
  the workers' guild; kinds: business, labour, force, court, party), it takes the last
  proper-name alias that is neither ("The tournament said" -> the Portvale Open).
- "its director", "her coach": like "it", "she".

A name kept as written that shortens an alias written out earlier stands for that alias:
its last words ("the Red Crescent" after "the Mireskan Red Crescent"), its initials ("the
NIS" after "the National Intelligence Service"), the last words of the head of an "X of Y"
name ("the Joint Chiefs" for the Joint Chiefs of Staff) or an acronym given in parentheses
after it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from claims.attribution_finder import (
    TITLE_NOUNS,
    TRIGGER,
    Attribution,
    AttributionFinder,
    span_gap,
    spans_overlap,
    trigger_kind,
)
from claims.cues import Hit
from claims.names import (
    DOCUMENT_ANAPHORS,
    GENDERED_ANAPHORS,
    PERSONAL_ANAPHORS,
    PLURAL_ANAPHORS,
    body_kinds,
    clean_name,
    is_anaphor,
    names_organisation,
)
from claims.sentences import Span, TextLayout
from claims.tries import ascii_case_letters

__all__ = ["Attribution", "AttributionFinder", "SentenceSources", "attribute_sentences"]

#: how far from an alias a role phrase naming it may stand ("the country's largest port
#: operator, Kerrow Terminals")
_ROLE_REACH = 40


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

        An attribution inside the figure's ``clause`` beats one outside it ("Police put the
        crowd at 38,000, while the organisers said ..."). Within the clause, a source from
        the vocabulary (a key in ``known``) beats a name kept as written: in "The United
        States believes 3,000 ..., spokesman John Kirby said", the named official is the more
        specific source. Otherwise the nearest attribution wins. An attribution with a
        ``scope`` ("the NIS figure of 1,100") decides for the figure in it and no other.
        """
        if not self.stated:
            return self.carried
        for attribution in self.stated:
            scope = attribution.scope
            if scope is not None and scope[0] <= start <= scope[1]:
                return attribution
        candidates = [a for a in self.stated if a.scope is None]
        if not candidates:
            return self.carried

        def rank(attribution: Attribution) -> tuple[bool, bool, int, int]:
            in_clause = clause is not None and spans_overlap(
                (attribution.start, attribution.end), clause
            )
            unknown = in_clause and attribution.source not in known
            return (
                clause is not None and not in_clause,
                unknown,
                span_gap(attribution.start, attribution.end, start, end),
                attribution.start,
            )

        return min(candidates, key=rank)


def attribute_sentences(
    text: str,
    layout: TextLayout,
    finder: AttributionFinder,
    hits: list[Hit],
    wanted: Collection[int] | None = None,
) -> list[SentenceSources]:
    """The attributions of every sentence, anaphors resolved and carry-over applied.

    ``hits`` are the source-alias occurrences in ``text`` (in text order). ``wanted``: the
    indices of the sentences whose attributions will be asked for (default: all). Sentences
    after the last wanted one cannot pass anything on to it, so they are not parsed: they are
    left empty.
    """
    result = [SentenceSources() for _ in layout.sentences]
    hit_starts = [hit.start for hit in hits]
    source_keys = {hit.key for hit in hits}
    starts = [start for start, _ in layout.sentences]
    needed = _needed_sentences(layout, wanted)
    triggered: dict[int, set[str]] = {}
    verbs_end: dict[int, int] = {}

    def note(index: int, match: re.Match[str]) -> None:
        kind = trigger_kind(match)
        triggered.setdefault(index, set()).add(kind)
        if kind == "verb":
            verbs_end[index] = match.end()

    if needed is None:
        for match in TRIGGER.finditer(text):
            note(bisect.bisect_right(starts, match.start()) - 1, match)
    else:
        for index, (start, end) in enumerate(layout.sentences):
            if needed[index]:
                for match in TRIGGER.finditer(text, start, end):
                    note(index, match)
    current: Attribution | None = None
    antecedents = _Antecedents(text, hits)
    paragraph = -1
    for index, (start, end) in enumerate(layout.sentences):
        if layout.sentence_paragraph[index] != paragraph:
            paragraph = layout.sentence_paragraph[index]
            current = None
        local = hits[bisect.bisect_left(hit_starts, start) : bisect.bisect_left(hit_starts, end)]
        named_back = None
        if index and (needed is None or needed[index - 1]):
            named_back = finder.claimant_of_previous(text, start, end, local)
            if named_back is not None:
                named_back = antecedents.resolve(named_back, current)
        if named_back is not None and named_back.source is not None:
            # "That figure came from X": X's, whatever the sentence before said
            result[index - 1].stated = [named_back]
            antecedents.remember([named_back])
            current = named_back
        if needed is not None and not needed[index]:
            continue
        stated: list[Attribution] = []
        if index in triggered:
            stated = finder.in_sentence(
                text, start, end, local, frozenset(triggered[index]), verbs_end.get(index)
            )
        resolved = [antecedents.resolve(a, current) for a in stated]
        resolved = [
            a
            for a in resolved
            if a.source is not None and (not a.listed or a.source in source_keys)
        ]
        # a figure no stated attribution covers takes the one carried in
        result[index].carried = current
        if resolved:
            result[index].stated = resolved
            antecedents.remember(resolved)
            # an attribution scoped to one figure ("the NIS 12,000") carries no further
            current = next((a for a in reversed(resolved) if a.scope is None), current)
    return result


@functools.lru_cache(maxsize=256)
def _noun_patterns(head: str) -> tuple[re.Pattern[str], ...]:
    """Patterns of an anaphor's noun: in an alias, and in a role phrase before ("the port
    operator, X") or after ("X, the carmaker") one."""
    noun = re.escape(head)
    return (
        re.compile(rf"\b{noun}\b", re.IGNORECASE),
        re.compile(rf"\b{noun},\s*$", re.IGNORECASE),
        re.compile(rf",\s*(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{noun}\b"),
    )


def _other_kind(kinds: frozenset[str], head: str) -> bool:
    """Whether a body of ``kinds`` is of another kind than the noun ``head`` names."""
    own = body_kinds(head)
    return bool(kinds and own) and not kinds & own


def _initials(name: str) -> str:
    """The capitals starting the words of ``name``: "National Intelligence Service" -> "NIS"."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


#: a name given in parentheses right after an alias: "the Northern Road Authority (NoRA)"
_PARENTHESISED = re.compile(r"\s*\(\s*([^()]*?)\s*\)")
#: a claimant kept as written that is people, not a body: "Investigators believe ..."
_PLURAL_PEOPLE = re.compile(
    r"[A-Z][a-z]+(?:ators|itors|ysts|ists|ians|cers|ers|ents|ics|ees)|Police|Authorities|Experts|"
    r"Doctors|Witnesses|Officials|Troops|Sources"
)
#: a person's title: "Governor", "spokesman", "Gen."
_PERSON_TITLE = (
    rf"(?:{TITLE_NOUNS}|mr|mrs|ms|dr|prof|judge|senator|sen|gen|col|maj|premier|chancellor)\.?"
)
#: a title right before a name, or opening it: "Governor Elin Strand", "spokesman John Kirby";
#: a comma may stand between the role and the name ("her coach, Marco Peralta")
_TITLE_BEFORE = re.compile(rf"\b{_PERSON_TITLE},?\s+$", re.IGNORECASE)
_TITLE_OPENING = re.compile(rf"{_PERSON_TITLE}\s", re.IGNORECASE)
#: a role in commas right after a name: "Agnes Mulroy, the union's regional organiser,"
_ROLE_AFTER = re.compile(
    r",\s+(?:the|a|an|its|his|her|their|[A-Z][\w.]*['’]s)\s+(?:[\w'’-]+\s+){0,3}?"
    rf"(?:{TITLE_NOUNS}|organi[sz]er|negotiator|inspector)\s*,"
)
#: how far before a name its title may start
_TITLE_REACH = 30
#: where the head of an "X of Y" name ends ("Joint Chiefs| of Staff")
_OF_PHRASE = re.compile(r"\s+of\s")
#: where a shorter name may start inside an alias: after a character that is no part of a word
_WORD_START = re.compile(r"(?<![\w-])(?=.)", re.DOTALL)


def _fold(name: str) -> str:
    """``name`` in the case ignore-case matching compares ("ſ" as "s")."""
    return ascii_case_letters(name).lower()


class _ShortNames:
    """For each shorter name a text gives a source alias, the positions (in the text's list of
    alias hits) of the hits it may stand for: the alias's last words ("Red Crescent" in "the
    Mireskan Red Crescent", any case), the last words of its head ("Joint Chiefs" in "Joint
    Chiefs of Staff"), its initials ("NIS") and a name in parentheses after it ("(NoRA)").
    Built once per text, so a name kept as written is looked up, not matched against every
    earlier alias."""

    def __init__(self, text: str, hits: list[Hit]) -> None:
        self.tails: dict[str, list[int]] = {}
        self.initials: dict[str, list[int]] = {}
        self.parenthesised: dict[str, list[int]] = {}
        for position, hit in enumerate(hits):
            # "the Joint Chiefs" shortens "South Korea's Joint Chiefs of Staff" too
            head = _OF_PHRASE.search(text, hit.start, hit.end)
            ends = (hit.end, head.start()) if head else (hit.end,)
            for end in ends:
                for start in _WORD_START.finditer(text, hit.start, end):
                    tail = _fold(text[start.start() : end])
                    positions = self.tails.setdefault(tail, [])
                    if not positions or positions[-1] != position:
                        positions.append(position)
            self.initials.setdefault(_initials(text[hit.start : hit.end]), []).append(position)
            given = _PARENTHESISED.match(text, hit.end)
            if given:
                self.parenthesised.setdefault(given[1], []).append(position)

    def last_before(self, written: str, bound: int) -> int | None:
        """The last hit position below ``bound`` that ``written`` may stand for, if any."""
        candidates = [self.tails.get(_fold(written)), self.parenthesised.get(written)]
        if written.isupper() and " " not in written:
            candidates.append(self.initials.get(written))
        best = None
        for positions in candidates:
            if positions:
                index = bisect.bisect_left(positions, bound) - 1
                if index >= 0 and (best is None or positions[index] > best):
                    best = positions[index]
        return best


def _needed_sentences(layout: TextLayout, wanted: Collection[int] | None) -> list[bool] | None:
    """Per sentence, whether its attributions can reach a wanted sentence (None: all can).

    Every sentence up to the last wanted one can: carry-over stays in a paragraph, but an
    anaphor reaches back across paragraphs ("the spy agency had said" after "The spy agency
    also said ..." in a paragraph whose last sentence holds no figure).
    """
    if wanted is None:
        return None
    last = max(wanted, default=-1)
    return [index <= last for index in range(len(layout.sentences))]


class _Antecedents:
    """What an anaphoric attribution of one text can stand for (policy in the module
    docstring): the attributions stated so far, and the vocabulary's source aliases."""

    def __init__(self, text: str, hits: list[Hit]) -> None:
        self.text = text
        self.hits = hits
        self.hit_starts = [hit.start for hit in hits]
        self.stated: list[tuple[Attribution, str]] = []
        self._short_names: _ShortNames | None = None

    def remember(self, attributions: list[Attribution]) -> None:
        """Record a sentence's resolved attributions, in text order."""
        for attribution in attributions:
            names = " ".join(self.text[a:b] for a, b in attribution.names).lower()
            # a resolved "the spy agency" is found again by its noun ("the agency said")
            self.stated.append((attribution, f"{names} {attribution.anaphor}"))

    def resolve(self, attribution: Attribution, current: Attribution | None) -> Attribution:
        """``attribution`` itself, or the source its anaphor stands for (source None if
        nothing fits)."""
        if not attribution.anaphoric:
            return self._named_earlier(attribution)
        antecedent = self._antecedent(attribution, current)
        if antecedent is None:
            return attribution
        return Attribution(
            attribution.start,
            attribution.end,
            antecedent.source,
            antecedent.reported_by,
            antecedent.names,
            anaphoric=False,
            anaphor=attribution.anaphor,
            opening=attribution.opening,
            itself=attribution.itself,
        )

    def _antecedent(
        self, attribution: Attribution, current: Attribution | None
    ) -> Attribution | None:
        anaphor = attribution.anaphor
        if anaphor in PERSONAL_ANAPHORS or anaphor in DOCUMENT_ANAPHORS:
            found = current or (self.stated[-1][0] if self.stated else None)
            plural = found is not None and _PLURAL_PEOPLE.fullmatch(found.source or "")
            if anaphor == "it" and plural:
                assert found is not None  # plural is only set for a found attribution
                # "Investigators believe ... , it said": "it" is the body named before them
                found = next(
                    (a for a, _ in reversed(self.stated) if a.source != found.source), found
                )
            if anaphor in GENDERED_ANAPHORS and (found is None or self._organisation(found)):
                # "she told supporters" after "the office said" and "Governor Elin Strand":
                # the person named last, not the body
                return self._person_before(attribution.start) or found
            return found
        if anaphor in PLURAL_ANAPHORS:
            return current
        head = anaphor.split()[-1] if anaphor else ""
        in_names = _noun_patterns(head)[0] if head else None
        for earlier, names in reversed(self.stated):
            if in_names is not None and in_names.search(names):
                return earlier
        # an alias naming the noun ("the federation" after "the Dockers' Federation") is
        # surer than the claimant carried into the sentence, who is named otherwise
        found = self._alias_before(attribution.start, head)
        if found is None:
            found = current or (self.stated[-1][0] if self.stated else None)
            if found is not None and (self._person(found) or self._other_body(found, head)):
                # "The tournament said" after "her coach, Marco Peralta, said", "The company
                # says" after "the guild put the crowd at 7,500": the body named last that
                # is neither a person nor a body of another kind
                found = self._body_before(attribution.start, head) or found
        if found is None:
            # "..., the city council said", the Brenik city council being named further on
            found = self._alias_before(len(self.text), head)
        if found is None and attribution.alias is not None:
            found = Attribution(attribution.start, attribution.end, attribution.alias)
        return found

    def _named_earlier(self, attribution: Attribution) -> Attribution:
        """``attribution`` with a name kept as written replaced by the alias it shortens:
        "the Red Crescent" after "the Mireskan Red Crescent", "the NIS" after "the National
        Intelligence Service (NIS)"."""
        written = attribution.source
        if written is None or any(self._hits_between(*name) for name in attribution.names):
            return attribution  # no name, or a vocabulary alias
        if self._short_names is None:
            self._short_names = _ShortNames(self.text, self.hits)
        bound = bisect.bisect_left(self.hit_starts, attribution.start)
        position = self._short_names.last_before(written, bound)
        if position is None:
            return attribution
        return replace(attribution, source=self.hits[position].key)

    def _organisation(self, attribution: Attribution) -> bool:
        """Whether ``attribution`` names a body: "it", or an organisation noun in its anaphor
        ("the office said") or in the names it was stated with. Not by its source key: a
        rule file may list a body's people as its aliases."""
        return (
            attribution.anaphor == "it"
            or names_organisation(attribution.anaphor)
            or any(names_organisation(self.text[a:b]) for a, b in attribution.names)
        )

    def _person_before(self, offset: int) -> Attribution | None:
        """The last source alias before ``offset`` that the text marks as a person: a title
        before or in it ("Governor Elin Strand") or a role in commas around it."""
        for position in range(bisect.bisect_left(self.hit_starts, offset) - 1, -1, -1):
            hit = self.hits[position]
            if self._titled(hit.start, hit.end):
                return Attribution(hit.start, hit.end, hit.key, None, ((hit.start, hit.end),))
        return None

    def _body_before(self, offset: int, head: str) -> Attribution | None:
        """The last source alias before ``offset`` written as a proper name that the text
        does not mark as a person and that names no body of another kind than ``head``
        ("the Portvale Open" for "the tournament")."""
        for position in range(bisect.bisect_left(self.hit_starts, offset) - 1, -1, -1):
            hit = self.hits[position]
            written = self.text[hit.start : hit.end]
            if (
                not written.islower()
                and not _other_kind(body_kinds(written), head)
                and not self._titled(hit.start, hit.end)
            ):
                return Attribution(hit.start, hit.end, hit.key, None, ((hit.start, hit.end),))
        return None

    def _other_body(self, attribution: Attribution, head: str) -> bool:
        """Whether ``attribution`` names a body of another kind than ``head`` ("the guild"
        for "the company")."""
        kinds = body_kinds(attribution.anaphor).union(
            *(body_kinds(self.text[start:end]) for start, end in attribution.names)
        )
        return _other_kind(kinds, head)

    def _person(self, attribution: Attribution) -> bool:
        """Whether ``attribution`` stands for a person: "he" or "she", or names marked so."""
        return attribution.anaphor in GENDERED_ANAPHORS or any(
            self._titled(start, end) for start, end in attribution.names
        )

    def _titled(self, start: int, end: int) -> bool:
        """Whether the name at ``[start, end)`` is a person's: no organisation noun in it, and a
        title before or in it, or a role in commas before or after it."""
        written = self.text[start:end]
        if names_organisation(written):
            return False
        return bool(
            _TITLE_OPENING.match(written)
            or _TITLE_BEFORE.search(self.text, max(start - _TITLE_REACH, 0), start)
            or _ROLE_AFTER.match(self.text, end)
        )

    def _hits_between(self, start: int, end: int) -> list[Hit]:
        low = bisect.bisect_left(self.hit_starts, start)
        high = bisect.bisect_left(self.hit_starts, end)
        return self.hits[low:high]

    def _alias_before(self, offset: int, head: str) -> Attribution | None:
        """The last vocabulary source alias before ``offset`` whose words include ``head``
        ("the ministry" after "the Health Ministry" was named)."""
        if not head:
            return None
        pattern, role_before, role_after = _noun_patterns(head)
        for position in range(bisect.bisect_left(self.hit_starts, offset) - 1, -1, -1):
            hit = self.hits[position]
            # a generic alias ("the ministry") is itself an anaphor, not the name sought
            named = pattern.search(self.text, hit.start, hit.end) and not is_anaphor(
                clean_name(self.text[hit.start : hit.end])
            )
            # "the port operator, Kerrow Terminals," / "Halvern, the carmaker," name the
            # alias by the anaphor's noun
            introduced = role_before.search(
                self.text, max(hit.start - _ROLE_REACH, 0), hit.start
            ) or role_after.match(self.text, hit.end, hit.end + _ROLE_REACH)
            if named or introduced:
                return Attribution(hit.start, hit.end, hit.key, None, ((hit.start, hit.end),))
        return None
