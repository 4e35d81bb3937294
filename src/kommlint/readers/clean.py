"""Cleaning shared by the PDF and OCR readers: text from positioned words to clean blocks.

- ligatures are expanded (ﬁ → fi), soft hyphens and zero-width characters dropped,
  odd spaces (no-break, thin, ...) become plain spaces and runs of spaces collapse;
- end-of-line hyphenation is joined ("kommunika-" + "tion" → "kommunikation") while real
  hyphens stay: "08-508", "EU-" + "medel" → "EU-medel", "Stockholms-" + "och" → "Stockholms- och";
- running headers and footers (the same line at the top or bottom of most pages, page
  numbers aside) are told apart from body text (`running_lines`).

Everything works on `Word`s (text + box) so that the cleaned text keeps its word boxes.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from kommlint.document import BBox

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u0132": "IJ",
    "\u0133": "ij",
}
# Dropped outright: soft hyphen, zero-width space/joiners, BOM, pdfium's "\x02" line-end hyphen
# is handled separately (it marks a hyphen at a line end).
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_TRANSLATE = {ord(k): v for k, v in LIGATURES.items()} | _DROP

# Hyphen-like characters that can end a line. "\x02" is what pdfium reports for a hyphen
# it recognised as a line-end hyphenation mark; "\u00ad" is the soft hyphen.
LINE_END_HYPHENS = "-\u2010\u00ad\x02"
# After "Stockholms-" these words mean the hyphen is a real one (a shared compound tail).
_CONJUNCTIONS = {"och", "eller", "samt", "respektive", "resp.", "&"}


def clean_text(text: str) -> str:
    """Expand ligatures, drop soft hyphens and zero-width characters, normalise spaces.

    Line breaks survive (collapsed to single "\\n"); each line is stripped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")
    text = text.translate(_TRANSLATE)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def clean_word(text: str) -> str:
    """`clean_text` for one word: no spaces inside."""
    return _SPACES.sub("", text.translate(_TRANSLATE))


@dataclass(slots=True)
class Word:
    text: str
    bbox: BBox  # x0, y0, x1, y1 with y growing downwards
    size: float = 0.0  # font size (PDF) or line height (OCR), for heading detection
    conf: float = 100.0  # OCR confidence, 100 for a text layer


@dataclass
class Line:
    words: list[Word]

    @cached_property
    def bbox(self) -> BBox:
        return union([w.bbox for w in self.words])

    @cached_property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @cached_property
    def size(self) -> float:
        sizes = sorted(w.size for w in self.words if w.size)
        return sizes[len(sizes) // 2] if sizes else 0.0


def union(boxes: Sequence[BBox]) -> BBox:
    x0s, y0s, x1s, y1s = zip(*boxes, strict=True)
    return (min(x0s), min(y0s), max(x1s), max(y1s))


def _join_kind(left: str, right: str) -> str:
    """How a word ending a line with a hyphen joins the first word of the next line.

    Returns "join" (drop the hyphen, no space), "keep" (keep the hyphen, no space) or
    "space" (keep the hyphen and a space: "Stockholms- och").
    """
    if not left or left[-1] not in LINE_END_HYPHENS:
        return "space"
    stem = left[:-1]
    if not right or not stem:
        return "space"
    if right.lower() in _CONJUNCTIONS:
        return "space"
    last, first = stem[-1], right[0]
    if last.isdigit() or first.isdigit():
        return "keep"  # 08-\n508, 2024-\n2026
    if not last.isalpha() or not first.isalpha():
        return "keep"
    if first.isupper():
        return "keep"  # Stockholms-\nUppsala, e-\nTjänst
    # "EU-medel", "SMS-tjänst", "e-tjänst": a one-letter or all-caps first part
    # is a real hyphen; ordinary words broken over lines are not.
    letters = re.sub(r"[^A-Za-zÅÄÖåäöÉéÜü]", "", stem)
    if letters.isupper() or len(letters) <= 1:
        return "keep"
    return "join"


def assemble(lines: Sequence[Line]) -> tuple[str, list[tuple[int, int, BBox]]]:
    """Join the lines of one paragraph into text with word boxes.

    Words are cleaned (ligatures, soft hyphens, spaces); line-end hyphenation is joined
    against the first word of the next line (see `_join_kind`).
    """
    text = ""
    boxes: list[tuple[int, int, BBox]] = []
    prev_soft = False
    for line in lines:
        words: list[tuple[str, BBox, bool]] = []
        for w in line.words:
            raw = w.text
            soft_end = raw.endswith("\u00ad")
            cleaned = clean_word(raw.replace("\x02", "-"))
            if cleaned:
                words.append((cleaned, w.bbox, soft_end))
        if not words:
            continue
        for i, (word, bbox, soft_end) in enumerate(words):
            if text and i == 0:
                left = text[text.rfind(" ") + 1 :]
                how = "join" if prev_soft else _join_kind(left, word)
                if how == "join":
                    if text.endswith(tuple(LINE_END_HYPHENS)):
                        text = text[:-1]
                        s, _e, b = boxes[-1]
                        boxes[-1] = (s, len(text), b)
                elif how == "space":
                    text += " "
                # "keep": nothing between
            elif text:
                text += " "
            start = len(text)
            text += word
            boxes.append((start, len(text), bbox))
            prev_soft = soft_end and i == len(words) - 1
    return text, boxes


# ------------------------------------------------------------ running lines --

_PAGE_NUMBER = re.compile(
    r"^(?:(?:sida|sid\.?|page|s\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?"
    r"(?:\s*(?:av|of|/)\s*\d{1,4}|\s*\(\d{1,4}\))?$",
    re.IGNORECASE,
)


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def signature(text: str) -> str:
    """A line's identity across pages: case, spaces and numbers (page numbers) ignored."""
    text = re.sub(r"\d+", "#", text.lower())
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class PageLine:
    """A line as seen by running header/footer detection."""

    page: int
    text: str
    top: float  # y0 as a fraction of the page height (0 = top)
    bottom: float  # y1 as a fraction of the page height
    size: float = 0.0  # font size (0 = unknown)


def _bands(lines: Sequence[PageLine], margin: float) -> tuple[list[int], list[int]]:
    """The lines of a page's header band and footer band (positions in `lines`).

    A band is the run of lines from the page edge inwards up to the first clear vertical gap
    (at least 0.8 line heights); it only counts when that gap lies within the `margin`.
    Body text that merely starts high on the page has no such gap and is never a band.
    """

    def band(order: list[int], inward: bool) -> list[int]:
        chosen: list[int] = []
        edge = None  # the band's inner edge so far
        for n in order:
            line = lines[n]
            height = max(line.bottom - line.top, 1e-6)
            if edge is None:
                if (line.top if inward else 1.0 - line.bottom) > margin:
                    return []
                chosen.append(n)
                edge = line.bottom if inward else line.top
                continue
            gap = (line.top - edge) if inward else (edge - line.bottom)
            if gap >= 0.8 * height:
                return chosen  # a clear gap: the band ends here
            if (line.bottom if inward else 1.0 - line.top) > margin:
                return []  # the run goes on past the margin: body text, not a band
            chosen.append(n)
            edge = max(edge, line.bottom) if inward else min(edge, line.top)
        return chosen

    order = sorted(range(len(lines)), key=lambda n: lines[n].top)
    top = band(order, inward=True)
    bottom = band(list(reversed(sorted(order, key=lambda n: lines[n].bottom))), inward=False)
    bottom = [n for n in bottom if n not in top]
    return top, bottom


def running_lines(
    lines: Sequence[PageLine], page_count: int, margin: float = 0.12, body_size: float = 0.0
) -> dict[int, str]:
    """Which lines (by position in `lines`) are running headers or footers.

    A line counts when it sits in the top (header) or bottom (footer) `margin` of its page and
    the same line (numbers aside) sits there on at least half of the pages (at least two), or
    when it is a bare page number ("3", "Sida 3 av 12") in those margins. Lines in larger type
    than the body text (`body_size` x 1.15) are headings, never running lines.
    Returns index -> "header" | "footer".
    """
    zone: dict[int, str] = {}
    by_page: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(i)
    for indexes in by_page.values():
        top_band, bottom_band = _bands([lines[i] for i in indexes], margin)
        for n in top_band:
            zone[indexes[n]] = "header"
        for n in bottom_band:
            zone.setdefault(indexes[n], "footer")
    for i in list(zone):
        if body_size and lines[i].size > 1.15 * body_size:
            del zone[i]
    counts: Counter[tuple[str, str]] = Counter()
    seen: set[tuple[int, str, str]] = set()
    for i, where in zone.items():
        key = (lines[i].page, where, signature(lines[i].text))
        if key not in seen:
            seen.add(key)
            counts[(where, key[2])] += 1
    need = max(2, math.ceil(page_count / 2))
    result: dict[int, str] = {}
    for i, where in zone.items():
        text = lines[i].text
        if (page_count >= 2 and counts[(where, signature(text))] >= need) or is_page_number(text):
            result[i] = where
    return result
