"""Evaluation: incomplete screens, "asked when", unanswered never read as no, stage, age."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.screening import Checklist, Status, TriageLevel, evaluate

from .builders import ON, answers_for, dob_for_age


def test_empty_answers_are_incomplete_and_list_every_required_question(
    checklist: Checklist,
) -> None:
    result = evaluate(checklist, {}, on=ON)
    assert result.status == Status.INCOMPLETE
    assert result.triage == TriageLevel.CLEAR
    always_asked = [q.id for q in checklist.questions if q.required and q.asked_when is None]
    assert list(result.missing) == always_asked
    assert "pregnancy" not in result.missing  # asked only once sex is known


def test_missing_lists_exactly_the_unanswered_required_questions(checklist: Checklist) -> None:
    answers = answers_for(checklist, rf_fever=None, pain_now=None, pain_regions=None)
    result = evaluate(checklist, answers, on=ON)
    assert result.missing == ("pain_now", "rf_fever")  # pain_regions is optional


def test_headache_questions_apply_only_with_headache(checklist: Checklist) -> None:
    no_headache = answers_for(checklist)
    assert evaluate(checklist, no_headache, on=ON).status == Status.COMPLETE
    with_headache = {**no_headache, "has_headache": True}
    missing = evaluate(checklist, with_headache, on=ON).missing
    assert "headache_side" in missing and "headache_new_or_changed" in missing
    assert "headache_days_per_month" not in missing  # optional


def test_trauma_questions_follow_onset_and_window(checklist: Checklist) -> None:
    base = answers_for(checklist)
    trauma = evaluate(checklist, {**base, "onset_mechanism": "fall"}, on=ON)
    assert trauma.missing == ("trauma_days_ago",)
    recent = evaluate(checklist, {**base, "onset_mechanism": "fall", "trauma_days_ago": 3}, on=ON)
    assert recent.missing == (
        "ccr_dangerous_mechanism",
        "ccr_limb_paresthesia",
        "ccr_simple_rear_end",
        "ccr_walked_since",
        "ccr_delayed_onset",
        "trauma_imaging_cleared",
    )
    old = evaluate(checklist, {**base, "onset_mechanism": "fall", "trauma_days_ago": 40}, on=ON)
    assert old.status == Status.COMPLETE


def test_cad_timing_asked_when_any_cad_symptom(checklist: Checklist) -> None:
    answers = {**answers_for(checklist), "cad_dizziness": True}
    assert evaluate(checklist, answers, on=ON).missing == ("cad_timing",)


def test_pregnancy_not_asked_of_men(checklist: Checklist) -> None:
    answers = answers_for(checklist, sex="male")
    assert "pregnancy" not in answers
    assert evaluate(checklist, answers, on=ON).status == Status.COMPLETE


def test_unanswered_is_never_read_as_no(checklist: Checklist) -> None:
    # Fever and headache answered, neck stiffness not: the meningism rule cannot fire yet,
    # and the "no low-risk factor" C-spine rule cannot fire on blanks either.
    answers = answers_for(checklist, has_headache=True, rf_fever=True, neck_stiffness=None)
    result = evaluate(checklist, answers, on=ON)
    assert result.status == Status.INCOMPLETE and result.missing == ("neck_stiffness",)
    assert result.triage == TriageLevel.REFER  # the level so far
    assert "hd_fever_meningism" not in {f.id for f in result.flags}
    crash = answers_for(
        checklist,
        onset_mechanism="vehicle_collision",
        trauma_days_ago=2,
        ccr_simple_rear_end=None,
        ccr_walked_since=None,
        ccr_delayed_onset=None,
    )
    flags = {f.id for f in evaluate(checklist, crash, on=ON).flags}
    assert "ccr_no_low_risk" not in flags


def test_stale_answers_of_questions_not_asked_are_ignored(checklist: Checklist) -> None:
    answers = answers_for(
        checklist, age=70, has_headache=False, headache_new_or_changed=True, headache_side="left"
    )
    result = evaluate(checklist, answers, on=ON)
    assert result.triage == TriageLevel.CLEAR
    assert result.flags == ()


def test_invalid_answers_do_not_crash_and_count_as_unanswered(checklist: Checklist) -> None:
    answers = answers_for(checklist, rf_fever="yes", pain_now=99, dob="not a date")
    result = evaluate(checklist, answers, on=ON)
    assert set(result.missing) == {"dob", "pain_now", "rf_fever"}
    assert result.pain.now is None


@pytest.mark.parametrize(
    ("weeks", "stage"),
    [(0, "acute"), (5.9, "acute"), (6, "subacute"), (12, "subacute"), (12.5, "chronic")],
)
def test_stage_thresholds(checklist: Checklist, weeks: float, stage: str) -> None:
    result = evaluate(checklist, answers_for(checklist, symptom_duration_weeks=weeks), on=ON)
    assert result.stage is not None and result.stage.value == stage


def test_stage_unknown_without_duration(checklist: Checklist) -> None:
    result = evaluate(checklist, answers_for(checklist, symptom_duration_weeks=None), on=ON)
    assert result.stage is None


def test_age_is_counted_at_the_intake_date(checklist: Checklist) -> None:
    # 50th birthday tomorrow: still 49 today, so a new headache is "review", not "refer".
    born = ON + dt.timedelta(days=1)
    answers = answers_for(
        checklist, has_headache=True, headache_new_or_changed=True,
        dob=born.replace(year=born.year - 50).isoformat(),
    )  # fmt: skip
    assert evaluate(checklist, answers, on=ON).triage == TriageLevel.REVIEW
    assert evaluate(checklist, answers, on=ON + dt.timedelta(days=1)).triage == TriageLevel.REFER


def test_result_records_checklist_and_engine(checklist: Checklist) -> None:
    data = evaluate(checklist, answers_for(checklist), on=ON).to_json()
    assert data["checklist"] == {"id": "neck-headache", "version": "1"}
    assert data["engine"]


def test_result_json_has_exactly_the_spec_keys(checklist: Checklist) -> None:
    answers = answers_for(checklist, age=60, rf_fever=True, dob=dob_for_age(60))
    data = evaluate(checklist, answers, on=ON).to_json()
    assert list(data) == [
        "status", "triage", "missing", "flags", "categories", "stage",
        "cervicogenic_headache", "scores", "checklist", "engine",
    ]  # fmt: skip
    assert list(data["flags"][0]) == ["id", "level", "message", "rationale", "source"]
    assert list(data["scores"]) == ["ndi", "pain"]
    assert list(data["cervicogenic_headache"]) == ["met", "criteria"]


def test_triage_level_order() -> None:
    levels = [TriageLevel.CLEAR, TriageLevel.EMERGENCY, TriageLevel.REVIEW, TriageLevel.REFER]
    assert TriageLevel.most_urgent(levels) == TriageLevel.EMERGENCY
    assert TriageLevel.most_urgent([]) == TriageLevel.CLEAR
    assert TriageLevel.REFER.is_more_urgent_than(TriageLevel.REVIEW)
    assert not TriageLevel.CLEAR.is_more_urgent_than(TriageLevel.CLEAR)
    ranked = sorted(TriageLevel, key=lambda level: level.rank, reverse=True)
    assert [level.value for level in ranked] == ["emergency", "refer", "review", "clear"]
