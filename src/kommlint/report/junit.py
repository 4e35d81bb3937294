"""--format junit: JUnit XML for CI test reports (GitLab, Jenkins, Azure DevOps).

A <testsuite> per file and a <testcase> per finding (classname = the file, name = rule and
place). Findings at or above the fail level are <failure>s; those below it pass, with the
message in <system-out>, so that a CI page shows them without failing the job. A file with
no findings has one passing testcase; a file that could not be read has an <error>; a
skipped file (with --verbose) is <skipped>.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kommlint.document import FileResult, Finding, Report, Severity
from kommlint.report import ReportOptions
from kommlint.report.source import artifact_path, describe_location

# Characters XML 1.0 does not allow (control characters from DOCX/PDF text).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str | None) -> str:
    return _INVALID_XML.sub("\ufffd", text or "")


def _fails(finding: Finding, fail_on: str) -> bool:
    return fail_on != "never" and finding.severity.rank >= Severity(fail_on).rank


def _testcase_name(finding: Finding, lang: str) -> str:
    where = describe_location(finding, lang) or (
        "whole document" if lang == "en" else "hela dokumentet"
    )
    name = f"{finding.rule} {where}"
    if finding.match:
        name += f": {finding.match}"
    return name


def _details(finding: Finding, lang: str) -> str:
    lines = [finding.message]
    if finding.context:
        lines.append(f"«{finding.context.strip()}»")
    if finding.suggestion:
        lines.append(f"{'Suggestion' if lang == 'en' else 'Förslag'}: {finding.suggestion}")
    return "\n".join(_clean(line) for line in lines)


def _suite(result: FileResult, options: ReportOptions) -> ET.Element:
    path = artifact_path(result.path)
    suite = ET.Element("testsuite", name=_clean(path))
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}

    def case(name: str) -> ET.Element:
        counts["tests"] += 1
        return ET.SubElement(
            suite, "testcase", classname=_clean(path), name=_clean(name), file=path
        )

    if result.status in ("error", "skipped"):
        error = result.error
        message = ""
        if error is not None:
            message = error.message_en if options.lang == "en" else error.message
        testcase = case("read" if options.lang == "en" else "läsning")
        if result.status == "error":
            counts["errors"] += 1
            element = ET.SubElement(testcase, "error", message=_clean(message))
            element.set("type", error.code if error else "error")
        else:
            counts["skipped"] += 1
            ET.SubElement(testcase, "skipped", message=_clean(message))
    elif not result.findings:
        case("kommlint")
    for finding in sorted(result.findings, key=Finding.sort_key):
        testcase = case(_testcase_name(finding, options.lang))
        if _fails(finding, options.fail_on):
            counts["failures"] += 1
            failure = ET.SubElement(
                testcase, "failure", message=_clean(finding.message), type=finding.severity.value
            )
            failure.text = _details(finding, options.lang)
        else:
            out = ET.SubElement(testcase, "system-out")
            out.text = f"[{finding.severity.value}] " + _details(finding, options.lang)
    for key, value in counts.items():
        suite.set(key, str(value))
    return suite


def junit_element(report: Report, options: ReportOptions) -> ET.Element:
    root = ET.Element("testsuites", name="kommlint")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for result in report.files:
        suite = _suite(result, options)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    return root


def render(report: Report, options: ReportOptions) -> str:
    root = junit_element(report, options)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
