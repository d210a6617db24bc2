"""Source and relay attribution, sentence by sentence."""

from __future__ import annotations

import pytest

from claims.articles import Article
from claims.attribution import AttributionFinder, attribute_sentences
from claims.cues import compile_vocabulary
from claims.names import clean_name
from claims.pipeline import extract_articles
from claims.sentences import TextLayout
from claims.vocab import Vocabulary

VOCABULARY = Vocabulary.from_mapping(
    {
        "entities": {
            "freedonia": ["Freedonia", "Freedonian", "Fredville"],
            "sylvania": ["Sylvania", "Sylvanian"],
        },
        "sources": {
            "freedonia_intel": ["Freedonian intelligence", "Bureau of Signals", "BOS"],
            "sylvania_army": ["Sylvanian General Staff", "General Staff", "Mara Quell"],
            "wire": ["Daily Courier"],
        },
    }
)


def attributions(text: str) -> list[tuple[str | None, str | None]]:
    """(source, reported_by) that applies to each sentence: stated first, else carried."""
    compiled = compile_vocabulary(VOCABULARY)
    layout = TextLayout(text)
    result = attribute_sentences(
        text, layout, AttributionFinder(compiled.sources), compiled.sources.find(text)
    )
    out = []
    for sentence in result:
        chosen = sentence.stated[0] if sentence.stated else sentence.carried
        out.append((chosen.source, chosen.reported_by) if chosen else (None, None))
    return out


def only(text: str) -> tuple[str | None, str | None]:
    (result,) = attributions(text)
    return result


@pytest.mark.parametrize(
    "text",
    [
        "According to the Bureau of Signals, 300 trucks crossed the border.",
        "The Bureau of Signals said 300 trucks crossed the border.",
        "The BOS also estimated that 300 trucks crossed.",
        "The Bureau of Signals further indicates that 300 trucks crossed.",
        "300 trucks crossed the border, said the Bureau of Signals.",
        "The Bureau of Signals' report counts 300 trucks.".replace("Signals'", "BOS's"),
        "Freedonian intelligence believes 300 trucks crossed.",
        "Officials at Freedonia's Bureau of Signals (BOS) stated that 300 trucks crossed.",
    ],
)
def test_claimant_patterns_map_to_the_source_key(text: str) -> None:
    assert only(text) == ("freedonia_intel", None)


def test_citing_makes_the_reporter_the_relay() -> None:
    text = "Sylvania lost 80 tanks, the Daily Courier reports, citing Freedonian intelligence."
    assert only(text) == ("freedonia_intel", "wire")


def test_relay_before_citing_keeps_its_written_name_when_unknown() -> None:
    text = "Sylvania lost 80 tanks, Harbor Radio reported, citing the General Staff."
    assert only(text) == ("sylvania_army", "Harbor Radio")


def test_relay_with_citing_in_an_apposition() -> None:
    text = "Harbor Radio, citing the Bureau of Signals, said 80 tanks were lost."
    assert only(text) == ("freedonia_intel", "Harbor Radio")


def test_reporter_without_citing_is_the_source() -> None:
    assert only("Harbor Radio reports that 80 tanks were lost.") == ("Harbor Radio", None)


def test_told_names_the_relay() -> None:
    assert only("Mara Quell told Harbor Radio that 80 tanks were lost.") == (
        "sylvania_army",
        "Harbor Radio",
    )


def test_told_reporters_has_no_relay() -> None:
    assert only("Mara Quell told reporters that 80 tanks were lost.") == ("sylvania_army", None)


def test_as_reported_by_adds_a_relay_to_the_claimant() -> None:
    text = "The General Staff said 80 tanks were lost, as reported by Harbor Radio."
    assert only(text) == ("sylvania_army", "Harbor Radio")


def test_as_reported_by_alone_names_the_source() -> None:
    assert only("Eighty tanks were lost, as reported by Harbor Radio.") == ("Harbor Radio", None)


def test_unknown_names_are_kept_as_written_without_titles() -> None:
    assert only("Deputy Minister Ivo Brand said 80 tanks were lost.") == ("Ivo Brand", None)
    assert only("Fredville's assessment puts losses at 80 tanks.") == ("Fredville", None)


def test_possessive_report_of_a_place_keeps_the_place_name() -> None:
    assert only("Fredville's report suggests that 80 tanks were lost.") == ("Fredville", None)


def test_pronoun_and_agency_continue_the_last_named_source() -> None:
    text = (
        "The Bureau of Signals said 300 trucks crossed. It also said 40 were armoured. "
        "Another 12 were towed, the agency added."
    )
    assert attributions(text) == [("freedonia_intel", None)] * 3


def test_a_definite_anaphor_reaches_back_across_paragraphs() -> None:
    # "the official" is someone already introduced; "officials" may be new people
    text = "The General Staff said 80 tanks were lost.\n\nThe official added that 9 were captured."
    assert attributions(text) == [("sylvania_army", None), ("sylvania_army", None)]
    text = "The General Staff said 80 tanks were lost.\n\nOfficials added that 9 were captured."
    assert attributions(text) == [("sylvania_army", None), (None, None)]


def test_unattributed_sentence_inherits_within_its_paragraph_only() -> None:
    text = (
        "The General Staff said 80 tanks were lost. Twelve more were damaged.\n\n"
        "Twenty trucks burned."
    )
    assert attributions(text) == [("sylvania_army", None), ("sylvania_army", None), (None, None)]


def test_a_new_attribution_stops_the_carry_over() -> None:
    text = (
        "The General Staff said 80 tanks were lost. Harbor Radio counted 60. "
        "The Bureau of Signals estimates 70. Nobody agrees."
    )
    assert attributions(text) == [
        ("sylvania_army", None),
        # whoever counts a figure is its source
        ("Harbor Radio", None),
        ("freedonia_intel", None),
        ("freedonia_intel", None),
    ]


def test_pronoun_without_antecedent_gives_no_source() -> None:
    assert only("They said 80 tanks were lost.") == (None, None)


def test_non_attribution_verbs_and_nouns_are_ignored() -> None:
    assert only("Sylvania is estimated to have lost 80 tanks.") == (None, None)
    assert only("Freedonian reports suggest 80 tanks were lost.") == (None, None)
    assert only("According to Article 5 of the treaty, both sides must help.") == (None, None)


def test_nearest_attribution_wins_inside_one_sentence() -> None:
    compiled = compile_vocabulary(VOCABULARY)
    text = "The General Staff said 80 were lost, while the Bureau of Signals said 120."
    layout = TextLayout(text)
    (sentence,) = attribute_sentences(
        text, layout, AttributionFinder(compiled.sources), compiled.sources.find(text)
    )
    first = text.index("80")
    second = text.index("120")
    assert sentence.for_offset(first, first + 2).source == "sylvania_army"
    assert sentence.for_offset(second, second + 3).source == "freedonia_intel"


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("the Harbor Radio", "Harbor Radio"),
        ("Maj. Gen. Ivo Brand", "Ivo Brand"),
        ("Sylvanian President Ana Sol", "Ana Sol"),
        ("Fredville's", "Fredville"),
        ("Intelligence.", "Intelligence"),
        ("the U.S.", "U.S."),
    ],
)
def test_clean_name(name: str, cleaned: str) -> None:
    assert clean_name(name) == cleaned


def test_noun_uses_of_base_verbs_are_no_attribution() -> None:
    assert only("The previous Freedonian estimate was 80 tanks.") == (None, None)
    assert only("Sylvanian officials say 80 tanks were lost.") == ("Sylvanian officials", None)


def test_known_source_beats_a_country_name_in_the_same_clause() -> None:
    compiled = compile_vocabulary(VOCABULARY)
    text = "Sylvania believes 80 tanks were lost, Mara Quell said on Monday."
    layout = TextLayout(text)
    (sentence,) = attribute_sentences(
        text, layout, AttributionFinder(compiled.sources), compiled.sources.find(text)
    )
    figure = text.index("80")
    assert sentence.for_offset(figure, figure + 2).source == "Sylvania"
    chosen = sentence.for_offset(figure, figure + 2, (0, len(text)), VOCABULARY.sources)
    assert chosen is not None and chosen.source == "sylvania_army"


@pytest.mark.parametrize(
    "sentence",
    [
        "At least 143 people died, the national disaster agency said.",
        "At least 143 people died, said the disaster agency.",
        "According to the disaster agency, at least 143 people died.",
        "At least 143 people died, according to figures from the disaster agency.",
    ],
)
def test_lowercase_vocabulary_sources_are_claimants(sentence: str) -> None:
    vocabulary = Vocabulary.from_mapping(
        {"sources": {"disaster_agency": ["national disaster agency", "disaster agency"]}}
    )
    table = extract_articles([Article.from_text(sentence, id="quake")], vocabulary)
    assert table["source"].tolist() == ["disaster_agency"]


def test_lowercase_words_that_are_no_source_stay_unattributed() -> None:
    vocabulary = Vocabulary.from_mapping({"sources": {"agency": ["disaster agency"]}})
    text = "At least 143 people died, the neighbours said."
    table = extract_articles([Article.from_text(text, id="quake")], vocabulary)
    # "the neighbours" is neither a vocabulary alias nor a capitalised name
    assert table["source"].isna().all()


@pytest.mark.parametrize(
    "sentence",
    [
        "South Korean intelligence told Yonhap News Agency that 1,100 troops were lost.",
        "The governor, Anna Velde, said 40 died, and the army chief, Jon Bell, said 12.",
        "Seoul said 3,000 had been sent; Kyiv said 11,000 and Washington said 10,000 later.",
    ],
)
def test_subject_patterns_stop_after_the_last_verb_without_losing_a_claim(sentence: str) -> None:
    finder = AttributionFinder(compile_vocabulary(VOCABULARY).sources)
    hits = compile_vocabulary(VOCABULARY).sources.find(sentence)
    kinds = frozenset({"verb"})
    last_verb = max(sentence.rfind(" said") + 5, sentence.rfind(" told") + 5)
    whole = finder.in_sentence(sentence, 0, len(sentence), hits, kinds)
    assert whole
    assert finder.in_sentence(sentence, 0, len(sentence), hits, kinds, last_verb) == whole
