"""Tagging fixes found by the planted-contradiction scenarios (tests/rules/scenarios.yaml).

Each test pins one defect that made a trap fire or a contradiction go unseen: projections
("plans to send ... by December"), rejected figures ("not 3,000"), estimates "put at" a
figure, and relays written "which cited".
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from claims.articles import Article
from claims.periods import find_periods
from claims.pipeline import extract_articles
from claims.vocab import load_vocabulary

VOCABULARY = load_vocabulary(Path(__file__).resolve().parents[2] / "rules.yaml")


def claims_of(text: str) -> pd.DataFrame:
    """The claims of one tiny article, indexed by the figure's text."""
    article = Article.from_text(text, id="t", date="2024-12-23", source="Test Wire")
    return extract_articles([article], VOCABULARY).set_index("text")


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("North Korea plans to send 10,000 troops by December.", "by December"),
        ("Seoul expects a total of 10,000 troops by around December.", "by December"),
        ("Pyongyang could send 15,000 more by the end of the year.", "by end of year"),
        ("Kyiv expects 25,000 soldiers by next year.", "by next year"),
    ],
)
def test_a_deadline_after_a_word_of_intent_is_a_period(sentence: str, label: str) -> None:
    assert [period.label for period in find_periods(sentence)] == [label]


@pytest.mark.parametrize(
    "sentence",
    [
        "North Korea had sent 3,000 troops by mid-October.",
        "Officials counted 3,000 troops by December. They plan more.",
    ],
)
def test_a_past_deadline_is_no_period(sentence: str) -> None:
    assert find_periods(sentence) == []


def test_a_projection_is_not_a_standing_total() -> None:
    claims = claims_of(
        "The NIS expects North Korea to have sent a total of 10,000 troops by December."
    )
    assert claims.loc["10,000 troops", "period"] == "by December"
    assert claims.loc["10,000 troops", "metric"] == "deployed"


def test_a_rejected_figure_takes_no_metric() -> None:
    claims = claims_of("Casualties stand at around 1,100, not 3,000 as reported, the JCS said.")
    assert claims.loc["around 1,100", "metric"] == "losses"
    assert pd.isna(claims.loc["3,000", "metric"])


def test_not_before_a_hedge_keeps_the_metric() -> None:
    claims = claims_of("North Korea sent not more than 3,000 troops, the NIS said.")
    assert claims["metric"].tolist() == ["deployed"]


def test_put_at_attributes_the_estimate() -> None:
    claims = claims_of(
        "Zelensky said casualties had passed 3,000. The Joint Chiefs of Staff put North "
        "Korean casualties at about 1,000."
    )
    assert claims.loc["about 1,000", "source"] == "south_korea_jcs"
    assert claims.loc["had passed 3,000", "source"] == "zelensky"


def test_put_without_an_estimate_is_no_attribution() -> None:
    claims = claims_of("Russia put 3,000 North Korean troops on the front line, Zelensky said.")
    assert claims["source"].tolist() == ["zelensky"]


def test_which_cited_makes_a_relay() -> None:
    claims = claims_of(
        "North Korea has lost about 1,100 troops, according to Yonhap, which cited the NIS."
    )
    row = claims.loc["about 1,100 troops"]
    assert (row["source"], row["reported_by"]) == ("south_korean_intelligence", "Yonhap")
