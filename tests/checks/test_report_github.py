"""GitHub workflow-command report: annotation shape and escaping of hostile text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checks.findings import ClaimRef, Finding, to_records
from checks.report import ReportContext, Summary, render
from checks.report.github import escape_data, escape_property, step_summary

SUMMARY = Summary(articles=1, claims=1, tagged=1, rules_run=1, by_severity={"error": 1})


def _unescape(text: str) -> str:
    for code, char in (("%0A", "\n"), ("%0D", "\r"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def _render(finding: Finding, context: ReportContext | None = None) -> str:
    return render("github", to_records([finding]), SUMMARY, context or ReportContext())


def test_annotation_shape_per_severity() -> None:
    claim = ClaimRef("a:9", "a", 4, 12, "about 600 casualties", "news/a.md")
    for severity, command in (("error", "error"), ("warning", "warning"), ("info", "notice")):
        first = _render(Finding("losses-agree", severity, "too low", (claim,))).splitlines()[0]
        assert first.startswith(
            f"::{command} file=news/a.md,line=4,col=12,endColumn=32,title=losses-agree::too low"
        )


def test_message_carries_figures_on_escaped_lines() -> None:
    claims = (
        ClaimRef("a:9", "a", 4, 12, "1,100", "news/a.md"),
        ClaimRef("b:3", "b", 2, 1, "3,000", "news/b.md"),
    )
    line = _render(Finding("r", "warning", "apart", claims, {"ratio": 2.5})).splitlines()[0]
    message = _unescape(line.split("::", 2)[2])
    assert message.splitlines() == [
        "apart",
        '> "1,100" (news/a.md:4:12)',
        '> "3,000" (news/b.md:2:1)',
        "= ratio 2.5",
    ]


def test_hostile_text_cannot_start_a_command_or_break_properties() -> None:
    hostile = "50%\n::error file=x::pwned\r\n::add-mask::secret"
    claim = ClaimRef("a:1", "a", 1, 1, hostile, "news/odd, name: v2.md")
    output = _render(Finding("rule,with:colon", "error", hostile, (claim,)))
    lines = output.splitlines()
    assert len(lines) == 2  # one annotation + the coverage line
    assert lines[1].startswith("1 article read")
    command, properties, message = _split(lines[0])
    assert command == "error"
    assert "file=news/odd%2C name%3A v2.md" in properties
    assert "title=rule%2Cwith%3Acolon" in properties
    assert _unescape(message).startswith(hostile)


def _split(line: str) -> tuple[str, str, str]:
    assert line.startswith("::")
    head, message = line[2:].split("::", 1)
    command, properties = head.split(" ", 1)
    return command, properties, message


def test_finding_without_claims_has_no_file() -> None:
    line = _render(Finding("implied", "info", "derived", ())).splitlines()[0]
    assert line == "::notice title=implied::derived"


def test_path_is_relative_to_base_dir() -> None:
    claim = ClaimRef("a:1", "a", 1, 1, "3", "/repo/news/a.md")
    line = _render(Finding("r", "error", "m", (claim,)), ReportContext(base_dir="/repo"))
    assert "file=news/a.md," in line


@given(st.text())
def test_escape_data_round_trips_and_stays_on_one_line(text: str) -> None:
    escaped = escape_data(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert _unescape(escaped) == text


@given(st.text())
def test_escape_property_has_no_separators(text: str) -> None:
    escaped = escape_property(text)
    assert not set(escaped) & set(",:\r\n")
    assert _unescape(escaped) == text


def test_step_summary_is_markdown_with_counts() -> None:
    claim = ClaimRef("a:9", "a", 4, 12, "1,100", "news/a.md")
    records = to_records([Finding("losses-agree", "error", "apart", (claim,))])
    text = step_summary(records, SUMMARY, ReportContext())
    assert text.startswith("## numcheck: 1 error\n")
    assert "**losses-agree**" in text
