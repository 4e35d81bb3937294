from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The fixture generator is a script beside the sample documents; tests `import make_fixtures`.
sys.path.insert(0, str(ROOT / "fixtures"))
TEST_PACKS = Path(__file__).resolve().parent / "packs"


def load_standin():
    """The generator of the shipped stand-in emblem (rules/assets/logo/make_standin.py)."""
    import importlib.util

    from kommlint.vision.reference import default_reference_dir

    path = default_reference_dir() / "make_standin.py"
    spec = importlib.util.spec_from_file_location("make_standin", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def test_pack():
    from kommlint.rules.loader import load_pack

    return load_pack(TEST_PACKS / "testpack.yaml")


@pytest.fixture(scope="session")
def test_rules(test_pack):
    return {rule.id: rule for rule in test_pack.rules}


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Keep every test's result cache out of the user's real cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
