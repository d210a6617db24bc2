"""Report formats: one pure formatter per output format, picked by name.

Every formatter starts from the sorted finding records of
:func:`checks.findings.to_records` and returns the whole report as a string::

    @formatter("text")
    def render_text(records: list[dict], summary: Summary, context: ReportContext) -> str

Formatters never write files, print, or choose exit codes: the CLI does both, once.
The format modules of this package register themselves when it is imported.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from checks.findings import SEVERITIES
from claims.errors import UsageError

Record = Mapping[str, Any]
Formatter = Callable[[Sequence[Record], "Summary", "ReportContext"], str]

#: format name -> formatter, filled by :func:`formatter`
FORMATS: dict[str, Formatter] = {}


@dataclass(frozen=True)
class Summary:
    """What a run covered, for the closing coverage line and the JSON ``summary``."""

    articles: int
    claims: int
    #: claims with a metric
    tagged: int
    rules_run: int
    #: error / warning / info -> number of findings (missing severities count 0)
    by_severity: Mapping[str, int] = field(default_factory=dict)
    #: one note per file skipped by type
    skipped: Sequence[str] = ()
    #: one line per input or configuration problem that did not stop the run
    problems: Sequence[str] = ()
    #: findings silenced by the user (not in the records)
    suppressed: int = 0
    elapsed_seconds: float | None = None

    @property
    def findings(self) -> int:
        """Total number of findings reported."""
        return sum(self.count(severity) for severity in SEVERITIES)

    def count(self, severity: str) -> int:
        """Findings of one severity (0 when absent)."""
        return int(self.by_severity.get(severity, 0))

    def to_record(self) -> dict[str, Any]:
        """A plain JSON-ready dict with a fixed key order."""
        return {
            "articles": self.articles,
            "claims": self.claims,
            "tagged": self.tagged,
            "rules_run": self.rules_run,
            "findings": self.findings,
            "by_severity": {severity: self.count(severity) for severity in SEVERITIES},
            "suppressed": self.suppressed,
            "skipped": list(self.skipped),
            "problems": list(self.problems),
            "elapsed_seconds": self.elapsed_seconds,
        }


@dataclass(frozen=True)
class RuleInfo:
    """What reports say about a rule (SARIF rule metadata, JUnit suites)."""

    id: str
    kind: str
    severity: str
    description: str | None = None
    #: longer guidance, e.g. the kind's documentation
    help_text: str | None = None


@dataclass(frozen=True)
class ReportContext:
    """Everything a formatter may need beyond the findings themselves."""

    rules: tuple[RuleInfo, ...] = ()
    #: ANSI colour in the text format (the CLI decides: a terminal, no NO_COLOR)
    color: bool = False
    tool_version: str = ""
    #: (article id, path or None) of every article checked, for JUnit test cases
    articles: tuple[tuple[str, str | None], ...] = ()
    #: paths in SARIF/GitHub output are made relative to this directory
    base_dir: str | None = None
    #: prefix that turns a relative path into a browsable URL in Markdown
    #: (e.g. ``<server>/<owner>/<repo>/blob/<sha>/``); plain text locations when None
    link_base: str | None = None


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    """Register a formatter under ``name`` (the ``--format`` value)."""

    def register(function: Formatter) -> Formatter:
        if name in FORMATS and FORMATS[name] is not function:
            raise RuntimeError(f"report format {name!r} registered twice")
        FORMATS[name] = function
        return function

    return register


def render(
    format_name: str, records: Sequence[Record], summary: Summary, context: ReportContext
) -> str:
    """The report in ``format_name``; :class:`UsageError` for an unknown format."""
    try:
        render_format = FORMATS[format_name]
    except KeyError:
        choices = ", ".join(sorted(FORMATS))
        raise UsageError(f"unknown report format '{format_name}' (choose from {choices})") from None
    return render_format(records, summary, context)


def count_by_severity(records: Sequence[Record]) -> dict[str, int]:
    """error / warning / info -> number of records, for :attr:`Summary.by_severity`."""
    counts = dict.fromkeys(SEVERITIES, 0)
    for record in records:
        severity = str(record.get("severity", ""))
        counts[severity] = counts.get(severity, 0) + 1
    return counts


def _load_formats() -> None:
    # Modules whose name starts with "_" are shared helpers, not formats.
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")


_load_formats()
