"""Where the page pass looks: vector art from the PDF reader, image logos again in the
rendering, nothing on pages of text and photos; and repeated pictures searched once."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from conftest import load_standin
from kommlint.document import Document, Page, merge_boxes
from kommlint.readers import read
from kommlint.vision import analyse as vision_analyse
from kommlint.vision.analyse import VisionConfig, analyse_document

pytest.importorskip("reportlab")

MM = 72 / 25.4


def _photo() -> io.BytesIO:
    import numpy as np

    rng = np.random.default_rng(3)
    y = np.linspace(0, 1, 300)[:, None, None]
    sky = (np.array([120, 160, 220]) + y * np.array([80, 60, -40])).repeat(450, axis=1)
    noisy = np.clip(sky + rng.normal(0, 6, sky.shape), 0, 255).astype("uint8")
    buf = io.BytesIO()
    Image.fromarray(noisy, "RGB").save(buf, "JPEG", quality=85)
    buf.seek(0)
    return buf


def _brochure(path: Path, pages: int = 4, raster_on_dark: bool = False) -> None:
    """A4: a pale page background everywhere, the same photo on every page, a rule under
    the heading; the emblem as vector art on page 1; on the last page, optionally, the
    emblem as a transparent PNG on a dark box."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    ms = load_standin()
    photo = ImageReader(_photo())
    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in range(1, pages + 1):
        c.setFillColor("#f5f0e4")
        c.rect(0, 0, w, h, stroke=0, fill=1)
        c.setFillColor("black")
        c.setFont("Helvetica", 11)
        for line in range(12):
            c.drawString(60, h - 200 - 15 * line, f"Stockholms stad informerar, rad {line}.")
        c.line(60, h - 180, w - 60, h - 180)
        c.drawImage(photo, 60, 120, 300, 200)
        if page == 1:
            ms.draw_reportlab(c, 60, h - 150, 30 * MM / 0.72)
        if page == pages and raster_on_dark:
            c.setFillColor("#0b2a5b")
            c.rect(380, 100, 160, 160, stroke=0, fill=1)
            buf = io.BytesIO()
            ms.render_emblem(200, "black").save(buf, "PNG")
            buf.seek(0)
            c.drawImage(ImageReader(buf), 400, 120, 120, 120, mask="auto")
        c.showPage()
    c.save()


def test_merge_boxes_joins_near_boxes_and_sums_counts():
    boxes = [[0, 0, 10, 10, 3], [12, 0, 20, 10, 4], [100, 100, 110, 110, 5]]
    merged = sorted(merge_boxes(boxes, gap=3))
    assert merged == [[0, 0, 20, 10, 7], [100, 100, 110, 110, 5]]
    assert merge_boxes([[0, 0, 10, 10], [12, 0, 20, 10]]) == [[0, 0, 10, 10], [12, 0, 20, 10]]


def test_reader_finds_vector_art_but_not_backgrounds_rules_or_photos(tmp_path):
    path = tmp_path / "broschyr.pdf"
    _brochure(path)
    doc = read(path)
    first, *rest = doc.pages
    [box] = first.vector_art
    x0, y0, x1, y1 = box
    # the emblem's square (118 pt) has its lower-left corner 60 pt from the left and 150 pt
    # from the top; the shield spans 14-86 % of its width
    side = 30 * MM / 0.72
    assert x0 == pytest.approx(60 + 0.14 * side, abs=3)
    assert x1 == pytest.approx(60 + 0.86 * side, abs=3)
    assert 150 - side <= y0 <= 150 - 0.8 * side and 140 <= y1 <= 151
    assert all(page.vector_art == [] for page in rest)
    # the same photo on every page is one stream: one digest for all
    assert len(doc.images) == 4 and len({ref.sha256 for ref in doc.images}) == 1


def test_pages_without_art_are_not_rendered_and_repeats_are_searched_once(tmp_path, monkeypatch):
    path = tmp_path / "broschyr.pdf"
    _brochure(path, pages=4)
    doc = read(path)
    rendered: list[int] = []
    for page in doc.pages:
        real = page.render

        def counting(dpi, real=real, number=page.number):
            rendered.append(number)
            return real(dpi)

        page.render = counting
    searched = []
    real_search = vision_analyse._search_image
    monkeypatch.setattr(
        vision_analyse,
        "_search_image",
        lambda ref, *a: searched.append(ref.index) or real_search(ref, *a),
    )
    result = analyse_document(doc)
    assert rendered == [1]  # the last page holds only text, a rule and the photo
    assert result.pages_scanned == [1, 4]
    assert searched == [0] and result.images_scanned == 4
    [match] = result.matches
    assert match.source == "page" and match.page == 1
    assert match.width_mm == pytest.approx(30, rel=0.05)


def test_unknown_art_means_the_whole_page_is_searched():
    calls = []
    image = Image.new("RGB", (400, 560), "white")

    def render(dpi):
        calls.append(dpi)
        return image

    doc = Document(path="x.pdf", format="pdf")
    doc.pages.append(Page(1, 200.0, 280.0, render=render, vector_art=None))
    doc.pages.append(Page(2, 200.0, 280.0, render=render, vector_art=[]))
    result = analyse_document(doc, VisionConfig(pages="all"))
    assert len(calls) == 1 and result.pages_scanned == [1, 2] and result.matches == []


def test_raster_logo_is_measured_again_on_the_printed_page(tmp_path):
    """A transparent black emblem on a dark box: alone (over white) it has high contrast;
    printed, it has almost none, and the page pass must say so."""
    path = tmp_path / "mörk.pdf"
    _brochure(path, pages=2, raster_on_dark=True)
    doc = read(path)
    result = analyse_document(doc)
    last = [m for m in result.matches if m.page == 2]
    assert [m.source for m in last] == ["page"]
    assert last[0].contrast is not None and last[0].contrast < 2.0
