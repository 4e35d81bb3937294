"""Readability measures: LIX, OVIX, nominalkvot, sentence length (klarsprak.md 2-4).

What is counted (the same for every measure):

* word: a token with at least one letter or digit (`Token.is_word`), so numbers count
  ("2024", "13.00" are words; "08-508 29 365" is three words, as it is three tokens),
  punctuation does not, and URLs and e-mail addresses are left out (they are not prose).
  A hyphenated compound ("e-post", "hbtq-person") is one word when the tokenizer keeps it
  as one token (spaCy's Swedish tokenizer does).
* long word: a word with more than six letters; only letters count (Unicode letters:
  å, ä, ö, é, ...), not digits, hyphens, colons or full stops ("t.ex." has 3 letters,
  "EU:s" 3, "2024-05-03" 0).
* sentence: a sentence from the language layer's splitter (sentences.py: ". ! ? …",
  a colon before an upper-case word, line breaks before list items, and the end of every
  block, so a heading or table cell without a full stop is a sentence) that holds at
  least one word. Abbreviations, times, decimals and initials do not end sentences.

LIX = words / sentences + 100 × long words / words (Björnsson 1968).
OVIX = log(N) / log(2 − log(U) / log(N)), N words, U distinct lower-cased word forms.
Nominalkvot = (nouns + prepositions + participles) / (pronouns + adverbs + verbs), on
UD tags (NOUN+PROPN, ADP, VerbForm=Part; PRON, ADV, VERB+AUX); needs a tagged analysis.

Measures are built from counts, so a document's figure is computed from the summed
counts of its blocks (not the mean of block figures). A measure that is undefined
(no words, no sentences, zero denominator) is None.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kommlint.language import BlockAnalysis, Token

LONG_WORD_LETTERS = 6  # a long word has MORE than this many letters
LONG_SENTENCE_WORDS = 25  # klarsprak.md section 4: warn above 25 words


def letters(word: str) -> int:
    return sum(1 for c in word if c.isalpha())


_WEB = re.compile(
    r"^(?:https?://|www\.)|@|^[\w.-]+\.(?:se|nu|com|org|net|eu|gov|info|io)(?:/\S*)?$"
)


def is_counted_word(t: Token) -> bool:
    """A LIX word: a token with a letter or digit that is not a URL or e-mail address."""
    return t.is_word and not _WEB.search(t.lower)


@dataclass
class Readability:
    words: int = 0
    long_words: int = 0
    sentences: int = 0
    long_sentences: int = 0
    types: set[str] = field(default_factory=set)
    nominal: int = 0  # nouns + prepositions + participles
    verbal: int = 0  # pronouns + adverbs + verbs
    tagged: bool = True

    @classmethod
    def of(cls, analysis: BlockAnalysis, long_sentence: int = LONG_SENTENCE_WORDS) -> Readability:
        r = cls(tagged=analysis.tagged)
        for sent in analysis.sentences:
            words = [t for t in sent.tokens if is_counted_word(t)]
            if not words:
                continue
            r.sentences += 1
            r.words += len(words)
            r.long_sentences += len(words) > long_sentence
            for t in words:
                r.long_words += letters(t.text) > LONG_WORD_LETTERS
                r.types.add(t.lower)
                if analysis.tagged:
                    r.nominal += t.pos in ("NOUN", "PROPN", "ADP") or (t.feat("VerbForm") == "Part")
                    r.verbal += t.pos in ("PRON", "ADV") or (
                        t.pos in ("VERB", "AUX") and t.feat("VerbForm") != "Part"
                    )
        return r

    def __add__(self, other: Readability) -> Readability:
        return Readability(
            self.words + other.words,
            self.long_words + other.long_words,
            self.sentences + other.sentences,
            self.long_sentences + other.long_sentences,
            self.types | other.types,
            self.nominal + other.nominal,
            self.verbal + other.verbal,
            self.tagged and other.tagged,
        )

    @property
    def mean_sentence_length(self) -> float | None:
        return self.words / self.sentences if self.sentences else None

    @property
    def long_word_share(self) -> float | None:
        return self.long_words / self.words if self.words else None

    @property
    def long_sentence_share(self) -> float | None:
        return self.long_sentences / self.sentences if self.sentences else None

    @property
    def lix(self) -> float | None:
        if not self.words or not self.sentences:
            return None
        return self.words / self.sentences + 100 * self.long_words / self.words

    @property
    def ovix(self) -> float | None:
        n, u = self.words, len(self.types)
        if n < 2 or u == n:  # undefined for one word, infinite when every word is new
            return None
        return math.log(n) / math.log(2 - math.log(u) / math.log(n))

    @property
    def nominal_ratio(self) -> float | None:
        if not self.tagged or not self.verbal:
            return None
        return self.nominal / self.verbal

    def as_dict(self) -> dict[str, float | int | None]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 2)

        return {
            "words": self.words,
            "sentences": self.sentences,
            "long_words": self.long_words,
            "lix": r(self.lix),
            "ovix": r(self.ovix),
            "nominal_ratio": r(self.nominal_ratio),
            "mean_sentence_length": r(self.mean_sentence_length),
            "long_sentence_share": r(self.long_sentence_share),
        }


def readability(analysis: BlockAnalysis) -> Readability:
    """Measures for one block (paragraph, heading, ...)."""
    return Readability.of(analysis)


def combine(parts: Iterable[Readability]) -> Readability:
    """Measures for a whole document from its blocks' counts."""
    total = Readability()
    for p in parts:
        total = total + p
    return total


def lix_label(lix: float) -> str:
    """Scale B in klarsprak.md 2.3 (lix.se), the recommended default."""
    if lix < 30:
        return "Mycket lättläst"
    if lix < 40:
        return "Lättläst"
    if lix < 50:
        return "Medelsvår"
    if lix < 60:
        return "Svår"
    return "Mycket svår"
