"""A cache of extracted claims, so a second run over unchanged articles is quick.

Entries are keyed by the article (id, path, metadata, body), the vocabulary's
fingerprint and a hash of the extractor's own source, so editing an article, the
rule file's vocabulary or numcheck itself invalidates them. Entries are JSON (never
pickle: a cache folder committed in a pull request must not be able to run code).
The folder is safe to delete at any time.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claims.articles import Article
from claims.vocab import Vocabulary

if TYPE_CHECKING:
    from claims.table import Columns

DEFAULT_CACHE_DIR = ".numcheck-cache"
_FLOAT_COLUMNS = ("value", "low", "high")


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """A hash of the ``claims`` package source: new code, new cache keys."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ClaimCache:
    """Claims per article (table columns), stored as one JSON file per key under ``directory``."""

    def __init__(self, directory: str | os.PathLike[str], vocabulary: Vocabulary) -> None:
        self.directory = Path(directory)
        self._salt = f"{extractor_version()}:{vocabulary.fingerprint()}"
        self.hits = 0
        self.misses = 0

    def key(self, article: Article) -> str:
        """The cache key of ``article`` under this vocabulary and extractor."""
        digest = hashlib.sha256(self._salt.encode())
        meta = [
            article.id,
            article.path,
            article.title,
            str(article.published),
            article.publisher,
            article.url,
            article.first_line,
        ]
        digest.update(json.dumps(meta).encode())
        digest.update(article.body.encode("utf-8"))
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, article: Article) -> Columns | None:
        """The cached columns of ``article``, or None (a damaged entry counts as a miss)."""
        try:
            stored = json.loads(self._file(self.key(article)).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        columns = _decode(stored)
        if columns is None:
            self.misses += 1
            return None
        self.hits += 1
        return columns

    def put(self, article: Article, columns: Columns) -> None:
        """Store ``columns``; failures to write (read-only folder) are silently ignored."""
        target = self._file(self.key(article))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            _ensure_gitignore(self.directory)
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump({column: _encode(values) for column, values in columns.items()}, stream)
            os.replace(temporary, target)
        except OSError:
            return


def _ensure_gitignore(directory: Path) -> None:
    marker = directory / ".gitignore"
    if not marker.exists():
        marker.write_text("# numcheck's extraction cache: safe to delete\n*\n", encoding="utf-8")


def _encode(values: list[Any]) -> list[Any]:
    return [_encode_value(value) for value in values]


def _encode_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if hasattr(value, "isoformat"):
        return None if str(value) == "NaT" else value.isoformat()
    return value


def _decode(stored: Any) -> Columns | None:
    """The columns of a stored entry; None unless it holds every column, all of one length."""
    from claims.table import COLUMNS  # pandas: imported only once claims are being read

    if not isinstance(stored, dict) or not all(
        isinstance(stored.get(column), list) for column in COLUMNS
    ):
        return None
    columns: Columns = {column: stored[column] for column in COLUMNS}
    if len({len(values) for values in columns.values()}) > 1:
        return None
    for column in _FLOAT_COLUMNS:
        columns[column] = [float(v) if isinstance(v, str) else v for v in columns[column]]
    return columns
