"""Inflecting a replacement like the matched word (kommlint.language.inflect)."""

from __future__ import annotations

import pytest

from kommlint.language import Token
from kommlint.language.inflect import (
    adjective_forms,
    inflect_like,
    noun_forms,
    verb_forms,
)


def tok(text: str, lemma: str = "", pos: str = "", morph: str = "") -> Token:
    return Token(text, 0, len(text), (lemma or text).lower(), pos=pos, morph=morph)


@pytest.mark.parametrize(
    "surface, term, replacement, expected",
    [
        # untagged: the slot comes from the term's own paradigm
        ("erhöll", "erhålla", "få", "fick"),
        ("erhållit", "erhålla", "få", "fått"),
        ("erhåller", "erhålla", "få", "får"),
        ("erhålls", "erhålla", "få", "fås"),
        ("tillhandahålls", "tillhandahålla", "ge", "ges"),
        ("tillhandahöll", "tillhandahålla", "ge", "gav"),
        ("översände", "översända", "skicka", "skickade"),
        ("översänt", "översända", "skicka", "skickat"),
        ("nyttjade", "nyttja", "använda", "använde"),
        ("nyttjas", "nyttja", "använda", "används"),
        ("beaktade", "beakta", "ta hänsyn till", "tog hänsyn till"),
        ("avgav", "avge", "lämna", "lämnade"),
        ("inkom", "inkomma", "komma in", "kom in"),
        ("föreligger", "föreligga", "finnas", "finns"),
        ("åligger", "åligga", "vara skyldig", "är skyldig"),
        ("erfordrades", "erfordra", "kräva", "krävdes"),
        ("handhar", "handha", "sköta", "sköter"),
        ("vidtog", "vidta", "åtgärda", "åtgärdade"),
        ("vidtagit", "vidta", "åtgärda", "åtgärdat"),
    ],
)
def test_verbs_untagged(surface, term, replacement, expected):
    assert inflect_like(replacement, (term,), [tok(surface, term)]) == expected


def test_tagged_morphology_decides_ambiguous_forms():
    # first conjugation: "beakta" is infinitive or imperative; the tagger says which
    infinitive = tok("beakta", "beakta", "VERB", "VerbForm=Inf|Voice=Act")
    imperative = tok("Beakta", "beakta", "VERB", "Mood=Imp|VerbForm=Fin|Voice=Act")
    assert inflect_like("behöva", ("beakta",), [infinitive]) == "behöva"
    assert inflect_like("behöva", ("beakta",), [imperative]) == "behöv"
    # "erfordras": infinitive or present passive
    present = tok("erfordras", "erfordra", "VERB", "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Pass")
    infinitive = tok("erfordras", "erfordra", "VERB", "VerbForm=Inf|Voice=Pass")
    assert inflect_like("kräva", ("erfordra",), [present]) == "krävs"
    assert inflect_like("kräva", ("erfordra",), [infinitive]) == "krävas"


def test_multiword_term_takes_the_form_of_its_verb():
    tokens = [tok("vidtog", "vidta"), tok("åtgärder", "åtgärd")]
    assert inflect_like("åtgärda", ("vidta", "åtgärd"), tokens) == "åtgärdade"
    tokens = [tok("utredning"), tok("genomföras", "genomföra")]
    assert inflect_like("utreda", ("utredning", "genomföra"), tokens) == "utredas"


@pytest.mark.parametrize(
    "surface, term, replacement, expected",
    [
        ("dröjsmålet", "dröjsmål", "försening", "förseningen"),
        ("anhållan", "anhållan", "begäran", "begäran"),
        ("erforderligt", "erforderlig", "nödvändig", "nödvändigt"),
        ("erforderliga", "erforderlig", "nödvändig", "nödvändiga"),
        ("dylika", "dylik", "sådan", "sådana"),
        ("dylikt", "dylik", "sådan", "sådant"),
    ],
)
def test_nouns_and_adjectives(surface, term, replacement, expected):
    assert inflect_like(replacement, (term,), [tok(surface, term)]) == expected


def test_tagged_noun_number_and_definiteness():
    token = tok("underrättelserna", "underrättelse", "NOUN", "Definite=Def|Number=Plur")
    assert inflect_like("meddelande", ("underrättelse",), [token]) == "meddelandena"


def test_unknown_slot_gives_the_replacement_as_written():
    participle = tok("erhållna", "erhålla", "ADJ", "Definite=Def|Number=Plur|VerbForm=Part")
    assert inflect_like("få", ("erhålla",), [participle]) == "få"
    assert inflect_like("om", ("beträffande",), [tok("beträffande")]) == "om"
    assert inflect_like("", ("x",), [tok("x")]) == ""


@pytest.mark.parametrize(
    "verb, present, past, supine, present_passive",
    [
        ("skicka", "skickar", "skickade", "skickat", "skickas"),
        ("ge", "ger", "gav", "gett", "ges"),
        ("göra", "gör", "gjorde", "gjort", "görs"),
        ("få", "får", "fick", "fått", "fås"),
        ("använda", "använder", "använde", "använt", "används"),
        ("läsa", "läser", "läste", "läst", "läses"),
        ("bestämma", "bestämmer", "bestämde", "bestämt", "bestäms"),
        ("köra", "kör", "körde", "kört", "körs"),
        ("erhålla", "erhåller", "erhöll", "erhållit", "erhålls"),
        ("tillhandahålla", "tillhandahåller", "tillhandahöll", "tillhandahållit", "tillhandahålls"),
        ("beakta", "beaktar", "beaktade", "beaktat", "beaktas"),
    ],
)
def test_verb_paradigms(verb, present, past, supine, present_passive):
    forms = verb_forms(verb)
    assert (forms["pres"], forms["past"], forms["sup"], forms["pres_pass"]) == (
        present,
        past,
        supine,
        present_passive,
    )
    assert forms["past_pass"] == past + "s"


def test_noun_and_adjective_paradigms():
    assert noun_forms("försening")["pl_def"] == "förseningarna"
    assert noun_forms("ansökan")["pl"] == "ansökningar"
    assert noun_forms("möte")["sg_def"] == "mötet"
    assert adjective_forms("lämplig") == {"base": "lämplig", "neut": "lämpligt", "plur": "lämpliga"}
    assert adjective_forms("tidigare")["neut"] == "tidigare"
