"""Generate test documents for the sender pack: DOCX, PDF and poster PNG in every variant.

Every function writes one file into a folder the caller gives (a pytest tmp dir) and
returns its path; nothing is committed. Generation is fast (reportlab, python-docx,
Pillow); DejaVu Sans is used when installed so that å, ä and ö render and OCR well.

    make_docx(tmp / "brev.docx", header="Stockholms stad", body=["Hej!", ...])
    make_pdf(tmp / "folder.pdf", pages=[["Sida 1 ..."], ["Sida 2 ..."]], footer="...")
    make_poster(tmp / "affisch.png", ["KONSERT", "Stockholms stad"])
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))

FILLER = [
    "Vi bygger om gatan under sommaren och arbetet pågår till slutet av augusti.",
    "Under arbetet är gatan avstängd för biltrafik men öppen för gående och cyklister.",
    "Bussarna tar en annan väg och hållplatsen flyttas en bit söderut.",
    "Det kan bli buller på dagtid, men vi arbetar inte på kvällar eller helger.",
    "Vi städar gatan varje vecka så att det är lätt att ta sig fram.",
    "Efter ombyggnaden får gatan bredare trottoarer, nya träd och fler cykelställ.",
]


@lru_cache(maxsize=4)
def font_path(bold: bool = False) -> Path | None:
    """DejaVu Sans (Bold) if installed, else None (callers fall back to built-in fonts)."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if folder.is_dir():
            for path in folder.rglob(name):
                return path
    return None


# ---------------------------------------------------------------------------------------
# DOCX


def make_docx(
    path: Path,
    *,
    body: Sequence[str] = (),
    header: str | None = None,
    footer: str | None = None,
    title: str | None = None,
    author: str | None = "",
    header_logo_alt: str | None = None,
    table: Sequence[Sequence[str]] = (),
    first_page_header: str | None = None,
) -> Path:
    """A Word file with optional header/footer text, a header picture with alt text, and
    core properties. `table` rows go in a table before the body (a letterhead table).
    `author=""` clears python-docx's default author ("python-docx")."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if first_page_header is not None:  # "different first page" header (letter templates)
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = first_page_header
    if header_logo_alt is not None:
        logo = path.with_suffix(".logo.png")
        _logo_png(logo)
        run = section.header.paragraphs[0].add_run()
        shape = run.add_picture(str(logo))
        shape._inline.docPr.set("descr", header_logo_alt)
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    if table:
        grid = document.add_table(rows=len(table), cols=max(len(r) for r in table))
        for row, cells in zip(grid.rows, table, strict=False):
            for cell, text in zip(row.cells, cells, strict=False):
                cell.text = text
    for text in body:
        if text.startswith("# "):
            document.add_heading(text[2:], level=1)
        else:
            document.add_paragraph(text)
    props = document.core_properties
    props.title = title or ""
    props.author = author or ""
    props.last_modified_by = ""
    props.comments = ""
    document.save(str(path))
    return path


def _logo_png(path: Path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (120, 60), "white")
    ImageDraw.Draw(image).ellipse((10, 5, 60, 55), outline="black", width=4)
    image.save(path)


# ---------------------------------------------------------------------------------------
# PDF


@lru_cache(maxsize=2)
def _pdf_fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = font_path(False), font_path(True)
    if regular is None or bold is None:
        return "Helvetica", "Helvetica-Bold"
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
    return "DejaVuSans", "DejaVuSans-Bold"


def make_pdf(
    path: Path,
    *,
    pages: Sequence[Sequence[str]],
    header: str | None = None,
    footer: str | None = None,
    title: str | None = None,
    author: str | None = None,
    scanned_image: Path | None = None,
) -> Path:
    """A PDF: each page's lines as paragraphs ("# " = heading), a running header/footer on
    every page, and Info title/author. Without `title` reportlab writes "untitled".
    `scanned_image` adds a last page that is only that picture (no text layer)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    regular, bold = _pdf_fonts()
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4)
    if title is not None:
        pdf.setTitle(title)
    if author is not None:
        pdf.setAuthor(author)
    for lines in pages:
        if header:
            pdf.setFont(regular, 9)
            pdf.drawString(56, height - 36, header)
        y = height - 100
        for line in lines:
            if line.startswith("# "):
                pdf.setFont(bold, 18)
                pdf.drawString(56, y, line[2:])
                y -= 34
            else:
                pdf.setFont(regular, 11)
                pdf.drawString(56, y, line)
                y -= 28
        if footer:
            pdf.setFont(regular, 9)
            pdf.drawString(56, 30, footer)
        pdf.showPage()
    if scanned_image is not None:
        pdf.drawImage(str(scanned_image), 0, 0, width=width, height=height)
        pdf.showPage()
    pdf.save()
    return path


# ---------------------------------------------------------------------------------------
# Poster (PNG, read through OCR)


def make_poster(path: Path, lines: Sequence[str], size: tuple[int, int] = (900, 1200)) -> Path:
    """A poster: large dark text on a light background, one line per entry
    ("# " = extra large). Sized so that Tesseract reads it quickly and reliably."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", size, (250, 248, 240))
    draw = ImageDraw.Draw(image)
    regular, bold = font_path(False), font_path(True)

    def font(px: int, heavy: bool):
        chosen = bold if heavy else regular
        if chosen is None:
            return ImageFont.load_default()
        return ImageFont.truetype(str(chosen), px)

    y = 80
    for line in lines:
        big = line.startswith("# ")
        text = line[2:] if big else line
        face = font(64 if big else 40, big)
        draw.text((60, y), text, fill=(20, 20, 30), font=face)
        y += 110 if big else 80
    image.save(path, dpi=(150, 150))
    return path


# ---------------------------------------------------------------------------------------
# Variants used by the tests (name -> builder), so that a new format is one more entry.

SENDER = "Stockholms stad"
LETTER = ["# Vägarbete på Götgatan", *FILLER[:3]]


def letter_body(signature: str | None = None, letterhead: str | None = None) -> list[str]:
    body = [letterhead] if letterhead else []
    body += LETTER
    if signature:
        body += ["Med vänliga hälsningar", "Anna Andersson, handläggare", signature]
    return body


def long_body(sender_at: int | None, sender: str = SENDER, paragraphs: int = 20) -> list[str]:
    """A long body; the sender sentence (if any) is paragraph `sender_at`."""
    body = ["# Information om vägarbetet"]
    for n in range(paragraphs):
        if n == sender_at:
            body.append(f"Arbetet beställs av {sender} och utförs av en entreprenör.")
        else:
            body.append(FILLER[n % len(FILLER)])
    return body
