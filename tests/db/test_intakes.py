"""Intake drafts: kept as typed, versioned against a second PC, listed for the restart offer."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import create_engine, select

from intake import screening
from intake.db.models import AuditEvent
from intake.domain.enums import IntakeStatus, Role
from intake.domain.errors import (
    DatabaseUnavailable,
    Invalid,
    NotFound,
    StaleRecord,
)
from intake.domain.patient import PatientDraft
from intake.services import intakes, patients
from intake.services.database import Database
from tests.db.practice import desk, signed_in
from tests.unit.screening.builders import answers_for

ON = dt.date(2026, 11, 24)


def _patient(database) -> int:  # type: ignore[no-untyped-def]
    draft = PatientDraft("Testcase", "Synthia", dt.date(1980, 5, 6), "female")
    return patients.register(database, desk(database), draft).id


def test_a_draft_is_created_then_updated_with_its_version(database):  # type: ignore[no-untyped-def]
    pid = _patient(database)
    first = intakes.save_draft(
        database, desk(database), {"has_headache": True}, patient_id=pid, on=ON
    )
    assert (first.status, first.patient_id) == (IntakeStatus.DRAFT, pid)
    assert first.screening is not None and not first.screening.complete
    second = intakes.save_draft(
        database,
        desk(database),
        {"has_headache": True, "rf_sudden_onset": True},
        intake_id=first.id,
        version=first.version,
        on=ON,
    )
    assert second.version == first.version + 1 and second.triage == "emergency"
    assert intakes.get(database, desk(database), first.id).answers == {
        "has_headache": True,
        "rf_sudden_onset": True,
    }


def test_a_stale_draft_from_another_pc_is_refused(database):  # type: ignore[no-untyped-def]
    info = intakes.save_draft(database, desk(database), {"has_neck_pain": True}, on=ON)
    intakes.save_draft(
        database, desk(database), {"has_neck_pain": False}, intake_id=info.id, version=1
    )
    with pytest.raises(StaleRecord):
        intakes.save_draft(
            database, desk(database), {"has_neck_pain": True}, intake_id=info.id, version=1
        )
    assert intakes.get(database, desk(database), info.id).answers == {"has_neck_pain": False}


def test_submit_needs_a_complete_screen_and_ends_the_draft(database):  # type: ignore[no-untyped-def]
    pid = _patient(database)
    checklist = screening.load_checklist(None)
    partial = intakes.save_draft(
        database, desk(database), {"has_headache": False}, patient_id=pid, on=ON
    )
    with pytest.raises(Invalid):
        intakes.submit(
            database, desk(database), partial.id, partial.version, {"has_headache": False}
        )
    answers = answers_for(checklist)
    done = intakes.submit(database, desk(database), partial.id, partial.version, answers, on=ON)
    assert done.status == IntakeStatus.SUBMITTED
    assert intakes.list_unfinished(database, desk(database)) == []
    with pytest.raises(StaleRecord):  # a late autosave never reopens it
        intakes.save_draft(
            database, desk(database), answers, intake_id=done.id, version=done.version
        )


def test_unfinished_lists_drafts_newest_first_with_the_patient(database):  # type: ignore[no-untyped-def]
    pid = _patient(database)
    older = intakes.save_draft(database, desk(database), {"has_neck_pain": True}, on=ON)
    newer = intakes.save_draft(database, desk(database), {"pain_now": 6}, patient_id=pid, on=ON)
    found = intakes.list_unfinished(database, desk(database))
    assert [u.id for u in found] == [newer.id, older.id]
    assert found[0].answers == {"pain_now": 6}
    assert found[0].patient_label.startswith("Testcase, Synthia (M")
    assert found[1].patient_label == ""
    someone_else = signed_in(
        database, Role.FRONT_DESK, username="desk-other", workstation="other-pc"
    )
    assert intakes.list_unfinished(database, someone_else) == []  # each person's own drafts


def test_intakes_offered_for_booking_are_the_patients_own_not_discarded(database):  # type: ignore[no-untyped-def]
    pid, other = _patient(database), _patient(database)
    draft = intakes.save_draft(database, desk(database), {"pain_now": 6}, patient_id=pid, on=ON)
    gone = intakes.save_draft(database, desk(database), {"pain_now": 2}, patient_id=pid, on=ON)
    intakes.discard(database, desk(database), gone.id, gone.version, "Entered twice")
    intakes.save_draft(database, desk(database), {"pain_now": 3}, patient_id=other, on=ON)
    found = intakes.for_booking(database, desk(database), pid)
    assert [(c.id, c.status) for c in found] == [(draft.id, IntakeStatus.DRAFT)]
    assert intakes.for_booking(database, desk(database), 999_999) == []


def test_invalid_answers_are_refused(database):  # type: ignore[no-untyped-def]
    with pytest.raises(Invalid) as caught:
        intakes.save_draft(database, desk(database), {"pain_now": 11}, on=ON)
    assert "pain_now" in caught.value.problems


def test_audit_names_fields_never_values(database):  # type: ignore[no-untyped-def]
    info = intakes.save_draft(database, desk(database), {"symptom_duration_weeks": 37}, on=ON)
    intakes.get(database, desk(database), info.id)
    with database.reading() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity == "intake")).all()
    assert [e.action for e in events] == ["create", "open"]
    assert events[0].fields == ["symptom_duration_weeks"]
    assert "37" not in repr([e.fields for e in events])


def test_an_unknown_intake_is_not_found(database):  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound):
        intakes.get(database, desk(database), 999)


def test_a_lost_connection_is_a_known_error(database, tmp_path):  # type: ignore[no-untyped-def]
    gone = Database(create_engine(f"sqlite+pysqlite:///{tmp_path / 'missing' / 'x.sqlite3'}"))
    with pytest.raises(DatabaseUnavailable) as caught:
        intakes.save_draft(gone, desk(database), {"pain_now": 4})
    assert "4" not in str(caught.value)
    gone.close()
