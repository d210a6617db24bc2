"""JUnit report: parsed back with xml.etree; suites by rule, cases by article; hostile text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from checks.findings import ClaimRef, Finding, to_records
from checks.report import ReportContext, RuleInfo, Summary, render
from checks.report.junit import xml_text

SUMMARY = Summary(articles=2, claims=3, tagged=3, rules_run=2, elapsed_seconds=1.25)
CONTEXT = ReportContext(
    rules=(
        RuleInfo("losses-agree", "agree", "warning"),
        RuleInfo("pay-plausible", "range", "error"),
    ),
    articles=(("alpha", "news/alpha.md"), ("beta", "news/beta.md")),
)


def _claim(article: str, text: str, line: int = 2) -> ClaimRef:
    return ClaimRef(f"{article}:{line}", article, line, 5, text, f"news/{article}.md")


def _parse(findings: list[Finding], context: ReportContext = CONTEXT) -> ET.Element:
    return ET.fromstring(render("junit", to_records(findings), SUMMARY, context))


def test_one_suite_per_rule_one_case_per_article() -> None:
    root = _parse([Finding("losses-agree", "warning", "apart", (_claim("beta", "9 tanks"),))])
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == ["losses-agree", "pay-plausible"]
    for suite in suites:
        assert [case.get("name") for case in suite.findall("testcase")] == ["alpha", "beta"]
        assert suite.get("tests") == "2"
    assert root.get("tests") == "4"
    assert root.get("failures") == "1"
    assert root.get("time") == "1.250"


def test_failure_lands_in_the_case_of_its_first_claims_article() -> None:
    finding = Finding(
        "losses-agree",
        "warning",
        "they disagree",
        (_claim("beta", "9 tanks", 7), _claim("alpha", "2 tanks")),
    )
    root = _parse([finding])
    suite = root.find("testsuite[@name='losses-agree']")
    assert suite is not None and suite.get("failures") == "1"
    alpha = suite.find("testcase[@name='alpha']")
    beta = suite.find("testcase[@name='beta']")
    assert alpha is not None and alpha.find("failure") is None
    assert beta is not None
    failure = beta.find("failure")
    assert failure is not None
    assert failure.get("message") == "they disagree"
    assert failure.get("type") == "warning"
    assert "news/beta.md:7" in (failure.text or "")
    assert '"2 tanks"' in (failure.text or "")
    assert beta.get("file") == "news/beta.md"


def test_each_finding_is_its_own_failure() -> None:
    findings = [
        Finding("pay-plausible", "error", f"pay {n} too high", (_claim("alpha", f"${n}", n),))
        for n in (3, 4)
    ]
    case = _parse(findings).find("testsuite[@name='pay-plausible']/testcase[@name='alpha']")
    assert case is not None
    assert [f.get("message") for f in case.findall("failure")] == [
        "pay 3 too high",
        "pay 4 too high",
    ]


def test_info_findings_are_output_not_failures() -> None:
    finding = Finding("pay-plausible", "info", "implied wage 24", (_claim("alpha", "83 wages"),))
    root = _parse([finding])
    case = root.find("testsuite[@name='pay-plausible']/testcase[@name='alpha']")
    assert case is not None and case.find("failure") is None
    assert "implied wage 24" in (case.findtext("system-out") or "")
    assert root.get("failures") == "0"


def test_rules_and_articles_seen_only_in_findings_get_cases() -> None:
    finding = Finding("part-of:killed-losses", "warning", "m", (_claim("gamma", "50 killed"),))
    root = _parse([finding], ReportContext())
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == "part-of:killed-losses"
    assert [case.get("name") for case in suite.findall("testcase")] == ["gamma"]


def test_empty_run_passes_every_case() -> None:
    root = _parse([])
    assert root.get("failures") == "0"
    assert len(root.findall("testsuite/testcase")) == 4
    assert root.findall(".//failure") == []


def test_hostile_text_survives_a_round_trip() -> None:
    message = 'a <b>"quoted"</b> & ]]> \x1b[31mred\x00'
    text = "1,100 </testcase><x/> troops"
    root = _parse([Finding("losses-agree", "error", message, (_claim("alpha", text),))])
    failure = root.find(".//failure")
    assert failure is not None
    assert failure.get("message") == 'a <b>"quoted"</b> & ]]> \\x1b[31mred\\x00'
    assert f'"{text}"' in (failure.text or "")
    assert root.find(".//x") is None


@given(st.text())
def test_xml_text_always_parses_back(text: str) -> None:
    element = ET.Element("e", value=xml_text(text))
    element.text = xml_text(text)
    parsed = ET.fromstring(ET.tostring(element, encoding="unicode"))
    assert parsed.get("value") == xml_text(text)
    # Legal characters pass through untouched.
    if all(ch in "\t\n" or " " <= ch <= "~" for ch in text):
        assert parsed.text == text or (parsed.text is None and text == "")
