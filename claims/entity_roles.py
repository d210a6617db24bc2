"""Corrections to the nearest alias's entity from the role a figure plays in its sentence.

:mod:`claims.entities` picks the alias nearest a figure. Some sentences say more:

- a claimant speaking of itself or stating its own position owns the figures after it ("the
  tournament said its prize money had risen 12%", "the union wants 9%"), and so do the
  speaker of a first-person quotation ("We have not had a rise in six years," said the
  federation's secretary) and a company reporting on its business in a sentence naming no
  other entity ("212 trains were halted, the rail operator Halloran Rail said"); not people
  an event befalls ("its teams pulled 14 people from the snow") nor "nine of them";
- in a report of a strike, weapons are the attacker's and the losses the attacker's
  nearness alone would give it are the place struck (:mod:`claims.sides`);
- turnout, votes cast, invalid or spoiled votes, ballots and districts are the voting
  place's, not the party named nearest.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from claims.attribution import Attribution
from claims.cues import Hit
from claims.entities import EntityChooser
from claims.names import body_kinds
from claims.quantities import Quantity
from claims.sentences import Span
from claims.sides import attackers, counts_weapons, side_owns

#: figures counting a whole electorate (entities: the place voting, not a party)
_ELECTORATE_NOUNS = frozenset(
    [
        "ballots",
        "papers",
        "ballot papers",
        "districts",
        "constituencies",
        "wards",
        "precincts",
        "polling stations",
    ]
)
#: words of a clause counting the whole electorate: "Turnout was 61%", "2,940 were declared
#: invalid", "6,180 papers were spoiled"
_TURNOUT = re.compile(r"\b(?:[Tt]urnout|invalid|spoil(?:ed|t))\b")
_TURNOUT_HINTS = ("urnout", "invalid", "spoil")
#: "318,000 votes were cast": all the votes, not a party's
_VOTES_CAST = re.compile(r"\s+(?:were\s+|had\s+been\s+)?cast\b")
#: the name of a body reporting on its own country ("Ministry of Health", "statistics office")
_DOMESTIC_BODY = re.compile(
    r"(?i:\b(?:health|statistics?|census|interior|education|labou?r|"
    r"agriculture|finance|transport|housing)\s+(?:ministry|department|office|agency|authority|"
    r"commission|institute|service|board)\b|\b(?:ministry|department)\s+of\s+(?:public\s+)?"
    r"(?:health|statistics|education|labou?r|agriculture|finance|transport|housing)\b)"
)
#: lower-case words describing the name after them: "the rail operator Halloran Rail"
_DESCRIPTION = re.compile(r"(?:\b[a-z]+\s+){1,3}$")
_DESCRIPTION_REACH = 40
#: "24 of the 51 seats", "22 of the assembly's 65 seats": the whole chamber, whose size is
#: the place's ("18 of its 96 seats" are the party's own)
_OF_THE_CHAMBER = re.compile(r"\d\s+(?:out\s+)?of\s+the\s+(?:[\w-]+['’]s\s+)?$")
_CHAMBER_REACH = 40


#: people an event befalls: a claimant's "its teams pulled 14 people from the snow" counts
#: the place's people, not the claimant's own (as "it had opened 12 shelters" does)
_PEOPLE_AFFECTED = frozenset(
    [
        "people",
        "persons",
        "civilians",
        "residents",
        "guests",
        "tourists",
        "passengers",
        "villagers",
        "inhabitants",
        "children",
        "hikers",
        "skiers",
        "climbers",
        "migrants",
        "refugees",
        "casualties",
        "victims",
        "dead",
        "injured",
        "wounded",
        "missing",
        "bodies",
    ]
)
#: in a quotation, the speaker talking of its own ("We have not had a rise in six years")
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
#: "nine of them": a part of a group counted before, whose entity it shares
_PART_OF_GROUP = re.compile(r"\s+of\s+(?:them|those|whom)\b")
#: "more than 1,800 of its soldiers", "five of its own soldiers": the claimant's
_OF_ITS_OWN = re.compile(r"\s+of\s+(?:its|their)\s")


class EntityRoles:
    """The entity of each figure of one text: the chooser's, corrected by role."""

    def __init__(
        self, text: str, chooser: EntityChooser, hits: Sequence[Hit], entity_keys: Container[str]
    ) -> None:
        self.text = text
        self.chooser = chooser
        self.entity_keys = entity_keys
        self.attackers = attackers(text, hits)
        self._mentions_turnout = any(hint in text for hint in _TURNOUT_HINTS)
        self._businesses: dict[tuple[str, tuple[Span, ...]], bool] = {}

    def entity(
        self,
        index: int,
        quantity: Quantity,
        clause: Span,
        sentence: Span,
        attribution: Attribution | None,
    ) -> str | None:
        """The entity key of figure ``index`` (the module docstring says how), or None."""
        entity = self.chooser.choose(index, clause, sentence)
        speaker = None
        if attribution is not None and self._domestic_body(attribution):
            # the country in the body's name, not the body: "Lissmark's Ministry of Health"
            speaker = self.chooser.speaker(
                index, clause, attribution.names, None, self.entity_keys, shortest=True
            )
        elif attribution is not None and self._claimants_own(quantity, sentence, attribution):
            speaker = self.chooser.speaker(
                index, clause, attribution.names, attribution.source, self.entity_keys
            )
        if self.attackers and not self.chooser.has_own_alias(index):
            # weapons are the attacker's even when a defender counts them as its own kills
            entity = self._side(quantity, clause, sentence, speaker or entity, speaker is None)
        else:
            entity = speaker or entity
        noun = (quantity.noun or "").lower()
        if (
            noun in _ELECTORATE_NOUNS
            or (noun == "votes" and _VOTES_CAST.match(self.text, quantity.end))
            or (
                noun == "seats"
                and _OF_THE_CHAMBER.search(
                    self.text, max(quantity.start - _CHAMBER_REACH, 0), quantity.start
                )
                is not None
            )
            # most texts never say "turnout": one substring test spares a search per figure
            or (self._mentions_turnout and _TURNOUT.search(self.text, *clause))
        ):
            # turnout, ballots cast and spoiled papers are the voting place's, not a party's
            entity = self.chooser.for_electorate(entity)
        return entity

    def _claimants_own(self, quantity: Quantity, sentence: Span, attribution: Attribution) -> bool:
        """Whether ``quantity`` counts something of its claimant's own (module docstring)."""
        if _OF_ITS_OWN.match(self.text, quantity.end):
            return True
        speaks_of_itself = (
            (attribution.itself and quantity.start >= attribution.end)
            or self._in_first_person_quote(quantity.start, sentence)
            or self._business_reporting(attribution, sentence)
        )
        return (
            speaks_of_itself
            and (quantity.noun or "").lower() not in _PEOPLE_AFFECTED
            and not _PART_OF_GROUP.match(self.text, quantity.end)
        )

    def _side(
        self,
        quantity: Quantity,
        clause: Span,
        sentence: Span,
        entity: str | None,
        by_nearness: bool,
    ) -> str | None:
        """``entity`` corrected for a strike (see claims.sides): weapons are the attacker's,
        and what only the attacker's nearness gave it (``by_nearness``) is the place struck."""
        if counts_weapons(quantity.noun, self.text, clause):
            return next(iter(self.attackers)) if len(self.attackers) == 1 else entity
        if by_nearness and entity in self.attackers and not side_owns(quantity.noun):
            topic = self.chooser.topic
            return self.chooser.place_in(sentence, self.attackers) or (
                topic if topic not in self.attackers else entity
            )
        return entity

    def _domestic_body(self, attribution: Attribution) -> bool:
        """Whether the claimant is a body counting its own country's people and services
        ("Lissmark's Ministry of Health said 164 cases had been confirmed", "the ministry has
        ordered 20,000 doses"): its country, named in its name, is what the figures are
        about. Armies, spy agencies, foreign ministries and electoral commissions count
        others (an enemy's troops, a party's votes), so they are not."""
        return any(_DOMESTIC_BODY.search(self.text, start, end) for start, end in attribution.names)

    def _business_reporting(self, attribution: Attribution, sentence: Span) -> bool:
        """Whether a company or an operator reports on its own business in a sentence naming
        no other entity ("212 trains were halted, the rail operator Halloran Rail said";
        "The company said 310 megawatts had been restored"). Governments, agencies and
        commissions report on others (a country's troops, a party's votes), so only the
        kind "business" (claims.names.body_kinds) counts."""
        if self.chooser.names_any(sentence):
            return False
        key = (attribution.anaphor, attribution.names)
        known = self._businesses.get(key)
        if known is None:
            # the claimant of a sentence stands by every figure of it: judged once
            words = [attribution.anaphor]
            for start, end in attribution.names:
                # and the description right before a name: "the rail operator Halloran Rail"
                described = _DESCRIPTION.search(
                    self.text, max(start - _DESCRIPTION_REACH, 0), start
                )
                words.append(self.text[described.start() if described else start : end])
            known = self._businesses[key] = "business" in body_kinds(" ".join(words))
        return known

    def _in_first_person_quote(self, offset: int, sentence: Span) -> bool:
        """Whether ``offset`` stands in a quotation of the sentence that has said "we" or
        "our" before it: the speaker's own figure ("We have not had a real rise in six
        years," said the federation's secretary)."""
        before = self.text[sentence[0] : offset]
        curly = before.rfind("“")
        if curly >= 0 and before.rfind("”") < curly:
            return _FIRST_PERSON.search(before, curly) is not None
        if before.count('"') % 2:
            return _FIRST_PERSON.search(before, before.rfind('"')) is not None
        return False
