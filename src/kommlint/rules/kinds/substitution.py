"""`substitution`: a term that has a better replacement. Like `existence`, but every term
carries `replacement`, which is inflected to fit the matched form when the language layer
knows how ("erhöll" -> "fick"), else given in dictionary form.

Fields: those of `existence`; each term (or pattern) needs `replacement`.
"""

from __future__ import annotations

from kommlint.language.inflect import inflect_like
from kommlint.rules.context import RuleContext
from kommlint.rules.kinds import existence
from kommlint.rules.matching import Term, TermMatch
from kommlint.rules.model import Rule

fields = existence.fields


def compile(rule: Rule):
    for pattern in rule.spec.get("patterns") or []:
        if not isinstance(pattern, dict) or "replacement" not in pattern:
            raise ValueError(f"mönstret {pattern!r} saknar 'replacement'")
        pattern.setdefault("suggestion", pattern["replacement"])
    return existence.compile(rule, require=("replacement",))


def _inflected(term: Term, match: TermMatch, text: str) -> str:
    replacement = str(term.data["replacement"])
    suggestion = inflect_like(replacement, term.words, match.tokens)
    matched = text[match.start : match.end]
    if matched[:1].isupper() and not matched.isupper():
        suggestion = suggestion[:1].upper() + suggestion[1:]
    return suggestion


def run(rule: Rule, ctx: RuleContext):
    return existence.run(rule, ctx, suggestion_for=_inflected)
