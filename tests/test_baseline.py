"""Baselines: accept existing findings, report only new ones, robust to unrelated edits."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommlint.baseline import Baseline, fingerprint
from kommlint.cli import app
from kommlint.document import Finding, Location, Part, Severity

TESTS = Path(__file__).resolve().parent
OLD = "Du erhöll beslutet i går.\n\nHär finns en handikapptoalett.\n"


@pytest.fixture
def archive(tmp_path, monkeypatch):
    (tmp_path / "kommlint.toml").write_text(
        f'extra_packs = ["{(TESTS / "packs").as_posix()}"]\nselect = ["TST001", "TST002"]\n'
        'fail_on = "warning"\n',
        encoding="utf-8",
    )
    docs = tmp_path / "arkiv"
    docs.mkdir()
    (docs / "brev.txt").write_text(OLD, encoding="utf-8")
    (docs / "notis.md").write_text("# Notis\n\nDu erhöll ett svar.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


def test_fingerprint_ignores_offsets_but_not_words():
    base = Finding(
        "KLR012",
        "klarsprak",
        Severity.WARNING,
        "m",
        Location(Part.BODY, 1, 3, 10, 18),
        "erhåller",
        context="Du erhåller  beslutet.",
    )
    moved = replace(
        base, location=Location(Part.BODY, 2, 9, 40, 48), context="du erhåller beslutet."
    )
    assert fingerprint(base, "a.pdf") == fingerprint(moved, "a.pdf")
    assert fingerprint(base, "a.pdf") != fingerprint(base, "b.pdf")
    assert fingerprint(base, "a.pdf") != fingerprint(replace(base, context="Vi erhåller."), "a.pdf")


def test_create_then_check_reports_only_new(archive):
    created = cli("baseline", "create", "arkiv", "-o", "baslinje.json")
    assert created.exit_code == 0, created.output
    data = json.loads((archive / "baslinje.json").read_text("utf-8"))
    assert data["kommlint_baseline"] == 1
    assert {e["path"] for e in data["findings"]} == {"arkiv/brev.txt", "arkiv/notis.md"}
    assert cli("check", "arkiv").exit_code == 1
    clean = cli("check", "arkiv", "--baseline", "baslinje.json")
    assert clean.exit_code == 0, clean.output

    # An unrelated edit above the findings does not bring them back ...
    brev = archive / "arkiv" / "brev.txt"
    brev.write_text("Ett nytt stycke överst.\n\n" + OLD, encoding="utf-8")
    assert cli("check", "arkiv", "--baseline", "baslinje.json").exit_code == 0
    # ... a new finding is reported, and so is a second copy of an accepted one.
    brev.write_text(OLD + "\nVi vidtog åtgärder.\n\nHär finns en handikapptoalett.\n", "utf-8")
    result = cli("check", "arkiv", "--baseline", "baslinje.json", "-f", "json")
    assert result.exit_code == 1
    findings = json.loads(result.output)["files"][0]["findings"]
    assert sorted(f["rule"] for f in findings) == ["TST001", "TST002"]


def test_paths_are_relative_to_the_baseline_file(archive, monkeypatch):
    assert cli("baseline", "create", "arkiv", "-o", "baslinje.json").exit_code == 0
    monkeypatch.chdir(archive / "arkiv")
    result = cli("check", ".", "--config", "../kommlint.toml", "--baseline", "../baslinje.json")
    assert result.exit_code == 0, result.output


def test_bad_baseline_is_a_usage_error(archive):
    (archive / "fel.json").write_text('{"version": 1}', encoding="utf-8")
    result = cli("check", "arkiv", "--baseline", "fel.json")
    assert result.exit_code == 2
    assert cli("check", "arkiv", "--baseline", "saknas.json").exit_code == 2


def test_create_refuses_to_overwrite(archive):
    assert cli("baseline", "create", "arkiv", "-o", "b.json").exit_code == 0
    assert cli("baseline", "create", "arkiv", "-o", "b.json").exit_code == 2
    assert cli("baseline", "create", "arkiv", "-o", "b.json", "--force").exit_code == 0


def test_counts_round_trip(tmp_path):
    from kommlint.document import FileResult, Report

    f = Finding(
        "X001", "p", Severity.ERROR, "m", Location(Part.BODY, None, 0, 0, 1), "a", context="a"
    )
    report = Report([FileResult(str(tmp_path / "d.txt"), "text", "checked", [f, f])])
    Baseline.from_report(report, tmp_path).write(tmp_path / "b.json")
    loaded = Baseline.load(tmp_path / "b.json")
    filtered, accepted = loaded.filter(
        Report([FileResult(str(tmp_path / "d.txt"), "text", "checked", [f, f, f])])
    )
    assert accepted == 2 and len(filtered.files[0].findings) == 1
