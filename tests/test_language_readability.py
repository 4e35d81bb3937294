"""LIX, OVIX, nominal ratio and sentence measures against hand-counted texts."""

from __future__ import annotations

import math

import pytest

from kommlint.language import BlockAnalysis, Sentence, Token, get_analyzer
from kommlint.language.readability import Readability, combine, letters, lix_label, readability


def measure(text: str) -> Readability:
    return readability(get_analyzer().analyse(text, tag=False))


def test_short_words_only() -> None:
    # Barnen leker i parken | De har roligt: 7 words, 2 sentences, no word > 6 letters
    r = measure("Barnen leker i parken. De har roligt.")
    assert (r.words, r.sentences, r.long_words) == (7, 2, 0)
    assert r.lix == pytest.approx(3.5)


def test_long_words() -> None:
    # Stadsbyggnadskontoret(21) handlägger(10) ansökningar(11) om bygglov(7) |
    # Handläggningstiden(18) är ungefär(7) tio veckor(6): 10 words, 2 sentences, 6 long
    r = measure(
        "Stadsbyggnadskontoret handlägger ansökningar om bygglov. "
        "Handläggningstiden är ungefär tio veckor."
    )
    assert (r.words, r.sentences, r.long_words) == (10, 2, 6)
    assert r.lix == pytest.approx(10 / 2 + 100 * 6 / 10)  # 65.0
    assert lix_label(r.lix) == "Mycket svår"


def test_abbreviations_times_and_numbers() -> None:
    # Mötet börjar kl. 13.00 i sal 2 | Ta med t.ex. legitimation
    # numbers are words, "kl." and "t.ex." are words with 2 and 3 letters, and their
    # full stops do not end sentences: 11 words, 2 sentences, 1 long (legitimation)
    r = measure("Mötet börjar kl. 13.00 i sal 2. Ta med t.ex. legitimation.")
    assert (r.words, r.sentences, r.long_words) == (11, 2, 1)
    assert r.lix == pytest.approx(11 / 2 + 100 / 11)


def test_heading_without_full_stop_and_url() -> None:
    # the URL is not a word; a block without final punctuation is one sentence
    r = measure("Läs mer på stockholm.se/bygglov om EU:s regler")
    assert (r.words, r.sentences, r.long_words) == (6, 1, 0)
    assert r.lix == pytest.approx(6.0)


def test_document_is_summed_counts_not_mean() -> None:
    a = measure("Barnen leker i parken. De har roligt.")
    b = measure(
        "Stadsbyggnadskontoret handlägger ansökningar om bygglov. "
        "Handläggningstiden är ungefär tio veckor."
    )
    doc = combine([a, b])
    assert (doc.words, doc.sentences, doc.long_words) == (17, 4, 6)
    assert doc.lix == pytest.approx(17 / 4 + 100 * 6 / 17)


def test_letters_count_only_letters() -> None:
    assert letters("t.ex.") == 3
    assert letters("EU:s") == 3
    assert letters("hbtq-person") == 10
    assert letters("2024-05-03") == 0


def test_ovix() -> None:
    r = measure("Vi ses. Vi hörs.")  # N = 4, U = 3
    assert r.ovix == pytest.approx(math.log(4) / math.log(2 - math.log(3) / math.log(4)))
    assert measure("Barnen leker i parken.").ovix is None  # every word unique
    assert measure("").lix is None


def test_sentence_length_measures() -> None:
    long = "Ord " + " ".join(["ord"] * 29) + "."
    r = measure(f"Kort mening här. {long}")
    assert r.sentences == 2
    assert r.mean_sentence_length == pytest.approx(33 / 2)
    assert r.long_sentence_share == pytest.approx(0.5)


def _tok(text: str, pos: str, morph: str = "") -> Token:
    return Token(text, 0, len(text), text.lower(), pos=pos, morph=morph, is_punct=pos == "PUNCT")


def test_nominal_ratio_counts() -> None:
    # (NOUN + ADP + participle) / (PRON + ADV + VERB): (2 + 1 + 1) / (1 + 1 + 2) = 1.0
    tokens = [
        _tok("Vi", "PRON"),
        _tok("har", "AUX", "VerbForm=Fin"),
        _tok("gärna", "ADV"),
        _tok("läst", "VERB", "VerbForm=Sup"),
        _tok("beslutade", "ADJ", "VerbForm=Part"),
        _tok("planer", "NOUN"),
        _tok("om", "ADP"),
        _tok("parken", "NOUN"),
        _tok(".", "PUNCT"),
    ]
    analysis = BlockAnalysis("x", [Sentence(0, 1, tokens)], tagged=True)
    assert readability(analysis).nominal_ratio == pytest.approx(1.0)
    untagged = BlockAnalysis("x", [Sentence(0, 1, tokens)], tagged=False)
    assert readability(untagged).nominal_ratio is None
