"""--format github: GitHub Actions workflow commands, one annotation per finding.

    ::error file=docs/brev.md,line=3,col=12,endColumn=20,title=KLR012::Byt 'erhålla' mot 'få'.

Severity error -> ::error, warning -> ::warning, info -> ::notice. Text and Markdown files
get a line and columns; PDF, DOCX and images get a file annotation whose message names the
page and paragraph. A file that could not be read is an ::error titled with its error code.
"""

from __future__ import annotations

from kommlint.document import Finding, Report
from kommlint.report import ReportOptions
from kommlint.report.source import SourceText, artifact_path, describe_location

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, message: str, **properties: object) -> str:
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None
    )
    head = f"::{command} {props}" if props else f"::{command}"
    return f"{head}::{escape_data(message)}"


def render(report: Report, options: ReportOptions) -> str:
    en = options.lang == "en"
    lines = []
    for result in report.files:
        path = artifact_path(result.path)
        if result.status == "error" and result.error is not None:
            message = result.error.message_en if en else result.error.message
            title = f"kommlint: {result.error.code}"
            lines.append(annotation("error", message, file=path, title=title))
            continue
        source = SourceText.load(result) if result.findings else None
        for finding in sorted(result.findings, key=Finding.sort_key):
            message = finding.message.rstrip()
            if finding.suggestion and finding.suggestion not in message:
                message += f" ({'Suggestion' if en else 'Förslag'}: {finding.suggestion})"
            span = source.span(finding) if source else None
            props: dict[str, object] = {"file": path}
            if span is not None:
                props.update(line=span.line, col=span.column)
                if span.end_line == span.line:
                    props["endColumn"] = span.end_column
                else:
                    props["endLine"] = span.end_line
            else:
                where = describe_location(finding, options.lang)
                if where:
                    message += f" [{where}]"
            props["title"] = finding.rule
            lines.append(annotation(COMMANDS[finding.severity.value], message, **props))
    counts = report.summary()["findings"]
    if en:
        lines.append(
            f"kommlint: {counts['error']} errors, {counts['warning']} warnings, "
            f"{counts['info']} info in {len(report.files)} files"
        )
    else:
        lines.append(
            f"kommlint: {counts['error']} fel, {counts['warning']} varningar, "
            f"{counts['info']} info i {len(report.files)} filer"
        )
    return "\n".join(lines) + "\n"
