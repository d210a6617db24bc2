"""What a rule file is (``model``), how one is read (``load``), and shared option parsers.

No pandas here. ``load_rule_file``, ``load_rule_text`` and ``default_rule_path`` are
imported on first use so that importing the model stays cheap.
"""

from __future__ import annotations

from claims.lazy import lazy_exports

_EXPORTS = {
    "load_rule_file": "checks.rules.load",
    "load_rule_text": "checks.rules.load",
    "default_rule_path": "checks.rules.load",
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
