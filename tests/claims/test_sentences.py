"""Paragraph, sentence and clause splitting."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.sentences import (
    _SENTENCE_END,
    CLAUSE_BREAK,
    TextLayout,
    clause_breaks,
    clause_spans,
    paragraph_spans,
    sentence_spans,
)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in TextLayout(text).sentences]


def clauses(sentence: str) -> list[str]:
    return [sentence[start:end].strip() for start, end in clause_spans(sentence, 0, len(sentence))]


def test_plain_sentences_split_at_full_stops() -> None:
    assert sentences("Two convoys left. One came back! Why? Nobody knows.") == [
        "Two convoys left.",
        "One came back!",
        "Why?",
        "Nobody knows.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Army counted 400 trucks at the depot.",
        "Maj. Gen. Ada Byron briefed the committee on the losses.",
        "The memo is dated Dec. 14 and lists 30 names.",
        "Unit No. 7 reported 12 missing.",
        "Output rose 1.1 per cent in the quarter.",
        "The letter was signed by J. R. Hartley and two aides.",
        "Dr. Okafor and Mr. Lind disagreed about the count.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_dotted_acronym_ends_a_sentence_before_a_sentence_opener() -> None:
    text = "The shipment went to the U.S. The next one is due in May."
    assert sentences(text) == ["The shipment went to the U.S.", "The next one is due in May."]


def test_sentence_may_start_with_a_digit_or_quote() -> None:
    text = 'The mayor spoke at noon. 40 buses were ready. "It is enough," she said.'
    assert sentences(text) == [
        "The mayor spoke at noon.",
        "40 buses were ready.",
        '"It is enough," she said.',
    ]


def test_paragraphs_split_on_blank_lines_and_markdown_blocks() -> None:
    text = "# Heading line\nFirst para, line one\nline two.\n\n  \nSecond para.\n- a bullet"
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "# Heading line",
        "First para, line one\nline two.",
        "Second para.",
        "- a bullet",
    ]


def test_layout_maps_offsets_to_sentences_and_paragraphs() -> None:
    text = "Alpha one. Alpha two.\n\nBeta one."
    layout = TextLayout(text)
    assert layout.sentence_paragraph == [0, 0, 1]
    assert layout.sentence_text(layout.sentence_index(text.index("two"))) == "Alpha two."
    assert layout.sentence_index(text.index("Beta")) == 2


def test_space_before_the_final_stop_is_tolerated() -> None:
    assert sentences("The count is final . Then it changed.") == [
        "The count is final .",
        "Then it changed.",
    ]


def test_clauses_split_at_conjunctions_after_commas_and_semicolons() -> None:
    sentence = "Rebels lost 40 tanks, while the army lost 12; both sides claimed victory"
    assert clauses(sentence) == [
        "Rebels lost 40 tanks",
        "while the army lost 12",
        "both sides claimed victory",
    ]


def test_plain_comma_and_bare_and_do_not_split_a_clause() -> None:
    sentence = "In March, the navy sank two boats and damaged a third"
    assert clauses(sentence) == [sentence]


def test_clause_break_before_which_and_according_to() -> None:
    sentence = "They built 30 huts, which took a month, according to the mayor"
    assert clauses(sentence) == [
        "They built 30 huts",
        "which took a month",
        "according to the mayor",
    ]


def test_layout_clause_span_holds_the_offset() -> None:
    text = "Farmers sold 90 goats, and traders bought 70 sheep."
    layout = TextLayout(text)
    start, end = layout.clause_span(text.index("70"))
    assert text[start:end] == "and traders bought 70 sheep."


words = st.sampled_from(["alpha", "Beta", "3.5", "U.S.", "Dec.", "no", "gamma", "Delta", "7"])
ends = st.sampled_from([".", "!", "?", ","])


@given(st.lists(st.tuples(st.lists(words, min_size=1, max_size=6), ends), max_size=8))
def test_sentences_are_ordered_disjoint_stripped_and_inside_the_text(parts) -> None:
    text = " ".join(" ".join(ws) + end for ws, end in parts)
    spans = sentence_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "") == text.replace(" ", "")


#: CLAUSE_BREAK as first written, one alternative per kind of break; the module's pattern is
#: reordered for speed and must split exactly where this one does.
_READABLE_CLAUSE_BREAK = re.compile(
    r";|\s[—–-]{1,2}\s|—|\s(?=(?:while|whereas)\b)"
    r"|,\s*(?=(?:and|but|or|while|whereas|which|who|whom|whose|although|though|yet"
    r"|as\s+well\s+as|according\s+to|citing)\b)"
)
_CLAUSE_PIECES = st.sampled_from(
    [" ", "  ", "\n", "\u2009", ",", ";", "—", "–", "-", "--", "while", "whereas", "and",
     "which", "as well as", "according to", "troops", "3,000", "yet", "whilst"]
)  # fmt: skip


@given(pieces=st.lists(_CLAUSE_PIECES, max_size=20), cut=st.integers(0, 3))
def test_the_clause_break_pattern_splits_where_its_readable_form_does(
    pieces: list[str], cut: int
) -> None:
    text = "".join(pieces)
    start, end = min(cut, len(text)), max(len(text) - cut, min(cut, len(text)))
    found = [m.span() for m in CLAUSE_BREAK.finditer(text, start, end)]
    assert found == [m.span() for m in _READABLE_CLAUSE_BREAK.finditer(text, start, end)]


@given(pieces=st.lists(_CLAUSE_PIECES, max_size=24), cut=st.integers(0, 3))
def test_clause_breaks_found_in_two_halves_are_the_patterns_own(
    pieces: list[str], cut: int
) -> None:
    text = "".join(pieces)
    start, end = min(cut, len(text)), max(len(text) - cut, min(cut, len(text)))
    expected = [m.span() for m in CLAUSE_BREAK.finditer(text, start, end)]
    assert clause_breaks(text, start, end) == expected


def test_a_spaced_dash_after_a_comma_break_is_still_found() -> None:
    text = "troops, and more — then, which — and"
    breaks = clause_breaks(text, 0, len(text))
    assert [text[start:end] for start, end in breaks] == [", ", " — ", ", ", " — "]


#: the sentence end as first written; the module spells "[.!?]+" as "[.!?][.!?]*" for speed
_READABLE_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")
_SENTENCE_PIECES = st.sampled_from(
    [".", "..", "!", "?", " ", "\n", '"', "”", ")", "(", "A", "b", "3", "“", "U.S.", "Dr."]
)


@given(pieces=st.lists(_SENTENCE_PIECES, max_size=30))
def test_the_sentence_end_pattern_matches_where_its_readable_form_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = [m.span() for m in _SENTENCE_END.finditer(text)]
    assert found == [m.span() for m in _READABLE_SENTENCE_END.finditer(text)]
