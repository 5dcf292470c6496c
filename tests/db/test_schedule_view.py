"""Schedule reading services on both databases: day, week, clock-change day, exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from icalendar import Calendar

from intake.domain import type_colors
from intake.domain.booking import BookingRequest, WaitlistPreferences
from intake.domain.enums import AppointmentStatus, CancelledBy
from intake.domain.practice import DayHours
from intake.services import booking, ical_export, practice_admin, schedule_view, staffing, waitlist
from tests.db.practice import MONDAY, NOW, admin, at, build, desk

DST_SUNDAY = dt.date(2027, 3, 14)  # clocks go forward in America/New_York


def _book(database, practice, patient: int, start: dt.datetime, therapist=None, location=None):  # type: ignore[no-untyped-def]
    request = BookingRequest(
        patient, therapist or practice.ann, location or practice.east, start, "FU45"
    )
    return booking.book(database, desk(database), request, now=NOW)


def test_day_shows_visits_in_their_therapists_columns(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    first = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    _book(
        database,
        practice,
        practice.patients[1],
        at(MONDAY, 9, 0, "America/Chicago"),
        practice.ben,
        practice.west,
    )
    day = schedule_view.location_day(database, desk(database), practice.east, MONDAY)
    assert [c.therapist_name for c in day.columns] == ["Ann Testwood"]
    assert [(b.appointment_id, b.therapist_id) for b in day.blocks] == [(first.id, practice.ann)]
    block = day.blocks[0]
    assert block.local_start.hour == 9 and block.patient_name == "Testcase0, Sample0"
    assert day.columns[0].working[0].start == at(MONDAY, 8)
    assert day.opening[0].end == at(MONDAY, 18)
    assert not day.closed


def test_free_time_is_working_time_minus_time_off_and_visits(database) -> None:  # type: ignore[no-untyped-def]
    """What the calendar shows as bookable is what the slot search would offer."""
    practice = build(database)
    _book(database, practice, practice.patients[0], at(MONDAY, 9))
    staffing.add_time_off(
        database, admin(database), practice.ann, at(MONDAY, 11), at(MONDAY, 12), reason="Course"
    )
    day = schedule_view.location_day(database, desk(database), practice.east, MONDAY)
    free = [(s.start, s.end) for s in day.columns[0].free]
    assert free == [(at(MONDAY, 8), at(MONDAY, 9)), (at(MONDAY, 9, 45), at(MONDAY, 11))]
    week = schedule_view.therapist_week(database, desk(database), practice.ann, MONDAY)
    monday = next(p for p in week.places if p.day == MONDAY)
    assert [(s.start, s.end) for s in monday.free] == free
    tuesday = next(p for p in week.places if p.day == MONDAY + dt.timedelta(days=1))
    assert [(s.start, s.end) for s in tuesday.free] == [
        (at(MONDAY + dt.timedelta(days=1), 8), at(MONDAY + dt.timedelta(days=1), 12))
    ]


def test_blocks_carry_their_type_colour(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    visit = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    follow_up = practice_admin.get_appointment_type(database, admin(database), "FU45")
    [block] = schedule_view.location_day(database, desk(database), practice.east, MONDAY).blocks
    assert block.type_color == "" and block.color in type_colors.OKABE_ITO  # the palette's
    practice_admin.update_appointment_type(
        database, admin(database), follow_up, replace(follow_up, color="#cc79a7")
    )
    week = schedule_view.therapist_week(database, desk(database), practice.ann, MONDAY)
    assert [(b.appointment_id, b.color) for b in week.blocks] == [(visit.id, "#cc79a7")]


def test_closure_and_time_off_are_reported(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    practice_admin.add_closure(
        database, admin(database), "EAST", MONDAY, MONDAY, reason="Synthetic holiday"
    )
    staffing.add_time_off(
        database,
        admin(database),
        practice.ben,
        at(MONDAY, 9, 0, "America/Chicago"),
        at(MONDAY, 10, 0, "America/Chicago"),
        reason="Course",
    )
    closed = schedule_view.location_day(database, desk(database), practice.east, MONDAY)
    assert closed.closure_reason == "Synthetic holiday"
    assert [c.working for c in closed.columns] == [()]
    west = schedule_view.location_day(database, desk(database), practice.west, MONDAY)
    assert len(west.columns[0].time_off) == 1


def test_clock_change_day_places_visits_by_local_time(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    east = practice_admin.get_location(database, admin(database), "EAST")
    week = {d: DayHours(dt.time(8), dt.time(18)) for d in range(7)}
    practice_admin.set_opening_hours(database, admin(database), "EAST", east.version, week)
    staffing.add_template(
        database,
        admin(database),
        practice.ann,
        "EAST",
        6,
        dt.time(8),
        dt.time(12),
        dt.date(2027, 1, 1),
    )
    visit = _book(database, practice, practice.patients[0], at(DST_SUNDAY, 9))
    day = schedule_view.location_day(database, desk(database), practice.east, DST_SUNDAY)
    assert day.day_span.end - day.day_span.start == dt.timedelta(hours=23)
    [block] = day.blocks
    assert block.appointment_id == visit.id
    assert (block.local_start.hour, block.local_start.tzname()) == (9, "EDT")
    assert day.columns[0].working[0].start == at(DST_SUNDAY, 8)


def test_week_spans_the_therapists_locations(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    _book(database, practice, practice.patients[0], at(MONDAY, 10))
    week = schedule_view.therapist_week(database, desk(database), practice.ann, MONDAY)
    assert [p.code for p in week.locations] == ["EAST"]
    assert sorted({p.day.weekday() for p in week.places}) == [0, 1, 2, 3, 4]
    assert len(week.blocks) == 1 and week.blocks[0].local_start.date() == MONDAY


def test_cancel_lists_matching_waitlist_entries_with_a_bookable_slot(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    visit = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    entry = waitlist.add(
        database,
        desk(database),
        practice.patients[1],
        WaitlistPreferences(location_ids=(practice.east,)),
        type_code="FU45",
    )
    outcome = booking.cancel(
        database,
        desk(database),
        visit.id,
        visit.version,
        "Synthetic reason",
        by=CancelledBy.PATIENT,
        now=NOW,
    )
    [match] = schedule_view.waitlist_matches(database, desk(database), outcome, now=NOW)
    assert match.entry.id == entry.id and match.slot.start == at(MONDAY, 9)
    day = schedule_view.location_day(database, desk(database), practice.east, MONDAY)
    assert day.blocks == ()  # cancelled visits leave the schedule


def test_exports_csv_and_icalendar_without_names_in_the_calendar(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    _book(database, practice, practice.patients[0], at(MONDAY, 9))
    day = schedule_view.location_day(database, desk(database), practice.east, MONDAY)
    rows = schedule_view.schedule_csv(day.blocks).splitlines()
    assert rows[0].startswith("date,start,end") and "2027-03-01,09:00,09:45" in rows[1]
    # The record number people know, never the internal id.
    import csv

    [row] = list(csv.DictReader(rows))
    assert row["patient_record"] == day.blocks[0].patient_record != str(practice.patients[0])
    assert "patient_id" not in row
    calendar = Calendar.from_ical(ical_export.schedule_text(day.blocks))
    [event] = calendar.walk("VEVENT")
    assert "Sample0" not in calendar.to_ical().decode()
    assert event["dtstart"].dt == at(MONDAY, 9)
    assert day.blocks[0].status == AppointmentStatus.BOOKED
