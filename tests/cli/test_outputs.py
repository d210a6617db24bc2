"""Every output format of check and extract, atomic ``--output``, and markdown escaping."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import GOOD_ARTICLE_IDS, Run, finding_articles

CHECK_FORMATS = ("text", "markdown", "json", "sarif", "junit", "github")
EXTRACT_FORMATS = ("table", "csv", "json", "jsonl", "parquet")
GOOD_REPORT = "a good report from an earlier run\n"


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_every_check_format_reports_the_findings(numcheck: Callable[..., Run], fmt: str) -> None:
    run = numcheck("check", "--format", fmt, "--fail-on", "warning")
    assert run.code == 1, run.stderr
    assert "losses-agree" in run.stdout
    if fmt in ("json", "sarif"):
        json.loads(run.stdout)
    if fmt == "junit":
        ET.fromstring(run.stdout)


@pytest.mark.parametrize("fmt", EXTRACT_FORMATS)
def test_every_extract_format_writes_the_claims(numcheck: Callable[..., Run], fmt: str) -> None:
    target = f"claims.{fmt}"
    run = numcheck("extract", "--format", fmt, "--output", target)
    assert run.code == 0, run.stderr
    if fmt == "parquet":
        import pandas as pd

        articles = set(pd.read_parquet(target)["article"])
    elif fmt == "json":
        articles = {row["article"] for row in json.loads(Path(target).read_text("utf-8"))}
    elif fmt == "jsonl":
        lines = Path(target).read_text("utf-8").splitlines()
        articles = {json.loads(line)["article"] for line in lines}
    else:
        text = Path(target).read_text("utf-8")
        articles = {a for a in GOOD_ARTICLE_IDS if a in text}
    assert articles == GOOD_ARTICLE_IDS


def test_failed_run_leaves_an_existing_report_alone(numcheck: Callable[..., Run]) -> None:
    Path("report.json").write_text(GOOD_REPORT)
    run = numcheck("check", "--rules", "missing.yaml", "--format", "json", "-o", "report.json")
    assert run.code == 2
    assert Path("report.json").read_text() == GOOD_REPORT
    assert sorted(p.name for p in Path().iterdir() if p.name.startswith(".report")) == []


def test_rendering_crash_leaves_an_existing_report_alone(
    numcheck: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_render(*_args: object, **_kwargs: object) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr("checks.report.render", broken_render)
    Path("report.md").write_text(GOOD_REPORT)
    run = numcheck("check", "--format", "markdown", "--output", "report.md")
    assert run.code == 3
    assert "renderer bug" in run.stderr
    assert Path("report.md").read_text() == GOOD_REPORT
    assert [p.name for p in Path().iterdir() if p.name.startswith(".report")] == []


def test_successful_run_replaces_the_report(numcheck: Callable[..., Run]) -> None:
    Path("report.json").write_text(GOOD_REPORT)
    run = numcheck("check", "--format", "json", "--output", "report.json")
    assert run.code == 0 and run.stdout == ""
    assert finding_articles(json.loads(Path("report.json").read_text())) == GOOD_ARTICLE_IDS


def test_markdown_escapes_article_text(numcheck: Callable[..., Run]) -> None:
    hostile = "x<script>alert(1)[y](javascript:z)|w*.md"  # no "/" in a file name
    Path("seeds", hostile).write_text(
        "---\ndate: 2024-12-23\nsource: <img src=x onerror=alert(2)>\n---\n\n"
        "North Korean losses in Russia's Kursk region have passed 3,000 killed and wounded, "
        "the <b>newspaper</b> reported.\n",
        encoding="utf-8",
    )
    run = numcheck("check", "--format", "markdown")
    assert run.code == 0, run.stderr
    assert "alert(1)" in run.stdout  # the hostile article is part of a finding
    assert "<script>" not in run.stdout
    assert "<img" not in run.stdout
    assert "[y](javascript:" not in run.stdout  # brackets escaped: no link
    assert "\\[y\\](javascript:z)" in run.stdout
    assert "&lt;script&gt;" in run.stdout
