"""Plain text and Markdown.

Plain text: paragraphs are separated by blank lines; a paragraph keeps its line breaks.

Markdown: ATX (`# Rubrik`) and setext (`Rubrik` over `===`) headings, list items (one
block each), block quotes; fenced and indented code, HTML comments and tables' separator
rows are left out; inline markup is reduced to the text a reader sees (`[text](url)` →
text, `![alt](bild.png)` → alt, emphasis and code marks and HTML tags dropped). A YAML
front matter block gives metadata (title, author, ...) and METADATA blocks.
"""

from __future__ import annotations

import re
from pathlib import Path

from kommlint.document import Block, Document, Part
from kommlint.readers import ReaderOptions, ReadError

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_FRONT_KEYS = ("title", "author", "subject", "description", "keywords", "lang", "language")

_INLINE = [
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link -> its text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # HTML tags
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis *
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),  # emphasis _
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strike-through
    (re.compile(r"`([^`]+)`"), r"\1"),  # code span
]


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text.strip()


def document_from_text(text: str, name: str, fmt: str = "text") -> Document:
    document = Document(path=name, format=fmt)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "markdown":
        _markdown(document, text)
        return document
    for raw in re.split(r"\n\s*\n", text):
        paragraph = raw.strip()
        if paragraph:
            _add(document, paragraph, "paragraph")
    return document


def _add(
    document: Document, text: str, kind: str, level: int | None = None, part: Part = Part.BODY
) -> None:
    if text:
        document.blocks.append(
            Block(index=len(document.blocks), text=text, part=part, kind=kind, heading_level=level)
        )


def _front_matter(document: Document, lines: list[str]) -> list[str]:
    if not lines or lines[0].strip() != "---":
        return lines
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return lines
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        key, value = key.strip().lower(), value.strip().strip("\"'")
        if sep and key in _FRONT_KEYS and value:
            document.metadata[key] = value
    for key in ("title", "subject", "description", "author", "keywords"):
        if key in document.metadata:
            _add(document, document.metadata[key], key, part=Part.METADATA)
    return lines[end + 1 :]


def _markdown(document: Document, text: str) -> None:
    lines = _front_matter(document, text.split("\n"))
    metadata_blocks = [b for b in document.blocks if b.part == Part.METADATA]
    document.blocks = []
    paragraph: list[str] = []
    item: list[str] | None = None
    fence: str | None = None

    def flush() -> None:
        nonlocal item
        if item is not None:
            _add(document, _inline(" ".join(item)), "list_item")
            item = None
        if paragraph:
            _add(document, _inline("\n".join(paragraph)), "paragraph")
            paragraph.clear()

    for raw in lines:
        if fence is not None:
            if raw.strip().startswith(fence):
                fence = None
            continue
        match = _FENCE.match(raw)
        if match:
            flush()
            fence = match.group(1)
            continue
        line = raw.rstrip()
        while _QUOTE.match(line):  # block quote: read its text
            line = _QUOTE.sub("", line, count=1)
        if not line.strip():
            flush()
            continue
        if raw.startswith(("    ", "\t")) and not paragraph and item is None:
            continue  # indented code block
        if _SETEXT.match(line) and paragraph and item is None:
            level = 1 if line.strip().startswith("=") else 2
            _add(document, _inline(" ".join(paragraph)), "heading", level)
            paragraph.clear()
            continue
        if _RULE.match(line) or _TABLE_SEPARATOR.match(line):
            flush()
            continue
        heading = _HEADING.match(line.strip())
        if heading:
            flush()
            _add(document, _inline(heading.group(2)), "heading", len(heading.group(1)))
            continue
        listed = _LIST.match(line)
        if listed:
            flush()
            item = [listed.group(1).strip()]
            continue
        if item is not None and raw.startswith((" ", "\t")):
            item.append(line.strip())  # a list item's continuation line
            continue
        if item is not None:
            flush()
        paragraph.append(line.strip())
    flush()
    for block in metadata_blocks:
        block.index = len(document.blocks)
        document.blocks.append(block)


def read(path: Path, options: ReaderOptions) -> Document:
    data = path.read_bytes()
    if not data.strip():
        raise ReadError("empty", "Filen är tom.", "The file is empty.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    fmt = "markdown" if path.suffix.lower() in {".md", ".markdown"} else "text"
    return document_from_text(text, str(path), fmt)
