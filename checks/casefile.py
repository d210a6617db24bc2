"""Rule cases: small claim tables or articles, one rule, the findings it must give.

The format is documented in ``tests/fixtures/kinds/README.md``. The test suite and
``numcheck rules test`` both run cases through :func:`run_case`, so a fixture that
passes in CI passes for users too.
"""

from __future__ import annotations

import copy
import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checks.findings import Finding
from claims.errors import ConfigError, InputError

CASE_KEYS = ("name", "description", "rulefile", "rule", "claims", "articles", "expect", "error")
RELATIVE_TOLERANCE = 1e-3


@dataclass(frozen=True)
class RuleCase:
    """One case of a case file, with where it stands."""

    file: str
    line: int
    name: str
    rulefile: Mapping[str, Any]
    #: a rule mapping, or the id of a rule of the rule file the cases run against
    rule: Mapping[str, Any] | str
    claims: Sequence[Mapping[str, Any]] | None
    articles: Sequence[Mapping[str, Any]] | None
    expect: Sequence[Mapping[str, Any]] | None
    error: Mapping[str, Any] | None

    @property
    def where(self) -> str:
        """``file:line`` of the case."""
        return f"{self.file}:{self.line}"


@dataclass
class CaseOutcome:
    """The result of running a directory of case files."""

    lines: list[str] = field(default_factory=list)
    passed: int = 0
    failed: int = 0

    @property
    def summary_line(self) -> str:
        """The closing line, in the form CI tools recognise."""
        return f"{self.passed} passed, {self.failed} failed"


def load_case_file(path: Path) -> list[RuleCase]:
    """Every case of one YAML case file; a malformed file raises :class:`InputError`."""
    shown = path.as_posix()
    try:
        text = path.read_text(encoding="utf-8-sig")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        raw = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read case file: {error}", path=shown) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError(
            f"invalid YAML: {getattr(error, 'problem', None) or error}",
            path=shown,
            line=mark.line + 1 if mark else None,
        ) from None
    if not isinstance(raw, Mapping) or not isinstance(raw.get("cases"), list):
        raise InputError("a case file is a mapping with a 'cases:' list", path=shown, line=1)
    lines = _case_lines(root)
    shared = raw.get("rulefile") or {}
    cases = []
    for index, item in enumerate(raw["cases"]):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(item, Mapping):
            raise InputError("each case must be a mapping", path=shown, line=line)
        unknown = sorted(set(map(str, item)) - set(CASE_KEYS))
        if unknown:
            raise InputError(f"unknown case key '{unknown[0]}'", path=shown, line=line)
        for required in ("name",):
            if required not in item:
                raise InputError(f"case needs '{required}'", path=shown, line=line)
        if ("expect" in item) == ("error" in item):
            raise InputError(
                "a case has exactly one of 'expect' and 'error'", path=shown, line=line
            )
        if item.get("claims") is not None and item.get("articles") is not None:
            raise InputError("a case has claims or articles, not both", path=shown, line=line)
        cases.append(
            RuleCase(
                file=shown,
                line=line,
                name=str(item["name"]),
                rulefile={**shared, **(item.get("rulefile") or {})},
                rule=item.get("rule") or {},
                claims=item.get("claims"),
                articles=item.get("articles"),
                expect=item.get("expect"),
                error=item.get("error"),
            )
        )
    return cases


def _case_lines(root: yaml.Node | None) -> list[int]:
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if getattr(key, "value", None) == "cases" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def read_rule_file_raw(path: Path | None = None) -> dict[str, Any]:
    """The parsed mapping of a rule file (default: the default one), validated first by
    the hardened loader so that a hostile file is refused before anything else reads it."""
    from checks.rules.load import default_rule_path

    target = Path(path) if path is not None else Path(default_rule_path())
    stat = target.stat()
    # a case file runs dozens of cases against one rule file: parse it once per version;
    # each caller gets its own copy, since cases may build on it
    return copy.deepcopy(_parsed_rule_file(str(target.resolve()), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=16)
def _parsed_rule_file(path: str, mtime_ns: int, size: int) -> dict[str, Any]:
    """The validated, parsed rule file at ``path`` as of ``mtime_ns`` and ``size``."""
    from checks.rules.load import load_rule_file

    load_rule_file(Path(path))
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}


def run_case(case: RuleCase, rule_file_raw: Mapping[str, Any] | None = None) -> list[str]:
    """The mismatches of ``case`` (empty when it passes), each a readable sentence.

    ``rule_file_raw`` is the rule file the case runs against when it has no ``rulefile:``
    of its own (default: the default rule file); a case whose ``rule`` is a string names
    one of that file's rules by id.
    """
    from checks.rules.load import load_rule_text

    raw = rule_file_raw if rule_file_raw is not None else read_rule_file_raw()
    sections = (
        dict(case.rulefile) if case.rulefile else {k: v for k, v in raw.items() if k != "rules"}
    )
    rule = case.rule
    if isinstance(rule, str):
        named = [
            r for r in raw.get("rules") or [] if isinstance(r, Mapping) and r.get("id") == rule
        ]
        if not named:
            return [f"the rule file has no rule '{rule}'"]
        rule = named[0]
    # A case without a rule exercises the implicit checks (part_of) alone.
    document = {**sections, "version": 1, "rules": [dict(rule)] if rule else []}
    try:
        rule_file = load_rule_text(yaml.safe_dump(document, sort_keys=False), path=case.where)
    except ConfigError as error:
        if case.error is None:
            return [f"rule did not load: {error}"]
        return _match_error(error, case.error)
    if case.error is not None:
        return ["rule loaded, but the case expects a configuration error"]
    findings = _evaluate(case, rule_file, rule.get("id") if rule else None)
    return _match_findings(findings, case.expect or [])


def _evaluate(case: RuleCase, rule_file: Any, rule_id: str | None) -> list[Finding]:
    from checks.runner import run_rules
    from claims.articles import Article
    from claims.pipeline import extract_articles
    from claims.table import build_table

    if case.articles is not None:
        articles = [
            Article.from_text(
                str(a["text"]),
                id=str(a["id"]),
                **{k: a[k] for k in ("date", "source", "title", "url") if k in a},
            )
            for a in case.articles
        ]
        claims = extract_articles(articles, rule_file.vocabulary)
    else:
        claims = build_table(claim_row(index, row) for index, row in enumerate(case.claims or []))
    findings, _ = run_rules(rule_file, claims)
    return [f for f in findings if rule_id is None or f.rule == rule_id]


def claim_row(index: int, item: Mapping[str, Any]) -> dict[str, Any]:
    """A full claims-table row from a tiny case row (defaults in the format README)."""
    value = float(item["value"])
    low = _number(item.get("low", value))
    high = _number(item.get("high", value))
    unit = item.get("unit", "dimensionless")
    text = str(item.get("text", f"{value:.15g} {unit}"))
    article = str(item.get("article", "a1"))
    start = int(item.get("start", 10 * index))
    qualifier = item.get("qualifier") or ("exact" if low == high == value else "range")
    return {
        "claim_id": str(item.get("claim_id", f"{article}:{start}")),
        "article": article,
        "line": int(item.get("line", index + 1)),
        "col": int(item.get("col", 1)),
        "start": start,
        "end": int(item.get("end", start + len(text))),
        "text": text,
        "sentence": str(item.get("sentence", text)),
        "published": item.get("published"),
        "publisher": item.get("publisher"),
        "value": value,
        "low": low,
        "high": high,
        "qualifier": qualifier,
        "unit": unit,
        **{k: item.get(k) for k in ("noun", "metric", "entity", "source", "reported_by")},
        "period": item.get("period"),
        "path": item.get("path"),
    }


_INFINITIES = ("inf", "+inf", "-inf", ".inf", "-.inf")


def _number(value: Any) -> float:
    if isinstance(value, str) and value.strip().lower() in _INFINITIES:
        return -math.inf if value.strip().startswith("-") else math.inf
    return float(value)


def _match_error(error: ConfigError, expected: Mapping[str, Any]) -> list[str]:
    problems = []
    if "key" in expected and error.key != expected["key"]:
        problems.append(f"error key is {error.key!r}, expected {expected['key']!r}")
    if "contains" in expected and str(expected["contains"]) not in str(error):
        problems.append(f"error {str(error)!r} does not contain {expected['contains']!r}")
    return problems


def _match_findings(findings: list[Finding], expected: Sequence[Mapping[str, Any]]) -> list[str]:
    remaining = list(findings)
    problems = []
    for wanted in expected:
        match = next((f for f in remaining if not _differences(f, wanted)), None)
        if match is None:
            closest = min(remaining, key=lambda f: len(_differences(f, wanted)), default=None)
            why = "; ".join(_differences(closest, wanted)) if closest else "no findings left"
            problems.append(f"expected finding {dict(wanted)} not raised ({why})")
        else:
            remaining.remove(match)
    problems.extend(f"unexpected finding: [{f.severity}] {f.message}" for f in remaining)
    return problems


def _differences(finding: Finding, wanted: Mapping[str, Any]) -> list[str]:
    out = []
    if "severity" in wanted and finding.severity != wanted["severity"]:
        out.append(f"severity {finding.severity} != {wanted['severity']}")
    if "claims" in wanted:
        actual = [(c.claim_id, c.text) for c in finding.claims]
        names = [str(x) for x in wanted["claims"]]
        unmatched = [n for n in names if not any(n in pair for pair in actual)]
        if unmatched or len(names) != len(actual):
            out.append(f"claims {[c for c, _ in actual]} != {names}")
    if "message" in wanted and finding.message != wanted["message"]:
        out.append(f"message {finding.message!r}")
    if "message_contains" in wanted and str(wanted["message_contains"]) not in finding.message:
        out.append(f"message {finding.message!r} lacks {wanted['message_contains']!r}")
    if "detail" in wanted and not _subset(wanted["detail"], finding.to_record()["detail"]):
        out.append(f"detail {finding.to_record()['detail']} lacks {wanted['detail']}")
    return out


def _subset(wanted: Any, actual: Any) -> bool:
    if isinstance(wanted, Mapping):
        return isinstance(actual, Mapping) and all(
            k in actual and _subset(v, actual[k]) for k, v in wanted.items()
        )
    if isinstance(wanted, list):
        return (
            isinstance(actual, list | tuple)
            and len(wanted) == len(actual)
            and all(_subset(w, a) for w, a in zip(wanted, actual, strict=True))
        )
    if isinstance(wanted, int | float) or (isinstance(wanted, str) and wanted in _INFINITIES):
        try:
            w, a = _number(wanted), _number(actual)
        except (TypeError, ValueError):
            return False
        return w == a or math.isclose(w, a, rel_tol=RELATIVE_TOLERANCE)
    return wanted == actual


def case_files(directory: Path) -> list[Path]:
    """The YAML case files under ``directory`` (sorted; README and others ignored)."""
    return sorted(
        p for p in directory.rglob("*.y*ml") if p.suffix in (".yaml", ".yml") and p.is_file()
    )


def run_case_directory(directory: Path, rules_path: Path | None = None) -> CaseOutcome:
    """Run every case under ``directory``; one line per failing case."""
    outcome = CaseOutcome()
    raw = read_rule_file_raw(rules_path)
    for path in case_files(directory):
        for case in load_case_file(path):
            problems = run_case(case, raw)
            if problems:
                outcome.failed += 1
                outcome.lines.extend(f"{case.where}: {case.name}: {p}" for p in problems)
            else:
                outcome.passed += 1
    return outcome
