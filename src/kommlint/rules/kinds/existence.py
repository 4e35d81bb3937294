"""`existence`: terms (lemma-aware) or patterns that should not appear.

Fields:
  terms:        list of terms in dictionary form, or mappings with `term` and optional
                `forms`, `compound` (none|prefix|suffix|any), `pos`, `gap`, `case_sensitive`,
                `exceptions` (regexes on the sentence), `suggestion`, `note`, `severity`,
                `cues` (regexes on the sentence of which one must match: context-only terms)
  patterns:     list of regexes on the surface text, or mappings with `pattern` and optional
                `suggestion`, `note`, `severity`, `case_sensitive`, `exceptions`, `cues`
  compound:     default compound mode for every term (none)
  skip_quoted:  ignore matches inside quotation marks (default true)
  skip_mentions: ignore a word discussed as a word: "ordet handikappad" (default true)
  skip_names:   ignore a term inside a proper name, such as an organisation's name
                ("De Handikappades Riksförbund", "Riksförbundet för rörelsehindrade barn")
                (default false)
  gap_stop:     words (surface or lemma) that a term's `gap` may not cross, so that "gör
                att bedömningen" is not "göra bedömning" (default none; a term may set its
                own `gap_stop`)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kommlint.document import Finding
from kommlint.rules.context import RuleContext
from kommlint.rules.matching import (
    Term,
    TermMatch,
    TermMatcher,
    compile_term,
    in_proper_name,
    inside,
    quoted_spans,
)
from kommlint.rules.model import Rule

fields = {
    "terms",
    "patterns",
    "compound",
    "skip_quoted",
    "skip_mentions",
    "skip_names",
    "gap_stop",
}

# Lemmas that introduce a word discussed as a word ("ordet", "begreppet", "termen").
MENTION_LEMMAS = {
    "ord",
    "ordet",
    "begrepp",
    "begreppet",
    "term",
    "termen",
    "uttryck",
    "uttrycket",
    "benämning",
    "benämningen",
    "beteckning",
    "beteckningen",
}


@dataclass
class Pattern:
    regex: re.Pattern
    data: dict[str, Any] = field(default_factory=dict)
    exceptions: tuple[re.Pattern, ...] = ()
    cues: tuple[re.Pattern, ...] = ()


@dataclass
class Compiled:
    matcher: TermMatcher
    patterns: list[Pattern]
    skip_quoted: bool
    skip_mentions: bool
    skip_names: bool = False

    @property
    def needs_tags(self) -> bool:
        """Only terms that look at parts of speech need the tagger."""
        return any(term.pos or term.not_before_pos for term in self.matcher.terms)


def tags_every_block(rule: Rule) -> bool:
    """Whether the rule asks for the tagged analysis of every block in its parts (an
    existence or substitution rule with a term restricted to a part of speech)."""
    return isinstance(rule.compiled, Compiled) and rule.compiled.needs_tags


def compile_pattern(raw: Any) -> Pattern:
    if isinstance(raw, str):
        raw = {"pattern": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("pattern"), str):
        raise ValueError(f"ett mönster ska ha fältet 'pattern' (regex), inte {raw!r}")
    flags = 0 if raw.get("case_sensitive") else re.IGNORECASE
    try:
        regex = re.compile(raw["pattern"], flags)
    except re.error as exc:
        raise ValueError(f"ogiltigt reguljärt uttryck {raw['pattern']!r}: {exc}") from None
    exceptions = tuple(re.compile(p, re.IGNORECASE) for p in raw.get("exceptions") or [])
    cues = tuple(re.compile(p, re.IGNORECASE) for p in raw.get("cues") or [])
    known = {"pattern", "case_sensitive", "exceptions", "cues"}
    data = {k: v for k, v in raw.items() if k not in known}
    return Pattern(regex, data, exceptions, cues)


def compile(rule: Rule, *, require: tuple[str, ...] = ()) -> Compiled:
    spec = rule.spec
    default_compound = str(spec.get("compound", "none"))
    gap_stop = spec.get("gap_stop") or []
    if not isinstance(gap_stop, list):
        raise ValueError(f"'gap_stop' ska vara en lista, inte {gap_stop!r}")
    default_gap_stop = frozenset(str(w).lower() for w in gap_stop)
    terms = [
        compile_term(t, default_compound=default_compound, default_gap_stop=default_gap_stop)
        for t in spec.get("terms") or []
    ]
    for term in terms:
        for key in require:
            if key not in term.data:
                raise ValueError(f"termen '{term.source_text}' saknar '{key}'")
    patterns = [compile_pattern(p) for p in spec.get("patterns") or []]
    if not terms and not patterns:
        raise ValueError("kind existence/substitution behöver 'terms' eller 'patterns'")
    return Compiled(
        matcher=TermMatcher(terms),
        patterns=patterns,
        skip_quoted=bool(spec.get("skip_quoted", True)),
        skip_mentions=bool(spec.get("skip_mentions", True)),
        skip_names=bool(spec.get("skip_names", False)),
    )


def _is_mention(match_start: int, sentence_tokens, text: str) -> bool:
    before = [t for t in sentence_tokens if t.end <= match_start and not t.is_punct][-2:]
    return any(t.lemma in MENTION_LEMMAS or t.lower in MENTION_LEMMAS for t in before)


SuggestionFor = Callable[[Term, TermMatch, str], str | None]


def _default_suggestion(term: Term, match: TermMatch, text: str) -> str | None:
    value = term.data.get("suggestion")
    return str(value) if value is not None else None


def run(rule: Rule, ctx: RuleContext, suggestion_for: SuggestionFor = _default_suggestion):
    compiled: Compiled = rule.compiled
    for block in ctx.blocks():
        yield from _run_block(rule, ctx, block, compiled, suggestion_for)


def _run_block(rule, ctx: RuleContext, block, compiled: Compiled, suggestion_for):
    text = block.text
    quotes = quoted_spans(text) if compiled.skip_quoted else []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    analysis = ctx.analysis(block, tag=compiled.needs_tags)
    if compiled.matcher.terms:
        for sentence in analysis.sentences:
            sentence_text = sentence.text(text)
            for match in compiled.matcher.find(sentence):
                term = match.term
                if quotes and inside(quotes, match.start, match.end):
                    continue
                if compiled.skip_mentions and _is_mention(match.start, sentence.tokens, text):
                    continue
                if any(p.search(sentence_text) for p in term.exceptions):
                    continue
                if term.cues and not any(p.search(sentence_text) for p in term.cues):
                    continue
                if compiled.skip_names and in_proper_name(sentence.tokens, match.start, match.end):
                    continue
                if not free(match.start, match.end):
                    continue
                taken.append((match.start, match.end))
                yield _finding(
                    ctx, block, match.start, match.end, term.data, suggestion_for(term, match, text)
                )
    for pattern in compiled.patterns:
        for m in pattern.regex.finditer(text):
            start, end = m.span()
            if start == end or not free(start, end):
                continue
            if quotes and inside(quotes, start, end):
                continue
            if pattern.exceptions or pattern.cues:
                sentence = analysis.sentence_at(start)
                around = sentence.text(text) if sentence else text
                if any(p.search(around) for p in pattern.exceptions):
                    continue
                if pattern.cues and not any(p.search(around) for p in pattern.cues):
                    continue
            taken.append((start, end))
            suggestion = pattern.data.get("suggestion")
            yield _finding(
                ctx,
                block,
                start,
                end,
                pattern.data,
                m.expand(suggestion) if isinstance(suggestion, str) else None,
            )


def _finding(ctx: RuleContext, block, start: int, end: int, data: dict, suggestion) -> Finding:
    note = data.get("note_en") if ctx.lang == "en" and data.get("note_en") else data.get("note")
    return ctx.finding(
        block,
        start,
        end,
        suggestion=suggestion,
        severity=data.get("severity"),
        note=note or "",
    )
