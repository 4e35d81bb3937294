"""The political pack: party frames, commitments, anchors in paragraph and section."""

from __future__ import annotations

import pytest

from kommlint.document import Block, Document, Part
from kommlint.language import get_analyzer
from kommlint.readers import read_text
from kommlint.rules.checks.political import find_commitments, party_spans, politician_voice
from kommlint.rules.engine import run_rules
from kommlint.rules.loader import load_packs


def _rules(*ids: str):
    pack = next(p for p in load_packs() if p.name == "political")
    return [r for r in pack.rules if not ids or r.id in ids]


def _fired(document: Document, *ids: str, **kw) -> list[str]:
    document.number_blocks()
    return [f.rule for f in run_rules(document, _rules(*ids), **kw)]


def _doc(*blocks: tuple[str, str]) -> Document:
    """A document from (kind, text) pairs: kind "heading" or "paragraph"."""
    document = Document(path="<test>", format="text")
    for kind, text in blocks:
        document.blocks.append(Block(len(document.blocks), text, Part.BODY, kind=kind))
    return document


def test_pack_loads_with_three_rules():
    assert [r.id for r in _rules()] == ["POL001", "POL002", "POL003"]


# --- party abbreviations only in frames that make them parties -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Karin Wanngård (S) är finansborgarråd.",
        "Förslaget stöddes av S, V och MP.",
        "Reservation (samtliga m).",
        "S-styret har suttit sedan 2022.",
        "Moderaterna lämnade en motion.",
        "Miljöpartisterna reserverade sig.",
    ],
)
def test_party_frames(text):
    assert party_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Barnen behöver vitamin C.",
        "Västen finns i storlek S, M och L.",
        "Tröjan finns i storlekarna XS, S, M, L och XL.",
        "Eleven fick betyget C.",
        "Bänkarna står i L-form.",
        "Ta bussen till S:t Eriksplan.",
        "Rummets längd (m) anges i tabellen.",
        "(c) 2025 Stockholms stad.",
        "Kameran har ett SD-kort och 12 MP.",
        "Ärendet finns i bilaga V.",
        "Välj ett av svaren A, B eller C.",
        "Finansinspektionen (FI) har tillsyn.",
    ],
)
def test_not_party(text):
    assert party_spans(text) == []


# --- commitments: tagged and untagged analyses ----------------------------------------


@pytest.mark.parametrize("tag", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staden kommer att bygga en ny simhall.", "Staden kommer att bygga"),
        ("Vi ska införa avgiftsfri simskola.", "Vi ska införa"),
        ("Stadsdelsnämnden i Farsta ska lägga ner två fritidsgårdar.", "Stadsdelsnämnden"),
        ("Avgiften i förskolan sänks till hösten.", "sänks"),
        ("Från 2026 blir det gratis att parkera.", "blir"),
    ],
)
def test_commitments(text, expected, tag):
    analysis = get_analyzer().analyse(text, tag=tag)
    found = [text[c.start : c.end] for c in find_commitments(analysis)]
    assert found and found[0].startswith(expected), found


@pytest.mark.parametrize(
    "text",
    [
        "Biblioteket kommer att vara stängt på måndag.",
        "Du ska skicka in blanketten senast den 15 mars.",
        "Vi kommer att kontakta dig inom två veckor.",
        "Simhallen stänger klockan 16 på julafton.",
        "Gatan kommer att stängas av för trafik under loppet.",
        "Vi ska se till att du får svar snabbt.",
        "Staden har byggt tolv nya förskolor under 2024.",
        "Mål och strategier ska möta de utmaningar staden står inför.",
        "Vi bygger vårt varumärke inifrån – tillsammans.",
        "Kommer avgiften att tas bort?",
        "När blir simskolan gratis?",
        "Staden kommer inte att höja avgiften.",
        "Det är därför vi kommer tillbaka för att få mer.",
        "Tunnelbanan byggs av Region Stockholm och blir klar 2028.",
        "Skolorna kommer att få mer information under hösten.",
    ],
)
def test_not_commitments(text):
    assert find_commitments(get_analyzer().analyse(text)) == []


def test_politician_voice():
    quote = "– Vi ska bygga en simhall, säger idrottsborgarrådet Karin Berg (S)."
    assert politician_voice(quote, quote)
    official = "– Vi ska bygga en simhall, säger förvaltningschefen Lena Ström."
    assert not politician_voice(official, official)


# --- anchors beyond the sentence ------------------------------------------------------

CLAIM = "Staden kommer att bygga en ny simhall i Skärholmen."
ANCHOR = "Kommunfullmäktige beslutade den 14 juni 2025 om investeringen (dnr KS 2025/1234)."


def test_anchor_in_the_paragraph():
    assert _fired(read_text(CLAIM), "POL002") == ["POL002"]
    assert _fired(read_text(f"{CLAIM} {ANCHOR}"), "POL002") == []


def test_anchor_in_the_section():
    same_section = _doc(
        ("heading", "Ny simhall i Skärholmen"),
        ("paragraph", CLAIM),
        ("paragraph", "Simhallen får en 50-metersbassäng."),
        ("paragraph", ANCHOR),
    )
    assert _fired(same_section, "POL002") == []


def test_anchor_in_another_section_does_not_count():
    other_section = _doc(
        ("heading", "Ny simhall i Skärholmen"),
        ("paragraph", CLAIM),
        ("heading", "Andra beslut"),
        ("paragraph", ANCHOR),
    )
    assert _fired(other_section, "POL002") == ["POL002"]


def test_proposal_marker_in_the_section():
    document = _doc(
        ("heading", "Förslag: ny simhall"),
        ("paragraph", CLAIM),
    )
    assert _fired(document, "POL002") == []


def test_anchor_scope_option():
    document = read_text(f"{CLAIM}\n\n{ANCHOR}")
    assert _fired(document, "POL002") == []
    narrow = {"POL002": {"anchor_scope": "paragraph"}}
    assert _fired(read_text(f"{CLAIM}\n\n{ANCHOR}"), "POL002", rule_options=narrow) == ["POL002"]


# --- the three rules side by side -----------------------------------------------------


def test_politician_and_city_voice_are_separate_rules():
    politician = "– Vi kommer att bygga en ny simhall, säger idrottsborgarrådet Karin Berg (S)."
    assert _fired(read_text(politician)) == ["POL003"]
    city = "Vi kommer att bygga en ny simhall."
    assert _fired(read_text(city)) == ["POL002"]


def test_campaign_and_commitment_both_fire():
    rules = sorted(_fired(read_text("Om vi vinner valet kommer vi att sänka avgiften.")))
    assert rules == ["POL001", "POL002"]


def test_finding_has_match_suggestion_and_english_message():
    document = read_text(CLAIM)
    document.number_blocks()
    (finding,) = run_rules(document, _rules("POL002"), lang="en")
    assert finding.match == "Staden kommer att bygga"
    assert finding.suggestion and "decision" in finding.suggestion
    assert finding.message.startswith("'Staden kommer att bygga' reads like a decision")
    assert finding.location.start == 0


def test_party_message_names_the_trigger():
    document = read_text("Tack vare den rödgröna majoriteten får fler unga jobb.")
    document.number_blocks()
    (finding,) = run_rules(document, _rules("POL001"))
    assert "rödgröna majoriteten" in finding.match
    assert finding.severity.value == "error"
