"""A sounds-alike key for names (NYSIIS, New York State Identification and Intelligence System).

Pure: 'Smith' and 'Smyth', 'Catherine' and 'Katherine', 'Schmidt' and 'Smit' share a key,
so the duplicate check finds a patient whose surname was spelled differently on the phone.
"""

from __future__ import annotations

from intake.domain.text import fold_name

_VOWELS = frozenset("AEIOU")
_FIRST = (("MAC", "MCC"), ("KN", "NN"), ("K", "C"), ("PH", "FF"), ("PF", "FF"), ("SCH", "SSS"))
_LAST = (("EE", "Y"), ("IE", "Y"), ("DT", "D"), ("RT", "D"), ("RD", "D"), ("NT", "D"), ("ND", "D"))
_INNER = (("EV", "AF"), ("KN", "N"), ("SCH", "SSS"), ("PH", "FF"))
_SINGLE = {"Q": "G", "Z": "S", "M": "N", "K": "C"}
MAX_LENGTH = 8


def nysiis(name: str) -> str:
    """The NYSIIS key of a name ('' for a name without letters); words are run together."""
    word = "".join(ch for ch in fold_name(name).upper() if "A" <= ch <= "Z")
    if not word:
        return ""
    if len(word) > 3 and word.endswith("E") and word[-2] not in _VOWELS:
        word = word[:-1]  # a silent final e: Browne, Ashforde
    word = _replace_start(word)
    word = _replace_end(word)
    key = word[0]
    chars = list(word)
    i = 1
    while i < len(chars):
        chars, step = _translate(chars, i)
        if chars[i] != key[-1]:
            key += chars[i]
        i += step
    return _tidy_end(key)[:MAX_LENGTH]


def _replace_start(word: str) -> str:
    for old, new in _FIRST:
        if word.startswith(old):
            return new + word[len(old) :]
    return word


def _replace_end(word: str) -> str:
    for old, new in _LAST:
        if word.endswith(old) and len(word) > len(old):
            return word[: -len(old)] + new
    return word


def _translate(chars: list[str], i: int) -> tuple[list[str], int]:
    """Rewrite the letters at position i in place; return them and how far to move on."""
    rest = "".join(chars[i:])
    for old, new in _INNER:
        if rest.startswith(old):
            chars[i : i + len(old)] = list(new)
            return chars, 1
    ch = chars[i]
    if ch in _VOWELS or (ch == "Y" and i + 1 < len(chars)):
        chars[i] = "A"
    elif ch in _SINGLE:
        chars[i] = _SINGLE[ch]
    elif (
        ch == "H"
        and (chars[i - 1] not in _VOWELS or (i + 1 < len(chars) and chars[i + 1] not in _VOWELS))
    ) or (ch == "W" and chars[i - 1] in _VOWELS):
        chars[i] = chars[i - 1]
    return chars, 1


def _tidy_end(key: str) -> str:
    if len(key) > 1 and key.endswith("S"):
        key = key[:-1]
    if len(key) > 2 and key.endswith("AY"):
        key = key[:-2] + "Y"
    if len(key) > 1 and key.endswith("A"):
        key = key[:-1]
    return key
