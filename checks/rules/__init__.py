"""What a rule file is (``model``), how one is read (``load``), and shared option parsers.

No pandas here. ``load_rule_file``, ``load_rule_text`` and ``default_rule_path`` are
imported on first use so that importing the model stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "load_rule_file": "checks.rules.load",
    "load_rule_text": "checks.rules.load",
    "default_rule_path": "checks.rules.load",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'checks.rules' has no attribute {name!r}")
