"""`kommlint watch`: files are taken only when written, reported, then moved; never lost."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommlint import api
from kommlint.cli import app
from kommlint.watch import Inbox, WatchOptions, free_name

TESTS = Path(__file__).resolve().parent
BAD = "Du erhöll beslutet i går.\n\nHär finns en handikapptoalett.\n"
GOOD = "Du fick beslutet i går.\n"


@pytest.fixture
def inbox(tmp_path):
    (tmp_path / "kommlint.toml").write_text(
        f'extra_packs = ["{(TESTS / "packs").as_posix()}"]\nselect = ["TST001", "TST002"]\n',
        encoding="utf-8",
    )
    folder = tmp_path / "inkorg"
    folder.mkdir()
    return folder


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def make_inbox(folder: Path, clock: Clock | None = None) -> Inbox:
    settings = api.settings(folder.parent / "kommlint.toml")
    options = WatchOptions(interval=0.05, settle=1.0)
    return Inbox(folder, settings, options, log=lambda _: None, clock=clock or Clock())


def test_once_files_ok_and_fail_with_reports(inbox):
    (inbox / "bra.txt").write_text(GOOD, encoding="utf-8")
    (inbox / "dalig.txt").write_text(BAD, encoding="utf-8")
    (inbox / "dalig.txt.kommlint-ignore").write_text("TST001\n", encoding="utf-8")
    (inbox / "~$utkast.docx").write_text("lock", encoding="utf-8")
    result = CliRunner().invoke(app, ["watch", str(inbox), "--once", "--settle", "0.1"])
    assert result.exit_code == 1, result.output  # a file went to fail/
    assert sorted(p.name for p in inbox.iterdir()) == ["fail", "ok", "~$utkast.docx"]
    assert (inbox / "ok" / "bra.txt").read_text("utf-8") == GOOD  # moved, unchanged
    assert (inbox / "fail" / "dalig.txt").read_text("utf-8") == BAD
    assert (inbox / "fail" / "dalig.txt.kommlint-ignore").exists()
    report = json.loads((inbox / "fail" / "dalig.txt.kommlint.json").read_text("utf-8"))
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["TST002"]  # TST001 accepted
    assert "TST002" in (inbox / "fail" / "dalig.txt.kommlint.txt").read_text("utf-8")
    assert (inbox / "ok" / "bra.txt.kommlint.json").exists()


def test_waits_until_the_file_is_completely_written(inbox):
    clock = Clock()
    box = make_inbox(inbox, clock)
    path = inbox / "stor.txt"
    path.write_text("Du fick", encoding="utf-8")
    assert box.poll() == []  # first look
    clock.now = 5.0
    with path.open("a", encoding="utf-8") as handle:
        handle.write(" beslutet i går, och mer text kommer.\n")
    os.utime(path, ns=(1, 1))  # a new size and mtime, as a writer would leave
    assert box.poll() == []  # changed since the last look: wait again
    clock.now = 5.5
    assert box.poll() == []  # unchanged, but not for `settle` seconds yet
    clock.now = 6.5
    filed = box.poll()
    assert [f.outcome for f in filed] == ["ok"]
    assert not path.exists()


def test_a_file_changed_while_checked_is_not_moved(inbox, monkeypatch):
    clock = Clock()
    box = make_inbox(inbox, clock)
    path = inbox / "brev.txt"
    path.write_text(GOOD, encoding="utf-8")
    import kommlint.watch as watch_module

    real = watch_module.check_path

    def check_and_append(p, settings):
        result = real(p, settings)
        with open(p, "a", encoding="utf-8") as handle:
            handle.write("Mer text.\n")
        return result

    monkeypatch.setattr(watch_module, "check_path", check_and_append)
    box.poll()
    clock.now = 2.0
    assert box.poll() == []
    assert path.exists() and not list((inbox / "ok").iterdir())


def test_input_stays_when_the_move_fails(inbox, monkeypatch):
    clock = Clock()
    box = make_inbox(inbox, clock)
    path = inbox / "brev.txt"
    path.write_text(GOOD, encoding="utf-8")

    def refuse(*_):
        raise PermissionError("nej")

    monkeypatch.setattr(os, "rename", refuse)
    box.poll()
    clock.now = 2.0
    assert box.poll() == []
    assert path.read_text("utf-8") == GOOD  # never lost, never modified
    assert (inbox / "ok" / "brev.txt.kommlint.json").exists()  # the report came first


def test_names_are_never_reused(inbox):
    (inbox / "ok").mkdir()
    (inbox / "ok" / "brev.txt").write_text("gammal", encoding="utf-8")
    assert free_name(inbox / "ok", "brev.txt").name == "brev-2.txt"
    (inbox / "ok" / "brev-2.txt.kommlint.json").write_text("{}", encoding="utf-8")
    assert free_name(inbox / "ok", "brev.txt").name == "brev-3.txt"


def test_stops_cleanly(inbox):
    box = make_inbox(inbox)
    stop = threading.Event()
    thread = threading.Thread(target=box.run, kwargs={"stop": stop})
    thread.start()
    stop.set()
    thread.join(timeout=5)
    assert not thread.is_alive()


def test_not_a_folder_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["watch", str(tmp_path / "saknas"), "--once"])
    assert result.exit_code == 2
