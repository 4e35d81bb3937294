"""The document pass: fast path, embedded images, caching, page selection."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from kommlint.document import Document, ImageRef, Part
from kommlint.vision.analyse import VisionConfig, analyse_document, pages_to_scan
from kommlint.vision.reference import default_reference_dir


def test_pages_to_scan():
    assert pages_to_scan("first,last", 5) == [1, 5]
    assert pages_to_scan("first,last", 1) == [1]
    assert pages_to_scan("all", 3) == [1, 2, 3]
    assert pages_to_scan("2, -1, 9", 4) == [2, 4]
    assert pages_to_scan("first", 0) == []


def _ref(img: Image.Image, index: int = 0, **kw) -> ImageRef:
    return ImageRef(
        index=index,
        part=kw.pop("part", Part.BODY),
        page=kw.pop("page", None),
        width_px=img.width,
        height_px=img.height,
        load=lambda: img,
        **kw,
    )


def _jpeg(img: Image.Image) -> Image.Image:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=60)
    buf.seek(0)
    return Image.open(buf)


def test_fast_path_on_an_embedded_copy_and_its_placement():
    art = Image.open(default_reference_dir() / "standin-emblem.png").convert("RGBA")
    white = Image.new("RGBA", art.size, "white")
    white.alpha_composite(art)
    copy = _jpeg(white.resize((300, 300)))  # re-encoded and resized: not the same bytes
    doc = Document(path="x.docx", format="docx")
    doc.images.append(_ref(copy, part=Part.HEADER, display_size_mm=(30.0, 30.0)))
    doc.images.append(_ref(copy, 1, display_size_mm=(36.0, 30.0)))  # squeezed by its frame
    result = analyse_document(doc)
    assert [m.source for m in result.matches] == ["hash", "hash"]
    upright, wide = result.matches
    assert upright.part == Part.HEADER and upright.anisotropy < 0.03
    assert upright.width_mm == pytest.approx(30 * 0.72, rel=0.04)
    assert wide.anisotropy == pytest.approx(0.2, abs=0.03) and wide.stretch > 0
    assert analyse_document(doc) is result  # cached
    assert list(doc.annotations["vision"]) == [VisionConfig().key()]


def test_exact_file_and_pdf_boxes():
    path = default_reference_dir() / "standin-emblem-black.png"
    import hashlib

    img = Image.open(path)
    doc = Document(path="x.pdf", format="pdf")
    doc.images.append(
        _ref(
            img,
            page=1,
            bbox=(100.0, 100.0, 172.0, 172.0),
            sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        )
    )
    [m] = analyse_document(doc).matches
    assert m.source == "hash" and m.page == 1
    x0, _, x1, _ = m.bbox
    assert x0 == pytest.approx(100 + 72 * 0.14, abs=1.5)
    assert x1 - x0 == pytest.approx(72 * 0.72, abs=1.5)


def test_feature_match_inside_a_larger_embedded_image():
    art = Image.open(default_reference_dir() / "standin-emblem.png").resize((200, 200))
    banner = Image.new("RGB", (900, 400), (250, 250, 245))
    banner.paste(art, (600, 100), art)
    from PIL import ImageDraw

    ImageDraw.Draw(banner).text((40, 180), "Välkommen till biblioteket!", fill=(0, 0, 0))
    doc = Document(path="x.docx", format="docx")
    doc.images.append(_ref(banner))
    [m] = analyse_document(doc).matches
    assert m.source == "image" and m.width_px == pytest.approx(144, rel=0.03)
    assert m.contrast is not None and m.contrast > 5


def test_broken_image_is_a_notice_not_a_crash():
    def boom():
        raise OSError("truncated")

    doc = Document(path="x.docx", format="docx")
    doc.images.append(ImageRef(0, Part.BODY, None, 100, 100, boom, name="bild.png"))
    result = analyse_document(doc)
    assert result.matches == [] and result.images_scanned == 1
    assert doc.notices[0].code == "image_unreadable"


def test_reference_error_is_kept_not_raised(tmp_path):
    doc = Document(path="x.docx", format="docx")
    result = analyse_document(doc, VisionConfig(reference=(str(tmp_path / "none.png"),)))
    assert result.error is not None and "finns inte" in result.error[0]
