"""What the CLI tests share: the good corpus and the record of one run."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
#: two seed articles that disagree on North Korean losses: two warnings and one info
GOOD_ARTICLES = ("000_e35d71710bbe9a77.txt", "010_zelensky-three-thousand.md")
GOOD_ARTICLE_IDS = frozenset({"seeds/000_e35d71710bbe9a77.txt", "010-zelensky-three-thousand"})


@dataclass(frozen=True)
class Run:
    """What one command did: exit code and both streams."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """Standard output parsed as JSON."""
        return json.loads(self.stdout)

    @property
    def error_lines(self) -> list[str]:
        """Non-empty lines on standard error."""
        return [line for line in self.stderr.splitlines() if line.strip()]


def finding_articles(report: dict[str, Any]) -> set[str]:
    """Article ids named by the findings of a ``check --format json`` report."""
    return {claim["article"] for finding in report["findings"] for claim in finding["claims"]}
