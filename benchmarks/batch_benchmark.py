"""Batch speed, cache and memory, measured side by side in one run.

    python benchmarks/batch_benchmark.py [--brochures 200 --letters 100 --posters 50]
                                         [--repeat 5] [--keep DIR]

Generates its corpus (benchmarks/batch_corpus.py) in a temporary folder, then prints:
- the whole corpus with --jobs 1 and --jobs 2 (no cache): files/s, pages/s, the ratio;
- one 12-page brochure, cold (a new process, no cache), next to a baseline process that
  only extracts the text with pypdfium2 and renders the first and last page: medians of
  --repeat runs and the ratio;
- where the time goes, per stage (imports, reading, language, vision, rules, report);
- a cold and a warm run with the cache, and their ratio;
- the peak RSS of any kommlint process (a worker or the main process).
Letters and posters count as one page each.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BASELINE = """
import sys, pypdfium2 as pdfium
pdf = pdfium.PdfDocument(sys.argv[1])
text = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
for i in (0, len(pdf) - 1):
    pdf[i].render(scale=150 / 72).to_pil()
"""

PEAK_RSS = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""

IMPORTS = """
import time
t0 = time.perf_counter()
import kommlint.cli, kommlint.checker, kommlint.readers.pdf
t1 = time.perf_counter()
from kommlint.language import get_analyzer
get_analyzer().analyse("Stockholms stad hälsar dig välkommen.")
t2 = time.perf_counter()
import cv2  # noqa: F401  (the vision layer's stack)
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def kommlint(*args: str) -> list[str]:
    return [sys.executable, "-m", "kommlint", *args]


def timed(command: list[str], env: dict | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - started


def median_time(command: list[str], repeat: int) -> float:
    return statistics.median(timed(command) for _ in range(repeat))


def peak_rss_mb(command: list[str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *command], capture_output=True, text=True
    ).stdout.split()
    if len(out) != 2 or out[1] not in {"0", "1"}:
        print(f"  (the measured run failed: {out})")
    return int(out[0]) / 1024


def stage_breakdown(paths: list[Path]) -> dict[str, float]:
    """Seconds per stage over a sample, in this process (imports measured apart)."""
    from kommlint.checker import Settings, check_path
    from kommlint.config import Config
    from kommlint.document import Report
    from kommlint.report import ReportOptions, reporter

    settings = Settings.build(Config())
    totals: dict[str, float] = {"read": 0.0, "language": 0.0, "vision": 0.0, "rules": 0.0}
    results = []
    for path in paths:
        result = check_path(path, settings)
        results.append(result)
        for key in totals:
            totals[key] += result.timings.get(key, 0.0)
    started = time.perf_counter()
    reporter("text").render(Report(results), ReportOptions())
    reporter("json").render(Report(results), ReportOptions())
    totals["report"] = time.perf_counter() - started
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brochures", type=int, default=200)
    parser.add_argument("--letters", type=int, default=100)
    parser.add_argument("--posters", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    args = parser.parse_args()

    from batch_corpus import build

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="kommlint-bench-"))
    corpus = workdir / "corpus"
    started = time.perf_counter()
    manifest = build(corpus, args.brochures, args.letters, args.posters)
    files, pages = len(manifest), sum(manifest.values())
    print(f"corpus: {files} files, {pages} pages ({time.perf_counter() - started:.0f} s to build)")
    print(f"machine: {os.cpu_count()} cores")
    single = corpus / "enstaka-broschyr-12-sidor.pdf"
    folders = [str(corpus / f) for f in ("broschyrer", "brev", "affischer")]
    common = ["check", *folders, "--fail-on", "never", "-f", "json", "-o", os.devnull]

    print("\n== whole corpus, no cache ==")
    rows = {}
    for jobs in (1, 2):
        seconds = timed(kommlint(*common, "--no-cache", "--jobs", str(jobs)))
        rows[jobs] = seconds
        print(
            f"--jobs {jobs}: {seconds:7.1f} s  {files / seconds:6.1f} files/s  "
            f"{pages / seconds:6.1f} pages/s"
        )
    print(f"speed-up --jobs 2 / --jobs 1: {rows[1] / rows[2]:.2f}x  (target >= 1.7x)")
    print(f"pages/s with --jobs 2: {pages / rows[2]:.1f}  (target >= 30)")

    print(f"\n== one 12-page brochure, cold, median of {args.repeat} ==")
    ours = median_time(
        kommlint("check", str(single), "--no-cache", "--fail-on", "never"), args.repeat
    )
    base = median_time([sys.executable, "-c", BASELINE, str(single)], args.repeat)
    print(
        f"kommlint check: {ours:.2f} s   baseline (pypdfium2 text + 2 renders): {base:.2f} s"
        f"   ratio {ours / base:.1f}x   (target < 2 s)"
    )

    print("\n== where the time goes ==")
    imports = subprocess.run(
        [sys.executable, "-c", IMPORTS], capture_output=True, text=True
    ).stdout.split()
    if len(imports) == 3:
        names = ("imports (cli, readers)", "language model load", "vision stack import")
        for name, value in zip(names, imports, strict=True):
            print(f"{name:<26} {float(value):6.2f} s (once per process)")
    sample = sorted(manifest)[:: max(1, files // 40)]
    stages = stage_breakdown([Path(p) for p in sample])
    total = sum(stages.values()) or 1.0
    print(f"per stage over {len(sample)} sample files:")
    for name, value in stages.items():
        print(f"  {name:<10} {value:7.2f} s  {100 * value / total:5.1f} %")

    print("\n== cache ==")
    cache_dir = workdir / "cache"
    cold = timed(kommlint(*common, "--cache-dir", str(cache_dir)))
    warm = timed(kommlint(*common, "--cache-dir", str(cache_dir)))
    print(f"cold {cold:.1f} s   warm {warm:.2f} s   ratio {cold / warm:.0f}x  (target >= 20x)")

    print("\n== memory ==")
    rss = peak_rss_mb(kommlint(*common, "--no-cache", "--jobs", "2"))
    print(f"peak RSS of any kommlint process: {rss:.0f} MB  (target < 500 MB per worker)")
    big = workdir / "lang-500-sidor.pdf"
    _make_long_pdf(big, 500)
    rss_big = peak_rss_mb(kommlint("check", str(big), "--no-cache", "--fail-on", "never"))
    print(f"peak RSS on a 500-page PDF: {rss_big:.0f} MB")
    summary = {
        "files": files,
        "pages": pages,
        "jobs1_s": rows[1],
        "jobs2_s": rows[2],
        "single_s": ours,
        "baseline_s": base,
        "cold_s": cold,
        "warm_s": warm,
        "rss_mb": rss,
        "rss_500_pages_mb": rss_big,
    }
    print("\n" + json.dumps(summary))
    return 0


def _make_long_pdf(path: Path, pages: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in range(1, pages + 1):
        text = pdf.beginText(60, 780)
        for line in range(40):
            text.textLine(f"Sida {page}, rad {line}: Stockholms stad informerar om tjänster.")
        pdf.drawText(text)
        pdf.drawString(60, 40, f"Stockholms stad · {page}")
        pdf.showPage()
    pdf.save()


if __name__ == "__main__":
    sys.exit(main())
