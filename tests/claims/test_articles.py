"""Reading articles: formats, metadata, positions, and bad files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from claims.articles import Article, read_articles


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_front_matter_gives_metadata_and_body_positions(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.md",
        "---\nid: story-1\ntitle: Troops\ndate: 2024-10-23\nsource: Daily Wire\n---\n"
        "First line.\nSome 3,000 troops arrived.\n",
    )
    result = read_articles([path])
    assert result.problems == []
    article = result.articles[0]
    assert article.id == "story-1"
    assert article.title == "Troops"
    assert article.published == dt.datetime(2024, 10, 23)
    assert article.publisher == "Daily Wire"
    offset = article.body.index("3,000")
    assert article.position(offset) == (8, 6)


def test_seed_header_line_gives_date_and_title(tmp_path: Path) -> None:
    header = " date 2024-12-23 Losses mount on the front Monday, December 23, 2024 10:16:00 AM\n"
    path = write(tmp_path, "seed.txt", header + "\nAbout 40 were hurt.\n")
    article = read_articles([path]).articles[0]
    assert article.title == "Losses mount on the front"
    assert article.published == dt.datetime(2024, 12, 23, 10, 16)
    assert article.publisher is None
    assert article.position(article.body.index("40")) == (3, 7)


def test_plain_text_has_unknown_date_and_source(tmp_path: Path) -> None:
    path = write(tmp_path, "plain.txt", "Nearly 500 people marched.\n")
    article = read_articles([path]).articles[0]
    assert article.published is None
    assert article.publisher is None
    assert article.body.startswith("Nearly 500")


def test_id_defaults_to_path_relative_to_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "news/x.txt", "Ten people came.\n")
    monkeypatch.chdir(tmp_path)
    article = read_articles(["news"]).articles[0]
    assert article.id == "news/x.txt"
    assert article.path == "news/x.txt"


def test_jsonl_one_article_per_line_with_line_ids(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "About 12 cars burned.", "source": "Wire", "date": "2024-11-04"}),
        "",
        json.dumps({"id": "named", "text": "Two ships sank."}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    result = read_articles([path])
    ids = [a.id for a in result.articles]
    assert ids[0].endswith("batch.jsonl#1")
    assert ids[1] == "named"
    assert result.articles[0].publisher == "Wire"
    assert result.articles[1].first_line == 3


def test_jsonl_bad_line_is_reported_and_others_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path, "batch.jsonl", '{"text": "Four boats."}\n{not json\n{"title": "no text"}\n'
    )
    result = read_articles([path])
    assert len(result.articles) == 1
    assert [p.line for p in result.problems] == [2, 3]
    assert "invalid JSON" in str(result.problems[0])
    assert "'text'" in str(result.problems[1])


def test_directory_is_read_recursively_and_other_types_skipped(tmp_path: Path) -> None:
    write(tmp_path, "d/a.txt", "One.\n")
    write(tmp_path, "d/sub/b.md", "Two.\n")
    write(tmp_path, "d/image.png", b"\x89PNG")
    result = read_articles([tmp_path / "d"])
    assert [Path(a.path).name for a in result.articles] == ["a.txt", "b.md"]
    assert len(result.skipped) == 1 and result.skipped[0].endswith("image.png")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"abc\x00def", "binary"),
        (b"caf\xe9 au lait\n", "not UTF-8"),
        (b"   \n\n", "empty"),
        (b"---\ntitle: [unclosed\n---\nText 5.\n", "malformed front matter"),
        (b"---\ntitle: x\nText 5.\n", "never closed"),
        (b"---\ndate: someday\n---\nText 5.\n", "not an ISO date"),
    ],
)
def test_bad_file_is_one_problem_and_run_goes_on(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    bad = write(tmp_path, "bad.txt", content)
    good = write(tmp_path, "good.txt", "Five cars.\n")
    result = read_articles([bad, good])
    assert [a.body for a in result.articles] == ["Five cars.\n"]
    assert len(result.problems) == 1
    message = str(result.problems[0])
    assert expected in message
    assert "bad.txt" in message


def test_non_utf8_reports_byte_offset_and_line(tmp_path: Path) -> None:
    bad = write(tmp_path, "latin.txt", b"line one\nna\xefve\n")
    problem = read_articles([bad]).problems[0]
    assert problem.line == 2
    assert "byte offset 11" in problem.message


def test_bom_is_removed(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", "\ufeffSix ships.\n".encode())
    assert read_articles([path]).articles[0].body == "Six ships.\n"


def test_missing_path_and_broken_symlink_are_problems(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    result = read_articles([tmp_path / "absent.txt", link])
    assert len(result.problems) == 2
    assert "no such file" in str(result.problems[0])
    assert "broken link" in str(result.problems[1])


def test_in_memory_article_takes_metadata() -> None:
    article = Article.from_text("Up to 9 drones.", id="mem", date="2024-12-01", source="Wire")
    assert article.published == dt.datetime(2024, 12, 1)
    assert article.publisher == "Wire"
    assert article.position(6) == (1, 7)


def test_timezone_aware_dates_become_utc(tmp_path: Path) -> None:
    path = write(tmp_path, "tz.md", "---\ndate: 2024-12-23T10:00:00+09:00\n---\nBody 4.\n")
    assert read_articles([path]).articles[0].published == dt.datetime(2024, 12, 23, 1, 0)


def test_inline_suppression_covers_the_next_paragraph() -> None:
    body = (
        "Intro with 5 ships.\n\n"
        "<!-- numcheck: ignore losses-agree, sum -- disputed by both sides -->\n"
        "About 1,100 troops were lost.\nStill this paragraph, 12 cars.\n\n"
        "Later paragraph with 40 tanks.\n"
    )
    article = Article.from_text(body, id="s")
    (suppression,) = article.suppressions
    assert suppression.rules == ("losses-agree", "sum")
    assert suppression.reason == "disputed by both sides"
    assert suppression.covers("sum", body.index("1,100"))
    assert suppression.covers("losses-agree", body.index("12 cars"))
    assert not suppression.covers("sum", body.index("40 tanks"))
    assert not suppression.covers("other-rule", body.index("1,100"))
    assert not suppression.covers("sum", body.index("5 ships"))


def test_html_comments_are_blanked_keeping_offsets() -> None:
    body = "A <!-- 99 hidden\nfigures --> B 7 cars.\n"
    article = Article.from_text(body, id="c")
    assert "99" not in article.body
    assert len(article.body) == len(body)
    assert article.body.index("7 cars") == body.index("7 cars")
    assert article.body.count("\n") == body.count("\n")
