"""`required`: something that must appear somewhere, or in given parts and pages.

Fields:
  any_of:  list of regexes; one match anywhere in the allowed places satisfies the rule
  where:   {parts: [header, footer, body, ...], pages: [first, last] | any}
           (default: any part, any page)
"""

from __future__ import annotations

import re

from kommlint.document import Block, Part
from kommlint.rules.context import RuleContext
from kommlint.rules.model import Rule

fields = {"any_of", "where", "case_sensitive"}
PAGE_WORDS = {"first", "last", "any"}


def compile(rule: Rule):
    patterns = rule.spec.get("any_of")
    if not isinstance(patterns, list) or not patterns:
        raise ValueError("kind required behöver 'any_of': en lista med mönster")
    flags = 0 if rule.spec.get("case_sensitive") else re.IGNORECASE
    regexes = [re.compile(p, flags) for p in patterns]
    where = rule.spec.get("where") or {}
    parts = tuple(Part(p) for p in where.get("parts") or [])
    pages = where.get("pages", "any")
    pages = [pages] if isinstance(pages, str) else list(pages)
    if not set(pages) <= PAGE_WORDS:
        raise ValueError(f"where.pages ska vara first, last eller any, inte {pages!r}")
    return regexes, parts, pages


def in_pages(block: Block, pages: list[str], page_count: int) -> bool:
    if "any" in pages or block.page is None:
        return True
    last = max(page_count, 1)
    return ("first" in pages and block.page == 1) or ("last" in pages and block.page == last)


def run(rule: Rule, ctx: RuleContext):
    regexes, parts, pages = rule.compiled
    page_count = ctx.document.page_count
    for block in ctx.document.text_blocks(*parts):
        if in_pages(block, pages, page_count) and any(r.search(block.text) for r in regexes):
            return
    yield ctx.document_finding()
