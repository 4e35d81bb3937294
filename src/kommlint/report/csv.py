"""--format csv: one row per finding (and one per unreadable file), for spreadsheets."""

from __future__ import annotations

import csv
import io

from kommlint.document import Report
from kommlint.report import ReportOptions

COLUMNS = [
    "path",
    "format",
    "status",
    "rule",
    "pack",
    "severity",
    "message",
    "match",
    "suggestion",
    "part",
    "page",
    "paragraph",
    "start",
    "end",
    "error_code",
]


def render(report: Report, options: ReportOptions) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for result in report.files:
        if result.status == "error" and result.error:
            message = result.error.message if options.lang == "sv" else result.error.message_en
            writer.writerow(
                [result.path, result.format or "", "error", "", "", "", message]
                + [""] * 7
                + [result.error.code]
            )
            continue
        for finding in result.findings:
            loc = finding.location
            writer.writerow(
                [
                    result.path,
                    result.format or "",
                    result.status,
                    finding.rule,
                    finding.pack,
                    finding.severity.value,
                    finding.message,
                    finding.match or "",
                    finding.suggestion or "",
                    loc.part.value,
                    "" if loc.page is None else loc.page,
                    "" if loc.paragraph is None else loc.paragraph,
                    "" if loc.start is None else loc.start,
                    "" if loc.end is None else loc.end,
                    "",
                ]
            )
    return buffer.getvalue()
