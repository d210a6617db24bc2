"""The gold set loads and is well-formed (its accuracy numbers live in the benchmark)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from gold_support import REPO, assert_quantity_consistent, load_benchmark

from claims.units import canonical_unit
from claims.vocab import load_vocabulary

GOLD = REPO / "tests" / "fixtures" / "gold"
TOPICS = ("conflict", "disaster", "protest", "election", "business", "health")


bench = load_benchmark()
ITEMS = bench.load_gold(GOLD)
VOCABULARY = load_vocabulary(GOLD / "rules.yaml")


def test_gold_set_size_and_topics() -> None:
    assert len(ITEMS) >= 20
    names = [item.name for item in ITEMS]
    assert {name.split("-")[0] for name in names} == set(TOPICS)
    assert sum(len(item.quantities) for item in ITEMS) >= 200


def test_every_article_has_a_sidecar_and_the_reverse() -> None:
    articles = {p.stem for p in GOLD.glob("*.md") if p.name != "README.md"}
    sidecars = {p.name[: -len(".gold.yaml")] for p in GOLD.glob("*.gold.yaml")}
    assert articles == sidecars


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.name)
def test_article_metadata_and_length(item) -> None:
    article = item.article
    assert article.id == f"gold-{item.name}"
    assert article.title and article.publisher and article.published is not None
    assert 100 <= len(article.body.split()) <= 300


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.name)
def test_spans_bounds_and_qualifiers_are_consistent(item) -> None:
    body = item.article.body
    starts = [q.start for q in item.quantities]
    assert starts == sorted(starts), "quantities are listed in text order"
    for q in item.quantities:
        # "about" [0.9v, 1.1v], "nearly" [0.9v, v]
        assert_quantity_consistent(body, q, ((0.9, 1.1), (0.9, 1.0)))


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.name)
def test_tags_name_vocabulary_keys_and_units_are_canonical(item) -> None:
    sections = {
        "metric": VOCABULARY.metrics,
        "entity": VOCABULARY.entities,
        "source": VOCABULARY.sources,
    }
    for q in item.quantities:
        for key, allowed in sections.items():
            if key in q.tags:
                assert q.tags[key] in allowed, f"{q.text!r}: unknown {key} {q.tags[key]!r}"
        if "unit" in q.tags:
            assert canonical_unit(q.tags["unit"], VOCABULARY.units) == q.tags["unit"]


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.name)
def test_distractors_never_overlap_a_gold_quantity(item) -> None:
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
