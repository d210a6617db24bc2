"""``where:``: a rule sees only the claims that match every column filter."""

from __future__ import annotations

import pytest

from checks.casefile import claim_row
from checks.rules.load import load_rule_text
from checks.runner import run_rules
from claims.errors import ConfigError
from claims.table import build_table

RULES = """\
version: 1
units: ["person = [headcount]"]
metrics:
  deployed: {unit: person, cues: [deployed]}
rules:
  - id: plausible-contingent
    kind: range
    metric: deployed
    max: "200000 person"
WHERE
"""


def load(where: str):
    return load_rule_text(RULES.replace("WHERE", where), path="r.yaml")


def claims():
    return build_table(
        [
            claim_row(
                0,
                {
                    "claim_id": "nk",
                    "metric": "deployed",
                    "entity": "north_korea",
                    "value": 900000,
                    "unit": "person",
                },
            ),
            claim_row(
                1,
                {
                    "claim_id": "ru",
                    "metric": "deployed",
                    "entity": "russia",
                    "value": 700000,
                    "unit": "person",
                },
            ),
        ]
    )


def flagged(rule_file) -> list[str]:
    findings, _ = run_rules(rule_file, claims())
    return sorted(
        c.claim_id for f in findings if f.rule == "plausible-contingent" for c in f.claims
    )


def test_without_where_every_claim_is_checked() -> None:
    assert flagged(load("")) == ["nk", "ru"]


def test_where_keeps_only_matching_claims() -> None:
    assert flagged(load("    where: {entity: north_korea}")) == ["nk"]


def test_where_accepts_a_list_of_values() -> None:
    assert flagged(load("    where: {entity: [north_korea, russia]}")) == ["nk", "ru"]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("    where: {place: kursk}", "unknown column 'place'"),
        ("    where: north_korea", "must be a mapping"),
        ("    where: {entity: []}", "must be a value or a list"),
    ],
)
def test_bad_where_names_rule_key_and_line(where: str, expected: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load(where)
    message = str(raised.value)
    assert expected in message
    assert "plausible-contingent" in message
    assert message.startswith("r.yaml:10:")
