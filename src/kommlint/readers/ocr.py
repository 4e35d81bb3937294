"""Tesseract OCR through its command-line program (no Python binding needed).

`ocr_image(image, languages)` returns OCR paragraphs (lines of words with boxes in the
image's pixels), or raises `OcrUnavailable` when the program or the language model is
missing, or `OcrFailed` when it ran and failed. `unavailable_notice()` is the Notice the
readers add to a Document when OCR could not run.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING

from kommlint.document import BBox, Block, Notice, Part
from kommlint.readers.clean import Line, Word, assemble, union

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

# Words below this confidence that contain no letter or digit are dropped (logo noise);
# paragraphs whose mean confidence is below MIN_PARAGRAPH_CONF are dropped as well.
MIN_WORD_CONF = 50.0
MIN_PARAGRAPH_CONF = 40.0
TIMEOUT_S = 120


class OcrUnavailable(Exception):
    """Tesseract or the language model is not installed."""


class OcrFailed(Exception):
    """Tesseract ran and failed (bad image, timeout)."""


@dataclass
class OcrParagraph:
    lines: list[Line]
    conf: float  # mean word confidence, 0-100


def tesseract_path() -> str | None:
    """The tesseract program on PATH (looked up on every call, so PATH changes count)."""
    return shutil.which("tesseract")


@functools.lru_cache(maxsize=8)
def _languages(binary: str) -> frozenset[str]:
    try:
        out = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    lines = (out.stdout + "\n" + out.stderr).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip())


def check_available(languages: str = "swe") -> str:
    """The tesseract binary to use; raises OcrUnavailable (with the reason) otherwise."""
    binary = tesseract_path()
    if binary is None:
        raise OcrUnavailable("tesseract")
    have = _languages(binary)
    missing = [lang for lang in languages.split("+") if lang not in have]
    if missing:
        raise OcrUnavailable("+".join(missing))
    return binary


def unavailable_notice(reason: str, page: int | None = None) -> Notice:
    if reason == "tesseract":
        sv = "Texten i bilden har inte granskats: programmet Tesseract (OCR) är inte installerat."
        en = "The text in the image was not checked: Tesseract (OCR) is not installed."
    else:
        sv = (
            f"Texten i bilden har inte granskats: Tesseracts språkmodell '{reason}' "
            "är inte installerad (paketet tesseract-ocr-swe)."
        )
        en = (
            f"The text in the image was not checked: Tesseract's language model '{reason}' "
            "is not installed (package tesseract-ocr-swe)."
        )
    return Notice(code="ocr_unavailable", message=sv, message_en=en, page=page)


def failed_notice(reason: str, page: int | None = None) -> Notice:
    return Notice(
        code="ocr_failed",
        message=f"Texten i bilden kunde inte läsas med OCR ({reason}).",
        message_en=f"The text in the image could not be read by OCR ({reason}).",
        page=page,
    )


def ocr_image(image: PILImage, languages: str = "swe", psm: int = 3) -> list[OcrParagraph]:
    """OCR one image; boxes are in the image's pixels (y downwards)."""
    binary = check_available(languages)
    if image.mode not in ("RGB", "L", "1"):
        image = _flatten(image)
    buffer = BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")  # one core per OCR job; the runner parallelises
    try:
        result = subprocess.run(
            [binary, "stdin", "stdout", "-l", languages, "--psm", str(psm), "tsv"],
            input=buffer.getvalue(),
            capture_output=True,
            timeout=TIMEOUT_S,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrFailed(f"timeout after {TIMEOUT_S} s") from exc
    except OSError as exc:
        raise OcrUnavailable("tesseract") from exc
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrFailed(message[-1] if message else f"exit code {result.returncode}")
    return parse_tsv(result.stdout.decode("utf-8", "replace"))


def _flatten(image: PILImage) -> PILImage:
    """RGB on white for images with alpha or palette modes."""
    from PIL import Image

    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def parse_tsv(tsv: str) -> list[OcrParagraph]:
    """Tesseract TSV → paragraphs of lines of words."""
    grouped: dict[tuple[int, int, int], dict[int, list[Word]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        try:
            left, top, width, height = (int(c) for c in cols[6:10])
            conf = float(cols[10])
        except ValueError:
            continue
        if not text or conf < 0:
            continue
        if conf < MIN_WORD_CONF and not any(ch.isalnum() for ch in text):
            continue
        key = (int(cols[1]), int(cols[2]), int(cols[3]))  # page, block, paragraph
        word = Word(text, (left, top, left + width, top + height), size=height, conf=conf)
        grouped.setdefault(key, {}).setdefault(int(cols[4]), []).append(word)
    paragraphs = []
    for _key, lines in grouped.items():
        for line_objs in _split([Line(words) for _n, words in sorted(lines.items())]):
            _keep(paragraphs, line_objs)
    return paragraphs


def _split(lines: list[Line]) -> list[list[Line]]:
    """Split a Tesseract paragraph where the type size changes or a wide gap opens
    (a poster's title and its subtitle are separate blocks)."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups:
            prev = groups[-1][-1]
            ph = max(prev.bbox[3] - prev.bbox[1], 1)
            lh = max(line.bbox[3] - line.bbox[1], 1)
            gap = line.bbox[1] - prev.bbox[3]
            if max(ph, lh) / min(ph, lh) <= 1.3 and gap <= 1.5 * max(ph, lh):
                groups[-1].append(line)
                continue
        groups.append([line])
    return groups


def _keep(paragraphs: list[OcrParagraph], line_objs: list[Line]) -> None:
    """Append the paragraph unless it looks like noise read from a picture."""
    words = [w for line in line_objs for w in line.words]
    conf = sum(w.conf for w in words) / len(words)
    if conf < MIN_PARAGRAPH_CONF:
        return
    if conf < 80 and not any(sum(ch.isalnum() for ch in w.text) >= 3 for w in words):
        return  # stray marks read from pictures ("TA", "|l"), not text
    paragraphs.append(OcrParagraph(line_objs, conf))


def to_blocks(paragraphs: list[OcrParagraph], page: int | None, scale: float = 1.0) -> list[Block]:
    """OCR paragraphs as Part.OCR blocks (index 0: the caller numbers them).

    `scale` converts pixels to the document's unit (72 / dpi for a rendered PDF page).
    """
    blocks = []
    for paragraph in paragraphs:
        lines = paragraph.lines
        if scale != 1.0:
            lines = [
                Line(
                    [Word(w.text, _scaled(w.bbox, scale), w.size * scale, w.conf) for w in ln.words]
                )
                for ln in lines
            ]
        text, boxes = assemble(lines)
        if not text.strip():
            continue
        blocks.append(
            Block(
                index=0,
                text=text,
                part=Part.OCR,
                page=page,
                kind="line" if len(lines) == 1 else "paragraph",
                bbox=union([ln.bbox for ln in lines]),
                word_boxes=boxes,
            )
        )
    return blocks


def _scaled(box: BBox, scale: float) -> BBox:
    return (box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale)
