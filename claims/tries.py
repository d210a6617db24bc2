"""Regex tries: many literal forms compiled into one pattern that Python's engine runs fast.

Python's regex engine tries the alternatives of ``a|b|c`` one by one at every position. A
trie shares prefixes, so each character is tested once per position. The engine also skips
an alternative after one test when it opens with a plain character, and cheaply when it
opens with a character class; an ignore-case letter (inside ``(?i:...)``) gets neither
shortcut, so the engine enters every alternative in turn. Forms to match in any case
therefore spell each letter as a class of its cases ("[Aa]"), which matches exactly what
ignore-case matching would, and the first level of the trie, tested at every position,
gives each case its own plain-character alternative ("A..." and "a...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Characters outside ASCII that Python's ignore-case matching equates with an ASCII letter.
_CASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_TO_ASCII = str.maketrans({"\u0130": "I", "\u0131": "i", "\u212a": "K", "\u017f": "s"})
_CASE_EXTRA_LETTERS = "".join(_CASE_EXTRAS.values())


def ascii_case_letters(text: str) -> str:
    """``text`` with the letters of :data:`_CASE_EXTRAS` written as their ASCII letter.

    Case-blind patterns match "mİllİon" or "ſaid", but ``lower()`` does not turn them into
    the words the lookup tables hold ("mi̇lli̇on"); one character for one keeps every offset.
    """
    # str.translate looks every character up in the table, a hundred times slower than
    # the scans below; texts almost never hold these letters, and are then returned as is
    if text.isascii() or not any(letter in text for letter in _CASE_EXTRA_LETTERS):
        return text
    return text.translate(_TO_ASCII)


#: A trie node: (character, what it matches) -> child node. What it matches is the
#: characters of a letter in any case ("Aa"), or a ready pattern for a space ("\s+") and for
#: a letter beyond ASCII matched in any case. The key ("", "") marks the end of a form.
_Node = dict[tuple[str, str], "_Node"]
_END = ("", "")


def trie_pattern(forms: Iterable[str], any_case: Iterable[str] = ()) -> str:
    """A regex matching exactly ``forms`` as written and ``any_case`` in any letter case.

    Forms are single-spaced (a space matches any run of white space); at each position the
    longest form wins. ``any_case`` forms match what they would inside ``(?i:...)``.
    """
    trie: _Node = {}
    for form in forms:
        _insert(trie, [_as_written(char) for char in form])
    for form in any_case:
        _insert(trie, [_any_case(char) for char in form])
    return _render(trie, top=True)


def initials_guard(any_case: Iterable[str]) -> str:
    """A look-ahead for the first letters of ``any_case`` forms in every case ("(?=[Ff])").

    Put before a trie, it lets most positions fail after one test instead of one per
    alternative of the trie's first level. Empty when a form opens with a letter beyond
    ASCII (its cases are the engine's business), which keeps the guard exact.
    """
    firsts: set[str] = set()
    for form in any_case:
        char = form[:1]
        if char.isascii() and char.isalpha():
            firsts.update(_any_case(char)[1])
        elif char.lower() != char.upper():
            return ""
        else:
            firsts.add(char)
    return "(?=[" + "".join(re.escape(char) for char in sorted(firsts)) + "])" if firsts else ""


def _as_written(char: str) -> tuple[str, str]:
    return (char, r"\s+") if char == " " else (char, char)


def _any_case(char: str) -> tuple[str, str]:
    """The trie key of one character of an any-case form."""
    if char.isascii() and char.isalpha():
        lower = char.lower()
        return lower, lower.upper() + lower + _CASE_EXTRAS.get(lower, "")
    if char.lower() != char.upper():
        # a cased letter beyond ASCII: the engine's own folding is the reference
        return char, f"(?i:{re.escape(char)})"
    return _as_written(char)


def _insert(trie: _Node, keys: list[tuple[str, str]]) -> None:
    node = trie
    for key in keys:
        node = node.setdefault(key, {})
    node[_END] = {}


def _render(node: _Node, top: bool = False) -> str:
    branches = []
    # sorted by character, as the alternatives were when all tries were plain text
    for (char, matches), child in sorted(node.items()):
        if not char:
            continue
        rest = _render(child)
        if _is_pattern(matches):
            branches.append(matches + rest)
        elif top:
            branches.extend(re.escape(variant) + rest for variant in matches)
        elif len(matches) > 1:
            branches.append("[" + "".join(map(re.escape, matches)) + "]" + rest)
        else:
            branches.append(re.escape(matches) + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


def _is_pattern(matches: str) -> bool:
    return matches == r"\s+" or matches.startswith("(?i:")
