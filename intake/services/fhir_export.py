"""Reading what a FHIR bulk export writes: patients and their intakes, with the screening
stored with each (the mapping to FHIR is `intake.fhir`, pure; the files are the caller's)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from intake import screening
from intake.db.models import Appointment, AppointmentType, Intake, Location, Patient, Therapist
from intake.domain.enums import AppointmentStatus, IntakeStatus
from intake.domain.errors import NotFound
from intake.domain.export import ExportedAppointment, ExportedLocation, ExportedTherapist
from intake.domain.patient import PatientInfo
from intake.domain.permissions import Permission
from intake.services import audit
from intake.services.actor import Actor
from intake.services.database import Database
from intake.services.patients import patient_info


@dataclass(frozen=True)
class ExportedIntake:
    id: int
    status: IntakeStatus
    patient_mrn: str
    answers: dict[str, Any]
    checklist_id: str
    checklist_version: str
    screening: screening.ScreeningResult | None
    on: dt.date  # the intake date: the day it was submitted (or last written, for a draft)
    authored: dt.datetime  # last written, UTC
    patient_language: str = "en"  # the questions were put in this language


@dataclass(frozen=True)
class ExportSet:
    """Every patient an exported intake refers to is in `patients` (references resolve)."""

    patients: tuple[PatientInfo, ...]
    intakes: tuple[ExportedIntake, ...]
    appointments: tuple[ExportedAppointment, ...] = ()
    # The whole set-up, always: every appointment's therapist and location resolve.
    locations: tuple[ExportedLocation, ...] = ()
    therapists: tuple[ExportedTherapist, ...] = ()


def read_for_export(
    database: Database,
    actor: Actor,
    *,
    since: dt.date | None = None,
    mrn: str | None = None,
) -> ExportSet:
    """Patients changed since `since` (all without it) and intakes written since then that
    belong to a patient; with `mrn`, only that patient. Drafts with no patient are left out:
    nothing could say whose they are. Audited as one export event (no values)."""
    actor.require(Permission.PRACTICE_ADMIN)
    start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC) if since else None
    with database.writing() as session:  # the export is audited
        patient_filter = [] if mrn is None else [Patient.mrn == mrn]
        if mrn is not None and session.scalar(select(Patient.id).where(*patient_filter)) is None:
            raise NotFound(f"There is no patient with record number {mrn}.")
        intake_rows = session.execute(
            select(Intake, Patient.mrn)
            .join(Patient, Patient.id == Intake.patient_id)
            .where(*patient_filter, *([Intake.updated_at >= start] if start else []))
            .order_by(Intake.id)
        ).all()
        booked = (
            [or_(Appointment.booked_at >= start, Appointment.cancelled_at >= start)]
            if start
            else []
        )
        visit_rows = session.execute(
            select(Appointment, Patient.mrn, Location.code, AppointmentType)
            .join(Patient, Patient.id == Appointment.patient_id)
            .join(Location, Location.id == Appointment.location_id)
            .join(AppointmentType, AppointmentType.id == Appointment.type_id)
            .where(*patient_filter, *booked)
            .order_by(Appointment.id)
        ).all()
        wanted = {row.patient_id for row, _ in intake_rows} | {
            visit.patient_id for visit, *_ in visit_rows
        }
        since_filter = [or_(Patient.id.in_(wanted), Patient.updated_at >= start)] if start else []
        patients = session.scalars(
            select(Patient).where(*patient_filter, *since_filter).order_by(Patient.mrn)
        ).all()
        audit.record(session, actor, "export", "fhir", fields=("patients", "intakes"))
        return ExportSet(
            tuple(patient_info(p) for p in patients),
            tuple(_exported(row, patient_mrn) for row, patient_mrn in intake_rows),
            tuple(_visit(*row) for row in visit_rows),
            tuple(
                _location(row) for row in session.scalars(select(Location).order_by(Location.code))
            ),
            tuple(
                _therapist(row)
                for row in session.scalars(
                    select(Therapist)
                    .options(selectinload(Therapist.locations))
                    .order_by(Therapist.id)
                )
            ),
        )


def _visit(row: Appointment, mrn: str, location: str, kind: AppointmentType) -> ExportedAppointment:
    return ExportedAppointment(
        id=row.id,
        patient_mrn=mrn,
        therapist_id=row.therapist_id,
        location_code=location,
        type_code=kind.code,
        type_name=kind.name,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        status=AppointmentStatus(row.status),
        intake_id=row.intake_id,
    )


def _location(row: Location) -> ExportedLocation:
    return ExportedLocation(row.code, row.name, row.address, row.phone, row.timezone, row.active)


def _therapist(row: Therapist) -> ExportedTherapist:
    codes = tuple(sorted(location.code for location in row.locations))
    return ExportedTherapist(row.id, row.display_name, row.credentials, row.active, codes)


def _exported(row: Intake, mrn: str) -> ExportedIntake:
    written = row.updated_at
    return ExportedIntake(
        id=row.id,
        status=IntakeStatus(row.status),
        patient_mrn=mrn,
        answers=dict(row.answers or {}),
        checklist_id=row.checklist_id,
        checklist_version=row.checklist_version,
        screening=screening.ScreeningResult.from_json(row.screening) if row.screening else None,
        on=(row.submitted_at or written).date(),
        authored=written,
        patient_language=row.patient_language,
    )
