"""User-facing errors shared by every stage.

Each error renders as one line, ``where: what is wrong``, so the command line can
print it without a traceback and map it to exit code 2.
"""

from __future__ import annotations


class NumcheckError(Exception):
    """A mistake in the user's input, configuration or invocation (exit 2)."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    @property
    def where(self) -> str:
        """``path:line`` (or just ``path``) naming the culprit, empty when unknown."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InputError(NumcheckError):
    """An article that cannot be read: binary, not UTF-8, malformed front matter."""


class ConfigError(NumcheckError):
    """A rule file that cannot be used: broken YAML, unknown key, bad expression."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        rule: str | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(message, path=path, line=line)
        self.rule = rule
        self.key = key

    def __str__(self) -> str:
        parts = []
        if self.rule:
            parts.append(f"rule '{self.rule}'")
        if self.key:
            parts.append(f"key '{self.key}'")
        detail = f"{', '.join(parts)}: " if parts else ""
        text = f"{detail}{self.message}"
        return f"{self.where}: {text}" if self.where else text


class UsageError(NumcheckError):
    """A command line that asks for something impossible."""
