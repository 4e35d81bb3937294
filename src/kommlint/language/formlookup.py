"""Form -> lemma lookups (spacy-lookups-data's Swedish table), for compound matching and
for checks that ask whether a word is a known Swedish word form.

The table is the one the lemmatizer loads (`lemmatizer.lookup_table`), so a process reads
it once, on first use.
"""

from __future__ import annotations


def lookup_lemma(form: str) -> str | None:
    """The dictionary lemma of a word form, or None when the word is unknown."""
    from kommlint.language.lemmatizer import lookup_table

    table = lookup_table()
    lemma = table.get(form) or table.get(form.lower())
    return lemma.lower() if isinstance(lemma, str) else None
