"""Form -> lemma lookups (spacy-lookups-data's Swedish table), for compound matching and
for checks that ask whether a word is a known Swedish word form.

The table is the lemmatizer's (`lemmastore`): an on-disk store read a form at a time,
behind an LRU cache, so a process never loads the whole table.
"""

from __future__ import annotations

from kommlint.language.lemmastore import lookup


def lookup_lemma(form: str) -> str | None:
    """The dictionary lemma of a word form, or None when the word is unknown."""
    lemma = lookup(form) or lookup(form.lower())
    return lemma.lower() if lemma else None
