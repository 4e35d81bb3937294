"""The DOCX reader on real generated files (fixtures/make_fixtures.py and python-docx)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Mm

from kommlint.document import Part
from kommlint.readers import read

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="module")
def letter():
    return read(FIXTURES / "brev.docx")


def _texts(document, part: Part) -> list[str]:
    return [b.text for b in document.blocks if b.part == part]


def test_header_variants_and_footers(letter) -> None:
    headers = _texts(letter, Part.HEADER)
    # first-page, default and even-page headers, each once
    assert headers == [
        "Stockholms stad – Socialförvaltningen",
        "Stockholms stad – Socialförvaltningen",
        "Socialförvaltningen – Beslut om färdtjänst",
    ]
    footers = _texts(letter, Part.FOOTER)
    assert len(footers) == 3
    assert "Telefon 08-508 000 00" in footers[0]
    assert "Stockholms stad – stockholm.se" in footers


def test_reading_order(letter) -> None:
    parts = [b.part for b in letter.blocks]
    assert [b.index for b in letter.blocks] == list(range(len(letter.blocks)))
    assert parts[0] == Part.HEADER
    last_header = max(i for i, p in enumerate(parts) if p == Part.HEADER)
    first_footer = min(i for i, p in enumerate(parts) if p == Part.FOOTER)
    body = [i for i, p in enumerate(parts) if p in (Part.BODY, Part.TABLE)]
    assert last_header < min(body) and max(body) < first_footer
    assert all(b.page is None for b in letter.blocks)


def test_body_styles_lists_table_textbox_footnote(letter) -> None:
    blocks = {b.text: b for b in letter.blocks if b.part != Part.METADATA}
    title = blocks["Beslut om färdtjänst"]
    assert (title.kind, title.heading_level, title.style) == ("heading", 1, "Heading 1")
    sub = blocks["Om du inte är nöjd med beslutet"]
    assert (sub.kind, sub.heading_level) == ("heading", 2)
    assert blocks["Hej Anna Andersson,"].style == "Normal"
    assert blocks["Skriv vilket beslut du överklagar."].kind == "list_item"
    body = " ".join(b.text for b in letter.text_blocks(Part.BODY))
    assert "erhålla" in body and "Vederbörande" in body and "har beviljats" in body
    cells = [b for b in letter.blocks if b.part == Part.TABLE]
    assert [c.text for c in cells] == ["Handläggare", "Telefon", "Karin Berg", "08-508 000 00"]
    assert {c.kind for c in cells} == {"table_cell"}
    textbox = blocks["Ta med färdtjänstkortet när du reser."]
    assert textbox.kind == "textbox" and textbox.part == Part.BODY
    assert textbox.index == blocks["Viktigt att veta:"].index + 1
    footnote = blocks["Lagen (1997:736) om färdtjänst."]
    assert footnote.kind == "footnote"


def test_core_properties(letter) -> None:
    meta = letter.metadata
    assert meta["title"] == "Beslut om färdtjänst"
    assert meta["author"] == "Karin Berg"
    assert meta["last_modified_by"] == "Socialförvaltningen"
    assert meta["created"].startswith("2026-01-15T09:00:00")
    blocks = {b.kind: b.text for b in letter.blocks if b.part == Part.METADATA}
    assert blocks["title"] == "Beslut om färdtjänst"
    assert blocks["last_modified_by"] == "Socialförvaltningen"


def test_logo_in_the_first_page_header(letter) -> None:
    assert len(letter.images) == 1
    image = letter.images[0]
    assert image.part == Part.HEADER and image.page is None
    assert (image.width_px, image.height_px) == (256, 256)
    assert image.display_size_mm == pytest.approx((18.0, 18.0), abs=0.05)
    assert image.sha256 and len(image.sha256) == 64
    assert image.load().size == (256, 256)


def test_sections_swedish_headings_nested_tables(tmp_path: Path) -> None:
    doc = docx.Document()
    styles = doc.styles
    rubrik = styles.add_style("Rubrik 1", WD_STYLE_TYPE.PARAGRAPH)
    rubrik.base_style = styles["Normal"]
    doc.add_paragraph("Om förskolan", style="Rubrik 1")
    doc.add_paragraph("Förskolan är öppen alla vardagar.")
    outer = doc.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Yttre cell"
    inner = outer.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Inre cell"
    merged = doc.add_table(rows=2, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Sammanslagen"
    doc.sections[0].header.paragraphs[0].text = "Förskoleförvaltningen"
    second = doc.add_section(WD_SECTION.NEW_PAGE)
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Bilaga 1"
    second.footer.paragraphs[0].text = "Stockholms stad"
    picture_run = doc.add_paragraph().add_run()
    logo = FIXTURES / "assets" / "logo-standin.png"
    picture_run.add_picture(str(logo), width=Mm(40), height=Mm(20))
    path = tmp_path / "forskola.docx"
    doc.save(str(path))

    document = read(path)
    heading = next(b for b in document.blocks if b.text == "Om förskolan")
    assert (heading.kind, heading.heading_level, heading.style) == ("heading", 1, "Rubrik 1")
    cells = [b.text for b in document.blocks if b.part == Part.TABLE]
    assert cells == ["Yttre cell", "Inre cell", "Sammanslagen"]  # merged cell read once
    assert _texts(document, Part.HEADER) == ["Förskoleförvaltningen", "Bilaga 1"]
    assert _texts(document, Part.FOOTER) == ["Stockholms stad"]
    image = document.images[0]
    assert image.part == Part.BODY
    assert image.display_size_mm == pytest.approx((40.0, 20.0), abs=0.05)  # stretched


def test_reading_does_not_change_the_file() -> None:
    path = FIXTURES / "brev.docx"
    before = path.read_bytes(), path.stat().st_mtime_ns
    document = read(path)
    document.images[0].load()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


ALTERNATE_TEXTBOX = """
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
     xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps">
      <w:drawing>
        <wp:anchor><wp:extent cx="1800000" cy="360000"/><wp:docPr id="5" name="Textruta 5"/>
          <a:graphic><a:graphicData
            uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
            <wps:wsp><wps:txbx><w:txbxContent>
              <w:p><w:r><w:t>Rutan syns bara en gång.</w:t></w:r></w:p>
            </w:txbxContent></wps:txbx></wps:wsp>
          </a:graphicData></a:graphic>
        </wp:anchor>
      </w:drawing>
    </mc:Choice>
    <mc:Fallback>
      <w:pict><v:shape><v:textbox><w:txbxContent>
        <w:p><w:r><w:t>Rutan syns bara en gång.</w:t></w:r></w:p>
      </w:txbxContent></v:textbox></v:shape></w:pict>
    </mc:Fallback>
  </mc:AlternateContent>
</w:r>
"""


def test_textbox_in_alternate_content_is_read_once(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    doc = docx.Document()
    paragraph = doc.add_paragraph("Före rutan.")
    paragraph._p.append(parse_xml(ALTERNATE_TEXTBOX))
    header = doc.sections[0].header.paragraphs[0]
    header.text = "Sidhuvud"
    header._p.append(parse_xml(ALTERNATE_TEXTBOX.replace("Rutan syns", "Huvudrutan syns")))
    path = tmp_path / "rutor.docx"
    doc.save(str(path))
    document = read(path)
    boxes = [(b.part, b.text) for b in document.blocks if b.kind == "textbox"]
    assert boxes == [
        (Part.HEADER, "Huvudrutan syns bara en gång."),
        (Part.BODY, "Rutan syns bara en gång."),
    ]
    assert [b.text for b in document.blocks][:3] == [
        "Sidhuvud",
        "Huvudrutan syns bara en gång.",
        "Före rutan.",
    ]
