"""--format text: a report for people, grouped per file, in Swedish (or English).

Colours on a terminal, plain text otherwise (and when NO_COLOR is set). Findings of the
same rule about the same words in one file are shown once, with the other places listed,
so that a bureaucratic text gives help rather than noise.
"""

from __future__ import annotations

import io
from collections import OrderedDict

from rich.console import Console
from rich.text import Text

from kommlint.document import FileResult, Finding, Location, Part, Report
from kommlint.report import ReportOptions

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_WORD = {
    "sv": {"error": "fel", "warning": "varning", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
PART_WORDS = {
    "sv": {
        Part.BODY: "",
        Part.HEADER: "sidhuvud",
        Part.FOOTER: "sidfot",
        Part.TABLE: "tabell",
        Part.CAPTION: "bildtext",
        Part.METADATA: "metadata",
        Part.IMAGE: "bild",
        Part.OCR: "text i bild",
        Part.DOCUMENT: "hela dokumentet",
    },
    "en": {
        Part.BODY: "",
        Part.HEADER: "header",
        Part.FOOTER: "footer",
        Part.TABLE: "table",
        Part.CAPTION: "caption",
        Part.METADATA: "metadata",
        Part.IMAGE: "image",
        Part.OCR: "text in image",
        Part.DOCUMENT: "whole document",
    },
}
# LIX bands of scale B in klarsprak.md 2.3 (lix.se), the scale the klarsprak pack's
# messages use (kommlint.language.readability.lix_label).
LIX_BANDS = {
    "sv": [
        (30, "mycket lätt"),
        (40, "lätt"),
        (50, "medelsvår"),
        (60, "svår"),
        (float("inf"), "mycket svår, byråkratisk"),
    ],
    "en": [
        (30, "very easy"),
        (40, "easy"),
        (50, "medium"),
        (60, "hard"),
        (float("inf"), "very hard, bureaucratic"),
    ],
}
WORDS = {
    "sv": {
        "page": "sida",
        "pages": "sidor",
        "paragraph": "stycke",
        "words": "ord",
        "suggestion": "Förslag",
        "also": "Samma sak på",
        "more": "fler ställen",
        "ok": "Inga anmärkningar.",
        "summary": "Sammanfattning",
        "files": "filer",
        "file": "fil",
        "checked": "kontrollerade",
        "unreadable": "kunde inte läsas",
        "skipped": "hoppades över",
        "read_error": "Kunde inte läsas",
        "audit": "Översikt",
        "per_pack": "Per regelpaket",
        "per_rule": "Vanligaste reglerna",
        "folders": "Mappar (andel filer utan fel)",
        "worst": "Filer med flest anmärkningar",
        "findings": "anmärkningar",
        "finding": "anmärkning",
    },
    "en": {
        "page": "page",
        "pages": "pages",
        "paragraph": "paragraph",
        "words": "words",
        "suggestion": "Suggestion",
        "also": "Also at",
        "more": "more places",
        "ok": "No findings.",
        "summary": "Summary",
        "files": "files",
        "file": "file",
        "checked": "checked",
        "unreadable": "could not be read",
        "skipped": "skipped",
        "read_error": "Could not be read",
        "audit": "Overview",
        "per_pack": "Per rule pack",
        "per_rule": "Most frequent rules",
        "folders": "Folders (share of files without errors)",
        "worst": "Files with the most findings",
        "findings": "findings",
        "finding": "finding",
    },
}
AUDIT_MIN_FILES = 3
AUDIT_TOP = 5
MAX_PLACES_LISTED = 6


def lix_band(lix: float, lang: str = "sv") -> str:
    for limit, word in LIX_BANDS[lang]:
        if lix < limit:
            return word
    return LIX_BANDS[lang][-1][1]


def describe_location(location: Location, lang: str = "sv") -> str:
    """The location in words: "sida 3, stycke 2", "sidhuvud, sida 1", "metadata"."""
    words = WORDS[lang]
    pieces = []
    part_word = PART_WORDS[lang][location.part]
    if part_word:
        pieces.append(part_word)
    if location.page is not None:
        pieces.append(f"{words['page']} {location.page}")
    if location.part not in (Part.DOCUMENT, Part.METADATA, Part.IMAGE):
        number = location.ordinal or (
            location.paragraph + 1 if location.paragraph is not None else None
        )
        if number is not None:
            pieces.append(f"{words['paragraph']} {number}")
    return ", ".join(pieces) or PART_WORDS[lang][Part.DOCUMENT]


def _group(findings: list[Finding]) -> list[list[Finding]]:
    """Findings with the same rule, message and matched words, kept in first-seen order."""
    groups: OrderedDict[tuple, list[Finding]] = OrderedDict()
    for finding in findings:
        key = (finding.rule, finding.message, (finding.match or "").lower(), finding.suggestion)
        if finding.match is None and finding.location.part == Part.DOCUMENT:
            key = (*key, id(finding))
        groups.setdefault(key, []).append(finding)
    return list(groups.values())


def _context_line(finding: Finding) -> Text | None:
    if not finding.context or finding.context_start is None or finding.location.start is None:
        return None
    context = finding.context
    start = finding.location.start - finding.context_start
    end = (finding.location.end or finding.location.start) - finding.context_start
    if not (0 <= start <= end <= len(context)):
        return None
    # Long sentences are cut around the match so the line stays readable.
    window = 90
    left = max(0, start - window)
    right = min(len(context), end + window)
    line = Text("    ")
    line.append("«" + ("…" if left else ""), style="dim")
    line.append(context[left:start])
    line.append(context[start:end], style="bold reverse")
    line.append(context[end:right])
    line.append(("…" if right < len(context) else "") + "»", style="dim")
    return line


def _file_header(result: FileResult, lang: str) -> Text:
    words = WORDS[lang]
    header = Text(result.path, style="bold underline")
    facts = []
    if result.format:
        facts.append(result.format)
    if result.pages:
        facts.append(f"{result.pages} {words['pages'] if result.pages != 1 else words['page']}")
    metrics = result.metrics or {}
    if metrics.get("words"):
        facts.append(f"{metrics['words']} {words['words']}")
    if metrics.get("lix") is not None:
        facts.append(f"LIX {metrics['lix']:.0f} ({lix_band(metrics['lix'], lang)})")
    if facts:
        header.append("  " + " · ".join(facts), style="dim")
    return header


def _render_file(console: Console, result: FileResult, options: ReportOptions) -> None:
    lang = options.lang
    words = WORDS[lang]
    console.print(_file_header(result, lang))
    if result.status == "error" and result.error:
        line = Text("  ✖ ", style="bold red")
        line.append(f"{words['read_error']}: ", style="bold red")
        message = result.error.message if lang == "sv" else result.error.message_en
        line.append(f"{message} [{result.error.code}]")
        console.print(line)
        console.print()
        return
    if not result.findings:
        console.print(Text("  ✔ " + words["ok"], style="green"))
        console.print()
        return
    for group in _group(result.findings):
        first = group[0]
        severity = first.severity.value
        head = Text("  ")
        head.append(f"{SEVERITY_WORD[lang][severity]:<8}", style=SEVERITY_STYLE[severity])
        head.append(f"{first.rule:<8}", style="bold")
        head.append(describe_location(first.location, lang), style="blue")
        console.print(head)
        console.print(Text("    " + first.message))
        context = _context_line(first)
        if context is not None:
            console.print(context)
        if first.suggestion:
            line = Text(f"    {words['suggestion']}: ", style="dim")
            line.append(first.suggestion, style="green")
            console.print(line)
        if len(group) > 1:
            places = [describe_location(f.location, lang) for f in group[1:]]
            shown = "; ".join(places[:MAX_PLACES_LISTED])
            if len(places) > MAX_PLACES_LISTED:
                shown += f" (+{len(places) - MAX_PLACES_LISTED} {words['more']})"
            console.print(Text(f"    {words['also']}: {shown}", style="dim"))
    console.print()


def _render_audit(console: Console, report: Report, lang: str) -> None:
    """For runs over many files: where the findings are, before the closing line."""
    from kommlint.report.summary import summarise

    words = WORDS[lang]
    summary = summarise(report, worst=AUDIT_TOP)
    if not summary.by_rule:
        return
    console.print(Text(words["audit"], style="bold underline"))
    if summary.by_pack:
        packs = ", ".join(f"{pack} {count}" for pack, count in summary.by_pack.most_common())
        console.print(Text(f"  {words['per_pack']}: {packs}"))
        rules = ", ".join(
            f"{rule} {count}" for rule, count in summary.by_rule.most_common(AUDIT_TOP * 2)
        )
        console.print(Text(f"  {words['per_rule']}: {rules}"))
    if len(summary.folders) > 1:
        console.print(Text(f"  {words['folders']}:"))
        for folder in summary.folders:
            share = folder.share_without_errors
            share_text = "–" if share is None else f"{share:.0%}"
            console.print(
                Text(
                    f"    {folder.folder}: {folder.without_errors}/{folder.checked} ({share_text})"
                )
            )
    if summary.worst:
        console.print(Text(f"  {words['worst']}:"))
        for result, _ in summary.worst:
            count = len(result.findings)
            noun = words["findings"] if count != 1 else words["finding"]
            console.print(Text(f"    {result.path} ({count} {noun})"))
    console.print()


def summary_line(report: Report, lang: str) -> Text:
    words = WORDS[lang]
    summary = report.summary()
    counts = summary["findings"]
    line = Text(f"{words['summary']}: ", style="bold")
    n = summary["files"]
    line.append(f"{n} {words['files'] if n != 1 else words['file']}, ")
    checked_word = words["checked"]
    if lang == "sv" and summary["checked"] == 1:
        checked_word = "kontrollerad"
    line.append(f"{summary['checked']} {checked_word}")
    if summary["errors"]:
        line.append(f", {summary['errors']} {words['unreadable']}", style="bold red")
    skipped = sum(1 for r in report.files if r.status == "skipped")
    if skipped:
        line.append(f", {skipped} {words['skipped']}")
    line.append(" — ")
    parts = []
    for severity in ("error", "warning", "info"):
        label = SEVERITY_WORD[lang][severity]
        if lang == "sv" and counts[severity] != 1:
            label = {"fel": "fel", "varning": "varningar", "info": "info"}[label]
        elif lang == "en" and counts[severity] != 1 and severity != "info":
            label += "s"
        parts.append((f"{counts[severity]} {label}", SEVERITY_STYLE[severity]))
    for i, (text, style) in enumerate(parts):
        line.append(text, style=style if counts[("error", "warning", "info")[i]] else "")
        if i < len(parts) - 1:
            line.append(", ")
    return line


def make_console(options: ReportOptions, file=None) -> Console:
    return Console(
        file=file,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="auto" if options.color else None,
        width=options.width or (None if options.color else 1000),
        highlight=False,
        emoji=False,
        # Long lines are left to the terminal (or the file) rather than cut into pieces.
        soft_wrap=True,
    )


def render(report: Report, options: ReportOptions) -> str:
    buffer = io.StringIO()
    console = make_console(options, buffer)
    for result in report.files:
        if result.status == "skipped" and not options.verbose:
            continue
        _render_file(console, result, options)
    if sum(1 for r in report.files if r.status != "skipped") >= AUDIT_MIN_FILES:
        _render_audit(console, report, options.lang)
    console.print(summary_line(report, options.lang))
    return buffer.getvalue()
