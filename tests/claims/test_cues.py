"""Tries of vocabulary forms: letter classes must match what ignore-case matching would."""

from __future__ import annotations

import re
import string
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.cues import FitTable, FormMatcher, metric_fit
from claims.tries import ascii_case_letters, trie_pattern
from claims.vocab import Vocabulary

#: every code point a str can hold, surrogates excluded
_ALL_CHARACTERS = "".join(
    chr(point) for point in range(sys.maxunicode + 1) if not 0xD800 <= point < 0xE000
)


@pytest.mark.parametrize("letter", string.ascii_letters)
def test_an_any_case_letter_matches_what_ignore_case_matches(letter: str) -> None:
    # Python folds a few letters beyond ASCII onto ASCII ones (the Kelvin sign onto "k"):
    # the class spelled out for speed must keep them
    folded = re.compile(trie_pattern((), any_case=[letter]))
    reference = re.compile(f"(?i:{letter})")
    assert set(folded.findall(_ALL_CHARACTERS)) == set(reference.findall(_ALL_CHARACTERS))


@pytest.mark.parametrize("letter", ["é", "Ω", "ß", "µ"])
def test_a_letter_beyond_ascii_keeps_the_engines_own_folding(letter: str) -> None:
    folded = re.compile(trie_pattern((), any_case=[letter]))
    reference = re.compile(f"(?i:{letter})")
    assert set(folded.findall(_ALL_CHARACTERS)) == set(reference.findall(_ALL_CHARACTERS))


def test_forms_as_written_stay_case_sensitive_beside_any_case_ones() -> None:
    pattern = re.compile(rf"\b(?:{trie_pattern(['NIS'], any_case=['north korea'])})\b")
    text = "NIS and nis; NORTH   Korea and north\nkorea"
    assert [m.group() for m in pattern.finditer(text)] == ["NIS", "NORTH   Korea", "north\nkorea"]


def test_the_longest_form_wins() -> None:
    pattern = re.compile(trie_pattern((), any_case=["killed", "killed and wounded"]))
    assert pattern.match("Killed and Wounded: 40").group() == "Killed and Wounded"


_WORDS = st.text(alphabet="abkisKIS ıſK-.'", min_size=1, max_size=6).map(
    lambda word: " ".join(word.split())
)


@given(forms=st.lists(_WORDS.filter(bool), min_size=1, max_size=6), text=st.text("abkisKIS ıſK-.'"))
def test_a_trie_finds_what_an_ignore_case_alternation_finds(forms: list[str], text: str) -> None:
    # the reference: a flat alternation, longest first, inside (?i:...)
    ordered = sorted(set(forms), key=len, reverse=True)
    reference = re.compile(
        "(?i:" + "|".join(r"\s+".join(map(re.escape, form.split(" "))) for form in ordered) + ")"
    )
    folded = re.compile(trie_pattern((), any_case=forms))
    assert [m.span() for m in folded.finditer(text)] == [m.span() for m in reference.finditer(text)]


def test_a_form_matcher_keeps_short_acronyms_exact() -> None:
    matcher = FormMatcher({"united_states": ["US", "United States"]})
    text = "The US and the united states, not us."
    assert [(hit.start, hit.key) for hit in matcher.find(text)] == [
        (4, "united_states"),
        (15, "united_states"),
    ]


# -- ascii_case_letters: texts without the odd letters come back as they are ---------------


@given(text=st.text(alphabet=st.sampled_from("aiksAIKS ,.é—\u0130\u0131\u212a\u017f"), max_size=20))
def test_ascii_case_letters_writes_the_odd_letters_as_ascii(text: str) -> None:
    converted = ascii_case_letters(text)
    assert len(converted) == len(text)
    assert not set(converted) & set("\u0130\u0131\u212a\u017f")
    expected = text.replace("\u0130", "I").replace("\u0131", "i").replace("\u212a", "K")
    assert converted == expected.replace("\u017f", "s")


def test_a_text_without_odd_letters_is_returned_unchanged() -> None:
    text = "Seoul said — “about 1,100” soldiers, café"
    assert ascii_case_letters(text) is text


# -- FitTable: the remembered answer is metric_fit's -------------------------------------------

_FIT_VOCABULARY = Vocabulary.from_mapping(
    {
        "units": ["person = [headcount] = troops", "USD = [currency] = dollars"],
        "metrics": {
            "deployed": {"unit": "person", "cues": ["sent"]},
            "pay": {"unit": "USD / person", "cues": ["per soldier"]},
            "revenue": {"unit": "USD", "cues": ["revenue"]},
        },
    }
)

_FIT_TABLE = FitTable(_FIT_VOCABULARY)


@given(
    metric=st.sampled_from(["deployed", "pay", "revenue"]),
    unit=st.sampled_from(["dimensionless", "person", "USD", "percent", "day", "USD / person"]),
    noun=st.sampled_from([None, "others", "More", "troops", "buggies"]),
    cue_in_phrase=st.booleans(),
    cue_governs=st.booleans(),
)
def test_the_fit_table_answers_as_metric_fit(
    metric: str, unit: str, noun: str | None, cue_in_phrase: bool, cue_governs: bool
) -> None:
    flags = {"cue_in_phrase": cue_in_phrase, "cue_governs": cue_governs}
    expected = metric_fit(
        _FIT_VOCABULARY.metrics[metric],
        unit,
        noun,
        definitions=tuple(_FIT_VOCABULARY.units),
        **flags,
    )
    # one table for every example: an answer remembered under too coarse a key shows
    assert _FIT_TABLE.fit(metric, unit, noun, **flags) == expected
