"""Sentence splitting on municipal text."""

from __future__ import annotations

import pytest

from kommlint.language import get_analyzer


def sentences(text: str) -> list[str]:
    analysis = get_analyzer().analyse(text, tag=False)
    return [s.text(text) for s in analysis.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vi ses den 3 maj 2024. Välkommen!", ["Vi ses den 3 maj 2024.", "Välkommen!"]),
        (
            "Mötet börjar kl. 13.00. Ring 08-508 29 365 om du har frågor.",
            ["Mötet börjar kl. 13.00.", "Ring 08-508 29 365 om du har frågor."],
        ),
        ("Ta med t.ex. legitimation, bl.a. pass.", ["Ta med t.ex. legitimation, bl.a. pass."]),
        (
            "Det gäller fr.o.m. den 1 juli t.o.m. den 31 december. Sedan upphör det.",
            ["Det gäller fr.o.m. den 1 juli t.o.m. den 31 december.", "Sedan upphör det."],
        ),
        ("Kontakta A. Andersson på S:t Eriksgatan.", ["Kontakta A. Andersson på S:t Eriksgatan."]),
        ("Räntan är 3.5 procent i år.", ["Räntan är 3.5 procent i år."]),
        ("Det kostar 500 kr. Du betalar i kassan.", ["Det kostar 500 kr.", "Du betalar i kassan."]),
        (
            "Vi säljer frukt, bröd m.m. Välkommen in!",
            ["Vi säljer frukt, bröd m.m.", "Välkommen in!"],
        ),
        ("Vad gäller? Läs mer här.", ["Vad gäller?", "Läs mer här."]),
        (
            'Hon sa: "Vi bygger nu." Sedan gick hon.',
            ["Hon sa:", '"Vi bygger nu."', "Sedan gick hon."],
        ),
        (
            "Läs mer på stockholm.se. Där finns allt.",
            ["Läs mer på stockholm.se.", "Där finns allt."],
        ),
        ("Öppettider", ["Öppettider"]),
        ("Öppettider\nMåndag 8-17\nTisdag 8-17", ["Öppettider", "Måndag 8-17", "Tisdag 8-17"]),
        (
            "Ta med:\n- legitimation\n- blanketten\n1. Fyll i\n2. Skicka in",
            ["Ta med:", "- legitimation", "- blanketten", "1. Fyll i", "2. Skicka in"],
        ),
        (
            "Stadsbyggnadskontoret handlägger\nansökan om bygglov inom tio veckor.",
            ["Stadsbyggnadskontoret handlägger\nansökan om bygglov inom tio veckor."],
        ),
        ("Första stycket.\n\nAndra stycket", ["Första stycket.", "Andra stycket"]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_point_into_text() -> None:
    text = "Hej. Vi ses kl. 9.00 i morgon."
    analysis = get_analyzer().analyse(text, tag=False)
    for sent in analysis.sentences:
        for tok in sent.tokens:
            assert text[tok.start : tok.end] == tok.text
