"""The eight worked cases of the screening spec, as a table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from intake.screening import Checklist, evaluate

from .builders import ON, answers_for, ndi_sections


@dataclass(frozen=True)
class Case:
    name: str
    age: int
    answers: dict[str, Any]
    triage: str
    flags: tuple[str, ...] = ()  # must be among the flags raised
    absent_flags: tuple[str, ...] = ()
    categories: tuple[str, ...] | None = None  # None: the spec does not say
    stage: str | None = None
    cgh_met: bool | None = None
    cgh_criteria: tuple[str, ...] | None = None
    ndi_band: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


CASES = [
    Case(
        "1 right-sided cervicogenic headache",
        age=34,
        answers={
            "sex": "female", "pregnancy": "no", "has_headache": True, "has_neck_pain": True,
            "symptom_duration_weeks": 43, "onset_mechanism": "gradual",
            "headache_side": "right", "headache_starts_in_neck": True,
            "headache_provoked_by_neck": True, "headache_throbbing": False,
            "headache_nausea": False, "neck_pain_side": "right", "neck_movement_limited": True,
            "neck_pain_with_movement": True,
            "pain_regions": ["occiput_right", "behind_eye_right", "neck_right"],
            "pain_now": 6, "pain_best": 4, "pain_worst": 8, **ndi_sections(18),
        },
        triage="clear",
        flags=("info_cervicogenic_headache",),
        categories=("headache",),
        stage="chronic",
        cgh_met=True,
        cgh_criteria=("Ia", "Ib", "Ic", "III"),
        ndi_band="moderate",
    ),
    Case(
        "2 migraine",
        age=28,
        answers={
            "sex": "female", "pregnancy": "no", "has_headache": True,
            "symptom_duration_weeks": 520, "headache_side": "alternating",
            "headache_throbbing": True, "headache_nausea": True,
            "headache_light_sensitivity": True, "headache_sound_sensitivity": True,
            "headache_worse_with_activity": True, "headache_diagnosed": "migraine",
            "headache_new_or_changed": False,
        },
        triage="clear",
        flags=("info_migraine_features",),
        categories=(),
        stage="chronic",
        cgh_met=False,
        cgh_criteria=(),
    ),
    Case(
        "3 thunderclap on exertion",
        age=45,
        answers={
            "sex": "male", "has_headache": True, "symptom_duration_weeks": 0,
            "rf_sudden_onset": True, "rf_valsalva_trigger": True, "neck_stiffness": True,
            "headache_nausea": True, "headache_new_or_changed": True, "pain_now": 10,
            "pain_worst": 10,
        },
        triage="emergency",
        flags=("hd_thunderclap", "hd_exertion_thunderclap"),
        stage="acute",
    ),
    Case(
        "4 rear-ended at 70",
        age=70,
        answers={
            "sex": "male", "onset_mechanism": "vehicle_collision", "trauma_days_ago": 6,
            "symptom_duration_weeks": 1, "ccr_simple_rear_end": True, "ccr_walked_since": True,
            "ccr_delayed_onset": True, "trauma_imaging_cleared": False, "has_neck_pain": True,
            "has_headache": True, "headache_new_or_changed": True,
        },
        triage="refer",
        flags=("ccr_high_risk", "hd_new_over_age"),
        absent_flags=("ccr_no_low_risk",),
        categories=("movement_coordination",),
        stage="acute",
    ),
    Case(
        "5 possible myelopathy",
        age=62,
        answers={
            "sex": "male", "has_neck_pain": True, "neck_movement_limited": True,
            "symptom_duration_weeks": 17, "my_both_hands_numb": True,
            "my_hand_clumsiness": True, "my_gait_change": True,
            "my_bladder_bowel_change": False, "arm_symptoms": ["numbness"],
            "arm_symptom_side": "both",
        },
        triage="review",
        flags=("my_possible_myelopathy",),
        absent_flags=("my_bladder_or_weakness_with_signs",),
        stage="chronic",
    ),
    Case(
        "6 radiating pain",
        age=47,
        answers={
            "sex": "female", "pregnancy": "no", "has_neck_pain": True, "neck_pain_side": "right",
            "neck_pain_with_movement": True, "arm_symptoms": ["pain", "pins_needles"],
            "arm_symptom_side": "right", "symptom_duration_weeks": 3,
            "pain_regions": ["neck_right", "arm_right"],
        },
        triage="clear",
        flags=("info_radiating_pain",),
        categories=("radiating_pain",),
        stage="acute",
    ),
    Case(
        "7 office worker, stiff neck",
        age=39,
        answers={
            "sex": "male", "has_neck_pain": True, "neck_pain_side": "right",
            "neck_movement_limited": True, "symptom_duration_weeks": 35,
            "onset_mechanism": "strain_or_posture", **ndi_sections(12),
        },
        triage="clear",
        categories=("mobility_deficits",),
        stage="chronic",
        ndi_band="mild",
    ),
    Case(
        "8 cancer history with night pain and weight loss",
        age=58,
        answers={
            "sex": "female", "pregnancy": "not_applicable", "rf_cancer_history": True,
            "has_neck_pain": True, "rf_progressive": True, "rf_night_pain": True,
            "rf_weight_loss": True, "symptom_duration_weeks": 6,
        },
        triage="refer",
        flags=("sp_cancer_with_weight_loss_or_night_pain", "hd_cancer"),
        stage="subacute",
    ),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_worked_case(checklist: Checklist, case: Case) -> None:
    result = evaluate(checklist, answers_for(checklist, age=case.age, **case.answers), on=ON)
    assert result.status.value == "complete", result.missing
    assert result.triage.value == case.triage
    raised = {flag.id for flag in result.flags}
    assert set(case.flags) <= raised
    assert not set(case.absent_flags) & raised
    if case.categories is not None:
        assert tuple(c.id for c in result.categories) == case.categories
    assert (result.stage.value if result.stage else None) == case.stage
    if case.cgh_met is not None:
        assert result.cervicogenic_headache.met is case.cgh_met
        assert result.cervicogenic_headache.criteria == case.cgh_criteria
    if case.ndi_band is not None:
        assert result.ndi is not None
        assert result.ndi.band.value == case.ndi_band


def test_case_1_findings_and_scores(checklist: Checklist) -> None:
    answers = answers_for(checklist, age=34, **CASES[0].answers)
    result = evaluate(checklist, answers, on=ON).to_json()
    assert result["categories"] == [
        {
            "id": "headache",
            "findings": [
                "has_headache",
                "headache_side",
                "headache_starts_in_neck",
                "headache_provoked_by_neck",
            ],
        }
    ]
    assert result["scores"] == {
        "ndi": {"raw": 18, "percent": 36, "band": "moderate", "answered": 10},
        "pain": {"now": 6, "best": 4, "worst": 8},
    }


def test_case_3_emergency_flags_come_first(checklist: Checklist) -> None:
    answers = answers_for(checklist, age=45, **CASES[2].answers)
    levels = [flag.level.rank for flag in evaluate(checklist, answers, on=ON).flags]
    assert levels == sorted(levels, reverse=True)
    assert levels[0] == 3
