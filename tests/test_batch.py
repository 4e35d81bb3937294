"""Batch runs: isolation of hanging and crashing files, stable order, the cache."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kommlint import batch
from kommlint.cache import ResultCache, settings_fingerprint
from kommlint.checker import Settings, check_path
from kommlint.config import parse_config

TEST_PACKS = Path(__file__).resolve().parent / "packs"


@pytest.fixture
def settings() -> Settings:
    config = parse_config({"packs": ["testpack"], "extra_packs": [str(TEST_PACKS)]}, None)
    return Settings.build(config)


@pytest.fixture
def archive(tmp_path: Path) -> list[Path]:
    paths = []
    for i in range(6):
        path = tmp_path / f"dok{i}.txt"
        path.write_text(f"Stockholms stad\n\nDu erhöll beslut nummer {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def _misbehaving(path, settings):
    if "hang" in path.name:
        time.sleep(60)
    if "crash" in path.name:
        os._exit(139)  # what a segfault in a native library looks like from outside
    return check_path(path, settings)


def test_parallel_results_keep_input_order(archive, settings):
    results = batch.run_files(archive, settings, options=batch.BatchOptions(jobs=2))
    assert [Path(r.path).name for r in results] == [p.name for p in archive]
    assert all(r.status == "checked" for r in results)
    assert all(any(f.rule == "TST001" for f in r.findings) for r in results)


def test_hanging_and_crashing_files_do_not_stop_the_run(archive, settings, monkeypatch):
    hang = archive[1].with_name("hang.txt")
    crash = archive[3].with_name("crash.txt")
    archive[1].rename(hang)
    archive[3].rename(crash)
    paths = [archive[0], hang, archive[2], crash, archive[4], archive[5]]
    monkeypatch.setattr(batch, "check_path", _misbehaving)
    started = time.monotonic()
    results = batch.run_files(paths, settings, options=batch.BatchOptions(jobs=2, timeout=8))
    assert time.monotonic() - started < 40
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["hang.txt"].status == "error"
    assert by_name["hang.txt"].error.code == "timeout"
    assert by_name["crash.txt"].error.code == "crashed"
    others = [r for name, r in by_name.items() if name not in {"hang.txt", "crash.txt"}]
    assert len(others) == 4 and all(r.status == "checked" for r in others)


def test_cache_makes_rerun_skip_unchanged_files(archive, settings, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"

    def run() -> list:
        cache = ResultCache(cache_dir, settings_fingerprint(settings))
        try:
            return batch.run_files(archive, settings, options=batch.BatchOptions(cache=cache))
        finally:
            cache.close()

    first = run()
    assert all(r.status == "checked" for r in first)

    checked: list[str] = []

    def must_not_run(path, settings):
        checked.append(path.name)
        return check_path(path, settings)

    # Re-checking anything now would be recorded (in-process) or visible as a wrong result.
    monkeypatch.setattr(batch, "check_path", must_not_run)
    second = run()
    assert checked == []
    assert [[f.to_dict() for f in r.findings] for r in first] == [
        [f.to_dict() for f in r.findings] for r in second
    ]
    assert [r.path for r in second] == [str(p) for p in archive]

    archive[2].write_text("Stockholms stad\n\nNu erhöll du ett nytt beslut.\n", encoding="utf-8")
    third = run()
    assert checked == ["dok2.txt"]
    [finding] = [f for f in third[2].findings if f.rule == "TST001"]
    assert "nytt" in finding.context


def test_cache_key_changes_with_configuration(archive, settings, tmp_path):
    other = Settings.build(
        parse_config(
            {
                "packs": ["testpack"],
                "extra_packs": [str(TEST_PACKS)],
                "rules": {"TST004": {"max": 2}},
            },
            None,
        )
    )
    assert settings_fingerprint(settings) != settings_fingerprint(other)
