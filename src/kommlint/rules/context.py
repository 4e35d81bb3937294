"""What a rule sees while it runs: the document, its annotations, and finding builders."""

from __future__ import annotations

from typing import Any

from kommlint.document import Block, Document, Finding, Location, Part, Severity
from kommlint.language import BlockAnalysis, DocumentLanguage
from kommlint.rules.model import Rule


class _Blank(dict):
    """Leaves unknown placeholders visible instead of raising, so a message never crashes."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class RuleContext:
    def __init__(
        self,
        rule: Rule,
        document: Document,
        language: DocumentLanguage,
        lang: str = "sv",
        options: dict[str, Any] | None = None,
    ) -> None:
        self.rule = rule
        self.document = document
        self.language = language
        self.lang = lang
        self.options = {**rule.options, **(options or {})}

    def blocks(self, *parts: Part) -> list[Block]:
        """Text blocks in the given parts, by default the parts the rule looks at."""
        return self.document.text_blocks(*(parts or self.rule.parts))

    def analysis(self, block: Block, tag: bool = True) -> BlockAnalysis:
        """The block's sentences and tokens. tag=False is the cheaper analysis without
        part of speech and morphology, for rules that match words and count them; a
        block analysed untagged is re-analysed once if a later rule asks for tags. The
        first miss analyses the rule's other blocks with it, in one batch."""
        return self.language.block(block, tag=tag, batch=self.blocks)

    def text(self, sv: str, en: str | None = None) -> str:
        return en if self.lang == "en" and en else sv

    def message(self, template: str | None = None, template_en: str | None = None, **values):
        if template is None:
            template, template_en = self.rule.message, self.rule.message_en
        chosen = self.text(template, template_en)
        text = chosen.format_map(_Blank({k: "" if v is None else v for k, v in values.items()}))
        # An empty placeholder ("{note}") must not leave stray spaces behind.
        return " ".join(text.split())

    def finding(
        self,
        block: Block,
        start: int | None,
        end: int | None,
        *,
        suggestion: str | None = None,
        severity: Severity | str | None = None,
        message: str | None = None,
        with_context: bool = True,
        **values: Any,
    ) -> Finding:
        """A finding on a span of a block's text; the sentence around it becomes the context."""
        match = block.text[start:end] if start is not None and end is not None else None
        context = context_start = None
        if with_context and start is not None:
            sentence = self.analysis(block, tag=False).sentence_at(start)
            if sentence is not None:
                context, context_start = sentence.text(block.text), sentence.start
        values.setdefault("match", match)
        values.setdefault("suggestion", suggestion)
        return Finding(
            rule=self.rule.id,
            pack=self.rule.pack,
            severity=Severity(severity) if severity else self.rule.severity,
            message=message if message is not None else self.message(**values),
            location=block.location(start, end),
            match=match,
            suggestion=suggestion,
            context=context,
            context_start=context_start,
        )

    def document_finding(
        self,
        *,
        severity: Severity | str | None = None,
        message: str | None = None,
        location: Location | None = None,
        suggestion: str | None = None,
        **values: Any,
    ) -> Finding:
        """A finding about the document as a whole (no sender, no logo, ...)."""
        return Finding(
            rule=self.rule.id,
            pack=self.rule.pack,
            severity=Severity(severity) if severity else self.rule.severity,
            message=message if message is not None else self.message(**values),
            location=location or Location(Part.DOCUMENT),
            suggestion=suggestion,
        )
