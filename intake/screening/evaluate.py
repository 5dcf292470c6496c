"""Screening: answers in, triage, flags, category, stage and scores out. Pure and deterministic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from intake.screening.answers import check_value
from intake.screening.checklist import Checklist
from intake.screening.conditions import Facts
from intake.screening.ndi import score_ndi
from intake.screening.result import (
    Category,
    CervicogenicHeadache,
    Flag,
    PainScores,
    ScreeningResult,
    Stage,
    Status,
)
from intake.screening.triage import TriageLevel

ENGINE_VERSION = "1.0.0"


def evaluate(checklist: Checklist, answers: Mapping[str, object], on: dt.date) -> ScreeningResult:
    """Screen `answers` (ideally validated first) as of the intake date `on`.

    Partial answers never crash it: unanswered required questions that apply make the
    result "incomplete" and are listed; rules that need them simply do not fire yet.
    """
    in_force, missing = answers_in_force(checklist, answers, on)
    facts = Facts(in_force, on)
    fired = [rule for rule in checklist.rules if rule.when.evaluate(facts).value is True]
    # Most urgent first; within a level, the checklist's order.
    fired.sort(key=lambda rule: -rule.level.rank)
    return ScreeningResult(
        status=Status.INCOMPLETE if missing else Status.COMPLETE,
        triage=TriageLevel.most_urgent(rule.level for rule in fired),
        missing=missing,
        flags=tuple(Flag(r.id, r.level, r.message, r.rationale, r.source) for r in fired),
        categories=_categories(checklist, facts),
        stage=_stage(checklist, in_force.get(checklist.stage_question)),
        cervicogenic_headache=_cervicogenic(checklist, facts),
        ndi=score_ndi([_whole(in_force.get(qid)) for qid in checklist.ndi_sections]),
        pain=PainScores(*(_whole(in_force.get(qid)) for _, qid in checklist.pain)),
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        engine=ENGINE_VERSION,
    )


def answers_in_force(
    checklist: Checklist, answers: Mapping[str, object], on: dt.date
) -> tuple[dict[str, object], tuple[str, ...]]:
    """The answers that count, and the required questions still unanswered.

    Questions are taken top to bottom. An answer counts only if its question is asked
    (its 'asked when' is true) and the value is valid: a stale answer left behind by a
    changed earlier answer, or an invalid one, is ignored rather than guessed at.
    """
    in_force: dict[str, object] = {}
    missing: list[str] = []
    source = answers if isinstance(answers, Mapping) else {}
    for question in checklist.questions:
        condition = question.asked_when
        if condition is not None and condition.evaluate(Facts(in_force, on)).value is not True:
            continue  # not asked: neither required nor counted
        value = source.get(question.id)
        if value is not None and check_value(question, value) is None:
            in_force[question.id] = value
        elif question.required:
            missing.append(question.id)
    return in_force, tuple(missing)


def _categories(checklist: Checklist, facts: Facts) -> tuple[Category, ...]:
    order = {question.id: index for index, question in enumerate(checklist.questions)}
    found = []
    for category in checklist.categories:
        verdict = category.when.evaluate(facts)
        if verdict.value is True:
            findings = sorted(verdict.findings, key=lambda qid: order.get(qid, len(order)))
            found.append(Category(category.id, tuple(findings)))
    return tuple(found)


def _stage(checklist: Checklist, weeks: object) -> Stage | None:
    if isinstance(weeks, bool) or not isinstance(weeks, int | float):
        return None
    if weeks < checklist.setting("acute_below_weeks"):
        return Stage.ACUTE
    if weeks > checklist.setting("chronic_above_weeks"):
        return Stage.CHRONIC
    return Stage.SUBACUTE


def _cervicogenic(checklist: Checklist, facts: Facts) -> CervicogenicHeadache:
    criteria = tuple(
        name
        for name, condition in checklist.cervicogenic_criteria
        if condition.evaluate(facts).value is True
    )
    return CervicogenicHeadache(checklist.cervicogenic_met.evaluate(facts).value is True, criteria)


def _whole(value: object) -> int | None:
    # Scales are validated as whole numbers but JSON may carry them as 3.0.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)
