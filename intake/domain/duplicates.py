"""How likely a new registration is someone already on file: a weighted score.

In the spirit of OpenEMR's duplicate score (first name 5, last name 3, date of birth 6, e-mail
2, phone 3, ...): each field that agrees adds its weight, near agreement (a surname that sounds
the same, a given name that shares its start, day and month swapped) adds part of it. Pure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from intake.domain.patient import PatientDraft
from intake.domain.phonetic import nysiis
from intake.domain.search_query import (
    DOB,
    EMAIL,
    KEY_LENGTH,
    NATIONAL_DIGITS,
    PHONE,
    sounds_key,
)
from intake.domain.text import digits, fold_name

WEIGHTS = {
    "family_name": 3,
    "given_name": 5,
    "date_of_birth": 6,
    "phone": 3,
    "email": 2,
    "sex": 1,
}
MAX_SCORE = sum(WEIGHTS.values())
LIKELY = 12  # e.g. same name and birthday; saving needs a confirmation
POSSIBLE = 8  # shown beside the form


class Likeness(StrEnum):
    LIKELY = "likely"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"


@dataclass(frozen=True)
class Match:
    """Why two records look alike: a field and how (e.g. 'family_name', 'sounds alike')."""

    field: str
    how: str
    points: int


@dataclass(frozen=True)
class DuplicateScore:
    score: int
    matches: tuple[Match, ...]

    @property
    def likeness(self) -> Likeness:
        if self.score >= LIKELY:
            return Likeness.LIKELY
        if self.score >= POSSIBLE:
            return Likeness.POSSIBLE
        return Likeness.UNLIKELY

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(m.field for m in self.matches)

    def reasons(self) -> str:
        """'same date of birth, surname sounds alike' for a person to read."""
        return ", ".join(f"{m.how}" for m in self.matches)


def score(new: PatientDraft, known: PatientDraft) -> DuplicateScore:
    """The weighted likeness of two patients (symmetric in its two arguments)."""
    found = [
        m
        for m in (
            _family(new.family_name, known.family_name),
            _given(new.given_name, known.given_name),
            _born(new.date_of_birth, known.date_of_birth),
            _same("phone", _national(new.phone), _national(known.phone), "same phone"),
            _same("email", new.email.strip().lower(), known.email.strip().lower(), "same e-mail"),
            _same("sex", new.sex, known.sex, "same sex"),
        )
        if m is not None
    ]
    return DuplicateScore(sum(m.points for m in found), tuple(found))


def candidate_keys(draft: PatientDraft) -> tuple[str, ...]:
    """Search keys that find every record able to reach the POSSIBLE score with `draft`."""
    keys = []
    if draft.family_name.strip() and draft.given_name.strip():
        keys.append(sounds_key(draft.family_name, draft.given_name))
    if draft.date_of_birth is not None:
        keys.append(f"{DOB}{draft.date_of_birth:%Y%m%d}")
        swapped = _swapped(draft.date_of_birth)
        if swapped is not None:
            keys.append(f"{DOB}{swapped:%Y%m%d}")
    if number := _national(draft.phone):
        keys.append(f"{PHONE}{number}")
    if draft.email.strip():
        keys.append(f"{EMAIL}{draft.email.strip().lower()}")
    return tuple(dict.fromkeys(k[:KEY_LENGTH] for k in keys))


def _family(a: str, b: str) -> Match | None:
    fa, fb = fold_name(a), fold_name(b)
    if not fa or not fb:
        return None
    if fa == fb:
        return Match("family_name", "same surname", WEIGHTS["family_name"])
    if nysiis(fa) == nysiis(fb):
        return Match("family_name", "surname sounds alike", WEIGHTS["family_name"] - 1)
    return None


def _given(a: str, b: str) -> Match | None:
    fa, fb = fold_name(a), fold_name(b)
    if not fa or not fb:
        return None
    if fa == fb:
        return Match("given_name", "same given name", WEIGHTS["given_name"])
    if nysiis(fa) == nysiis(fb):
        return Match("given_name", "given name sounds alike", WEIGHTS["given_name"] - 1)
    short, long = sorted((fa, fb), key=len)
    if len(short) >= 3 and long.startswith(short):  # Sam / Samuel
        return Match("given_name", "given name starts alike", WEIGHTS["given_name"] - 2)
    return None


def _born(a: dt.date | None, b: dt.date | None) -> Match | None:
    if a is None or b is None:
        return None
    if a == b:
        return Match("date_of_birth", "same date of birth", WEIGHTS["date_of_birth"])
    if _swapped(a) == b:
        return Match("date_of_birth", "date of birth with day and month swapped", 3)
    return None


def _same(field: str, a: str, b: str, how: str) -> Match | None:
    return Match(field, how, WEIGHTS[field]) if a and a == b else None


def _national(phone: str) -> str:
    """The number without a country code (+1 212 555 0101 and 212-555-0101 agree)."""
    return digits(phone)[-NATIONAL_DIGITS:]


def _swapped(day: dt.date) -> dt.date | None:
    if day.day == day.month or day.day > 12:
        return None
    return day.replace(month=day.day, day=day.month)
