"""Cleaning of PDF/OCR text: hyphenation, ligatures, spaces, running headers and footers."""

from __future__ import annotations

import pytest

from kommlint.readers.clean import (
    Line,
    PageLine,
    Word,
    assemble,
    clean_text,
    is_page_number,
    running_lines,
)


def _lines(*texts: str) -> list[Line]:
    result = []
    y = 0.0
    for text in texts:
        words = []
        x = 0.0
        for word in text.split(" "):
            words.append(Word(word, (x, y, x + 10 * len(word), y + 10)))
            x += 10 * len(word) + 5
        result.append(Line(words))
        y += 12
    return result


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("vår kommunika-", "tion med", "vår kommunikation med"),
        ("Ring 08-", "508 000 00", "Ring 08-508 000 00"),
        ("om EU-", "medel", "om EU-medel"),
        ("för Stockholms-", "och Uppsala", "för Stockholms- och Uppsala"),
        ("Stockholms-", "eller Solna", "Stockholms- eller Solna"),
        ("en e-", "tjänst", "en e-tjänst"),
        ("norra Stockholms-", "Uppsala", "norra Stockholms-Uppsala"),
        ("mer in\u00ad", "formation", "mer information"),
        ("år 2024-", "2026", "år 2024-2026"),
        ("slut.", "Nästa", "slut. Nästa"),
        ("ett SMS-", "meddelande", "ett SMS-meddelande"),
        ("ett tanke\u2010", "streck", "ett tankestreck"),
    ],
)
def test_line_end_hyphenation(first: str, second: str, expected: str) -> None:
    text, _boxes = assemble(_lines(first, second))
    assert text == expected


def test_word_boxes_follow_the_cleaned_text() -> None:
    text, boxes = assemble(_lines("Vi vill förbättra vår kommunika-", "tion med alla"))
    assert text == "Vi vill förbättra vår kommunikation med alla"
    start = text.index("kommunikation")
    parts = [(s, e) for s, e, _b in boxes if s < start + 13 and e > start]
    # the joined word keeps one box per line part, together covering exactly the word
    assert parts == [(start, start + 9), (start + 9, start + 13)]
    assert [text[s:e] for s, e, _b in boxes][:3] == ["Vi", "vill", "förbättra"]


def test_ligatures_soft_hyphens_and_spaces() -> None:
    assert clean_text("Det \ufb01nns \ufb02era  \u00a0 sätt") == "Det finns flera sätt"
    assert clean_text("kommu\u00adnikation\u200b") == "kommunikation"
    assert clean_text("  rad ett \r\n\r\n rad\ttvå  ") == "rad ett\nrad två"
    text, _ = assemble([Line([Word("\ufb01nns", (0, 0, 1, 1)), Word("här", (2, 0, 3, 1))])])
    assert text == "finns här"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", True),
        ("Sida 3 av 12", True),
        ("sid. 4", True),
        ("- 5 -", True),
        ("7 (12)", True),
        ("3/12", True),
        ("Stockholms stad", False),
        ("08-508 000 00", False),
    ],
)
def test_page_numbers(text: str, expected: bool) -> None:
    assert is_page_number(text) is expected


def test_running_lines_need_most_pages_and_a_margin_band() -> None:
    lines = []
    for page in range(1, 5):
        lines.append(PageLine(page, "Årsrapport 2025", 0.03, 0.045, 9))
        lines.append(PageLine(page, f"Kapitel {page} börjar här", 0.07, 0.085, 11))
        lines.append(PageLine(page, f"Rad två på sidan {page}", 0.087, 0.10, 11))
        lines.append(PageLine(page, "Brödtext mitt på sidan", 0.5, 0.515, 11))
        lines.append(PageLine(page, f"Sida {page} av 4", 0.95, 0.965, 9))
        if page != 2:
            lines.append(PageLine(page, "Stockholms stad", 0.97, 0.985, 9))
    result = running_lines(lines, 4, body_size=11)
    texts = {(lines[i].text, where) for i, where in result.items()}
    assert ("Årsrapport 2025", "header") in texts
    assert ("Stockholms stad", "footer") in texts  # on 3 of 4 pages
    assert ("Sida 3 av 4", "footer") in texts
    # body lines that start high on the page form no band (no gap before the body)
    assert not any(t.startswith(("Kapitel", "Rad två", "Brödtext")) for t, _ in texts)


def test_a_single_page_has_no_running_lines_but_page_numbers() -> None:
    lines = [PageLine(1, "Stockholms stad", 0.02, 0.03), PageLine(1, "1", 0.97, 0.98)]
    assert running_lines(lines, 1) == {1: "footer"}
