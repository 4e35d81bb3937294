"""The logo pack (rules/logo.yaml) and the `logo` rule kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_standin
from kommlint.document import Part
from kommlint.rules.examples import run_example
from kommlint.rules.loader import load_pack
from kommlint.vision import analyse as vision_analyse
from kommlint.vision.reference import default_reference_dir

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "rules" / "assets" / "logo-examples"


@pytest.fixture(scope="module")
def pack():
    return load_pack(ROOT / "rules" / "logo.yaml")


@pytest.fixture(scope="module")
def rules(pack):
    return {r.id: r for r in pack.rules}


def run(rules, ids, path, lang="sv"):
    from kommlint.readers import ReaderOptions, read
    from kommlint.rules.engine import run_rules

    doc = read(path, ReaderOptions(ocr=False))
    return doc, run_rules(doc, [rules[i] for i in ids], lang=lang)


def test_pack_shape(pack):
    assert pack.prefix == "LOGO"
    ids = [r.id for r in pack.rules]
    assert ids == [f"LOGO00{i}" for i in range(1, 7)]
    sev = {r.id: r.severity.value for r in pack.rules}
    assert sev["LOGO001"] == "error" and sev["LOGO006"] == "info"
    for r in pack.rules:
        assert "Det viktigaste elementet är logotypen S:t Erik" in " ".join(
            x.rationale for x in pack.rules
        )
        assert "En stad – en avsändare" in r.rationale
        assert r.message and r.message_en


@pytest.mark.parametrize("rule_id", [f"LOGO00{i}" for i in range(1, 7)])
def test_examples(rules, rule_id):
    rule = rules[rule_id]
    for example in rule.examples_bad:
        assert run_example(rule, example), f"{rule_id} should fire on {example}"
    for example in rule.examples_good:
        assert not run_example(rule, example), f"{rule_id} should not fire on {example}"


def test_one_detection_pass_for_all_rules(rules, monkeypatch):
    calls = []
    real = vision_analyse._analyse

    def counting(document, config):
        calls.append(document.path)
        return real(document, config)

    monkeypatch.setattr(vision_analyse, "_analyse", counting)
    doc, findings = run(rules, list(rules), EXAMPLES / "logo-stretched.pdf")
    assert len(calls) == 1
    assert [f.rule for f in findings] == ["LOGO003"]
    [f] = findings
    assert f.location.page == 1 and f.location.bbox is not None
    assert f.location.part == Part.BODY
    result = next(iter(doc.annotations["vision"].values()))
    assert result.pages_scanned == [1]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("logo-missing.pdf", ["LOGO001"]),
        ("logo-ok.pdf", []),
        ("logo-small.pdf", ["LOGO002"]),
        ("logo-page2.pdf", ["LOGO005"]),
        ("logo-low-contrast.pdf", ["LOGO006"]),
    ],
)
def test_all_rules_on_each_example(rules, name, expected):
    _, findings = run(rules, list(rules), EXAMPLES / name)
    assert sorted(f.rule for f in findings) == expected


def test_english_messages(rules):
    _, [f] = run(rules, ["LOGO004"], EXAMPLES / "logo-rotated.pdf", lang="en")
    assert f.message.startswith("The logotype on page 1 is rotated by 12")


def test_text_documents_are_not_checked(rules):
    from kommlint.readers import read_text
    from kommlint.rules.engine import run_rules

    doc = read_text("Stockholms stad informerar.", "<t>")
    assert run_rules(doc, list(rules.values())) == []


def test_missing_reference_is_reported(rules, monkeypatch, tmp_path):
    monkeypatch.setenv("KOMMLINT_LOGO_REFERENCE", str(tmp_path / "official.png"))
    _, [f] = run(rules, ["LOGO001", "LOGO003"], EXAMPLES / "logo-ok.pdf")
    assert f.rule == "LOGO001" and "finns inte" in f.message


def test_reference_from_environment(rules, monkeypatch, tmp_path):
    # a deployment pointing at its own artwork: here only the black variant
    art = tmp_path / "official-black.png"
    art.write_bytes((default_reference_dir() / "standin-emblem-black.png").read_bytes())
    monkeypatch.setenv("KOMMLINT_LOGO_REFERENCE", str(art))
    doc, findings = run(rules, ["LOGO001"], EXAMPLES / "logo-ok.pdf")
    assert findings == []
    [result] = doc.annotations["vision"].values()
    assert result.matches[0].variant == "official-black"


def test_docx_header_logo_fast_path_and_stretch(rules, tmp_path):
    docx = pytest.importorskip("docx")
    from docx.shared import Mm

    art = default_reference_dir() / "standin-emblem.png"
    good = tmp_path / "good.docx"
    d = docx.Document()
    d.sections[0].header.paragraphs[0].add_run().add_picture(str(art), width=Mm(25))
    d.add_paragraph("Stockholms stad informerar.")
    d.save(good)
    doc, findings = run(rules, list(rules), good)
    assert findings == []
    [m] = next(iter(doc.annotations["vision"].values())).matches
    assert m.source == "hash" and m.part == Part.HEADER
    assert m.width_mm == pytest.approx(25 * 0.72, rel=0.05)  # the shield of a 25 mm square

    stretched = tmp_path / "stretched.docx"
    d = docx.Document()
    d.add_paragraph("Stockholms stad informerar.")
    d.add_paragraph().add_run().add_picture(str(art), width=Mm(30), height=Mm(20))
    d.save(stretched)
    _, findings = run(rules, list(rules), stretched)
    assert [f.rule for f in findings] == ["LOGO003"]

    empty = tmp_path / "empty.docx"
    d = docx.Document()
    d.add_paragraph("Stockholms stad informerar.")
    d.save(empty)
    _, findings = run(rules, list(rules), empty)
    assert [f.rule for f in findings] == ["LOGO001"]
    assert findings[0].location.part == Part.DOCUMENT


def test_image_file_in_pixels(rules, tmp_path):
    from PIL import Image

    ms = load_standin()
    img = Image.new("RGB", (900, 600), "white")
    small = ms.render_emblem(50, "colour")  # a 36 px wide shield
    img.paste(small, (100, 100), small)
    path = tmp_path / "banner.png"
    img.save(path)
    _, findings = run(rules, list(rules), path)
    # LOGO001 is for PDF and Word by default; the logo is found and is too small
    assert [f.rule for f in findings] == ["LOGO002"]
    assert "px" in findings[0].message
    assert findings[0].location.part == Part.IMAGE
    assert findings[0].location.bbox[0] == pytest.approx(100 + 50 * 0.14, abs=3)
