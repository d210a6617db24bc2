"""YAML with positions and the safety limits of reading a rule file (checks/rules/positions.py)."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.rules.positions import (
    MAX_ALIASES,
    MAX_BYTES,
    MAX_DEPTH,
    Document,
    decode_rule_bytes,
    parse_document,
    read_rule_text,
)
from claims.errors import ConfigError


def parse(text: str) -> Document:
    return parse_document(dedent(text), "r.yaml")


def failure(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        parse(text)
    return caught.value


def test_lines_of_mapping_keys_and_list_items() -> None:
    document = parse(
        """\
        version: 1
        metrics:
          losses:
            unit: person
            cues:
              - casualties
              - losses
        rules:
          - id: first
          - id: second
            tolerance: 5%
        """
    )
    assert document.lines["version"] == 1
    assert document.lines["metrics.losses"] == 3
    assert document.lines["metrics.losses.cues"] == 5
    assert document.lines["metrics.losses.cues[1]"] == 7
    assert document.lines["rules[1]"] == 10
    assert document.lines["rules[1].tolerance"] == 11


def test_line_of_falls_back_to_the_nearest_enclosing_entry() -> None:
    document = parse("version: 1\nrules:\n  - id: only\n    kind: agree\n")
    assert document.line_of("rules[0].tolerance") == 3
    assert document.line_of("rules[0].same[2]") == 3
    assert document.line_of("nowhere.at.all") is None


def test_merged_keys_take_the_line_where_they_are_written() -> None:
    document = parse(
        """\
        x-base: &base
          unit: person
          cumulative: true
        metrics:
          losses:
            <<: *base
            cumulative: false
        """
    )
    assert document.data["metrics"]["losses"] == {"unit": "person", "cumulative": False}
    assert document.lines["metrics.losses.unit"] == 2
    assert document.lines["metrics.losses.cumulative"] == 7


def test_duplicate_key_names_both_lines() -> None:
    error = failure("version: 1\nentities:\n  russia: [Russia]\n  russia: [Moscow]\n")
    assert str(error) == "r.yaml:4: key 'entities.russia': duplicate key 'russia' (first at line 3)"


def test_key_that_yaml_reads_as_a_boolean_must_be_quoted() -> None:
    error = failure("version: 1\nsources:\n  no: [Nobody]\n")
    assert (error.path, error.line) == ("r.yaml", 3)
    assert "not text" in error.message and "quote" in error.message


def test_broken_yaml_reports_the_line_where_the_parser_stopped() -> None:
    error = failure("version: 1\nrules:\n  - id: a\n   kind: agree\n")
    assert error.line == 4
    assert error.message.startswith("invalid YAML: ")


def test_python_tags_are_refused() -> None:
    error = failure('version: !!python/object/apply:os.system ["true"]\n')
    assert error.line == 1
    assert "constructor" in error.message


def test_empty_text_gives_no_data() -> None:
    assert parse("# only a comment\n").data is None


def test_alias_bomb_is_refused_by_counting() -> None:
    levels = ["  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"  {name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    text = "version: 1\nhedges:\n" + "\n".join(levels) + "\n"
    # Refused by counting, not timing: the nine-level bomb would expand to 9**9 values.
    error = failure(text)
    assert "aliases are expanded" in error.message


def test_too_many_aliases_are_refused_at_the_first_one_over() -> None:
    text = "x-one: &one 1\nhedges:\n" + "".join("  - *one\n" for _ in range(MAX_ALIASES + 5))
    error = failure(text)
    assert error.line == 2 + MAX_ALIASES + 1
    assert f"more than {MAX_ALIASES} aliases" in error.message


def test_deep_nesting_is_refused() -> None:
    text = "hedges: " + "[" * 5000 + "]" * 5000 + "\n"
    error = failure(text)
    assert "nest" in error.message


def test_nesting_just_past_the_limit_is_refused_and_at_the_limit_accepted() -> None:
    def nested(levels: int) -> str:
        return "[" * levels + "]" * levels

    parse(f"h: {nested(MAX_DEPTH - 2)}\n")
    error = failure(f"h: {nested(MAX_DEPTH + 1)}\n")
    assert error.message == f"nested deeper than {MAX_DEPTH} levels"


def test_a_mapping_that_contains_itself_is_refused() -> None:
    error = failure("version: 1\nhedges: &loop {again: *loop}\n")
    assert "through aliases" in error.message


def test_text_over_the_size_limit_is_refused() -> None:
    error = failure("version: 1\n" + "#" * MAX_BYTES)
    assert "1,000,000" in error.message


def test_nul_byte_is_binary_and_named_by_offset() -> None:
    with pytest.raises(ConfigError) as caught:
        decode_rule_bytes(b"version: 1\nx\x00y\n", "r.yaml")
    assert str(caught.value).startswith("r.yaml:2: binary content (a NUL byte at offset 12)")


def test_invalid_utf8_names_the_byte_and_offset() -> None:
    with pytest.raises(ConfigError) as caught:
        decode_rule_bytes(b"version: 1\nentities:\n  caf\xe9: [x]\n", "r.yaml")
    assert str(caught.value) == "r.yaml:3: not UTF-8 text: byte 0xe9 at offset 26"


def test_byte_order_mark_is_accepted_and_offsets_count_it() -> None:
    assert decode_rule_bytes(b"\xef\xbb\xbfversion: 1\n") == "version: 1\n"
    with pytest.raises(ConfigError) as caught:
        decode_rule_bytes(b"\xef\xbb\xbfab\xff")
    assert "offset 5" in caught.value.message


def test_reading_a_file_refuses_directories_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a directory"):
        read_rule_text(tmp_path)
    with pytest.raises(ConfigError, match="cannot read rule file"):
        read_rule_text(tmp_path / "absent.yaml")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_BYTES + 10))
    with pytest.raises(ConfigError, match="limit is 1,000,000"):
        read_rule_text(big)


keys = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True).filter(
    lambda key: key not in {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
)
values = st.lists(st.integers(-1000, 1000), max_size=4) | st.text(
    alphabet="abcdefgh ", min_size=1, max_size=10
).map(str.strip).filter(bool)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(keys, st.dictionaries(keys, values, max_size=4), min_size=1, max_size=5))
def test_data_matches_safe_load_and_every_key_points_at_its_own_line(raw: dict) -> None:
    text = yaml.safe_dump(raw, default_flow_style=False, sort_keys=False)
    document = parse_document(text)
    assert document.data == yaml.safe_load(text)
    lines = text.splitlines()
    for outer, inner in raw.items():
        assert lines[document.lines[outer] - 1].startswith(f"{outer}:")
        for key in inner:
            line = lines[document.lines[f"{outer}.{key}"] - 1]
            assert line.lstrip().startswith(f"{key}:")
