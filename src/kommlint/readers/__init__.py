"""Readers: one module per format, each turning a file into a `Document`.

Readers know formats and nothing about rules. A file that cannot be read raises
`ReadError` with a stable code and a Swedish and English message; the runner turns that
into a per-file error and the run goes on.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from kommlint.document import Document

# File suffix -> format name. The format name picks the reader module below.
SUFFIX_FORMATS: dict[str, str] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".webp": "image",
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}

READER_MODULES: dict[str, str] = {
    "pdf": "kommlint.readers.pdf",
    "docx": "kommlint.readers.docx",
    "image": "kommlint.readers.image",
    "text": "kommlint.readers.text",
    "markdown": "kommlint.readers.text",
}


class ReadError(Exception):
    """A file could not be read. `code` is part of the JSON contract (files[].error.code)."""

    def __init__(self, code: str, message: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message = message
        self.message_en = message_en


@dataclass(frozen=True)
class ReaderOptions:
    ocr: bool = True
    ocr_languages: str = "swe"
    # A PDF page with fewer characters than this in its text layer counts as scanned.
    scanned_page_min_chars: int = 20


def format_for(path: Path) -> str | None:
    """The format a path claims by its suffix, or None when kommlint does not read it."""
    return SUFFIX_FORMATS.get(path.suffix.lower())


def read(path: Path, options: ReaderOptions | None = None) -> Document:
    """Read one file into a Document, or raise ReadError.

    Codes: "unsupported", "not_found", "unreadable", "empty", "mislabelled", "encrypted",
    "corrupt"
    (docs/readers.md). The file is only ever opened for reading.
    """
    fmt = format_for(path)
    if fmt is None:
        raise ReadError(
            "unsupported",
            f"Filformatet {path.suffix or '(utan filändelse)'} stöds inte.",
            f"The file format {path.suffix or '(no suffix)'} is not supported.",
        )
    from kommlint.readers import sniff

    sniff.check(path, fmt)  # unreadable / empty / mislabelled / encrypted Office file
    module = importlib.import_module(READER_MODULES[fmt])
    return module.read(path, options or ReaderOptions())


def read_text(text: str, name: str = "<stdin>") -> Document:
    """A Document from plain text (standard input, rule examples, the Python API)."""
    from kommlint.readers.text import document_from_text

    return document_from_text(text, name)
