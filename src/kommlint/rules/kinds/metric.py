"""`metric`: a measure of the document, a paragraph, a sentence or a word against a limit.

Fields:
  metric: lix | sentence_words | paragraph_words | word_letters
  scope:  document | paragraph | sentence | word (what one value is measured over;
          each metric has a natural scope and lix allows document or paragraph)
Options (overridable per rule in the configuration):
  max:        the limit; a value above it is a finding
  min_words:  skip paragraphs/documents with fewer words (too short for the metric to mean much)
Message placeholders: {value}, {limit}, {match}; for lix also {per_sentence} (words per
sentence), {long_share} (per cent long words) and {band} ("medelsvår", "svår", ...).
LIX is counted as kommlint.language.readability counts it (URLs and e-mail addresses
are not words).
"""

from __future__ import annotations

from kommlint.language import BlockAnalysis
from kommlint.rules.context import RuleContext
from kommlint.rules.model import Rule

fields = {"metric", "scope"}
SCOPES = {
    "lix": {"document", "paragraph"},
    "sentence_words": {"sentence"},
    "paragraph_words": {"paragraph"},
    "word_letters": {"word"},
}


def compile(rule: Rule):
    metric = rule.spec.get("metric")
    if metric not in SCOPES:
        raise ValueError(f"okänt mått {metric!r} (finns: {sorted(SCOPES)})")
    scope = rule.spec.get("scope") or sorted(SCOPES[metric])[0]
    if scope not in SCOPES[metric]:
        raise ValueError(f"måttet {metric} kan mätas per {sorted(SCOPES[metric])}, inte {scope}")
    if "max" not in rule.options:
        raise ValueError("kind metric behöver options.max")
    return metric, scope


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def _lix_parts(r) -> dict[str, str]:
    """What a LIX value is made of, for messages: {per_sentence}, {long_share}, {band}."""
    from kommlint.language.readability import lix_label

    return {
        "per_sentence": _fmt(round(r.mean_sentence_length or 0, 1)),
        "long_share": _fmt(round(100 * (r.long_word_share or 0))),
        "band": lix_label(r.lix or 0).lower(),
    }


def run(rule: Rule, ctx: RuleContext):
    metric, scope = rule.compiled
    limit = float(ctx.options["max"])
    min_words = int(ctx.options.get("min_words", 0))
    blocks = ctx.blocks()
    if metric == "lix":
        from kommlint.language.readability import Readability, combine

        measured = [(b, Readability.of(ctx.analysis(b, tag=False))) for b in blocks]
        if scope == "document":
            total = combine(r for _, r in measured)
            value = total.lix
            if value is not None and total.words >= max(min_words, 1) and value > limit:
                yield ctx.document_finding(
                    value=_fmt(value), limit=_fmt(limit), **_lix_parts(total)
                )
            return
        for block, r in measured:
            value = r.lix
            if value is not None and r.words >= max(min_words, 1) and value > limit:
                yield ctx.finding(
                    block,
                    None,
                    None,
                    value=_fmt(value),
                    limit=_fmt(limit),
                    with_context=False,
                    **_lix_parts(r),
                )
        return
    for block in blocks:
        analysis: BlockAnalysis = ctx.analysis(block, tag=False)
        if metric == "paragraph_words":
            count = sum(len(s.words) for s in analysis.sentences)
            if count > limit:
                yield ctx.finding(
                    block, None, None, value=count, limit=_fmt(limit), with_context=False
                )
        elif metric == "sentence_words":
            for sentence in analysis.sentences:
                count = len(sentence.words)
                if count > limit:
                    yield ctx.finding(
                        block, sentence.start, sentence.end, value=count, limit=_fmt(limit)
                    )
        elif metric == "word_letters":
            for token in analysis.tokens:
                letters = sum(c.isalpha() for c in token.text)
                if letters > limit:
                    yield ctx.finding(
                        block, token.start, token.end, value=letters, limit=_fmt(limit)
                    )
