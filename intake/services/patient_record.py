"""One patient's record read whole for the Patients area: the details, intakes, visits,
waitlist entries and (for those who may read the trail) the record's audit history.

One reading of the database, audited as opening the record is (patients.get): the
overview shows the same patient data.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.db.models import Appointment, AuditEvent, Intake, WaitlistEntry
from intake.domain.accounts import AuditEntry
from intake.domain.enums import ClosingReason, IntakeStatus
from intake.domain.patient_record import HISTORY_LIMIT, IntakeLine, PatientRecord
from intake.domain.permissions import Permission, allows
from intake.services import audit
from intake.services.actor import Actor
from intake.services.booking import visit_of
from intake.services.database import Database
from intake.services.patients import patient_info, patient_row
from intake.services.waitlist import entry_info


def overview(database: Database, actor: Actor, patient_id: int) -> PatientRecord:
    """The whole record of one patient; NotFound if there is none."""
    actor.require(Permission.PATIENTS)
    with database.writing() as session:  # opening a record is audited
        row = patient_row(session, patient_id)
        intakes = session.scalars(
            select(Intake)
            .where(Intake.patient_id == patient_id)
            .order_by(Intake.created_at.desc(), Intake.id.desc())
        ).all()
        visits = session.scalars(
            select(Appointment)
            .where(Appointment.patient_id == patient_id)
            .order_by(Appointment.starts_at.desc(), Appointment.id.desc())
        ).all()
        entries = session.scalars(
            select(WaitlistEntry)
            .where(WaitlistEntry.patient_id == patient_id)
            .order_by(WaitlistEntry.created_at.desc(), WaitlistEntry.id.desc())
        ).all()
        history, more = _history(session, actor, patient_id)
        record = PatientRecord(
            patient=patient_info(row),
            intakes=tuple(_intake_line(i) for i in intakes),
            visits=tuple(visit_of(session, v) for v in visits),
            waitlist=tuple(entry_info(session, e) for e in entries),
            history=history,
            history_more=more,
        )
        audit.record(session, actor, "open", "patient", row.id, patient_id=row.id)
        return record


def _history(
    session: Session, actor: Actor, patient_id: int
) -> tuple[tuple[AuditEntry, ...] | None, bool]:
    """The trail of this record, newest first, for those allowed to read the trail (on
    PostgreSQL only the admins' group may SELECT it: other staff get None, not an error)."""
    if not allows(actor.role, Permission.AUDIT):
        return None, False
    rows = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.patient_id == patient_id)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(HISTORY_LIMIT + 1)
    ).all()
    entries = tuple(_audit_entry(r) for r in rows[:HISTORY_LIMIT])
    return entries, len(rows) > HISTORY_LIMIT


def _audit_entry(row: AuditEvent) -> AuditEntry:
    return AuditEntry(
        row.id,
        row.occurred_at,
        row.username,
        row.workstation,
        row.action,
        row.entity,
        row.entity_id,
        row.patient_id,
        tuple(row.fields or ()),
        None,
        row.db_login,
    )


def _intake_line(row: Intake) -> IntakeLine:
    return IntakeLine(
        id=row.id,
        status=IntakeStatus(row.status),
        triage=row.triage,
        created_at=row.created_at,
        submitted_at=row.submitted_at,
        reviewed_at=row.reviewed_at,
        closing_reason=ClosingReason(row.closing_reason) if row.closing_reason else None,
        source=row.source,
        answered=bool(row.answers),
    )
