"""``explain``, ``describe_kinds`` and ``summarise`` (checks/explain.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest

from checks.explain import describe_kinds, explain, summarise
from checks.kinds import KIND_KEYS, KINDS, KindContext, load_all
from checks.rules.load import load_rule_file, load_rule_text
from checks.rules.model import RuleFile
from claims.errors import ConfigError

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "rulefiles" / "good.yaml"


@pytest.fixture(scope="module")
def good() -> RuleFile:
    return load_rule_file(GOOD)


@dataclasses.dataclass(frozen=True)
class CountOptions:
    """A count must stay below a ceiling.

    More words about counting, kept in the body.

    Message placeholders: ``claim``.

    Flagged::

        There were 12 of them.

    The count is above ten.

    Passing::

        There were 3 of them.
    """

    metric: str
    ceiling: float = 10.0

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], context: KindContext) -> CountOptions:
        return cls(metric=raw["metric"], ceiling=float(raw.get("ceiling", 10)))


@pytest.fixture
def count_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    load_all()
    monkeypatch.setitem(KINDS, "count", CountOptions)
    monkeypatch.setitem(KIND_KEYS, "count", ("metric", "ceiling"))


def test_explain_names_the_rule_its_options_and_its_metric(good: RuleFile) -> None:
    text = explain("losses-agree", good)
    assert text.startswith(f"losses-agree (kind agree, severity warning)\ndefined at {GOOD}:42\n")
    assert "Casualty counts for the same side should overlap." in text
    assert "  tolerance: 25%\n" in text
    assert "  window: 30 days\n" in text
    assert "  same: entity\n" in text
    assert "  losses: metric in person (cues: losses, casualties; cumulative)\n" in text


def test_explain_shows_the_kind_examples(good: RuleFile) -> None:
    text = explain("losses-agree", good)
    assert "\nFlagged:\n" in text and "\nPassing:\n" in text
    assert text.index("Flagged:") < text.index("Passing:")


def test_explain_shows_the_message_template(good: RuleFile) -> None:
    assert "  message: {claim.text} is outside the plausible pay range\n" in explain(
        "pay-plausible", good
    )


def test_unknown_rule_id_suggests_close_ones(good: RuleFile) -> None:
    with pytest.raises(ConfigError) as caught:
        explain("loses-agree", good)
    assert (
        str(caught.value)
        == f"{GOOD}: no rule 'loses-agree' (did you mean 'losses-agree' or 'losses-grow'?)"
    )


def test_unknown_rule_id_lists_all_when_none_is_close(good: RuleFile) -> None:
    with pytest.raises(ConfigError, match=r"\(rules: losses-agree, losses-grow, pay-plausible\)$"):
        explain("zzz", good)


def test_unknown_rule_id_in_a_file_without_rules() -> None:
    with pytest.raises(ConfigError, match="the file has no rules"):
        explain("anything", load_rule_text("version: 1\n"))


@pytest.mark.usefixtures("count_kind")
def test_rule_without_description_uses_the_kind_docstring_body() -> None:
    rules = load_rule_text(
        dedent(
            """\
            version: 1
            metrics:
              tanks: {unit: dimensionless, cues: [tanks]}
            facts:
              fleet: {low: 10, high: 20, source: a guess}
            rules:
              - id: few-tanks
                kind: count
                metric: tanks
                severity: info
            """
        )
    )
    text = explain("few-tanks", rules)
    assert text == dedent(
        """\
        few-tanks (kind count, severity info)

        A count must stay below a ceiling.

        More words about counting, kept in the body.

        Options:
          metric: tanks
          ceiling: 10.0

        Metrics and facts used:
          tanks: metric in dimensionless (cues: tanks)

        Flagged:
            There were 12 of them.

        The count is above ten.

        Passing:
            There were 3 of them.
        """
    )


def test_holds_rule_shows_expression_and_the_units_of_its_names() -> None:
    pytest.importorskip("checks.kinds.holds")
    rules = load_rule_text(
        dedent(
            """\
            version: 1
            units: ["person = [headcount] = soldiers"]
            metrics:
              pay: {unit: USD / person, cues: [paid]}
            facts:
              wage: {unit: USD / person / year, low: 15, high: 60, source: a rough range}
            rules:
              - id: pay-vs-wage
                kind: holds
                expr: "pay <= 100 * wage * year"
            """
        )
    )
    text = explain("pay-vs-wage", rules)
    assert "  expr: pay <= 100 * wage * year\n" in text
    assert "  pay: metric in USD / person (cues: paid)\n" in text
    assert "  wage: fact, 15 to 60 USD / person / year (source: a rough range)\n" in text


def test_describe_kinds_reads_the_registry() -> None:
    described = describe_kinds()
    assert [name for name, _, _ in described] == sorted(load_all())
    for name, summary, keys in described:
        assert summary and not summary.endswith("::")
        assert keys == KIND_KEYS[name]


def test_every_kind_documents_a_flagged_and_a_passing_example() -> None:
    for name, options_class in load_all().items():
        doc = options_class.__doc__ or ""
        assert "Flagged::" in doc and "Passing::" in doc, f"kind {name} lacks examples"


def test_summary_counts_each_part(good: RuleFile) -> None:
    assert summarise(good) == (
        f"{GOOD}: ok: 3 rules (agree 1, monotonic 1, range 1), 4 metrics, 2 entities, "
        "1 source, 2 facts"
    )


def test_summary_of_an_empty_file_without_a_path() -> None:
    rules = load_rule_text("version: 1\nentities:\n  russia: [Russia]\n")
    assert summarise(rules) == "<rules>: ok: 0 rules, 0 metrics, 1 entity, 0 sources, 0 facts"
