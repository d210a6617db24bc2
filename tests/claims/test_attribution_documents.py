"""Claims passed on in documents and appositives: "an assessment shared with X said",
"attributed to X", "citing lawmaker X", "the organisers, the X Union, put ..."."""

from __future__ import annotations

import pytest
from extraction_support import tags

from claims.vocab import Vocabulary

VOCABULARY = Vocabulary.from_mapping(
    {
        "sources": {
            "spy_service": ["Velmoran intelligence", "National Security Service", "Ada Lorn"],
            "gazette": ["Harbour Gazette"],
            "wire": ["Coastline Wire"],
            "teachers_union": ["Castelmont Teachers' Union"],
            "organisers": ["organisers"],
            "unions": ["trade unions"],
        },
    }
)


def attributions(text: str) -> list[tuple[str | None, str | None]]:
    """(source, reported_by) of every figure of ``text``, in text order."""
    return tags(text, VOCABULARY, "source", "reported_by")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Velmoran intelligence assessment shared with the Harbour Gazette said 50 "
            "howitzers had arrived.",
            [("spy_service", "gazette")],
        ),
        (
            "The latest Velmoran intelligence report seen by the Harbour Gazette counts 20 "
            "launchers.",
            [("spy_service", "gazette")],
        ),
    ],
)
def test_a_document_shown_to_a_paper_is_its_authors_claim(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert attributions(text) == expected


def test_attributed_to_names_the_claimant() -> None:
    text = (
        "The number first appeared in October, attributed to the National Security Service, "
        "which put the pay at $2,000 a month."
    )
    assert attributions(text) == [("spy_service", None)]


def test_citing_a_titled_person() -> None:
    text = "Coastline Wire, citing lawmaker Ada Lorn, reported that 11,000 troops had arrived."
    assert attributions(text) == [("spy_service", "wire")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a proper name in the appositive says more than a generic alias
        (
            "Police said 18,000 took part; the organisers, the Castelmont Teachers' Union, "
            "put the crowd at 45,000.",
            "teachers_union",
        ),
        # a description in the appositive does not replace the alias
        (
            "Police said 18,000 took part, while the organisers, a coalition of five trade "
            "unions, said 45,000 had marched.",
            "organisers",
        ),
    ],
)
def test_appositive_names_the_claimant_of_a_generic_alias(text: str, expected: str) -> None:
    assert attributions(text)[-1] == (expected, None)


def test_an_owned_body_with_a_verb_that_is_also_a_document_noun() -> None:
    # "estimates" is a verb here, not the owner's document
    text = "The Harbour Gazette's news desk estimates that 35,000 people have fled."
    assert attributions(text) == [("gazette", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "it" after a new main clause is its subject
        (
            "The organisers are demanding a 9% rise; the Harbour Gazette has offered 4%, "
            "which it says is fair after losing 6.5 million pounds.",
            ["organisers", "gazette", "gazette"],
        ),
        # a name inside a relative clause is not what "it" stands for
        (
            "The Harbour Gazette reached the figure another way: it inferred pay of $2,000 "
            "from what Coastline Wire offers recruits, who it said earn $2,300.",
            ["gazette", "gazette"],
        ),
    ],
)
def test_it_is_the_subject_of_its_clause(text: str, expected: list[str]) -> None:
    assert [source for source, _ in attributions(text)] == expected
