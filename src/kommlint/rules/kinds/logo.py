"""`logo`: the reference logotype is present and used correctly (see docs/logo.md).

Fields:
  check: missing | size | distortion | rotation | placement | contrast
Options (overridable per rule, [rules.LOGO00x] in kommlint.toml):
  reference:        files or folders of the reference artwork (PNG; SVG with a rasteriser);
                    relative paths are tried against the working folder, then the pack
                    folder. Default: the shipped stand-in, or $KOMMLINT_LOGO_REFERENCE
                    (paths separated by os.pathsep) when that is set.
  pages:            PDF pages to render and search: "first,last" (default), "all", "1,2"
  dpi:              render resolution (150: a 10 mm logo is about 60 px)
  formats:          document formats the rule applies to (missing: [pdf, docx])
  placement:        first | last | first_or_last | any (where the logo must be)
  min_width_mm:     printed minimum width (PDF, DOCX), default 10
  min_width_px:     minimum width for screen images (image files), default 50
  max_distortion:   non-uniform scaling tolerated, default 0.05 (±5 %)
  max_rotation_deg: default 2
  min_contrast:     WCAG ratio of the logo's edge against its background, default 3
Every rule of the pack shares one detection pass per document (Document.annotations).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kommlint.document import Finding, Location, Part
from kommlint.rules.context import RuleContext
from kommlint.rules.model import Rule

fields = {"check"}
CHECKS = {"missing", "size", "distortion", "rotation", "placement", "contrast"}
PLACEMENTS = {"first", "last", "first_or_last", "any"}
ENV_REFERENCE = "KOMMLINT_LOGO_REFERENCE"
DEFAULTS: dict[str, Any] = {
    "pages": "first,last",
    "dpi": 150.0,
    "placement": "first_or_last",
    "min_width_mm": 10.0,
    "min_width_px": 50.0,
    "max_distortion": 0.05,
    "max_rotation_deg": 2.0,
    "min_contrast": 3.0,
}
CHECK_FORMATS = {"missing": ["pdf", "docx"]}
ALL_FORMATS = ["pdf", "docx", "image"]


def compile(rule: Rule) -> str:
    check = rule.spec.get("check")
    if check not in CHECKS:
        raise ValueError(f"check ska vara en av {sorted(CHECKS)}, inte {check!r}")
    placement = rule.options.get("placement", DEFAULTS["placement"])
    if placement not in PLACEMENTS:
        raise ValueError(f"options.placement ska vara en av {sorted(PLACEMENTS)}")
    ref = rule.options.get("reference")
    if ref is not None and not (
        isinstance(ref, str) or (isinstance(ref, list) and all(isinstance(r, str) for r in ref))
    ):
        raise ValueError("options.reference ska vara en sökväg eller en lista med sökvägar")
    for key in ("dpi", "min_width_mm", "min_width_px", "max_distortion", "max_rotation_deg"):
        if key in rule.options and not isinstance(rule.options[key], int | float):
            raise ValueError(f"options.{key} ska vara ett tal")
    return check


def _option(ctx: RuleContext, key: str) -> Any:
    return ctx.options.get(key, DEFAULTS.get(key))


def vision_config(rule: Rule, ctx: RuleContext) -> Any:
    from kommlint.vision.analyse import VisionConfig

    raw = ctx.options.get("reference")
    base = rule.pack_file.parent if rule.pack_file else None
    if raw is None and os.environ.get(ENV_REFERENCE):
        raw = [p for p in os.environ[ENV_REFERENCE].split(os.pathsep) if p]
    paths: list[str] = []
    for p in [raw] if isinstance(raw, str) else list(raw or []):
        path = Path(str(p)).expanduser()
        if not path.is_absolute():
            here = Path.cwd() / path
            path = here if here.exists() or base is None else base / path
        paths.append(str(path))
    return VisionConfig(
        reference=tuple(paths),
        pages=str(_option(ctx, "pages")),
        dpi=float(_option(ctx, "dpi")),
    )


def run(rule: Rule, ctx: RuleContext):
    from kommlint.vision.analyse import analyse_document

    check: str = rule.compiled
    document = ctx.document
    formats = ctx.options.get("formats") or CHECK_FORMATS.get(check, ALL_FORMATS)
    if document.format not in formats:
        return
    if not document.images and not (document.format == "pdf" and document.pages):
        if check == "missing":
            yield ctx.document_finding()
        return
    result = analyse_document(document, vision_config(rule, ctx))
    if result.error is not None:
        if check == "missing":
            sv, en = result.error
            yield ctx.document_finding(message=ctx.text(sv, en))
        return
    matches = result.matches
    if check == "missing":
        if not matches:
            yield ctx.document_finding()
        return
    if check == "placement":
        yield from _placement(ctx, matches)
        return
    for m in matches:
        finding = _measure(check, ctx, document.format, m)
        if finding is not None:
            yield finding


def _location(m: Any) -> Location:
    part = m.part if m.part is not None else Part.BODY
    return Location(part=part, page=m.page, bbox=m.bbox)


def _num(value: float, decimals: int = 0) -> str:
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",")


def _measure(check: str, ctx: RuleContext, fmt: str, m: Any) -> Finding | None:
    where = _where(ctx, m)
    if check == "size":
        if fmt != "image" and m.width_mm is not None:
            limit = float(_option(ctx, "min_width_mm"))
            if m.width_mm < limit:
                return ctx.document_finding(
                    location=_location(m),
                    value=f"{_num(m.width_mm, 1)} mm",
                    limit=f"{_num(limit)} mm",
                    where=where,
                )
        else:
            limit = float(_option(ctx, "min_width_px"))
            if m.width_px < limit:
                return ctx.document_finding(
                    location=_location(m),
                    value=f"{_num(m.width_px)} px",
                    limit=f"{_num(limit)} px",
                    where=where,
                )
        return None
    if check == "distortion":
        limit = float(_option(ctx, "max_distortion"))
        if m.anisotropy > limit:
            wide = m.stretch >= 0
            return ctx.document_finding(
                location=_location(m),
                value=f"{_num(100 * m.anisotropy)} %",
                limit=f"{_num(100 * limit)} %",
                direction=ctx.text(
                    "för bred" if wide else "för smal", "too wide" if wide else "too narrow"
                ),
                where=where,
            )
        return None
    if check == "rotation":
        limit = float(_option(ctx, "max_rotation_deg"))
        if abs(m.rotation_deg) > limit:
            return ctx.document_finding(
                location=_location(m),
                value=f"{_num(abs(m.rotation_deg), 1)}°",
                limit=f"{_num(limit, 1)}°",
                where=where,
            )
        return None
    if check == "contrast":
        limit = float(_option(ctx, "min_contrast"))
        if m.contrast is not None and m.contrast < limit:
            return ctx.document_finding(
                location=_location(m),
                value=f"{_num(m.contrast, 1)}:1",
                limit=f"{_num(limit, 1)}:1",
                where=where,
            )
        return None
    return None


def _where(ctx: RuleContext, m: Any) -> str:
    if m.page is not None:
        return ctx.text(f"sidan {m.page}", f"page {m.page}")
    if m.part in (Part.HEADER, Part.FOOTER):
        return ctx.text(
            "sidhuvudet" if m.part == Part.HEADER else "sidfoten",
            "the header" if m.part == Part.HEADER else "the footer",
        )
    return ctx.text("dokumentet", "the document")


def _allowed_pages(placement: str, count: int) -> set[int]:
    if placement == "first":
        return {1}
    if placement == "last":
        return {max(count, 1)}
    if placement == "first_or_last":
        return {1, max(count, 1)}
    return set(range(1, max(count, 1) + 1))


def _placement(ctx: RuleContext, matches: list[Any]):
    placement = str(_option(ctx, "placement"))
    if placement == "any" or not matches:  # no logo at all is LOGO001's finding
        return
    allowed = _allowed_pages(placement, ctx.document.page_count)
    names = {
        "first": ("första sidan", "the first page"),
        "last": ("sista sidan", "the last page"),
        "first_or_last": ("första eller sista sidan", "the first or last page"),
    }[placement]

    def ok(m: Any) -> bool:
        # no page known (DOCX body) or a header/footer that repeats on every page
        return m.page is None or m.part in (Part.HEADER, Part.FOOTER) or m.page in allowed

    if any(ok(m) for m in matches):
        return
    first = matches[0]
    yield ctx.document_finding(
        location=_location(first),
        where=_where(ctx, first),
        allowed=ctx.text(*names),
    )
