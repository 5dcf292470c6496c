"""The bulk export's fast text of a QuestionnaireResponse and of its screening resources is
byte for byte the JSON of the plain mapping, for any answers (wrong types and left-behind
answers included), and stays so as its remembered pieces are reused from one intake to the
next."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.domain.enums import IntakeStatus
from intake.fhir import (
    IntakeFacts,
    ResponseLines,
    ScreeningLines,
    questionnaire_response,
    screening_resources,
)
from intake.screening import Checklist, evaluate

from .fhir_forms import BASE
from .test_enable_when_agrees import ON_DAYS, SHIPPED, VARIANT, _value

ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
WHEN = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
# One writer per checklist for every example: later examples meet what earlier ones left.
WRITERS = {
    c.version + str(id(c)): (ResponseLines(c, BASE, ENCODE), ScreeningLines(c, BASE, ENCODE))
    for c in (SHIPPED, VARIANT)
}
WRONG = st.sampled_from([True, False, 0, 1, 1.0, "yes", "left", [], ["left"], {"x": 1}, 99])


def _answers(checklist: Checklist) -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries(
        {q.id: st.one_of(st.none(), _value(q), WRONG) for q in checklist.questions}
    )


def _check(
    checklist: Checklist,
    answers: dict[str, object],
    on: dt.date,
    status: IntakeStatus,
    mrn: str | None = "T000123",
) -> None:
    facts = IntakeFacts(7, status, answers, on, WHEN, mrn, evaluate(checklist, answers, on))
    response, screened = WRITERS[checklist.version + str(id(checklist))]
    assert response.line(facts) == ENCODE(questionnaire_response(checklist, facts, BASE))
    assert screened.lines(facts) == [
        (r["resourceType"], ENCODE(r)) for r in screening_resources(checklist, facts, BASE)
    ]


_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(
    answers=_answers(SHIPPED),
    on=st.sampled_from(ON_DAYS),
    status=st.sampled_from(list(IntakeStatus)),
    mrn=st.sampled_from(["T000123", "M0000042", None]),
)
def test_the_fast_text_is_the_mapping_for_the_shipped_checklist(
    answers: dict[str, object], on: dt.date, status: IntakeStatus, mrn: str | None
) -> None:
    _check(SHIPPED, answers, on, status, mrn)


@_SETTINGS
@given(answers=_answers(VARIANT), on=st.sampled_from(ON_DAYS))
def test_the_fast_text_is_the_mapping_with_age_and_nested_conditions(
    answers: dict[str, object], on: dt.date
) -> None:
    _check(VARIANT, answers, on, IntakeStatus.SUBMITTED)


def test_a_scored_intake_with_pain_and_rules_fired_is_the_mapping_too() -> None:
    from .test_response import _facts

    facts = _facts()
    assert facts.screening is not None and facts.screening.ndi is not None
    assert facts.screening.flags and facts.screening.pain.now is not None
    for status in (IntakeStatus.DRAFT, IntakeStatus.SUBMITTED):
        _check(SHIPPED, dict(facts.answers), facts.on, status)
