"""The whole tool on the sample documents and on every kind of broken file: every output
format, the JSON contract's schema, and inputs left untouched."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import xml.dom.minidom
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SCHEMA = json.loads((ROOT / "src/kommlint/schemas/report-v1.json").read_text())
FORMATS = ["text", "json", "sarif", "junit", "github", "csv", "html"]

import make_fixtures  # noqa: E402  (tests/conftest.py puts fixtures/ on the path)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The samples plus one broken file of every kind, in one folder."""
    folder = tmp_path_factory.mktemp("korpus")
    for name in ("broschyr.pdf", "brev.docx", "affisch.png", "trasiga/krypterad.pdf"):
        shutil.copy(FIXTURES / name, folder / Path(name).name)
    shutil.copy(FIXTURES / "trasiga" / "trasig.pdf", folder / "trasig.pdf")
    bad = make_fixtures.make_bad_inputs(folder / "trasiga")
    (folder / "trasiga" / "_source.pdf").unlink(missing_ok=True)
    for path in bad.values():
        if path.is_dir():
            shutil.rmtree(path)
    (folder / "text.md").write_text("# Rubrik\n\nDu erhåller ett beslut.\n", encoding="utf-8")
    return folder


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kommlint", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def reports(corpus, tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("rapporter")
    before = _digests(corpus)
    results = {}
    for fmt in FORMATS:
        target = out / f"rapport.{fmt}"
        proc = _run("check", str(corpus), "--format", fmt, "--output", str(target), "--no-cache")
        proc.report = target.read_text(encoding="utf-8") if target.exists() else ""
        results[fmt] = proc
    assert _digests(corpus) == before, "an input file was modified"
    return results


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_runs_without_traceback(reports, fmt):
    proc = reports[fmt]
    assert proc.returncode in (1, 3), proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.report.strip()


@pytest.mark.slow
def test_json_of_every_format_validates_and_reports_every_broken_file(reports, corpus):
    data = json.loads(reports["json"].report)
    jsonschema.validate(data, SCHEMA)
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    formats = {f["format"] for f in data["files"] if f["status"] == "checked"}
    assert {"pdf", "docx", "image", "markdown"} <= formats
    broken = [f for f in data["files"] if "trasiga" in f["path"]]
    assert broken and all(f["status"] == "error" and f["error"]["code"] for f in broken)
    codes = {f["error"]["code"] for f in broken}
    assert {"empty", "mislabelled", "encrypted", "corrupt"} <= codes
    assert by_name["krypterad.pdf"]["error"]["code"] == "encrypted"
    assert by_name["brev.docx"]["findings"], "the sample letter has plain-language problems"


@pytest.mark.slow
def test_broken_files_appear_in_machine_formats(reports):
    sarif = json.loads(reports["sarif"].report)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("trasiga" in json.dumps(n) for n in notes)
    junit = xml.dom.minidom.parseString(reports["junit"].report)
    assert junit.getElementsByTagName("error")
    assert "trasiga" in reports["csv"].report and "Kunde inte läsas" in reports["html"].report
