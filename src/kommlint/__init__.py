"""kommlint: a compliance linter for the outgoing communication of Stockholms stad."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "check", "check_text"]


def __getattr__(name: str) -> Any:
    # kommlint.check / kommlint.check_text load the checker on first use, so that
    # `import kommlint` (and `kommlint --version`) stays cheap.
    if name in ("check", "check_text"):
        from kommlint import api

        return getattr(api, name)
    raise AttributeError(f"module 'kommlint' has no attribute {name!r}")
