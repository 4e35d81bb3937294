"""--format sarif / junit / github: structure, schema validity, locations."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from kommlint.cli import app
from kommlint.document import FileError, FileResult, Finding, Location, Part, Report, Severity
from kommlint.report import ReportOptions, RuleMeta, reporter

TESTS = Path(__file__).resolve().parent
SARIF_SCHEMA = json.loads((TESTS / "schemas" / "sarif-2.1.0-rtm.5.json").read_text("utf-8"))

BAD = "Du erhöll beslutet i går.\n\nHär finns en handikapptoalett. Stockholms stad\n"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    (tmp_path / "kommlint.toml").write_text(
        f'extra_packs = ["{(TESTS / "packs").as_posix()}"]\nselect = ["TST001", "TST002"]\n',
        encoding="utf-8",
    )
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.md").write_text("# Rubrik\n\nDu fick beslutet i går.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(app, ["check", *args])


def validate_sarif(data: dict) -> None:
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(data)


def test_sarif_cli_is_valid_and_locates_text(workdir):
    result = run("bad.txt", "good.md", "missing.txt", "-f", "sarif")
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    validate_sarif(data)
    run_ = data["runs"][0]
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert {"TST001", "TST002"} <= set(rules)
    assert rules["TST002"]["defaultConfiguration"]["level"] == "error"
    assert rules["TST001"]["help"]["text"].startswith("Testregel")
    by_rule = {r["ruleId"]: r for r in run_["results"]}
    assert set(by_rule) == {"TST001", "TST002"}
    for res in run_["results"]:
        assert run_["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
    region = by_rule["TST002"]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 14, 30)
    assert BAD[region["charOffset"] : region["charOffset"] + region["charLength"]] == (
        "handikapptoalett"
    )
    uri = by_rule["TST002"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "bad.txt"
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["descriptor"]["id"] == "not_found"
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "missing.txt"
    )


def test_sarif_clean_run_is_valid(workdir):
    result = run("good.md", "-f", "sarif")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    validate_sarif(data)
    assert data["runs"][0]["results"] == []


def pdf_report() -> Report:
    finding = Finding(
        rule="KLR012",
        pack="klarsprak",
        severity=Severity.WARNING,
        message="Byt 'erhålla' mot 'få'.",
        location=Location(Part.BODY, 2, 14, 37, 45, (72.0, 500.5, 130.0, 512.0), ordinal=3),
        match="erhåller",
        suggestion="får",
        context="Du erhåller\x0bbeslutet.",
    )
    return Report(
        [
            FileResult("broschyr.pdf", "pdf", "checked", [finding], pages=4),
            FileResult(
                "trasig.pdf", "pdf", "error", error=FileError("encrypted", "Krypterad.", "Enc.")
            ),
        ]
    )


def test_sarif_pdf_page_and_bbox_in_properties():
    meta = RuleMeta("KLR012", "erhalla", "klarsprak", "warning", "Krångligt ord", "Därför.", "§2")
    data = json.loads(reporter("sarif").render(pdf_report(), ReportOptions(rules=(meta,))))
    validate_sarif(data)
    result = data["runs"][0]["results"][0]
    location = result["locations"][0]
    assert location["physicalLocation"]["region"] == {"startLine": 1}
    assert location["properties"]["page"] == 2
    assert location["properties"]["bbox"] == [72.0, 500.5, 130.0, 512.0]
    assert "sida 2" in result["message"]["text"] and "får" in result["message"]["text"]
    rule = data["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["help"]["text"] == "Därför.\n\nKälla: §2"
    assert result["partialFingerprints"]["kommlint/v1"]


def test_junit_structure_and_fail_level(workdir):
    result = run("bad.txt", "good.md", "missing.txt", "-f", "junit")
    root = ET.fromstring(result.output.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"bad.txt", "good.md", "missing.txt"}
    bad = suites["bad.txt"]
    assert (bad.get("tests"), bad.get("failures")) == ("2", "1")  # the warning passes
    assert len(bad.findall("testcase/failure")) == 1
    assert bad.find("testcase/system-out") is not None
    assert suites["good.md"].get("tests") == "1" and not suites["good.md"].findall(".//failure")
    assert suites["missing.txt"].find("testcase/error").get("type") == "not_found"
    assert root.get("tests") == "4" and root.get("errors") == "1"
    stricter = ET.fromstring(run("bad.txt", "-f", "junit", "--fail-on", "warning").output)
    assert stricter.get("failures") == "2"


def test_junit_is_well_formed_with_control_characters():
    text = reporter("junit").render(pdf_report(), ReportOptions(fail_on="warning"))
    root = ET.fromstring(text.encode("utf-8"))
    assert root.get("failures") == "1" and root.get("errors") == "1"
    assert "sida 2" in root.find("testsuite/testcase").get("name")


def test_github_annotations(workdir):
    result = run("bad.txt", "missing.txt", "-f", "github")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "::warning file=bad.txt,line=1,col=4,endColumn=10,title=TST001::" in result.output
    assert any(
        line.startswith("::error file=bad.txt,line=3,col=14,endColumn=30,title=TST002::")
        for line in lines
    )
    assert any(
        line.startswith("::error file=missing.txt,title=kommlint%3A not_found::") for line in lines
    )


def test_github_escapes_and_pdf_location():
    from kommlint.report.github import annotation

    assert annotation("error", "a\nb 100%", file="x,y:z.pdf") == (
        "::error file=x%2Cy%3Az.pdf::a%0Ab 100%25"
    )
    text = reporter("github").render(pdf_report(), ReportOptions())
    assert "::warning file=broschyr.pdf,title=KLR012::" in text
    assert "[sida 2, stycke 3]" in text
