"""The Questionnaire's conditions ask exactly what our own interpreter asks.

For generated answer sets (hypothesis), a form filler reading only the FHIR Questionnaire
(enableWhen / enableBehavior, and FHIRPath through fhirpathpy for enableWhenExpression) enables
the same questions as `asked_when` read by our engine. Run on the checklist we ship and on a
variant whose conditions need every construct (age, at least n of m, nesting, negation).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.fhir import questionnaire
from intake.fhir.values import answer_values, checklist_names
from intake.screening import Checklist, Question, QuestionType, answers_in_force, load_checklist
from intake.screening.answers import check_value
from intake.screening.conditions import (
    Age,
    AllOf,
    Answered,
    AnyOf,
    AtLeast,
    Compare,
    Condition,
    Facts,
    Not,
)

from .fhir_forms import BASE, FormFiller, condition_of, questions, validate

SHIPPED = load_checklist()
ON_DAYS = (dt.date(2026, 11, 24), dt.date(2028, 2, 28), dt.date(2028, 2, 29), dt.date(2027, 3, 1))


def _with_conditions(checklist: Checklist, conditions: Mapping[str, Condition]) -> Checklist:
    sections = tuple(
        dataclasses.replace(
            section,
            questions=tuple(
                dataclasses.replace(q, asked_when=conditions.get(q.id, q.asked_when))
                for q in section.questions
            ),
        )
        for section in checklist.sections
    )
    index = {q.id: q for section in sections for q in section.questions}
    return dataclasses.replace(checklist, sections=sections, _index=MappingProxyType(index))


def _yes(qid: str) -> Condition:
    return Compare(qid, "eq", True)


# Each reads only questions above it (the person and complaint sections come first).
VARIANT = _with_conditions(
    SHIPPED,
    {
        "rf_fever": AtLeast(
            2, (_yes("has_neck_pain"), _yes("has_headache"), Compare("pain_now", "ge", 5))
        ),
        "rf_cancer_history": Age("ge", 50),
        "rf_neuro_deficit": AnyOf(
            (
                AllOf((_yes("has_neck_pain"), Compare("sex", "eq", "female"))),
                Compare("arm_symptoms", "contains_any", ("numbness",)),
            )
        ),
        "rf_sudden_onset": Not(AnyOf((_yes("has_headache"), Age("lt", 30)))),
        "rf_positional": Compare("symptom_duration_weeks", "lt", 6.5),
        "rf_valsalva_trigger": Compare("pain_now", "lt", 4.5),
        "rf_visual_disturbance": Not(Compare("pain_regions", "any_chosen")),
        "rf_progressive": Compare("pain_now", "eq", 4.5),
        "rf_painful_red_eye": Answered("pain_regions"),
        "rf_immunosuppressed": AtLeast(
            1, (Compare("sex", "in", ("male", "other")), Compare("has_headache", "eq", False))
        ),
        "rf_analgesic_overuse": Not(Compare("onset_mechanism", "ne", "gradual")),
        "rf_jaw_pain_chewing": Compare("symptom_duration_weeks", "ne", 10),
        "rf_scalp_tenderness": AllOf((Age("gt", 45.5), Not(_yes("has_neck_pain")))),
        "cad_dizziness": AtLeast(
            2,
            (
                Age("ge", 65),
                Compare("pain_regions", "contains_any", ("forehead",)),
                _yes("has_headache"),
            ),
        ),
    },
)


def _value(question: Question) -> st.SearchStrategy[object]:
    kind = question.type
    if kind == QuestionType.YESNO:
        return st.booleans()
    if kind == QuestionType.CHOICE:
        return st.sampled_from(question.choice_values)
    if kind == QuestionType.MULTI:
        return st.lists(st.sampled_from(question.choice_values), unique=True, max_size=3)
    if kind == QuestionType.DATE:
        near = st.sampled_from(["02-28", "02-29", "03-01", "11-23", "11-24", "11-25"])
        years = st.integers(1920, 2010)
        leap_days = st.builds(lambda y, md: f"{y}-{md}", st.sampled_from([1948, 1976, 1980]), near)
        other = st.dates(dt.date(1920, 1, 1), dt.date(2010, 12, 31)).map(dt.date.isoformat)
        return st.one_of(leap_days, other, st.builds(lambda y: f"{y}-11-24", years))
    low, high = int(question.minimum or 0), int(question.maximum or 0)
    whole = st.one_of(st.integers(low, min(high, low + 30)), st.integers(low, high))
    if question.integer:
        return whole
    return st.one_of(whole, st.sampled_from([6.5, 10.0, 6.49, 6.51]))


def _answers(checklist: Checklist) -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries(
        {q.id: st.one_of(st.none(), _value(q)) for q in checklist.questions}
    )


def _asked(checklist: Checklist, answers: Mapping[str, object], on: dt.date) -> list[str]:
    """The questions our engine asks, as `answers_in_force` walks them."""
    in_force: dict[str, object] = {}
    asked = []
    for question in checklist.questions:
        condition = question.asked_when
        if condition is not None and condition.evaluate(Facts(in_force, on)).value is not True:
            continue
        asked.append(question.id)
        value = answers.get(question.id)
        if value is not None and check_value(question, value) is None:
            in_force[question.id] = value
    assert in_force == answers_in_force(checklist, answers, on)[0]  # the same walk
    return asked


def _enabled(checklist: Checklist, answers: Mapping[str, object], on: dt.date) -> list[str]:
    names = checklist_names(BASE, checklist)

    def answer_of(link_id: str) -> list[dict[str, object]]:
        question = checklist.question(link_id)
        assert question is not None, link_id
        return answer_values(names, question, answers.get(link_id))

    filler = FormFiller(questionnaire(checklist, BASE), answer_of, on)
    filler.fill()
    return filler.enabled


_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(answers=_answers(SHIPPED), on=st.sampled_from(ON_DAYS))
def test_the_shipped_questionnaire_asks_what_the_engine_asks(
    answers: dict[str, object], on: dt.date
) -> None:
    assert _enabled(SHIPPED, answers, on) == _asked(SHIPPED, answers, on)


@_SETTINGS
@given(answers=_answers(VARIANT), on=st.sampled_from(ON_DAYS))
def test_conditions_enableWhen_cannot_say_agree_through_fhirpath(
    answers: dict[str, object], on: dt.date
) -> None:
    assert _enabled(VARIANT, answers, on) == _asked(VARIANT, answers, on)


def test_the_variant_exercises_both_forms() -> None:
    """Guard for the test above: some of its conditions are enableWhen, some FHIRPath."""
    resource = questionnaire(VARIANT, BASE)
    validate(resource)  # the SDC extension is valid R4 too
    items = {i["linkId"]: i for i in questions(resource["item"])}
    kinds = {qid: condition_of(items[qid]) for qid in ("rf_fever", "rf_positional")}
    assert kinds["rf_fever"][2] is not None  # at least 2 of 3: an expression
    assert kinds["rf_positional"][0] and kinds["rf_positional"][2] is None  # plain enableWhen
