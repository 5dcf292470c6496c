"""All persistent models; importing this package registers every table on Base.metadata."""

from __future__ import annotations

from intake.db.base import Base, add_stored_form_checks
from intake.db.models.appointment import Appointment, AppointmentType, WaitlistEntry
from intake.db.models.audit import AuditEvent
from intake.db.models.desk_alert import DeskAlert
from intake.db.models.intake_record import Intake
from intake.db.models.journal_key import JournalKey
from intake.db.models.merge import PatientMerge
from intake.db.models.patient import Patient
from intake.db.models.practice import CalendarRevision, Closure, Location, OpeningHours
from intake.db.models.schema_requirement import SchemaRequirement
from intake.db.models.series import AppointmentSeries
from intake.db.models.staff import (
    AvailabilityTemplate,
    StaffUser,
    Therapist,
    TimeOff,
    therapist_locations,
)

for _table in Base.metadata.tables.values():  # every model is imported by now
    add_stored_form_checks(_table)

__all__ = [
    "Appointment",
    "AppointmentSeries",
    "AppointmentType",
    "AuditEvent",
    "AvailabilityTemplate",
    "CalendarRevision",
    "Closure",
    "DeskAlert",
    "Intake",
    "JournalKey",
    "Location",
    "OpeningHours",
    "Patient",
    "PatientMerge",
    "SchemaRequirement",
    "StaffUser",
    "Therapist",
    "TimeOff",
    "WaitlistEntry",
    "therapist_locations",
]
