"""Rule-based sentence splitting tuned for municipal Swedish.

Why rules and not a trained sentence model: the treebanks have almost no headings, list
items, table cells, dates, times or phone numbers, which is exactly where municipal text
differs from novels and news. The rules (measured on Talbanken and PUD by
benchmarks/language_accuracy.py):

* A sentence ends after ".", "!", "?", "…" (with any closing quotes/brackets) when the
  next token starts with an upper-case letter, a digit, a quote, a dash or a bullet.
  A lower-case continuation never starts a sentence.
* Full stops inside abbreviations are not ends: "t.ex.", "bl.a.", "kl.", "nr.", "ca.",
  "fr.o.m.", ... are single tokens (tokenizer.py). Abbreviations that often close a
  sentence ("m.m.", "osv.", "etc.", "kr.", "st.") end one only before an upper-case word.
* Single capital letters with a full stop are initials ("A. Andersson"), not ends.
* ":" ends a sentence when followed by whitespace and an upper-case word or a quote
  ("löd: 'Du skall ...'"), or by a line break (a lead-in to a list). "kl. 10:00",
  "S:t", "FN:s" have no whitespace after the colon and never split.
* Numbers keep their punctuation inside one token ("13.00", "3.5", "08-508"), so times,
  decimals and phone numbers never split; "den 3 maj 2024" has no full stop at all.
* Line breaks: a blank line always ends a sentence; a single line break ends one when
  the next line starts with a list marker (•, -, –, *, "1.", "a)") or an upper-case
  letter after a line without end punctuation that looks like a heading or list item,
  or when the previous line ends with end punctuation. Otherwise a single line break is a
  wrapped line (PDF) and the sentence goes on.
* The end of the text (block) always ends a sentence, so headings, list items and table
  cells without a full stop are sentences of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

ENDERS = frozenset({".", "!", "?", "…", "...", "!?", "?!", "..", "!!", "??"})
CLOSERS = frozenset({'"', "'", "”", "’", "»", ")", "]", "}"})
OPENERS = frozenset({'"', "'", "”", "“", "»", "«", "(", "[", "–", "—", "-", "•", "*", "·"})
# Abbreviations that may close a sentence (then the next word is upper-case).
FINAL_ABBREVIATIONS = frozenset(
    {"m.m.", "osv.", "o.s.v.", "etc.", "kr.", "st.", "m.fl.", "e.d.", "o.d.", "ggr.", "s."}
)
# Paragraph/page separators some readers leave inside a block: always a sentence end.
# Line separators (Word's shift-enter is \x0b) act as line breaks.
HARD_BREAKS = frozenset("\u2029\x0c")
_SOFT_BREAKS = {0x2028: "\n", 0x0B: "\n", 0x0D: "\n"}
LIST_MARKER = re.compile(r"^\s*(?:[•\-–—*·▪◦]|\d{1,2}[.)]|[a-zA-Z][.)])\s")


def _starts_sentence_like(text: str) -> bool:
    c = text[:1]
    return c.isupper() or c.isdigit() or text in OPENERS or c in OPENERS


def split(
    words: Sequence[str], offsets: Sequence[int], text: str, abbreviations: frozenset[str]
) -> list[bool]:
    """Return, for each token, whether it starts a sentence.

    `words` are the token texts (no whitespace tokens), `offsets` their character
    offsets in `text`, `abbreviations` the token texts (lower-case) that end in a full stop
    but are abbreviations.
    """
    n = len(words)
    starts = [False] * n
    if n == 0:
        return starts
    starts[0] = True
    for i in range(1, n):
        prev, cur = words[i - 1], words[i]
        gap = text[offsets[i - 1] + len(prev) : offsets[i]]
        gap = gap.translate(_SOFT_BREAKS)
        if "\n" in gap and _line_break_ends(words, offsets, text, i, gap):
            starts[i] = True
            continue
        if any(c in gap for c in HARD_BREAKS):
            starts[i] = True
            continue
        if cur in CLOSERS and gap == "":
            continue  # a quote or bracket glued to the previous token closes, not opens
        # find the last non-closer token before i (skip closing quotes/brackets)
        j = i - 1
        while j > 0 and words[j] in CLOSERS:
            j -= 1
        if j < i - 1 and gap == "" and not _starts_sentence_like(cur):
            continue
        end = words[j]
        low = end.lower()
        if end in ENDERS:
            if j > 0 and _is_initial(words[j - 1], end, offsets, j, text):
                continue
            if j > 0 and end == "." and _is_list_number(words, offsets, text, j - 1):
                continue
            if _starts_sentence_like(cur) and (gap or cur in OPENERS):
                starts[i] = True
        elif low in FINAL_ABBREVIATIONS:
            if cur[:1].isupper() and gap:
                starts[i] = True
        elif (
            low.endswith(".")
            and len(low) > 1
            and low not in abbreviations
            and not _is_number_or_initial(end)
            and not low.replace(".", "").isalpha()
        ):
            # a token that swallowed its full stop (URLs "stockholm.se.", "123/2024.")
            if cur[:1].isupper() and gap:
                starts[i] = True
        elif end == ":" and gap and (cur[:1].isupper() or cur in OPENERS) and j == i - 1:
            # "löd: 'Du skall ...'", "Observera: Du måste ..." (Talbanken and the
            # klarspråk counting rules treat this colon as a sentence end)
            starts[i] = True
    return starts


def _is_initial(word: str, ender: str, offsets: Sequence[int], j: int, text: str) -> bool:
    # "A. Andersson": one capital letter glued to its full stop
    return ender == "." and len(word) == 1 and word.isupper() and offsets[j - 1] + 1 == offsets[j]


def _is_list_number(words: Sequence[str], offsets: Sequence[int], text: str, k: int) -> bool:
    # "1. Fyll i blanketten": a short number opening a line (or the block) + full stop
    if not (words[k].isdigit() and len(words[k]) <= 2):
        return False
    if offsets[k] + len(words[k]) != offsets[k + 1]:
        return False
    line_start = text.rfind("\n", 0, offsets[k]) + 1
    return text[line_start : offsets[k]].strip() == ""


def _is_number_or_initial(token: str) -> bool:
    core = token.rstrip(".")
    return core.isdigit() or (len(core) == 1 and core.isupper())


def _line_break_ends(
    words: Sequence[str], offsets: Sequence[int], text: str, i: int, gap: str
) -> bool:
    if gap.count("\n") >= 2 or "\n\n" in gap.replace(" ", "").replace("\t", ""):
        return True
    line_start = offsets[i]
    line_end = text.find("\n", line_start)
    next_line = text[line_start : line_end if line_end >= 0 else len(text)]
    if LIST_MARKER.match(next_line):
        return True
    prev = words[i - 1]
    if prev in ENDERS or prev in (":", ";") or prev.endswith(("!", "?")):
        return True
    if prev.endswith(("-", ",")) or prev in ("-", ",", "och", "eller", "att"):
        return False
    if not words[i][:1].isupper():
        return False
    # the previous line: a heading or list item is short and has no end punctuation
    prev_line_start = text.rfind("\n", 0, offsets[i - 1]) + 1
    prev_line = text[prev_line_start : offsets[i - 1] + len(prev)]
    if LIST_MARKER.match(prev_line):
        return True
    return len(prev_line.split()) <= 8
