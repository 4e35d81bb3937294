"""Rules and packs as loaded from YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kommlint.document import Part, Severity

PACK_PREFIXES: dict[str, str] = {
    "core": "KOM",
    "sender": "SND",
    "logo": "LOGO",
    "klarsprak": "KLR",
    "inclusive": "INK",
    "political": "POL",
    "hygiene": "HYG",
    "accessibility": "TGL",
}

# Text parts that text rules look at unless a rule names its own.
DEFAULT_TEXT_PARTS: tuple[Part, ...] = (
    Part.BODY,
    Part.HEADER,
    Part.FOOTER,
    Part.TABLE,
    Part.CAPTION,
    Part.OCR,
)


@dataclass
class Rule:
    id: str
    name: str
    pack: str
    severity: Severity
    kind: str
    message: str
    message_en: str
    rationale: str
    summary: str
    summary_en: str
    rationale_en: str = ""
    source: str = ""
    examples_bad: list[Any] = field(default_factory=list)
    examples_good: list[Any] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    parts: tuple[Part, ...] = DEFAULT_TEXT_PARTS
    # The kind's own fields, compiled by the kind (terms, patterns, metric, check, ...).
    spec: dict[str, Any] = field(default_factory=dict)
    compiled: Any = None
    pack_file: Path | None = None
    line: int | None = None

    def text(self, lang: str, sv: str, en: str) -> str:
        return en if lang == "en" and en else sv

    def describe(self, lang: str = "sv") -> str:
        return self.text(lang, self.summary, self.summary_en)


@dataclass
class Pack:
    name: str
    prefix: str
    version: int
    title: str
    title_en: str
    description: str
    path: Path
    rules: list[Rule] = field(default_factory=list)
