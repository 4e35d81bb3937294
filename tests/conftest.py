from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_PACKS = Path(__file__).resolve().parent / "packs"


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
