"""Vision layer: find the reference logotype in a document's images and pages.

Importing this package is cheap: OpenCV and numpy are imported inside the functions that
need them. The public entry points:

- `load_references(paths)` → the reference artwork (one or more variants, PNG or SVG);
- `detect_logos(image, bank)` → matches of the reference in one raster image;
- `analyse_document(doc, config)` → every match in a `Document`, cached in
  `doc.annotations["vision"]` so that several logo rules share one detection pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kommlint.vision.analyse import LogoMatch, VisionConfig, VisionResult, analyse_document
    from kommlint.vision.matching import Detection, ReferenceBank, detect_logos
    from kommlint.vision.reference import (
        Reference,
        ReferenceError,
        ReferenceVariant,
        default_reference_dir,
        load_references,
    )

_EXPORTS = {
    "LogoMatch": "kommlint.vision.analyse",
    "VisionConfig": "kommlint.vision.analyse",
    "VisionResult": "kommlint.vision.analyse",
    "analyse_document": "kommlint.vision.analyse",
    "Detection": "kommlint.vision.matching",
    "ReferenceBank": "kommlint.vision.matching",
    "detect_logos": "kommlint.vision.matching",
    "Reference": "kommlint.vision.reference",
    "ReferenceError": "kommlint.vision.reference",
    "ReferenceVariant": "kommlint.vision.reference",
    "default_reference_dir": "kommlint.vision.reference",
    "load_references": "kommlint.vision.reference",
}

__all__ = [
    "Detection",
    "LogoMatch",
    "Reference",
    "ReferenceBank",
    "ReferenceError",
    "ReferenceVariant",
    "VisionConfig",
    "VisionResult",
    "analyse_document",
    "default_reference_dir",
    "detect_logos",
    "load_references",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kommlint.vision' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
