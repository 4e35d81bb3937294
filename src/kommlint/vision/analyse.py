"""The vision pass over a Document: every logo match, measured, cached for all rules.

Order of work (cheapest first):
1. fast path: each embedded image's sha256 against the reference files, then a perceptual
   hash of its content against each variant (verified by correlation), so that an
   embedded copy of the artwork needs no feature matching;
2. feature matching on every other embedded raster image (DOCX, PDF, image files),
   behind a FAST-corner pre-screen: SIFT runs only on the crops dense enough to hold the
   artwork (none for a smooth photo), or on the whole image where they cover most of it;
3. feature matching on the rendered pages a rule needs (first and last by default) of a
   PDF, because vector logos are no images; at `dpi` (150: a 10 mm logo is ~60 px),
   first at half resolution, with a second look on the full render at every small find
   and every candidate.

Coordinates: PDF matches are in PDF points (top-left origin, like the reader's boxes),
image-file matches in pixels; DOCX images have no page geometry (bbox None).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kommlint.document import BBox, Document, ImageRef, Page, Part, merge_boxes

if TYPE_CHECKING:
    import numpy as np

    from kommlint.vision.matching import Detection, ReferenceBank
    from kommlint.vision.reference import Reference, ReferenceVariant

ANNOTATION_KEY = "vision"
PHASH_MAX_DISTANCE = 10
# rendered pages are searched at half resolution first (a 10 mm logo is still ~30 px
# there), and looked at again on the full render wherever a candidate is
PAGE_COARSE = 0.5
PROBE_SIZE = 256  # long side (px) at which an embedded image is hashed for the fast path
MAX_SCENE_SIDE = 2400  # larger embedded images are matched at this size
MAX_PAGE_PIXELS = 9_000_000  # a rendered page never exceeds this (A3 at 150 dpi is 4.4 MP)
# scenes larger than this (an A4 page at 150 dpi is 2.2 MP, a phone photo 12 MP) are first
# searched scaled down to it, never below PAGE_COARSE: SIFT's memory and time grow with the
# pixels
COARSE_ABOVE_PIXELS = 1_200_000
# a page region (vector art, an image logo) is searched with this margin around it
REGION_PAD = 0.25
REGION_PAD_PT = 12.0
REGION_WHOLE = 0.5  # regions covering more of the page than this: search the whole page


@dataclass(frozen=True)
class VisionConfig:
    """What the detection pass needs; rules sharing a config share one pass."""

    reference: tuple[str, ...] = ()  # files or folders; () = the shipped stand-in
    base: str | None = None  # folder that relative reference paths are resolved against
    pages: str = "first,last"  # which PDF pages to render: "first,last", "all", "1,3", ...
    dpi: float = 150.0

    def key(self) -> str:
        return json.dumps([self.reference, self.base, self.pages, self.dpi])


@dataclass
class LogoMatch:
    """One logo found in a document, with its measures."""

    source: str  # "page" (rendered page), "image" (feature match), "hash" (fast path)
    part: Part
    page: int | None
    bbox: BBox | None  # PDF points (pdf) or pixels (image files); None for DOCX
    variant: str
    width: float  # logo width in bbox units (points or px); in image px for DOCX
    width_mm: float | None  # printed width when known
    width_px: float  # width in the pixels it was found in
    anisotropy: float  # non-uniform scaling: sigma_max / sigma_min - 1
    stretch: float  # (width/height) / reference aspect - 1
    rotation_deg: float
    contrast: float | None  # WCAG ratio, outer band vs background
    score: float
    inliers: int
    image_index: int | None = None
    inverted: bool = False


@dataclass
class VisionResult:
    matches: list[LogoMatch] = field(default_factory=list)
    pages_scanned: list[int] = field(default_factory=list)
    images_scanned: int = 0
    seconds: float = 0.0
    error: tuple[str, str] | None = None  # (sv, en) when the reference could not be loaded

    @property
    def found(self) -> bool:
        return bool(self.matches)


def pages_to_scan(spec: str, count: int) -> list[int]:
    """'first,last' -> [1, n]; 'all'; '1,3'; 'first'; 'last'. 1-based, sorted, unique."""
    out: set[int] = set()
    for raw in str(spec).replace(" ", "").split(","):
        if not raw:
            continue
        if raw == "all":
            out.update(range(1, count + 1))
        elif raw == "first":
            out.add(1)
        elif raw == "last":
            out.add(count)
        elif raw.lstrip("-").isdigit():
            n = int(raw)
            out.add(n if n > 0 else count + 1 + n)
    return sorted(n for n in out if 1 <= n <= count)


def analyse_document(document: Document, config: VisionConfig | None = None) -> VisionResult:
    """The document's logo matches for `config`, computed once and cached in
    document.annotations["vision"][config.key()]."""
    config = config or VisionConfig()
    cache: dict[str, VisionResult] = document.annotations.setdefault(ANNOTATION_KEY, {})
    key = config.key()
    if key not in cache:
        cache[key] = _analyse(document, config)
    return cache[key]


def _analyse(document: Document, config: VisionConfig) -> VisionResult:
    from kommlint.vision.matching import bank_for
    from kommlint.vision.reference import ReferenceError, cached_references

    start = time.perf_counter()
    result = VisionResult()
    try:
        reference = cached_references(
            list(config.reference) or None, Path(config.base) if config.base else None
        )
    except ReferenceError as exc:
        result.error = (exc.message, exc.message_en)
        return result
    bank = bank_for(reference)
    ref_shas = {v.file_sha256 for v in reference.variants}
    # a picture placed many times (the same stream in a PDF, the same part in a DOCX) is
    # searched once
    seen: dict[tuple[str, int, int], ImageSearch] = {}
    for ref in document.images:
        result.images_scanned += 1
        try:
            key = (ref.sha256, ref.width_px, ref.height_px) if ref.sha256 else None
            search = seen.get(key) if key else None
            if search is None:
                search = _search_image(ref, reference, bank, ref_shas)
                if key:
                    seen[key] = search
            result.matches.extend(
                _image_match(document, ref, search, bank, i) for i in search.found
            )
        except Exception as exc:  # a broken image (or a decompression bomb) must not stop the run
            document.notices.append(_notice_image(ref, exc))
    if document.format == "pdf":
        for number in pages_to_scan(config.pages, len(document.pages)):
            page = document.pages[number - 1]
            if page.render is None:
                continue
            # a poster-sized page is rendered coarser (its logo is large too)
            area_in2 = max(page.width_pt * page.height_pt, 1.0) / (72.0 * 72.0)
            dpi = min(config.dpi, (MAX_PAGE_PIXELS / area_in2) ** 0.5)
            regions = _page_regions(page, [m for m in result.matches if m.page == number])
            if regions == []:  # nothing drawn but text and photos: no vector logo here
                result.pages_scanned.append(number)
                continue
            try:
                image = page.render(dpi)
            except Exception:  # the reader reports unreadable pages; skip it here
                continue
            result.pages_scanned.append(number)
            page_matches = _match_page(image, number, dpi, bank, regions)
            # a page match replaces the embedded-image match of the same logo
            for pm in page_matches:
                result.matches = [
                    m
                    for m in result.matches
                    if not (m.page == number and m.bbox and _iou(m.bbox, pm.bbox) > 0.3)
                ]
            result.matches.extend(page_matches)
    result.matches.sort(key=lambda m: (m.page or 0, m.bbox or (0, 0, 0, 0)))
    result.seconds = time.perf_counter() - start
    return result


def _notice_image(ref: ImageRef, exc: Exception) -> Any:
    from kommlint.document import Notice

    name = ref.name or f"#{ref.index + 1}"
    return Notice(
        "image_unreadable",
        f"Bilden {name} kunde inte läsas för logotypkontrollen.",
        f"The image {name} could not be read for the logo check ({exc}).",
        page=ref.page,
    )


def _page_regions(page: Page, matches: list[LogoMatch]) -> list[BBox] | None:
    """Where on a page (points) a logo can be seen only in the rendering: its vector art,
    and the embedded-image logos (measured again on what is printed around them). None:
    the whole page (art unknown, or covering much of the page)."""
    if page.vector_art is None:
        return None
    boxes = list(page.vector_art) + [m.bbox for m in matches if m.bbox]
    padded: list[list[float]] = []
    for x0, y0, x1, y1 in boxes:
        pad = max(REGION_PAD_PT, REGION_PAD * max(x1 - x0, y1 - y0))
        padded.append(
            [
                max(0.0, x0 - pad),
                max(0.0, y0 - pad),
                min(page.width_pt, x1 + pad),
                min(page.height_pt, y1 + pad),
            ]
        )
    merged = merge_boxes(padded)
    area = sum((b[2] - b[0]) * (b[3] - b[1]) for b in merged)
    if area > REGION_WHOLE * page.width_pt * page.height_pt:
        return None
    return [(b[0], b[1], b[2], b[3]) for b in merged]


def _match_page(
    image: Any, number: int, dpi: float, bank: ReferenceBank, regions: list[BBox] | None
) -> list[LogoMatch]:
    import numpy as np

    from kommlint.vision.geometry import edge_contrast, pose
    from kommlint.vision.matching import detect_logos_screened, to_gray

    gray = to_gray(image)
    k = 72.0 / dpi
    dets: list[Detection] = []
    if regions is None:
        dets = detect_logos_screened(gray, bank, coarse=PAGE_COARSE)
    else:
        h, w = gray.shape
        for rx0, ry0, rx1, ry1 in regions:
            x0, y0 = max(0, int(rx0 / k)), max(0, int(ry0 / k))
            x1, y1 = min(w, int(rx1 / k) + 1), min(h, int(ry1 / k) + 1)
            if x1 - x0 < 12 or y1 - y0 < 12:
                continue
            crop = gray[y0:y1, x0:x1]
            shift = np.array([[1.0, 0.0, x0], [0.0, 1.0, y0], [0.0, 0.0, 1.0]])
            for det in detect_logos_screened(crop, bank, coarse=_coarse_for(crop)):
                det.homography = shift @ det.homography
                det.quad = [(x + x0, y + y0) for x, y in det.quad]
                dets.append(det)
    out: list[LogoMatch] = []
    for det in dets:
        variant = bank.reference.variant(det.variant)
        p = pose(det.homography, det.aspect)
        x0, y0, x1, y1 = det.bbox
        out.append(
            LogoMatch(
                source="page",
                part=Part.BODY,
                page=number,
                bbox=(x0 * k, y0 * k, x1 * k, y1 * k),
                variant=det.variant,
                width=p.width * k,
                width_mm=p.width / dpi * 25.4,
                width_px=p.width,
                anisotropy=p.anisotropy,
                stretch=p.stretch,
                rotation_deg=p.rotation_deg,
                contrast=edge_contrast(gray, det.homography, variant),
                score=det.score,
                inliers=det.inliers,
                inverted=det.inverted,
            )
        )
    return out


def _coarse_for(gray: np.ndarray) -> float:
    """Large scenes are first searched scaled down to COARSE_ABOVE_PIXELS, never below
    PAGE_COARSE (see detect_logos)."""
    pixels = gray.shape[0] * gray.shape[1]
    if pixels <= COARSE_ABOVE_PIXELS:
        return 1.0
    return max(PAGE_COARSE, (COARSE_ABOVE_PIXELS / pixels) ** 0.5)


@dataclass
class ImageSearch:
    """What one search of an image's pixels found: the detections (image px), how each
    was found ("hash" or "image") and its edge contrast."""

    shape: tuple[int, int]  # (height, width) px
    found: list[tuple[Detection, str, float | None]] = field(default_factory=list)


def _search_image(
    ref: ImageRef, reference: Reference, bank: ReferenceBank, ref_shas: set[str]
) -> ImageSearch:
    """Fast path, then feature matching, on one embedded image (or the image file)."""
    import numpy as np

    from kommlint.vision.geometry import edge_contrast
    from kommlint.vision.matching import detect_logos_screened, to_gray

    if min(ref.width_px, ref.height_px) < 12:
        return ImageSearch((ref.height_px, ref.width_px))
    image = ref.load()
    scene = to_gray(image)
    search = ImageSearch(scene.shape)
    hit = _fast_path(image, scene, reference, ref.sha256 in ref_shas if ref.sha256 else False)
    del image
    if hit is not None:
        search.found.append((hit, "hash", None))
        return search
    h_px, w_px = scene.shape
    k = min(1.0, MAX_SCENE_SIDE / max(h_px, w_px))
    work = scene
    if k < 1.0:
        import cv2

        work = cv2.resize(scene, None, fx=k, fy=k, interpolation=cv2.INTER_AREA)
    for det in detect_logos_screened(work, bank, coarse=_coarse_for(work)):
        if k < 1.0:
            det.homography = np.diag([1 / k, 1 / k, 1.0]) @ det.homography
            det.quad = [(x / k, y / k) for x, y in det.quad]
        contrast = edge_contrast(scene, det.homography, bank.reference.variant(det.variant))
        search.found.append((det, "image", contrast))
    return search


def _image_match(
    document: Document,
    ref: ImageRef,
    search: ImageSearch,
    bank: ReferenceBank,
    found: tuple[Detection, str, float | None],
) -> LogoMatch:
    """Measure a match found in an image's pixels in the units of the page it sits on."""
    import numpy as np

    from kommlint.vision.geometry import pose

    det, source, contrast = found
    h_px, w_px = search.shape
    # image px -> page units (points for PDF, px for image files, px for DOCX)
    if ref.bbox is not None and document.format == "pdf":
        bx0, by0, bx1, by1 = ref.bbox
        kx, ky = (bx1 - bx0) / w_px, (by1 - by0) / h_px
        origin = (bx0, by0)
    elif document.format != "image" and ref.display_size_mm:
        # DOCX: the printed extent may stretch the pixels
        dw, dh = ref.display_size_mm
        kx = 1.0
        ky = (dh / h_px) / (dw / w_px) if dw > 0 and dh > 0 else 1.0
        origin = None
    else:
        kx = ky = 1.0
        origin = (0.0, 0.0) if ref.bbox is not None else None
    to_page = np.diag([kx, ky, 1.0])
    page_pose = pose(to_page @ det.homography, det.aspect)
    px_pose = pose(det.homography, det.aspect)
    width_mm: float | None = None
    if ref.display_size_mm and document.format != "image":
        width_mm = px_pose.width / w_px * ref.display_size_mm[0]
    bbox: BBox | None = None
    if origin is not None:
        x0, y0, x1, y1 = det.bbox
        bbox = (origin[0] + x0 * kx, origin[1] + y0 * ky, origin[0] + x1 * kx, origin[1] + y1 * ky)
    return LogoMatch(
        source=source,
        part=ref.part,
        page=ref.page,
        bbox=bbox,
        variant=det.variant,
        width=page_pose.width,
        width_mm=width_mm,
        width_px=px_pose.width,
        anisotropy=page_pose.anisotropy,
        stretch=page_pose.stretch,
        rotation_deg=page_pose.rotation_deg,
        contrast=contrast,
        score=det.score,
        inliers=det.inliers,
        image_index=ref.index,
        inverted=det.inverted,
    )


def _fast_path(
    image: Any, scene: np.ndarray, reference: Reference, exact: bool
) -> Detection | None:
    """The embedded image *is* the artwork: same file, or the same picture re-encoded,
    resized or converted (perceptual hash of its content box, then verified)."""
    import numpy as np

    from kommlint.vision.hashing import hamming, invert_hash_distance
    from kommlint.vision.matching import Detection, verify
    from kommlint.vision.reference import ReferenceError, variant_from_image

    try:
        # the hash is taken from a 32 x 32 thumbnail: a small probe is as good as the
        # 1024 px normalisation of the reference and costs a few ms instead of ~80
        probe = variant_from_image(image, "probe", work_size=PROBE_SIZE)
    except ReferenceError:
        return None
    best: tuple[float, ReferenceVariant] | None = None
    for v in reference.variants:
        d = min(hamming(probe.phash, v.phash), invert_hash_distance(probe.phash, v.phash))
        if exact or d <= PHASH_MAX_DISTANCE:
            best = (d, v) if best is None or d < best[0] else best
    if best is None:
        return None
    v = best[1]
    x0, y0, x1, y1 = _content_box(image)
    cw, ch = x1 - x0, y1 - y0
    if cw < 4 or ch < 4:
        return None
    # content units -> image px (a stretched picture keeps its stretch in the map)
    h = np.array([[cw, 0.0, x0], [0.0, ch * v.aspect, y0], [0.0, 0.0, 1.0]], dtype=np.float64)
    score = verify(scene, h, v)
    if score < 0.6 and not exact:
        return None
    quad = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    inverted = hamming(probe.phash, v.phash) > invert_hash_distance(probe.phash, v.phash)
    return Detection(v.name, h, quad, 0, score, inverted, v.aspect)


def _content_box(image: Any) -> tuple[float, float, float, float]:
    """The artwork's box in the image's own pixels: opaque pixels, or those that differ
    from the corner colour (the same rule as for the reference variants)."""
    import numpy as np

    arr = np.asarray(image.convert("RGBA"))
    alpha = arr[..., 3]
    if int(alpha.min()) < 128:
        mask = alpha >= 128
    else:
        corners = np.array([arr[0, 0, :3], arr[0, -1, :3], arr[-1, 0, :3], arr[-1, -1, :3]])
        bg = np.median(corners, axis=0)
        mask = np.abs(arr[..., :3].astype(np.int16) - bg.astype(np.int16)).max(axis=2) > 40
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return 0.0, 0.0, 0.0, 0.0
    return float(xs.min()), float(ys.min()), float(xs.max() + 1), float(ys.max() + 1)


def _iou(a: BBox, b: BBox) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0
