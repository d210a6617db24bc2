"""Options of the ``holds`` kind (evaluated in checks/engine/pandas/holds.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from checks.kinds import KindContext, kind
from checks.kinds._parsing import reject_unknown_keys
from checks.rules.expr import Expression, parse_expression
from checks.rules.values import parse_percentage
from claims.errors import ConfigError
from claims.units import get_registry

KEYS = ("expr", "scope", "tolerance", "max_combinations")
#: scope option -> the claims-table column whose equal values bind the variables together
SCOPES: dict[str, str] = {
    "article": "article",
    "entity": "entity",
    "source": "source_or_publisher",
}
DEFAULT_MAX_COMBINATIONS = 200
MAX_COMBINATIONS_LIMIT = 100_000


@kind("holds", keys=KEYS)
@dataclass(frozen=True)
class HoldsOptions:
    """An equation or inequality over metrics and facts must be satisfiable.

    ``expr`` is an arithmetic comparison over metric keys (bound to claims), fact keys
    (values or ranges from ``facts:``) and unit names (``year``, ``day``): numbers,
    ``+ - * / **`` (small integer powers), ``abs``, ``min``, ``max`` and ``< <= == >= >``,
    chains included (``0 <= killed <= deployed``). Units must agree on both sides: this is
    checked when the rule file loads.

    ``scope`` says which claims are combined: ``article`` (all claims of one article, the
    default), ``entity`` (of one entity) or ``source`` (of one claimant; the publisher stands
    in where a claim names none). Every combination of one claim per metric in a scope is
    tried, up to ``max_combinations`` (default 200) per scope: claims are ranked most recent
    first, then by article and position, and combinations are taken in that order. A claim
    about a stated period ("in three days") is only combined with claims of the same period.

    A combination is flagged only when no values inside the claims' hedged intervals, with
    ``tolerance`` (default 0%) of slack, satisfy the comparison. For an equation with
    exactly one unknown (a metric with no claim in the scope, or a fact with a range but no
    value), the value the others imply is reported as an ``info`` finding; when the unknown is
    a fact and the implied value lies outside its range, the finding takes the rule's
    severity instead.

    Message placeholders: each metric of ``expr`` (a claim row: ``{killed.text}``), each fact
    (``{nk_annual_wage.low}``), ``lhs`` and ``rhs`` (the sides' intervals as text), ``op``,
    ``expr``, ``deviation``, ``unit``, and for implied values ``implied`` (the unknown's name)
    and ``value``.

    Flagged::

        - id: killed-within-deployed
          kind: holds
          expr: "killed + wounded <= deployed"
          scope: article
          severity: error

        Of the 500 soldiers deployed, 400 were killed and 300 wounded, officials said.

    Passing::

        Of the 12,000 soldiers deployed, 400 were killed and 300 wounded, officials said.
    """

    expr: Expression
    scope: str = "article"
    #: relative slack on the compared bounds (0.05 = 5%)
    tolerance: float = 0.0
    max_combinations: int = DEFAULT_MAX_COMBINATIONS

    MESSAGE_FIELDS: ClassVar[tuple[str, ...]] = (
        "lhs",
        "rhs",
        "op",
        "expr",
        "deviation",
        "unit",
        "implied",
        "value",
    )

    @property
    def scope_column(self) -> str:
        """The claims-table column that binds the variables."""
        return SCOPES[self.scope]

    def message_fields(self) -> tuple[str, ...]:
        """Placeholders a message template of this rule may use (metrics and facts too)."""
        return (*self.MESSAGE_FIELDS, *self.expr.metrics, *self.expr.facts)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], context: KindContext) -> HoldsOptions:
        """Validate the rule's options; raises ``ConfigError(key=...)``."""
        reject_unknown_keys(raw, KEYS)
        text = raw.get("expr")
        if not isinstance(text, str) or not text.strip():
            raise ConfigError(
                "required: a comparison such as 'killed + wounded <= deployed'",
                key="expr",
                rule=context.rule_id,
            )
        vocabulary = context.vocabulary
        expression = parse_expression(
            text,
            metrics={key: metric.unit for key, metric in vocabulary.metrics.items()},
            facts=context.facts,
            registry=get_registry(vocabulary.units),
        )
        scope = raw.get("scope", "article")
        if scope not in SCOPES:
            raise ConfigError(
                f"must be one of {', '.join(SCOPES)} (got {scope!r})",
                key="scope",
                rule=context.rule_id,
            )
        tolerance = parse_percentage(raw.get("tolerance", 0), key="tolerance")
        limit = raw.get("max_combinations", DEFAULT_MAX_COMBINATIONS)
        if (
            isinstance(limit, bool)
            or not isinstance(limit, int)
            or not 1 <= limit <= MAX_COMBINATIONS_LIMIT
        ):
            raise ConfigError(
                f"must be a whole number from 1 to {MAX_COMBINATIONS_LIMIT} (got {limit!r})",
                key="max_combinations",
                rule=context.rule_id,
            )
        return cls(expr=expression, scope=scope, tolerance=tolerance, max_combinations=limit)
