"""Lemma-aware term matching.

Pack authors write terms in dictionary form ("erhålla", "vidta åtgärd"). A term matches a
token when the token's lemma or its surface form equals the term word, so that every
inflection is caught ("erhöll", "erhållit", "erhålls"); multi-word terms match lemma by
lemma ("vidtog åtgärderna"), optionally with a few words in between (`gap`). A term may
also be allowed to match as a part of a compound (`compound: prefix|suffix|any`), in which
case the whole compound is what the finding reports ("handikapptoalett").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kommlint.language import Sentence, Token
from kommlint.language.formlookup import lookup_lemma

COMPOUND_MODES = {"none", "prefix", "suffix", "any"}
# The shortest remainder that makes a compound rather than an inflection ("handikapp|ad").
MIN_COMPOUND_PART = 3


@dataclass
class Term:
    words: tuple[str, ...]  # lower-cased lemmas
    forms: frozenset[str] = frozenset()  # extra surface forms for single-word terms
    compound: str = "none"
    case_sensitive: bool = False
    pos: frozenset[str] = frozenset()
    # No match when the next word has one of these parts of speech: "den sökande" is a
    # person, "den sökande hunden" is not; "vederbörande" alone, not "vederbörande chef".
    not_before_pos: frozenset[str] = frozenset()
    gap: int = 0
    data: dict[str, Any] = field(default_factory=dict)  # suggestion, note, severity, ...
    exceptions: tuple[re.Pattern, ...] = ()
    source_text: str = ""
    gap_stop: frozenset[str] = frozenset()  # words (surface or lemma) a gap may not cross
    # Regexes on the sentence of which one must match (a context cue), else no match.
    cues: tuple[re.Pattern, ...] = ()


@dataclass
class TermMatch:
    term: Term
    start: int  # character offsets in the block text
    end: int
    tokens: list[Token]


def compile_term(
    raw: Any, *, default_compound: str = "none", default_gap_stop: frozenset[str] = frozenset()
) -> Term:
    if isinstance(raw, str):
        raw = {"term": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("term"), str):
        raise ValueError(f"en term ska ha fältet 'term' (text), inte {raw!r}")
    text = raw["term"].strip()
    case_sensitive = bool(raw.get("case_sensitive", False))
    words = tuple(w if case_sensitive else w.lower() for w in text.split())
    if not words:
        raise ValueError("tom term")
    compound = str(raw.get("compound", default_compound))
    if compound not in COMPOUND_MODES:
        raise ValueError(f"compound ska vara en av {sorted(COMPOUND_MODES)}, inte {compound!r}")
    forms = raw.get("forms") or []
    if not isinstance(forms, list):
        raise ValueError(f"'forms' ska vara en lista, inte {forms!r}")
    exceptions = tuple(re.compile(p, re.IGNORECASE) for p in raw.get("exceptions") or [])
    cues = tuple(re.compile(p, re.IGNORECASE) for p in raw.get("cues") or [])
    known = {
        "term",
        "forms",
        "compound",
        "case_sensitive",
        "pos",
        "not_before_pos",
        "gap",
        "exceptions",
        "cues",
    }
    known.add("gap_stop")
    gap_stop = raw.get("gap_stop")
    if gap_stop is not None and not isinstance(gap_stop, list):
        raise ValueError(f"'gap_stop' ska vara en lista, inte {gap_stop!r}")
    return Term(
        words=words,
        forms=frozenset(f if case_sensitive else f.lower() for f in forms),
        compound=compound,
        case_sensitive=case_sensitive,
        pos=frozenset(raw.get("pos") or []),
        not_before_pos=frozenset(raw.get("not_before_pos") or []),
        gap=int(raw.get("gap", 0)),
        data={k: v for k, v in raw.items() if k not in known},
        exceptions=exceptions,
        source_text=text,
        cues=cues,
        gap_stop=(
            frozenset(str(w).lower() for w in gap_stop)
            if gap_stop is not None
            else default_gap_stop
        ),
    )


# Closed word classes, where the POS-blind dictionary errs ("den" -> "en", "in" -> "i").
_CLOSED_POS = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "DET", "PRON", "AUX", "NUM"})


def dictionary_lemma(token: Token) -> str | None:
    """The POS-blind dictionary lemma of a content word, a second opinion for when the
    tagger's lemma is wrong ("vidtog" tagged as an adjective keeps "vidtog"; the
    dictionary says "vidta"). It matches what the untagged analysis would have matched,
    so a term's matches do not depend on whether the block was tagged. Short words and
    closed classes are left out: that is where the dictionary errs."""
    if len(token.text) < 5 or token.pos in _CLOSED_POS or not token.text.isalpha():
        return None
    return lookup_lemma(token.lower)


class TermMatcher:
    """Finds any of a set of terms in analysed sentences; built once per rule."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms
        self._by_word: dict[str, list[Term]] = defaultdict(list)
        self._prefix: dict[str, list[Term]] = defaultdict(list)
        self._suffix: dict[str, list[Term]] = defaultdict(list)
        for term in terms:
            first = term.words[0]
            self._by_word[first].append(term)
            for form in term.forms:
                self._by_word[form].append(term)
            if len(term.words) == 1 and term.compound in {"prefix", "any"}:
                self._prefix[first].append(term)
            if len(term.words) == 1 and term.compound in {"suffix", "any"}:
                self._suffix[first].append(term)
        self._prefix_lengths = sorted({len(k) for k in self._prefix})
        self._compound_cache: dict[str, tuple[Term, ...]] = {}

    @staticmethod
    def _keys(token: Token, case_sensitive: bool) -> tuple[str, str]:
        if case_sensitive:
            return token.text, token.lemma
        return token.lower, token.lemma

    def _word_matches(self, term: Term, word: str, token: Token) -> bool:
        surface, lemma = self._keys(token, term.case_sensitive)
        if term.case_sensitive and token.text[:1] != word[:1]:
            return False
        if term.pos and token.pos and token.pos not in term.pos:
            return False
        return (
            surface == word
            or lemma == word
            or (len(term.words) == 1 and surface in term.forms)
            or (not term.case_sensitive and dictionary_lemma(token) == word)
        )

    def find(self, sentence: Sentence) -> Iterator[TermMatch]:
        tokens = [t for t in sentence.tokens if not t.is_space]
        for i, token in enumerate(tokens):
            if token.is_punct:
                continue
            candidates: dict[int, Term] = {}
            for key in {token.lower, token.lemma, token.text, dictionary_lemma(token)}:
                for term in self._by_word.get(key, ()):
                    candidates[id(term)] = term
            for term in candidates.values():
                match = self._match_at(term, tokens, i)
                if match is not None:
                    yield match
            yield from self._compound_matches(token, candidates)

    def _match_at(self, term: Term, tokens: list[Token], i: int) -> TermMatch | None:
        if not self._word_matches(term, term.words[0], tokens[i]):
            return None
        matched = [tokens[i]]
        j = i
        for word in term.words[1:]:
            found = None
            for k in range(j + 1, min(len(tokens), j + 2 + term.gap)):
                if tokens[k].is_punct:
                    break
                if self._word_matches(term, word, tokens[k]):
                    found = k
                    break
                if tokens[k].lower in term.gap_stop or tokens[k].lemma in term.gap_stop:
                    break
            if found is None:
                return None
            matched.append(tokens[found])
            j = found
        if term.not_before_pos and j + 1 < len(tokens) and tokens[j + 1].pos in term.not_before_pos:
            return None
        return TermMatch(term, matched[0].start, matched[-1].end, matched)

    def _compound_matches(self, token: Token, already: dict[int, Term]) -> Iterator[TermMatch]:
        if not (self._prefix or self._suffix) or not token.text.isalpha():
            return
        seen = set(already)
        for term in self._compound_terms(token.lower):
            if id(term) not in seen and self._pos_ok(term, token):
                seen.add(id(term))
                yield TermMatch(term, token.start, token.end, [token])

    def _compound_terms(self, lower: str) -> tuple[Term, ...]:
        """The terms a word may hold as a prefix or suffix, in the order they are tried.
        Depends on the word only, so it is cached: the suffix search looks up every tail
        of every word in the form table, for each rule with compound terms."""
        cached = self._compound_cache.get(lower)
        if cached is not None:
            return cached
        found: list[Term] = []
        for length in self._prefix_lengths:
            if len(lower) - length < MIN_COMPOUND_PART:
                break
            found.extend(self._prefix.get(lower[:length], ()))
        if self._suffix:
            for cut in range(MIN_COMPOUND_PART, len(lower) - 1):
                tail = lower[cut:]
                terms = self._suffix.get(tail)
                if terms is None:
                    lemma = lookup_lemma(tail)
                    terms = self._suffix.get(lemma) if lemma else None
                found.extend(terms or ())
        if len(self._compound_cache) >= 100_000:
            self._compound_cache.clear()
        self._compound_cache[lower] = result = tuple(found)
        return result

    @staticmethod
    def _pos_ok(term: Term, token: Token) -> bool:
        return not term.pos or not token.pos or token.pos in term.pos


_QUOTE_PAIRS = {'"': '"', "”": "”", "“": "”", "«": "»", "»": "«", "„": "“", "'": "'", "’": "’"}


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text inside quotation marks (the marks included)."""
    return list(_quoted_spans(text))


_QUOTE_CHARS = re.compile("[" + re.escape("".join(_QUOTE_PAIRS)) + "]")


@lru_cache(maxsize=4096)
def _quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    # Cached: every existence rule asks for the quotes of every block. Jumps from one
    # quotation mark to the next instead of stepping through every character.
    spans: list[tuple[int, int]] = []
    found = _QUOTE_CHARS.search(text)
    while found is not None:
        i = found.start()
        closer = _QUOTE_PAIRS[text[i]]
        if i == 0 or not text[i - 1].isalnum():
            end = text.find(closer, i + 1)
            # An apostrophe inside a word ("Stockholm's") is not a closing quote.
            while end != -1 and end + 1 < len(text) and text[end + 1].isalnum():
                end = text.find(closer, end + 1)
            if end != -1 and end - i <= 400:
                spans.append((i, end + 1))
                found = _QUOTE_CHARS.search(text, end + 1)
                continue
        found = _QUOTE_CHARS.search(text, i + 1)
    return tuple(spans)


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# Head words of organisation names ("Riksförbundet för ...", "Föreningen ...").
_NAME_HEADS = (
    "förbund",
    "förbundet",
    "föreningen",
    "förening",
    "organisationen",
    "stiftelsen",
    "ombudsmannen",
    "institutet",
    "rådet",
    "verket",
    "nätverket",
    "kommittén",
)


def _is_name_word(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and not text.isupper() and token.pos not in {"PRON", "DET"}


def in_proper_name(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the span [start, end) is part of a proper name such as an organisation's
    name: the word is capitalised inside the sentence ("De Handikappades Riksförbund"), or
    a capitalised organisation head word stands just before it ("Riksförbundet för
    rörelsehindrade barn") or just after it ("Synskadades Riksförbund")."""
    words = [t for t in tokens if not t.is_space]
    first = next((i for i, t in enumerate(words) if t.end > start), None)
    if first is None:
        return False
    # Capitalised after a word or a comma, i.e. not where a sentence or a list item starts.
    prev = words[first - 1] if first > 0 else None
    if prev and _is_name_word(words[first]) and (not prev.is_punct or prev.text in {",", "&"}):
        return True
    own = words[first]
    if _is_name_word(own) and own.lower.endswith(_NAME_HEADS) and (prev or "förbund" in own.lower):
        return True  # the name itself: "Handikappförbunden"
    for back in range(first - 1, max(-1, first - 7), -1):
        t = words[back]
        if t.is_punct and t.text not in {"-", "&"}:
            break
        # At the start of a sentence every word is capitalised: only "...förbund" counts there.
        head = t.lower.endswith(_NAME_HEADS) and (back > 0 or "förbund" in t.lower)
        if _is_name_word(t) and head:
            return True
    last = next((i for i in range(len(words) - 1, -1, -1) if words[i].end <= end), first)
    for ahead in range(last + 1, min(len(words), last + 4)):
        t = words[ahead]
        if t.is_punct and t.text not in {"-", "&"}:
            break
        if _is_name_word(t) and t.lower.endswith(_NAME_HEADS):
            return True
    return False
