"""Tag each quantity with its sentence, metric, entity, source, relay and period.

INTERFACE (owned by the tagging work; other stages rely on this shape).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claims.quantities import Quantity
from claims.vocab import Vocabulary


@dataclass(frozen=True, slots=True)
class Tags:
    """What the words around a quantity say about it. Unknown -> None."""

    sentence: str
    metric: str | None
    entity: str | None
    source: str | None
    reported_by: str | None
    period: str | None
    #: the unit to use instead of the quantity's own when the metric supplies it
    #: (a bare count "losses exceeded 3,000" takes the metric's "person"); None keeps it
    unit: str | None = None


def tag_quantities(
    text: str, quantities: Sequence[Quantity], vocabulary: Vocabulary
) -> list[Tags]:
    """One :class:`Tags` per quantity, in the same order."""
    raise NotImplementedError
