"""The on-disk form -> lemma store (kommlint.language.lemmastore)."""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import random
from pathlib import Path

import pytest

from kommlint.language import lemmastore


@pytest.fixture(autouse=True)
def _fresh_store():
    lemmastore.reset()
    yield
    lemmastore.set_store_dir(None)  # later tests get the real table again


def _write_source(path: Path, table: dict[str, str], mtime: int) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(table, fh)
    os.utime(path, (mtime, mtime))
    return path


@pytest.fixture
def small_source(tmp_path, monkeypatch):
    source = _write_source(
        tmp_path / "sv.json.gz", {"hundar": "hund", "Hundarna": "hund", "sprang": "springa"}, 1000
    )
    monkeypatch.setattr(lemmastore, "source_path", lambda: source)
    return source


def test_default_folder_is_the_private_test_cache(monkeypatch):
    monkeypatch.delenv(lemmastore.ENV_DIR, raising=False)
    folder = lemmastore.store_dir()
    assert folder.is_relative_to(os.environ["XDG_CACHE_HOME"])


def test_store_answers_like_the_json(tmp_path, monkeypatch):
    monkeypatch.setenv(lemmastore.ENV_DIR, str(tmp_path / "store"))
    table = lemmastore._load_json(lemmastore.source_path())
    assert lemmastore.backend() == "sqlite"
    assert lemmastore.store_path().parent == tmp_path / "store"
    rng = random.Random(7)
    forms = rng.sample(sorted(table), 3000)
    lemmas = sorted(set(table.values()))
    absent = ["xyzzyqv", "", "HUNDAR", "Stockholms stad", "ä" * 40, "a'b", "100%"]
    absent += [f.upper() for f in forms[:200]] + [f + "qq" for f in forms[:200]]
    for form in forms + absent:
        assert lemmastore.lookup(form) == table.get(form), form
    known = frozenset(table.values())
    for word in rng.sample(lemmas, 2000) + absent + forms[:500]:
        assert lemmastore.is_known_lemma(word) == (word in known), word


def test_callers_use_the_store(tmp_path):
    lemmastore.set_store_dir(tmp_path)
    from kommlint.language.formlookup import lookup_lemma
    from kommlint.language.grammar import lookup_lemma as grammar_lookup

    assert lookup_lemma("besluten") == "besluta"
    assert lookup_lemma("Besluten") == "besluta"
    assert lookup_lemma("xyzzyqv") is None
    assert grammar_lookup("besluten") == "besluta"
    assert lemmastore.backend() == "sqlite"


def test_rebuilds_when_the_source_changes(tmp_path, small_source):
    lemmastore.set_store_dir(tmp_path / "store")
    assert lemmastore.lookup("hundar") == "hund"
    assert lemmastore.lookup("hundarna") is None  # case as given
    assert lemmastore.lookup("Hundarna") == "hund"
    assert lemmastore.is_known_lemma("springa") and not lemmastore.is_known_lemma("sprang")
    first = lemmastore.store_path()
    assert first.exists()

    _write_source(small_source, {"hundar": "hundis", "katter": "katt"}, 2000)
    lemmastore.reset()
    assert lemmastore.lookup("hundar") == "hundis"
    assert lemmastore.lookup("sprang") is None
    assert lemmastore.is_known_lemma("katt")
    second = lemmastore.store_path()
    assert second != first and second.exists()
    # no temporary files left behind
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == sorted(
        [first.name, second.name]
    )


def test_format_version_is_part_of_the_key(small_source, monkeypatch):
    key = lemmastore.store_key(small_source)
    monkeypatch.setattr(lemmastore, "FORMAT_VERSION", lemmastore.FORMAT_VERSION + 1)
    assert lemmastore.store_key(small_source) != key


def test_unwritable_folder_falls_back_to_a_dict(tmp_path, small_source, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    lemmastore.set_store_dir(blocker / "store")  # cannot be created, even by root
    assert lemmastore.lookup("hundar") == "hund"
    assert lemmastore.lookup("katter") is None
    assert lemmastore.is_known_lemma("springa") and not lemmastore.is_known_lemma("hundar")
    assert lemmastore.backend() == "dict"
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""


def test_a_broken_store_file_is_rebuilt(tmp_path, small_source):
    lemmastore.set_store_dir(tmp_path)
    path = lemmastore.store_path()
    path.write_bytes(b"this is not an sqlite database" * 100)
    assert lemmastore.lookup("hundar") == "hund"
    assert lemmastore.backend() == "sqlite"


def test_a_missing_source_gives_no_lemmas(tmp_path, monkeypatch):
    monkeypatch.setattr(lemmastore, "source_path", lambda: tmp_path / "missing.json.gz")
    lemmastore.set_store_dir(tmp_path)
    assert lemmastore.lookup("hundar") is None
    assert not lemmastore.is_known_lemma("hund")


def _in_child(forms: list[str]) -> tuple[int, str, list[str | None], bool, int]:
    got = [lemmastore.lookup(form) for form in forms]
    known = lemmastore.is_known_lemma("springa")
    return os.getpid(), lemmastore.backend(), got, known, id(lemmastore._state.conn)


def test_lookups_work_after_a_fork(tmp_path, small_source):
    lemmastore.set_store_dir(tmp_path)
    assert lemmastore.lookup("hundar") == "hund"  # open the store in the parent
    parent_conn = lemmastore._state.conn
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        pid, backend, got, known, conn_id = pool.apply(_in_child, (["hundar", "sprang", "nej"],))
    assert pid != os.getpid()
    assert conn_id != id(parent_conn)  # the child opened its own connection
    assert backend == "sqlite"
    assert got == ["hund", "springa", None] and known
    # the parent goes on with its own connection
    assert lemmastore._state.conn is parent_conn
    assert lemmastore.lookup("Hundarna") == "hund"
