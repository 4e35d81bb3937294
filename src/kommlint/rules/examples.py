"""Turn a rule's bad/good examples into Documents and run the rule on them.

Examples are text (a string: paragraphs split on blank lines), a file next to the pack
(`{file: assets/x.png}`), or explicit blocks for where text sits
(`{blocks: [{text: ..., part: footer, page: 1}], metadata: {title: ...}, pages: 2}`).
The test-suite runs every example of every pack through `run_example`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kommlint.document import Block, Document, Finding, Page, Part
from kommlint.rules.model import Rule


def document_for_example(example: Any, pack_dir: Path) -> Document:
    from kommlint.readers import read, read_text

    if isinstance(example, str):
        return read_text(example, "<exempel>")
    if not isinstance(example, dict):
        raise ValueError(f"okänt exempel: {example!r}")
    if "file" in example:
        return read(pack_dir / example["file"])
    if "text" in example:
        document = read_text(str(example["text"]), "<exempel>")
    else:
        document = Document(path="<exempel>", format=example.get("format", "text"))
        for raw in example.get("blocks", []):
            document.blocks.append(
                Block(
                    index=len(document.blocks),
                    text=str(raw["text"]),
                    part=Part(raw.get("part", "body")),
                    page=raw.get("page"),
                    kind=raw.get("kind", "paragraph"),
                )
            )
    for key, value in (example.get("metadata") or {}).items():
        document.metadata[key] = str(value)
        document.blocks.append(Block(len(document.blocks), str(value), Part.METADATA, kind=key))
    pages = int(example.get("pages", 0))
    document.pages = [Page(n, 595.0, 842.0) for n in range(1, pages + 1)]
    return document


def run_example(rule: Rule, example: Any, lang: str = "sv") -> list[Finding]:
    from kommlint.rules.engine import run_rules

    pack_dir = rule.pack_file.parent if rule.pack_file else Path.cwd()
    document = document_for_example(example, pack_dir)
    document.number_blocks()
    return run_rules(document, [rule], lang=lang)
