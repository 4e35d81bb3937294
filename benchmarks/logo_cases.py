"""Generate the logo benchmark's cases (written to a temporary folder at run time).

Every case is a raster scene (PNG or JPEG) or a PDF, with its ground truth: is the
reference logo there, in which variant, how large, rotated or stretched by how much.
Decoys are drawn here from scratch: other crowned heads, circular crests, shields with
other charges (some with the same frame, crown and stars as the stand-in), wordmarks.
Nothing is committed: `python benchmarks/logo_benchmark.py` regenerates them.
"""

from __future__ import annotations

import importlib.util
import io
import json
import math
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
ART = ROOT / "rules" / "assets" / "logo"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
WORDS = [
    "Stockholms",
    "stad",
    "informerar",
    "om",
    "nya",
    "öppettider",
    "för",
    "biblioteket",
    "i",
    "Hägersten",
    "under",
    "sommaren",
    "och",
    "välkomnar",
    "alla",
    "invånare",
    "till",
    "förskolan",
    "parken",
    "trafiken",
    "bygglov",
    "ansökan",
    "kontakta",
    "oss",
    "medborgare",
    "kultur",
    "skola",
    "stadsdelsförvaltning",
    "nämnd",
    "beslut",
    "möte",
    "hösten",
]


def standin() -> ModuleType:
    """The stand-in generator that ships beside the reference art."""
    spec = importlib.util.spec_from_file_location("make_standin", ART / "make_standin.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@dataclass
class Case:
    name: str
    path: str
    kind: str  # "image" | "pdf"
    present: bool
    variant: str | None = None
    width_frac: float | None = None  # logo (shield) width / page width
    width_px: float | None = None
    rotation: float = 0.0
    stretch: float = 1.0  # width factor applied on top of a uniform scale (1 = undistorted)
    decoys: list[str] = field(default_factory=list)
    jpeg: int | None = None
    grayscale: bool = False
    page: int | None = None  # PDF: page that holds the logo
    width_mm: float | None = None
    bbox: tuple[float, float, float, float] | None = None  # ground truth, scene px / PDF pt

    @property
    def distorted(self) -> bool:
        return abs(self.stretch - 1.0) > 0.05


def _font(size: int, bold: bool = False) -> Any:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:
        return ImageFont.load_default()


def clutter(img: Image.Image, rng: random.Random, avoid: list[tuple[int, int, int, int]]) -> None:
    """Text lines, coloured boxes and a photo-like blob field."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(rng.randint(0, 3)):
        x, y = rng.randint(0, w - 40), rng.randint(0, h - 40)
        col = tuple(rng.randint(60, 240) for _ in range(3))
        d.rectangle([x, y, x + rng.randint(40, w // 3), y + rng.randint(20, h // 5)], fill=col)
    if rng.random() < 0.4:  # a "photo": smooth random blobs
        pw, ph = rng.randint(w // 5, w // 2), rng.randint(h // 8, h // 3)
        small = Image.effect_noise((max(2, pw // 24), max(2, ph // 24)), 80).convert("RGB")
        photo = small.resize((pw, ph), Image.BICUBIC).filter(ImageFilter.GaussianBlur(2))
        img.paste(photo, (rng.randint(0, w - pw), rng.randint(0, h - ph)))
    size = max(10, w // rng.randint(45, 80))
    font = _font(size)
    y = rng.randint(0, size * 3)
    while y < h - size:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12)))
        x = rng.randint(0, w // 10)
        box = (x, y, x + int(len(line) * size * 0.55), y + size)
        if not any(_overlap(box, a) for a in avoid):
            d.text((x, y), line, fill=(20, 20, 20), font=font)
        y += int(size * rng.uniform(1.4, 3.5))


def _overlap(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return not (a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1])


# ------------------------------------------------------------------ decoys --


def _poly(d: ImageDraw.ImageDraw, pts: list[tuple[float, float]], **kw: Any) -> None:
    d.polygon([(float(x), float(y)) for x, y in pts], **kw)


def decoy(kind: str, size: int, rng: random.Random) -> Image.Image:
    """An emblem that is *not* the reference (RGBA, about `size` px wide)."""
    ms = standin()
    big = size * 3
    s = big / 1000.0
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    ink = rng.choice([(13, 79, 85), (0, 0, 0), (20, 40, 120), (120, 20, 30)])
    gold = (224, 164, 58)

    def crown(cx: float, cy: float, w: float) -> None:
        pts = [(cx - w / 2, cy), (cx - w / 2, cy - w * 0.5), (cx - w / 4, cy - w * 0.22)]
        pts += [(cx, cy - w * 0.6), (cx + w / 4, cy - w * 0.22), (cx + w / 2, cy - w * 0.5)]
        pts += [(cx + w / 2, cy)]
        _poly(d, [(x * s, y * s) for x, y in pts], fill=gold, outline=ink, width=max(1, int(6 * s)))

    if kind == "crowned_head_round":  # a crowned head in profile on a round seal
        d.ellipse([40 * s, 40 * s, 960 * s, 960 * s], fill=ink)
        d.ellipse([80 * s, 80 * s, 920 * s, 920 * s], fill=(255, 255, 255))
        d.ellipse([110 * s, 110 * s, 890 * s, 890 * s], fill=ink)
        d.ellipse([330 * s, 360 * s, 640 * s, 720 * s], fill=(255, 255, 255))
        _poly(d, [(620 * s, 500 * s), (700 * s, 560 * s), (625 * s, 590 * s)], fill=(255,) * 3)
        d.rectangle([430 * s, 700 * s, 560 * s, 820 * s], fill=(255, 255, 255))
        crown(480, 360, 300)
    elif kind == "crowned_head_left":  # a crowned head facing left in a shield
        pts = [(150, 80), (850, 80), (850, 480), (500, 940), (150, 480)]
        _poly(d, [(x * s, y * s) for x, y in pts], fill=ink)
        d.ellipse([380 * s, 330 * s, 660 * s, 660 * s], fill=(255, 255, 255))
        _poly(d, [(390 * s, 470 * s), (300 * s, 540 * s), (395 * s, 570 * s)], fill=(255,) * 3)
        d.rectangle([450 * s, 640 * s, 600 * s, 800 * s], fill=(255, 255, 255))
        crown(520, 330, 280)
        ms_star = ms.flatten(ms.star(250, 200, 40, 18, 5))[0][0]
        _poly(d, [(x * s, y * s) for x, y in ms_star], fill=gold)
    elif kind == "same_frame_tower":  # the stand-in's frame, stars and a crown; a tower
        for role, path in (("ink", ms.SHIELD_OUTER), ("paper", ms.SHIELD_RING)):
            col = ink if role == "ink" else (255, 255, 255)
            _poly(d, [(x * s, y * s) for x, y in ms.flatten(path)[0][0]], fill=col)
        _poly(d, [(x * s, y * s) for x, y in ms.flatten(ms.SHIELD_FIELD)[0][0]], fill=ink)
        for cx, cy, r1, r2, n in ((258, 178, 46, 20, 6), (752, 190, 34, 15, 5)):
            _poly(
                d,
                [(x * s, y * s) for x, y in ms.flatten(ms.star(cx, cy, r1, r2, n))[0][0]],
                fill=gold,
            )
        d.rectangle([400 * s, 420 * s, 600 * s, 820 * s], fill=(255, 255, 255))
        for i in range(4):
            x = 400 + i * 60
            d.rectangle([x * s, 370 * s, (x + 35) * s, 420 * s], fill=(255, 255, 255))
        d.rectangle([470 * s, 680 * s, 530 * s, 820 * s], fill=ink)
        crown(500, 330, 260)
    elif kind == "crest_text":  # a circular crest with lettering and a star
        d.ellipse([30 * s, 30 * s, 970 * s, 970 * s], fill=ink)
        d.ellipse([190 * s, 190 * s, 810 * s, 810 * s], fill=(255, 255, 255))
        font = _font(max(8, int(80 * s)), bold=True)
        text = "KOMMUNEN * SIGILL * ANNO 1436 * "
        for i, ch in enumerate(text):
            a = 2 * math.pi * i / len(text) - math.pi / 2
            cx, cy = 500 + 390 * math.cos(a), 500 + 390 * math.sin(a)
            d.text((cx * s, cy * s), ch, fill=(255, 255, 255), font=font, anchor="mm")
        star = ms.flatten(ms.star(500, 500, 250, 100, 5))[0][0]
        _poly(d, [(x * s, y * s) for x, y in star], fill=ink)
    elif kind == "shield_cross":  # a shield with a cross and keys
        pts = ms.flatten(ms.SHIELD_OUTER)[0][0]
        _poly(d, [(x * s, y * s) for x, y in pts], fill=(170, 20, 30))
        d.rectangle([440 * s, 120 * s, 560 * s, 880 * s], fill=(255, 255, 255))
        d.rectangle([180 * s, 380 * s, 820 * s, 500 * s], fill=(255, 255, 255))
        d.ellipse([250 * s, 600 * s, 350 * s, 700 * s], outline=gold, width=int(20 * s))
    elif kind == "wordmark":
        font = _font(max(10, int(120 * s)), bold=True)
        d.text((20 * s, 420 * s), "STOCKHOLMS", fill=ink, font=font)
        d.text((20 * s, 560 * s), "STAD", fill=ink, font=font)
    else:
        raise ValueError(kind)
    return img.resize((size, size), Image.LANCZOS)


DECOYS = (
    "crowned_head_round",
    "crowned_head_left",
    "same_frame_tower",
    "crest_text",
    "shield_cross",
    "wordmark",
)

# ------------------------------------------------------------------- logos --

SHIELD_W = 0.72  # shield width / emblem square (make_standin: x 140..860)


def logo_image(
    ms: ModuleType, variant: str, shield_w: float, stretch: float, rotation: float, aa: bool
) -> Image.Image:
    square = max(8, round(shield_w / SHIELD_W))
    bg = ms.NEGATIVE_BACKGROUND if variant == "negative" else None
    img = ms.render_emblem(square, variant, background=bg, supersample=4 if aa else 1)
    if variant != "negative":
        img = img.crop(img.getchannel("A").getbbox())
    if abs(stretch - 1.0) > 1e-3:
        img = img.resize((max(4, round(img.width * stretch)), img.height), Image.LANCZOS)
    if abs(rotation) > 1e-3:
        img = img.rotate(rotation, resample=Image.BICUBIC, expand=True)
    return img


def make_image_case(i: int, rng: random.Random, out: Path, ms: ModuleType, kind: str) -> Case:
    portrait = rng.random() < 0.6
    w, h = (1240, 1754) if portrait else (1600, 1000)
    bg_dark = rng.random() < 0.12
    bg = (11, 30, 60) if bg_dark else rng.choice([(255, 255, 255)] * 4 + [(245, 240, 228)])
    img = Image.new("RGB", (w, h), bg)
    case = Case(
        name=f"img{i:03d}-{kind}", path="", kind="image", present=kind in ("positive", "distorted")
    )
    avoid: list[tuple[int, int, int, int]] = []
    if kind in ("positive", "distorted"):
        variant = rng.choice(["colour", "black", "negative"])
        if bg_dark and variant == "black":
            variant = "negative"
        max_frac = 1.0 if portrait else 0.5
        # log-uniform between 3 % and 100 % of the page width
        frac = math.exp(rng.uniform(math.log(0.03), math.log(max_frac * 0.97)))
        stretch = 1.0
        if kind == "distorted":
            stretch = rng.choice([-1, 1]) * rng.uniform(0.08, 0.25) + 1.0
            frac = max(frac, 0.04)
        rotation = rng.uniform(-8, 8) if rng.random() < 0.3 else 0.0
        logo = logo_image(
            ms, variant, frac * w / max(stretch, 1.0), stretch, rotation, rng.random() < 0.8
        )
        if logo.width > w or logo.height > h:
            logo.thumbnail((w - 2, h - 2))
        x = rng.randint(0, w - logo.width)
        y = rng.randint(0, h - logo.height)
        avoid.append((x, y, x + logo.width, y + logo.height))
        case.variant, case.width_frac, case.rotation, case.stretch = (
            variant,
            frac,
            rotation,
            stretch,
        )
        case.width_px = frac * w
        case.bbox = (x, y, x + logo.width, y + logo.height)
    else:
        logo = None
        x = y = 0
    if not bg_dark:
        clutter(img, rng, avoid)
    n_decoys = rng.randint(1, 3) if kind == "decoy" else (1 if rng.random() < 0.3 else 0)
    for _ in range(n_decoys):
        dk = rng.choice(DECOYS)
        size = int(w * math.exp(rng.uniform(math.log(0.05), math.log(0.6))))
        dimg = decoy(dk, size, rng)
        for _try in range(20):
            dx, dy = rng.randint(0, max(0, w - size)), rng.randint(0, max(0, h - size))
            if not any(_overlap((dx, dy, dx + size, dy + size), a) for a in avoid):
                img.paste(dimg, (dx, dy), dimg)
                avoid.append((dx, dy, dx + size, dy + size))
                case.decoys.append(dk)
                break
    if logo is not None:
        if logo.mode == "RGBA":
            img.paste(logo, (x, y), logo)
        else:
            img.paste(logo, (x, y))
    if rng.random() < 0.2:
        img = img.convert("L")
        case.grayscale = True
    if rng.random() < 0.5:
        case.jpeg = rng.randint(35, 90)
        path = out / f"{case.name}.jpg"
        img.save(path, quality=case.jpeg)
    else:
        path = out / f"{case.name}.png"
        img.save(path)
    case.path = str(path)
    return case


def make_pdf_case(i: int, rng: random.Random, out: Path, ms: ModuleType, kind: str) -> Case:
    """A 3-page A4 PDF: the logo as vector art (or an embedded PNG) on page 1 or 3."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas as rl_canvas

    pw, ph = A4
    path = out / f"pdf{i:03d}-{kind}.pdf"
    c = rl_canvas.Canvas(str(path), pagesize=A4)
    case = Case(
        name=path.stem, path=str(path), kind="pdf", present=kind in ("positive", "distorted")
    )
    logo_page = rng.choice([1, 3]) if case.present else None
    mm = 72 / 25.4
    for page in (1, 2, 3):
        c.setFont("Helvetica", 10)
        for k in range(40):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 11)))
            c.drawString(70, ph - 160 - k * 15, words)
        if kind == "decoy" and page == 1:
            dimg = decoy(rng.choice(DECOYS), 300, rng)
            c.drawImage(ImageReader(dimg), 380, ph - 140, 110, 110, mask="auto")
        if page == logo_page:
            variant = rng.choice(["colour", "black", "negative"])
            width_mm = rng.uniform(10, 60)
            stretch = 1.0
            if kind == "distorted":
                stretch = rng.choice([-1, 1]) * rng.uniform(0.08, 0.25) + 1.0
            sq = width_mm * mm / SHIELD_W  # the emblem square holding a shield this wide
            x, y = rng.uniform(20, pw - sq * stretch - 20), rng.uniform(20, ph - sq - 20)
            if variant == "negative":
                c.setFillColor("#0b2a5b")
                c.rect(x, y, sq * stretch, sq, stroke=0, fill=1)
            if rng.random() < 0.7:
                ms.draw_reportlab(c, x, y, sq * stretch, sq, palette=variant)
            else:  # an embedded raster logo, stretched by its placement if distorted
                bg = ms.NEGATIVE_BACKGROUND if variant == "negative" else None
                em = ms.render_emblem(512, variant, background=bg)
                c.drawImage(ImageReader(em), x, y, sq * stretch, sq, mask="auto")
            case.variant, case.stretch, case.page, case.width_mm = variant, stretch, page, width_mm
            case.bbox = (x, ph - y - sq, x + sq * stretch, ph - y)
        c.showPage()
    c.save()
    return case


def generate(out: Path, n_images: int = 200, n_pdfs: int = 24, seed: int = 8) -> list[Case]:
    """Write the cases into `out` and return their ground truth (also saved as cases.json)."""
    ms = standin()
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    kinds = ["positive"] * 50 + ["distorted"] * 20 + ["decoy"] * 20 + ["absent"] * 10
    for i in range(n_images):
        cases.append(make_image_case(i, rng, out, ms, kinds[i % len(kinds)]))
    pdf_kinds = ["positive", "positive", "distorted", "decoy", "absent", "positive"]
    for i in range(n_pdfs):
        cases.append(make_pdf_case(i, rng, out, ms, pdf_kinds[i % len(pdf_kinds)]))
    (out / "cases.json").write_text(json.dumps([asdict(c) for c in cases], indent=1))
    return cases


def image_bytes(img: Image.Image, fmt: str = "PNG") -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/logo-cases")
    print(len(generate(target)), "cases in", target)
