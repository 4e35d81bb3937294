"""Plain text and Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommlint.document import Part
from kommlint.readers import ReadError, read, read_text

MARKDOWN = """---
title: "Nyheter från Stockholms stad"
author: Kommunikationsavdelningen
---

# Välkommen

Det här är **viktig** information om [vår webbplats](https://stockholm.se) och
_nya_ öppettider.

Andra rubriken
--------------

- Ring `08-508 000 00`.
- Skriv till oss
  på stockholm.se.
1. Numrerad punkt

> Ett citat från en invånare.

```
kod som inte ska granskas
```

![Stockholms stads logotyp](logo.png)

| Dag | Tid |
| --- | --- |
"""


def test_plain_text_paragraphs() -> None:
    document = read_text("Första stycket\nmed två rader.\n\n\nAndra stycket.  \n")
    assert [b.text for b in document.blocks] == ["Första stycket\nmed två rader.", "Andra stycket."]
    assert {(b.part, b.kind, b.page) for b in document.blocks} == {(Part.BODY, "paragraph", None)}
    assert [b.index for b in document.blocks] == [0, 1]


def test_markdown_structure(tmp_path: Path) -> None:
    path = tmp_path / "nyheter.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    document = read(path)
    assert document.format == "markdown"
    body = [(b.kind, b.heading_level, b.text) for b in document.blocks if b.part == Part.BODY]
    assert body == [
        ("heading", 1, "Välkommen"),
        (
            "paragraph",
            None,
            "Det här är viktig information om vår webbplats och\nnya öppettider.",
        ),
        ("heading", 2, "Andra rubriken"),
        ("list_item", None, "Ring 08-508 000 00."),
        ("list_item", None, "Skriv till oss på stockholm.se."),
        ("list_item", None, "Numrerad punkt"),
        ("paragraph", None, "Ett citat från en invånare."),
        ("paragraph", None, "Stockholms stads logotyp"),
        ("paragraph", None, "| Dag | Tid |"),
    ]
    assert document.metadata["title"] == "Nyheter från Stockholms stad"
    meta = {b.kind: b.text for b in document.blocks if b.part == Part.METADATA}
    assert meta == {
        "title": "Nyheter från Stockholms stad",
        "author": "Kommunikationsavdelningen",
    }
    assert [b.index for b in document.blocks] == list(range(len(document.blocks)))


def test_encodings_and_empty_files(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffÅsa bor i Älvsjö.".encode())
    assert read(tmp_path / "bom.txt").blocks[0].text == "Åsa bor i Älvsjö."
    (tmp_path / "ansi.txt").write_bytes("Åsa bor i Älvsjö.".encode("cp1252"))
    assert read(tmp_path / "ansi.txt").blocks[0].text == "Åsa bor i Älvsjö."
    (tmp_path / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read(tmp_path / "blank.txt")
    assert caught.value.code == "empty"
