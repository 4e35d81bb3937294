"""Checks of the core pack: what kommlint itself could not check."""

from __future__ import annotations

from kommlint.document import Location, Part
from kommlint.rules.context import RuleContext


def notices(ctx: RuleContext):
    """Turn reader notices (text in images not read, ...) into findings."""
    codes = set(ctx.options.get("codes") or [])
    for notice in ctx.document.notices:
        if codes and notice.code not in codes:
            continue
        yield ctx.document_finding(
            message=ctx.text(notice.message, notice.message_en),
            # A notice about one page (a scanned page) points at that page's OCR text.
            location=Location(Part.OCR, page=notice.page)
            if notice.page is not None
            else Location(Part.DOCUMENT),
        )
