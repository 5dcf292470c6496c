"""Loading checklists: the packaged one, and broken files refused with a precise message."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.resources_path import resource
from intake.screening import (
    ChecklistError,
    QuestionType,
    available_checklists,
    load_checklist,
    load_checklist_file,
)

FIXTURES = Path(__file__).parent / "fixtures"
SOURCE = resource("screening", "neck-headache-1.toml").read_text(encoding="utf-8")


def test_packaged_checklist_loads_by_every_spelling() -> None:
    newest = load_checklist()
    assert (newest.id, newest.version) == ("neck-headache", "1")
    assert load_checklist("neck-headache") is newest
    assert load_checklist("neck-headache-1") is newest
    assert "neck-headache" in available_checklists()


@pytest.mark.parametrize("spec", ["neck-headache-9", "back-pain", "neck", ""])
def test_unknown_checklist_is_refused(spec: str) -> None:
    with pytest.raises(ChecklistError, match="unknown checklist"):
        load_checklist(spec or "nope")


def test_checklist_exposes_the_form() -> None:
    checklist = load_checklist()
    assert checklist.sections[0].id == "person"
    dob = checklist.question("dob")
    assert dob is not None and dob.type == QuestionType.DATE and dob.required
    side = checklist.question("headache_side")
    assert side is not None and side.section == "headache" and side.asked_when is not None
    assert [c.value for c in side.choices] == ["left", "right", "both", "alternating"]
    assert all(c.label for c in side.choices)
    pain = checklist.question("pain_now")
    assert pain is not None and (pain.minimum, pain.maximum, pain.integer) == (0, 10, True)
    ndi = checklist.question("ndi_work")
    assert ndi is not None and ndi.skippable and not ndi.required
    assert checklist.setting("ndi_meaningful_change") == 5
    assert checklist.question("nope") is None


def test_spec_question_ids_are_all_present() -> None:
    ids = {q.id for q in load_checklist().questions}
    spec_ids = {
        "dob", "sex", "pregnancy", "has_neck_pain", "has_headache", "symptom_duration_weeks",
        "onset_mechanism", "neck_pain_side", "neck_movement_limited", "neck_pain_with_movement",
        "arm_symptoms", "arm_symptom_side", "pain_now", "pain_best", "pain_worst",
        "pain_regions", "headache_side", "headache_starts_in_neck", "headache_provoked_by_neck",
        "headache_throbbing", "headache_nausea", "headache_light_sensitivity",
        "headache_sound_sensitivity", "headache_worse_with_activity", "headache_days_per_month",
        "headache_new_or_changed", "headache_diagnosed", "rf_fever", "neck_stiffness",
        "rf_cancer_history", "rf_neuro_deficit", "rf_sudden_onset", "rf_positional",
        "rf_valsalva_trigger", "rf_visual_disturbance", "rf_progressive", "rf_painful_red_eye",
        "rf_immunosuppressed", "rf_analgesic_overuse", "rf_jaw_pain_chewing",
        "rf_scalp_tenderness", "cad_dizziness", "cad_double_vision", "cad_slurred_speech",
        "cad_swallowing_difficulty", "cad_drop_attacks", "cad_face_numbness", "cad_unsteady",
        "cad_timing", "my_hand_clumsiness", "my_both_hands_numb", "my_gait_change",
        "my_bladder_bowel_change", "my_rapid_weakness", "uci_conditions",
        "uci_head_feels_unsupported", "rf_weight_loss", "rf_night_pain", "trauma_days_ago",
        "ccr_dangerous_mechanism", "ccr_limb_paresthesia", "ccr_simple_rear_end",
        "ccr_walked_since", "ccr_delayed_onset", "trauma_imaging_cleared",
        "ndi_pain_intensity", "ndi_personal_care", "ndi_lifting", "ndi_reading",
        "ndi_headaches", "ndi_concentration", "ndi_work", "ndi_driving", "ndi_sleeping",
        "ndi_recreation", "consent_treatment", "consent_privacy_notice",
    }  # fmt: skip
    assert ids == spec_ids


def test_syntax_error_names_file_and_line() -> None:
    with pytest.raises(ChecklistError) as caught:
        load_checklist_file(FIXTURES / "syntax-error.toml")
    message = str(caught.value)
    assert "syntax-error.toml, line 6:" in message
    assert "TOML syntax error" in message
    assert caught.value.line == 6


def test_unreadable_file() -> None:
    with pytest.raises(ChecklistError, match="cannot read"):
        load_checklist_file(FIXTURES / "no-such-file.toml")


def test_name_for_errors_is_used() -> None:
    with pytest.raises(ChecklistError, match=r"^clinic copy, line 6: "):
        load_checklist_file(str(FIXTURES / "syntax-error.toml"), name_for_errors="clinic copy")


# (old text in the packaged file, its replacement, the text on the line the error must name,
#  the entry named, the problem)
BROKEN = [
    pytest.param(
        'when = { yes = "rf_sudden_onset" }', 'when = { yes = "rf_sudden_onsett" }',
        "rf_sudden_onsett", "rule 'hd_thunderclap'", "unknown question id 'rf_sudden_onsett'",
        id="unknown question id in a condition",
    ),
    pytest.param(
        '{ yes = "my_both_hands_numb" }, { yes = "my_gait_change" } ] },',
        '{ yes = "my_both_hands_numb" }, { yes = "my_gait_chang" } ] },',
        "my_gait_chang", "rule 'my_possible_myelopathy'", "unknown question id 'my_gait_chang'",
        id="unknown question id deep in a multi-line condition",
    ),
    pytest.param(
        'id = "sex"', 'id = "dob"', 'id = "dob"', "question 'dob'", "duplicate question id",
        id="duplicate question id",
    ),
    pytest.param(
        'id = "hd_neuro_deficit"', 'id = "hd_thunderclap"', 'id = "hd_thunderclap"',
        "rule 'hd_thunderclap'", "duplicate rule id", id="duplicate rule id",
    ),
    pytest.param(
        'id = "cad_dizziness"\nlevel = "review"', 'id = "cad_dizziness"\nlevel = "urgent"',
        'level = "urgent"', "rule 'cad_dizziness'", "unknown triage level 'urgent'",
        id="unknown level",
    ),
    pytest.param(
        "min = 0\nmax = 1040", "min = 2000\nmax = 1040", "min = 2000",
        "question 'symptom_duration_weeks'", "bad range", id="bad range",
    ),
    pytest.param(
        "min = 0\nmax = 31", "min = 0\nmax = 0", "min = 0", "question 'headache_days_per_month'",
        "bad range", id="empty range",
    ),
    pytest.param(
        'when = { yes = "rf_neuro_deficit" }', 'when = { yse = "rf_neuro_deficit" }', "yse",
        "rule 'hd_neuro_deficit'", "unknown operator 'yse'", id="unknown operator",
    ),
    pytest.param(
        'question = "cad_timing", eq = "current" }', 'question = "cad_timing", eq = "now" }',
        '"now"', "rule 'cad_current'", "'now' is not a choice of 'cad_timing'",
        id="unknown choice in a condition",
    ),
    pytest.param(
        '{ age_ge = "cspine_age" }', '{ age_ge = "cspine_ag" }', "cspine_ag",
        "rule 'ccr_high_risk'", "unknown setting 'cspine_ag'", id="unknown setting",
    ),
    pytest.param(
        'when = { is = "arm_neuro_symptoms" }', 'when = { is = "arm_neuro_symptom" }',
        "arm_neuro_symptom", "rule 'info_radiating_pain'", "unknown definition",
        id="unknown definition",
    ),
    pytest.param(
        'gca_symptom = { any = [ { yes = "rf_jaw_pain_chewing" }',
        'gca_symptom = { any = [ { yes = "rf_jaw_pain" }',
        "gca_symptom =", "definition 'gca_symptom'", "unknown question id 'rf_jaw_pain'",
        id="error inside a definition",
    ),
    pytest.param(
        '{ yes = "headache_throbbing" }, { yes = "headache_nausea" } ] },',
        '{ yes = "headache_throbbing" }, { yes = "neck_pain_side" } ] },',
        "neck_pain_side", "rule 'info_migraine_features'", "needs a yesno question",
        id="wrong question type for operator",
    ),
    pytest.param(
        'asked_when = { yes = "has_neck_pain" }\nchoices',
        'asked_when = { yes = "cad_dizziness" }\nchoices',
        "cad_dizziness", "question 'neck_pain_side'", "not asked before it",
        id="asked_when refers to a later question",
    ),
    pytest.param(
        'type = "date"', 'type = "datum"', 'type = "datum"', "question 'dob'",
        "unknown question type 'datum'", id="unknown question type",
    ),
    pytest.param(
        'text = "Do you have neck pain?"\nrequired = true',
        'text = "Do you have neck pain?"\nrequierd = true',
        "requierd", "question 'has_neck_pain'", "unknown key 'requierd'", id="misspelt key",
    ),
    pytest.param(
        '{ at_least = 2, of = [ { yes = "my_hand_clumsiness" }',
        '{ at_least = 4, of = [ { yes = "my_hand_clumsiness" }', "at_least = 4",
        "rule 'my_possible_myelopathy'", "whole number from 1 to 3", id="at_least too high",
    ),
    pytest.param(
        "cspine_age = 65 ", 'cspine_age = "65" ', 'cspine_age = "65"', "[settings]",
        "must be a number", id="setting not a number",
    ),
    pytest.param(
        'headache = { yes = "has_headache" }', 'headache = { is = "headache" }',
        "headache = {", "definition 'headache'", "refers to itself", id="definition loop",
    ),
    pytest.param(
        'message = "Book, but a therapist must review the intake before the visit."\n'
        'rationale = "Dizziness',
        'message = ""\nrationale = "Dizziness', 'message = ""', "rule 'cad_dizziness'",
        "'message' must be non-empty text", id="empty message",
    ),
    pytest.param(
        'consents = ["consent_treatment", "consent_privacy_notice"]',
        'consents = ["consent_treatment", "consent_privacy"]', '"consent_privacy"]',
        "[booking]", "consent 'consent_privacy' is not a question of this checklist",
        id="consent that is no question",
    ),
    pytest.param(
        'consents = ["consent_treatment", "consent_privacy_notice"]',
        'consents = [\n    "consent_treatment",\n    "pain_now",\n]', '"pain_now"',
        "[booking]", "consent 'pain_now' is not a yes/no question", id="consent not yes/no",
    ),
    pytest.param(
        'consents = ["consent_treatment", "consent_privacy_notice"]',
        'consents = ["consent_treatment", "headache_throbbing"]', '"headache_throbbing"',
        "[booking]", "asked only sometimes", id="consent asked only sometimes",
    ),
    pytest.param(
        'consents = ["consent_treatment", "consent_privacy_notice"]',
        'consents = "consent_treatment"', "consents", "[booking]",
        "'consents' must list", id="consents not a list",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "mark", "where", "problem"), BROKEN)
def test_broken_checklist_is_refused_with_file_line_entry_and_problem(
    tmp_path: Path, old: str, new: str, mark: str, where: str, problem: str
) -> None:
    assert SOURCE.count(old) == 1, "the test's anchor text must be unique in the file"
    text = SOURCE.replace(old, new)
    start = SOURCE.index(old)
    expected_line = text.count("\n", 0, start + new.index(mark)) + 1
    path = tmp_path / "neck-headache-2.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistError) as caught:
        load_checklist_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}, line {expected_line}: {where}: "), message
    assert problem in message
