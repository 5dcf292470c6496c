"""The practice's set-up and visits as FHIR: every visit status maps, every resource is R4."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.domain.enums import AppointmentStatus
from intake.domain.export import ExportedAppointment, ExportedLocation, ExportedTherapist
from intake.fhir import PracticeSetUp, bulk_resources
from intake.fhir.practice import appointment, location, practitioner, practitioner_role

from .fhir_forms import BASE, validate

EAST = ExportedLocation("EAST", "Test Site East", "", "", "America/New_York", True)
ANN = ExportedTherapist(3, "Ann Testwood", "PT, DPT", True, ("EAST",))
START = dt.datetime(2027, 3, 1, 14, 0, tzinfo=dt.UTC)


def _visit(status: AppointmentStatus, intake_id: int | None = None) -> ExportedAppointment:
    return ExportedAppointment(
        7, "T0001", 3, "EAST", "EVAL60", "Initial evaluation", START,
        START + dt.timedelta(hours=1), status, intake_id,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("ours", "fhir"),
    [
        (AppointmentStatus.BOOKED, "booked"),
        (AppointmentStatus.CHECKED_IN, "arrived"),
        (AppointmentStatus.COMPLETED, "fulfilled"),
        (AppointmentStatus.CANCELLED, "cancelled"),
        (AppointmentStatus.NO_SHOW, "noshow"),
    ],
)
def test_every_visit_status_maps(ours: AppointmentStatus, fhir: str) -> None:
    resource = appointment(_visit(ours), BASE, set())
    validate(resource)
    assert resource["status"] == fhir
    assert resource["start"] == "2027-03-01T14:00:00Z"


def test_the_intake_is_linked_only_when_it_is_in_the_export() -> None:
    assert "supportingInformation" not in appointment(
        _visit(AppointmentStatus.BOOKED, 5), BASE, set()
    )
    linked = appointment(_visit(AppointmentStatus.BOOKED, 5), BASE, {5})
    assert linked["supportingInformation"] == [{"reference": "QuestionnaireResponse/intake-5"}]


def test_the_set_up_is_valid_fhir() -> None:
    for resource in (location(EAST, BASE), practitioner(ANN), practitioner_role(ANN)):
        validate(resource)
    assert practitioner_role(ANN)["location"] == [{"reference": "Location/location-EAST"}]


def test_a_visit_whose_patient_is_not_exported_is_refused_not_written_dangling() -> None:
    with pytest.raises(ValueError, match="appointment 7"):
        bulk_resources(
            [], [], BASE, set_up=PracticeSetUp("p", (EAST,), (ANN,)),
            appointments=[_visit(AppointmentStatus.BOOKED)],
        )  # fmt: skip
