"""Baselines: accepting known findings, stale and expired entries, round trips."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checks.baseline import (
    PLACEHOLDER_REASON,
    apply_baseline,
    baseline_text,
    load_baseline,
)
from checks.findings import ClaimRef, Finding
from claims.errors import ConfigError


def finding(rule: str, *texts: str, line: int = 1) -> Finding:
    claims = tuple(ClaimRef(f"a:{i}", "a", line, 1, text) for i, text in enumerate(texts))
    return Finding(rule, "warning", f"{rule} on {', '.join(texts)}", claims)


def test_round_trip_accepts_everything_then_reports_new(tmp_path: Path) -> None:
    path = tmp_path / "baseline.yaml"
    known = [finding("losses-agree", "about 1,100", "over 3,000")]
    path.write_text(baseline_text(known), encoding="utf-8")
    entries = load_baseline(path)
    assert [e.reason for e in entries] == [PLACEHOLDER_REASON]
    clean = apply_baseline(known, entries)
    assert clean.findings == [] and clean.suppressed == 1 and clean.stale == []
    fresh = finding("losses-agree", "about 1,100", "over 5,000")
    after_edit = apply_baseline([fresh], entries)
    assert after_edit.findings == [fresh]
    assert [e.rule for e in after_edit.stale] == ["losses-agree"]


def test_fingerprint_ignores_position_but_not_text() -> None:
    moved = finding("r", "12 cars", line=40)
    assert moved.fingerprint() == finding("r", "12 cars", line=3).fingerprint()
    assert moved.fingerprint() != finding("r", "13 cars", line=40).fingerprint()
    assert moved.fingerprint() != finding("other", "12 cars", line=40).fingerprint()


def test_expired_entry_no_longer_suppresses(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    item = finding("r", "12 cars")
    path.write_text(
        "version: 1\nentries:\n"
        f"  - fingerprint: {item.fingerprint()}\n    rule: r\n    reason: known\n"
        "    expires: 2024-01-31\n",
        encoding="utf-8",
    )
    entries = load_baseline(path)
    result = apply_baseline([item], entries, today=dt.date(2024, 2, 1))
    assert result.findings == [item]
    assert [e.rule for e in result.expired] == ["r"]
    assert apply_baseline([item], entries, today=dt.date(2024, 1, 31)).findings == []


def test_update_keeps_reasons_of_earlier_entries(tmp_path: Path) -> None:
    item = finding("r", "12 cars")
    path = tmp_path / "b.yaml"
    path.write_text(
        f"version: 1\nentries:\n  - fingerprint: {item.fingerprint()}\n    rule: r\n"
        "    reason: checked with the desk\n    expires: 2030-01-01\n",
        encoding="utf-8",
    )
    rewritten = baseline_text([item], load_baseline(path))
    assert "checked with the desk" in rewritten
    assert "2030-01-01" in rewritten


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("entries:\n  - fingerprint: x\n    rule: r\n", "reason"),
        ("entries:\n  - fingerprint: x\n    rule: r\n    reason: ok\n    expires: soon\n", "ISO"),
        ("entries: [\n", "invalid YAML"),
        ("- just a list\n", "mapping"),
    ],
)
def test_bad_baseline_is_a_config_error(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_baseline(path)
    assert expected in str(raised.value)
    assert "bad.yaml" in str(raised.value)


def test_missing_baseline_file_is_empty(tmp_path: Path) -> None:
    assert load_baseline(tmp_path / "absent.yaml") == []
