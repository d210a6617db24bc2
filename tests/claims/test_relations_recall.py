"""Relations the finders used to miss: one test per general wording rule (claims.relations)."""

from __future__ import annotations

from relations_support import found as _found
from relations_support import quantity as _q


def _kinds(found: list[tuple[str, dict[str, list[str]], dict]], kind: str) -> list[dict]:
    return [roles for found_kind, roles, _ in found if found_kind == kind]


# --- changes -------------------------------------------------------------------------------


def test_change_whose_before_figure_leaves_its_unit_to_the_after_figure() -> None:
    text = "Net income was 310 million pounds in the half, down from 355 million a year before."
    found = _found(
        text,
        _q(text, "310 million pounds", 310e6, unit="GBP", noun="pounds"),
        _q(text, "355 million", 355e6),
    )
    assert _kinds(found, "change") == [{"before": ["355 million"], "after": ["310 million pounds"]}]


def test_change_to_a_figure_stated_per_period() -> None:
    text = "Calls to the hotline climbed from 800 to 1,250 a week."
    found = _found(
        text, _q(text, "800", 800, unit="person"), _q(text, "1,250 a week", 1250, unit="1 / week")
    )
    assert _kinds(found, "change") == [{"before": ["800"], "after": ["1,250 a week"]}]


def test_change_of_durations_in_one_unit_but_not_across_units() -> None:
    text = "Patients waited 6.2 hours on average in March, up from 5.1 hours a year earlier."
    found = _found(
        text, _q(text, "6.2 hours", 6.2, unit="hour"), _q(text, "5.1 hours", 5.1, unit="hour")
    )
    assert _kinds(found, "change") == [{"before": ["5.1 hours"], "after": ["6.2 hours"]}]
    # weeks against days would need a conversion the change check does not make
    text = "The new depot cut waiting times from six weeks to 10 days."
    found = _found(text, _q(text, "six weeks", 6, unit="week"), _q(text, "10 days", 10, unit="day"))
    assert _kinds(found, "change") == []


def test_change_with_words_between_the_two_figures() -> None:
    text = "Admissions rose from 140 in the first month to 410 in the third, the board said."
    found = _found(text, _q(text, "140", 140), _q(text, "410", 410))
    assert [(roles, attrs["direction"]) for kind, roles, attrs in found if kind == "change"] == [
        ({"before": ["140"], "after": ["410"]}, "up")
    ]


def test_change_with_a_verb_that_gives_no_direction() -> None:
    text = "Bus fares will go from £2 to £2.50 next year."
    found = _found(
        text, _q(text, "£2", 2, unit="GBP"), _q(text, "£2.50", 2.5, unit="GBP", occurrence=1)
    )
    assert [(roles, attrs["direction"]) for kind, roles, attrs in found if kind == "change"] == [
        ({"before": ["£2"], "after": ["£2.50"]}, "up")
    ]


def test_change_after_slowing_and_easing_verbs() -> None:
    text = "The river's flow slowed from 90 cubic metres to 40 cubic metres overnight."
    found = _found(
        text,
        _q(text, "90 cubic metres", 90, unit="meter ** 3"),
        _q(text, "40 cubic metres", 40, unit="meter ** 3"),
    )
    assert [attrs["direction"] for kind, _, attrs in found if kind == "change"] == ["down"]


def test_change_verb_then_words_then_to_then_a_per_unit_after_figure() -> None:
    text = "The board cut its final payout to 12 cents a share from 20 cents."
    found = _found(
        text, _q(text, "12 cents", 12, noun="cents"), _q(text, "20 cents", 20, noun="cents")
    )
    assert [(roles, attrs["cue"]) for kind, roles, attrs in found if kind == "change"] == [
        ({"before": ["20 cents"], "after": ["12 cents"]}, "cut")
    ]


def test_change_down_to_from() -> None:
    text = "The clinic is down to 15 doctors from 32."
    found = _found(text, _q(text, "15 doctors", 15, noun="doctors"), _q(text, "32", 32))
    assert [(roles, attrs["direction"]) for kind, roles, attrs in found if kind == "change"] == [
        ({"before": ["32"], "after": ["15 doctors"]}, "down")
    ]


def test_change_skips_back_to_the_figure_in_the_before_figures_unit() -> None:
    text = (
        "The dam now holds about 300 tonnes of silt, enough to fill 20 barges, up from 180 tonnes."
    )
    found = _found(
        text,
        _q(text, "about 300 tonnes", 300, low=270, high=330, unit="tonne"),
        _q(text, "20 barges", 20, noun="barges"),
        _q(text, "180 tonnes", 180, unit="tonne"),
    )
    assert _kinds(found, "change") == [{"before": ["180 tonnes"], "after": ["about 300 tonnes"]}]


def test_change_in_a_later_clause_about_the_same_number() -> None:
    text = "Officials counted up to 4,000 displaced and said the number could rise to 6,500."
    found = _found(
        text,
        _q(text, "up to 4,000", 4000, low=0, high=4000, qualifier="upper"),
        _q(text, "6,500", 6500),
    )
    assert [(roles, attrs["direction"]) for kind, roles, attrs in found if kind == "change"] == [
        ({"before": ["up to 4,000"], "after": ["6,500"]}, "up")
    ]
    # another count joined by "and" is not the same number
    text = "Officials counted 4,000 displaced and said the shelters could take 6,500."
    found = _found(text, _q(text, "4,000", 4000), _q(text, "6,500", 6500))
    assert _kinds(found, "change") == []


def test_change_with_a_speaker_and_a_quote_mark_before_the_earlier_figure() -> None:
    text = (
        "Some 2,400 volunteers had signed up by Friday, a spokeswoman for the organisers, "
        'Ana Ruiz, told reporters, up from the "about 1,500" cited on Monday.'
    )
    found = _found(
        text,
        _q(text, "Some 2,400 volunteers", 2400, low=2160, high=2640),
        _q(text, "about 1,500", 1500, low=1350, high=1650),
    )
    assert _kinds(found, "change") == [
        {"before": ["about 1,500"], "after": ["Some 2,400 volunteers"]}
    ]


def test_change_between_rates_per_hundred_thousand() -> None:
    text = "The admission rate rose to 8.1 per 100,000, from 6.4 per 100,000 a week earlier."
    found = _found(text, _q(text, "8.1", 8.1), _q(text, "6.4", 6.4))
    assert _kinds(found, "change") == [{"before": ["6.4"], "after": ["8.1"]}]


# --- breakdowns ----------------------------------------------------------------------------


def test_breakdown_part_pointing_back_with_of_them_from_a_later_clause() -> None:
    text = (
        "Police detained 57 protesters after clashes near the port, and a court later said "
        "19 of them would be charged."
    )
    found = _found(text, _q(text, "57 protesters", 57), _q(text, "19", 19))
    assert _kinds(found, "breakdown") == [{"total": ["57 protesters"], "part": ["19"]}]


def test_breakdown_part_among_the_wounded_steps_over_a_duration() -> None:
    text = (
        "About 8,000 residents have left since the floods began ten days ago, adding that "
        "900 pensioners were among them."
    )
    found = _found(
        text,
        _q(text, "About 8,000 residents", 8000, low=7200, high=8800),
        _q(text, "ten days", 10, unit="day"),
        _q(text, "900 pensioners", 900),
    )
    assert [(roles, attrs["cue"]) for kind, roles, attrs in found if kind == "breakdown"] == [
        ({"total": ["About 8,000 residents"], "part": ["900 pensioners"]}, "among them")
    ]


def test_breakdown_of_the_whole_first() -> None:
    text = "Of the 120 wells it tested, 37 were contaminated."
    found = _found(text, _q(text, "120 wells", 120), _q(text, "37", 37))
    assert _kinds(found, "breakdown") == [{"total": ["120 wells"], "part": ["37"]}]
    # with its percentage it is a percent relation, not a breakdown
    text = "Of the 120 wells, 30, or 25%, were dry."
    found = _found(text, _q(text, "120 wells", 120), _q(text, "30", 30), _q(text, "25%", 25))
    assert _kinds(found, "breakdown") == []


def test_breakdown_with_a_long_lead_before_including() -> None:
    text = (
        "The ferry carried 212 passengers from the island to the mainland after the storm cut "
        "power on Monday, including 48 children."
    )
    found = _found(text, _q(text, "212 passengers", 212), _q(text, "48 children", 48))
    assert _kinds(found, "breakdown") == [{"total": ["212 passengers"], "part": ["48 children"]}]


def test_breakdown_open_list_that_starts_with_an_item_without_a_figure() -> None:
    text = "Shelling damaged more than 40 buildings, among them a fire station and three clinics."
    found = _found(
        text,
        _q(text, "more than 40 buildings", 40, high=float("inf"), qualifier="lower"),
        _q(text, "three clinics", 3),
    )
    assert _kinds(found, "breakdown") == [
        {"total": ["more than 40 buildings"], "part": ["three clinics"]}
    ]
    # a closed list must be all figures, or its sum would be checked against the total
    text = "Shelling damaged 40 buildings: a fire station and three clinics."
    found = _found(text, _q(text, "40 buildings", 40), _q(text, "three clinics", 3))
    assert _kinds(found, "breakdown") == []


def test_breakdown_list_ends_where_a_new_clause_begins() -> None:
    text = "Thirty miners were rescued, including 4 in hospital, and one man is missing."
    found = _found(text, _q(text, "Thirty miners", 30), _q(text, "4", 4), _q(text, "one man", 1))
    assert _kinds(found, "breakdown") == [{"total": ["Thirty miners"], "part": ["4"]}]


def test_breakdown_share_is_not_a_part() -> None:
    text = "The clinic treated 300 patients, nearly half of them elderly."
    found = _found(
        text,
        _q(text, "300 patients", 300),
        _q(text, "nearly half", 0.5, low=0.45, high=0.5, qualifier="approx"),
    )
    assert _kinds(found, "breakdown") == []


# --- multiples -----------------------------------------------------------------------------


def test_multiple_double_compares_the_part_not_its_whole() -> None:
    text = "The party won 18 of the council's 40 seats, double the 9 it held."
    found = _found(
        text,
        _q(text, "18", 18, unit="seat"),
        _q(text, "40 seats", 40, unit="seat"),
        _q(text, "double", 2),
        _q(text, "9", 9, unit="seat"),
    )
    assert _kinds(found, "multiple") == [
        {"compared": ["18"], "multiple": ["double"], "base": ["9"]}
    ]


def test_multiple_whose_base_leaves_its_unit_to_the_compared_figure() -> None:
    text = "The bank set aside 240 million euros, almost double the 125 million of last year."
    found = _found(
        text,
        _q(text, "240 million euros", 240e6, unit="EUR", noun="euros"),
        _q(text, "almost double", 2, low=1.8, high=2, qualifier="approx"),
        _q(text, "125 million", 125e6),
    )
    assert _kinds(found, "multiple") == [
        {"compared": ["240 million euros"], "multiple": ["almost double"], "base": ["125 million"]}
    ]
