"""find_quantities: every numeric claim with span, value, interval, unit and noun."""

from __future__ import annotations

import math

import pytest

from claims.errors import ConfigError
from claims.quantities import Quantity, find_quantities
from claims.vocab import Vocabulary

VOCABULARY = Vocabulary(
    units=(
        "person = [headcount] = soldier = soldiers = troops = personnel = servicemen = men",
        "vehicle = [materiel] = vehicles = car = cars = buggy = buggies = tank = tanks",
        "weapon = [weapon_system] = howitzer = howitzers",
    )
)


def found(text: str, vocabulary: Vocabulary = VOCABULARY) -> list[Quantity]:
    return find_quantities(text, vocabulary)


def spans(text: str, vocabulary: Vocabulary = VOCABULARY) -> list[str]:
    return [text[q.start : q.end] for q in found(text, vocabulary)]


def only(text: str, vocabulary: Vocabulary = VOCABULARY) -> Quantity:
    quantities = found(text, vocabulary)
    assert len(quantities) == 1, [text[q.start : q.end] for q in quantities]
    return quantities[0]


# --- the seed article, in spirit -------------------------------------------------------


def test_approximately_is_an_approx_interval_with_the_hedge_in_the_span() -> None:
    text = "The army is thought to have lost approximately 1,100 personnel in the fighting."
    q = only(text)
    assert text[q.start : q.end] == "approximately 1,100 personnel"
    assert text[q.number_start : q.number_end] == "1,100"
    assert (q.value, q.qualifier, q.unit, q.noun) == (1100, "approx", "person", "personnel")
    assert (q.low, q.high) == (990, 1210), "no binary floating-point noise in bounds"


def test_up_to_is_an_upper_bound_from_zero() -> None:
    q = only("Officials believe the north sent up to 12,000 soldiers abroad.")
    assert (q.qualifier, q.low, q.high, q.value) == ("upper", 0, 12000, 12000)


def test_money_for_each_counted_noun_is_a_rate() -> None:
    text = "Each family is said to receive $2,000 for each soldier it sends."
    q = only(text)
    assert text[q.start : q.end] == "$2,000 for each soldier"
    assert (q.value, q.qualifier, q.unit, q.noun) == (2000, "exact", "USD / person", "soldier")


def test_a_multiple_of_wages_is_dimensionless_with_its_noun() -> None:
    q = only("That sum matches 83 annual wages of a factory worker.")
    assert (q.value, q.unit, q.noun) == (83, "dimensionless", "annual wages")


def test_modifiers_between_number_and_noun_are_skipped() -> None:
    q = only("The unit reported it had killed 77 North Korean soldiers near the river.")
    assert (q.value, q.unit, q.noun) == (77, "person", "soldiers")


def test_a_bare_count_has_no_noun() -> None:
    q = only("Snipers wounded an additional 40 in the woods.")
    assert (q.value, q.unit, q.noun) == (40, "dimensionless", None)


def test_a_spelled_out_duration_is_in_days() -> None:
    q = only("The assault was over in just three days of combat.")
    assert (q.value, q.unit, q.noun) == (3, "day", "days")


def test_several_is_vague_with_the_documented_interval() -> None:
    q = only("Drones hit several vehicles on the road.")
    assert (q.qualifier, q.low, q.high, q.unit) == ("vague", 3, 9, "vehicle")
    assert q.low <= q.value <= q.high


def test_an_enumeration_counts_a_or_an_as_one() -> None:
    text = "Losses included three buggies, twelve cars, and an armored vehicle."
    quantities = found(text)
    assert [text[q.start : q.end] for q in quantities] == [
        "three buggies",
        "twelve cars",
        "an armored vehicle",
    ]
    assert [q.value for q in quantities] == [3, 12, 1]
    assert quantities[2].unit == "vehicle"


def test_a_or_an_outside_an_enumeration_is_not_a_count() -> None:
    assert spans("An armored vehicle was seen near a bridge.") == []
    text = "They pay $2,000 for each soldier, a sum worth 83 annual wages."
    assert spans(text) == ["$2,000 for each soldier", "83 annual wages"]


# --- hedges ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("They counted about 500 tanks.", "approx", 450, 550),
        ("They counted roughly 500 tanks.", "approx", 450, 550),
        ("They counted some 500 tanks.", "approx", 450, 550),
        ("They counted an estimated 500 tanks.", "approx", 450, 550),
        ("They counted nearly 500 tanks.", "approx", 450, 500),
        ("They counted close to 500 tanks.", "approx", 450, 500),
        ("The injured are approaching 500.", "approx", 450, 500),
        ("They counted as many as 500 tanks.", "upper", 0, 500),
        ("They counted no more than 500 tanks.", "upper", 0, 500),
        ("They counted fewer than 500 tanks.", "upper", 0, 500),
        ("They counted at least 500 tanks.", "lower", 500, math.inf),
        ("They counted more than 500 tanks.", "lower", 500, math.inf),
        ("They counted in excess of 500 tanks.", "lower", 500, math.inf),
        ("Tank losses exceeded 500.", "lower", 500, math.inf),
        ("They counted 500 or more tanks.", "lower", 500, math.inf),
        ("They counted 500-plus tanks.", "lower", 500, math.inf),
        ("They counted 500 tanks.", "exact", 500, 500),
    ],
)
def test_hedge_words(text: str, qualifier: str, low: float, high: float) -> None:
    q = only(text)
    assert q.qualifier == qualifier
    assert (q.low, q.high) == pytest.approx((low, high))
    assert q.value == 500


def test_the_span_starts_at_the_hedge() -> None:
    text = "Seoul says at least 100 soldiers died."
    assert spans(text) == ["at least 100 soldiers"]


def test_over_before_a_duration_is_a_preposition() -> None:
    q = only("Talks ran over three days.")
    assert (q.qualifier, q.value, q.unit) == ("exact", 3, "day")


def test_rule_file_hedges_override_the_defaults() -> None:
    vocabulary = Vocabulary(
        units=VOCABULARY.units,
        hedges={"approx_margin": 0.5, "words": {"in the vicinity of": "approx"}},
    )
    q = only("They saw in the vicinity of 200 tanks.", vocabulary)
    assert (q.low, q.high) == pytest.approx((100, 300))


def test_rule_file_vague_phrases_are_found() -> None:
    vocabulary = Vocabulary(hedges={"vague": {"a smattering of": [2, 5]}})
    q = only("A smattering of soldiers stayed.", vocabulary)
    assert (q.qualifier, q.low, q.high) == ("vague", 2, 5)


def test_a_bad_hedge_override_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        found("about 5 tanks", Vocabulary(hedges={"approx_margin": 3}))


# --- ranges and changes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "low", "high"),
    [
        (
            "Estimates put it between 10,000 and 12,000 troops.",
            "between 10,000 and 12,000 troops",
            10_000,
            12_000,
        ),
        ("Estimates put it at 10,000 to 12,000 troops.", "10,000 to 12,000 troops", 10_000, 12_000),
        ("Estimates put it at 20-30 tanks.", "20-30 tanks", 20, 30),
        ("Estimates put it at 20–30 tanks.", "20–30 tanks", 20, 30),
        ("The march took seven or eight days.", "seven or eight days", 7, 8),
        ("The count is closer to 11 to 12,000.", "11 to 12,000", 11_000, 12_000),
        (
            "Pay is between $2,000 and $2,300 per month.",
            "between $2,000 and $2,300 per month",
            2_000,
            2_300,
        ),
    ],
)
def test_ranges(text: str, written: str, low: float, high: float) -> None:
    q = only(text)
    assert text[q.start : q.end] == written
    assert (q.qualifier, q.low, q.high, q.value) == ("range", low, high, (low + high) / 2)


def test_a_range_carries_the_unit_of_its_second_number() -> None:
    assert only("They saw 20 to 30 tanks.").unit == "vehicle"
    assert only("Pay is between $2,000 and $2,300 per month.").unit == "USD / month"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Enlistment rose from 800 to 1,100 in a year.", [800, 1100]),
        ("Approval fell from 40% to 31%.", [40, 31]),
        ("Shares rose 7% to $212.40 on Friday.", [7, 212.4]),
        ("The estimate was revised from 3,000 to 5,000.", [3000, 5000]),
    ],
)
def test_changes_are_two_exact_figures_not_a_range(text: str, expected: list[float]) -> None:
    quantities = found(text)
    assert [q.value for q in quantities] == expected
    assert {q.qualifier for q in quantities} == {"exact"}


def test_hedged_multiples() -> None:
    q = only("Its share is nearly double the rival's.")
    assert (q.qualifier, q.low, q.high) == ("approx", 1.8, 2)


def test_from_a_to_b_after_a_noun_of_change_is_two_figures() -> None:
    quantities = found("They oppose a rise in the pension age from 62 to 64.")
    assert [(q.value, q.qualifier) for q in quantities] == [(62, "exact"), (64, "exact")]


def test_a_small_vague_word_before_of_the_counts() -> None:
    q = only("Several of the men were freed.")
    assert (q.qualifier, q.noun) == ("vague", None)


def test_the_size_of_a_fall_is_unsigned() -> None:
    q = only("Exports fell 14 per cent.")
    assert (q.value, q.unit) == (14, "percent")


def test_fractions_count_only_as_the_size_of_a_change() -> None:
    q = only("The garrison was cut by a third.")
    assert (q.unit, q.value) == ("dimensionless", pytest.approx(1 / 3))
    q = only("Sales fell by more than a tenth.")
    assert (q.qualifier, q.low, q.high) == ("lower", 0.1, math.inf)
    assert spans("Half of the men went home; a third stayed.") == []


def test_descending_numbers_are_not_a_range() -> None:
    assert len(found("The vote was 30 to 20 tanks.")) == 2


# --- numbers, currencies, percentages, multiples -----------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("A budget of $2.5bn was set.", 2.5e9, "USD"),
        ("Aid of €300m was pledged.", 3e8, "EUR"),
        ("Aid of £5m was pledged.", 5e6, "GBP"),
        ("He was offered US$2,000 to sign.", 2000, "USD"),
        ("He was offered USD 2,000 to sign.", 2000, "USD"),
        ("A wage of 2.76 million won is typical.", 2.76e6, "KRW"),
        ("A fee of 1,000 dollars is charged.", 1000, "USD"),
        ("Prices climbed 9% this year.", 9, "percent"),
        ("Prices climbed nine percent this year.", 9, "percent"),
        ("Prices climbed 14 per cent this year.", 14, "percent"),
        ("The convoy drove 30km north.", 30, "kilometer"),
        ("The line moved 300m west.", 300, "meter"),
        ("Up to 50mm of rain fell.", 50, "millimeter"),
        ("Heat reached 41C at noon.", 41, "degree_Celsius"),
        ("Crews fired 40k rounds.", 40_000, "dimensionless"),
        ("It could reach 1.1 million people.", 1.1e6, "dimensionless"),
    ],
)
def test_values_and_units(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


def test_money_per_period_is_a_rate_over_time() -> None:
    q = only("Recruits earn $800 a month.")
    assert (q.unit, q.noun) == ("USD / month", None)
    assert only("Recruits earn $2,000 per month per soldier.").unit == "USD / month / person"


def test_a_count_per_period_is_a_rate_but_a_count_before_ago_is_not() -> None:
    assert only("About 40 tanks a week were lost.").unit == "vehicle / week"
    assert only("They lost 40 tanks a week ago.").unit == "vehicle"


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("Output is twice the old level.", 2, None),
        ("Pay is three times higher.", 3, "times"),
        ("Cases rose threefold.", 3, None),
        ("Rents are double the old level.", 2, None),
    ],
)
def test_multiples(text: str, value: float, noun: str | None) -> None:
    q = only(text)
    assert (q.value, q.unit, q.noun) == (value, "dimensionless", noun)


def test_spaced_thousands_and_hyphenated_scales() -> None:
    assert [q.value for q in found("Some 12-thousand troops and 12 000 men came.")] == [
        12_000,
        12_000,
    ]


# --- nouns --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "noun", "unit"),
    [
        (
            "It shipped 50 domestically produced 170mm M1989 self-propelled howitzers.",
            "howitzers",
            "weapon",
        ),
        ("Around 12,000 DPRK troops arrived.", "troops", "person"),
        (
            "It sent 20 updated 240mm multiple launch rocket systems.",
            "multiple launch rocket systems",
            "dimensionless",
        ),
        ("There were 10,000 North Koreans there.", "North Koreans", "dimensionless"),
        ("Over 4,000 workers left.", "workers", "dimensionless"),
        ("A 10-day pause began.", "day", "day"),
        ("The glaciers lost 4.8 cubic kilometres of ice.", "cubic kilometres", "kilometer ** 3"),
        ("Fire burned 40 square miles of forest.", "square miles", "mile ** 2"),
        ("They served 12 square meals.", "square meals", "dimensionless"),
    ],
)
def test_counted_nouns(text: str, noun: str, unit: str) -> None:
    q = only(text)
    assert (q.noun, q.unit) == (noun, unit)


def test_the_last_of_adjacent_unit_words_is_the_head() -> None:
    text = "Nearly 9,000 North Korean infantry troops trained there."
    q = only(text, Vocabulary(units=("person = [headcount] = infantry = troops",)))
    assert text[q.start : q.end] == "Nearly 9,000 North Korean infantry troops"
    assert q.noun == "troops"


def test_a_verb_after_a_number_is_not_its_noun() -> None:
    assert only("About 300 came back.").noun is None


# --- things that are not claims -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2022.",
        "By 2024 the talks had stalled.",
        "It was signed on December 23.",
        "It was signed on 23 December 2024.",
        "It was signed on Dec. 16 in the capital.",
        "The file is dated 2024-12-23.",
        "The file is dated 12/23/2024.",
        "The post went up at 10:16:00 AM.",
        "They met at 9 p.m. sharp.",
        "The 3rd brigade moved first.",
        "The 8th SOF Regiment claimed it.",
        "See Article 4 of the treaty.",
        "It breaches Resolution 2231.",
        "Read Section 3 and No. 5 closely.",
        "Su-25 jets, F-16 fighters and T-90 tanks took part.",
        "Old M1989 guns were sold.",
        "Rockets of 240mm calibre were fired.",
        "Call +7 495 123-45-67 for details.",
        "Call (202) 555-0143 for details.",
        "Version 1.2.3 fixed it.",
        "A Boeing 737 landed.",
        "One of the envoys said so.",
        "If one party is attacked, the other party must help.",
        "No one knew.",
        "The two nations signed it.",
        "It happened in November.",
        "Open around the clock, 24/7.",
        "Prices fell in the 1990s.",
        "See https://example.org/2024/11/16/story-12345 for more.",
        "A few said so.",
        "A 34-year-old medic was hurt.",
        "The driver, 71, was unhurt.",
        "Residents aged over 80 were moved.",
        "Most of the cases were children under five.",
        "The poll was carried out between Nov. 3 and 5 by phone.",
        "She beat the top seed 4-6, 7-6, 6-3 in the final.",
        "For help, call 0800 555 123 at any hour.",
        "Parents can book by calling 311.",
        "It took a double blow.",
    ],
)
def test_not_claims(text: str) -> None:
    assert spans(text) == []


def test_a_year_with_a_counted_noun_is_a_count_unless_after_a_time_word() -> None:
    assert spans("Around 2000 troops stayed.") == ["Around 2000 troops"]
    assert spans("In 2000 troops stayed home.") == []


def test_a_dashed_range_after_a_verb_of_change_is_still_a_range() -> None:
    (rise,) = find_quantities("Rents rose 10-12% in May.")
    assert (rise.low, rise.high, rise.qualifier, rise.unit) == (10.0, 12.0, "range", "percent")
    # "to" after a verb of change reads as from-to: two figures
    assert len(find_quantities("Rents rose 10 to 12% in May.")) == 2


def test_a_count_after_a_possessive_name_is_no_identifier() -> None:
    found = find_quantities("Water from 14 of Casse's 40 public wells tested positive.")
    assert [(q.value, q.noun) for q in found] == [(14.0, None), (40.0, "public wells")]


def test_number_words_that_count_things_are_claims() -> None:
    assert spans("The division has four brigades.") == ["four brigades"]
    assert spans("Only one soldier returned.") == ["one soldier"]


# --- shape of the answer ------------------------------------------------------------------


def test_quantities_are_sorted_and_spans_hold_the_written_text() -> None:
    text = (
        "Seoul said about 1,500 soldiers left on Oct. 8, and at least 3,000 troops had gone "
        "by the 23rd; pay was $2,000 a month, some 9% above earlier estimates."
    )
    quantities = found(text)
    assert [text[q.start : q.end] for q in quantities] == [
        "about 1,500 soldiers",
        "at least 3,000 troops",
        "$2,000 a month",
        "some 9%",
    ]
    starts = [q.start for q in quantities]
    assert starts == sorted(starts)
    for q in quantities:
        assert q.start <= q.number_start < q.number_end <= q.end
        assert q.low <= q.value <= q.high


def test_works_without_a_vocabulary() -> None:
    q = find_quantities("Roughly 700 soldiers crossed.")[0]
    assert (q.unit, q.noun, q.qualifier) == ("dimensionless", "soldiers", "approx")


def test_empty_text_has_no_quantities() -> None:
    assert find_quantities("", VOCABULARY) == []


@pytest.mark.parametrize(
    "text",
    [
        "Vaal leads among voters under 35, the poll found.",
        "Children aged under 15 made up a third of admissions.",
        "People over 75 were asked to stay indoors.",
    ],
)
def test_the_age_limit_of_a_group_of_people_is_no_claim(text: str) -> None:
    assert [q for q in found(text) if q.value in (35, 15, 75)] == []


def test_a_limit_with_a_counted_noun_is_a_claim() -> None:
    assert spans("Officials said over 75 soldiers were hurt.") == ["over 75 soldiers"]


def test_a_spokesman_after_a_count_is_a_claimant_not_a_listed_item() -> None:
    assert spans("The unit lost 40 tanks, a spokesman said.") == ["40 tanks"]
    assert spans("It lost 40 tanks, twelve cars, and a buggy.") == [
        "40 tanks",
        "twelve cars",
        "a buggy",
    ]
