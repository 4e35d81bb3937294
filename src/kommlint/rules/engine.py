"""Run the selected rules over an analysed document."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from kommlint.document import Document, Finding, Severity
from kommlint.language import DocumentLanguage
from kommlint.rules.context import RuleContext
from kommlint.rules.kinds import KINDS
from kommlint.rules.model import Rule


def run_rules(
    document: Document,
    rules: Iterable[Rule],
    *,
    lang: str = "sv",
    rule_options: dict[str, dict[str, Any]] | None = None,
    severities: dict[str, Severity] | None = None,
    language: DocumentLanguage | None = None,
) -> list[Finding]:
    """Every finding of every rule on the document, in reading order."""
    language = language or document.annotations.get("language") or DocumentLanguage(document)
    document.annotations["language"] = language
    rule_options = rule_options or {}
    severities = severities or {}
    findings: list[Finding] = []
    # Seconds per rule kind, for the benchmark's "where the time goes".
    timings: dict[str, float] = document.annotations.setdefault("rule_seconds", {})
    for rule in rules:
        started = time.perf_counter()
        ctx = RuleContext(rule, document, language, lang, rule_options.get(rule.id))
        kind = KINDS.get(rule.kind)
        for finding in kind.run(rule, ctx):
            if rule.id in severities:
                finding.severity = severities[rule.id]
            findings.append(finding)
        timings[rule.kind] = timings.get(rule.kind, 0.0) + time.perf_counter() - started
    findings.sort(key=Finding.sort_key)
    return findings
