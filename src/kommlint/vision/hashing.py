"""Perceptual hashes (dHash, pHash) in plain numpy + Pillow, and their Hamming distance.

Used by the fast path: an embedded image that *is* the reference artwork (re-encoded,
resized, converted to grayscale) is recognised without feature matching.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from PIL.Image import Image as PILImage

HASH_BITS = 64


def _gray(img: PILImage, size: tuple[int, int]) -> np.ndarray:
    import numpy as np
    from PIL import Image

    return np.asarray(img.convert("L").resize(size, Image.LANCZOS), dtype=np.float64)


def dhash(img: PILImage) -> int:
    """Difference hash: 64 bits, one per horizontal neighbour comparison on a 9 x 8 thumbnail."""
    g = _gray(img, (9, 8))
    bits = (g[:, 1:] > g[:, :-1]).flatten()
    return _pack(bits)


def _dct_matrix(n: int) -> np.ndarray:
    import numpy as np

    k = np.arange(n)[:, None]
    i = np.arange(n)[None, :]
    m = np.cos(np.pi * (2 * i + 1) * k / (2 * n)) * np.sqrt(2.0 / n)
    m[0, :] = np.sqrt(1.0 / n)
    return m


def phash(img: PILImage) -> int:
    """DCT hash: the 8 x 8 lowest frequencies of a 32 x 32 thumbnail against their median."""
    import numpy as np

    g = _gray(img, (32, 32))
    d = _dct_matrix(32)
    coeffs = d @ g @ d.T
    low = coeffs[:8, :8].flatten()
    med = float(np.median(low[1:]))
    return _pack(low > med)


def _pack(bits: np.ndarray) -> int:
    value = 0
    for b in bits.tolist():
        value = (value << 1) | int(bool(b))
    return value


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def invert_hash_distance(a: int, b: int) -> int:
    """Distance of `a` to the hash of the negative of the image hashed as `b` (approximate)."""
    return hamming(a, b ^ ((1 << HASH_BITS) - 1))
