"""--format json: the version 1 contract of DESIGN.md (schema: schemas/report-v1.json)."""

from __future__ import annotations

import json
from typing import Any

from kommlint.document import FileResult, Report
from kommlint.report import ReportOptions

VERSION = 1


def file_dict(result: FileResult, lang: str = "sv") -> dict[str, Any]:
    return {
        "path": result.path,
        "format": result.format,
        "status": result.status,
        "error": result.error.to_dict(lang) if result.error else None,
        "metrics": result.metrics,
        "findings": [f.to_dict() for f in result.findings],
    }


def report_dict(report: Report, lang: str = "sv") -> dict[str, Any]:
    return {
        "version": VERSION,
        "files": [file_dict(r, lang) for r in report.files],
        "summary": report.summary(),
    }


def render(report: Report, options: ReportOptions) -> str:
    return json.dumps(report_dict(report, options.lang), ensure_ascii=False, indent=2) + "\n"
