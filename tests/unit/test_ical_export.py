"""A visit's .ics to the letter of RFC 5545/5546: an iTIP REQUEST when booked, a CANCEL when
cancelled (same UID, higher SEQUENCE), local times with a VTIMEZONE for every TZID, and only
the place and the time in what a calendar shows (no visit type, therapist or patient)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from intake.domain.booking import Visit
from intake.domain.enums import AppointmentStatus, CancelledBy
from intake.domain.schedule import ScheduleBlock
from intake.services import ical_export
from tests.ical_checks import check_calendar, offset_from_vtimezone

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
        "cancel_reason": "",
    }
    values.update(changes)
    return Visit(**values)  # type: ignore[arg-type]


def _cancelled(visit: Visit, version: int) -> Visit:
    from dataclasses import replace

    return replace(
        visit,
        version=version,
        status=AppointmentStatus.CANCELLED,
        cancel_reason="Patient is unwell with a back spasm",
        cancelled_by=CancelledBy.PATIENT,
    )


def _calendar(visit: Visit) -> Calendar:
    return Calendar.from_ical(ical_export.calendar_text(visit, stamp=STAMP))


def _event(visit: Visit):  # type: ignore[no-untyped-def]
    events = list(_calendar(visit).walk("VEVENT"))
    assert len(events) == 1
    return events[0]


# --- the booking: an iTIP REQUEST ----------------------------------------------------------


def test_a_booking_is_an_itip_request_with_organizer_and_attendee():
    raw = ical_export.calendar_text(_visit(), stamp=STAMP)
    calendar = check_calendar(raw, method="REQUEST")
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]) == "appointment-4711@clinic-intake.invalid"
    assert int(event["sequence"]) == 0
    assert str(event["status"]) == "CONFIRMED"
    organizer = event["organizer"]
    assert str(organizer) == "mailto:front-desk@clinic-intake.invalid"
    assert organizer.params["CN"] == "Test Site East"
    attendee = event["attendee"]
    assert str(attendee).startswith("mailto:") and str(attendee).endswith(".invalid")
    assert attendee.params["PARTSTAT"] == "ACCEPTED" and attendee.params["RSVP"] == "FALSE"
    assert "CN" not in attendee.params  # no name: the file does not identify the patient
    assert event.decoded("dtstamp") == STAMP


def test_times_are_local_with_the_locations_zone():
    text = ical_export.calendar_text(_visit(), stamp=STAMP).decode()
    assert "DTSTART;TZID=America/New_York:20270301T090000" in text
    assert "DTEND;TZID=America/New_York:20270301T100000" in text
    assert "DTSTAMP:20270222T120000Z" in text
    event = _event(_visit())
    assert event.decoded("dtstart") == dt.datetime(2027, 3, 1, 14, 0, tzinfo=dt.UTC)
    assert event.decoded("dtend") == dt.datetime(2027, 3, 1, 15, 0, tzinfo=dt.UTC)


def test_the_vtimezone_covers_a_visit_across_the_spring_change():
    """14 March 2027 02:00 the clocks go forward in New York: a visit that week is at UTC-4,
    the week before at UTC-5, and the file's own zone definition must say so."""
    before = _visit(start=dt.datetime(2027, 3, 12, 14, tzinfo=dt.UTC))
    after = _visit(
        start=dt.datetime(2027, 3, 15, 13, tzinfo=dt.UTC),
        end=dt.datetime(2027, 3, 15, 14, tzinfo=dt.UTC),
    )
    for visit, local in ((before, "20270312T090000"), (after, "20270315T090000")):
        raw = ical_export.calendar_text(visit, stamp=STAMP)
        calendar = check_calendar(raw, method="REQUEST")
        assert f"DTSTART;TZID=America/New_York:{local}" in raw.decode()
        [zone] = calendar.walk("VTIMEZONE")
        assert str(zone["TZID"]) == "America/New_York"
    [zone] = _calendar(after).walk("VTIMEZONE")
    assert offset_from_vtimezone(zone, dt.datetime(2027, 3, 15, 9)) == dt.timedelta(hours=-4)
    assert offset_from_vtimezone(zone, dt.datetime(2027, 3, 12, 9)) == dt.timedelta(hours=-5)


def test_nothing_clinical_in_what_the_calendar_shows():
    visit = _visit(cancel_reason="")
    for shown in (visit, _cancelled(visit, 3)):
        raw = ical_export.calendar_text(shown, stamp=STAMP)
        event = _event(shown)
        summary, description = str(event["summary"]), str(event["description"])
        for secret in ("Initial evaluation", "EVAL60", "Ann Testwood", "Testwood", "spasm"):
            assert secret not in summary and secret not in description
            assert secret not in raw.decode().replace("\r\n ", "")
        assert "Test Site East" in summary
        assert "Monday 01 March 2027, 09:00 local time (America/New_York)" in description
        assert "100 Example Street, Demo City" in description
        assert str(event["class"]) == "PRIVATE"


def test_no_patient_data_in_the_file():
    text = ical_export.calendar_text(_visit(), stamp=STAMP).decode()
    assert "99" not in text.replace("\r\n ", "")  # not even the patient's id
    assert "patient" not in text.lower()


# --- changes: SEQUENCE rises, the UID stays ------------------------------------------------


def test_a_move_is_a_new_request_with_a_higher_sequence_and_the_same_uid():
    first = _event(_visit())
    moved = _event(
        _visit(
            version=2,
            start=dt.datetime(2027, 3, 2, 14, tzinfo=dt.UTC),
            end=dt.datetime(2027, 3, 2, 15, tzinfo=dt.UTC),
        )
    )
    other = _event(_visit(id=4712))
    assert str(first["uid"]) == str(moved["uid"]) == "appointment-4711@clinic-intake.invalid"
    assert str(other["uid"]) != str(first["uid"])
    assert int(moved["sequence"]) == int(first["sequence"]) + 1 == 1


def test_a_cancellation_is_an_itip_cancel_of_the_same_event():
    booked = _visit()
    raw = ical_export.calendar_text(_cancelled(booked, 3), stamp=STAMP)
    calendar = check_calendar(raw, method="CANCEL")
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]) == ical_export.event_uid(booked)
    assert str(event["status"]) == "CANCELLED"
    assert int(event["sequence"]) == 2 > int(_event(booked)["sequence"])
    assert str(event["summary"]) == "Cancelled: Appointment at Test Site East"
    assert str(event["organizer"]) == str(_event(booked)["organizer"])
    assert "attendee" in event  # RFC 5546 §3.2.5: the attendees of a cancelled event


def test_the_uid_and_sequence_are_stable_across_exports():
    again = Calendar.from_ical(
        ical_export.calendar_text(_visit(), stamp=STAMP + dt.timedelta(days=3))
    )
    [event] = again.walk("VEVENT")
    assert str(event["uid"]) == str(_event(_visit())["uid"])
    assert int(event["sequence"]) == 0


def test_save_writes_an_ics_file(tmp_path: Path):
    written = ical_export.save(_visit(), tmp_path / "visit", stamp=STAMP)
    assert written == tmp_path / "visit.ics"
    assert written.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert ical_export.save(_visit(), tmp_path / "a.ICS").name == "a.ICS"


def test_long_non_ascii_names_are_folded_by_octets():
    visit = _visit(
        location_name="Physiothérapie Saint-Émile – Überweisungszentrum Nord " * 3,
        location_address="Rue de l’Hôpital 12\nMünchen-Süd",
    )
    raw = ical_export.calendar_text(visit, stamp=STAMP)
    check_calendar(raw, method="REQUEST")
    assert str(_event(visit)["location"]).startswith("Physiothérapie Saint-Émile")


# --- the practice's schedule export: PUBLISH ------------------------------------------------


def _block(appointment_id: int, start: dt.datetime, zone: str, version: int = 1) -> ScheduleBlock:
    return ScheduleBlock(
        appointment_id=appointment_id,
        version=version,
        patient_id=99,
        patient_name="Testcase, Sample",
        therapist_id=3,
        therapist_name="Ann Testwood",
        location_id=1,
        location_code="EAST",
        timezone=zone,
        type_code="EVAL60",
        type_name="Initial evaluation",
        start=start,
        end=start + dt.timedelta(minutes=45),
        blocks_until=start + dt.timedelta(minutes=60),
        status=AppointmentStatus.BOOKED,
        needs_review=True,
        patient_record="R-000123",
    )


def test_the_schedule_export_publishes_local_times_with_their_zones():
    blocks = [
        _block(1, dt.datetime(2027, 3, 12, 14, tzinfo=dt.UTC), "America/New_York"),
        _block(2, dt.datetime(2027, 3, 15, 13, tzinfo=dt.UTC), "America/New_York", version=4),
        _block(3, dt.datetime(2027, 3, 29, 8, tzinfo=dt.UTC), "Europe/Berlin"),
    ]
    raw = ical_export.schedule_text(blocks, stamp=STAMP)
    calendar = check_calendar(raw, method="PUBLISH")
    assert {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")} == {
        "America/New_York",
        "Europe/Berlin",
    }
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert int(events["appointment-2@clinic-intake.invalid"]["sequence"]) == 3
    for block in blocks:
        event = events[f"appointment-{block.appointment_id}@clinic-intake.invalid"]
        assert event.decoded("dtstart") == block.start
        assert event.decoded("dtstamp") == STAMP
        shown = str(event["summary"]) + str(event["description"])
        for secret in ("Testcase", "Sample", "R-000123", "Initial evaluation", "Testwood", "99"):
            assert secret not in shown
    assert "DTSTART;TZID=Europe/Berlin:20270329T100000" in raw.decode()


def test_an_empty_schedule_is_still_a_calendar():
    raw = ical_export.schedule_text([], stamp=STAMP)
    assert check_calendar(raw, method="PUBLISH").walk("VEVENT") == []


# --- property: any visit's file parses and gives back its instants -------------------------

ZONES = (
    "America/New_York",
    "America/St_Johns",
    "America/Sao_Paulo",
    "America/Phoenix",
    "Europe/Berlin",
    "Europe/Dublin",
    "Europe/London",
    "Australia/Lord_Howe",
    "Australia/Sydney",
    "Pacific/Chatham",
    "Asia/Kathmandu",
    "Asia/Kolkata",
    "UTC",
)
NAMES = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=("L", "N", "Zs", "Pd", "Po"), exclude_characters="\x85"
    ),
    min_size=1,
    max_size=160,
).filter(lambda s: s.strip() != "")


@st.composite
def visits(draw: st.DrawFn) -> Visit:
    zone = draw(st.sampled_from(ZONES))
    day = draw(st.dates(dt.date(2026, 1, 1), dt.date(2037, 12, 31)))
    # Opening hours: never inside a clock change (those are at night in every zone here).
    minute = draw(st.integers(6 * 60, 20 * 60))
    local = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), ZoneInfo(zone))
    start = local.astimezone(dt.UTC)
    length = dt.timedelta(minutes=draw(st.sampled_from((15, 30, 45, 60, 90, 120))))
    cancelled = draw(st.booleans())
    return _visit(
        id=draw(st.integers(1, 10**9)),
        version=draw(st.integers(1, 50)),
        timezone=zone,
        location_name=draw(st.one_of(NAMES, st.just('The "Best" Clinic; Room: 5, ^1'))).strip(),
        location_address=draw(NAMES),
        start=start,
        end=start + length,
        status=AppointmentStatus.CANCELLED if cancelled else AppointmentStatus.BOOKED,
    )


@settings(max_examples=60, deadline=None)
@given(visits())
def test_any_visit_parses_and_round_trips_its_instants(visit: Visit) -> None:
    raw = ical_export.calendar_text(visit, stamp=STAMP)
    cancelled = visit.status == AppointmentStatus.CANCELLED
    calendar = check_calendar(raw, method="CANCEL" if cancelled else "REQUEST")
    [event] = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == visit.start
    assert event.decoded("dtend") == visit.end
    assert int(event["sequence"]) == visit.version - 1
    assert str(event["uid"]) == f"appointment-{visit.id}@clinic-intake.invalid"
    assert str(event["status"]) == ("CANCELLED" if cancelled else "CONFIRMED")
    assert visit.location_name in str(event["summary"])
    # RFC 6868 escapes quotes; a backslash is shown as "/" (the library would read it as an
    # escape and break the line).
    assert event["organizer"].params["CN"] == visit.location_name.replace("\\", "/")
    if visit.timezone != "UTC":
        [zone] = calendar.walk("VTIMEZONE")
        assert str(zone["TZID"]) == visit.timezone == event["dtstart"].params["TZID"]


@pytest.mark.parametrize("name", ["Clinic A\\", "North\\South; Suite 2", "Ünter\\"])
def test_a_backslash_in_the_location_name_does_not_break_the_file(name: str) -> None:
    visit = _visit(location_name=name)
    calendar = check_calendar(ical_export.calendar_text(visit), method="REQUEST")
    (event,) = calendar.walk("VEVENT")
    assert str(event["organizer"]) == ical_export.ORGANIZER
    assert event["organizer"].params["CN"] == name.replace("\\", "/")
    assert name in str(event["summary"])
