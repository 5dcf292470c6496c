"""Text normalisation for search: case- and accent-insensitive, punctuation-free."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
# Letters that do not decompose into base letter + accent.
_SPECIAL = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "þ": "th"})


def fold_name(text: str) -> str:
    """'  Zoë  O'Brien-Łukasz ' -> 'zoe obrien lukasz' (hyphens become spaces)."""
    lowered = text.casefold().translate(_SPECIAL).replace("-", " ")
    decomposed = unicodedata.normalize("NFKD", lowered)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", _NOT_WORD.sub("", plain)).strip()


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
