"""Text report: grouping, quoting, arithmetic lines, colour, and terminal-safe output."""

from __future__ import annotations

from checks.findings import ClaimRef, Finding, to_records
from checks.report import ReportContext, Summary, count_by_severity, render
from checks.report._common import coverage_line
from checks.report._detail import detail_lines, format_interval, format_number


def _claim(article: str, line: int, text: str) -> ClaimRef:
    return ClaimRef(f"{article}:{line}", article, line, 2, text, f"news/{article}.md")


def _render(findings: list[Finding], color: bool = False) -> str:
    records = to_records(findings)
    summary = Summary(3, 12, 8, 2, count_by_severity(records))
    return render("text", records, summary, ReportContext(color=color))


def test_findings_grouped_under_their_article_path() -> None:
    output = _render(
        [
            Finding("r1", "warning", "first", (_claim("b", 3, "12 tanks"),)),
            Finding("r2", "error", "second", (_claim("a", 9, "40 guns"),)),
            Finding("r1", "warning", "third", (_claim("b", 1, "7 tanks"),)),
        ]
    )
    lines = output.splitlines()
    assert lines[0] == "news/a.md"
    assert lines[1] == "news/a.md:9:2: error r2: second"
    assert lines[2] == '  > "40 guns" (news/a.md:9:2)'
    assert lines[4] == "news/b.md"
    assert lines[5] == "news/b.md:1:2: warning r1: third"
    assert lines[7] == "news/b.md:3:2: warning r1: first"
    assert lines[-1] == (
        "3 articles read, 12 claims found (8 tagged with a metric), 2 rules run: "
        "1 error, 2 warnings"
    )


def test_detail_line_shows_the_comparison() -> None:
    detail = {"expr": "killed <= deployed", "lhs": [120, 150], "op": "<=", "rhs": [100, 100]}
    output = _render([Finding("r", "error", "m", (_claim("a", 1, "150 killed"),), detail)])
    assert "  = killed <= deployed: 120 to 150 <= 100 cannot hold" in output


def test_colour_only_when_asked() -> None:
    finding = Finding("r", "error", "m", (_claim("a", 1, "5 tanks"),))
    assert "\x1b[" not in _render([finding])
    coloured = _render([finding], color=True)
    assert "\x1b[1;31merror\x1b[0m" in coloured


def test_control_characters_from_articles_cannot_reach_the_terminal() -> None:
    hostile = "12\x1b[2J tanks\nnews/fake.md:1:1: error forged: line"
    output = _render([Finding("r", "warning", hostile, (_claim("a", 1, hostile),))])
    assert "\x1b" not in output
    assert "\\x1b[2J" in output
    assert not any(line.startswith("news/fake.md") for line in output.splitlines())


def test_empty_report_says_so() -> None:
    output = _render([])
    assert output.startswith("No findings")
    assert "2 rules run: no findings" in output


def test_coverage_line_counts_and_extras() -> None:
    summary = Summary(
        articles=1,
        claims=1,
        tagged=0,
        rules_run=1,
        by_severity={"info": 2},
        skipped=("a.png", "b.pdf"),
        problems=("c.md: not UTF-8",),
        suppressed=3,
    )
    assert coverage_line(summary) == (
        "1 article read, 1 claim found (0 tagged with a metric), 1 rule run: 2 info "
        "(3 suppressed, 2 files skipped, 1 input problem)"
    )


def test_numbers_read_like_a_reporter_writes_them() -> None:
    assert format_number(12000.0) == "12,000"
    assert format_number(2.479) == "2.48"
    assert format_number(1512.5) == "1,512.5"
    assert format_number(float("inf")) == "∞"
    assert format_interval(1100, 1100) == "1,100"
    assert format_interval(990, 1210) == "990 to 1,210"
    assert format_interval(3000, float("inf")) == "at least 3,000"
    assert format_interval(float("-inf"), 500) == "at most 500"


def test_detail_lines_are_short_and_few() -> None:
    detail = {f"key_{n}": [n * 1000.0, "inf"] for n in range(30)}
    lines = detail_lines(detail, width=60)
    assert len(lines) == 2
    assert all(len(line) <= 60 for line in lines)
    assert lines[0].startswith("key 0 at least 0; key 1 at least 1,000")
    assert lines[-1].endswith("…")


def test_detail_skips_bindings_and_empty_values() -> None:
    detail = {"bindings": {"killed": "a:1"}, "note": None, "days_apart": 3}
    assert detail_lines(detail) == ["days apart 3"]


def test_detail_of_an_implied_value_and_a_range() -> None:
    implied = {
        "implied": "nk_annual_wage",
        "low": 20.5,
        "high": 30.0,
        "unit": "USD / person / year",
        "range": [40.0, 60.0],
    }
    assert detail_lines(implied) == [
        "nk_annual_wage = 20.5 to 30 USD / person / year; expected 40 to 60"
    ]
    checked = {"interval": [50.0, 50.0], "min": 100.0, "max": None, "unit": "USD / person"}
    assert detail_lines(checked) == ["50 USD / person; allowed at least 100"]


def test_widened_intervals_are_left_to_the_machine_formats() -> None:
    detail = {"a_interval": [1.0, 2.0], "a_widened": [0.5, 2.5], "tolerance": 0.25}
    assert detail_lines(detail) == ["first 1 to 2; tolerance 25%"]
