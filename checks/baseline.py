"""Baselines: known findings a team has accepted, matched by fingerprint.

A baseline is a YAML file::

    version: 1
    entries:
      - fingerprint: 3f1c...            # Finding.fingerprint(): rule + claim texts
        rule: losses-agree
        reason: "Seoul and Kyiv count differently; tracked in the desk log"
        expires: 2025-06-30             # optional: after this date the entry stops working
        message: "..."                  # informational copy of the finding's message

Every entry needs a ``reason``. Entries that match no finding any more are stale
and reported, so a baseline shrinks as articles are fixed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checks.findings import Finding
from claims.errors import ConfigError

PLACEHOLDER_REASON = "accepted when the baseline was written; say why"


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted finding."""

    fingerprint: str
    rule: str
    reason: str
    expires: dt.date | None = None
    message: str | None = None

    def active(self, today: dt.date) -> bool:
        """False once the entry has expired."""
        return self.expires is None or today <= self.expires


@dataclass
class BaselineResult:
    """Findings left after applying a baseline, and what the baseline itself needs."""

    findings: list[Finding]
    suppressed: int = 0
    stale: list[BaselineEntry] = field(default_factory=list)
    expired: list[BaselineEntry] = field(default_factory=list)


def load_baseline(path: str | Path) -> list[BaselineEntry]:
    """Entries of the baseline at ``path``; a missing file is an empty baseline."""
    target = Path(path)
    shown = str(path)
    if not target.exists():
        return []
    try:
        raw = yaml.safe_load(target.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read baseline: {error}", path=shown) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(
            "invalid YAML in baseline", path=shown, line=mark.line + 1 if mark else None
        ) from None
    if not isinstance(raw, Mapping) or not isinstance(raw.get("entries", []), list):
        raise ConfigError("a baseline is a mapping with an 'entries:' list", path=shown, line=1)
    return [_entry(item, index, shown) for index, item in enumerate(raw.get("entries") or [])]


def _entry(item: Any, index: int, shown: str) -> BaselineEntry:
    where = f"entries[{index}]"
    if not isinstance(item, Mapping):
        raise ConfigError("must be a mapping", path=shown, key=where)
    for required in ("fingerprint", "rule", "reason"):
        value = item.get(required)
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"needs a non-empty '{required}'", path=shown, key=where)
    expires = item.get("expires")
    if expires is not None and not isinstance(expires, dt.date):
        try:
            expires = dt.date.fromisoformat(str(expires))
        except ValueError:
            raise ConfigError(
                f"expires {expires!r} is not an ISO date", path=shown, key=f"{where}.expires"
            ) from None
    message = item.get("message")
    return BaselineEntry(
        fingerprint=item["fingerprint"].strip(),
        rule=item["rule"].strip(),
        reason=item["reason"].strip(),
        expires=expires,
        message=str(message) if message is not None else None,
    )


def apply_baseline(
    findings: Iterable[Finding], entries: Iterable[BaselineEntry], today: dt.date | None = None
) -> BaselineResult:
    """Drop findings that an active entry accepts; list stale and expired entries."""
    today = today or dt.date.today()
    entries = list(entries)
    active = {e.fingerprint for e in entries if e.active(today)}
    kept: list[Finding] = []
    used: set[str] = set()
    suppressed = 0
    for finding in findings:
        fingerprint = finding.fingerprint()
        if fingerprint in active:
            used.add(fingerprint)
            suppressed += 1
        else:
            kept.append(finding)
    return BaselineResult(
        findings=kept,
        suppressed=suppressed,
        stale=[e for e in entries if e.active(today) and e.fingerprint not in used],
        expired=[e for e in entries if not e.active(today)],
    )


def baseline_text(findings: Iterable[Finding], previous: Iterable[BaselineEntry] = ()) -> str:
    """A baseline accepting ``findings``, keeping reasons and expiry of earlier entries."""
    known = {e.fingerprint: e for e in previous}
    entries = []
    seen = set()
    for finding in findings:
        fingerprint = finding.fingerprint()
        if fingerprint in seen:
            continue
        seen.add(fingerprint)
        old = known.get(fingerprint)
        entry: dict[str, Any] = {
            "fingerprint": fingerprint,
            "rule": finding.rule,
            "reason": old.reason if old else PLACEHOLDER_REASON,
        }
        if old and old.expires:
            entry["expires"] = old.expires.isoformat()
        entry["message"] = finding.message
        entries.append(entry)
    header = "# numcheck baseline: accepted findings. Every entry needs a reason.\n"
    body = yaml.safe_dump(
        {"version": 1, "entries": entries}, sort_keys=False, allow_unicode=True, width=100
    )
    return header + body
