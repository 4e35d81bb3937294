"""The Swedish language layer: sentences, tokens, lemmas, part of speech, morphology.

Rules never touch spaCy: they see `BlockAnalysis` objects made of `Sentence`s and
`Token`s, obtained through `DocumentLanguage.block(block)`, which analyses each block once,
lazily, the first time a rule asks for it.

The public surface (stable for the rule engine and the packs):
  Token, Sentence, BlockAnalysis  -- the annotation records
  Analyzer.analyse(text)          -- analyse one string
  get_analyzer()                  -- the shared, lazily-loaded analyzer
  DocumentLanguage                -- the per-document annotation cache
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kommlint.document import Block, Document


@dataclass(slots=True)
class Token:
    text: str
    start: int  # character offset in the analysed text
    end: int
    lemma: str  # lower-cased lemma
    pos: str = ""  # UPOS ("NOUN", "VERB", "AUX", ...); "" when not tagged
    tag: str = ""  # XPOS (SUC style, e.g. "VB|PRT|SFO"); "" when not tagged
    morph: str = ""  # UD features, "Tense=Past|VerbForm=Fin|Voice=Act"
    is_punct: bool = False
    is_space: bool = False

    @property
    def lower(self) -> str:
        return self.text.lower()

    def feat(self, name: str) -> str | None:
        for pair in self.morph.split("|"):
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return None

    @property
    def is_word(self) -> bool:
        """A word in the LIX sense: any token with a letter or digit."""
        return not self.is_punct and not self.is_space and any(c.isalnum() for c in self.text)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.is_word]


@dataclass(slots=True)
class BlockAnalysis:
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    tagged: bool = False

    @property
    def tokens(self) -> list[Token]:
        return [t for s in self.sentences for t in s.tokens]

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None


class Analyzer:
    """Wraps the spaCy pipeline. Loading is deferred until the first text is analysed."""

    def __init__(self) -> None:
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = self._load()
        return self._nlp

    def _load(self):
        import spacy

        nlp = spacy.blank("sv")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.add_pipe("sentencizer")
        nlp.initialize()
        return nlp

    def analyse(self, text: str) -> BlockAnalysis:
        doc = self.nlp(text)
        sentences = []
        for sent in doc.sents:
            tokens = [
                Token(
                    text=t.text,
                    start=t.idx,
                    end=t.idx + len(t.text),
                    lemma=(t.lemma_ or t.text).lower(),
                    pos=t.pos_,
                    tag=t.tag_,
                    morph=str(t.morph),
                    is_punct=t.is_punct,
                    is_space=t.is_space,
                )
                for t in sent
                if not t.is_space
            ]
            if tokens:
                sentences.append(Sentence(tokens[0].start, tokens[-1].end, tokens))
        return BlockAnalysis(text=text, sentences=sentences, tagged=doc.has_annotation("TAG"))


@lru_cache(maxsize=1)
def get_analyzer() -> Analyzer:
    return Analyzer()


class DocumentLanguage:
    """Per-document cache: each block is analysed at most once, on first use."""

    def __init__(self, document: Document, analyzer: Analyzer | None = None) -> None:
        self.document = document
        self._analyzer = analyzer
        self._cache: dict[int, BlockAnalysis] = {}

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = get_analyzer()
        return self._analyzer

    def block(self, block: Block) -> BlockAnalysis:
        cached = self._cache.get(block.index)
        if cached is None:
            cached = self.analyzer.analyse(block.text)
            self._cache[block.index] = cached
        return cached
