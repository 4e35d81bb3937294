"""Inflect a replacement so that it fits where the matched words stood.

`inflect_like("få", ("erhålla",), [token "erhöll"])` -> "fick". The form of the matched
word (its "slot": present, past, supine, s-passive, definite plural, neuter, ...) is read
from the token's morphology when the tagger gave one, checked against the paradigm of the
term's dictionary form, and then the same slot is built for the replacement from a
compact table of irregular Swedish verbs and nouns plus the regular patterns (first
conjugation -ar/-ade/-at, -ing/-ingen/-ingar, adjectives -t/-a).

When the slot cannot be told (a participle, an unknown word class), the replacement is
returned as written, which is still a correct suggestion to read, if not to paste.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from kommlint.language import Token

# --- verbs --------------------------------------------------------------------------
# Irregular and second-conjugation verbs: infinitive -> (present, past, supine).
# Compounds ("erhålla", "tillhandahålla", "avge") inflect like their last part.
VERBS: dict[str, tuple[str, str, str]] = {
    "be": ("ber", "bad", "bett"),
    "bjuda": ("bjuder", "bjöd", "bjudit"),
    "bli": ("blir", "blev", "blivit"),
    "bära": ("bär", "bar", "burit"),
    "byta": ("byter", "bytte", "bytt"),
    "dra": ("drar", "drog", "dragit"),
    "döma": ("dömer", "dömde", "dömt"),
    "falla": ("faller", "föll", "fallit"),
    "finnas": ("finns", "fanns", "funnits"),
    "få": ("får", "fick", "fått"),
    "följa": ("följer", "följde", "följt"),
    "föra": ("för", "förde", "fört"),
    "ge": ("ger", "gav", "gett"),
    "giva": ("giver", "gav", "givit"),
    "gå": ("går", "gick", "gått"),
    "gälla": ("gäller", "gällde", "gällt"),
    "göra": ("gör", "gjorde", "gjort"),
    "ha": ("har", "hade", "haft"),
    "hjälpa": ("hjälper", "hjälpte", "hjälpt"),
    "hålla": ("håller", "höll", "hållit"),
    "höra": ("hör", "hörde", "hört"),
    "komma": ("kommer", "kom", "kommit"),
    "kräva": ("kräver", "krävde", "krävt"),
    "känna": ("känner", "kände", "känt"),
    "köpa": ("köper", "köpte", "köpt"),
    "leda": ("leder", "ledde", "lett"),
    "ligga": ("ligger", "låg", "legat"),
    "låta": ("låter", "lät", "låtit"),
    "läsa": ("läser", "läste", "läst"),
    "lägga": ("lägger", "lade", "lagt"),
    "mäla": ("mäler", "mälde", "mält"),
    "minna": ("minner", "minde", "mint"),
    "njuta": ("njuter", "njöt", "njutit"),
    "reda": ("reder", "redde", "rett"),
    "resa": ("reser", "reste", "rest"),
    "se": ("ser", "såg", "sett"),
    "skriva": ("skriver", "skrev", "skrivit"),
    "sköta": ("sköter", "skötte", "skött"),
    "slå": ("slår", "slog", "slagit"),
    "stå": ("står", "stod", "stått"),
    "ställa": ("ställer", "ställde", "ställt"),
    "strida": ("strider", "stred", "stridit"),
    "styrka": ("styrker", "styrkte", "styrkt"),
    "stänga": ("stänger", "stängde", "stängt"),
    "stödja": ("stöder", "stödde", "stött"),
    "säga": ("säger", "sa", "sagt"),
    "sända": ("sänder", "sände", "sänt"),
    "söka": ("söker", "sökte", "sökt"),
    "sörja": ("sörjer", "sörjde", "sörjt"),
    "ta": ("tar", "tog", "tagit"),
    "trycka": ("trycker", "tryckte", "tryckt"),
    "tycka": ("tycker", "tyckte", "tyckt"),
    "tänka": ("tänker", "tänkte", "tänkt"),
    "vara": ("är", "var", "varit"),
    "veta": ("vet", "visste", "vetat"),
    "välja": ("väljer", "valde", "valt"),
    "använda": ("använder", "använde", "använt"),
    "behöva": ("behöver", "behövde", "behövt"),
    "ändra": ("ändrar", "ändrade", "ändrat"),
}

# Prefixes and particles that make compound verbs ("er|hålla", "till|handa|hålla").
VERB_PREFIXES = (
    "tillbaka",
    "tillgodo",
    "tillhanda",
    "samman",
    "sönder",
    "genom",
    "efter",
    "under",
    "emot",
    "fram",
    "före",
    "full",
    "handa",
    "hand",
    "inne",
    "till",
    "upp",
    "över",
    "åter",
    "bort",
    "fast",
    "ihop",
    "igen",
    "kun",
    "med",
    "mot",
    "ned",
    "ner",
    "del",
    "hem",
    "verk",
    "för",
    "sam",
    "vid",
    "av",
    "an",
    "be",
    "bi",
    "er",
    "in",
    "om",
    "på",
    "ut",
    "åt",
    "å",
)

MODALS = frozenset(
    {
        "ska", "skall", "skulle", "kan", "kunde", "måste", "bör", "borde", "får", "fick",
        "vill", "ville", "att", "torde", "behöver", "brukar", "lär", "må", "kunna", "vilja",
    }
)  # fmt: skip

# Slots: inf, imp, pres, past, sup, inf_pass, pres_pass, past_pass, sup_pass.
VERB_SLOTS = ("inf", "imp", "pres", "past", "sup", "inf_pass", "pres_pass", "past_pass", "sup_pass")


def _split_prefixes(rest: str) -> bool:
    """Whether `rest` is a sequence of verb prefixes ("tillhanda", "bibe")."""
    if not rest:
        return True
    return any(rest.startswith(p) and _split_prefixes(rest[len(p) :]) for p in VERB_PREFIXES)


def _irregular(verb: str) -> tuple[str, tuple[str, str, str]] | None:
    """The prefix and the (present, past, supine) of the irregular verb `verb` ends in."""
    if verb in VERBS:
        return "", VERBS[verb]
    for cut in range(1, len(verb) - 1):
        prefix, base = verb[:cut], verb[cut:]
        if base in VERBS and _split_prefixes(prefix):
            return prefix, VERBS[base]
    return None


@lru_cache(maxsize=4096)
def _second_conjugation(verb: str) -> bool:
    """Whether a verb outside the table is of the second conjugation ("höja" -> "höjer"),
    by asking the lemma lookup whether the -er form is a form of the verb."""
    from kommlint.language.formlookup import lookup_lemma

    stem = verb[:-1]
    if lookup_lemma(verb + "r") == verb or lookup_lemma(verb + "de") == verb:
        return False
    if stem.endswith("r"):  # köra -> kör, höra -> hör
        return lookup_lemma(stem) == verb or lookup_lemma(stem + "de") == verb
    return lookup_lemma(stem + "er") == verb


def verb_forms(verb: str) -> dict[str, str]:
    """Every slot of a verb in its dictionary form (a best guess for regular verbs)."""
    found = _irregular(verb)
    if found is not None:
        prefix, (pres, past, sup) = found
        pres, past, sup = prefix + pres, prefix + past, prefix + sup
        first_conjugation = False
    elif verb.endswith("a") and _second_conjugation(verb):  # bygga, bygger, byggde, byggt
        stem = verb[:-1]
        pres = stem if stem.endswith("r") else stem + "er"
        short = stem[:-1] if stem.endswith(("mm", "nn")) else stem  # bestämma -> bestämde
        past = short + ("te" if stem[-1:] in "kpstx" else "de")
        sup = stem[:-1] + "tt" if stem.endswith("d") else short + "t"
        first_conjugation = False
    elif verb.endswith("a"):  # first conjugation: skicka, skickar, skickade, skickat
        pres, past, sup = verb + "r", verb + "de", verb + "t"
        first_conjugation = True
    else:  # short verbs: tro, trodde, trott
        pres, past, sup = verb + "r", verb + "dde", verb + "tt"
        first_conjugation = True
    if first_conjugation or not verb.endswith("a") or pres == verb + "r":
        imp = verb
        pres_pass = verb + "s"
    elif verb.endswith("vara"):
        imp, pres_pass = verb[:-2], verb + "s"
    elif pres.endswith("er"):
        imp = pres[:-2]
        pres_pass = pres[:-2] + ("es" if imp.endswith("s") else "s")
        if imp.endswith("mm"):  # bestämmer -> bestäm, bestäms
            imp = imp[:-1]
            pres_pass = imp + "s"
    else:  # gör, bär, är
        imp = pres
        pres_pass = pres + "s"
    if pres_pass.endswith("ss"):
        pres_pass = pres_pass[:-1]
    return {
        "inf": verb,
        "imp": imp,
        "pres": pres,
        "past": past,
        "sup": sup,
        "inf_pass": verb + "s",
        "pres_pass": pres_pass,
        "past_pass": past + "s",
        "sup_pass": sup + "s",
    }


def _verb_slot_from_morph(token: Token) -> str | None:
    form, tense, voice, mood = (
        token.feat("VerbForm"),
        token.feat("Tense"),
        token.feat("Voice"),
        token.feat("Mood"),
    )
    passive = "_pass" if voice == "Pass" else ""
    if form == "Inf":
        return "inf" + passive
    if form == "Sup":
        return "sup" + passive
    if form == "Fin":
        if mood == "Imp":
            return "imp"
        if tense == "Pres":
            return "pres" + passive
        if tense == "Past":
            return "past" + passive
    return None


def verb_slot(word: str, token: Token, previous: str = "") -> str | None:
    """The slot the token fills in the paradigm of the verb `word`, or None."""
    surface = token.lower
    forms = verb_forms(word)
    slots = [slot for slot in VERB_SLOTS if forms[slot] == surface]
    morph_slot = _verb_slot_from_morph(token) if token.morph else None
    if slots:
        if len(slots) == 1:
            return slots[0]
        if morph_slot in slots:
            return morph_slot
        # inf/imp and inf_pass/pres_pass share a form in the first conjugation, pres/imp
        # in "gör", "bär": without morphology, prefer the commoner reading.
        if previous in MODALS:
            return next((s for s in slots if s.startswith("inf")), slots[0])
        for preferred in ("pres_pass", "pres", "inf"):
            if preferred in slots:
                return preferred
        return slots[0]
    if morph_slot is not None and token.pos in {"VERB", "AUX"}:
        return morph_slot
    return None


def inflect_verb(verb: str, slot: str) -> str:
    return verb_forms(verb)[slot]


# --- nouns --------------------------------------------------------------------------
# Replacement nouns whose declension a suffix rule would get wrong:
# singular indefinite -> (singular definite, plural indefinite, plural definite).
NOUNS: dict[str, tuple[str, str, str]] = {
    "ansökan": ("ansökan", "ansökningar", "ansökningarna"),
    "begäran": ("begäran", "begäranden", "begärandena"),
    "anmälan": ("anmälan", "anmälningar", "anmälningarna"),
    "överklagande": ("överklagandet", "överklaganden", "överklagandena"),
    "möte": ("mötet", "möten", "mötena"),
    "evenemang": ("evenemanget", "evenemang", "evenemangen"),
    "nyhetsbrev": ("nyhetsbrevet", "nyhetsbrev", "nyhetsbreven"),
    "mejl": ("mejlet", "mejl", "mejlen"),
    "e-post": ("e-posten", "e-post", "e-posten"),
    "kaka": ("kakan", "kakor", "kakorna"),
    "podd": ("podden", "poddar", "poddarna"),
    "tidsgräns": ("tidsgränsen", "tidsgränser", "tidsgränserna"),
    "sista dag": ("sista dagen", "sista dagar", "sista dagarna"),
    "fall": ("fallet", "fall", "fallen"),
    "ärende": ("ärendet", "ärenden", "ärendena"),
    "stöd": ("stödet", "stöd", "stöden"),
    "resultat": ("resultatet", "resultat", "resultaten"),
    "underlag": ("underlaget", "underlag", "underlagen"),
    "innehåll": ("innehållet", "innehåll", "innehållen"),
    "nyckeltal": ("nyckeltalet", "nyckeltal", "nyckeltalen"),
    "tankesätt": ("tankesättet", "tankesätt", "tankesätten"),
    "arbetsmöte": ("arbetsmötet", "arbetsmöten", "arbetsmötena"),
    "startmöte": ("startmötet", "startmöten", "startmötena"),
    "webbinarium": ("webbinariet", "webbinarier", "webbinarierna"),
    "intressent": ("intressenten", "intressenter", "intressenterna"),
    "synpunkt": ("synpunkten", "synpunkter", "synpunkterna"),
    "höjdpunkt": ("höjdpunkten", "höjdpunkter", "höjdpunkterna"),
    "färdplan": ("färdplanen", "färdplaner", "färdplanerna"),
    "tidsplan": ("tidsplanen", "tidsplaner", "tidsplanerna"),
    "målgrupp": ("målgruppen", "målgrupper", "målgrupperna"),
    "kompetens": ("kompetensen", "kompetenser", "kompetenserna"),
    "gemenskap": ("gemenskapen", "gemenskaper", "gemenskaperna"),
    "påverkare": ("påverkaren", "påverkare", "påverkarna"),
    "mobil": ("mobilen", "mobiler", "mobilerna"),
    "försening": ("förseningen", "förseningar", "förseningarna"),
    "uppmaning": ("uppmaningen", "uppmaningar", "uppmaningarna"),
    "översikt": ("översikten", "översikter", "översikterna"),
    "jämförelse": ("jämförelsen", "jämförelser", "jämförelserna"),
    "uppgift": ("uppgiften", "uppgifter", "uppgifterna"),
    "anställning": ("anställningen", "anställningar", "anställningarna"),
    "bilaga": ("bilagan", "bilagor", "bilagorna"),
    "idéstorm": ("idéstormen", "idéstormar", "idéstormarna"),
    "berättelse": ("berättelsen", "berättelser", "berättelserna"),
    "genomgång": ("genomgången", "genomgångar", "genomgångarna"),
    "kundtjänst": ("kundtjänsten", "kundtjänster", "kundtjänsterna"),
    "uppstart": ("uppstarten", "uppstarter", "uppstarterna"),
    "lägesrapport": ("lägesrapporten", "lägesrapporter", "lägesrapporterna"),
}

NOUN_SLOTS = ("sg", "sg_def", "pl", "pl_def")


def noun_forms(noun: str) -> dict[str, str]:
    if noun in NOUNS:
        sg_def, pl, pl_def = NOUNS[noun]
    elif noun.endswith(("ing", "ning")):
        sg_def, pl, pl_def = noun + "en", noun + "ar", noun + "arna"
    elif noun.endswith(("het", "tion", "sion", "itet", "ism", "ent", "ant")):
        sg_def, pl, pl_def = noun + "en", noun + "er", noun + "erna"
    elif noun.endswith("else"):
        sg_def, pl, pl_def = noun + "n", noun + "r", noun + "rna"
    elif noun.endswith("ande") or noun.endswith("ende"):
        sg_def, pl, pl_def = noun + "t", noun + "n", noun + "na"
    elif noun.endswith("a"):
        sg_def, pl, pl_def = noun + "n", noun[:-1] + "or", noun[:-1] + "orna"
    elif noun.endswith("e"):
        sg_def, pl, pl_def = noun + "n", noun[:-1] + "ar", noun[:-1] + "arna"
    else:
        sg_def, pl, pl_def = noun + "en", noun + "ar", noun + "arna"
    return {"sg": noun, "sg_def": sg_def, "pl": pl, "pl_def": pl_def}


def noun_slot(word: str, token: Token) -> tuple[str, bool] | None:
    """(slot, genitive) of the token as a form of the noun `word`, or None."""
    surface = token.lower
    genitive = token.feat("Case") == "Gen"
    if token.morph and token.pos in {"NOUN", "PROPN"}:
        number, definite = token.feat("Number"), token.feat("Definite")
        if number and definite:
            slot = ("pl" if number == "Plur" else "sg") + ("_def" if definite == "Def" else "")
            return slot, genitive
    for candidate, gen in ((surface, False), (surface[:-1], True)):
        if gen and not surface.endswith("s"):
            break
        forms = noun_forms(word)
        for slot in NOUN_SLOTS:
            if forms[slot] == candidate:
                return slot, gen
        if candidate == word:
            return "sg", gen
    stem = surface[:-1] if surface.endswith("s") and not word.endswith("s") else surface
    gen = stem != surface
    if not stem.startswith(word[: max(3, len(word) - 2)]):
        return None
    tail = stem[len(word) :] if stem.startswith(word) else ""
    if tail.endswith("na") or (tail.endswith("en") and len(tail) > 2):
        return "pl_def", gen
    if tail in {"ar", "er", "or", "r"}:
        return "pl", gen
    if tail in {"en", "et", "n", "t"}:
        return "sg_def", gen
    return None


def inflect_noun(noun: str, slot: str, genitive: bool = False) -> str:
    form = noun_forms(noun)[slot]
    if genitive and not form.endswith(("s", "x", "z")):
        form += "s"
    return form


# --- adjectives ---------------------------------------------------------------------

ADJ_SUFFIXES = ("lig", "ig", "isk", "sam", "bar", "full", "lös", "ad", "är", "iv", "ell", "ös")
# Adjectives among the terms that the suffixes above do not recognise.
ADJECTIVES = frozenset({"dylik", "slik", "ifrågavarande", "förevarande", "förutvarande"})
INDECLINABLE = ("are", "ande", "ende", "e")


def adjective_forms(adj: str) -> dict[str, str]:
    if adj.endswith(INDECLINABLE) or " " in adj:
        return {"base": adj, "neut": adj, "plur": adj}
    if adj.endswith("ad"):
        return {"base": adj, "neut": adj[:-1] + "t", "plur": adj + "e"}
    if adj.endswith("en"):  # sådan -> sådant, sådana; egen -> eget, egna (not handled)
        return {"base": adj, "neut": adj + "t", "plur": adj + "a"}
    if adj.endswith("t"):
        return {"base": adj, "neut": adj, "plur": adj + "a"}
    return {"base": adj, "neut": adj + "t", "plur": adj + "a"}


def adjective_slot(word: str, token: Token) -> str | None:
    surface = token.lower
    if surface == word:
        return "base"
    if token.morph and token.pos == "ADJ":
        if token.feat("Number") == "Plur" or token.feat("Definite") == "Def":
            return "plur"
        if token.feat("Gender") == "Neut":
            return "neut"
        return "base"
    if surface == word + "t" or (word.endswith("d") and surface == word[:-1] + "t"):
        return "neut"
    if surface in {word + "a", word + "e"}:
        return "plur"
    return None


def _is_adjective(word: str) -> bool:
    return word in ADJECTIVES or word.endswith(ADJ_SUFFIXES)


def _is_verb(word: str, token: Token) -> bool:
    if token.pos in {"VERB", "AUX"}:
        return True
    if word[-1:] in "aeiouyåäö" and token.lower != word and token.feat("VerbForm") != "Part":
        # a form of the verb's own paradigm, whatever the tagger said ("vidtog" as ADJ)
        finite = {f for slot, f in verb_forms(word).items() if slot not in {"inf", "imp"}}
        if token.lower in finite:
            return True
    if token.pos and token.pos not in {"X", ""}:
        return False
    if word in VERBS or _irregular(word) is not None:
        return True
    return word[-1:] in "aeiouyåäö" and token.lower in verb_forms(word).values()


# --- the entry point ----------------------------------------------------------------


def _replace_first(replacement: str, new_first: str) -> str:
    _head, sep, rest = replacement.partition(" ")
    return new_first + sep + rest


def inflect_like(replacement: str, term_words: Sequence[str], tokens: Sequence[Token]) -> str:
    """The replacement inflected like the matched tokens, or as written.

    `term_words` are the term's dictionary forms, `tokens` the tokens they matched (one per
    term word). The inflected word is the replacement's first word; the form is taken from
    the verb among the matched tokens (for "vidta åtgärd" -> "åtgärda", the verb "vidtog"
    gives "åtgärdade"), else from the single matched noun or adjective.
    """
    if not replacement or not tokens:
        return replacement
    pairs = list(zip(term_words, tokens, strict=False))
    first = replacement.split(" ", 1)[0]
    try:
        for word, token in pairs:
            if _is_verb(word, token):
                slot = verb_slot(word, token)
                if slot is None:
                    return replacement
                if first.lower() != first or not (first[-1:] in "aeiouyåäö" or first in VERBS):
                    return replacement
                if first.endswith("s") and slot.endswith("_pass"):
                    return replacement  # a deponent has no passive
                return _replace_first(replacement, inflect_verb(first, slot))
        if len(pairs) != 1:
            return replacement
        word, token = pairs[0]
        if token.feat("VerbForm") == "Part" or (
            token.pos and word[-1:] in "aeiouyåäö" and _irregular(word) is not None
        ):
            return replacement  # a participle ("erhållna"): no safe form to offer
        if _is_adjective(word) or token.pos == "ADJ":
            slot = adjective_slot(word, token)
            if slot is None or " " in replacement:
                return replacement
            return adjective_forms(replacement)[slot]
        if token.pos in {"", "NOUN", "PROPN"}:
            found = noun_slot(word, token)
            if found is None or found == ("sg", False):
                return replacement
            slot, genitive = found
            if " " in replacement and replacement not in NOUNS:
                return replacement
            return inflect_noun(replacement, slot, genitive)
    except (IndexError, KeyError):  # a form the tables cannot build: say it as written
        return replacement
    return replacement
