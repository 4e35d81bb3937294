"""Audit outputs for archives: the summary, CSV and the self-contained HTML page."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommlint.cli import app

TEST_PACKS = Path(__file__).resolve().parent / "packs"
runner = CliRunner()


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    (tmp_path / "kommlint.toml").write_text(
        f'packs = ["testpack"]\nextra_packs = ["{TEST_PACKS.as_posix()}"]\n', encoding="utf-8"
    )
    for folder, text in (("a", "Du erhöll beslutet."), ("b", "Stockholms stad")):
        (tmp_path / folder).mkdir()
        for i in range(3):
            (tmp_path / folder / f"d{i}.txt").write_text(f"{text} {i}\n", encoding="utf-8")
    (tmp_path / "b" / "trasig.pdf").write_bytes(b"%PDF-1.7 trasig")
    return tmp_path


def _check(archive: Path, *args: str):
    return runner.invoke(app, ["check", "--fail-on", "never", *args, str(archive)])


def test_text_report_has_audit_overview(archive):
    result = _check(archive, "--no-cache")
    out = result.stdout
    assert "Översikt" in out
    assert "testpack 9" in out  # 3 × TST001 + 6 × TST003 (no sender in a header or footer)
    assert "a: 0/3 (0%)" in out.replace(str(archive) + "/", "")


def test_csv_has_a_row_per_finding_and_per_unreadable_file(archive):
    rows = list(csv.DictReader(io.StringIO(_check(archive, "-f", "csv").stdout)))
    assert sum(1 for r in rows if r["rule"] == "TST001") == 3
    [error] = [r for r in rows if r["status"] == "error"]
    assert error["path"].endswith("trasig.pdf") and error["error_code"]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.external: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in {"meta", "br", "rect"}:
            self.stack.append(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.links.append(attrs["href"][1:])
        if tag in {"script", "link", "img"} or (tag == "a" and "://" in attrs.get("href", "")):
            self.external.append(tag)

    def handle_endtag(self, tag):
        if tag in {"meta", "br", "rect"}:
            return
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}>"
        self.stack.pop()


def test_html_is_self_contained_and_every_file_links_to_its_findings(archive, tmp_path):
    out = tmp_path / "rapport.html"
    _check(archive, "-f", "html", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    parser = _Collector()
    parser.feed(page)
    assert not parser.external
    assert parser.links and set(parser.links) <= parser.ids
    assert "<svg" in page and "testpack" in page
    assert page.count("<h3") >= 2 + 7  # folders + files
    assert "Kunde inte läsas" in page
