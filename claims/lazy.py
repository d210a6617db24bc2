"""Package attributes imported on first use, so that importing a package stays cheap.

``numcheck --help`` must not load pandas, pint or sympy (start-up time); packages
export their public names through :func:`lazy_exports` instead of importing them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``exports[name]`` (a module path) on demand."""

    def attribute(name: str) -> Any:
        if name in exports:
            return getattr(importlib.import_module(exports[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return attribute
