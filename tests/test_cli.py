"""The command line: exit codes, formats, selection, configuration errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from kommlint.cli import app

TEST_PACKS = Path(__file__).resolve().parent / "packs"
SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "src/kommlint/schemas/report-v1.json").read_text()
)
runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with a config that enables only the test pack, and a few documents."""
    (tmp_path / "kommlint.toml").write_text(
        f'packs = ["testpack"]\nextra_packs = ["{TEST_PACKS.as_posix()}"]\n', encoding="utf-8"
    )
    (tmp_path / "bra.txt").write_text("Stockholms stad\n\nDu fick beslutet.\n", encoding="utf-8")
    (tmp_path / "dalig.txt").write_text("Du erhöll beslutet.\n", encoding="utf-8")
    return tmp_path


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.startswith("kommlint ")


def test_findings_at_fail_level_exit_1(project):
    result = run("check", str(project / "dalig.txt"))
    assert result.exit_code == 1
    assert "TST003" in result.output and "Avsändaren saknas" in result.output
    assert "TST001" in result.output and "erhöll" in result.output


def test_fail_on_never_and_warning(project):
    assert run("check", "--fail-on", "never", str(project / "dalig.txt")).exit_code == 0
    result = run("check", "--fail-on", "warning", "--ignore", "TST003", str(project / "dalig.txt"))
    assert result.exit_code == 1
    result = run("check", "--ignore", "TST003", str(project / "dalig.txt"))
    assert result.exit_code == 0  # only a warning is left, below the default fail level


def test_select_by_id_prefix_and_pack(project):
    path = str(project / "dalig.txt")
    for selector in ("TST001", "TST00", "testpack"):
        data = json.loads(run("check", "-f", "json", "--select", selector, path).stdout)
        rules = {f["rule"] for f in data["files"][0]["findings"]}
        assert "TST001" in rules
    data = json.loads(run("check", "-f", "json", "--select", "TST001", path).stdout)
    assert {f["rule"] for f in data["files"][0]["findings"]} == {"TST001"}


def test_unknown_selector_is_usage_error(project):
    result = runner.invoke(app, ["check", "--select", "NOPE999", str(project / "bra.txt")])
    assert result.exit_code == 2
    assert "NOPE999" in result.output


def test_json_matches_contract_and_schema(project, tmp_path):
    out = tmp_path / "rapport.json"
    result = run(
        "check",
        "-f",
        "json",
        "-o",
        str(out),
        "--ignore",
        "TST003",
        "--fail-on",
        "warning",
        str(project),
    )
    assert result.exit_code == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    files = {Path(f["path"]).name: f for f in data["files"]}
    assert files["bra.txt"]["findings"] == []
    [finding] = [f for f in files["dalig.txt"]["findings"] if f["rule"] == "TST001"]
    assert finding["match"] == "erhöll"
    assert finding["location"]["start"] == 3 and finding["location"]["end"] == 9
    assert finding["location"]["paragraph"] == 0
    assert data["summary"]["files"] == 2 and data["summary"]["checked"] == 2


def test_unreadable_file_exit_3_and_run_goes_on(project):
    (project / "trasig.pdf").write_bytes(b"")
    (project / "dalig.txt").unlink()
    result = runner.invoke(app, ["check", "-f", "json", "--ignore", "TST003", str(project)])
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    statuses = {Path(f["path"]).name: f["status"] for f in data["files"]}
    assert statuses == {"bra.txt": "checked", "trasig.pdf": "error"}


def test_missing_file_is_per_file_error(project):
    result = runner.invoke(app, ["check", str(project / "finns-inte.pdf")])
    assert result.exit_code == 3
    assert "Filen finns inte" in result.output


def test_stdin(project, monkeypatch):
    monkeypatch.chdir(project)
    result = runner.invoke(app, ["check", "-f", "json", "-"], input="Du erhöll det.\n")
    data = json.loads(result.stdout)
    assert data["files"][0]["path"] == "-"
    assert any(f["rule"] == "TST001" for f in data["files"][0]["findings"])


def test_english_report(project):
    result = run("check", "--lang", "en", str(project / "dalig.txt"))
    assert "Prefer" in result.output and "Summary" in result.output


@pytest.mark.parametrize(
    "config_text, key",
    [
        ('fail_on = "sometimes"\n', "fail_on"),
        ("nonsense = 1\n", "nonsense"),
        ("[severity]\nTST001 = 'loud'\n", "severity.TST001"),
        ("jobs = 0\n", "jobs"),
        ("packs = 3\n", "packs"),
        ("this is not toml", "TOML"),
    ],
)
def test_invalid_config_exit_2_names_the_key(tmp_path, config_text, key):
    (tmp_path / "kommlint.toml").write_text(config_text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Hej.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert key in result.output
    assert "Traceback" not in result.output


def test_severity_override_and_rule_options_from_config(project):
    config = project / "kommlint.toml"
    config.write_text(
        config.read_text() + '[severity]\nTST003 = "info"\n[rules.TST004]\nmax = 2\n',
        encoding="utf-8",
    )
    data = json.loads(run("check", "-f", "json", str(project / "dalig.txt")).stdout)
    by_rule = {f["rule"]: f for f in data["files"][0]["findings"]}
    assert by_rule["TST003"]["severity"] == "info"
    assert "TST004" in by_rule  # three words now exceed the configured limit of two


def test_per_path_ignores(project):
    (project / "gammalt").mkdir()
    (project / "gammalt" / "x.txt").write_text("Du erhöll beslutet.\n", encoding="utf-8")
    config = project / "kommlint.toml"
    config.write_text(
        config.read_text() + '[per_path_ignores]\n"gammalt/*" = ["TST001"]\n', encoding="utf-8"
    )
    data = json.loads(run("check", "-f", "json", str(project)).stdout)
    rules = {Path(f["path"]).name: {x["rule"] for x in f["findings"]} for f in data["files"]}
    assert "TST001" not in rules["x.txt"]
    assert "TST001" in rules["dalig.txt"]


def test_pyproject_tool_section_is_found(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.kommlint]\npacks = ["testpack"]\nextra_packs = ["{TEST_PACKS.as_posix()}"]\n'
        "select = ['TST001']\n",
        encoding="utf-8",
    )
    sub = tmp_path / "docs"
    sub.mkdir()
    (sub / "a.txt").write_text("Du erhöll beslutet.\n", encoding="utf-8")
    data = json.loads(run("check", "-f", "json", str(sub / "a.txt")).stdout)
    assert {f["rule"] for f in data["files"][0]["findings"]} == {"TST001"}


def test_rules_and_explain(project, monkeypatch):
    monkeypatch.chdir(project)
    listing = run("rules").output
    assert "TST001" in listing and "testpack" in listing
    text = run("explain", "tst001").output
    assert "Testregel för substitution" in text and "Du erhöll beslutet" in text
    assert runner.invoke(app, ["explain", "XYZ123"]).exit_code == 2


def test_bad_pack_in_extra_folder_is_exit_2_with_file_and_line(tmp_path):
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "trasig.yaml").write_text("pack: x\nprefix: XXX\nrules:\n  - id: 12\n")
    (tmp_path / "kommlint.toml").write_text(f'extra_packs = ["{packs.as_posix()}"]\n')
    (tmp_path / "a.txt").write_text("Hej.\n")
    result = runner.invoke(app, ["check", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "trasig.yaml:4" in result.output


def test_real_process_no_traceback_on_bad_input(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 50)
    proc = subprocess.run(
        [sys.executable, "-m", "kommlint", "check", str(tmp_path / "x.pdf")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
