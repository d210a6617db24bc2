"""SARIF 2.1.0, for code-scanning dashboards (GitHub, Azure DevOps, IDE viewers).

One run whose driver lists every rule (those in the context, plus any rule that
only appears in the findings, such as the implicit ``part-of:`` checks). Each
finding is a result anchored on its first claim, with the other claims as
related locations. Columns count Unicode code points, as the claims table does.

``partialFingerprints`` hash the rule id with the claims' texts and article ids,
not their positions, so an edit elsewhere in a file does not make a known
finding look new.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from checks.report import Record, ReportContext, RuleInfo, Summary, formatter
from checks.report._common import all_rules, report_path
from checks.report._detail import detail_lines
from checks.report.json import json_safe

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "numcheckFinding/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@formatter("sarif")
def render_sarif(records: Sequence[Record], summary: Summary, context: ReportContext) -> str:
    """A SARIF 2.1.0 log with one run."""
    rules = all_rules(records, context)
    index = {rule.id: position for position, rule in enumerate(rules)}
    driver: dict[str, Any] = {"name": "numcheck"}
    if context.tool_version:
        driver["version"] = context.tool_version
    driver["rules"] = [_descriptor(rule) for rule in rules]
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [_result(record, index, context) for record in records],
        "properties": {"summary": summary.to_record()},
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(json_safe(log), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def fingerprint(record: Record) -> str:
    """The record's ``fingerprint`` (:meth:`checks.findings.Finding.fingerprint`).

    Records made elsewhere may lack it; it is then computed the same way: a hash of
    the rule id and the claims' article ids and texts, never their positions.
    """
    if record.get("fingerprint"):
        return str(record["fingerprint"])
    claims = record.get("claims") or []
    parts = sorted(f"{claim.get('article', '')}\x1f{claim.get('text', '')}" for claim in claims)
    payload = "\x1e".join([str(record.get("rule", "")), *parts])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def _descriptor(rule: RuleInfo) -> dict[str, Any]:
    summary_text = rule.description or f"{rule.kind} rule {rule.id}"
    short = summary_text.strip().split("\n", 1)[0]
    return {
        "id": rule.id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": summary_text.strip()},
        "help": {"text": (rule.help_text or summary_text).strip()},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"kind": rule.kind},
    }


def _result(record: Record, index: dict[str, int], context: ReportContext) -> dict[str, Any]:
    rule_id = str(record.get("rule", ""))
    message = str(record.get("message", ""))
    details = detail_lines(record.get("detail") or {})
    if details:
        message = f"{message}\n" + "\n".join(details)
    result: dict[str, Any] = {
        "ruleId": rule_id,
        "ruleIndex": index[rule_id],
        "level": LEVELS.get(str(record.get("severity")), "warning"),
        "message": {"text": message},
    }
    claims = record.get("claims") or []
    if claims:
        result["locations"] = [{"physicalLocation": _physical(claims[0], context)}]
    if len(claims) > 1:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": _physical(claim, context),
                "message": {"text": f'"{claim.get("text", "")}" ({claim.get("article", "")})'},
            }
            for number, claim in enumerate(claims[1:], start=1)
        ]
    result["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint(record)}
    result["properties"] = {"detail": record.get("detail") or {}}
    return result


def _physical(claim: Record, context: ReportContext) -> dict[str, Any]:
    text = str(claim.get("text", ""))
    start_column = max(int(claim.get("col", 1)), 1)
    region: dict[str, Any] = {
        "startLine": max(int(claim.get("line", 1)), 1),
        "startColumn": start_column,
        "snippet": {"text": text},
    }
    if text and "\n" not in text:
        region["endColumn"] = start_column + len(text)
    return {"artifactLocation": {"uri": _uri(claim, context)}, "region": region}


def _uri(claim: Record, context: ReportContext) -> str:
    """A relative URI reference (percent-encoded); ``file://`` for a path outside the base."""
    path = report_path(claim, context)
    if path.startswith("/"):
        return "file://" + quote(path)
    return quote(path, safe="/")
