"""The exported Patient says which language the patient prefers (Patient.communication)."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.domain.languages import Language
from intake.domain.patient import PatientInfo
from intake.fhir.bulk import patient

from .fhir_forms import BASE, validate


def _info(language: str) -> PatientInfo:
    return PatientInfo(
        "Testcase", "Sample", dt.date(1980, 1, 2), "other", preferred_language=language,
        id=7, mrn="T000007",
    )  # fmt: skip


@pytest.mark.parametrize("language", ["es", "en", "zh"])
def test_the_preferred_language_is_a_bcp47_communication(language: str) -> None:
    resource = patient(_info(language), BASE)
    validate(resource)
    assert resource["communication"] == [
        {
            "language": {"coding": [{"system": "urn:ietf:bcp:47", "code": language}]},
            "preferred": True,
        }
    ]


def test_other_is_no_language_code_and_is_left_out() -> None:
    resource = patient(_info(Language.OTHER.value), BASE)
    validate(resource)
    assert "communication" not in resource
