"""Slugs as readers type them: with Polish letters, capitals or spaces (ADR 0010).

An address like ``/biuletyn/tag/Osoby głuche/`` names the tag ``osoby-gluche`` (or
``osoby-głuche``: editors' tags keep their Polish letters); the views look the typed text up
in the forms :func:`spellings` gives and redirect to the one that exists.
"""

from __future__ import annotations

import unicodedata

from django.utils.text import slugify

# Letters that do not decompose into a base letter and a mark.
_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss"})


def fold(text: str) -> str:
    """``text`` in lower case without diacritics: "Osoby Głuche" → "osoby gluche"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def spellings(typed: str) -> list[str]:
    """The slugs a reader may have meant, the closest first: the typed text as a slug (Polish
    letters kept), then without diacritics; "_" counts as a space. Empty when nothing is left
    of it."""
    typed = typed.replace("_", " ")
    found = [slugify(typed, allow_unicode=True), slugify(fold(typed))]
    return [s for s in dict.fromkeys(found) if s]
