"""Registering and reading patient records."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict

from sqlalchemy.orm import Session

from intake.db.models import Patient
from intake.domain.errors import Invalid, NotFound
from intake.domain.patient import DRAFT_FIELDS, PatientDraft, PatientInfo, check_patient
from intake.domain.permissions import Permission
from intake.domain.text import digits, fold_name
from intake.services import audit
from intake.services.actor import Actor
from intake.services.database import Database


def register(
    database: Database, actor: Actor, draft: PatientDraft, *, today: dt.date | None = None
) -> PatientInfo:
    actor.require(Permission.PATIENTS)
    cleaned = _clean(draft)
    if problems := check_patient(cleaned, today or dt.date.today()):
        raise Invalid(problems)
    with database.writing() as session:
        row = Patient(mrn=f"tmp-{uuid.uuid4().hex[:16]}", **_columns(cleaned))
        session.add(row)
        session.flush()
        row.mrn = f"M{row.id:07d}"  # from the id, so two PCs can never draw the same number
        session.flush()
        audit.record(
            session, actor, "create", "patient", row.id, patient_id=row.id, fields=DRAFT_FIELDS
        )
        return patient_info(row)


def get(database: Database, actor: Actor, patient_id: int) -> PatientInfo:
    actor.require(Permission.PATIENTS)
    with database.writing() as session:  # opening a record is audited
        row = patient_row(session, patient_id)
        audit.record(session, actor, "open", "patient", row.id, patient_id=row.id)
        return patient_info(row)


def patient_row(session: Session, patient_id: int) -> Patient:
    row = session.get(Patient, patient_id)
    if row is None:
        raise NotFound(f"There is no patient with id {patient_id}.")
    return row


def patient_info(row: Patient) -> PatientInfo:
    values = {name: getattr(row, name) for name in DRAFT_FIELDS}
    return PatientInfo(**values, id=row.id, mrn=row.mrn, version=row.version)


def _clean(draft: PatientDraft) -> PatientDraft:
    values = asdict(draft)
    for key, value in values.items():
        if isinstance(value, str):
            values[key] = " ".join(value.split())
    values["email"] = values["email"].lower()
    return PatientDraft(**values)


def _columns(draft: PatientDraft) -> dict[str, object]:
    values = asdict(draft)
    values["family_norm"] = fold_name(draft.family_name)
    values["given_norm"] = fold_name(draft.given_name)
    values["phone_digits"] = digits(draft.phone)
    return values
