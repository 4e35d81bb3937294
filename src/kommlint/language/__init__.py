"""The Swedish language layer: sentences, tokens, lemmas, part of speech, morphology.

Rules never touch spaCy: they see `BlockAnalysis` objects made of `Sentence`s and
`Token`s, obtained through `DocumentLanguage.block(block)`, which analyses each block once,
lazily, the first time a rule asks for it.

The public surface (stable for the rule engine and the packs):
  Token, Sentence, BlockAnalysis  -- the annotation records
  Analyzer.analyse(text, tag=True) -- analyse one string (tag=False: cheaper, untagged)
  Analyzer.analyse_many(texts)    -- the same for many strings, batched
  get_analyzer()                  -- the shared, lazily-loaded analyzer
  DocumentLanguage                -- the per-document annotation cache
Helpers: grammar.find_passives / find_futures, readability.readability / combine.
See docs/language.md for how the model is made and what each mode fills.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kommlint.language.lemmatizer import IMPERATIVE_MORPH, Lemmatizer, imperative_lemma
from kommlint.language.sentences import split as split_sentences
from kommlint.language.tokenizer import abbreviation_tokens

if TYPE_CHECKING:
    from kommlint.document import Block, Document


MODEL_PATH = Path(__file__).resolve().parent / "model"
# Characters of text the tagger sees per batch (see Analyzer.analyse_many): batches of a few
# thousand characters are fast, and the network's working memory stays ~20 MB.
BATCH_CHARS = 8000
ABBREVIATION_TOKENS = abbreviation_tokens()


_SYMBOLS = frozenset("%§$€£+=<>&#*/°")


def fix_pos(text: str, pos: str) -> str:
    """Deterministic corrections of the tagger: a token without letters or digits is
    punctuation or a symbol (news quotes and dashes unseen in Talbanken were tagged ADV),
    and a word with letters is never punctuation."""
    if not any(c.isalnum() for c in text):
        if pos in ("PUNCT", "SYM"):
            return pos
        return "SYM" if text in _SYMBOLS else "PUNCT"
    if pos == "PUNCT":
        return "X"
    return pos


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
    """Wraps the shipped spaCy pipeline. Loading is deferred until the first text.

    Two modes (fields filled):
      analyse(text)             tokens, sentences, Token.pos/tag/morph from the trained
                                tagger and morphologizer, POS-aware lemmas; tagged=True.
      analyse(text, tag=False)  tokens, sentences, POS-free lemmas (function-word and
                                irregular-verb exceptions + lookup); pos/tag/morph are "";
                                tagged=False. About 10x faster: for rules that only
                                need words, sentences and lemmas (LIX, term lists).
    """

    def __init__(self, model_path: Path | None = None) -> None:
        self._nlp = None
        self._model_path = model_path
        self._lemmatizer: Lemmatizer | None = None

    @property
    def model_path(self) -> Path:
        return self._model_path or MODEL_PATH

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = self._load()
        return self._nlp

    @property
    def lemmatizer(self) -> Lemmatizer:
        if self._lemmatizer is None:
            self._lemmatizer = Lemmatizer(self.model_path / "lemmas.tsv")
        return self._lemmatizer

    def _load(self):
        import spacy

        from kommlint.language.tokenizer import customise_tokenizer

        if (self.model_path / "config.cfg").exists():
            nlp = spacy.load(self.model_path)
        else:  # no trained model (e.g. a source checkout before training): tokens only
            nlp = spacy.blank("sv")
        customise_tokenizer(nlp)
        nlp.max_length = 50_000_000  # blocks are paragraphs, but a plain-text file may be one
        return nlp

    @property
    def can_tag(self) -> bool:
        return "morphologizer" in self.nlp.pipe_names

    def analyse(self, text: str, tag: bool = True) -> BlockAnalysis:
        return self.analyse_many([text], tag=tag)[0]

    def analyse_many(self, texts: Iterable[str], tag: bool = True) -> list[BlockAnalysis]:
        """Analyse several texts at once: the tagger runs on batches of about BATCH_CHARS
        characters (about a third less time than one short block at a time; the network's memory
        grows with the batch, so a long document is never tagged in one go), and each
        spaCy Doc is converted as it comes."""
        return list(self.iter_analyses(texts, tag=tag))

    def iter_analyses(self, texts: Iterable[str], tag: bool = True) -> Iterator[BlockAnalysis]:
        """`analyse_many`, one analysis at a time (a caller that replaces earlier analyses
        never holds two sets)."""
        nlp = self.nlp
        texts = list(texts)
        tag = tag and self.can_tag
        docs = self._tagged(texts) if tag else map(nlp.make_doc, texts)
        for doc, text in zip(docs, texts, strict=True):
            yield self._convert(doc, text, tag)

    def _tagged(self, texts: list[str]) -> Iterator[Any]:
        batch: list[str] = []
        size = 0
        for text in texts:
            if batch and size + len(text) > BATCH_CHARS:
                yield from self.nlp.pipe(batch, batch_size=len(batch))
                batch, size = [], 0
            batch.append(text)
            size += len(text)
        if batch:
            yield from self.nlp.pipe(batch, batch_size=len(batch))

    def _convert(self, doc, text: str, tagged: bool) -> BlockAnalysis:
        lem = self.lemmatizer.lemma
        words = [t for t in doc if not t.is_space]
        starts = split_sentences(
            [t.text for t in words], [t.idx for t in words], text, ABBREVIATION_TOKENS
        )
        sentences: list[Sentence] = []
        for t, is_start in zip(words, starts, strict=True):
            if tagged:
                pos, morph = fix_pos(t.text, t.pos_), str(t.morph)
                token = Token(
                    text=t.text,
                    start=t.idx,
                    end=t.idx + len(t.text),
                    lemma=lem(t.text, pos, morph),
                    pos=pos,
                    tag=t.tag_,
                    morph=morph,
                    is_punct=t.is_punct or pos == "PUNCT",
                )
            else:
                token = Token(
                    text=t.text,
                    start=t.idx,
                    end=t.idx + len(t.text),
                    lemma=lem(t.text),
                    is_punct=t.is_punct,
                )
            if is_start or not sentences:
                sentences.append(Sentence(token.start, token.end, []))
            sentences[-1].tokens.append(token)
            sentences[-1].end = token.end
        if tagged:
            for sentence in sentences:
                _fix_imperative(sentence.tokens)
        return BlockAnalysis(text=text, sentences=sentences, tagged=tagged)


def _fix_imperative(tokens: list[Token]) -> None:
    """Retag a sentence-initial imperative the tagger took for a noun (see
    lemmatizer.imperative_lemma); a list marker ("-", "•", "1.") may come first."""
    i = 0
    while i < len(tokens) - 1 and (tokens[i].is_punct or tokens[i].text.rstrip(".").isdigit()):
        i += 1
    if i + 1 >= len(tokens):
        return
    t, nxt = tokens[i], tokens[i + 1]
    lemma = imperative_lemma(t.text, t.pos, t.morph, nxt.text, nxt.pos)
    if lemma is not None:
        t.pos, t.tag, t.morph, t.lemma = "VERB", "VB|IMP|AKT", IMPERATIVE_MORPH, lemma


@lru_cache(maxsize=1)
def get_analyzer() -> Analyzer:
    return Analyzer()


class DocumentLanguage:
    """Per-document cache: each block is analysed at most once, on first use.

    `block(b, tag=False)` gives the cheap untagged analysis; a later `block(b)` (tagged)
    re-analyses that block once and replaces the cached untagged result. `batch` lets a
    caller that will visit many blocks have them analysed together (spaCy batches them:
    about a third less time than one at a time).
    """

    def __init__(self, document: Document, analyzer: Analyzer | None = None) -> None:
        self.document = document
        self._analyzer = analyzer
        self._cache: dict[int, BlockAnalysis] = {}

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = get_analyzer()
        return self._analyzer

    def block(
        self,
        block: Block,
        tag: bool = True,
        batch: Callable[[], Iterable[Block]] | None = None,
    ) -> BlockAnalysis:
        """The block's analysis. On a miss, the blocks that `batch()` gives and that are
        not analysed yet (the others a rule is about to ask for) are analysed with it."""
        if self._lacks(block, tag):
            others = batch() if batch is not None else ()
            missing = [block] + [
                b for b in others if b.index != block.index and self._lacks(b, tag)
            ]
            texts = [b.text for b in missing]
            for each, analysis in zip(
                missing, self.analyzer.iter_analyses(texts, tag=tag), strict=True
            ):
                self._cache[each.index] = analysis
        return self._cache[block.index]

    def _lacks(self, block: Block, tag: bool) -> bool:
        cached = self._cache.get(block.index)
        return cached is None or (tag and not cached.tagged and self.analyzer.can_tag)

    def readability(self, blocks: Iterable[Block] | None = None, tag: bool = True):
        """Document-level measures (readability.Readability) over `blocks` (default: all
        text blocks), from summed counts; tag=False skips the nominal ratio."""
        from kommlint.language.readability import combine, readability

        chosen = self.document.text_blocks() if blocks is None else blocks
        return combine(readability(self.block(b, tag=tag)) for b in chosen)
