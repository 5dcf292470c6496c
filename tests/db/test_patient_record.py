"""The patient record read whole, and an edit two computers made at once, on both databases."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from intake.db.models import AuditEvent
from intake.domain.booking import BookingRequest, WaitlistPreferences
from intake.domain.enums import AppointmentStatus, CancelledBy, IntakeStatus, Role
from intake.domain.errors import NotFound, StaleRecord
from intake.domain.patient_record import Side, as_draft, differences, resolved
from intake.services import booking, patient_record, patients, waitlist
from tests.db.practice import MONDAY, NOW, admin, at, build, desk, screened_intake, signed_in


def _book(database, practice, patient: int, day: dt.date, hour: int):  # type: ignore[no-untyped-def]
    request = BookingRequest(patient, practice.ann, practice.east, at(day, hour), "FU45")
    return booking.book(database, desk(database), request, now=NOW)


def test_the_record_holds_intakes_visits_waitlist_and_counts(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    who, other = practice.patients[0], practice.patients[1]
    intake_id = screened_intake(database, who)
    ahead = _book(database, practice, who, MONDAY, 9)
    missed = _book(database, practice, who, MONDAY + dt.timedelta(days=1), 9)
    booking.no_show(database, desk(database), missed.id, missed.version, now=missed.start)
    late = _book(database, practice, who, MONDAY + dt.timedelta(days=2), 9)
    booking.cancel(
        database, desk(database), late.id, late.version, "Ill", by=CancelledBy.PATIENT,
        now=late.start - dt.timedelta(hours=2),
    )  # fmt: skip
    theirs = _book(database, practice, who, MONDAY + dt.timedelta(days=3), 9)
    booking.cancel(
        database, desk(database), theirs.id, theirs.version, "Therapist ill",
        by=CancelledBy.CLINIC, now=NOW,
    )  # fmt: skip
    _book(database, practice, other, MONDAY, 10)  # someone else's visit is not on this record
    entry = waitlist.add(database, desk(database), who, WaitlistPreferences(), type_code="FU45")

    record = patient_record.overview(database, desk(database), who)

    assert record.patient.id == who
    assert [(i.id, i.status) for i in record.intakes] == [(intake_id, IntakeStatus.SUBMITTED)]
    assert record.intakes[0].triage and record.intakes[0].state_words
    assert {v.id for v in record.visits} == {ahead.id, missed.id, late.id, theirs.id}
    assert [w.id for w in record.waitlist] == [entry.id]
    now = missed.start + dt.timedelta(hours=1)  # the day after Monday's visit
    assert [v.id for v in record.upcoming(NOW)] == [ahead.id]  # the rest are off or missed
    assert ahead.id not in {v.id for v in record.past(NOW)}
    assert {v.id for v in record.past(now)} == {ahead.id, missed.id, late.id, theirs.id}
    counts = record.counts(NOW)
    assert (counts.no_shows, counts.late_cancellations) == (1, 1)
    assert (counts.cancelled_by_patient, counts.cancelled_by_clinic) == (1, 1)
    late_visit = next(v for v in record.visits if v.id == late.id)
    assert late_visit.status is AppointmentStatus.CANCELLED
    assert late_visit.cancelled_by is CancelledBy.PATIENT


def test_opening_the_record_is_audited_and_its_history_is_for_those_who_read_the_trail(
    database,
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    who = practice.patients[0]

    def opened() -> int:
        with database.reading() as session:
            rows = session.scalars(
                select(AuditEvent).where(AuditEvent.action == "open", AuditEvent.patient_id == who)
            ).all()
            return len(rows)

    before = opened()
    as_desk = patient_record.overview(database, desk(database), who)
    assert opened() == before + 1
    assert as_desk.history is None  # the trail is the admins' (PostgreSQL grants agree)
    as_admin = patient_record.overview(database, admin(database), who)
    assert as_admin.history is not None
    actions = [(e.action, e.entity) for e in as_admin.history]
    assert ("create", "patient") in actions and actions[0] == ("open", "patient")
    assert all(e.patient_id == who for e in as_admin.history)


def test_a_record_that_is_not_there_is_said_so(database) -> None:  # type: ignore[no-untyped-def]
    build(database, patients_count=1)
    with pytest.raises(NotFound):
        patient_record.overview(database, desk(database), 999_999)


def test_the_note_for_the_desk_is_stored_with_its_lines(database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database, patients_count=1)
    who = patients.get(database, desk(database), practice.patients[0])
    note = "Uses a wheelchair:  ramp entrance\n\n  Mother  books for her  "
    saved = patients.update(
        database, desk(database), who.id, who.version,
        dataclasses.replace(as_draft(who), desk_note=note),
    )  # fmt: skip
    assert saved.desk_note == "Uses a wheelchair: ramp entrance\nMother books for her"
    assert patient_record.overview(database, desk(database), who.id).patient.desk_note == (
        saved.desk_note
    )


def test_an_edit_from_a_stale_copy_is_refused_and_the_chosen_merge_is_stored(database) -> None:  # type: ignore[no-untyped-def]
    """Two PCs open one record; the other saves first. This one's save is refused (nothing is
    overwritten); the compare shows each differing field; the person's choice is stored."""
    practice = build(database, patients_count=1)
    other_pc = signed_in(database, Role.FRONT_DESK, username="desk-two", workstation="pc-2")
    base = patients.get(database, desk(database), practice.patients[0])
    theirs = patients.update(
        database, other_pc, base.id, base.version,
        dataclasses.replace(as_draft(base), phone="(212) 555-0199", city="Testville"),
    )  # fmt: skip
    mine = dataclasses.replace(as_draft(base), phone="(212) 555-0142", desk_note="Prefers mornings")
    with pytest.raises(StaleRecord):
        patients.update(database, desk(database), base.id, base.version, mine)

    found = {d.field: d for d in differences(as_draft(base), as_draft(theirs), mine)}
    assert set(found) == {"phone", "city", "desk_note"}
    assert found["phone"].both_changed
    assert (found["city"].proposed, found["desk_note"].proposed) == (Side.THEIRS, Side.MINE)
    with pytest.raises(ValueError):
        resolved(as_draft(theirs), tuple(found.values()), {})
    chosen = resolved(as_draft(theirs), tuple(found.values()), {"phone": Side.MINE})
    stored = patients.update(database, desk(database), base.id, theirs.version, chosen)
    assert (stored.phone, stored.city, stored.desk_note) == (
        "(212) 555-0142",
        "Testville",
        "Prefers mornings",
    )
    assert stored.version == theirs.version + 1
