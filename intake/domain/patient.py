"""A patient's record as plain values, and the checks a front desk form needs."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields

from intake.domain.enums import Sex
from intake.domain.languages import Language
from intake.domain.search_query import WORDS_LENGTH, name_words, words_text
from intake.domain.text import digits, fold_name
from intake.domain.words import QT_TRANSLATE_NOOP, Message, Words, said

MAX_AGE_YEARS = 120
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_POSTAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$")


@dataclass(frozen=True)
class PatientDraft:
    """What the registration form holds; text as typed."""

    family_name: str
    given_name: str
    date_of_birth: dt.date | None
    sex: str
    phone: str = ""
    email: str = ""
    preferred_name: str = ""
    address_line: str = ""
    city: str = ""
    postal_code: str = ""
    preferred_language: str = "en"
    emergency_contact_name: str = ""
    emergency_contact_phone: str = ""
    payer: str = ""
    member_id: str = ""
    referral_source: str = ""
    referring_provider: str = ""
    preferred_location_id: int | None = None
    desk_note: str = ""  # what the front desk should know before the patient arrives


@dataclass(frozen=True)
class PatientInfo(PatientDraft):
    id: int = 0
    mrn: str = ""
    version: int = 1
    # Set on a merged record (a tombstone): the id of the record that took its place.
    merged_into_id: int | None = None


DRAFT_FIELDS = tuple(f.name for f in fields(PatientDraft))


# The longest text each field may hold (the database columns' sizes).
MAX_LENGTHS = {
    "family_name": 100, "given_name": 100, "preferred_name": 100, "phone": 40, "email": 200,
    "address_line": 200, "city": 100, "postal_code": 20,
    "emergency_contact_name": 200, "emergency_contact_phone": 40, "payer": 100,
    "member_id": 60, "referral_source": 100, "referring_provider": 200,
}  # fmt: skip
DESK_NOTE_LENGTH = 2000  # a text column; the database checks this length itself (0008)


# Forms stored beside the typed text, for search: field -> (column, how, the column's size).
# Folding can lengthen a name (ß -> ss, ﬃ -> ffi, ⅷ -> viii), so each is checked as stored.
STORED_FORMS: dict[str, tuple[str, Callable[[str], str], int]] = {
    "family_name": ("family_norm", fold_name, 100),
    "given_name": ("given_norm", fold_name, 100),
    "phone": ("phone_digits", digits, 20),
}
NAME_FIELDS = ("family_name", "given_name", "preferred_name")  # their words are stored too
_TOO_LONG_STORED = said(
    QT_TRANSLATE_NOOP(
        "PatientChecks", "This is too long to store once written for search: shorten it."
    )
)
_CONTROL = said(
    QT_TRANSLATE_NOOP("PatientChecks", "Remove the invisible control character from this field.")
)


def stored_forms(draft: PatientDraft) -> dict[str, str]:
    """Column -> value of the search copies the service stores with the draft's text."""
    return {column: how(getattr(draft, field)) for field, (column, how, _) in STORED_FORMS.items()}


def clean_draft(draft: PatientDraft) -> PatientDraft:
    """The draft as it is stored: runs of whitespace one space, the e-mail in lower case,
    the note for the desk line by line (its line breaks kept, blank lines dropped)."""
    values = asdict(draft)
    for key, value in values.items():
        if isinstance(value, str):
            values[key] = " ".join(value.split())
    lines = (" ".join(line.split()) for line in draft.desk_note.splitlines())
    values["desk_note"] = "\n".join(line for line in lines if line)
    values["email"] = values["email"].lower()
    return PatientDraft(**values)


def check_patient(draft: PatientDraft, today: dt.date) -> dict[str, Words]:
    """Problems per field, worded for the front desk; empty when the draft can be saved."""
    problems: dict[str, Words] = {}
    for field, limit in MAX_LENGTHS.items():
        if len(getattr(draft, field)) > limit:
            problems[field] = _too_long(limit)
    for field, (_, how, limit) in STORED_FORMS.items():
        if field not in problems and len(how(getattr(draft, field))) > limit:
            problems[field] = _TOO_LONG_STORED
    if len(draft.desk_note) > DESK_NOTE_LENGTH:
        problems["desk_note"] = _too_long(DESK_NOTE_LENGTH)
    if (name_field := _overflowing_name(draft)) and name_field not in problems:
        problems[name_field] = _TOO_LONG_STORED
    if not draft.family_name.strip():
        problems["family_name"] = said(QT_TRANSLATE_NOOP("PatientChecks", "Enter the family name."))
    if not draft.given_name.strip():
        problems["given_name"] = said(QT_TRANSLATE_NOOP("PatientChecks", "Enter the given name."))
    if draft.date_of_birth is None:
        problems["date_of_birth"] = said(
            QT_TRANSLATE_NOOP("PatientChecks", "Enter the date of birth.")
        )
    elif draft.date_of_birth > today:
        problems["date_of_birth"] = said(
            QT_TRANSLATE_NOOP("PatientChecks", "The date of birth is in the future.")
        )
    elif age_on(draft.date_of_birth, today) > MAX_AGE_YEARS:
        problems["date_of_birth"] = said(
            QT_TRANSLATE_NOOP("PatientChecks", "That makes the patient older than {years}."),
            years=MAX_AGE_YEARS,
        )
    if draft.sex not in {s.value for s in Sex}:
        problems["sex"] = said(QT_TRANSLATE_NOOP("PatientChecks", "Choose female, male or other."))
    if draft.preferred_language not in {language.value for language in Language}:
        problems["preferred_language"] = said(
            QT_TRANSLATE_NOOP("PatientChecks", "Choose a language from the list.")
        )
    for field, value in (
        ("phone", draft.phone),
        ("emergency_contact_phone", draft.emergency_contact_phone),
    ):
        if value.strip() and not 7 <= len(digits(value)) <= 15:
            problems[field] = said(
                QT_TRANSLATE_NOOP("PatientChecks", "A phone number has 7 to 15 digits.")
            )
    if draft.email.strip() and not _EMAIL.match(draft.email.strip()):
        problems["email"] = said(
            QT_TRANSLATE_NOOP("PatientChecks", "That is not an e-mail address (name@example.org).")
        )
    if draft.postal_code.strip() and not _POSTAL.match(draft.postal_code.strip()):
        problems["postal_code"] = said(
            QT_TRANSLATE_NOOP("PatientChecks", "That is not a postal code.")
        )
    for field in (*MAX_LENGTHS, "desk_note"):  # last: the one message that says what to do
        if has_control_characters(getattr(draft, field)):
            problems[field] = _CONTROL
    return problems


def _too_long(limit: int) -> Message:
    return said(
        QT_TRANSLATE_NOOP("PatientChecks", "This is too long: at most {limit} characters."),
        limit=limit,
    )


AREA_CODE_DIGITS = 10  # a national number with its area code


def phone_notes(draft: PatientDraft) -> dict[str, Words]:
    """Advice that stops nothing: a phone number that looks like it lacks its area code
    (7 to 9 digits, not international) is kept as typed, and the form says so next to it."""
    notes: dict[str, Words] = {}
    for field in ("phone", "emergency_contact_phone"):
        value = getattr(draft, field).strip()
        if value and not value.startswith("+") and 7 <= len(digits(value)) < AREA_CODE_DIGITS:
            notes[field] = said(
                QT_TRANSLATE_NOOP(
                    "PatientChecks",
                    "No area code? It is kept as typed; add the area code (10 digits, e.g. "
                    "(212) 555-0101) so every location can call back.",
                )
            )
    return notes


def has_control_characters(text: str) -> bool:
    """True for characters no database column should hold: NUL and other control codes
    (line breaks and tabs are whitespace, which the service turns into spaces), and lone
    surrogates, which are not text at all."""
    return any(unicodedata.category(ch) in ("Cc", "Cs") and not ch.isspace() for ch in text)


def _overflowing_name(draft: PatientDraft) -> str | None:
    """The name field whose words, added to the earlier names', overflow the stored words."""
    names: list[str] = []
    for field in NAME_FIELDS:
        names.append(getattr(draft, field))
        if len(words_text(name_words(*names))) > WORDS_LENGTH:
            return field
    return None


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
