"""The text report's words: LIX bands, locations, grouping of repeated findings."""

from __future__ import annotations

import pytest

from kommlint.document import FileResult, Finding, Location, Part, Report, Severity
from kommlint.report import ReportOptions
from kommlint.report.terminal import describe_location, lix_band, render


@pytest.mark.parametrize(
    "lix, band",
    [
        (12, "mycket lätt"),
        (29.9, "mycket lätt"),
        (35, "lätt"),
        (45, "medelsvår"),
        (55, "svår"),
        (72, "mycket svår, byråkratisk"),
    ],
)
def test_lix_bands_follow_scale_b(lix, band):
    assert lix_band(lix) == band


@pytest.mark.parametrize(
    "location, words",
    [
        (Location(Part.BODY, 3, 14, ordinal=2), "sida 3, stycke 2"),
        (Location(Part.HEADER, 1, 0, ordinal=1), "sidhuvud, sida 1, stycke 1"),
        (Location(Part.METADATA, None, 40), "metadata"),
        (Location(Part.DOCUMENT), "hela dokumentet"),
        (Location(Part.BODY, None, 4), "stycke 5"),
    ],
)
def test_locations_in_words(location, words):
    assert describe_location(location) == words


def _finding(paragraph: int) -> Finding:
    text = "Du erhöll beslutet."
    return Finding(
        "KLR006",
        "klarsprak",
        Severity.WARNING,
        "Skriv hellre 'fick' än 'erhöll'.",
        Location(Part.BODY, None, paragraph, 3, 9),
        match="erhöll",
        suggestion="fick",
        context=text,
        context_start=0,
    )


def test_repeated_findings_are_grouped_with_their_places():
    result = FileResult("brev.txt", "text", "checked", [_finding(i) for i in range(3)])
    out = render(Report([result]), ReportOptions())
    assert out.count("Skriv hellre") == 1
    assert "Samma sak på: stycke 2; stycke 3" in out
    assert "«Du erhöll beslutet.»" in out and "Förslag: fick" in out
