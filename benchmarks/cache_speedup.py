"""How much faster a second `numcheck check` is with the extraction cache.

Usage::

    python benchmarks/cache_speedup.py [--mb 2] [--runs 3]

Writes a generated corpus (the same generator as extraction_speed.py) to a temporary
folder as Markdown articles, then times ``checks.runner.check`` over it: once with an
empty cache (every article extracted and stored), then ``--runs`` times with the warm
cache, and once more after editing one article (one miss). Prints seconds per run and
the speed-up of the warm runs. The target is a warm run at least 10x faster than the
cold one on the extraction it saves.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from checks.rules.load import load_rule_file  # noqa: E402
from checks.runner import check  # noqa: E402
from claims.cache import ClaimCache  # noqa: E402

sys.path.insert(0, str(REPO / "benchmarks"))
from extraction_speed import make_corpus, source_sentences  # noqa: E402


def _write_corpus(folder: Path, megabytes: float) -> list[Path]:
    paths = []
    for index, article in enumerate(make_corpus(source_sentences(), megabytes, seed=2024)):
        path = folder / f"article-{index:05d}.md"
        day = 1 + index % 28
        front = f"---\nid: a{index:05d}\ndate: 2024-12-{day:02d}\nsource: Wire {index % 7}\n---\n"
        path.write_text(front + article.body, encoding="utf-8")
        paths.append(path)
    return paths


def _timed(corpus: Path, rules: object, cache_dir: Path) -> tuple[float, ClaimCache]:
    cache = ClaimCache(cache_dir, rules.vocabulary)  # type: ignore[attr-defined]
    started = time.perf_counter()
    check([corpus], rules, cache)  # type: ignore[arg-type]
    return time.perf_counter() - started, cache


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in MB")
    parser.add_argument("--runs", type=int, default=3, help="warm runs to time")
    args = parser.parse_args(argv)
    rules = load_rule_file(REPO / "rules.yaml")
    with tempfile.TemporaryDirectory() as temporary:
        corpus, cache_dir = Path(temporary, "corpus"), Path(temporary, "cache")
        corpus.mkdir()
        paths = _write_corpus(corpus, args.mb)
        cold, cache = _timed(corpus, rules, cache_dir)
        print(f"corpus: {len(paths)} articles, {args.mb:.1f} MB")
        print(f"cold run (empty cache)   {cold:8.2f} s   misses {cache.misses}")
        warm_times = []
        for _ in range(args.runs):
            warm, cache = _timed(corpus, rules, cache_dir)
            warm_times.append(warm)
        warm = statistics.median(warm_times)
        print(f"warm run (median of {args.runs})  {warm:8.2f} s   hits {cache.hits}")
        paths[0].write_text(paths[0].read_text(encoding="utf-8") + "\nAbout 12 more.\n")
        edited, cache = _timed(corpus, rules, cache_dir)
        print(f"after editing 1 article  {edited:8.2f} s   misses {cache.misses}")
        print(f"speed-up of a warm run: {cold / warm:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
