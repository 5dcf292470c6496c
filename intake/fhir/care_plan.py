"""The guideline's interventions for a screening as a CarePlan proposal (status draft, intent
proposal): what the therapist may consider, never an order. It supports itself on the intake's
QuestionnaireResponse and RiskAssessment; none is written without a patient (CarePlan.subject
is required) or when `interventions_for` gives none (emergency or refer triage, no stage...).
"""

from __future__ import annotations

from typing import Any

from intake.fhir.codes import FhirNames
from intake.screening.interventions import InterventionAdvice, Kind, interventions_for
from intake.screening.result import ScreeningResult

JsonDict = dict[str, Any]
TITLE = "Guideline interventions to consider"
DESCRIPTION = (
    "The guideline's general recommendations for the screening's provisional category and "
    "stage, for the therapist to consider after the evaluation; not a prescription."
)


def care_plan_id(response_id: str) -> str:
    return f"{response_id}-guideline"


def care_plan(
    names: FhirNames,
    result: ScreeningResult,
    response_id: str,
    created: str,
    subject: JsonDict | None,
) -> JsonDict | None:
    """The CarePlan of one intake's screening, or None when there is nothing to propose."""
    if subject is None:
        return None
    body = plan_body(names, interventions_for(result))
    if body is None:
        return None
    return {
        "resourceType": "CarePlan",
        "id": care_plan_id(response_id),
        "status": "draft",
        "intent": "proposal",
        "title": TITLE,
        "description": DESCRIPTION,
        "subject": subject,
        "created": created,
        "supportingInfo": [
            {"reference": f"QuestionnaireResponse/{response_id}"},
            {"reference": f"RiskAssessment/{response_id}-screening"},
        ],
        **body,
    }


def plan_body(names: FhirNames, advice: InterventionAdvice) -> JsonDict | None:
    """The activities and notes, the same for every intake with the same advice."""
    if not advice.interventions:
        return None
    system = f"{names.base}/CodeSystem/guideline-intervention"
    activities = []
    notes = []
    for entry in advice.interventions:
        if entry.kind == Kind.NONE:
            notes.append({"text": f"No recommendation ({entry.stage.value}): {entry.text}"})
            continue
        against = entry.kind == Kind.AGAINST
        detail: JsonDict = {
            "code": {"coding": [{"system": system, "code": entry.id}], "text": entry.text},
            "status": "not-started",
            "description": (
                f"{'Advised against' if against else 'Recommended'}, grade {entry.grade}. "
                f"Source: {entry.source}."
                + ("" if entry.verified else " Not yet checked by the clinical lead.")
            ),
        }
        if against:
            detail["doNotPerform"] = True
        activities.append({"detail": detail})
    signed = advice.sign_off
    sign_off = (
        f"Signed off by {signed.clinical_lead}, {signed.signed_on}."
        if signed is not None and signed.signed
        else "Not yet signed off by the clinical lead."
    )
    notes.append({"text": f"From {advice.guideline}. {sign_off}"})
    body: JsonDict = {"note": notes}
    if activities:
        body = {"activity": activities, **body}
    return body
