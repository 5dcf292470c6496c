"""An intake as a QuestionnaireResponse, and its screening as a RiskAssessment and Observations.

Only the answers in force are written (an answer left behind by a changed earlier answer is
not asked, so FHIR must not see it either), grouped as the Questionnaire groups them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from intake.domain.enums import IntakeStatus
from intake.fhir.codes import LOINC, NDI_TOTAL, NDI_TOTAL_LINK, NPRS, FhirNames, section_link
from intake.fhir.values import answer_values, checklist_names
from intake.screening.checklist import Checklist
from intake.screening.evaluate import answers_in_force
from intake.screening.result import ScreeningResult, Status

JsonDict = dict[str, Any]
_OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
_STATUS = {
    IntakeStatus.DRAFT: "in-progress",
    IntakeStatus.RETURNED: "in-progress",  # sent back to the front desk to finish
    IntakeStatus.SUBMITTED: "completed",
    IntakeStatus.REVIEWED: "completed",
    IntakeStatus.CLOSED: "stopped",  # ended unfinished: emergency care or a physician first
    IntakeStatus.DISCARDED: "stopped",
}
_PAIN_LABELS = {"now": "now", "best": "at best, last 24 hours", "worst": "at worst, last 24 hours"}


@dataclass(frozen=True)
class IntakeFacts:
    """What the mapping needs of one stored intake (services read it; nothing here does)."""

    intake_id: int
    status: IntakeStatus
    answers: Mapping[str, object]
    on: dt.date  # the intake date the screening used
    authored: dt.datetime  # when it was last written (UTC)
    patient_mrn: str | None  # None while no patient is chosen
    screening: ScreeningResult | None = None


def patient_fhir_id(mrn: str) -> str:
    """The Patient's resource id, from the record number (stable; never the internal id)."""
    if re.fullmatch(r"[A-Za-z0-9.\-]{1,60}", mrn):
        return f"mrn-{mrn}"
    return "mrnx-" + mrn.encode("utf-8").hex()[:59]


def response_id(intake_id: int) -> str:
    return f"intake-{intake_id}"


def _patient(names: FhirNames, mrn: str | None) -> JsonDict | None:
    if mrn is None:
        return None
    return {
        "reference": f"Patient/{patient_fhir_id(mrn)}",
        "identifier": {"system": names.patient_mrn, "value": mrn},
    }


def questionnaire_response(checklist: Checklist, facts: IntakeFacts, base_url: str) -> JsonDict:
    names = checklist_names(base_url, checklist)
    in_force, _missing = answers_in_force(checklist, facts.answers, facts.on)
    groups = []
    for section in checklist.sections:
        items = [
            {"linkId": q.id, "text": q.text, "answer": answer_values(names, q, in_force[q.id])}
            for q in section.questions
            if in_force.get(q.id) is not None
        ]
        if (
            facts.screening
            and facts.screening.ndi
            and section.questions[0].id in names.ndi_sections
        ):
            items.append(
                {"linkId": NDI_TOTAL_LINK, "answer": [{"valueInteger": facts.screening.ndi.raw}]}
            )
        if items:
            groups.append(
                {"linkId": section_link(section.id), "text": section.title, "item": items}
            )
    resource: JsonDict = {
        "resourceType": "QuestionnaireResponse",
        "id": response_id(facts.intake_id),
        "questionnaire": f"{names.questionnaire}|{checklist.version}",
        "status": _STATUS[facts.status],
        "authored": _instant(facts.authored),
        "item": groups,
    }
    subject = _patient(names, facts.patient_mrn)
    if subject is not None:
        resource["subject"] = subject
    return resource


def screening_resources(checklist: Checklist, facts: IntakeFacts, base_url: str) -> list[JsonDict]:
    """The screening result as a RiskAssessment (triage, fired rules) and Observations (NDI
    total, pain now/best/worst), each derived from the intake's QuestionnaireResponse."""
    result = facts.screening
    if result is None:
        return []
    names = checklist_names(base_url, checklist)
    basis = {"reference": f"QuestionnaireResponse/{response_id(facts.intake_id)}"}
    subject = _patient(names, facts.patient_mrn)
    resources = [_risk_assessment(names, facts, result, basis, subject)]
    if result.ndi is not None:
        resources.append(
            _observation(
                f"{response_id(facts.intake_id)}-ndi",
                [{"system": LOINC, "code": NDI_TOTAL, "display": "Total score [NDI]"}],
                result.ndi.raw,
                facts,
                basis,
                subject,
                interpretation=f"{result.ndi.band.value} ({result.ndi.percent}%)",
            )
        )
    for key, question_id in checklist.pain:
        value = getattr(result.pain, key)
        if value is None:
            continue
        code = [
            {"system": LOINC, "code": NPRS, "display": "Pain severity 0-10 [Score] - Reported"},
            {"system": names.questions, "code": question_id},
        ]
        resources.append(
            _observation(
                f"{response_id(facts.intake_id)}-pain-{key}",
                code,
                value,
                facts,
                basis,
                subject,
                text=f"Pain {_PAIN_LABELS.get(key, key)} (0-10)",
            )
        )
    return resources


def _risk_assessment(
    names: FhirNames,
    facts: IntakeFacts,
    result: ScreeningResult,
    basis: JsonDict,
    subject: JsonDict | None,
) -> JsonDict:
    triage = {
        "outcome": {
            "coding": [{"system": names.triage, "code": result.triage.value}],
            "text": f"Triage: {result.triage.value}",
        }
    }
    fired = [
        {
            "outcome": {
                "coding": [{"system": names.rules, "code": flag.id}],
                "text": flag.message,
            },
            "qualitativeRisk": {"coding": [{"system": names.triage, "code": flag.level.value}]},
            "rationale": f"{flag.rationale} Source: {flag.source}",
        }
        for flag in result.flags
    ]
    resource: JsonDict = {
        "resourceType": "RiskAssessment",
        "id": f"{response_id(facts.intake_id)}-screening",
        "status": "final" if result.status == Status.COMPLETE else "preliminary",
        "method": {
            "coding": [
                {
                    "system": f"{names.base}/CodeSystem/checklist",
                    "code": questionnaire_id_for(result),
                }
            ],
            "text": f"Checklist {result.checklist_id} version {result.checklist_version}, "
            f"engine {result.engine}",
        },
        "occurrenceDateTime": facts.on.isoformat(),
        "basis": [basis],
        "prediction": [triage, *fired],
    }
    if subject is not None:
        resource["subject"] = subject
    return resource


def questionnaire_id_for(result: ScreeningResult) -> str:
    return f"{result.checklist_id}-{result.checklist_version}"


def _observation(
    resource_id: str,
    code: list[JsonDict],
    value: int,
    facts: IntakeFacts,
    basis: JsonDict,
    subject: JsonDict | None,
    *,
    text: str | None = None,
    interpretation: str | None = None,
) -> JsonDict:
    resource: JsonDict = {
        "resourceType": "Observation",
        "id": resource_id,
        "status": "final" if facts.status != IntakeStatus.DRAFT else "preliminary",
        "category": [{"coding": [{"system": _OBSERVATION_CATEGORY, "code": "survey"}]}],
        "code": {"coding": code, **({"text": text} if text else {})},
        "effectiveDateTime": facts.on.isoformat(),
        "valueInteger": value,
        "derivedFrom": [basis],
    }
    if subject is not None:
        resource["subject"] = subject
    if interpretation:
        resource["interpretation"] = [{"text": interpretation}]
    return resource


def _instant(moment: dt.datetime) -> str:
    if moment.tzinfo is None or moment.tzinfo is dt.UTC:  # how every stored time reads back
        return moment.replace(tzinfo=None, microsecond=0).isoformat() + "Z"
    aware = moment
    return aware.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
