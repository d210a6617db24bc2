"""The pint unit registry: built-in currencies and counts plus a rule file's ``units:``."""

from __future__ import annotations

import functools
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
)


@functools.lru_cache(maxsize=16)
def _registry(definitions: tuple[str, ...]) -> pint.UnitRegistry:
    registry = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=None)
    for definition in BUILTIN_DEFINITIONS:
        registry.define(definition)
    for index, definition in enumerate(definitions):
        try:
            registry.define(definition)
        except (pint.errors.DefinitionSyntaxError, pint.errors.RedefinitionError, ValueError) as e:
            raise ConfigError(f"bad unit definition {definition!r}: {e}", key=f"units[{index}]") from None
    return registry


def get_registry(definitions: Sequence[str] = ()) -> pint.UnitRegistry:
    """A registry with the built-ins and ``definitions`` (pint syntax); cached per tuple."""
    return _registry(tuple(definitions))


def canonical_unit(unit: str | pint.Unit, definitions: Sequence[str] = ()) -> str:
    """The canonical string of a unit: "person", "USD / person", "dimensionless"."""
    registry = get_registry(definitions)
    try:
        parsed = registry.Unit(unit) if isinstance(unit, str) else unit
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, ValueError) as e:
        raise ConfigError(f"unknown unit {unit!r}: {e}") from None
    if parsed.dimensionless and str(parsed) in ("", "dimensionless"):
        return "dimensionless"
    return str(parsed)
