"""The shipped model: loads from the package, tags, lemmatises, stays cheap to import."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kommlint.language import MODEL_PATH, Analyzer, get_analyzer


def test_model_ships_inside_the_package_with_attribution() -> None:
    assert (MODEL_PATH / "config.cfg").exists()
    assert (MODEL_PATH / "lemmas.tsv").exists()
    attribution = (MODEL_PATH / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in attribution and "Talbanken" in attribution
    size = sum(p.stat().st_size for p in MODEL_PATH.rglob("*") if p.is_file())
    assert size < 8_000_000


def test_model_loads_and_tags() -> None:
    analysis = get_analyzer().analyse("Staden bygger nya förskolor.")
    assert analysis.tagged
    assert [t.pos for t in analysis.tokens] == ["NOUN", "VERB", "ADJ", "NOUN", "PUNCT"]
    assert analysis.tokens[1].feat("Tense") == "Pres"
    assert get_analyzer().nlp.meta["license"] == "CC BY-SA 4.0"


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Han erhöll ett svar.", "erhöll", "erhålla"),
        ("Åtgärderna har vidtagits.", "Åtgärderna", "åtgärd"),
        ("Beslutet är fattat.", "Beslutet", "beslut"),
        ("Den 3 maj gick vi in i huset.", "Den", "den"),
        ("Den 3 maj gick vi in i huset.", "in", "in"),
        ("Den 3 maj gick vi in i huset.", "maj", "maj"),
        ("Den 3 maj gick vi in i huset.", "gick", "gå"),
        ("Vi har fått många ansökningar.", "fått", "få"),
        ("Vi har fått många ansökningar.", "ansökningar", "ansökning"),
        ("Staden erhåller bidrag.", "erhåller", "erhålla"),
        ("Bidraget erhålls av staden.", "erhålls", "erhålla"),
        ("Det finns plats.", "finns", "finnas"),
        ("Ansökan skickades i går.", "skickades", "skicka"),
    ],
)
def test_lemmas(text: str, word: str, lemma: str) -> None:
    tokens = {t.text: t for t in get_analyzer().analyse(text).tokens}
    assert tokens[word].lemma == lemma


def test_untagged_mode() -> None:
    analysis = get_analyzer().analyse("Han erhöll den i maj. Vi ses.", tag=False)
    assert not analysis.tagged
    assert len(analysis.sentences) == 2
    tokens = analysis.tokens
    assert all(t.pos == "" and t.morph == "" for t in tokens)
    assert [t.lemma for t in tokens[:5]] == ["han", "erhålla", "den", "i", "maj"]


def test_analyse_many_matches_analyse() -> None:
    an = get_analyzer()
    texts = ["Vi ses i morgon.", "Ansökan skickas in."]
    assert [a.tokens for a in an.analyse_many(texts)] == [an.analyse(t).tokens for t in texts]


def test_missing_model_falls_back_to_tokens_only(tmp_path) -> None:
    analysis = Analyzer(model_path=tmp_path).analyse("Vi ses. Hej då.")
    assert not analysis.tagged and len(analysis.sentences) == 2


def test_import_is_cheap() -> None:
    code = (
        "import sys, kommlint.language, kommlint.language.grammar, kommlint.language.readability;"
    )
    code += "print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_document_language_caches_and_upgrades() -> None:
    from kommlint.document import Block, Document
    from kommlint.language import DocumentLanguage

    doc = Document(
        path="x.txt",
        format="text",
        blocks=[
            Block(index=0, text="Barnen leker i parken. De har roligt."),
            Block(index=1, text="Stadsbyggnadskontoret handlägger ansökningar om bygglov."),
        ],
    )
    lang = DocumentLanguage(doc)
    cheap = lang.block(doc.blocks[0], tag=False)
    assert not cheap.tagged
    assert lang.block(doc.blocks[0], tag=False) is cheap  # cached
    full = lang.block(doc.blocks[0])
    assert full.tagged and lang.block(doc.blocks[0]) is full
    assert lang.block(doc.blocks[0], tag=False) is full  # a tagged result serves both
    r = lang.readability(tag=False)
    assert (r.words, r.sentences, r.long_words) == (12, 3, 4)


def test_document_language_analyses_a_batch_on_a_miss() -> None:
    from kommlint.document import Block, Document
    from kommlint.language import DocumentLanguage, get_analyzer

    texts = ["Barnen leker i parken.", "Ansökan skickas in.", "Vi svarar inom en vecka."]
    doc = Document(
        path="x.txt", format="text", blocks=[Block(index=i, text=t) for i, t in enumerate(texts)]
    )
    calls: list[tuple[list[str], bool]] = []

    class Counting:
        can_tag = True

        def iter_analyses(self, many, tag=True):
            calls.append((list(many), tag))
            return get_analyzer().iter_analyses(many, tag=tag)

    lang = DocumentLanguage(doc, Counting())
    untagged = lang.block(doc.blocks[1], tag=False, batch=lambda: doc.blocks)
    assert calls == [([texts[1], texts[0], texts[2]], False)] and not untagged.tagged
    for block in doc.blocks:  # every block of the batch is served from the cache
        assert lang.block(block, tag=False, batch=lambda: doc.blocks).text == block.text
    assert len(calls) == 1
    # a rule that needs tags re-analyses the batch once, tagged
    tagged = lang.block(doc.blocks[0], batch=lambda: doc.blocks)
    assert calls[1] == (texts, True) and tagged.tagged
    assert all(lang.block(b).tagged for b in doc.blocks) and len(calls) == 2
    # without a batch only the block itself is analysed
    other = Document(path="y.txt", format="text", blocks=doc.blocks)
    DocumentLanguage(other, Counting()).block(doc.blocks[2])
    assert calls[2] == ([texts[2]], True)


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Ring 08-508 29 365 om du har frågor.", "ringa"),
        ("Ring oss.", "ringa"),
        ("Glöm inte att anmäla dig.", "glömma"),
        ("Ansök senast den 3 maj.", "ansöka"),
        ("- Besök oss på Medborgarplatsen.", "besöka"),
    ],
)
def test_sentence_initial_imperatives(text: str, lemma: str) -> None:
    token = next(t for t in get_analyzer().analyse(text).tokens if not t.is_punct)
    assert (token.pos, token.lemma) == ("VERB", lemma)


@pytest.mark.parametrize("text", ["Kontakt med förskolan", "År 1970 var det kallt.", "Del 2"])
def test_noun_headings_stay_nouns(text: str) -> None:
    assert get_analyzer().analyse(text).tokens[0].pos == "NOUN"
