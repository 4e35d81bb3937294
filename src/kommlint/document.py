"""The document model: what readers produce, what rules see, and what rules report.

Flow (DESIGN.md): readers build a `Document`; the analysis layers annotate it; rules read it
and yield `Finding`s; reporters turn `FileResult`s into output. Nothing here knows a file
format, a rule pack or an output format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Pillow is imported lazily: plain-text runs never need it.
    from PIL.Image import Image as PILImage


class Part(StrEnum):
    """Where in a document a block, image or finding sits (the JSON contract's `part`)."""

    BODY = "body"
    HEADER = "header"
    FOOTER = "footer"
    TABLE = "table"
    CAPTION = "caption"
    METADATA = "metadata"
    IMAGE = "image"
    OCR = "ocr"
    DOCUMENT = "document"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


BBox = tuple[float, float, float, float]


def merge_boxes(boxes: list[list[float]], gap: float = 0.0) -> list[list[float]]:
    """Boxes [x0, y0, x1, y1, *counts] that overlap or lie within `gap` of each other,
    merged until none do; the counts after the coordinates are summed."""
    merged = True
    while merged:
        merged = False
        out: list[list[float]] = []
        for box in sorted(boxes):
            for other in out:
                if (
                    box[0] <= other[2] + gap
                    and other[0] <= box[2] + gap
                    and box[1] <= other[3] + gap
                    and other[1] <= box[3] + gap
                ):
                    other[0], other[1] = min(other[0], box[0]), min(other[1], box[1])
                    other[2], other[3] = max(other[2], box[2]), max(other[3], box[3])
                    for i in range(4, len(other)):
                        other[i] += box[i]
                    merged = True
                    break
            else:
                out.append(list(box))
        boxes = out
    return boxes


@dataclass(frozen=True)
class Location:
    """Where a finding is. `paragraph` is the 0-based block index in reading order."""

    part: Part = Part.DOCUMENT
    page: int | None = None
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None
    bbox: BBox | None = None
    # 1-based position of the block among the blocks of its page and part, for people
    # ("sida 3, stycke 2"); not part of the JSON contract.
    ordinal: int | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "part": self.part.value,
            "page": self.page,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "bbox": list(self.bbox) if self.bbox is not None else None,
        }


@dataclass
class Block:
    """One unit of text in reading order: a paragraph, heading, table cell, header line, ...

    `kind` refines `part`: "paragraph", "heading", "list_item", "table_cell", "footnote",
    "textbox", "caption", "line" (PDF/OCR text line or block), or for metadata blocks the
    metadata key ("title", "author", "subject", "keywords", "last_modified_by", ...).
    """

    index: int
    text: str
    part: Part = Part.BODY
    page: int | None = None
    kind: str = "paragraph"
    bbox: BBox | None = None
    heading_level: int | None = None
    style: str | None = None
    # Character offset -> bbox of each word when the format gives word boxes (OCR, PDF).
    word_boxes: list[tuple[int, int, BBox]] | None = None
    ordinal: int | None = None  # set by Document.number_blocks()

    def location(self, start: int | None = None, end: int | None = None) -> Location:
        return Location(
            self.part, self.page, self.index, start, end, self.bbox_for(start, end), self.ordinal
        )

    def bbox_for(self, start: int | None, end: int | None) -> BBox | None:
        """The union of the word boxes covering [start, end), else the block's bbox."""
        if start is None or end is None or not self.word_boxes:
            return self.bbox
        boxes = [b for s, e, b in self.word_boxes if s < end and e > start]
        if not boxes:
            return self.bbox
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )


@dataclass
class ImageRef:
    """An embedded raster image (DOCX/PDF) or the image file itself.

    `bbox` is in PDF points (PDF) or pixels (image files); `display_size_mm` is the printed
    size when the format says it (DOCX extent, PDF placement), else None. `load` returns the
    decoded image on demand, so that a run that needs no pixels never decodes them.
    """

    index: int
    part: Part
    page: int | None
    width_px: int
    height_px: int
    load: Callable[[], PILImage]
    bbox: BBox | None = None
    display_size_mm: tuple[float, float] | None = None
    name: str | None = None
    alt_text: str | None = None
    sha256: str | None = None


@dataclass
class Page:
    """A page of a paged format. `render(dpi)` renders it on demand (PDF only).

    `vector_art` holds the boxes (points, like block boxes) of the page's vector drawings:
    clusters of paths, shadings and form objects, without page backgrounds, frames and lone
    strokes. [] means the page draws nothing but text and images; None means unknown.
    """

    number: int  # 1-based
    width_pt: float
    height_pt: float
    render: Callable[[float], PILImage] | None = None
    has_text_layer: bool = True
    vector_art: list[BBox] | None = None


@dataclass
class Notice:
    """Something the reader could not do, for rules to turn into findings (e.g. OCR missing)."""

    code: str  # "ocr_unavailable", "ocr_failed", "partial_text", ...
    message: str
    message_en: str
    page: int | None = None


@dataclass
class Document:
    """What a reader makes of a file: the only thing rules see."""

    path: str
    format: str  # "pdf", "docx", "image", "text", "markdown"
    blocks: list[Block] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    # Filled by the analysis stage (language/, vision/); keyed by layer name.
    annotations: dict[str, Any] = field(default_factory=dict)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def number_blocks(self) -> None:
        """Give every block its index in reading order and its ordinal within page and part."""
        counters: dict[tuple[int | None, Part], int] = {}
        for index, block in enumerate(self.blocks):
            block.index = index
            key = (block.page, block.part)
            counters[key] = counters.get(key, 0) + 1
            block.ordinal = counters[key]

    def text_blocks(self, *parts: Part) -> list[Block]:
        """Blocks with text, optionally only in the given parts."""
        return [b for b in self.blocks if b.text.strip() and (not parts or b.part in parts)]


@dataclass
class Finding:
    """One thing a rule reports at one location."""

    rule: str
    pack: str
    severity: Severity
    message: str
    location: Location
    match: str | None = None
    suggestion: str | None = None
    # The sentence (or line) around the match, for reporters to show the match in context.
    context: str | None = None
    context_start: int | None = None  # offset of `context` inside the block text

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "pack": self.pack,
            "severity": self.severity.value,
            "message": self.message,
            "match": self.match,
            "suggestion": self.suggestion,
            "location": self.location.to_dict(),
        }

    def sort_key(self) -> tuple:
        loc = self.location
        return (
            loc.page if loc.page is not None else -1,
            loc.paragraph if loc.paragraph is not None else -1,
            loc.start if loc.start is not None else -1,
            self.rule,
        )


@dataclass
class FileError:
    code: str  # "encrypted", "corrupt", "empty", "unsupported", "timeout", "not_found", ...
    message: str  # Swedish
    message_en: str

    def to_dict(self, lang: str = "sv") -> dict[str, str]:
        return {"code": self.code, "message": self.message if lang == "sv" else self.message_en}


@dataclass
class FileResult:
    """Everything reporters need about one input file."""

    path: str
    format: str | None
    status: str  # "checked" | "error" | "skipped"
    findings: list[Finding] = field(default_factory=list)
    error: FileError | None = None
    metrics: dict[str, float | int | None] = field(default_factory=dict)
    pages: int | None = None
    # Seconds spent per stage (read, language, vision, rules); not part of the JSON contract.
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class Report:
    """The result of a run: one FileResult per input, in a stable order."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    def summary(self) -> dict[str, Any]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return {
            "files": len(self.files),
            "checked": sum(1 for r in self.files if r.status == "checked"),
            "errors": sum(1 for r in self.files if r.status == "error"),
            "findings": counts,
        }
