"""The gold sets load and are well-formed (their accuracy numbers live in the benchmark).

Covers tests/fixtures/gold and the blind sets tests/fixtures/gold-blind,
tests/fixtures/gold-blind2, tests/fixtures/gold-blind3, tests/fixtures/gold-blind4,
tests/fixtures/gold-blind5 and tests/fixtures/gold-blind6 (written without reading the
extractor; see their READMEs). The held-out set has tests/claims/test_gold_holdout.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from gold_support import REPO, assert_quantity_consistent, load_benchmark

from claims.units import canonical_unit
from claims.vocab import load_vocabulary

GOLD = REPO / "tests" / "fixtures" / "gold"
BLIND = REPO / "tests" / "fixtures" / "gold-blind"
BLIND2 = REPO / "tests" / "fixtures" / "gold-blind2"
BLIND3 = REPO / "tests" / "fixtures" / "gold-blind3"
BLIND4 = REPO / "tests" / "fixtures" / "gold-blind4"
BLIND5 = REPO / "tests" / "fixtures" / "gold-blind5"
BLIND6 = REPO / "tests" / "fixtures" / "gold-blind6"
TOPICS = ("conflict", "disaster", "protest", "election", "business", "health")
BLIND_TOPICS = (*TOPICS, "nk", "sport", "science")
BLIND2_TOPICS = (*BLIND_TOPICS, "transport")
BLIND3_TOPICS = (*TOPICS, "nk", "court", "science")
BLIND4_TOPICS = (*TOPICS, "nk", "court", "science")
BLIND5_TOPICS = (*TOPICS, "nk", "education", "science")
BLIND6_TOPICS = (*TOPICS, "nk", "market", "court", "sport")


bench = load_benchmark()
ITEMS = bench.load_gold(GOLD)
VOCABULARY = load_vocabulary(GOLD / "rules.yaml")
BLIND_ITEMS = bench.load_gold(BLIND)
BLIND2_ITEMS = bench.load_gold(BLIND2)
BLIND3_ITEMS = bench.load_gold(BLIND3)
BLIND4_ITEMS = bench.load_gold(BLIND4)
BLIND5_ITEMS = bench.load_gold(BLIND5)
BLIND6_ITEMS = bench.load_gold(BLIND6)


@dataclass(frozen=True)
class GoldSet:
    """One annotated set and the few conventions in which the sets differ."""

    directory: Path
    items: list[Any]
    vocabulary: Any
    id_prefix: str
    words: tuple[int, int]
    #: (low, high) multiples of the value an ``approx`` may have: "about", "nearly", and for
    #: the blind set also "just over" (gold-holdout's decision)
    approx_bounds: tuple[tuple[float, float], ...]


SETS = {
    "gold": GoldSet(GOLD, ITEMS, VOCABULARY, "gold-", (100, 300), ((0.9, 1.1), (0.9, 1.0))),
    "gold-blind": GoldSet(
        BLIND,
        BLIND_ITEMS,
        load_vocabulary(BLIND / "rules.yaml"),
        "blind-",
        (120, 280),
        ((0.9, 1.1), (0.9, 1.0), (1.0, 1.1)),
    ),
    "gold-blind2": GoldSet(
        BLIND2,
        BLIND2_ITEMS,
        load_vocabulary(BLIND2 / "rules.yaml"),
        "blind2-",
        (120, 280),
        ((0.9, 1.1), (0.9, 1.0), (1.0, 1.1)),
    ),
    "gold-blind3": GoldSet(
        BLIND3,
        BLIND3_ITEMS,
        load_vocabulary(BLIND3 / "rules.yaml"),
        "blind3-",
        (120, 280),
        ((0.9, 1.1), (0.9, 1.0), (1.0, 1.1)),
    ),
    "gold-blind4": GoldSet(
        BLIND4,
        BLIND4_ITEMS,
        load_vocabulary(BLIND4 / "rules.yaml"),
        "blind4-",
        (120, 280),
        ((0.9, 1.1), (0.9, 1.0), (1.0, 1.1)),
    ),
    "gold-blind5": GoldSet(
        BLIND5,
        BLIND5_ITEMS,
        load_vocabulary(BLIND5 / "rules.yaml"),
        "blind5-",
        (120, 280),
        ((0.9, 1.1), (0.9, 1.0), (1.0, 1.1)),
    ),
    "gold-blind6": GoldSet(
        BLIND6,
        BLIND6_ITEMS,
        load_vocabulary(BLIND6 / "rules.yaml"),
        "blind6-",
        (120, 280),
        ((0.9, 1.1), (0.9, 1.0), (1.0, 1.1)),
    ),
}
CASES = [
    pytest.param(gold_set, item, id=f"{name}/{item.name}")
    for name, gold_set in SETS.items()
    for item in gold_set.items
]


def test_gold_set_size_and_topics() -> None:
    assert len(ITEMS) >= 20
    names = [item.name for item in ITEMS]
    assert {name.split("-")[0] for name in names} == set(TOPICS)
    assert sum(len(item.quantities) for item in ITEMS) >= 200


@pytest.mark.parametrize(
    ("items", "topics", "articles", "min_quantities"),
    [
        (BLIND_ITEMS, BLIND_TOPICS, 16, 200),
        (BLIND2_ITEMS, BLIND2_TOPICS, 16, 200),
        # the third blind set was written to a shorter time box: 12 articles
        (BLIND3_ITEMS, BLIND3_TOPICS, 12, 150),
        # the fourth blind set has the same time box and topics as the third
        (BLIND4_ITEMS, BLIND4_TOPICS, 12, 150),
        # the fifth blind set has the same time box; education and science replace court
        (BLIND5_ITEMS, BLIND5_TOPICS, 12, 150),
        # the sixth: same time box; markets and sport join, business has one article
        (BLIND6_ITEMS, BLIND6_TOPICS, 12, 150),
    ],
    ids=["gold-blind", "gold-blind2", "gold-blind3", "gold-blind4", "gold-blind5", "gold-blind6"],
)
def test_blind_set_size_topics_and_relations(
    items: list[Any], topics: tuple[str, ...], articles: int, min_quantities: int
) -> None:
    assert len(items) == articles
    assert {item.name.split("-")[0] for item in items} == set(topics)
    quantities = [q for item in items for q in item.quantities]
    assert len(quantities) >= min_quantities
    assert {q.qualifier for q in quantities} == set(bench.QUALIFIERS)
    # The set exists to measure tags: most quantities carry one, every tag field is used.
    assert sum(1 for q in quantities if "source" in q.tags) >= len(quantities) / 2
    assert all(any(key in q.tags for q in quantities) for key in bench.TAG_FIELDS)
    assert all(item.relations is not None for item in items), "relations: [] when none"


@pytest.mark.parametrize("gold_set", SETS.values(), ids=list(SETS))
def test_every_article_has_a_sidecar_and_the_reverse(gold_set: GoldSet) -> None:
    articles = {p.stem for p in gold_set.directory.glob("*.md") if p.name != "README.md"}
    sidecars = {p.name[: -len(".gold.yaml")] for p in gold_set.directory.glob("*.gold.yaml")}
    assert articles == sidecars


@pytest.mark.parametrize(("gold_set", "item"), CASES)
def test_article_metadata_and_length(gold_set: GoldSet, item) -> None:
    article = item.article
    assert article.id == f"{gold_set.id_prefix}{item.name}"
    assert article.title and article.publisher and article.published is not None
    low, high = gold_set.words
    assert low <= len(article.body.split()) <= high


@pytest.mark.parametrize(("gold_set", "item"), CASES)
def test_spans_bounds_and_qualifiers_are_consistent(gold_set: GoldSet, item) -> None:
    body = item.article.body
    starts = [q.start for q in item.quantities]
    assert starts == sorted(starts), "quantities are listed in text order"
    for q in item.quantities:
        assert_quantity_consistent(body, q, gold_set.approx_bounds)


@pytest.mark.parametrize(("gold_set", "item"), CASES)
def test_tags_name_vocabulary_keys_and_units_are_canonical(gold_set: GoldSet, item) -> None:
    vocabulary = gold_set.vocabulary
    sections = {
        "metric": vocabulary.metrics,
        "entity": vocabulary.entities,
        "source": vocabulary.sources,
    }
    for q in item.quantities:
        for key, allowed in sections.items():
            if key in q.tags:
                assert q.tags[key] in allowed, f"{q.text!r}: unknown {key} {q.tags[key]!r}"
        if "unit" in q.tags:
            assert canonical_unit(q.tags["unit"], vocabulary.units) == q.tags["unit"]


@pytest.mark.parametrize(("gold_set", "item"), CASES)
def test_distractors_never_overlap_a_gold_quantity(gold_set: GoldSet, item) -> None:
    for start, end in item.not_claims:
        assert not any(q.start < end and start < q.end for q in item.quantities)


def test_gold_mix_covers_every_qualifier_and_many_units() -> None:
    quantities = [q for item in ITEMS for q in item.quantities]
    assert {q.qualifier for q in quantities} == set(bench.QUALIFIERS)
    units = {q.tags["unit"] for q in quantities if "unit" in q.tags}
    assert {"USD", "EUR", "GBP", "percent", "USD / hour", "person", "day"} <= units


def test_a_missing_span_is_reported_with_the_file(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("---\nid: x\n---\nSome 12 people came.\n", encoding="utf-8")
    sidecar = {"quantities": [{"text": "13 people", "value": 13, "low": 13, "high": 13,
                               "qualifier": "exact"}]}  # fmt: skip
    (tmp_path / "x.gold.yaml").write_text(yaml.safe_dump(sidecar), encoding="utf-8")
    with pytest.raises(bench.GoldFormatError, match=r"x\.gold\.yaml.*'13 people'"):
        bench.load_gold(tmp_path)


def test_matching_needs_overlap_and_equal_value() -> None:
    gold = bench.GoldQuantity("about 40 homes", 10, 24, 40.0, 36.0, 44.0, "approx")
    near = bench.Span(16, 18, 40.0)
    elsewhere = bench.Span(40, 42, 40.0)
    wrong_value = bench.Span(16, 18, 4.0)
    assert bench.match([gold], [elsewhere, wrong_value, near]) == [(gold, near)]
    assert bench.match([gold], [elsewhere, wrong_value]) == []


def test_scores_count_misses_false_positives_and_distractors() -> None:
    item = ITEMS[0]
    first = item.quantities[0]
    fake = [bench.Span(first.start, first.end, first.value or 0.0, {"qualifier": first.qualifier,
            "low": first.low, "high": first.high})]  # fmt: skip
    start, end = item.not_claims[0]
    fake.append(bench.Span(start, end, 1.0))
    score = bench.Score()
    bench.score_article(score, item, fake)
    assert (score.matched, score.predicted, score.distractor_hits) == (1, 2, 1)
    assert score.bounds_right == score.bounds_total == 1
    assert score.precision == 0.5 and score.recall == 1 / len(item.quantities)
