"""The guideline's interventions: the data file, its loader's refusals, and the selection."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.resources_path import resource
from intake.screening import (
    Category,
    CervicogenicHeadache,
    ChecklistError,
    PainScores,
    ScreeningResult,
    Stage,
    Status,
    TriageLevel,
    evaluate,
    load_checklist,
)
from intake.screening.interventions import (
    GRADES,
    Kind,
    interventions_for,
    load_interventions,
    load_interventions_file,
    parse_interventions,
)
from tests.unit.screening.test_properties import VALID_ANSWERS

CHECKLIST = load_checklist("neck-headache-1")
TABLE = load_interventions("neck-headache-1")
CATEGORIES = [c.id for c in CHECKLIST.categories]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEXT = resource("screening").joinpath("neck-headache-1.interventions.toml").read_text("utf-8")


def result(
    *categories: str, stage: Stage | None = Stage.ACUTE, triage: TriageLevel = TriageLevel.CLEAR
) -> ScreeningResult:
    return ScreeningResult(
        status=Status.COMPLETE,
        triage=triage,
        missing=(),
        flags=(),
        categories=tuple(Category(c, ()) for c in categories),
        stage=stage,
        cervicogenic_headache=CervicogenicHeadache(False, ()),
        ndi=None,
        pain=PainScores(None, None, None),
        checklist_id="neck-headache",
        checklist_version="1",
        engine="test",
    )


# --- the data ------------------------------------------------------------------------------


@pytest.mark.parametrize("stage", list(Stage))
@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_and_stage_has_an_entry(category: str, stage: Stage) -> None:
    entries = TABLE.for_category(category, stage)
    assert entries
    for entry in entries:
        assert entry.source.startswith("Blanpied 2017, p. A")
        if entry.kind == Kind.NONE:
            assert entry.grade is None and "no" in entry.text.lower()  # says why
        else:
            assert entry.grade in GRADES and entry.text


def test_the_file_names_its_guideline_and_awaits_sign_off() -> None:
    assert "J Orthop Sports Phys Ther 2017;47(7):A1-A83" in TABLE.guideline
    assert TABLE.checklist == "neck-headache-1" and not TABLE.sign_off.signed
    unverified = [e for e in TABLE.entries if not e.verified]
    assert all(e.note for e in unverified)  # each says what the clinical lead should check


def test_whiplash_acute_advises_against_the_collar() -> None:
    against = [
        e
        for e in TABLE.for_category("movement_coordination", Stage.ACUTE)
        if e.kind == Kind.AGAINST
    ]
    assert [e.id for e in against] == ["mc-acute-collar"]


# --- the loader's refusals ----------------------------------------------------------------


def _line_of(needle: str, text: str = TEXT) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _refused(text: str) -> ChecklistError:
    with pytest.raises(ChecklistError) as refused:
        parse_interventions(text, "clinic.interventions.toml", CHECKLIST)
    return refused.value


def test_a_category_the_checklist_lacks_is_refused_with_its_line() -> None:
    broken = TEXT.replace('category = "headache"', 'category = "migraine"', 1)
    error = _refused(broken)
    assert error.line == _line_of('category = "migraine"', broken)
    assert "migraine" in str(error) and "hd-acute-supervised-mobility" in str(error)


def test_a_stage_the_checklist_lacks_is_refused_with_its_line() -> None:
    broken = TEXT.replace('stage = "subacute"', 'stage = "early"', 1)
    error = _refused(broken)
    assert error.line == _line_of('stage = "early"', broken)
    assert str(error).startswith(f"clinic.interventions.toml, line {error.line}: ")


def test_a_missing_grade_is_refused_naming_the_entry() -> None:
    broken = TEXT.replace('grade = "C"\ntext = "TENS may be added."', 'text = "TENS may be added."')
    error = _refused(broken)
    assert "mc-chronic-tens: has no grade" in str(error)
    assert error.line == _line_of('id = "mc-chronic-tens"', broken)


def test_a_grade_outside_a_to_f_is_refused() -> None:
    broken = TEXT.replace('grade = "B"', 'grade = "G"', 1)
    error = _refused(broken)
    assert "'G' is not A-F" in str(error) and error.line == _line_of('grade = "G"', broken)


def test_a_missing_source_is_refused_naming_the_line() -> None:
    start = TEXT.index('id = "rp-chronic-traction-combined"')
    cut = TEXT.index("source = ", start)
    broken = TEXT[:cut] + TEXT[TEXT.index("\n", cut) + 1 :]
    error = _refused(broken)
    assert "rp-chronic-traction-combined: has no source" in str(error)
    assert error.line == _line_of('id = "rp-chronic-traction-combined"', broken)


def test_a_category_and_stage_without_an_entry_is_refused() -> None:
    broken = TEXT.replace('stage = "subacute"\nkind = "none"', 'stage = "chronic"\nkind = "none"')
    assert "stage 'subacute'" in str(_refused(broken))


def test_a_file_for_another_checklist_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.interventions.toml"
    path.write_text(TEXT.replace('checklist = "neck-headache-1"', 'checklist = "back-1"'))
    with pytest.raises(ChecklistError, match="'back-1'"):
        load_interventions_file(path, CHECKLIST)


def test_a_signed_file_names_its_lead_and_date() -> None:
    signed = TEXT.replace('status = "unsigned"', 'status = "signed"', 1)
    assert "names the clinical lead" in str(_refused(signed))
    done = signed.replace('clinical_lead = ""', 'clinical_lead = "Dr Example Lead"').replace(
        'signed_on = ""', 'signed_on = "2026-12-01"'
    )
    table = parse_interventions(done, "x", CHECKLIST)
    assert table.sign_off.signed and table.sign_off.signed_on == dt.date(2026, 12, 1)


# --- the selection ------------------------------------------------------------------------


def test_one_category_gives_its_entries_strongest_first() -> None:
    advice = interventions_for(result("mobility_deficits", stage=Stage.CHRONIC))
    assert advice.interventions[0].id == "md-chronic-multimodal"
    assert [e.grade for e in advice.interventions] == ["B", "C", "C"]
    assert advice.reason is None and advice.sign_off == TABLE.sign_off


def test_mixed_categories_are_merged_by_grade() -> None:
    advice = interventions_for(result("radiating_pain", "headache", stage=Stage.CHRONIC))
    ids = [e.id for e in advice.interventions]
    assert set(ids) == {
        "rp-chronic-traction-combined",
        "rp-chronic-education-activity",
        "hd-chronic-manual-exercise",
    }
    assert {e.grade for e in advice.interventions} == {"B"}
    assert ids[0].startswith("rp-")  # equal grades: the result's category order


def test_no_recommendation_comes_with_its_reason_after_graded_ones() -> None:
    advice = interventions_for(result("movement_coordination", "headache", stage=Stage.SUBACUTE))
    kinds = [e.kind for e in advice.interventions]
    assert kinds[-1] == Kind.NONE and Kind.NONE not in kinds[:-1]
    assert "subacute" in advice.interventions[-1].text


@pytest.mark.parametrize("level", [TriageLevel.EMERGENCY, TriageLevel.REFER])
def test_emergency_or_refer_gives_none_and_says_medical_care_first(level: TriageLevel) -> None:
    advice = interventions_for(result("mobility_deficits", triage=level))
    assert advice.interventions == ()
    assert advice.reason is not None and "medical care first" in str(advice.reason)
    assert level.value in str(advice.reason)


def test_an_unknown_stage_gives_none_and_says_why() -> None:
    advice = interventions_for(result("headache", stage=None))
    assert advice.interventions == () and "stage is unknown" in str(advice.reason or "")


def test_no_category_gives_none_and_says_why() -> None:
    advice = interventions_for(result(stage=Stage.ACUTE))
    assert advice.interventions == () and "no provisional category" in str(advice.reason or "")


def test_a_checklist_version_without_a_file_says_so() -> None:
    advice = interventions_for(dataclasses.replace(result("headache"), checklist_version="99"))
    assert advice.interventions == () and "neck-headache-99" in str(advice.reason or "")


# --- hypothesis: over any screening result ------------------------------------------------


def _check(made: ScreeningResult) -> None:
    advice = interventions_for(made)
    medical = made.triage in (TriageLevel.EMERGENCY, TriageLevel.REFER)
    if medical or made.stage is None or not made.categories:
        assert advice.interventions == () and advice.reason
        return
    chosen = advice.interventions
    assert chosen and advice.reason is None
    assert [e.rank for e in chosen] == sorted(e.rank for e in chosen)
    assert len({e.id for e in chosen}) == len(chosen)
    wanted = {c.id for c in made.categories}
    assert {e.category for e in chosen} == wanted  # every category has its entries
    assert all(e.stage == made.stage for e in chosen)


@FAST
@given(categories=st.lists(st.sampled_from(CATEGORIES), unique=True))
def test_any_categories_stage_and_triage(categories: list[str]) -> None:
    for stage in (None, *Stage):
        for level in TriageLevel:
            _check(result(*categories, stage=stage, triage=level))


@FAST
@given(answers=VALID_ANSWERS)
def test_any_evaluated_screening(answers: dict[str, Any]) -> None:
    _check(evaluate(CHECKLIST, answers, on=dt.date(2026, 11, 24)))
