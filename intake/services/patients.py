"""Registering, reading and changing patient records, and finding likely duplicates."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy import update as update_rows
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from intake.db.models import Patient
from intake.db.models.patient import PatientSearchKey
from intake.domain import duplicates as dup
from intake.domain.errors import Invalid, NotFound, StaleRecord
from intake.domain.patient import (
    DRAFT_FIELDS,
    PatientDraft,
    PatientInfo,
    check_patient,
    clean_draft,
    stored_forms,
)
from intake.domain.permissions import Permission
from intake.domain.search_query import mrn_for
from intake.domain.words import QT_TRANSLATE_NOOP, said
from intake.services import audit, patient_index
from intake.services.actor import Actor
from intake.services.database import Database

MAX_CANDIDATES = 400  # rows read per duplicate check before scoring


@dataclass(frozen=True)
class DuplicateCandidate:
    """A patient on file who looks like the one being registered, and why."""

    patient: PatientInfo
    score: int
    likeness: dup.Likeness
    reasons: str  # 'same date of birth, surname sounds alike'
    fields: tuple[str, ...]  # the draft fields that matched


def register(
    database: Database, actor: Actor, draft: PatientDraft, *, today: dt.date | None = None
) -> PatientInfo:
    actor.require(Permission.PATIENTS)
    cleaned = clean_draft(draft)
    if problems := check_patient(cleaned, today or dt.date.today()):
        raise Invalid(problems)
    with database.writing() as session:
        row = Patient(mrn=f"tmp-{uuid.uuid4().hex[:16]}", **_columns(cleaned))
        session.add(row)
        session.flush()
        row.mrn = mrn_for(row.id)  # from the id, so two PCs can never draw the same number
        session.flush()
        patient_index.refresh(session, row)
        audit.record(
            session, actor, "create", "patient", row.id, patient_id=row.id, fields=DRAFT_FIELDS
        )
        return patient_info(row)


def update(
    database: Database,
    actor: Actor,
    patient_id: int,
    version: int,
    draft: PatientDraft,
    *,
    today: dt.date | None = None,
) -> PatientInfo:
    """Replace the record read at `version` with `draft`; StaleRecord if it changed since."""
    actor.require(Permission.PATIENTS)
    cleaned = clean_draft(draft)
    if problems := check_patient(cleaned, today or dt.date.today()):
        raise Invalid(problems)
    with database.writing() as session:
        row = patient_row(session, patient_id)
        if row.version != version or row.merged_into_id is not None:
            raise _stale()  # merged meanwhile: reloading leads to the survivor
        changed = [k for k, v in _columns(cleaned).items() if getattr(row, k) != v]
        if changed:
            for key in changed:
                setattr(row, key, _columns(cleaned)[key])
            try:
                session.flush()  # UPDATE ... WHERE version = :seen, which locks the row
            except StaleDataError:
                raise _stale() from None
            # Keys from the row just written, under its lock: a racing save waits, then
            # finds the version moved and is refused, so it never writes keys of its own.
            patient_index.refresh(session, row)
        else:
            _confirm_version(session, patient_id, version)
        audit.record(
            session,
            actor,
            "update",
            "patient",
            row.id,
            patient_id=row.id,
            fields=[c for c in changed if c in DRAFT_FIELDS],
        )
        return patient_info(row)


def get(database: Database, actor: Actor, patient_id: int) -> PatientInfo:
    actor.require(Permission.PATIENTS)
    with database.writing() as session:  # opening a record is audited
        row = patient_row(session, patient_id)
        audit.record(session, actor, "open", "patient", row.id, patient_id=row.id)
        return patient_info(row)


def duplicates(
    database: Database,
    actor: Actor,
    draft: PatientDraft,
    *,
    limit: int = 5,
    exclude_id: int | None = None,
) -> tuple[DuplicateCandidate, ...]:
    """Patients on file scoring at least POSSIBLE against `draft`, most alike first.

    Read-only and not audited per call (it runs as the form is typed); what is shown are
    records the front desk may open anyway.
    """
    actor.require(Permission.PATIENTS)
    cleaned = clean_draft(draft)
    with database.reading() as session:
        scored = duplicate_candidates(session, cleaned, exclude_id=exclude_id)
    return scored[:limit]


def duplicate_candidates(
    session: Session, cleaned: PatientDraft, *, exclude_id: int | None = None
) -> tuple[DuplicateCandidate, ...]:
    """Every record scoring at least POSSIBLE against the (cleaned) draft, most alike first:
    the duplicate check's rules, for registration and for matching an imported intake."""
    keys = dup.candidate_keys(cleaned)
    if not keys:
        return ()
    ids = select(PatientSearchKey.patient_id).where(PatientSearchKey.key.in_(keys))
    rows = session.scalars(
        select(Patient)
        .where(Patient.id.in_(ids.limit(MAX_CANDIDATES)), Patient.merged_into_id.is_(None))
        .order_by(Patient.id)
    ).all()
    scored = []
    for row in rows:
        if row.id == exclude_id:
            continue
        info = patient_info(row)
        result = dup.score(cleaned, info)
        if result.likeness is not dup.Likeness.UNLIKELY:
            scored.append(
                DuplicateCandidate(
                    info, result.score, result.likeness, result.reasons(), result.fields
                )
            )
    scored.sort(key=lambda c: (-c.score, c.patient.family_name, c.patient.id))
    return tuple(scored)


def _confirm_version(session: Session, patient_id: int, version: int) -> None:
    """A save with nothing to change still proves it saw the current version, and holds the
    row until commit (the read above is not a lock on PostgreSQL); it leaves the version,
    so other PCs' open copies stay current."""
    confirmed = session.execute(
        update_rows(Patient)
        .where(Patient.id == patient_id, Patient.version == version)
        .values(version=Patient.version, updated_at=Patient.updated_at)  # nothing moves
        .execution_options(synchronize_session=False)
    )
    # execute() is typed to return a Result; for an UPDATE it is a CursorResult.
    if confirmed.rowcount != 1:  # type: ignore[attr-defined]
        raise _stale()


def patient_row(session: Session, patient_id: int) -> Patient:
    row = session.get(Patient, patient_id)
    if row is None:
        raise NotFound(
            said(QT_TRANSLATE_NOOP("Patients", "There is no patient with id {id}."), id=patient_id)
        )
    return row


def patient_info(row: Patient) -> PatientInfo:
    values = {name: getattr(row, name) for name in DRAFT_FIELDS}
    return PatientInfo(
        **values, id=row.id, mrn=row.mrn, version=row.version, merged_into_id=row.merged_into_id
    )


def _stale() -> StaleRecord:
    return StaleRecord(
        said(
            QT_TRANSLATE_NOOP(
                "Patients",
                "This patient record was changed on another computer since you opened it. "
                "Reload it and make your change again.",
            )
        )
    )


def _columns(draft: PatientDraft) -> dict[str, object]:
    return {**asdict(draft), **stored_forms(draft)}
