"""Hostile rule files through the real CLI: refused on one line naming file, line, rule and
key, and nothing they try to run ever runs (a marker file the payload would create stays
absent)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import GOOD_ARTICLE_IDS, Run, finding_articles

BASE = """\
version: 1
units:
  - "person = [headcount] = soldiers = troops"
metrics:
  killed: {unit: person, cues: [killed]}
  deployed: {unit: person, cues: [deployed]}
  pay: {unit: USD / person, cues: [paid]}
facts:
  wage: {value: 30, unit: "USD / person"}
rules:
  - id: killed-within-deployed
    kind: holds
    expr: "killed <= deployed"
    scope: article
"""
MARKER = "pwned-marker"


def _payload() -> str:
    return f"touch {Path(MARKER).absolute()}"


def _refused(numcheck: Callable[..., Run], text: str, *expected: str) -> str:
    """Validate ``text`` as a rule file: exit 2, one line, every ``expected`` part in it."""
    Path("hostile.yaml").write_text(text, encoding="utf-8")
    run = numcheck("rules", "validate", "hostile.yaml")
    assert run.code == 2, run.stdout + run.stderr
    assert len(run.error_lines) == 1, run.stderr
    line = run.error_lines[0]
    assert line.startswith("numcheck: hostile.yaml:"), line
    for part in expected:
        assert part in line, line
    assert not Path(MARKER).exists()
    return line


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_base_rule_file_is_valid(numcheck: Callable[..., Run]) -> None:
    Path("base.yaml").write_text(BASE, encoding="utf-8")
    run = numcheck("rules", "validate", "base.yaml")
    assert run.code == 0, run.stderr
    assert "1 rule" in run.stdout


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/new:subprocess.Popen",
        "!!python/name:os.system",
        "!!python/module:os",
    ],
)
def test_python_yaml_tags_are_rejected(numcheck: Callable[..., Run], tag: str) -> None:
    text = BASE.replace("version: 1\n", f'version: 1\nx-payload: {tag} ["{_payload()}"]\n')
    _refused(numcheck, text, "hostile.yaml:2:", "could not determine a constructor")


EXPRESSIONS = {
    "attribute access": ("killed.__class__ <= deployed", "attribute access"),
    "import call": (f"__import__('os').system('{_payload()}') <= deployed", "is not allowed"),
    "other function": ("open('/etc/passwd') <= deployed", "is not allowed"),
    "lambda": ("(lambda: 1)() <= deployed", "is not allowed"),
    "comprehension": ("sum([k for k in killed]) <= deployed", "is not allowed"),
    "string": ("'killed' <= deployed", "string"),
    "subscript": ("killed[0] <= deployed", "subscript"),
    "walrus": ("(x := killed) <= deployed", "assignment expression"),
    "huge power": ("killed ** 99 ** 99 <= deployed", "expr"),
    "unknown name": ("kiled <= deployed", "kiled"),
    "dimension mismatch": ("killed <= pay", "[headcount], right side is [currency_usd]"),
}


@pytest.mark.parametrize("case", EXPRESSIONS, ids=list(EXPRESSIONS))
def test_expression_outside_the_allow_list_is_rejected(
    numcheck: Callable[..., Run], case: str
) -> None:
    expr, problem = EXPRESSIONS[case]
    text = BASE.replace('"killed <= deployed"', f'"{expr}"')
    _refused(
        numcheck,
        text,
        f"hostile.yaml:{_line_of(text, 'expr:')}:",
        "rule 'killed-within-deployed'",
        "key 'expr'",
        problem,
    )


TEMPLATES = {
    "dunder attribute": "{a.__class__}",
    "chained attribute": "{a.value.__class__.__init__.__globals__}",
    "index": "{a[0]}",
    "conversion": "{a!r}",
    "nested spec": "{a.value:{a.text}}",
}


@pytest.mark.parametrize("case", TEMPLATES, ids=list(TEMPLATES))
def test_unsafe_message_template_is_rejected(numcheck: Callable[..., Run], case: str) -> None:
    text = BASE + f'    message: "bad {TEMPLATES[case]}"\n'
    _refused(
        numcheck,
        text,
        f"hostile.yaml:{_line_of(text, 'message:')}:",
        "rule 'killed-within-deployed'",
        "key 'message'",
    )


UNIT_DEFINITIONS = {
    "import directive": ("@import /etc/passwd", "directives"),
    "defaults directive": ("@defaults", "directives"),
    "python call": (f"evil = __import__('os').system('{_payload()}') * person", "not a number"),
    "power tower": ("tower = 10**10**10 * person", "not a number"),
    "not a definition": ("just words", "a unit definition looks like"),
}


@pytest.mark.parametrize("case", UNIT_DEFINITIONS, ids=list(UNIT_DEFINITIONS))
def test_dangerous_unit_definition_is_rejected(numcheck: Callable[..., Run], case: str) -> None:
    definition, problem = UNIT_DEFINITIONS[case]
    text = BASE.replace("units:\n", f'units:\n  - "{definition}"\n')
    _refused(numcheck, text, "hostile.yaml:3:", "key 'units[0]'", problem)


FACT_UNITS = {
    "python call": f"__import__('os').system('{_payload()}')",
    "power tower": "9**9**9 day",
    "unknown unit": "USD / soldjer",
}


@pytest.mark.parametrize("case", FACT_UNITS, ids=list(FACT_UNITS))
def test_dangerous_fact_unit_is_rejected(numcheck: Callable[..., Run], case: str) -> None:
    text = BASE.replace('unit: "USD / person"}', f'unit: "{FACT_UNITS[case]}"}}')
    _refused(numcheck, text, f"hostile.yaml:{_line_of(text, 'wage:')}:", "facts.wage.unit")


def test_unknown_metric_unit_is_named(numcheck: Callable[..., Run]) -> None:
    text = BASE.replace("{unit: person, cues: [killed]}", "{unit: corpse, cues: [killed]}")
    _refused(numcheck, text, "hostile.yaml:5:", "metrics.killed.unit", "unknown unit 'corpse'")


def test_alias_bomb_is_refused(numcheck: Callable[..., Run]) -> None:
    levels = ['x-a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 9):
        levels.append(f"x-a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    _refused(numcheck, BASE + "\n".join(levels) + "\n", "more than")


def test_deep_nesting_is_refused(numcheck: Callable[..., Run]) -> None:
    _refused(numcheck, BASE + "x-deep: " + "[" * 200 + "]" * 200 + "\n", "nested deeper than")


def test_oversized_rule_file_is_refused(numcheck: Callable[..., Run]) -> None:
    Path("big.yaml").write_text(BASE + "# padding\n" * 120_000, encoding="utf-8")
    run = numcheck("rules", "validate", "big.yaml")
    assert run.code == 2
    assert run.error_lines == [
        "numcheck: big.yaml: rule file is too large: the limit is 1,000,000 bytes"
    ]


def test_binary_rule_file_is_refused(numcheck: Callable[..., Run]) -> None:
    Path("blob.yaml").write_bytes(b"version: 1\n\x00\x01")
    run = numcheck("rules", "validate", "blob.yaml")
    assert run.code == 2
    assert run.error_lines == [
        "numcheck: blob.yaml:2: binary content (a NUL byte at offset 11); a rule file is UTF-8 text"
    ]


def test_check_with_hostile_rules_stops_before_reading_articles(
    numcheck: Callable[..., Run],
) -> None:
    text = BASE.replace('"killed <= deployed"', f"\"__import__('os').system('{_payload()}')\"")
    Path("hostile.yaml").write_text(text, encoding="utf-8")
    run = numcheck("check", "--rules", "hostile.yaml", "--format", "json")
    assert run.code == 2
    assert run.stdout == ""
    assert len(run.error_lines) == 1 and "rule 'killed-within-deployed'" in run.stderr
    assert not Path(MARKER).exists()


def test_python_tag_through_the_console_script_runs_nothing(
    numcheck_process: Callable[..., Run],
) -> None:
    text = BASE.replace(
        "version: 1\n", f'version: 1\nx-p: !!python/object/apply:os.system ["{_payload()}"]\n'
    )
    Path("hostile.yaml").write_text(text, encoding="utf-8")
    run = numcheck_process("check", "--rules", "hostile.yaml", "--format", "json")
    assert run.code == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith("numcheck: hostile.yaml:2: invalid YAML")
    assert not Path(MARKER).exists()


def test_good_rules_still_find_the_seed_contradiction(numcheck: Callable[..., Run]) -> None:
    # the control: the same command with the workspace's real rules works
    run = numcheck("check", "--format", "json")
    assert run.code == 0, run.stderr
    assert finding_articles(run.json()) >= GOOD_ARTICLE_IDS
