"""What the commands do, without click: run, render, write, choose the exit code.

Problems with single inputs (an unreadable article) are printed one line each to
stderr while the rest of the run goes on; they make the exit code 2 at the end.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checks.findings import SEVERITY_RANK
from checks.output import write_output
from claims.articles import ReadResult
from claims.errors import ConfigError, InputError, UsageError

if TYPE_CHECKING:
    from checks.report import RuleInfo
    from checks.rules.model import Rule

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _note(message: str) -> None:
    print(f"numcheck: {message}", file=sys.stderr)


def _report_reading(read: ReadResult) -> None:
    """One stderr line per skipped file (a note) and per unreadable input (an error)."""
    for skipped in read.skipped:
        _note(f"{skipped}: skipped: not an article (.txt, .md, .markdown, .jsonl)")
    for problem in read.problems:
        _note(str(problem))


def _rule_path(rules_path: str | None) -> Path:
    from checks.rules.load import default_rule_path

    return Path(rules_path) if rules_path else default_rule_path()


def _check_paths_exist(paths: Sequence[str]) -> None:
    missing = [p for p in paths if not Path(p).exists() and not Path(p).is_symlink()]
    if missing and len(missing) == len(paths):
        raise UsageError("no such file or directory", path=missing[0])


@dataclass(frozen=True)
class CheckOptions:
    """Everything ``numcheck check`` was asked for."""

    paths: Sequence[str]
    rules_path: str | None = None
    fmt: str = "text"
    output: str | None = None
    fail_on: str = "error"
    color: bool | None = None
    baseline: str | None = None
    update_baseline: bool = False
    changed_since: str | None = None
    only: Sequence[str] = ()
    cache_dir: str | None = None
    #: codec of the articles (``--encoding``); None is UTF-8
    encoding: str | None = None


def report_check(options: CheckOptions) -> int:
    """``numcheck check``: run, narrow, render, write; returns the exit code."""
    from checks.baseline import apply_baseline, baseline_text, load_baseline
    from checks.findings import to_records
    from checks.report import ReportContext, Summary, count_by_severity, render
    from checks.rules.load import load_rule_file
    from checks.runner import check
    from checks.selection import changed_paths, involving, normalise_paths
    from claims.cache import ClaimCache

    started = time.perf_counter()
    _check_paths_exist(options.paths)
    rule_file = load_rule_file(_rule_path(options.rules_path))
    cache = ClaimCache(options.cache_dir, rule_file.vocabulary) if options.cache_dir else None
    result = check(options.paths, rule_file, cache, options.encoding)
    _report_reading(result.read)
    if result.rules_run == 0:
        raise ConfigError("no rule ran: the rule file has no rules", path=rule_file.path)

    findings = result.findings
    if options.changed_since or options.only:
        wanted = normalise_paths(options.only)
        if options.changed_since:
            wanted |= changed_paths(options.changed_since)
        findings = involving(findings, wanted)
    suppressed = result.suppressed
    if options.baseline and options.update_baseline:
        previous = load_baseline(options.baseline)
        write_output(baseline_text(findings, previous), options.baseline)
        _note(f"baseline {options.baseline}: {len(findings)} findings accepted")
    elif options.baseline:
        applied = apply_baseline(findings, load_baseline(options.baseline))
        findings, suppressed = applied.findings, suppressed + applied.suppressed
        for entry in applied.stale:
            _note(
                f"{options.baseline}: stale baseline entry {entry.fingerprint} ({entry.rule}): "
                "it matches no finding any more; remove it"
            )
        for entry in applied.expired:
            _note(
                f"{options.baseline}: baseline entry {entry.fingerprint} ({entry.rule}) "
                f"expired on {entry.expires}"
            )

    records = to_records(findings)
    by_severity = count_by_severity(records)
    claims = result.claims
    summary = Summary(
        articles=len(result.articles),
        claims=len(claims),
        tagged=int(claims["metric"].notna().sum()),
        rules_run=result.rules_run,
        by_severity=by_severity,
        skipped=tuple(result.read.skipped),
        problems=tuple(str(p) for p in result.read.problems),
        suppressed=suppressed,
        elapsed_seconds=round(time.perf_counter() - started, 3),
    )
    to_terminal = options.output in (None, "-")
    use_color = options.color if options.color is not None else to_terminal and _stdout_is_tty()
    context = ReportContext(
        rules=tuple(_rule_info(rule) for rule in rule_file.rules),
        color=use_color,
        tool_version=_version(),
        articles=tuple((a.id, a.path) for a in result.articles),
        base_dir=os.environ.get("GITHUB_WORKSPACE") or os.getcwd(),
        link_base=_github_link_base(),
    )
    write_output(render(options.fmt, records, summary, context), options.output)
    if options.fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from checks.report.github import step_summary

        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as stream:
            stream.write(step_summary(records, summary, context))
    if result.read.problems:
        return EXIT_ERROR
    threshold = SEVERITY_RANK[options.fail_on]
    failing = any(SEVERITY_RANK[r["severity"]] >= threshold for r in records)
    return EXIT_FINDINGS if failing else EXIT_OK


def _rule_info(rule: Rule) -> RuleInfo:
    from checks.kinds import load_all
    from checks.report import RuleInfo

    kinds = load_all()
    doc = (kinds[rule.kind].__doc__ or "").strip() if rule.kind in kinds else ""
    first = doc.splitlines()[0] if doc else rule.kind
    return RuleInfo(
        id=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        description=rule.description or first,
        help_text=doc,
    )


def _github_link_base() -> str | None:
    """``<server>/<repo>/blob/<sha>/`` inside GitHub Actions (clickable step summaries)."""
    parts = [os.environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")]
    if not all(parts):
        return None
    server, repository, sha = parts
    return f"{server}/{repository}/blob/{sha}/"


def _stdout_is_tty() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("numcheck")
    except PackageNotFoundError:
        return "0+unknown"


def report_extract(
    paths: Sequence[str],
    rules_path: str | None,
    fmt: str,
    output: str | None,
    encoding: str | None = None,
) -> int:
    """``numcheck extract``: returns the exit code."""
    from checks.rules.load import load_rule_file
    from claims.articles import read_articles
    from claims.pipeline import extract_articles
    from claims.tableio import format_table

    _check_paths_exist(paths)
    rule_file = load_rule_file(_rule_path(rules_path))
    read = read_articles(paths, encoding)
    _report_reading(read)
    table = extract_articles(read.articles, rule_file.vocabulary)
    if fmt == "parquet" and output in (None, "-") and sys.stdout.isatty():
        raise UsageError("parquet is binary: pass --output FILE.parquet or redirect stdout")
    write_output(format_table(table, fmt), output)
    return EXIT_ERROR if read.problems else EXIT_OK


def report_rule_tests(directory: str | None, rules_path: str | None) -> int:
    """``numcheck rules test``: returns the exit code."""
    from checks.casefile import run_case_directory

    target = Path(directory) if directory else Path("tests/rules")
    if not target.exists():
        raise InputError("no such rule-test folder", path=str(target))
    outcome = run_case_directory(target, Path(rules_path) if rules_path else None)
    for line in outcome.lines:
        print(line)
    print(outcome.summary_line)
    return EXIT_FINDINGS if outcome.failed else EXIT_OK
