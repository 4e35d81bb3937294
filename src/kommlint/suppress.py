"""Accepting findings per document: sidecar files and markers inside the document.

Three ways, all read-only (the document itself is never changed by kommlint):

1. A sidecar file next to the document, named after it plus `.kommlint-ignore`
   (`broschyr.pdf.kommlint-ignore`). One entry per line, `#` starts a comment:

       KLR012                 # the rule, anywhere in this document
       KLR012 erhåller        # only where the matched text is "erhåller"
       SND                    # a prefix or a pack name accepts all its rules

2. A `.kommlint-ignore` file in the document's folder, for several files at once:

       broschyr.pdf: KLR012 SND001   # glob relative to this folder, then selectors
       arkiv/*.pdf: LOGO

3. A marker in the document: the text `kommlint: ignore KLR012` (several ids or prefixes
   may follow, separated by spaces or commas) in a DOCX comment or in the DOCX document
   properties (Comments field), or anywhere in a text or Markdown file (in Markdown, an HTML
   comment `<!-- kommlint: ignore KLR012 -->` keeps it out of the published page). A marker
   accepts the rules it names in the whole document. PDFs and images have no marker: use a
   sidecar file.
"""

from __future__ import annotations

import contextlib
import fnmatch
import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kommlint.document import FileResult, Finding, Report

SIDECAR_SUFFIX = ".kommlint-ignore"
FOLDER_FILE = ".kommlint-ignore"
# "kommlint: ignore" in any case, then ids (KLR012, klr012) or upper-case prefixes (KLR).
MARKER = re.compile(r"(?i:kommlint:\s*ignore)\b((?:[\s,]+(?:[A-Za-z]{2,5}\d{3}|[A-Z]{2,5})\b)+)")
_SELECTOR = re.compile(r"[A-Za-z]{2,5}(?:\d{3})?")
_DOCX_PARTS = ("word/comments.xml", "word/commentsExtended.xml", "docProps/core.xml")
_XML_TAG = re.compile(r"<[^>]+>")


if TYPE_CHECKING:
    from kommlint.baseline import Baseline


def selector_matches(selector: str, finding: Finding) -> bool:
    """An id (KLR012), an id prefix (KLR) or a pack name (klarsprak) matches the finding."""
    selector = selector.strip()
    rule = finding.rule
    if selector.upper() == rule or selector.lower() == finding.pack.lower():
        return True
    prefix = selector.upper()
    return prefix.isalpha() and rule.startswith(prefix) and rule[len(prefix) :].isdigit()


def _normal(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


@dataclass(frozen=True)
class Acceptance:
    """One accepted selector, optionally only for one matched text."""

    selector: str
    match: str | None = None
    source: str = ""

    def accepts(self, finding: Finding) -> bool:
        if not selector_matches(self.selector, finding):
            return False
        return self.match is None or _normal(self.match) == _normal(finding.match)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].strip() if "#" in line else line.strip()


def parse_sidecar(text: str, source: str = "") -> list[Acceptance]:
    accepted = []
    for line in text.splitlines():
        line = _strip_comment(line)
        if not line:
            continue
        selector, _, match = line.partition(" ")
        accepted.append(Acceptance(selector.rstrip(":,"), match.strip() or None, source))
    return accepted


def parse_folder_file(text: str, source: str = "") -> list[tuple[str, Acceptance]]:
    """Entries `glob: SELECTOR [SELECTOR...]` of a folder's .kommlint-ignore."""
    entries = []
    for line in text.splitlines():
        line = _strip_comment(line)
        if not line or ":" not in line:
            continue
        pattern, _, selectors = line.rpartition(":")
        for selector in re.split(r"[\s,]+", selectors.strip()):
            if selector:
                entries.append((pattern.strip(), Acceptance(selector, None, source)))
    return entries


def markers_in_text(text: str) -> list[str]:
    """The selectors named by `kommlint: ignore ...` markers in a text."""
    selectors = []
    for marker in MARKER.finditer(text):
        for token in _SELECTOR.findall(marker.group(1)):
            selectors.append(token.upper())
    return selectors


def document_markers(path: Path, fmt: str | None) -> list[str]:
    """Markers inside a document: text/Markdown anywhere, DOCX in comments and properties."""
    try:
        if fmt in ("text", "markdown"):
            data = path.read_bytes()
            if b"kommlint" not in data.lower():
                return []
            return markers_in_text(data.decode("utf-8", errors="replace"))
        if fmt == "docx":
            found = []
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                for name in _DOCX_PARTS:
                    if name in names:
                        xml = archive.read(name).decode("utf-8", errors="replace")
                        # Comment text may be split over runs: join the text of the part.
                        found += markers_in_text(_XML_TAG.sub("", xml.replace("</w:p>", "\n")))
            return found
    except (OSError, zipfile.BadZipFile, RuntimeError, ValueError):
        return []
    return []


@dataclass
class Suppressor:
    """Finds what is accepted for each file; folder files are read once per folder."""

    _folders: dict[Path, list[tuple[str, Acceptance]]] = field(default_factory=dict)

    def _folder_entries(self, folder: Path) -> list[tuple[str, Acceptance]]:
        if folder not in self._folders:
            path = folder / FOLDER_FILE
            try:
                text = path.read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""
            self._folders[folder] = parse_folder_file(text, str(path))
        return self._folders[folder]

    def acceptances(self, result: FileResult) -> list[Acceptance]:
        if result.path == "-" or result.status != "checked":
            return []
        path = Path(result.path)
        accepted: list[Acceptance] = []
        sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
        with contextlib.suppress(OSError, UnicodeDecodeError):
            accepted += parse_sidecar(sidecar.read_text("utf-8"), str(sidecar))
        for pattern, acceptance in self._folder_entries(path.parent):
            if fnmatch.fnmatch(path.name, pattern) or fnmatch.fnmatch(
                path.as_posix(), "*/" + pattern.lstrip("/")
            ):
                accepted.append(acceptance)
        accepted += [Acceptance(s, None, "marker") for s in document_markers(path, result.format)]
        return accepted

    def filter_result(self, result: FileResult) -> tuple[FileResult, int]:
        if not result.findings:
            return result, 0
        accepted = self.acceptances(result)
        if not accepted:
            return result, 0
        kept = [f for f in result.findings if not any(a.accepts(f) for a in accepted)]
        return replace(result, findings=kept), len(result.findings) - len(kept)


def apply(report: Report) -> tuple[Report, int]:
    """The report without the findings that sidecar files and markers accept."""
    suppressor = Suppressor()
    files, accepted = [], 0
    for result in report.files:
        kept, count = suppressor.filter_result(result)
        files.append(kept)
        accepted += count
    return Report(files), accepted


def accept(report: Report, baseline: Path | Baseline | None = None) -> tuple[Report, int]:
    """Sidecar files and markers, then the baseline (a loaded one, or a file to load,
    which raises BaselineError when it is invalid)."""
    report, accepted = apply(report)
    if baseline is not None:
        from kommlint.baseline import Baseline

        if not isinstance(baseline, Baseline):
            baseline = Baseline.load(baseline)
        report, more = baseline.filter(report)
        accepted += more
    return report, accepted
