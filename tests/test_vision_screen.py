"""The cheap cascade in front of SIFT: the FAST-corner pre-screen and the coarse first
pass with its full-resolution second look."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageFilter

from conftest import load_standin
from kommlint.vision.geometry import pose
from kommlint.vision.matching import (
    bank_for,
    detect_logos,
    detect_logos_screened,
    screen_regions,
)
from kommlint.vision.reference import load_references
from test_vision_matching import emblem, page, put


@pytest.fixture(scope="module")
def ms():
    return load_standin()


@pytest.fixture(scope="module")
def bank():
    return bank_for(load_references())


def photo(size=(1200, 800), seed=3):
    """A smooth photo-like picture: blurred blobs of colour, no sharp structure."""
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 255, (size[1] // 80, size[0] // 80, 3), dtype=np.uint8)
    img = Image.fromarray(small).resize(size, Image.BICUBIC)
    return img.filter(ImageFilter.GaussianBlur(6))


def test_smooth_photo_is_rejected_without_sift(bank):
    gray = np.asarray(photo().convert("L"))
    assert screen_regions(gray, bank.min_corners) == []
    assert detect_logos_screened(gray, bank) == []


def test_text_page_is_searched_whole(bank):
    gray = np.asarray(page((900, 1200)).convert("L"))
    assert screen_regions(gray, bank.min_corners) is None


@pytest.mark.parametrize(("width", "palette"), [(40, "colour"), (70, "black"), (300, "colour")])
def test_logo_in_a_photo_is_kept_by_the_screen(ms, bank, width, palette):
    img = put(photo(seed=width), emblem(ms, width, palette), (640, 300))
    gray = np.asarray(img.convert("L"))
    regions = screen_regions(gray, bank.min_corners)
    assert regions is None or any(
        x0 <= 640 and y0 <= 300 and x1 >= 640 + width and y1 >= 300 + width
        for x0, y0, x1, y1 in regions
    )
    [det] = detect_logos_screened(gray, bank)
    assert det.bbox[0] == pytest.approx(640, abs=4)
    assert pose(det.homography, det.aspect).width == pytest.approx(width, rel=0.04)


@pytest.mark.parametrize("width", [60, 150, 400])
def test_coarse_pass_finds_and_measures_on_full_resolution(ms, bank, width):
    img = put(page((1240, 1754), seed=7), emblem(ms, width, stretch=1.12), (500, 700))
    [det] = detect_logos(img.convert("L"), bank, coarse=0.5)
    assert det.bbox[0] == pytest.approx(500, abs=4)
    p = pose(det.homography, det.aspect)
    assert p.width == pytest.approx(width * 1.12, rel=0.03)
    assert p.anisotropy == pytest.approx(0.12, abs=0.03)


def test_bank_keypoints_are_kept_on_disk(tmp_path, monkeypatch):
    from kommlint.vision import matching

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(matching, "_BANKS", {})
    reference = load_references()
    built = matching.bank_for(reference)
    assert list(tmp_path.rglob("bank-*.npz"))
    monkeypatch.setattr(matching, "_BANKS", {})
    loaded = matching.bank_for(reference)
    assert loaded is not built and loaded.min_corners == built.min_corners
    for a, b in zip(built.entries, loaded.entries, strict=True):
        assert np.array_equal(a["descriptors"], b["descriptors"])
        assert np.array_equal(a["points"], b["points"])
        assert [v.name for v in a["variants"]] == [v.name for v in b["variants"]]
    # a damaged file is rebuilt, not trusted
    for f in tmp_path.rglob("bank-*.npz"):
        f.write_bytes(b"not a bank")
    monkeypatch.setattr(matching, "_BANKS", {})
    assert matching.bank_for(reference).entries
    monkeypatch.setenv("KOMMLINT_VISION_CACHE", "0")
    assert matching._bank_file(reference) is None
