"""A small run of the logo benchmark (the full one: python benchmarks/logo_benchmark.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.slow
def test_small_benchmark_meets_the_bar(tmp_path, capsys):
    sys.path.insert(0, str(BENCH))
    try:
        import logo_benchmark
        from logo_cases import generate
    finally:
        sys.path.remove(str(BENCH))
    cases = generate(tmp_path, n_images=20, n_pdfs=4, seed=3)
    assert not list(BENCH.glob("*.png")), "cases must never be written into the repository"
    figures = logo_benchmark.run(cases)
    assert figures["recall"] >= 0.9
    assert figures["false_positive_rate"] == 0.0
    assert figures["distortion_detection"] >= 0.9
    assert "recall:" in capsys.readouterr().out
