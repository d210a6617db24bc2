"""Writing reports: atomically, so a failed run never leaves a truncated file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from claims.errors import UsageError


def write_output(content: str | bytes, destination: str | None) -> None:
    """Write ``content`` to ``destination`` (a path) or to standard output when None or "-".

    A file is written to a temporary sibling and renamed over the target, so readers
    see either the old report or the complete new one.
    """
    if destination in (None, "-"):
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(content)
            sys.stdout.flush()
        return
    target = Path(destination)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise UsageError(
            f"cannot write report: folder {directory} does not exist", path=str(target)
        )
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise UsageError(
            f"cannot write report: {error.strerror or error}", path=str(target)
        ) from None
