"""--format html: one self-contained audit page (no scripts, no external files).

The summary first (findings per pack as a bar chart, per rule, the worst files), then a
table per folder with the share of files without errors, then every file with its
findings; each file name links to its findings.
"""

from __future__ import annotations

from html import escape

from kommlint import __version__
from kommlint.document import FileResult, Report
from kommlint.report import ReportOptions
from kommlint.report.summary import AuditSummary, summarise
from kommlint.report.terminal import describe_location, lix_band

TEXT = {
    "sv": {
        "title": "kommlint – granskningsrapport",
        "files": "Filer",
        "checked": "granskade",
        "unreadable": "kunde inte läsas",
        "per_pack": "Anmärkningar per regelpaket",
        "per_rule": "Anmärkningar per regel",
        "worst": "Filer med flest anmärkningar",
        "folders": "Mappar",
        "folder": "Mapp",
        "without_errors": "Utan fel",
        "file": "Fil",
        "findings": "Anmärkningar",
        "rule": "Regel",
        "count": "Antal",
        "severity": "Nivå",
        "where": "Var",
        "message": "Anmärkning",
        "suggestion": "Förslag",
        "none": "Inga anmärkningar.",
        "error": "fel",
        "warning": "varning",
        "info": "info",
        "weight": "Tyngd",
        "read_error": "Kunde inte läsas",
    },
    "en": {
        "title": "kommlint – audit report",
        "files": "Files",
        "checked": "checked",
        "unreadable": "could not be read",
        "per_pack": "Findings per rule pack",
        "per_rule": "Findings per rule",
        "worst": "Files with the most findings",
        "folders": "Folders",
        "folder": "Folder",
        "without_errors": "Without errors",
        "file": "File",
        "findings": "Findings",
        "rule": "Rule",
        "count": "Count",
        "severity": "Severity",
        "where": "Where",
        "message": "Finding",
        "suggestion": "Suggestion",
        "none": "No findings.",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "weight": "Weight",
        "read_error": "Could not be read",
    },
}

STYLE = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem;color:#1b1b1b;
max-width:1200px}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #0d4f55}
h3{font-size:1.05rem;margin-bottom:.3rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f6f6}.num{text-align:right}
.error{color:#b00020;font-weight:600}.warning{color:#8a5a00}.info{color:#005a87}
.match{background:#fff2a8;font-weight:600}.dim{color:#666}
.bar{fill:#0d4f55}.chart text{font-size:12px}
"""


def _severity(value: str, words: dict) -> str:
    return f'<span class="{value}">{escape(words[value])}</span>'


def _anchor(index: int) -> str:
    return f"fil-{index}"


def _chart(summary: AuditSummary) -> str:
    items = summary.by_pack.most_common()
    if not items:
        return ""
    top = max(count for _, count in items)
    row, label_w, bar_w = 22, 110, 420
    height = row * len(items) + 4
    parts = [f'<svg class="chart" width="{label_w + bar_w + 60}" height="{height}" role="img">']
    for i, (pack, count) in enumerate(items):
        y = i * row + 2
        width = max(2, round(bar_w * count / top))
        parts.append(f'<text x="0" y="{y + 14}">{escape(pack)}</text>')
        parts.append(f'<rect class="bar" x="{label_w}" y="{y}" width="{width}" height="16"/>')
        parts.append(f'<text x="{label_w + width + 6}" y="{y + 14}">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _finding_rows(result: FileResult, words: dict, lang: str) -> str:
    rows = []
    for f in result.findings:
        message = escape(f.message)
        context = ""
        if f.context and f.context_start is not None and f.location.start is not None:
            s = f.location.start - f.context_start
            e = (f.location.end or f.location.start) - f.context_start
            if 0 <= s <= e <= len(f.context):
                context = (
                    f'<br><span class="dim">«{escape(f.context[:s])}'
                    f'<span class="match">{escape(f.context[s:e])}</span>'
                    f"{escape(f.context[e:])}»</span>"
                )
        rows.append(
            f"<tr><td>{_severity(f.severity.value, words)}</td><td>{escape(f.rule)}</td>"
            f"<td>{escape(describe_location(f.location, lang))}</td>"
            f"<td>{message}{context}</td><td>{escape(f.suggestion or '')}</td></tr>"
        )
    return "".join(rows)


def render(report: Report, options: ReportOptions) -> str:
    lang = options.lang
    words = TEXT[lang]
    summary = summarise(report)
    index_of = {id(r): i for i, r in enumerate(report.files)}
    totals = report.summary()
    out = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(words['title'])}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(words['title'])}</h1>",
        f"<p>{words['files']}: {totals['files']} · {totals['checked']} {words['checked']}"
        f" · {totals['errors']} {words['unreadable']} · "
        f"{_severity('error', words)} {totals['findings']['error']} · "
        f"{_severity('warning', words)} {totals['findings']['warning']} · "
        f"{_severity('info', words)} {totals['findings']['info']}"
        f' <span class="dim">(kommlint {__version__})</span></p>',
    ]
    if summary.by_pack:
        out.append(f"<h2>{words['per_pack']}</h2>{_chart(summary)}")
        out.append(
            f"<h2>{words['per_rule']}</h2><table><tr><th>{words['rule']}</th>"
            f"<th>{words['severity']}</th><th class='num'>{words['count']}</th></tr>"
        )
        for rule, count in summary.by_rule.most_common():
            out.append(
                f"<tr><td>{escape(rule)}</td>"
                f"<td>{_severity(summary.rule_severity[rule], words)}</td>"
                f"<td class='num'>{count}</td></tr>"
            )
        out.append("</table>")
        out.append(
            f"<h2>{words['worst']}</h2><table><tr><th>{words['file']}</th>"
            f"<th class='num'>{words['findings']}</th><th class='num'>{words['weight']}</th></tr>"
        )
        for result, weight in summary.worst:
            out.append(
                f"<tr><td><a href='#{_anchor(index_of[id(result)])}'>{escape(result.path)}</a>"
                f"</td><td class='num'>{len(result.findings)}</td>"
                f"<td class='num'>{weight}</td></tr>"
            )
        out.append("</table>")
    out.append(f"<h2>{words['folders']}</h2>")
    for folder in summary.folders:
        share = folder.share_without_errors
        share_text = "–" if share is None else f"{share:.0%}"
        out.append(
            f"<h3>{escape(folder.folder)}</h3><p>{words['without_errors']}: "
            f"{folder.without_errors}/{folder.checked} ({share_text})</p>"
            f"<table><tr><th>{words['file']}</th><th class='num'>{words['findings']}</th>"
            f"<th>LIX</th></tr>"
        )
        for result in folder.files:
            lix = (result.metrics or {}).get("lix")
            lix_text = f"{lix:.0f} ({lix_band(lix, lang)})" if lix is not None else ""
            status = (
                f"<span class='error'>{words['read_error']}</span>"
                if result.status == "error"
                else str(len(result.findings))
            )
            out.append(
                f"<tr><td><a href='#{_anchor(index_of[id(result)])}'>{escape(result.path)}</a>"
                f"</td><td class='num'>{status}</td><td>{escape(lix_text)}</td></tr>"
            )
        out.append("</table>")
    out.append(f"<h2>{words['findings']}</h2>")
    for i, result in enumerate(report.files):
        if result.status == "skipped":
            continue
        out.append(f"<h3 id='{_anchor(i)}'>{escape(result.path)}</h3>")
        if result.status == "error" and result.error:
            message = result.error.message if lang == "sv" else result.error.message_en
            out.append(
                f"<p class='error'>{words['read_error']}: {escape(message)} "
                f"[{escape(result.error.code)}]</p>"
            )
        elif not result.findings:
            out.append(f"<p>{words['none']}</p>")
        else:
            out.append(
                f"<table><tr><th>{words['severity']}</th><th>{words['rule']}</th>"
                f"<th>{words['where']}</th><th>{words['message']}</th>"
                f"<th>{words['suggestion']}</th></tr>{_finding_rows(result, words, lang)}</table>"
            )
    out.append("</body></html>\n")
    return "\n".join(out)
