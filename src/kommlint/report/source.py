"""Where a finding sits in the source file, for formats that speak in lines (SARIF, GitHub).

Findings carry block-relative offsets (paragraph index + start/end in the block's text).
For plain text and Markdown the block is a run of lines of the file, so the offsets can be
turned into a line, a column and a character offset from the start of the file. For every
other format (PDF, DOCX, images) there are no lines: callers fall back to page/paragraph.

This reads the input file (read-only) once per file, and only for text and Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kommlint.document import FileResult, Finding

LINE_FORMATS = ("text", "markdown")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")  # the text reader's paragraph separator


@dataclass(frozen=True)
class Span:
    """A region of a text file: 1-based lines and columns, 0-based character offset."""

    line: int
    column: int
    end_line: int
    end_column: int  # the column of the character after the region (SARIF endColumn)
    offset: int
    length: int


class SourceText:
    """The text of one text/Markdown file and the spans of its paragraphs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs: list[tuple[int, int]] = []  # (start, end) of each non-empty one
        position = 0
        for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
            end = match.start() if match else len(text)
            raw = text[position:end]
            if raw.strip():
                start = position + len(raw) - len(raw.lstrip())
                self.paragraphs.append((start, position + len(raw.rstrip())))
            position = match.end() if match else end

    @classmethod
    def load(cls, result: FileResult) -> SourceText | None:
        if result.format not in LINE_FORMATS or result.path == "-":
            return None
        try:
            data = Path(result.path).read_bytes()
        except OSError:
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        return cls(text)

    def position(self, offset: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, offset) + 1
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, column

    def span_at(self, offset: int, length: int) -> Span:
        line, column = self.position(offset)
        end_line, end_column = self.position(offset + length)
        return Span(line, column, end_line, end_column, offset, length)

    def span(self, finding: Finding) -> Span | None:
        """The span of a finding's match, or of its paragraph; None for document findings."""
        loc = finding.location
        if loc.paragraph is None or not 0 <= loc.paragraph < len(self.paragraphs):
            return None
        start, end = self.paragraphs[loc.paragraph]
        if loc.start is None or loc.end is None:
            return self.span_at(start, end - start)
        length = loc.end - loc.start
        guess = start + loc.start
        match = finding.match
        if not match or self.text[guess : guess + length] == match:
            return self.span_at(guess, length)
        # The block text differs from the raw paragraph (a Markdown heading's "#", cleaned
        # whitespace): find the match in the paragraph, nearest to where it should be.
        found = [m.start() for m in re.finditer(re.escape(match), self.text[start:end])]
        if not found:
            return self.span_at(start, end - start)
        best = min(found, key=lambda f: abs(start + f - guess))
        return self.span_at(start + best, len(match))


def artifact_path(path: str) -> str:
    """The path as CI tools want it: relative to the working folder when inside it, POSIX."""
    if path == "-":
        return path
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            return candidate.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except (ValueError, OSError):
            return candidate.as_posix()
    return candidate.as_posix()


_WHERE = {
    "sv": {"page": "sida", "paragraph": "stycke", "document": "hela dokumentet"},
    "en": {"page": "page", "paragraph": "paragraph", "document": "whole document"},
}


def describe_location(finding: Finding, lang: str = "sv") -> str:
    """'sida 2, stycke 3 (sidfot)' for people; empty for a whole-document finding."""
    words = _WHERE["en" if lang == "en" else "sv"]
    loc = finding.location
    parts = []
    if loc.page is not None:
        parts.append(f"{words['page']} {loc.page}")
    number = loc.ordinal if loc.ordinal is not None else loc.paragraph
    if number is not None:
        parts.append(f"{words['paragraph']} {number if loc.ordinal is not None else number + 1}")
    text = ", ".join(parts)
    if loc.part.value not in ("body", "document"):
        text = f"{text} ({loc.part.value})" if text else loc.part.value
    return text
