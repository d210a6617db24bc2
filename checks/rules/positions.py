"""Rule-file YAML with positions: every key and item mapped to its 1-based line.

Rule files arrive in pull requests, so reading one is defensive: only
``yaml.SafeLoader`` (no Python tags), a size cap, and limits on aliases, nodes
and nesting that stop "billion laughs" style documents within milliseconds,
before anything downstream (hashing, JSON dumps) could expand them.

Positions are keyed by dotted path: ``rules[2].tolerance``, ``metrics.losses.cues``,
``units[0]``. A mapping entry's line is its key's line; a list item's, its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

from claims.errors import ConfigError

MAX_BYTES = 1_000_000
MAX_ALIASES = 100
#: counted with aliases expanded, the way any consumer of the data would see it
MAX_NODES = 100_000
MAX_DEPTH = 50

_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class Document:
    """A parsed rule file: plain data plus the line of every dotted key path."""

    data: Any
    lines: Mapping[str, int] = field(default_factory=dict)
    path: str | None = None

    def line_of(self, key: str | None) -> int | None:
        """The line of ``key``, else of its nearest enclosing entry that has one."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = _parent(key)
        return None


def _parent(key: str) -> str:
    """``rules[2].tolerance`` -> ``rules[2]`` -> ``rules`` -> ``""``."""
    cut = max(key.rfind("."), key.rfind("["))
    return key[:cut] if cut > 0 else ""


def join(prefix: str, key: str | int) -> str:
    """The dotted path of ``key`` (a mapping key or a list index) below ``prefix``."""
    if isinstance(key, int):
        return f"{prefix}[{key}]"
    return f"{prefix}.{key}" if prefix else key


class _LimitExceeded(yaml.MarkedYAMLError):
    """Raised while composing when a safety limit is crossed."""


class _Guard:
    """Refuses too many aliases, values or nesting levels while composing the node tree.

    Mixed in before ``yaml.composer.Composer``, whose ``compose_node`` it wraps.
    """

    alias_count = 0
    node_count = 0
    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                raise _LimitExceeded(
                    problem=f"more than {MAX_ALIASES} aliases (*name); refusing to expand them",
                    problem_mark=event.start_mark,
                )
            return super().compose_node(parent, index)  # type: ignore[misc]
        self.depth += 1
        self.node_count += 1
        try:
            if self.node_count > MAX_NODES:
                raise _LimitExceeded(
                    problem=f"more than {MAX_NODES:,} values", problem_mark=event.start_mark
                )
            if self.depth > MAX_DEPTH:
                raise _LimitExceeded(
                    problem=f"nested deeper than {MAX_DEPTH} levels",
                    problem_mark=event.start_mark,
                )
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self.depth -= 1


class _GuardedLoader(_Guard, yaml.SafeLoader):
    """The pure-Python safe loader with the guard."""


def _fast_loader_class() -> type | None:
    """libyaml's event parser under the Python composer and safe constructor, if installed.

    The events (and so nodes and marks) are the same; parsing is about ten times faster,
    which keeps a large but harmless file well under a second.
    """
    try:
        from yaml._yaml import CParser
    except ImportError:
        return None

    class _FastGuardedLoader(
        _Guard,
        yaml.composer.Composer,
        CParser,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            yaml.composer.Composer.__init__(self)

    return _FastGuardedLoader


_LOADER: type = _fast_loader_class() or _GuardedLoader


def decode_rule_bytes(raw: bytes, path: str | None = None) -> str:
    """``raw`` as text; binary or non-UTF-8 content is a :class:`ConfigError` naming the byte."""
    if len(raw) > MAX_BYTES:
        # read_rule_text reads one byte past the limit, so len(raw) is not the file's size
        raise ConfigError(f"rule file is too large: the limit is {MAX_BYTES:,} bytes", path=path)
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ConfigError(
            f"binary content (a NUL byte at offset {nul}); a rule file is UTF-8 text",
            path=path,
            line=raw.count(b"\n", 0, nul) + 1,
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # utf-8-sig reports offsets after a BOM it has stripped
        offset = error.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        raise ConfigError(
            f"not UTF-8 text: byte 0x{raw[offset]:02x} at offset {offset}",
            path=path,
            line=raw.count(b"\n", 0, offset) + 1,
        ) from None


def read_rule_text(path: str | Path) -> str:
    """The text of the rule file at ``path``, refusing huge, binary or non-UTF-8 files."""
    shown = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise ConfigError("is a directory, not a rule file", path=shown) from None
    except OSError as error:
        raise ConfigError(f"cannot read rule file: {error.strerror or error}", path=shown) from None
    return decode_rule_bytes(raw, shown)


def parse_document(text: str, path: str | None = None) -> Document:
    """Parse ``text`` (one YAML document) into data and a line map, within the safety limits."""
    if len(text) > MAX_BYTES and len(text.encode("utf-8")) > MAX_BYTES:
        raise ConfigError(f"rule file is larger than {MAX_BYTES:,} bytes", path=path)
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(data=None, path=path)
        lines: dict[str, int] = {}
        _Walker(lines, path).visit(node, "", 0)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        # the problem mark is where the parser gave up, the context mark where it started
        mark = error.problem_mark or error.context_mark
        problem = ", ".join(part for part in (error.context, error.problem) if part)
        problem = problem or "unreadable YAML"
        prefix = "" if isinstance(error, _LimitExceeded) else "invalid YAML: "
        raise ConfigError(
            f"{prefix}{problem}", path=path, line=mark.line + 1 if mark else None
        ) from None
    except yaml.YAMLError as error:
        raise ConfigError(f"invalid YAML: {error}", path=path) from None
    finally:
        loader.dispose()
    return Document(data=data, lines=lines, path=path)


class _Walker:
    """Records the line of every key path and checks keys, counting nodes as expanded."""

    def __init__(self, lines: dict[str, int], path: str | None) -> None:
        self.lines = lines
        self.path = path
        self.nodes = 0

    def visit(self, node: yaml.Node, where: str, depth: int) -> None:
        """Record the lines below ``node`` (at dotted path ``where``)."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _LimitExceeded(
                problem=f"more than {MAX_NODES:,} values once aliases are expanded",
                problem_mark=node.start_mark,
            )
        if depth > MAX_DEPTH:
            raise _LimitExceeded(
                problem=f"nested deeper than {MAX_DEPTH} levels (through aliases)",
                problem_mark=node.start_mark,
            )
        if isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._record(join(where, index), item.start_mark.line + 1)
                self.visit(item, join(where, index), depth + 1)
        elif isinstance(node, yaml.MappingNode):
            self._visit_mapping(node, where, depth)

    def _visit_mapping(self, node: yaml.MappingNode, where: str, depth: int) -> None:
        seen: dict[str, int] = {}
        merged: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merged.append(value_node)
                continue
            key = self._key_text(key_node)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise ConfigError(
                    f"duplicate key '{key}' (first at line {seen[key]})",
                    path=self.path,
                    line=line,
                    key=join(where, key),
                )
            seen[key] = line
            self._record(join(where, key), line)
            self.visit(value_node, join(where, key), depth + 1)
        # merged entries (<<: *base) count only where the mapping does not set them itself
        for source in merged:
            for part in source.value if isinstance(source, yaml.SequenceNode) else [source]:
                if not isinstance(part, yaml.MappingNode):
                    continue
                for key_node, value_node in part.value:
                    if key_node.tag == _MERGE_TAG:
                        continue
                    key = self._key_text(key_node)
                    if key not in seen:
                        seen[key] = key_node.start_mark.line + 1
                        self._record(join(where, key), seen[key])
                        self.visit(value_node, join(where, key), depth + 1)

    def _key_text(self, key_node: yaml.Node) -> str:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR_TAG:
            shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            raise ConfigError(
                f'mapping key {shown!r} is not text; quote it ("{shown}")',
                path=self.path,
                line=key_node.start_mark.line + 1,
            )
        return str(key_node.value)

    def _record(self, key: str, line: int) -> None:
        self.lines.setdefault(key, line)


class Locator:
    """Raises ConfigErrors at the line of a key of ``document``."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.path = document.path

    def fail(
        self, message: str, key: str, *, rule: str | None = None, shown: str | None = None
    ) -> NoReturn:
        """Raise at the line of ``key`` (a full dotted path); ``shown`` is the key printed."""
        raise ConfigError(
            message,
            path=self.path,
            line=self.document.line_of(key) or 1,
            rule=rule,
            key=shown if shown is not None else key,
        )

    @contextmanager
    def located(self, prefix: str = "", rule: str | None = None) -> Iterator[None]:
        """Give a ConfigError raised inside (key relative to ``prefix``) its path and line."""
        try:
            yield
        except ConfigError as error:
            full = _under(prefix, error.key) if error.key else prefix
            shown = error.key if rule is not None else (full or None)
            raise ConfigError(
                error.message,
                path=self.path,
                line=error.line or self.document.line_of(full) or 1,
                rule=rule or error.rule,
                key=shown,
            ) from None


def _under(prefix: str, key: str) -> str:
    """``key`` (relative, maybe ``same[1]``) below ``prefix``."""
    if not prefix:
        return key
    return f"{prefix}{key}" if key.startswith("[") else f"{prefix}.{key}"
