"""Tokenizer exceptions for municipal Swedish on top of spaCy's Swedish defaults.

spaCy's Swedish tokenizer already keeps many abbreviations together; this adds the ones
kommlint's texts use (dnr., resp., fr.o.m., kap., ...) in lower-case, capitalised and
upper-case spelling, so that "t.ex." or "Fr.o.m." is one token and its full stops are
never mistaken for sentence ends.
"""

from __future__ import annotations

from typing import Any

from kommlint.language.lexicon import ABBREVIATIONS

# Forms written with a colon that must stay one token ("S:t Eriksgatan", "S:ta Clara").
COLON_FORMS = ("S:t", "S:ta", "s:t", "s:ta", "S:T")


def _variants(abbr: str) -> set[str]:
    return {abbr, abbr[0].upper() + abbr[1:], abbr.upper()}


def exception_strings() -> list[str]:
    out: set[str] = set()
    for abbr in ABBREVIATIONS:
        out |= _variants(abbr)
    out.update(COLON_FORMS)
    return sorted(out)


def abbreviation_tokens() -> frozenset[str]:
    """Lower-case token texts that end in a full stop but are abbreviations."""
    from kommlint.language.lexicon import ABBREVIATIONS as ours

    # plus the ones spaCy's Swedish exceptions already keep together
    extra = {"ang.", "dvs.", "bl.a.", "t.ex.", "f.ö.", "m.a.o.", "o.a.", "s.a.s.", "t.o.m."}
    return frozenset(a.lower() for a in ours) | frozenset(extra)


def customise_tokenizer(nlp: Any) -> None:
    """Add kommlint's special cases to a spaCy Swedish tokenizer (idempotent)."""
    from spacy.symbols import ORTH

    for text in exception_strings():
        nlp.tokenizer.add_special_case(text, [{ORTH: text}])
