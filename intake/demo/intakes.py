"""Synthetic screened intakes for the demo practice's upcoming evaluations.

So a therapist opening the demo finds a review queue: some clear, some for review, each
screened by the real engine from made-up answers (no real people).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from intake import screening
from intake.demo.rows import Row

# (share, overrides): typical callers; the rest of the required questions are answered "no".
SCENARIOS: tuple[tuple[int, dict[str, Any]], ...] = (
    (
        5,
        {
            "has_neck_pain": True,
            "neck_movement_limited": True,
            "neck_pain_side": "right",
            "ndi_pain_intensity": 2,
            "ndi_reading": 1,
            "ndi_driving": 2,
        },
    ),
    (
        3,
        {
            "has_neck_pain": True,
            "has_headache": True,
            "headache_side": "right",
            "headache_starts_in_neck": True,
            "headache_provoked_by_neck": True,
            "neck_movement_limited": True,
            "neck_pain_side": "right",
        },
    ),
    (
        2,
        {
            "has_neck_pain": True,
            "onset_mechanism": "vehicle_collision",
            "cad_dizziness": True,
            "symptom_duration_weeks": 8,
        },
    ),
    (1, {"has_neck_pain": True, "my_hand_clumsiness": True, "my_gait_change": True}),
    (2, {"has_neck_pain": True, "arm_symptoms": ["pins_needles"], "arm_symptom_side": "left"}),
)
_CHOICE_DEFAULTS = {
    "pregnancy": "no",
    "onset_mechanism": "gradual",
    "neck_pain_side": "central",
    "arm_symptom_side": "right",
    "headache_side": "both",
    "headache_diagnosed": "none",
    "cad_timing": "older",
}
_NUMBERS = {
    "symptom_duration_weeks": 10,
    "trauma_days_ago": 60,
    "pain_now": 4,
    "pain_best": 2,
    "pain_worst": 7,
}


def intakes_for(
    appointments: list[Row],
    person: Callable[[int], Row],
    eval_type_id: int,
    today: dt.date,
    rng: random.Random,
    *,
    days_ahead: int = 10,
    share: float = 0.6,
) -> list[Row]:
    """Intakes for a share of the evaluations in the next days; links them on the rows."""
    checklist = screening.load_checklist(None)
    horizon = today + dt.timedelta(days=days_ahead)
    weights = [w for w, _ in SCENARIOS]
    rows: list[Row] = []
    for visit in appointments:
        if (
            visit["type_id"] != eval_type_id
            or visit["status"] != "booked"
            or not today <= visit["starts_at"].date() <= horizon
            or rng.random() > share
        ):
            continue
        patient = person(visit["patient_id"])
        overrides = rng.choices([s for _, s in SCENARIOS], weights)[0]
        taken = visit["booked_at"]
        answers = _answers(checklist, patient, overrides, taken.date())
        result = screening.evaluate(checklist, answers, on=taken.date()).to_json()
        if result["status"] != "complete" or result["triage"] not in ("clear", "review"):
            continue  # an evaluation is only ever booked from a bookable screening
        rows.append(
            {
                "id": len(rows) + 1,
                "patient_id": patient["id"],
                "status": "submitted",
                "answers": answers,
                "checklist_id": checklist.id,
                "checklist_version": checklist.version,
                "screening": result,
                "screening_status": result["status"],
                "triage": result["triage"],
                "created_by": None,
                "created_at": taken,
                "updated_at": taken,
                "submitted_by": None,
                "submitted_at": taken,
                "reviewed_by": None,
                "reviewed_at": None,
                "returned_by": None,
                "returned_at": None,
                "return_note": "",
                "version": 1,
            }
        )
        visit["intake_id"] = len(rows)
        visit["needs_review"] = result["triage"] == "review"
    return rows


def _answers(
    checklist: screening.Checklist, person: Row, overrides: dict[str, Any], on: dt.date
) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "dob": person["date_of_birth"].isoformat(),
        "sex": person["sex"],
        **overrides,
        "consent_treatment": True,
        "consent_privacy_notice": True,
    }
    for _ in range(10):  # answering one question can make later ones apply
        _, missing = screening.answers_in_force(checklist, answers, on)
        todo = [qid for qid in missing if qid not in answers]
        if not todo:
            break
        for qid in todo:
            question = checklist.question(qid)
            assert question is not None
            answers[qid] = _default(question)
    return answers


def _default(question: screening.Question) -> Any:
    kind = question.type
    if kind == screening.QuestionType.YESNO:
        return False
    if kind == screening.QuestionType.CHOICE:
        return _CHOICE_DEFAULTS.get(question.id, question.choice_values[0])
    if kind == screening.QuestionType.MULTI:
        return []
    return _NUMBERS.get(question.id, question.minimum or 0)
