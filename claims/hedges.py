"""Hedge wording -> qualifier and interval (SPEC "Hedges").

A hedge is the wording around a number that says how exact it is. Each phrase
before a number maps to a *kind*, and the kind fixes the interval:

============  ===========  ===============================  ==============================
kind          qualifier    interval for value v             default phrases
============  ===========  ===============================  ==============================
approx        approx       [v(1-r), v(1+r)]                 about, approximately, around,
                                                            roughly, some, (an) estimated
approx_below  approx       [v(1-r), v]                      nearly, almost, close to,
                                                            just under, approaching
approx_above  approx       [v, v(1+r)]                      just over, just above
upper         upper        [0, v]                           up to, as many as, at most,
                                                            no more than, fewer/less than,
                                                            under, below
lower         lower        [v, inf]                         at least, no fewer than, more
                                                            than, over, in excess of,
                                                            exceeded, topped, has/had
                                                            passed, passed the
============  ===========  ===============================  ==============================

``r`` is the approximation margin, 10% by default. Open bounds ("more than 3,000",
"fewer than 50") are stored like closed ones (low = 3000, high = 50): the table
holds floats, and a strict bound changes no comparison the rules make.

Ranges ("between a and b", "a to b", "a-b", "a or b") have qualifier ``range``,
interval [a, b] and value (a+b)/2. Vague words ("several", "dozens of") have
qualifier ``vague``, the interval of :data:`DEFAULT_VAGUE` and, as value, the
geometric midpoint sqrt(low * high): these words name an order of magnitude, so
the midpoint on a log scale is the representative guess.

Overrides
---------
A rule file may change any of this under ``hedges:``::

    hedges:
      approx_margin: 0.15            # r, a fraction in [0, 1)
      words:                         # phrase before a number -> kind (or null to drop it)
        in the region of: approx
        some: null
      vague:                         # phrase -> [low, high], low <= high, both >= 0
        several: [3, 7]
        a smattering of: [2, 5]

Phrases are matched case-insensitively with any run of spaces between words.
A bad entry raises :class:`~claims.errors.ConfigError` whose ``key`` is the
dotted path of the entry ("hedges.words.in the region of").
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, NamedTuple

from claims.errors import ConfigError
from claims.tries import trie_pattern

#: kind -> qualifier written into the claims table.
KIND_QUALIFIER: dict[str, str] = {
    "approx": "approx",
    "approx_below": "approx",
    "approx_above": "approx",
    "upper": "upper",
    "lower": "lower",
}

DEFAULT_APPROX_MARGIN = 0.10

#: Words written before a number (the hedge must end right before the number).
DEFAULT_WORDS: dict[str, str] = {
    "about": "approx",
    "approximately": "approx",
    "approx.": "approx",
    "around": "approx",
    "roughly": "approx",
    "some": "approx",
    "estimated": "approx",
    "an estimated": "approx",
    "circa": "approx",
    "in the region of": "approx",
    "on the order of": "approx",
    "nearly": "approx_below",
    "almost": "approx_below",
    "close to": "approx_below",
    "just under": "approx_below",
    "just below": "approx_below",
    "just shy of": "approx_below",
    "approaching": "approx_below",
    "just over": "approx_above",
    "just above": "approx_above",
    "slightly more than": "approx_above",
    "up to": "upper",
    "as many as": "upper",
    "as much as": "upper",
    "at most": "upper",
    "no more than": "upper",
    "not more than": "upper",
    "a maximum of": "upper",
    "fewer than": "upper",
    "less than": "upper",
    "under": "upper",
    "below": "upper",
    "at least": "lower",
    "no fewer than": "lower",
    "no less than": "lower",
    "not less than": "lower",
    "a minimum of": "lower",
    "more than": "lower",
    "over": "lower",
    "well over": "lower",
    "above": "lower",
    "upwards of": "lower",
    "in excess of": "lower",
    "exceeded": "lower",
    "exceeds": "lower",
    "exceeding": "lower",
    "topped": "lower",
    "tops": "lower",
    "surpassed": "lower",
    # "Passed" is a threshold verb only in some uses: "losses have passed 3,000" and "passed
    # the 3,000 mark" are, but "inspectors passed 430 of the buses" or "the house passed 3
    # bills" approve things. The perfect tense and "passed the" are the threshold readings
    # news uses; a bare "passed" stays unhedged, since a phrase here cannot see what follows
    # the number. Where the perfect tense approves ("has passed 3 bills") the lower reading
    # [3, inf] is still true, only looser.
    "has passed": "lower",
    "have passed": "lower",
    "had passed": "lower",
    "passed the": "lower",
}

#: Words written after a number ("3,000 or more").
DEFAULT_AFTER_WORDS: dict[str, str] = {
    "or more": "lower",
    "or over": "lower",
    "plus": "lower",
    "+": "lower",
    "or so": "approx",
    "or fewer": "upper",
    "or less": "upper",
}

#: Vague phrase -> [low, high]. Keys are what the text says, including a trailing "of".
DEFAULT_VAGUE: dict[str, tuple[float, float]] = {
    "a couple of": (2, 3),
    "a few": (2, 5),
    "a handful of": (2, 6),
    "several": (3, 9),
    "dozens of": (24, 99),
    "scores of": (40, 199),
    "a few dozen": (24, 60),
    "several dozen": (24, 99),
    "hundreds of": (200, 999),
    "a few hundred": (200, 500),
    "several hundred": (200, 999),
    "thousands of": (2_000, 9_999),
    "a few thousand": (2_000, 5_000),
    "several thousand": (2_000, 9_999),
    "tens of thousands of": (20_000, 99_999),
    "hundreds of thousands of": (200_000, 999_999),
    "millions of": (2_000_000, 9_999_999),
    "a few million": (2_000_000, 5_000_000),
    "several million": (2_000_000, 9_999_999),
}


@dataclass(frozen=True)
class HedgeTable:
    """The effective hedge wording: defaults merged with a rule file's ``hedges:``."""

    approx_margin: float = DEFAULT_APPROX_MARGIN
    #: (phrase, kind) pairs for words before a number, phrases normalised
    words: tuple[tuple[str, str], ...] = tuple(DEFAULT_WORDS.items())
    after_words: tuple[tuple[str, str], ...] = tuple(DEFAULT_AFTER_WORDS.items())
    vague: tuple[tuple[str, tuple[float, float]], ...] = tuple(DEFAULT_VAGUE.items())

    def __hash__(self) -> int:
        # every find_quantities call looks its compiled patterns up by table: hashing the
        # phrase tuples each time would cost more than the lookup saves
        return self._hash

    @functools.cached_property
    def _hash(self) -> int:
        return hash((self.approx_margin, self.words, self.after_words, self.vague))

    @functools.cached_property
    def _kinds(self) -> dict[str, str]:
        return {**dict(self.after_words), **dict(self.words)}

    @functools.cached_property
    def _vague(self) -> dict[str, tuple[float, float]]:
        return dict(self.vague)

    def kind_of(self, phrase: str) -> str | None:
        """The kind of a hedge phrase as found in text (any case/spacing), None if unknown."""
        return self._kinds.get(normalise(phrase))

    def vague_interval(self, phrase: str) -> tuple[float, float] | None:
        """[low, high] of a vague phrase as found in text, None if unknown.

        A trailing "of" is optional in the text: "hundreds" finds "hundreds of".
        """
        key = normalise(phrase)
        found = self._vague.get(key)
        if found is None and not key.endswith(" of"):
            found = self._vague.get(f"{key} of")
        return found


class Hedge(NamedTuple):
    """A hedge phrase found before a number: where it starts and how it is written."""

    start: int
    text: str


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


class HedgeFinder:
    """Finds the hedge phrase of a table written right before a number.

    The phrase must end where the white space before the number begins and start at most
    :attr:`REACH` characters before the number; where several end there ("no more than",
    "more than"), the longest wins.
    """

    #: how far before a number a hedge may start
    REACH: Final = 40

    def __init__(self, table: HedgeTable) -> None:
        words = {" ".join(phrase.split()) for phrase, _ in table.words}
        # The phrases spelled backwards, matched against the text before a number read
        # backwards: only the characters of the hedge itself are tested, where a forward
        # search would try every word start of the reach. The forward pattern decides the
        # one case the backward reading cannot see (a phrase starting right at the reach).
        backwards = trie_pattern((), any_case=[word[::-1] for word in words])
        # the white space before the number comes first when reading backwards
        self._backwards = re.compile(rf"\s+(?P<hedge>{backwards})(?![\w-])")
        forwards = trie_pattern((), any_case=words)
        self._forwards = re.compile(rf"(?<![\w-])(?P<hedge>{forwards})\s+$")

    def before(self, text: str, start: int, backwards: str | None = None) -> Hedge | None:
        """The hedge ending right before ``start`` (white space between), else None.

        ``backwards`` is ``text[::-1]``, for a caller that asks about many numbers of one text:
        reversed once, it spares reversing the reach before each number.
        """
        reach = max(0, start - self.REACH)
        if backwards is None:
            # text position p is at index base - p of the reversed string
            base, match = start, self._backwards.match(text[reach:start][::-1])
        else:
            # the end bound makes the reach's start the end of the string, as the slice does
            base = len(text)
            match = self._backwards.match(backwards, base - start, base - reach)
        if match is None:
            return None
        hedge_start = base - match.end()
        if hedge_start == reach and reach and _WORD_OR_HYPHEN.match(text, reach - 1):
            found = self._forwards.search(text, reach, start)
            return Hedge(found.start("hedge"), found.group("hedge")) if found else None
        return Hedge(hedge_start, text[hedge_start : base - match.start("hedge")])


def normalise(phrase: str) -> str:
    """Lower case, single spaces: the form hedge phrases are stored and looked up in."""
    return " ".join(phrase.lower().split())


def interval(kind: str | None, value: float, margin: float) -> tuple[str, float, float]:
    """(qualifier, low, high) of ``value`` hedged by ``kind`` (None: exact)."""
    if kind is None:
        return "exact", value, value
    if kind == "approx":
        return "approx", _tidy(value * (1 - margin)), _tidy(value * (1 + margin))
    if kind == "approx_below":
        return "approx", _tidy(value * (1 - margin)), value
    if kind == "approx_above":
        return "approx", value, _tidy(value * (1 + margin))
    if kind == "upper":
        return "upper", 0.0, value
    if kind == "lower":
        return "lower", value, math.inf
    raise ValueError(f"unknown hedge kind {kind!r}")


def _tidy(number: float) -> float:
    # 1100 * 1.1 is 1210.0000000000002 in binary floating point; reports should say 1210.
    return float(f"{number:.12g}")


def vague_value(low: float, high: float) -> float:
    """The representative value of a vague interval: its geometric midpoint."""
    if low <= 0:
        return (low + high) / 2
    return math.sqrt(low * high)


def hedge_table(raw: Mapping[str, Any] | None) -> HedgeTable:
    """The :class:`HedgeTable` for a rule file's ``hedges:`` mapping (None: defaults).

    Cached per distinct mapping, so calling it for every article is cheap.
    """
    if not raw:
        return _DEFAULT_TABLE
    try:
        key = json.dumps(raw, sort_keys=True, default=str)
    except (TypeError, ValueError):
        raise ConfigError("must be a mapping of plain values", key="hedges") from None
    return _cached_table(key)


@functools.lru_cache(maxsize=32)
def _cached_table(key: str) -> HedgeTable:
    return _build_table(json.loads(key))


def _build_table(raw: Mapping[str, Any]) -> HedgeTable:
    allowed = ("approx_margin", "words", "vague")
    for name in raw:
        if name not in allowed:
            raise ConfigError(
                f"unknown setting '{name}' (allowed: {', '.join(allowed)})", key=f"hedges.{name}"
            )
    margin = raw.get("approx_margin", DEFAULT_APPROX_MARGIN)
    if isinstance(margin, bool) or not isinstance(margin, int | float) or not 0 <= margin < 1:
        raise ConfigError(
            "must be a number from 0 up to (not including) 1", key="hedges.approx_margin"
        )
    words = dict(DEFAULT_WORDS)
    for phrase, kind in _mapping(raw.get("words"), "hedges.words").items():
        where = f"hedges.words.{phrase}"
        if not normalise(phrase):
            raise ConfigError("a hedge phrase cannot be empty", key=where)
        if kind is None:
            words.pop(normalise(phrase), None)
        elif kind in KIND_QUALIFIER:
            words[normalise(phrase)] = kind
        else:
            raise ConfigError(
                f"unknown hedge kind {kind!r} (allowed: {', '.join(KIND_QUALIFIER)} or null)",
                key=where,
            )
    vague = dict(DEFAULT_VAGUE)
    for phrase, bounds in _mapping(raw.get("vague"), "hedges.vague").items():
        where = f"hedges.vague.{phrase}"
        if not normalise(phrase)[:1].isalpha():
            raise ConfigError("a vague phrase must start with a letter", key=where)
        if bounds is None:
            vague.pop(normalise(phrase), None)
            continue
        vague[normalise(phrase)] = _bounds(bounds, where)
    return HedgeTable(
        approx_margin=float(margin),
        words=tuple(sorted(words.items())),
        after_words=tuple(DEFAULT_AFTER_WORDS.items()),
        vague=tuple(sorted(vague.items())),
    )


def _mapping(value: Any, key: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ConfigError("must be a mapping of phrase to setting", key=key)
    return {str(phrase): setting for phrase, setting in value.items()}


def _bounds(value: Any, key: str) -> tuple[float, float]:
    numbers = isinstance(value, list | tuple) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in value
    )
    if not numbers or len(value) != 2:
        raise ConfigError("must be a list of two numbers [low, high]", key=key)
    low, high = float(value[0]), float(value[1])
    if not (0 <= low <= high < math.inf):
        raise ConfigError("needs 0 <= low <= high, both finite", key=key)
    return low, high


_DEFAULT_TABLE = HedgeTable()
