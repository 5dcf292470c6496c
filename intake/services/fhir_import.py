"""Taking in QuestionnaireResponses (read and checked by `intake.fhir.reading`) as draft
intakes of the patients they name, which the front desk then opens, checks and submits.

A response is attached only to a patient it names beyond doubt: by our record number, or
else by name and birth date under the duplicate check's rules with exactly one candidate.
Anything less is reported unmatched and left alone; nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake import screening
from intake.db.models import Intake, Patient
from intake.domain import duplicates as dup
from intake.domain.enums import IntakeStatus
from intake.domain.errors import Invalid
from intake.domain.incoming import IncomingResponse, PatientHint
from intake.domain.patient import PatientDraft, clean_draft
from intake.domain.permissions import Permission
from intake.services import audit
from intake.services.actor import Actor
from intake.services.database import Database
from intake.services.patients import duplicate_candidates

MAX_MERGE_HOPS = 20  # a merged record points at its survivor; chains are short


@dataclass(frozen=True)
class ImportOutcome:
    """What became of one response: a draft intake of a patient, or why it was left alone."""

    label: str  # where it is in the file ('response 2 (id "abc")')
    intake_id: int | None = None
    patient_mrn: str | None = None
    unmatched: str = ""  # why no patient was chosen (names nobody beyond what the file said)

    @property
    def imported(self) -> bool:
        return self.intake_id is not None


def import_responses(
    database: Database,
    actor: Actor,
    responses: Sequence[IncomingResponse],
    *,
    on: dt.date | None = None,
) -> tuple[ImportOutcome, ...]:
    """Each matched response as a new draft intake (one unit of work for the whole file);
    the unmatched ones are reported and nothing is written for them. Audited per intake,
    with the names of the answered questions (never their values)."""
    actor.require(Permission.PRACTICE_ADMIN)
    today = on or dt.date.today()
    with database.writing() as session:
        outcomes = []
        for response in responses:
            patient, why = _match(session, response.patient)
            if patient is None:
                outcomes.append(ImportOutcome(response.label, unmatched=why))
                continue
            row = _draft(session, actor, response, patient.id, today)
            outcomes.append(ImportOutcome(response.label, row.id, patient.mrn))
        return tuple(outcomes)


def _draft(
    session: Session, actor: Actor, response: IncomingResponse, patient_id: int, today: dt.date
) -> Intake:
    checklist = screening.load_checklist(f"{response.checklist_id}-{response.checklist_version}")
    answers = dict(response.answers)
    if errors := screening.validate_answers(checklist, answers, on=today):
        raise Invalid({e.question_id or "answers": e.message for e in errors})
    result = screening.evaluate(checklist, answers, on=today).to_json()
    row = Intake(
        patient_id=patient_id,
        status=IntakeStatus.DRAFT.value,
        answers=answers,
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        screening=result,
        screening_status=result["status"],
        triage=result["triage"],
        created_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor, "import", "intake", row.id, patient_id=patient_id, fields=answers)
    return row


def _match(session: Session, hint: PatientHint) -> tuple[Patient | None, str]:
    if hint.mrn is not None:
        return _by_record_number(session, hint)
    if not hint.has_name_and_birth_date:
        return None, "it names no record number, nor a full name and birth date"
    candidates = duplicate_candidates(session, _draft_of(hint))
    if not candidates:
        return None, "no patient on file matches the name and birth date given"
    if len(candidates) > 1:
        return None, (
            f"{len(candidates)} patients on file could be the one named; open the right "
            "record and take the intake there"
        )
    (only,) = candidates
    if only.likeness is not dup.Likeness.LIKELY or only.patient.date_of_birth != hint.birth_date:
        return None, "one patient on file looks similar, but not enough to be sure"
    return session.get(Patient, only.patient.id), ""


def _by_record_number(session: Session, hint: PatientHint) -> tuple[Patient | None, str]:
    row = session.scalar(select(Patient).where(Patient.mrn == hint.mrn))
    for _ in range(MAX_MERGE_HOPS):  # a merged record's intakes go to its survivor
        if row is None or row.merged_into_id is None:
            break
        row = session.get(Patient, row.merged_into_id)
    if row is None or row.merged_into_id is not None:
        return None, f"no patient has record number {hint.mrn}"
    if hint.has_name_and_birth_date:
        said = dup.score(_draft_of(hint), _draft_of_row(row))
        if said.likeness is not dup.Likeness.LIKELY:
            return None, (
                f"record number {hint.mrn} and the name and birth date given do not agree"
            )
    return row, ""


def _draft_of(hint: PatientHint) -> PatientDraft:
    return clean_draft(PatientDraft(hint.family_name, hint.given_name, hint.birth_date, ""))


def _draft_of_row(row: Patient) -> PatientDraft:
    return PatientDraft(row.family_name, row.given_name, row.date_of_birth, "")
