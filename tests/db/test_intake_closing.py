"""An emergency (or referral) ends the intake: closed with what was asked, seen by the
clinician on duty, no draft left behind; a draft nobody will finish is discarded with a
reason. Both backends; all data synthetic."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from intake.db.models import AuditEvent
from intake.domain.enums import ClosingReason, IntakeStatus, Role
from intake.domain.errors import Invalid, StaleRecord
from intake.domain.patient import PatientDraft
from intake.domain.review import ReviewKey
from intake.services import intakes, patients, review
from tests.db.practice import desk, signed_in

ON = dt.date(2026, 11, 24)
# Three questions in, the caller describes a sudden neurological deficit.
ASKED = {"sex": "male", "has_headache": True, "rf_neuro_deficit": True}


def _patient(database) -> int:  # type: ignore[no-untyped-def]
    draft = PatientDraft("Testcase", "Sammy", dt.date(1971, 2, 3), "male")
    return patients.register(database, desk(database), draft).id


def _events(database, intake_id: int) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with database.reading() as session:
        query = select(AuditEvent).where(
            AuditEvent.entity == "intake", AuditEvent.entity_id == intake_id
        )
        return list(session.scalars(query.order_by(AuditEvent.id)))


def test_an_emergency_closes_with_what_was_asked_and_leaves_no_draft(database):  # type: ignore[no-untyped-def]
    front = desk(database)
    pid = _patient(database)
    draft = intakes.save_draft(database, front, ASKED, patient_id=pid, on=ON)
    assert draft.screening is not None and not draft.screening.complete  # 18+ still unasked
    assert [d.id for d in intakes.list_unfinished(database, front)] == [draft.id]

    closed = intakes.close_as_referral(
        database, front, ASKED, intake_id=draft.id, version=draft.version, on=ON
    )

    assert closed.status == IntakeStatus.CLOSED
    assert closed.closing_reason == ClosingReason.EMERGENCY_REFERRAL
    assert closed.answers == ASKED and closed.triage == "emergency"
    assert intakes.list_unfinished(database, front) == []  # the record is clean
    assert [e.action for e in _events(database, closed.id)][-1] == "close"
    with pytest.raises(StaleRecord):  # and it is not typed over afterwards
        intakes.save_draft(
            database, front, ASKED, intake_id=closed.id, version=closed.version, on=ON
        )


def test_the_clinician_on_duty_sees_it_until_marked_seen(database):  # type: ignore[no-untyped-def]
    front = desk(database)
    closed = intakes.close_as_referral(database, front, ASKED, patient_id=_patient(database), on=ON)
    refer = intakes.close_as_referral(
        database, front, {"rf_fever": True}, patient_id=_patient(database), on=ON
    )
    clinician = signed_in(database, Role.THERAPIST)

    waiting = review.open_referrals(database, clinician)

    assert [(r.intake_id, r.reason) for r in waiting] == [
        (closed.id, ClosingReason.EMERGENCY_REFERRAL),  # emergencies first
        (refer.id, ClosingReason.REFERRAL),
    ]
    assert waiting[0].patient_label.startswith("Testcase, Sammy")
    assert waiting[0].closed_by == "Desk Test" and waiting[0].flag_count >= 1
    opened = review.open_review(database, clinician, closed.id)
    assert opened.sign_off.closing_reason == ClosingReason.EMERGENCY_REFERRAL
    assert not opened.sign_off.seen
    seen = review.mark_reviewed(
        database, clinician, ReviewKey(closed.id, opened.key.intake_version)
    )
    assert seen.seen and seen.status == IntakeStatus.CLOSED  # still closed, now seen
    assert [r.intake_id for r in review.open_referrals(database, clinician)] == [refer.id]
    with pytest.raises(StaleRecord):  # a second clinician's click changes nothing
        review.mark_reviewed(database, clinician, ReviewKey(closed.id, seen.version))


def test_only_an_emergency_or_referral_closes_an_intake(database):  # type: ignore[no-untyped-def]
    front = desk(database)
    pid = _patient(database)
    draft = intakes.save_draft(database, front, {"has_neck_pain": True}, patient_id=pid, on=ON)
    with pytest.raises(Invalid) as refused:
        intakes.close_as_referral(
            database,
            front,
            {"has_neck_pain": True},
            intake_id=draft.id,
            version=draft.version,
            on=ON,
        )
    assert "emergency or referral" in str(refused.value)
    assert [d.id for d in intakes.list_unfinished(database, front)] == [draft.id]


def test_a_draft_is_discarded_with_its_reason_audited(database):  # type: ignore[no-untyped-def]
    front = desk(database)
    pid = _patient(database)
    draft = intakes.save_draft(database, front, {"has_headache": True}, patient_id=pid, on=ON)
    assert intakes.list_unfinished(database, front)[0].triage == "clear"
    with pytest.raises(Invalid):
        intakes.discard(database, front, draft.id, draft.version, "   ")
    with pytest.raises(StaleRecord):
        intakes.discard(database, front, draft.id, draft.version + 1, "Entered twice")

    gone = intakes.discard(database, front, draft.id, draft.version, " Entered twice ")

    assert gone.status == IntakeStatus.DISCARDED
    assert gone.closing_reason == ClosingReason.DISCARDED
    assert intakes.list_unfinished(database, front) == []
    last = _events(database, draft.id)[-1]
    assert last.action == "discard" and last.username == "desk-test"
    with database.reading() as session:
        from intake.db.models import Intake

        assert session.get(Intake, draft.id).closing_note == "Entered twice"  # type: ignore[union-attr]
    with pytest.raises(StaleRecord):  # a submitted or closed intake is no draft to discard
        intakes.discard(database, front, draft.id, gone.version, "Again")


def test_the_unfinished_list_shows_each_drafts_triage(database):  # type: ignore[no-untyped-def]
    front = desk(database)
    urgent = intakes.save_draft(database, front, ASKED, patient_id=_patient(database), on=ON)
    rows = {row.id: row.triage for row in intakes.list_unfinished(database, front)}
    assert rows[urgent.id] == "emergency"
