"""Score numcheck's extraction (and quantulum3's, side by side) against the gold set.

Usage::

    python benchmarks/extraction_accuracy.py [--gold DIR] [--verbose] [--min-f1 X]

A predicted row matches a gold quantity when their spans overlap and their values are equal
(relative 1e-9); vague gold quantities match on span overlap and qualifier alone, since each
extractor has its own default value for "dozens of". Matching is one-to-one, largest overlap
first. The gold format is described in tests/fixtures/gold/README.md.

Tag accuracy is over the matched rows whose gold has the tag: an empty prediction there is
wrong. The report also gives the older, kinder figure over the rows where the extractor
filled the tag ("when filled"). Relations (the text's own arithmetic) are scored by
benchmarks/relation_accuracy.py: precision, recall and F1 per kind.

Exit status is 0 unless ``--min-f1`` is given and numcheck's quantity F1 falls below it.
"""

from __future__ import annotations

import argparse
import math
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    # Run as a script from anywhere: the project packages live at the repository root.
    sys.path.insert(0, str(REPO))

from benchmarks.relation_accuracy import (  # noqa: E402
    GoldFormatError,
    RelationSpan,
    parse_gold_relations,
    report_relations,
    score_relations,
)
from claims.articles import Article, parse_text_article  # noqa: E402

DEFAULT_GOLD = REPO / "tests" / "fixtures" / "gold"
QUALIFIERS = ("exact", "approx", "upper", "lower", "range", "vague")
TAG_FIELDS = ("unit", "metric", "entity", "source")
REL_TOL = 1e-9


@dataclass(frozen=True)
class GoldQuantity:
    """One annotated quantity, its span resolved to offsets in the article body."""

    text: str
    start: int
    end: int
    value: float | None
    low: float
    high: float
    qualifier: str
    tags: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class GoldArticle:
    """An article of the gold set with its annotations."""

    name: str
    article: Article
    quantities: tuple[GoldQuantity, ...]
    not_claims: tuple[tuple[int, int], ...] = ()
    #: None when the file has no ``relations:`` key (relations not annotated)
    relations: tuple[RelationSpan, ...] | None = None


@dataclass(frozen=True)
class Span:
    """A predicted quantity: where it is, its value, and whatever else the extractor says."""

    start: int
    end: int
    value: float
    fields: dict[str, Any] = field(default_factory=dict)


def _number(raw: Any, where: str, *, allow_none: bool = False) -> float | None:
    if raw is None and allow_none:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise GoldFormatError(f"{where}: expected a number, got {raw!r}")
    return float(raw)


def find_occurrence(body: str, text: str, occurrence: int) -> int:
    """Offset of the ``occurrence``-th (1-based) appearance of ``text`` in ``body``, or -1."""
    position = -1
    for _ in range(occurrence):
        position = body.find(text, position + 1)
        if position < 0:
            return -1
    return position


def _quantity(raw: Any, body: str, where: str) -> GoldQuantity:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise GoldFormatError(f"{where}: each quantity needs a 'text' string")
    text, occurrence = raw["text"], raw.get("occurrence", 1)
    if not isinstance(occurrence, int) or occurrence < 1:
        raise GoldFormatError(f"{where}: occurrence must be a positive integer")
    start = find_occurrence(body, text, occurrence)
    if start < 0:
        raise GoldFormatError(f"{where}: {text!r} (occurrence {occurrence}) not in the body")
    qualifier = raw.get("qualifier")
    if qualifier not in QUALIFIERS:
        raise GoldFormatError(f"{where}: qualifier must be one of {', '.join(QUALIFIERS)}")
    value = _number(raw.get("value"), f"{where} value", allow_none=qualifier == "vague")
    low = _number(raw.get("low"), f"{where} low")
    high = _number(raw.get("high"), f"{where} high")
    assert low is not None and high is not None
    if not low <= high or (value is not None and not low <= value <= high):
        raise GoldFormatError(f"{where}: need low <= value <= high")
    tags = {key: str(raw[key]) for key in TAG_FIELDS if raw.get(key) is not None}
    return GoldQuantity(text, start, start + len(text), value, low, high, qualifier, tags)


def load_gold_article(markdown: Path) -> GoldArticle:
    """One ``<name>.md`` and its ``<name>.gold.yaml`` sidecar."""
    sidecar = markdown.with_name(markdown.stem + ".gold.yaml")
    if not sidecar.exists() or not markdown.exists():
        raise GoldFormatError(f"{markdown.name}: needs both the article and {sidecar.name}")
    article = parse_text_article(markdown.read_text(encoding="utf-8"), markdown.name)
    raw = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict) or not isinstance(raw.get("quantities"), list):
        raise GoldFormatError(f"{sidecar.name}: needs a 'quantities' list")
    quantities = tuple(
        _quantity(item, article.body, f"{sidecar.name} quantities[{index}]")
        for index, item in enumerate(raw["quantities"])
    )
    not_claims = []
    for text in raw.get("not_claims") or []:
        start = article.body.find(str(text))
        if start < 0:
            raise GoldFormatError(f"{sidecar.name}: not_claims {text!r} not in the body")
        not_claims.append((start, start + len(str(text))))
    relations = raw.get("relations")
    if relations is not None and not isinstance(relations, list):
        raise GoldFormatError(f"{sidecar.name}: 'relations' must be a list")
    return GoldArticle(
        name=markdown.stem,
        article=article,
        quantities=quantities,
        not_claims=tuple(not_claims),
        relations=None
        if relations is None
        else parse_gold_relations(relations, quantities, sidecar.name),
    )


def load_gold(directory: Path = DEFAULT_GOLD) -> list[GoldArticle]:
    """Every annotated article of the gold set (each ``*.gold.yaml`` and its ``.md``), by name."""
    sidecars = sorted(directory.glob("*.gold.yaml"))
    return [
        load_gold_article(path.with_name(path.name[: -len(".gold.yaml")] + ".md"))
        for path in sidecars
    ]


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _values_equal(gold: GoldQuantity, predicted: Span) -> bool:
    if gold.qualifier == "vague":
        return predicted.fields.get("qualifier", "vague") == "vague"
    assert gold.value is not None
    return math.isclose(gold.value, predicted.value, rel_tol=REL_TOL, abs_tol=0.0)


def match(
    gold: Sequence[GoldQuantity], predicted: Sequence[Span]
) -> list[tuple[GoldQuantity, Span]]:
    """One-to-one matches of gold and predicted quantities, largest overlap first."""
    candidates = [
        (_overlap(g.start, g.end, p.start, p.end), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if _overlap(g.start, g.end, p.start, p.end) > 0 and _values_equal(g, p)
    ]
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs


@dataclass
class Score:
    """Counts for one extractor over the whole gold set, plus per-article notes."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    bounds_total: int = 0
    bounds_right: int = 0
    tags_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TAG_FIELDS, 0))
    tags_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TAG_FIELDS, 0))
    #: the same, counting only rows where the extractor filled the tag (the older figure)
    tags_filled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TAG_FIELDS, 0))
    distractor_hits: int = 0
    notes: list[str] = field(default_factory=list)
    #: wrong or empty tags of matched quantities, listed with --verbose
    tag_notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _bounds_right(gold: GoldQuantity, predicted: Span) -> bool:
    fields = predicted.fields
    return (
        fields.get("qualifier") == gold.qualifier
        and math.isclose(gold.low, float(fields.get("low", math.nan)), rel_tol=REL_TOL)
        and math.isclose(gold.high, float(fields.get("high", math.nan)), rel_tol=REL_TOL)
    )


def score_article(score: Score, item: GoldArticle, predicted: Sequence[Span]) -> None:
    """Add one article's counts to ``score``; notes name its misses and false positives."""
    pairs = match(item.quantities, predicted)
    score.gold += len(item.quantities)
    score.predicted += len(predicted)
    score.matched += len(pairs)
    for gold, found in pairs:
        if gold.qualifier != "vague" and "qualifier" in found.fields:
            score.bounds_total += 1
            score.bounds_right += _bounds_right(gold, found)
        for key, expected in gold.tags.items():
            # An empty prediction where gold has a tag is a wrong tag, not an unscored one.
            score.tags_total[key] += 1
            score.tags_filled[key] += key in found.fields
            right = key in found.fields and str(found.fields[key]) == expected
            score.tags_right[key] += right
            if not right:
                got = found.fields.get(key, "(empty)")
                score.tag_notes.append(
                    f"{item.name}: {key} of {gold.text!r} is {got}, not {expected}"
                )
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {id(p) for _, p in pairs}
    body = item.article.body
    for gold in item.quantities:
        if id(gold) not in matched_gold:
            score.notes.append(f"{item.name}: missed {gold.text!r} = {gold.value}")
    for found in predicted:
        if id(found) in matched_pred:
            continue
        text = body[found.start : found.end]
        score.notes.append(f"{item.name}: false positive {text!r} = {found.value}")
        if any(_overlap(found.start, found.end, s, e) for s, e in item.not_claims):
            score.distractor_hits += 1


def numcheck_extraction(items: Sequence[GoldArticle], rules: Path) -> Any:
    """numcheck's claims and relations tables of the gold articles."""
    from claims.pipeline import extract_with_relations

    return extract_with_relations([item.article for item in items], rules=rules)


def numcheck_spans(
    items: Sequence[GoldArticle], rules: Path, table: Any = None
) -> dict[str, list[Span]]:
    """numcheck's claims per gold article (keyed by article id); ``table`` is an already
    extracted claims table of them, extracted here when not given."""
    if table is None:
        table = numcheck_extraction(items, rules).claims
    spans: dict[str, list[Span]] = {item.article.id: [] for item in items}
    columns = ("qualifier", "low", "high", *TAG_FIELDS)
    for row in table.to_dict("records"):
        fields = {key: row[key] for key in columns if _present(row[key])}
        spans[str(row["article"])].append(
            Span(int(row["start"]), int(row["end"]), float(row["value"]), fields)
        )
    return spans


def _present(value: Any) -> bool:
    try:
        return not (value is None or bool(value != value))
    except (TypeError, ValueError):
        return True


def quantulum_spans(items: Sequence[GoldArticle]) -> dict[str, list[Span]]:
    """quantulum3's quantities per gold article (value and span only)."""
    with warnings.catch_warnings():
        # quantulum3 warns at import that its optional classifier is absent; that is expected.
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    spans: dict[str, list[Span]] = {}
    for item in items:
        found = parser.parse(item.article.body)
        spans[item.article.id] = [Span(q.span[0], q.span[1], float(q.value)) for q in found]
    return spans


def evaluate(items: Sequence[GoldArticle], extractor: Callable[[], dict[str, list[Span]]]) -> Score:
    """Run ``extractor`` over the gold set and score it."""
    spans = extractor()
    score = Score()
    for item in items:
        score_article(score, item, spans.get(item.article.id, []))
    return score


def _ratio(right: int, total: int) -> str:
    return f"{right / total:6.1%} ({right}/{total})" if total else "     - (0 scored)"


def report(name: str, score: Score, *, verbose: bool) -> None:
    """Print one extractor's scores."""
    print(f"\n== {name}")
    print(f"quantities  precision {score.precision:6.1%}  recall {score.recall:6.1%}  ", end="")
    print(f"F1 {score.f1:6.1%}   (gold {score.gold}, found {score.predicted}, ", end="")
    print(f"matched {score.matched}, distractor hits {score.distractor_hits})")
    if score.bounds_total:
        print(f"bounds (low, high, qualifier)  {_ratio(score.bounds_right, score.bounds_total)}")
    if not any(score.tags_filled.values()):
        print("tags      not produced by this extractor")
    for key in TAG_FIELDS:
        if score.tags_total[key] and any(score.tags_filled.values()):
            right, total = score.tags_right[key], score.tags_total[key]
            print(f"{key:<9} accuracy  {_ratio(right, total)}", end="")
            print(f"   when filled {_ratio(right, score.tags_filled[key])}")
    if verbose:
        tagged = any(score.tags_filled.values())
        for note in (*score.notes, *(score.tag_notes if tagged else ())):
            print(f"  {note}")


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry: print the scores, return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold set folder")
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives")
    parser.add_argument("--min-f1", type=float, default=None, help="fail below this F1 (0-1)")
    args = parser.parse_args(argv)
    items = load_gold(args.gold)
    print(f"gold set: {len(items)} articles, {sum(len(i.quantities) for i in items)} quantities")

    ours: Score | None = None
    try:
        extraction = numcheck_extraction(items, args.gold / "rules.yaml")
        ours = evaluate(items, lambda: numcheck_spans(items, args.gold, extraction.claims))
        report("numcheck", ours, verbose=args.verbose)
        relations = score_relations(items, extraction)
        if relations is not None:
            report_relations(relations, verbose=args.verbose)
    except (NotImplementedError, ImportError) as error:
        # The extractor is built in stages; report the gap instead of a traceback.
        print(f"\n== numcheck: extraction unavailable ({type(error).__name__}: {error})")

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import quantulum3  # noqa: F401
    except ImportError as error:
        print(
            f"\n== quantulum3: not installed ({error}); pip install -r benchmarks/requirements.txt"
        )
    else:
        report("quantulum3", evaluate(items, lambda: quantulum_spans(items)), verbose=args.verbose)

    if args.min_f1 is not None and (ours is None or ours.f1 < args.min_f1):
        shown = "n/a" if ours is None else f"{ours.f1:.3f}"
        print(f"\nnumcheck F1 {shown} is below --min-f1 {args.min_f1}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
