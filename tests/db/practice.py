"""A small synthetic practice built through the admin services, for booking tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from intake import screening
from intake.domain.enums import Role
from intake.domain.patient import PatientDraft
from intake.domain.practice import DayHours
from intake.services import intakes, patients, practice_admin, staffing
from intake.services.actor import Actor
from tests.unit.screening.builders import answers_for

ADMIN = Actor(None, "admin-test", Role.ADMIN, "test-pc")
DESK = Actor(None, "desk-test", Role.FRONT_DESK, "test-pc")
NOW = dt.datetime(2027, 2, 22, 12, 0, tzinfo=dt.UTC)  # a Monday, a week before the test days
MONDAY = dt.date(2027, 3, 1)
SCREENED_ON = dt.date(2027, 2, 22)


@dataclass(frozen=True)
class SmallPractice:
    east: int  # location ids
    west: int
    ann: int  # therapist ids: Ann works East mornings, Ben works West mornings
    ben: int
    patients: tuple[int, ...]


def build(database, *, patients_count: int = 4) -> SmallPractice:  # type: ignore[no-untyped-def]
    week = {d: DayHours(dt.time(8), dt.time(18)) for d in range(5)}
    east = practice_admin.create_location(
        database, ADMIN, "EAST", "Test Site East", "America/New_York"
    )
    west = practice_admin.create_location(
        database, ADMIN, "WEST", "Test Site West", "America/Chicago"
    )
    for loc in (east, west):
        practice_admin.set_opening_hours(database, ADMIN, loc.code, loc.version, week)
    practice_admin.create_appointment_type(
        database, ADMIN, "EVAL60", "Initial evaluation", 60, requires_screening=True
    )
    practice_admin.create_appointment_type(database, ADMIN, "FU45", "Follow-up", 45)
    ann = staffing.create_therapist(database, ADMIN, "Ann Testwood", location_codes=["EAST"])
    ben = staffing.create_therapist(database, ADMIN, "Ben Samplefield", location_codes=["WEST"])
    start = dt.date(2027, 1, 1)
    for weekday in range(5):
        staffing.add_template(
            database, ADMIN, ann.id, "EAST", weekday, dt.time(8), dt.time(12), start
        )
        staffing.add_template(
            database, ADMIN, ben.id, "WEST", weekday, dt.time(8), dt.time(12), start
        )
    ids = tuple(
        patients.register(
            database,
            ADMIN,
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
        database, DESK, answers, patient_id=patient_id, on=SCREENED_ON, submit=complete
    ).id


def at(day: dt.date, hour: int, minute: int = 0, zone: str = "America/New_York") -> dt.datetime:
    from zoneinfo import ZoneInfo

    return dt.datetime.combine(day, dt.time(hour, minute), ZoneInfo(zone)).astimezone(dt.UTC)
