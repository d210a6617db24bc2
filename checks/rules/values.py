"""Option parsers shared by the loader and every rule kind.

Each takes the raw YAML value and the option's key, and raises
``ConfigError(key=key)`` with a message that says what a good value looks like.
Units go through pint, but only after a small tokenizer has checked the text: pint
evaluates powers, and ``9**9**9 day`` in a pull request must not hang the linter.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from tokenize import TokenError
from typing import TYPE_CHECKING, Any

from claims.errors import ConfigError

if TYPE_CHECKING:
    import pint

#: columns a rule may group or compare by (``same:``, ``across:``)
COLUMNS = (
    "entity",
    "source",
    "metric",
    "period",
    "unit",
    "noun",
    "article",
    "publisher",
    "reported_by",
    "source_or_publisher",
)

_PERCENT = re.compile(
    r"^\s*(?P<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(?P<sign>%|percent|per cent)?\s*$"
)
_NUMBER = re.compile(r"^\s*(?P<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(?P<unit>.*)$")
_UNIT_TOKEN = re.compile(
    r"\s*(?:(?P<name>[^\W\d]\w*)|(?P<power>\*\*|\^)|(?P<op>[*/()])|(?P<int>-?\d+))"
)
MAX_UNIT_TEXT = 120


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The one of ``choices`` that ``word`` most likely misspells, if any is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices``, or ``""`` when none is close."""
    guess = closest(word, choices)
    return f" (did you mean '{guess}'?)" if guess else ""


def parse_percentage(value: Any, key: str = "tolerance") -> float:
    """A fraction from ``"25%"``, ``0.25`` or ``"0.25"``.

    A bare number above 1 is refused (``25`` is ambiguous: write ``25%`` or ``0.25``);
    negative values are refused too.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ConfigError(_percentage_hint(value), key=key)
    match = _PERCENT.match(str(value))
    if match is None:
        raise ConfigError(_percentage_hint(value), key=key)
    number = float(match["number"])
    if not math.isfinite(number) or number < 0:
        raise ConfigError(f"must not be negative (got {value!r})", key=key)
    if match["sign"]:
        return number / 100
    if number > 1:
        raise ConfigError(
            f"a bare number above 1 is ambiguous: write {match['number']}% or a fraction "
            f"like 0.25 (got {value!r})",
            key=key,
        )
    return number


def _percentage_hint(value: Any) -> str:
    return f"must be a percentage like 25% or a number (got {value!r})"


def parse_unit(text: Any, registry: pint.UnitRegistry, key: str) -> pint.Unit:
    """``text`` ("USD / person / year") as a pint unit of ``registry``."""
    import pint

    if not isinstance(text, str) or not text.strip():
        raise ConfigError(f"must be a unit like 'person' or 'USD / person' (got {text!r})", key=key)
    _check_unit_text(text, key)
    try:
        return registry.Unit(registry.parse_units(text))
    except pint.errors.UndefinedUnitError as error:
        names = getattr(error, "unit_names", None) or (str(error),)
        name = names[0] if isinstance(names, tuple | list) else names
        where = "" if str(name) == text.strip() else f" in {text!r}"
        hint = did_you_mean(str(name), _unit_names(registry))
        raise ConfigError(f"unknown unit '{name}'{where}{hint}", key=key) from None
    except (pint.errors.PintError, ValueError, AssertionError, TypeError, TokenError) as e:
        raise ConfigError(f"cannot read unit {text!r}: {e or 'bad syntax'}", key=key) from None


def _unit_names(registry: pint.UnitRegistry) -> list[str]:
    methods = set(dir(type(registry)))
    return [name for name in dir(registry) if not name.startswith("_") and name not in methods]


def _check_unit_text(text: str, key: str) -> None:
    """Accept names, ``*``, ``/``, parentheses and a one-digit power after a name only."""
    bad = ConfigError(
        f"{text!r} is not a unit expression (names joined by * and /, powers like ^2)", key=key
    )
    if len(text) > MAX_UNIT_TEXT:
        raise bad
    position, previous, open_parentheses = 0, "op", 0
    while position < len(text.rstrip()):
        token = _UNIT_TOKEN.match(text, position)
        if token is None:
            raise bad
        kind = token.lastgroup or ""
        open_parentheses += {"(": 1, ")": -1}.get(token.group().strip(), 0)
        if open_parentheses < 0:
            raise bad
        if kind == "power" and previous not in ("name", "op)"):
            raise bad
        if kind == "int" and (previous != "power" or len(token["int"].lstrip("-")) > 1):
            raise bad
        previous = "op)" if token.group().strip() == ")" else kind
        position = token.end()
    if open_parentheses:
        raise bad


MAX_DEFINITION_TEXT = 4000
#: the defined name, or an alias: a word (``km``, ``kilo-``), ``_`` or one currency sign
_DEFINED_NAME = re.compile(r"^(?:[^\W\d]\w*-?|_|[$€£¥₩₽])$")
_DIMENSION = re.compile(r"^\[[^\W\d]\w*\]$")
_FACTOR = re.compile(r"^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d{1,3})?(?=\s|$|\s*[*/])")


def check_unit_definition(text: Any, key: str) -> None:
    """Accept only ``name = [dimension] = alias ...`` or ``name = NUMBER unit = alias ...``.

    pint's definition language also has directives (``@import`` reads a file) and
    evaluates powers, so rule-file definitions are held to this small subset first.
    """
    shape = (
        "a unit definition looks like 'person = [headcount] = soldiers' "
        "or 'platoon = 30 person = platoons'"
    )
    if not isinstance(text, str):
        raise ConfigError(f"{shape} (got {text!r})", key=key)
    if len(text) > MAX_DEFINITION_TEXT or "\n" in text or text.lstrip().startswith("@"):
        raise ConfigError(f"{shape}; directives and multi-line text are not allowed", key=key)
    parts = [part.strip() for part in text.split("=")]
    if len(parts) < 2 or not _DEFINED_NAME.match(parts[0]):
        raise ConfigError(f"{shape} (got {text!r})", key=key)
    for alias in parts[2:]:
        if not _DEFINED_NAME.match(alias):
            raise ConfigError(f"alias {alias!r} is not a name; {shape}", key=key)
    value = parts[1]
    if _DIMENSION.match(value):
        return
    factor = _FACTOR.match(value)
    unit_text = value[factor.end() :].strip().lstrip("*").strip() if factor else value
    if unit_text:
        try:
            _check_unit_text(unit_text, key)
        except ConfigError:
            raise ConfigError(
                f"{value!r} is not a number and a unit (names joined by * and /, powers like ^2)",
                key=key,
            ) from None
    elif not factor:
        raise ConfigError(f"{shape} (got {text!r})", key=key)


def parse_quantity(value: Any, registry: pint.UnitRegistry, key: str) -> pint.Quantity:
    """``"100 USD / person"`` as a pint quantity; a bare number is dimensionless."""
    if isinstance(value, bool):
        raise ConfigError(f"must be a number with a unit like '100 USD' (got {value!r})", key=key)
    if isinstance(value, int | float):
        return registry.Quantity(float(value), "dimensionless")
    match = _NUMBER.match(value) if isinstance(value, str) else None
    if match is None:
        raise ConfigError(f"must be a number with a unit like '100 USD' (got {value!r})", key=key)
    number = float(match["number"])
    if not math.isfinite(number):
        raise ConfigError(f"must be a finite number (got {value!r})", key=key)
    unit_text = match["unit"].strip()
    if not unit_text:
        return registry.Quantity(number, "dimensionless")
    return registry.Quantity(number, parse_unit(unit_text, registry, key))


def parse_duration(
    value: Any, key: str = "window", registry: pint.UnitRegistry | None = None
) -> datetime.timedelta:
    """``"30 days"``, ``"2 weeks"``, ``"1 month"`` (pint's: a twelfth of a year) as a timedelta."""
    if registry is None:
        from claims.units import get_registry

        registry = get_registry()
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ConfigError(f"needs a unit, like '{value:g} days'", key=key)
    quantity = parse_quantity(value, registry, key)
    if quantity.dimensionality != registry.Quantity(1, "second").dimensionality:
        raise ConfigError(f"must be a duration like '30 days' (got {value!r})", key=key)
    seconds = float(quantity.to("second").magnitude)
    if seconds < 0:
        raise ConfigError(f"must not be negative (got {value!r})", key=key)
    try:
        return datetime.timedelta(seconds=seconds)
    except OverflowError:
        raise ConfigError(f"is too long (got {value!r})", key=key) from None


def parse_column(value: Any, key: str, allowed: Sequence[str] = COLUMNS) -> str:
    """One column name out of ``allowed`` (``across: source``)."""
    if not isinstance(value, str):
        raise ConfigError(f"must be a column name, one of: {', '.join(allowed)}", key=key)
    if value not in allowed:
        raise ConfigError(
            f"unknown column '{value}'{did_you_mean(value, allowed)} "
            f"(columns: {', '.join(allowed)})",
            key=key,
        )
    return value


def parse_column_list(
    value: Any, key: str = "same", allowed: Sequence[str] = COLUMNS
) -> tuple[str, ...]:
    """Column names (``same: [entity, source]``; a single name is a list of one)."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ConfigError(f"must be a list of columns, from: {', '.join(allowed)}", key=key)
    columns: list[str] = []
    for index, item in enumerate(items):
        column = parse_column(
            item, f"{key}[{index}]" if not isinstance(value, str) else key, allowed
        )
        if column in columns:
            raise ConfigError(f"column '{column}' is listed twice", key=f"{key}[{index}]")
        columns.append(column)
    return tuple(columns)


def parse_where(value: Any, key: str = "where") -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``where: {entity: north_korea, source: [pentagon, white_house]}``: column -> values."""
    if value is None:
        return ()
    if not isinstance(value, Mapping) or not value:
        raise ConfigError("must be a mapping of column to value(s)", key=key)
    filters = []
    for column, accepted in value.items():
        name = parse_column(column, f"{key}.{column}")
        items = [accepted] if isinstance(accepted, str) else accepted
        if not isinstance(items, list) or not items or not all(isinstance(v, str) for v in items):
            raise ConfigError("must be a value or a list of values", key=f"{key}.{column}")
        filters.append((name, tuple(items)))
    return tuple(filters)
