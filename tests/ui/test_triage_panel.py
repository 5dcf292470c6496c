"""The triage panel says why: each fired rule once with its reason, stop first, nothing that
does not apply to this patient (all answers synthetic)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton

from intake import screening
from intake.ui.intake_form import IntakeWizard
from tests.unit.screening.builders import ON, answers_for


@pytest.fixture
def wizard(qtbot) -> IntakeWizard:  # type: ignore[no-untyped-def]
    form = IntakeWizard(None, today=ON)
    qtbot.addWidget(form)
    form.resize(1200, 760)
    form.show()
    qtbot.waitExposed(form)
    return form


def _click(qtbot, form: IntakeWizard, question_id: str, label: str) -> None:  # type: ignore[no-untyped-def]
    form.go_to_question(question_id)
    row = form.rows[question_id]
    button = next(b for b in row.findChildren(QRadioButton) if b.text() == label)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _lines(form: IntakeWizard) -> list[str]:
    return [re.sub("<[^>]+>", "", p) for p in re.findall("<p>(.*?)</p>", form.panel.flags.text())]


def test_each_rule_once_with_its_reason_stop_first_and_no_book_note_under_it(qtbot, wizard):  # type: ignore[no-untyped-def]
    checklist = wizard.checklist
    wizard.load(
        answers_for(checklist, has_headache=True, headache_diagnosed="migraine", cad_dizziness=True)
    )
    _click(qtbot, wizard, "rf_sudden_onset", "Yes")
    _click(qtbot, wizard, "rf_neuro_deficit", "Yes")
    assert wizard.panel.level == "emergency"
    lines = _lines(wizard)
    fired = wizard.screening_result.flags
    reasons = [line for line in lines if re.match(r"(EMERGENCY|REFER|REVIEW|NOTE) – ", line)]
    assert len(reasons) == len(fired) == len({f.id for f in fired}) >= 4
    for flag in fired:  # its own reason, once
        assert sum(flag.rationale in line for line in reasons) == 1
    order = ["EMERGENCY", "REFER", "REVIEW", "NOTE"]
    levels = [order.index(line.split(" – ")[0]) for line in reasons]
    assert levels == sorted(levels) and levels[0] == 0
    assert not any("Book" in line for line in lines)  # never a "book" note under a STOP
    assert len(lines) == len(set(lines))  # no line repeats
    assert "Then tell the clinician on duty" in lines[0]  # the one thing to say, on top


def test_a_referral_for_a_male_patient_never_mentions_pregnancy(qtbot, wizard):  # type: ignore[no-untyped-def]
    wizard.load(answers_for(wizard.checklist, sex="male"))
    _click(qtbot, wizard, "rf_fever", "Yes")
    assert wizard.screening_result.triage == screening.TriageLevel.REFER
    shown = [wizard.panel.advice.text(), wizard.stop_text.text(), wizard.booking_note.text()]
    assert all("physician" in text for text in shown)
    assert not any(re.search("pregnan|obstetric", text, re.I) for text in shown)
    _click(qtbot, wizard, "sex", "Female")
    _click(qtbot, wizard, "pregnancy", "Pregnant")
    assert "obstetric triage" in wizard.panel.advice.text()
