"""Each pack's labelled set meets the pack's quality bar (the `# targets:` line)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LABELLED = sorted((ROOT / "tests" / "data" / "packs").glob("*.tsv"))


def _benchmark():
    spec = importlib.util.spec_from_file_location(
        "pack_accuracy", ROOT / "benchmarks" / "pack_accuracy.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", LABELLED, ids=[p.stem for p in LABELLED])
def test_pack_meets_its_quality_bar(path):
    scores = _benchmark().evaluate(path.stem, path)
    targets = scores.targets
    assert targets, f"{path} has no '# targets:' line"
    assert scores.texts >= targets.get("texts", 0)
    assert scores.negatives >= targets.get("negatives", 0)
    detail = "\n".join(scores.errors[:40])
    assert scores.precision() >= targets["precision"], detail
    assert scores.recall() >= targets["recall"], detail
