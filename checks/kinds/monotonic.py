"""Options of the ``monotonic`` kind (evaluated in checks/engine/pandas/monotonic.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from checks.kinds import KindContext, kind
from checks.kinds._parsing import metric_key, reject_unknown_keys
from checks.rules.values import parse_column_list, parse_percentage
from claims.errors import ConfigError

KEYS = ("metric", "same", "tolerance")


@kind("monotonic", keys=KEYS)
@dataclass(frozen=True)
class MonotonicOptions:
    """A running total never shrinks: a later figure may not lie wholly below an earlier one.

    Within each group of claims of ``metric`` that match on the ``same`` columns (default
    ``[entity, source]``; an unattributed claim counts as its publisher's), ordered by
    published date, a claim is flagged when its interval, widened by ``tolerance``, lies
    entirely below the widened interval of a claim published on an earlier day. The metric
    must be declared ``cumulative: true``. Only standing totals are compared (claims with a
    stated ``period`` such as "in three days" are left out), as are undated claims.

    Message placeholders: ``a`` (the earlier claim), ``b`` (the later, lower one; any
    claims-table column, e.g. ``{b.text}``), ``metric``, ``ratio`` (earlier stated value
    over later), ``days`` (days apart), ``tolerance``.

    Flagged::

        - id: losses-never-shrink
          kind: monotonic
          metric: losses
          same: [entity, source]

        (Dec 19) Seoul's spy agency put North Korean losses at about 1,100.
        (Dec 27) Seoul's spy agency put North Korean losses at 600.

    Passing::

        (Dec 19) Seoul's spy agency put North Korean losses at about 1,100.
        (Dec 27) Seoul's spy agency put North Korean losses at nearly 1,050.

    "nearly 1,050" allows [945, 1,050], which meets "about 1,100" ([990, 1,210]).
    """

    metric: str
    same: tuple[str, ...] = ("entity", "source")
    #: relative slack added to each side of every interval (0.25 = 25%)
    tolerance: float = 0.0

    MESSAGE_FIELDS: ClassVar[tuple[str, ...]] = ("a", "b", "metric", "ratio", "days", "tolerance")

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], context: KindContext) -> MonotonicOptions:
        """Validate the rule's options; raises ``ConfigError(key=...)``."""
        reject_unknown_keys(raw, KEYS)
        metric = metric_key(raw, context)
        if not context.vocabulary.metrics[metric].cumulative:
            raise ConfigError(
                f"metric '{metric}' is not a running total: declare it with cumulative: true",
                key="metric",
                rule=context.rule_id,
            )
        return cls(
            metric=metric,
            same=parse_column_list(raw.get("same", ["entity", "source"]), key="same"),
            tolerance=parse_percentage(raw.get("tolerance", 0), key="tolerance"),
        )
