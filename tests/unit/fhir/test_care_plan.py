"""The guideline's interventions in the FHIR export: a CarePlan proposal for the therapist."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from intake.domain.enums import IntakeStatus
from intake.fhir import IntakeFacts, screening_resources
from intake.screening import TriageLevel, evaluate, load_checklist
from intake.screening.interventions import interventions_for
from tests.unit.screening.builders import ON, answers_for

from .fhir_forms import BASE, validate

CHECKLIST = load_checklist()
WHEN = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
WHIPLASH: dict[str, object] = {
    "has_neck_pain": True,
    "neck_pain_with_movement": True,
    "onset_mechanism": "vehicle_collision",
    "trauma_days_ago": 30,
    "symptom_duration_weeks": 4,
}


def _facts(answers: dict[str, object], mrn: str | None = "T000123") -> IntakeFacts:
    given = answers_for(CHECKLIST, age=40, **answers)
    return IntakeFacts(
        42, IntakeStatus.SUBMITTED, given, ON, WHEN, mrn, evaluate(CHECKLIST, given, ON)
    )


def _plan(facts: IntakeFacts) -> dict[str, Any] | None:
    found = [
        r for r in screening_resources(CHECKLIST, facts, BASE) if r["resourceType"] == "CarePlan"
    ]
    assert len(found) <= 1
    return found[0] if found else None


def test_whiplash_gives_a_valid_draft_proposal_linked_to_the_response() -> None:
    facts = _facts(WHIPLASH)
    assert facts.screening is not None
    assert [c.id for c in facts.screening.categories] == ["movement_coordination"]
    plan = _plan(facts)
    assert plan is not None
    validate(plan)
    assert (plan["status"], plan["intent"]) == ("draft", "proposal")
    assert plan["id"] == "intake-42-guideline"
    assert {"reference": "QuestionnaireResponse/intake-42"} in plan["supportingInfo"]
    assert {"reference": "RiskAssessment/intake-42-screening"} in plan["supportingInfo"]
    assert plan["subject"]["reference"] == "Patient/mrn-T000123"
    assert "not a prescription" in plan["description"]
    codes = [a["detail"]["code"]["coding"][0]["code"] for a in plan["activity"]]
    expected = [e.id for e in interventions_for(facts.screening).interventions]
    assert codes == expected  # strongest grade first, as on the review screen
    collar = next(a["detail"] for a in plan["activity"] if "collar" in a["detail"]["code"]["text"])
    assert collar["doNotPerform"] is True and "Advised against, grade B" in collar["description"]
    assert all("Source: Blanpied 2017" in a["detail"]["description"] for a in plan["activity"])
    assert "J Orthop Sports Phys Ther" in plan["note"][-1]["text"]


def test_no_recommendation_is_a_note_not_an_activity() -> None:
    plan = _plan(_facts({**WHIPLASH, "symptom_duration_weeks": 8}))  # subacute
    assert plan is not None
    validate(plan)
    assert "activity" not in plan
    assert plan["note"][0]["text"].startswith("No recommendation (subacute)")


def test_refer_or_emergency_triage_proposes_nothing() -> None:
    facts = _facts({**WHIPLASH, "rf_sudden_onset": True, "has_headache": True})
    assert facts.screening is not None and facts.screening.triage == TriageLevel.EMERGENCY
    assert _plan(facts) is None
    plain = _facts(WHIPLASH)
    assert plain.screening is not None
    referred = dataclasses.replace(plain.screening, triage=TriageLevel.REFER)
    refer = dataclasses.replace(plain, screening=referred)
    assert _plan(refer) is None


def test_without_a_patient_there_is_no_care_plan() -> None:
    assert _plan(_facts(WHIPLASH, mrn=None)) is None
