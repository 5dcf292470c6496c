"""FHIR R4 faces of our data: the checklist as a Questionnaire, an intake as a
QuestionnaireResponse, its screening as a RiskAssessment and Observations.

Pure mapping to plain JSON-ready dicts (no Qt, no SQL, no FHIR library at run time): the
caller passes the canonical base URL (settings `fhir_base_url`) and the data. docs/fhir.md says
what is mapped how; tests validate every resource with an independent library.
"""

from __future__ import annotations

from intake.fhir.bulk import PracticeSetUp, bulk_resources, patient
from intake.fhir.codes import FhirNames
from intake.fhir.questionnaire import questionnaire
from intake.fhir.response import (
    IntakeFacts,
    ResponseLines,
    ScreeningLines,
    questionnaire_response,
    screening_resources,
)

__all__ = [
    "FhirNames",
    "IntakeFacts",
    "PracticeSetUp",
    "ResponseLines",
    "ScreeningLines",
    "bulk_resources",
    "patient",
    "questionnaire",
    "questionnaire_response",
    "screening_resources",
]
