"""Acceptance: the original seed article yields exactly the claims table written out below.

The seed is read from the shared folder (``/work/shared/seeds`` or ``../shared/seeds`` next to
the repository); the tests skip when it is absent. The rewrite in ``seeds/`` must yield the
same figures with the same tags.
"""

from __future__ import annotations

import importlib
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from claims import extract

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "rules.yaml"
SEED_NAME = "000_e35d71710bbe9a77.txt"
REWRITE = REPO / "seeds" / SEED_NAME
INF = math.inf


def _original_seed() -> Path | None:
    candidates = [Path("/work/shared/seeds"), REPO.parent / "shared" / "seeds"]
    if os.environ.get("NUMCHECK_SHARED_SEEDS"):
        candidates.insert(0, Path(os.environ["NUMCHECK_SHARED_SEEDS"]))
    for folder in candidates:
        if (folder / SEED_NAME).is_file():
            return folder / SEED_NAME
    return None


ORIGINAL = _original_seed()
needs_seed = pytest.mark.skipif(ORIGINAL is None, reason="shared seeds folder not present")


def vague_default(word: str) -> tuple[float, float]:
    """The default interval of a vague word from claims.hedges, else our best guess.

    claims.hedges owns the table; its exact name is not part of the shared interface, so any
    module-level mapping holding ``word`` with a (low, high) pair or an object with low/high
    is accepted. Fallback: several = [3, 9] (the documented proposal).
    """
    try:
        hedges = importlib.import_module("claims.hedges")
    except ImportError:
        return {"several": (3.0, 9.0)}[word]
    for name in dir(hedges):
        table = getattr(hedges, name)
        if isinstance(table, Mapping) and word in table:
            entry = table[word]
            if hasattr(entry, "low") and hasattr(entry, "high"):
                return float(entry.low), float(entry.high)
            if isinstance(entry, tuple | list) and len(entry) >= 2:
                return float(entry[0]), float(entry[1])
    return {"several": (3.0, 9.0)}[word]


SEVERAL_LOW, SEVERAL_HIGH = vague_default("several")

# text, value, low, high, qualifier, unit, noun, metric, entity, source, reported_by, period
# value None: a vague quantity whose representative value is the extractor's documented
# default; only low <= value <= high is asserted for it.
EXPECTED: list[tuple[Any, ...]] = [
    ("approximately 1,100 personnel", 1100, 990, 1210, "approx", "person", "personnel",
     "losses", "north_korea", "south_korean_intelligence", "Yonhap News Agency", None),
    ("up to 12,000 soldiers", 12000, 0, 12000, "upper", "person", "soldiers",
     "deployed", "north_korea", "Seoul", None, None),
    ("$2,000 for each soldier", 2000, 2000, 2000, "exact", "USD / person", "soldier",
     "pay_per_soldier", "north_korea", "south_korean_intelligence", None, None),
    ("83 annual wages", 83, 83, 83, "exact", "dimensionless", "annual wages",
     "wage_multiple", "north_korea", "south_korean_intelligence", None, None),
    ("77 North Korean soldiers", 77, 77, 77, "exact", "person", "soldiers",
     "killed", "north_korea", "ukraine_sof", None, "3 days"),
    ("40", 40, 40, 40, "exact", "person", None,
     "wounded", "north_korea", "ukraine_sof", None, "3 days"),
    ("three days", 3, 3, 3, "exact", "day", "days",
     None, "north_korea", "ukraine_sof", None, None),
    ("several vehicles", None, SEVERAL_LOW, SEVERAL_HIGH, "vague", "vehicle", "vehicles",
     "equipment", "ukraine", "ukraine_sof", None, None),
    ("three buggies", 3, 3, 3, "exact", "vehicle", "buggies",
     "equipment", "ukraine", "ukraine_sof", None, None),
    ("twelve cars", 12, 12, 12, "exact", "vehicle", "cars",
     "equipment", "ukraine", "ukraine_sof", None, None),
    ("an armored vehicle", 1, 1, 1, "exact", "vehicle", "vehicle",
     "equipment", "ukraine", "ukraine_sof", None, None),
]  # fmt: skip
COLUMNS = ("text", "value", "low", "high", "qualifier", "unit", "noun", "metric", "entity",
           "source", "reported_by", "period")  # fmt: skip
#: Words in the seed that look numeric but are not claims (SPEC: dates, ordinals, pronouns).
DISTRACTORS = ("December 23", "In June", "November", "Article 4", "one party",
               "the other party", "the two nations", "2024", "10:16")  # fmt: skip
#: Columns compared between the original seed and the rewrite in seeds/.
FIGURE_COLUMNS = ("value", "low", "high", "qualifier", "unit", "metric", "entity", "source",
                  "reported_by", "period")  # fmt: skip


def _cell(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value


def _rows(path: Path) -> list[dict[str, Any]]:
    table = extract([path], rules=RULES).sort_values("start")
    return [{key: _cell(v) for key, v in row.items()} for row in table.to_dict("records")]


@pytest.fixture(scope="module")
def seed_rows() -> list[dict[str, Any]]:
    assert ORIGINAL is not None
    return _rows(ORIGINAL)


@needs_seed
def test_seed_yields_exactly_the_expected_quantities(seed_rows: list[dict[str, Any]]) -> None:
    assert [row["text"] for row in seed_rows] == [row[0] for row in EXPECTED]


@needs_seed
@pytest.mark.parametrize("expected", EXPECTED, ids=[row[0] for row in EXPECTED])
def test_seed_claim_row(seed_rows: list[dict[str, Any]], expected: tuple[Any, ...]) -> None:
    want = dict(zip(COLUMNS, expected, strict=True))
    rows = [row for row in seed_rows if row["text"] == want["text"]]
    assert len(rows) == 1, f"{want['text']!r} found {len(rows)} times"
    got = rows[0]
    for key in ("low", "high"):
        assert got[key] == pytest.approx(want[key], rel=1e-9), key
    if want["value"] is None:
        assert got["low"] <= got["value"] <= got["high"]
    else:
        assert got["value"] == pytest.approx(want["value"], rel=1e-9)
    for key in COLUMNS[4:]:
        assert got[key] == want[key], f"{want['text']!r}: {key}"


@needs_seed
def test_seed_positions_point_at_the_text(seed_rows: list[dict[str, Any]]) -> None:
    assert ORIGINAL is not None
    lines = ORIGINAL.read_text(encoding="utf-8").split("\n")
    for row in seed_rows:
        line = lines[row["line"] - 1]
        assert line[row["col"] - 1 :].startswith(row["text"])
        assert row["claim_id"] == f"{row['article']}:{row['start']}"
        assert row["published"] == pd.Timestamp("2024-12-23 10:16:00")
        assert row["text"] in row["sentence"]


@needs_seed
@pytest.mark.parametrize("distractor", DISTRACTORS)
def test_seed_distractor_is_not_a_claim(seed_rows: list[dict[str, Any]], distractor: str) -> None:
    assert ORIGINAL is not None
    if distractor not in ("2024", "10:16"):
        assert distractor in ORIGINAL.read_text(encoding="utf-8")
    assert not any(distractor in row["text"] for row in seed_rows)


def _figures(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    def key(row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(
            round(row[c], 6) if isinstance(row[c], float) and math.isfinite(row[c]) else row[c]
            for c in FIGURE_COLUMNS
        )

    return sorted((key(row) for row in rows), key=repr)


@needs_seed
def test_rewrite_in_seeds_yields_the_same_figures(seed_rows: list[dict[str, Any]]) -> None:
    assert _figures(_rows(REWRITE)) == _figures(seed_rows)


def test_rewrite_keeps_the_seed_header_and_every_figure() -> None:
    text = REWRITE.read_text(encoding="utf-8")
    first = text.split("\n", 1)[0]
    assert first.startswith("date 2024-12-23 ")
    assert first.endswith(" Monday, December 23, 2024 10:16:00 AM")
    for written in [row[0] for row in EXPECTED] + ["Yonhap News Agency", "Joint Chiefs of Staff",
                                                   "Article 4"]:  # fmt: skip
        assert written in text
