"""Answer validation: structured errors, never an exception."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from intake.screening import AnswerError, Checklist, validate_answers

from .builders import answers_for


def _errors(checklist: Checklist, **answers: Any) -> list[tuple[str | None, str]]:
    return [(e.question_id, e.message) for e in validate_answers(checklist, answers)]


def test_complete_synthetic_answers_are_valid(checklist: Checklist) -> None:
    assert validate_answers(checklist, answers_for(checklist)) == []


@pytest.mark.parametrize(
    ("question", "value", "fragment"),
    [
        ("rf_fever", "yes", "expected yes or no"),
        ("rf_fever", 1, "expected yes or no"),  # 1 is not a yes/no
        ("rf_fever", 0, "expected yes or no"),
        ("pain_now", True, "expected a number"),  # bool is an int in Python, not here
        ("symptom_duration_weeks", "4", "expected a number"),
        ("symptom_duration_weeks", float("nan"), "expected a number"),
        ("pain_now", 11, "out of range (0 to 10)"),
        ("symptom_duration_weeks", float("inf"), "expected a number"),
        ("pain_now", -1, "out of range"),
        ("pain_now", 2.5, "whole number"),
        ("headache_days_per_month", 32, "out of range (0 to 31)"),
        ("headache_days_per_month", 2.5, "whole number"),
        ("ndi_lifting", 6, "out of range (0 to 5)"),
        ("symptom_duration_weeks", 1041, "out of range (0 to 1040)"),
        ("sex", "f", "not one of: female, male, other"),
        ("sex", ["female"], "not one of"),
        ("onset_mechanism", 3, "not one of"),
        ("arm_symptoms", "pain", "expected a list"),
        ("arm_symptoms", ["pain", "itch"], "'itch' is not one of"),
        ("arm_symptoms", ["pain", "pain"], "listed twice"),
        ("dob", "24/11/1990", "YYYY-MM-DD"),
        ("dob", "1990-02-30", "not a real date"),
        ("dob", 19900101, "YYYY-MM-DD"),
        ("dob", "2026-W48-2", "YYYY-MM-DD"),
    ],
)
def test_wrong_answers_are_reported_per_question(
    checklist: Checklist, question: str, value: object, fragment: str
) -> None:
    errors = _errors(checklist, **{question: value})
    assert len(errors) == 1
    assert errors[0][0] == question
    assert fragment in errors[0][1]


def test_huge_number_is_reported_not_raised(checklist: Checklist) -> None:
    errors = _errors(checklist, pain_now=10**5000)  # too long even to print
    assert errors == [("pain_now", "a number too large to show is out of range (0 to 10)")]


def test_unknown_key(checklist: Checklist) -> None:
    assert _errors(checklist, rf_fevre=True) == [("rf_fevre", "unknown question id 'rf_fevre'")]


def test_valid_edge_values(checklist: Checklist) -> None:
    ok = {
        "pain_now": 10,
        "pain_best": 0,
        "symptom_duration_weeks": 2.5,  # weeks may be fractional
        "ndi_driving": None,  # null = skipped / not answered
        "rf_fever": None,
        "arm_symptoms": [],
        "dob": dt.date(1980, 2, 29),  # the UI may pass a date object
        "headache_days_per_month": 3.0,
    }
    assert validate_answers(checklist, ok) == []


def test_every_error_is_collected(checklist: Checklist) -> None:
    errors = _errors(checklist, rf_fever=1, pain_now=99, nope=True)
    assert [q for q, _ in errors] == ["rf_fever", "pain_now", "nope"]


@pytest.mark.parametrize("answers", [[], "text", None, 3, {1: True}])
def test_not_an_object_never_raises(checklist: Checklist, answers: Any) -> None:
    errors = validate_answers(checklist, answers)
    assert errors and errors[0].question_id is None


def test_error_json_shape() -> None:
    error = AnswerError("pain_now", "out of range")
    assert error.to_json() == {"question": "pain_now", "message": "out of range"}


def test_a_birth_date_after_the_intake_date_is_refused():
    import datetime as dt

    from intake.screening import load_checklist, validate_answers

    checklist = load_checklist(None)
    errors = validate_answers(checklist, {"dob": "2030-01-01"}, on=dt.date(2026, 11, 24))
    assert [(e.question_id, "after the intake date" in e.message) for e in errors] == [
        ("dob", True)
    ]
    assert validate_answers(checklist, {"dob": "2026-11-24"}, on=dt.date(2026, 11, 24)) == []
    assert validate_answers(checklist, {"dob": "2030-01-01"}) == []  # no date given: no check
