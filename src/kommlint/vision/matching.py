"""Feature matching: find the reference artwork in a raster image.

SIFT keypoints of the scene are matched against a bank of reference keypoints computed on
every variant, at several sizes and in both polarities (so that a one-colour logo printed
on a dark background, or a negative printed on white, is still found). A ratio test whose
rival must lie elsewhere on the artwork keeps distinctive matches only. Each match
predicts the logo's centre, size and angle from its keypoint; matches that agree are
grouped (Hough-style) and RANSAC fits an affine map in each group (printed logos lie
flat). Small candidates get a second, zoomed look. Every candidate is then verified by
warping the scene back onto the artwork and correlating it with the reference, overall
and per cell, which rejects other emblems that share a few local shapes (crowns, stars,
shield outlines).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from PIL.Image import Image as PILImage

    from kommlint.vision.reference import Reference, ReferenceVariant

# Content widths (px) at which the reference is described. Small sizes matter: a 10 mm logo
# at 150 dpi is about 60 px wide.
BANK_WIDTHS = (36, 50, 70, 100, 140, 200, 280, 400)
RATIO = 0.8
KNN = 8  # neighbours searched for a rival at another place on the artwork
MIN_INLIERS = 6
VERIFY_MIN = 0.55
MAX_INSTANCES = 4
# Logos narrower than this (scene px) get a second, zoomed look at up to ZOOM_CANDIDATES
# places; the crop is enlarged so that the logo is about ZOOM_WIDTH px wide.
ZOOM_BELOW = 110.0
ZOOM_CANDIDATES = 8
ZOOM_WIDTH = 200.0
REFIT_BELOW = 20  # small logos found on fewer inliers are re-fitted on the zoomed crop
# the cells may correlate this much less than the whole (local blur, JPEG blocks)
CELL_MARGIN = 0.35


@dataclass
class Detection:
    """One instance of the artwork in a scene. `homography` (3 x 3, affine in practice)
    maps content units (x and y in content widths, origin at the content's top-left) to
    scene pixels."""

    variant: str
    homography: np.ndarray
    quad: list[tuple[float, float]]  # content corners in scene px: tl, tr, br, bl
    inliers: int
    score: float  # verification correlation, 0..1
    inverted: bool  # matched the reference in the opposite polarity
    aspect: float  # the variant's content width / height

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self.quad]
        ys = [p[1] for p in self.quad]
        return min(xs), min(ys), max(xs), max(ys)


@dataclass
class _Level:
    variant_index: int
    inverted: bool
    points: np.ndarray  # N x 2 canonical content units
    descriptors: np.ndarray


@dataclass
class ReferenceBank:
    """Reference keypoints for every variant, size and polarity (built once per artwork)."""

    reference: Reference
    # per variant: canonical points, descriptors, polarity flags
    entries: list[dict[str, Any]] = field(default_factory=list)
    # FAST corners a window of the pre-screen needs to be searched (see screen_regions)
    min_corners: int = 12

    @classmethod
    def build(cls, reference: Reference, widths: tuple[int, ...] = BANK_WIDTHS) -> ReferenceBank:
        import cv2
        import numpy as np

        sift = _sift()
        bank = cls(reference)
        # variants of one artwork (same content aspect) share an index: one search per
        # scene keypoint, and one geometric fit whatever colour the logo is printed in
        families: list[list[int]] = []
        for i, v in enumerate(reference.variants):
            for fam in families:
                if abs(reference.variants[fam[0]].aspect / v.aspect - 1.0) < 0.02:
                    fam.append(i)
                    break
            else:
                families.append([i])
        for fam in families:
            pts: list[np.ndarray] = []
            descs: list[np.ndarray] = []
            flags: list[np.ndarray] = []
            sizes: list[np.ndarray] = []
            angles: list[np.ndarray] = []
            for vi in fam:
                v = reference.variants[vi]
                gray = v.gray()
                x0, y0, x1, _ = v.content
                cw = x1 - x0
                for inverted in (False, True):
                    base = 255 - gray if inverted else gray
                    for w in widths:
                        k = w / cw
                        size = (max(8, round(base.shape[1] * k)), max(8, round(base.shape[0] * k)))
                        small = cv2.resize(base, size, interpolation=cv2.INTER_AREA)
                        kps, des = sift.detectAndCompute(small, None)
                        if des is None or not kps:
                            continue
                        xy = np.array([kp.pt for kp in kps], dtype=np.float32) / k
                        pts.append((xy - np.array([x0, y0], dtype=np.float32)) / cw)
                        descs.append(des.astype(np.float32))
                        flags.append(np.full(len(kps), inverted))
                        sizes.append(np.array([kp.size for kp in kps], np.float32) / k / cw)
                        angles.append(np.array([kp.angle for kp in kps], np.float32))
            entry: dict[str, Any] = {
                "variants": [reference.variants[vi] for vi in fam],
                "points": np.concatenate(pts),
                "descriptors": np.concatenate(descs),
                "inverted": np.concatenate(flags),
                "sizes": np.concatenate(sizes),
                "angles": np.concatenate(angles),
            }
            entry["members"] = list(fam)
            entry["matcher"] = _matcher(entry["descriptors"])
            bank.entries.append(entry)
        bank.min_corners = _screen_threshold(reference)
        return bank


SCREEN_CALIBRATION_WIDTH = 36  # px: the smallest logo the pre-screen must let through
SCREEN_CALIBRATION_CONTRAST = 0.3
SCREEN_SHARE = 0.3  # a window needs this share of such a logo's corners


def _screen_threshold(reference: Reference) -> int:
    """Corners a pre-screen window needs: a share of what the faintest variant yields at
    the smallest size, at a third of its contrast (part of a small logo may fall outside
    any one window)."""
    import cv2
    import numpy as np

    fast = cv2.FastFeatureDetector_create(threshold=SCREEN_FAST_THRESHOLD)
    counts = []
    for v in reference.variants:
        x0, _, x1, _ = v.content
        k = SCREEN_CALIBRATION_WIDTH / (x1 - x0)
        small = cv2.resize(v.gray(), None, fx=k, fy=k, interpolation=cv2.INTER_AREA)
        faint = 128 + (small.astype(np.float32) - 128) * SCREEN_CALIBRATION_CONTRAST
        counts.append(len(fast.detect(np.clip(faint, 0, 255).astype(np.uint8), None)))
    return max(6, int(SCREEN_SHARE * min(counts)))


_SIFT: Any = None


def _sift() -> Any:
    global _SIFT
    if _SIFT is None:
        import cv2

        _SIFT = cv2.SIFT_create(contrastThreshold=0.03)
    return _SIFT


_BANKS: dict[str, ReferenceBank] = {}


def bank_for(reference: Reference) -> ReferenceBank:
    """The bank of `reference`, built once per process (and its keypoints kept on disk,
    see `_stored_bank`, so that a new process only rebuilds the matcher)."""
    key = reference.signature()
    bank = _BANKS.get(key)
    if bank is None:
        bank = _stored_bank(reference)
        if bank is None:
            bank = ReferenceBank.build(reference)
            _store_bank(bank)
        _BANKS[key] = bank
    return bank


BANK_FORMAT = 1
_BANK_ARRAYS = ("points", "descriptors", "inverted", "sizes", "angles")


def _bank_file(reference: Reference) -> Any:
    """Where the keypoints of `reference` are kept: the user's cache folder, keyed by the
    artwork's files, the bank's parameters and the OpenCV version. None when switched off
    (KOMMLINT_VISION_CACHE=0)."""
    import hashlib

    import cv2

    from kommlint.vision.reference import cache_file

    h = hashlib.sha256()
    h.update(repr((BANK_FORMAT, cv2.__version__, BANK_WIDTHS, SCREEN_FAST_THRESHOLD)).encode())
    for v in reference.variants:
        h.update(f"{v.name}:{v.file_sha256}:{v.content}:{v.rgba.shape};".encode())
    h.update(repr((SCREEN_CALIBRATION_WIDTH, SCREEN_CALIBRATION_CONTRAST, SCREEN_SHARE)).encode())
    return cache_file(f"bank-{h.hexdigest()[:24]}.npz")


def _stored_bank(reference: Reference) -> ReferenceBank | None:
    import numpy as np

    try:
        path = _bank_file(reference)
        if path is None or not path.is_file():
            return None
        with np.load(path, allow_pickle=False) as data:
            bank = ReferenceBank(reference, min_corners=int(data["min_corners"]))
            for i in range(int(data["families"])):
                members = [int(x) for x in data[f"f{i}_variants"]]
                entry: dict[str, Any] = {
                    "variants": [reference.variants[vi] for vi in members],
                    "members": members,
                }
                for name in _BANK_ARRAYS:
                    entry[name] = data[f"f{i}_{name}"]
                entry["matcher"] = _matcher(entry["descriptors"])
                bank.entries.append(entry)
        return bank
    except Exception:  # unreadable, truncated, from another version: build it again
        return None


def _store_bank(bank: ReferenceBank) -> None:
    import numpy as np

    from kommlint.vision.reference import save_arrays

    arrays: dict[str, Any] = {
        "min_corners": np.array(bank.min_corners),
        "families": np.array(len(bank.entries)),
    }
    for i, entry in enumerate(bank.entries):
        arrays[f"f{i}_variants"] = np.array(entry["members"], dtype=np.int64)
        for name in _BANK_ARRAYS:
            arrays[f"f{i}_{name}"] = entry[name]
    save_arrays(_bank_file(bank.reference), arrays)


def _matcher(descriptors: np.ndarray) -> Any:
    import cv2

    matcher = cv2.FlannBasedMatcher({"algorithm": 1, "trees": 4}, {"checks": 64})
    matcher.add([descriptors])
    matcher.train()
    return matcher


def to_gray(image: PILImage | np.ndarray) -> np.ndarray:
    """Luminance of a Pillow image or array, with transparency composited over white."""
    import numpy as np

    if not isinstance(image, np.ndarray):
        if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
            from PIL import Image

            rgba = image.convert("RGBA")
            white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            white.alpha_composite(rgba)
            image = white
        return np.asarray(image.convert("L"))
    if image.ndim == 2:
        return image
    rgb = image[..., :3].astype(np.float32)
    return np.clip(rgb @ np.array([0.299, 0.587, 0.114], np.float32) + 0.5, 0, 255).astype(np.uint8)


def detect_logos(
    image: PILImage | np.ndarray,
    bank: ReferenceBank,
    *,
    min_inliers: int = MIN_INLIERS,
    verify_min: float = VERIFY_MIN,
    max_instances: int = MAX_INSTANCES,
    coarse: float = 1.0,
) -> list[Detection]:
    """Every instance of the reference in `image` (scene pixel coordinates).

    Two passes: the whole scene at its own resolution, then a zoomed look at each place
    where a few matches agree on a *small* logo (too few keypoints at scene resolution):
    that region is enlarged and matched again, and verified on the original pixels.

    `coarse` < 1 runs the first pass on the scene scaled by that factor (SIFT's cost
    falls with the square of it); every small find and every candidate then gets its
    second look on the original pixels, never coarser than them."""
    import numpy as np

    gray = to_gray(image)
    zoom_min = 1.5
    if coarse < 1.0:
        import cv2

        work = cv2.resize(gray, None, fx=coarse, fy=coarse, interpolation=cv2.INTER_AREA)
        found, candidates = _match_scene(work, bank, min_inliers, verify_min, max_instances)
        back = np.diag([1.0 / coarse, 1.0 / coarse, 1.0])
        for det in found:
            det.homography = back @ det.homography
            det.quad = [(x / coarse, y / coarse) for x, y in det.quad]
            # verified again on the full-resolution pixels: what tells the artwork from a
            # look-alike (the charge inside a shared frame) may be lost at the coarse scale
            det.score = verify(gray, det.homography, bank.reference.variant(det.variant))
        found = [det for det in found if det.score >= verify_min]
        candidates = [(cx / coarse, cy / coarse, sg / coarse) for cx, cy, sg in candidates]
        refit_below, refit_inliers = ZOOM_BELOW / coarse, 10**9
        zoom_min = 1.0
    else:
        found, candidates = _match_scene(gray, bank, min_inliers, verify_min, max_instances)
        refit_below, refit_inliers = ZOOM_BELOW, REFIT_BELOW
    found = _suppress(found)
    # a small logo found on few points (or at coarse resolution) is measured again on the
    # enlarged region
    for i, det in enumerate(found):
        width = float(np.hypot(det.homography[0, 0], det.homography[1, 0]))
        if width < refit_below and det.inliers < refit_inliers:
            cx = sum(p[0] for p in det.quad) / 4
            cy = sum(p[1] for p in det.quad) / 4
            better = _zoom(gray, bank, cx, cy, width, min_inliers, verify_min, zoom_min)
            if better and (coarse < 1.0 or better[0].inliers > det.inliers):
                found[i] = better[0]
    for cx, cy, sigma in candidates[:ZOOM_CANDIDATES]:
        if any(_inside((cx, cy), d.bbox) for d in found):
            continue
        found.extend(_zoom(gray, bank, cx, cy, sigma, min_inliers, verify_min, zoom_min))
        found = _suppress(found)
    return found


# Pre-screen: SIFT's cost is its scale pyramid over the whole image (0.2-0.8 s for a photo
# or a page), even where the image is smooth. FAST corners cost a few ms and the artwork,
# at any size the detector can find (>= 30 px), is dense with them, even at low contrast
# and in a poor JPEG. SIFT then runs only on crops around the places dense enough to hold
# a logo; where those cover most of the image (text, texture) it runs on the whole image.
SCREEN_CELL = 24  # px: corner counts are taken per cell, in windows of 2 x 2 cells
SCREEN_FAST_THRESHOLD = 10
SCREEN_LEVELS = (1, 2, 4)  # also on images halved and quartered: a large logo is sparse
SCREEN_WHOLE = 0.5  # crops covering more than this share of the image: match the whole
SCREEN_MIN_SIDE = 160  # smaller images are matched whole


def screen_regions(gray: np.ndarray, min_corners: int) -> list[tuple[int, int, int, int]] | None:
    """Crops (x0, y0, x1, y1) of `gray` that can hold the artwork, or None when matching
    the whole image is as cheap (dense everywhere, or small)."""
    import cv2
    import numpy as np

    h, w = gray.shape
    if min(h, w) < SCREEN_MIN_SIDE:
        return None
    fast = cv2.FastFeatureDetector_create(threshold=SCREEN_FAST_THRESHOLD)
    hot = np.zeros((h // SCREEN_CELL + 1, w // SCREEN_CELL + 1), dtype=np.uint8)
    level = gray
    for f in SCREEN_LEVELS:
        if f > 1:
            level = cv2.pyrDown(level)
        if min(level.shape) < 32:
            break
        kps = fast.detect(level, None)
        if len(kps) < min_corners:
            continue
        lh, lw = level.shape
        gh, gw = lh // SCREEN_CELL + 1, lw // SCREEN_CELL + 1
        xy = np.array([kp.pt for kp in kps], dtype=np.float32)
        counts = np.zeros((gh, gw), dtype=np.int32)
        cell = (xy // SCREEN_CELL).astype(np.int64)
        np.add.at(counts, (cell[:, 1], cell[:, 0]), 1)
        # windows of 2 x 2 cells (a logo at the smallest size spans about that)
        win = counts.copy()
        win[:-1, :] += counts[1:, :]
        win[:, :-1] += counts[:, 1:]
        win[:-1, :-1] += counts[1:, 1:]
        ys, xs = np.nonzero(win >= min_corners)
        for y, x in zip(ys.tolist(), xs.tolist(), strict=True):
            # the window's cells, in full-resolution cells
            y0, x0 = y * f, x * f
            hot[y0 : y0 + 2 * f, x0 : x0 + 2 * f] = 1
    if not hot.any():
        return []
    # a margin of two cells: SIFT needs some surroundings of the outline's keypoints
    hot = cv2.dilate(hot, np.ones((5, 5), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(hot, connectivity=8)
    boxes: list[tuple[int, int, int, int]] = []
    area = 0
    for i in range(1, n):
        cx, cy, cw, ch = (int(v) for v in stats[i, :4])
        x0, y0 = cx * SCREEN_CELL, cy * SCREEN_CELL
        x1, y1 = min(w, (cx + cw) * SCREEN_CELL), min(h, (cy + ch) * SCREEN_CELL)
        pad = int(0.15 * max(x1 - x0, y1 - y0))
        box = (max(0, x0 - pad), max(0, y0 - pad), min(w, x1 + pad), min(h, y1 + pad))
        boxes.append(box)
        area += (box[2] - box[0]) * (box[3] - box[1])
    if area > SCREEN_WHOLE * h * w:
        return None
    return boxes


def detect_logos_screened(
    image: PILImage | np.ndarray, bank: ReferenceBank, coarse: float = 1.0
) -> list[Detection]:
    """`detect_logos` on the crops that `screen_regions` keeps (or on the whole image,
    first at `coarse` resolution)."""
    import numpy as np

    gray = to_gray(image)
    regions = screen_regions(gray, bank.min_corners)
    if regions is None:
        return detect_logos(gray, bank, coarse=coarse)
    found: list[Detection] = []
    for x0, y0, x1, y1 in regions:
        shift = np.array([[1.0, 0.0, x0], [0.0, 1.0, y0], [0.0, 0.0, 1.0]])
        for det in detect_logos(gray[y0:y1, x0:x1], bank):
            det.homography = shift @ det.homography
            det.quad = [(x + x0, y + y0) for x, y in det.quad]
            found.append(det)
    return _suppress(found)


def _match_scene(
    gray: np.ndarray,
    bank: ReferenceBank,
    min_inliers: int,
    verify_min: float,
    max_instances: int,
    verify_gray: np.ndarray | None = None,
    to_verify: np.ndarray | None = None,
) -> tuple[list[Detection], list[tuple[float, float, float]]]:
    import numpy as np

    kps, des = _sift().detectAndCompute(gray, None)
    if des is None or len(kps) < 3:
        return [], []
    scene = np.array([(kp.pt[0], kp.pt[1], kp.size, kp.angle) for kp in kps], dtype=np.float32)
    des = des.astype(np.float32)
    found: list[Detection] = []
    candidates: list[tuple[int, float, float, float]] = []
    for entry in bank.entries:
        q, t = _ratio_matches(entry, des)
        if len(q) < 3:
            continue
        dets, cands = _instances(
            gray,
            scene[q],
            entry,
            t,
            entry["variants"],
            min_inliers,
            verify_min,
            max_instances,
            verify_gray,
            to_verify,
        )
        found.extend(dets)
        candidates.extend(cands)
    candidates.sort(reverse=True)
    merged: list[tuple[float, float, float]] = []
    for _, cx, cy, sg in candidates:
        if all(np.hypot(cx - m[0], cy - m[1]) > 0.3 * max(sg, m[2]) for m in merged):
            merged.append((cx, cy, sg))
    return found, merged


def _inside(p: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    return box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]


def _zoom(
    gray: np.ndarray,
    bank: ReferenceBank,
    cx: float,
    cy: float,
    sigma: float,
    min_inliers: int,
    verify_min: float,
    zoom_min: float = 1.5,
) -> list[Detection]:
    """Match an enlarged crop around a small candidate; map the result back."""
    import cv2
    import numpy as np

    half = 1.1 * sigma
    x0, y0 = max(0, int(cx - half)), max(0, int(cy - half))
    x1, y1 = min(gray.shape[1], int(cx + half) + 1), min(gray.shape[0], int(cy + half) + 1)
    if x1 - x0 < 8 or y1 - y0 < 8:
        return []
    f = float(np.clip(ZOOM_WIDTH / max(sigma, 1.0), zoom_min, 4.0))
    crop = cv2.resize(gray[y0:y1, x0:x1], None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC)
    # crop px -> scene px
    back = np.array([[1 / f, 0, x0], [0, 1 / f, y0], [0, 0, 1]], dtype=np.float64)
    found, _ = _match_scene(crop, bank, min_inliers, verify_min, 1, gray, back)
    return found


def _ratio_matches(entry: dict[str, Any], des: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Scene and bank indices of the matches that pass the ratio test. The second
    neighbour must describe another place on the artwork: the same place at another size
    or polarity is no rival."""
    import numpy as np

    knn = entry["matcher"].knnMatch(des, k=KNN)
    canon = entry["points"]
    qs: list[int] = []
    ts: list[int] = []
    for ms in knn:
        if len(ms) < 2:
            continue
        best = ms[0]
        p0 = canon[best.trainIdx]
        second = None
        for m in ms[1:]:
            d = canon[m.trainIdx] - p0
            if d[0] * d[0] + d[1] * d[1] > 0.0016:  # 0.04 content widths apart
                second = m
                break
        # no rival among the neighbours: every near descriptor is this same place
        if second is None or best.distance < RATIO * second.distance:
            qs.append(best.queryIdx)
            ts.append(best.trainIdx)
    return np.array(qs, dtype=np.int64), np.array(ts, dtype=np.int64)


def _instances(
    gray: np.ndarray,
    scene: np.ndarray,
    entry: dict[str, Any],
    t: np.ndarray,
    variants: list[ReferenceVariant],
    min_inliers: int,
    verify_min: float,
    max_instances: int,
    verify_gray: np.ndarray | None = None,
    to_verify: np.ndarray | None = None,
) -> tuple[list[Detection], list[tuple[int, float, float, float]]]:
    """Group matches that agree on one placement (Hough-style: each match predicts the
    logo's centre, size and angle from its keypoint's scale and orientation), then fit a
    homography with RANSAC inside each group."""
    import numpy as np

    canon = entry["points"][t]
    sigma = scene[:, 2] / entry["sizes"][t]  # logo width in scene px
    theta = np.deg2rad(scene[:, 3] - entry["angles"][t])
    variant = variants[0]
    centre = np.array([0.5, 0.5 / variant.aspect], dtype=np.float32)
    dv = centre[None, :] - canon
    cos, sin = np.cos(theta), np.sin(theta)
    cx = scene[:, 0] + sigma * (cos * dv[:, 0] + sin * dv[:, 1])
    cy = scene[:, 1] + sigma * (-sin * dv[:, 0] + cos * dv[:, 1])
    logs = np.log2(np.maximum(sigma, 1e-3))
    inverted = entry["inverted"][t]
    n = len(t)
    dscale = np.abs(logs[:, None] - logs[None, :]) < 0.6
    dang = np.abs((theta[:, None] - theta[None, :] + np.pi) % (2 * np.pi) - np.pi) < 0.5
    reach = 0.3 * np.maximum(sigma[:, None], sigma[None, :])
    dpos = np.hypot(cx[:, None] - cx[None, :], cy[:, None] - cy[None, :]) < reach
    compat = dscale & dang & dpos
    alive = np.ones(n, dtype=bool)
    out: list[Detection] = []
    cands: list[tuple[int, float, float, float]] = []
    src_all = canon.astype(np.float32)
    dst_all = scene[:, :2].astype(np.float32)
    for _ in range(40):
        counts = (compat & alive[None, :]).sum(axis=1) * alive
        seed = int(np.argmax(counts))
        if counts[seed] < 3:
            break
        small = sigma[seed] < ZOOM_BELOW and verify_gray is None
        group = np.nonzero(compat[seed] & alive)[0]
        alive[seed] = False
        alive[group] = False
        if counts[seed] < min_inliers:
            if small:
                cands.append((len(group), float(cx[seed]), float(cy[seed]), float(sigma[seed])))
            continue
        thresh = float(max(3.0, 0.05 * sigma[seed]))
        h, inl = _fit_affine(src_all[group], dst_all[group], thresh)
        if h is None or len(inl) < min_inliers:
            if small:
                cands.append((len(group), float(cx[seed]), float(cy[seed]), float(sigma[seed])))
            continue
        inl = group[inl]
        if to_verify is not None:
            h = to_verify @ h
        quad = _plausible(h, variant.aspect)
        if quad is None:
            if small:
                cands.append((len(group), float(cx[seed]), float(cy[seed]), float(sigma[seed])))
            continue
        vgray = gray if verify_gray is None else verify_gray
        score, variant = max(((verify(vgray, h, v), v) for v in variants), key=lambda sv: sv[0])
        if score < verify_min:
            if small:
                cands.append((len(group), float(cx[seed]), float(cy[seed]), float(sigma[seed])))
            continue
        out.append(
            Detection(
                variant.name,
                h,
                quad,
                len(inl),
                score,
                bool(inverted[inl].mean() > 0.5),
                variant.aspect,
            )
        )
        if len(out) >= max_instances:
            break
    return out, cands


def _fit_affine(
    src: np.ndarray, dst: np.ndarray, thresh: float
) -> tuple[np.ndarray | None, np.ndarray]:
    """RANSAC affine fit, refined by least squares on the inliers. Printed logos lie flat on
    the page, so an affine map (6 parameters) is all the geometry there is, and it needs
    fewer and less precise points than a homography. Returned as a 3 x 3 matrix."""
    import cv2
    import numpy as np

    if len(src) < 3:
        return None, np.zeros(0, dtype=np.int64)
    a, mask = cv2.estimateAffine2D(
        src, dst, method=cv2.RANSAC, ransacReprojThreshold=thresh, maxIters=1000, confidence=0.995
    )
    if a is None or mask is None:
        return None, np.zeros(0, dtype=np.int64)
    inl = np.nonzero(mask.ravel())[0]
    if len(inl) >= 4:
        x = np.hstack([src[inl], np.ones((len(inl), 1), np.float32)]).astype(np.float64)
        sol, *_ = np.linalg.lstsq(x, dst[inl].astype(np.float64), rcond=None)
        a = sol.T
    h = np.vstack([a, [0.0, 0.0, 1.0]])
    return h, inl


def _plausible(h: np.ndarray, aspect: float) -> list[tuple[float, float]] | None:
    """The content quad in the scene, or None when the homography is no plausible logo
    placement (folded, mirrored, degenerate, strongly perspective)."""
    import cv2
    import numpy as np

    corners = np.array([[[0, 0]], [[1, 0]], [[1, 1 / aspect]], [[0, 1 / aspect]]], np.float32)
    q = cv2.perspectiveTransform(corners, h).reshape(4, 2)
    if not cv2.isContourConvex(q.astype(np.float32)):
        return None
    a = h[:2, :2] / h[2, 2]
    det = float(np.linalg.det(a))
    if det <= 0:
        return None
    sv = np.linalg.svd(a, compute_uv=False)
    if sv[1] < 6 or sv[0] / sv[1] > 2.0:  # < 6 px wide, or squashed beyond reason
        return None
    if abs(h[2, 0]) + abs(h[2, 1]) > 0.5 * abs(h[2, 2]):
        return None
    return [(float(x), float(y)) for x, y in q]


VERIFY_SIZE = 96  # content width (px) at which verification compares


def verify_cells(
    gray: np.ndarray, h: np.ndarray, variant: ReferenceVariant
) -> tuple[float, list[float]]:
    """Correlation between the reference and the scene warped back onto it, over the
    artwork's own pixels: overall (either polarity), and per cell of a 3 x 3 grid in the
    overall polarity (an emblem that shares the frame but not the charge fails there)."""
    import cv2
    import numpy as np

    x0, y0, x1, y1 = variant.content
    cw = x1 - x0
    scene_w = float(np.sqrt(abs(np.linalg.det(h[:2, :2] / h[2, 2]))))
    size = float(np.clip(scene_w, 24, VERIFY_SIZE))
    warp_w = float(np.clip(scene_w, 24, 4 * VERIFY_SIZE))  # warp near scene resolution
    canvas = variant.rgba.shape[1], variant.rgba.shape[0]

    def dims(k: float) -> tuple[int, int]:
        return max(1, round(canvas[0] * k)), max(1, round(canvas[1] * k))

    k = size / cw
    kw = warp_w / cw
    ref_small = cv2.resize(variant.gray(), dims(k), interpolation=cv2.INTER_AREA).astype(np.float32)
    mask = cv2.resize(variant.mask.astype(np.uint8) * 255, dims(k), interpolation=cv2.INTER_AREA)
    mask = mask > 127
    # canonical units -> reference pixels at the warp size: p = kw * (cw * u + x0)
    to_ref = np.array([[kw * cw, 0, kw * x0], [0, kw * cw, kw * y0], [0, 0, 1]], np.float64)
    warped = cv2.warpPerspective(
        gray,
        to_ref @ np.linalg.inv(h),
        dims(kw),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REPLICATE,
    )
    warped = cv2.resize(warped, dims(k), interpolation=cv2.INTER_AREA).astype(np.float32)
    if scene_w < VERIFY_SIZE:  # a small scene logo is softer than the artwork
        ref_small = cv2.GaussianBlur(ref_small, (0, 0), 0.7)
    overall = _ncc(ref_small[mask], warped[mask])
    sign = 1.0 if overall >= 0 else -1.0
    cells: list[float] = []
    gx = np.linspace(k * x0, k * x1, 4).round().astype(int)
    gy = np.linspace(k * y0, k * y1, 4).round().astype(int)
    for i in range(3):
        for j in range(3):
            m = mask[gy[i] : gy[i + 1], gx[j] : gx[j + 1]]
            a = ref_small[gy[i] : gy[i + 1], gx[j] : gx[j + 1]][m]
            if a.size < 20 or float(a.std()) < 12:
                continue  # a flat cell says nothing
            b = warped[gy[i] : gy[i + 1], gx[j] : gx[j + 1]][m]
            cells.append(sign * _ncc(a, b))
    return abs(overall), cells


def _ncc(a: np.ndarray, b: np.ndarray) -> float:
    import numpy as np

    if a.size < 20:
        return 0.0
    a = a - a.mean()
    b = b - b.mean()
    den = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return float((a * b).sum()) / den if den > 1e-6 else 0.0


def verify(gray: np.ndarray, h: np.ndarray, variant: ReferenceVariant) -> float:
    """One verification score in 0..1: the overall correlation, capped by the worst
    informative cell (plus a margin)."""
    overall, cells = verify_cells(gray, h, variant)
    if len(cells) < 4:
        return 0.0
    return max(0.0, min(overall, min(cells) + CELL_MARGIN))


def _suppress(found: list[Detection]) -> list[Detection]:
    """Keep the best of overlapping detections (one logo matched by several variants)."""
    found.sort(key=lambda d: d.score * min(d.inliers, 40), reverse=True)
    kept: list[Detection] = []
    for d in found:
        if all(_iou(d.bbox, k.bbox) < 0.3 for k in kept):
            kept.append(d)
    return kept


def _iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0
