"""Time numcheck's extraction and quantulum3's parser on the same generated corpus.

Usage::

    python benchmarks/extraction_speed.py [--mb 5] [--quantulum-mb 0.25] [--seed 2024]

The corpus is made deterministically from the sentences of seeds/ and the gold set, shuffled
and recombined into articles with a fixed random seed until it holds ``--mb`` megabytes of
UTF-8 text. numcheck runs over all of it (claims.extract over in-memory Article objects, so
file reading is not timed). quantulum3 is much slower, so it runs on the first
``--quantulum-mb`` megabytes of the same corpus and its rates are per MB of what it read; the
report says so. Exit status is 0 unless numcheck's extractor fails.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    # Run as a script from anywhere: the project packages live at the repository root.
    sys.path.insert(0, str(REPO))

from claims.articles import Article, read_articles  # noqa: E402

SOURCES = (REPO / "seeds", REPO / "tests" / "fixtures" / "gold")
#: one article that takes every path once (numbers, a noun, a claimant, a period): it compiles
#: a rule file's patterns and builds its unit registry, which happens once per rule file
_WARM_UP = "The ministry said on Monday that 3 soldiers died, according to the agency.\n"
#: articles numcheck has not been tuned on as one corpus: seeds/ and every gold set
DISTINCT = (REPO / "seeds", *sorted((REPO / "tests" / "fixtures").glob("gold*")))
DEFAULT_RULES = REPO / "rules.yaml"
SENTENCES_PER_PARAGRAPH = 3
PARAGRAPHS_PER_ARTICLE = 4
#: A sentence ends at . ! or ? followed by a space and a capital, digit or quote; good enough
#: to recombine our own prose, which avoids abbreviations at sentence ends.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“$€£])")


@dataclass(frozen=True)
class Timing:
    """How long one extractor took over how much text, and how many claims it found."""

    name: str
    seconds: float
    megabytes: float
    claims: int

    @property
    def mb_per_second(self) -> float:
        return self.megabytes / self.seconds if self.seconds else float("inf")

    @property
    def claims_per_second(self) -> float:
        return self.claims / self.seconds if self.seconds else float("inf")


def source_sentences(folders: Sequence[Path] = SOURCES) -> list[str]:
    """Every sentence of the articles under ``folders``, in a stable order."""
    result = read_articles([folder for folder in folders if folder.exists()])
    sentences: list[str] = []
    # by path, not id: ids are relative to the working directory, and the corpus must be the
    # same wherever the script is run from
    for article in sorted(result.articles, key=lambda a: str(a.path)):
        for paragraph in re.split(r"\n\s*\n", article.body):
            flat = " ".join(paragraph.split())
            sentences.extend(s for s in _SENTENCE_END.split(flat) if len(s) > 20)
    if not sentences:
        raise SystemExit("no sentences found in seeds/ or the gold set")
    return sentences


def make_corpus(sentences: Sequence[str], megabytes: float, seed: int) -> list[Article]:
    """Articles of shuffled sentences totalling at least ``megabytes`` MB of UTF-8 text."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    articles: list[Article] = []
    size = 0
    while size < target:
        paragraphs = [
            " ".join(rng.choice(sentences) for _ in range(SENTENCES_PER_PARAGRAPH))
            for _ in range(PARAGRAPHS_PER_ARTICLE)
        ]
        body = "\n\n".join(paragraphs) + "\n"
        articles.append(Article(id=f"bench-{len(articles):06d}", body=body))
        size += len(body.encode("utf-8"))
    return articles


def corpus_megabytes(articles: Sequence[Article]) -> float:
    """Size of the article bodies in MB (10^6 bytes of UTF-8)."""
    return sum(len(a.body.encode("utf-8")) for a in articles) / 1_000_000


def prefix(articles: Sequence[Article], megabytes: float) -> list[Article]:
    """The first articles of ``articles`` that make up at least ``megabytes`` MB."""
    chosen: list[Article] = []
    size = 0.0
    for article in articles:
        if size >= megabytes:
            break
        chosen.append(article)
        size += len(article.body.encode("utf-8")) / 1_000_000
    return chosen


def timed(name: str, articles: Sequence[Article], run: Callable[[], int]) -> Timing:
    """Run ``run`` (which returns a claim count) once and time it."""
    started = time.perf_counter()
    claims = run()
    return Timing(name, time.perf_counter() - started, corpus_megabytes(articles), claims)


def time_numcheck(articles: Sequence[Article], rules: Path) -> Timing:
    """numcheck's find_quantities + tagging over ``articles`` (vocabulary loaded beforehand)."""
    from claims.pipeline import extract_articles, resolve_vocabulary

    vocabulary = resolve_vocabulary(rules)
    # Warm caches (compiled patterns, pint registry) outside the timed run.
    extract_articles(articles[:1], vocabulary)
    return timed("numcheck", articles, lambda: len(extract_articles(articles, vocabulary)))


def time_distinct(folders: Sequence[Path] = DISTINCT) -> Timing:
    """numcheck over distinct articles, each read once: every gold set with its own rule file.

    The generated corpus repeats its source sentences many times over, so whatever numcheck
    remembers per spelling (names, the words after a number, units of nouns) is found again
    far more often than in fresh news. This pass reads each article once, in a process that
    has read nothing else yet (run it first), after a one-line warm-up per rule file that
    compiles its patterns and builds its unit registry: the rate for text never seen.
    """
    from claims.articles import Article
    from claims.pipeline import extract_articles, resolve_vocabulary

    seconds = 0.0
    articles: list[Article] = []
    claims = 0
    for folder in folders:
        rules = folder / "rules.yaml" if (folder / "rules.yaml").exists() else DEFAULT_RULES
        vocabulary = resolve_vocabulary(rules)
        extract_articles([Article(id="warm-up", body=_WARM_UP)], vocabulary)
        # the articles, not a set's README (read as an article too)
        batch = [a for a in read_articles([folder]).articles if Path(a.path).name != "README.md"]
        started = time.perf_counter()
        claims += len(extract_articles(batch, vocabulary))
        seconds += time.perf_counter() - started
        articles.extend(batch)
    return Timing("numcheck", seconds, corpus_megabytes(articles), claims)


def time_quantulum(articles: Sequence[Article]) -> Timing:
    """quantulum3's parser over ``articles``."""
    with warnings.catch_warnings():
        # quantulum3 warns at import that its optional classifier is absent; that is expected.
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    parser.parse("a warm-up of 3 words")
    return timed("quantulum3", articles, lambda: sum(len(parser.parse(a.body)) for a in articles))


def describe(timing: Timing) -> str:
    """One report line for a timing."""
    return (
        f"{timing.name:<11} {timing.megabytes:7.2f} MB in {timing.seconds:8.2f} s  "
        f"{timing.mb_per_second:8.3f} MB/s  {timing.claims:8d} claims  "
        f"{timing.claims_per_second:10.0f} claims/s"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry: build the corpus, time both extractors, print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size for numcheck (MB)")
    parser.add_argument(
        "--quantulum-mb", type=float, default=0.25, help="sample of the corpus for quantulum3 (MB)"
    )
    parser.add_argument("--seed", type=int, default=2024, help="random seed of the corpus")
    parser.add_argument("--rules", type=Path, default=DEFAULT_RULES, help="rule file (vocabulary)")
    args = parser.parse_args(argv)

    ours: Timing | None = None
    try:
        # first, while nothing is remembered yet
        distinct = time_distinct()
        print(f"distinct articles, each read once ({len(DISTINCT)} folders, own rule files):")
        print(describe(distinct))
    except (NotImplementedError, ImportError) as error:
        print(f"numcheck    extraction unavailable ({type(error).__name__}: {error})")

    corpus = make_corpus(source_sentences(), args.mb, args.seed)
    print(f"corpus: {len(corpus)} articles, {corpus_megabytes(corpus):.2f} MB, seed {args.seed}")
    try:
        ours = time_numcheck(corpus, args.rules)
        print(describe(ours))
    except (NotImplementedError, ImportError) as error:
        print(f"numcheck    extraction unavailable ({type(error).__name__}: {error})")

    theirs: Timing | None = None
    try:
        sample = prefix(corpus, min(args.quantulum_mb, args.mb))
        theirs = time_quantulum(sample)
        note = "" if len(sample) == len(corpus) else " (on a sample; rates scale per MB)"
        print(describe(theirs) + note)
    except ImportError as error:
        print(f"quantulum3  not installed ({error}); pip install -r benchmarks/requirements.txt")

    if ours is not None and theirs is not None and theirs.mb_per_second:
        ratio = ours.mb_per_second / theirs.mb_per_second
        print(f"numcheck is {ratio:.1f}x quantulum3's throughput (MB/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
