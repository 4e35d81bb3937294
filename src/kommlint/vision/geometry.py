"""Measures of a detected logo: size, distortion, rotation, contrast with its background."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from kommlint.vision.reference import ReferenceVariant


@dataclass(frozen=True)
class Pose:
    """The linear part of content units -> target units (page points, pixels)."""

    width: float  # length of the artwork's top edge, target units
    height: float  # length of its left edge
    scale: float  # sqrt(det): the width of an undistorted logo of the same area
    anisotropy: float  # sigma_max / sigma_min - 1 (0 = uniform scaling)
    stretch: float  # (width / height) / reference aspect - 1: + wider, - narrower
    rotation_deg: float  # of the nearest similarity; positive = clockwise on the page


def pose(a: np.ndarray, aspect: float) -> Pose:
    """Decompose a 2 x 2 map (or the top-left of a 3 x 3 affine) from content units."""
    import numpy as np

    m = np.asarray(a, dtype=np.float64)[:2, :2]
    sv = np.linalg.svd(m, compute_uv=False)
    det = abs(float(np.linalg.det(m)))
    width = float(math.hypot(m[0, 0], m[1, 0]))
    height = float(math.hypot(m[0, 1], m[1, 1])) / aspect  # left edge is 1/aspect units
    rotation = math.degrees(math.atan2(m[1, 0] - m[0, 1], m[0, 0] + m[1, 1]))
    return Pose(
        width=width,
        height=height,
        scale=math.sqrt(det),
        anisotropy=float(sv[0] / max(sv[1], 1e-9) - 1.0),
        stretch=(width / max(height, 1e-9)) / aspect - 1.0,
        rotation_deg=rotation,
    )


def relative_luminance(gray: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of 8-bit (gray) sRGB values."""
    import numpy as np

    c = gray.astype(np.float64) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def contrast_ratio(l1: float, l2: float) -> float:
    hi, lo = max(l1, l2), min(l1, l2)
    return (hi + 0.05) / (lo + 0.05)


def edge_contrast(gray: np.ndarray, h: np.ndarray, variant: ReferenceVariant) -> float | None:
    """WCAG contrast between the logo's outer band and the background just outside it.

    The artwork's mask is warped into the scene; the band inside is its outer rim, the
    ring outside a little wider (see below); medians, so that nearby text does not count.
    None when the logo touches the scene edge, or when the variant is opaque (a negative
    brings its own background)."""
    import cv2
    import numpy as np

    if variant.opaque_background is not None:
        return None

    x0, y0, x1, _ = variant.content
    cw = x1 - x0
    to_canvas = np.array([[cw, 0, x0], [0, cw, y0], [0, 0, 1]], dtype=np.float64)
    canvas_to_scene = h @ np.linalg.inv(to_canvas)
    ch, cw_px = variant.mask.shape
    corners = np.array([[0, 0, 1], [cw_px, 0, 1], [cw_px, ch, 1], [0, ch, 1]], np.float64)
    pts = (canvas_to_scene @ corners.T).T
    pts = pts[:, :2] / pts[:, 2:3]
    margin = 0.15 * float(math.hypot(h[0, 0], h[1, 0]))
    gx0 = max(0, int(pts[:, 0].min() - margin))
    gy0 = max(0, int(pts[:, 1].min() - margin))
    gx1 = min(gray.shape[1], int(pts[:, 0].max() + margin) + 1)
    gy1 = min(gray.shape[0], int(pts[:, 1].max() + margin) + 1)
    if gx1 - gx0 < 4 or gy1 - gy0 < 4:
        return None
    full_shape = gray.shape
    gray = gray[gy0:gy1, gx0:gx1]
    canvas_to_scene = (
        np.array([[1, 0, -gx0], [0, 1, -gy0], [0, 0, 1]], np.float64) @ canvas_to_scene
    )
    mask = cv2.warpPerspective(
        variant.mask.astype(np.uint8) * 255,
        canvas_to_scene,
        (gray.shape[1], gray.shape[0]),
        flags=cv2.INTER_NEAREST,
    )
    width = float(math.hypot(h[0, 0], h[1, 0]))

    def disc(frac: float) -> np.ndarray:
        r = max(1, round(frac * width))
        return cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1))

    inside = mask > 0
    if inside.sum() < 20:
        return None
    # the rim: the outer 2.5 % of the artwork; the background: 2-8 % outside it (the
    # anti-aliased pixels right at the edge belong to neither)
    band = inside & ~(cv2.erode(mask, disc(0.025)) > 0)
    ring = (cv2.dilate(mask, disc(0.08)) > 0) & ~(cv2.dilate(mask, disc(0.02)) > 0)
    dilated = cv2.dilate(mask, disc(0.08)) > 0
    ys, xs = np.nonzero(dilated)
    if (
        xs.min() + gx0 <= 0
        or ys.min() + gy0 <= 0
        or xs.max() + gx0 >= full_shape[1] - 1
        or ys.max() + gy0 >= full_shape[0] - 1
    ):
        return None
    if ring.sum() < 10 or band.sum() < 10:
        return None
    lum = relative_luminance(gray)
    return contrast_ratio(float(np.median(lum[band])), float(np.median(lum[ring])))
