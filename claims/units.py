"""The pint unit registry: built-in currencies and counts plus a rule file's ``units:``."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import pint

from claims.errors import ConfigError

#: Each currency is its own dimension: exchange rates change, so numcheck never converts.
BUILTIN_DEFINITIONS: tuple[str, ...] = (
    "USD = [currency_usd] = dollar = dollars = US_dollar",
    "EUR = [currency_eur] = euro = euros",
    "GBP = [currency_gbp] = pound_sterling = pounds_sterling",
    "KRW = [currency_krw] = won",
    "RUB = [currency_rub] = ruble = rubles = rouble = roubles",
    "UAH = [currency_uah] = hryvnia = hryvnias",
    "JPY = [currency_jpy] = yen",
    "CNY = [currency_cny] = yuan",
    "INR = [currency_inr] = rupee = rupees",
    # Pence: London share prices are quoted in them ("1,482p").
    "GBX = GBP / 100 = pence = penny",
)


@functools.lru_cache(maxsize=16)
def _registry(definitions: tuple[str, ...]) -> pint.UnitRegistry:
    registry: pint.UnitRegistry = pint.UnitRegistry(
        autoconvert_offset_to_baseunit=True, cache_folder=None
    )
    for definition in BUILTIN_DEFINITIONS:
        registry.define(definition)
    for index, definition in enumerate(definitions):
        try:
            registry.define(definition)
        except (pint.errors.DefinitionSyntaxError, pint.errors.RedefinitionError, ValueError) as e:
            raise ConfigError(
                f"bad unit definition {definition!r}: {e}", key=f"units[{index}]"
            ) from None
    return registry


def get_registry(definitions: Sequence[str] = ()) -> pint.UnitRegistry:
    """A registry with the built-ins and ``definitions`` (pint syntax); cached per tuple."""
    return _registry(tuple(definitions))


def canonical_unit(unit: str | pint.Unit, definitions: Sequence[str] = ()) -> str:
    """The canonical string of a unit: "person", "USD / person", "dimensionless"."""
    if isinstance(unit, str):
        # pint parses a unit string slowly, and each text's nouns name the same few units
        return _canonical_string(unit, tuple(definitions))
    return _canonical_of(unit, tuple(definitions))


@functools.lru_cache(maxsize=4096)
def _canonical_string(unit: str, definitions: tuple[str, ...]) -> str:
    return _canonical_of(unit, definitions)


def _canonical_of(unit: str | pint.Unit, definitions: tuple[str, ...]) -> str:
    registry = get_registry(definitions)
    try:
        parsed = registry.Unit(unit) if isinstance(unit, str) else unit
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, ValueError) as e:
        raise ConfigError(f"unknown unit {unit!r}: {e}") from None
    if parsed.dimensionless and str(parsed) in ("", "dimensionless"):
        return "dimensionless"
    return str(parsed)


#: Currency marks written before an amount -> unit name in the registry.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "$": "USD",
    "USD": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "₩": "KRW",
    "KRW": "KRW",
    "₽": "RUB",
    "RUB": "RUB",
    "₴": "UAH",
    "UAH": "UAH",
    "¥": "JPY",
    "JPY": "JPY",
    "CNY": "CNY",
    "Rs.": "INR",
    "Rs": "INR",
    "INR": "INR",
    "₹": "INR",
}

#: Built-in pint units a counted noun may name. Everything else pint knows ("point",
#: "hand", "stone", "league") is also an everyday English word, so a noun only maps to
#: a unit when it is listed here or defined by the rule file's ``units:``.
MEASUREMENT_UNITS: frozenset[str] = frozenset(
    {
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "month",
        "year",
        "decade",
        "century",
        "meter",
        "inch",
        "foot",
        "yard",
        "mile",
        "nautical_mile",
        "gram",
        "metric_ton",
        "hectare",
        "acre",
        "liter",
        "barrel",
        "watt",
        "percent",
    }
)
#: The subset of :data:`MEASUREMENT_UNITS` that are spans of time (durations).
TIME_UNITS: frozenset[str] = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)
_ALLOWED_PREFIXES = ("", "kilo")
#: Prefixes a few units take in news ("300 megawatts", "20 micrometres", "180 millimetres").
#: Only for these names: pint would read "cents" as centi-seconds.
_PREFIXES_BY_UNIT = {
    "meter": ("micro", "milli", "centi"),
    "watt": ("mega", "giga"),
}
_PLAIN_WORD = re.compile(r"[A-Za-z]+")
#: "640 million pounds" in news is money: pint's pound is a mass, which no claim counts in.
#: The singular stays out: "a 200-pound bomb" weighs.
_MONEY_POUNDS = frozenset(["pounds"])


def defined_names(definitions: Sequence[str] = ()) -> frozenset[str]:
    """Canonical names of the built-in currencies and of each rule-file definition."""
    names = {definition.split("=", 1)[0].strip() for definition in BUILTIN_DEFINITIONS}
    names.update(definition.split("=", 1)[0].strip() for definition in definitions)
    return frozenset(names)


def noun_unit(noun: str, definitions: Sequence[str] = ()) -> str | None:
    """The canonical unit a counted noun names ("soldiers" -> "person"), else None.

    Only rule-file units, currencies and :data:`MEASUREMENT_UNITS` count. Never raises
    for an unknown or odd noun; answers are cached (pint parsing is slow).
    """
    return _noun_unit(noun, tuple(definitions))


@functools.lru_cache(maxsize=8192)
def _noun_unit(noun: str, definitions: tuple[str, ...]) -> str | None:
    if not _PLAIN_WORD.fullmatch(noun):
        return None
    if noun.lower() in _MONEY_POUNDS:
        return canonical_unit("GBP", definitions)
    registry = get_registry(definitions)
    allowed = defined_names(definitions)
    for candidate in dict.fromkeys((noun, noun.lower())):
        try:
            parsed = registry.parse_unit_name(candidate)
        except (pint.errors.PintError, ValueError, AttributeError, KeyError):
            continue
        for prefix, name, suffix in parsed:
            if suffix:
                continue
            if name in allowed and not prefix:
                return canonical_unit(name, definitions)
            allowed_prefixes = _ALLOWED_PREFIXES + _PREFIXES_BY_UNIT.get(name, ())
            if name in MEASUREMENT_UNITS and prefix in allowed_prefixes:
                return canonical_unit(prefix + name, definitions)
    return None


def is_time_unit(unit: str) -> bool:
    """Whether a canonical unit string is a plain duration ("day", "week")."""
    return unit in TIME_UNITS


@functools.lru_cache(maxsize=4096)
def _rate(numerator: str, denominator: str, definitions: tuple[str, ...]) -> str:
    top = "1" if numerator == "dimensionless" else f"({numerator})"
    return canonical_unit(f"{top} / ({denominator})", definitions)


def rate_unit(numerator: str, denominator: str, definitions: Sequence[str] = ()) -> str:
    """The canonical unit of ``numerator`` per ``denominator`` ("USD / person")."""
    return _rate(numerator, denominator, tuple(definitions))
