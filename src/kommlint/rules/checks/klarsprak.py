"""Checks of the klarsprak pack that YAML cannot say: passive voice, the pronoun "man",
unexplained acronyms, double negation and very long words.

Each check reads the language layer (tokens, lemmas, part of speech, morphology) rather
than guessing from word endings, and degrades gracefully when the tagger is not there
(Token.pos and Token.morph empty): it then fires less, never more.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kommlint.document import Finding, Severity
from kommlint.language import Sentence, Token
from kommlint.rules.context import RuleContext

# ------------------------------------------------------------------ long words

_WEB = re.compile(r"^(?:https?://|www\.)|@|\.(?:se|nu|com|org|net|eu|io)(?:/|$)|/")


def long_words(ctx: RuleContext) -> Iterator[Finding]:
    """Words with more than `max_letters` letters, except names, addresses and words the
    writer has already split with a hyphen."""
    limit = int(ctx.options.get("max_letters", 22))
    seen: set[str] = set()
    for block in ctx.blocks():
        analysis = ctx.analysis(block, tag=False)
        for sentence in analysis.sentences:
            words = [t for t in sentence.tokens if t.is_word]
            for i, token in enumerate(words):
                letters = sum(c.isalpha() for c in token.text)
                if letters <= limit or "-" in token.text or _WEB.search(token.lower):
                    continue
                if any(c.isdigit() for c in token.text) or token.lower.endswith(_LAW_NAMES):
                    continue  # law names are names: "tryckfrihetsförordningen"
                if token.text[:1].isupper() and (i > 0 or token.text.isupper()):
                    continue  # a name ("Stadsledningskontorskonferensen") or a heading
                if any(_same_word(token.lower, other) for other in seen):
                    continue  # each long word once: the report is about the word
                seen.add(token.lower)
                yield ctx.finding(block, token.start, token.end, value=letters)


_LAW_NAMES = ("lagen", "lagens", "förordningen", "förordningens", "balken", "balkens")


def _same_word(a: str, b: str) -> bool:
    """Two inflections of one long word ("kompetensutvecklingsinsats", "-insatserna"):
    they agree up to the last four letters of the shorter one."""
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter[:-4])


# --------------------------------------------------------------------- passive

_INSTRUCTION_MODALS = frozenset({"ska", "skall", "måste", "bör", "behöver"})


_AUXILIARIES = frozenset(
    {
        "ska", "skall", "måste", "bör", "kan", "får", "behöver", "har", "hade", "kommer",
        "vill", "skulle", "kunde", "borde", "fick", "brukar", "måtte", "torde",
    }
)  # fmt: skip


def _active_form(token: Token) -> tuple[str, str] | None:
    """(slot, active form) of an s-passive in the same tense ("skickas" -> "skickar")."""
    from kommlint.language.inflect import inflect_verb, verb_slot

    lemma = token.lemma
    if not lemma or lemma[-1:] not in "aeiouyåäö":
        return None
    slot = verb_slot(lemma, token)
    if slot is None or not slot.endswith("_pass"):
        return None
    active = slot[: -len("_pass")]
    return active, inflect_verb(lemma, active)


def _plausible_s_passive(token: Token) -> bool:
    """A second opinion on the tagger's s-passive: the word must be an s-form of a verb
    the dictionary knows ("skickas" of "skicka"), so that nouns the tagger took for
    verbs ("fokus", "cookies", "fritids") do not fire."""
    from kommlint.language.formlookup import lookup_lemma

    low = token.lower
    looked_up = lookup_lemma(low) or ""
    if looked_up.endswith("as") and looked_up != low:
        looked_up = looked_up[:-1]  # "hållas" -> "hålla"
    return any(_s_form_of(low, lemma) for lemma in dict.fromkeys((token.lemma, looked_up)))


def _s_form_of(low: str, lemma: str) -> bool:
    from kommlint.language.formlookup import lookup_lemma
    from kommlint.language.inflect import _irregular, verb_forms

    if not lemma or lemma[-1:] not in "aeiouyåäö" or low == lemma:
        return False
    forms = verb_forms(lemma)
    passive_forms = {f for slot, f in forms.items() if slot.endswith("_pass")}
    if low not in passive_forms and lookup_lemma(low) not in {lemma, lemma + "s"}:
        return False
    if _irregular(lemma) is not None:
        return True
    stem = lemma[:-1] if lemma.endswith("a") else lemma
    return any(
        (lookup_lemma(forms[slot]) or "").startswith(stem)
        for slot in ("pres", "past", "sup", "past_pass", "sup_pass")
    )


def _auxiliary_chain(tokens: list[Token], verb_index: int) -> str:
    """ "ska", "har", "kommer att", "ska inte" before an infinitive or supine."""
    for k in range(verb_index - 1, max(-1, verb_index - 4), -1):
        if tokens[k].is_punct:
            return ""
        if tokens[k].lower in _AUXILIARIES:
            between = [t.lower for t in tokens[k + 1 : verb_index] if t.pos in {"ADV", "PART", ""}]
            if len(between) != verb_index - k - 1:
                between = [t.lower for t in tokens[k + 1 : verb_index] if t.lower == "att"]
            return " ".join([tokens[k].lower, *between])
    return ""


_READER_PRONOUNS = frozenset({"du", "dig", "din", "ditt", "dina"})


def passive_without_agent(ctx: RuleContext) -> Iterator[Finding]:
    """Passives with no agent ("av nämnden"), from grammar.find_passives (s-passives and
    bli-passives; deponents such as "finns", "hoppas", "vi ses" are never passive).

    * In a text that speaks to the reader ("du"), a passive after "ska/måste/bör/behöver"
      is an instruction that hides who must act ("Ansökan ska skickas in"): each one is a
      finding with `instruction_severity`.
    * Other agentless passives are counted: when they make up at least `share_limit` of
      the finite verbs, one document finding names them (a text full of passives hides
      who does what; a single passive is often the natural choice). With `report_each`,
      every one of them is a finding of its own instead.
    """
    from kommlint.language.grammar import find_passives

    instruction_severity = Severity(ctx.options.get("instruction_severity", "warning"))
    not_passive = {str(x) for x in ctx.options.get("not_passive", ["saknas", "saknades"])}
    share_limit = float(ctx.options.get("share_limit", 0.25))
    report_each = bool(ctx.options.get("report_each", False))
    blocks = ctx.blocks()
    analyses = [(block, ctx.analysis(block, tag=True)) for block in blocks]
    if not any(a.tagged for _, a in analyses):
        return  # no tagger: say nothing rather than guess from word endings
    addresses_reader = any(
        t.lower in _READER_PRONOUNS for _, a in analyses for t in a.tokens if not t.is_punct
    )
    finite = 0
    collected: list[str] = []
    for block, analysis in analyses:
        finite += sum(
            1 for t in analysis.tokens if t.pos in {"VERB", "AUX"} and t.feat("VerbForm") == "Fin"
        )
        for passive in find_passives(analysis):
            if passive.has_agent or passive.kind == "vara-passive":
                continue
            tokens = analysis.sentences[passive.sentence].tokens
            verb_token = tokens[passive.tokens[-1]]
            if verb_token.lower in not_passive:
                continue  # impersonal s-verbs that name no hidden actor ("det saknas")
            if passive.kind == "s-passive" and not _plausible_s_passive(verb_token):
                continue
            first = tokens[passive.tokens[0]]
            verb_index = passive.tokens[-1]
            verb = tokens[verb_index]
            before = [t for t in tokens[: passive.tokens[0]] if not t.is_punct][-3:]
            instruction = addresses_reader and any(t.lower in _INSTRUCTION_MODALS for t in before)
            if not instruction and not report_each:
                collected.append(block.text[first.start : verb.end])
                continue
            yield ctx.finding(
                block,
                first.start,
                verb.end,
                suggestion=_passive_suggestion(ctx, tokens, verb_index, passive.kind, instruction),
                severity=instruction_severity if instruction else None,
                note=ctx.text(
                    "En instruktion till läsaren blir tydligare med 'du' eller som uppmaning.",
                    "An instruction to the reader is clearer with 'du' or as an imperative.",
                )
                if instruction
                else "",
            )
    if collected and len(collected) / max(finite, len(collected)) >= share_limit:
        examples = list(dict.fromkeys(x.lower() for x in collected))
        shown = ", ".join(f"'{x}'" for x in examples[:6]) + (", ..." if len(examples) > 6 else "")
        share = round(100 * len(collected) / max(finite, len(collected)))
        yield ctx.document_finding(
            message=ctx.text(
                f"{len(collected)} {'passivt' if len(collected) == 1 else 'passiva'} verb "
                "utan att det står vem som gör något "
                f"({share} % av verben), till exempel {shown}. Skriv aktivt och säg vem "
                "som gör vad: 'vi beslutar', 'du skickar'.",
                f"{len(collected)} passive verb(s) that do not say who acts ({share} % of the "
                f"verbs), e.g. {shown}. Write actively and say who does what.",
            )
        )


def _passive_suggestion(
    ctx: RuleContext, tokens: list[Token], verb_index: int, kind: str, instruction: bool
) -> str:
    found = _active_form(tokens[verb_index]) if kind == "s-passive" else None
    if found is None:
        return ctx.text("säg vem som gör det", "say who does it")
    slot, active = found
    chain = _auxiliary_chain(tokens, verb_index) if slot in {"inf", "sup"} else ""
    if slot == "inf" and not chain:  # tagged as an infinitive without a modal: present
        from kommlint.language.inflect import inflect_verb

        active = inflect_verb(tokens[verb_index].lemma, "pres")
    who = "du" if instruction else "vi"
    return " ".join(x for x in (who, chain, active) if x)


# ------------------------------------------------------------------------ man

# Words before "man" that make it the noun ("en man", "varje man", "den unge man").
_NOUN_CUES = frozenset(
    {
        "en", "den", "denne", "denna", "varje", "ingen", "någon", "annan", "samma",
        "ung", "unge", "äldre", "gammal", "gamle", "gift", "vuxen", "vanlig", "död",
        "stor", "liten", "ensam", "god", "rik", "fattig", "arbetande", "vilken", "sin",
        "min", "din", "hennes", "hans", "vår", "er", "deras", "herre", "tredje",
    }
)  # fmt: skip
_FINITE_HINTS = frozenset(
    {
        "ska", "skall", "kan", "måste", "bör", "får", "behöver", "har", "hade", "är", "var",
        "kommer", "vill", "skulle", "kunde", "borde", "fick", "brukar", "gör", "tar", "blir",
        "vet", "ser", "tycker", "säger", "inte", "också", "ofta", "alltid", "aldrig",
    }
)  # fmt: skip


def _is_generic_man(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    if token.lower != "man":
        return False
    prev = next((t for t in reversed(tokens[:i]) if not t.is_punct), None)
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev is not None and (prev.lower in _NOUN_CUES or prev.pos in {"DET", "ADJ", "NUM"}):
        return False
    if nxt is not None and nxt.lower in {"och", "eller", "som"} and token.pos != "PRON":
        return False  # "man och kvinna"
    if token.pos == "PRON":
        return True
    if token.pos:  # tagged as a noun (or anything else): trust the tagger
        return False
    # untagged: the pronoun stands next to a finite verb ("man kan", "kan man")
    near = {t.lower for t in (prev, nxt) if t is not None}
    return bool(near & _FINITE_HINTS)


def generic_man(ctx: RuleContext) -> Iterator[Finding]:
    """The impersonal pronoun "man" where "du" or "vi" fits; never the noun "en man"."""
    from kommlint.rules.matching import inside, quoted_spans

    for block in ctx.blocks():
        analysis = ctx.analysis(block, tag=True)
        quotes = quoted_spans(block.text)
        for sentence in analysis.sentences:
            tokens = sentence.tokens
            for i, token in enumerate(tokens):
                if not _is_generic_man(tokens, i) or inside(quotes, token.start, token.end):
                    continue
                if i > 0 and tokens[i - 1].lower in _MENTION_WORDS:
                    continue  # "ordet man": the word discussed as a word
                yield ctx.finding(block, token.start, token.end, suggestion="du")


_MENTION_WORDS = frozenset({"ordet", "pronomenet", "begreppet", "uttrycket", "formen"})


# ------------------------------------------------------------------- acronyms

# Acronyms every Swedish reader knows (or that are names in their own right).
KNOWN_ACRONYMS = frozenset(
    {
        "EU", "FN", "USA", "UK", "NATO", "AB", "HB", "KB", "IT", "TV", "SMS", "MMS", "PDF",
        "ID", "OK", "VD", "CV", "DVD", "CD", "GPS", "PIN", "SL", "SJ", "SVT", "SR", "TT",
        "SOS", "BVC", "MVC", "PM", "FAQ", "HBTQ", "HBTQI", "HBTQIA", "WHO", "IKEA", "ICA",
        "BB", "AI", "URL", "QR", "USB", "WC", "LGBT", "LGBTQ", "NGO", "DNA", "HIV", "ADHD",
        "EES", "ATG", "EM", "VM", "OS", "UNICEF", "UNESCO", "BNP", "SFS", "ISBN", "ISO",
        "GDPR", "PR", "COVID", "SARS", "MB", "GB", "KM", "CO", "NOX", "PM10", "WIFI", "BRIS",
        "SCB", "VA", "FoU", "AV", "RUT", "ROT", "MOMS", "DN", "SVD", "STHLM", "SMHI",
    }
)  # fmt: skip

# A few expansions, so that "lagen om stöd och service ..." explains LSS even without
# "(LSS)" after it.
EXPANSIONS: dict[str, str] = {
    "LSS": "lagen om stöd och service till vissa funktionshindrade",
    "SoL": "socialtjänstlagen",
    "LVU": "lagen med särskilda bestämmelser om vård av unga",
    "LVM": "lagen om vård av missbrukare i vissa fall",
    "HVB": "hem för vård eller boende",
    "SFI": "svenska för invandrare",
    "SDF": "stadsdelsförvaltning",
    "SDN": "stadsdelsnämnd",
    "KF": "kommunfullmäktige",
    "KS": "kommunstyrelsen",
    "SLK": "stadsledningskontoret",
    "IFO": "individ- och familjeomsorg",
    "PBL": "plan- och bygglagen",
    "OSL": "offentlighets- och sekretesslagen",
    "FL": "förvaltningslagen",
    "HSL": "hälso- och sjukvårdslagen",
    "LOU": "lagen om offentlig upphandling",
    "SKR": "Sveriges Kommuner och Regioner",
    "MSB": "Myndigheten för samhällsskydd och beredskap",
    "FK": "Försäkringskassan",
    "AF": "Arbetsförmedlingen",
    "AME": "arbetsmarknadsenheten",
    "SSK": "sjuksköterska",
    "LOV": "lagen om valfrihetssystem",
    "DHR": "Delaktighet Handlingskraft Rörlighet",
}
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_ACRONYM = re.compile(
    r"(?<![\w\-/.@])([A-ZÅÄÖ]{2,6}|[A-ZÅÄÖ][a-zåäö][A-ZÅÄÖ]{1,3})(?::s|:n|:et|:en|:ar)?"
    r"(?![\w@/]|\.\w)"
)


def _explained_before(text_before: str, acronym: str) -> bool:
    expansion = EXPANSIONS.get(acronym)
    if re.search(rf"\(\s*{re.escape(acronym)}\s*[),;]", text_before):
        return True
    return bool(expansion) and expansion.lower() in text_before.lower()


def _explained_here(text: str, end: int) -> bool:
    """ "LSS (lagen om ...)" or "LSS, det vill säga ..." right after the acronym."""
    after = text[end : end + 80]
    return bool(
        re.match(r"\s*\(\s*[a-zåäöA-ZÅÄÖ][\w\-]*(?:\s+[\w\-]+){1,}", after)
        or re.match(r",?\s*(?:det vill säga|dvs\.?|som står för|som betyder)\b", after)
    )


def _is_plain_word(word: str) -> bool:
    from kommlint.language.formlookup import lookup_lemma

    return lookup_lemma(word.lower()) is not None


def unexplained_acronyms(ctx: RuleContext) -> Iterator[Finding]:
    """Acronyms (LSS, SoL, SDF) not explained at or before their first use; each is
    reported once, at its first use."""
    known = KNOWN_ACRONYMS | {str(a) for a in ctx.options.get("known") or []}
    known_upper = {k.upper() for k in known}
    seen: set[str] = set()
    text_so_far = ""
    for block in ctx.blocks():
        text = block.text
        letters = [c for c in text if c.isalpha()]
        shouting = letters and sum(c.isupper() for c in letters) / len(letters) > 0.6
        for m in _ACRONYM.finditer(text):
            acronym = m.group(1)
            if acronym in seen or acronym.upper() in known_upper or shouting:
                continue
            if _ROMAN.match(acronym):
                continue
            if acronym.isupper() and _is_plain_word(acronym) and len(acronym) > 3:
                continue  # a shouted word ("VIKTIGT") rather than an acronym
            seen.add(acronym)
            before = text_so_far + "\n" + text[: m.start()]
            if _explained_before(before, acronym) or _explained_here(text, m.end()):
                continue
            # "Lagen om vård av unga (LVU)": the acronym itself is the explanation's tail
            if text[max(0, m.start() - 1) : m.start()] == "(":
                continue
            yield ctx.finding(
                block,
                m.start(),
                m.end(1),
                suggestion=EXPANSIONS.get(acronym, ctx.text("skriv ut", "spell it out"))
                + f" ({acronym})",
                note="",
            )
        text_so_far += "\n" + text


# ------------------------------------------------------------- double negation

_NEGATORS = frozenset({"inte", "ej", "icke", "aldrig", "knappast"})
# o- adjectives whose positive form is the plain way to say "inte o-X".
_O_WORDS: dict[str, str] = {
    "ovanlig": "vanlig",
    "omöjlig": "möjlig",
    "obetydlig": "betydande",
    "oväsentlig": "väsentlig",
    "osannolik": "sannolik",
    "orimlig": "rimlig",
    "oklar": "klar",
    "otydlig": "tydlig",
    "olämplig": "lämplig",
    "oviktig": "viktig",
    "osäker": "säker",
    "okänd": "känd",
    "obegränsad": "begränsad",
    "ointressant": "intressant",
    "obekant": "bekant",
    "oskälig": "skälig",
    "obefogad": "befogad",
    "otrolig": "trolig",
    "otänkbar": "tänkbar",
    "ovillig": "villig",
    "oberättigad": "berättigad",
    "ogrundad": "grundad",
    "ofarlig": "farlig",
    "onödig": "nödvändig",
    "orealistisk": "realistisk",
    "oförenlig": "förenlig",
    "omotiverad": "motiverad",
    "ovälkommen": "välkommen",
    "oacceptabel": "acceptabel",
    "oväntad": "väntad",
    "olik": "lik",
    "ovanligt": "vanligt",
    "oförutsägbar": "förutsägbar",
    "ouppmärksammad": "uppmärksammad",
    "obetald": "betald",
    "oberörd": "berörd",
    "ofrivillig": "frivillig",
    "ojämförlig": "jämförlig",
}
_CLAUSE_BREAK = frozenset({",", ";", ":", "och", "men", "eller", "om", "när", "eftersom", "medan"})
_NEG_PRONOUNS = frozenset({"ingen", "inget", "inga", "aldrig"})


def _o_word(token: Token) -> tuple[str, str] | None:
    """("oväntad", "väntat") for "oväntat": the o-adjective and its positive form."""
    low = token.lower
    for o_word, positive in _O_WORDS.items():
        if token.lemma == o_word and not low.startswith(o_word[:-1]):
            return o_word, positive
        if o_word.endswith("d") and low in {o_word[:-1] + "t", o_word[:-1] + "da"}:
            return o_word, positive[:-1] + low[len(o_word) - 1 :]  # oväntat -> väntat
        if low.startswith(o_word) and low[len(o_word) :] in _ADJ_ENDINGS:
            return o_word, positive + low[len(o_word) :]
    return None


_ADJ_ENDINGS = frozenset({"", "t", "a", "e", "are", "ast", "aste"})


def _double_negations(sentence: Sentence) -> Iterator[tuple[int, int, str]]:
    tokens = [t for t in sentence.tokens]
    for i, token in enumerate(tokens):
        if token.lower not in _NEGATORS and token.lower not in _NEG_PRONOUNS:
            continue
        # (a) "inte ovanligt", "inte helt omöjligt", "ej heller obetydlig"
        if token.lower in _NEGATORS:
            for j in range(i + 1, min(len(tokens), i + 4)):
                t = tokens[j]
                if t.is_punct or t.lower in _CLAUSE_BREAK:
                    break
                found = _o_word(t)
                if found:
                    yield tokens[i].start, t.end, found[1]
                    break
        # (b) "ingen som inte", "inte så att du inte", "aldrig ... inte"
        for j in range(i + 1, min(len(tokens), i + 7)):
            t = tokens[j]
            if t.is_punct or t.lower in _CLAUSE_BREAK:
                break
            if t.lower == "inte" and (
                token.lower in _NEG_PRONOUNS or any(x.lower == "så" for x in tokens[i + 1 : j])
            ):
                if token.lower == "inte" and not any(x.lower == "att" for x in tokens[i + 1 : j]):
                    break
                yield tokens[i].start, t.end, ""
                break
        # (c) "inte underlåta att"
        if token.lower in _NEGATORS:
            nxt = tokens[i + 1 : i + 3]
            for t in nxt:
                if t.lemma == "underlåta" or t.lower.startswith("underlåt"):
                    yield tokens[i].start, t.end, "se till att"
                    break


def double_negation(ctx: RuleContext) -> Iterator[Finding]:
    """ "inte ovanligt", "ingen som inte", "inte underlåta": say it positively."""
    from kommlint.rules.matching import inside, quoted_spans

    for block in ctx.blocks():
        analysis = ctx.analysis(block, tag=False)
        quotes = quoted_spans(block.text)
        for sentence in analysis.sentences:
            for start, end, positive in _double_negations(sentence):
                if inside(quotes, start, end):
                    continue
                yield ctx.finding(
                    block,
                    start,
                    end,
                    suggestion=positive or ctx.text("säg det positivt", "say it positively"),
                )


# ------------------------------------------------------- light-verb nominalisations

# Empty verbs that carry a verbal noun ("genomföra en utvärdering", "göra en bedömning").
LIGHT_VERBS = frozenset(
    {"genomföra", "göra", "utföra", "vidta", "vidtaga", "företa", "verkställa", "bedriva"}
)
# Verbal nouns whose verb is not the noun minus its suffix.
NOUN_VERBS: dict[str, str] = {
    "uppföljning": "följa upp",
    "översyn": "se över",
    "genomgång": "gå igenom",
    "tillägg": "lägga till",
    "inbetalning": "betala in",
    "utbetalning": "betala ut",
    "återbetalning": "betala tillbaka",
    "analys": "analysera",
    "kontroll": "kontrollera",
    "intervju": "intervjua",
    "besiktning": "besiktiga",
    "försök": "försöka",
    "ändring": "ändra",
    "sammanställning": "sammanställa",
    "upphandling": "upphandla",
}
# Nouns in -ning/-ing that are not actions ("en tidning", "en målning" on the wall).
NOT_ACTIONS = frozenset(
    {"tidning", "målning", "ledning", "byggnad", "mening", "aning", "ning", "ring", "ting",
     "kung", "ung", "pengar", "släkting", "lösning", "insättning", "ordning", "inledning",
     "riktning", "stämning", "utrustning", "forskning", "verksamhet", "händelse",
     # things and events rather than actions
     "utställning", "föreställning", "samling", "inredning", "anläggning", "tävling",
     "förvaltning", "avdelning", "bostad", "organisation", "generation", "situation",
     "teckning"}
)  # fmt: skip
_NOUN_SUFFIXES = (("ning", 4), ("ing", 3), ("else", 4), ("ation", 5))
_GAP_WORDS_STOP = frozenset(
    {",", ";", ":", "att", "som", "och", "men", "eller", "när", "om", "då", "där", "eftersom"}
)


def _verb_of_noun(noun: str) -> str | None:
    """ "utvärdering" -> "utvärdera", "bedömning" -> "bedöma", "jämförelse" -> "jämföra",
    "ansökan" -> "ansöka", "registrering" -> "registrera"; None unless the dictionary
    knows the verb."""
    from kommlint.language.formlookup import lookup_lemma

    if noun in NOUN_VERBS:
        return NOUN_VERBS[noun]
    if noun in NOT_ACTIONS or any(noun.endswith(x) for x in ("tidning", "målning")):
        return None
    candidates = []
    for suffix, cut in _NOUN_SUFFIXES:
        if noun.endswith(suffix) and len(noun) - cut >= 3:
            stem = noun[:-cut]
            candidates.append(stem + ("era" if suffix == "ation" else "a"))
    if noun.endswith("an") and len(noun) > 5:  # ansökan, anmälan, begäran
        candidates.append(noun[:-1])
    for verb in candidates:
        stem = verb[:-1]
        forms = (verb + "r", stem + "er", stem, verb + "de", stem + "de", stem + "te")
        known = {verb, verb + "re", verb + "d", stem + "d"}
        if any(lookup_lemma(form) in known for form in forms):
            return verb
    return None


def _noun_verb(token: Token) -> str | None:
    """The verb of a verbal noun token, from its lemma or (when the lemmatizer turned
    "anmälan" into a verb) its surface form."""
    return _verb_of_noun(token.lemma) or _verb_of_noun(token.lower)


_INDEFINITE_WORDS = frozenset(
    {"en", "ett", "någon", "något", "några", "ingen", "inget", "din", "ditt", "sin", "sitt",
     "min", "mitt", "vår", "vårt", "er", "ert", "hans", "hennes", "deras", "ny", "nytt"}
)  # fmt: skip


def _indefinite(noun: Token, between: list[Token]) -> bool:
    if any(t.lower in _INDEFINITE_WORDS for t in between):
        return True  # "en anmälan", "din ansökan" (whatever the tagger said of -an)
    return noun.feat("Definite") == "Ind"


def _light_nominalisations(tokens: list[Token]) -> Iterator[tuple[int, int, str]]:
    """(first index, last index, verb) of a light verb and its verbal noun in a sentence,
    in either order: "vi gör en bedömning", "en utvärdering kommer att genomföras"."""
    for i, token in enumerate(tokens):
        if token.lemma not in LIGHT_VERBS or token.pos not in {"VERB", "AUX", ""}:
            continue
        # the noun after the verb: "genomföra en (ny, noggrann) utvärdering"
        for j in range(i + 1, min(len(tokens), i + 5)):
            t = tokens[j]
            if t.is_punct or t.lower in _GAP_WORDS_STOP or t.pos == "ADP":
                break
            verb = None
            if t.pos in {"NOUN", ""}:
                verb = _noun_verb(t)
            if verb:
                after = tokens[j + 1] if j + 1 < len(tokens) else None
                # "göra" takes an indefinite object ("gör en bedömning"); with a definite
                # noun it is often a pro-verb: "det gör även förväntningarna"
                indefinite = _indefinite(t, tokens[i + 1 : j])
                causative = (  # "gör informationen tydlig", "gör planeringen till ..."
                    token.lemma == "göra"
                    and after is not None
                    and (after.pos == "ADJ" or (after.lower == "till" and not indefinite))
                )
                object_like = token.lemma != "göra" or indefinite
                if not causative and object_like:
                    yield i, j, verb
                break
            if t.pos in {"NOUN", "PROPN", "VERB"} or (t.pos == "PRON" and t.feat("Poss") != "Yes"):
                break  # another noun phrase; a possessive ("din ansökan") is part of this one
        # the noun before a passive light verb: "en utvärdering ska göras",
        # "uppföljning av målen kommer att göras"
        if token.lower.endswith("s") or token.feat("Voice") == "Pass":
            for j in range(i - 1, max(-1, i - 7), -1):
                t = tokens[j]
                if t.is_punct or (t.lower in _GAP_WORDS_STOP and t.lower != "att"):
                    break
                if t.pos == "VERB" and t.lower not in _AUXILIARIES:
                    break
                if t.pos in {"NOUN", ""}:
                    verb = _noun_verb(t)
                    if verb:
                        yield j, i, verb
                        break


def light_verb_nominalisations(ctx: RuleContext) -> Iterator[Finding]:
    """A light verb with a verbal noun, found by deriving the verb from the noun's suffix
    (-ning, -ing, -else, -ation, -an) and checking the dictionary knows it."""
    from kommlint.language.inflect import inflect_like
    from kommlint.rules.matching import inside, quoted_spans

    for block in ctx.blocks():
        analysis = ctx.analysis(block, tag=True)
        quotes = quoted_spans(block.text)
        for sentence in analysis.sentences:
            tokens = sentence.tokens
            for a, b, verb in _light_nominalisations(tokens):
                start, end = tokens[a].start, tokens[b].end
                if inside(quotes, start, end):
                    continue
                light_first = tokens[a].lemma in LIGHT_VERBS
                light = tokens[a] if light_first else tokens[b]
                suggestion = inflect_like(verb, (light.lemma,), [light])
                if light_first and light.text[:1].isupper():
                    suggestion = suggestion[:1].upper() + suggestion[1:]
                yield ctx.finding(block, start, end, suggestion=suggestion)
