"""How precisely a number is written, and the rounding slack that precision allows.

A figure in a news text is usually rounded, and the way it is written says to what:
"20%" stands for anything in [19.5, 20.5], "1.1 million" for [1.05, 1.15] million,
"24.10" for [24.095, 24.105]. The arithmetic checks (:mod:`claims.relations` and the
built-in checks) compare figures only after widening each by this slack, so a finding
appears only when the arithmetic cannot work at the precision the text itself chose.

Policy
------
*Place* is the value of the last digit as written:

* decimals: one unit of the last decimal, times the scale word ("1.1 million" -> 100,000;
  "$2.5bn" -> 100,000,000; "9.5%" -> 0.1);
* a scale word after an integer: the scale ("12 thousand" -> 1,000; "3 million" ->
  1,000,000);
* integers written in digits or words: 1, except that a run of three or more trailing zeros
  counts as rounding to the thousand (to the million for six, and so on): "12,000" and "two
  thousand" -> 1,000, "4,000,000" -> 1,000,000, while "1,100", "800" and "20" -> 1. News
  rounds troop numbers and budgets to the thousand all the time, while a figure written
  to the ten or the hundred is, more often than not, a count that was meant exactly; so
  "12,000" stands for [11,500, 12,500] but "1,100" for 1,100.

*Slack* is half the place, with one exception: a *count* (people, vehicles, dollars: the
things being counted, not a ratio computed from them) whose place is 1 is exact, slack 0.
"three buggies" is three, not anything in [2.5, 3.5]; but "20%", "83 annual wages",
"three times" and "about 26 a day" are results of a division that the writer rounded, so
an integer there has slack 0.5.

Hedges widen further on their own: the claims table already gives "about 20%" the
interval [18, 22], and the slack is added on top of that interval ([17.5, 22.5]). Vague
words ("several") keep their interval unchanged: they are not rounded numbers.
"""

from __future__ import annotations

import math
import re

#: The first numeral written in digits: separators of thousands (comma, space, no-break
#: and thin spaces) and an optional decimal part.
_DIGITS = re.compile(r"\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009 ]")
#: Scales a written mantissa may be multiplied by ("1.1 million", "40k", "two dozen").
_SCALES = (1e12, 1e9, 1e6, 1e3, 1e2, 12.0)


def last_digit_place(written: str, value: float) -> float:
    """The value of the last digit of the number in ``written`` (see the module policy).

    ``written`` is the quantity as written ("approximately 1,100 personnel", "1.1 million",
    "three buggies"); ``value`` is its parsed value, which reveals any scale word.
    """
    if not math.isfinite(value) or value == 0:
        return 1.0
    match = _DIGITS.search(written)
    if match is None:
        return _whole_place(abs(value))
    token = match.group()
    integer, _, decimals = _SEPARATORS.sub("", token).partition(".")
    mantissa = float(f"{integer}.{decimals}" if decimals else integer)
    scale = _scale_of(abs(value), mantissa)
    if decimals:
        return scale * 10.0 ** -len(decimals)
    if scale > 1:
        return scale
    return _whole_place(mantissa)


def rounding_slack(written: str, value: float, *, count: bool) -> float:
    """Half the last digit's place; 0 for a ``count`` written to the unit (module policy)."""
    place = last_digit_place(written, value)
    if count and place <= 1:
        return 0.0
    return place / 2


def written_bounds(
    low: float, high: float, qualifier: str | None, slack: float
) -> tuple[float, float]:
    """The hedged interval ``[low, high]`` widened by ``slack`` (vague words stay as they are)."""
    if qualifier == "vague":
        return low, high
    return low - slack, high + slack


def _scale_of(value: float, mantissa: float) -> float:
    """The scale word between ``mantissa`` and ``value`` (1 when there is none)."""
    if mantissa == 0:
        return 1.0
    ratio = value / mantissa
    for scale in _SCALES:
        if math.isclose(ratio, scale, rel_tol=1e-9):
            return scale
    # Ranges ("11 to 12,000") and other forms whose first numeral is not the value.
    return 1.0


def _whole_place(number: float) -> float:
    """1, or 1,000 ** k when ``number`` ends in at least 3k zeros (the thousands policy)."""
    if number < 1000 or number != int(number):
        return 1.0
    place = 1.0
    while number % (place * 1000) == 0:
        place *= 1000
    return place
