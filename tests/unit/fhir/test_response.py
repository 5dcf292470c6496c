"""An intake as a QuestionnaireResponse, its screening as a RiskAssessment and Observations."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from intake.domain.enums import IntakeStatus
from intake.fhir import IntakeFacts, questionnaire_response, screening_resources
from intake.fhir.codes import LOINC, NDI_TOTAL_LINK, NONE_OF_THESE
from intake.screening import evaluate, load_checklist
from tests.unit.screening.builders import ON, answers_for, ndi_sections

from .fhir_forms import BASE, validate

CHECKLIST = load_checklist()
WHEN = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


def _facts(status: IntakeStatus = IntakeStatus.SUBMITTED, **overrides: object) -> IntakeFacts:
    given: dict[str, object] = {
        "has_headache": True,
        "headache_side": "left",
        "cad_dizziness": True,
        "pain_now": 6,
        "pain_best": 3,
        "pain_worst": 8,
        **ndi_sections(17, skipped=1),
    }
    answers = answers_for(CHECKLIST, **{**given, **overrides})
    return IntakeFacts(
        intake_id=42,
        status=status,
        answers=answers,
        on=ON,
        authored=WHEN,
        patient_mrn="T000123",
        screening=evaluate(CHECKLIST, answers, ON),
    )


def _answers(response: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {i["linkId"]: i["answer"] for i in questions_in(response["item"])}


def questions_in(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for item in items:
        if "answer" in item:
            found.append(item)
        found.extend(questions_in(item.get("item", [])))
    return found


def test_a_submitted_intake_is_a_valid_completed_response_of_that_questionnaire_version() -> None:
    response = questionnaire_response(CHECKLIST, _facts(), BASE)
    validate(response)
    assert response["status"] == "completed"
    assert response["questionnaire"] == f"{BASE}/Questionnaire/neck-headache|1"
    assert response["subject"]["reference"] == "Patient/mrn-T000123"
    assert response["subject"]["identifier"]["value"] == "T000123"
    assert response["authored"] == "2026-11-24T09:30:00Z"


@pytest.mark.parametrize(
    ("status", "fhir"),
    [
        (IntakeStatus.DRAFT, "in-progress"),
        (IntakeStatus.RETURNED, "in-progress"),
        (IntakeStatus.REVIEWED, "completed"),
        (IntakeStatus.CLOSED, "stopped"),
    ],
)
def test_the_status_is_mapped(status: IntakeStatus, fhir: str) -> None:
    assert questionnaire_response(CHECKLIST, _facts(status), BASE)["status"] == fhir


def test_answers_are_typed_as_the_questionnaire_says() -> None:
    answers = _answers(questionnaire_response(CHECKLIST, _facts(), BASE))
    assert answers["has_headache"] == [{"valueBoolean": True}]
    assert answers["headache_side"][0]["valueCoding"]["code"] == "left"
    assert answers["pain_now"] == [{"valueInteger": 6}]
    assert list(answers["dob"][0]) == ["valueDate"]
    assert answers["arm_symptoms"][0]["valueCoding"]["code"] == NONE_OF_THESE  # none ticked
    ndi = answers["ndi_pain_intensity"][0]["valueCoding"]
    assert ndi["extension"][0]["valueDecimal"] == int(ndi["code"])
    assert "ndi_recreation" not in answers  # skipped
    assert answers[NDI_TOTAL_LINK] == [{"valueInteger": 19}]  # 17 in nine sections, pro-rated


def test_an_answer_left_behind_by_a_changed_earlier_answer_is_not_sent() -> None:
    # Headache answered "no" after its section was filled in: those answers are not asked.
    answers = _answers(questionnaire_response(CHECKLIST, _facts(has_headache=False), BASE))
    assert "headache_side" not in answers


def test_the_screening_is_a_risk_assessment_and_observations_derived_from_the_response() -> None:
    facts = _facts()
    resources = screening_resources(CHECKLIST, facts, BASE)
    for resource in resources:
        validate(resource)
    risk, *observations = resources
    assert risk["resourceType"] == "RiskAssessment"
    assert risk["basis"] == [{"reference": "QuestionnaireResponse/intake-42"}]
    triage, *fired = risk["prediction"]
    assert triage["outcome"]["coding"][0]["code"] == facts.screening.triage.value  # type: ignore[union-attr]
    assert [p["outcome"]["coding"][0]["code"] for p in fired] == [
        f.id
        for f in facts.screening.flags  # type: ignore[union-attr]
    ]
    assert "cad_dizziness" in [p["outcome"]["coding"][0]["code"] for p in fired]
    assert all(p["outcome"]["text"] for p in fired)  # the message for the front desk
    by_id = {o["id"]: o for o in observations}
    ndi = by_id["intake-42-ndi"]
    assert ndi["code"]["coding"][0] == {
        "system": LOINC,
        "code": "82237-9",
        "display": "Total score [NDI]",
    }
    assert ndi["valueInteger"] == 19
    pain = {key: by_id[f"intake-42-pain-{key}"] for key in ("now", "best", "worst")}
    assert [p["valueInteger"] for p in pain.values()] == [6, 3, 8]
    assert all(p["code"]["coding"][0]["code"] == "72514-3" for p in pain.values())
    for observation in observations:
        assert observation["derivedFrom"] == risk["basis"]
        assert observation["subject"] == risk["subject"]


def test_an_intake_without_a_patient_or_screening_still_maps() -> None:
    facts = IntakeFacts(7, IntakeStatus.DRAFT, {"has_neck_pain": True}, ON, WHEN, None)
    response = questionnaire_response(CHECKLIST, facts, BASE)
    validate(response)
    assert "subject" not in response
    assert screening_resources(CHECKLIST, facts, BASE) == []


def _without_words(value: object) -> object:
    """The response with its texts and displays taken out: ids, codes and values only."""
    if isinstance(value, dict):
        return {k: _without_words(v) for k, v in value.items() if k not in ("text", "display")}
    if isinstance(value, list):
        return [_without_words(v) for v in value]
    return value


def test_a_response_asked_in_spanish_says_so_and_keeps_the_words_as_asked() -> None:
    english = questionnaire_response(CHECKLIST, _facts(), BASE)
    assert english["language"] == "en"
    asked = load_checklist(None, language="es", staff_language="en")
    facts = dataclasses.replace(_facts(), patient_language="es", asked=asked)
    spanish = questionnaire_response(CHECKLIST, facts, BASE)
    validate(spanish)
    assert spanish["language"] == "es"
    texts = {i["linkId"]: i.get("text") for i in questions_in(spanish["item"])}
    assert texts["has_headache"] == "¿Tiene dolores de cabeza?"
    # The same answers to the same Questionnaire (its version, links, codes, values).
    assert _without_words(spanish) == _without_words(english) | {"language": "es"}
