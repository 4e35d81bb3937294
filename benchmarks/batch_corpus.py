"""Generate the batch benchmark's corpus: brochures (PDF), letters (DOCX), posters (PNG).

    python benchmarks/batch_corpus.py OUTDIR [--brochures 200 --letters 100 --posters 50]

Deterministic (fixed seed). Brochures have 8-16 pages of Swedish text, a photo on every
page (three photos of their own per brochure), the stand-in emblem as vector art on the
first page and as a raster image on the last, and the sender in the footer. Nothing here
is committed: it is made at run time.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOGO_DIR = ROOT / "rules" / "assets" / "logo"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

SENTENCES = [
    "Stockholms stad erbjuder förskola till alla barn från ett års ålder.",
    "Du kan ansöka om plats via e-tjänsten på stockholm.se.",
    "Biblioteket i Kista har öppet alla dagar i veckan, även på kvällen.",
    "I parken finns lekplatser, grillplatser och en plaskdamm för de minsta.",
    "Vi vill att du ska känna dig trygg när du rör dig i staden.",
    "Avgiften beror på hushållets inkomst och hur många timmar barnet går.",
    "Om du har frågor kan du ringa vår kundtjänst på 08-508 000 00.",
    "Beslutet om ombyggnaden fattades av kommunfullmäktige den 3 maj 2024.",
    "Ansökan ska ha kommit in senast den 15 mars.",
    "Du erhåller ett beslut inom fyra veckor efter att ansökan har inkommit.",
    "Stadsdelsförvaltningen ansvarar för äldreomsorgen i området.",
    "Renoveringen av simhallen beräknas vara klar under hösten.",
    "Alla ska kunna ta del av stadens information, oavsett funktionsförmåga.",
    "Skolan samarbetar med föreningar för att erbjuda läxhjälp efter skoltid.",
    "Parkeringsavgiften tas ut vardagar mellan klockan 9 och 17.",
    "Vid behov av tolk kan du kontakta handläggaren i god tid före mötet.",
    "Återvinningscentralen tar emot grovavfall, elavfall och farligt avfall.",
    "Under sommaren ordnas aktiviteter för barn och unga i alla stadsdelar.",
    "Handläggningen av ärendet sker i enlighet med gällande föreskrifter.",
    "Det är viktigt att du meddelar oss om din adress ändras.",
]
TITLES = [
    "Förskola i Stockholms stad",
    "Välkommen till biblioteket",
    "Parker och grönområden",
    "Stöd i vardagen",
    "Simhallar och idrott",
    "Sommar i stan",
]


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def _standin():
    spec = importlib.util.spec_from_file_location("make_standin", LOGO_DIR / "make_standin.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _photo_bytes(seed: int) -> bytes:
    """A photo-like JPEG: gradient sky, ground, a few soft shapes, sensor noise."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter

    rng = np.random.default_rng(seed)
    w, h = 900, 600
    y = np.linspace(0, 1, h)[:, None]
    sky = np.stack([120 + 80 * y, 160 + 60 * y, 220 - 40 * y], axis=-1).repeat(w, axis=1)
    image = Image.fromarray(sky.astype("uint8"), "RGB")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, int(h * 0.62), w, h], fill=(70, 110, 60))
    for _ in range(12):
        x0, y0 = int(rng.integers(0, w)), int(rng.integers(int(h * 0.3), h))
        r = int(rng.integers(20, 90))
        colour = tuple(int(c) for c in rng.integers(30, 200, 3))
        draw.ellipse([x0 - r, y0 - r, x0 + r, y0 + r], fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(2))
    noise = rng.normal(0, 8, (h, w, 3))
    image = Image.fromarray(np.clip(np.asarray(image) + noise, 0, 255).astype("uint8"))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def make_brochure(path: Path, pages: int, rng: random.Random, photos, standin) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_BOLD)))
    _, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setTitle(rng.choice(TITLES))
    pdf.setAuthor("Stockholms stad")
    for page in range(1, pages + 1):
        if page == 1:
            standin.draw_reportlab(pdf, 20 * mm, height - 45 * mm, 25 * mm)
            pdf.setFont("DejaVu-Bold", 22)
            pdf.drawString(55 * mm, height - 30 * mm, rng.choice(TITLES))
        photo = ImageReader(io.BytesIO(rng.choice(photos)))
        pdf.drawImage(photo, 20 * mm, height - 130 * mm, 170 * mm, 75 * mm)
        text = pdf.beginText(20 * mm, height - 145 * mm)
        text.setFont("DejaVu", 10.5)
        text.setLeading(14)
        for _ in range(rng.randint(2, 3)):
            words = _paragraph(rng, rng.randint(3, 5)).split()
            line: list[str] = []
            for word in words:
                if pdf.stringWidth(" ".join([*line, word]), "DejaVu", 10.5) > 170 * mm:
                    text.textLine(" ".join(line))
                    line = []
                line.append(word)
            text.textLine(" ".join(line))
            text.textLine("")
        pdf.drawText(text)
        if page == pages:
            pdf.drawImage(
                str(LOGO_DIR / "standin-emblem.png"),
                20 * mm,
                30 * mm,
                30 * mm,
                30 * mm,
                mask="auto",
            )
        pdf.setFont("DejaVu", 8)
        pdf.drawString(20 * mm, 12 * mm, f"Stockholms stad · stockholm.se · 08-508 000 00 · {page}")
        pdf.showPage()
    pdf.save()


def make_letter(path: Path, rng: random.Random) -> None:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Stockholms stad – Socialförvaltningen"
    section.footer.paragraphs[
        0
    ].text = "Socialförvaltningen, Box 44, 104 20 Stockholm · 08-508 000 00 · stockholm.se"
    document.add_heading(rng.choice(TITLES), level=1)
    document.add_paragraph("Hej!")
    for _ in range(rng.randint(4, 7)):
        document.add_paragraph(_paragraph(rng, rng.randint(2, 4)))
    document.add_paragraph("Med vänliga hälsningar\nSocialförvaltningen, Stockholms stad")
    document.core_properties.title = "Brev"
    document.core_properties.author = "Stockholms stad"
    document.save(path)


def make_poster(path: Path, rng: random.Random, emblem) -> None:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(image)
    big = ImageFont.truetype(str(FONT_BOLD), 84)
    small = ImageFont.truetype(str(FONT), 40)
    draw.text((80, 300), rng.choice(TITLES), font=big, fill=(13, 79, 85))
    y = 500
    for sentence in rng.sample(SENTENCES, 4):
        words, line = sentence.split(), ""
        for word in words:
            if draw.textlength(f"{line} {word}", font=small) > 1080:
                draw.text((80, y), line, font=small, fill="black")
                y, line = y + 56, word
            else:
                line = f"{line} {word}".strip()
        draw.text((80, y), line, font=small, fill="black")
        y += 90
    image.paste(emblem, (80, 1450), emblem)
    draw.text((330, 1560), "Stockholms stad", font=big, fill=(13, 79, 85))
    image.save(path)


def build(out: Path, brochures: int = 200, letters: int = 100, posters: int = 50) -> dict:
    from PIL import Image

    rng = random.Random(20261126)
    standin = _standin()
    emblem = Image.open(LOGO_DIR / "standin-emblem.png").convert("RGBA").resize((220, 220))
    manifest: dict[str, int] = {}
    for folder in ("broschyrer", "brev", "affischer"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    for i in range(brochures):
        pages = rng.randint(8, 16)
        path = out / "broschyrer" / f"broschyr-{i:03d}.pdf"
        # Photos of its own for every brochure: no two documents share an image, as in
        # a real archive, so nothing can be reused from one document to the next.
        photos = [_photo_bytes(1000 * i + k) for k in range(3)]
        make_brochure(path, pages, rng, photos, standin)
        manifest[str(path)] = pages
    for i in range(letters):
        path = out / "brev" / f"brev-{i:03d}.docx"
        make_letter(path, rng)
        manifest[str(path)] = 1
    for i in range(posters):
        path = out / "affischer" / f"affisch-{i:03d}.png"
        make_poster(path, rng, emblem)
        manifest[str(path)] = 1
    # The single-file case of the benchmark: one 12-page brochure.
    single = out / "enstaka-broschyr-12-sidor.pdf"
    make_brochure(single, 12, rng, [_photo_bytes(999_000 + k) for k in range(3)], standin)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=0), encoding="utf-8")
    return manifest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--brochures", type=int, default=200)
    parser.add_argument("--letters", type=int, default=100)
    parser.add_argument("--posters", type=int, default=50)
    args = parser.parse_args()
    manifest = build(args.out, args.brochures, args.letters, args.posters)
    print(f"{len(manifest)} files, {sum(manifest.values())} pages in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
