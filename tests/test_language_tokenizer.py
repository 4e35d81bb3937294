"""Tokenizer: Swedish abbreviations stay whole; numbers, times and phone numbers too."""

from __future__ import annotations

import pytest

from kommlint.language import get_analyzer


def words(text: str) -> list[str]:
    return [t.text for t in get_analyzer().analyse(text, tag=False).tokens]


@pytest.mark.parametrize(
    "abbr",
    ["t.ex.", "bl.a.", "m.m.", "s.k.", "fr.o.m.", "t.o.m.", "kl.", "nr.", "ca.", "dnr.",
     "resp.", "dvs.", "p.g.a.", "m.fl.", "inkl.", "T.ex.", "Fr.o.m.", "Bl.a."],
)  # fmt: skip
def test_abbreviation_is_one_token(abbr: str) -> None:
    assert abbr in words(f"Vi har {abbr} något att säga om detta.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S:t Eriksgatan 5", ["S:t", "Eriksgatan", "5"]),
        ("FN:s och EU:s mål", ["FN:s", "och", "EU:s", "mål"]),
        ("kl. 13.00", ["kl.", "13.00"]),
        ("ring 08-508 29 365", ["ring", "08-508", "29", "365"]),
        ("nr 5 och ca 30 st", ["nr", "5", "och", "ca", "30", "st"]),
        ("dnr 123/2024", ["dnr", "123/2024"]),
        ("den 3 maj 2024", ["den", "3", "maj", "2024"]),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_sentence_final_full_stop_is_split_off() -> None:
    assert words("Mötet börjar kl. 13.00.")[-2:] == ["13.00", "."]
