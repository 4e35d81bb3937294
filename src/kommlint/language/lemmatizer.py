"""POS-aware Swedish lemmatizer: hand exceptions + Talbanken table + lookup + suffix rules.

Why not spaCy's plain lookup lemmatizer (spacy-lookups-data)? It ignores the part of
speech and errs on exactly the short, frequent words rules care about ("den"->"en",
"in"->"i", "maj"->"maja", "fick"->"ficka", "har"->"hare"). The order here is:

  1. punctuation, numbers, symbols: the form itself;
  2. hand-written exceptions for function words and irregular verbs (below), keyed by POS;
  3. the (form, UPOS) -> lemma table learned from the Talbanken v2 dev lemmas
     (model/lemmas.tsv, written by training/train.py);
  4. closed classes (ADP, CCONJ, SCONJ, PART, INTJ): the form;
  5. the spacy-lookups-data table, accepted only when the lemma fits the POS
     (a verb lemma must end in a vowel, a noun lemma must not be an infinitive of a verb
     form, ...);
  6. spaCy's Swedish suffix rules for the POS, accepted when they produce a known lemma;
  7. the form itself.

With `pos=""` (the cheap, untagged path) steps 2-3 use POS-free entries only and step 5
accepts the lookup as is (apart from the function-word exceptions).

Lemmas follow the Talbanken conventions (e.g. "det" -> "den", "mer" -> "mycket",
passive "skickades" -> "skicka", deponent "finns" -> "finnas") and are lower-cased.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from kommlint.language.lemmastore import is_known_lemma, lookup
from kommlint.language.lexicon import DEPONENT_FORM_TO_LEMMA

CLOSED = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "INTJ"})
FORM_IS_LEMMA = frozenset({"PUNCT", "SYM", "NUM"})
VOWELS = frozenset("aeiouyåäö")

# Function words: form -> lemma for any POS (Talbanken conventions). Also fixes the plain
# lookup's errors on short words ("den" -> "en", "in" -> "i", "maj" -> "maja").
FUNCTION_WORDS: dict[str, str] = {
    "den": "den",
    "det": "den",
    "de": "de",
    "dom": "de",
    "dem": "de",
    "deras": "de",
    "denna": "denna",
    "detta": "denna",
    "dessa": "denna",
    "denne": "denna",
    "en": "en",
    "ett": "en",
    "jag": "jag",
    "mig": "jag",
    "mej": "jag",
    "min": "jag",
    "mitt": "jag",
    "mina": "jag",
    "du": "du",
    "dig": "du",
    "dej": "du",
    "din": "du",
    "ditt": "du",
    "dina": "du",
    "han": "han",
    "honom": "han",
    "hans": "han",
    "hon": "hon",
    "henne": "hon",
    "hennes": "hon",
    "hen": "hen",
    "henom": "hen",
    "hens": "hen",
    "vi": "vi",
    "oss": "vi",
    "vår": "vi",
    "vårt": "vi",
    "våra": "vi",
    "ni": "ni",
    "er": "ni",
    "ert": "ni",
    "era": "ni",
    "sig": "sig",
    "sin": "sig",
    "sitt": "sig",
    "sina": "sig",
    "man": "man",
    "dess": "den",
    "all": "all",
    "alla": "all",
    "allt": "all",
    "någon": "någon",
    "något": "någon",
    "några": "någon",
    "ingen": "ingen",
    "inget": "ingen",
    "inga": "ingen",
    "intet": "ingen",
    "vilken": "vilken",
    "vilket": "vilken",
    "vilka": "vilken",
    "annan": "annan",
    "annat": "annan",
    "andra": "annan",
    "varje": "varje",
    "samma": "samma",
    "själv": "själv",
    "självt": "själv",
    "själva": "själv",
    "som": "som",
    "in": "in",
    "vad": "vad",
    "många": "många",
    "mycket": "mycket",
    "i": "i",
    "maj": "maj",
    "mer": "mycket",
    "mera": "mycket",
    "mest": "mycket",
    "mindre": "lite",
    "minst": "lite",
    "t.ex.": "till_exempel",
    "bl.a.": "bland_annat",
    "dvs.": "det_vill_säga",
    "d.v.s.": "det_vill_säga",
}

# Words whose lemma is the word itself whatever the tagger says (the plain lookup maps
# "maj" -> "maja", and a tagger may call a month a verb or an adjective).
FIXED = frozenset(
    [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
        "måndag",
        "tisdag",
        "onsdag",
        "torsdag",
        "fredag",
        "lördag",
        "söndag",
        "jul",
        "midsommar",
        "påsk",
    ]
)

# Forms with one lemma whatever the tag (greetings and headings the tagger has not seen).
ALWAYS = {"välkommen": "välkommen", "välkommet": "välkommen", "välkomna": "välkommen"}

# Forms whose lemma depends on the POS; checked before FUNCTION_WORDS.
BY_POS: dict[tuple[str, str], str] = {
    ("var", "ADV"): "var",
    ("var", "PRON"): "var",
    ("var", "DET"): "var",
    ("vart", "ADV"): "vart",
    ("man", "NOUN"): "man",
    ("men", "NOUN"): "men",
    ("får", "NOUN"): "får",
    ("vara", "NOUN"): "vara",
    ("min", "NOUN"): "min",
    ("alla", "VERB"): "alla",
    ("för", "NOUN"): "för",
    ("vad", "NOUN"): "vad",
    ("har", "NOUN"): "hare",
    ("en", "NOUN"): "en",
    ("om", "ADV"): "om",
    ("allt", "ADV"): "allt",
    ("längre", "ADV"): "länge",
    ("längst", "ADV"): "länge",
}

# Suppletive and irregular comparison (ADJ, and ADV built on them), Talbanken style.
COMPARISON: dict[str, str] = {
    "äldre": "gammal",
    "äldst": "gammal",
    "äldsta": "gammal",
    "gamla": "gammal",
    "gammalt": "gammal",
    "större": "stor",
    "störst": "stor",
    "största": "stor",
    "bättre": "bra",
    "bäst": "bra",
    "bästa": "bra",
    "sämre": "dålig",
    "sämst": "dålig",
    "sämsta": "dålig",
    "mindre": "liten",
    "minst": "liten",
    "minsta": "liten",
    "små": "liten",
    "lilla": "liten",
    "litet": "liten",
    "fler": "många",
    "flera": "många",
    "flesta": "många",
    "yngre": "ung",
    "yngst": "ung",
    "yngsta": "ung",
    "högre": "hög",
    "högst": "hög",
    "högsta": "hög",
    "längre": "lång",
    "längst": "lång",
    "längsta": "lång",
    "lägre": "låg",
    "lägst": "låg",
    "lägsta": "låg",
    "senare": "sen",
    "senast": "sen",
    "senaste": "sen",
    "tidigare": "tidig",
    "tidigast": "tidig",
    "ytterligare": "ytterlig",
    "andra": "annan",
    "annat": "annan",
    "färre": "få",
    "färst": "få",
    "helst": "gärna",
    "hellre": "gärna",
    "nästa": "nästa",
    "första": "första",
    "ringa": "ringa",
}
# Adverbs in -t that Talbanken keeps as they are (others go to the adjective).
ADV_KEEP = frozenset(
    {
        "helt",
        "särskilt",
        "allt",
        "mycket",
        "litet",
        "bort",
        "fort",
        "ut",
        "emot",
        "genast",
        "just",
        "först",
        "rätt",
        "slut",
        "inalles",
        "intet",
    }
)

# Irregular and strong verbs: lemma -> forms (present, past, supine, participle stems,
# imperative). Only used when the token is tagged VERB/AUX (or untagged).
_STRONG = """
vara: är var varit varande
ha: har hade haft havt
bli: blir blev blivit bliven blivna blivet bliva
få: får fick fått
gå: går gick gått gången gånget gångna
göra: gör gjorde gjort gjord gjorda
kunna: kan kunde kunnat
skola: ska skall skulle skolat
vilja: vill ville velat
måste: måst
böra: bör borde bort
komma: kommer kom kommit kommen kommet komna
ta: tar tog tagit tagen taget tagna taga
ge: ger gav gett givit given givet givna giva
se: ser såg sett sedd sett sedda
säga: säger sa sade sagt sagd sagda
veta: vet visste vetat
stå: står stod stått
sitta: sitter satt suttit
ligga: ligger låg legat
dra: drar drog dragit dragen draget dragna draga
dö: dör dog dött
le: ler log lett
slå: slår slog slagit slagen slaget slagna
förstå: förstår förstod förstått förstådd förstått
bära: bär bar burit buren buret burna
skära: skär skar skurit skuren skuret skurna
stjäla: stjäl stal stulit stulen stulet stulna
äta: äter åt ätit äten ätet ätna
sätta: sätter satte satt satt satta
lägga: lägger lade la lagt lagd lagda
välja: väljer valde valt vald valda
ställa: ställer ställde ställt ställd ställda
vänja: vänjer vande vant vand vana
sälja: säljer sålde sålt såld sålda
dölja: döljer dolde dolt dold dolda
skriva: skriver skrev skrivit skriven skrivet skrivna
bjuda: bjuder bjöd bjudit bjuden bjudet bjudna
njuta: njuter njöt njutit
flyga: flyger flög flugit
ljuga: ljuger ljög ljugit
dricka: dricker drack druckit drucken
finna: finner fann funnit funnen funnet funna
binda: binder band bundit bunden bundet bundna
hinna: hinner hann hunnit
vinna: vinner vann vunnit vunnen vunnet vunna
springa: springer sprang sprungit
sjunga: sjunger sjöng sjungit sjungen
tvinga: tvingar tvingade tvingat tvingad
hålla: håller höll hållit hållen hållet hållna
erhålla: erhåller erhöll erhållit erhållen erhållet erhållna erhålls erhölls
innehålla: innehåller innehöll innehållit
behålla: behåller behöll behållit
tillhöra: tillhör tillhörde tillhört
falla: faller föll fallit fallen fallet fallna
gråta: gråter grät gråtit
låta: låter lät låtit
heta: heter hette hetat
äga: äger ägde ägt ägd ägda
följa: följer följde följt följd följda
lyda: lyder löd lytt
bjuda: bjuder bjöd bjudit
bryta: bryter bröt brutit bruten brutet brutna
flyta: flyter flöt flutit
skjuta: skjuter sköt skjutit skjuten skjutet skjutna
bjuda: bjuder bjöd bjudit
vrida: vrider vred vridit vriden
rida: rider red ridit
bita: biter bet bitit biten
lida: lider led lidit
glida: glider gled glidit
stiga: stiger steg stigit
tiga: tiger teg tigit
vika: viker vek vikit viken
svika: sviker svek svikit
gripa: griper grep gripit gripen
knipa: kniper knep knipit
driva: driver drev drivit driven drivet drivna
bedriva: bedriver bedrev bedrivit bedriven bedrivet bedrivna
beskriva: beskriver beskrev beskrivit beskriven beskrivet beskrivna
föreskriva: föreskriver föreskrev föreskrivit föreskriven föreskrivet föreskrivna
underskriva: underskriver underskrev underskrivit
riva: river rev rivit riven rivet rivna
bli: blev
sova: sover sov sovit
svära: svär svor svurit svuren
fara: far for farit faren
gälla: gäller gällde gällt
vända: vänder vände vänt vänd vända
sända: sänder sände sänt sänd sända
känna: känner kände känt känd kända
bränna: bränner brände bränt bränd brända
nämna: nämner nämnde nämnt nämnd nämnda
glömma: glömmer glömde glömt glömd glömda
döma: dömer dömde dömt dömd dömda
bestämma: bestämmer bestämde bestämt bestämd bestämda
föreslå: föreslår föreslog föreslagit föreslagen föreslaget föreslagna
besluta: beslutar beslutade beslutat beslutad beslutade beslöt
fastslå: fastslår fastslog fastslagit fastslagen
inse: inser insåg insett
anse: anser ansåg ansett ansedd ansedda
genomgå: genomgår genomgick genomgått
ingå: ingår ingick ingått
övergå: övergår övergick övergått
uppstå: uppstår uppstod uppstått
bestå: består bestod bestått
vidta: vidtar vidtog vidtagit vidtagen vidtaget vidtagna
företa: företar företog företagit
åta: åtar åtog åtagit
påta: påtar påtog påtagit
uppta: upptar upptog upptagit upptagen upptaget upptagna
anta: antar antog antagit antagen antaget antagna
avta: avtar avtog avtagit
överta: övertar övertog övertagit
utge: utger utgav utgett utgiven
avge: avger avgav avgett avgiven
ange: anger angav angett angiven angivet angivna
medge: medger medgav medgett
tillåta: tillåter tillät tillåtit tillåten tillåtet tillåtna
utgöra: utgör utgjorde utgjort
genomföra: genomför genomförde genomfört genomförd genomförda
införa: inför införde infört införd införda
göras: görs gjordes gjorts
ges: ges gavs getts givits
tas: tas togs tagits
dras: dras drogs dragits
ses: ses sågs setts
fås: fås fick fåtts
njuta: njuter njöt njutit
ligga: ligger låg legat
lägga: lägger lade lagt lagd lagda
gälla: gäller gällde gällt
ha: haft
sända: sände sänt
"""


def _parse_strong(text: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in text.strip().splitlines():
        lemma, _, forms = line.partition(":")
        lemma = lemma.strip()
        if " " in lemma or not forms.strip() or not lemma.isalpha():
            continue
        for form in forms.split():
            table.setdefault(form, lemma)
        table.setdefault(lemma, lemma)
    return table


STRONG_VERBS: dict[str, str] = _parse_strong(_STRONG)
# s-forms of strong verbs as passives: "gavs" -> "ge" (Talbanken lemmatises passives to
# the active infinitive); the entries above list the s-forms under the s-lemma for the
# deponent-looking ones, so map them back here.
for _s, _lemma in (
    ("görs", "göra"),
    ("gjordes", "göra"),
    ("gjorts", "göra"),
    ("gavs", "ge"),
    ("getts", "ge"),
    ("givits", "ge"),
    ("togs", "ta"),
    ("tagits", "ta"),
    ("drogs", "dra"),
    ("dragits", "dra"),
    ("fåtts", "få"),
    ("sågs", "se"),
    ("setts", "se"),
):
    STRONG_VERBS[_s] = _lemma
for _s in ("göras", "ges", "tas", "dras", "ses", "fås", "slås"):
    STRONG_VERBS.pop(_s, None)
STRONG_VERBS.update({"ges": "ge", "tas": "ta", "dras": "dra", "fås": "få", "göras": "göra"})


def _verb_like(lemma: str) -> bool:
    return (bool(lemma) and lemma[-1] in VOWELS) or lemma.endswith("as") or lemma.endswith("ås")


# Verb particles and prefixes that make compound verbs of strong ones: "in|kom" ->
# "inkomma", "full|gjort" -> "fullgöra", "hand|haft" -> "handha", "före|låg" -> "föreligga".
VERB_PREFIXES = (
    "tillbaka", "igenom", "genom", "efter", "under", "över", "fram", "bort", "före", "till",
    "hand", "full", "upp", "ned", "ner", "mot", "med", "sam", "för", "ut", "in", "av", "på",
    "om", "åt", "bi", "an", "be", "er", "vid", "miss", "und", "emot", "ihop", "ur",
)  # fmt: skip


def _strong_with_prefix(low: str) -> str | None:
    """Lemma of a prefixed form of an irregular verb, e.g. "inkom" -> "inkomma"."""
    s_form = low.endswith("s") and low[:-1] in STRONG_VERBS
    if s_form:
        return STRONG_VERBS[low[:-1]]  # "föreslogs" -> "föreslå", not "före" + "slåss"
    for prefix in VERB_PREFIXES:
        rest = low[len(prefix) :]
        if not low.startswith(prefix) or len(rest) < 2:
            continue
        if rest in STRONG_VERBS:
            return prefix + STRONG_VERBS[rest]
        if s_form and rest.endswith("s") and rest[:-1] in STRONG_VERBS:
            return prefix + STRONG_VERBS[rest[:-1]]
    return None


class Lemmatizer:
    def __init__(self, table_path: Path | None = None) -> None:
        self._table_path = table_path

    @cached_property
    def talbanken(self) -> dict[tuple[str, str], str]:
        table: dict[tuple[str, str], str] = {}
        if self._table_path is not None and self._table_path.exists():
            with open(self._table_path, encoding="utf-8") as fh:
                for line in fh:
                    form, upos, lemma = line.rstrip("\n").split("\t")
                    table[(form, upos)] = lemma
        return table

    @cached_property
    def talbanken_any(self) -> dict[str, str]:
        """POS-free view of the Talbanken table for the untagged path: first POS wins."""
        out: dict[str, str] = {}
        for (form, _), lemma in self.talbanken.items():
            out.setdefault(form, lemma)
        return out

    @cached_property
    def rules(self) -> dict[str, list[tuple[str, str]]]:
        from spacy.lookups import load_lookups

        table = load_lookups("sv", ["lemma_rules"]).get_table("lemma_rules")
        return {
            pos: [tuple(r) for r in table.get(pos, [])]  # type: ignore[misc]
            for pos in ("noun", "verb", "adj")
        }

    def _lookup(self, form: str, low: str) -> str | None:
        got = lookup(form) or lookup(low)
        return got.lower() if got else None

    def _by_rules(self, low: str, upos: str) -> str | None:
        kind = {"NOUN": "noun", "VERB": "verb", "AUX": "verb", "ADJ": "adj"}.get(upos)
        if kind is None:
            return None
        for old, new in self.rules.get(kind, []):
            if low.endswith(old) and len(low) > len(old) + 1:
                cand = low[: len(low) - len(old)] + new
                if is_known_lemma(cand):
                    return cand
        return None

    def lemma(self, form: str, upos: str = "", feats: str = "") -> str:
        low = form.lower()
        if upos in FORM_IS_LEMMA or not any(c.isalpha() for c in low) or low in FIXED:
            return low
        if low in ALWAYS:
            return ALWAYS[low]
        if not upos:
            return self._untagged(form, low)
        hit = BY_POS.get((low, upos)) or self.talbanken.get((low, upos))
        if hit is not None:
            return hit
        if upos in ("VERB", "AUX"):
            return self._verb(low, feats)
        if low in FUNCTION_WORDS and upos not in ("NOUN", "ADJ", "PROPN"):
            return FUNCTION_WORDS[low]
        if upos in CLOSED or upos in ("ADV", "X"):
            # a long word the tagger put in a closed class is usually a rare verb it did
            # not know ("inkom" ADP, "fullgjort" ADP, "åtnjöt" X): trust the verb tables
            if len(low) > 4 and (low, upos) not in self.talbanken:
                verb = _strong_with_prefix(low)
                if verb:
                    return verb
            if upos != "ADV":
                return low
        if upos == "PROPN":
            # names keep their form; the genitive -s goes ("Stockholms" -> "stockholm")
            if "Case=Gen" in feats and low.endswith("s") and len(low) > 2:
                return low[:-1].rstrip(":")
            return low
        if upos == "NOUN":
            return self._noun(form, low, feats)
        if upos == "ADJ":
            return self._adj(form, low, feats)
        if upos == "ADV":
            # adverbs keep their form, except those made from adjectives with -t
            # ("samtidigt" -> "samtidig", "hårt" -> "hård"), as in Talbanken
            if low in COMPARISON and low not in ("andra", "annat"):
                return COMPARISON[low]
            if low.endswith("t") and low not in ADV_KEEP and len(low) > 3:
                stem = low[:-2] + "d" if low.endswith("rt") else low[:-1]
                if low.endswith("tt"):
                    stem = low[:-2]
                if is_known_lemma(stem):
                    return stem
            return low
        got = self._lookup(form, low)
        return got if got and len(got) > 1 else low

    def _untagged(self, form: str, low: str) -> str:
        hit = FUNCTION_WORDS.get(low) or STRONG_VERBS.get(low) or DEPONENT_FORM_TO_LEMMA.get(low)
        if hit:
            return hit
        hit = self.talbanken_any.get(low)
        if hit:
            return hit
        return self._lookup(form, low) or low

    def _known(self, cands: list[str]) -> str | None:
        for c in cands:
            if c and is_known_lemma(c):
                return c
        return None

    def _noun(self, form: str, low: str, feats: str) -> str:
        if "Case=Gen" in feats and low.endswith("s") and len(low) > 3:
            low = low[:-1].rstrip(":")
            form = form[: len(low)]
            hit = self.talbanken.get((low, "NOUN"))
            if hit:
                return hit
        if "Number=Sing" in feats and "Definite=Ind" in feats:
            return low  # the singular indefinite is the lemma
        if "Gender=Neut" in feats and "Number=Plur" in feats and "Definite=Ind" in feats:
            # neuter plurals: zero ("barn", "sätt") or -n after a vowel ("äpplen")
            if low.endswith("en") and is_known_lemma(low[:-1]):
                return low[:-1]
            if not low.endswith(("er", "ar", "or")):
                return low
        if "Number=Sing" in feats and "Definite=Def" in feats:
            # "beslutet" -> "beslut", "staden" -> "stad", "området" -> "område"; the plain
            # lookup confuses some of these with plurals ("beslutet" -> "besluten")
            for suf, new in (("et", ""), ("en", ""), ("n", ""), ("t", ""), ("an", "a")):
                cand = low[: len(low) - len(suf)] + new
                if low.endswith(suf) and len(cand) >= 2 and is_known_lemma(cand):
                    return cand
        got = self._lookup(form, low)
        if got and got[0] == low[0] and got != low and len(got) <= len(low):
            return got
        cands = []
        for suf, new in NOUN_SUFFIXES:
            if low.endswith(suf) and len(low) - len(suf) >= 2:
                cands.append(low[: len(low) - len(suf)] + new)
        return (
            self._known(cands)
            or (got if got and got[0] == low[0] else None)
            or (cands[0] if cands and ("Definite=Def" in feats or "Number=Plur" in feats) else low)
        )

    def _adj(self, form: str, low: str, feats: str) -> str:
        if low.endswith(("ande", "ende")):
            return low  # present participles are their own lemma
        if low in COMPARISON:
            return COMPARISON[low]
        if "VerbForm=Part" in feats:
            cands = [low]
            for suf, new in PARTICIPLE_SUFFIXES:
                if low.endswith(suf) and len(low) - len(suf) >= 2:
                    cands.append(low[: len(low) - len(suf)] + new)
            return self._known(cands[1:]) or (cands[1] if len(cands) > 1 else low)
        if all(f in feats for f in ("Degree=Pos", "Gender=Com", "Definite=Ind", "Number=Sing")):
            return low
        got = self._lookup(form, low)
        cands = [
            low[: len(low) - len(suf)] + new
            for suf, new in ADJ_SUFFIXES
            if low.endswith(suf) and len(low) - len(suf) >= 2
        ]
        if got and got[0] == low[0] and not (got.endswith("a") and not low.endswith("a")):
            return got
        return self._known(cands) or low

    def _verb(self, low: str, feats: str) -> str:
        if low in STRONG_VERBS:
            return STRONG_VERBS[low]
        verb = _strong_with_prefix(low)
        if verb:
            return verb
        if low in DEPONENT_FORM_TO_LEMMA:
            return DEPONENT_FORM_TO_LEMMA[low]
        if "Mood=Imp" in feats:
            # imperatives are the stem: "läs" -> "läsa", "glöm" -> "glömma", "kontakta"
            return _imperative_to_infinitive(low)
        active = low
        # an s-form that is not itself a known lemma (deponent infinitives like "lyckas"
        # are) is a passive even when the tagger said Voice=Act ("skickats")
        if (
            low.endswith("s")
            and len(low) > 4
            and ("Voice=Pass" in feats or "Voice" not in feats or not is_known_lemma(low))
        ):
            active = low[:-1]
            if active in STRONG_VERBS:
                return STRONG_VERBS[active]
            if active.endswith("e") and "Tense=Past" not in feats:
                active = active[:-1]  # "läses" -> "läs"
            # an unknown deponent in -as keeps its s ("hoppas")
            if (
                "Voice=Pass" not in feats
                and active.endswith("a")
                and active + "s" == low
                and not is_known_lemma(active)
                and is_known_lemma(low)
            ):
                return low
        if active in STRONG_VERBS:
            return STRONG_VERBS[active]
        cands: list[str] = []
        for suf, new in VERB_SUFFIXES:
            if active.endswith(suf) and len(active) - len(suf) >= 1:
                cands.append(active[: len(active) - len(suf)] + new)
        if active.endswith("a") or (active[-1:] in VOWELS and "VerbForm=Inf" in feats):
            cands.insert(0, active)
        got = self._known(cands)
        if got:
            return got
        looked = self._lookup(active, active)
        if looked and _verb_like(looked):
            return looked
        return cands[0] if cands else active


NOUN_SUFFIXES = (
    ("arna", ""),
    ("erna", ""),
    ("orna", "a"),
    ("rna", ""),
    ("na", ""),
    ("ena", "e"),
    ("en", ""),
    ("et", ""),
    ("n", ""),
    ("ar", ""),
    ("er", ""),
    ("or", "a"),
    ("r", ""),
    ("ar", "e"),
    ("arna", "e"),
    ("er", "e"),
    ("erna", "e"),
    ("lar", "el"),
    ("larna", "el"),
    ("rar", "er"),
    ("rarna", "er"),
    ("nar", "en"),
    ("narna", "en"),
    ("en", "e"),
    ("t", ""),
)
ADJ_SUFFIXES = (
    ("a", ""),
    ("e", ""),
    ("tt", ""),
    ("t", ""),
    ("na", "en"),
    ("la", "el"),
    ("ra", "er"),
    ("re", ""),
    ("ste", ""),
    ("aste", ""),
    ("are", ""),
    ("ast", ""),
    ("st", ""),
)
PARTICIPLE_SUFFIXES = (
    ("ade", "ad"),
    ("at", "ad"),
    ("ad", "ad"),
    ("da", "d"),
    ("ta", "t"),
    ("dda", "dd"),
    ("tt", "dd"),
    ("et", "en"),
    ("na", "en"),
    ("ne", "en"),
    ("t", "d"),
    ("d", "d"),
    ("en", "en"),
    ("de", "d"),
    ("te", "t"),
)
VERB_SUFFIXES = (
    ("ade", "a"),
    ("at", "a"),
    ("ar", "a"),
    ("dde", ""),
    ("tt", ""),
    ("er", "a"),
    ("de", "a"),
    ("te", "a"),
    ("t", "a"),
    ("r", ""),
    ("it", "a"),
    ("", "a"),
    ("e", "a"),
    ("", ""),
)


def _imperative_to_infinitive(low: str) -> str:
    if low in STRONG_VERBS:
        return STRONG_VERBS[low]
    if low[-1:] in VOWELS:
        return low
    for cand in (low + "a", low + low[-1] + "a"):  # "läs" -> "läsa", "glöm" -> "glömma"
        if is_known_lemma(cand) and lookup(cand) in (None, cand):
            return cand
    return low + "a"


# Words after a sentence-initial imperative that a noun heading would not have:
# "Ring oss", "Besök oss", "Glöm inte", "Ansök senast", "Kom hit", "Skicka din ansökan".
_AFTER_IMPERATIVE = frozenset(
    [
        "oss",
        "mig",
        "dig",
        "er",
        "sig",
        "hit",
        "in",
        "upp",
        "ut",
        "inte",
        "gärna",
        "mer",
        "senast",
        "tillbaka",
        "hem",
        "ner",
        "din",
        "ditt",
        "dina",
        "ert",
        "era",
        "vår",
        "vårt",
        "våra",
    ]
)
_PHONE = re.compile(r"^(?:0\d|\+46|112$)")  # "Ring 08-508 29 365", "Ring 112"
IMPERATIVE_MORPH = "Mood=Imp|VerbForm=Fin|Voice=Act"


def imperative_lemma(word: str, pos: str, morph: str, next_word: str, next_pos: str) -> str | None:
    """The verb lemma when a sentence-initial word the tagger called a noun is really an
    imperative ("Ring 08-508 29 365" -> "ringa"), else None.

    Talbanken has almost no imperatives, so the tagger takes a capitalised first word it
    does not know for a noun. Only forms whose infinitive is a known verb lemma, that are
    not definite, and that are followed by an object pronoun, a possessive, a typical
    adverb ("inte", "hit", "senast") or a phone number are changed, so noun headings
    ("Kontakt med förskolan", "År 1970", "Val av kurs") stay nouns.
    """
    if (
        pos not in ("NOUN", "PROPN", "ADJ", "X")
        or not word[:1].isupper()
        or "Definite=Def" in morph
    ):
        return None
    low = word.lower()
    if next_word.lower() not in _AFTER_IMPERATIVE and not _PHONE.match(next_word):
        return None
    if low in STRONG_VERBS and STRONG_VERBS[low] != low and low[-1:] in VOWELS:
        return STRONG_VERBS[low]  # "Gå", "Se", "Ta"
    if low.endswith("a"):
        return None  # an infinitive-looking form the tagger called a noun: leave it
    lemma = _imperative_to_infinitive(low)
    if not is_known_lemma(lemma):
        return None
    got = lookup(lemma)
    return lemma if got in (None, lemma) else None


def default_table_path() -> Path:
    return Path(__file__).resolve().parent / "model" / "lemmas.tsv"
