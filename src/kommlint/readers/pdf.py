"""PDF: text with positions (pypdfium2), metadata, embedded images, pages on demand, OCR.

Coordinates are PDF points with the origin at the top-left corner of the page and y growing
downwards, so that a box times dpi/72 is a box in a page rendering. Text is read char by
char from pdfium's text page, grouped into words (with boxes), lines and paragraphs,
cleaned (clean.py: ligatures, soft hyphens, line-end hyphenation) and classified: running
headers and footers (the same line at the top/bottom of most pages) become Part.HEADER /
Part.FOOTER blocks; large-type short paragraphs become headings. A page without a text layer
is rendered at 300 dpi and read by Tesseract into Part.OCR blocks.

Nothing here holds more than one page at a time: `Page.render` and `ImageRef.load` reopen
the file (they are small picklable callables holding the path).
"""

from __future__ import annotations

import ctypes
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kommlint.document import BBox, Block, Document, ImageRef, Notice, Page, Part, merge_boxes
from kommlint.readers import ReaderOptions, ReadError, ocr
from kommlint.readers.clean import Line, PageLine, Word, assemble, clean_text, running_lines, union

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

OCR_DPI = 300
# Info dictionary keys -> Document.metadata keys (and METADATA block kinds for text ones).
_INFO_KEYS = {
    "Title": "title",
    "Author": "author",
    "Subject": "subject",
    "Keywords": "keywords",
    "Creator": "creator",
    "Producer": "producer",
    "CreationDate": "created",
    "ModDate": "modified",
}
_TEXT_METADATA = ("title", "subject", "author", "keywords")
# pdfium's generated line break characters and spaces
_BREAKS = {"\r", "\n"}
_SPACES = {" ", "\t", "\u00a0", "\u2002", "\u2003", "\u2009", "\u200a", "\u202f", "\u3000"}


def _corrupt(detail: str = "", detail_en: str = "") -> ReadError:
    sv = f" ({detail})" if detail else ""
    en = f" ({detail_en or detail})" if detail else ""
    return ReadError(
        "corrupt",
        f"PDF-filen är skadad eller ofullständig och kan inte läsas{sv}.",
        f"The PDF file is damaged or incomplete and cannot be read{en}.",
    )


def _encrypted() -> ReadError:
    return ReadError(
        "encrypted",
        "PDF-filen är lösenordsskyddad och kan inte granskas. Spara en kopia utan lösenord.",
        "The PDF file is password-protected and cannot be checked. Save a copy without password.",
    )


def _open(path: str) -> Any:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise _encrypted() from exc
        raise _corrupt() from exc
    except OSError as exc:
        raise ReadError(
            "unreadable", f"Filen kunde inte öppnas ({exc}).", f"Cannot open file ({exc})."
        ) from exc


def _truncated(path: Path) -> bool:
    """A PDF without "%%EOF" near its end was cut off (pdfium would silently repair it)."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        handle.seek(max(0, size - 32768))
        tail = handle.read()
    return b"%%EOF" not in tail


class PageRenderer:
    """Renders one page on demand (reopens the file; picklable)."""

    def __init__(self, path: str, index: int, grayscale: bool = False) -> None:
        self.path = path
        self.index = index
        self.grayscale = grayscale

    def __call__(self, dpi: float = 150.0) -> PILImage:
        pdf = _open(self.path)
        try:
            page = pdf[self.index]
            bitmap = page.render(scale=dpi / 72.0, grayscale=self.grayscale)
            image = bitmap.to_pil()
            image.load()
            return image.copy()
        finally:
            pdf.close()


class ImageLoader:
    """Extracts the n-th image object of a page on demand (alpha masks applied; picklable)."""

    def __init__(self, path: str, page_index: int, ordinal: int) -> None:
        self.path = path
        self.page_index = page_index
        self.ordinal = ordinal

    def __call__(self) -> PILImage:
        import pypdfium2.raw as pdfium_c

        pdf = _open(self.path)
        try:
            page = pdf[self.page_index]
            objects = page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,))
            for ordinal, obj in enumerate(objects):
                if ordinal == self.ordinal:
                    try:
                        bitmap = obj.get_bitmap(render=True)
                    except Exception:
                        bitmap = obj.get_bitmap(render=False)
                    image = bitmap.to_pil()
                    image.load()
                    return image.copy()
            raise IndexError(f"no image {self.ordinal} on page {self.page_index + 1}")
        finally:
            pdf.close()


@dataclass
class _PageText:
    number: int
    width: float  # unrotated crop box size: the space in which text is grouped
    height: float
    lines: list[Line] = field(default_factory=list)
    chars: int = 0  # non-space characters in the text layer
    rotation: int = 0


class _Frame:
    """User space (y up) → top-left page space in points, as the page is displayed.

    Text is grouped in the unrotated crop box (where it runs left to right); boxes are then
    turned by the page's /Rotate so that they match `Page.render`.
    """

    def __init__(self, cropbox: tuple[float, float, float, float], rotation: int) -> None:
        self.left, bottom, right, self.top = cropbox
        self.width = right - self.left
        self.height = self.top - bottom
        self.rotation = rotation % 360

    def unrotated(self, left: float, bottom: float, right: float, top: float) -> BBox:
        return (left - self.left, self.top - top, right - self.left, self.top - bottom)

    def display(self, box: BBox) -> BBox:
        x0, y0, x1, y1 = box
        w, h = self.width, self.height
        if self.rotation == 90:
            a, b, c, d = h - y0, x0, h - y1, x1
        elif self.rotation == 180:
            a, b, c, d = w - x0, h - y0, w - x1, h - y1
        elif self.rotation == 270:
            a, b, c, d = y0, w - x0, y1, w - x1
        else:
            return box
        return (min(a, c), min(b, d), max(a, c), max(b, d))


def _page_lines(textpage: Any, frame: _Frame) -> tuple[list[Line], int]:
    """Words with boxes, grouped into lines, from pdfium's char list."""
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    count = textpage.count_chars()
    get_unicode = pdfium_c.FPDFText_GetUnicode
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_size = pdfium_c.FPDFText_GetFontSize
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    left, top = frame.left, frame.top
    lines: list[Line] = []
    words: list[Word] = []
    chars: list[str] = []
    # the current word's box and font size
    wx0 = wy0 = wx1 = wy1 = 0.0
    wsize = 0.0
    # the previous char's box
    px0 = px1 = py1 = 0.0
    have_prev = False
    nonspace = 0

    text = _all_text(raw, count)
    for i in range(count):
        if text is not None and text[i] != "\ufffe":  # GetText's mark for a line-end hyphen
            ch = text[i]
            code = ord(ch)
        else:
            code = get_unicode(raw, i)
            ch = chr(code) if code else ""
        if ch in _BREAKS:
            if chars:
                words.append(Word("".join(chars), (wx0, wy0, wx1, wy1), wsize))
                chars = []
            if words:
                lines.append(Line(words))
                words = []
            have_prev = False
            continue
        if not ch or ch in _SPACES or (ch.isspace() and ch != "\x02"):
            if chars:
                words.append(Word("".join(chars), (wx0, wy0, wx1, wy1), wsize))
                chars = []
            continue
        if 0xD800 <= code <= 0xDFFF:  # half of a surrogate pair (emoji etc.): skipped
            continue
        # loose boxes: advance width x font ascent/descent, so that lines line up
        if not get_box(raw, i, rect_ref):
            continue
        # frame.unrotated(), inlined: this loop runs once per character
        x0, y0 = rect.left - left, top - rect.top
        x1, y1 = rect.right - left, top - rect.bottom
        if have_prev:
            line_h = y1 - y0
            if line_h < 1.0:
                line_h = 1.0
            size = wsize if chars else get_size(raw, i)
            if size < 1.0:
                size = 1.0
            if x0 < px0 - line_h or abs(y1 - py1) > 0.5 * line_h:
                new_line = True  # back to the left or another baseline without a break char
            elif x0 - px1 > 1.5 * size:
                new_line = True  # a wide gap on the same baseline: another column or field
            else:
                new_line = False
            if new_line or (chars and x0 - wx1 > 0.3 * size):
                if chars:
                    words.append(Word("".join(chars), (wx0, wy0, wx1, wy1), wsize))
                    chars = []
                if new_line and words:
                    lines.append(Line(words))
                    words = []
        if chars:
            if y0 < wy0:
                wy0 = y0
            if x1 > wx1:
                wx1 = x1
            if y1 > wy1:
                wy1 = y1
        else:
            wx0, wy0, wx1, wy1 = x0, y0, x1, y1
            wsize = get_size(raw, i)
        chars.append(ch)
        px0, px1, py1 = x0, x1, y1
        have_prev = True
        nonspace += 1
    if chars:
        words.append(Word("".join(chars), (wx0, wy0, wx1, wy1), wsize))
    if words:
        lines.append(Line(words))
    return lines, nonspace


def _all_text(raw: Any, count: int) -> str | None:
    """The page's chars in one call, when pdfium gives exactly one UTF-16 unit per char
    (almost always); None means: ask char by char."""
    import pypdfium2.raw as pdfium_c

    if count <= 0:
        return None
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, count, buffer)
    if written != count + 1:
        return None
    text = bytes(memoryview(buffer).cast("B"))[: 2 * count].decode("utf-16-le", "replace")
    return text if len(text) == count else None


def _continues(prev: Line, line: Line) -> bool:
    """Whether `line` continues the paragraph whose last line is `prev`."""
    pb, lb = prev.bbox, line.bbox
    ph = max(pb[3] - pb[1], 1.0)
    lh = max(lb[3] - lb[1], 1.0)
    gap = lb[1] - pb[3]
    ps, ls = prev.size or ph, line.size or lh
    similar = 0.8 <= (ls / ps if ps else 1.0) <= 1.25
    overlap = lb[0] < pb[2] and lb[2] > pb[0]
    return -0.5 * lh <= gap <= 0.7 * min(ph, lh) and similar and overlap


def _paragraphs(lines: list[Line], window: int = 4) -> list[list[Line]]:
    """Lines close together, of similar size and overlapping horizontally.

    A line may continue one of the last `window` paragraphs, not only the last one: columns
    whose lines the content stream interleaves (left, right, left, ...) still come out as
    whole paragraphs, in the order they started.
    """
    groups: list[list[Line]] = []
    for line in lines:
        for group in reversed(groups[-window:]):
            if _continues(group[-1], line):
                group.append(line)
                break
        else:
            groups.append([line])
    return groups


def _metadata(pdf: Any, path: Path) -> dict[str, str]:
    import pypdfium2.raw as pdfium_c

    metadata: dict[str, str] = {}
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:
        info = {}
    for key, value in info.items():
        name = _INFO_KEYS.get(key, key.lower())
        value = clean_text(str(value)).replace("\n", " ")
        if name in ("created", "modified"):
            value = _pdf_date(value)
        if value:
            metadata[name] = value
    try:
        size = pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, None, 0)
        if size > 2:
            buffer = ctypes.create_string_buffer(size)
            pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, buffer, size)
            metadata["language"] = buffer.raw[: size - 2].decode("utf-16-le", "replace")
        metadata["tagged"] = "true" if pdfium_c.FPDFCatalog_IsTagged(pdf.raw) else "false"
    except (AttributeError, OSError):
        pass
    if "title" not in metadata or "author" not in metadata:
        metadata.update({k: v for k, v in _xmp(path).items() if k not in metadata})
    return metadata


_DATE = re.compile(
    r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?"
)


def _pdf_date(value: str) -> str:
    """D:20260115090000+01'00' -> 2026-01-15T09:00:00+01:00 (unparseable dates unchanged)."""
    match = _DATE.match(value.strip())
    if not match:
        return value
    year, month, day, hour, minute, second, sign, tz_h, tz_m = match.groups()
    text = f"{year}-{month or '01'}-{day or '01'}T{hour or '00'}:{minute or '00'}:{second or '00'}"
    if sign in ("Z", "z"):
        text += "+00:00"
    elif sign:
        text += f"{sign}{tz_h or '00'}:{tz_m or '00'}"
    return text


def _xmp(path: Path) -> dict[str, str]:
    """dc:title / dc:creator from XMP (pypdf) when the Info dictionary lacks them."""
    import logging
    import warnings

    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL)  # damaged files make pypdf chatty on stderr
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _xmp_fields(path)
    except Exception:  # XMP is a bonus: never fail the read over it
        return {}
    finally:
        pypdf_log.setLevel(level)


def _xmp_fields(path: Path) -> dict[str, str]:
    from pypdf import PdfReader

    xmp = PdfReader(str(path)).xmp_metadata
    if xmp is None:
        return {}
    result = {}
    title = xmp.dc_title or {}
    if title:
        result["title"] = str(title.get("x-default") or next(iter(title.values())))
    creators = xmp.dc_creator or []
    if creators:
        result["author"] = ", ".join(str(c) for c in creators)
    return {k: clean_text(v) for k, v in result.items() if clean_text(v)}


def read(path: Path, options: ReaderOptions) -> Document:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if _truncated(path):
        raise _corrupt("filen är avkortad", "the file is truncated")
    pdf = _open(str(path))
    document = Document(path=str(path), format="pdf")
    try:
        try:
            page_count = len(pdf)
        except pdfium.PdfiumError as exc:
            raise _corrupt() from exc
        if page_count == 0:
            raise _corrupt("inga sidor", "no pages")
        document.metadata = _metadata(pdf, path)
        document.metadata["pages"] = str(page_count)
        pages: list[_PageText] = []
        scanned: list[int] = []
        frames: list[_Frame] = []
        for index in range(page_count):
            try:
                page = pdf[index]
            except pdfium.PdfiumError as exc:
                raise _corrupt(f"sidan {index + 1}", f"page {index + 1}") from exc
            try:
                width, height = page.get_size()
                cropbox = tuple(page.get_cropbox())
                if cropbox[2] - cropbox[0] < 1 or cropbox[3] - cropbox[1] < 1:
                    turned = page.get_rotation() in (90, 270)
                    cropbox = (0.0, 0.0, height, width) if turned else (0.0, 0.0, width, height)
                frame = _Frame(cropbox, page.get_rotation())
                textpage = page.get_textpage()
                try:
                    lines, nonspace = _page_lines(textpage, frame)
                finally:
                    textpage.close()
                if frame.rotation:
                    # pdfium orders a rotated page's text by the displayed layout; put it
                    # back in the order of the (unrotated) text: top to bottom, left to right
                    lines.sort(key=lambda line: (round(line.bbox[1]), line.bbox[0]))
                number = index + 1
                pages.append(
                    _PageText(number, frame.width, frame.height, lines, nonspace, frame.rotation)
                )
                frames.append(frame)
                is_scanned = nonspace < options.scanned_page_min_chars
                document.pages.append(
                    Page(
                        number=number,
                        width_pt=width,
                        height_pt=height,
                        render=PageRenderer(str(path), index),
                        has_text_layer=not is_scanned,
                        vector_art=_vector_art(page, frame),
                    )
                )
                objects = page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,))
                for ordinal, obj in enumerate(objects):
                    _add_image(document, obj, str(path), index, ordinal, frame)
                if is_scanned and _has_content(page):
                    scanned.append(index)
            finally:
                page.close()
    finally:
        pdf.close()

    _text_blocks(document, pages, frames)
    if scanned:
        _ocr_pages(document, path, scanned, options)
    _metadata_blocks(document)
    return document


# Vector art: a path with few segments over a large part of the page is a background or a
# frame; paths closer than ART_GAP points belong to one drawing; a drawing of fewer than
# ART_MIN_SEGMENTS segments in all is a rule, a box or a bullet, not artwork.
ART_BACKGROUND_SEGMENTS = 8
ART_BACKGROUND_SHARE = 0.2
ART_GAP = 6.0
ART_MIN_SEGMENTS = 12
ART_MAX_OBJECTS = 5000  # beyond this (maps, charts) the page counts as all drawing


def _vector_art(page: Any, frame: _Frame) -> list[BBox] | None:
    """Boxes of the page's vector drawings (see Page.vector_art), or None when unknown."""
    import pypdfium2.raw as pdfium_c

    kinds = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING, pdfium_c.FPDF_PAGEOBJ_FORM)
    page_area = max(frame.width * frame.height, 1.0)
    boxes: list[list[float]] = []  # x0, y0, x1, y1 (user space), segments
    try:
        for count, obj in enumerate(page.get_objects(filter=kinds, max_depth=1)):
            if count >= ART_MAX_OBJECTS:
                return None
            left, bottom, right, top = obj.get_bounds()
            if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
                segments = max(0, pdfium_c.FPDFPath_CountSegments(obj.raw))
                area = (right - left) * (top - bottom)
                if segments <= ART_BACKGROUND_SEGMENTS and area > ART_BACKGROUND_SHARE * page_area:
                    continue
            else:  # a shading or a form object: its content is unknown, count it as artwork
                segments = ART_MIN_SEGMENTS
            boxes.append([left, bottom, right, top, segments])
    except Exception:  # pdfium could not list the objects: the whole page may hold art
        return None
    clusters = merge_boxes(boxes, ART_GAP)
    return [
        frame.display(frame.unrotated(*box[:4])) for box in clusters if box[4] >= ART_MIN_SEGMENTS
    ]


def _has_content(page: Any) -> bool:
    return any(True for _ in page.get_objects(max_depth=1))


def _add_image(
    document: Document, obj: Any, path: str, index: int, ordinal: int, frame: _Frame
) -> None:
    try:
        x0, y0, x1, y1 = obj.get_bounds()
        width_px, height_px = obj.get_px_size()
    except Exception:  # a broken image object: skip it, the text still counts
        return
    w_pt, h_pt = abs(x1 - x0), abs(y1 - y0)
    try:
        # the stream as stored: a picture placed on many pages is one stream, read once
        digest: str | None = hashlib.sha256(obj.get_data(decode_simple=False)).hexdigest()
    except Exception:
        digest = None
    document.images.append(
        ImageRef(
            index=len(document.images),
            part=Part.BODY,
            page=index + 1,
            width_px=int(width_px),
            height_px=int(height_px),
            load=ImageLoader(path, index, ordinal),
            bbox=frame.display(frame.unrotated(x0, y0, x1, y1)),
            display_size_mm=(w_pt * 25.4 / 72.0, h_pt * 25.4 / 72.0),
            name=f"page{index + 1}-image{ordinal + 1}",
            sha256=digest,
        )
    )


def _text_blocks(document: Document, pages: list[_PageText], frames: list[_Frame]) -> None:
    """Lines → running headers/footers + paragraphs → blocks in reading order."""
    # body font size: the most common size over all characters
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            for word in line.words:
                sizes[round(word.size, 1)] += len(word.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0

    flat: list[PageLine] = []
    owner: list[tuple[int, int]] = []
    for p, page in enumerate(pages):
        for n, line in enumerate(page.lines):
            box = line.bbox
            page_height = page.height if page.height >= 1 else 1.0
            top, bottom = box[1] / page_height, box[3] / page_height
            flat.append(PageLine(page.number, line.text, top, bottom, line.size))
            owner.append((p, n))
    running = running_lines(flat, len(pages), body_size=body_size)
    role: dict[tuple[int, int], str] = {owner[i]: where for i, where in running.items()}

    heading_sizes: set[float] = set()
    staged: list[tuple[int, list[tuple[Part, list[Line], str]]]] = []
    for p, page in enumerate(pages):
        headers, body, footers = [], [], []
        for n, line in enumerate(page.lines):
            where = role.get((p, n))
            if where == "header":
                headers.append((Part.HEADER, [line], "line"))
            elif where == "footer":
                footers.append((Part.FOOTER, [line], "line"))
            else:
                body.append(line)
        paragraphs = []
        for group in _paragraphs(body):
            size = max(line.size for line in group)
            text_len = sum(len(line.text) for line in group)
            kind = "paragraph"
            if body_size and size >= 1.2 * body_size and text_len <= 150 and len(group) <= 3:
                kind = "heading"
                heading_sizes.add(round(size, 1))
            paragraphs.append((Part.BODY, group, kind))
        staged.append((page.number, headers + paragraphs + footers))

    levels = {size: rank + 1 for rank, size in enumerate(sorted(heading_sizes, reverse=True))}
    for page, (number, items), frame in zip(pages, staged, frames, strict=True):
        page.lines = []  # let each page's words go as soon as its blocks exist
        for part, group, kind in items:
            text, boxes = assemble(group)
            if not text.strip():
                continue
            if frame.rotation:
                boxes = [(start, end, frame.display(box)) for start, end, box in boxes]
            level = None
            if kind == "heading":
                level = min(levels.get(round(max(ln.size for ln in group), 1), 1), 6)
            document.blocks.append(
                Block(
                    index=len(document.blocks),
                    text=text,
                    part=part,
                    page=number,
                    kind=kind,
                    bbox=frame.display(union([ln.bbox for ln in group])),
                    heading_level=level,
                    word_boxes=boxes,
                )
            )
        items.clear()


def _ocr_pages(document: Document, path: Path, scanned: list[int], options: ReaderOptions) -> None:
    pages_sv = ", ".join(str(i + 1) for i in scanned)
    if not options.ocr:
        document.notices.append(
            Notice(
                "ocr_disabled",
                f"Skannade sidor utan textlager har inte granskats (sida {pages_sv}).",
                f"Scanned pages without a text layer were not checked (page {pages_sv}).",
                page=scanned[0] + 1,
            )
        )
        return
    new_blocks: list[Block] = []
    for index in scanned:
        try:
            image = PageRenderer(str(path), index, grayscale=True)(OCR_DPI)
            paragraphs = ocr.ocr_image(image, options.ocr_languages)
        except ocr.OcrUnavailable as exc:
            notice = ocr.unavailable_notice(str(exc), page=index + 1)
            notice.message += f" Skannade sidor: {pages_sv}."
            notice.message_en += f" Scanned pages: {pages_sv}."
            document.notices.append(notice)
            break
        except ocr.OcrFailed as exc:
            document.notices.append(ocr.failed_notice(str(exc), page=index + 1))
            continue
        new_blocks.extend(ocr.to_blocks(paragraphs, index + 1, scale=72.0 / OCR_DPI))
    if not new_blocks:
        return
    # put each page's OCR blocks after that page's other blocks
    merged: list[Block] = []
    by_page: dict[int, list[Block]] = {}
    for block in new_blocks:
        by_page.setdefault(block.page or 0, []).append(block)
    merged.extend(document.blocks)
    for number in sorted(by_page):
        position = next((i for i, b in enumerate(merged) if (b.page or 0) > number), len(merged))
        merged[position:position] = by_page[number]
    for i, block in enumerate(merged):
        block.index = i
    document.blocks = merged


def _metadata_blocks(document: Document) -> None:
    for key in _TEXT_METADATA:
        value = document.metadata.get(key)
        if value:
            document.blocks.append(
                Block(index=len(document.blocks), text=value, part=Part.METADATA, kind=key)
            )
