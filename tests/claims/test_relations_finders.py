"""Relation finders on short sentences (claims.relations)."""

from __future__ import annotations

from relations_support import found as _found
from relations_support import quantity as _q

from claims.relations import find_relations


def test_breakdown_among_them_is_open() -> None:
    text = "Rescuers found 40 survivors, among them 12 children and 3 infants."
    found = _found(
        text, _q(text, "40 survivors", 40), _q(text, "12 children", 12), _q(text, "3 infants", 3)
    )
    assert found == [
        (
            "breakdown",
            {"total": ["40 survivors"], "part": ["12 children", "3 infants"]},
            {"exhaustive": False, "cue": "among them"},
        )
    ]


def test_breakdown_after_a_dash_is_exhaustive() -> None:
    text = "The fund gave out $900 — $400 for food and $500 for rent."
    found = _found(
        text,
        _q(text, "$900", 900, unit="USD"),
        _q(text, "$400", 400, unit="USD"),
        _q(text, "$500", 500, unit="USD"),
    )
    assert [(kind, attrs["exhaustive"]) for kind, _, attrs in found] == [("breakdown", True)]


def test_breakdown_never_crosses_a_sentence() -> None:
    text = "Losses reached 100 vehicles. Including trucks, 30 were towed and 20 burned."
    found = _found(text, _q(text, "100 vehicles", 100), _q(text, "30", 30), _q(text, "20", 20))
    assert found == []


def test_sum_with_a_total_of_and_altogether() -> None:
    text = "Medics treated 25 soldiers and 14 civilians, a total of 39 patients."
    found = _found(
        text, _q(text, "25 soldiers", 25), _q(text, "14 civilians", 14), _q(text, "39 patients", 39)
    )
    assert [(kind, roles) for kind, roles, _ in found] == [
        ("sum", {"part": ["25 soldiers", "14 civilians"], "total": ["39 patients"]})
    ]
    text = "They seized 8 rifles, 5 pistols and 2 mortars, 15 weapons altogether."
    found = _found(
        text,
        _q(text, "8 rifles", 8),
        _q(text, "5 pistols", 5),
        _q(text, "2 mortars", 2),
        _q(text, "15 weapons", 15),
    )
    assert [roles["part"] for kind, roles, _ in found if kind == "sum"] == [
        ["8 rifles", "5 pistols", "2 mortars"]
    ]


def test_percent_out_of_with_brackets() -> None:
    text = "Inspectors failed 300 out of 2,000 lorries (15%)."
    found = _found(text, _q(text, "300", 300), _q(text, "2,000 lorries", 2000), _q(text, "15%", 15))
    assert found == [
        ("percent", {"part": ["300"], "whole": ["2,000 lorries"], "percent": ["15%"]}, {})
    ]


def test_change_needs_from_and_to() -> None:
    text = "Shares rose 7% to $212.40 on Monday."
    found = _found(text, _q(text, "7%", 7), _q(text, "$212.40", 212.4, unit="USD"))
    assert found == []


def test_change_factor_words() -> None:
    text = "Its fleet more than doubled from 60 to 130 ships."
    found = _found(text, _q(text, "60", 60), _q(text, "130 ships", 130))
    assert found[0][2]["factor"] == 2.0
    assert found[0][2]["factor_qualifier"] == "lower"
    text = "The garrison was halved from 600 to 300."
    found = _found(text, _q(text, "600", 600), _q(text, "300", 300))
    assert (found[0][2]["factor"], found[0][2]["direction"]) == (0.5, "down")


def test_change_absolute_size() -> None:
    text = "Enrolment rose by 300 from 800 to 1,100."
    found = _found(text, _q(text, "300", 300), _q(text, "800", 800), _q(text, "1,100", 1100))
    assert found[0][1] == {"stated": ["300"], "before": ["800"], "after": ["1,100"]}
    assert found[0][2]["measure"] == "absolute"


def test_multiple_more_than_is_flagged_as_ambiguous() -> None:
    text = "The north lost 400 tanks, three times more than the 100 lost in the south."
    found = _found(
        text, _q(text, "400 tanks", 400), _q(text, "three times", 3), _q(text, "100", 100)
    )
    assert found == [
        (
            "multiple",
            {"compared": ["400 tanks"], "multiple": ["three times"], "base": ["100"]},
            {"mode": "ratio", "more_than": True},
        )
    ]


def test_rate_with_an_adverb_and_a_later_sentence() -> None:
    text = "The front lost 90 drones over the past month. That is some 3 daily."
    found = _found(
        text,
        _q(text, "90 drones", 90),
        _q(text, "month", 1, unit="month"),
        _q(text, "some 3", 3, low=2.7, high=3.3),
    )
    assert [(kind, roles) for kind, roles, _ in found] == [
        ("rate", {"total": ["90 drones"], "period": ["month"], "rate": ["some 3"]})
    ]
    relation = find_relations(
        text,
        [
            _q(text, "90 drones", 90),
            _q(text, "month", 1, unit="month"),
            _q(text, "some 3", 3, low=2.7, high=3.3),
        ],
    )[0]
    assert relation.unit_days == {1: 365.25 / 12, 2: 1.0}


def test_unrelated_figures_give_no_relation() -> None:
    text = "In Kursk, 11,000 troops faced 50 howitzers and 20 rocket launchers."
    found = _found(
        text,
        _q(text, "11,000 troops", 11000),
        _q(text, "50 howitzers", 50),
        _q(text, "20 rocket launchers", 20),
    )
    assert found == []


def test_a_year_earlier_is_not_a_rate() -> None:
    text = "It sold 96,500 cars over three months, up from 61,000 a year earlier."
    found = _found(
        text,
        _q(text, "96,500 cars", 96500),
        _q(text, "three months", 3, unit="month"),
        _q(text, "61,000", 61000),
    )
    assert [kind for kind, _, _ in found if kind == "rate"] == []


def test_a_reversed_change_steps_over_the_period_between_its_figures() -> None:
    text = "Profit was £48.5 million in the six months to June, down from £70.3 million."
    found = _found(
        text,
        _q(text, "£48.5 million", 48.5e6, unit="GBP"),
        _q(text, "six months", 6, unit="month"),
        _q(text, "£70.3 million", 70.3e6, unit="GBP"),
    )
    changes = [(roles, attributes) for kind, roles, attributes in found if kind == "change"]
    assert changes == [
        (
            {"before": ["£70.3 million"], "after": ["£48.5 million"]},
            {"cue": "down from", "direction": "down", "measure": "direction"},
        )
    ]


def test_a_part_naming_its_cue_after_itself() -> None:
    text = "Eleven people were wounded, three of them seriously."
    found = _found(text, _q(text, "Eleven people", 11, unit="person"), _q(text, "three", 3))
    assert found == [
        (
            "breakdown",
            {"total": ["Eleven people"], "part": ["three"]},
            {"exhaustive": False, "cue": "of them"},
        )
    ]


def test_longer_gaps_before_up_from_and_including() -> None:
    text = (
        "Some 96,400 spectators came through the gates of the old stadium by the river this "
        "year, up from 88,000."
    )
    found = _found(text, _q(text, "96,400 spectators", 96400), _q(text, "88,000", 88000))
    assert [(kind, roles) for kind, roles, _ in found] == [
        ("change", {"before": ["88,000"], "after": ["96,400 spectators"]})
    ]
    text = "There were 388 patients in hospital with severe symptoms at the weekend, including 52."
    found = _found(text, _q(text, "388 patients", 388, unit="person"), _q(text, "52", 52))
    assert [(kind, roles) for kind, roles, _ in found] == [
        ("breakdown", {"total": ["388 patients"], "part": ["52"]})
    ]


def test_a_verb_to_the_after_figure_then_from_the_before_one() -> None:
    text = "Revenue slipped to 1.46 billion dollars from 1.58 billion a year earlier."
    found = _found(
        text,
        _q(text, "1.46 billion dollars", 1.46e9, unit="USD"),
        _q(text, "1.58 billion", 1.58e9, unit="USD"),
    )
    assert found == [
        (
            "change",
            {"before": ["1.58 billion"], "after": ["1.46 billion dollars"]},
            {"cue": "slipped", "direction": "down", "measure": "direction"},
        )
    ]
    # "from" with no verb of change before "to" is no change
    text = "Flights went to 40 cities from 12 hubs."
    found = _found(text, _q(text, "40 cities", 40), _q(text, "12 hubs", 12))
    assert [kind for kind, _, _ in found if kind == "change"] == []
