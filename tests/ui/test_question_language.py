"""The patient's language: the questions in it, everything else in the staff's; the
preferred language on the registration form and the record. All answers are synthetic."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QRadioButton

from intake.domain.patient import PatientDraft
from intake.services import intakes, patients
from intake.services.database import Database
from intake.ui.app import style_sheet
from intake.ui.context import UiContext
from intake.ui.intake_form import IntakeWizard
from intake.ui.intake_form.recovery import UnfinishedDraft, merge_unfinished
from intake.ui.journal import Journal, writer
from intake.ui.patients.register_form import PatientRegisterForm
from intake.ui.worker import Worker
from tests.db.practice import desk
from tests.unit.screening.builders import ON

KEY = os.urandom(32)
WAIT = 10_000
HEADACHE_ES = "¿Tiene dolores de cabeza?"
HEADACHE_EN = "Do you have headaches?"


@pytest.fixture
def wizard(qtbot) -> IntakeWizard:  # type: ignore[no-untyped-def]
    form = IntakeWizard(None, today=ON)
    qtbot.addWidget(form)
    form.resize(1200, 760)
    form.show()
    qtbot.waitExposed(form)
    return form


@pytest.fixture
def context(database: Database) -> Iterator[UiContext]:
    worker = Worker()
    yield UiContext(database, desk(database), worker)
    worker.wait_for_done()


def _choose_language(qtbot, form: IntakeWizard, name: str) -> None:  # type: ignore[no-untyped-def]
    """As a person does with the keyboard: focus the box, arrow to the language."""
    box = form.language_choice
    box.setFocus()
    target = box.findText(name)
    key = Qt.Key.Key_Down if target > box.currentIndex() else Qt.Key.Key_Up
    while box.currentIndex() != target:
        qtbot.keyClick(box, key)


def _click(qtbot, form: IntakeWizard, question_id: str, label: str) -> None:  # type: ignore[no-untyped-def]
    form.go_to_question(question_id)
    button = next(b for b in form.rows[question_id].findChildren(QRadioButton) if b.text() == label)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _panel_lines(form: IntakeWizard) -> list[str]:
    return [re.sub("<[^>]+>", "", p) for p in re.findall("<p>(.*?)</p>", form.panel.flags.text())]


def test_the_questions_switch_to_spanish_and_every_answer_stays(qtbot, wizard):  # type: ignore[no-untyped-def]
    assert [wizard.language_choice.itemText(i) for i in range(2)] == ["English", "Español"]
    wizard.go_to_question("symptom_duration_weeks")
    qtbot.keyClicks(wizard.rows["symptom_duration_weeks"].input.focus_widget(), "12")
    _click(qtbot, wizard, "rf_fever", "Yes")
    _click(qtbot, wizard, "has_headache", "Yes")
    before = wizard.answers
    lines = _panel_lines(wizard)
    result = wizard.screening_result
    assert lines and any("REFER" in line for line in lines)
    next_text = wizard.next_button.text()

    _choose_language(qtbot, wizard, "Español")

    assert wizard.language == "es"
    assert HEADACHE_ES in wizard.rows["has_headache"].label.text()
    assert wizard.rows["symptom_duration_weeks"].input.focus_widget().text() == "12"
    assert wizard.answers == before  # nothing typed is lost
    assert wizard.screening_result == result  # same answers, same screening
    assert _panel_lines(wizard) == lines  # the staff's rule messages stay English
    assert wizard.next_button.text() == next_text  # and so does the rest of the screen
    steps = [wizard.steps.item(i).text() for i in range(wizard.steps.count())]
    titles = [section.title for section in wizard.checklist.sections]
    assert all(step.startswith(title) for step, title in zip(steps, titles, strict=False))
    assert wizard.staff_checklist.sections[0].title != titles[0]  # the step titles: Spanish
    assert wizard.language_choice.hasFocus()  # the keyboard stays where it was

    _choose_language(qtbot, wizard, "English")
    assert HEADACHE_EN in wizard.rows["has_headache"].label.text()
    assert wizard.answers == before


def test_an_answer_typed_after_the_switch_counts_and_a_later_step_keeps_its_own(qtbot, wizard):  # type: ignore[no-untyped-def]
    wizard.set_answer("rf_fever", False)  # a step not shown yet
    _choose_language(qtbot, wizard, "Español")
    _click(qtbot, wizard, "has_headache", "Yes")
    assert wizard.answers["has_headache"] is True and wizard.answers["rf_fever"] is False


def test_a_known_patients_intake_starts_in_their_language(qtbot, context):  # type: ignore[no-untyped-def]
    spare = IntakeWizard(context, today=ON, saving=False)  # a form made ahead of need
    qtbot.addWidget(spare)
    spare.begin(None, "Testcase, Synthia", {}, language="es")
    assert spare.language == "es" and spare.language_choice.currentText() == "Español"
    assert HEADACHE_ES in spare.rows["has_headache"].label.text()


def test_the_language_is_kept_with_the_draft_and_comes_back_with_it(qtbot, context, tmp_path):  # type: ignore[no-untyped-def]
    journal = Journal(tmp_path / "journal", KEY)
    draft = PatientDraft("Testcase", "Synthia", dt.date(1980, 5, 6), "female")
    pid = patients.register(context.database, context.actor, draft).id
    form = IntakeWizard(context, patient_id=pid, journal=journal, today=ON, autosave_ms=20)
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.draft_did_save, timeout=WAIT):
        form.set_answer("has_headache", True)
    with qtbot.waitSignal(form.draft_did_save, timeout=WAIT):
        form.set_language("es")  # a change of language alone is kept, like an answer
    assert intakes.get(context.database, context.actor, form.intake_id).patient_language == "es"
    assert writer().wait_until_written()
    (entry,) = journal.read_all()
    assert entry.language == "es"
    for rows in ([], None):  # the database's copy, or this computer's alone
        stored = intakes.list_unfinished(context.database, context.actor) if rows == [] else None
        (unfinished,) = merge_unfinished(journal.read_all(), stored)
        assert unfinished.language == "es"
    again = IntakeWizard.for_draft(context, unfinished, journal=journal, today=ON)
    qtbot.addWidget(again)
    assert again.language == "es" and again.language_choice.currentText() == "Español"
    assert HEADACHE_ES in again.rows["has_headache"].label.text()
    assert again.answers == {"has_headache": True}
    assert not again.keeper.pending  # continuing writes nothing until a person changes it


def test_the_registration_form_offers_each_language_in_its_own_words(  # type: ignore[no-untyped-def]
    qtbot, show_active, context, database
):
    form = PatientRegisterForm(context, today=ON)
    form.resize(1100, 800)
    show_active(form)
    context.worker.wait_for_done()
    box = form.inputs["preferred_language"]
    assert isinstance(box, QComboBox)
    names = [box.itemText(i) for i in range(box.count())]
    assert names[:2] == ["English", "Español"] and "Français" in names
    assert box.currentText() == "English"  # a new patient starts as English
    for name, text in (("family_name", "Langcase"), ("given_name", "Quinn")):
        form.inputs[name].setFocus()
        qtbot.keyClicks(form.inputs[name], text)
    form.inputs["date_of_birth"].setFocus()
    qtbot.keyClicks(form.inputs["date_of_birth"], "1966-06-16")
    form.inputs["sex"].setFocus()
    qtbot.keyClicks(form.inputs["sex"], "F")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText() == "Español"
    with qtbot.waitSignal(form.patient_was_registered, timeout=WAIT) as registered:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = patients.get(database, desk(database), registered.args[0])
    assert stored.preferred_language == "es"


@pytest.fixture
def styled(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The program's style sheet (its item padding is what cut long names short)."""
    qapp.setStyleSheet(style_sheet())
    yield
    qapp.setStyleSheet("")


def test_no_step_name_is_cut_short_in_spanish_on_a_small_screen(qtbot, styled, wizard):  # type: ignore[no-untyped-def]
    wizard.resize(1024 - 180, 560)  # the window at 1024 x 600, less the areas' list
    wizard.set_language("es")
    qtbot.waitUntil(lambda: all(page.built for page in wizard.section_pages), timeout=WAIT)
    steps = wizard.steps
    metrics = steps.fontMetrics()
    for row in range(steps.count()):
        item = steps.item(row)
        painted = steps.visualItemRect(item).adjusted(8, 7, -8, -7)  # intake.qss padding
        wrapped = metrics.boundingRect(
            0, 0, painted.width(), 10_000, Qt.TextFlag.TextWordWrap, item.text()
        )
        assert wrapped.height() <= painted.height() + 1, item.text()


def test_a_draft_in_a_language_the_checklist_lacks_continues_in_english(qtbot):  # type: ignore[no-untyped-def]
    kept = UnfinishedDraft(
        {"has_headache": True}, "neck-headache", "1", dt.datetime.now(dt.UTC), language="fr"
    )
    form = IntakeWizard.for_draft(None, kept, today=ON)
    qtbot.addWidget(form)
    assert form.language == "en" and form.answers == {"has_headache": True}


def test_a_form_made_ahead_in_pieces_is_whole_when_used_even_before_they_were_made(  # type: ignore[no-untyped-def]
    qtbot, context
):
    """The next intake's form is made in pieces, one per turn (issue 25: no long GUI stall);
    a caller opened at once still gets the whole first step, in their language."""
    early = IntakeWizard(context, today=ON, saving=False, made_ahead=True)
    qtbot.addWidget(early)
    assert early.pieces_left == 3 and not early.section_pages  # its steps: a piece too
    early.begin(None, "Testcase, Synthia", {}, language="es")
    assert early.pieces_left == 0 and early.section_pages[0].built
    assert early.step == early.checklist.sections[0].id
    assert HEADACHE_ES in early.rows["has_headache"].label.text()

    later = IntakeWizard(context, today=ON, saving=False, made_ahead=True)
    qtbot.addWidget(later)
    later.make_next_piece()  # its steps, their questions not built yet
    assert later.section_pages and not later.section_pages[0].built
    later.make_next_piece()  # its screening
    assert not later.section_pages[0].built
    later.make_next_piece()  # its first step
    assert later.section_pages[0].built and not later.section_pages[-1].built
    later.make_next_piece()  # whole already: nothing more, nothing kept
    assert later.pieces_left == 0 and later.intake_id is None
