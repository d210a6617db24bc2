"""The allow-list of rule expressions: what ``ast`` nodes may appear, and how a
rejected one is named in the error (checks/rules/expr.py builds the rest)."""

from __future__ import annotations

import ast
from typing import Any

from claims.errors import ConfigError

MAX_LENGTH = 500
MAX_DEPTH = 30
MAX_EXPONENT = 4
FUNCTIONS = ("abs", "min", "max")
#: Comparison operators accepted, by ast type; ``!=`` has no useful interval meaning.
OPERATORS: dict[type[ast.cmpop], str] = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Eq: "==",
    ast.GtE: ">=",
    ast.Gt: ">",
}
BINARY: dict[type[ast.operator], str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.Pow: "**",
}
#: Human names of rejected constructs (anything not listed falls back to the ast name).
CONSTRUCTS: dict[type[ast.AST], str] = {
    ast.Attribute: "attribute access",
    ast.Subscript: "subscript",
    ast.Lambda: "lambda",
    ast.ListComp: "comprehension",
    ast.SetComp: "comprehension",
    ast.DictComp: "comprehension",
    ast.GeneratorExp: "comprehension",
    ast.JoinedStr: "f-string",
    ast.FormattedValue: "f-string",
    ast.BoolOp: "boolean operator (and/or)",
    ast.NamedExpr: "assignment expression (:=)",
    ast.Starred: "starred argument",
    ast.IfExp: "conditional expression",
    ast.Tuple: "tuple",
    ast.List: "list",
    ast.Set: "set",
    ast.Dict: "dict",
    ast.Await: "await",
    ast.Yield: "yield",
    ast.YieldFrom: "yield",
    ast.Slice: "slice",
}
#: How rejected operators are shown to the user.
OPERATOR_TEXT: dict[type[ast.AST], str] = {
    ast.Mod: "%",
    ast.FloorDiv: "//",
    ast.MatMult: "@",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.Not: "not",
    ast.Invert: "~",
    ast.NotEq: "!=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
}


def expr_error(message: str) -> ConfigError:
    """A configuration error about the ``expr`` key."""
    return ConfigError(message, key="expr")


def depth(node: ast.AST, level: int = 1) -> int:
    """Nesting depth of ``node``; stops descending once past the limit."""
    if level > MAX_DEPTH:
        return level
    children = list(ast.iter_child_nodes(node))
    return max((depth(child, level + 1) for child in children), default=level)


def where(node: ast.AST) -> str:
    """`` at column N`` (1-based) for error messages, or ``""`` when unknown."""
    offset = getattr(node, "col_offset", None)
    return f" at column {offset + 1}" if offset is not None else ""


def rejected(node: ast.AST, what: str | None = None) -> ConfigError:
    """The error for a construct outside the allow-list, named for humans."""
    if what is None:
        if isinstance(node, ast.Constant):
            what = constant_name(node.value)
        else:
            what = CONSTRUCTS.get(type(node), type(node).__name__)
    return expr_error(
        f"{what}{where(node)} is not allowed (only numbers, names, + - * / **, "
        f"comparisons and {', '.join(FUNCTIONS)}())"
    )


def constant_name(value: Any) -> str:
    """What kind of literal ``value`` is ("string", "bytes", ...)."""
    if isinstance(value, str):
        return "string"
    if isinstance(value, bytes):
        return "bytes"
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "None"
    if value is Ellipsis:
        return "ellipsis"
    return f"{type(value).__name__} literal"


def integer_literal(node: ast.AST) -> int | None:
    """The value of ``4`` or ``-2`` written literally, else None."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        sign = -1 if isinstance(node.op, ast.USub) else 1
        node = node.operand
    if (
        isinstance(node, ast.Constant)
        and isinstance(node.value, int)
        and not isinstance(node.value, bool)
    ):
        return sign * node.value
    return None


def operator_text(op: ast.AST) -> str:
    """An operator as written ("%", "not in")."""
    return OPERATOR_TEXT.get(type(op), type(op).__name__)
