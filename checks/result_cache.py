"""A cache of a whole run's findings, for a second run over an unchanged corpus.

Keyed by every article's claim-cache key (content, metadata, vocabulary, extractor
code), the rule file's bytes and a hash of the ``checks`` package source: change any
article, the rules or numcheck, and the run is evaluated afresh. Stored as JSON next
to the claim cache (never pickle: the folder may arrive in a pull request).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from checks.findings import ClaimRef, Finding
from checks.rules.model import RuleFile
from claims.articles import Article
from claims.cache import ClaimCache


@functools.lru_cache(maxsize=1)
def checks_version() -> str:
    """A hash of the ``checks`` package source."""
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class FindingCache:
    """Findings (before suppressions) and the number of checks run, per corpus state."""

    def __init__(self, claim_cache: ClaimCache, rule_file: RuleFile) -> None:
        self.directory = claim_cache.directory / "findings"
        self._claims = claim_cache
        self._rules = _rule_bytes(rule_file)

    def key(self, articles: Sequence[Article]) -> str | None:
        """The key of this corpus state, None when the rule file has no file to hash."""
        if self._rules is None:
            return None
        digest = hashlib.sha256(checks_version().encode())
        digest.update(self._rules)
        for key in sorted(self._claims.key(article) for article in articles):
            digest.update(key.encode())
        return digest.hexdigest()

    def get(self, key: str | None) -> tuple[list[Finding], int] | None:
        """Cached findings and checks-run count, or None (damaged entries are misses)."""
        if key is None:
            return None
        try:
            stored = json.loads((self.directory / f"{key}.json").read_text(encoding="utf-8"))
            findings = [_finding(record) for record in stored["findings"]]
            return findings, int(stored["ran"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str | None, findings: Sequence[Finding], ran: int) -> None:
        """Store a run's findings; a folder that cannot be written is ignored."""
        if key is None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump({"ran": ran, "findings": [f.to_record() for f in findings]}, stream)
            os.replace(temporary, self.directory / f"{key}.json")
        except OSError:
            return


def _rule_bytes(rule_file: RuleFile) -> bytes | None:
    if rule_file.path is None:
        return None
    try:
        return Path(rule_file.path).read_bytes()
    except OSError:
        return None


def _finding(record: dict) -> Finding:
    claims = tuple(
        ClaimRef(
            claim_id=c["claim_id"],
            article=c["article"],
            line=int(c["line"]),
            col=int(c["col"]),
            text=c["text"],
            path=c.get("path"),
        )
        for c in record["claims"]
    )
    return Finding(record["rule"], record["severity"], record["message"], claims, record["detail"])
