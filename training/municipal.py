"""Synthetic municipal imperatives for training (silver data, a few hundred sentences).

Talbanken is professional prose from the 1970s: it has almost no imperatives, while
municipal web text and letters are full of them ("Ring 08-508 ...", "Ansök senast ...",
"Besök oss ..."). A tagger trained on Talbanken alone calls a sentence-initial unknown
imperative a noun or even punctuation. This script writes sentences made from templates
(an imperative + a typical continuation); the imperative is labelled by hand
(VERB, VB|IMP|AKT, Mood=Imp|VerbForm=Fin|Voice=Act) and the continuation is labelled by
a previously trained model (silver), which tags these ordinary words well.

train.py adds them to the training corpus when a previous model exists.
"""

from __future__ import annotations

import random
from pathlib import Path

# imperative form -> infinitive (lemma)
IMPERATIVES: dict[str, str] = {
    "ring": "ringa",
    "kontakta": "kontakta",
    "läs": "läsa",
    "ansök": "ansöka",
    "lämna": "lämna",
    "fyll": "fylla",
    "skicka": "skicka",
    "glöm": "glömma",
    "tänk": "tänka",
    "boka": "boka",
    "besök": "besöka",
    "anmäl": "anmäla",
    "ta": "ta",
    "mejla": "mejla",
    "skriv": "skriva",
    "välj": "välja",
    "sök": "söka",
    "gå": "gå",
    "klicka": "klicka",
    "logga": "logga",
    "kom": "komma",
    "betala": "betala",
    "spara": "spara",
    "följ": "följa",
    "hämta": "hämta",
    "titta": "titta",
    "ladda": "ladda",
    "ange": "ange",
    "bifoga": "bifoga",
    "kontrollera": "kontrollera",
    "använd": "använda",
    "vänta": "vänta",
    "fråga": "fråga",
    "svara": "svara",
    "delta": "delta",
    "registrera": "registrera",
    "beställ": "beställa",
    "ändra": "ändra",
    "avboka": "avboka",
    "håll": "hålla",
    "visa": "visa",
    "se": "se",
    "kolla": "kolla",
    "tala": "tala",
    "berätta": "berätta",
    "lyssna": "lyssna",
    "sortera": "sortera",
    "släng": "slänga",
    "parkera": "parkera",
    "cykla": "cykla",
}

CONTINUATIONS = (
    "oss på telefon 08-508 00 000 .",
    "mer om förskolan på webbplatsen .",
    "senast den 3 maj 2025 .",
    "ansökan till nämnden .",
    "tid via webben .",
    "inte att ta med legitimation .",
    "på att ansökan ska vara komplett .",
    "blanketten och skicka den till oss .",
    "i formuläret nedan .",
    "till kundtjänst om du har frågor .",
    "in på Mina sidor för att se ditt ärende .",
    "med ditt personnummer .",
    "oss gärna om du vill veta mer .",
    "beslutet noga innan du överklagar .",
    "avgiften innan förfallodagen .",
    "dina kontaktuppgifter i ansökan .",
    "här för att läsa mer .",
    "hit om du behöver hjälp .",
    "en tid hos handläggaren .",
    "det ifyllda formuläret till stadsdelsförvaltningen .",
    "inte att anmäla dig före den 1 juni .",
    "vad som gäller för just din fastighet .",
    "till biblioteket och låna böcker .",
    "på vår webbplats för mer information .",
    "sopor och matavfall i rätt kärl .",
    "med barnen till parken i helgen .",
    "vänligen på gatan utanför .",
    "på knappen nedan .",
    "en kopia av intyget .",
    ", så hjälper vi dig .",
)


# Bare-noun headings, so that a capitalised first word is not always taken for a verb.
HEADINGS = (
    "Ansökan om bygglov",
    "Avgifter och taxor",
    "Kontakt",
    "Öppettider i sommar",
    "Beslut om bistånd",
    "Besök och leveranser",
    "Ring oss",
    "Information till vårdnadshavare",
    "Bygglov för altan",
    "Parkering vid skolan",
    "Förskola och skola",
    "Lediga jobb",
    "Anmälan om flytt",
    "Kö till förskolan",
    "Sophämtning och återvinning",
    "Stöd till föreningar",
    "Ekonomiskt bistånd",
    "Synpunkter och klagomål",
    "Trafik och gator",
    "Val till riksdagen 2026",
)


def sentences(seed: int = 13, per_verb: int = 6) -> list[tuple[list[str], str, str]]:
    """(words, imperative, lemma) triples; the imperative is always the first word."""
    rng = random.Random(seed)
    out = []
    for imp, lemma in IMPERATIVES.items():
        for cont in rng.sample(CONTINUATIONS, per_verb):
            words = [imp.capitalize(), *cont.split()]
            out.append((words, imp, lemma))
    return out


def docs(nlp_silver, vocab):
    """spaCy Docs with the imperative labelled by hand and the rest by `nlp_silver`."""
    from spacy.tokens import Doc

    result = []
    for heading in HEADINGS:
        words = heading.split()
        silver = nlp_silver(Doc(nlp_silver.vocab, words=words))
        result.append(
            Doc(
                vocab,
                words=words,
                tags=[t.tag_ for t in silver],
                pos=[t.pos_ for t in silver],
                morphs=[str(t.morph) for t in silver],
                lemmas=[t.text.lower() for t in silver],
                sent_starts=[i == 0 for i in range(len(words))],
            )
        )
    for words, _, lemma in sentences():
        silver = nlp_silver(Doc(nlp_silver.vocab, words=words))
        tags = [t.tag_ for t in silver]
        pos = [t.pos_ for t in silver]
        morphs = [str(t.morph) for t in silver]
        tags[0], pos[0], morphs[0] = "VB|IMP|AKT", "VERB", "Mood=Imp|VerbForm=Fin|Voice=Act"
        lemmas = [t.text.lower() for t in silver]
        lemmas[0] = lemma
        result.append(
            Doc(
                vocab,
                words=words,
                tags=tags,
                pos=pos,
                morphs=morphs,
                lemmas=lemmas,
                sent_starts=[i == 0 for i in range(len(words))],
            )
        )
    return result


if __name__ == "__main__":
    for words, _, _ in sentences()[:10]:
        print(" ".join(words))
    print(len(sentences()), "sentences;", Path(__file__).name)
