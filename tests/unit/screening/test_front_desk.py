"""What the front desk is told: each reason once, most urgent first, only what applies."""

from __future__ import annotations

from intake import screening
from intake.screening import TriageLevel
from intake.screening.front_desk import front_desk_view
from tests.unit.screening.builders import ON, answers_for

CHECKLIST = screening.load_checklist(None)


def _view(**overrides: object) -> screening.front_desk.FrontDeskView:
    answers = answers_for(CHECKLIST, **overrides)
    return front_desk_view(CHECKLIST, answers, screening.evaluate(CHECKLIST, answers, ON), ON)


def test_every_fired_rule_once_with_its_reason_most_urgent_first() -> None:
    view = _view(
        rf_sudden_onset=True, rf_neuro_deficit=True, rf_fever=True, cad_dizziness=True,
        headache_new_or_changed=True, has_headache=True, headache_diagnosed="migraine",
    )  # fmt: skip
    ranks = [reason.level.rank for reason in view.reasons]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] == TriageLevel.EMERGENCY.rank
    ids = [reason.rule_id for reason in view.reasons]
    assert len(ids) == len(set(ids)) and {"hd_thunderclap", "hd_fever", "info_cad_risk"} <= set(ids)
    rationale = {rule.id: rule.rationale for rule in CHECKLIST.rules}
    assert all(reason.text == rationale[reason.rule_id] for reason in view.reasons)


def test_under_a_stop_no_instruction_says_book() -> None:
    view = _view(rf_sudden_onset=True, cad_dizziness=True, headache_diagnosed="migraine")
    assert view.say.startswith("EMERGENCY")
    assert "Book" not in view.say and "may book" not in view.meaning


def test_a_referral_mentions_obstetric_triage_only_for_a_pregnant_patient() -> None:
    male = _view(sex="male", rf_fever=True)
    assert male.meaning.startswith("Do not book yet")
    assert "obstetric" not in male.meaning and "pregnan" not in male.meaning
    # a stale pregnancy answer left beside "male" does not count: the question is not asked
    stale = _view(sex="male", pregnancy="pregnant", rf_fever=True)
    assert "obstetric" not in stale.meaning
    pregnant = _view(sex="female", pregnancy="pregnant", rf_fever=True)
    assert "obstetric triage" in pregnant.meaning
