"""A booked visit as an .ics event: stable id, UTC times, the address, no patient name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from intake.domain.booking import Visit
from intake.domain.enums import AppointmentStatus
from intake.services import ical_export

STAMP = dt.datetime(2027, 2, 22, 12, 0, tzinfo=dt.UTC)


def _visit(**changes: object) -> Visit:
    values: dict[str, object] = {
        "id": 4711,
        "version": 1,
        "patient_id": 99,
        "therapist_id": 3,
        "therapist_name": "Ann Testwood",
        "location_id": 1,
        "location_code": "EAST",
        "location_name": "Test Site East",
        "location_address": "100 Example Street\nDemo City",
        "timezone": "America/New_York",
        "type_code": "EVAL60",
        "type_name": "Initial evaluation",
        "start": dt.datetime(2027, 3, 1, 14, 0, tzinfo=dt.UTC),
        "end": dt.datetime(2027, 3, 1, 15, 0, tzinfo=dt.UTC),
        "status": AppointmentStatus.BOOKED,
        "needs_review": False,
        "intake_id": 7,
    }
    values.update(changes)
    return Visit(**values)  # type: ignore[arg-type]


def _event(visit: Visit):  # type: ignore[no-untyped-def]
    calendar = Calendar.from_ical(ical_export.calendar_text(visit, stamp=STAMP))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return events[0]


def test_the_event_carries_time_place_and_therapist():
    event = _event(_visit())
    assert event.decoded("dtstart") == dt.datetime(2027, 3, 1, 14, 0, tzinfo=dt.UTC)
    assert event.decoded("dtend") == dt.datetime(2027, 3, 1, 15, 0, tzinfo=dt.UTC)
    assert str(event["summary"]) == "Initial evaluation at Test Site East"
    assert str(event["location"]) == "Test Site East, 100 Example Street, Demo City"
    assert "Ann Testwood" in str(event["description"])
    assert "09:00 local time (America/New_York)" in str(event["description"])
    assert str(event["status"]) == "CONFIRMED"


def test_times_are_written_in_utc():
    text = ical_export.calendar_text(_visit(), stamp=STAMP).decode()
    assert "DTSTART:20270301T140000Z" in text
    assert "DTEND:20270301T150000Z" in text
    assert "DTSTAMP:20270222T120000Z" in text


def test_summer_time_is_right_in_local_description():
    summer = _visit(
        start=dt.datetime(2027, 7, 1, 13, 0, tzinfo=dt.UTC),
        end=dt.datetime(2027, 7, 1, 14, 0, tzinfo=dt.UTC),
    )
    assert "09:00 local time" in str(_event(summer)["description"])


def test_the_uid_is_stable_per_appointment():
    first = _event(_visit())
    moved = _event(_visit(version=2, start=dt.datetime(2027, 3, 2, 14, tzinfo=dt.UTC), end=STAMP))
    other = _event(_visit(id=4712))
    assert str(first["uid"]) == str(moved["uid"]) == "appointment-4711@clinic-intake.invalid"
    assert str(other["uid"]) != str(first["uid"])
    assert int(moved["sequence"]) == 1


def test_no_patient_data_in_the_file():
    text = ical_export.calendar_text(_visit(), stamp=STAMP).decode()
    assert "99" not in text.replace("\r\n ", "")  # not even the patient's id
    assert "patient" not in text.lower()


def test_save_writes_an_ics_file(tmp_path: Path):
    written = ical_export.save(_visit(), tmp_path / "visit", stamp=STAMP)
    assert written == tmp_path / "visit.ics"
    assert written.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert ical_export.save(_visit(), tmp_path / "a.ICS").name == "a.ICS"
