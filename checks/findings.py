"""The findings record: what every evaluator returns and every report starts from."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")
#: Higher is more severe; ``--fail-on never`` is above every severity.
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3, "never": 99}


@dataclass(frozen=True)
class ClaimRef:
    """A claim a finding rests on, with enough to locate and quote it."""

    claim_id: str
    article: str
    line: int
    col: int
    text: str
    #: the article file, for report locations (None for in-memory articles)
    path: str | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> ClaimRef:
        """From a claims-table row (a mapping or a pandas ``Series``/namedtuple as dict)."""
        path = row.get("path")
        return cls(
            claim_id=str(row["claim_id"]),
            article=str(row["article"]),
            line=int(row["line"]),
            col=int(row["col"]),
            text=str(row["text"]),
            path=None if path is None or path != path else str(path),
        )


@dataclass(frozen=True)
class Finding:
    """One rule violation (or, for ``info``, one derived fact) over some claims."""

    rule: str
    severity: str
    message: str
    claims: tuple[ClaimRef, ...]
    #: the numbers used: left/right sides, intervals, deviation, ...
    detail: Mapping[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple[str, int, str, int, str]:
        """Deterministic order: by article, line, rule (then column and message)."""
        first = self.claims[0] if self.claims else None
        return (
            first.article if first else "",
            first.line if first else 0,
            self.rule,
            first.col if first else 0,
            self.message,
        )

    def fingerprint(self) -> str:
        """A stable id of what the finding is about: the rule and the claims' articles and
        texts, not their positions, so edits elsewhere in an article keep it (baselines,
        SARIF ``partialFingerprints``)."""
        parts = sorted(f"{c.article}\x1f{c.text}" for c in self.claims)
        payload = "\x1e".join([self.rule, *parts])
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]

    def to_record(self) -> dict[str, Any]:
        """A plain, JSON-ready dict (SPEC: findings)."""
        return {
            "fingerprint": self.fingerprint(),
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "claims": [
                {
                    "claim_id": c.claim_id,
                    "article": c.article,
                    "line": c.line,
                    "col": c.col,
                    "text": c.text,
                    "path": c.path,
                }
                for c in self.claims
            ],
            "detail": _plain(self.detail),
        }


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in their one deterministic order."""
    return sorted(findings, key=Finding.sort_key)


def to_records(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """Sorted plain dicts: the single input every formatter starts from."""
    return [finding.to_record() for finding in sort_findings(findings)]


def _plain(value: Any) -> Any:
    """JSON-ready copy: numpy scalars to Python, NaN to None, inf to "inf"."""
    import math

    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and callable(value.item):
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
    if value is not None and not isinstance(value, str | int | float | bool):
        return str(value)
    return value
