"""Finding slots and booking, on both databases, as the front desk does it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from intake.domain.booking import (
    BookingConflict,
    BookingRefused,
    BookingRequest,
    SecondEvaluation,
    SlotRequest,
    WaitlistPreferences,
)
from intake.domain.enums import AppointmentStatus, CancelledBy, PartOfDay
from intake.domain.errors import Invalid, NotFound, StaleRecord
from intake.services import booking, practice_admin, slot_finder, staffing, waitlist
from tests.db.practice import MONDAY, NOW, admin, at, build, desk, screened_intake

PATIENT = CancelledBy.PATIENT
MINUTE = dt.timedelta(minutes=1)


@pytest.fixture
def practice(database):  # type: ignore[no-untyped-def]
    return build(database)


def _slots(database, **kwargs):  # type: ignore[no-untyped-def]
    request = SlotRequest(first_day=MONDAY, days=kwargs.pop("days", 1), earliest=NOW, **kwargs)
    return slot_finder.find(database, desk(database), request)


def _book(database, practice, start, *, patient=0, therapist=None, location=None, **kw):  # type: ignore[no-untyped-def]
    patient_id = practice.patients[patient]
    confirm = kw.pop("confirm_second_evaluation", False)
    intake_id = kw.pop("intake_id", None)
    if intake_id is None and kw.get("type_code", "EVAL60") == "EVAL60":
        intake_id = screened_intake(database, patient_id)
    request = BookingRequest(
        patient_id,
        therapist or practice.ann,
        location or practice.east,
        start,
        intake_id=intake_id,
        **kw,
    )
    return booking.book(
        database, desk(database), request, now=NOW, confirm_second_evaluation=confirm
    )


def test_first_slots_come_soonest_first_across_locations(database, practice):
    found = _slots(database, limit=6)
    starts = [s.start for s in found]
    assert starts == sorted(starts)
    # East (New York) opens an hour before West (Chicago) in absolute time.
    assert found[0].location_code == "EAST" and found[0].local_start.hour == 8
    assert {s.location_code for s in _slots(database, limit=20)} == {"EAST", "WEST"}
    assert found[0].therapist_name == "Ann Testwood"


def test_slot_filters(database, practice):
    west = _slots(database, location_codes=("WEST",), limit=50)
    assert west and all(s.location_code == "WEST" for s in west)
    assert all(s.local_start.hour >= 8 and s.local_end.hour <= 12 for s in west)
    assert not _slots(database, parts_of_day=(PartOfDay.AFTERNOON,), limit=50)
    tuesday_only = _slots(database, days=7, weekdays=(1,), limit=50)
    assert tuesday_only and {s.local_start.weekday() for s in tuesday_only} == {1}
    bens = _slots(database, therapist_id=practice.ben, limit=50)
    assert bens and {s.therapist_id for s in bens} == {practice.ben}


def test_bad_search_input_names_the_field(database, practice):
    with pytest.raises(Invalid) as caught:
        _slots(database, location_codes=("NOPE",), type_code="XYZ")
    assert set(caught.value.problems) == {"location", "type"}
    with pytest.raises(Invalid) as caught:
        _slots(database, days=0)
    assert "days" in caught.value.problems


def test_a_closure_removes_the_day(database, practice):
    practice_admin.add_closure(database, admin(database), "EAST", MONDAY, MONDAY, reason="Holiday")
    assert {s.location_code for s in _slots(database, limit=50)} == {"WEST"}


def test_booking_takes_the_slot_off_the_list(database, practice):
    start = at(MONDAY, 9)
    visit = _book(database, practice, start)
    assert (visit.status, visit.needs_review, visit.location_code) == (
        AppointmentStatus.BOOKED,
        False,
        "EAST",
    )
    assert visit.end - visit.start == dt.timedelta(minutes=60)
    anns = [s.start for s in _slots(database, therapist_id=practice.ann, limit=50)]
    assert start not in anns
    assert at(MONDAY, 8, 45) not in anns  # would run into the booked hour
    assert at(MONDAY, 10) in anns


def test_the_same_slot_twice_is_a_conflict_with_alternatives(database, practice):
    start = at(MONDAY, 9)
    _book(database, practice, start, patient=0)
    with pytest.raises(BookingConflict) as caught:
        _book(database, practice, start, patient=1)
    conflict = caught.value
    assert "just taken" in str(conflict)
    assert len(conflict.alternatives) == 3
    for alt in conflict.alternatives:
        assert not (
            alt.therapist_id == practice.ann
            and alt.start < start + dt.timedelta(hours=1)
            and start < alt.end
        )
    # Each alternative really can be booked.
    alt = conflict.alternatives[0]
    visit = _book(
        database,
        practice,
        alt.start,
        patient=1,
        therapist=alt.therapist_id,
        location=alt.location_id,
    )
    assert visit.start == alt.start


def test_a_patient_cannot_hold_two_visits_at_once(database, practice):
    _book(database, practice, at(MONDAY, 9), patient=0)
    with pytest.raises(BookingConflict, match="patient already has an appointment"):
        _book(
            database,
            practice,
            at(MONDAY, 8, 30, "America/Chicago"),
            patient=0,
            therapist=practice.ben,
            location=practice.west,
        )


def test_outside_working_hours_or_in_the_past_is_refused(database, practice):
    with pytest.raises(BookingRefused, match="does not work"):
        _book(database, practice, at(MONDAY, 13))
    with pytest.raises(BookingRefused, match="does not work"):
        _book(database, practice, at(MONDAY, 9, 10))  # off the quarter-hour grid
    with pytest.raises(BookingRefused, match="passed"):
        _book(database, practice, NOW - dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"has_headache": True, "rf_sudden_onset": True}, "Emergency"),
        ({"rf_fever": True}, "Refer"),
        ({"rf_fever": None}, "incomplete"),
        ({"consent_treatment": False}, "Consent"),
    ],
)
def test_screening_blocks_booking_in_the_service(database, practice, overrides, words):
    intake_id = screened_intake(database, practice.patients[0], **overrides)
    with pytest.raises(BookingRefused, match=words):
        _book(database, practice, at(MONDAY, 9), intake_id=intake_id)


def test_review_triage_books_with_a_review_mark(database, practice):
    intake_id = screened_intake(database, practice.patients[0], cad_dizziness=True)
    visit = _book(database, practice, at(MONDAY, 9), intake_id=intake_id)
    assert visit.needs_review


def test_an_evaluation_needs_an_intake_but_a_follow_up_does_not(database, practice):
    request = BookingRequest(practice.patients[0], practice.ann, practice.east, at(MONDAY, 9))
    with pytest.raises(BookingRefused, match="screened intake"):
        booking.book(database, desk(database), request, now=NOW)
    visit = _book(database, practice, at(MONDAY, 9), type_code="FU45")
    assert visit.end - visit.start == dt.timedelta(minutes=45)


def test_an_intake_of_another_patient_is_refused(database, practice):
    other = screened_intake(database, practice.patients[1])
    with pytest.raises(Invalid):
        _book(database, practice, at(MONDAY, 9), patient=0, intake_id=other)


def test_a_moved_visit_keeps_its_own_length(database, practice):
    """A drag on the calendar moves the visit as booked, even if its type's length changed."""
    visit = _book(database, practice, at(MONDAY, 9), type_code="FU45")
    follow_up = practice_admin.get_appointment_type(database, admin(database), "FU45")
    practice_admin.update_appointment_type(
        database, admin(database), follow_up, replace(follow_up, minutes=30)
    )
    moved = booking.reschedule(
        database,
        desk(database),
        visit.id,
        visit.version,
        therapist_id=practice.ann,
        location_id=practice.east,
        start=at(MONDAY, 10, 15),
        now=NOW,
    )
    assert (moved.start, moved.end) == (at(MONDAY, 10, 15), at(MONDAY, 11))


def test_reschedule_is_atomic(database, practice):
    first = _book(database, practice, at(MONDAY, 9), patient=0)
    _book(database, practice, at(MONDAY, 11), patient=1)
    with pytest.raises(BookingConflict):
        booking.reschedule(
            database,
            desk(database),
            first.id,
            first.version,
            therapist_id=practice.ann,
            location_id=practice.east,
            start=at(MONDAY, 11),
            now=NOW,
        )
    kept = booking.get_visit(database, desk(database), first.id)
    assert (kept.start, kept.version) == (first.start, first.version)
    moved = booking.reschedule(
        database,
        desk(database),
        first.id,
        first.version,
        therapist_id=practice.ann,
        location_id=practice.east,
        start=at(MONDAY, 9, 30),
        now=NOW,
    )  # overlaps its own old time
    assert moved.start == at(MONDAY, 9, 30) and moved.version == first.version + 1
    assert at(MONDAY, 8) in [s.start for s in _slots(database, therapist_id=practice.ann)]


def test_cancel_marks_late_cancellations_and_frees_the_slot(database, practice):
    visit = _book(database, practice, at(MONDAY, 9))
    with pytest.raises(Invalid):
        booking.cancel(database, desk(database), visit.id, visit.version, "  ", by=PATIENT, now=NOW)
    outcome = booking.cancel(
        database,
        desk(database),
        visit.id,
        visit.version,
        "Patient is unwell",
        by=PATIENT,
        now=visit.start - dt.timedelta(hours=3),
    )
    assert outcome.visit.status == AppointmentStatus.CANCELLED
    assert outcome.visit.late_cancellation
    assert outcome.visit.cancelled_by == PATIENT
    assert at(MONDAY, 9) in [s.start for s in _slots(database, therapist_id=practice.ann)]
    early = _book(database, practice, at(MONDAY, 10), patient=1)
    outcome = booking.cancel(
        database, desk(database), early.id, early.version, "Moved away", by=PATIENT, now=NOW
    )
    assert not outcome.visit.late_cancellation


def test_the_clinic_cancelling_late_is_no_late_cancellation_of_the_patient(database, practice):
    visit = _book(database, practice, at(MONDAY, 9))
    outcome = booking.cancel(
        database,
        desk(database),
        visit.id,
        visit.version,
        "Therapist is ill",
        by=CancelledBy.CLINIC,
        now=visit.start - dt.timedelta(hours=2),
    )
    assert outcome.visit.status == AppointmentStatus.CANCELLED
    assert not outcome.visit.late_cancellation
    assert outcome.visit.cancelled_by == CancelledBy.CLINIC
    # The database itself refuses a late cancellation put on the clinic.
    with pytest.raises(IntegrityError), database.engine.begin() as conn:
        conn.execute(
            text("UPDATE appointments SET late_cancellation = true WHERE id = :id"),
            {"id": visit.id},
        )


def test_status_moves_and_stale_versions(database, practice):
    visit = _book(database, practice, at(MONDAY, 9))
    checked = booking.check_in(database, desk(database), visit.id, visit.version)
    with pytest.raises(StaleRecord):
        booking.complete(database, desk(database), visit.id, visit.version)  # an old copy
    done = booking.complete(database, desk(database), checked.id, checked.version)
    assert done.status == AppointmentStatus.COMPLETED
    with pytest.raises(BookingRefused) as refused:
        booking.no_show(database, desk(database), done.id, done.version, now=done.start)
    _no_codes(str(refused.value))
    other = _book(database, practice, at(MONDAY, 10), patient=1)
    missed = booking.no_show(database, desk(database), other.id, other.version, now=other.start)
    assert missed.status == AppointmentStatus.NO_SHOW
    # A no-show frees the therapist's time for a walk-in.
    assert at(MONDAY, 10) in [s.start for s in _slots(database, therapist_id=practice.ann)]
    for refuse in (booking.check_in, booking.complete):
        with pytest.raises(BookingRefused, match="marked as a no-show") as refused:
            refuse(database, desk(database), missed.id, missed.version)
        _no_codes(str(refused.value))
    with pytest.raises(BookingRefused) as refused:
        booking.cancel(
            database, desk(database), missed.id, missed.version, "x", by=PATIENT, now=NOW
        )
    _no_codes(str(refused.value))


def _no_codes(message: str) -> None:
    """A person reads this sentence: no internal code (no_show, checked_in) in it."""
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", message), message


def test_a_visit_is_a_no_show_only_from_its_start_time(database, practice):
    visit = _book(database, practice, at(MONDAY, 9))
    with pytest.raises(BookingRefused, match="only from its start time") as refused:
        booking.no_show(database, desk(database), visit.id, visit.version, now=visit.start - MINUTE)
    assert "09:00" in str(refused.value)  # the start, as the clinic's clock shows it
    _no_codes(str(refused.value))
    with pytest.raises(BookingRefused):  # a week ahead, as the one-key no-show once allowed
        booking.no_show(database, desk(database), visit.id, visit.version, now=NOW)
    missed = booking.no_show(database, desk(database), visit.id, visit.version, now=visit.start)
    assert missed.status == AppointmentStatus.NO_SHOW


def test_a_no_show_is_undone_the_same_day_and_audited(database, practice):
    visit = _book(database, practice, at(MONDAY, 9))
    late_evening = at(MONDAY, 23, 59)  # New York time: still the visit's day
    missed = booking.no_show(database, desk(database), visit.id, visit.version, now=visit.start)
    back = booking.undo_no_show(
        database, desk(database), missed.id, missed.version, now=late_evening
    )
    assert back.status == AppointmentStatus.BOOKED and back.version == missed.version + 1
    with database.reading() as session:
        actions = session.execute(
            text(
                "SELECT action FROM audit_events WHERE entity = 'appointment' "
                "AND entity_id = :id ORDER BY id"
            ),
            {"id": visit.id},
        ).scalars()
        assert list(actions)[-2:] == ["no_show", "undo_no_show"]
    with pytest.raises(BookingRefused, match="Only a no-show can be undone") as refused:
        booking.undo_no_show(database, desk(database), back.id, back.version, now=late_evening)
    _no_codes(str(refused.value))
    again = booking.no_show(database, desk(database), back.id, back.version, now=late_evening)
    next_day = at(MONDAY + dt.timedelta(days=1), 0, 0)  # midnight in New York (05:00 UTC)
    with pytest.raises(BookingRefused, match="only on the visit's own day"):
        booking.undo_no_show(database, desk(database), again.id, again.version, now=next_day)


def test_undoing_a_no_show_never_takes_back_time_given_to_a_walk_in(database, practice):
    visit = _book(database, practice, at(MONDAY, 9))
    missed = booking.no_show(database, desk(database), visit.id, visit.version, now=visit.start)
    _book(database, practice, at(MONDAY, 9), patient=1, type_code="FU45")  # the walk-in
    with pytest.raises(BookingRefused, match="the no-show stays"):
        booking.undo_no_show(
            database, desk(database), missed.id, missed.version, now=visit.start + MINUTE
        )
    still = booking.get_visit(database, desk(database), visit.id)
    assert still.status == AppointmentStatus.NO_SHOW


def test_cancellation_lists_matching_waitlist_patients_most_urgent_first(database, practice):
    p = practice.patients
    clear = waitlist.add(
        database,
        desk(database),
        p[1],
        WaitlistPreferences(),
        intake_id=screened_intake(database, p[1]),
    )
    review = waitlist.add(
        database,
        desk(database),
        p[2],
        WaitlistPreferences(weekdays=(0,)),
        intake_id=screened_intake(database, p[2], cad_dizziness=True),
    )
    waitlist.add(
        database,
        desk(database),
        p[3],
        WaitlistPreferences(location_ids=(practice.west,)),
        intake_id=screened_intake(database, p[3]),
    )  # wrong location
    visit = _book(database, practice, at(MONDAY, 9), patient=0)
    outcome = booking.cancel(
        database, desk(database), visit.id, visit.version, "Clash", by=PATIENT, now=NOW
    )
    assert [e.id for e in outcome.waitlist] == [review.id, clear.id]
    offered = waitlist.offer(database, desk(database), review.id, review.version)
    slot = outcome.freed
    booked = booking.book(
        database,
        desk(database),
        BookingRequest(
            p[2],
            slot.therapist_id,
            slot.location_id,
            slot.start,
            intake_id=review.intake_id,
            waitlist_entry_id=offered.id,
        ),
        now=NOW,
    )
    assert booked.needs_review
    still_waiting = [e.id for e in waitlist.waiting(database, desk(database))]
    assert review.id not in still_waiting
    assert still_waiting[0] == clear.id  # the list keeps its order for the next opening


def test_a_patient_who_must_not_be_booked_cannot_wait_either(database, practice):
    refer = screened_intake(database, practice.patients[0], rf_fever=True)
    with pytest.raises(BookingRefused, match="Refer"):
        waitlist.add(
            database, desk(database), practice.patients[0], WaitlistPreferences(), intake_id=refer
        )


def test_time_off_removes_slots(database, practice):
    staffing.add_time_off(database, admin(database), practice.ann, at(MONDAY, 8), at(MONDAY, 10))
    starts = [s.start for s in _slots(database, therapist_id=practice.ann, limit=50)]
    assert starts and min(starts) == at(MONDAY, 10)


def test_booking_an_unknown_patient_names_the_patient_and_writes_nothing(database, practice):  # type: ignore[no-untyped-def]
    request = BookingRequest(999_999, practice.ann, practice.east, at(MONDAY, 9), "FU45")
    with pytest.raises(NotFound, match="no patient with id 999999"):
        booking.book(database, desk(database), request, now=NOW)
    with database.reading() as session:
        assert session.execute(text("SELECT count(*) FROM appointments")).scalar() == 0
        booked = text("SELECT count(*) FROM audit_events WHERE action = 'book'")
        assert session.execute(booked).scalar() == 0


def test_a_second_evaluation_is_booked_only_when_confirmed(database, practice):
    first = _book(database, practice, at(MONDAY, 9))
    tuesday = MONDAY + dt.timedelta(days=1)
    wanted = at(tuesday, 10, 0, "America/Chicago")
    west = {"therapist": practice.ben, "location": practice.west}
    with pytest.raises(SecondEvaluation) as refused:
        _book(database, practice, wanted, **west)
    assert refused.value.existing.id == first.id  # named, to be read out to the caller
    assert refused.value.existing.location_name == "Test Site East"
    assert "Mon 01 Mar 2027 09:00 at Test Site East" in str(refused.value)
    free = _slots(database, days=2, location_codes=("WEST",), limit=100)
    assert wanted in {o.start for o in free}  # nothing was written
    follow_up = _book(database, practice, at(tuesday, 8), type_code="FU45")  # not an evaluation
    second = _book(database, practice, wanted, confirm_second_evaluation=True, **west)
    assert (second.start, second.type_code, follow_up.type_code) == (wanted, "EVAL60", "FU45")


def test_only_an_evaluation_still_ahead_counts(database, practice):
    first = _book(database, practice, at(MONDAY, 9))
    tuesday = MONDAY + dt.timedelta(days=1)
    later_that_day = at(MONDAY, 10)  # the evaluation started; it is still today's
    request = BookingRequest(
        practice.patients[0],
        practice.ann,
        practice.east,
        at(MONDAY, 11),
        intake_id=screened_intake(database, practice.patients[0]),
    )
    with pytest.raises(SecondEvaluation):
        booking.book(database, desk(database), request, now=later_that_day)
    next_morning = at(tuesday, 7)  # yesterday's evaluation is past
    visit = booking.book(
        database, desk(database), replace(request, start=at(tuesday, 9)), now=next_morning
    )
    assert visit.type_code == "EVAL60"
    booking.cancel(
        database,
        desk(database),
        visit.id,
        visit.version,
        "Patient asked",
        now=NOW,
        by=CancelledBy.PATIENT,
    )
    booking.cancel(
        database,
        desk(database),
        first.id,
        first.version,
        "Patient asked",
        now=NOW,
        by=CancelledBy.PATIENT,
    )
    again = _book(database, practice, at(MONDAY + dt.timedelta(days=2), 9))  # none left ahead
    assert again.type_code == "EVAL60"


def test_busy_time_read_window_by_window_gives_the_same_slots(database, practice, monkeypatch):  # type: ignore[no-untyped-def]
    """A chain's many therapists have their busy time read a window at a time, as far as
    the search gets; the slots are those of one read of everything."""
    visits = [
        (practice.ann, practice.east, at(MONDAY + dt.timedelta(days=d), h))
        for d, h in ((0, 8), (0, 10), (1, 9), (3, 11))
    ]
    visits.append((practice.ben, practice.west, at(MONDAY, 9, zone="America/Chicago")))
    for patient, (therapist, place, start) in enumerate(visits):
        _book(
            database,
            practice,
            start,
            patient=patient % 4,
            therapist=therapist,
            location=place,
            type_code="FU45",
        )
    at_once = _slots(database, days=7, limit=200)
    assert at_once
    monkeypatch.setattr(slot_finder, "_NARROW", 0)  # as with more than 20 therapists
    monkeypatch.setattr(slot_finder, "_WINDOW", dt.timedelta(hours=1))
    assert _slots(database, days=7, limit=200) == at_once
    assert _slots(database, days=7, limit=3) == at_once[:3]
