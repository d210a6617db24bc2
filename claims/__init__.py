"""Articles -> claims table. The public entry is :func:`extract`.

Names are imported lazily so that ``import claims.errors`` (which the command
line needs at start-up) does not pull in pandas or pint.
"""

from __future__ import annotations

from claims.lazy import lazy_exports

_EXPORTS = {
    "Article": "claims.articles",
    "read_articles": "claims.articles",
    "extract": "claims.pipeline",
    "extract_articles": "claims.pipeline",
    "resolve_vocabulary": "claims.pipeline",
    "COLUMNS": "claims.table",
    "Vocabulary": "claims.vocab",
    "load_vocabulary": "claims.vocab",
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
