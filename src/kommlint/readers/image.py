"""Image files: PNG, JPEG, TIFF (every frame is a page), WebP.

Each frame becomes a Page and an ImageRef (Part.IMAGE, bbox in pixels, EXIF orientation
applied) and its text, read by Tesseract with the Swedish model, becomes Part.OCR blocks
with word boxes in pixels. Without Tesseract the Document gets an "ocr_unavailable" Notice.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from kommlint.document import Document, ImageRef, Notice, Page, Part
from kommlint.readers import ReaderOptions, ReadError, ocr, sniff

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

# Pillow refuses larger images as decompression bombs; posters at 600 dpi stay below this.
MAX_PIXELS = 300_000_000
# OCR works on at most this many pixels per frame (larger frames are scaled down).
OCR_MAX_PIXELS = 40_000_000

_FORMAT_KINDS = {"PNG": "png", "JPEG": "jpeg", "MPO": "jpeg", "TIFF": "tiff", "WEBP": "webp"}


def _corrupt(exc: Exception | None = None) -> ReadError:
    detail = f" ({exc})" if exc else ""
    return ReadError(
        "corrupt",
        f"Bildfilen är skadad eller ofullständig och kan inte läsas{detail}.",
        f"The image file is damaged or incomplete and cannot be read{detail}.",
    )


class FrameLoader:
    """Loads one frame of an image file on demand, orientation applied (picklable)."""

    def __init__(self, path: str, frame: int) -> None:
        self.path = path
        self.frame = frame

    def __call__(self, dpi: float | None = None) -> PILImage:
        from PIL import Image, ImageOps

        with Image.open(self.path) as image:
            image.seek(self.frame)
            oriented = ImageOps.exif_transpose(image)
            oriented.load()
            return oriented if oriented is not image else image.copy()


def _dpi(image: PILImage) -> float | None:
    info = image.info.get("dpi")
    try:
        dpi = float(info[0]) if info else None
    except (TypeError, ValueError, IndexError):
        return None
    return dpi if dpi and 20 <= dpi <= 10_000 else None


def read(path: Path, options: ReaderOptions) -> Document:
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = max(Image.MAX_IMAGE_PIXELS or 0, MAX_PIXELS)
    document = Document(path=str(path), format="image")
    data = path.read_bytes()
    try:
        with Image.open(path) as probe:
            fmt = probe.format or ""
            frames = getattr(probe, "n_frames", 1)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise _corrupt() from exc
    except Image.DecompressionBombError as exc:
        raise ReadError(
            "corrupt",
            "Bilden är orimligt stor och läses inte.",
            "The image is unreasonably large and is not read.",
        ) from exc
    kind = _FORMAT_KINDS.get(fmt)
    if kind is None:
        raise sniff.mislabelled(path.suffix.lower(), fmt.lower())
    claimed = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".tif": "tiff", ".tiff": "tiff"}
    claimed_kind = claimed.get(
        path.suffix.lower(), "webp" if path.suffix.lower() == ".webp" else kind
    )
    if claimed_kind != kind:
        sv, en = sniff.KIND_NAMES[kind]
        document.notices.append(
            Notice(
                code="mislabelled_image",
                message=f"Filen heter {path.suffix} men är {sv}; den granskas ändå.",
                message_en=f"The file is named {path.suffix} but is {en}; it is checked anyway.",
            )
        )
    document.metadata["image_format"] = fmt
    digest = hashlib.sha256(data).hexdigest()
    del data

    ocr_state: str | None = None  # None = try, "unavailable:<reason>" once it failed
    with Image.open(path) as image:
        for frame in range(frames):
            try:
                image.seek(frame)
                oriented = ImageOps.exif_transpose(image)
                oriented.load()
            except (OSError, ValueError, SyntaxError, EOFError) as exc:
                if frame == 0:
                    raise _corrupt() from exc
                document.notices.append(
                    Notice(
                        "partial_text",
                        f"Sida {frame + 1} i bildfilen är skadad och har inte granskats.",
                        f"Page {frame + 1} of the image file is damaged and was not checked.",
                        page=frame + 1,
                    )
                )
                continue
            width, height = oriented.size
            dpi = _dpi(image)
            size_mm = (width / dpi * 25.4, height / dpi * 25.4) if dpi else None
            page_no = frame + 1
            loader = FrameLoader(str(path), frame)
            document.pages.append(
                Page(
                    number=page_no,
                    width_pt=width * 72.0 / (dpi or 72.0),
                    height_pt=height * 72.0 / (dpi or 72.0),
                    render=loader,
                    has_text_layer=False,
                )
            )
            document.images.append(
                ImageRef(
                    index=len(document.images),
                    part=Part.IMAGE,
                    page=page_no,
                    width_px=width,
                    height_px=height,
                    load=loader,
                    bbox=(0.0, 0.0, float(width), float(height)),
                    display_size_mm=size_mm,
                    name=path.name if frames == 1 else f"{path.name}#{page_no}",
                    sha256=digest if frames == 1 else None,
                )
            )
            if options.ocr and ocr_state is None:
                ocr_state = _ocr_frame(document, oriented, page_no, options)
            if oriented is not image:
                oriented.close()
    if not options.ocr:
        document.notices.append(
            Notice(
                "ocr_disabled",
                "Texten i bilden har inte granskats (OCR är avstängt).",
                "The text in the image was not checked (OCR is turned off).",
            )
        )
    return document


def _ocr_frame(
    document: Document, frame: PILImage, page: int, options: ReaderOptions
) -> str | None:
    """OCR one frame into the document; returns a state string when OCR cannot run at all."""
    scale = 1.0
    pixels = frame.width * frame.height
    if pixels > OCR_MAX_PIXELS:
        scale = (OCR_MAX_PIXELS / pixels) ** 0.5
        frame = frame.resize((int(frame.width * scale), int(frame.height * scale)))
    try:
        paragraphs = ocr.ocr_image(frame, options.ocr_languages)
    except ocr.OcrUnavailable as exc:
        document.notices.append(ocr.unavailable_notice(str(exc)))
        return "unavailable"
    except ocr.OcrFailed as exc:
        document.notices.append(ocr.failed_notice(str(exc), page))
        return None
    for block in ocr.to_blocks(paragraphs, page, scale=1.0 / scale):
        block.index = len(document.blocks)
        document.blocks.append(block)
    return None
