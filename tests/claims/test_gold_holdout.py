"""The held-out gold set (tests/fixtures/gold-holdout) loads and is well-formed.

Its accuracy figures live in the benchmark:
``benchmarks/extraction_accuracy.py --gold tests/fixtures/gold-holdout``.
"""

from __future__ import annotations

import pytest
from gold_support import REPO, assert_quantity_consistent, load_benchmark

from claims.units import canonical_unit
from claims.vocab import load_vocabulary

HOLDOUT = REPO / "tests" / "fixtures" / "gold-holdout"


bench = load_benchmark()
ITEMS = bench.load_gold(HOLDOUT)
VOCABULARY = load_vocabulary(HOLDOUT / "rules.yaml")


def test_holdout_size_and_styles() -> None:
    assert len(ITEMS) >= 16
    assert sum(len(item.quantities) for item in ITEMS) >= 250
    styles = {item.name.split("-")[0] for item in ITEMS}
    assert {"wire", "press", "council", "market", "sports", "court", "transport"} <= styles


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.name)
def test_article_metadata_and_length(item) -> None:
    assert item.article.id == f"holdout-{item.name}"
    assert item.article.publisher and item.article.published is not None
    assert 120 <= len(item.article.body.split()) <= 300


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.name)
def test_spans_bounds_tags_and_distractors(item) -> None:
    body = item.article.body
    assert [q.start for q in item.quantities] == sorted(q.start for q in item.quantities)
    sections = {"metric": VOCABULARY.metrics, "entity": VOCABULARY.entities}
    sections["source"] = VOCABULARY.sources
    for q in item.quantities:
        # "about" [0.9v, 1.1v], "nearly" [0.9v, v], "just over" [v, 1.1v]
        assert_quantity_consistent(body, q, ((0.9, 1.1), (0.9, 1.0), (1.0, 1.1)))
        for key, allowed in sections.items():
            assert q.tags.get(key, next(iter(allowed))) in allowed
        if "unit" in q.tags:
            assert canonical_unit(q.tags["unit"], VOCABULARY.units) == q.tags["unit"]
    for start, end in item.not_claims:
        assert not any(q.start < end and start < q.end for q in item.quantities)
