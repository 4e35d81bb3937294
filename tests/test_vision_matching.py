"""Feature matching and geometry on small synthetic scenes."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from PIL import Image, ImageDraw

from conftest import load_standin
from kommlint.vision.geometry import contrast_ratio, pose, relative_luminance
from kommlint.vision.matching import bank_for, detect_logos
from kommlint.vision.reference import load_references


@pytest.fixture(scope="module")
def ms():
    return load_standin()


@pytest.fixture(scope="module")
def bank():
    return bank_for(load_references())


def page(size=(800, 900), bg=(255, 255, 255), seed=1):
    rng = random.Random(seed)
    img = Image.new("RGB", size, bg)
    d = ImageDraw.Draw(img)
    for y in range(20, size[1] - 20, 22):
        x = rng.randint(10, 60)
        d.text((x, y), "Stockholms stad informerar om bygglov " * rng.randint(1, 2), fill=(0,) * 3)
    return img


def put(img, logo, xy):
    img.paste(logo, xy, logo if logo.mode == "RGBA" else None)
    return img


def emblem(ms, shield_px, palette="colour", stretch=1.0, rotate=0.0):
    bg = ms.NEGATIVE_BACKGROUND if palette == "negative" else None
    e = ms.render_emblem(round(shield_px / 0.72), palette, background=bg)
    if palette != "negative":
        e = e.crop(e.getchannel("A").getbbox())
    if stretch != 1.0:
        e = e.resize((round(e.width * stretch), e.height), Image.LANCZOS)
    if rotate:
        e = e.rotate(rotate, resample=Image.BICUBIC, expand=True)
    return e


def test_finds_colour_logo_with_its_box(ms, bank):
    logo = emblem(ms, 150)
    [det] = detect_logos(put(page(), logo, (300, 200)), bank)
    x0, y0, x1, _ = det.bbox
    assert (x0, y0) == pytest.approx((300, 200), abs=3)
    assert x1 - x0 == pytest.approx(150, abs=3)
    p = pose(det.homography, det.aspect)
    assert p.anisotropy < 0.02 and abs(p.rotation_deg) < 0.5
    assert p.width == pytest.approx(150, rel=0.02)
    assert det.score > 0.8


@pytest.mark.parametrize("palette", ["black", "negative"])
def test_finds_one_colour_and_negative(ms, bank, palette):
    dets = detect_logos(put(page(seed=2), emblem(ms, 110, palette), (420, 500)), bank)
    assert len(dets) == 1


def test_finds_one_colour_logo_inverted_on_dark_page(ms, bank):
    img = Image.new("RGB", (700, 700), (12, 30, 60))
    logo = emblem(ms, 140, "black")
    inverted = Image.merge(
        "RGBA", (*Image.eval(logo.convert("RGB"), lambda v: 255 - v).split(), logo.getchannel("A"))
    )
    [det] = detect_logos(put(img, inverted, (200, 200)), bank)
    assert det.inverted


def test_measures_rotation_and_stretch(ms, bank):
    [det] = detect_logos(put(page(seed=3), emblem(ms, 160, rotate=15), (250, 300)), bank)
    p = pose(det.homography, det.aspect)
    assert p.rotation_deg == pytest.approx(-15, abs=1.0)  # PIL turns counter-clockwise
    assert p.anisotropy < 0.03
    [det] = detect_logos(put(page(seed=4), emblem(ms, 140, stretch=1.2), (250, 300)), bank)
    p = pose(det.homography, det.aspect)
    assert p.anisotropy == pytest.approx(0.2, abs=0.03)
    assert p.stretch > 0.15


def test_finds_a_small_logo_through_the_zoom_pass(ms, bank):
    img = put(page((1200, 900), seed=5), emblem(ms, 44), (700, 400))
    [det] = detect_logos(img.convert("L"), bank)
    assert det.bbox[0] == pytest.approx(700, abs=4)


def test_ignores_text_and_other_emblems(ms, bank):
    img = page(seed=6)
    d = ImageDraw.Draw(img)
    # a crowned round seal and a plain shield
    d.ellipse([100, 100, 400, 400], fill=(13, 79, 85))
    d.ellipse([130, 130, 370, 370], fill=(255, 255, 255))
    d.polygon([(200, 250), (230, 170), (250, 230), (270, 160), (300, 250)], fill=(224, 164, 58))
    d.polygon([(450, 450), (700, 450), (700, 600), (575, 750), (450, 600)], fill=(13, 79, 85))
    assert detect_logos(img, bank) == []
    assert detect_logos(Image.new("L", (50, 50), 255), bank) == []


def test_pose_decomposition():
    a = np.array([[2.0, 0.0], [0.0, 2.0 / 0.8]])  # content units: y spans 1/aspect
    p = pose(a, 0.8)
    assert p.width == pytest.approx(2.0) and p.anisotropy == pytest.approx(0.25)
    assert p.stretch == pytest.approx(-0.2)  # taller than the artwork: narrower
    t = math.radians(10)
    r = np.array([[math.cos(t), -math.sin(t)], [math.sin(t), math.cos(t)]]) * 3
    p = pose(r, 0.8)
    assert p.rotation_deg == pytest.approx(10) and p.anisotropy == pytest.approx(0)
    assert p.stretch == pytest.approx(0.0)


def test_contrast_ratio():
    white, black = relative_luminance(np.array([255, 0]))
    assert contrast_ratio(white, black) == pytest.approx(21, rel=0.01)
    assert contrast_ratio(0.5, 0.5) == 1.0


def test_coarse_pass_scores_on_full_resolution(ms, bank):
    """A find of the scaled-down first pass is verified again on the full pixels (what
    tells the artwork from a look-alike may be lost at the coarse scale)."""
    from kommlint.vision.matching import to_gray, verify

    scene = put(page((1240, 1400), seed=4), emblem(ms, 360), (500, 400))
    [det] = detect_logos(scene, bank, coarse=0.5)
    variant = next(v for v in bank.reference.variants if v.name == det.variant)
    assert det.score == pytest.approx(verify(to_gray(scene), det.homography, variant), abs=1e-6)
    x0, y0, x1, _ = det.bbox
    assert (x0, y0, x1 - x0) == pytest.approx((500, 400, 360), abs=4)
