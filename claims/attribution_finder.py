"""Attribution phrases in one sentence: who made a claim and who passed it on.

Attribution patterns recognised in a sentence (NAME is a run of capitalised words joined by
"of", "for", "and", "the", or a source alias from the vocabulary, optionally followed by a
role word such as "officials" or "intelligence"):

==========================================  ==============================================
"according to NAME"                         source NAME
"NAME (also|further|would|has since ...)    source NAME; between NAME and verb may come
said|says|reported|estimates|stated|        "(NASDAQ: X)", ", the ...,", ", who ...,",
                                            ", led by ...,",
confirmed|noted|claimed|believes|expects|   ", OTHER NAME," (an alias there counts when
forecast|predicts|warns|..."                NAME has none)
"The governor, NAME, said", "X's army       source: an alias in the role phrase or NAME,
chief, NAME, said", "her coach, NAME, said" else NAME as written
"NAME denied it and (last year) said ...",  source: the sentence's opening subject (an
"NAME ..., saying|telling|adding ..."       alias in its first 40 characters, or a name of
                                            two or more capitalised words not opening with
                                            a preposition, or a pronoun); only when no
                                            attribution comes earlier
"the target set|given|estimated by NAME",   source NAME
"a survey|poll|projection|data by|from
NAME", "according to a survey of 40 shops
(carried out in May) by NAME", "published
by marine biologists at NAME"
"the data|figures|survey|it showed|found"   an anaphor (below); "Video showed" is no claim
"..., said NAME", '...," said NAME'         source NAME
"NAME (now|had) put(s) X at N"              source NAME (only with "at" and a figure:
                                            "Russia put troops on the front" is no claim)
"NAME's report|assessment|estimate|data"    source NAME ("Seoul's report" -> "Seoul")
"REL reports, citing NAME",                 source NAME, reported_by REL
"REL, citing NAME, said", "according to
REL, which cited NAME", "citing two
officials in NAME"
"NAME told REL"                             source NAME, reported_by REL ("told reporters":
                                            no relay)
"as reported by REL"                        reported_by REL of the sentence's claim; the
                                            source itself when nobody else is named
"the figures read: the NIS 12,000, the      each NAME the figure right after it (two items
Pentagon 10,000", "put it at 40, the army   and a word of claiming before them; vocabulary
at 55"                                      sources only)
"attributed to NAME"                        source NAME
"a NAME assessment shared with|seen by      source NAME, reported_by REL
REL said"
"NAME is demanding|has offered|wants|       source NAME, and NAME stays the figure's entity
promised|proposed ..."                      (a side's own position), as in "NAME said it
                                            had ..."
"it|they|the agency|the official|a         an anaphor, resolved by
spokesman|its director ... said|added|..."  :mod:`claims.attribution` ("..., its director
                                            said": the sentence's opening subject)
==========================================  ==============================================

A name maps to a source key through the longest vocabulary alias inside it; an unknown
name is kept as written, trimmed of "the", titles ("President", "Maj. Gen.") and a
possessive "'s". Pronouns and bare "officials" are never names: they continue an earlier
attribution. Base verb forms ("say", "estimate") need a plural subject, so "the American
estimate" is a noun phrase, not a claim by "American".

Resolving anaphors and carrying attributions between sentences is :mod:`claims.attribution`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from claims.cues import FormMatcher, Hit, fold_case, trie_pattern
from claims.names import (
    ANAPHOR_NOUNS,
    DEFINITE_ONLY,
    DOCUMENT_ANAPHORS,
    anaphor_key,
    clean_name,
    is_anaphor,
    is_described_anaphor,
)
from claims.numbers import SCALES, TEENS, TENS, UNITS
from claims.sentences import Span

#: verbs of a side's position, a claim about itself: "the union is demanding 8%", "Gannet has
#: offered 4.5%"; their subject still counts as what the figure is about
POSITION_VERBS = (
    "demands|demanded|is demanding|are demanding|offered|offers|is offering|are offering|"
    "argued|argues|proposed|proposes|promised|promises|pledged|pledges|wants|seeks|sought|"
    "is seeking|are seeking|called for|calls for|asked for|asks for"
)
_POSITION_VERBS = frozenset(POSITION_VERBS.split("|"))
#: a claimant speaking of itself: "The regional government said it had opened 12 shelters"
_ABOUT_ITSELF = re.compile(
    rf"\s+(?:(?:us|reporters)\s+)?(?:that\s+)?(?:it|its|the\s+(?:{ANAPHOR_NOUNS})(?:['’]s)?)\s"
)
VERBS = (
    "said|says|say|reported|reports|report|estimated|estimates|estimate|stated|states|"
    "confirmed|confirms|confirm|noted|notes|claimed|claims|claim|told|tells|believes|believe|"
    "believed|indicated|indicates|indicate|added|adds|highlighted|highlights|announced|"
    "announces|suggested|suggests|assessed|assesses|warned|warns|revealed|reveals|disclosed|"
    "discloses|wrote|writes|concluded|concludes|put|puts|putting|showed|shows|show|found|finds|"
    "recorded|records|registered|registers|counted|counts|logged|expects|expected|expect|"
    "forecast|forecasts|projected|projects|predicted|predicts|predict|warn|estimating|"
    + POSITION_VERBS
)
#: verbs that attribute only when a document is their subject ("the data showed"); "Video
#: showed 50 soldiers" names no claimant
_DOCUMENT_VERBS = frozenset(["showed", "shows", "show", "found", "finds"])
#: what may show or find: a document, or "it" standing for one ("It found that ...")
_DOCUMENT_SUBJECTS = DOCUMENT_ANAPHORS | {"it", "they"}
#: verbs that are also nouns: "reports suggest" is not "reports" said by someone
_NOUN_VERBS = frozenset(
    [
        *("reports", "report", "claims", "claim", "estimates", "estimate", "notes", "states"),
        *("forecast", "forecasts", "projects"),
    ]
)
#: base forms follow only a plural subject ("officials say"); "the American estimate" is a noun
_BASE_FORMS = frozenset(
    [
        *("say", "report", "estimate", "claim", "confirm", "believe", "indicate", "expect"),
        *("predict", "warn"),
    ]
)
_PLURAL_SUBJECT = re.compile(r"(?:s|[Tt]hey|[Ww]e|people|staff|intelligence|military)$")
#: plural people before a body that speaks for them: "Astronomers at the X Observatory say"
_PEOPLE_AT = re.compile(r"\b[A-Za-z]+s\s+(?:at|from|with)\s+$")
_NOUN_VERB_FOLLOWER = re.compile(r"\s+(?:suggest|say|show|indicate|put|point|claim|estimate)")
#: verbs of stating that also mean gaining, and the amount that makes them a gain
_GAIN_VERBS = frozenset(["added", "adds", "add"])
_AMOUNT_AFTER = re.compile(r"\s+(?:another\s+|a\s+further\s+|some\s+|about\s+)?[$€£¥]?\d")
#: "put" attributes only an estimate: "the JCS put casualties at about 1,100", not
#: "Russia put troops on the front line"
_PUT_VERBS = frozenset(["put", "puts", "putting"])
#: verbs whose claim is the figure after "at": "put the crowd at 6,500", "estimating it at 40"
_AT_VERBS = _PUT_VERBS | {"estimated", "estimates", "estimate", "estimating"}
#: a character of the same sentence: a full stop only inside a number ("46.2%")
_IN_SENTENCE = r"(?:[^.;]|\.(?=\d))"
#: a figure in digits or in words ("at 1,100", "at several hundred", "at twelve")
_FIGURE_START = rf"(?:[$€£¥₩\d]|(?:{trie_pattern([*UNITS, *TEENS, *TENS, *SCALES])})s?\b)"
_PUT_ESTIMATE = re.compile(
    rf"{_IN_SENTENCE}{{0,80}}?\bat\s+[\"“]?(?:[a-z]+\s+){{0,3}}{_FIGURE_START}"
)
#: hedge words a listed figure may carry ("the army at around 55")
_LIST_HEDGE = (
    r"(?:(?:about|around|roughly|some|nearly|almost|approximately|over|under|just\s+over|"
    r"at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|up\s+to|as\s+many\s+as|"
    r"close\s+to|several|a\s+few)\s+)?"
)
#: verbs that set a figure "at" a value: a lone listed item "the army at 55" follows one
_AT_ESTIMATE = re.compile(r"\b(?:put|puts|putting|estimated|estimating|estimates|placed|pegged)\b")
#: words before a list that make its names claimants: "the estimates now read: the NIS 12,000";
#: without them the names are what the figures are about ("Carrick Ports 2.4%")
_CLAIM_CONTEXT = re.compile(
    r"\b(?:estimates?|estimated|estimating|figures?|counts?|tall(?:y|ies)|put|puts|putting|"
    r"placed|pegged|according|said|says|reported|claimed|claims|assessments?|reckon(?:s|ed)?)\b"
)
#: a sentence naming the claimant of the figure before it: "That figure came from X"
_BACK_REFERENCE_HINT = re.compile(r"\W*(?:That|This|The|Those|These)\s")
_BACK_REFERENCE = (
    r"\W*(?:That|This|The|Those|These)\s+(?:(?:latest|earlier|higher|lower|new|first|initial|"
    r"original|last|same)\s+)?(?:figures?|estimates?|numbers?|count|tally|toll|totals?|"
    r"assessments?|claims?|reports?|data|statistics)\s+"
    r"(?:(?:had|has|have)\s+)?(?:(?:came|comes|come)\s+from|(?:was|were|is|are)\s+(?:(?:provided|"
    r"supplied|given|released|issued|put\s+out|compiled)\s+by|attributed\s+to|from))\s+"
    r"(?:the\s+)?"
)
_ADVERBS = (
    r"also|further|later|previously|earlier|separately|recently|now|again|publicly|has|have|"
    r"had|reportedly|first|officially|then|would|will|could|can|may|might|did|does|should|must|"
    r"not|only|today|yesterday|since|meanwhile|already|still|just|repeatedly|privately"
)
_ROLES = (
    r"officials?|intelligence|military|authorities|sources|spokesman|spokeswoman|spokesperson|"
    r"officers?|agency|ministry|government|leaders?|commanders?|army|forces|lawmakers?|analysts?"
)
_MODALS = re.compile(r"\b(?:would|will|could|can|may|might|did|does|do|should|must)\b")
#: who a person is before their name: "The governor, Anna Velde, said"; a person's role
TITLE_NOUNS = (
    r"governor|mayor|minister|spokes(?:man|woman|person)|chief|commander|head|director|"
    r"president|official|ambassador|secretary|commissioner|chair(?:man|woman)?|executive|"
    r"leader|envoy|adviser|advisor|officer|general|analyst|economist|researcher|surgeon|doctor|"
    r"coach|manager|captain|lawyer|founder|owner|principal|professor|editor|[a-z]+ist"
)
_TITLE_NOUN = re.compile(TITLE_NOUNS)
#: a run of word characters (matched on reversed text to find the one ending a stretch),
#: and how far before a comma to look for it
_WORD_RUN = re.compile(r"\w+")
_TITLE_REACH = 40
_POSSESSIVE_PRONOUN = r"(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)"
_ANAPHOR = (
    rf"(?:[Tt]he\s+(?:[a-z]+\s+)?(?:{ANAPHOR_NOUNS})\b|[Ii]t|[Tt]hey|[Hh]e|[Ss]he|[Oo]fficials"
    r"|[Aa]n?\s+(?:spokes(?:man|woman|person)|official)"
    rf"|{_POSSESSIVE_PRONOUN}\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{TITLE_NOUNS}|{ANAPHOR_NOUNS})\b)"
)
#: a statement verb that shares the subject of an earlier verb: "denied it and said ...",
#: "..., telling reporters that ..."
_PARTICIPLES = "saying|telling|adding|noting|arguing|warning|claiming|estimating|insisting"
_ELLIPTIC_VERB = (
    r"\s+(?:(?:also|later|then|further|(?:last|this|on)\s+[A-Za-z]+)\s+)?"
    r"(?:said|says|told|added|adds|warned|warns|estimated|estimates|insisted|claimed|stated|"
    r"noted|put|reported|announced|expects|expected)\b"
)


def _literal_led(*alternatives: str) -> str:
    """``alternatives`` ("and" + rest, ...) as one alternation that Python's engine scans fast.

    An alternation whose every branch opens with a plain character lets the engine skip to
    those characters instead of trying the pattern at every position; so a word's first
    letter comes first and the word boundary before it is checked after it (``(?<!\\w.)``:
    no word character before that letter), which matches what ``\\b`` + word would.
    """
    led = []
    for alternative in alternatives:
        first, rest = alternative[0], alternative[1:]
        boundary = r"(?<!\w.)" if first.isalnum() else ""
        led.append(re.escape(first) + boundary + rest)
    return "|".join(led)


_ELLIPTIC = re.compile(
    _literal_led(f"and{_ELLIPTIC_VERB}", f"but{_ELLIPTIC_VERB}", rf",\s*(?:{_PARTICIPLES})\b")
)
_DEFINITE = re.compile(r"[Tt]he\s")
_OWNED_TAIL = re.compile(r"['’]s(?:\s+[a-z][\w-]*)+$")
_PRONOUNS = frozenset(["it", "he", "she", "they"])
#: where a main clause of its own opens: "...; Ashcombe City Buses has offered 4%, which it
#: says ..." ("it" is the company), not "from what Moscow offers recruits, who it said ..."
_CLAUSE_OPENING = re.compile(r"(?:[;:]|\b(?:and|but|while|whereas))\s+(?:the\s+)?$")
#: how far after its verb a subject pattern may reach: "told the Korea JoongAng Daily"
_RELAY_REACH = 80
_PREPOSITIONS = frozenset(
    [
        *("In", "At", "On", "From", "By", "For", "After", "Before", "During", "Since", "Under"),
        *("Over", "With", "Without", "Near", "Across", "Inside", "Outside", "Through"),
        *("Throughout", "Despite", "Until", "Amid", "Among", "Along", "Around", "Beyond"),
    ]
)
_OPENING_PRONOUN = re.compile(r"\s*[\"“]?(?P<pronoun>It|They|He|She)\b")
#: how far into a sentence its subject may start ("The island's governor", "Analysts at X")
_OPENING_REACH = 40
_OPENING_GAP = re.compile(
    # a dateline ("LEEDSTON, Feb. 17, 2025 -- "), then capitalised words and small words,
    # lower-case words only after a possessive ("Ukraine's defence minister, ")
    r"\s*(?:[A-Z][A-Z .]+,[^\n]{0,40}?(?:--|[—–-])\s+)?[\"“]?"
    r"(?:(?:[A-Z][\w'’.-]*|the|a|an|of|at|in|for|from|and)(?:['’]s(?:\s+[a-z][\w-]*){0,3})?"
    r",?\s+)*"
)
_DOCUMENTS = (
    "report|reports|assessment|assessments|estimate|estimates|statement|data|analysis|figures|"
    "briefing|findings|tally|count"
)
_DOCUMENT_ADJECTIVES = (
    "latest|new|own|recent|initial|preliminary|updated|official|annual|intelligence|internal"
)
#: a capitalised word; its possessive "'s" only when another capitalised word follows
#: ("South Korea's Joint Chiefs"), so that "Seoul's report" leaves the "'s" outside
_CAPITALISED = r"(?:[A-Z][\w.\-]*(?:['’]s(?=\s+[A-Z]))?|\([A-Z][\w.\-]*\))"
_VERB_TRIE = trie_pattern(VERBS.split("|"))
#: words that announce an attribution; a sentence without any is not parsed further
_FIGURE_WORDS = trie_pattern(["figure", "estimate", "count", "tally", "assessment"])
_SURVEYS = trie_pattern(["survey", "poll", "study", "census", "count", "review", "analysis"])
_PASSIVE_BY = "set given estimated provided issued published released compiled conducted"
_AUTHORED_DOCUMENTS = (
    "survey surveys poll polls study studies results projection projections statistics "
    "figures data report reports analysis assessment estimate estimates"
)
# tries rather than flat alternations: the trigger scan tries them at many positions
_AUTHORED = (
    rf"(?:(?:{trie_pattern(_PASSIVE_BY.split())})(?:\s+(?:on|in|last|this)\s+\w+)?\s+by"
    # "Data from the weather bureau showed": the document may open the sentence
    rf"|(?:{trie_pattern(_AUTHORED_DOCUMENTS.split() + _AUTHORED_DOCUMENTS.title().split())})"
    r"\s+(?:(?:released|published|compiled|"
    r"issued|conducted)\s+)?(?:by|from))"
)
#: a document passed to a relay: "A Ukrainian intelligence assessment shared with the FT said"
_SEEN_BY = "shared with|seen by|obtained by|reviewed by|given to|sent to"
_SEEN_BY_PATTERN = _SEEN_BY.replace(" ", r"\s+")
#: the words that announce an attribution, and which patterns they can start
_TRIGGER_KINDS: dict[str, str] = {
    **dict.fromkeys(VERBS.split("|"), "verb"),
    **dict.fromkeys(_PARTICIPLES.split("|"), "participle"),
    "citing": "citing",
    "cited": "citing",
    "attributed to": "attributed",
    **dict.fromkeys(_SEEN_BY.split("|"), "seen_by"),
    "according to": "according",
    # words that may open a list of claimants and their figures ("the figures now read: the
    # Pentagon 10,000, the NIS 11,000"); they start no other pattern
    **dict.fromkeys(["figures", "numbers", "tallies", "counts"], "context"),
    **{f"{word} of": "figure_of" for word in ("figure", "estimate", "count", "tally")},
    **{f"{word} by": "authored" for word in _PASSIVE_BY.split()},
    **dict.fromkeys(["published", "released", "compiled", "conducted", "issued"], "authored"),
    **{
        f"{document} {by}": "authored"
        for document in _AUTHORED_DOCUMENTS.split() + _AUTHORED_DOCUMENTS.title().split()
        for by in ("by", "from")
    },
}
_TRIGGER_FIRST = "".join(sorted({word[0] for word in _TRIGGER_KINDS} | {"A", "'", "’"}))
#: one trie of every trigger word (the scan runs over whole texts, and a trie fails at most
#: positions after a character or two), plus the possessive "X's report"
TRIGGER = re.compile(
    rf"(?=[{_TRIGGER_FIRST}])(?:\b(?P<word>{trie_pattern(_TRIGGER_KINDS, ['according to'])})\b"
    # the possessive consumes only its "'s": the words after it may be a verb ("the UN's
    # office estimates that ...") that the scan must still see
    rf"|(?P<possessive>['’]s(?=\s+(?:\w+\s+){{0,2}}(?:{_DOCUMENTS})\b)))"
)


def trigger_kind(match: re.Match[str]) -> str:
    """The kind of a :data:`TRIGGER` match: "verb", "according", "authored", ..."""
    if match.lastgroup == "possessive":
        return "possessive"
    word = match.group()
    # fold_case (slower) only for other spellings: case-blind matching also lets
    # "According to" and "accordİng to" through
    return _TRIGGER_KINDS.get(word) or _TRIGGER_KINDS.get(fold_case(word), "")


#: a comma (or a quotation's last mark) before an inverted statement verb: ', said X',
#: '...," said X', '...?" said X'
_INVERTED_START = r"(?:,[\"”’']?|[?!][\"”’'])\s*"
_INVERTED_VERBS = r"(?:said|says|reported|added|noted|stated|wrote)"
#: after an inverted claimant: not a verb, which would make the name the subject of what
#: is said ("Dr Lowell, the observatory's head, said Orrin rotates every 5.2 hours", "Sarah
#: Imrie, its chief executive, said the council had cut ...")
_NOT_A_SUBJECT = (
    r"(?!\s+(?:had|has|have|was|were|is|are|would|will|could|can|may|might|must|should|did|"
    r"does|do|(?!as\b|this\b|across\b|towards\b|besides\b|plus\b|thus\b)[a-z]{2,}(?:s|ed))\b)"
)
#: the cheap test for :data:`_INVERTED_START` + verb, written for a fast scan (see _literal_led)
_INVERTED_HINT = re.compile(
    _literal_led(
        rf",[\"”’']?\s*{_INVERTED_VERBS}\s",
        *(rf"{mark}[\"”’']\s*{_INVERTED_VERBS}\s" for mark in "?!"),
    )
)

#: "according to Article 4 of the agreement" cites a document's clause, not a claimant
_DOCUMENT_PART = re.compile(r"(?:Article|Section|Clause|Chapter|Paragraph|Annex|Part)\b")
_NOT_RELAYS = frozenset(["congress", "parliament", "senate", "rada", "national", "assembly"])


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution in a sentence: who claims, who relays, and where the names are."""

    start: int
    end: int
    source: str | None
    reported_by: str | None = None
    #: spans of the names in the phrase (entity aliases inside them are not what a figure
    #: is about: "Seoul's report" does not make a figure South Korean)
    names: tuple[Span, ...] = ()
    #: "it said", "the agency added": stands for an earlier attribution
    anaphoric: bool = False
    #: the anaphor as written, lower case and trimmed ("agency", "it"), when anaphoric
    anaphor: str = ""
    #: when set, the attribution covers only a figure starting in this span ("the NIS
    #: figure of 1,100" says whose the 1,100 is, and nothing about the sentence's others)
    scope: Span | None = None
    #: the source key of a vocabulary alias spelt like the anaphor ("the pollster"), the
    #: last resort when no earlier claimant fits
    alias: str | None = None
    #: a claimant that is also what the sentence is about, so its name does not stop it being
    #: a figure's entity: the sentence's opening subject credited through a later verb
    #: ("Penhallow employs 1,150 people and reported ..."), or a side stating its own
    #: position ("Kerrow Terminals has offered 4.5%") or speaking of itself ("the council
    #: said it had opened 12 shelters")
    opening: bool = False
    #: a claimant speaking of itself or stating its own position ("the council said it had
    #: opened 12 shelters", "the union wants 9%"): the figures after it are its own
    itself: bool = False
    #: one name of a list of names each with its figure ("the NIS 12,000, the Pentagon
    #: 10,000"): it counts only when it names a vocabulary source (a list of companies and
    #: their share prices names what the figures are about, not who claims them)
    listed: bool = False


def span_gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(a_start - b_end, b_start - a_end, 0)


def _first_letters(sources: FormMatcher) -> str:
    """Both cases of the first letter of every source alias, for a character class."""
    letters = {form[0] for form in sources.forms() if form[:1].isalpha()} if sources else set()
    return re.escape("".join(sorted({c.lower() for c in letters} | {c.upper() for c in letters})))


class AttributionFinder:
    """Attribution patterns compiled around one vocabulary's source aliases."""

    def __init__(self, sources: FormMatcher) -> None:
        self.sources = sources
        # A name is a vocabulary alias in any case ("the national disaster agency") or a
        # run of capitalised words; testing first characters keeps the scan over text cheap.
        firsts = _first_letters(sources)
        unit = (
            rf"(?:(?=[{firsts}]){sources.alternation}(?![\w])|(?=[A-Z(]){_CAPITALISED})"
            if sources
            else _CAPITALISED
        )
        # atomic: a name is the longest run of such words; never re-split on failure
        name = rf"(?>{unit}(?:\s+(?:(?:of|for|and|the)\s+)*{unit})*)"
        # "Pentagon spokesman Pat Ryder": the organisation's alias names the claimant
        named = (
            rf"{name}(?:\s+(?:{_ROLES})\b){{0,2}}(?:(?:(?<=spokesman)|(?<=spokeswoman))\s+{name})?"
        )
        adverbs = rf"(?:\s+(?:{_ADVERBS}))*"
        # after "by", "according to" or ", said", "the board" names a claimant too
        named_or_anaphor = rf"{named}|(?:{ANAPHOR_NOUNS})\b"
        # "the UN's humanitarian office says": the owner names the claimant
        owned = r"(?:['’]s(?:\s+[a-z][\w-]*){1,3}?)?"
        # "John Kirby, the White House spokesman, would say": the appositive's alias counts
        # when the name itself has none
        appositive = (
            rf"(?:\s*\([^()]{{1,40}}\))?"
            # "Lind, who won the first round with 39.6% of the vote, has promised": a full stop
            # inside a number stays in the clause
            # "Kyrylo Budanov, head of Ukraine's military intelligence, said"
            rf"(?:\s*,\s*(?P<appositive>(?:the|a|an|who|which|led\s+by|(?:{TITLE_NOUNS})\s+of)\s+"
            rf"(?:[^,.;]|\.(?=\d)){{1,80}}|{name}),)?"
            # an age: "Hearth leader Dara Quinlan, 44, told supporters"
            r"(?:\s*,\s*\d{1,3}\s*,)?"
        )
        self.subject = re.compile(
            rf"(?<![\w'’])(?=[A-Z{firsts}]|(?:(?:the|it|its|they|their|he|his|she|her|officials)\b|an?\s+(?:spokes|official)))"
            rf"(?P<name>(?:the\s+)?{named}{owned}|{_ANAPHOR}{owned}){appositive}"
            rf"{adverbs}\s+(?P<verb>{_VERB_TRIE})\b"
            rf"(?:(?<=told)\s+(?:the\s+)?(?P<relay>{name}))?"
        )
        # "The governor, Anna Velde, said", "Ukraine's military intelligence chief, Kyrylo
        # Budanov, said": the role phrase and the name both name the claimant
        self.titled = re.compile(
            rf"(?<![\w'’])(?P<role>(?:(?:[Tt]he|[Aa]n?|{_POSSESSIVE_PRONOUN})\s+|(?:[A-Z][\w.\-]*\s+){{0,3}}[A-Z][\w.\-]*['’]s\s+)"
            rf"(?:[\w'’-]+\s+){{0,3}}?"
            rf"(?:{TITLE_NOUNS}))\s*,\s*(?P<name>{named})\s*,{adverbs}\s+(?P<verb>{_VERB_TRIE})\b"
        )
        # "the 75% target set by the WHO", "a projection by the pollster"
        self.authored = re.compile(
            rf"\b{_AUTHORED}\s+(?:(?:a\s+team|(?:[a-z]+\s+)?[a-z]+(?:ists|ers|ians|ors|s))\s+"
            rf"(?:at|from)\s+)?(?:the\s+)?(?P<name>{named_or_anaphor})"
        )
        # "was put at more than 60 by the city council", "Turnout was put at 46% by the board"
        # "put at 19 by the emergency service and at 23 by the governor": the second figure
        # and claimant continue the first "put ... at"
        self.put_by = re.compile(
            rf"(?:\b(?:put|estimated|given)|\band|,)\s+at\s+{_IN_SENTENCE}{{1,60}}?\bby\s+"
            rf"(?:(?:an?|the)\s+)?"
            # the rank belongs to the name: "a senior U.S. military official" may be an alias
            rf"(?P<name>(?:(?:senior|top|unnamed|anonymous)\s+)?(?:{named_or_anaphor}"
            # "the emergency service": a body described by its kind
            rf"|[a-z]+\s+(?:{ANAPHOR_NOUNS})\b))"
        )
        self.opening_name = re.compile(rf"(?:[Tt]he\s+)?(?P<name>{named})")
        # "according to figures from the health service" credits the publisher of the data
        self.according = re.compile(
            rf"\b[Aa]ccording\s+to\s+(?:(?:the\s+)?(?:{_DOCUMENT_ADJECTIVES}\s+)?"
            rf"(?:{_DOCUMENTS}|statistics)\s+(?:from|by|of|released\s+by|published\s+by)\s+"
            # "according to a survey of 40 shops (carried out in May) by the WFP"
            rf"|(?:the\s+|an?\s+)?(?:{_DOCUMENT_ADJECTIVES}\s+)?(?:{_SURVEYS})\s+of\s+"
            rf"(?:[^,;]|,(?=\d)){{1,80}}?\bby\s+)?"
            rf"(?:the\s+)?(?P<name>{named_or_anaphor})"
        )
        self.inverted = re.compile(
            rf"{_INVERTED_START}{_INVERTED_VERBS}\s+(?:the\s+)?"
            # "said chief executive Harriet Quayle": a title before the name
            rf"(?:(?:[a-z]+\s+)?(?:{TITLE_NOUNS})\s+(?=[A-Z]))?"
            rf"(?P<name>{named_or_anaphor}){_NOT_A_SUBJECT}"
        )
        self.possessive = re.compile(
            rf"(?<![\w'’])(?=[A-Z])(?P<name>{name})['’]s\s+(?:(?:{_DOCUMENT_ADJECTIVES})\s+)*"
            rf"(?:{_DOCUMENTS})\b"
        )
        # "rejected the NIS figure of 1,100": a claim quoted as someone's figure
        self.figure_of = re.compile(
            rf"(?<![\w'’])(?P<name>{name})(?:['’]s)?\s+(?:(?:{_DOCUMENT_ADJECTIVES})\s+)*"
            rf"(?:{_FIGURE_WORDS})\s+of\s+(?=\S)"
        )
        # "Yonhap, which cited the NIS" relays like "Yonhap, citing the NIS"
        self.citing = re.compile(
            rf"\b(?:(?:which|who)\s+)?(?:citing|cited)\s+(?:the\s+|an?\s+)?"
            # "citing two officials in Kalvessa's energy ministry": the body they speak for
            rf"(?:(?:[a-z]+\s+){{0,2}}(?:officials|sources|people|diplomats|staff)\s+"
            rf"(?:in|at|from|of|close\s+to)\s+(?:the\s+)?)?"
            # "citing lawmaker Lee Seong-kweun": the title is no part of the name
            rf"(?:(?:{TITLE_NOUNS}|lawmaker|legislator)\s+)?(?P<name>{named})"
        )
        # "The number first appeared ..., attributed to South Korea's spy agency"
        self.attributed = re.compile(
            rf"\battributed\s+to\s+(?:the\s+)?(?P<name>{named_or_anaphor})"
        )
        # "A Ukrainian intelligence assessment shared with the Financial Times said": the
        # document's author claims, the paper relays
        self.seen_by = re.compile(
            rf"(?<![\w'’])(?:[Aa]n?|[Tt]he)\s+(?:(?:{_DOCUMENT_ADJECTIVES})\s+)*(?P<name>{named})\s+"
            rf"(?:(?:{_DOCUMENT_ADJECTIVES})\s+)*(?:{_DOCUMENTS}|documents?|memo)\s+"
            rf"(?:{_SEEN_BY_PATTERN})\s+(?:the\s+)?(?P<relay>{name})"
        )
        self.relay_before_citing = re.compile(
            rf"(?<![\w'’])(?:the\s+)?(?P<relay>{name}){adverbs}(?:\s+(?:{_VERB_TRIE}))?\s*,\s*$"
        )
        self.reported_by = re.compile(rf"\breported\s+by\s+(?:the\s+)?(?P<name>{name})")
        # "the estimates now read: the NIS 12,000, Ukraine's military intelligence 11,000",
        # "the agency put it at 40, the army at 55": each name claims the figure after it
        self.listed = re.compile(
            rf"(?:(?P<semi>[:;])|,|\band)\s+(?:(?:the|an?)\s+)?"
            # "a senior U.S. military official at several hundred"; after a colon or a
            # semicolon a comma may part name and figure ("; Budanov, approximately 11,000")
            rf"(?P<name>(?:(?:senior|top)\s+)?{named})(?:['’]s)?(?(semi)(?:,\s*|\s+)|\s+)"
            rf"(?P<at>at\s+)?"
            rf"(?=[\"“]?{_LIST_HEDGE}[\"“]?{_FIGURE_START})"
        )
        self.back_reference = re.compile(rf"{_BACK_REFERENCE}(?P<name>{named})")

    def in_sentence(
        self,
        text: str,
        start: int,
        end: int,
        hits: list[Hit],
        kinds: frozenset[str],
        verbs_end: int | None = None,
    ) -> list[Attribution]:
        """The attributions stated in ``text[start:end]``, anaphors unresolved.

        ``kinds`` names the trigger words the sentence holds (see ``TRIGGER``): only the
        patterns they can start are tried. ``verbs_end``, where the sentence's last
        statement verb ends, spares the subject patterns the rest of the sentence.
        """
        found: list[Attribution] = []
        consumed: list[Span] = []
        sentence = text[start:end]  # for cheap substring tests before costlier patterns
        if "seen_by" in kinds:
            for match in self.seen_by.finditer(text, start, end):
                consumed.append(match.span("relay"))
                found.append(self._make(text, match, hits, relay_group="relay"))
        if "citing" in kinds:
            for match in self.citing.finditer(text, start, end):
                relay = self.relay_before_citing.search(text, start, match.start())
                names = [match.span("name")]
                reported_by = None
                if relay:
                    names.append(relay.span("relay"))
                    consumed.append(relay.span("relay"))
                    reported_by = self._name(text, *relay.span("relay"), hits)
                source = self._name(text, *match.span("name"), hits)
                begin = relay.start() if relay else match.start()
                found.append(Attribution(begin, match.end(), source, reported_by, tuple(names)))
        if "verb" in kinds:
            # a subject ends at its verb, or at most a relay's name after it ("told X")
            subject_end = end if verbs_end is None else min(end, verbs_end + _RELAY_REACH)
            for match in self.subject.finditer(text, start, subject_end):
                verb = match["verb"]
                if verb in _NOUN_VERBS and _NOUN_VERB_FOLLOWER.match(text, match.end()):
                    continue
                if verb in _GAIN_VERBS and _AMOUNT_AFTER.match(text, match.end()):
                    # "Arden Mining added 2.7%": a gain, not a statement
                    continue
                if (
                    verb in _BASE_FORMS
                    and not _PLURAL_SUBJECT.search(match["name"])
                    and not _MODALS.search(text, match.end("name"), match.start("verb"))
                    # "Astronomers at the Halvorsen Observatory say"
                    and not _PEOPLE_AT.search(text, max(start, match.start() - 30), match.start())
                ):
                    continue
                if verb in _PUT_VERBS and not _PUT_ESTIMATE.match(text, match.end(), end):
                    continue
                if verb in _DOCUMENT_VERBS and _last_word(match["name"]) not in _DOCUMENT_SUBJECTS:
                    continue
                if any(spans_overlap(match.span("name"), span) for span in consumed):
                    continue
                attribution = self._make(text, match, hits, relay_group="relay")
                if verb in _AT_VERBS:
                    at = _PUT_ESTIMATE.match(text, match.end(), end)
                    if at is not None:
                        # "police estimating the crowd at 6,500 and organisers putting it at
                        # 15,000": the figure after "at" is the claim itself, however near
                        # the next claimant stands
                        attribution = replace(attribution, end=at.end())
                if " ".join(verb.split()) in _POSITION_VERBS or _ABOUT_ITSELF.match(
                    text, match.end()
                ):
                    attribution = replace(attribution, opening=True, itself=True)
                found.append(attribution)
            # most sentences name no role before a comma: test that first, cheaply
            if "," in sentence and _title_before_comma(text, start, subject_end):
                for match in self.titled.finditer(text, start, subject_end):
                    found.append(self._make(text, match, hits, extra_group="role"))
        patterns = []
        if "authored" in kinds:
            patterns.append(self.authored)
        if "verb" in kinds and " by " in sentence:
            patterns.append(self.put_by)
        if "according" in kinds:
            patterns.append(self.according)
        if "attributed" in kinds:
            patterns.append(self.attributed)
        if "verb" in kinds and _INVERTED_HINT.search(text, start, end):
            patterns.append(self.inverted)
        if "possessive" in kinds:
            patterns.append(self.possessive)
        if "figure_of" in kinds:
            for match in self.figure_of.finditer(text, start, end):
                quoted = self._make(text, match, hits)
                # it names the source of the figure right after it, and of no other
                found.append(replace(quoted, scope=(match.end(), match.end() + 1)))
        for pattern in patterns:
            for match in pattern.finditer(text, start, end):
                attribution = self._make(text, match, hits)
                if attribution.source is None or not _DOCUMENT_PART.match(attribution.source):
                    found.append(attribution)
        if "," in sentence or ":" in sentence:
            found.extend(self._listed(text, start, end, hits))
        if "verb" in kinds and "reported by" in sentence:
            for match in self.reported_by.finditer(text, start, end):
                relay_name = self._name(text, *match.span("name"), hits)
                found = _attach_relay(found, relay_name, match)
        found = _deduplicate(found)
        shared_subject = " and " in sentence or " but " in sentence or "participle" in kinds
        if shared_subject or any(a.anaphor in _PRONOUNS for a in found):
            found = self._add_elliptic(text, start, end, hits, found)
        return found

    def _listed(self, text: str, start: int, end: int, hits: list[Hit]) -> list[Attribution]:
        """Names each followed by their own figure in a list ("read: the NIS 12,000, the
        Pentagon 10,000"; "put it at 40, the army at 55"), each scoped to its figure. A list
        needs two such items and a word of claiming before it ("estimates", "put", "said"); one
        item alone counts only with "at" after a verb that sets a figure at a value ("put",
        "estimated")."""
        items = list(self.listed.finditer(text, start, end))
        if not items or not _CLAIM_CONTEXT.search(text, start, items[0].start()):
            return []
        if len(items) < 2:
            item = items[0]
            if not (item["at"] and _AT_ESTIMATE.search(text, start, item.start())):
                return []
        listed = []
        for item in items:
            attribution = self._make(text, item, hits)
            if attribution.source is not None and not attribution.anaphoric:
                scope = (item.end(), item.end() + 1)
                listed.append(replace(attribution, scope=scope, listed=True))
        return listed

    def claimant_of_previous(
        self, text: str, start: int, end: int, hits: list[Hit]
    ) -> Attribution | None:
        """The claimant a sentence opening "That figure came from X" names for the figures
        of the sentence before it, if it opens so."""
        if not _BACK_REFERENCE_HINT.match(text, start, end):
            return None
        match = self.back_reference.match(text, start, end)
        if match is None:
            return None
        attribution = self._make(text, match, hits)
        return attribution if attribution.source is not None or attribution.anaphoric else None

    def _add_elliptic(
        self, text: str, start: int, end: int, hits: list[Hit], found: list[Attribution]
    ) -> list[Attribution]:
        """``found`` plus the claim of a statement verb without a subject of its own
        ("Unions welcomed the move but said ...", "..., telling reporters that ..."), credited
        to the sentence's opening subject when no attribution comes before the verb; and a
        pronoun claimant ("..., he said") replaced by that opening subject when it is named."""
        match = _ELLIPTIC.search(text, start, end)
        if match is not None and not any(
            a.start < match.start() and a.scope is None for a in found
        ):
            opening = self._opening_subject(text, start, match.start(), match.end(), hits)
            if opening is not None:
                found = sorted([*found, opening], key=lambda a: a.start)
        if not any(a.anaphor in _PRONOUNS for a in found):
            return found
        resolved: list[Attribution] = []
        for attribution in found:
            if attribution.anaphor in _PRONOUNS and attribution.start > start:
                # "the union is demanding 9%; the company has offered 4%, which it says ...":
                # the claimant named last before the pronoun, else the opening subject
                named_before = [
                    a
                    for a in resolved
                    if a.source is not None
                    and not a.anaphoric
                    and a.start > start
                    and _CLAUSE_OPENING.search(text, max(start, a.start - 20), a.start)
                ]
                if named_before:
                    last = named_before[-1]
                    attribution = Attribution(
                        attribution.start,
                        attribution.end,
                        last.source,
                        last.reported_by,
                        itself=attribution.itself,
                    )
                else:
                    named = self._opening_subject(
                        text, start, attribution.start, attribution.end, hits, pronouns=False
                    )
                    attribution = named or attribution
            resolved.append(attribution)
        return resolved

    def _opening_subject(
        self,
        text: str,
        start: int,
        limit: int,
        end: int,
        hits: list[Hit],
        *,
        pronouns: bool = True,
    ) -> Attribution | None:
        """The claimant opening the sentence at ``start`` (before ``limit``), as an
        attribution ending at ``end``: an alias in its first characters, a name of two or
        more capitalised words, or (with ``pronouns``) an unresolved pronoun."""
        pronoun = _OPENING_PRONOUN.match(text, start, limit)
        if pronoun:
            if not pronouns:
                return None
            anaphor = pronoun["pronoun"].lower()
            return Attribution(start, end, None, None, (), anaphoric=True, anaphor=anaphor)
        reach = min(start + _OPENING_REACH, limit)
        first = next((hit for hit in hits if start <= hit.start < reach), None)
        # the alias must belong to the opening noun phrase: "Analysts at Harbour Securities
        # said", not "Ukrainian officials rejected the NIS figure and said"
        if first is not None and not _OPENING_GAP.fullmatch(text, start, first.start):
            first = None
        if first is not None:
            return Attribution(
                first.start, end, first.key, None, ((first.start, first.end),), opening=True
            )
        name = self.opening_name.match(text, start, limit)
        if name is not None and name["name"].split(" ", 1)[0] in _PREPOSITIONS:
            return None  # "In Orra, two farmers were treated, it said": a place, not a subject
        # "Ukrainian officials": a name and its role words
        # one capitalised word opening a sentence is as often a common noun ("Hospitals")
        if name is None or " " not in name["name"].strip():
            return None
        span = name.span("name")
        source = self._name(text, *span, hits)
        return Attribution(span[0], end, source, None, (span,), opening=True) if source else None

    def _make(
        self,
        text: str,
        match: re.Match[str],
        hits: list[Hit],
        relay_group: str | None = None,
        extra_group: str = "appositive",
    ) -> Attribution:
        """The attribution of a pattern's match: its ``name`` group, else an alias in its
        ``extra_group`` (an appositive or a role phrase), and the relay if any."""
        name_span = match.span("name")
        extra = match.span(extra_group) if extra_group in match.re.groupindex else (-1, -1)
        # "the board's data show" stands for the board
        written = text[name_span[0] : name_span[1]]
        cleaned = _owner_name(written)
        bare_plural = cleaned.lower() in DEFINITE_ONLY and not _DEFINITE.match(written)
        # "its maker" may be the vocabulary's own name for a claimant
        alias = self._alias(name_span, hits)
        aliased = anaphor_key(cleaned) in _PRONOUNS and alias is not None
        described = alias is None and is_described_anaphor(cleaned)
        if (is_anaphor(cleaned) or described) and extra[0] < 0 and not bare_plural and not aliased:
            return Attribution(
                match.start(),
                match.end(),
                None,
                None,
                (),
                anaphoric=True,
                anaphor=anaphor_key(cleaned),
                alias=self._alias(match.span(), hits),
            )
        names = [name_span] if extra[0] < 0 else [name_span, extra]
        reported_by = None
        if relay_group and match[relay_group]:
            relay_span = match.span(relay_group)
            relay = self._name(text, *relay_span, hits)
            if relay and relay.lower() not in _NOT_RELAYS:
                reported_by = relay
                names.append(relay_span)
        source = self._alias(name_span, hits)
        if extra[0] >= 0 and source is None:
            source = self._alias(extra, hits)
        elif extra[0] >= 0 and _generic(text, name_span, hits) and not _generic(text, extra, hits):
            # "the organisers, the Castelmont Teachers' Union, put ...": the proper name in
            # the appositive says more than a generic alias in lower case
            source = self._alias(extra, hits) or source
        if source is None:
            source = self._name(text, *name_span, hits)
        if source is None and extra[0] >= 0 and extra_group == "appositive":
            source = self._name(text, *extra, hits)
        return Attribution(match.start(), match.end(), source, reported_by, tuple(names))

    @staticmethod
    def _alias(span: Span, hits: list[Hit]) -> str | None:
        """The source key of the longest vocabulary alias inside ``span``, if any."""
        inside = [hit for hit in hits if hit.start >= span[0] and hit.end <= span[1]]
        if not inside:
            return None
        return max(inside, key=lambda hit: (hit.end - hit.start, -hit.start)).key

    def _name(self, text: str, start: int, end: int, hits: list[Hit]) -> str | None:
        """The source key of the longest alias inside the name, else the name as written."""
        alias = self._alias((start, end), hits)
        if alias is not None:
            return alias
        # "Fredville's assessment" names Fredville
        cleaned = _owner_name(text[start:end])
        # a name kept as written is a proper name: "who" matched a source alias ("WHO")
        # only because patterns embed the aliases case-blind
        if not cleaned or is_anaphor(cleaned) or cleaned.islower():
            return None
        return cleaned


def _generic(text: str, span: Span, hits: list[Hit]) -> bool:
    """Whether the vocabulary aliases inside ``span`` (if any) are all written in lower case
    ("organisers", "trade unions"): a kind of claimant rather than a name."""
    return all(
        text[hit.start : hit.end].islower()
        for hit in hits
        if hit.start >= span[0] and hit.end <= span[1]
    )


@functools.lru_cache(maxsize=4096)
def _owner_name(written: str) -> str:
    """``written`` trimmed to a name, an owned tail dropped ("the board's data" -> "board")."""
    return clean_name(_OWNED_TAIL.sub("", written))


def spans_overlap(first: Span, second: Span) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _attach_relay(
    found: list[Attribution], relay: str | None, match: re.Match[str]
) -> list[Attribution]:
    if relay is None:
        return found
    open_claims = [a for a in found if a.reported_by is None and not a.anaphoric]
    if not open_claims:
        return [*found, Attribution(match.start(), match.end(), relay, None, (match.span("name"),))]
    nearest = min(open_claims, key=lambda a: span_gap(a.start, a.end, *match.span()))
    updated = Attribution(
        nearest.start,
        nearest.end,
        nearest.source,
        relay,
        (*nearest.names, match.span("name")),
    )
    return [updated if a is nearest else a for a in found]


def _deduplicate(found: list[Attribution]) -> list[Attribution]:
    kept: list[Attribution] = []
    for attribution in found:
        span = (attribution.start, attribution.end)
        names = attribution.names or (span,)
        clash = any(
            spans_overlap(n, m)
            for other in kept
            for n in names
            for m in (other.names or ((other.start, other.end),))
        )
        if not clash:
            kept.append(attribution)
    return sorted(kept, key=lambda a: a.start)


def _title_before_comma(text: str, start: int, end: int) -> bool:
    """Whether a title noun ("governor", "economist") stands right before a comma in
    ``text[start:end]``; finding the commas first is much cheaper than trying a pattern of
    title nouns at every word."""
    comma = text.find(",", start, end)
    while comma >= 0:
        # reversed, the word before the comma is a match at the start: one attempt, not one
        # per character
        backwards = text[max(start, comma - _TITLE_REACH) : comma].rstrip()[::-1]
        word = _WORD_RUN.match(backwards)
        if word is not None and _TITLE_NOUN.fullmatch(word.group()[::-1]):
            return True
        comma = text.find(",", comma + 1, end)
    return False


def _last_word(name: str) -> str:
    """The last word of a name phrase, lower case ("the board's data" -> "data")."""
    words = name.split()
    return words[-1].lower() if words else ""
