"""Read articles from ``.txt``/``.md`` files (optional front matter) and ``.jsonl``.

A bad file never stops a run: it becomes an :class:`~claims.errors.InputError`
in :attr:`ReadResult.problems` and every other article is still read.
"""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from claims.errors import InputError

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
JSONL_SUFFIXES = frozenset({".jsonl"})
#: Articles larger than this are refused with a clear message instead of risking memory.
MAX_ARTICLE_BYTES = 50 * 1024 * 1024
FRONT_MATTER_FIELDS = ("id", "title", "date", "source", "url")
#: Front-matter values numcheck reads must be plain scalars: a list or mapping (perhaps an
#: alias-expanded "billion laughs") would be stringified into a huge title.
_SCALARS = (str, int, float, dt.date)


def check_encoding(name: str) -> str:
    """The canonical name of text codec ``name``; ``LookupError`` when Python has no such one."""
    info = codecs.lookup(name)
    if not getattr(info, "_is_text_encoding", True):
        raise LookupError(f"{name} is not a text encoding")
    return info.name


#: libyaml's safe loader when PyYAML was built with it (several times faster), else the
#: pure-Python one; both construct plain data only.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_SEED_HEADER = re.compile(
    r"^[ \t]*date[ \t]+(?P<date>\d{4}-\d{2}-\d{2})[ \t]+(?P<title>.*?)[ \t]+"
    r"(?P<stamp>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),[ \t]+"
    rf"(?:{_MONTHS})[ \t]+\d{{1,2}},[ \t]+\d{{4}}[ \t]+\d{{1,2}}:\d{{2}}:\d{{2}}[ \t]*[AP]M)[ \t]*$"
)


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SUPPRESSION = re.compile(
    r"<!--\s*numcheck:\s*ignore\s+(?P<rules>[\w*-]+(?:\s*,\s*[\w*-]+)*)"
    r"(?:\s+--\s*(?P<reason>.*?))?\s*-->",
    re.DOTALL,
)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Suppression:
    """``<!-- numcheck: ignore RULE_ID -- reason -->``: silence a rule in the next paragraph."""

    rules: tuple[str, ...]
    #: the character span of the paragraph it covers, in ``body``
    start: int
    end: int
    reason: str | None
    #: offset of the comment itself, for messages
    offset: int

    def covers(self, rule: str, offset: int) -> bool:
        """True when this silences ``rule`` for a claim starting at ``offset``."""
        return (rule in self.rules or "*" in self.rules) and self.start <= offset < self.end


def _suppressions(body: str) -> tuple[Suppression, ...]:
    found = []
    for match in _SUPPRESSION.finditer(body):
        rest = body[match.end() :]
        skipped = len(rest) - len(rest.lstrip())
        start = match.end() + skipped
        end_match = _PARAGRAPH_END.search(body, start)
        end = end_match.start() if end_match else len(body)
        rules = tuple(r.strip() for r in match["rules"].split(","))
        reason = (match["reason"] or "").strip() or None
        found.append(Suppression(rules, start, end, reason, match.start()))
    return tuple(found)


def _blank_comments(body: str) -> str:
    """HTML comments are not published text: blank them, keeping offsets and lines."""
    if "<!--" not in body:
        return body
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), body)


@dataclass(frozen=True)
class Article:
    """One article: its body text and what is known about where it came from."""

    id: str
    body: str
    path: str | None = None
    title: str | None = None
    published: dt.datetime | None = None
    publisher: str | None = None
    url: str | None = None
    #: 1-based line of the file on which ``body`` starts (front matter and headers come before).
    first_line: int = 1
    #: inline ``numcheck: ignore`` comments (HTML comments are blanked out of ``body``)
    suppressions: tuple[Suppression, ...] = field(default=(), compare=False)
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if "<!--" in self.body:
            object.__setattr__(self, "suppressions", _suppressions(self.body))
            object.__setattr__(self, "body", _blank_comments(self.body))
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", self.body))
        object.__setattr__(self, "_line_starts", tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the article file of a character offset in ``body``."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return self.first_line + index, offset - self._line_starts[index] + 1

    @classmethod
    def from_text(cls, text: str, id: str = "<text>", **meta: Any) -> Article:
        """An in-memory article; ``meta`` takes front-matter fields (``date``, ``source``)."""
        return _article_from_meta(text, id, None, meta, first_line=1, where=id)


@dataclass
class ReadResult:
    """Articles read, inputs that could not be read, and files skipped by type."""

    articles: list[Article] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def read_articles(
    paths: Iterable[str | os.PathLike[str]], encoding: str | None = None
) -> ReadResult:
    """Read every article under ``paths`` (files or directories, recursively, in sorted
    order), decoded as UTF-8 or as ``encoding`` (a codec name from :func:`check_encoding`)."""
    result = ReadResult()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                _read_file(file, result, encoding, explicit=False)
        elif path.exists() or path.is_symlink():
            _read_file(path, result, encoding, explicit=True)
        else:
            result.problems.append(InputError("no such file or directory", path=str(raw)))
    return result


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath, name) for name in sorted(filenames) if not name.startswith("."))
    return found


def display_path(path: Path) -> str:
    """The path relative to the current directory when it lies below it, else as given."""
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_file(path: Path, result: ReadResult, encoding: str | None, *, explicit: bool) -> None:
    shown = display_path(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | JSONL_SUFFIXES:
        result.skipped.append(shown)
        return
    try:
        text = decode(_read_bytes(path, shown), shown, encoding)
        if suffix in JSONL_SUFFIXES:
            _parse_jsonl(text, shown, result)
        else:
            result.articles.append(parse_text_article(text, shown))
    except InputError as error:
        result.problems.append(error)


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        if not path.is_file():
            raise InputError("not a regular file (broken link?)", path=shown)
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(
                f"file is {size / 1e6:.0f} MB, over the {MAX_ARTICLE_BYTES // 2**20} MiB limit",
                path=shown,
            )
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=shown) from None


def decode(data: bytes, shown: str, encoding: str | None = None) -> str:
    """The text of ``data``: UTF-8 (with or without BOM) unless ``encoding`` names another
    codec (see :func:`check_encoding`); binary content and invalid bytes are refused."""
    # UTF-16 and UTF-32 text holds NUL bytes, so a named codec is checked after decoding
    if encoding is None and b"\x00" in data[:8192]:
        raise InputError("binary file (NUL byte), not an article", path=shown)
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as error:
        # utf-8-sig reports offsets after the byte-order mark it has stripped
        offset = error.start + (3 if encoding is None and data.startswith(codecs.BOM_UTF8) else 0)
        line = data[:offset].count(b"\n") + 1
        hint = "; pass --encoding if it is in another one" if encoding is None else ""
        raise InputError(
            f"not {encoding or 'UTF-8'} text (invalid byte 0x{data[offset]:02x} "
            f"at byte offset {offset}){hint}",
            path=shown,
            line=line,
        ) from None
    if encoding is not None and "\x00" in text[:8192]:
        raise InputError(f"binary file (NUL character once decoded as {encoding})", path=shown)
    if not text.strip():
        raise InputError("empty file", path=shown)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text_article(text: str, shown: str) -> Article:
    """An article from the text of a ``.txt``/``.md`` file (front matter or seed header)."""
    if text.startswith("---\n"):
        end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], flags=re.MULTILINE)
        if end is None:
            raise InputError("front matter opened with '---' is never closed", path=shown, line=1)
        block = text[4 : 4 + end.start()]
        body_start = 4 + end.end() + 1
        try:
            meta = yaml.load(block, Loader=_YAML_LOADER) if block.strip() else {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            problem = getattr(error, "problem", None) or "invalid YAML"
            raise InputError(f"malformed front matter: {problem}", path=shown, line=line) from None
        if not isinstance(meta, Mapping):
            raise InputError("front matter must be a mapping of fields", path=shown, line=2)
        _check_scalar_fields(meta, shown)
        first_line = text[:body_start].count("\n") + 1
        return _article_from_meta(
            text[body_start:], None, shown, meta, first_line=first_line, where=shown
        )
    first, _, rest = text.partition("\n")
    header = _SEED_HEADER.match(first)
    if header:
        meta = {"title": header["title"].strip(), "date": _seed_date(header)}
        return _article_from_meta(rest, None, shown, meta, first_line=2, where=shown)
    return _article_from_meta(text, None, shown, {}, first_line=1, where=shown)


def _seed_date(header: re.Match[str]) -> dt.datetime | dt.date:
    stamp = re.sub(r"[ \t]+", " ", header["stamp"])
    try:
        return dt.datetime.strptime(stamp, "%A, %B %d, %Y %I:%M:%S %p")
    except ValueError:
        return dt.date.fromisoformat(header["date"])


def _parse_jsonl(text: str, shown: str, result: ReadResult) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{shown}#{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise InputError("each line must be a JSON object", path=shown, line=number)
            _check_scalar_fields(record, shown, number)
            body = record.get("text")
            if not isinstance(body, str) or not body.strip():
                raise InputError("missing or empty 'text' field", path=shown, line=number)
            result.articles.append(
                _article_from_meta(body, where, shown, record, first_line=number, where=where)
            )
        except json.JSONDecodeError as error:
            result.problems.append(
                InputError(
                    f"invalid JSON: {error.msg} (column {error.colno})", path=shown, line=number
                )
            )
        except InputError as error:
            result.problems.append(error)


def _check_scalar_fields(meta: Mapping[str, Any], path: str, line: int | None = None) -> None:
    for name in FRONT_MATTER_FIELDS:
        value = meta.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, _SCALARS)):
            raise InputError(
                f"field '{name}' must be a single value, not a {type(value).__name__}",
                path=path,
                line=line,
            )


def _article_from_meta(
    body: str,
    default_id: str | None,
    path: str | None,
    meta: Mapping[str, Any],
    *,
    first_line: int,
    where: str,
) -> Article:
    article_id = meta.get("id")
    article_id = str(article_id) if article_id not in (None, "") else (default_id or path or where)
    return Article(
        id=article_id,
        body=body,
        path=path,
        title=_text_field(meta.get("title")),
        published=parse_date(meta.get("date"), where),
        publisher=_text_field(meta.get("source")),
        url=_text_field(meta.get("url")),
        first_line=first_line,
    )


def _text_field(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def parse_date(value: Any, where: str) -> dt.datetime | None:
    """A naive datetime (UTC when the input had a zone) from a front-matter ``date``."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime(value.year, value.month, value.day)
    else:
        try:
            moment = dt.datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise InputError(f"date {value!r} is not an ISO date or datetime", path=where) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment
