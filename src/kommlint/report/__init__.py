"""Reporters turn a Report into output. They know Findings and nothing about rules.

Each reporter is a module with `render(report, options) -> str` (a whole document such as
JSON), registered here by its --format name.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

REPORTERS: dict[str, str] = {
    "text": "kommlint.report.terminal",
    "json": "kommlint.report.json",
    "sarif": "kommlint.report.sarif",
    "junit": "kommlint.report.junit",
    "github": "kommlint.report.github",
    "csv": "kommlint.report.csv",
    "html": "kommlint.report.html",
}


@dataclass(frozen=True)
class RuleMeta:
    """What a reporter may say about a rule (SARIF tool.driver.rules), built by the caller.

    Reporters never import the rule engine: the CLI (or the API) passes these in
    ReportOptions.rules. `from_rule` reads the attributes of a loaded rule by name.
    """

    id: str
    name: str = ""
    pack: str = ""
    severity: str = "warning"
    summary: str = ""
    rationale: str = ""
    source: str = ""

    @classmethod
    def from_rule(cls, rule: Any, lang: str = "sv", severity: str | None = None) -> RuleMeta:
        en = lang == "en"
        summary = (getattr(rule, "summary_en", "") if en else "") or rule.summary
        rationale = (getattr(rule, "rationale_en", "") if en else "") or rule.rationale
        level = severity or getattr(rule.severity, "value", rule.severity)
        return cls(
            id=rule.id,
            name=rule.name,
            pack=rule.pack,
            severity=str(level),
            summary=summary,
            rationale=rationale,
            source=getattr(rule, "source", "") or "",
        )


def rule_metas(settings: Any) -> tuple[RuleMeta, ...]:
    """RuleMeta for the enabled rules of a resolved checker.Settings (duck-typed)."""
    overrides = settings.config.severity
    return tuple(
        RuleMeta.from_rule(
            rule,
            settings.lang,
            getattr(overrides.get(rule.id), "value", None),
        )
        for rule in settings.rules
    )


@dataclass(frozen=True)
class ReportOptions:
    lang: str = "sv"
    color: bool = False
    width: int | None = None
    fail_on: str = "error"
    verbose: bool = False
    # Metadata of the rules that ran (RuleMeta), for formats that describe rules (SARIF).
    rules: tuple = ()


def reporter(name: str):
    return importlib.import_module(REPORTERS[name])
