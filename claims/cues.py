"""Vocabulary surface forms compiled into matchers, and unit fit between figures and metrics.

Matching rules, shared by metric cues, entity aliases and source aliases:

* word-boundary aware on both sides ("US" never matches inside "USA" or "US$"),
* white space inside a multiword form matches any run of white space,
* case-insensitive, except short all-caps forms ("US", "NIS", "KIA", "U.S."), which match
  only as written so that "us" or "kia" in running text stay ordinary words,
* the longest form wins at a position ("killed and wounded" before "killed").

Compiled matchers are cached per vocabulary fingerprint, so tagging many articles with one
rule file compiles once.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, SupportsFloat, cast

import pint

from claims.tries import trie_pattern
from claims.units import canonical_unit, get_registry
from claims.vocab import Metric, Vocabulary

_ACRONYM = re.compile(r"(?:[A-Z][A-Z0-9]{1,5}|(?:[A-Z]\.){2,4})")
#: pint's own base dimensions: a metric counted in one of these is a measure, not a head count
_PHYSICAL_DIMENSIONS = frozenset(
    [
        "[length]",
        "[mass]",
        "[time]",
        "[temperature]",
        "[current]",
        "[substance]",
        "[luminosity]",
        "[information]",
        "[printing_unit]",
    ]
)


class Hit(NamedTuple):
    """One occurrence of a vocabulary form: its span and the key it belongs to.

    A named tuple: immutable and hashable like a frozen dataclass, and several times
    cheaper to build (one per vocabulary match of every text).
    """

    start: int
    end: int
    key: str


class FormMatcher:
    """Finds the surface forms of a ``key -> forms`` mapping in text (rules in module doc)."""

    def __init__(self, forms_by_key: Mapping[str, Iterable[str]]) -> None:
        self._key_of: dict[str, str] = {}
        self._surface_keys: dict[str, str | None] = {}
        #: normalised all-caps forms -> the only spelling they match
        self._exact: dict[str, set[str]] = {}
        for key, key_forms in forms_by_key.items():
            for form in key_forms:
                normal = _normalise(form)
                if not normal:
                    continue
                self._key_of.setdefault(normal, key)
                if _ACRONYM.fullmatch(form.strip()):
                    self._exact.setdefault(normal, set()).add(" ".join(form.split()))
        #: the forms as a plain trie inside ``(?i:...)``, for embedding in larger patterns: a
        #: fraction of the size of the case-class trie :attr:`pattern` uses (that one is tens
        #: of kilobytes for a few hundred aliases, and a dozen patterns embedding it took
        #: seconds to compile); a trie rather than a flat alternation because Python's regex
        #: engine tries alternatives one by one at every position
        self.alternation = rf"(?i:{trie_pattern(self._key_of)})" if self._key_of else r"(?!x)x"
        # matched on its own at every position, the case-class trie is the faster one
        any_case = trie_pattern((), any_case=self._key_of) if self._key_of else r"(?!x)x"
        firsts = {form[0] for form in self._key_of}
        if firsts and all(char.isalnum() or char == "_" for char in firsts):
            # a cheap first-character test before the trie: most positions fail at once
            first_set = re.escape("".join(sorted(firsts | {c.upper() for c in firsts})))
            start = rf"\b(?=[{first_set}])"
        else:
            start = r"(?<![\w$])"
        self.pattern = re.compile(rf"{start}{any_case}(?![\w$])")

    def forms(self) -> tuple[str, ...]:
        """The normalised surface forms, longest first."""
        return tuple(sorted(self._key_of, key=len, reverse=True))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Every non-overlapping occurrence in ``text[start:end]``, in text order."""
        end = len(text) if end is None else end
        key_of = self.key_of
        hits = []
        for match in self.pattern.finditer(text, start, end):
            key = key_of(match.group())
            if key is not None:
                hits.append(Hit(match.start(), match.end(), key))
        return hits

    def key_of(self, surface: str) -> str | None:
        """The key of a matched surface form; None for an all-caps form written otherwise."""
        if surface in self._surface_keys:
            return self._surface_keys[surface]
        normal = _normalise(surface)
        if normal not in self._key_of:
            # case-blind matching lets "kİlled" or "ſaid" through; lower() gives "ki̇lled"
            normal = fold_case(surface)
        exact = self._exact.get(normal)
        if normal not in self._key_of or (exact and " ".join(surface.split()) not in exact):
            key = None
        else:
            key = self._key_of[normal]
        self._surface_keys[surface] = key
        return key

    def __bool__(self) -> bool:
        return bool(self._key_of)


def _normalise(form: str) -> str:
    return " ".join(form.split()).lower()


def fold_case(form: str) -> str:
    """``form`` normalised with compatibility letters folded and combining marks dropped:
    "kİlled" -> "killed", "ſaid" -> "said" (what the case-blind tries also accept)."""
    decomposed = unicodedata.normalize("NFKD", form)
    return _normalise("".join(char for char in decomposed if not unicodedata.combining(char)))


@dataclass(frozen=True)
class CompiledVocabulary:
    """The matchers of one vocabulary."""

    vocabulary: Vocabulary
    metrics: FormMatcher
    entities: FormMatcher
    sources: FormMatcher
    #: other per-vocabulary compiled objects, built lazily by their users
    extras: dict[str, Any] = field(default_factory=dict, compare=False)


_COMPILED: dict[str, CompiledVocabulary] = {}
_BY_IDENTITY: dict[int, tuple[Vocabulary, CompiledVocabulary]] = {}
_COMPILED_LIMIT = 32


def compile_vocabulary(vocabulary: Vocabulary) -> CompiledVocabulary:
    """The matchers for ``vocabulary``, compiled once per fingerprint."""
    # the same object again (one rule file, many articles) skips hashing its contents
    recent = _BY_IDENTITY.get(id(vocabulary))
    if recent is not None and recent[0] is vocabulary:
        return recent[1]
    fingerprint = vocabulary.fingerprint()
    compiled = _COMPILED.get(fingerprint)
    if compiled is None:
        if len(_COMPILED) >= _COMPILED_LIMIT:
            _COMPILED.pop(next(iter(_COMPILED)))
        cues = {key: metric.cues for key, metric in vocabulary.metrics.items()}
        compiled = CompiledVocabulary(
            vocabulary=vocabulary,
            metrics=FormMatcher(cues),
            entities=FormMatcher(vocabulary.entities),
            sources=FormMatcher(vocabulary.sources),
        )
        _COMPILED[fingerprint] = compiled
    if len(_BY_IDENTITY) >= _COMPILED_LIMIT:
        _BY_IDENTITY.clear()
    _BY_IDENTITY[id(vocabulary)] = (vocabulary, compiled)
    return compiled


@functools.lru_cache(maxsize=1024)
def _dimensions(unit: str, definitions: tuple[str, ...]) -> tuple[tuple[str, float], ...] | None:
    """The dimensionality of ``unit`` as sorted (dimension, exponent) pairs; None if unknown."""
    try:
        parsed = get_registry(definitions).Unit(unit)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError):
        return None
    return tuple(
        sorted(
            (str(dim), float(cast(SupportsFloat, exp)))
            for dim, exp in parsed.dimensionality.items()
        )
    )


@functools.lru_cache(maxsize=256)
def _money_blind(dimensions: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    """``dimensions`` with every currency read as one "[currency]" dimension."""
    merged: dict[str, float] = {}
    for dimension, exponent in dimensions:
        name = "[currency]" if dimension.startswith("[currency") else dimension
        merged[name] = merged.get(name, 0.0) + exponent
    return tuple(sorted((name, exp) for name, exp in merged.items() if exp != 0))


def _is_count(dimensions: tuple[tuple[str, float], ...] | None) -> bool:
    if not dimensions or len(dimensions) != 1:
        return False
    (dimension, exponent) = dimensions[0]
    return (
        exponent == 1
        and dimension not in _PHYSICAL_DIMENSIONS
        and not dimension.startswith("[currency")
    )


def is_money_metric(metric: Metric, definitions: tuple[str, ...]) -> bool:
    """Whether ``metric`` is counted in a currency ("USD", "GBP"), not per something."""
    dimensions = _dimensions(metric.unit, definitions)
    if not dimensions:
        return False
    return all(
        dimension.startswith("[currency") and exponent == 1 for dimension, exponent in dimensions
    )


def _is_per_unit_of(
    metric_dims: tuple[tuple[str, float], ...] | None,
    quantity_dims: tuple[tuple[str, float], ...] | None,
) -> bool:
    """True when the metric is "quantity per something" ("USD / person" over "USD")."""
    if not metric_dims or not quantity_dims:
        return False
    rest = dict(metric_dims)
    for dimension, exponent in quantity_dims:
        rest[dimension] = rest.get(dimension, 0.0) - exponent
    leftover = {dim: exp for dim, exp in rest.items() if exp != 0}
    return bool(leftover) and all(exp < 0 for exp in leftover.values())


#: nouns that only point back at a counted noun ("47 others", "40 more"): still a bare count
STAND_IN_NOUNS = frozenset(["others", "other", "more", "of them", "them", "additional"])

#: common English nouns for people, singular and plural: a figure counting one of them
#: ("three guests", "one child", "11,000 infantry") is a head count even where the rule
#: file's units do not list the noun. A closed class of everyday words, not a domain list.
HUMAN_NOUNS = frozenset(
    word
    for stem in (  # noqa: SIM905 (a word list reads better as prose)
        "person people adult child children infant baby babies boy girl man men woman women "
        "resident civilian villager inhabitant citizen local visitor tourist guest passenger "
        "traveller traveler pilgrim spectator fan worker employee staff patient student pupil "
        "teacher nurse doctor voter migrant refugee soldier troop infantry fighter force "
        "personnel officer member prisoner hostage captive climber skier hiker miner farmer "
        "rescuer firefighter sailor crew protester demonstrator driver survivor victim "
        "casualty casualties recruit conscript"
    ).split()
    for word in (stem, stem + "s")
)


def is_human_noun(noun: str | None, demonyms: frozenset[str] = frozenset()) -> bool:
    """Whether ``noun`` names people: its last word is a :data:`HUMAN_NOUNS` word ("special
    forces", "young children"), or it is one of ``demonyms`` ("North Koreans")."""
    if not noun:
        return False
    lowered = " ".join(noun.lower().split())
    return lowered in demonyms or lowered.rsplit(" ", 1)[-1] in HUMAN_NOUNS


def demonyms_of(vocabulary: Vocabulary) -> frozenset[str]:
    """The plural entity aliases that name a people ("North Koreans", "Ukrainians"),
    lower-cased: capitalised words ending in "ans", "ese", "is" or "ers"."""
    found = set()
    for aliases in vocabulary.entities.values():
        for alias in aliases:
            words = alias.split()
            if words and all(word[:1].isupper() for word in words) and _PEOPLE_ENDING.search(alias):
                found.add(" ".join(alias.lower().split()))
    return frozenset(found)


_PEOPLE_ENDING = re.compile(r"(?:ans|ese|is|ers)$")


@dataclass(frozen=True, slots=True)
class Fit:
    """A metric fits a figure; ``unit`` replaces the figure's unit when the metric supplies it."""

    unit: str | None = None


def metric_fit(
    metric: Metric,
    unit: str,
    noun: str | None,
    *,
    cue_in_phrase: bool,
    cue_governs: bool,
    definitions: tuple[str, ...],
    human: bool = False,
) -> Fit | None:
    """Whether ``metric`` may describe a figure in ``unit``; None when it may not.

    * same pint dimensionality: fits, unit unchanged;
    * a bare count ("dimensionless", no noun, a stand-in noun like "others", or a noun that
      is itself the cue, like "three buggies" with no unit defined for buggies) fits a
      head-count-like metric
      (one non-physical, non-money dimension) and takes its unit;
    * a count of people the units do not list (``human``: "three guests", "50 North
      Koreans") fits a head-count-like metric whose cue governs it, and keeps its unit;
    * an amount whose metric is that amount per something ("$2,000" with the cue "for each
      soldier" right after it) fits when the cue governs the figure, and takes the rate unit.

    Percentages, durations and money never fit a count metric: their dimensions differ. Any
    currency fits a money metric ("£48.5 million" and "revenue" declared in USD): the figure
    keeps its own currency, which rules compare only with claims in the same one. A rate
    takes the metric's unit, so only an amount in the metric's own currency becomes one.
    """
    quantity_dims = _dimensions(unit, definitions)
    metric_dims = _dimensions(metric.unit, definitions)
    if metric_dims is None:
        return None
    if quantity_dims is not None and _money_blind(quantity_dims) == _money_blind(metric_dims):
        return Fit()
    bare = noun is None or noun.lower() in STAND_IN_NOUNS or cue_in_phrase
    if unit == "dimensionless" and bare and _is_count(metric_dims):
        return Fit(canonical_unit(metric.unit, definitions))
    if unit == "dimensionless" and human and cue_governs and _is_count(metric_dims):
        # "three guests reported missing": people the units do not list keep their unit
        # (none), since the rule file never said they are its head-count unit
        return Fit()
    if cue_governs and _is_per_unit_of(metric_dims, quantity_dims):
        return Fit(canonical_unit(metric.unit, definitions))
    return None


#: how many fits a :class:`FitTable` keeps before starting afresh (a bound for odd inputs;
#: a rule file's metrics times the units of real text stay far below it)
_FIT_LIMIT = 4096


class FitTable:
    """:func:`metric_fit` for the metrics of one vocabulary, each answer computed once.

    Every figure asks about the metrics of the cues around it, and the same few metrics and
    units recur all through a corpus. The answer depends on the noun only through whether it
    is a stand-in (:data:`STAND_IN_NOUNS`) or names people (:func:`is_human_noun`), so the
    keys are a metric key, a unit and flags.
    """

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._metrics = vocabulary.metrics
        self._definitions = tuple(vocabulary.units)
        self._demonyms = demonyms_of(vocabulary)
        self._fits: dict[tuple[str, str, bool, bool, bool, bool], Fit | None] = {}

    def fit(
        self, metric: str, unit: str, noun: str | None, *, cue_in_phrase: bool, cue_governs: bool
    ) -> Fit | None:
        """:func:`metric_fit` of the metric keyed ``metric`` (same arguments otherwise)."""
        stand_in = noun is None or noun.lower() in STAND_IN_NOUNS
        human = not stand_in and is_human_noun(noun, self._demonyms)
        key = (metric, unit, stand_in, cue_in_phrase, cue_governs, human)
        try:
            return self._fits[key]
        except KeyError:
            pass
        if len(self._fits) >= _FIT_LIMIT:
            self._fits.clear()
        fit = self._fits[key] = metric_fit(
            self._metrics[metric],
            unit,
            noun,
            cue_in_phrase=cue_in_phrase,
            cue_governs=cue_governs,
            definitions=self._definitions,
            human=human,
        )
        return fit


def fit_table(compiled: CompiledVocabulary) -> FitTable:
    """The :class:`FitTable` of ``compiled``'s vocabulary, made on first use."""
    table = compiled.extras.get("fits")
    if table is None:
        table = compiled.extras["fits"] = FitTable(compiled.vocabulary)
    return table
