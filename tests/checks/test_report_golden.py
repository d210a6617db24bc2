"""Golden-file tests: every report format over a few realistic findings, and over none.

The expected outputs live in tests/fixtures/reports/. After an intended change to a
format, regenerate them and review the diff before committing:

    NUMCHECK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/checks/test_report_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from checks.findings import ClaimRef, Finding, to_records
from checks.report import ReportContext, RuleInfo, Summary, count_by_severity, render
from checks.report.github import step_summary

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
UPDATE = os.environ.get("NUMCHECK_UPDATE_GOLDEN") == "1"
EXTENSIONS = {
    "text": "txt",
    "markdown": "md",
    "json": "json",
    "sarif": "sarif",
    "junit": "junit.xml",
    "github": "github.txt",
}

JCS = ClaimRef(
    "jcs-briefing:412", "jcs-briefing", 6, 31, "around 1,100 casualties", "articles/jcs-briefing.md"
)
KYIV = ClaimRef(
    "kyiv-address:95", "kyiv-address", 3, 58, "exceeded 3,000", "articles/kyiv-address.md"
)
NIS_KILLED = ClaimRef(
    "nis-briefing:240", "nis-briefing", 5, 14, "at least 100 deaths", "articles/nis-briefing.md"
)
NIS_WOUNDED = ClaimRef(
    "nis-briefing:290", "nis-briefing", 5, 64, "nearly 1,000 wounded", "articles/nis-briefing.md"
)
NIS_LOSSES = ClaimRef(
    "nis-briefing:702", "nis-briefing", 9, 22, "about 600 casualties", "articles/nis-briefing.md"
)
PAY = ClaimRef("pay-report:130", "pay-report", 4, 40, "$2,000 for each soldier", "articles/pay.md")
WAGES = ClaimRef("pay-report:188", "pay-report", 4, 98, "83 annual wages", "articles/pay.md")


def sample_findings() -> list[Finding]:
    """A cross-source contradiction, an arithmetic error, an implicit check, an implied value."""
    return [
        Finding(
            "losses-agree",
            "warning",
            "South Korea JCS puts losses at 'around 1,100 casualties' (2024-12-23), "
            "Zelensky at 'exceeded 3,000' (2024-12-23): 2.5x apart",
            (JCS, KYIV),
            {
                "metric": "losses",
                "a_interval": [990.0, 1210.0],
                "b_interval": [3000.0, float("inf")],
                "a_widened": [742.5, 1512.5],
                "b_widened": [2250.0, float("inf")],
                "tolerance": 0.25,
                "ratio": 2.479,
                "gap_ratio": 1.488,
                "days_apart": 0,
            },
        ),
        Finding(
            "killed-and-wounded-within-losses",
            "error",
            "killed + wounded cannot exceed losses: 'at least 100 deaths' and "
            "'nearly 1,000 wounded' add up to more than 'about 600 casualties'",
            (NIS_KILLED, NIS_WOUNDED, NIS_LOSSES),
            {
                "expr": "killed + wounded <= losses",
                "op": "<=",
                "lhs": [1000.0, float("inf")],
                "rhs": [540.0, 660.0],
                "unit": "person",
                "tolerance": 0.05,
                "deviation": 0.443,
                "bindings": {
                    "killed": NIS_KILLED.claim_id,
                    "wounded": NIS_WOUNDED.claim_id,
                    "losses": NIS_LOSSES.claim_id,
                },
            },
        ),
        Finding(
            "part-of:wounded-losses",
            "warning",
            "wounded ('nearly 1,000 wounded') is part of losses but larger than "
            "'about 600 casualties'",
            (NIS_WOUNDED, NIS_LOSSES),
            {
                "part": "wounded",
                "whole": "losses",
                "part_interval": [900.0, 1000.0],
                "whole_interval": [540.0, 660.0],
                "part_widened": [855.0, 1000.0],
                "whole_widened": [513.0, 693.0],
                "tolerance": 0.05,
            },
        ),
        Finding(
            "implied-annual-wage",
            "info",
            "implied nk_annual_wage: 24.10 USD / person / year from "
            "'$2,000 for each soldier' and '83 annual wages'",
            (PAY, WAGES),
            {
                "expr": "pay_per_soldier == wage_multiple * nk_annual_wage",
                "op": "==",
                "implied": "nk_annual_wage",
                "value": 24.096,
                "low": 24.096,
                "high": 24.096,
                "unit": "USD / person / year",
                "bindings": {"pay_per_soldier": PAY.claim_id, "wage_multiple": WAGES.claim_id},
                "range": [20.0, 60.0],
            },
        ),
    ]


def sample_context(color: bool = False) -> ReportContext:
    """The rules and articles of the sample run."""
    rules = (
        RuleInfo(
            "losses-agree",
            "agree",
            "warning",
            "Casualty totals from different sources should agree.",
            "Compares loss figures for the same entity from different sources.",
        ),
        RuleInfo(
            "killed-and-wounded-within-losses",
            "holds",
            "error",
            "Killed plus wounded never exceeds total losses in one article.",
        ),
        RuleInfo("implied-annual-wage", "holds", "info", "The annual wage implied by pay."),
        RuleInfo("losses-never-shrink", "monotonic", "warning"),
    )
    articles = (
        ("jcs-briefing", "articles/jcs-briefing.md"),
        ("kyiv-address", "articles/kyiv-address.md"),
        ("nis-briefing", "articles/nis-briefing.md"),
        ("pay-report", "articles/pay.md"),
    )
    return ReportContext(rules=rules, color=color, tool_version="0.1.0", articles=articles)


def sample_summary(records: list[dict[str, Any]]) -> Summary:
    return Summary(
        articles=4,
        claims=37,
        tagged=21,
        rules_run=4,
        by_severity=count_by_severity(records),
        skipped=("articles/map.png: not an article (.png)",),
    )


def _check_golden(name: str, actual: str) -> None:
    path = GOLDEN_DIR / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"missing golden file {path}; run with NUMCHECK_UPDATE_GOLDEN=1")
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("format_name", sorted(EXTENSIONS))
def test_findings_match_golden(format_name: str) -> None:
    records = to_records(sample_findings())
    output = render(format_name, records, sample_summary(records), sample_context())
    _check_golden(f"findings.{EXTENSIONS[format_name]}", output)


@pytest.mark.parametrize("format_name", sorted(EXTENSIONS))
def test_empty_run_matches_golden(format_name: str) -> None:
    summary = Summary(articles=2, claims=0, tagged=0, rules_run=4, by_severity={})
    context = ReportContext(
        rules=sample_context().rules[:2],
        tool_version="0.1.0",
        articles=(("empty-a", "articles/a.md"), ("empty-b", None)),
    )
    _check_golden(f"empty.{EXTENSIONS[format_name]}", render(format_name, [], summary, context))


def test_coloured_text_matches_golden() -> None:
    records = to_records(sample_findings())
    output = render("text", records, sample_summary(records), sample_context(color=True))
    _check_golden("findings-color.txt", output)


def test_step_summary_matches_golden() -> None:
    records = to_records(sample_findings())
    _check_golden(
        "step-summary.md", step_summary(records, sample_summary(records), sample_context())
    )


def test_every_registered_format_has_a_golden_file() -> None:
    from checks.report import FORMATS

    assert set(FORMATS) == set(EXTENSIONS)
