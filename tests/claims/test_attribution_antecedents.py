"""Attribution beyond "NAME said": titles and appositives, shared subjects, authorship,
anaphors that reach back across paragraphs, and which attribution a figure takes."""

from __future__ import annotations

import pytest
from extraction_support import tags

from claims.articles import Article
from claims.pipeline import extract_articles
from claims.vocab import Vocabulary

VOCABULARY = Vocabulary.from_mapping(
    {
        "entities": {"sylvania": ["Sylvania", "Sylvanian"]},
        "sources": {
            "relief_agency": ["Northern Relief Agency"],
            "health_ministry": ["Health Ministry"],
            "general_staff": ["General Staff", "Mara Quell"],
            "courier": ["Daily Courier"],
            "pollster": ["Civic Pulse"],
            "unions": ["Unions", "dockers' unions"],
            "police": ["Police"],
            "organisers": ["organisers"],
            "who": ["World Health Organization", "WHO"],
            "insurers": ["Insurers"],
            "generic_ministry": ["the ministry"],
            "caddon": ["University of Caddon"],
            "city_council": ["city council"],
            "un": ["UN"],
        },
    }
)


def sources(text: str) -> list[str | None]:
    """The source of every figure of ``text``, in text order."""
    table = extract_articles([Article.from_text(text, id="t")], VOCABULARY)
    return [None if value is None or value != value else value for value in table["source"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role phrase, then the name in commas
        ("The army chief, Mara Quell, said 80 tanks were lost.", "general_staff"),
        ("Sylvania's army chief, Mara Quell, said 80 tanks were lost.", "general_staff"),
        # a name, then an appositive holding the alias
        ("Jon Bell, the Daily Courier editor, said 80 tanks were lost.", "courier"),
        # a relative clause between name and verb
        ("Dockers' unions, which have called 3 strikes, say 900 posts are empty.", "unions"),
        # a modal before a base form
        ("The General Staff would say only that 80 tanks were lost.", "general_staff"),
        # a parenthesis and an appositive, then "today"
        (
            "Civic Pulse (LSE: CVP), a polling firm, today announced 1,200 new panellists.",
            "pollster",
        ),
    ],
)
def test_subject_with_title_appositive_or_modal(text: str, expected: str) -> None:
    assert set(sources(text)) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "Unions welcomed the offer but said 900 posts were still empty.",
        "The Health Ministry denied the claim and said 900 posts were still empty.",
        "The Health Ministry raised its estimate, saying 900 posts were still empty.",
    ],
)
def test_a_statement_verb_without_subject_takes_the_opening_subject(text: str) -> None:
    assert sources(text)[-1] in {"unions", "health_ministry"}
    assert sources(text)[-1] is not None


def test_a_capitalised_common_noun_opening_a_sentence_is_no_claimant() -> None:
    assert sources("Hospitals filled up and said 40 beds were free.") == [None]


def test_an_earlier_attribution_in_the_sentence_beats_the_opening_subject() -> None:
    text = "Sylvania lost ground, the Daily Courier said, adding that 80 tanks burned."
    assert sources(text) == ["courier"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout reached the 75% target set by the Health Ministry.", "health_ministry"),
        ("The bloc would win 40 seats, according to a projection by Civic Pulse.", "pollster"),
        ("Prices rose 4.2%, the survey by Civic Pulse showed.", "pollster"),
    ],
)
def test_authorship_names_the_source(text: str, expected: str) -> None:
    assert sources(text) == [expected]


def test_the_agency_reaches_back_to_the_source_named_with_that_noun() -> None:
    text = (
        "The Northern Relief Agency said 40 trucks reached the city.\n\n"
        "The Health Ministry said 12 clinics had reopened.\n\n"
        "Convoys will carry 300 tonnes next week, the agency said."
    )
    assert sources(text) == ["relief_agency", "health_ministry", "relief_agency"]


def test_an_anaphor_with_no_earlier_claimant_may_name_a_mentioned_alias() -> None:
    text = (
        "Officials of the Health Ministry met donors on Monday. "
        "The ministry said 12 clinics had reopened."
    )
    assert sources(text) == ["health_ministry"]


def test_pronouns_and_unnamed_spokespeople_continue_the_last_claimant() -> None:
    text = (
        "The General Staff said 80 tanks were lost.\n\n"
        "It later said 12 more had been destroyed.\n\n"
        "A spokesman said 5 crews were missing."
    )
    assert sources(text) == ["general_staff"] * 3


def test_officials_in_a_new_paragraph_are_new_people() -> None:
    text = "The General Staff said 80 tanks were lost.\n\nOfficials said 12 bridges were down."
    assert sources(text) == ["general_staff", None]


def test_the_data_stands_for_the_last_cited_publisher() -> None:
    text = (
        "Waiting lists fell to 6.3 million, according to figures from the Health Ministry.\n\n"
        "Some 290,000 patients had waited a year, the data showed."
    )
    assert sources(text) == ["health_ministry", "health_ministry"]


def test_a_document_verb_needs_a_document_subject() -> None:
    assert sources("Video showed 50 soldiers crossing the river.") == [None]


def test_an_attribution_in_the_figures_clause_beats_a_nearer_one_outside_it() -> None:
    text = "Police put the crowd at 38,000, while the organisers said 150,000 took part."
    assert sources(text) == ["police", "organisers"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Damage was put at more than 60 buildings by the city council.", "city_council"),
        ("The toll was put at 300 by a senior Health Ministry official.", "health_ministry"),
        ("Insurers have put early losses at €70 million.", "insurers"),
        (
            "Birds fell 34%, according to a study published on Tuesday by scientists at the "
            "University of Caddon.",
            "caddon",
        ),
        ("The convoy reached the city, the UN's humanitarian office says, after 5 weeks.", "un"),
        (
            "Its 22 trucks are carrying food, a spokeswoman for the Health Ministry told us.",
            "health_ministry",
        ),
    ],
)
def test_passive_estimates_owners_and_unnamed_spokespeople(text: str, expected: str) -> None:
    assert set(sources(text)) == {expected}


def test_a_lowercase_word_spelt_like_an_acronym_alias_is_no_claimant() -> None:
    # "who" matches the alias "WHO" only in the patterns' case-blind alternation
    assert sources("Ana Ruiz, who noted that 11 clinics had closed, left early.") == [None]


def test_a_generic_alias_does_not_outrank_the_body_named_earlier() -> None:
    text = (
        "The Health Ministry recorded 6,412 cases in February. "
        "The ministry said 388 patients were in hospital.\n\n"
        "The ministry said it had ordered 1.2 million nets."
    )
    assert sources(text) == ["health_ministry"] * 3


def test_a_generic_alias_is_the_last_resort_for_its_anaphor() -> None:
    assert sources("The ministry said 12 clinics had reopened.") == ["generic_ministry"]


def test_a_pronoun_after_a_named_opening_subject_stands_for_it() -> None:
    text = (
        "The Health Ministry said 80 beds were free.\n\n"
        "Mara Quell went further on Tuesday: 120 tanks had been lost, she said."
    )
    assert sources(text) == ["health_ministry", "general_staff"]


def test_a_body_that_records_a_count_is_its_source() -> None:
    assert sources("The Health Ministry recorded 6,412 cases in February.") == ["health_ministry"]


def test_an_organisations_spokesman_speaks_for_it() -> None:
    text = "General Staff spokesman Jon Bell said 80 tanks were lost."
    assert sources(text) == ["general_staff"]


def test_a_bodys_data_and_a_definite_body_name_refer_back() -> None:
    text = (
        "Waits rose to 5.7 hours, according to figures published by the Health Ministry.\n\n"
        "More than 1,300 people waited 12 hours, the ministry's data show. "
        "The board employs 11,000 staff, a spokesman said."
    )
    assert set(sources(text)) == {"health_ministry"}


def test_a_generic_alias_yields_to_the_articles_last_claimant() -> None:
    text = (
        "The Northern Relief Agency said 40 trucks reached the city.\n\n"
        "The ministry said 12 clinics had reopened."
    )
    assert sources(text) == ["relief_agency", "relief_agency"]


def test_researchers_opening_a_sentence_are_new_people() -> None:
    text = (
        "The General Staff said 80 tanks were lost.\n\n"
        "Researchers said 12 bridges were down. The researchers said 3 more were unsafe."
    )
    assert sources(text) == ["general_staff", None, "general_staff"]


def test_a_quoted_figure_belongs_to_its_owner_and_the_rest_to_the_speaker() -> None:
    text = (
        "Dockers' unions rejected the Health Ministry figure of 900 posts and said the true "
        "number exceeded 3,000."
    )
    assert sources(text) == ["health_ministry", "unions"]


def test_the_opening_subject_is_the_first_noun_phrase_not_a_later_alias() -> None:
    text = "Local officials rejected the Health Ministry report and said 3,000 posts are empty."
    assert sources(text) == ["Local officials"]


def test_a_dateline_does_not_hide_the_opening_subject() -> None:
    text = "LEEDSTON, Feb. 17 -- Civic Pulse (LSE: CVP) bought a rival and said 40 staff would go."
    assert sources(text) == ["pollster"]


def test_a_quotation_ending_in_a_comma_then_said_names_the_speaker() -> None:
    text = '"We have lost 80 tanks in six weeks," said Mara Quell.'
    assert sources(text) == ["general_staff", "general_staff"]


def test_a_definite_noun_stands_for_the_alias_it_introduced() -> None:
    text = (
        "The polling firm, Civic Pulse, hired 12 analysts.\n\n"
        "Police said 14 people were arrested. The firm said 1,200 panellists had joined."
    )
    assert sources(text) == [None, "police", "pollster"]


def test_an_alias_holding_the_anaphors_noun_beats_the_carried_claimant() -> None:
    text = (
        "The Northern Relief Agency appealed for 40 trucks.\n\n"
        "Police said 14 people were arrested. The agency said 2 trucks were looted."
    )
    assert sources(text) == [None, "police", "relief_agency"]


@pytest.mark.parametrize(
    "text",
    [
        "Turnout was put at 46.2% by the city council.",
        "Rents rose 4.5%, according to a survey of 1,604 homes carried out in May by the city "
        "council.",
    ],
)
def test_decimals_and_thousands_do_not_cut_an_attribution_short(text: str) -> None:
    assert set(sources(text)) == {"city_council"}


def test_a_shared_subject_after_a_time_phrase_is_the_claimant_and_stays_the_entity() -> None:
    vocabulary = Vocabulary.from_mapping(
        {"entities": {"penhallow": ["Penhallow"]}, "sources": {"penhallow": ["Penhallow"]}}
    )
    text = "Penhallow employs 1,150 people and last year reported revenue of £262 million."
    table = extract_articles([Article.from_text(text, id="t")], vocabulary)
    assert list(table["source"]) == ["penhallow", "penhallow"]
    assert list(table["entity"]) == ["penhallow", "penhallow"]


@pytest.mark.parametrize(
    "text",
    [
        "The Health Ministry now expects 900 posts to stay empty.",
        "The Health Ministry has since said that 900 posts were empty.",
        "The Health Ministry offered 3 new clinics and says 900 posts are empty.",
    ],
)
def test_forecasts_later_statements_and_present_tense_shared_subjects(text: str) -> None:
    assert sources(text)[-1] == "health_ministry"


def test_a_role_after_a_possessive_pronoun_then_the_name() -> None:
    text = "The team won $485,000 in prize money, its coach, Mara Quell, said."
    assert sources(text) == ["general_staff"]


def test_its_director_speaks_for_the_opening_subject() -> None:
    text = (
        "The Daily Courier said 40 trucks were late.\n\n"
        "The Northern Relief Agency ran on generators for 7 hours, its director said."
    )
    assert sources(text) == ["courier", "relief_agency"]


def test_a_place_opening_the_sentence_is_no_subject_for_it() -> None:
    text = "The Daily Courier said 40 trucks were late. In Orra, two farmers were hurt, it said."
    assert sources(text) == ["courier", "courier"]


@pytest.mark.parametrize(
    "text",
    [
        # the last words of an alias written out earlier
        "The Northern Relief Agency landed.\n\nThe Relief Agency said 40 trucks came.",
        # its initials
        "The Northern Relief Agency landed.\n\nThe NRA said 40 trucks came.",
        # an acronym given in parentheses
        "The Northern Relief Agency (NoRA) landed.\n\nNoRA said 40 trucks came.",
    ],
)
def test_a_short_name_stands_for_the_alias_it_shortens(text: str) -> None:
    assert sources(text) == ["relief_agency"]


def test_put_at_a_figure_in_words_by_a_ranked_official_alias() -> None:
    vocabulary = Vocabulary.from_mapping(
        {"sources": {"us_official": ["senior U.S. military official"]}}
    )
    text = 'The toll was put at "several hundred" by a senior U.S. military official.'
    table = extract_articles([Article.from_text(text, id="t")], vocabulary)
    assert list(table["source"]) == ["us_official"]


def test_a_resolved_description_is_found_again_by_its_noun() -> None:
    text = (
        "The General Staff said 80 tanks were lost. The spy agency said 12 more burned.\n\n"
        "The Daily Courier said 40 trucks were late. The agency said 5 crews were missing."
    )
    assert sources(text) == ["general_staff", "general_staff", "courier", "general_staff"]


def test_a_described_body_may_be_named_in_full_further_on() -> None:
    text = (
        "Some 2,300 residents fled, the city council said.\n\n"
        "Damage was put at 60 buildings by the Brenik city council."
    )
    vocabulary = Vocabulary.from_mapping({"sources": {"council": ["Brenik city council"]}})
    table = extract_articles([Article.from_text(text, id="t")], vocabulary)
    assert list(table["source"]) == ["council", "council"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Daily Courier, citing two officials in the Health Ministry, reported that "
            "repairs would cost 18 million euros.",
            "health_ministry",
        ),
        (
            "Birds fell 34%, according to a survey published on Wednesday by marine "
            "biologists at the University of Caddon.",
            "caddon",
        ),
        (
            "Opponents, led by the Civic Pulse campaign, said they would contest 4 districts.",
            "pollster",
        ),
    ],
)
def test_officials_in_a_body_people_at_a_body_and_led_by_a_body(text: str, expected: str) -> None:
    assert set(sources(text)) == {expected}


def test_it_found_stands_for_the_study_just_cited() -> None:
    text = (
        "Birds fell 34%, according to a study by the University of Caddon.\n\n"
        "It found that 4,120 hectares had been lost."
    )
    assert sources(text) == ["caddon", "caddon"]


def test_an_organisation_noun_and_a_possessive_pronoun_refer_back() -> None:
    text = (
        "Birds fell 34%, the General Staff said.\n\n"
        "The University of Caddon published a survey on Monday. "
        "The university said 212 sites were checked. Its office says 9 more will follow."
    )
    assert sources(text) == ["general_staff", "caddon", "caddon"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "she" cannot be the ministry: the titled person named since is meant
        (
            "The Health Ministry said 40 people died. Army chief Mara Quell visited the "
            "site. She said 12 more were missing.",
            ["health_ministry", "general_staff"],
        ),
        # "Her office" is the office of that person, not the ministry's
        (
            "The ministry said 40 died, the Health Ministry reported. It added 3 were "
            "missing. The visit pleased Gen. Mara Quell. Her office says 12 were hurt.",
            ["health_ministry", "health_ministry", "general_staff"],
        ),
        # a person claimant stays the antecedent of "he", whoever is named since
        (
            "Jon Bell said 40 died. He met Gen. Mara Quell. He said 12 were missing.",
            ["Jon Bell", "Jon Bell"],
        ),
        # no titled person: "she" keeps the body, as before
        (
            "The Health Ministry said 40 died. She said 12 were missing.",
            ["health_ministry", "health_ministry"],
        ),
    ],
)
def test_he_or_she_stands_for_a_person_not_a_body(text: str, expected: list[str]) -> None:
    assert sources(text) == expected


def test_it_is_not_the_people_named_last() -> None:
    text = (
        "The Health Ministry said 40 people fell ill. Investigators believe the water was to "
        "blame. Samples held 12 kinds of bacteria, it said."
    )
    assert sources(text) == ["health_ministry", "health_ministry"]


def test_an_anaphor_reaches_a_claimant_in_a_sentence_without_figures() -> None:
    # the claimant named in a paragraph's last, figure-free sentence is still an antecedent
    text = (
        "The Health Ministry said 40 people fell ill. The Northern Relief Agency also said "
        "it had sent doctors.\n\n"
        "The Daily Courier counted 12 more. Earlier, the agency had said 30 were missing."
    )
    assert sources(text) == ["health_ministry", "courier", "relief_agency"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age in commas between a name and its verb
        ("Army chief Mara Quell, 44, told reporters 80 tanks were lost.", ["general_staff"]),
        # a decimal inside a relative clause
        (
            "Mara Quell, who won 39.6% of the vote in the first round, has promised 1,200 homes.",
            ["general_staff", "general_staff"],
        ),
    ],
)
def test_ages_and_decimals_between_a_name_and_its_verb(text: str, expected: list[str]) -> None:
    assert sources(text) == expected


def test_a_body_noun_does_not_stand_for_the_person_quoted_last() -> None:
    text = (
        "The Daily Courier ran the story. The winner took home $485,000, her coach, Mara "
        "Quell, said. The festival said 96,400 people had come."
    )
    assert sources(text) == ["general_staff", "courier"]


def test_the_figure_after_at_belongs_to_whoever_put_it_there() -> None:
    text = (
        "Dockers marched, with police estimating the crowd at 6,500 and organisers putting it "
        "at more than 15,000."
    )
    assert sources(text) == ["police", "organisers"]


COURT = Vocabulary.from_mapping(
    {
        "sources": {
            "court": ["Rathmore Crown Court", "Judge Colin Ashdown"],
            "observatory": ["Halvorsen Observatory", "Petra Lowell"],
            "council": ["Greenhollow District Council", "Sarah Imrie"],
            "auditors": ["Brackley Audit"],
        }
    }
)


@pytest.mark.parametrize(
    "text",
    [
        "Petra Lowell, the Halvorsen Observatory's head, said Orrin rotates every 5.2 hours. "
        "It hits Earth every 2,000 years, she added.",
        "Petra Lowell, the Halvorsen Observatory's head, said Orrin was 80 metres wide. "
        "It hits Earth every 2,000 years, she added.",
    ],
)
def test_the_subject_of_what_is_said_is_not_an_inverted_claimant(text: str) -> None:
    # "said Orrin rotates": Orrin is what Lowell speaks of, so "she" is still Lowell
    assert tags(text, COURT, "source") == ["observatory", "observatory"]


def test_an_anaphor_after_the_name_and_title_keeps_the_titled_speaker() -> None:
    text = (
        "The loss was put at £2.3 million by Brackley Audit, the council's auditors. "
        "Greenhollow's chief executive, Sarah Imrie, said the council had cut approvers from "
        "37 to 6."
    )
    assert tags(text, COURT, "source") == ["auditors", "council", "council"]


def test_the_judge_stands_for_the_judge_named_before() -> None:
    text = (
        "Aldo Fenner moved the money through 214 false invoices, Judge Colin Ashdown told "
        "Rathmore Crown Court.\n\nThe jury was out all week.\n\nFenner must repay £1.2 million, "
        "the judge said."
    )
    assert tags(text, COURT, "source") == ["court", "court"]


MARKET = Vocabulary.from_mapping(
    {"entities": {"arden": ["Arden Mining"], "kellor": ["Kellor"]}, "sources": {}}
)


@pytest.mark.parametrize(
    "sentence",
    ["In London, Arden Mining added 2.7% to 1,482p.", "Arden Mining adds another $3 a share."],
)
def test_added_before_an_amount_is_a_gain_not_a_statement(sentence: str) -> None:
    text = f"Kellor shares fell 3.2%.\n\n{sentence}"
    table = extract_articles([Article.from_text(text, id="t")], MARKET)
    assert table["source"].isna().all()
    assert list(table["entity"])[1:] == ["arden"] * (len(table) - 1)


def test_added_before_a_clause_still_states() -> None:
    text = "Kellor said profit fell. It added that 300 jobs would go."
    table = extract_articles([Article.from_text(text, id="t")], MARKET)
    assert list(table["source"]) == ["Kellor"]


PLANT = Vocabulary.from_mapping(
    {
        "sources": {
            "bramwell": ["Bramwell", "Harriet Quayle"],
            "white_house": ["White House", "John Kirby"],
        }
    }
)


def test_a_title_between_an_inverted_verb_and_the_name() -> None:
    text = '"It is our biggest plant in 41 years," said chief executive Harriet Quayle.'
    assert tags(text, PLANT, "source") == ["bramwell"]


@pytest.mark.parametrize("noun", ["assessment", "report", "claim"])
def test_that_assessment_came_from_names_the_claimant_before(noun: str) -> None:
    text = (
        "A thousand troops were killed last week alone. "
        f"That {noun} came from the White House, where John Kirby briefed reporters."
    )
    assert tags(text, PLANT, "source") == ["white_house"]


DATA = Vocabulary.from_mapping(
    {
        "sources": {
            "bureau": ["National Weather Bureau"],
            "gur": ["Ukraine's military intelligence", "Kyrylo Budanov"],
        }
    }
)


@pytest.mark.parametrize("opening", ["Data from", "Figures from", "A report by"])
def test_a_document_opening_the_sentence_names_its_author(opening: str) -> None:
    text = f"{opening} the National Weather Bureau showed the storm lasted 19 minutes."
    assert tags(text, DATA, "source") == ["bureau"]


def test_a_title_of_a_body_in_an_apposition() -> None:
    text = (
        "Kyrylo Budanov, head of Ukraine's military intelligence, said approximately 11,000 "
        "troops were training."
    )
    assert tags(text, DATA, "source") == ["gur"]
