"""Which entity a figure is about when its claimant is part of the story: a side stating its
own position, a body speaking of itself, a country qualifying who speaks, an electorate."""

from __future__ import annotations

import pytest
from extraction_support import tags

from claims.vocab import Vocabulary

HEADLINE = "Northland sends 8,000 troops to Korlan"


POSITIONS = Vocabulary.from_mapping(
    {
        "entities": {"kerrow": ["Kerrow Terminals"], "dockers": ["Dockers' Federation"]},
        "sources": {"kerrow": ["Kerrow Terminals"], "dockers": ["Dockers' Federation"]},
    }
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Dockers' Federation is demanding a rise of 9%.", [("dockers", "dockers")]),
        ("Kerrow Terminals has offered 4.5% over two years.", [("kerrow", "kerrow")] * 2),
        (
            "The Dockers' Federation wants 9% and Kerrow Terminals offers 4.5%.",
            [("dockers", "dockers"), ("kerrow", "kerrow")],
        ),
    ],
)
def test_a_side_stating_its_position_claims_a_figure_about_itself(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert tags(text, POSITIONS, "entity", "source") == expected


SELF_AND_TOPIC = Vocabulary.from_mapping(
    {
        "entities": {
            "arvenna": ["Arvenna"],
            "velmora": ["Velmora", "Velmoran"],
            "korlan": ["Korlan", "Korlani"],
            "north": ["Northland"],
        },
        "sources": {"arvenna_government": ["Arvenna regional government"]},
    }
)


def test_a_claimant_speaking_of_itself_is_what_its_figure_is_about() -> None:
    text = "The Arvenna regional government said it had opened 12 shelters."
    assert tags(text, SELF_AND_TOPIC, "entity", "source") == [("arvenna", "arvenna_government")]


@pytest.mark.parametrize(
    "lead",
    ["Velmora's numbers have run higher.", "It is the highest estimate yet from Velmora."],
)
def test_a_place_owning_an_estimate_is_not_what_the_next_figure_is_about(lead: str) -> None:
    text = f"{lead} Officials said 11,000 infantry were training."
    # not Velmora (whose estimate it is): the headline's topic
    assert tags(text, SELF_AND_TOPIC, "entity", title=HEADLINE) == ["north"]


def test_a_country_qualifying_a_minister_or_a_broadcaster_is_not_the_topic() -> None:
    text = (
        "Velmora's defence minister said in an interview with a Korlani broadcaster that "
        "12,000 troops had been seen."
    )
    assert tags(text, SELF_AND_TOPIC, "entity", title=HEADLINE) == ["north"]


ELECTION = Vocabulary.from_mapping(
    {
        "entities": {
            "eskerby": ["Eskerby"],
            "lantern": ["Lantern Party"],
            "harbour": ["Social Harbour bloc"],
        },
        "sources": {"board": ["Eskerby Electoral Board"]},
    }
)


def test_turnout_and_ballots_are_the_voting_places_not_a_partys() -> None:
    text = (
        "The Lantern Party won 24 seats in Eskerby's assembly, the Eskerby Electoral Board "
        "said. Turnout was 61.4%, and 412,600 ballots were cast; 6,180 papers were spoiled."
    )
    assert tags(text, ELECTION, "entity") == ["lantern", "eskerby", "eskerby", "eskerby"]


MARINE = Vocabulary.from_mapping(
    {
        "entities": {"tullan": ["Tullan Marine"], "pellmouth": ["Pellmouth"]},
        "sources": {"tullan": ["Tullan Marine"]},
    }
)


@pytest.mark.parametrize(
    "text",
    [
        "In Pellmouth, Tullan Marine, a family firm that runs three boats, said it was sorry.",
        "In Pellmouth, Tullan Marine, which runs three boats, said it was sorry.",
    ],
)
def test_a_figure_in_an_apposition_describes_the_name_before_it(text: str) -> None:
    assert tags(text, MARINE, "entity") == ["tullan"]


REFERENDUM = Vocabulary.from_mapping(
    {"entities": {"wessary": ["Wessary"], "yes": ["Yes side"], "no": ["No side"]}}
)


def test_turnout_in_a_referendum_is_the_places_not_a_sides() -> None:
    text = (
        "Voters in Wessary backed the tunnel. The Yes side won 187,412 votes and the No side "
        "180,756. Turnout was 58.3%."
    )
    assert tags(text, REFERENDUM, "entity")[-1] == "wessary"


TOURNAMENT = Vocabulary.from_mapping(
    {
        "entities": {
            "portvale_open": ["Portvale Open"],
            "ruiz": ["Sofia Ruiz"],
            "castelmont": ["Castelmont"],
            "union": ["Castelmont Teachers' Union"],
            "ardwyn": ["Ardwyn"],
            "rescue": ["Ardwyn Mountain Rescue"],
            "tesmar": ["Tesmar Front"],
            "delvania": ["Delvania"],
        },
        "sources": {
            "portvale_open": ["Portvale Open"],
            "union": ["Castelmont Teachers' Union"],
            "rescue": ["Ardwyn Mountain Rescue"],
            "delvania_army": ["Delvania's army"],
        },
    }
)


def test_an_anaphor_speaking_of_itself_makes_its_body_the_figures_entity() -> None:
    text = (
        "The Portvale Open ended on Sunday. Sofia Ruiz takes home $485,000, her coach, Marco "
        "Peralta, said. "
        "The tournament said its prize money had risen 12% and that 96,400 spectators had come."
    )
    # not Sofia Ruiz, named last before: the tournament speaks of its own money and crowds
    assert tags(text, TOURNAMENT, "entity") == ["ruiz", "portvale_open", "portvale_open"]


def test_a_demand_stated_by_an_anaphor_is_the_demanding_bodys() -> None:
    text = (
        "Members of the Castelmont Teachers' Union struck on Monday, and schools in Castelmont "
        "closed. The union wants a wage rise of 9% this year."
    )
    # not Castelmont, named last before: the union states its own demand
    assert tags(text, TOURNAMENT, "entity") == ["union"]


@pytest.mark.parametrize(
    "text",
    [
        "An avalanche hit Ardwyn. Ardwyn Mountain Rescue said its teams had pulled 14 people "
        "from the snow, nine of them injured.",
    ],
)
def test_people_a_claimant_rescued_are_not_the_claimants_own(text: str) -> None:
    assert tags(text, TOURNAMENT, "entity") == ["ardwyn", "ardwyn"]


def test_a_figure_before_the_claimant_speaking_of_itself_is_not_its_own() -> None:
    text = "In Castelmont pay rose 3%, and the Castelmont Teachers' Union says it wants 9%."
    assert tags(text, TOURNAMENT, "entity") == ["castelmont", "union"]


def test_what_is_done_by_a_side_is_that_sides() -> None:
    text = "Delvania's army says its troops repelled three assaults by the Tesmar Front."
    assert tags(text, TOURNAMENT, "entity") == ["tesmar"]


@pytest.mark.parametrize(
    "text",
    [
        "The Lantern Party won 24 seats in Eskerby. Just over 318,000 votes were cast.",
        "The Lantern Party won 24 seats in Eskerby. Of the votes, 2,940 were declared invalid.",
        "The Lantern Party won 24 seats in Eskerby, carrying 17 districts.",
        "The Lantern Party won 24 seats in Eskerby; 1,240 polling stations had reported.",
    ],
)
def test_votes_cast_invalid_votes_and_districts_are_the_places(text: str) -> None:
    assert tags(text, ELECTION, "entity") == ["lantern", "eskerby"]


@pytest.mark.parametrize("quote", ['"{}"', "“{}”"])
def test_a_figure_in_a_first_person_quote_is_the_speakers_own(quote: str) -> None:
    said = quote.format("Our members have lost 11% of their pay,")
    text = (
        "Schools in Castelmont closed on Monday.\n\n"
        f"{said} said the Castelmont Teachers' Union. Pay in Castelmont rose 2%."
    )
    # the union's members, not the town the story is about; the next figure is the town's
    assert tags(text, TOURNAMENT, "entity") == ["union", "castelmont"]


WAR = Vocabulary.from_mapping(
    {
        "entities": {"rhovenia": ["Rhovenia"], "zemlin": ["Zemlin"]},
        "sources": {"rhovenia_defence": ["Rhovenia's defence ministry"]},
    }
)


def test_a_pronoun_speaking_of_itself_takes_the_entity_in_its_antecedents_name() -> None:
    text = (
        "A missile hit Zemlin on Tuesday, killing four workers.\n\n"
        "Rhovenia's defence ministry confirmed the strike. It said its forces had hit 23 "
        "targets overnight."
    )
    # "It" is Rhovenia's defence ministry, and "its forces" are Rhovenia's
    assert tags(text, WAR, "entity") == ["zemlin", "rhovenia"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Lantern Party won 24 of the 51 seats in Eskerby.", ["lantern", "eskerby"]),
        ("In Eskerby the Lantern Party won 24 of the assembly's 51 seats.", ["lantern", "eskerby"]),
        # its own seats are the party's
        ("In Eskerby the Lantern Party may lose 12 of its 51 seats.", ["lantern", "lantern"]),
    ],
)
def test_the_whole_chamber_is_the_places(text: str, expected: list[str]) -> None:
    assert tags(text, ELECTION, "entity") == expected


RAIL = Vocabulary.from_mapping(
    {
        "entities": {"halloran": ["Halloran"], "halloran_rail": ["Halloran Rail"]},
        "sources": {
            "halloran_rail": ["Halloran Rail"],
            "commission": ["Halloran Electoral Commission"],
        },
    }
)


def test_a_company_reporting_on_its_business_owns_the_figures() -> None:
    text = (
        "A blackout hit Halloran on Monday. Halloran schools closed.\n\n"
        "At its height 212 trains were halted, the rail operator Halloran Rail said."
    )
    assert tags(text, RAIL, "entity") == ["halloran_rail"]


@pytest.mark.parametrize(
    "text",
    [
        # a commission reports on others
        "Voting ended in Halloran. Halloran schools closed.\n\n"
        "Some 212 stations reported, the Halloran Electoral Commission said.",
        # a company reporting in a sentence that names another entity
        "A blackout hit Halloran. At its height 212 trains were halted in Halloran, Halloran "
        "Rail said.",
    ],
)
def test_other_reporters_and_named_entities_are_not_overridden(text: str) -> None:
    assert tags(text, RAIL, "entity") == ["halloran"]


@pytest.mark.parametrize(
    "said",
    [
        "the Tesmar Front told us the group now holds",
        "the Tesmar Front said the group's fighters hold",
        "the Tesmar Front told reporters that the group holds",
    ],
)
def test_a_claimant_naming_itself_by_its_kind_speaks_of_itself(said: str) -> None:
    text = f"Fighting went on in Delvania. A spokeswoman for {said} about a third of the town."
    assert tags(text, TOURNAMENT, "entity") == ["tesmar"]


TALLY = Vocabulary.from_mapping(
    {
        "entities": {
            "novak": ["Marta Novak", "Novak"],
            "carver": ["Liam Carver"],
            "north": ["North Korea"],
            "russia": ["Russia"],
        }
    }
)


def test_a_tally_for_someone_is_theirs() -> None:
    text = "Marta Novak won 18,407 votes to 18,395 for Liam Carver."
    assert tags(text, TALLY, "entity") == ["novak", "carver"]


def test_weapons_made_for_someone_stay_the_makers() -> None:
    text = "North Korea has shipped 6 million shells for Russia."
    assert tags(text, TALLY, "entity") == ["north"]


MAYOR = Vocabulary.from_mapping(
    {"entities": {"brookfield": ["Brookfield"], "kerr": ["Dana Kerr", "Kerr"]}}
)


def test_ballots_are_the_places_even_when_a_candidate_is_named_more() -> None:
    text = (
        "Dana Kerr was elected mayor of Brookfield. Kerr thanked voters in Brookfield. "
        "Kerr said nearly 101,000 ballots were counted."
    )
    assert tags(text, MAYOR, "entity") == ["brookfield"]


SWAP = Vocabulary.from_mapping(
    {
        "entities": {"estland": ["Estland"], "morravia": ["Morravia", "Morravian"]},
        "sources": {"commissioner": ["Estland's human rights commissioner"]},
    }
)


def test_a_part_of_its_own_is_the_claimants() -> None:
    text = (
        "Morravia freed 90 prisoners.\n\nEstland's human rights commissioner said more than "
        "1,800 of its soldiers were still held in Morravian camps."
    )
    assert tags(text, SWAP, "entity") == ["morravia", "estland"]


HEALTH = Vocabulary.from_mapping(
    {
        "entities": {
            "lissmark": ["Lissmark"],
            "fresko": ["Fresko"],
            "education": ["Lissmark's education department"],
        },
        "sources": {
            "health": ["Lissmark's Ministry of Health"],
            "education": ["Lissmark's education department"],
        },
    }
)


def test_a_domestic_body_counts_its_own_countrys_figures() -> None:
    text = (
        "Fresko berries were recalled. Fresko apologised.\n\n"
        "Lissmark's Ministry of Health said 164 cases had been confirmed. The ministry has "
        "ordered 20,000 extra doses."
    )
    assert tags(text, HEALTH, "entity") == ["lissmark", "lissmark"]


def test_a_body_that_is_an_entity_itself_is_no_qualifier() -> None:
    text = (
        "Teachers struck in Lissmark. Lissmark's education department said it was ready.\n\n"
        "The department said 60 schools stayed open."
    )
    # the department is an entity of its own: no country qualifies it, and the schools
    # stay the town's
    assert tags(text, HEALTH, "entity") == ["lissmark"]


RUNOFF = Vocabulary.from_mapping(
    {
        "entities": {
            "rostal": ["Rostal"],
            "brandvold": ["Ilka Brandvold", "Brandvold"],
            "savin": ["Teodor Savin", "Savin"],
        },
        "sources": {"authority": ["Rostal Election Authority"]},
    }
)


def test_the_seat_of_an_election_is_its_place_though_never_said_in_it() -> None:
    text = (
        "Ilka Brandvold won the runoff for mayor of Rostal, the Rostal Election Authority "
        "said. Savin conceded. Savin thanked his staff. Savin left.\n\nTurnout was 47.6%."
    )
    # Savin is named most, but Rostal is the seat of the office
    assert tags(text, RUNOFF, "entity") == ["rostal"]
