"""Reporters turn a Report into output. They know Findings and nothing about rules.

Each reporter is a module with `render(report, options) -> str` (a whole document such as
JSON), registered here by its --format name.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

REPORTERS: dict[str, str] = {
    "text": "kommlint.report.terminal",
    "json": "kommlint.report.json",
}


@dataclass(frozen=True)
class ReportOptions:
    lang: str = "sv"
    color: bool = False
    width: int | None = None
    fail_on: str = "error"
    verbose: bool = False


def reporter(name: str):
    return importlib.import_module(REPORTERS[name])
