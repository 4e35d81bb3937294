"""Build the example files of the logo pack (rules/logo.yaml) with the stand-in emblem.

    python rules/assets/logo-examples/make_examples.py

Each file is a small one- to three-page A5 PDF; the emblem is drawn as vector art (or
embedded as a PNG where the example needs an image). Deterministic (reportlab invariant
mode), so a rebuild gives the same bytes.
"""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
MM = 72 / 25.4
SHIELD_W = 0.72  # shield width / emblem square in the stand-in
TEXT = [
    "Stockholms stad informerar",
    "Biblioteket i Hägersten har nya öppettider i sommar.",
    "Välkommen in! Kontakta oss på 08-508 00 000.",
]


def standin():
    spec = importlib.util.spec_from_file_location(
        "make_standin", HERE.parent / "logo" / "make_standin.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def page_text(c, height: float) -> None:
    c.setFont("Helvetica", 10)
    for i, line in enumerate(TEXT):
        c.drawString(40, height - 140 - 16 * i, line)


def build(
    name: str, pages: int = 1, logo: dict | None = None, background: str | None = None
) -> None:
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas as rl_canvas

    ms = standin()
    w, h = A5
    c = rl_canvas.Canvas(str(HERE / name), pagesize=A5, invariant=1)
    for page in range(1, pages + 1):
        if background:
            c.setFillColor(background)
            c.rect(0, 0, w, h, stroke=0, fill=1)
        page_text(c, h)
        if logo and logo.get("page", 1) == page:
            width = logo.get("width_mm", 25) * MM / SHIELD_W
            stretch = logo.get("stretch", 1.0)
            x, y = 30, h - 30 - width
            c.saveState()
            if logo.get("rotate"):
                c.translate(x + width / 2, y + width / 2)
                c.rotate(logo["rotate"])
                c.translate(-(x + width / 2), -(y + width / 2))
            if logo.get("raster"):
                em = ms.render_emblem(160, "colour")
                buf = io.BytesIO()
                em.save(buf, "PNG")
                buf.seek(0)
                c.drawImage(ImageReader(buf), x, y, width * stretch, width, mask="auto")
            else:
                ms.draw_reportlab(c, x, y, width * stretch, width, palette="colour")
            c.restoreState()
        c.showPage()
    c.save()


def main() -> None:
    build("logo-ok.pdf", logo={"width_mm": 25})
    build("logo-missing.pdf")
    build("logo-small.pdf", logo={"width_mm": 7})
    build("logo-stretched.pdf", logo={"width_mm": 25, "stretch": 1.25})
    build("logo-rotated.pdf", logo={"width_mm": 25, "rotate": 12})
    build("logo-page2.pdf", pages=3, logo={"width_mm": 25, "page": 2, "raster": True})
    build("logo-low-contrast.pdf", logo={"width_mm": 25}, background="#0f4a50")
    for f in sorted(HERE.glob("*.pdf")):
        print(f.name, f.stat().st_size)


if __name__ == "__main__":
    main()
