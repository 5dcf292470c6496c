"""Synthetic answer sets for the screening tests (no real people)."""

from __future__ import annotations

import datetime as dt

from intake.screening import Checklist, Question, QuestionType, answers_in_force

ON = dt.date(2026, 11, 24)

# Sensible defaults for a required question nobody set: "no", "none", the dullest choice.
_CHOICE_DEFAULTS = {
    "sex": "female",
    "pregnancy": "no",
    "onset_mechanism": "gradual",
    "neck_pain_side": "central",
    "arm_symptom_side": "right",
    "headache_side": "both",
    "headache_diagnosed": "none",
    "cad_timing": "older",
}
_NUMBER_DEFAULTS = {"symptom_duration_weeks": 4, "trauma_days_ago": 30}


def dob_for_age(age: int, on: dt.date = ON) -> str:
    """A date of birth that makes the person exactly `age` on `on` (birthday a month ago)."""
    birthday = on - dt.timedelta(days=30)
    return birthday.replace(year=birthday.year - age).isoformat()


def ndi_sections(total: int, skipped: int = 0) -> dict[str, int | None]:
    """Ten NDI answers adding up to `total` (the last `skipped` of them null)."""
    ids = [
        "ndi_pain_intensity", "ndi_personal_care", "ndi_lifting", "ndi_reading",
        "ndi_headaches", "ndi_concentration", "ndi_work", "ndi_driving", "ndi_sleeping",
        "ndi_recreation",
    ]  # fmt: skip
    answered = len(ids) - skipped
    values: list[int | None] = [total // answered + (i < total % answered) for i in range(answered)]
    return dict(zip(ids, values + [None] * skipped, strict=True))


def default_for(question: Question) -> object:
    if question.type == QuestionType.YESNO:
        return question.id.startswith("consent_")  # consent given; everything else "no"
    if question.type == QuestionType.CHOICE:
        return _CHOICE_DEFAULTS.get(question.id, question.choice_values[0])
    if question.type == QuestionType.MULTI:
        return []
    if question.type == QuestionType.DATE:
        return dob_for_age(40)
    return _NUMBER_DEFAULTS.get(question.id, question.minimum)


def answers_for(checklist: Checklist, *, age: int = 40, **overrides: object) -> dict[str, object]:
    """Every required question that applies answered "no" (or a default) unless overridden.

    An override of None leaves that question unanswered on purpose.
    """
    answers: dict[str, object] = {"dob": dob_for_age(age), **overrides}
    for _ in range(10):  # answering one question can make later ones apply
        _, missing = answers_in_force(checklist, answers, ON)
        todo = [qid for qid in missing if qid not in answers]
        if not todo:
            return answers
        for qid in todo:
            question = checklist.question(qid)
            assert question is not None
            answers[qid] = default_for(question)
    raise AssertionError("answers did not settle")
