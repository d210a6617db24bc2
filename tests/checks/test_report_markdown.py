"""Markdown report: layout, links, the size cap, and escaping of hostile article text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from checks.findings import ClaimRef, Finding, to_records
from checks.report import ReportContext, Summary, count_by_severity, render
from checks.report.markdown import MAX_FINDINGS, escape_markdown

MARKUP = set("\\`*_[]|~#")


def _summary(records: list[dict]) -> Summary:
    return Summary(
        articles=1, claims=3, tagged=2, rules_run=2, by_severity=count_by_severity(records)
    )


def _render(findings: list[Finding], context: ReportContext | None = None) -> str:
    records = to_records(findings)
    return render("markdown", records, _summary(records), context or ReportContext())


def _claim(text: str, line: int = 4, path: str | None = "news/a.md") -> ClaimRef:
    return ClaimRef(f"a:{line}", "a", line, 3, text, path)


def _unescape(text: str) -> str:
    text = text.replace("@\u200b", "@")
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def test_sections_follow_severity_order_with_counts() -> None:
    output = _render(
        [
            Finding("w-rule", "warning", "warned", (_claim("3 tanks", 1),)),
            Finding("e-rule", "error", "failed", (_claim("4 tanks", 2),)),
            Finding("i-rule", "info", "noted", (_claim("5 tanks", 3),)),
        ]
    )
    assert output.startswith("## numcheck: 1 error, 1 warning, 1 info\n")
    headings = [line for line in output.splitlines() if line.startswith("### ")]
    assert headings == ["### ❌ Errors (1)", "### ⚠️ Warnings (1)", "### ℹ️ Information (1)"]
    assert "- **e\\-rule**" not in output and "- **e-rule** at news/a.md:2:3: failed" in output


def test_links_only_with_a_link_base() -> None:
    finding = Finding("r", "error", "m", (_claim("3 tanks", 7, "news/dec (1).md"),))
    plain = _render([finding])
    assert "](" not in plain
    linked = _render([finding], ReportContext(link_base="https://example.org/o/r/blob/abc/"))
    assert (
        "[news/dec (1).md:7:3](https://example.org/o/r/blob/abc/news/dec%20%281%29.md#L7)" in linked
    )


def test_hostile_text_is_inert() -> None:
    hostile = "<img src=x onerror=alert(1)> | **bold** [link](http://x) `code` @team\n# Heading"
    claim = _claim(hostile)
    output = _render([Finding("r", "error", hostile, (claim,), {"note": hostile})])
    assert "<img" not in output and "<script" not in output
    assert "&lt;img src=x onerror=alert(1)&gt;" in output
    assert "\\*\\*bold\\*\\*" in output and "\\[link\\](http://x)" in output
    assert "@\u200bteam" in output and "@team" not in output
    assert "\n# Heading" not in output
    for line in output.splitlines():
        if line.startswith("- ") or line.startswith("  - "):
            assert " | " not in line.replace("\\|", "")


def test_problems_listed_in_a_details_block() -> None:
    summary = Summary(
        articles=1, claims=0, tagged=0, rules_run=0, problems=("x.md: not UTF-8 <b>",)
    )
    output = render("markdown", [], summary, ReportContext())
    assert "<details><summary>Input problems</summary>" in output
    assert "- x.md: not UTF\\-8 &lt;b&gt;" not in output
    assert "- x.md: not UTF-8 &lt;b&gt;" in output


def test_long_reports_are_capped() -> None:
    findings = [
        Finding("r", "warning", f"number {n}", (_claim(f"{n} tanks", n + 1),))
        for n in range(MAX_FINDINGS + 5)
    ]
    output = _render(findings)
    assert output.count("\n- **r**") == MAX_FINDINGS
    assert "…and 5 more findings" in output


@given(st.text())
def test_escape_markdown_is_one_inert_line(text: str) -> None:
    escaped = escape_markdown(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert "<" not in escaped and ">" not in escaped
    unescaped_markup = re.sub(r"\\.", "", escaped)
    assert not set(unescaped_markup) & MARKUP


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))))
def test_escape_markdown_loses_no_printable_text(text: str) -> None:
    assert _unescape(escape_markdown(text)) == text
