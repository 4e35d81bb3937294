"""Checks of the inclusive pack that need more context than a term list can give.

- `parents_pair`: "mamma och pappa" where any guardian is meant (INK011);
- `marked_gender`: "kvinnlig chef", "manlig sjuksköterska" when gender is beside the point
  (INK012);
- `generic_pronoun`: generic "han"/"hon" about a role ("en elev ... han") and "denne"
  (INK013), never "han" about a named person ("Anders sa att han ...").

Each check skips quoted text and words discussed as words, like the term rules do.
Part of speech is used when the language layer has tagged the text (PROPN for names) and
the checks fall back on capitalisation when it has not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kommlint.document import Block, Finding
from kommlint.language import Sentence, Token
from kommlint.language.formlookup import lookup_lemma
from kommlint.rules.context import RuleContext
from kommlint.rules.matching import inside, quoted_spans

MENTION_WORDS = {"ordet", "ord", "begreppet", "uttrycket", "termen", "orden", "uttrycken"}

# ---------------------------------------------------------------- INK011 mamma och pappa

MOTHER = r"(?:mamma|mammor|mammorna|mamman|mammans|mammas|mor|mödrar)"
FATHER = r"(?:pappa|pappor|papporna|pappan|pappans|pappas|far|fäder)"
_PAIR = re.compile(
    rf"\b(?:{MOTHER}(?:\s*(?:,|/|och|eller|&)\s*){FATHER}|{FATHER}(?:\s*(?:,|/|och|eller|&)\s*){MOTHER})\b",
    re.IGNORECASE,
)
# A specific person's family, not guardians in general: "min mamma och pappa", "Lisas ...".
_OWN = {"min", "mina", "sin", "sina", "hans", "hennes", "hens", "deras", "vår", "våra", "mitt"}
_PLAY = {"leka", "leker", "lekte", "lekt", "lek"}
_GUARDIAN_CUES = re.compile(
    r"skola|förskola|fritids|elev|blankett|underskrift|underteckna|signera|samtycke|anmäl|ansök|"
    r"vårdnad|barnets|ditt barn|barnen|ert barn|intyg|e-tjänst|inskrivning|utvecklingssamtal",
    re.IGNORECASE,
)


def _is_name_genitive(word: str, first: bool) -> bool:
    """'Lisas', 'Ahmeds': a name in the genitive (not 'Barnets' at the start of a sentence)."""
    if not (word[:1].isupper() and word.endswith("s") and len(word) > 2):
        return False
    return not first or lookup_lemma(word.lower()) is None


def parents_pair(ctx: RuleContext) -> Iterator[Finding]:
    """'mamma och pappa' (and 'pappa eller mamma', 'mammor och pappor') meaning guardians."""
    for block in ctx.blocks():
        text = block.text
        quotes = quoted_spans(text)
        analysis = ctx.analysis(block)
        for m in _PAIR.finditer(text):
            start, end = m.span()
            if inside(quotes, start, end):
                continue
            words = text[:start].split()
            before = words[-1].strip("(\"'”") if words else ""
            if before.lower() in _OWN:
                continue
            if _is_name_genitive(before, first=len(words) <= 1 or words[-2][-1:] in ".!?:"):
                continue  # "Lisas mamma och pappa"
            if before.lower() in MENTION_WORDS or before.lower() in _PLAY:
                continue  # "ordet mamma och pappa", "leka mamma, pappa, barn"
            sentence = analysis.sentence_at(start)
            around = sentence.text(text) if sentence else text
            guardians = bool(_GUARDIAN_CUES.search(around))
            plural = text[start:end].lower().startswith(("mammor", "pappor"))
            suggestion = "vårdnadshavare" if guardians else "föräldrar"
            if not plural and text[start:end].lower().startswith(("mamman", "pappan")):
                suggestion = "föräldern" if not guardians else "vårdnadshavaren"
            yield ctx.finding(
                block,
                start,
                end,
                suggestion=suggestion,
                note=ctx.text(
                    "Alla barn har inte en mamma och en pappa; skriv föräldrar eller "
                    "vårdnadshavare (den som har ansvaret enligt lag).",
                    "Not every child has a mother and a father.",
                ),
            )


# ---------------------------------------------------------------- INK012 marked gender

_GENDER_ADJ = {
    "kvinnlig": "kvinnlig",
    "kvinnligt": "kvinnlig",
    "kvinnliga": "kvinnlig",
    "manlig": "manlig",
    "manligt": "manlig",
    "manliga": "manlig",
    "kvinnlige": "kvinnlig",
    "manlige": "manlig",
}
OCCUPATIONS = (
    "chef",
    "läkare",
    "sköterska",
    "lärare",
    "pilot",
    "polis",
    "präst",
    "ingenjör",
    "forskare",
    "professor",
    "domare",
    "advokat",
    "brandman",
    "chaufför",
    "snickare",
    "elektriker",
    "programmerare",
    "utvecklare",
    "direktör",
    "vd",
    "ledare",
    "politiker",
    "minister",
    "borgmästare",
    "ordförande",
    "företagare",
    "entreprenör",
    "författare",
    "journalist",
    "fotograf",
    "kock",
    "frisör",
    "städare",
    "barnmorska",
    "barnskötare",
    "rektor",
    "soldat",
    "officer",
    "vårdare",
    "assistent",
    "sekreterare",
    "handläggare",
    "kurator",
    "psykolog",
    "terapeut",
    "kirurg",
    "tekniker",
    "mekaniker",
    "förare",
    "väktare",
    "vakt",
    "ekonom",
    "jurist",
    "arkitekt",
    "konsult",
    "bibliotekarie",
    "kassör",
    "murare",
    "rörmokare",
    "målare",
    "dirigent",
    "biskop",
    "kommunalråd",
    "handledare",
    "medarbetare",
    "kollega",
    "anställd",
    "personal",
)
_SUFFIXES = ("", "n", "en", "et", "er", "erna", "ar", "arna", "or", "orna", "na", "s", "ns", "ens")
_STATS_CUES = re.compile(
    r"andel|procent|%|statistik|jämställd|könsfördelning|könsbalans|kvot|\bfler\b|\bfärre\b|"
    r"underrepresent|överrepresent|majoritet|hälften|jämfört|\blön|skillnad|rekryter|"
    r"\bvälja\b|önska|begära|första\s+(kvinnliga|manliga)|\bkön\b",
    re.IGNORECASE,
)


def _is_occupation(word: str) -> bool:
    lower = word.lower()
    for suffix in _SUFFIXES:
        if suffix and not lower.endswith(suffix):
            continue
        body = lower[: len(lower) - len(suffix)] if suffix else lower
        for occupation in OCCUPATIONS:
            stems = {occupation}
            if occupation[-1] in "ae":
                stems.add(occupation[:-1])
            if occupation == "brandman":
                stems |= {"brandmän", "brandmann"}
            if any(body.endswith(stem) for stem in stems):
                return True
    return False


def marked_gender(ctx: RuleContext) -> Iterator[Finding]:
    """'kvinnlig chef', 'manliga sjuksköterskor': a gender adjective before an occupation."""
    for block in ctx.blocks():
        text = block.text
        quotes = quoted_spans(text)
        for sentence in ctx.analysis(block).sentences:
            words = [t for t in sentence.tokens if not t.is_space]
            sentence_text = sentence.text(text)
            adjectives = {_GENDER_ADJ[t.lower] for t in words if t.lower in _GENDER_ADJ}
            if len(adjectives) > 1 or _STATS_CUES.search(sentence_text):
                continue  # both genders compared, or statistics: gender is the point
            for i, token in enumerate(words[:-1]):
                if token.lower not in _GENDER_ADJ:
                    continue
                noun = words[i + 1]
                if noun.is_punct or not _is_occupation(noun.text):
                    continue
                if inside(quotes, token.start, noun.end):
                    continue
                if i > 0 and words[i - 1].lower in MENTION_WORDS:
                    continue
                yield ctx.finding(
                    block,
                    token.start,
                    noun.end,
                    suggestion=noun.text,
                    note=ctx.text(
                        "Ange kön bara när det är relevant; annars blir det ena könet normen.",
                        "Mention gender only when it matters.",
                    ),
                )


# ---------------------------------------------------------------- INK013 generic pronoun

# Role nouns that refer to anyone in the role (lemmas; compounds ending in them count too).
ROLES = (
    "elev",
    "barn",
    "sökande",
    "brukare",
    "patient",
    "kund",
    "medarbetare",
    "anställd",
    "chef",
    "handläggare",
    "invånare",
    "person",
    "medborgare",
    "läkare",
    "lärare",
    "student",
    "deltagare",
    "besökare",
    "hyresgäst",
    "förälder",
    "vårdnadshavare",
    "användare",
    "klient",
    "arbetstagare",
    "arbetsgivare",
    "företagare",
    "medlem",
    "resenär",
    "kandidat",
    "ledamot",
    "tjänsteman",
    "kollega",
    "mottagare",
    "avsändare",
    "ansvarig",
    "sjuksköterska",
    "förare",
    "individ",
    "människa",
    "enskild",
    "vårdtagare",
    "boende",
    "granne",
    "läsare",
    "kursdeltagare",
    "praktikant",
    "sökare",
)
_GENERIC_DETERMINERS = {"en", "ett", "varje", "var", "någon", "vilken", "vilket", "den", "ingen"}
# Definite forms that are almost always generic in the city's texts.
_GENERIC_DEFINITES = {
    "sökanden",
    "brukaren",
    "den enskilde",
    "vårdtagaren",
    "klienten",
    "patienten",
}
_PRONOUNS = {"han", "honom", "hans", "hon", "henne", "hennes"}
_ROLE_INFLECTIONS = ("", "en", "n", "et", "er", "ar", "or", "na", "e")


def _is_role(token: Token) -> bool:
    for word in {token.lower, token.lemma}:
        for suffix in _ROLE_INFLECTIONS:
            if suffix and not word.endswith(suffix):
                continue
            body = word[: len(word) - len(suffix)] if suffix else word
            if any(
                body == role or (body.endswith(role) and len(body) - len(role) >= 3)
                for role in ROLES
            ):
                return True
    return False


def _is_name(token: Token, first_in_sentence: bool) -> bool:
    """A person's name: tagged PROPN, or capitalised inside the sentence, or capitalised at
    its start and not an ordinary word (the tagger is not sure of names like "Anders")."""
    if token.pos == "PROPN":
        return True
    text = token.text
    if not text[:1].isupper() or text.isupper():
        return False
    if not first_in_sentence:
        return True
    return token.lower not in _COMMON_INITIALS and lookup_lemma(token.lower) is None


_COMMON_INITIALS = {
    "om",
    "när",
    "den",
    "det",
    "en",
    "ett",
    "varje",
    "alla",
    "han",
    "hon",
    "hen",
    "vi",
    "du",
    "ni",
    "de",
    "som",
    "men",
    "och",
    "efter",
    "innan",
    "för",
    "med",
    "under",
    "eleven",
    "barnet",
    "sökanden",
}


def _antecedent(words: list[Token], upto: int) -> int | None:
    """Index of a generic role noun before `upto`, or None.

    "varje elev", "någon sökande", "den sökande", "sökanden" are generic by themselves; "en
    elev" only in a sentence that speaks of what may or must happen ("om", "ska", "måste"),
    so that "Vi har anställt en ny chef. Hon ..." is not taken for a generic role."""
    found = None
    for i in range(upto):
        token = words[i]
        if not _is_role(token):
            continue
        prev = words[i - 1].lower if i > 0 else ""
        prev2 = words[i - 2].lower if i > 1 else ""
        determiner = prev if prev in _GENERIC_DETERMINERS else ""
        if not determiner and prev2 in _GENERIC_DETERMINERS - {"den"}:
            determiner = prev2
        by_determiner = determiner in _STRONG_DETERMINERS or (
            bool(determiner) and _in_generic_sentence(words, i)
        )
        definite = (
            token.lower in _GENERIC_DEFINITES or f"{prev} {token.lower}" in _GENERIC_DEFINITES
        )
        if by_determiner or definite:
            found = i
    return found


_STRONG_DETERMINERS = {"varje", "var", "någon", "vilken", "vilket", "ingen", "den"}
_GENERIC_CUES = {"om", "när", "ifall", "ska", "skall", "måste", "bör", "behöver", "får", "kan"}


def _in_generic_sentence(words: list[Token], i: int) -> bool:
    """Whether the sentence around words[i] has a conditional or modal word."""
    start = i
    while start > 0 and words[start - 1].text not in ".!?":
        start -= 1
    end = i
    while end < len(words) and words[end].text not in ".!?":
        end += 1
    return any(t.lower in _GENERIC_CUES for t in words[start:end])


def _has_generic_who(words: list[Token], upto: int) -> int | None:
    """'Den som ...' / 'var och en' / 'alla som' introduce a generic person."""
    for i in range(min(upto, len(words)) - 1):
        pair = f"{words[i].lower} {words[i + 1].lower}"
        if pair in {"den som", "var och", "vem som", "alla som"}:
            return i
    return None


def generic_pronoun(ctx: RuleContext) -> Iterator[Finding]:
    """Generic 'han'/'hon' about anyone in a role, and 'denne'."""
    for block in ctx.blocks():
        text = block.text
        quotes = quoted_spans(text)
        previous: Sentence | None = None
        for sentence in ctx.analysis(block).sentences:
            yield from _pronouns_in(ctx, block, text, quotes, sentence, previous)
            previous = sentence


def _pronouns_in(
    ctx: RuleContext,
    block: Block,
    text: str,
    quotes: list[tuple[int, int]],
    sentence: Sentence,
    previous: Sentence | None,
) -> Iterator[Finding]:
    context = [t for t in previous.tokens if not t.is_space] if previous else []
    own = [t for t in sentence.tokens if not t.is_space]
    words = context + own
    offset = len(context)
    for j in range(offset, len(words)):
        token = words[j]
        if inside(quotes, token.start, token.end):
            continue
        if j > 0 and words[j - 1].lower in MENTION_WORDS:
            continue
        if token.lower == "denne" and not (j + 1 < len(words) and _is_role(words[j + 1])):
            yield _pronoun_finding(ctx, block, token, "hen; personen; den")
            continue
        if token.lower not in _PRONOUNS:
            continue
        # "han/hon", "han eller hon" are INK010's.
        neighbours = {words[k].lower for k in (j - 2, j - 1, j + 1, j + 2) if 0 <= k < len(words)}
        if neighbours & (_PRONOUNS - {token.lower}) and neighbours & {"/", "eller", "(", "och"}:
            continue
        start = _antecedent(words, j)
        if start is None:
            start = _has_generic_who(words, j)
        if start is None:
            continue
        between = words[start + 1 : j]
        names = [
            t
            for k, t in enumerate(between, start + 1)
            if _is_name(t, k == 0 or k == offset or words[k - 1].text in ".!?:")
        ]
        if names:
            continue  # "En elev, Anders, sa att han ..." is about a named person
        suggestion = {"han": "hen", "hon": "hen", "honom": "hen", "henne": "hen"}.get(
            token.lower, "hens"
        )
        yield _pronoun_finding(ctx, block, token, suggestion)


def _pronoun_finding(ctx: RuleContext, block: Block, token: Token, suggestion: str) -> Finding:
    return ctx.finding(
        block,
        token.start,
        token.end,
        suggestion=suggestion,
        note=ctx.text(
            "Isof avråder från generiskt han och hon; skriv hen, den, plural eller skriv om.",
            "Isof advises against generic he or she.",
        ),
    )
