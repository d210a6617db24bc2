"""Which findings to report: inline suppressions, ``--only`` and ``--changed-since``.

Selection happens after every rule ran over the whole corpus, so a new article is
still checked against all the others; only the report is narrowed.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from checks.findings import Finding
from claims.articles import Article, display_path
from claims.errors import UsageError


def apply_suppressions(
    findings: Iterable[Finding], articles: Sequence[Article], claims: pd.DataFrame
) -> tuple[list[Finding], int]:
    """Drop findings silenced by a ``<!-- numcheck: ignore RULE -- reason -->`` comment.

    A finding is silenced when any of its claims lies in a paragraph that a comment
    in the same article covers for the finding's rule.
    """
    by_article = {a.id: a.suppressions for a in articles if a.suppressions}
    findings = list(findings)
    if not by_article:
        return findings, 0
    starts = dict(zip(claims["claim_id"].astype(str), claims["start"].astype(int), strict=True))
    kept = []
    for finding in findings:
        silenced = any(
            s.covers(finding.rule, starts.get(c.claim_id, -1))
            for c in finding.claims
            for s in by_article.get(c.article, ())
        )
        if not silenced:
            kept.append(finding)
    return kept, len(findings) - len(kept)


def changed_paths(revision: str) -> set[str]:
    """Files changed since ``revision`` (committed, uncommitted and untracked), as paths
    relative to the current directory."""
    try:
        top = _git("rev-parse", "--show-toplevel").strip()
        changed = _git("diff", "--name-only", revision, "--").splitlines()
        untracked = _git("ls-files", "--others", "--exclude-standard", "--full-name").splitlines()
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, which is not installed") from None
    return {display_path(Path(top, name)) for name in [*changed, *untracked] if name}


def _git(*args: str) -> str:
    result = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        message = (result.stderr.strip().splitlines() or ["git failed"])[-1]
        raise UsageError(f"git {' '.join(args[:2])}: {message}")
    return result.stdout


def normalise_paths(paths: Iterable[str]) -> set[str]:
    """``--only`` arguments as the paths claims carry (relative to the current directory)."""
    return {display_path(Path(p)) for p in paths}


def involving(findings: Iterable[Finding], paths: set[str]) -> list[Finding]:
    """Findings with at least one claim from an article file in ``paths`` (or below a
    folder in it)."""
    folders = tuple(p.rstrip("/") + "/" for p in paths)
    return [
        f
        for f in findings
        if any(c.path in paths or (c.path or "").startswith(folders) for c in f.claims)
    ]
