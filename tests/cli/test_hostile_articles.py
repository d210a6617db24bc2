"""Bad article files through the real CLI: each is reported on one line naming the file,
skipped, and the run still checks the good articles (exit 2 says something was skipped)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import GOOD_ARTICLE_IDS, Run, finding_articles

# An article of our own wording whose figure contradicts the seeds' 1,100 casualties.
LOSSES_TEXT = (
    "North Korean losses in Russia's Kursk region have passed 3,000 killed and wounded, "
    "the newspaper reported.\n"
)


DATED = "date: 2024-12-23\nsource: Daily Post\n"


def _front_matter(meta: str, body: str = LOSSES_TEXT) -> str:
    return f"---\n{meta}---\n\n{body}"


def _assert_skipped(run: Run, culprit: str, problem: str, articles: int = 2) -> None:
    """Exit 2, exactly one stderr line naming the culprit, good findings still reported."""
    assert run.code == 2, run.stderr
    assert len(run.error_lines) == 1, run.stderr
    line = run.error_lines[0]
    assert line.startswith(f"numcheck: {culprit}"), line
    assert problem in line
    assert "Traceback" not in run.stderr
    report = run.json()
    assert finding_articles(report) >= GOOD_ARTICLE_IDS
    assert report["summary"]["articles"] == articles
    assert culprit in " ".join(report["summary"]["problems"])


def _write_bytes(name: str, data: bytes) -> str:
    Path("bad").mkdir(exist_ok=True)
    Path("bad", name).write_bytes(data)
    return f"bad/{name}"


CASES = {
    "binary": ("blob.txt", b"\x7fELF\x00\x01\x02 3,000 troops", "", "binary file"),
    "latin-1": (
        "latin.txt",
        "Le caf\xe9 a servi 12 soldats.\n".encode("latin-1"),
        ":1",
        "not UTF-8 text (invalid byte 0xe9 at byte offset 6)",
    ),
    "empty": ("empty.md", b"", "", "empty file"),
    "blank": ("blank.md", b" \n\n\t\n", "", "empty file"),
    "unclosed front matter": (
        "open.md",
        b"---\ntitle: never closed\n\nThree soldiers.\n",
        ":1",
        "front matter opened with '---' is never closed",
    ),
    "malformed front matter": (
        "broken.md",
        _front_matter("title: [an unclosed list\ndate: 2024-12-23\n").encode(),
        ":3",
        "malformed front matter",
    ),
    "front matter not a mapping": (
        "listfm.md",
        _front_matter("- just\n- a list\n").encode(),
        ":2",
        "front matter must be a mapping",
    ),
    "bad date": (
        "baddate.md",
        _front_matter("date: last Tuesday\n").encode(),
        "",
        "is not an ISO date",
    ),
    "title is a list": (
        "listtitle.md",
        _front_matter("title: [one, two]\n").encode(),
        "",
        "field 'title' must be a single value",
    ),
    "deep front matter": (
        "deep.md",
        _front_matter("title: " + "[" * 5000 + "]" * 5000 + "\n").encode(),
        ":2",
        "malformed front matter",
    ),
    "bad jsonl line": (
        "briefs.jsonl",
        b'{"text": "Two hundred soldiers arrived.", "id": "ok-brief"}\n{"text": oops}\n',
        ":2",
        "invalid JSON",
    ),
    "jsonl without text": ("notext.jsonl", b'{"title": "no body"}\n', ":1", "'text' field"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_article_is_reported_and_skipped(numcheck: Callable[..., Run], case: str) -> None:
    name, data, line, problem = CASES[case]
    culprit = _write_bytes(name, data)
    run = numcheck("check", "seeds", culprit, "--format", "json")
    # the good line of a JSON-lines file is still an article
    _assert_skipped(run, culprit + line, problem, articles=3 if case == "bad jsonl line" else 2)


def test_alias_bomb_in_front_matter_is_refused_quickly(numcheck: Callable[..., Run]) -> None:
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 8):
        below = f"*a{level - 1}"
        levels.append(f"a{level}: &a{level} [{', '.join([below] * 9)}]")
    culprit = _write_bytes("bomb.md", _front_matter("\n".join(levels) + "\ntitle: *a7\n").encode())
    run = numcheck("check", "seeds", culprit, "--format", "json")
    _assert_skipped(run, culprit, "field 'title' must be a single value, not a list")


def test_python_tag_in_front_matter_runs_nothing(numcheck: Callable[..., Run]) -> None:
    marker = Path("pwned").absolute()
    meta = f'title: !!python/object/apply:os.system ["touch {marker}"]\n'
    culprit = _write_bytes("tagged.md", _front_matter(meta).encode())
    run = numcheck("check", "seeds", culprit, "--format", "json")
    _assert_skipped(run, culprit, "malformed front matter")
    assert not marker.exists()


def test_huge_file_is_refused_by_size_before_reading(numcheck: Callable[..., Run]) -> None:
    Path("bad").mkdir()
    with open("bad/huge.txt", "wb") as handle:
        handle.truncate(51 * 2**20)  # sparse: no disk, and never read
    run = numcheck("check", "seeds", "bad/huge.txt", "--format", "json")
    _assert_skipped(run, "bad/huge.txt", "over the 50 MiB limit")


def test_broken_symlink_is_reported(numcheck: Callable[..., Run]) -> None:
    Path("bad").mkdir()
    os.symlink("nowhere.md", "bad/dangling.md")
    run = numcheck("check", "seeds", "bad", "--format", "json")
    _assert_skipped(run, "bad/dangling.md", "not a regular file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_reported(numcheck: Callable[..., Run]) -> None:
    culprit = _write_bytes("secret.md", LOSSES_TEXT.encode())
    os.chmod(culprit, 0)
    try:
        run = numcheck("check", "seeds", culprit, "--format", "json")
    finally:
        os.chmod(culprit, 0o644)
    _assert_skipped(run, culprit, "cannot read")


def test_missing_path_beside_good_ones_is_reported(numcheck: Callable[..., Run]) -> None:
    run = numcheck("check", "seeds", "absent.md", "--format", "json")
    _assert_skipped(run, "absent.md", "no such file or directory")


def test_other_file_types_are_skipped_with_a_note_not_an_error(
    numcheck: Callable[..., Run],
) -> None:
    Path("seeds/figure.png").write_bytes(b"\x89PNG\x00\x00")
    run = numcheck("check", "seeds", "--format", "json")
    assert run.code == 0, run.stderr
    assert "seeds/figure.png" in run.stderr and "skipped" in run.stderr
    assert run.json()["summary"]["skipped"] == ["seeds/figure.png"]


def test_encoding_option_reads_a_latin1_article(numcheck: Callable[..., Run]) -> None:
    text = _front_matter(DATED, LOSSES_TEXT.replace("newspaper", "journal fran\xe7ais"))
    Path("seeds/latin.txt").write_bytes(text.encode("latin-1"))
    refused = numcheck("check", "--format", "json")
    assert refused.code == 2 and "--encoding" in refused.stderr
    run = numcheck("check", "--format", "json", "--encoding", "latin-1")
    assert run.code == 0, run.stderr
    report = run.json()
    assert report["summary"]["articles"] == 3
    assert "seeds/latin.txt" in finding_articles(report)


def test_encoding_option_reads_utf16_despite_its_nul_bytes(numcheck: Callable[..., Run]) -> None:
    Path("wide").mkdir()
    Path("wide/wide.txt").write_bytes(LOSSES_TEXT.encode("utf-16"))
    run = numcheck("extract", "wide", "--format", "json", "--encoding", "utf-16")
    assert run.code == 0, run.stderr
    assert "have passed 3,000" in {row["text"] for row in run.json()}


@pytest.mark.parametrize("command", ["check", "extract"])
def test_unknown_encoding_is_a_usage_error(numcheck: Callable[..., Run], command: str) -> None:
    run = numcheck(command, "--encoding", "klingon-8")
    assert run.code == 2
    assert run.error_lines == [
        "numcheck: --encoding: unknown text encoding 'klingon-8' "
        "(try utf-8, latin-1, cp1252, utf-16)"
    ]
    assert run.stdout == ""


def test_very_long_line_is_processed(numcheck: Callable[..., Run]) -> None:
    filler = "the quick brown fox jumps over the lazy dog " * 5000  # one 220 kB line
    Path("seeds/long.md").write_text(_front_matter(DATED, filler + LOSSES_TEXT), encoding="utf-8")
    run = numcheck("check", "--format", "json")
    assert run.code == 0, run.stderr
    assert "seeds/long.md" in finding_articles(run.json())


def test_extract_skips_bad_files_and_keeps_good_rows(numcheck: Callable[..., Run]) -> None:
    culprit = _write_bytes("blob.txt", b"\x00\x00binary")
    run = numcheck("extract", "seeds", culprit, "--format", "json")
    assert run.code == 2
    assert run.error_lines == [f"numcheck: {culprit}: binary file (NUL byte), not an article"]
    assert {row["article"] for row in run.json()} == GOOD_ARTICLE_IDS
