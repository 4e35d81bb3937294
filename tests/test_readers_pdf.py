"""The PDF reader on real generated files (fixtures/make_fixtures.py)."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import make_fixtures as mf
import pytest

from kommlint.document import Part
from kommlint.readers import ReaderOptions, read

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
HAS_TESSERACT = shutil.which("tesseract") is not None


@pytest.fixture(scope="module")
def brochure():
    return read(FIXTURES / "broschyr.pdf")


def test_brochure_pages_and_metadata(brochure) -> None:
    assert brochure.format == "pdf"
    assert brochure.page_count == 4
    page = brochure.pages[0]
    assert (round(page.width_pt), round(page.height_pt)) == (595, 842)
    assert all(p.has_text_layer for p in brochure.pages)
    assert brochure.metadata["title"] == "Välkommen till biblioteket"
    assert brochure.metadata["author"] == "Stockholms stad"
    assert brochure.metadata["created"].startswith("2000-01-01T00:00:00")
    meta = {b.kind: b.text for b in brochure.blocks if b.part == Part.METADATA}
    assert meta["title"] == "Välkommen till biblioteket"
    assert meta["author"] == "Stockholms stad"
    assert all(b.page is None for b in brochure.blocks if b.part == Part.METADATA)


def test_brochure_footer_on_every_page_and_running_header(brochure) -> None:
    footers = [b for b in brochure.blocks if b.part == Part.FOOTER]
    assert {b.page for b in footers if b.text == "Stockholms stad"} == {1, 2, 3, 4}
    assert {b.page for b in footers if b.text.startswith("Sida")} == {1, 2, 3, 4}
    headers = [b for b in brochure.blocks if b.part == Part.HEADER]
    assert {(b.page, b.text) for b in headers} == {
        (n, "Biblioteken i Stockholm") for n in (2, 3, 4)
    }
    body = " ".join(b.text for b in brochure.text_blocks(Part.BODY))
    assert "Stockholms stad" not in body  # the footer is not body text
    assert "08-508 000 00" in body and "stockholm.se" in body


def test_brochure_reading_order_and_headings(brochure) -> None:
    assert [b.index for b in brochure.blocks] == list(range(len(brochure.blocks)))
    first = brochure.blocks[0]
    assert (first.kind, first.heading_level, first.page) == ("heading", 1, 1)
    assert first.text == "Välkommen till biblioteket"
    h2 = [b.text for b in brochure.blocks if b.heading_level == 2]
    assert "Låna böcker och filmer" in h2 and "Kontakta oss" in h2
    pages = [b.page for b in brochure.blocks if b.page is not None]
    assert pages == sorted(pages)
    # the hyphenated "infor-" / "mation" of page 2 is joined
    assert any("mer information om nya böcker" in b.text for b in brochure.blocks)


def test_brochure_boxes_are_top_left_points(brochure) -> None:
    heading = brochure.blocks[0]
    x0, y0, x1, y1 = heading.bbox
    assert 60 < x0 < x1 < 595 and 150 < y0 < y1 < 300  # near the top, below the logo
    footer = next(b for b in brochure.blocks if b.part == Part.FOOTER)
    assert footer.bbox[1] > 780  # bottom of the page, y grows downwards
    block = next(b for b in brochure.blocks if "08-508 000 00" in b.text)
    start = block.text.index("08-508")
    box = block.bbox_for(start, start + len("08-508 000 00"))
    assert block.bbox[0] <= box[0] < box[2] <= block.bbox[2] + 0.5


def test_brochure_raster_logo_on_the_last_page(brochure) -> None:
    assert len(brochure.images) == 1  # page 1's logo is vector art, not an image
    image = brochure.images[0]
    assert image.page == 4 and image.part == Part.BODY
    assert (image.width_px, image.height_px) == (256, 256)
    assert image.display_size_mm == pytest.approx((30.0, 30.0), abs=0.1)
    x0, y0, x1, y1 = image.bbox
    assert x1 - x0 == pytest.approx(85.04, abs=0.1) and 0 < y0 < y1 < 842
    pixels = image.load()
    assert pixels.size == (256, 256)


def test_pages_render_on_demand_and_documents_pickle(brochure) -> None:
    page = brochure.pages[0]
    width, height = page.render(72).size
    assert abs(width - 595) <= 1 and abs(height - 842) <= 1
    width, height = page.render(36).size
    assert abs(width - 298) <= 1 and abs(height - 421) <= 1
    # renderers and loaders hold a path, not an open file: documents travel between processes
    clone = pickle.loads(pickle.dumps(brochure))
    assert clone.pages[3].render(36).size == (width, height)
    assert clone.images[0].load().size == (256, 256)


def test_hyphenation_ligatures_and_word_boxes(tmp_path: Path) -> None:
    document = read(mf.make_hyphen_pdf(tmp_path / "avstavning.pdf"))
    body = document.text_blocks(Part.BODY)
    assert len(body) == 1
    text = body[0].text
    assert "vår kommunikation med" in text
    assert "Ring 08-508 000 00" in text
    assert "om EU-medel för" in text
    assert "Stockholms- och Uppsalaregionen" in text
    assert "Det finns mer information på webben." in text
    assert "\ufb01" not in text and "\u00ad" not in text
    words = [text[s:e] for s, e, _b in body[0].word_boxes]
    assert words[:5] == ["Vi", "vill", "förbättra", "vår", "kommunika"]
    start = text.index("kommunikation")
    _x0, y0, _x1, y1 = body[0].bbox_for(start, start + len("kommunikation"))
    assert y1 - y0 > 20  # the word spans two lines


def test_running_headers_in_a_long_report(tmp_path: Path) -> None:
    document = read(mf.make_report_pdf(tmp_path / "rapport.pdf", pages=6))
    headers = [b for b in document.blocks if b.part == Part.HEADER]
    assert {b.page for b in headers} == {1, 2, 4, 5, 6}  # page 3 has no header line
    assert {b.text for b in headers} == {"Årsrapport 2025 – Trafikkontoret"}
    footers = {(b.page, b.text) for b in document.blocks if b.part == Part.FOOTER}
    assert (3, "Stockholms stad") in footers and (6, "6 (6)") in footers
    chapters = [b for b in document.blocks if b.text.startswith("Kapitel")]
    assert len(chapters) == 6
    assert all(b.part == Part.BODY and b.kind == "heading" for b in chapters)


@pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract is not installed")
def test_scanned_page_is_read_by_ocr(tmp_path: Path) -> None:
    document = read(mf.make_scanned_pdf(tmp_path / "skannad.pdf"))
    assert document.pages[0].has_text_layer is False
    ocr = document.text_blocks(Part.OCR)
    text = " ".join(b.text for b in ocr)
    assert "Stockholms" in text and "biblioteket" in text
    block = ocr[0]
    assert block.page == 1 and block.word_boxes
    # boxes are in PDF points (A6 is 298 x 420 pt), not in pixels of the 300 dpi rendering
    assert all(
        0 <= b[0] < b[2] <= 298 and 0 <= b[1] < b[3] <= 420 for _s, _e, b in block.word_boxes
    )
    assert not document.notices


def test_scanned_page_without_tesseract_gives_a_notice(tmp_path: Path, monkeypatch) -> None:
    path = mf.make_scanned_pdf(tmp_path / "skannad.pdf")
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    document = read(path)
    assert not document.text_blocks(Part.OCR)
    assert [n.code for n in document.notices] == ["ocr_unavailable"]
    notice = document.notices[0]
    assert notice.page == 1 and "Tesseract" in notice.message and "Tesseract" in notice.message_en


def test_ocr_can_be_turned_off(tmp_path: Path) -> None:
    document = read(mf.make_scanned_pdf(tmp_path / "skannad.pdf"), ReaderOptions(ocr=False))
    assert not document.text_blocks(Part.OCR)
    assert [n.code for n in document.notices] == ["ocr_disabled"]


def test_rotated_pages_keep_text_order_and_turn_boxes(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(FIXTURES / "broschyr.pdf").pages:
        page.rotate(90)
        writer.add_page(page)
    path = tmp_path / "liggande.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    upright = read(FIXTURES / "broschyr.pdf")
    turned = read(path)

    def texts(document):
        return [(b.part, b.text) for b in document.blocks if b.part != Part.METADATA]

    assert texts(turned) == texts(upright)
    page = turned.pages[0]
    assert (round(page.width_pt), round(page.height_pt)) == (842, 595)
    heading = turned.blocks[0]
    x0, y0, x1, y1 = heading.bbox
    # turned 90° clockwise: the heading near the top now runs down the right-hand side
    assert 560 < x0 < x1 < 700 and 60 < y0 < y1 < 400
    image = turned.images[0]
    assert image.bbox[0] > 421 and image.bbox[2] - image.bbox[0] == pytest.approx(85, abs=1)


def test_owner_password_only_pdf_is_readable(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt

    encryption = pdfencrypt.StandardEncryption("", ownerPassword="ägare", canPrint=0)
    path = mf.make_small_pdf(tmp_path / "begransad.pdf", encrypt=encryption)
    document = read(path)
    assert document.page_count == 3
    assert any("Stockholms stad" in b.text for b in document.blocks)


@pytest.mark.parametrize("interleave", [True, False])
def test_two_columns_come_out_as_two_paragraphs(tmp_path: Path, interleave: bool) -> None:
    document = read(mf.make_columns_pdf(tmp_path / "spalter.pdf", interleave=interleave))
    body = document.text_blocks(Part.BODY)
    assert [b.text.split(" rad ")[0] for b in body] == ["Vänster spalt", "Höger spalt"]
    assert body[0].text.count("rad") == 5 and body[1].text.count("rad") == 5
    assert body[0].bbox[2] < body[1].bbox[0]  # side by side


@pytest.mark.slow
def test_a_500_page_pdf_reads_page_by_page(tmp_path: Path) -> None:
    import time

    from reportlab.pdfgen import canvas

    path = tmp_path / "lang.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    for page in range(1, 501):
        c.setFont("Helvetica", 9)
        c.drawString(60, 800, "Rapport om trafiken")
        c.drawString(60, 40, f"Sida {page} av 500")
        c.setFont("Helvetica", 11)
        for row in range(40):
            c.drawString(60, 760 - 15 * row, f"Rad {row} på sida {page} om trafiken i staden.")
        c.showPage()
    c.save()
    started = time.process_time()
    document = read(path)
    assert time.process_time() - started < 30
    assert document.page_count == 500
    assert len([b for b in document.blocks if b.part == Part.HEADER]) == 500
    assert len([b for b in document.blocks if b.part == Part.FOOTER]) == 500
    assert document.pages[499].render(20).size[0] in (165, 166)
