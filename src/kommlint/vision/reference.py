"""Reference artwork: the logotype variants that detection looks for.

The artwork is configuration. A deployment names one or more files (colour, one-colour,
negative; PNG, or SVG when an SVG rasteriser is installed) or a folder holding them; the
package ships a CC0 stand-in emblem (rules/assets/logo/) as the default so that everything
works out of the box. Nothing here assumes the stand-in's shapes or colours.

Each variant is cropped to its *content*: the opaque pixels of a transparent PNG, or the
pixels that differ from the corner colour of an opaque one (a negative on a coloured
square). Sizes and distortion are measured on that content box.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from PIL.Image import Image as PILImage

SUPPORTED_SUFFIXES = (".png", ".svg", ".jpg", ".jpeg", ".webp", ".tif", ".tiff")
# Rasterisation width (px) of SVG references and the working size of every variant.
WORK_SIZE = 1024


class ReferenceError(Exception):
    """The configured reference artwork cannot be used (missing, unreadable, SVG without
    a rasteriser). `message` is Swedish, `message_en` English."""

    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message = message
        self.message_en = message_en


@dataclass
class ReferenceVariant:
    """One variant of the artwork, cropped to its content (plus a small margin)."""

    name: str
    path: str
    file_sha256: str
    rgba: np.ndarray  # H x W x 4 uint8, cropped with margin
    content: tuple[int, int, int, int]  # x0, y0, x1, y1 of the content inside `rgba`
    mask: np.ndarray  # H x W bool: content pixels (alpha or "not background")
    opaque_background: tuple[int, int, int] | None  # corner colour of an opaque variant
    phash: int = 0
    dhash: int = 0
    _grays: dict[int, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    @property
    def content_size(self) -> tuple[int, int]:
        x0, y0, x1, y1 = self.content
        return x1 - x0, y1 - y0

    @property
    def aspect(self) -> float:
        w, h = self.content_size
        return w / h

    def gray(self, background: int = 255) -> np.ndarray:
        """Luminance composited over a flat background (white by default); computed once
        per background (verification asks for it at every candidate)."""
        cached = self._grays.get(background)
        if cached is not None:
            return cached
        import numpy as np

        rgb = self.rgba[..., :3].astype(np.float32)
        a = self.rgba[..., 3:4].astype(np.float32) / 255.0
        comp = rgb * a + background * (1.0 - a)
        lum = comp @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
        out = np.clip(lum + 0.5, 0, 255).astype(np.uint8)
        out.setflags(write=False)
        self._grays[background] = out
        return out

    def content_image(self) -> PILImage:
        """The content box composited over white, as a Pillow RGB image (for hashing)."""
        from PIL import Image

        x0, y0, x1, y1 = self.content
        return Image.fromarray(self.gray()[y0:y1, x0:x1])


@dataclass
class Reference:
    """All variants of the configured artwork."""

    variants: list[ReferenceVariant]
    sources: list[str] = field(default_factory=list)

    @property
    def aspect(self) -> float:
        return self.variants[0].aspect

    def variant(self, name: str) -> ReferenceVariant:
        return next(v for v in self.variants if v.name == name)

    def signature(self) -> str:
        h = hashlib.sha256()
        for v in self.variants:
            h.update(v.file_sha256.encode())
        return h.hexdigest()[:16]


def default_reference_dir() -> Path:
    """The shipped stand-in artwork: kommlint/packs/assets/logo when installed, else the
    repository's rules/assets/logo."""
    here = Path(__file__).resolve()
    installed = here.parent.parent / "packs" / "assets" / "logo"
    if installed.is_dir():
        return installed
    return here.parents[3] / "rules" / "assets" / "logo"


def _expand(paths: list[str | Path], base: Path | None) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if not p.is_absolute() and base is not None:
            p = base / p
        if p.is_dir():
            files = sorted(
                f
                for f in p.iterdir()
                if f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith(".")
            )
            # one file per stem: a PNG beside an SVG of the same name is the same artwork
            by_stem: dict[str, Path] = {}
            for f in files:
                if f.stem not in by_stem or f.suffix.lower() == ".png":
                    by_stem[f.stem] = f
            out.extend(by_stem[s] for s in sorted(by_stem))
        elif p.is_file():
            out.append(p)
        else:
            raise ReferenceError(
                f"Referensbilden för logotypen finns inte: {p}",
                f"The reference logo artwork does not exist: {p}",
            )
    if not out:
        raise ReferenceError(
            "Ingen referensbild för logotypen är konfigurerad.",
            "No reference logo artwork is configured.",
        )
    return out


def rasterise_svg(data: bytes, width: int = WORK_SIZE) -> PILImage:
    """Rasterise SVG with whichever offline rasteriser is installed (resvg-py, cairosvg or
    svglib). Raises ReferenceError when none is: use PNG artwork then."""
    from PIL import Image

    errors: list[str] = []
    try:
        import resvg_py  # type: ignore[import-not-found]

        png = resvg_py.svg_to_bytes(svg_string=data.decode("utf-8"), width=width)
        return Image.open(io.BytesIO(bytes(png))).convert("RGBA")
    except ImportError:
        errors.append("resvg-py")
    except (ValueError, UnicodeDecodeError) as exc:
        raise ReferenceError("Ogiltig SVG-fil.", f"Invalid SVG file ({exc}).") from exc
    try:
        import cairosvg  # type: ignore[import-not-found]

        png = cairosvg.svg2png(bytestring=data, output_width=width)
        return Image.open(io.BytesIO(png)).convert("RGBA")
    except (ImportError, OSError):
        errors.append("cairosvg")
    try:
        from reportlab.graphics import renderPM  # type: ignore[import-not-found]
        from svglib.svglib import svg2rlg  # type: ignore[import-not-found]

        drawing = svg2rlg(io.BytesIO(data))
        if drawing is None:
            raise ReferenceError("Ogiltig SVG-fil.", "Invalid SVG file.")
        k = width / max(drawing.width, 1)
        drawing.scale(k, k)
        drawing.width, drawing.height = drawing.width * k, drawing.height * k
        png = renderPM.drawToString(drawing, fmt="PNG", bg=0xFFFFFF)
        return Image.open(io.BytesIO(png)).convert("RGBA")
    except ImportError:
        errors.append("svglib")
    raise ReferenceError(
        "SVG-referensen kan inte rastreras: installera resvg-py (eller cairosvg/svglib) "
        "eller ange logotypen som PNG.",
        "The SVG reference cannot be rasterised: install resvg-py (or cairosvg/svglib) "
        f"or give the logotype as PNG (tried: {', '.join(errors)}).",
    )


def _read(path: Path) -> tuple[bytes, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReferenceError(
            f"Referensbilden kan inte läsas: {path} ({exc.strerror})",
            f"The reference artwork cannot be read: {path} ({exc.strerror})",
        ) from exc
    return data, hashlib.sha256(data).hexdigest()


def _decode(path: Path, data: bytes) -> PILImage:
    from PIL import Image, UnidentifiedImageError

    if path.suffix.lower() == ".svg":
        return rasterise_svg(data)
    try:
        img = Image.open(io.BytesIO(data))
        img.load()
    except (UnidentifiedImageError, OSError) as exc:
        raise ReferenceError(
            f"Referensbilden är ingen läsbar bild: {path}",
            f"The reference artwork is not a readable image: {path}",
        ) from exc
    return img.convert("RGBA")


def variant_from_image(
    img: PILImage, name: str, path: str = "", sha: str = "", work_size: int = WORK_SIZE
) -> ReferenceVariant:
    """Build a variant from a Pillow image: normalise its size (`work_size` px on the long
    side), find its content box."""
    import numpy as np
    from PIL import Image

    img = img.convert("RGBA")
    scale = work_size / max(img.size)
    if abs(scale - 1.0) > 0.01:
        # a small probe (the fast path's) may shrink by box-averaging first: its hash is
        # taken from a 32 x 32 thumbnail anyway; the reference keeps a full Lanczos
        gap = 2.0 if work_size < WORK_SIZE else None
        img = img.resize(
            (max(1, round(img.width * scale)), max(1, round(img.height * scale))),
            Image.LANCZOS,
            reducing_gap=gap,
        )
    arr = np.asarray(img).copy()
    alpha = arr[..., 3]
    background: tuple[int, int, int] | None = None
    if int(alpha.min()) < 128:
        mask = alpha >= 128
        arr[alpha == 0, :3] = 255  # undefined colour under full transparency
    else:
        corners = np.array([arr[0, 0, :3], arr[0, -1, :3], arr[-1, 0, :3], arr[-1, -1, :3]])
        bg = np.median(corners, axis=0)
        background = (int(bg[0]), int(bg[1]), int(bg[2]))
        diff = np.abs(arr[..., :3].astype(np.int16) - bg.astype(np.int16)).max(axis=2)
        mask = diff > 40
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        raise ReferenceError(
            f"Referensbilden är tom: {path or name}",
            f"The reference artwork is empty: {path or name}",
        )
    x0, x1, y0, y1 = int(xs.min()), int(xs.max()) + 1, int(ys.min()), int(ys.max()) + 1
    # keep a margin of 4 % so that features on the outline see some background
    pad = round(0.04 * max(x1 - x0, y1 - y0))
    fill = (*background, 255) if background else (255, 255, 255, 0)
    h, w = arr.shape[:2]
    canvas = np.zeros((y1 - y0 + 2 * pad, x1 - x0 + 2 * pad, 4), dtype=np.uint8)
    canvas[...] = np.array(fill, dtype=np.uint8)
    sx0, sy0 = max(0, x0 - pad), max(0, y0 - pad)
    sx1, sy1 = min(w, x1 + pad), min(h, y1 + pad)
    canvas[sy0 - (y0 - pad) : sy1 - (y0 - pad), sx0 - (x0 - pad) : sx1 - (x0 - pad)] = arr[
        sy0:sy1, sx0:sx1
    ]
    cmask = np.zeros(canvas.shape[:2], dtype=bool)
    cmask[pad : pad + y1 - y0, pad : pad + x1 - x0] = mask[y0:y1, x0:x1]
    v = ReferenceVariant(
        name=name,
        path=path,
        file_sha256=sha,
        rgba=canvas,
        content=(pad, pad, pad + x1 - x0, pad + y1 - y0),
        mask=cmask,
        opaque_background=background,
    )
    from kommlint.vision.hashing import dhash, phash

    content = v.content_image()
    v.phash = phash(content)
    v.dhash = dhash(content)
    return v


def load_references(paths: list[str | Path] | None = None, base: Path | None = None) -> Reference:
    """Load the configured artwork (files or folders; relative paths against `base`).
    None loads the shipped stand-in."""
    files = _expand(list(paths) if paths else [default_reference_dir()], base)
    variants = []
    for f in files:
        data, sha = _read(f)
        variant = _stored_variant(f, sha)
        if variant is None:
            variant = variant_from_image(_decode(f, data), f.stem, str(f), sha)
            _store_variant(variant)
        variants.append(variant)
    return Reference(variants=variants, sources=[str(f) for f in files])


# A variant's normalised pixels and hashes are kept in the user's cache folder, keyed by
# the artwork file's content: a new process reads them (a few ms) instead of decoding,
# resizing and hashing the artwork again (~30 ms a file).
VARIANT_FORMAT = 1


def cache_file(name: str) -> Path | None:
    """A file of reference data in the user's cache folder (`<cache>/vision/name`), or None
    when that is switched off (KOMMLINT_VISION_CACHE=0)."""
    import os

    if os.environ.get("KOMMLINT_VISION_CACHE", "1") == "0":
        return None
    from kommlint.cache import default_cache_dir

    return default_cache_dir() / "vision" / name


def save_arrays(path: Path | None, arrays: dict[str, Any]) -> None:
    """Write arrays to an .npz file atomically (parallel workers never see half a file);
    a read-only or full cache folder only costs a recomputation next time."""
    import os
    import tempfile

    import numpy as np

    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npz.tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                np.savez(handle, **arrays)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except Exception:
        return


def _variant_file(sha: str) -> Path | None:
    key = hashlib.sha256(f"{VARIANT_FORMAT}:{WORK_SIZE}:{sha}".encode()).hexdigest()[:24]
    return cache_file(f"variant-{key}.npz")


def _stored_variant(path: Path, sha: str) -> ReferenceVariant | None:
    import numpy as np

    try:
        stored = _variant_file(sha)
        if stored is None or not stored.is_file():
            return None
        with np.load(stored, allow_pickle=False) as data:
            background = tuple(int(c) for c in data["background"])
            return ReferenceVariant(
                name=path.stem,
                path=str(path),
                file_sha256=sha,
                rgba=data["rgba"],
                content=tuple(int(c) for c in data["content"]),  # type: ignore[arg-type]
                mask=data["mask"],
                opaque_background=background if len(background) == 3 else None,  # type: ignore[arg-type]
                phash=int(data["hashes"][0]),
                dhash=int(data["hashes"][1]),
            )
    except Exception:  # unreadable or from another version: compute it again
        return None


def _store_variant(variant: ReferenceVariant) -> None:
    import numpy as np

    save_arrays(
        _variant_file(variant.file_sha256),
        {
            "rgba": variant.rgba,
            "mask": variant.mask,
            "content": np.array(variant.content, dtype=np.int64),
            "background": np.array(variant.opaque_background or (), dtype=np.int64),
            "hashes": np.array([variant.phash, variant.dhash], dtype=np.uint64),
        },
    )


_CACHE: dict[tuple[Any, ...], Reference] = {}


def cached_references(paths: list[str | Path] | None = None, base: Path | None = None) -> Reference:
    """`load_references` memoised per process (a batch run loads the artwork once)."""
    key = (tuple(str(p) for p in paths or ()), str(base) if base else None)
    ref = _CACHE.get(key)
    if ref is None:
        ref = _CACHE[key] = load_references(paths, base)
    return ref
