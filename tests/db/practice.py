"""A small synthetic practice built through the admin services, for booking tests, and the
people who act in tests: real sign-ins through the accounts service."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from argon2 import PasswordHasher

from intake import screening
from intake.domain.enums import Role
from intake.domain.errors import Invalid
from intake.domain.patient import PatientDraft
from intake.domain.practice import DayHours
from intake.services import accounts, intakes, patients, practice_admin, staffing
from intake.services.actor import SYSTEM, Actor
from tests.unit.screening.builders import answers_for

NOW = dt.datetime(2027, 2, 22, 12, 0, tzinfo=dt.UTC)  # a Monday, a week before the test days
MONDAY = dt.date(2027, 3, 1)
SCREENED_ON = dt.date(2027, 2, 22)


TEST_PASSWORD = "test-password-9"
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
_NAMES = {
    Role.ADMIN: "admin-test",
    Role.FRONT_DESK: "desk-test",
    Role.THERAPIST: "therapist-test",
    Role.TABLET: "tablet-test",
}
_signed_in: dict[tuple[str, str, str], Actor] = {}
_lock = threading.Lock()


@contextmanager
def cheap_hashing() -> Iterator[None]:
    """argon2 with the cheapest parameters while test accounts are made and signed in."""
    was, accounts.HASHER = accounts.HASHER, CHEAP_HASHER
    try:
        yield
    finally:
        accounts.HASHER = was


def signed_in(
    database,  # type: ignore[no-untyped-def]
    role: Role = Role.ADMIN,
    *,
    username: str | None = None,
    display_name: str | None = None,
    workstation: str = "test-pc",
) -> Actor:
    """Who acts in a test: the actor a real sign-in gives for a test account of `role`
    (admin-test, desk-test, therapist-test), made through the accounts service (as the
    command line does) the first time this database is asked for it. One sign-in per
    database, account and workstation: later calls return the same actor."""
    name = username or _NAMES[role]
    url = database.engine.url.render_as_string(hide_password=False)
    with _lock:
        key = (url, name, workstation)
        if key not in _signed_in:
            shown = display_name or name.replace("-", " ").title()
            _signed_in[key] = _sign_in(database, role, name, shown, workstation)
        return _signed_in[key]


def _sign_in(database, role: Role, name: str, shown: str, workstation: str) -> Actor:  # type: ignore[no-untyped-def]
    with cheap_hashing():
        if name not in {a.username for a in accounts.list_accounts(database, SYSTEM)}:
            # Invalid: another process racing on this database made it first.
            with contextlib.suppress(Invalid):
                accounts.create_account(database, SYSTEM, name, shown, role, TEST_PASSWORD)
        return accounts.sign_in(database, name, TEST_PASSWORD, workstation=workstation)


def admin(database) -> Actor:  # type: ignore[no-untyped-def]
    return signed_in(database, Role.ADMIN)


def desk(database) -> Actor:  # type: ignore[no-untyped-def]
    return signed_in(database, Role.FRONT_DESK)


@dataclass(frozen=True)
class SmallPractice:
    east: int  # location ids
    west: int
    ann: int  # therapist ids: Ann works East mornings, Ben works West mornings
    ben: int
    patients: tuple[int, ...]


def build(database, *, patients_count: int = 4) -> SmallPractice:  # type: ignore[no-untyped-def]
    week = {d: DayHours(dt.time(8), dt.time(18)) for d in range(5)}
    boss = admin(database)
    east = practice_admin.create_location(
        database, boss, "EAST", "Test Site East", "America/New_York"
    )
    west = practice_admin.create_location(
        database, boss, "WEST", "Test Site West", "America/Chicago"
    )
    for loc in (east, west):
        practice_admin.set_opening_hours(database, boss, loc.code, loc.version, week)
    practice_admin.create_appointment_type(
        database, boss, "EVAL60", "Initial evaluation", 60, requires_screening=True
    )
    practice_admin.create_appointment_type(database, boss, "FU45", "Follow-up", 45)
    ann = staffing.create_therapist(database, boss, "Ann Testwood", location_codes=["EAST"])
    ben = staffing.create_therapist(database, boss, "Ben Samplefield", location_codes=["WEST"])
    start = dt.date(2027, 1, 1)
    for weekday in range(5):
        staffing.add_template(
            database, boss, ann.id, "EAST", weekday, dt.time(8), dt.time(12), start
        )
        staffing.add_template(
            database, boss, ben.id, "WEST", weekday, dt.time(8), dt.time(12), start
        )
    ids = tuple(
        patients.register(
            database,
            boss,
            PatientDraft(
                f"Testcase{i}", f"Sample{i}", dt.date(1980, 1, 1) + dt.timedelta(days=i), "other"
            ),
        ).id
        for i in range(patients_count)
    )
    return SmallPractice(east.id, west.id, ann.id, ben.id, ids)


def screened_intake(database, patient_id: int, **overrides: object) -> int:  # type: ignore[no-untyped-def]
    checklist = screening.load_checklist(None)
    answers = answers_for(checklist, **overrides)
    complete = screening.evaluate(checklist, answers, on=SCREENED_ON).complete
    return intakes.save(
        database, desk(database), answers, patient_id=patient_id, on=SCREENED_ON, submit=complete
    ).id


def at(day: dt.date, hour: int, minute: int = 0, zone: str = "America/New_York") -> dt.datetime:
    from zoneinfo import ZoneInfo

    return dt.datetime.combine(day, dt.time(hour, minute), ZoneInfo(zone)).astimezone(dt.UTC)
