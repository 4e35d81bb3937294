"""Content sniffing: what a file really is, whatever its name says.

`check(path, fmt)` runs before any reader: it raises `ReadError` for a missing path
("not_found"), an unreadable one ("unreadable": a folder, no permission), a zero-byte file
("empty"), a file whose bytes are another known format than its suffix claims
("mislabelled") and a password-protected Office file ("encrypted").
Unknown bytes pass: the reader then decides whether the file is "corrupt".
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from kommlint.readers import ReadError

# kind -> (Swedish, English) as used in "men innehållet är {sv}" / "but the content is {en}"
KIND_NAMES: dict[str, tuple[str, str]] = {
    "pdf": ("en PDF-fil", "a PDF file"),
    "png": ("en PNG-bild", "a PNG image"),
    "jpeg": ("en JPEG-bild", "a JPEG image"),
    "tiff": ("en TIFF-bild", "a TIFF image"),
    "webp": ("en WebP-bild", "a WebP image"),
    "gif": ("en GIF-bild", "a GIF image"),
    "bmp": ("en BMP-bild", "a BMP image"),
    "docx": ("ett Word-dokument (DOCX)", "a Word document (DOCX)"),
    "xlsx": ("ett Excel-dokument (XLSX)", "an Excel workbook (XLSX)"),
    "pptx": ("en PowerPoint-presentation (PPTX)", "a PowerPoint presentation (PPTX)"),
    "odf": ("ett OpenDocument-dokument", "an OpenDocument file"),
    "zip": ("ett ZIP-arkiv", "a ZIP archive"),
    "ole": ("ett äldre Office-dokument (till exempel .doc)", "a legacy Office file (e.g. .doc)"),
    "rtf": ("ett RTF-dokument", "an RTF document"),
    "html": ("en webbsida (HTML)", "a web page (HTML)"),
}
IMAGE_KINDS = {"png", "jpeg", "tiff", "webp", "gif", "bmp"}
# Which sniffed kinds each reader format accepts.
ACCEPTS: dict[str, set[str]] = {
    "pdf": {"pdf"},
    "docx": {"docx"},
    "image": {"png", "jpeg", "tiff", "webp"},
    "text": set(),
    "markdown": set(),
}


def sniff_bytes(head: bytes) -> str | None:
    """The kind of file these first bytes start, or None when not recognised."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:2] == b"BM" and len(head) > 14 and head[6:10] == b"\x00\x00\x00\x00":
        return "bmp"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    # PDF: the header may follow some junk within the first 1024 bytes.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    lowered = head[:512].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def _zip_kind(path: Path) -> str | None:
    """docx / xlsx / pptx / odf / zip for a ZIP container; None when it cannot be listed
    (a damaged archive: the reader reports it as corrupt)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "mimetype" in names and "content.xml" in names:
        return "odf"
    if "[Content_Types].xml" in names:
        # an Office container with a non-standard main part: let the reader decide
        return "docx"
    return "zip"


def _name(kind: str) -> tuple[str, str]:
    return KIND_NAMES.get(kind, (kind, kind))


def mislabelled(suffix: str, kind: str) -> ReadError:
    sv, en = _name(kind)
    return ReadError(
        "mislabelled",
        f"Filen heter {suffix} men innehållet är {sv}.",
        f"The file is named {suffix} but its content is {en}.",
    )


def check(path: Path, fmt: str) -> str | None:
    """Check that `path` can be read as `fmt`; return the sniffed kind (or None).

    Raises ReadError: "not_found", "unreadable", "empty", "mislabelled", "encrypted".
    """
    try:
        if not path.exists():
            raise ReadError(
                "not_found",
                "Filen finns inte (eller går inte att nå).",
                "The file does not exist (or cannot be reached).",
            )
        if path.is_dir():
            raise ReadError(
                "unreadable",
                "Det här är en mapp, inte en fil.",
                "This is a folder, not a file.",
            )
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(2048)
    except ReadError:
        raise
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        raise ReadError(
            "unreadable",
            f"Filen kunde inte öppnas ({reason}).",
            f"The file could not be opened ({reason}).",
        ) from exc
    if size == 0:
        raise ReadError("empty", "Filen är tom (0 byte).", "The file is empty (0 bytes).")
    kind = sniff_bytes(head)
    if kind == "zip":
        kind = _zip_kind(path)
    suffix = path.suffix.lower() or "(utan filändelse)"
    if kind is None:
        return None
    if fmt == "docx" and kind == "ole":
        with path.open("rb") as handle:
            data = handle.read(1 << 20)
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ReadError(
                "encrypted",
                "Word-dokumentet är lösenordsskyddat och kan inte granskas.",
                "The Word document is password-protected and cannot be checked.",
            )
    accepted = ACCEPTS.get(fmt, set())
    if kind in accepted:
        return kind
    if fmt == "image" and kind in IMAGE_KINDS:
        # another image format than the name says (a PNG named .jpg): readable, so read it
        return kind
    if fmt in ("text", "markdown") and kind == "html":
        # text files have no magic number; HTML in Markdown is fine, binary formats are not
        return kind
    raise mislabelled(suffix, kind)
