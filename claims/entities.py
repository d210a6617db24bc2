"""Which entity a figure is about, from the vocabulary's entity aliases.

The first rule that finds an alias wins (NA when none):

1. an alias inside the figure's phrase ("77 North Korean soldiers"), or right after it
   with "from"/"of" ("troops from North Korea");
2. the nearest alias before the figure in its clause, else after it in the clause;
3. the alias inside another figure's phrase in the same sentence, nearest first
   ("100 North Korean soldiers were killed, and the injured approach 1,000");
4. the nearest alias before the figure in the sentence, else after it;
5. the last alias earlier in the same paragraph;
6. the text's topic (below), when it has one;
7. a place name (below) in the sentence, when the text has no topic.

The topic is the entity the headline is about: its first alias that names no claimant
("Seoul says North Korea is sending 12,000 troops" is about North Korea). Without a
headline, or with none of its aliases in it, the topic is the entity the text names most
often, counting the aliases of steps 1-5, the places, and the organisations that speak for
themselves ("Halvern Motors said", "Aldgate said"), but not aliases that qualify a claimant
("Freedonian intelligence", "the American estimate"). A company story names the company
once, then says "the carmaker", "it". When the text names no entity but in its claimants'
names, their entity is the topic: "Lurenia's Health Ministry recorded 6,412 cases" is about
Lurenia (an alias qualifying someone else's claim, "the figure given by Sylvania", still
counts for nothing). The topic comes before a place: troops "sent to train in eastern
Russia" in a story about North Korea's troops are North Korean.

Some aliases do not say whom a figure is about and are skipped: those inside a source's
name ("South Korean intelligence", "Seoul's report") and those qualifying a claimant ("the
American estimate", "a U.S. military official", "the figure given by Seoul"), and a
dateline's place ("SEOUL, Nov 8 -": where the story was filed). Place names
("in Russia", "into eastern Russia", "bordering Ukraine") come last (step 7). The acting
side counts like any other alias: in "Ukrainian forces destroyed three buggies" the entity
is ukraine (the seed acceptance table fixes this reading); a figure's own noun phrase still
wins ("Ukrainian forces killed 77 North Korean soldiers" -> north_korea).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Container, Sequence

from claims.cues import Hit
from claims.names import body_kinds
from claims.sentences import Span, TextLayout

_FROM_OF = re.compile(r"\s+(?:from|of|by)\s+(?:the\s+)?")
#: "18,407 votes to 18,395 for Liam Carver": a tally for someone is theirs (but "6 million
#: shells for Russia" are the maker's, so only bare figures, shares and tallies)
_FOR = re.compile(r"\s+for\s+(?:the\s+)?")
_TALLY_END = re.compile(r"(?:\d|%|\b(?:votes|seats|points|goals))$")
#: an alias qualifying who speaks ("the American estimate", "a U.S. military official",
#: "Washington's first count", "Kyiv's numbers")
_CLAIMANT_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+(?:previous|latest|own|new|official|senior|military|intelligence|"
    r"defen[cs]e|first|second|third|final|earlier|initial|later|revised|updated|lower|higher|"
    r"rough|early))*\s+(?:estimates?|figures?|numbers|count|tally|tallies|assessments?|reports?|"
    r"officials?|intelligence|sources|media|data|spokes(?:man|woman|person)|broadcasters?|"
    r"newspapers?|outlets?|channels?|television|radio|press|lawmakers?|legislators?|ministers?|"
    r"ministry|commanders?|ambassador|envoy)\b"
    # the subject of a verb of stating: "the 3,000 Washington had cited"
    r"|\s+(?:(?:had|has|have|also|then|later)\s+)*(?:said|says|cited|cites|estimated|"
    r"estimates|reported|reports|claimed|claims|stated|believes|believed)\b"
)
#: an alias after a verb of stating ("the figure given by Seoul", "estimated by a U.S. official")
#: or naming where an estimate came from ("the highest estimate yet from Washington")
_CLAIMANT_BEFORE = re.compile(
    r"\b(?:given|estimated|reported|cited|provided|released|published|stated|confirmed|"
    r"announced|issued|offered)\s+by\s+(?:(?:the|a|an)\s+)?$"
    # "the highest estimate yet from Washington"
    r"|\b(?:estimates?|figures?|numbers|count|tally)\s+(?:(?:yet|so\s+far)\s+)?from\s+"
    r"(?:(?:the|a|an)\s+)?$"
)
#: an alias naming where something happens, not whose it is ("in Russia", "into eastern Russia")
_LOCATIVE = re.compile(
    r"\b(?:in|into|to|inside|within|across|near|toward|towards|bordering|at|around|entering)\s+"
    r"(?:the\s+)?(?:(?:eastern|western|northern|southern|central|occupied|far)\s+)?$",
    re.IGNORECASE,
)

_PRIMARY, _PLACE, _SKIPPED = 0, 1, 2
#: from a name to a figure that describes it: "Tullan Marine, a family firm that runs "
_APPOSITION = re.compile(r",\s+(?:an?|which|who|whose)\b[^,;.()]*\s")
_APPOSITION_REACH = 80
#: words naming a party besides "party" itself
_PARTY_WORD = re.compile(
    r"\b(?:[Bb]loc|[Aa]lliance|[Ff]ront|[Mm]ovement|[Ll]eague)\b|\b(?:Yes|No)\s+(?:side|camp)\b"
)
_DATELINE_END = re.compile(r",|\s*[-—–(]")
#: a place as the seat of an election or an office
_SEAT_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:Election|Electoral|City|County|Regional|Provincial|regional|city|"
    r"county|provincial)\b"
)
_SEAT_BEFORE = re.compile(r"\b(?:mayor|governor|council|assembly|parliament)\s+of\s+$")


class EntityChooser:
    """Entity aliases of one text, classified once, then chosen per figure."""

    def __init__(
        self,
        text: str,
        hits: Sequence[Hit],
        names: Sequence[Span],
        phrases: Sequence[Span],
        layout: TextLayout,
        headline: str | None = None,
    ) -> None:
        """``hits``: alias occurrences in text order; ``names``: spans of source names;
        ``phrases``: each figure's span stretched to its noun; ``layout``: the text's layout;
        ``headline``: the entity the headline is about (:func:`headline_topic`), if any.
        """
        self.text = text
        self.phrases = phrases
        hits = [hit for hit in hits if not _in_dateline(text, hit)]
        self.paragraph_starts = [start for start, _ in layout.paragraphs]
        self._names = sorted(names)
        self.hits = [hit for hit in hits if not self._inside_name(hit)]
        named_organisations = [hit for hit in hits if self._names_an_organisation(hit)]
        self.starts = [hit.start for hit in self.hits]
        #: the aliases of :attr:`hits` that name a place, claimants included (they count
        #: towards the topic)
        self.places: list[Hit] = []
        #: the role of each alias of :attr:`hits`, by position (every figure filters the
        #: aliases of its sentence)
        self.roles: list[int] = []
        for hit in self.hits:
            place = _LOCATIVE.search(text, max(hit.start - 40, 0), hit.start) is not None
            if place:
                self.places.append(hit)
            self.roles.append(_SKIPPED if self._is_claimant(hit) else _PLACE if place else _PRIMARY)
        self.primary = [
            hit for hit, role in zip(self.hits, self.roles, strict=True) if role == _PRIMARY
        ]
        self.primary_starts = [hit.start for hit in self.primary]
        self.topic = (
            headline
            or _topic(
                sorted(
                    [*self.primary, *self.places, *named_organisations], key=lambda hit: hit.start
                )
            )
            or _topic(
                [hit for hit in hits if self._inside_name(hit) and not self._is_claimant(hit)]
            )
        )
        self._every_hit = hits
        self._every_end = [hit.end for hit in hits]
        self._electorate: tuple[frozenset[str], str | None] | None = None
        self.own = [
            self._own_alias(phrase) or self._described_by_apposition(phrase) for phrase in phrases
        ]
        self.figure_aliases = sorted(
            ((phrase[0], hit) for phrase, hit in zip(phrases, self.own, strict=True) if hit),
            key=lambda item: item[0],
        )
        self.figure_alias_starts = [start for start, _ in self.figure_aliases]

    def choose(self, index: int, clause: Span, sentence: Span) -> str | None:
        """The entity key of figure ``index`` (policy in the module docstring), or None."""
        own = self.own[index]
        if own is not None:
            return own.key
        phrase = self.phrases[index]
        # only the sentence's own aliases are compared with the figure; the paragraph's
        # earlier ones matter only through the last of them (step 5), found by bisection
        low = bisect.bisect_left(self.starts, sentence[0])
        high = bisect.bisect_left(self.starts, sentence[1])
        if low == high:  # no alias in the sentence (often): steps 1-4 and 7 find nothing
            found = self._last_primary_before(sentence[0])
            return found.key if found else self.topic
        local = list(zip(self.hits[low:high], self.roles[low:high], strict=True))
        nearby = [hit for hit, role in local if role != _SKIPPED]
        primary = [hit for hit, role in local if role == _PRIMARY]
        found = (
            _nearest_around(primary, phrase, clause)
            or self._alias_of_other_figure(index, sentence)
            or _nearest_around(primary, phrase, sentence)
            or self._last_primary_before(sentence[0])
        )
        if found is None and self.topic is None:
            found = _nearest_around(nearby, phrase, sentence)
        return found.key if found else self.topic

    def speaker(
        self,
        index: int,
        clause: Span,
        names: Sequence[Span],
        source: str | None,
        keys: Container[str],
        *,
        shortest: bool = False,
    ) -> str | None:
        """The entity of a claimant speaking of itself or stating its own position ("the
        Arvenna government said it had opened 12 shelters", "the tournament said its prize
        money rose 12%", "the union wants 9%"), for figure ``index``: the longest alias
        inside the claimant's ``names`` (the ``shortest``, a country qualifying the body,
        when asked), else its ``source`` key when that is an entity key too. None when the
        figure names its own entity or an alias stands between clause and figure."""
        phrase = self.phrases[index]
        if self.own[index] is not None:
            return None
        low = bisect.bisect_left(self.primary_starts, clause[0])
        for hit in self.primary[low:]:
            if hit.end > phrase[0]:
                break
            if not any(start <= hit.start and hit.end <= end for start, end in names):
                return None
        inside = []
        for start, end in names:
            position = bisect.bisect_left(self._every_end, start + 1)
            for hit in self._every_hit[position : position + 3]:
                if hit.start >= end:
                    break
                # a qualifier is a part of the name, not the whole body
                if start <= hit.start and not (shortest and hit.end - hit.start >= end - start):
                    inside.append(hit)
        if inside:
            # the longest: "Ashcombe City Buses", not the town in its name
            pick = min if shortest else max
            return pick(inside, key=lambda hit: hit.end - hit.start).key
        return source if source is not None and source in keys else None

    def names_any(self, sentence: Span) -> bool:
        """Whether ``sentence`` holds an alias that is neither a claimant's nor a place."""
        low = bisect.bisect_left(self.primary_starts, sentence[0])
        return low < len(self.primary) and self.primary[low].start < sentence[1]

    def has_own_alias(self, index: int) -> bool:
        """Whether figure ``index`` names its entity in its own phrase (step 1)."""
        return self.own[index] is not None

    def place_in(self, sentence: Span, excluded: Container[str]) -> str | None:
        """The first alias of ``sentence`` standing as a place ("in Zemlin") that is not one
        of ``excluded``, or None."""
        for hit in self.places:
            if hit.start >= sentence[1]:
                break
            if hit.start >= sentence[0] and hit.key not in excluded:
                return hit.key
        return None

    def for_electorate(self, key: str | None) -> str | None:
        """The entity of a figure counting a whole electorate (turnout, ballots cast, spoiled
        papers) chosen as ``key``: the place voting when ``key`` is a party ("the Lantern
        Party", "the Social Harbour bloc") or a candidate. The place is the entity the text
        names most as a place ("in Brookfield", "mayor of Rostal", "the Rostal Election
        Authority"), else most among those that are no party;
        when some entity is named as a place, the others (candidates) count as parties."""
        if self._electorate is None:
            parties = frozenset(
                hit.key
                for hit in self._every_hit
                if "party" in body_kinds(self.text[hit.start : hit.end])
                or _PARTY_WORD.search(self.text[hit.start : hit.end])
            )
            others = Counter(hit.key for hit in self._every_hit if hit.key not in parties)
            # a place is named as one somewhere ("in Brookfield"); a candidate named more
            # often than the city is not the electorate
            places = set(self.places)
            located = Counter(
                hit.key
                for hit in self._every_hit
                if hit.key not in parties and (hit in places or self._names_a_seat(hit))
            )
            if located:
                # the rest (candidates) are not the electorate either
                parties |= frozenset(others.keys() - located.keys())
            ranked = located or others
            place = ranked.most_common(1)[0][0] if ranked else None
            self._electorate = (parties, place)
        parties, place = self._electorate
        if place is not None and (key is None or key in parties):
            return place
        return key

    def _names_a_seat(self, hit: Hit) -> bool:
        """Whether ``hit`` names a place as the seat of an office or an election ("mayor of
        Rostal", "the Rostal Election Authority", "Eskerby's regional assembly")."""
        return bool(
            _SEAT_AFTER.match(self.text, hit.end)
            or _SEAT_BEFORE.search(self.text, max(hit.start - 20, 0), hit.start)
        )

    def _last_primary_before(self, offset: int) -> Hit | None:
        """The last alias of the paragraph ending by ``offset`` that is neither a claimant
        nor a place (step 5)."""
        paragraph_start = self._paragraph_start(offset)
        position = bisect.bisect_left(self.primary_starts, offset)
        for earlier in range(position - 1, -1, -1):
            hit = self.primary[earlier]
            if hit.start < paragraph_start:
                return None
            if hit.end <= offset:
                return hit
        return None

    def _inside_name(self, hit: Hit) -> bool:
        return self._name_around(hit) is not None

    def _name_around(self, hit: Hit) -> Span | None:
        """The span of the source name holding ``hit``, if any."""
        position = bisect.bisect_left(self._names, (hit.end,))
        for start, end in self._names[max(position - 4, 0) : position]:
            if start < hit.end and hit.start < end:
                return (start, end)
        return None

    def _names_an_organisation(self, hit: Hit) -> bool:
        """True for an alias inside a source's name that is the name or begins a proper name
        ("Aldgate said", "Halvern Motors said"), not an adjective or owner of a body
        ("Freedonian intelligence", "Morravia's defence ministry")."""
        name = self._name_around(hit)
        if name is None:
            return False
        rest = self.text[hit.end : name[1]]
        return not rest.strip() or (rest[:1] == " " and rest[1:2].isupper())

    def _own_alias(self, phrase: Span) -> Hit | None:
        """An alias inside the figure's phrase, or right after it ("troops from Freedonia")."""
        position = bisect.bisect_left(self.starts, phrase[0])
        if position and self.hits[position - 1].end > phrase[0]:
            position -= 1
        for hit in self.hits[position : position + 4]:
            if hit.start < phrase[1] and hit.end > phrase[0]:
                return hit
            if hit.start >= phrase[1]:
                if _FROM_OF.fullmatch(self.text, phrase[1], hit.start):
                    return hit
                if _FOR.fullmatch(self.text, phrase[1], hit.start) and _TALLY_END.search(
                    self.text, phrase[0], phrase[1]
                ):
                    return hit
                break
        return None

    def _described_by_apposition(self, phrase: Span) -> Hit | None:
        """The alias a figure describes in an apposition or a relative clause right after it
        ("Tullan Marine, a family firm that runs three boats", "the Dockers' Federation,
        which represents about 4,200 workers"), claimants included, or None."""
        position = bisect.bisect_right(self._every_end, phrase[0]) - 1
        if position < 0:
            return None
        hit = self._every_hit[position]
        if phrase[0] - hit.end > _APPOSITION_REACH:
            return None
        return hit if _APPOSITION.fullmatch(self.text, hit.end, phrase[0]) else None

    def _alias_of_other_figure(self, index: int, sentence: Span) -> Hit | None:
        """The own alias of the nearest other figure in the sentence ("... and 40 more")."""
        phrase = self.phrases[index]
        low = bisect.bisect_left(self.figure_alias_starts, sentence[0])
        high = bisect.bisect_left(self.figure_alias_starts, sentence[1])
        others = [
            (abs(start - phrase[0]), hit)
            for start, hit in self.figure_aliases[low:high]
            if start != phrase[0]
        ]
        return min(others, key=lambda item: item[0])[1] if others else None

    def _is_claimant(self, hit: Hit) -> bool:
        """True for an alias qualifying who voices a claim: not what a figure is about."""
        if _CLAIMANT_AFTER.match(self.text, hit.end):
            return True
        start = max(hit.start - 30, 0)
        # the pattern needs "by" or "from": substring tests rule most aliases out for less
        # than a search, which is tried at every position of the window
        if (
            self.text.find("by", start, hit.start) < 0
            and self.text.find("from", start, hit.start) < 0
        ):
            return False
        return _CLAIMANT_BEFORE.search(self.text, start, hit.start) is not None

    def _paragraph_start(self, offset: int) -> int:
        index = bisect.bisect_right(self.paragraph_starts, offset) - 1
        return self.paragraph_starts[index] if index >= 0 else 0


def _nearest_around(hits: list[Hit], phrase: Span, span: Span) -> Hit | None:
    """The nearest hit before the phrase within ``span``, else the nearest after it."""
    before = [hit for hit in hits if span[0] <= hit.start and hit.end <= phrase[0]]
    if before:
        return before[-1]
    after = [hit for hit in hits if phrase[1] <= hit.start and hit.end <= span[1]]
    return after[0] if after else None


def _in_dateline(text: str, hit: Hit) -> bool:
    """True for the place of a dateline ("SEOUL, Nov 8 (Pacific Desk) - ..."): where the story
    was filed, not what it is about."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    return (
        not text[line_start : hit.start].strip()
        and text[hit.start : hit.end].isupper()
        and _DATELINE_END.match(text, hit.end) is not None
    )


def headline_topic(headline: str, hits: Sequence[Hit]) -> str | None:
    """The entity a headline is about: its first alias that does not name a claimant
    ("Seoul says North Korea is sending 12,000 troops" -> North Korea), or None."""
    for hit in hits:
        claimant = _CLAIMANT_AFTER.match(headline, hit.end) or _CLAIMANT_BEFORE.search(
            headline, max(hit.start - 30, 0), hit.start
        )
        if not claimant:
            return hit.key
    return None


def _topic(hits: Sequence[Hit]) -> str | None:
    """The entity ``hits`` name most often, the first named on a tie; None for no hits.
    One mention is enough: company stories name the company once, then say "the carmaker"."""
    counts = Counter(hit.key for hit in hits)
    # Counter keeps first-seen order, so max() settles a tie on the first entity named
    return max(counts, key=counts.__getitem__) if counts else None
