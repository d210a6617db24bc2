"""The vocabulary part of a rule file: units, hedges, entities, sources, metrics.

``claims`` owns these sections and reads them; ``checks`` imports this module to
load the rest of the rule file, never the other way round.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from claims.errors import ConfigError

VOCABULARY_SECTIONS = ("units", "hedges", "entities", "sources", "metrics")
METRIC_KEYS = ("unit", "cues", "cumulative", "part_of", "description")


@dataclass(frozen=True)
class Metric:
    """A measure the rules talk about, recognised in text by its cue words."""

    key: str
    unit: str
    cues: tuple[str, ...]
    cumulative: bool = False
    part_of: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    """What extraction needs from a rule file. Empty by default: extraction still works."""

    units: tuple[str, ...] = ()
    hedges: Mapping[str, Any] = field(default_factory=dict)
    entities: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sources: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    metrics: Mapping[str, Metric] = field(default_factory=dict)
    path: str | None = None

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], path: str | None = None) -> Vocabulary:
        """Build from a parsed rule file; other sections (rules, facts) are ignored here.

        Raises :class:`ConfigError` with ``key`` set to the dotted path of the bad entry.
        """
        units = _string_list(raw.get("units") or [], "units", path)
        hedges = raw.get("hedges") or {}
        if not isinstance(hedges, Mapping):
            raise ConfigError("must be a mapping", path=path, key="hedges")
        entities = _aliases(raw.get("entities") or {}, "entities", path)
        sources = _aliases(raw.get("sources") or {}, "sources", path)
        metrics_raw = raw.get("metrics") or {}
        if not isinstance(metrics_raw, Mapping):
            raise ConfigError(
                "must be a mapping of metric key to settings", path=path, key="metrics"
            )
        metrics = {str(key): _metric(str(key), spec, path) for key, spec in metrics_raw.items()}
        for metric in metrics.values():
            if metric.part_of is not None and metric.part_of not in metrics:
                raise ConfigError(
                    f"part_of names unknown metric '{metric.part_of}'",
                    path=path,
                    key=f"metrics.{metric.key}.part_of",
                )
        return cls(
            units=tuple(units),
            hedges=dict(hedges),
            entities=entities,
            sources=sources,
            metrics=metrics,
            path=path,
        )

    def fingerprint(self) -> str:
        """A stable hash of everything that changes extraction (for caches)."""
        import hashlib
        import json

        payload = json.dumps(
            {
                "units": self.units,
                "hedges": self.hedges,
                "entities": self.entities,
                "sources": self.sources,
                "metrics": {k: asdict(m) for k, m in sorted(self.metrics.items())},
            },
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def load_vocabulary(path: str | Path) -> Vocabulary:
    """Read only the vocabulary sections of the rule file at ``path``."""
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read rule file: {error}", path=shown) from None
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(
            f"invalid YAML: {getattr(error, 'problem', None) or error}",
            path=shown,
            line=mark.line + 1 if mark is not None else None,
        ) from None
    if not isinstance(raw, Mapping):
        raise ConfigError("a rule file must be a mapping", path=shown, line=1)
    return Vocabulary.from_mapping(raw, shown)


def _string_list(value: Any, key: str, path: str | None) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError("must be a list of non-empty strings", path=path, key=key)
    return [v.strip() for v in value]


def _aliases(value: Any, section: str, path: str | None) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise ConfigError("must be a mapping of key to surface forms", path=path, key=section)
    return {
        str(key): tuple(_string_list(forms, f"{section}.{key}", path))
        for key, forms in value.items()
    }


def _metric(key: str, spec: Any, path: str | None) -> Metric:
    where = f"metrics.{key}"
    if not isinstance(spec, Mapping):
        raise ConfigError("must be a mapping with unit and cues", path=path, key=where)
    unknown = sorted(set(map(str, spec)) - set(METRIC_KEYS))
    if unknown:
        raise ConfigError(
            f"unknown setting '{unknown[0]}' (allowed: {', '.join(METRIC_KEYS)})",
            path=path,
            key=f"{where}.{unknown[0]}",
        )
    unit = spec.get("unit", "dimensionless")
    if not isinstance(unit, str) or not unit.strip():
        raise ConfigError("must be a pint unit string", path=path, key=f"{where}.unit")
    cues = _string_list(spec.get("cues", []), f"{where}.cues", path)
    for flag in ("cumulative",):
        if not isinstance(spec.get(flag, False), bool):
            raise ConfigError("must be true or false", path=path, key=f"{where}.{flag}")
    part_of = spec.get("part_of")
    description = spec.get("description")
    return Metric(
        key=key,
        unit=unit.strip(),
        cues=tuple(cues),
        cumulative=bool(spec.get("cumulative", False)),
        part_of=str(part_of) if part_of is not None else None,
        description=str(description) if description is not None else None,
    )
