"""Grammar patterns the rule packs need: passive voice, future and modal constructions.

Both work on a *tagged* `BlockAnalysis` (Analyzer.analyse(text) with tag=True): they use
UPOS, the UD features (Voice=Pass, VerbForm=Part/Inf, Tense) and the lemmas. There is no
dependency parser, so agents and subjects are found with word-order heuristics that
are documented at each function.
"""

from __future__ import annotations

from dataclasses import dataclass

from kommlint.language import BlockAnalysis, Sentence, Token
from kommlint.language.lemmastore import lookup
from kommlint.language.lemmatizer import STRONG_VERBS
from kommlint.language.lexicon import (
    AMBIGUOUS_S_VERBS,
    DEPONENT_FORM_TO_LEMMA,
    DEPONENTS,
    RECIPROCALS,
)


def lookup_lemma(form: str) -> str | None:
    got = lookup(form)
    return got.lower() if got else None


# Adverbs allowed between an auxiliary and its participle / infinitive
# ("blev inte godkänd", "kommer också att bygga", "ska därför införa").
_GAP = frozenset({"ADV", "PART"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_PERIPHRASTIC = {"bli": "bli-passive", "varda": "bli-passive", "vara": "vara-passive"}
_AGENT_HEAD = frozenset({"DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"})
# Words after "av" that make it a particle or a partitive, not an agent.
_NOT_AGENT = frozenset({"med", "och", "till", "på", "i", "att"})
# "på grund av", "med hjälp av", "i form av", "till följd av", "i samband med" ...
_COMPLEX_PREPOSITION = frozenset({"grund", "hjälp", "form", "följd", "början", "slutet", "mitten",
                                  "stöd", "storleken", "värde", "tack"})  # fmt: skip
_PARTICIPLE_ENDINGS = ("ad", "at", "ade", "ada", "d", "t", "dd", "tt", "da", "ta", "dda", "tta",
                       "en", "et", "na", "ne")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Passive:
    """One passive construction in a block.

    `tokens` are indices into `analysis.sentences[sentence].tokens` (the auxiliary and
    the participle for periphrastic passives, the verb for s-passives); `start`/`end` are
    character offsets in the block text covering those tokens; `verb_start` is the offset
    of the passive verb (s-form or participle).
    """

    sentence: int
    tokens: tuple[int, ...]
    start: int
    end: int
    verb_start: int
    kind: str  # "s-passive" | "bli-passive" | "vara-passive"
    lemma: str  # lemma of the passive verb (the active infinitive: "skicka")
    has_agent: bool
    agent_start: int | None = None  # offset of "av" when an agent is given


@dataclass(frozen=True, slots=True)
class Future:
    """A future or modal construction: "staden kommer att bygga", "vi ska införa"."""

    sentence: int
    kind: str  # "kommer-att" | "ska" | "modal"
    aux: int  # token index of "kommer"/"ska"/"kan"/...
    verb: int  # token index of the infinitive
    subject: int | None  # token index of the subject's head word, when found
    start: int  # from the auxiliary (or subject, when it comes first) to the verb
    end: int
    aux_lemma: str
    verb_lemma: str
    subject_text: str | None


def _require_tags(analysis: BlockAnalysis) -> None:
    if not analysis.tagged:
        raise ValueError("grammar patterns need a tagged analysis: analyse(text, tag=True)")


def _is_deponent(tok: Token) -> bool:
    low = tok.lower
    return low in DEPONENT_FORM_TO_LEMMA or tok.lemma in DEPONENTS


def _near(tokens: list[Token], i: int, lemma_prefix: str, width: int = 3) -> bool:
    lo, hi = max(0, i - width), min(len(tokens), i + width + 1)
    return any(t.lemma.startswith(lemma_prefix) for t in tokens[lo:hi] if t is not tokens[i])


def _agent(tokens: list[Token], i: int) -> int | None:
    """Index of "av" introducing an agent after token i, within the same clause.

    Heuristic without a parser: the first "av" after the verb, before any comma,
    sentence-final punctuation or another finite verb, that is followed by a noun phrase
    (determiner, noun, name, pronoun, adjective or number) -- so "stängs av", "mattas av",
    "består av" (not passive anyway) and "av och till" are not agents.
    """
    for j in range(i + 1, min(len(tokens), i + 12)):
        t = tokens[j]
        if t.is_punct and t.text not in ("-", "–"):
            return None
        if t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin":
            return None
        if t.lower == "av":
            if j > 0 and tokens[j - 1].lower in _COMPLEX_PREPOSITION:
                continue  # "på grund av", "med hjälp av", "till följd av": not agents
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is None or nxt.is_punct or nxt.lower in _NOT_AGENT:
                return None
            if nxt.pos in _AGENT_HEAD or nxt.text[:1].isupper():
                return j
            return None
    return None


def _s_passive(tokens: list[Token], i: int) -> bool:
    t = tokens[i]
    if not t.lower.endswith("s"):
        return False
    if t.pos not in ("VERB", "AUX"):
        # the tagger misses some strong-verb passives ("vidtogs", "antogs"): an s-form of a
        # known irregular verb form is a verb whatever the tag
        return t.pos in ("ADJ", "NOUN", "ADV") and STRONG_VERBS.get(t.lower[:-1]) not in (
            None,
            t.lower[:-1],
        )
    if t.lower in AMBIGUOUS_S_VERBS:
        # deponent "be missing" vs passive of "fatta": a decision nearby means passive
        return _near(tokens, i, "beslut") or _agent(tokens, i) is not None
    if t.feat("Mood") == "Imp" or t.lemma.startswith(t.lower):
        return False  # the s belongs to the stem: "Läs mer", "lös" (lemma "läsa", "lösa")
    if _is_deponent(t):
        # reciprocal forms are passive only with an agent: "han träffades av en boll"
        return t.lemma in RECIPROCALS and _agent(tokens, i) is not None and t.lower != "ses"
    if t.feat("Voice") == "Pass":
        return True
    # the tagger sometimes misses or mislabels Voice ("skickats" as Voice=Act): an s-form
    # verb whose lemma is not an s-verb ("skickats" -> "skicka") is a passive, while
    # deponents keep their -s in the lemma ("lyckas", "finnas")
    return not t.lemma.endswith("s")


def _looks_like_participle(t: Token) -> bool:
    """A word the tagger missed as a participle ("uppsagd", "stängd" at a sentence end are
    often tagged NOUN): it has a participle ending and the lemma table says it comes from
    a verb ("stängd" -> "stänga", "avslagen" -> "avslå")."""
    if t.pos not in ("NOUN", "ADJ", "VERB") or not t.lower.endswith(_PARTICIPLE_ENDINGS):
        return False
    lemma = lookup_lemma(t.lower)
    if not lemma or lemma[-1] not in "aåeouyö" or len(lemma) < 3:
        return False
    # the form must be the verb stem + a participle suffix ("stäng|d", "bevilj|ad",
    # "skriv|en"); "glad" -> "glada" or "rädd" -> "rädda" (the table is POS-blind) are not
    stem = lemma[:-1]
    return t.lower.startswith(stem) and len(t.lower) > len(stem) and t.lower != lemma


def _participle(tokens: list[Token], i: int) -> int | None:
    """Index of a perfect participle right after an auxiliary at i (adverbs may intervene)."""
    for j in range(i + 1, min(len(tokens), i + 5)):
        t = tokens[j]
        if t.lower.endswith(("ande", "ende")):
            return None
        if t.feat("VerbForm") == "Part" and t.feat("Tense") != "Pres":
            return j
        if t.feat("Definite") != "Def" and _looks_like_participle(t):
            return j
        if t.pos not in _GAP:
            return None
    return None


def find_passives(analysis: BlockAnalysis) -> list[Passive]:
    """All passive constructions in a block, in text order.

    * s-passive: a verb in -s with Voice=Pass (or an s-form of a non-s-verb), except
      deponent and reciprocal verbs (lexicon.DEPONENTS: finnas, hoppas, lyckas, trivas,
      minnas, andas, träffas, ses, ...). Ambiguous "fattas" is passive only next to
      "beslut" or with an agent; reciprocal forms only with an agent.
    * bli-passive: a form of "bli" (or archaic "varda") + perfect participle
      ("blev beviljad", "har blivit uppsagd").
    * vara-passive: a form of "vara" + perfect participle ("är beslutad", "var stängd"),
      stative and usually acceptable: rules may weigh it lower.
    `has_agent` is True when an "av" + noun phrase follows in the same clause.
    """
    _require_tags(analysis)
    out: list[Passive] = []
    for si, sent in enumerate(analysis.sentences):
        out.extend(_passives_in(si, sent))
    return out


def _passives_in(si: int, sent: Sentence) -> list[Passive]:
    tokens = sent.tokens
    found: list[Passive] = []
    used: set[int] = set()
    for i, t in enumerate(tokens):
        if t.lemma in _PERIPHRASTIC and t.pos in ("AUX", "VERB"):
            j = _participle(tokens, i)
            if j is not None:
                agent = _agent(tokens, j)
                found.append(
                    Passive(
                        si,
                        (i, j),
                        t.start,
                        tokens[j].end,
                        tokens[j].start,
                        _PERIPHRASTIC[t.lemma],
                        tokens[j].lemma,
                        agent is not None,
                        tokens[agent].start if agent is not None else None,
                    )
                )
                used.add(j)
                continue
        if i not in used and _s_passive(tokens, i):
            agent = _agent(tokens, i)
            found.append(
                Passive(
                    si,
                    (i,),
                    t.start,
                    t.end,
                    t.start,
                    "s-passive",
                    t.lemma,
                    agent is not None,
                    tokens[agent].start if agent is not None else None,
                )
            )
    return found


_MODALS = {"skola": "ska", "kunna": "modal", "måste": "modal", "böra": "modal", "vilja": "modal"}


def _infinitive(tokens: list[Token], i: int, need_att: bool) -> tuple[int, int | None] | None:
    """(infinitive index, inverted-subject index) after an auxiliary at i."""
    seen_att = not need_att
    subject: int | None = None
    for j in range(i + 1, min(len(tokens), i + 7)):
        t = tokens[j]
        if t.lower == "att" and not seen_att:
            seen_att = True
            continue
        if t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Inf":
            return (j, subject) if seen_att else None
        if t.pos in _GAP:
            continue
        if subject is None and t.pos in _NOMINAL and not (need_att and seen_att):
            subject = j  # "I dag ska staden bygga": inverted word order
            continue
        if subject is not None and t.pos in ("DET", "ADJ"):
            continue
        return None
    return None


def _subject_before(tokens: list[Token], i: int) -> int | None:
    """The nearest noun, name or pronoun before the auxiliary in the same clause."""
    for j in range(i - 1, -1, -1):
        t = tokens[j]
        if t.is_punct or t.pos in ("SCONJ", "CCONJ") or (t.lower == "som" and j < i - 1):
            return None
        if t.pos in _NOMINAL:
            return j
    return None


def find_futures(analysis: BlockAnalysis, modals: bool = True) -> list[Future]:
    """Future ("kommer att" + infinitive, "ska/skall" + infinitive) and, when `modals`,
    other modal constructions ("kan/måste/bör/vill" + infinitive), with their subject.

    The subject is found without a parser: an inverted subject between the auxiliary and
    the infinitive ("I år ska staden bygga") or else the nearest noun/name/pronoun before
    the auxiliary in the same clause ("Stockholms stad kommer att bygga" -> "stad";
    "vi ska införa" -> "vi"). "kommer" without "att" + infinitive ("kommer hem") is not
    future.
    """
    _require_tags(analysis)
    out: list[Future] = []
    for si, sent in enumerate(analysis.sentences):
        tokens = sent.tokens
        for i, t in enumerate(tokens):
            if t.lemma == "komma" and t.pos in ("AUX", "VERB"):
                kind, need_att = "kommer-att", True
            elif t.lemma in _MODALS and t.pos in ("AUX", "VERB"):
                kind, need_att = _MODALS[t.lemma], False
                if kind == "modal" and not modals:
                    continue
            else:
                continue
            got = _infinitive(tokens, i, need_att)
            if got is None:
                continue
            v, subject = got
            if subject is None:
                subject = _subject_before(tokens, i)
            start = min(t.start, tokens[subject].start if subject is not None else t.start)
            out.append(
                Future(
                    si,
                    kind,
                    i,
                    v,
                    subject,
                    start,
                    tokens[v].end,
                    t.lemma,
                    tokens[v].lemma,
                    tokens[subject].text if subject is not None else None,
                )
            )
    return out
