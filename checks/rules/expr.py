"""Rule expressions (``expr:``), parsed safely into sympy and checked for units.

Rule files arrive in pull requests, so expression text is never given to ``eval``,
``sympify`` or ``parse_expr``. Instead Python's own parser turns it into an ``ast`` tree
(``mode="eval"``), every node is checked against a short allow-list, and the sympy
objects are built by walking that tree by hand:

- numbers (int and float literals), names, ``+ - * / **``, unary ``-``/``+``;
- comparisons ``< <= == >= >``, chains included (``a <= b <= c`` is two comparisons),
  only at the top of the expression;
- calls to ``abs``, ``min`` and ``max`` with positional arguments.

Everything else (attributes, subscripts, strings, lambdas, comprehensions, boolean
operators, other calls, ...) is a :class:`~claims.errors.ConfigError` with ``key="expr"``
naming the construct and its column. ``**`` takes only a small integer literal exponent
(|n| <= 4), so ``9**9**9`` cannot stall the loader.

Names are looked up in this order: metrics (a claim binds them), facts (a known value or
range) and units of the pint registry (``year``, ``day``, ``person``, ``USD``: a factor of
one such unit). Each comparison is checked for dimensional consistency with pint: both
sides, and both operands of ``+``/``-``/``min``/``max``, must have the same dimension.

Numbers flow in base units: a symbol stands for its magnitude in its own unit, and
:attr:`Expression.scales` gives the factor from that unit to pint base units. Because
every accepted expression is dimensionally consistent, evaluating it with every symbol
in base units gives the right relation whatever units the rule file chose.
"""

from __future__ import annotations

import ast
import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pint
import sympy
from pint.facets.plain import PlainUnit

from checks.rules.expr_syntax import (
    BINARY,
    FUNCTIONS,
    MAX_DEPTH,
    MAX_EXPONENT,
    MAX_LENGTH,
    OPERATORS,
    depth,
    expr_error,
    integer_literal,
    operator_text,
    rejected,
    where,
)
from checks.rules.model import Fact


@dataclass(frozen=True)
class Comparison:
    """One ``lhs op rhs`` of an expression; ``unit`` is the left side's unit, used to show
    both sides, and ``scale`` converts a base-unit magnitude into it (divide by it)."""

    lhs: sympy.Expr
    op: str
    rhs: sympy.Expr
    unit: str
    scale: float


@dataclass(frozen=True)
class Expression:
    """A parsed, unit-checked rule expression."""

    text: str
    comparisons: tuple[Comparison, ...]
    #: metric keys used, in order of first appearance
    metrics: tuple[str, ...]
    #: fact keys used, in order of first appearance
    facts: tuple[str, ...]
    #: unit names used as factors (``year`` in ``wage * year``)
    unit_factors: tuple[str, ...]
    #: (symbol name, unit string) for every name used
    units: tuple[tuple[str, str], ...]
    #: (symbol name, factor from the symbol's unit to pint base units)
    scales: tuple[tuple[str, float], ...]
    #: the Fact records of the facts used (same order as ``facts``)
    fact_records: tuple[Fact, ...] = ()

    def symbol(self, name: str) -> sympy.Symbol:
        """The sympy symbol standing for ``name`` (a metric, fact or unit factor)."""
        return make_symbol(name)

    def unit_of(self, name: str) -> str:
        """The unit string of a symbol used in the expression."""
        return dict(self.units)[name]

    def scale_of(self, name: str) -> float:
        """Factor from ``name``'s unit to base units."""
        return dict(self.scales)[name]

    def fact(self, name: str) -> Fact:
        """The Fact record behind a fact symbol."""
        return {fact.key: fact for fact in self.fact_records}[name]

    @property
    def is_equation(self) -> bool:
        """True for a single ``==`` comparison (the form that can imply an unknown)."""
        return len(self.comparisons) == 1 and self.comparisons[0].op == "=="


def make_symbol(name: str) -> sympy.Symbol:
    """The one way expression symbols are made, so every module gets equal symbols."""
    return sympy.Symbol(name, real=True)


def parse_expression(
    text: str,
    *,
    metrics: Mapping[str, str],
    facts: Mapping[str, Fact],
    registry: pint.UnitRegistry,
) -> Expression:
    """Parse ``text`` into an :class:`Expression`; raise ``ConfigError(key="expr")``.

    ``metrics`` maps metric key -> unit string; ``facts`` maps fact key -> Fact;
    ``registry`` resolves unit names and checks dimensions.
    """
    if not isinstance(text, str) or not text.strip():
        raise expr_error("must be a non-empty expression such as 'killed <= deployed'")
    if len(text) > MAX_LENGTH:
        raise expr_error(f"is {len(text)} characters long; the limit is {MAX_LENGTH}")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as error:
        column = f" at column {error.offset}" if error.offset else ""
        raise expr_error(f"is not a valid expression{column}: {error.msg}") from None
    except (RecursionError, MemoryError, ValueError):
        raise expr_error("is too deeply nested") from None
    if depth(tree.body) > MAX_DEPTH:
        raise expr_error(f"is nested more than {MAX_DEPTH} levels deep")
    builder = _Builder(metrics, facts, registry)
    comparisons = builder.comparisons(tree.body)
    used = builder.used
    return Expression(
        text=text.strip(),
        comparisons=comparisons,
        metrics=tuple(name for name, kind in used.items() if kind == "metric"),
        facts=tuple(name for name, kind in used.items() if kind == "fact"),
        unit_factors=tuple(name for name, kind in used.items() if kind == "unit"),
        units=tuple((name, builder.unit_text[name]) for name in used),
        scales=tuple((name, builder.scale[name]) for name in used),
        fact_records=tuple(facts[name] for name, kind in used.items() if kind == "fact"),
    )


@dataclass
class _Part:
    """A built sub-expression: its sympy form and its pint unit."""

    value: sympy.Expr
    #: pint types the power of a unit as its plain base class
    unit: PlainUnit


class _Builder:
    """Walks an allow-listed ast, building sympy objects and checking units."""

    def __init__(
        self, metrics: Mapping[str, str], facts: Mapping[str, Fact], registry: pint.UnitRegistry
    ) -> None:
        self.metrics = metrics
        self.facts = facts
        self.registry = registry
        #: name -> "metric" | "fact" | "unit", in order of first use
        self.used: dict[str, str] = {}
        self.unit_text: dict[str, str] = {}
        self.scale: dict[str, float] = {}

    def comparisons(self, node: ast.AST) -> tuple[Comparison, ...]:
        if not isinstance(node, ast.Compare):
            self.build(node)  # reject bad constructs first: they are the bigger mistake
            raise expr_error("must be a comparison such as 'killed + wounded <= deployed'")
        sides = [self.build(node.left), *(self.build(item) for item in node.comparators)]
        result = []
        for index, op_node in enumerate(node.ops):
            op = OPERATORS.get(type(op_node))
            if op is None:
                symbol = operator_text(op_node)
                raise expr_error(
                    f"comparison operator '{symbol}'{where(node)} is not allowed "
                    f"(use one of {' '.join(OPERATORS.values())})"
                )
            left, right = sides[index], sides[index + 1]
            # A bare 0 fits any dimension: "0 <= killed" needs no "0 person".
            if not (_is_zero(left.value) or _is_zero(right.value)):
                self._same_dimension(left.unit, right.unit, "left side", "right side")
            if _is_zero(left.value) and not _is_zero(right.value):
                left = _Part(left.value, right.unit)
            unit = _unit_text(left.unit)
            scale = float(self.registry.Quantity(1, left.unit).to_base_units().magnitude)
            result.append(Comparison(left.value, op, right.value, unit, scale))
        return tuple(result)

    def build(self, node: ast.AST) -> _Part:
        if isinstance(node, ast.Constant):
            return self._number(node)
        if isinstance(node, ast.Name):
            return self._name(node)
        if isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, ast.USub | ast.UAdd):
                raise rejected(node, f"operator '{operator_text(node.op)}'")
            operand = self.build(node.operand)
            value = -operand.value if isinstance(node.op, ast.USub) else operand.value
            return _Part(value, operand.unit)
        if isinstance(node, ast.BinOp):
            return self._binary(node)
        if isinstance(node, ast.Call):
            return self._call(node)
        if isinstance(node, ast.Compare):
            raise expr_error(f"a comparison{where(node)} can only be the whole expression")
        raise rejected(node)

    def _number(self, node: ast.Constant) -> _Part:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise rejected(node)
        number = sympy.Integer(value) if isinstance(value, int) else sympy.Float(value)
        return _Part(number, self.registry.dimensionless)

    def _name(self, node: ast.Name) -> _Part:
        name = node.id
        if name in self.metrics:
            kind, unit_text = "metric", self.metrics[name]
        elif name in self.facts:
            kind, unit_text = "fact", self.facts[name].unit
        elif name not in FUNCTIONS and not name.startswith("_") and self._is_unit(name):
            kind, unit_text = "unit", name
        else:
            raise expr_error(f"unknown name '{name}'{where(node)}{self._suggest(name)}")
        unit = self._unit(unit_text, name)
        if name not in self.used:
            self.used[name] = kind
            self.unit_text[name] = _unit_text(unit)
            self.scale[name] = float(self.registry.Quantity(1, unit).to_base_units().magnitude)
        return _Part(make_symbol(name), unit)

    def _is_unit(self, name: str) -> bool:
        try:
            return name in self.registry
        except (pint.errors.PintError, ValueError, TypeError, AttributeError):
            return False

    def _unit(self, text: str, name: str) -> PlainUnit:
        try:
            unit = self.registry.Unit(text)
        except (pint.errors.PintError, ValueError, TypeError, AttributeError) as error:
            raise expr_error(f"'{name}' has an unknown unit {text!r}: {error}") from None
        if not self.registry.Quantity(1, unit)._is_multiplicative:
            raise expr_error(f"'{name}' has unit {text!r} with an offset; use a plain unit")
        return unit

    def _suggest(self, name: str) -> str:
        known = [*self.metrics, *self.facts]
        close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
        if not close:
            close = difflib.get_close_matches(name, list(self.registry._units), n=3, cutoff=0.8)
        if close:
            return f" (did you mean {', '.join(repr(c) for c in close)}?)"
        names = ", ".join(sorted(known)) or "none"
        return f" (metrics and facts: {names}; units such as year, day, person, USD)"

    def _binary(self, node: ast.BinOp) -> _Part:
        if type(node.op) not in BINARY:
            raise rejected(node, f"operator '{operator_text(node.op)}'")
        if isinstance(node.op, ast.Pow):
            return self._power(node)
        left, right = self.build(node.left), self.build(node.right)
        operations: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
            ast.Add: lambda a, b: a + b,
            ast.Sub: lambda a, b: a - b,
            ast.Mult: lambda a, b: a * b,
            ast.Div: lambda a, b: a / b,
        }
        if isinstance(node.op, ast.Add | ast.Sub):
            self._same_dimension(left.unit, right.unit, "left operand", "right operand", node)
            unit = left.unit
        elif isinstance(node.op, ast.Mult):
            unit = left.unit * right.unit
        else:
            if right.value == 0:
                raise expr_error(f"division by zero{where(node)}")
            unit = left.unit / right.unit
        value = operations[type(node.op)](left.value, right.value)
        return _Part(value, unit)

    def _power(self, node: ast.BinOp) -> _Part:
        exponent = integer_literal(node.right)
        if exponent is None or abs(exponent) > MAX_EXPONENT:
            raise expr_error(
                f"exponent{where(node.right)} must be an integer literal between "
                f"-{MAX_EXPONENT} and {MAX_EXPONENT}"
            )
        base = self.build(node.left)
        if exponent < 0 and base.value == 0:
            raise expr_error(f"division by zero{where(node)}")
        return _Part(sympy.Pow(base.value, sympy.Integer(exponent)), base.unit**exponent)

    def _call(self, node: ast.Call) -> _Part:
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            callee = node.func.id if isinstance(node.func, ast.Name) else None
            what = f"call to '{callee}'" if callee else "call"
            if not isinstance(node.func, ast.Name):
                raise rejected(node.func)
            raise rejected(node, what)
        name = node.func.id
        if node.keywords:
            raise rejected(node.keywords[0], "keyword argument")
        for argument in node.args:
            if isinstance(argument, ast.Starred):
                raise rejected(argument)
        arguments = [self.build(argument) for argument in node.args]
        if name == "abs":
            if len(arguments) != 1:
                raise expr_error(f"abs(){where(node)} takes exactly one argument")
            return _Part(sympy.Abs(arguments[0].value), arguments[0].unit)
        if len(arguments) < 2:
            raise expr_error(f"{name}(){where(node)} takes two or more arguments")
        for other in arguments[1:]:
            self._same_dimension(
                arguments[0].unit, other.unit, "first argument", "another argument", node
            )
        function = sympy.Min if name == "min" else sympy.Max
        return _Part(function(*(a.value for a in arguments)), arguments[0].unit)

    def _same_dimension(
        self,
        left: PlainUnit,
        right: PlainUnit,
        left_name: str,
        right_name: str,
        node: ast.AST | None = None,
    ) -> None:
        if left.dimensionality != right.dimensionality:
            location = where(node) if node is not None else ""
            raise expr_error(
                f"{left_name} is {_dimension_text(left)}, {right_name} is "
                f"{_dimension_text(right)}{location}: the units do not match"
            )


def _is_zero(value: sympy.Expr) -> bool:
    return bool(value.is_Number and value == 0)


def _unit_text(unit: PlainUnit) -> str:
    text = str(unit)
    return text if text else "dimensionless"


def _dimension_text(unit: PlainUnit) -> str:
    text = str(unit.dimensionality)
    return text if text else "dimensionless"
