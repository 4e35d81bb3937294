"""DOCX (python-docx plus the underlying WordprocessingML).

Reading order: the headers of every section (default, first-page and even-page variants,
each part once), the body (paragraphs, tables cell by cell, content controls, text boxes
right after the paragraph that anchors them), footnotes and endnotes, the footers, then the
core properties as METADATA blocks. Images: every a:blip / v:imagedata with where it sits
(header, body, footer), its pixel size and its printed size from wp:extent.

DOCX has no pages: `page` is None on every block and image.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kommlint.document import Block, Document, ImageRef, Part
from kommlint.readers import ReaderOptions, ReadError
from kommlint.readers.clean import clean_text

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


T, TAB, BR, CR, P, TBL, TR, TC, SDT, SDT_CONTENT = map(
    _w, ("t", "tab", "br", "cr", "p", "tbl", "tr", "tc", "sdt", "sdtContent")
)
TXBX = _w("txbxContent")
NO_BREAK_HYPHEN, SOFT_HYPHEN = _w("noBreakHyphen"), _w("softHyphen")
DRAWING, PICT, OBJECT = _w("drawing"), _w("pict"), _w("object")
ALTERNATE = f"{{{MC}}}AlternateContent"
CHOICE, FALLBACK = f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
# subtrees that carry no visible text of this paragraph
SKIP = {
    _w(t)
    for t in (
        "pPr",
        "rPr",
        "del",
        "moveFrom",
        "instrText",
        "delText",
        "delInstrText",
        "fldData",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
    )
}
EMBEDDED = {DRAWING, PICT, OBJECT, ALTERNATE}
EMU_PER_MM = 36000.0

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = {"title", "titel", "rubrik"}
_LIST_STYLES = re.compile(r"^(?:list|liststycke|punktlista|numrerad lista)", re.IGNORECASE)


def _corrupt(detail: str = "") -> ReadError:
    extra = f" ({detail})" if detail else ""
    return ReadError(
        "corrupt",
        f"Word-filen är skadad eller inte ett riktigt DOCX-dokument och kan inte läsas{extra}.",
        f"The Word file is damaged or not a real DOCX document and cannot be read{extra}.",
    )


class ZipMemberLoader:
    """Decodes one image stored in the DOCX (a ZIP) on demand; picklable."""

    def __init__(self, path: str, member: str) -> None:
        self.path = path
        self.member = member

    def __call__(self) -> PILImage:
        from PIL import Image

        with zipfile.ZipFile(self.path) as archive:
            data = archive.read(self.member)
        image = Image.open(BytesIO(data))
        image.load()
        return image


class _Reader:
    def __init__(self, path: Path, doc: Any) -> None:
        self.path = path
        self.doc = doc
        self.document = Document(path=str(path), format="docx")
        self.styles = self._style_names()
        self.seen_images: dict[str, tuple[int, int]] = {}

    # ------------------------------------------------------------- helpers --
    def _style_names(self) -> dict[str, str]:
        """styleId -> UI name ("Heading 1"); the default paragraph style under key ""."""
        from docx.styles import BabelFish

        names: dict[str, str] = {}
        try:
            root = self.doc.styles.element
        except Exception:
            return names
        for style in root.iter(_w("style")):
            sid = style.get(_w("styleId"))
            name = style.find(_w("name"))
            if not sid:
                continue
            ui = BabelFish.internal2ui(name.get(_w("val")) or sid) if name is not None else sid
            names[sid] = ui
            if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in ("1", "true"):
                names[""] = ui
        return names

    def _add(self, text: str, part: Part, kind: str, **extra: Any) -> None:
        text = clean_text(text)
        if not text:
            return
        self.document.blocks.append(
            Block(index=len(self.document.blocks), text=text, part=part, kind=kind, **extra)
        )

    # ----------------------------------------------------------------- text --
    def _text(self, element: Any, embedded: list[Any]) -> str:
        out: list[str] = []
        for child in element:
            tag = child.tag
            if tag == T:
                out.append(child.text or "")
            elif tag == TAB:
                out.append("\t")
            elif tag in (BR, CR):
                out.append("\n")
            elif tag == NO_BREAK_HYPHEN:
                out.append("-")
            elif tag == SOFT_HYPHEN or tag in SKIP or not isinstance(tag, str):
                continue
            elif tag in EMBEDDED:
                embedded.append(child)
            else:
                out.append(self._text(child, embedded))
        return "".join(out)

    # ------------------------------------------------------------ structure --
    def container(self, element: Any, rels: Any, where: Part, kind: str | None = None) -> None:
        """Paragraphs, tables and content controls of a body, header, cell, text box, note."""
        for child in element:
            tag = child.tag
            if tag == P:
                self.paragraph(child, rels, where, kind)
            elif tag == TBL:
                self.table(child, rels, where)
            elif tag in (SDT, SDT_CONTENT) or tag == _w("customXml"):
                inner = child.find(SDT_CONTENT) if tag == SDT else child
                if inner is not None:
                    self.container(inner, rels, where, kind)

    def paragraph(self, p: Any, rels: Any, where: Part, kind: str | None) -> None:
        embedded: list[Any] = []
        text = self._text(p, embedded)
        style_name, level, para_kind = self._style(p)
        self._add(
            text,
            where,
            kind or para_kind,
            style=style_name,
            heading_level=level if not kind else None,
        )
        self.embedded(embedded, rels, where)

    def _style(self, p: Any) -> tuple[str | None, int | None, str]:
        ppr = p.find(_w("pPr"))
        style_id = None
        outline = None
        numbered = False
        if ppr is not None:
            pstyle = ppr.find(_w("pStyle"))
            style_id = pstyle.get(_w("val")) if pstyle is not None else None
            lvl = ppr.find(_w("outlineLvl"))
            if lvl is not None and (lvl.get(_w("val")) or "").isdigit():
                outline = int(lvl.get(_w("val"))) + 1
            numbered = ppr.find(_w("numPr")) is not None
        name = self.styles.get(style_id, style_id) if style_id else self.styles.get("")
        if name:
            match = _HEADING_STYLE.match(name.strip()) or _HEADING_STYLE.match(style_id or "")
            if match:
                return name, int(match.group(1)), "heading"
            if name.strip().lower() in _TITLE_STYLES:
                return name, 1, "heading"
        if outline is not None and outline <= 9:
            return name, outline, "heading"
        if numbered or (name and _LIST_STYLES.match(name)):
            return name, None, "list_item"
        return name, None, "paragraph"

    def table(self, tbl: Any, rels: Any, where: Part) -> None:
        part = Part.TABLE if where == Part.BODY else where
        for row in tbl.iter(TR):
            if _nearest(row, TBL) is not tbl:
                continue  # a row of a nested table: handled when its cell is read
            for cell in row.iter(TC):
                if _nearest(cell, TR) is not row:
                    continue
                texts: list[str] = []
                embedded: list[Any] = []
                nested: list[Any] = []
                for child in _cell_items(cell):
                    if child.tag == P:
                        texts.append(self._text(child, embedded))
                    else:
                        nested.append(child)
                self._add("\n".join(texts), part, "table_cell")
                self.embedded(embedded, rels, where)
                for table in nested:
                    self.table(table, rels, where)

    def embedded(self, elements: list[Any], rels: Any, where: Part) -> None:
        """Drawings, VML pictures and alternate content: images and text boxes."""
        for element in elements:
            if element.tag == ALTERNATE:
                choice = element.find(CHOICE)
                chosen = choice if choice is not None else element.find(FALLBACK)
                if chosen is None:
                    continue
                inner = [e for e in chosen.iter() if e.tag in (DRAWING, PICT, OBJECT)]
                self.embedded(
                    [e for e in inner if _nearest(e, TXBX, stop=chosen) is None], rels, where
                )
                continue
            for box in element.iter(TXBX):
                if _nearest(box, TXBX, stop=element) is None:
                    self.container(box, rels, where, kind="textbox")
            self.images(element, rels, where)

    # --------------------------------------------------------------- images --
    def images(self, element: Any, rels: Any, where: Part) -> None:
        extent = None
        name = alt = None
        for container in (f"{{{WP}}}inline", f"{{{WP}}}anchor"):
            holder = element.find(container)
            if holder is not None:
                ext = holder.find(f"{{{WP}}}extent")
                if ext is not None:
                    try:
                        extent = (
                            int(ext.get("cx")) / EMU_PER_MM,
                            int(ext.get("cy")) / EMU_PER_MM,
                        )
                    except (TypeError, ValueError):
                        extent = None
                props = holder.find(f"{{{WP}}}docPr")
                if props is not None:
                    name = props.get("name")
                    alt = props.get("descr") or props.get("title") or None
        refs = [
            blip.get(f"{{{R}}}embed")
            for blip in element.iter(f"{{{A}}}blip")
            if _nearest(blip, TXBX, stop=element) is None
        ]
        refs += [
            data.get(f"{{{R}}}id")
            for data in element.iter(f"{{{V}}}imagedata")
            if _nearest(data, TXBX, stop=element) is None
        ]
        refs = [r for r in refs if r]
        for rid in refs:
            try:
                image_part = rels[rid].target_part
            except (KeyError, AttributeError, ValueError):
                continue  # external link or broken relationship
            member = str(image_part.partname).lstrip("/")
            blob = image_part.blob
            size = self.seen_images.get(member) or _pixel_size(blob)
            self.seen_images[member] = size
            self.document.images.append(
                ImageRef(
                    index=len(self.document.images),
                    part=where,
                    page=None,
                    width_px=size[0],
                    height_px=size[1],
                    load=ZipMemberLoader(str(self.path), member),
                    display_size_mm=extent if len(refs) == 1 else None,
                    name=name or member.rsplit("/", 1)[-1],
                    alt_text=alt,
                    sha256=hashlib.sha256(blob).hexdigest(),
                )
            )

    # ------------------------------------------------------ headers/footers --
    def header_footer_parts(self) -> tuple[list[Any], list[Any]]:
        headers: list[Any] = []
        footers: list[Any] = []
        seen: set[str] = set()
        rels = self.doc.part.rels
        for section in self.doc.sections:
            sect = section._sectPr
            for ref_tag, bucket in (("headerReference", headers), ("footerReference", footers)):
                refs = sect.findall(_w(ref_tag))
                order = {"first": 0, "default": 1, "even": 2}
                refs.sort(key=lambda r: order.get(r.get(_w("type")) or "default", 1))
                for ref in refs:
                    rid = ref.get(f"{{{R}}}id")
                    try:
                        part = rels[rid].target_part
                    except (KeyError, AttributeError):
                        continue
                    key = str(part.partname)
                    if key not in seen:
                        seen.add(key)
                        bucket.append(part)
        return headers, footers

    def notes(self) -> None:
        for suffix, tag, kind in (
            ("/footnotes", "footnote", "footnote"),
            ("/endnotes", "endnote", "endnote"),
        ):
            for rel in self.doc.part.rels.values():
                if rel.is_external or not rel.reltype.endswith(suffix):
                    continue
                part = rel.target_part
                for note in _root(part).iter(_w(tag)):
                    if note.get(_w("type")) in ("separator", "continuationSeparator"):
                        continue
                    self.container(note, part.rels, Part.BODY, kind=kind)

    def metadata(self) -> None:
        meta = self.document.metadata
        try:
            props = self.doc.core_properties
        except (AttributeError, ValueError, KeyError):
            props = None  # a damaged docProps/core.xml: no core properties
        for key in (
            "title",
            "subject",
            "author",
            "keywords",
            "last_modified_by",
            "comments",
            "category",
            "language",
        ):
            value = getattr(props, key, None) if props is not None else None
            if value:
                meta[key] = clean_text(str(value)).replace("\n", " ")
        for key in ("created", "modified", "last_printed"):
            value = getattr(props, key, None) if props is not None else None
            if value:
                meta[key] = value.isoformat()
        if props is not None and props.revision:
            meta["revision"] = str(props.revision)
        meta.update(_app_properties(self.doc))
        for key in ("title", "subject", "author", "keywords", "last_modified_by", "company"):
            if meta.get(key):
                self.document.blocks.append(
                    Block(
                        index=len(self.document.blocks),
                        text=meta[key],
                        part=Part.METADATA,
                        kind=key,
                    )
                )

    def run(self) -> Document:
        headers, footers = self.header_footer_parts()
        for part in headers:
            self.container(_root(part), part.rels, Part.HEADER)
        body = self.doc.element.body
        self.container(body, self.doc.part.rels, Part.BODY)
        self.notes()
        for part in footers:
            self.container(_root(part), part.rels, Part.FOOTER)
        self.metadata()
        return self.document


def _root(part: Any) -> Any:
    """A part's XML root; parts of an unexpected content type are parsed from their bytes."""
    root = getattr(part, "element", None)
    if root is None:
        from docx.oxml.parser import parse_xml

        root = parse_xml(part.blob)
    return root


def _nearest(element: Any, tag: str, stop: Any = None) -> Any:
    """The nearest ancestor of `element` with `tag` (below `stop`), or None."""
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return parent
        parent = parent.getparent()
    return None


def _cell_items(cell: Any) -> list[Any]:
    """A cell's paragraphs and nested tables in order (content controls unwrapped)."""
    items: list[Any] = []
    for child in cell:
        if child.tag in (P, TBL):
            items.append(child)
        elif child.tag == SDT:
            inner = child.find(SDT_CONTENT)
            if inner is not None:
                items.extend(_cell_items(inner))
    return items


def _pixel_size(blob: bytes) -> tuple[int, int]:
    """Pixel size from the image header only (no decoding); (0, 0) for vector formats."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(blob)) as image:
            return image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return (0, 0)


def _app_properties(doc: Any) -> dict[str, str]:
    """Company, manager and application from docProps/app.xml."""
    from lxml import etree

    result: dict[str, str] = {}
    try:
        for rel in doc.part.package.rels.values():
            if rel.reltype.endswith("/extended-properties") and not rel.is_external:
                root = etree.fromstring(rel.target_part.blob)
                for child in root:
                    name = etree.QName(child).localname
                    if name in ("Company", "Manager", "Application") and child.text:
                        value = clean_text(child.text)
                        if value:
                            result[name.lower()] = value
    except Exception:  # app.xml is optional extra information
        return {}
    return result


def read(path: Path, options: ReaderOptions) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise _corrupt() from exc
    except Exception as exc:  # lxml syntax errors and other damage inside the package
        raise _corrupt(type(exc).__name__) from exc
    from lxml.etree import XMLSyntaxError

    try:
        return _Reader(path, doc).run()
    except XMLSyntaxError as exc:  # a damaged part that python-docx did not parse itself
        raise _corrupt(type(exc).__name__) from exc
