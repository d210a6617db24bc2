"""Relation scoring for benchmarks/extraction_accuracy.py: the text's own arithmetic.

A gold relation (``relations:`` in a ``*.gold.yaml``, format in
tests/fixtures/gold/README.md) names its kind and its members by role, each member by the
``text`` of one of the file's gold quantities. A predicted relation (a relation of the
relations table, its members the claims it names) matches a gold one of the same article
when the kinds are equal and the members pair off one to one by span overlap (same number
of members). Roles are not needed to match; how often they agree is reported apart.
Matching is one-to-one, gold relations in file order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

#: Relation kinds, in the order the report lists them (docs/relations.md).
KINDS = ("breakdown", "sum", "percent", "change", "multiple", "rate")


class GoldFormatError(ValueError):
    """A gold file (its quantities or relations) that does not follow
    tests/fixtures/gold/README.md."""


class _Quantity(Protocol):
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class RelationSpan:
    """One relation: its kind and its members as (role, start, end), in any order."""

    kind: str
    members: tuple[tuple[str, int, int], ...]


@dataclass
class RelationScore:
    """Gold, predicted and matched relations per kind, with the roles of matched members."""

    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    matched: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    roles_total: int = 0
    roles_right: int = 0
    notes: list[str] = field(default_factory=list)

    def figures(self, kind: str | None = None) -> tuple[float, float, float]:
        """(precision, recall, F1) of one kind, or over all kinds when ``kind`` is None."""
        kinds = KINDS if kind is None else (kind,)
        gold = sum(self.gold.get(k, 0) for k in kinds)
        predicted = sum(self.predicted.get(k, 0) for k in kinds)
        matched = sum(self.matched.get(k, 0) for k in kinds)
        precision = matched / predicted if predicted else 0.0
        recall = matched / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def parse_gold_relations(
    raw: Sequence[Any], quantities: Sequence[_Quantity], where: str
) -> tuple[RelationSpan, ...]:
    """The gold relations of one file, members resolved to their gold quantities' spans."""
    by_text: dict[str, list[_Quantity]] = {}
    for quantity in quantities:
        by_text.setdefault(quantity.text, []).append(quantity)
    relations = []
    for index, entry in enumerate(raw):
        place = f"{where} relations[{index}]"
        if not isinstance(entry, Mapping) or entry.get("kind") not in KINDS:
            raise GoldFormatError(f"{place}: kind must be one of {', '.join(KINDS)}")
        members = entry.get("members")
        if not isinstance(members, Mapping) or not members:
            raise GoldFormatError(f"{place}: members must map roles to quantity texts")
        spans = []
        for role, named in members.items():
            for name in named if isinstance(named, list) else [named]:
                quantity = _resolve(str(name), by_text, f"{place} {role}")
                spans.append((str(role), quantity.start, quantity.end))
        if len(spans) < 2:
            raise GoldFormatError(f"{place}: a relation needs at least two members")
        relations.append(RelationSpan(str(entry["kind"]), tuple(spans)))
    return tuple(relations)


def _resolve(name: str, by_text: Mapping[str, list[_Quantity]], where: str) -> _Quantity:
    # "text#2" names the second gold quantity written "text" (in file order).
    text, _, number = name.rpartition("#") if "#" in name else (name, "", "1")
    if not number.isdigit():
        text, number = name, "1"
    candidates = by_text.get(text, [])
    position = int(number) - 1
    if not 0 <= position < len(candidates):
        raise GoldFormatError(f"{where}: {name!r} is not the text of a gold quantity")
    return candidates[position]


def score_relations(items: Sequence[Any], extraction: Any) -> RelationScore | None:
    """Relation precision / recall of ``extraction`` (claims and relations tables) against
    the annotated articles; None when no gold file has a ``relations:`` key."""
    annotated = [item for item in items if item.relations is not None]
    if not annotated:
        return None
    predicted = predicted_relations(extraction.relations, extraction.claims)
    score = RelationScore()
    for item in annotated:
        assert item.relations is not None
        found = predicted.get(item.article.id, [])
        score_article_relations(score, item.name, item.article.body, item.relations, found)
    return score


def predicted_relations(relations: Any, claims: Any) -> dict[str, list[RelationSpan]]:
    """The relations table as :class:`RelationSpan` lists per article id."""
    columns = zip(claims["article"], claims["start"], claims["end"], strict=True)
    spans = {f"{article}:{start}": (int(start), int(end)) for article, start, end in columns}
    grouped: dict[str, dict[str, list[tuple[str, int, int]]]] = {}
    kinds: dict[str, str] = {}
    for relation_id, article, kind, role, claim_id in zip(
        relations["relation_id"],
        relations["article"],
        relations["kind"],
        relations["role"],
        relations["claim_id"],
        strict=True,
    ):
        start, end = spans[str(claim_id)]
        grouped.setdefault(str(article), {}).setdefault(str(relation_id), []).append(
            (str(role), start, end)
        )
        kinds[str(relation_id)] = str(kind)
    return {
        article: [RelationSpan(kinds[rid], tuple(members)) for rid, members in found.items()]
        for article, found in grouped.items()
    }


def _pair_members(gold: RelationSpan, found: RelationSpan) -> list[tuple[str, str]] | None:
    """(gold role, predicted role) of each member when they pair off by overlap, else None."""
    if gold.kind != found.kind or len(gold.members) != len(found.members):
        return None
    remaining = list(found.members)
    pairs = []
    for role, start, end in gold.members:
        hits = [m for m in remaining if min(end, m[2]) - max(start, m[1]) > 0]
        if not hits:
            return None
        # Prefer the predicted member of the same role when several overlap.
        chosen = next((m for m in hits if m[0] == role), hits[0])
        remaining.remove(chosen)
        pairs.append((role, chosen[0]))
    return pairs


def score_article_relations(
    score: RelationScore,
    name: str,
    body: str,
    gold: Iterable[RelationSpan],
    predicted: Sequence[RelationSpan],
) -> None:
    """Add one article's relation counts to ``score``; notes name misses and extras."""
    unused = list(predicted)
    for relation in predicted:
        score.predicted[relation.kind] = score.predicted.get(relation.kind, 0) + 1
    for relation in gold:
        score.gold[relation.kind] += 1
        for candidate in unused:
            pairs = _pair_members(relation, candidate)
            if pairs is not None:
                unused.remove(candidate)
                score.matched[relation.kind] += 1
                score.roles_total += len(pairs)
                score.roles_right += sum(g == p for g, p in pairs)
                break
        else:
            score.notes.append(f"{name}: missed {relation.kind} {_shown(relation, body)}")
    for relation in unused:
        score.notes.append(f"{name}: extra {relation.kind} {_shown(relation, body)}")


def _shown(relation: RelationSpan, body: str) -> str:
    return ", ".join(f"{role} {body[start:end]!r}" for role, start, end in relation.members)


def report_relations(score: RelationScore, *, verbose: bool) -> None:
    """Print relation precision, recall and F1 per kind (kinds with gold or predictions)."""
    print("relations (kind equal, members matched by span overlap)")
    for kind in (*KINDS, None):
        gold = sum(score.gold.values()) if kind is None else score.gold[kind]
        found = sum(score.predicted.values()) if kind is None else score.predicted.get(kind, 0)
        if kind is not None and not gold and not found:
            continue
        precision, recall, f1 = score.figures(kind)
        matched = sum(score.matched.values()) if kind is None else score.matched[kind]
        label = "overall" if kind is None else kind
        print(
            f"  {label:<10} precision {precision:6.1%}  recall {recall:6.1%}  F1 {f1:6.1%}"
            f"   (gold {gold}, found {found}, matched {matched})"
        )
    if score.roles_total:
        share = score.roles_right / score.roles_total
        print(f"  roles of matched members right: {share:6.1%} ", end="")
        print(f"({score.roles_right}/{score.roles_total})")
    if verbose:
        for note in score.notes:
            print(f"  {note}")
