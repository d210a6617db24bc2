"""Bounded work on text without sentence ends: long "sentences" are cut into pieces."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims.metric_choice as metric_choice
from claims.quantities import find_quantities
from claims.relations import find_relations
from claims.sentences import LONG_SENTENCE, SENTENCE_PIECE, TextLayout, bounded_spans
from claims.tagging import tag_quantities
from claims.vocab import Vocabulary

#: one clause with two figures and two metric cues, repeated without a full stop
CLAUSE = "the brigade reported 14 vehicles destroyed and lost 6 more, "
VOCABULARY = Vocabulary.from_mapping(
    {
        "units": ["vehicle = [materiel] = vehicles"],
        "metrics": {
            "destroyed": {"unit": "vehicle", "cues": ["destroyed"]},
            "lost": {"unit": "vehicle", "cues": ["lost"]},
        },
    }
)


class _CountingPattern:
    """Wraps a compiled pattern and counts its ``fullmatch`` calls (one per cue compared)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.calls = 0

    def fullmatch(self, *args: Any) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.fullmatch(*args)


def cue_comparisons(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(figures, metric cues compared with a figure) when tagging ``text``."""
    before = _CountingPattern(metric_choice._GLUE_BEFORE)
    after = _CountingPattern(metric_choice._GLUE_AFTER)
    monkeypatch.setattr(metric_choice, "_GLUE_BEFORE", before)
    monkeypatch.setattr(metric_choice, "_GLUE_AFTER", after)
    quantities = find_quantities(text, VOCABULARY)
    tags = tag_quantities(text, quantities, VOCABULARY)
    assert {tag.metric for tag in tags} == {"destroyed", "lost"}
    return len(quantities), before.calls + after.calls


def test_one_sentence_of_thousands_of_figures_compares_a_bounded_number_of_cues(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    figures, comparisons = cue_comparisons(CLAUSE * 1000, monkeypatch)
    assert figures == 2000
    # every figure meets only the cues of its own piece: at most a piece's worth of clauses
    cues_per_piece = 2 * (SENTENCE_PIECE // len(CLAUSE) + 1)
    assert comparisons <= figures * cues_per_piece
    # and doubling the text doubles the work (it was quadratic: 4x)
    figures_twice, comparisons_twice = cue_comparisons(CLAUSE * 2000, monkeypatch)
    assert figures_twice == 2 * figures
    assert comparisons_twice <= 2.1 * comparisons


def test_relation_members_of_a_sentence_free_text_grow_linearly() -> None:
    # a rate pairs with every total of its sentence: one endless sentence made this quadratic
    def member_count(copies: int) -> int:
        text = "troops killed 77 soldiers in three days, about 26 a day, " * copies
        relations = find_relations(text, find_quantities(text, Vocabulary()))
        return sum(len(relation.members) for relation in relations)

    assert member_count(100) > 0
    assert member_count(200) <= 2.1 * member_count(100)


def test_long_sentence_is_cut_into_whitespace_pieces_covering_all_words() -> None:
    text = "A " + "convoy of 3 000 trucks crossed the river at dawn " * 200 + "end."
    layout = TextLayout(text)
    assert len(layout.sentences) > 1
    assert all(end - start <= SENTENCE_PIECE for start, end in layout.sentences)
    pieces = [text[start:end] for start, end in layout.sentences]
    assert " ".join(pieces).split() == text.split()
    # a figure written with a space separator is never cut in two
    assert not any(piece.endswith(" 3") or piece.startswith("000") for piece in pieces)


def test_a_word_longer_than_a_piece_is_cut_at_the_limit() -> None:
    text = "x" * (LONG_SENTENCE + 1)
    spans = bounded_spans(text, [(0, len(text))])
    assert [end - start for start, end in spans] == [SENTENCE_PIECE] * 3 + [1]


@given(st.lists(st.integers(min_value=1, max_value=3 * LONG_SENTENCE), min_size=1, max_size=4))
def test_only_spans_over_the_limit_are_cut_and_no_word_is_lost(lengths: list[int]) -> None:
    words = "9 rockets hit 2 depots near the 40 km line "
    text = ""
    spans = []
    for length in lengths:
        sentence = (words * (length // len(words) + 1))[:length].strip() or "x"
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence + ". "
    cut = bounded_spans(text, spans)
    short = [span for span in spans if span[1] - span[0] <= LONG_SENTENCE]
    assert set(short) <= set(cut)
    assert all(end - start <= LONG_SENTENCE for start, end in cut)
    kept = "".join(text[start:end] for start, end in cut).split()
    assert "".join(kept) == "".join("".join(text[s:e] for s, e in spans).split())


def test_rates_in_an_article_of_many_sentences_pair_locally() -> None:
    from claims.articles import Article
    from claims.pipeline import extract_with_relations
    from claims.vocab import Vocabulary

    sentence = "Troops killed {n} soldiers in 3 days. About {m} a day died."
    body = " ".join(sentence.format(n=i + 2, m=i + 1) for i in range(300))
    result = extract_with_relations([Article.from_text(body, id="many")], Vocabulary())
    rates = result.relations[result.relations["kind"] == "rate"]
    # one relation per pair of sentences: each rate meets the period just before it
    assert rates["relation_id"].nunique() == 300
    periods = rates[rates["role"] == "period"]["claim_id"]
    assert periods.nunique() == 300
