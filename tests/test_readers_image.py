"""The image reader on real generated files: OCR, EXIF orientation, TIFF frames, WebP."""

from __future__ import annotations

import shutil
from pathlib import Path

import make_fixtures as mf
import pytest
from PIL import Image

from kommlint.document import Part
from kommlint.readers import ReaderOptions, read

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
HAS_TESSERACT = shutil.which("tesseract") is not None
NO_OCR = ReaderOptions(ocr=False)


@pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract is not installed")
def test_poster_ocr_gives_swedish_words_with_boxes() -> None:
    document = read(FIXTURES / "affisch.png")
    assert document.format == "image"
    blocks = document.text_blocks(Part.OCR)
    text = " ".join(b.text for b in blocks)
    for word in ("Sommarlov", "Stockholm", "simskola", "Anmäl", "stockholm.se", "Stockholms"):
        assert word in text
    assert not document.notices
    for block in blocks:
        assert block.page == 1 and block.kind in ("line", "paragraph")
        for start, end, (x0, y0, x1, y1) in block.word_boxes:
            assert block.text[start:end].strip()
            assert 0 <= x0 < x1 <= 1000 and 0 <= y0 < y1 <= 1300
    block = next(b for b in blocks if "Anmäl" in b.text)
    start = block.text.index("Anmäl")
    x0, y0, x1, y1 = block.bbox_for(start, start + 5)
    assert 150 < x0 < x1 < 600 and 500 < y0 < y1 < 800  # where the poster has the line


def test_poster_image_ref_and_page() -> None:
    document = read(FIXTURES / "affisch.png", NO_OCR)
    assert len(document.images) == 1 and len(document.pages) == 1
    image = document.images[0]
    assert (image.part, image.page, image.width_px, image.height_px) == (Part.IMAGE, 1, 1000, 1300)
    assert image.bbox == (0.0, 0.0, 1000.0, 1300.0)
    assert image.display_size_mm == pytest.approx((169.3, 220.1), abs=0.2)  # 150 dpi
    assert image.load().size == (1000, 1300)
    assert [n.code for n in document.notices] == ["ocr_disabled"]


def test_ocr_unavailable_gives_a_notice_not_a_crash(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    document = read(FIXTURES / "affisch.png")
    assert not document.text_blocks(Part.OCR)
    assert len(document.images) == 1
    (notice,) = document.notices
    assert notice.code == "ocr_unavailable"
    assert "Tesseract" in notice.message and "inte installerat" in notice.message
    assert "not installed" in notice.message_en


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    path = mf.make_exif_jpeg(tmp_path / "foto.jpg")
    with Image.open(path) as raw:
        assert raw.size == (200, 100)  # stored landscape
    document = read(path, NO_OCR)
    image = document.images[0]
    assert (image.width_px, image.height_px) == (100, 200)  # shown portrait
    pixels = image.load().convert("RGB")
    assert pixels.size == (100, 200)
    red = pixels.getpixel((50, 20))
    assert red[0] > 200 and red[1] < 60  # the red half is on top after rotation
    assert document.pages[0].render(72).size == (100, 200)


def test_multi_frame_tiff_gives_one_page_per_frame(tmp_path: Path) -> None:
    document = read(mf.make_tiff(tmp_path / "skanning.tif", frames=3), NO_OCR)
    assert [p.number for p in document.pages] == [1, 2, 3]
    assert [(i.page, i.width_px) for i in document.images] == [(1, 300), (2, 350), (3, 400)]
    assert document.images[2].load().size == (400, 200)


@pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract is not installed")
def test_ocr_reads_every_tiff_frame(tmp_path: Path) -> None:
    frames = []
    for text in ("Första sidan", "Andra sidan"):
        frame = Image.new("L", (900, 200), 255)
        from PIL import ImageDraw, ImageFont

        font_path = mf.find_font(bold=True)
        font = ImageFont.truetype(str(font_path), 70) if font_path else None
        ImageDraw.Draw(frame).text((40, 50), text, fill=0, font=font)
        frames.append(frame)
    path = tmp_path / "tva.tiff"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    document = read(path)
    by_page = {b.page: b.text for b in document.text_blocks(Part.OCR)}
    assert "Första" in by_page[1] and "Andra" in by_page[2]


def test_webp_and_an_image_under_another_image_suffix(tmp_path: Path) -> None:
    image = Image.new("RGB", (120, 80), "navy")
    image.save(tmp_path / "banner.webp", format="WEBP")
    document = read(tmp_path / "banner.webp", NO_OCR)
    assert (document.images[0].width_px, document.metadata["image_format"]) == (120, "WEBP")
    image.save(tmp_path / "foto.jpg", format="PNG")  # a PNG named .jpg: read, with a notice
    document = read(tmp_path / "foto.jpg", NO_OCR)
    assert document.images[0].width_px == 120
    assert "mislabelled_image" in [n.code for n in document.notices]


@pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract is not installed")
def test_missing_language_model_gives_a_notice() -> None:
    document = read(FIXTURES / "affisch.png", ReaderOptions(ocr_languages="xyz"))
    (notice,) = document.notices
    assert notice.code == "ocr_unavailable" and "xyz" in notice.message
    assert not document.text_blocks(Part.OCR)
