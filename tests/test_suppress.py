"""Accepting findings per document: sidecar files, folder files and markers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommlint.cli import app
from kommlint.document import FileResult, Finding, Location, Part, Report, Severity
from kommlint.suppress import (
    apply,
    document_markers,
    markers_in_text,
    parse_sidecar,
    selector_matches,
)

TESTS = Path(__file__).resolve().parent
BAD = "Du erhöll beslutet i går.\n\nHär finns en handikapptoalett.\n"


def finding(rule="KLR012", pack="klarsprak", match="erhåller") -> Finding:
    return Finding(rule, pack, Severity.WARNING, "msg", Location(Part.BODY, None, 0, 0, 8), match)


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "kommlint.toml").write_text(
        f'extra_packs = ["{(TESTS / "packs").as_posix()}"]\nselect = ["TST001", "TST002"]\n'
        'fail_on = "warning"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*paths: str):
    return CliRunner().invoke(app, ["check", *paths, "-f", "json"])


def test_selector_matches_id_prefix_and_pack():
    f = finding()
    assert selector_matches("KLR012", f) and selector_matches("klr012", f)
    assert selector_matches("KLR", f) and selector_matches("klarsprak", f)
    assert not selector_matches("KLR01", f) and not selector_matches("KLR013", f)
    assert not selector_matches("SND", f)


def test_parse_sidecar_with_comments_and_match():
    entries = parse_sidecar("# godkänt av juristen\nKLR012  # hela regeln\nTST001 erhöll\n\n")
    assert [(e.selector, e.match) for e in entries] == [("KLR012", None), ("TST001", "erhöll")]
    assert entries[1].accepts(finding("TST001", "testpack", "Erhöll"))
    assert not entries[1].accepts(finding("TST001", "testpack", "erhåller"))


def test_markers_in_text():
    assert markers_in_text("<!-- kommlint: ignore KLR012, SND -->") == ["KLR012", "SND"]
    assert markers_in_text("Kommlint: Ignore klr012 godkänt av juristen") == ["KLR012"]
    assert markers_in_text("kommlint: ignore av misstag") == []
    assert markers_in_text("ingen markör här KLR012") == []


def test_docx_marker_in_comment(tmp_path):
    path = tmp_path / "brev.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr(
            "word/comments.xml",
            "<w:comments><w:comment><w:p><w:r><w:t>kommlint: ig</w:t></w:r><w:r><w:t>nore "
            "KLR012</w:t></w:r></w:p></w:comment></w:comments>",
        )
    assert document_markers(path, "docx") == ["KLR012"]
    assert document_markers(tmp_path / "saknas.docx", "docx") == []


def test_sidecar_accepts_in_cli(project):
    (project / "brev.txt").write_text(BAD, encoding="utf-8")
    before = check("brev.txt")
    assert before.exit_code == 1
    (project / "brev.txt.kommlint-ignore").write_text(
        "TST001 erhöll  # godkänt\nTST002\n", encoding="utf-8"
    )
    after = check("brev.txt")
    assert after.exit_code == 0, after.output
    assert '"findings": []' in after.output


def test_sidecar_match_keeps_other_findings(project):
    (project / "brev.txt").write_text(BAD, encoding="utf-8")
    (project / "brev.txt.kommlint-ignore").write_text("TST002 annat ord\n", encoding="utf-8")
    assert '"rule": "TST002"' in check("brev.txt").output


def test_folder_file_and_markdown_marker(project):
    (project / "a.txt").write_text(BAD, encoding="utf-8")
    (project / "b.txt").write_text(BAD, encoding="utf-8")
    (project / ".kommlint-ignore").write_text("a.txt: TST001 TST002\n", encoding="utf-8")
    (project / "c.md").write_text("<!-- kommlint: ignore TST -->\n\n" + BAD, encoding="utf-8")
    report, accepted = apply(
        Report(
            [
                FileResult(str(project / n), fmt, "checked", [finding("TST001", "testpack")])
                for n, fmt in (("a.txt", "text"), ("b.txt", "text"), ("c.md", "markdown"))
            ]
        )
    )
    assert [len(r.findings) for r in report.files] == [0, 1, 0]
    assert accepted == 2
