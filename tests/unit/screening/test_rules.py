"""Every rule: a case that raises it and a near case that does not."""

from __future__ import annotations

from typing import Any

import pytest

from intake.screening import Checklist, TriageLevel, evaluate

from .builders import ON, answers_for

H: dict[str, Any] = {"has_headache": True}
RECENT_FALL: dict[str, Any] = {"onset_mechanism": "fall", "trauma_days_ago": 3}

# (rule id, level, overrides that raise it, overrides of a near case that must not)
CASES: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = [
    ("hd_thunderclap", "emergency", {"rf_sudden_onset": True}, {"rf_valsalva_trigger": True}),
    ("hd_neuro_deficit", "emergency", {"rf_neuro_deficit": True}, {"cad_dizziness": True}),
    ("hd_fever_meningism", "emergency",
     {**H, "rf_fever": True, "neck_stiffness": True}, {"rf_fever": True, "neck_stiffness": True}),
    ("hd_fever", "refer", {"rf_fever": True}, {**H, "neck_stiffness": True}),
    ("hd_exertion_thunderclap", "emergency",
     {"rf_valsalva_trigger": True, "rf_sudden_onset": True}, {**H, "rf_valsalva_trigger": True}),
    ("hd_valsalva", "refer", {**H, "rf_valsalva_trigger": True}, {"rf_valsalva_trigger": True}),
    ("hd_cancer", "refer", {**H, "rf_cancer_history": True}, {"rf_cancer_history": True}),
    ("hd_cancer", "refer",
     {"rf_cancer_history": True, "rf_progressive": True}, {"rf_progressive": True}),
    ("hd_new_over_age", "refer",
     {**H, "headache_new_or_changed": True, "age": 50},
     {**H, "headache_new_or_changed": True, "age": 49}),
    ("hd_giant_cell_arteritis", "refer",
     {"rf_jaw_pain_chewing": True, "age": 50}, {"rf_jaw_pain_chewing": True, "age": 49}),
    ("hd_giant_cell_arteritis_visual", "emergency",
     {"rf_scalp_tenderness": True, "rf_visual_disturbance": True, "age": 72},
     {"rf_scalp_tenderness": True, "rf_visual_disturbance": True, "age": 45}),
    ("hd_positional", "refer", {**H, "rf_positional": True}, {"rf_positional": True}),
    ("hd_progressive", "refer", {**H, "rf_progressive": True}, {"rf_progressive": True}),
    ("hd_visual_disturbance", "refer", {"rf_visual_disturbance": True},
     {"cad_double_vision": True, "cad_timing": "older"}),
    ("hd_painful_red_eye", "refer", {"rf_painful_red_eye": True}, {}),
    ("hd_immunosuppressed", "refer", {**H, "rf_immunosuppressed": True},
     {"rf_immunosuppressed": True}),
    ("hd_neck_stiffness", "refer", {**H, "neck_stiffness": True}, {"neck_stiffness": True}),
    ("hd_pregnancy_new_headache", "refer",
     {**H, "pregnancy": "pregnant", "headache_new_or_changed": True},
     {**H, "pregnancy": "no", "headache_new_or_changed": True}),
    ("hd_pregnancy_urgent", "emergency",
     {**H, "pregnancy": "postpartum", "rf_visual_disturbance": True},
     {**H, "pregnancy": "not_applicable", "rf_visual_disturbance": True}),
    ("hd_pregnancy_urgent", "emergency",
     {**H, "pregnancy": "pregnant", "rf_sudden_onset": True},
     {"pregnancy": "pregnant", "rf_sudden_onset": True}),
    ("hd_new_or_changed", "review", {**H, "headache_new_or_changed": True}, {**H}),
    ("hd_analgesic_overuse", "review", {"rf_analgesic_overuse": True}, {}),
    ("hd_warning_sign_without_headache", "review",
     {"rf_progressive": True}, {**H, "rf_progressive": True}),
    ("hd_jaw_or_scalp_under_age", "review",
     {"rf_jaw_pain_chewing": True, "age": 30}, {"rf_jaw_pain_chewing": True, "age": 50}),
    ("cad_current", "emergency",
     {"cad_double_vision": True, "cad_timing": "current"},
     {"cad_double_vision": True, "cad_timing": "resolved_within_7_days"}),
    ("cad_current", "emergency",
     {"cad_unsteady": True, "cad_timing": "current"},
     {"cad_dizziness": True, "cad_timing": "current"}),
    ("cad_recent", "refer",
     {"cad_slurred_speech": True, "cad_timing": "resolved_within_7_days"},
     {"cad_slurred_speech": True, "cad_timing": "older"}),
    ("cad_older", "review",
     {"cad_drop_attacks": True, "cad_timing": "older"},
     {"cad_dizziness": True, "cad_timing": "older"}),
    ("cad_dizziness", "review", {"cad_dizziness": True}, {}),
    ("my_sign", "review", {"my_hand_clumsiness": True}, {"my_bladder_bowel_change": True}),
    ("my_possible_myelopathy", "review",
     {"my_hand_clumsiness": True, "my_gait_change": True, "age": 46},
     {"my_hand_clumsiness": True, "my_gait_change": True, "age": 45}),
    ("my_possible_myelopathy", "review",
     {"my_both_hands_numb": True, "my_gait_change": True, "age": 60},
     {"my_gait_change": True, "age": 60}),
    ("my_bladder_or_weakness_with_signs", "refer",
     {"my_hand_clumsiness": True, "my_bladder_bowel_change": True},
     {"my_bladder_bowel_change": True}),
    ("my_bladder_or_weakness", "review", {"my_rapid_weakness": True}, {}),
    ("uci_risk_with_occipital_headache", "review",
     {**H, "uci_conditions": ["rheumatoid_arthritis"], "headache_starts_in_neck": True},
     {**H, "uci_conditions": [], "headache_starts_in_neck": True}),
    ("uci_risk_with_occipital_headache", "review",
     {**H, "uci_conditions": ["hypermobility"], "pain_regions": ["occiput_left"]},
     {**H, "uci_conditions": ["hypermobility"], "pain_regions": ["temple_left"]}),
    ("uci_head_unsupported", "review", {"uci_head_feels_unsupported": True}, {}),
    ("uci_neuro", "refer",
     {"uci_conditions": ["down_syndrome"], "arm_symptoms": ["numbness"],
      "arm_symptom_side": "both"},
     {"uci_conditions": ["down_syndrome"], "arm_symptoms": ["numbness"],
      "arm_symptom_side": "right"}),
    ("uci_neuro", "refer",
     {"uci_conditions": ["long_term_steroids"], "cad_face_numbness": True,
      "cad_timing": "older"},
     {"uci_conditions": [], "cad_face_numbness": True, "cad_timing": "older"}),
    ("sp_cancer_with_weight_loss_or_night_pain", "refer",
     {"rf_cancer_history": True, "rf_night_pain": True}, {"rf_night_pain": True}),
    ("sp_weight_loss_or_night_pain", "review", {"rf_weight_loss": True}, {}),
    ("sp_cancer_history", "review", {"rf_cancer_history": True}, {}),
    ("ccr_high_risk", "refer",
     {**RECENT_FALL, "ccr_dangerous_mechanism": True, "ccr_walked_since": True},
     {**RECENT_FALL, "ccr_dangerous_mechanism": True, "trauma_imaging_cleared": True}),
    ("ccr_high_risk", "refer",
     {**RECENT_FALL, "ccr_walked_since": True, "age": 65},
     {**RECENT_FALL, "ccr_walked_since": True, "age": 64}),
    ("ccr_high_risk", "refer",
     {**RECENT_FALL, "ccr_limb_paresthesia": True, "ccr_walked_since": True},
     {"onset_mechanism": "fall", "trauma_days_ago": 15, "ccr_limb_paresthesia": True}),
    ("ccr_no_low_risk", "refer",
     {"onset_mechanism": "vehicle_collision", "trauma_days_ago": 5},
     {"onset_mechanism": "vehicle_collision", "trauma_days_ago": 5, "ccr_delayed_onset": True}),
    ("ccr_review", "review",
     {"onset_mechanism": "sport", "trauma_days_ago": 14, "ccr_walked_since": True},
     {"onset_mechanism": "sport", "trauma_days_ago": 15}),
    ("info_migraine_features", "clear",
     {**H, "headache_side": "alternating"}, {**H, "headache_side": "both"}),
    ("info_migraine_features", "clear",
     {**H, "headache_throbbing": True, "headache_nausea": True},
     {**H, "headache_throbbing": True, "headache_light_sensitivity": True}),
    ("info_tension_type_features", "clear",
     {**H, "headache_side": "both"}, {**H, "headache_side": "both", "headache_throbbing": True}),
    ("info_cervicogenic_headache", "clear",
     {**H, "headache_side": "right", "headache_provoked_by_neck": True},
     {**H, "headache_side": "alternating", "headache_provoked_by_neck": True}),
    ("info_radiating_pain", "clear",
     {"arm_symptoms": ["pins_needles"]}, {"arm_symptoms": ["pain"]}),
    ("info_cad_risk", "clear",
     {**H, "headache_diagnosed": "migraine"}, {**H, "headache_diagnosed": "tension_type"}),
    ("info_cad_risk", "clear", {"onset_mechanism": "other_trauma"},
     {"onset_mechanism": "strain_or_posture"}),
]  # fmt: skip


def _flag_ids(checklist: Checklist, overrides: dict[str, Any]) -> tuple[set[str], TriageLevel]:
    answers = answers_for(checklist, **overrides)
    result = evaluate(checklist, answers, on=ON)
    assert result.status.value == "complete", result.missing
    return {flag.id for flag in result.flags}, result.triage


@pytest.mark.parametrize(("rule_id", "level", "raises", "near"), CASES)
def test_rule_raised_and_near_case_not(
    checklist: Checklist,
    rule_id: str,
    level: str,
    raises: dict[str, Any],
    near: dict[str, Any],
) -> None:
    rule = next(r for r in checklist.rules if r.id == rule_id)
    assert rule.level == TriageLevel(level)
    raised, triage = _flag_ids(checklist, raises)
    assert rule_id in raised
    assert triage.rank >= rule.level.rank
    not_raised, _ = _flag_ids(checklist, near)
    assert rule_id not in not_raised


def test_every_rule_has_a_case(checklist: Checklist) -> None:
    assert {r.id for r in checklist.rules} == {case[0] for case in CASES}


def test_all_no_is_clear_with_no_flags(checklist: Checklist) -> None:
    raised, triage = _flag_ids(checklist, {})
    assert raised == set()
    assert triage == TriageLevel.CLEAR


def test_emergency_and_refer_messages_tell_the_front_desk_what_to_do(
    checklist: Checklist,
) -> None:
    for rule in checklist.rules:
        text = rule.message.lower()
        if rule.level == TriageLevel.EMERGENCY:
            assert "emergency" in text and "do not book" in text, rule.id
            assert "clinician on duty" in text, rule.id
        elif rule.level == TriageLevel.REFER:
            assert "do not book" in text and "clearance" in text, rule.id
        assert rule.rationale and rule.source, rule.id
