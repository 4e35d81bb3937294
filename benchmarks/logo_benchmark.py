"""Accuracy and speed of logo detection over generated cases.

    python benchmarks/logo_benchmark.py [--images 200] [--pdfs 24] [--seed 8] [--keep DIR]
                                        [--check]

The cases (benchmarks/logo_cases.py) are written to a temporary folder and read back
through kommlint's own readers, so that the figures cover the whole path: decoding,
the fast path, feature matching, page rendering. Reported:

- recall: positives (every variant, 3-100 % of the page width, JPEG, grayscale, rotation,
  stretched) in which the logo is found;
- false-positive rate: decoy and logo-free cases in which a logo is reported;
- distortion detection: stretched logos (8-25 %) flagged as distorted (> 5 %), and the
  false-distortion rate on undistorted ones;
- size, rotation accuracy; time per image and per rendered PDF page.
--check exits 1 when recall < 0.98, FP rate > 0.01 or distortion detection < 0.95.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from logo_cases import Case, generate

from kommlint.readers import ReaderOptions, read
from kommlint.vision.analyse import VisionConfig, analyse_document
from kommlint.vision.matching import bank_for
from kommlint.vision.reference import cached_references

MAX_DISTORTION = 0.05


def run(cases: list[Case]) -> dict[str, float]:
    t0 = time.perf_counter()
    bank_for(cached_references(None))
    setup = time.perf_counter() - t0
    options = ReaderOptions(ocr=False)
    config = VisionConfig()
    rows = []
    for case in cases:
        doc = read(Path(case.path), options)
        t = time.perf_counter()
        result = analyse_document(doc, config)
        dt = time.perf_counter() - t
        rows.append((case, result, dt))
    pos = [r for r in rows if r[0].present]
    neg = [r for r in rows if not r[0].present]
    found = [r for r in pos if r[1].matches]
    missed = [r[0] for r in pos if not r[1].matches]
    fps = [r for r in neg if r[1].matches]
    distorted = [r for r in found if r[0].distorted]
    flagged = [r for r in distorted if max(m.anisotropy for m in r[1].matches) > MAX_DISTORTION]
    straight = [r for r in found if not r[0].distorted]
    false_flag = [r for r in straight if max(m.anisotropy for m in r[1].matches) > MAX_DISTORTION]
    # size error on upright, unstretched logos
    size_err = []
    for case, result, _ in straight:
        if abs(case.rotation) > 0.01:
            continue
        m = max(result.matches, key=lambda m: m.score)
        if case.kind == "pdf" and case.width_mm and m.width_mm:
            size_err.append(abs(m.width_mm / case.width_mm - 1))
        elif case.kind == "image" and case.width_px:
            size_err.append(abs(m.width_px / case.width_px - 1))
    rot_err = [
        abs(max(r[1].matches, key=lambda m: m.score).rotation_deg + r[0].rotation)
        for r in found
        if r[0].kind == "image"
    ]
    img_times = [dt for c, _, dt in rows if c.kind == "image"]
    pdf_rows = [(c, res, dt) for c, res, dt in rows if c.kind == "pdf"]
    page_times = [dt / max(1, len(res.pages_scanned)) for _, res, dt in pdf_rows]
    bins = [(0.03, 0.05), (0.05, 0.1), (0.1, 0.3), (0.3, 1.01)]
    by_scale = {}
    for lo, hi in bins:
        sel = [r for r in pos if r[0].width_frac is not None and lo <= r[0].width_frac < hi]
        if sel:
            by_scale[f"{lo:.0%}-{min(hi, 1):.0%}"] = (
                sum(bool(r[1].matches) for r in sel),
                len(sel),
            )
    by_variant = {}
    for v in ("colour", "black", "negative"):
        sel = [r for r in pos if r[0].variant == v]
        by_variant[v] = (sum(bool(r[1].matches) for r in sel), len(sel))
    figures = {
        "cases": len(rows),
        "positives": len(pos),
        "negatives": len(neg),
        "recall": len(found) / max(1, len(pos)),
        "false_positive_rate": len(fps) / max(1, len(neg)),
        "distortion_detection": len(flagged) / max(1, len(distorted)),
        "false_distortion_rate": len(false_flag) / max(1, len(straight)),
        "size_error_median": statistics.median(size_err) if size_err else float("nan"),
        "size_error_p95": _p95(size_err),
        "rotation_error_median_deg": statistics.median(rot_err) if rot_err else float("nan"),
        "rotation_error_p95_deg": _p95(rot_err),
        "seconds_per_image_mean": statistics.mean(img_times) if img_times else 0.0,
        "seconds_per_image_p95": _p95(img_times),
        "seconds_per_pdf_page_mean": statistics.mean(page_times) if page_times else 0.0,
        "setup_seconds": setup,
    }
    print(f"cases: {len(rows)} ({len(pos)} with the logo, {len(neg)} decoys or no logo)")
    print(f"recall:                 {figures['recall']:.3f}  ({len(found)}/{len(pos)})")
    print(f"false-positive rate:    {figures['false_positive_rate']:.3f}  ({len(fps)}/{len(neg)})")
    print(
        f"distortion detection:   {figures['distortion_detection']:.3f}  "
        f"({len(flagged)}/{len(distorted)}); false distortion "
        f"{figures['false_distortion_rate']:.3f} ({len(false_flag)}/{len(straight)})"
    )
    print(
        f"size error:             median {figures['size_error_median']:.3f}, "
        f"p95 {figures['size_error_p95']:.3f}"
    )
    print(
        f"rotation error:         median {figures['rotation_error_median_deg']:.2f}°, "
        f"p95 {figures['rotation_error_p95_deg']:.2f}°"
    )
    print("recall by logo width:   " + ", ".join(f"{k}: {a}/{b}" for k, (a, b) in by_scale.items()))
    print(
        "recall by variant:      " + ", ".join(f"{k}: {a}/{b}" for k, (a, b) in by_variant.items())
    )
    print(
        f"time:                   {figures['seconds_per_image_mean']:.2f} s per image "
        f"(p95 {figures['seconds_per_image_p95']:.2f}), "
        f"{figures['seconds_per_pdf_page_mean']:.2f} s per rendered PDF page, "
        f"{setup:.2f} s once for the reference"
    )
    for c in missed:
        print(
            f"  missed: {c.name} {c.variant} {c.width_frac or c.width_mm} stretch {c.stretch:.2f}"
        )
    for c, res, _ in fps:
        print(f"  false positive: {c.name} {c.decoys} {[m.score for m in res.matches]}")
    return figures


def _p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--images", type=int, default=200)
    ap.add_argument("--pdfs", type=int, default=24)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--keep", type=Path, help="write the cases here and keep them")
    ap.add_argument("--check", action="store_true", help="exit 1 below the quality bar")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kommlint-logo-") as tmp:
        out = args.keep or Path(tmp)
        t = time.perf_counter()
        cases = generate(out, args.images, args.pdfs, args.seed)
        print(f"generated {len(cases)} cases in {time.perf_counter() - t:.1f} s")
        figures = run(cases)
    ok = (
        figures["recall"] >= 0.98
        and figures["false_positive_rate"] <= 0.01
        and figures["distortion_detection"] >= 0.95
    )
    print("quality bar:", "met" if ok else "NOT met")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
