"""What a person typed into the patient search box, and the keys a patient is found by.

Pure. `parse` reads names in any order, dates of birth in the common formats (an ambiguous
07/03/1980 is read both ways), phone numbers with any punctuation, and record numbers
(M0000123 or just 123). `patient_keys` lists the search keys stored for one patient; the
database keeps them in one ordered index so every kind of lookup is a short range scan.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from intake.domain.phonetic import nysiis
from intake.domain.text import digits, fold_name

# Key prefixes: name words are [a-z0-9]+ and never start with '#'.
DOB = "#d"  # date of birth, YYYYMMDD
PHONE = "#p"  # phone digits, searched by prefix
PHONE_END = "#s"  # phone digits reversed, so the last digits are a prefix too
SOUNDS = "#n"  # sounds-alike family name + given name, for the duplicate check
EMAIL = "#e"  # e-mail address, lower case

KEY_LENGTH = 120  # the key and sort-name columns' size
WORDS_LENGTH = 400  # the words column's size: the registration check keeps within it
MIN_PHONE_DIGITS = 4
NATIONAL_DIGITS = 10
MAX_MRN_DIGITS = 7
OLDEST_YEAR = 1880

_MRN = re.compile(r"^m(\d{1,7})$", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_APOSTROPHES = re.compile(r"['\u2019\u02bc`]")
_PHONE_TEXT = re.compile(r"^\+?[\d\s().\-/]+$")


@dataclass(frozen=True)
class Reading:
    """One way to understand the query. Every given part must match (AND)."""

    names: tuple[str, ...] = ()  # folded name-word prefixes, any order
    birth_date: dt.date | None = None
    phone: str = ""  # digits: the start or the end of a phone number
    mrn: str = ""  # a full record number, M0000123

    @property
    def is_empty(self) -> bool:
        return not (self.names or self.birth_date or self.phone or self.mrn)


@dataclass(frozen=True)
class SearchQuery:
    """All readings of what was typed; a patient matching any one of them is a result."""

    readings: tuple[Reading, ...]

    @property
    def is_empty(self) -> bool:
        return not self.readings

    @property
    def kinds(self) -> frozenset[str]:
        """Which kinds of value were recognised (for a hint under the box)."""
        found: set[str] = set()
        for r in self.readings:
            found.update(
                kind
                for kind, value in (
                    ("name", r.names),
                    ("date of birth", r.birth_date),
                    ("phone", r.phone),
                    ("record number", r.mrn),
                )
                if value
            )
        return frozenset(found)


def parse(text: str, today: dt.date) -> SearchQuery:
    """Every reading of `text`; no readings when nothing searchable was typed."""
    stripped = text.strip()
    if not stripped:
        return SearchQuery(())
    if _PHONE_TEXT.match(stripped) and not _dates(stripped, today) and " " in stripped:
        return SearchQuery(tuple(_number_readings((), digits(stripped), today)))  # (212) 555-0123
    names: list[str] = []
    alternatives: list[tuple[Reading, ...]] = []
    for part in stripped.split():
        found = _read_part(part, today)
        if found is None:
            names.extend(fold_name(part).split())
        else:
            alternatives.append(found)
    words = tuple(dict.fromkeys(w[:KEY_LENGTH] for w in names))
    readings = [Reading(names=words)] if words else []
    for options in alternatives:
        readings = _combine(readings or [Reading()], options)
    return SearchQuery(tuple(r for r in dict.fromkeys(readings) if not r.is_empty))


def _read_part(part: str, today: dt.date) -> tuple[Reading, ...] | None:
    """The readings of one non-name word, or None when it is (part of) a name."""
    if match := _MRN.match(part):
        return (Reading(mrn=mrn_for(int(match.group(1)))),)
    if dates := _dates(part, today):
        found = tuple(Reading(birth_date=d) for d in dates)
        if part.isdigit():  # 19800307 may also be the start of a phone number
            found += tuple(r for r in _number_readings((), part, today) if r.phone)
        return found
    if _PHONE_TEXT.match(part) and (number := digits(part)):
        return tuple(_number_readings((), number, today)) or (Reading(),)
    return None


def _number_readings(names: tuple[str, ...], number: str, today: dt.date) -> list[Reading]:
    found = [Reading(names=names, birth_date=d) for d in _dates(number, today)]
    if len(number) <= MAX_MRN_DIGITS and int(number) > 0:
        found.append(Reading(names=names, mrn=mrn_for(int(number))))
    if len(number) >= MIN_PHONE_DIGITS:
        found.append(Reading(names=names, phone=number))
    return found


def _combine(readings: list[Reading], options: tuple[Reading, ...]) -> list[Reading]:
    combined = []
    for base in readings:
        for option in options:
            combined.append(
                Reading(
                    names=base.names,
                    birth_date=option.birth_date or base.birth_date,
                    phone=option.phone or base.phone,
                    mrn=option.mrn or base.mrn,
                )
            )
    return combined


def mrn_for(number: int) -> str:
    return f"M{number:07d}"


def _dates(text: str, today: dt.date) -> tuple[dt.date, ...]:
    """Every plausible date of birth `text` can mean (none in the future or before 1880)."""
    candidates: list[tuple[int, int, int]] = []  # (year, month, day)
    if match := _ISO.match(text):
        y, m, d = (int(g) for g in match.groups())
        candidates.append((y, m, d))
    elif match := _DMY.match(text):
        a, b, y = (int(g) for g in match.groups())
        year = _full_year(y, today) if len(match.group(3)) == 2 else y
        candidates += [(year, b, a), (year, a, b)]  # day first (7.3.1980) and month first
    elif text.isdigit() and len(text) == 8:
        n = text
        candidates += [
            (int(n[:4]), int(n[4:6]), int(n[6:])),
            (int(n[4:]), int(n[2:4]), int(n[:2])),
            (int(n[4:]), int(n[:2]), int(n[2:4])),
        ]
    found: list[dt.date] = []
    for y, m, d in candidates:
        try:
            day = dt.date(y, m, d)
        except ValueError:
            continue
        if y >= OLDEST_YEAR and day <= today and day not in found:
            found.append(day)
    return tuple(found)


def _full_year(two_digits: int, today: dt.date) -> int:
    """'80' -> 1980, '05' -> 2005: the most recent year not after this one."""
    century = today.year - today.year % 100
    year = century + two_digits
    return year if year <= today.year else year - 100


def read_date(text: str, today: dt.date) -> tuple[dt.date, ...]:
    """Dates a date-of-birth field may mean: 1980-03-07, 7.3.1980, 07/03/1980, 19800307."""
    return _dates(text.strip().replace(" ", ""), today)


# --- what is stored per patient --------------------------------------------------------------


def name_words(*names: str) -> tuple[str, ...]:
    """The folded words of a patient's names, each once, in order."""
    words: list[str] = []
    for name in names:
        words.extend(fold_name(name).split())
        if _APOSTROPHES.search(name):  # O'Brien is found by 'obrien' and by 'brien'
            words.extend(fold_name(_APOSTROPHES.sub(" ", name)).split())
    return tuple(dict.fromkeys(w[:KEY_LENGTH] for w in words))


def sort_name(family_name: str, given_name: str) -> str:
    return f"{fold_name(family_name)} {fold_name(given_name)}"[:KEY_LENGTH]


def words_text(words: tuple[str, ...]) -> str:
    """' ada ashford ': every word with a space before it, for 'LIKE % ad%' filters."""
    return " " + " ".join(words) + " "


def sounds_key(family_name: str, given_name: str) -> str:
    return f"{SOUNDS}{nysiis(family_name)}|{nysiis(given_name)}"


def patient_keys(
    family_name: str,
    given_name: str,
    preferred_name: str,
    date_of_birth: dt.date,
    phone: str,
    email: str,
) -> tuple[str, ...]:
    """Every search key stored for one patient, each once."""
    keys = list(name_words(family_name, given_name, preferred_name))
    keys.append(f"{DOB}{date_of_birth:%Y%m%d}")
    number = digits(phone)
    if number:
        keys += [f"{PHONE}{number}", f"{PHONE_END}{number[::-1]}"]
        if len(number) > NATIONAL_DIGITS:  # +1 (212) ... is found by '212' too
            keys.append(f"{PHONE}{number[-NATIONAL_DIGITS:]}")
    keys.append(sounds_key(family_name, given_name))
    if email.strip():
        keys.append(f"{EMAIL}{email.strip().lower()}")
    return tuple(dict.fromkeys(k[:KEY_LENGTH] for k in keys))


def prefix_range(prefix: str) -> tuple[str, str]:
    """[low, high) holding exactly the keys that start with `prefix` (byte order)."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)
