"""The rule-file loader (checks/rules/load.py): sections, rules, and exact error positions."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from textwrap import dedent
from typing import Any, ClassVar

import pytest
import yaml

from checks.kinds import KIND_KEYS, KINDS, KindContext, load_all
from checks.rules.load import default_rule_path, load_rule_file, load_rule_text
from checks.rules.model import DEFAULT_MESSAGE_FIELDS, Fact, RuleFile
from claims.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "rulefiles"
HEAD = 'version: 1\nunits: ["person = [headcount] = soldiers"]\n'


def load(text: str) -> RuleFile:
    return load_rule_text(dedent(text), "r.yaml")


def failure(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load(text)
    return caught.value


# --- a dummy kind, registered only inside the tests that use it -------------------------


@dataclasses.dataclass(frozen=True)
class DummyOptions:
    """A kind for the tests: ``depth`` must be a mapping with a positive ``inner``.

    Flagged::

        depth: {inner: 0}

    Passing::

        depth: {inner: 2}
    """

    inner: int

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], context: KindContext) -> DummyOptions:
        inner = raw.get("depth", {}).get("inner", 1)
        if inner <= 0:
            raise ConfigError("must be positive", key="depth.inner")
        if context.rule_id == "needs-facts" and "wage" not in context.facts:
            raise ConfigError("needs the fact 'wage'")
        return cls(inner=inner)


@dataclasses.dataclass(frozen=True)
class NamedFieldsOptions:
    """A kind whose messages may use ``{total}`` only."""

    MESSAGE_FIELDS: ClassVar[tuple[str, ...]] = ("total",)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], context: KindContext) -> NamedFieldsOptions:
        return cls()


@pytest.fixture
def dummy_kinds(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    load_all()
    monkeypatch.setitem(KINDS, "dummy", DummyOptions)
    monkeypatch.setitem(KIND_KEYS, "dummy", ("depth",))
    monkeypatch.setitem(KINDS, "named", NamedFieldsOptions)
    monkeypatch.setitem(KIND_KEYS, "named", ())
    yield


# --- whole files ------------------------------------------------------------------------


def test_good_fixture_loads_every_section() -> None:
    rules = load_rule_file(FIXTURES / "good.yaml")
    assert rules.path == str(FIXTURES / "good.yaml")
    assert rules.vocabulary.path == rules.path
    assert set(rules.vocabulary.metrics) == {"deployed", "losses", "killed", "pay_per_soldier"}
    assert rules.vocabulary.metrics["killed"].cumulative  # from the merged anchor
    assert rules.facts["brigade_size"] == Fact("brigade_size", 3000.0, "person", 3000.0, 3000.0)
    assert (rules.facts["monthly_wage"].low, rules.facts["monthly_wage"].high) == (2.0, 5.0)
    assert rules.defaults == {
        "breakdown": {"enabled": True, "tolerance": 0.05, "severity": "error"},
        "rate": {"enabled": False},
    }
    assert [(r.id, r.kind, r.severity, r.line) for r in rules.rules] == [
        ("losses-agree", "agree", "warning", 42),
        ("losses-grow", "monotonic", "info", 50),
        ("pay-plausible", "range", "warning", 55),
    ]
    assert rules.rules[0].description == "Casualty counts for the same side should overlap."
    assert rules.rules[0].options.tolerance == 0.25


@pytest.mark.parametrize("path", sorted((FIXTURES / "bad").glob("*.yaml")), ids=lambda p: p.stem)
def test_bad_fixture_reports_its_documented_error(path: Path) -> None:
    expected = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# error: ")
    expected = expected.replace("{kinds}", ", ".join(sorted(load_all())))
    with pytest.raises(ConfigError) as caught:
        load_rule_file(path)
    assert str(caught.value) == f"{path}:{expected}"


def test_repository_rule_file_loads() -> None:
    raw = yaml.safe_load((REPO / "rules.yaml").read_text(encoding="utf-8"))
    for kind_name in {rule.get("kind") for rule in raw.get("rules") or []}:
        if kind_name not in load_all():
            pytest.skip(f"rules.yaml uses kind '{kind_name}', whose module is not written yet")
    rules = load_rule_file(REPO / "rules.yaml")
    assert rules.vocabulary.metrics and rules.vocabulary.entities
    assert all(rule.kind in KINDS for rule in rules.rules)


def test_packaged_rule_file_is_a_copy_of_the_repository_one() -> None:
    packaged = REPO / "checks" / "data" / "rules.yaml"
    assert packaged.read_bytes() == (REPO / "rules.yaml").read_bytes(), (
        "checks/data/rules.yaml has drifted: cp rules.yaml checks/data/rules.yaml"
    )


def test_default_rule_path_prefers_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    packaged = default_rule_path()
    assert packaged.is_file() and packaged.parts[-2:] == ("data", "rules.yaml")
    (tmp_path / "rules.yaml").write_text("version: 1\n", encoding="utf-8")
    assert default_rule_path() == Path("rules.yaml")


def test_binary_rule_file_names_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_bytes(b"version: 1\n\x89PNG\x00\x00")
    with pytest.raises(ConfigError) as caught:
        load_rule_file(path)
    assert (
        str(caught.value)
        == f"{path}:2: binary content (a NUL byte at offset 15); a rule file is UTF-8 text"
    )


def test_latin1_rule_file_names_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_bytes("version: 1\nentities:\n  x: [Düsseldorf]\n".encode("latin-1"))
    with pytest.raises(ConfigError, match=r":3: not UTF-8 text: byte 0xfc at offset 28$"):
        load_rule_file(os.fspath(path))


# --- top level --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "r.yaml:1: rule file is empty; it needs at least 'version: 1'"),
        ("- version: 1\n", "r.yaml:1: a rule file must be a mapping of sections"),
        (
            "entities: {}\n",
            "r.yaml:1: key 'version': missing 'version: 1' (the rule-file schema version)",
        ),
        (
            "# x\nversion: 2\n",
            "r.yaml:2: key 'version': unsupported schema version 2; this numcheck reads version 1",
        ),
        (
            "version: true\n",
            "r.yaml:1: key 'version': unsupported schema version True; "
            "this numcheck reads version 1",
        ),
    ],
)
def test_top_level_mistakes(text: str, expected: str) -> None:
    assert str(failure(text)) == expected


def test_extension_keys_hold_anchors_and_are_ignored() -> None:
    rules = load(
        "version: 1\nx-cues: &cues [lost]\nmetrics:\n  losses: {unit: dimensionless, cues: *cues}\n"
    )
    assert rules.vocabulary.metrics["losses"].cues == ("lost",)


def test_invalid_yaml_keeps_the_path_and_line() -> None:
    error = failure("version: 1\nmetrics:\n  losses: {unit: person\n")
    assert (error.path, error.line) == ("r.yaml", 4)


# --- vocabulary sections ----------------------------------------------------------------


def test_vocabulary_error_gets_the_line_of_its_key() -> None:
    error = failure(
        """\
        version: 1
        metrics:
          losses: {unit: dimensionless, cues: [lost]}
          killed:
            unit: dimensionless
            part_of: loses
        """
    )
    assert (
        str(error) == "r.yaml:6: key 'metrics.killed.part_of': part_of names unknown metric 'loses'"
    )


def test_bad_unit_definition_points_at_its_item() -> None:
    error = failure('version: 1\nunits:\n  - "person = [headcount]"\n  - "= = ="\n')
    assert (error.line, error.key) == (4, "units[1]")


def test_metric_unit_must_parse() -> None:
    error = failure(HEAD + "metrics:\n  deployed:\n    cues: [sent]\n    unit: persn\n")
    assert str(error) == (
        "r.yaml:6: key 'metrics.deployed.unit': metric 'deployed': unknown unit 'persn' "
        "(did you mean 'person'?)"
    )


def test_metric_key_must_be_usable_in_expressions() -> None:
    error = failure("version: 1\nmetrics:\n  pay-per-soldier: {unit: USD, cues: [pay]}\n")
    assert (error.line, error.key) == (3, "metrics.pay-per-soldier")


def test_bad_hedge_setting_gets_its_line() -> None:
    error = failure("version: 1\nhedges:\n  approx_margin: 0.1\n  aprox: 2\n")
    assert (error.line, error.key) == (4, "hedges.aprox")


# --- facts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "line", "key", "needle"),
    [
        ("  wage: {low: 5, unit: USD}\n", 3, "facts.wage.high", "gives one bound; add 'high' too"),
        ("  wage:\n    unit: USD\n", 3, "facts.wage", "needs a value, or low and high"),
        ("  wage:\n    low: 9\n    high: 3\n", 4, "facts.wage.low", "low 9 is above high 3"),
        (
            "  wage:\n    value: 70\n    low: 1\n    high: 60\n",
            4,
            "facts.wage.value",
            "outside [1, 60]",
        ),
        ("  wage:\n    value: thirty\n", 4, "facts.wage.value", "must be a number (got 'thirty')"),
        (
            "  wage:\n    value: 3\n    sauce: x\n",
            5,
            "facts.wage.sauce",
            "(did you mean 'source'?)",
        ),
        ("  wage: 30\n", 3, "facts.wage", "must be a mapping like"),
        ("  losses: {value: 3}\n", 3, "facts.losses", "same name as a metric"),
        ("  annual-wage: {value: 3}\n", 3, "facts.annual-wage", "usable in expressions"),
    ],
)
def test_fact_mistakes(body: str, line: int, key: str, needle: str) -> None:
    error = failure("version: 1\nfacts:\n" + body + "metrics:\n  losses: {unit: dimensionless}\n")
    assert (error.line, error.key) == (line, key)
    assert needle in error.message
    assert key.split(".")[1] in error.message  # the fact is named


def test_fact_with_only_a_value_is_exact_and_its_unit_canonical() -> None:
    rules = load(HEAD + "facts:\n  pay: {value: 2000, unit: USD/person}\n  ratio: {value: 83}\n")
    assert rules.facts["pay"] == Fact("pay", 2000.0, "USD / person", 2000.0, 2000.0)
    assert rules.facts["ratio"].unit == "dimensionless"


# --- defaults ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "line", "key", "needle"),
    [
        (
            "  sums: {enabled: false}\n",
            3,
            "defaults.sums",
            "unknown built-in check 'sums' (did you mean 'sum'?)",
        ),
        ("  sum:\n    tolerance: 50\n", 4, "defaults.sum.tolerance", "write 50%"),
        ("  sum:\n    enabled: yes please\n", 4, "defaults.sum.enabled", "true or false"),
        (
            "  sum:\n    severity: fatal\n",
            4,
            "defaults.sum.severity",
            "must be error, warning or info",
        ),
        ("  sum:\n    enable: true\n", 4, "defaults.sum.enable", "(did you mean 'enabled'?)"),
        ("  sum: 3\n", 3, "defaults.sum", "must be true, false or a mapping"),
    ],
)
def test_defaults_mistakes(body: str, line: int, key: str, needle: str) -> None:
    error = failure("version: 1\ndefaults:\n" + body)
    assert (error.line, error.key) == (line, key)
    assert needle in error.message


# --- rules ------------------------------------------------------------------------------


RULE_HEAD = HEAD + "metrics:\n  losses: {unit: person, cues: [lost], cumulative: true}\nrules:\n"


def rule_failure(rules_text: str) -> ConfigError:
    """The error for ``rules_text`` placed after RULE_HEAD (whose last line is line 5)."""
    return failure(RULE_HEAD + dedent(rules_text))


def test_rules_must_be_a_list_of_mappings() -> None:
    assert str(failure("version: 1\nrules:\n  id: x\n")).startswith(
        "r.yaml:2: key 'rules': must be a list"
    )
    assert str(failure("version: 1\nrules:\n  - just-an-id\n")).startswith(
        "r.yaml:3: key 'rules[0]': each rule"
    )


def test_rule_without_id() -> None:
    error = rule_failure(
        "  - id: fine\n    kind: monotonic\n    metric: losses\n  - kind: monotonic\n"
    )
    assert str(error) == "r.yaml:9: key 'rules[1]': rule has no 'id'"


@pytest.mark.parametrize("rule_id", ["Losses", "losses_agree", "losses--agree", "-x", "7", "[a]"])
def test_rule_id_must_be_kebab_case(rule_id: str) -> None:
    error = rule_failure(f"  - kind: monotonic\n    id: {rule_id}\n")
    assert (error.line, error.key) == (7, "rules[0].id")
    assert "kebab-case" in error.message


def test_rule_without_kind_lists_the_kinds() -> None:
    error = rule_failure("  - id: lonely\n    metric: losses\n")
    assert (error.line, error.rule, error.key) == (6, "lonely", "kind")
    assert error.message == f"rule has no 'kind' (kinds: {', '.join(sorted(load_all()))})"


def test_kind_that_is_not_text() -> None:
    error = rule_failure("  - id: odd\n    kind: [agree]\n")
    assert (error.line, error.key) == (7, "kind")
    assert error.message.startswith("must be the name of a kind, one of: agree, ")


def test_unknown_rule_key_suggests_the_close_one() -> None:
    error = rule_failure(
        "  - id: grow\n    kind: monotonic\n    metric: losses\n    severty: error\n"
    )
    assert (error.line, error.rule, error.key) == (9, "grow", "severty")
    assert error.message.startswith(
        "unknown key 'severty' (did you mean 'severity'?) for kind 'monotonic'"
    )


def test_kind_key_error_points_at_the_item_of_a_list() -> None:
    error = rule_failure(
        """\
          - id: grow
            kind: monotonic
            metric: losses
            same:
              - entity
              - sorce
        """
    )
    assert (error.line, error.rule, error.key) == (11, "grow", "same[1]")


def test_default_severity_is_warning_and_line_is_the_rule_start() -> None:
    rules = load(RULE_HEAD + "\n  - id: grow\n    kind: monotonic\n    metric: losses\n")
    assert (rules.rules[0].severity, rules.rules[0].line) == ("warning", 7)


def test_description_must_be_text() -> None:
    error = rule_failure(
        "  - id: grow\n    kind: monotonic\n    metric: losses\n    description: [a]\n"
    )
    assert (error.line, error.key, error.message) == (9, "description", "must be text")


def test_message_placeholders_depend_on_the_kind() -> None:
    error = rule_failure(
        "  - id: grow\n    kind: monotonic\n    metric: losses\n    message: '{claim.text}'\n"
    )
    assert (error.line, error.rule, error.key) == (9, "grow", "message")
    assert error.message.startswith("unknown placeholder 'claim'")


def test_unsafe_message_template_is_refused() -> None:
    error = rule_failure(
        "  - id: grow\n    kind: monotonic\n    metric: losses\n    message: '{a.__class__}'\n"
    )
    assert (error.line, error.key) == (9, "message")


def test_message_must_be_text() -> None:
    error = rule_failure("  - id: grow\n    kind: monotonic\n    metric: losses\n    message: 5\n")
    assert (error.line, error.key) == (9, "message")


@pytest.mark.usefixtures("dummy_kinds")
def test_nested_kind_error_key_is_relative_to_the_rule() -> None:
    error = failure(
        """\
        version: 1
        rules:
          - id: shallow
            kind: dummy
            depth:
              inner: 0
        """
    )
    assert str(error) == "r.yaml:6: rule 'shallow', key 'depth.inner': must be positive"


@pytest.mark.usefixtures("dummy_kinds")
def test_kind_error_without_key_points_at_the_rule_and_kinds_see_the_facts() -> None:
    error = failure("version: 1\nrules:\n  - id: needs-facts\n    kind: dummy\n")
    assert str(error) == "r.yaml:3: rule 'needs-facts': needs the fact 'wage'"
    load("version: 1\nfacts:\n  wage: {value: 3}\nrules:\n  - id: needs-facts\n    kind: dummy\n")


@pytest.mark.usefixtures("dummy_kinds")
def test_message_fields_default_and_declared() -> None:
    fields = " ".join(f"{{{name}}}" for name in DEFAULT_MESSAGE_FIELDS)
    rules = load(f"version: 1\nrules:\n  - id: plain\n    kind: dummy\n    message: '{fields}'\n")
    assert rules.rules[0].message == fields
    load("version: 1\nrules:\n  - id: totals\n    kind: named\n    message: 'sum {total}'\n")
    error = failure("version: 1\nrules:\n  - id: totals\n    kind: named\n    message: '{a}'\n")
    assert error.message == "unknown placeholder 'a' (available: total)"


@pytest.mark.usefixtures("dummy_kinds")
def test_unknown_key_of_a_kind_without_keys() -> None:
    error = failure("version: 1\nrules:\n  - id: totals\n    kind: named\n    depth: 3\n")
    assert (error.line, error.key) == (5, "depth")
    assert (
        "for kind 'named' (keys: id, kind, severity, message, description, where)" in error.message
    )
