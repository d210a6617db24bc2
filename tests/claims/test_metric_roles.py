"""Metric choice by the role a figure plays: people counts, multiples, shares, comparisons."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.cues import is_human_noun
from claims.metric_words import is_compared, opens_apposition
from claims.quantities import Quantity
from claims.tagging import tag_quantities
from claims.vocab import Vocabulary
from tests.claims.extraction_support import tags

VOCABULARY = Vocabulary.from_mapping(
    {
        "units": [
            "person = [headcount] = people = soldiers = troops",
            "parcel = [item] = parcels",
            "seat = [chamber] = seats",
        ],
        "entities": {"freedonia": ["Freedonia", "Freedonians"]},
        "metrics": {
            "killed": {"unit": "person", "cues": ["killed", "died"]},
            "missing": {"unit": "person", "cues": ["missing"]},
            "evacuated": {"unit": "person", "cues": ["evacuated"]},
            "losses": {"unit": "person", "cues": ["killed or wounded"]},
            "deployed": {"unit": "person", "cues": ["sent", "in Sylvania"]},
            "infections": {"unit": "person", "cues": ["infections"]},
            "rainfall": {"unit": "millimeter", "cues": ["rain"]},
            "shipped": {"unit": "parcel", "cues": ["shipped"]},
            "aces": {"unit": "dimensionless", "cues": ["aces"]},
            "lake_volume": {"unit": "meter ** 3", "cues": ["water"]},
            "coral_cover": {"unit": "hectare", "cues": ["coral cover"]},
            "profit": {"unit": "USD", "cues": ["profit"]},
            "revenue": {"unit": "USD", "cues": ["sales"]},
            "pay": {"unit": "USD / month", "cues": ["pay"]},
            "vote_share": {"unit": "percent", "cues": ["of the vote"]},
            "seats": {"unit": "seat", "cues": ["seats"]},
        },
    }
)


def metric_of(text: str, figure: str) -> str | None:
    """The metric of the figure of ``text`` whose sentence span starts with ``figure``."""
    rows = tags(text, VOCABULARY, "metric", "start")
    start = text.index(figure)
    found = [metric for metric, at in rows if at == start]
    assert found, (figure, rows)
    return found[0]


# -- people the units do not list ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "metric"),
    [
        ("Rescuers were still looking for four hikers reported missing.", "four hikers", "missing"),
        ("Two infants have died at the clinic since Monday.", "Two infants", "killed"),
        ("About 900 guests were evacuated from the resort.", "About 900 guests", "evacuated"),
        ("The raid killed 12 Freedonians near the border.", "12 Freedonians", "killed"),
    ],
)
def test_people_the_units_do_not_list_take_the_governing_cue(
    text: str, figure: str, metric: str
) -> None:
    assert metric_of(text, figure) == metric


def test_a_non_human_noun_still_counts_nothing() -> None:
    text = "The storm killed 40 sheep on the hill farms."
    start = text.index("40")
    sheep = Quantity(
        start, start + 8, 40, 40, 40, "exact", "dimensionless", "sheep", start, start + 2
    )
    assert tag_quantities(text, [sheep], VOCABULARY)[0].metric is None


@given(st.sampled_from(["guests", "special forces", "young children", "infantry", "Crew"]))
def test_human_nouns_are_recognised_by_their_last_word(noun: str) -> None:
    assert is_human_noun(noun)
    assert not is_human_noun(noun + " buses")


# -- multiples, shares and changes of a metric's figure -------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "metric"),
    [
        (
            "Some 220 mm of rain fell overnight, roughly twice the usual monthly total.",
            "roughly twice",
            "rainfall",
        ),
        ("The depot shipped 8,400 parcels in May, 6% more than in April.", "6%", "shipped"),
        (
            "The lake has lost nearly a quarter of its water since 1990.",
            "nearly a quarter",
            "lake_volume",
        ),
        (
            "The reef's coral cover has shrunk by roughly a fifth in a decade.",
            "roughly a fifth",
            "coral_cover",
        ),
        (
            "Experts say the real number of infections is ten times higher.",
            "ten times",
            "infections",
        ),
    ],
)
def test_a_multiple_or_share_keeps_the_metric_it_measures(
    text: str, figure: str, metric: str
) -> None:
    assert metric_of(text, figure) == metric


def test_a_composition_share_says_who_and_keeps_no_metric() -> None:
    text = "The shelling killed 300 people, about half of them children."
    assert metric_of(text, "300 people") == "killed"
    assert tags(text, VOCABULARY, "metric", "unit")[1] == (None, "dimensionless")


def test_a_share_the_verb_governs_is_not_a_multiple_of_its_neighbour() -> None:
    # no comma sets "71%" off as a comparison with the aces: it is a share of something else
    text = "She served 9 aces and won 71% of the points behind her first serve."
    assert metric_of(text, "9 aces") == "aces"
    assert metric_of(text, "71%") is None


# -- figures compared with a metric's figure ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "metric"),
    [
        (
            "Quarterly profit fell to 51 million dollars from 64 million a year before.",
            "64 million",
            "profit",
        ),
        ("Gauges recorded 80 mm of rain, against 12 a year earlier.", "12", "rainfall"),
    ],
)
def test_a_bare_figure_compared_with_a_metric_figure_takes_its_metric(
    text: str, figure: str, metric: str
) -> None:
    assert metric_of(text, figure) == metric


def test_from_a_noun_is_an_origin_not_a_comparison() -> None:
    text = "The army sent 5,000 troops from three brigades."
    assert metric_of(text, "5,000 troops") == "deployed"
    assert metric_of(text, "three brigades") is None


def test_a_figure_from_to_a_bare_figure_is_a_change() -> None:
    text = "The company shipped 4,100 parcels in March, down from 5,300 parcels to about 4,100."
    assert is_compared(text, (text.index("5,300"), text.index(" to about")), text.index("about"))


@given(st.sampled_from([", ", "; ", " (", " - "]), st.sampled_from(["and ", "at ", "won "]))
def test_an_apposition_opens_after_punctuation_only(mark: str, word: str) -> None:
    assert opens_apposition(f"412 boxes{mark}3% more", len(f"412 boxes{mark}")) == (mark != " - ")
    assert not opens_apposition(f"412 boxes {word}3% more", len(f"412 boxes {word}"))


# -- which cue of the clause ---------------------------------------------------------------


def test_a_partitive_figure_counts_its_neighbours_noun() -> None:
    text = "The party took 30.5% of the vote and 88 of the 150 seats."
    assert metric_of(text, "88") == "seats"
    assert metric_of(text, "30.5%") == "vote_share"


def test_a_cue_governing_another_figure_yields_to_a_free_one() -> None:
    text = "Operating profit climbed to 75 million dollars on sales of 910 million dollars."
    assert metric_of(text, "75 million dollars") == "profit"
    assert metric_of(text, "910 million dollars") == "revenue"


def test_the_number_of_names_what_the_figure_counts() -> None:
    text = "The number of soldiers killed or wounded in Sylvania has now passed 4,000."
    assert metric_of(text, "4,000") == "losses"


def test_a_cue_followed_by_of_governs_a_rate() -> None:
    text = "Recruits were promised monthly pay of about $1,800."
    rows = tags(text, VOCABULARY, "metric", "unit")
    assert rows == [("pay", "USD / month")]
