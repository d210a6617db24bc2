"""Claimants named one per figure in a list, in the sentence after the figure, by the head of
a longer name ("the Joint Chiefs" for "the Joint Chiefs of Staff"), and bodies an anaphor
may or may not stand for."""

from __future__ import annotations

import pytest
from extraction_support import tags

from claims.vocab import Vocabulary

VOCABULARY = Vocabulary.from_mapping(
    {
        "entities": {"velmora": ["Velmora", "Velmoran"]},
        "sources": {
            "spy_service": ["National Security Service"],
            "defence_staff": ["Velmoran Joint Staff of the Armed Forces"],
            "pentagon": ["Pentagon"],
            "army": ["the army"],
            "relief_agency": ["Relief Agency"],
            "coast_guard": ["coast guard"],
            "premier": ["Premier Ilse Varga", "Ilse Varga"],
        },
    }
)


def sources(text: str) -> list[str | None]:
    """The source of every figure of ``text``, in text order."""
    return tags(text, VOCABULARY, "source")


def test_each_name_of_a_list_claims_the_figure_after_it() -> None:
    text = (
        "The National Security Service spoke first. Side by side, the estimates now read: "
        "the NSS 9,000, the Pentagon 7,500, the army about 6,000."
    )
    assert sources(text) == ["spy_service", "pentagon", "army"]


def test_a_lone_item_after_put_at_takes_its_own_name() -> None:
    text = "The Relief Agency put the toll at 40, the army at around 55."
    assert sources(text) == ["relief_agency", "army"]


@pytest.mark.parametrize(
    "text",
    [
        # names and figures with no word of claiming: what the figures are about
        "Shares fell across the board: Pentagon Lines lost 3.9%, the army 2.4% and Harlow 1.1%.",
        # one item, and no verb setting a figure at a value
        "The Relief Agency said 40 people died, the Pentagon at 55 of them.",
    ],
)
def test_no_list_attribution_without_a_list_of_claims(text: str) -> None:
    found = sources(text)
    assert "pentagon" not in found and "army" not in found


def test_names_of_a_list_must_be_vocabulary_sources() -> None:
    # a claim word before a list of companies does not make the companies claimants
    text = "Traders said shares fell: Dunstan Lines 3.9%, Carrick Ports 2.4%."
    assert sources(text) == ["Traders", "Traders"]


def test_a_list_item_does_not_carry_into_the_next_sentence() -> None:
    text = (
        "The estimates read: the Pentagon 7,500, the army 6,000. "
        "About 300 were wounded, the Relief Agency said. Another 20 died."
    )
    assert sources(text) == ["pentagon", "army", "relief_agency", "relief_agency"]


@pytest.mark.parametrize(
    "follow_up",
    [
        "That figure came from the coast guard.",
        "The figure was provided by the coast guard.",
        "Those numbers come from the coast guard, which led the search.",
        "The estimate is from the coast guard.",
    ],
)
def test_the_next_sentence_may_name_the_claimant_of_a_figure(follow_up: str) -> None:
    text = f"Eleven sailors were pulled from the water. {follow_up}"
    assert sources(text) == ["coast_guard"]


def test_a_figure_named_back_overrides_what_its_sentence_said() -> None:
    text = (
        "An earlier version said the Pentagon had put losses at 3,000. "
        "That figure came from Premier Ilse Varga, while the Pentagon put losses at 1,100."
    )
    assert sources(text) == ["premier", "pentagon"]


def test_a_sentence_about_a_figure_without_naming_a_claimant_changes_nothing() -> None:
    text = "The Pentagon said 40 died. That figure is higher than last week's."
    assert sources(text) == ["pentagon"]


def test_the_head_of_an_of_name_stands_for_it() -> None:
    text = (
        "The Velmoran Joint Staff of the Armed Forces briefed reporters. "
        "The Joint Staff later put losses at 1,100."
    )
    assert sources(text) == ["defence_staff"]


BODIES = Vocabulary.from_mapping(
    {
        "sources": {
            "guild": ["Transit Workers' Guild"],
            "buses": ["Ashcombe City Buses"],
            "rescue": ["city's emergency service"],
            "governor": ["Governor Lidia Sarnova"],
            "spy_service": ["National Intelligence Service"],
            "police": ["Police"],
        },
    }
)


def body_sources(text: str) -> list[str | None]:
    return tags(text, BODIES, "source")


def test_a_second_put_at_by_continues_the_first() -> None:
    text = (
        "The city's emergency service opened a centre. The number of injured was put at 19 "
        "by the emergency service and at 23 by Governor Lidia Sarnova."
    )
    assert body_sources(text) == ["rescue", "governor"]


def test_an_anaphor_does_not_stand_for_a_body_of_another_kind() -> None:
    text = (
        "Ashcombe City Buses runs the routes. The Transit Workers' Guild called the strike.\n\n"
        "Police said 3,000 people marched; the guild put the crowd at 7,500.\n\n"
        "The company says it has hired 120 drivers."
    )
    assert body_sources(text) == ["police", "guild", "buses"]


def test_bodies_of_one_kind_may_stand_for_each_other() -> None:
    # an intelligence service is "the agency"
    text = (
        "Police closed the road. The National Intelligence Service said 12,000 troops left. "
        "The agency said 1,500 were special forces."
    )
    assert body_sources(text) == ["spy_service", "spy_service"]


def test_a_list_after_figures_read_and_with_at_and_quoted_hedges() -> None:
    text = (
        "The Relief Agency put the toll at around 1,100, a senior Pentagon official at "
        'several hundred, and the army at "at least 30". Side by side, the figures read: '
        "the Pentagon at least 10,000, the army nearly 11,000."
    )
    assert sources(text) == ["relief_agency", "pentagon", "army", "pentagon", "army"]


def test_people_at_a_body_speak_for_it() -> None:
    vocabulary = Vocabulary.from_mapping({"sources": {"observatory": ["Halvorsen Observatory"]}})
    text = "Astronomers at the Halvorsen Observatory say the rock is 70 metres across."
    assert tags(text, vocabulary, "source") == ["observatory"]


def test_a_semicolon_list_may_part_each_name_from_its_figure_with_a_comma() -> None:
    vocabulary = Vocabulary.from_mapping(
        {"sources": {"gur": ["Budanov"], "state": ["Blinken"], "nis": ["NIS"]}}
    )
    text = "The tallies now: the NIS, 12,000; Budanov, approximately 11,000; Blinken, 10,000."
    assert tags(text, vocabulary, "source") == ["nis", "gur", "state"]
