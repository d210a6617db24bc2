"""Claims passed on in documents and appositives: "an assessment shared with X said",
"attributed to X", "citing lawmaker X", "the organisers, the X Union, put ..."."""

from __future__ import annotations

import pytest

from claims.articles import Article
from claims.pipeline import extract_articles
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
    table = extract_articles([Article.from_text(text, id="t")], VOCABULARY)
    columns = table[["source", "reported_by"]].astype(object)
    clean = columns.where(columns.notna(), None)
    return [(source, relay) for source, relay in clean.itertuples(index=False)]


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
