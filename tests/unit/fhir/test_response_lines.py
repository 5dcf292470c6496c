"""The bulk export's fast text of a QuestionnaireResponse is byte for byte the JSON of the
plain mapping, for any answers (wrong types and left-behind answers included), and stays so
as its remembered pieces are reused from one intake to the next."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.domain.enums import IntakeStatus
from intake.fhir import IntakeFacts, ResponseLines, questionnaire_response
from intake.screening import Checklist, evaluate

from .fhir_forms import BASE
from .test_enable_when_agrees import ON_DAYS, SHIPPED, VARIANT, _value

ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
WHEN = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
# One writer per checklist for every example: later examples meet what earlier ones left.
WRITERS = {c.version + str(id(c)): ResponseLines(c, BASE, ENCODE) for c in (SHIPPED, VARIANT)}
WRONG = st.sampled_from([True, False, 0, 1, 1.0, "yes", "left", [], ["left"], {"x": 1}, 99])


def _answers(checklist: Checklist) -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries(
        {q.id: st.one_of(st.none(), _value(q), WRONG) for q in checklist.questions}
    )


def _check(
    checklist: Checklist, answers: dict[str, object], on: dt.date, status: IntakeStatus
) -> None:
    facts = IntakeFacts(7, status, answers, on, WHEN, "T000123", evaluate(checklist, answers, on))
    writer = WRITERS[checklist.version + str(id(checklist))]
    assert writer.line(facts) == ENCODE(questionnaire_response(checklist, facts, BASE))


_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(
    answers=_answers(SHIPPED),
    on=st.sampled_from(ON_DAYS),
    status=st.sampled_from(list(IntakeStatus)),
)
def test_the_fast_text_is_the_mapping_for_the_shipped_checklist(
    answers: dict[str, object], on: dt.date, status: IntakeStatus
) -> None:
    _check(SHIPPED, answers, on, status)


@_SETTINGS
@given(answers=_answers(VARIANT), on=st.sampled_from(ON_DAYS))
def test_the_fast_text_is_the_mapping_with_age_and_nested_conditions(
    answers: dict[str, object], on: dt.date
) -> None:
    _check(VARIANT, answers, on, IntakeStatus.SUBMITTED)
