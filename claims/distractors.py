"""Numbers that are not claims: dates, times, years, labels, codes, calibres.

:data:`NOT_A_CLAIM_PATTERN` is one alternative of the quantity finder's single
pattern, tried before the numeral alternative at every position, so "December 23",
"23 December 2024", "2024-12-23", "12/23/2024", "10:16:00 AM", "9 p.m.", "Article 4",
"Resolution 2231", "No. 5", "170mm", phone numbers, version strings and web
addresses are consumed whole and never become rows.

Other exclusions need the whole quantity and are functions here:

- years: a plain four-digit 1800-2099 with no currency, percent, scale or hedge
  (:func:`is_year_like`), unless a counted noun with a unit follows and no time
  preposition ("in", "since", "by") precedes it;
- identifiers: a plain integer right after a capitalised word that does not start
  the sentence ("Boeing 737", "Unit 29155") (:func:`after_proper_name`);
- model numbers and ordinals never match the numeral at all: "Su-25", "F-16",
  "M1989", "4G", "3rd", "8th" are digits glued to letters;
- calibres: millimetre figures before a weapon word ("170mm howitzers", "240-mm
  multiple launch rocket systems", "152 mm shells") describe a weapon, not a count;
  "60 mm could fall" stays rainfall;
- rate denominators ("12.4 per 100,000"), positions in a series ("week 1 of 2025"),
  road junctions and cricket scores ("41 for 3") are consumed whole.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_TAIL = r"(?:,?\s+\d{4}(?!\d))?"
_LABELS_ANY_CASE = (
    r"article|articles|art\.|resolution|resolutions|section|sections|sec\.|chapter|chapters"
    r"|paragraph|paragraphs|para\.|clause|clauses|page|pages|pp?\.|no\.|nos\.|vol\.|volume"
    r"|annex|amendment|protocol|version|ver\.|rule|junction|junctions"
)
_LABELS_CAPITALISED = (
    r"Part|Unit|Round|Group|Stage|Phase|Table|Title|Figure|Fig\.|Appendix|Bill|Act|Law"
    r"|Decree|Order|Directive|Book|Step|Day|Week|Flight|Route|Highway|Room|Number|Item"
    r"|Model|Season|Episode|Issue|Brigade|Division|Regiment|Battalion|Corps|Army|Fleet"
)
_LABEL_NUMBER = r"\d+[A-Za-z]?(?:[./-]\d+)*"

#: Non-claims that start with a letter: web addresses, dates led by the month, labels.
_WORD_LED = (
    r"https?://\S+|www\.\S+",
    # "Nov. 3-5", "Nov. 3 and 5 by the pollster" (not "Nov. 3 and 5 days later")
    rf"{_MONTH}\.?\s+{_DAY}(?:\s?[-–]\s?{_DAY}|\s+(?:and|to)\s+{_DAY}(?!\s+[a-z]+s\b))?"
    rf"(?!\d|,\d|\.\d){_YEAR_TAIL}",
    rf"{_MONTH}\s+\d{{4}}(?!\d)",
    r"(?i:aged)\s+(?:(?i:over|under|between|from)\s+)?\d{1,3}(?:\s*(?:-|–|to|and)\s*\d{1,3})?",
    r"(?i:calling|call|dial|dialling|dialing|hotline)\s+\+?\d{3,}(?:[ -]\d{2,})*",
    r"(?i:per)\s+1?0{0,2}(?:,?000)*(?:\s+(?:thousand|million))?(?![\d,]|\.\d)(?<=0|d|n)",
    r"(?i:week|day|game|round)\s+\d{1,2}\s+of\b",
    rf"(?:(?i:{_LABELS_ANY_CASE})|(?:{_LABELS_CAPITALISED}))\s*(?:No\.\s*)?{_LABEL_NUMBER}"
    rf"(?:\s*(?:,|and|&|-|–|to|or)\s*{_LABEL_NUMBER}(?!\s*(?:%|per|thousand|million)))*",
)
#: Non-claims that start with a digit or a symbol.
_DIGIT_LED = (
    # dates
    r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?",
    r"\d{1,4}[/.]\d{1,2}[/.]\d{2,4}(?!\d)",
    rf"{_DAY}(?:\s?[-–]\s?{_DAY})?\s+(?:of\s+)?{_MONTH}\b\.?{_YEAR_TAIL}",
    r"(?:1[89]|20)\d{2}\s?[-–/]\s?(?:(?:1[89]|20)\d{2}|\d{2})(?!\d)",
    r"'\d{2}s?\b",
    # a run of set or game scores: "beat her 4-6, 7-6, 6-3"
    r"\d{1,2}[-–]\d{1,2}(?:,\s*\d{1,2}[-–]\d{1,2})+(?![\d-])",
    # times of day
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:[AaPp]\.?[Mm]\.?(?!\w)))?(?:\s?(?:GMT|UTC|[A-Z]{2,4}T))?",
    r"\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.m\.|[AP]\.M\.|am|pm|AM|PM)(?!\w)",
    r"\d{4}\s?(?:GMT|UTC|hrs|BST|KST|MSK|EST|CET)\b",
    r"\d{1,2}\s?o'clock",
    # cricket scores and bowling figures: "41 for 3", "5 for 41" (not "3 for 10 dollars")
    r"\d{1,3}\s+for\s+\d{1,3}(?!\d|[,.]\d|\s*(?:%|per\b|[A-Za-z]+s\b|hundred|thousand|million))",
    # ages: "a 34-year-old", "71 years old"
    r"\d{1,3}[- ](?:years?|months?)[- ]olds?\b",
    # codes with a leading zero ("0800 112 112", "007")
    r"0\d{2,}(?:[ -]\d{2,})*",
    # codes, list markers and footnotes: "#5", "1. ", "(2)", "[3]"
    r"[#№]\s?\d+",
    r"(?m:^)\d{1,3}[.)](?=[ \t])",
    r"\((?:\d{1,2}|[ivx]{1,4})\)",
    r"\[\d{1,3}\]",
    # phone numbers, versions, ratios
    r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,}",
    r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}",
    r"\d{3}[-.]\d{3}[-.]\d{4}(?!\d)",
    r"\d+(?:\.\d+){2,}",
    r"\d+/\d+",
    # calibres
    r"\d+(?:\.\d+)?\s?-?(?:mm|millimet(?:er|re))\b(?=\s+(?:[\w-]+\s+){0,2}"
    r"(?i:howitzers?|guns?|shells?|rounds?|artillery|mortars?|cannons?|ammunition|munitions?"
    r"|rockets?|launchers?|self-propelled|calibre|caliber|multiple|M\d))",
)
#: One alternative of the scan pattern; the look-aheads send each position to one half.
NOT_A_CLAIM_PATTERN = (
    rf"(?=[A-Za-z])(?:{'|'.join(_WORD_LED)})|(?=[\d#№+(\['])(?:{'|'.join(_DIGIT_LED)})"
)
#: Literal starts of every :data:`_WORD_LED` alternative, matched in any case, and those
#: matched only as written (months, capitalised labels). The quantity finder's scan tries its
#: alternatives only at word starts that begin with one of these (or a digit or symbol), so
#: each list must cover its alternatives: a start missing here silently drops matches.
WORD_LED_STARTS_ANY_CASE: tuple[str, ...] = (
    "http",
    "www.",
    "aged",
    "call",
    "dial",
    "hotline",
    "per",
    "week",
    "day",
    "game",
    "round",
    *(label.replace("\\", "") for label in _LABELS_ANY_CASE.split("|") if "?" not in label),
    "p.",
    "pp.",
)
WORD_LED_STARTS_CASED: tuple[str, ...] = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    *(label.replace("\\", "") for label in _LABELS_CAPITALISED.split("|")),
)

_TIME_PREPOSITION = re.compile(
    r"(?i:\b(?:in|since|by|until|till|from|during|before|after|of|year|early|late|mid|"
    r"spring|summer|autumn|fall|winter|through|to|and|between)\W{0,2})$"
)
_PREVIOUS_WORD = re.compile(r"(?<!\w)([A-Z][\w.'’-]*)[ \u00a0]$")
_SENTENCE_END_BEFORE = re.compile(r"(?:^|[.!?\"“”(\[\n]\s*|\n)$")

_CHANGE_VERB = re.compile(
    r"(?i:\b(?:ros[ei]|risen|rising|rises|fell|fall(?:en|ing|s)?|increas\w*|decreas\w*|grew"
    r"|grow(?:n|ing|s)?|climb\w*|jump\w*|drop\w*|declin\w*|surg\w*|soar\w*|slip\w*|plung\w*"
    r"|tumbl\w*|went|gone|cut|cuts|cutting|reduc\w*|rais\w*|lower\w*|expand\w*|shr[aiu]nk\w*"
    r"|swell\w*|swollen|revis\w*|upgrad\w*|downgrad\w*|lift\w*|chang\w*|boost\w*|slash\w*"
    r"|trimm?\w*|bump\w*|shift\w*|halv\w*|doubl\w*|tripl\w*|gain\w*|lost|los(?:e|es|ing)"
    r"|go|goes|going|mov(?:e|es|ed|ing)|hike\w*|spik\w*|rise"
    r"|up|down)\b)"
)
_CLAUSE_BREAK = re.compile(r"[.;:!?\n]")


_APPOSITIVE_AGE_BEFORE = re.compile(r"[A-Za-z]{2,}, $")


#: a group of people and an age limit: "voters under 35", "children aged under 15"
_AGE_LIMIT_BEFORE = re.compile(
    r"\b(?:voters|children|people|adults|pensioners|women|men|girls|boys|patients|residents"
    r"|workers|students|drivers|those|anyone|everyone|users|smokers|babies|infants|teenagers)"
    r"\s+(?:aged\s+)?(?:under|over|below|above|younger\s+than|older\s+than)\s+$",
    re.IGNORECASE,
)


def is_age(text: str, start: int, end: int, noun: str | None = None) -> bool:
    """Whether a plain number is an age: set off by commas ("Mara Holt, 56, told") or the
    limit of a group of people with no counted noun after it ("voters under 35")."""
    digits = text[start:end]
    if not (digits.isdigit() and len(digits) <= 3 and int(digits) < 130):
        return False
    if text[end : end + 1] == "," and _APPOSITIVE_AGE_BEFORE.search(
        text, max(0, start - 20), start
    ):
        return True
    return is_age_limit(text, start, noun)


#: The last word of every :data:`_AGE_LIMIT_BEFORE` match (lower case).
_AGE_LIMIT_WORDS = ("under", "over", "below", "above", "than")


def is_age_limit(text: str, start: int, noun: str | None = None) -> bool:
    """Whether a number at ``start`` without a counted noun limits the age of a group of
    people: "voters under 35", "children under five"."""
    if noun is not None:
        return False
    window_start = max(0, start - 40)
    # The search tries its whole list of groups at every word start of the window; the word
    # right before the number must end a limit ("under"), and most figures fail that first.
    if not text[window_start:start].rstrip().lower().endswith(_AGE_LIMIT_WORDS):
        return False
    return _AGE_LIMIT_BEFORE.search(text, window_start, start) is not None


def is_year_like(digits: str) -> bool:
    """A plain four-digit numeral from 1800 to 2099: "2024" (not "2,024" or "2024.5")."""
    return len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2099


def after_time_preposition(text: str, start: int) -> bool:
    """Whether the words just before ``start`` are "in", "since", "by"... (a year follows)."""
    return _TIME_PREPOSITION.search(text, max(0, start - 12), start) is not None


def after_proper_name(text: str, start: int) -> bool:
    """Whether ``start`` follows a capitalised word that does not begin its sentence."""
    window_start = max(0, start - 40)
    # The name must be the last word before the number: a word with no capital letter (most
    # words before a figure: "of", "the") spares the search.
    last_word = text[window_start:start].rsplit(None, 1)
    if not last_word or last_word[-1].lower() == last_word[-1]:
        return False
    match = _PREVIOUS_WORD.search(text, window_start, start)
    if match is None or match.group(1).endswith(("'s", "’s")):
        return False  # "Casse's 40 wells" counts what Casse has
    word_start = match.start(1)
    return _SENTENCE_END_BEFORE.search(text, max(0, word_start - 3), word_start) is None


def change_verb_before(text: str, position: int, reach: int = 60) -> bool:
    """Whether a verb of change ("rose", "fell", "cut") is among the words before ``position``.

    Looks back ``reach`` characters within the clause: "rose from 800" and "fell by a
    third" say so; a verb in an earlier sentence does not count.
    """
    window_start = max(0, position - reach)
    window = text[window_start:position]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    words = window.split()
    # The verb must be close ("rose sharply by", "cut its estimate"); before "from" it may
    # be further off ("a rise in the retirement age from 62 to 64").
    tail = " ".join(words[-8:] if words and words[-1].lower() == "from" else words[-4:])
    return _CHANGE_VERB.search(tail) is not None
