"""JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure...).

One ``<testsuite>`` per rule and one ``<testcase>`` per rule and article checked,
so a clean article shows as a passing test. Each error or warning finding is a
``<failure>`` of the test case of its first claim's article; ``info`` findings are
not failures (they report derived figures) and go to the test case's
``<system-out>``. Rules and articles that appear only in findings get test cases too.

The document is built with :mod:`xml.etree.ElementTree`, never by string
concatenation; characters that XML 1.0 cannot carry are shown as ``\\xNN``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence

from checks.report import Record, ReportContext, RuleInfo, Summary, formatter
from checks.report._common import all_rules, claim_location
from checks.report._detail import detail_lines

NO_ARTICLE = "(no article)"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: object) -> str:
    """``text`` with every character XML 1.0 forbids replaced by a visible ``\\xNN``."""
    return _NOT_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", str(text))


@formatter("junit")
def render_junit(records: Sequence[Record], summary: Summary, context: ReportContext) -> str:
    """A ``<testsuites>`` document: suites by rule, cases by article."""
    rules = all_rules(records, context)
    articles = dict(context.articles)
    by_case: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for record in records:
        claims = record.get("claims") or []
        article = str(claims[0].get("article", NO_ARTICLE)) if claims else NO_ARTICLE
        if article not in articles:
            articles[article] = claims[0].get("path") if claims else None
        by_case[(str(record.get("rule", "")), article)].append(record)

    root = ET.Element("testsuites", name="numcheck")
    total_tests = total_failures = 0
    for rule in rules:
        suite = ET.SubElement(root, "testsuite", name=xml_text(rule.id))
        properties = ET.SubElement(suite, "properties")
        for name, value in (("kind", rule.kind), ("severity", rule.severity)):
            ET.SubElement(properties, "property", name=name, value=xml_text(value))
        cases = sorted(articles)
        failures = 0
        for article in cases:
            found = by_case.get((rule.id, article), [])
            failures += _testcase(suite, rule, article, articles.get(article), found)
        _set_counts(suite, tests=len(cases), failures=failures)
        total_tests += len(cases)
        total_failures += failures
    _set_counts(root, tests=total_tests, failures=total_failures)
    if summary.elapsed_seconds is not None:
        root.set("time", f"{summary.elapsed_seconds:.3f}")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _testcase(
    suite: ET.Element, rule: RuleInfo, article: str, path: str | None, found: list[Record]
) -> int:
    """Add one test case; return how many failures it holds."""
    case = ET.SubElement(suite, "testcase", name=xml_text(article), classname=xml_text(rule.id))
    if path:
        case.set("file", xml_text(path))
    failures = [record for record in found if record.get("severity") != "info"]
    notes = [record for record in found if record.get("severity") == "info"]
    for record in failures:
        failure = ET.SubElement(
            case,
            "failure",
            message=xml_text(record.get("message", "")),
            type=xml_text(record.get("severity", "")),
        )
        failure.text = xml_text(_explain(record))
    if notes:
        out = ET.SubElement(case, "system-out")
        out.text = xml_text("\n\n".join(_explain(record) for record in notes))
    return len(failures)


def _explain(record: Record) -> str:
    """The finding as text: where, what, the figures and the numbers behind it."""
    claims = record.get("claims") or []
    where = ""
    if claims:
        first = claims[0]
        where = f"{first.get('path') or first.get('article')}:{first.get('line')}: "
    lines = [f"{where}{record.get('message', '')}"]
    lines += [f'  > "{claim.get("text", "")}" ({claim_location(claim)})' for claim in claims]
    lines += [f"  = {line}" for line in detail_lines(record.get("detail") or {})]
    return "\n".join(lines)


def _set_counts(element: ET.Element, tests: int, failures: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", "0")
    element.set("skipped", "0")
