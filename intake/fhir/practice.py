"""The practice, its locations, therapists and visits as FHIR R4 resources."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from intake.domain.enums import AppointmentStatus
from intake.domain.export import (
    ExportedAppointment,
    ExportedHours,
    ExportedLocation,
    ExportedSchedule,
    ExportedTherapist,
)
from intake.fhir.response import patient_fhir_id, response_id

JsonDict = dict[str, Any]
ORGANIZATION_ID = "practice"
_APPOINTMENT_STATUS = {
    AppointmentStatus.BOOKED: "booked",
    AppointmentStatus.CHECKED_IN: "arrived",
    AppointmentStatus.COMPLETED: "fulfilled",
    AppointmentStatus.CANCELLED: "cancelled",
    AppointmentStatus.NO_SHOW: "noshow",
}


def _safe(text: str) -> str:
    """A resource id part: FHIR ids allow letters, digits, '-' and '.' only."""
    return re.sub(r"[^A-Za-z0-9.\-]", "-", text)[:50]


def location_id(code: str) -> str:
    return f"location-{_safe(code)}"


def practitioner_id(therapist_id: int) -> str:
    return f"therapist-{therapist_id}"


def organization(name: str) -> JsonDict:
    return {"resourceType": "Organization", "id": ORGANIZATION_ID, "active": True, "name": name}


def location(place: ExportedLocation, base: str) -> JsonDict:
    resource: JsonDict = {
        "resourceType": "Location",
        "id": location_id(place.code),
        "identifier": [{"system": f"{base}/NamingSystem/location", "value": place.code}],
        "status": "active" if place.active else "inactive",
        "name": place.name,
        "managingOrganization": {"reference": f"Organization/{ORGANIZATION_ID}"},
        # The IANA zone every local time of the location is read in (R5's timezone extension
        # has no R4 form; a plain description keeps it findable).
        "description": f"Time zone: {place.timezone}",
    }
    if place.phone.strip():
        resource["telecom"] = [{"system": "phone", "value": place.phone}]
    if place.address.strip():
        resource["address"] = {"text": place.address}
    return resource


def practitioner(therapist: ExportedTherapist) -> JsonDict:
    resource: JsonDict = {
        "resourceType": "Practitioner",
        "id": practitioner_id(therapist.id),
        "active": therapist.active,
        "name": [{"text": therapist.name}],
    }
    if therapist.credentials.strip():
        resource["qualification"] = [{"code": {"text": therapist.credentials}}]
    return resource


def practitioner_role(therapist: ExportedTherapist) -> JsonDict:
    return {
        "resourceType": "PractitionerRole",
        "id": role_id(therapist.id),
        "active": therapist.active,
        "practitioner": {"reference": f"Practitioner/{practitioner_id(therapist.id)}"},
        "organization": {"reference": f"Organization/{ORGANIZATION_ID}"},
        "location": [{"reference": f"Location/{location_id(c)}"} for c in therapist.location_codes],
        "code": [{"text": "Physical therapist"}],
    }


def appointment(visit: ExportedAppointment, base: str, exported_intakes: set[int]) -> JsonDict:
    resource: JsonDict = {
        "resourceType": "Appointment",
        "id": f"appointment-{visit.id}",
        "status": _APPOINTMENT_STATUS[visit.status],
        "appointmentType": {
            "coding": [
                {
                    "system": f"{base}/CodeSystem/appointment-type",
                    "code": visit.type_code,
                    "display": visit.type_name,
                }
            ],
            "text": visit.type_name,
        },
        "start": _instant(visit.starts_at),
        "end": _instant(visit.ends_at),
        "participant": [
            _participant(f"Patient/{patient_fhir_id(visit.patient_mrn)}"),
            _participant(f"Practitioner/{practitioner_id(visit.therapist_id)}"),
            _participant(f"Location/{location_id(visit.location_code)}"),
        ],
    }
    if visit.intake_id is not None and visit.intake_id in exported_intakes:
        resource["supportingInformation"] = [
            {"reference": f"QuestionnaireResponse/{response_id(visit.intake_id)}"}
        ]
    return resource


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def role_id(therapist_id: int) -> str:
    return f"{practitioner_id(therapist_id)}-role"


def schedule_id(therapist_id: int, location_code: str) -> str:
    return f"{practitioner_id(therapist_id)}-at-{_safe(location_code)}"


def schedule(item: ExportedSchedule) -> JsonDict:
    """A therapist's working hours at one location. Only the Schedule: free Slots are what
    the booking screen computes at the moment of asking (hours minus visits, time off and
    closures), stale in a file the moment it is written; the booked time is the Appointments."""
    hours = sorted(item.hours, key=lambda h: (h.weekday, h.start, h.effective_from))
    resource: JsonDict = {
        "resourceType": "Schedule",
        "id": schedule_id(item.therapist_id, item.location_code),
        "active": item.active,
        "serviceType": [{"text": "Physical therapy"}],
        "actor": [
            {"reference": f"Practitioner/{practitioner_id(item.therapist_id)}"},
            {"reference": f"PractitionerRole/{role_id(item.therapist_id)}"},
            {"reference": f"Location/{location_id(item.location_code)}"},
        ],
    }
    if hours:
        horizon: JsonDict = {"start": min(h.effective_from for h in hours).isoformat()}
        ends = [h.effective_to for h in hours]
        if all(end is not None for end in ends):
            horizon["end"] = max(end for end in ends if end is not None).isoformat()
        resource["planningHorizon"] = horizon
        resource["comment"] = f"Weekly working hours ({item.timezone}): " + "; ".join(
            _hours_text(h) for h in hours
        )
    return resource


def _hours_text(hours: ExportedHours) -> str:
    text = f"{_WEEKDAYS[hours.weekday]} {hours.start:%H:%M}-{hours.end:%H:%M}"
    if hours.effective_to is not None:
        return f"{text} (until {hours.effective_to.isoformat()})"
    return text


def _participant(reference: str) -> JsonDict:
    return {"actor": {"reference": reference}, "status": "accepted"}


def _instant(moment: dt.datetime) -> str:
    if moment.tzinfo is None or moment.tzinfo is dt.UTC:  # how every stored time reads back
        return moment.replace(tzinfo=None, microsecond=0).isoformat() + "Z"
    aware = moment
    return aware.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
