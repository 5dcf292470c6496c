"""Property tests: any valid answers evaluate; red flags never lower triage; determinism."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.screening import (
    Question,
    QuestionType,
    ScreeningResult,
    Status,
    TriageLevel,
    evaluate,
    load_checklist,
    validate_answers,
)

CHECKLIST = load_checklist("neck-headache-1")
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Questions whose "yes" can only add warning signs. Left out on purpose: the C-spine
# low-risk factors and "imaging cleared", whose "yes" is reassuring by design.
RED_FLAGS = [
    *(
        q.id
        for q in CHECKLIST.questions
        if q.type == QuestionType.YESNO
        and q.id.startswith(("rf_", "cad_", "my_", "uci_", "neck_stiffness"))
    ),
    "ccr_dangerous_mechanism",
    "ccr_limb_paresthesia",
]


def _value(question: Question) -> st.SearchStrategy[Any]:
    kind = question.type
    if kind == QuestionType.YESNO:
        return st.booleans()
    if kind == QuestionType.CHOICE:
        return st.sampled_from(question.choice_values)
    if kind == QuestionType.MULTI:
        return st.lists(st.sampled_from(question.choice_values), unique=True)
    if kind == QuestionType.DATE:
        return st.dates(dt.date(1910, 1, 1), dt.date(2026, 11, 24)).map(dt.date.isoformat)
    low, high = int(question.minimum or 0), int(question.maximum or 0)
    if question.integer:
        return st.integers(low, high)
    return st.one_of(st.integers(low, high), st.floats(low, high, allow_nan=False))


# Each question: absent, null, or a valid answer; biased towards answered so that deep
# rules (trauma, CAD timing, headache) are reached often.
VALID_ANSWERS = st.fixed_dictionaries(
    {},
    optional={
        q.id: st.one_of(_value(q), _value(q), _value(q), st.none()) for q in CHECKLIST.questions
    },
)
DATES = st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31))


@FAST
@given(answers=VALID_ANSWERS, on=DATES)
def test_any_valid_answers_evaluate(answers: dict[str, Any], on: dt.date) -> None:
    assert validate_answers(CHECKLIST, answers) == []
    result = evaluate(CHECKLIST, answers, on=on)
    assert (result.status == Status.INCOMPLETE) == bool(result.missing)
    assert result.triage == TriageLevel.most_urgent(f.level for f in result.flags)
    required = {q.id for q in CHECKLIST.questions if q.required}
    assert set(result.missing) <= required
    assert not set(result.missing) & {k for k, v in answers.items() if v is not None}


@FAST
@given(answers=VALID_ANSWERS, on=DATES, flag=st.sampled_from(RED_FLAGS))
def test_one_more_red_flag_never_lowers_triage(
    answers: dict[str, Any], on: dt.date, flag: str
) -> None:
    before = evaluate(CHECKLIST, {**answers, flag: False}, on=on).triage
    unanswered = evaluate(CHECKLIST, {k: v for k, v in answers.items() if k != flag}, on=on)
    after = evaluate(CHECKLIST, {**answers, flag: True}, on=on).triage
    assert after.rank >= before.rank
    assert after.rank >= unanswered.triage.rank


@FAST
@given(answers=VALID_ANSWERS, on=DATES)
def test_evaluation_is_deterministic(answers: dict[str, Any], on: dt.date) -> None:
    first = evaluate(CHECKLIST, answers, on=on)
    reordered = dict(reversed(list(answers.items())))
    assert evaluate(CHECKLIST, reordered, on=on) == first
    assert json.dumps(evaluate(CHECKLIST, answers, on=on).to_json()) == json.dumps(first.to_json())


@FAST
@given(answers=VALID_ANSWERS, on=DATES)
def test_json_round_trip(answers: dict[str, Any], on: dt.date) -> None:
    result = evaluate(CHECKLIST, answers, on=on)
    stored = json.loads(json.dumps(result.to_json()))
    assert ScreeningResult.from_json(stored) == result
    assert ScreeningResult.from_json(stored).to_json() == stored


JSON_LIKE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@FAST
@given(
    answers=st.dictionaries(
        st.sampled_from([q.id for q in CHECKLIST.questions]) | st.text(max_size=8),
        JSON_LIKE,
        max_size=12,
    )
)
def test_any_json_like_input_is_validated_and_evaluated_without_raising(
    answers: dict[str, Any],
) -> None:
    errors = validate_answers(CHECKLIST, answers)
    assert all(e.to_json()["message"] for e in errors)
    evaluate(CHECKLIST, answers, on=dt.date(2026, 11, 24))  # invalid values count as blank


@FAST
@given(garbage=JSON_LIKE)
def test_from_json_rejects_garbage_with_value_error(garbage: Any) -> None:
    with contextlib.suppress(ValueError):  # anything else escaping would be a bug
        ScreeningResult.from_json(garbage)
