"""Safe rule expressions: the ast allow-list, names, units, comparisons."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.rules.expr import Expression, make_symbol, parse_expression
from checks.rules.model import Fact
from claims.errors import ConfigError
from claims.units import get_registry

REGISTRY = get_registry(("person = [headcount] = soldier = soldiers",))
METRICS = {
    "killed": "person",
    "wounded": "person",
    "deployed": "person",
    "pay_per_soldier": "USD / person",
    "wage_multiple": "dimensionless",
    "killed_per_day": "person / day",
}
FACTS = {
    "nk_annual_wage": Fact("nk_annual_wage", None, "USD / person / year", 15, 60),
    "brigade_size": Fact("brigade_size", 3000, "person"),
}


def parse(text: str) -> Expression:
    return parse_expression(text, metrics=METRICS, facts=FACTS, registry=REGISTRY)


def rejected(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        parse(text)
    assert caught.value.key == "expr"
    return caught.value


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("__import__('os').system('x') <= killed", "attribute access at column 1"),
        ("().__class__ <= killed", "attribute access"),
        ("open('x') <= killed", "call to 'open' at column 1"),
        ("__import__('os') <= killed", "call to '__import__'"),
        ("(lambda: 1)() <= killed", "lambda at column 2"),
        ("killed <= (lambda: 5)", "lambda at column 12"),
        ("killed <= sum([k for k in deployed])", "call to 'sum'"),
        ("killed <= max([k for k in deployed], 1)", "comprehension"),
        ("killed <= max((k for k in deployed), 1)", "comprehension"),
        ("f'{killed}' <= deployed", "f-string"),
        ("'killed' <= deployed", "string at column 1"),
        ("b'x' <= deployed", "bytes"),
        ("killed[0] <= deployed", "subscript"),
        ("killed <= deployed and killed <= 5", "boolean operator (and/or)"),
        ("(killed := 3) <= deployed", "assignment expression (:=) at column 2"),
        ("max(*killed) <= deployed", "starred argument"),
        ("abs(x=killed) <= deployed", "keyword argument"),
        ("(killed if deployed else 1) <= 2", "conditional expression"),
        ("{killed} <= deployed", "set"),
        ("(killed, wounded) <= deployed", "tuple"),
        ("killed % 7 <= deployed", "operator '%'"),
        ("killed // 7 <= deployed", "operator '//'"),
        ("not killed", "operator 'not'"),
        ("killed != deployed", "comparison operator '!='"),
        ("killed in deployed", "comparison operator 'in'"),
        ("killed is deployed", "comparison operator 'is'"),
        ("True <= killed", "boolean"),
        ("...", "ellipsis"),
    ],
)
def test_constructs_outside_the_allow_list_are_named(text: str, named: str) -> None:
    assert named in rejected(text).message


@pytest.mark.parametrize(
    "text",
    [
        "9**9**9 <= killed",
        "killed * 2**5 <= deployed",
        "killed ** wounded <= deployed",
        "killed ** 0.5 <= deployed",
    ],
)
def test_exponent_must_be_a_small_integer_literal(text: str) -> None:
    assert "exponent" in rejected(text).message


def test_small_powers_are_allowed() -> None:
    expression = parse("killed ** 2 <= deployed ** 2")
    assert expression.comparisons[0].lhs == make_symbol("killed") ** 2


def test_parsing_never_hands_text_to_sympify(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("sympify must not be used on rule text")

    monkeypatch.setattr(sympy, "sympify", refuse)
    monkeypatch.setattr(sympy, "parse_expr", refuse, raising=False)
    expression = parse(
        "abs(killed - wounded) + min(killed, 2 * wounded) <= max(deployed, 1.5 * killed)"
    )
    assert expression.metrics == ("killed", "wounded", "deployed")


def test_a_bare_value_is_not_a_rule() -> None:
    assert "must be a comparison" in rejected("killed + wounded").message


def test_length_and_depth_limits() -> None:
    assert "limit is 500" in rejected("killed" + " + killed" * 80 + " <= deployed").message
    nested = "abs(" * 31 + "killed" + ")" * 31 + " <= deployed"
    assert "nested" in rejected(nested).message


def test_syntax_errors_are_config_errors() -> None:
    assert "not a valid expression" in rejected("killed <= <= deployed").message


def test_chain_becomes_two_comparisons() -> None:
    expression = parse("0 <= killed + wounded <= deployed")
    first, second = expression.comparisons
    killed, wounded, deployed = (make_symbol(n) for n in ("killed", "wounded", "deployed"))
    assert (first.lhs, first.op, first.rhs) == (0, "<=", killed + wounded)
    assert (second.lhs, second.op, second.rhs) == (killed + wounded, "<=", deployed)
    assert second.unit == "person"
    assert not expression.is_equation


def test_operators_and_names_are_recorded() -> None:
    expression = parse("pay_per_soldier == wage_multiple * nk_annual_wage * year")
    assert expression.is_equation
    assert expression.metrics == ("pay_per_soldier", "wage_multiple")
    assert expression.facts == ("nk_annual_wage",)
    assert expression.unit_factors == ("year",)
    assert expression.unit_of("nk_annual_wage") == "USD / person / year"
    assert expression.scale_of("year") == pytest.approx(365.25 * 86400)
    assert expression.scale_of("nk_annual_wage") == pytest.approx(1 / (365.25 * 86400))
    assert expression.fact("nk_annual_wage").high == 60
    assert expression.comparisons[0].unit == "USD / person"


def test_greater_than_keeps_its_operator() -> None:
    assert parse("deployed > killed").comparisons[0].op == ">"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "killed <= pay_per_soldier",
            "left side is [headcount], right side is [currency_usd] / [headcount]",
        ),
        ("killed + pay_per_soldier <= deployed", "left operand is [headcount], right operand"),
        ("min(killed, wage_multiple) <= deployed", "first argument is [headcount]"),
        ("pay_per_soldier == wage_multiple * nk_annual_wage", "[time]"),
        ("killed_per_day <= killed", "[headcount] / [time]"),
    ],
)
def test_dimension_mismatches(text: str, message: str) -> None:
    assert message in rejected(text).message


def test_units_make_dimensions_agree() -> None:
    expression = parse("killed <= killed_per_day * 3 * week")
    assert expression.unit_factors == ("week",)
    assert expression.comparisons[0].unit == "person"


def test_zero_fits_any_dimension() -> None:
    assert parse("0 <= killed").comparisons[0].op == "<="


def test_unknown_names_suggest_close_matches() -> None:
    assert "did you mean 'killed'" in rejected("kiled <= deployed").message
    assert "did you mean 'nk_annual_wage'" in rejected("nk_anual_wage * year <= 5").message
    listed = rejected("zzz <= deployed").message
    assert "killed" in listed and "brigade_size" in listed


def test_private_names_and_functions_are_not_units() -> None:
    assert "unknown name '__class__'" in rejected("__class__ <= killed").message
    assert "unknown name 'abs'" in rejected("abs <= killed").message


def test_literal_division_by_zero() -> None:
    assert "division by zero" in rejected("killed / 0 <= deployed").message
    assert "division by zero" in rejected("killed / (wounded - wounded) <= deployed").message


def test_function_arity() -> None:
    assert "exactly one argument" in rejected("abs(killed, wounded) <= deployed").message
    assert "two or more" in rejected("max(killed) <= deployed").message


def test_numbers_become_exact_or_float_sympy_numbers() -> None:
    comparison = parse("killed <= 2 * deployed + 0.5 * wounded").comparisons[0]
    coefficients = {
        str(term.as_coeff_Mul()[1]): term.as_coeff_Mul()[0] for term in comparison.rhs.args
    }
    assert coefficients["deployed"] == sympy.Integer(2)
    assert float(coefficients["wounded"]) == 0.5


TOKENS = st.sampled_from(
    [
        "killed",
        "deployed",
        "year",
        "brigade_size",
        "2",
        "0",
        "1.5",
        "+",
        "-",
        "*",
        "/",
        "**",
        "(",
        ")",
        "<=",
        "==",
        ">",
        "abs(",
        "min(",
        ",",
        ".",
        "'",
        "[",
        "]",
        "lambda",
        ":",
        "_",
        "open(",
        "if",
        "not",
        "%",
        "nope",
        "9",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, min_size=1, max_size=14))
def test_any_token_soup_parses_or_raises_config_error(tokens: list[str]) -> None:
    text = " ".join(tokens)
    try:
        expression = parse(text)
    except ConfigError as error:
        assert error.key == "expr"
    else:
        assert expression.comparisons


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text_parses_or_raises_config_error(text: str) -> None:
    try:
        parse(text)
    except ConfigError as error:
        assert error.key == "expr"
