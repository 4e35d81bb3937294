#!/usr/bin/env python3
"""Draw the kommlint *stand-in* emblem from code.

This is NOT the logotype of Stockholms stad. It is an original emblem made for
this project (CC0) so that tests, fixtures and benchmarks have a logo to look
for. Deployments replace it with the official artwork (see README.md).

Design: a heater shield with a double frame; inside, a beardless crowned head in
profile facing right, long locks of hair, a mantle with a jewelled collar, and
two stars. Flat colours, three colour roles:

    ink     the shield field and all line work
    paper   the head, hair and mantle
    accent  crown and stars (gold in colour; paper in one-colour versions)

One geometry (a 1000 x 1000 design space, y downwards) feeds three back ends:
hand-written SVG paths, a Pillow rasteriser (supersampled), and reportlab
vector paths (``draw_reportlab``) so that PDF generators can draw the emblem as
real vector art.

Usage:  python make_standin.py [OUTDIR]     (needs Pillow; reportlab optional)
"""

# ruff: noqa: E501, E741, B905, RUF007  (a verbatim copy of ../shared/assets/logo, reformatted)
from __future__ import annotations

import math
import re
import sys
from pathlib import Path

# ---------------------------------------------------------------- palettes --

PALETTES: dict[str, dict[str, str]] = {
    # full colour: deep teal-green and gold (deliberately not the city's blue)
    "colour": {"ink": "#0d4f55", "paper": "#ffffff", "accent": "#e0a43a"},
    # one colour: black line work, white knock-outs
    "black": {"ink": "#000000", "paper": "#ffffff", "accent": "#ffffff"},
    # negative: white line work on dark blue
    "negative": {"ink": "#ffffff", "paper": "#0b2a5b", "accent": "#0b2a5b"},
}
NEGATIVE_BACKGROUND = "#0b2a5b"

# ---------------------------------------------------------------- geometry --
# Each element: (role, d, stroke_width or None, fill?)
#   fill=True, stroke=None  -> filled shape
#   fill=False, stroke=w    -> stroked centre line (round caps and joins)
#   fill=True, stroke=w     -> filled with `role`, outlined with ink
# Elements listed under FIELD_GROUP are clipped to the inner shield field.


def circle(cx: float, cy: float, r: float) -> str:
    k = 0.5522847498 * r
    return (
        f"M {cx + r} {cy} "
        f"C {cx + r} {cy + k} {cx + k} {cy + r} {cx} {cy + r} "
        f"C {cx - k} {cy + r} {cx - r} {cy + k} {cx - r} {cy} "
        f"C {cx - r} {cy - k} {cx - k} {cy - r} {cx} {cy - r} "
        f"C {cx + k} {cy - r} {cx + r} {cy - k} {cx + r} {cy} Z"
    )


def star(cx: float, cy: float, r_out: float, r_in: float, n: int, rot: float = -90.0) -> str:
    pts = []
    for i in range(2 * n):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(rot + i * 180.0 / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return "M " + " L ".join(f"{x:.1f} {y:.1f}" for x, y in pts) + " Z"


def diamond(cx: float, cy: float, rx: float, ry: float) -> str:
    return f"M {cx} {cy - ry} L {cx + rx} {cy} L {cx} {cy + ry} L {cx - rx} {cy} Z"


SHIELD_OUTER = "M 140 62 L 860 62 L 860 470 C 860 702 718 852 500 950 C 282 852 140 702 140 470 Z"
SHIELD_RING = "M 160 82 L 840 82 L 840 470 C 840 690 706 830 500 926 C 294 830 160 690 160 470 Z"
SHIELD_FIELD = "M 174 96 L 826 96 L 826 470 C 826 682 698 816 500 910 C 302 816 174 682 174 470 Z"

FRAME: list[tuple] = [
    ("ink", SHIELD_OUTER, None, True),
    ("paper", SHIELD_RING, None, True),
    ("ink", SHIELD_FIELD, None, True),
]

HAIR = (
    "M 548 300 C 480 296 414 318 384 366 "
    "C 356 410 362 452 346 492 C 330 532 352 560 336 600 "
    "C 322 640 346 672 330 712 C 322 736 336 760 352 772 "
    "C 380 760 404 770 428 778 C 452 760 470 736 470 700 "
    "C 472 650 488 612 486 570 C 484 530 470 500 478 460 "
    "C 486 420 500 380 548 352 Z"
)

FACE = (
    "M 600 312 C 626 344 640 388 638 424 "
    "C 637 438 633 446 634 455 "
    "C 648 484 668 510 677 530 "
    "C 673 542 656 547 645 545 "
    "C 640 552 642 560 648 566 "
    "C 652 572 646 577 638 580 "
    "C 646 585 648 592 641 600 "
    "C 633 606 632 613 636 621 "
    "C 645 641 641 660 622 669 "
    "C 600 677 576 677 560 681 "
    "C 560 702 560 730 570 770 "
    "L 440 770 "
    "C 446 744 450 700 452 660 "
    "C 440 600 420 520 430 440 "
    "C 440 360 500 306 600 312 Z"
)

MANTLE = (
    "M 226 960 C 240 870 290 800 372 770 "
    "C 416 754 450 756 470 762 L 588 762 "
    "C 650 754 712 774 752 822 C 786 862 800 910 810 960 Z"
)

HEAD_GROUP: list[tuple] = [
    # mantle and collar
    ("paper", MANTLE, None, True),
    ("ink", "M 352 800 C 430 832 570 836 680 796", 12, False),
    ("ink", "M 318 858 C 420 892 590 896 712 852", 8, False),
    *[
        ("ink", diamond(x, y, 13, 17), None, True)
        for x, y in [(366, 826), (422, 842), (480, 850), (540, 850), (598, 842), (654, 826)]
    ],
    ("ink", "M 452 764 C 486 790 556 790 592 762", 10, False),
    # face and neck
    ("paper", FACE, None, True),
    # hair mass over the back of the head
    ("paper", HAIR, None, True),
    (
        "ink",
        "M 548 352 C 500 380 486 420 478 460 C 470 500 484 530 486 570 "
        "C 488 612 472 650 470 700 C 470 736 452 760 428 778",
        9,
        False,
    ),
    # locks
    ("ink", "M 520 330 C 450 350 420 400 414 450 C 408 500 400 530 392 570", 7, False),
    ("ink", "M 470 330 C 420 360 392 410 388 470 C 384 520 372 560 370 610", 7, False),
    ("ink", "M 452 420 C 440 470 444 520 436 560 C 428 610 420 660 398 720", 7, False),
    ("ink", "M 414 600 C 410 650 400 690 380 740", 7, False),
    ("ink", "M 460 620 C 454 670 440 720 412 770", 7, False),
    # curl ends
    ("ink", "M 352 772 C 346 752 366 742 372 756", 6, False),
    ("ink", "M 392 570 C 380 590 396 604 404 592", 6, False),
    # ear
    (
        "ink",
        "M 506 478 C 530 462 556 480 552 508 C 548 532 536 538 530 556 C 524 570 512 572 504 562",
        9,
        False,
    ),
    ("ink", "M 522 500 C 534 496 540 510 532 520", 6, False),
    # eye, brow, nostril, mouth, jaw
    ("ink", "M 588 468 C 598 458 614 458 624 464 C 614 474 600 476 588 468 Z", None, True),
    ("ink", "M 574 446 C 594 434 618 434 634 442", 9, False),
    ("ink", "M 650 534 C 654 541 662 542 667 538", 6, False),
    ("ink", "M 639 580 L 624 581", 6, False),
    # crown: points, band, jewels, balls (accent filled, ink outlined)
    (
        "accent",
        "M 412 332 L 404 204 L 444 270 L 466 232 L 490 268 L 512 186 "
        "L 536 266 L 560 228 L 582 262 L 618 196 L 630 318 "
        "C 560 306 470 314 412 332 Z",
        8,
        True,
    ),
    (
        "accent",
        "M 406 352 C 470 332 560 322 636 334 L 630 288 C 560 278 470 286 398 306 Z",
        8,
        True,
    ),
    ("ink", circle(438, 323, 11), None, True),
    ("ink", diamond(518, 310, 13, 15), None, True),
    ("ink", circle(596, 306, 11), None, True),
    ("accent", circle(404, 196, 14), 7, True),
    ("accent", circle(512, 176, 16), 7, True),
    ("accent", circle(620, 186, 14), 7, True),
    ("accent", circle(466, 224, 10), 6, True),
    ("accent", circle(560, 220, 10), 6, True),
    # stars in the upper corners (different sizes so they are not twins)
    ("accent", star(258, 178, 46, 20, 6), None, True),
    ("accent", star(752, 190, 34, 15, 5), None, True),
]

FIELD_CLIP = SHIELD_FIELD
# the head group is drawn through this transform: x' = s*x + tx, y' = s*y + ty
HEAD_XFORM = (1.08, -40.0, -40.0)

# ------------------------------------------------------------ path parsing --

_TOKEN = re.compile(r"[MLCQZ]|-?\d+(?:\.\d+)?", re.I)


def parse(d: str) -> list[list[tuple]]:
    """Absolute M/L/C/Q/Z only. Returns subpaths of segments:
    ('M', p) ('L', p) ('C', c1, c2, p) ('Z',)."""
    toks = _TOKEN.findall(d)
    i, cmd = 0, None
    subs: list[list[tuple]] = []
    cur: list[tuple] = []
    last = (0.0, 0.0)

    def num() -> float:
        nonlocal i
        v = float(toks[i])
        i += 1
        return v

    while i < len(toks):
        t = toks[i]
        if t.isalpha():
            cmd = t.upper()
            i += 1
            if cmd == "Z":
                cur.append(("Z",))
                continue
        if cmd == "M":
            if cur:
                subs.append(cur)
            p = (num(), num())
            cur = [("M", p)]
            last = p
            cmd = "L"
        elif cmd == "L":
            p = (num(), num())
            cur.append(("L", p))
            last = p
        elif cmd == "C":
            c1 = (num(), num())
            c2 = (num(), num())
            p = (num(), num())
            cur.append(("C", c1, c2, p))
            last = p
        elif cmd == "Q":
            q = (num(), num())
            p = (num(), num())
            c1 = (last[0] + 2 / 3 * (q[0] - last[0]), last[1] + 2 / 3 * (q[1] - last[1]))
            c2 = (p[0] + 2 / 3 * (q[0] - p[0]), p[1] + 2 / 3 * (q[1] - p[1]))
            cur.append(("C", c1, c2, p))
            last = p
        else:
            raise ValueError(f"bad path near token {i}: {toks[i : i + 5]}")
    if cur:
        subs.append(cur)
    return subs


def flatten(d: str, steps: int = 28) -> list[tuple[list[tuple[float, float]], bool]]:
    """Polylines (points, closed) for a path."""
    out = []
    for sub in parse(d):
        pts: list[tuple[float, float]] = []
        closed = False
        for seg in sub:
            if seg[0] in ("M", "L"):
                pts.append(seg[1])
            elif seg[0] == "C":
                p0 = pts[-1]
                c1, c2, p3 = seg[1], seg[2], seg[3]
                for k in range(1, steps + 1):
                    t = k / steps
                    u = 1 - t
                    x = u**3 * p0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t**3 * p3[0]
                    y = u**3 * p0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t**3 * p3[1]
                    pts.append((x, y))
            elif seg[0] == "Z":
                closed = True
        out.append((pts, closed))
    return out


# ---------------------------------------------------------------- raster --


def _hex(c: str) -> tuple[int, int, int, int]:
    c = c.lstrip("#")
    return (int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16), 255)


def _stroke_polyline(draw, pts, colour, w):
    """Round-brush stroke: segments plus a disc at every vertex (clean joins)."""
    r = w / 2
    for a, b in zip(pts, pts[1:]):
        draw.line([a, b], fill=colour, width=w)
    for x, y in pts:
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)


def _draw_elements(draw, elements, palette, scale, xform=(1.0, 0.0, 0.0)):
    """Paint elements in order, like SVG: fill first, then the stroke on top."""
    k, tx, ty = xform
    for role, d, stroke, fill in elements:
        colour = _hex(palette[role])
        line_colour = _hex(palette["ink"]) if fill else colour
        for pts, closed in flatten(d):
            sp = [((k * x + tx) * scale, (k * y + ty) * scale) for x, y in pts]
            if fill and len(sp) > 2:
                draw.polygon(sp, fill=colour)
            if stroke:
                w = max(1, round(stroke * k * scale))
                _stroke_polyline(draw, sp + ([sp[0]] if closed or fill else []), line_colour, w)


def render_emblem(
    size: int = 1024,
    palette: str | dict = "colour",
    background: str | None = None,
    supersample: int = 4,
):
    """Return an RGBA Pillow image of the emblem, `size` px square."""
    from PIL import Image, ImageDraw

    pal = PALETTES[palette] if isinstance(palette, str) else palette
    big = size * supersample
    scale = big / 1000.0
    base = Image.new("RGBA", (big, big), _hex(background) if background else (0, 0, 0, 0))
    d = ImageDraw.Draw(base)
    _draw_elements(d, FRAME, pal, scale)
    # interior, clipped to the field
    layer = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    _draw_elements(ImageDraw.Draw(layer), HEAD_GROUP, pal, scale, HEAD_XFORM)
    mask = Image.new("L", (big, big), 0)
    ImageDraw.Draw(mask).polygon(
        [(x * scale, y * scale) for x, y in flatten(FIELD_CLIP)[0][0]], fill=255
    )
    alpha = Image.composite(layer.getchannel("A"), Image.new("L", (big, big), 0), mask)
    layer.putalpha(alpha)
    base.alpha_composite(layer)
    # premultiplied downsampling avoids dark fringes on transparent edges
    small = base.convert("RGBa").resize((size, size), Image.LANCZOS).convert("RGBA")
    return small


# ------------------------------------------------------------------- SVG --


def to_svg(palette: str = "colour", background: str | None = None) -> str:
    pal = PALETTES[palette]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000" width="1000" height="1000">',
        "  <title>kommlint stand-in emblem (CC0) - not the logotype of Stockholms stad</title>",
        f'  <defs><clipPath id="field"><path d="{FIELD_CLIP}"/></clipPath></defs>',
    ]
    if background:
        lines.append(f'  <rect width="1000" height="1000" fill="{background}"/>')

    def emit(elements, indent="  "):
        for role, d, stroke, fill in elements:
            if fill and stroke:
                lines.append(
                    f'{indent}<path d="{d}" fill="{pal[role]}" stroke="{pal["ink"]}" '
                    f'stroke-width="{stroke}" stroke-linejoin="round"/>'
                )
            elif fill:
                lines.append(f'{indent}<path d="{d}" fill="{pal[role]}"/>')
            else:
                lines.append(
                    f'{indent}<path d="{d}" fill="none" stroke="{pal[role]}" stroke-width="{stroke}" '
                    'stroke-linecap="round" stroke-linejoin="round"/>'
                )

    emit(FRAME)
    k, tx, ty = HEAD_XFORM
    lines.append('  <g clip-path="url(#field)">')
    lines.append(f'   <g transform="matrix({k} 0 0 {k} {tx} {ty})">')
    emit(HEAD_GROUP, "    ")
    lines.append("   </g>")
    lines.append("  </g>")
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------- reportlab --


def draw_reportlab(
    canvas,
    x: float,
    y: float,
    width: float,
    height: float | None = None,
    palette: str | dict = "colour",
) -> None:
    """Draw the emblem as vector paths on a reportlab canvas.

    (x, y) is the lower-left corner of the emblem's square box in PDF points;
    height defaults to width (pass another value to stretch it)."""
    from reportlab.lib.colors import HexColor

    pal = PALETTES[palette] if isinstance(palette, str) else palette
    height = width if height is None else height

    def path_of(d):
        p = canvas.beginPath()
        for sub in parse(d):
            for seg in sub:
                if seg[0] == "M":
                    p.moveTo(*seg[1])
                elif seg[0] == "L":
                    p.lineTo(*seg[1])
                elif seg[0] == "C":
                    p.curveTo(*seg[1], *seg[2], *seg[3])
                elif seg[0] == "Z":
                    p.close()
        return p

    def emit(elements):
        for role, d, stroke, fill in elements:
            p = path_of(d)
            if fill:
                canvas.setFillColor(HexColor(pal[role]))
            if stroke:
                canvas.setStrokeColor(HexColor(pal["ink"] if fill else pal[role]))
                canvas.setLineWidth(stroke)
            canvas.drawPath(p, fill=1 if fill else 0, stroke=1 if stroke else 0)

    canvas.saveState()
    canvas.translate(x, y + height)
    canvas.scale(width / 1000.0, -height / 1000.0)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    emit(FRAME)
    canvas.saveState()
    canvas.clipPath(path_of(FIELD_CLIP), stroke=0, fill=0)
    k, tx, ty = HEAD_XFORM
    canvas.transform(k, 0, 0, k, tx, ty)
    emit(HEAD_GROUP)
    canvas.restoreState()
    canvas.restoreState()


# ---------------------------------------------------------------- lockup --

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


def find_font() -> str:
    for f in FONT_CANDIDATES:
        if Path(f).exists():
            return f
    raise SystemExit("no bold sans font found: apt-get install fonts-dejavu-core")


def render_lockup(
    height: int = 400,
    palette: str = "colour",
    wordmark: str = "STOCKHOLMS STAD",
    background: str | None = None,
):
    """Emblem (cropped to the shield) + vertical rule + one-line wordmark."""
    from PIL import Image, ImageDraw, ImageFont

    pal = PALETTES[palette]
    pad = int(height * 0.06)
    shield_h = height - 2 * pad
    big = render_emblem(int(shield_h * 1.25), palette)
    big = big.crop(big.getchannel("A").getbbox())
    emblem = big.resize((round(big.width * shield_h / big.height), shield_h), Image.LANCZOS)
    font = ImageFont.truetype(find_font(), size=int(height * 0.19))
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    l, t, r, b = probe.textbbox((0, 0), wordmark, font=font)
    gap = int(height * 0.09)
    rule_w = max(2, height // 100)
    width = pad + emblem.width + gap + rule_w + gap + (r - l) + pad
    img = Image.new("RGBA", (width, height), _hex(background) if background else (0, 0, 0, 0))
    img.alpha_composite(emblem, (pad, pad))
    d = ImageDraw.Draw(img)
    x_rule = pad + emblem.width + gap
    d.rectangle(
        [x_rule, int(height * 0.26), x_rule + rule_w - 1, int(height * 0.74)], fill=_hex(pal["ink"])
    )
    x_text = x_rule + rule_w + gap
    y_text = (height - (b - t)) // 2 - t
    d.text((x_text - l, y_text), wordmark, font=font, fill=_hex(pal["ink"]))
    return img


# ------------------------------------------------------------------ main --


def main(outdir: str | Path | None = None) -> None:
    out = Path(outdir) if outdir else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    (out / "standin-emblem.svg").write_text(to_svg("colour"), encoding="utf-8")
    render_emblem(1024, "colour").save(out / "standin-emblem.png", optimize=True)
    render_emblem(1024, "black").save(out / "standin-emblem-black.png", optimize=True)
    neg = render_emblem(1024, "negative", background=NEGATIVE_BACKGROUND)
    neg.convert("RGB").save(out / "standin-emblem-negative.png", optimize=True)
    render_lockup(400, "colour").save(out / "standin-lockup.png", optimize=True)
    for name in (
        "standin-emblem.svg",
        "standin-emblem.png",
        "standin-emblem-black.png",
        "standin-emblem-negative.png",
        "standin-lockup.png",
    ):
        print(out / name)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
