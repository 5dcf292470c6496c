"""The demo patients and their search keys, made in fixed-size chunks as plain tuples.

A chain has millions of patients: each chunk draws from its own random stream (seed and chunk
number), so a loader streams chunks to the database without holding every patient, and the
result is the same for a seed however the chunks are consumed. Search keys come from the
tuples in hand; the name, birth-date and phone parts of a key repeat across patients (the
names come from short word lists), so each is computed once.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from intake.domain.search_query import (
    DOB,
    EMAIL,
    KEY_LENGTH,
    PHONE,
    PHONE_END,
    name_words,
    sort_name,
    sounds_key,
    words_text,
)
from intake.domain.text import fold_name

CHUNK = 10_000  # patients per random stream: fixed, or the practice would change with it

GIVEN = (
    "Ada Alma Anouk Bea Bram Cato Dario Eli Elif Emre Fenna Gus Hana Ines Ivo Jana Joost Kai "
    "Lena Lior Mara Milo Nia Noor Otto Pia Quinn Rafa Sami Tess Timo Uma Vera Wim Yara Zeno "
    "Zoë José Renée Chloé Ólafur Søren Łucja Ana-María"
).split()
FAMILY_HEAD = (
    "Ash Birch Cedar Elm Fern Hazel Maple Oak Pine Rowan Willow Alder Brook Clay Dale Glen "
    "Heath Lake Marsh Moss Reed Stone Vale Wren Quill Frost Lark Thistle"
).split()
FAMILY_TAIL = "ford wood field ton by well worth ley more hurst croft dale gate mere".split()
STREETS = "Sample Example Test Demo Placeholder Fictional Mock Specimen".split()
PAYERS = ("Demo Health Plan", "Example Mutual", "Sample Care", "Self-pay", "Test Workers' Comp")
REFERRALS = ("physician", "self", "friend or family", "web search", "insurer")
LANGUAGES = ("en", "en", "en", "en", "es", "fr", "nl", "pl")
SEXES = ("female", "female", "male", "male", "other")
AREAS = (212, 312, 415, 617, 646, 718, 773, 917)

COLUMNS = (
    "id",
    "mrn",
    "family_name",
    "given_name",
    "preferred_name",
    "family_norm",
    "given_norm",
    "date_of_birth",
    "sex",
    "phone",
    "phone_digits",
    "email",
    "address_line",
    "city",
    "postal_code",
    "preferred_language",
    "emergency_contact_name",
    "emergency_contact_phone",
    "payer",
    "member_id",
    "referral_source",
    "referring_provider",
    "preferred_location_id",
    "created_at",
    "updated_at",
    "version",
)
KEY_COLUMNS = ("patient_id", "key", "sort_name", "words")
_FIRST_BIRTH = dt.date(1936, 1, 1).toordinal()
BIRTH_DAYS = 72 * 365

PatientTuple = tuple[object, ...]
KeyTuple = tuple[int, str, str, str]


@dataclass(frozen=True)
class PatientChunk:
    """Patients first_id .. first_id + len(patients) - 1, in COLUMNS order, and their keys."""

    patients: list[PatientTuple]
    keys: list[KeyTuple]


def chunk_count(patients: int) -> int:
    return -(-patients // CHUNK)


def make_chunk(
    seed: int, index: int, patients: int, n_locations: int, now: dt.datetime
) -> PatientChunk:
    """Chunk `index` of a practice with `patients` patients (the last one may be short)."""
    rng = random.Random(f"{seed}/patients/{index}")
    first = index * CHUNK + 1
    last = min(patients, first + CHUNK - 1)
    rows: list[PatientTuple] = []
    keys: list[KeyTuple] = []
    # random() scaled to an index: a tenth of the cost of choice()/randrange() per draw.
    r = rng.random
    n_given, n_head, n_tail, n_streets = len(GIVEN), len(FAMILY_HEAD), len(FAMILY_TAIL), 8
    for pid in range(first, last + 1):
        given = GIVEN[int(r() * n_given)]
        family = f"{FAMILY_HEAD[int(r() * n_head)]}{FAMILY_TAIL[int(r() * n_tail)]}"
        born = _birth(int(r() * BIRTH_DAYS))
        area = AREAS[int(r() * 8)]
        line = int(r() * 100)
        family_norm, given_norm = _fold(family), _fold(given)
        email = f"{given_norm}.{family_norm}{pid}@example.org"
        phone_digits = f"{area}55501{line:02d}"
        rows.append(
            (
                pid,
                f"M{pid:07d}",  # search_query.mrn_for
                family,
                given,
                "",
                family_norm,
                given_norm,
                born.day,
                SEXES[int(r() * 5)],
                f"({area}) 555-01{line:02d}",
                phone_digits,
                email,
                f"{1 + int(r() * 998)} {STREETS[int(r() * n_streets)]} Avenue",
                "Demo City",
                f"{10000 + int(r() * 89999)}",
                LANGUAGES[int(r() * 8)],
                f"{GIVEN[int(r() * n_given)]} {family}",
                f"({area}) 555-01{(line + 1) % 100:02d}",
                PAYERS[int(r() * 5)],
                f"DEMO{int(r() * 10**8):08d}",
                REFERRALS[int(r() * 5)],
                "",
                1 + int(r() * n_locations),
                now,
                now,
                1,
            )
        )
        name = _name(family, given)
        email_key = f"{EMAIL}{email}"[:KEY_LENGTH]
        keys.extend(
            (pid, key, name.sort, name.words)
            for key in (
                *name.words_keys,
                born.key,
                *_phone_keys(phone_digits),
                name.sounds,
                email_key,
            )
        )
    return PatientChunk(rows, keys)


def chunks(seed: int, patients: int, n_locations: int, now: dt.datetime) -> Iterator[PatientChunk]:
    for index in range(chunk_count(patients)):
        yield make_chunk(seed, index, patients, n_locations, now)


# --- the parts of a key that repeat, each computed once ---------------------------------------


@dataclass(frozen=True)
class _Birth:
    day: dt.date
    key: str


@dataclass(frozen=True)
class _Name:
    words_keys: tuple[str, ...]
    sort: str
    words: str
    sounds: str


_FOLDED: dict[str, str] = {}
_BIRTHS: dict[int, _Birth] = {}
_NAMES: dict[tuple[str, str], _Name] = {}
_PHONES: dict[str, tuple[str, str]] = {}


def _fold(name: str) -> str:
    found = _FOLDED.get(name)
    if found is None:
        _FOLDED[name] = found = fold_name(name)
    return found


def _birth(offset: int) -> _Birth:
    found = _BIRTHS.get(offset)
    if found is None:
        day = dt.date.fromordinal(_FIRST_BIRTH + offset)
        _BIRTHS[offset] = found = _Birth(day, f"{DOB}{day:%Y%m%d}")
    return found


def _name(family: str, given: str) -> _Name:
    found = _NAMES.get((family, given))
    if found is None:
        words = name_words(family, given, "")
        found = _Name(
            words,
            sort_name(family, given),
            words_text(words),
            sounds_key(family, given)[:KEY_LENGTH],
        )
        _NAMES[(family, given)] = found
    return found


def _phone_keys(number: str) -> tuple[str, str]:
    found = _PHONES.get(number)
    if found is None:
        # Ten digits: no extra national-number key (see search_query.patient_keys).
        _PHONES[number] = found = (f"{PHONE}{number}", f"{PHONE_END}{number[::-1]}")
    return found


# --- ready for the database: what a worker process hands the loader ---------------------------

SEXES_STORED = ("female", "male", "other")
_SEX_CODE = {sex: i for i, sex in enumerate(SEXES_STORED)}
_BORN, _SEX = COLUMNS.index("date_of_birth"), COLUMNS.index("sex")


@dataclass(frozen=True)
class Prepared:
    """One chunk as the loader writes it: tuples for SQLite, COPY text for PostgreSQL, plus
    what the intakes need later (birth dates as ordinals, sexes as SEXES_STORED indexes)."""

    patients: list[PatientTuple] | bytes
    keys: list[KeyTuple] | bytes
    born: list[int]
    sex: bytes


def prepare(job: tuple[int, int, int, int, dt.datetime, bool]) -> Prepared:
    """Make chunk `index` (`job` = seed, index, patients, locations, now, as COPY text)."""
    seed, index, patients, n_locations, now, as_text = job
    chunk = make_chunk(seed, index, patients, n_locations, now)
    born = [row[_BORN].toordinal() for row in chunk.patients]  # type: ignore[attr-defined]
    sex = bytes(_SEX_CODE[row[_SEX]] for row in chunk.patients)  # type: ignore[index]
    if not as_text:
        return Prepared(chunk.patients, chunk.keys, born, sex)
    return Prepared(copy_text(chunk.patients), copy_text(chunk.keys), born, sex)


def copy_text(rows: list[PatientTuple] | list[KeyTuple]) -> bytes:
    """COPY's text format. Every value here prints as PostgreSQL reads it (numbers, ISO dates
    and instants, strings from the word lists above: no tab, newline or backslash, no NULL)."""
    text = "".join(["\t".join(map(str, row)) + "\n" for row in rows])
    if "\\" in text:  # a word list was changed: the text would need escaping
        raise ValueError("demo patient text holds a backslash")
    return text.encode()
