"""Form -> lemma lookups from spacy-lookups-data, for compound and fallback matching.

Loaded on first use (the table is large) and shared by the whole process.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _table():
    """The spaCy lookup Table (keys are hashed strings, so `get(form)` is the way in)."""
    try:
        from spacy.lookups import load_lookups

        lookups = load_lookups("sv", ["lemma_lookup"], strict=False)
        if "lemma_lookup" in lookups.tables:
            return lookups.get_table("lemma_lookup")
    except (ImportError, ValueError, OSError):
        pass
    return {}


def lookup_lemma(form: str) -> str | None:
    """The dictionary lemma of a word form, or None when the word is unknown."""
    table = _table()
    lemma = table.get(form) or table.get(form.lower())
    return lemma.lower() if isinstance(lemma, str) else None
