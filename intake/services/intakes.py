"""Intakes: the screening answers of a patient, evaluated and stored with their result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from intake import screening
from intake.db.models import Intake
from intake.domain.enums import IntakeStatus
from intake.domain.errors import Invalid, NotFound, StaleRecord
from intake.domain.permissions import Permission
from intake.services import audit
from intake.services.actor import Actor
from intake.services.database import Database
from intake.services.patients import patient_row


@dataclass(frozen=True)
class IntakeInfo:
    id: int
    version: int
    patient_id: int | None
    status: IntakeStatus
    answers: dict[str, Any]
    checklist_id: str
    checklist_version: str
    screening: screening.ScreeningResult | None

    @property
    def triage(self) -> str | None:
        return self.screening.to_json()["triage"] if self.screening else None


def save(
    database: Database,
    actor: Actor,
    answers: dict[str, Any],
    *,
    patient_id: int | None = None,
    intake_id: int | None = None,
    version: int | None = None,
    on: dt.date | None = None,
    submit: bool = False,
) -> IntakeInfo:
    """Store the answers and their screening result (a draft, or submitted when complete)."""
    actor.require(Permission.INTAKE)
    with database.writing() as session:
        if intake_id is None:
            checklist = screening.load_checklist(None)
            row = Intake(
                checklist_id=checklist.id,
                checklist_version=checklist.version,
                created_by=actor.user_id,
            )
            session.add(row)
        else:
            found = session.get(Intake, intake_id)
            if found is None:
                raise NotFound(f"There is no intake with id {intake_id}.")
            if version is not None and found.version != version:
                raise StaleRecord("Someone else changed this intake; reopen it to see the change.")
            row = found
            # An intake keeps the checklist version it was started with.
            checklist = screening.load_checklist(f"{row.checklist_id}-{row.checklist_version}")
        if errors := screening.validate_answers(checklist, answers):
            raise Invalid({e.question_id or "answers": e.message for e in errors})
        payload = screening.evaluate(checklist, answers, on=on or dt.date.today()).to_json()
        if patient_id is not None:
            patient_row(session, patient_id)
            row.patient_id = patient_id
        row.answers = dict(answers)
        row.screening = payload
        row.screening_status = payload["status"]
        row.triage = payload["triage"]
        if submit:
            if payload["status"] != "complete":
                raise Invalid(
                    {"answers": "The screening is incomplete: " + ", ".join(payload["missing"])}
                )
            row.status = IntakeStatus.SUBMITTED.value
            row.submitted_by = actor.user_id
            row.submitted_at = dt.datetime.now(dt.UTC)
        session.flush()
        audit.record(
            session,
            actor,
            "create" if intake_id is None else "update",
            "intake",
            row.id,
            patient_id=row.patient_id,
            fields=sorted(answers),
        )
        return _info(row)


def _info(row: Intake) -> IntakeInfo:
    return IntakeInfo(
        id=row.id,
        version=row.version,
        patient_id=row.patient_id,
        status=IntakeStatus(row.status),
        answers=dict(row.answers or {}),
        checklist_id=row.checklist_id,
        checklist_version=row.checklist_version,
        screening=screening.ScreeningResult.from_json(row.screening) if row.screening else None,
    )
