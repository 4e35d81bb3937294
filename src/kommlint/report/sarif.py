"""--format sarif: SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, Azure DevOps).

One run; `tool.driver.rules` describes the rules that ran (from ReportOptions.rules, built
by the caller: reporters never import the rule engine) plus any rule a finding names. Each
finding is a result with a physical location:

- text and Markdown files: a real region (line, column, character offset and length);
- PDF, DOCX and images have no lines: the region is line 1 (GitHub code scanning requires
  `region.startLine`), the message ends with the page and paragraph, and the location's
  properties carry part, page, paragraph, block offsets and bbox.

Files that could not be read are `toolExecutionNotifications` of the invocation. Each result
has a `partialFingerprints` entry built like the baseline fingerprints (no offsets).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kommlint import __version__
from kommlint.baseline import fingerprint
from kommlint.document import FileResult, Finding, Report
from kommlint.report import ReportOptions, RuleMeta
from kommlint.report.source import SourceText, artifact_path, describe_location

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


def _text(value: str) -> dict[str, str]:
    return {"text": value}


def _artifact(path: str) -> dict[str, str]:
    shown = artifact_path(path)
    if shown == "-":
        return {"uri": "stdin"}
    if Path(shown).is_absolute():
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown, safe="/"), "uriBaseId": SRCROOT}


def _rule_descriptor(meta: RuleMeta, lang: str) -> dict[str, Any]:
    summary = meta.summary or meta.id
    help_text = meta.rationale or summary
    if meta.source:
        help_text += f"\n\n{'Source' if lang == 'en' else 'Källa'}: {meta.source}"
    descriptor: dict[str, Any] = {
        "id": meta.id,
        "shortDescription": _text(summary),
        "fullDescription": _text(meta.rationale or summary),
        "help": _text(help_text),
        "defaultConfiguration": {"level": LEVELS.get(meta.severity, "warning")},
        "properties": {"pack": meta.pack, "tags": [meta.pack] if meta.pack else []},
    }
    if meta.name:
        descriptor["name"] = meta.name
    return descriptor


def _location_properties(finding: Finding) -> dict[str, Any]:
    return {k: v for k, v in finding.location.to_dict().items() if v is not None}


def _result(
    finding: Finding,
    result: FileResult,
    source: SourceText | None,
    rule_index: int,
    lang: str,
) -> dict[str, Any]:
    message = finding.message.rstrip()
    if finding.suggestion and finding.suggestion not in message:
        message += f" ({'Suggestion' if lang == 'en' else 'Förslag'}: {finding.suggestion})"
    span = source.span(finding) if source else None
    region: dict[str, Any]
    if span is not None:
        region = {
            "startLine": span.line,
            "startColumn": span.column,
            "endLine": span.end_line,
            "endColumn": span.end_column,
            "charOffset": span.offset,
            "charLength": span.length,
        }
        if finding.match:
            region["snippet"] = _text(finding.match)
    else:
        region = {"startLine": 1}
        where = describe_location(finding, lang)
        if where and source is None:
            message += f" [{where}]"
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity.value],
        "message": _text(message),
        "locations": [
            {
                "physicalLocation": {"artifactLocation": _artifact(result.path), "region": region},
                "properties": _location_properties(finding),
            }
        ],
        "partialFingerprints": {"kommlint/v1": fingerprint(finding, artifact_path(result.path))},
        "properties": {"pack": finding.pack, "severity": finding.severity.value},
    }


def sarif_dict(report: Report, options: ReportOptions) -> dict[str, Any]:
    lang = options.lang
    metas: dict[str, RuleMeta] = {}
    for meta in options.rules:
        metas.setdefault(meta.id, meta)
    for finding in report.findings:  # a rule with findings must be described even without meta
        if finding.rule not in metas:
            metas[finding.rule] = RuleMeta(
                id=finding.rule, pack=finding.pack, severity=finding.severity.value
            )
    index = {rule_id: i for i, rule_id in enumerate(metas)}

    results = []
    notifications = []
    for result in report.files:
        if result.status == "error" and result.error is not None:
            error = result.error
            notifications.append(
                {
                    "level": "error",
                    "message": _text(error.message_en if lang == "en" else error.message),
                    "descriptor": {"id": error.code},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": _artifact(result.path)}}
                    ],
                }
            )
            continue
        if result.status == "skipped":
            if options.verbose and result.error is not None:
                notifications.append(
                    {
                        "level": "note",
                        "message": _text(
                            result.error.message_en if lang == "en" else result.error.message
                        ),
                        "descriptor": {"id": result.error.code},
                        "locations": [
                            {"physicalLocation": {"artifactLocation": _artifact(result.path)}}
                        ],
                    }
                )
            continue
        source = SourceText.load(result) if result.findings else None
        for finding in sorted(result.findings, key=Finding.sort_key):
            results.append(_result(finding, result, source, index[finding.rule], lang))

    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "kommlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "language": "en-US" if lang == "en" else "sv-SE",
                        "rules": [_rule_descriptor(m, lang) for m in metas.values()],
                    }
                },
                "invocations": [invocation],
                "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(report: Report, options: ReportOptions) -> str:
    return json.dumps(sarif_dict(report, options), ensure_ascii=False, indent=2) + "\n"
