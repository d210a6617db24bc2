"""Options of the ``agree`` kind (evaluated in checks/engine/pandas/agree.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, ClassVar

from checks.kinds import KindContext, kind
from checks.kinds._parsing import metric_key, reject_unknown_keys
from checks.rules.values import parse_column, parse_column_list, parse_duration, parse_percentage
from claims.errors import ConfigError

KEYS = ("metric", "same", "across", "window", "tolerance")


@kind("agree", keys=KEYS)
@dataclass(frozen=True)
class AgreeOptions:
    """Figures for the same thing from different sources must be able to agree.

    Claims of ``metric`` that match on every ``same`` column (default ``[entity]``) and
    differ on ``across`` (default ``source``; an unattributed claim counts as its
    publisher's) are compared. They contradict when their hedged intervals, each widened
    by ``tolerance``, share no value: "more than 3,000" and "about 1,100" contradict,
    "up to 12,000" and "about 11,000" do not. Only like periods are compared: a figure for
    a stated span ("in three days") never meets a standing total. With ``window``, only
    claims published at most that far apart are compared. Claims with an unknown value in
    a ``same`` or ``across`` column are left out. Each claim is reported with its most
    extreme disagreeing partner, each pair once.

    Message placeholders: ``a``, ``b`` (the two claims, earlier first; any claims-table
    column, e.g. ``{a.text}``, ``{b.source_or_publisher}``, ``{a.published}``),
    ``metric``, ``ratio`` (larger stated value over smaller), ``gap_ratio`` (upper
    widened low over lower widened high), ``days`` (days apart), ``tolerance``.

    Flagged::

        - id: losses-agree
          kind: agree
          metric: losses
          same: [entity]
          across: source
          window: 30 days
          tolerance: 25%

        Seoul's Joint Chiefs of Staff counted around 1,100 North Korean casualties.
        Zelensky said North Korean losses had exceeded 3,000 killed and wounded.

    Both were published the same day; [990, 1,210] widened by 25% reaches 1,512.5, while
    the second figure starts above 2,250: one finding, "2.7x apart".

    Passing::

        The Pentagon said up to 12,000 North Korean troops had been sent.
        Kyiv's spy agency counted about 11,000 North Korean soldiers sent.

    [0, 12,000] and [9,900, 12,100] overlap, so the figures can both be true.
    """

    metric: str
    same: tuple[str, ...] = ("entity",)
    across: str = "source"
    #: largest gap between published dates, in days; None compares any dates
    window_days: float | None = None
    #: relative slack added to each side of every interval (0.25 = 25%)
    tolerance: float = 0.0

    MESSAGE_FIELDS: ClassVar[tuple[str, ...]] = (
        "a",
        "b",
        "metric",
        "ratio",
        "gap_ratio",
        "days",
        "tolerance",
    )

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], context: KindContext) -> AgreeOptions:
        """Validate the rule's options; raises ``ConfigError(key=...)``."""
        reject_unknown_keys(raw, KEYS)
        metric = metric_key(raw, context)
        same = parse_column_list(raw.get("same", ["entity"]), key="same")
        across = parse_column(raw.get("across", "source"), key="across")
        if across in same:
            raise ConfigError(f"'{across}' cannot be both in same: and across:", key="across")
        window = raw.get("window")
        return cls(
            metric=metric,
            same=same,
            across=across,
            window_days=None if window is None else _days(parse_duration(window, key="window")),
            tolerance=parse_percentage(raw.get("tolerance", 0), key="tolerance"),
        )


def _days(span: timedelta) -> float:
    return span.total_seconds() / 86_400
