"""Reference artwork loading, perceptual hashes, and the cost of importing kommlint.vision."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys

import pytest
from PIL import Image

from kommlint.vision.hashing import dhash, hamming, invert_hash_distance, phash
from kommlint.vision.reference import (
    ReferenceError,
    default_reference_dir,
    load_references,
    rasterise_svg,
    variant_from_image,
)


def test_import_is_cheap():
    code = "import sys, kommlint.vision; print('cv2' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_default_reference_is_the_shipped_standin():
    ref = load_references()
    names = [v.name for v in ref.variants]
    assert names == ["standin-emblem", "standin-emblem-black", "standin-emblem-negative"]
    for v in ref.variants:
        # the shield, not the canvas: x 140-860, y 62-950 of 1000 (aspect 0.81)
        assert v.aspect == pytest.approx(0.81, abs=0.01)
        assert v.mask.shape == v.rgba.shape[:2]
    assert ref.variants[2].opaque_background is not None
    assert ref.variants[0].opaque_background is None
    assert (default_reference_dir() / "README.md").is_file()


def test_png_beside_svg_counts_once(tmp_path):
    src = default_reference_dir()
    shutil.copy(src / "standin-emblem.png", tmp_path)
    shutil.copy(src / "standin-emblem.svg", tmp_path)
    ref = load_references([tmp_path])
    assert [v.name for v in ref.variants] == ["standin-emblem"]
    assert ref.sources[0].endswith(".png")


def test_single_file_and_relative_base(tmp_path):
    ref = load_references(["standin-emblem-black.png"], base=default_reference_dir())
    assert len(ref.variants) == 1
    assert ref.signature() != load_references().signature()


def test_missing_reference_is_a_clear_error(tmp_path):
    with pytest.raises(ReferenceError) as err:
        load_references([tmp_path / "nope.png"])
    assert "finns inte" in err.value.message
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ReferenceError):
        load_references([empty])
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    with pytest.raises(ReferenceError) as err:
        load_references([bad])
    assert "not a readable image" in err.value.message_en


def test_svg_reference_rasterises_or_says_to_use_png():
    svg = (default_reference_dir() / "standin-emblem.svg").read_bytes()
    try:
        img = rasterise_svg(svg, 256)
    except ReferenceError as err:
        assert "PNG" in err.message and "resvg-py" in err.message_en
    else:
        v = variant_from_image(img, "svg")
        assert v.aspect == pytest.approx(0.81, abs=0.02)


def test_opaque_variant_content_is_found_on_its_background():
    img = Image.new("RGB", (400, 300), (11, 42, 91))
    img.paste((255, 255, 255), (100, 50, 200, 250))
    v = variant_from_image(img, "box")
    assert v.aspect == pytest.approx(0.5, abs=0.02)


def _jpeg(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf)


def test_perceptual_hash_survives_resizing_and_jpeg():
    v = load_references().variants[0]
    content = v.content_image()
    small = _jpeg(content.resize((90, 111)), 50)
    assert hamming(phash(content), phash(small)) <= 6
    assert hamming(dhash(content), dhash(small)) <= 10
    other = Image.new("L", content.size, 255)
    other.paste(0, (0, 0, content.width // 2, content.height))
    assert hamming(phash(content), phash(other)) > 16


def test_inverted_hash_distance():
    v = load_references().variants[1]
    content = v.content_image()
    from PIL import ImageOps

    negative = ImageOps.invert(content)
    assert invert_hash_distance(phash(negative), phash(content)) <= 8


def test_variants_are_kept_on_disk_and_read_back_equal(tmp_path, monkeypatch):
    import numpy as np

    from kommlint.vision import reference as ref_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    computed = ref_module.load_references()
    stored = list(tmp_path.rglob("variant-*.npz"))
    assert len(stored) == len(computed.variants)
    calls = []
    real = ref_module.variant_from_image
    monkeypatch.setattr(
        ref_module, "variant_from_image", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    loaded = ref_module.load_references()
    assert calls == []  # nothing decoded or hashed again
    for a, b in zip(computed.variants, loaded.variants, strict=True):
        assert (a.name, a.path, a.file_sha256, a.content) == (
            b.name,
            b.path,
            b.file_sha256,
            b.content,
        )
        assert (a.phash, a.dhash, a.opaque_background) == (b.phash, b.dhash, b.opaque_background)
        assert np.array_equal(a.rgba, b.rgba) and np.array_equal(a.mask, b.mask)
    # a damaged file is computed again, not trusted
    for f in stored:
        f.write_bytes(b"broken")
    assert ref_module.load_references().variants[0].phash == computed.variants[0].phash
    assert len(calls) == len(computed.variants)
