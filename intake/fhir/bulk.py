"""A Bulk Data export's resources (one list per resource type), from already-read data.

Ids are stable across exports: a patient's comes from the record number, an intake's
resources from the intake's id, a Questionnaire from the checklist id and version. Every
reference points at a resource of the same export (the caller passes every patient that an
intake names; an intake without one is refused here rather than written dangling).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from intake.domain.export import ExportedAppointment, ExportedLocation, ExportedTherapist
from intake.domain.languages import language_tag
from intake.domain.patient import PatientInfo
from intake.fhir import practice
from intake.fhir.codes import FhirNames
from intake.fhir.questionnaire import questionnaire, questionnaire_id
from intake.fhir.response import (
    IntakeFacts,
    patient_fhir_id,
    questionnaire_response,
    screening_resources,
)
from intake.screening.checklist import Checklist

JsonDict = dict[str, Any]
_GENDER = {"female": "female", "male": "male", "other": "other"}
BCP47 = "urn:ietf:bcp:47"  # the code system of Patient.communication.language


def patient(info: PatientInfo, base_url: str) -> JsonDict:
    names = FhirNames(base_url.rstrip("/"), "")
    resource: JsonDict = {
        "resourceType": "Patient",
        "id": patient_fhir_id(info.mrn),
        "identifier": [{"system": names.patient_mrn, "value": info.mrn}],
        "name": [{"use": "official", "family": info.family_name, "given": [info.given_name]}],
        "gender": _GENDER.get(info.sex, "unknown"),
    }
    if info.date_of_birth is not None:
        resource["birthDate"] = info.date_of_birth.isoformat()
    telecom = [
        {"system": kind, "value": value}
        for kind, value in (("phone", info.phone), ("email", info.email))
        if value.strip()
    ]
    if telecom:
        resource["telecom"] = telecom
    if info.address_line.strip() or info.city.strip() or info.postal_code.strip():
        address: JsonDict = {"use": "home"}
        if info.address_line.strip():
            address["line"] = [info.address_line]
        if info.city.strip():
            address["city"] = info.city
        if info.postal_code.strip():
            address["postalCode"] = info.postal_code
        resource["address"] = [address]
    if (tag := language_tag(info.preferred_language)) is not None:
        resource["communication"] = [
            {"language": {"coding": [{"system": BCP47, "code": tag}]}, "preferred": True}
        ]
    return resource


@dataclass(frozen=True)
class PracticeSetUp:
    """The practice's name, locations and therapists (exported whole: small, and every visit
    refers to them)."""

    name: str
    locations: tuple[ExportedLocation, ...] = ()
    therapists: tuple[ExportedTherapist, ...] = ()


def bulk_resources(
    patients: Iterable[PatientInfo],
    intakes: Iterable[tuple[Checklist, IntakeFacts]],
    base_url: str,
    *,
    set_up: PracticeSetUp | None = None,
    appointments: Iterable[ExportedAppointment] = (),
) -> dict[str, list[JsonDict]]:
    """{resource type: resources sorted by id}, as the `TYPE.ndjson` files hold them."""
    base = base_url.rstrip("/")
    out: dict[str, dict[str, JsonDict]] = {}

    def add(resource: JsonDict) -> None:
        out.setdefault(resource["resourceType"], {})[resource["id"]] = resource

    known = set()
    for info in patients:
        add(patient(info, base))
        known.add(info.mrn)
    exported: set[int] = set()
    for checklist, facts in intakes:
        _require(facts.patient_mrn in known, f"intake {facts.intake_id}")
        if questionnaire_id(checklist) not in out.get("Questionnaire", {}):
            add(questionnaire(checklist, base))  # once per checklist version
        add(questionnaire_response(checklist, facts, base))
        exported.add(facts.intake_id)
        for resource in screening_resources(checklist, facts, base):
            add(resource)
    if set_up is not None:
        add(practice.organization(set_up.name))
        for place in set_up.locations:
            add(practice.location(place, base))
        for therapist in set_up.therapists:
            add(practice.practitioner(therapist))
            add(practice.practitioner_role(therapist))
    for visit in appointments:
        _require(visit.patient_mrn in known and set_up is not None, f"appointment {visit.id}")
        add(practice.appointment(visit, base, exported))
    return {kind: [by_id[i] for i in sorted(by_id)] for kind, by_id in sorted(out.items())}


def _require(present: bool, what: str) -> None:
    if not present:  # the reading service guarantees it; a bug otherwise
        raise ValueError(f"{what} refers to a resource that is not in the export")
