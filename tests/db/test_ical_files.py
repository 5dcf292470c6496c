"""The patient's .ics through a visit's life, on both databases: booked (REQUEST, SEQUENCE 0),
moved (REQUEST again, same UID, SEQUENCE 1), cancelled (CANCEL, STATUS:CANCELLED, SEQUENCE 2);
SEQUENCE comes from the row's version, so it rises with every change the database records."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from intake.domain.booking import BookingRequest, Visit
from intake.domain.enums import CancelledBy
from intake.services import booking, ical_export, schedule_view
from tests.db.practice import MONDAY, NOW, at, build, desk
from tests.ical_checks import check_calendar

STAMP = dt.datetime(2027, 2, 22, 12, tzinfo=dt.UTC)
DST_MONDAY = dt.date(2027, 3, 15)  # the first weekday after the clocks went forward


def _file(visit: Visit, method: str):  # type: ignore[no-untyped-def]
    raw = ical_export.calendar_text(visit, stamp=STAMP)
    [event] = check_calendar(raw, method=method).walk("VEVENT")
    return raw, event


def test_sequence_rises_with_every_change_and_the_uid_stays(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    request = BookingRequest(
        practice.patients[0], practice.ann, practice.east, at(MONDAY, 9), "FU45"
    )
    booked = booking.book(database, desk(database), request, now=NOW)
    _, first = _file(booked, "REQUEST")
    assert int(first["sequence"]) == 0
    assert first.decoded("dtstart") == at(MONDAY, 9)

    again = booking.get_visit(database, desk(database), booked.id)
    _, same = _file(again, "REQUEST")  # exported again, nothing changed: the same entry
    assert (str(same["uid"]), int(same["sequence"])) == (str(first["uid"]), 0)

    moved = booking.reschedule(
        database,
        desk(database),
        booked.id,
        booked.version,
        therapist_id=practice.ann,
        location_id=practice.east,
        start=at(DST_MONDAY, 10),  # across the spring clock change
        now=NOW,
    )
    raw, update = _file(moved, "REQUEST")
    assert str(update["uid"]) == str(first["uid"])
    assert int(update["sequence"]) == 1
    assert update.decoded("dtstart") == at(DST_MONDAY, 10)
    assert "DTSTART;TZID=America/New_York:20270315T100000" in raw.decode()

    outcome = booking.cancel(
        database,
        desk(database),
        moved.id,
        moved.version,
        "Patient is unwell",
        by=CancelledBy.PATIENT,
        now=NOW,
    )
    raw, cancel = _file(outcome.visit, "CANCEL")
    assert str(cancel["uid"]) == str(first["uid"])
    assert str(cancel["status"]) == "CANCELLED"
    assert int(cancel["sequence"]) == 2
    text = raw.decode().replace("\r\n ", "")
    for secret in ("Testcase0", "Sample0", "Ann Testwood", "unwell", booked.type_name):
        assert secret not in text


def test_the_schedule_export_carries_sequence_and_zones(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    request = BookingRequest(
        practice.patients[0], practice.ann, practice.east, at(MONDAY, 9), "FU45"
    )
    booked = booking.book(database, desk(database), request, now=NOW)
    booking.check_in(database, desk(database), booked.id, booked.version)
    day = schedule_view.location_day(database, desk(database), practice.east, MONDAY)
    calendar = check_calendar(ical_export.schedule_text(day.blocks, stamp=STAMP), method="PUBLISH")
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]) == ical_export.event_uid(booked)
    assert int(event["sequence"]) == 1  # checked in: one change since booking
    assert event["dtstart"].params["TZID"] == "America/New_York"
    assert [str(z["TZID"]) for z in Calendar.from_ical(calendar.to_ical()).walk("VTIMEZONE")] == [
        "America/New_York"
    ]
