"""Paragraph, sentence and clause spans of an article body.

Paragraphs end at blank lines, and a Markdown block (heading, list item, quote, table row)
starts a new one even without a blank line before it; a heading is a paragraph of its own.
Sentences end at ``.``, ``!`` or ``?`` followed by white space and a capital letter, a digit
or an opening quote, except after:

* titles and abbreviations that precede a name or a number ("Maj. Gen.", "Dec. 23", "No. 5"),
* single initials ("Kim J. Un"),
* dotted acronyms ("U.S.", "U.N."), unless the next word usually opens a sentence
  ("... sent to the U.S. The next day ..."). Decimals ("1.1") never match: no space follows.

Clauses split a sentence where a new statement usually begins (see :data:`CLAUSE_BREAK`):
at ``;``, at a spaced dash, before "while"/"whereas", and at a comma followed by a
conjunction or relative word (", and", ", but", ", or", ", while", ", which", ", who",
", although", ", though", ", yet", ", as well as", ", according to", ", citing"). A plain
comma does not split: "In November, the ministry said 3,000 were sent" stays one clause.

Bounded work: a "sentence" longer than :data:`LONG_SENTENCE` characters (a page without full
stops, a table flattened into one line) is cut into pieces of at most :data:`SENTENCE_PIECE`
characters, at the last white space before the limit that does not follow a digit (so "3 000"
stays whole), and each piece is treated as a sentence. Tagging and relations compare the
figures of one sentence with each other, so this keeps their work linear in the text's
length; real sentences are far shorter than the limit and are never cut.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from claims.clauses import CLAUSE_BREAK, Span, clause_breaks, clause_spans

__all__ = [
    "CLAUSE_BREAK",
    "LONG_SENTENCE",
    "SENTENCE_PIECE",
    "Span",
    "TextLayout",
    "bounded_spans",
    "clause_breaks",
    "clause_spans",
    "paragraph_spans",
    "sentence_spans",
]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]*(?:#{1,6}\s|[-*+]\s|>|\d{1,3}[.)]\s|\|))")
_HEADING = re.compile(r"[ \t]*#{1,6}[ \t][^\n]*")
#: "[.!?]+" spelt "[.!?][.!?]*": a pattern opening with a plain character set lets the regex
#: engine skip to the next candidate without trying a match at every position (twice as fast)
_SENTENCE_END = re.compile(r"[.!?][.!?]*[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")
#: Words after which a full stop does not end a sentence (compared lower-case, without the dot).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "maj",
        "lt",
        "col",
        "capt",
        "cmdr",
        "cdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "gov",
        "sen",
        "rep",
        "rev",
        "fr",
        "st",
        "mt",
        "jr",
        "sr",
        "no",
        "nos",
        "vs",
        "approx",
        "est",
        "ca",
        "cf",
        "fig",
        "figs",
        "p",
        "pp",
        "vol",
        "op",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
    ]
)
#: Words that usually open a sentence: after "U.S." they mean the sentence did end.
SENTENCE_STARTERS = frozenset(
    [
        "The",
        "A",
        "An",
        "It",
        "Its",
        "This",
        "That",
        "These",
        "Those",
        "They",
        "He",
        "She",
        "We",
        "I",
        "In",
        "On",
        "At",
        "But",
        "However",
        "Meanwhile",
        "Also",
        "And",
        "Yet",
        "So",
        "Still",
        "Since",
        "After",
        "Before",
        "While",
        "When",
        "Earlier",
        "Later",
        "Last",
        "According",
    ]
)
#: sentences longer than this are cut into pieces (module docstring: bounded work)
LONG_SENTENCE = 3000
#: the longest piece a long sentence is cut into
SENTENCE_PIECE = 1000
_PIECE_BREAK = re.compile(r"(?<!\d)\s+")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.){1,}[A-Za-z]\.?$")
_INITIAL = re.compile(r"[A-Z]$")
_LEADING_PUNCT = "\"'“‘([«"


def paragraph_spans(text: str) -> list[Span]:
    """The paragraphs of ``text`` as (start, end) spans, surrounding white space excluded."""
    spans: list[Span] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _append_heading_aware(text, start, match.start(), spans)
        start = match.end()
    _append_heading_aware(text, start, len(text), spans)
    return spans


def _append_heading_aware(text: str, start: int, end: int, spans: list[Span]) -> None:
    """A heading is a paragraph of its own line, even with text right below it."""
    heading = _HEADING.match(text, start, end)
    if heading:
        _append_stripped(text, start, heading.end(), spans)
        start = heading.end()
    _append_stripped(text, start, end, spans)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentences of one paragraph ``text[start:end]`` (white space stripped)."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    sentence_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if not _ends_sentence(text, match):
            continue
        punct_end = match.start() + len(match.group().rstrip())
        _append_stripped(text, sentence_start, punct_end, spans)
        sentence_start = match.end()
    _append_stripped(text, sentence_start, end, spans)
    return spans


def bounded_spans(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with every span longer than :data:`LONG_SENTENCE` cut into pieces.

    Pieces end at white space (not after a digit) when there is some within the last half of
    a piece, else exactly at :data:`SENTENCE_PIECE` characters; each is stripped of white space.
    """
    if all(end - start <= LONG_SENTENCE for start, end in spans):
        return spans
    result: list[Span] = []
    for start, end in spans:
        if end - start <= LONG_SENTENCE:
            result.append((start, end))
            continue
        while end - start > SENTENCE_PIECE:
            limit = start + SENTENCE_PIECE
            cut = limit
            for match in _PIECE_BREAK.finditer(text, start + SENTENCE_PIECE // 2, limit + 1):
                cut = match.start()
            _append_stripped(text, start, cut, result)
            start = cut
        _append_stripped(text, start, end, result)
    return result


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    punct = match.group()
    if "!" in punct or "?" in punct or punct.startswith(".."):
        return True
    token_start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    token = text[token_start : match.start()].lstrip(_LEADING_PUNCT)
    if not token:
        return True
    if token.lower() in ABBREVIATIONS or _INITIAL.match(token):
        return False
    if _DOTTED_ACRONYM.match(token + "."):
        next_word = re.match(r"[\"'“‘(\[]*([A-Za-z]+)", text[match.end() : match.end() + 40])
        return next_word is not None and next_word.group(1) in SENTENCE_STARTERS
    return True


def _append_stripped(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@dataclass
class TextLayout:
    """Paragraph, sentence and clause spans of one text, computed once and looked up by offset."""

    text: str
    paragraphs: list[Span] = field(init=False)
    sentences: list[Span] = field(init=False)
    #: index into :attr:`paragraphs` of each sentence
    sentence_paragraph: list[int] = field(init=False)
    _sentence_starts: list[int] = field(init=False, repr=False)
    #: sentence index -> (its clauses, their starts), computed on first use
    _clauses: dict[int, tuple[list[Span], list[int]]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.paragraphs = paragraph_spans(self.text)
        self.sentences = []
        self.sentence_paragraph = []
        for index, (start, end) in enumerate(self.paragraphs):
            found = bounded_spans(self.text, sentence_spans(self.text, start, end))
            self.sentences.extend(found)
            self.sentence_paragraph.extend([index] * len(found))
        self._sentence_starts = [start for start, _ in self.sentences]
        self._clauses = {}

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the one before it when between sentences)."""
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    def sentence_text(self, index: int) -> str:
        """The text of sentence ``index``."""
        start, end = self.sentences[index]
        return self.text[start:end]

    def clause_span(self, offset: int) -> Span:
        """The clause holding ``offset`` (the whole text when there are no sentences)."""
        if not self.sentences:
            return (0, len(self.text))
        index = self.sentence_index(offset)
        cached = self._clauses.get(index)
        if cached is None:
            clauses = clause_spans(self.text, *self.sentences[index])
            cached = self._clauses[index] = (clauses, [start for start, _ in clauses])
        clauses, starts = cached
        return clauses[max(bisect.bisect_right(starts, offset) - 1, 0)]
