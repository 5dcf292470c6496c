"""The practice's set-up and visits as read for an export (FHIR bulk data): plain records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from intake.domain.enums import AppointmentStatus


@dataclass(frozen=True)
class ExportedLocation:
    code: str
    name: str
    address: str
    phone: str
    timezone: str
    active: bool


@dataclass(frozen=True)
class ExportedTherapist:
    id: int
    name: str
    credentials: str
    active: bool
    location_codes: tuple[str, ...]


@dataclass(frozen=True)
class ExportedAppointment:
    id: int
    patient_mrn: str
    therapist_id: int
    location_code: str
    type_code: str
    type_name: str
    starts_at: dt.datetime  # UTC
    ends_at: dt.datetime
    status: AppointmentStatus
    intake_id: int | None


@dataclass(frozen=True)
class ExportedHours:
    """One weekly working-hours template of a therapist at a location (local times)."""

    weekday: int  # 0 = Monday
    start: dt.time
    end: dt.time
    effective_from: dt.date
    effective_to: dt.date | None  # inclusive; None = open-ended


@dataclass(frozen=True)
class ExportedSchedule:
    """A therapist's working hours at one location: a FHIR Schedule."""

    therapist_id: int
    location_code: str
    timezone: str
    active: bool
    hours: tuple[ExportedHours, ...]
