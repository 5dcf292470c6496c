"""The pure rules for a visit's no-show, its undo and a late cancellation (issue #16)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from intake.domain.enums import AppointmentStatus, CancelledBy
from intake.domain.patient import PatientDraft, phone_notes
from intake.domain.visit_rules import (
    is_late_cancellation,
    no_show_refusal,
    undo_no_show_refusal,
)

LA = "America/Los_Angeles"
START = dt.datetime(2027, 3, 1, 9, 0, tzinfo=ZoneInfo(LA)).astimezone(dt.UTC)
MINUTE = dt.timedelta(minutes=1)


def test_no_show_only_from_the_start_said_in_the_locations_time():
    why = no_show_refusal(START, START - MINUTE, LA)
    assert why is not None and "09:00 PST" in str(why)
    assert no_show_refusal(START, START, LA) is None
    assert no_show_refusal(START, START + dt.timedelta(hours=30), LA) is None


def test_undo_lasts_until_midnight_at_the_location_not_in_utc():
    late_evening = dt.datetime(2027, 3, 1, 23, 59, tzinfo=ZoneInfo(LA))
    assert late_evening.astimezone(dt.UTC).date() == dt.date(2027, 3, 2)  # UTC: next day
    assert undo_no_show_refusal(START, late_evening.astimezone(dt.UTC), LA) is None
    midnight = dt.datetime(2027, 3, 2, 0, 0, tzinfo=ZoneInfo(LA)).astimezone(dt.UTC)
    assert "own day" in str(undo_no_show_refusal(START, midnight, LA))


def test_only_a_patients_late_call_is_a_late_cancellation():
    two_hours_before = START - dt.timedelta(hours=2)
    assert is_late_cancellation(START, two_hours_before, CancelledBy.PATIENT)
    assert not is_late_cancellation(START, two_hours_before, CancelledBy.CLINIC)
    assert not is_late_cancellation(START, START - dt.timedelta(days=2), CancelledBy.PATIENT)


def test_statuses_have_words_and_no_codes():
    for status in AppointmentStatus:
        assert "_" not in str(status.words)
    assert str(AppointmentStatus.NO_SHOW.words) == "marked as a no-show"


def test_a_phone_without_area_code_gets_a_note_and_an_international_one_does_not():
    def draft(phone: str) -> PatientDraft:
        return PatientDraft("Testcase", "Sample", dt.date(1980, 1, 2), "other", phone=phone)

    assert "area code" in str(phone_notes(draft("555-0101"))["phone"])
    assert phone_notes(draft("(212) 555-0101")) == {}
    assert phone_notes(draft("+44 20 7946")) == {}
    assert phone_notes(draft("")) == {}
