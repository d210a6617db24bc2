"""Name phrases of claimants: trimming to the name as written, and telling anaphors apart."""

from __future__ import annotations

import functools
import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: nouns that, after "the", stand for a source named earlier ("the agency said")
ANAPHOR_NOUNS = (
    "agency|service|ministry|official|officials|spokesman|spokeswoman|spokesperson|department|"
    "office|military|statement|report|assessment|command|government|unit|regiment|analysis|"
    "briefing|intelligence|source|sources|data|figures|survey|poll|study|results|statistics|"
    "board|council|team|party|federation|union|company|operator|firm|group|bank|lender|"
    "carrier|commission|pollster|committee|court|scientists|researchers|authors|directorate|"
    "authority|regulator|institute|university|hospital|inspectorate|watchdog|charity|"
    "association|organisation|organization|foundation|bureau|centre|center|campaign|coalition|"
    "league|club|airline|utility|network|school|prosecutor|prosecutors|tribunal|panel|"
    "tournament|festival|championship|museum|airport|organisers|organizers|retailer|insurer|"
    "manufacturer|maker|carmaker|developer|exchange|trust|fund|clinic|port|guild|observatory|"
    "laboratory|consortium|cooperative|syndicate|judge|coroner"
)
#: anaphors naming a document: they stand for the claimant last cited ("the data showed")
DOCUMENT_ANAPHORS = frozenset(
    ["data", "figures", "survey", "poll", "study", "results", "statistics", "report", "statement"]
)
_GENERIC = _words("it they he she we i this that these those there officials sources")
_DETERMINERS = _words("some many several other two three senior top")
_TITLES = _words(
    """
    president minister secretary spokesman spokeswoman spokesperson chief commander general
    gen maj lt col adm sen senator rep ambassador director dr mr mrs ms prime deputy colonel
    major lieutenant admiral leader head lawmaker
    """
)
_ACRONYM_WITH_DOTS = re.compile(r"(?:[A-Z]\.)+")
_POSSESSIVE = re.compile(r"['’]s$")


# names recur across a text's sentences and across articles: trim each spelling once
@functools.lru_cache(maxsize=4096)
def clean_name(name: str) -> str:
    """A name as written, trimmed of "the", titles, a possessive and end punctuation."""
    words = name.split()
    if words and words[-1].endswith(".") and not _ACRONYM_WITH_DOTS.fullmatch(words[-1]):
        words[-1] = words[-1].rstrip(".")
    words = [word.strip(",;:") for word in words if word.strip(",;:")]
    if words and _POSSESSIVE.search(words[-1]):
        words[-1] = words[-1][:-2]
    while words and (words[0].lower() == "the" or words[0].lower() in _DETERMINERS):
        words = words[1:]
    titles = [i for i, word in enumerate(words[:-1]) if word.lower().rstrip(".") in _TITLES]
    if titles and words[titles[-1] + 1][:1].isupper():
        words = words[titles[-1] + 1 :]
    return " ".join(words)


#: anaphors that stand for the last claimant named, even in an earlier paragraph ("It said",
#: "A spokesman added"); "officials" and "sources" may be new people, so they do not reach
#: back beyond their paragraph
PERSONAL_ANAPHORS = frozenset(
    ["it", "he", "she", "a spokesman", "a spokeswoman", "a spokesperson", "an official"]
)
PLURAL_ANAPHORS = frozenset(["they", "we", "officials", "sources"])


#: plural nouns that stand for an earlier claimant only after "the": "Researchers said"
#: opening a sentence introduces new people, "the researchers said" refers back
DEFINITE_ONLY = frozenset(["scientists", "researchers", "authors"])
_ANAPHOR_NOUN_SET = frozenset(ANAPHOR_NOUNS.split("|"))


#: anaphors that stand for a person, never for a body named before ("she told supporters")
GENDERED_ANAPHORS = frozenset(["he", "she"])
#: "its director said", "her coach added": someone of the body or person just named
POSSESSIVE_PRONOUNS = {"its": "it", "his": "he", "her": "she", "their": "they"}


def is_anaphor(cleaned: str) -> bool:
    """True for names that stand for an earlier source ("it", "the agency", "officials",
    "a spokesman", "its director")."""
    lowered = cleaned.lower()
    return (
        lowered in _GENERIC
        or lowered in PERSONAL_ANAPHORS
        or lowered.removeprefix("a ").removeprefix("an ") in _ANAPHOR_NOUN_SET
        or lowered.split(" ", 1)[0] in POSSESSIVE_PRONOUNS
    )


def is_described_anaphor(cleaned: str) -> bool:
    """True for a lower-case noun phrase ending in an anaphor noun ("city council", "spy
    agency"): a description of a body named elsewhere, unless the vocabulary lists it."""
    words = cleaned.split()
    return len(words) > 1 and cleaned.islower() and words[-1] in _ANAPHOR_NOUN_SET


def names_organisation(name: str) -> bool:
    """True when ``name`` holds a noun only a body has ("provincial electoral office",
    "General Workers' Union"): no "he" or "she" stands for it."""
    return any(word.strip(".,'’").lower() in _ANAPHOR_NOUN_SET for word in name.split())


#: kinds of body by the nouns that name them: an anaphor of one kind does not stand for a
#: body of another ("the company says" is not the workers' guild); nouns of one kind may
#: stand for each other (an intelligence service is "the agency")
_BODY_KINDS = {
    **dict.fromkeys(
        _words(
            """company firm operator carrier airline retailer maker manufacturer carmaker
            lender bank insurer group developer utility"""
        ),
        "business",
    ),
    **dict.fromkeys(_words("union guild federation syndicate"), "labour"),
    **dict.fromkeys(_words("police army navy forces military"), "force"),
    **dict.fromkeys(_words("court tribunal prosecutor prosecutors"), "court"),
    **dict.fromkeys(_words("party campaign coalition"), "party"),
}


def body_kinds(name: str) -> frozenset[str]:
    """The kinds of body the nouns of ``name`` name ("Transit Workers' Guild" -> labour)."""
    words = (word.strip(".,'’").lower() for word in name.split())
    return frozenset(_BODY_KINDS[word] for word in words if word in _BODY_KINDS)


def anaphor_key(cleaned: str) -> str:
    """How an anaphor is resolved: "its director" as "it", others as written, lower case."""
    lowered = cleaned.lower()
    return POSSESSIVE_PRONOUNS.get(lowered.split(" ", 1)[0], lowered)
