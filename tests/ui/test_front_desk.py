"""The front desk's whole path, by keyboard: find the caller, take the intake, book.

Synthetic patients and answers only.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from sqlalchemy import text

from intake.screening import QuestionType
from intake.services.database import Database
from intake.ui.booking.booking_panel import BookingPanel
from intake.ui.context import UiContext
from intake.ui.front_desk import FrontDeskPage
from intake.ui.intake_form.wizard import SUMMARY, IntakeWizard, _owning_row
from intake.ui.journal import Journal
from intake.ui.worker import Worker
from tests.db.practice import NOW, build
from tests.db.practice import desk as desk_of

# What a receptionist types for each kind of question on this caller's call.
TYPED = {"symptom_duration_weeks": "4", "pain_now": "3", "pain_best": "1", "pain_worst": "5"}


@pytest.fixture
def desk(qtbot, show_active, database: Database, tmp_path):  # type: ignore[no-untyped-def]
    practice = build(database)
    context = UiContext(database, desk_of(database), Worker())
    page = FrontDeskPage(context, Journal(tmp_path / "journal", os.urandom(32)), clock=lambda: NOW)
    page.resize(1366, 800)
    show_active(page)
    yield page, practice
    context.worker.wait_for_done()


def _answer_by_keyboard(qtbot, wizard: IntakeWizard) -> list[str]:  # type: ignore[no-untyped-def]
    """Answer whatever question has the focus, as a person would, until the summary."""
    seen: list[str] = []
    for _ in range(400):
        if wizard.step == SUMMARY:
            return seen
        focus = QApplication.focusWidget()
        row = _owning_row(focus)
        if row is None:  # a step without a focused question: move on
            qtbot.keyClick(focus or wizard, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
            continue
        question = row.question
        seen.append(question.id)
        if wizard.answers.get(question.id) is None:  # a filled-in answer is confirmed with Enter
            _type_answer(qtbot, focus, row, question)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    raise AssertionError(f"never reached the summary; answered {seen[-10:]}")


def _type_answer(qtbot, focus: QWidget, row, question) -> None:  # type: ignore[no-untyped-def]
    kind = question.type
    if kind == QuestionType.YESNO:
        qtbot.keyClick(focus, Qt.Key.Key_Y if question.id.startswith("consent_") else Qt.Key.Key_N)
    elif kind == QuestionType.CHOICE and isinstance(focus, QComboBox):
        qtbot.keyClick(focus, Qt.Key.Key_Down)  # a long list: the first real choice
    elif kind == QuestionType.CHOICE:
        qtbot.keyClick(focus, Qt.Key.Key_Space)  # the first choice
    elif kind == QuestionType.MULTI:
        for _ in row.input.boxes:  # Tab past the boxes to "None of these"
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    elif kind == QuestionType.DATE:
        qtbot.keyClicks(focus, "1979-04-12")
    elif kind in (QuestionType.NUMBER, QuestionType.SCALE):
        qtbot.keyClicks(focus, TYPED.get(question.id, "1"))


def test_a_whole_intake_typed_by_keyboard_and_booked(qtbot, desk):  # type: ignore[no-untyped-def]
    page, practice = desk
    with qtbot.waitSignal(page.search.results_did_arrive, timeout=10_000):
        qtbot.keyClicks(
            page.search.findChild(QWidget, "patientSearchBox") or QApplication.focusWidget(),
            "sample0 testcase0",
        )
    with qtbot.waitSignal(page.intake_did_start, timeout=10_000) as started:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    wizard: IntakeWizard = started.args[0]
    assert wizard.patient_id == practice.patients[0]
    # The record's date of birth and sex are filled in already.
    assert wizard.answers["dob"] == "1980-01-01" and wizard.answers["sex"] == "other"
    answered = _answer_by_keyboard(qtbot, wizard)
    assert {"rf_sudden_onset", "consent_treatment"} <= set(answered)
    assert wizard.screening_result.complete
    assert wizard.booking_allowed
    with qtbot.waitSignal(wizard.intake_did_submit, timeout=15_000):
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    panel = page.booking
    assert panel is not None
    with qtbot.waitSignal(panel.slots_did_load, timeout=15_000):
        panel.search_now()
    panel.view.setFocus()
    with qtbot.waitSignal(page.visit_was_booked, timeout=15_000) as booked:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    visit = booked.args[0]
    assert visit.patient_id == practice.patients[0]
    assert visit.intake_id is not None and not visit.needs_review


def test_the_next_form_is_made_ahead_keeps_nothing_and_is_used(  # type: ignore[no-untyped-def]
    qtbot, desk, database: Database, tmp_path
):
    page, practice = desk
    qtbot.waitUntil(
        lambda: page._spare is not None and isinstance(page._spare.booking_widget, BookingPanel)
    )
    spare = page._spare
    # Made ahead over several idle turns (the form, its steps, its screening, its first
    # step, its booking panel, that panel put in place): each a short piece; the other
    # steps' questions wait until it is used.
    assert spare.section_pages[0].built and not spare.section_pages[-1].built
    # A form nobody uses keeps nothing: nothing written, nothing waiting to be.
    assert spare.keeper.state is None and not spare.keeper.pending
    assert not list((tmp_path / "journal").glob("*"))
    with database.reading() as session:
        assert session.execute(text("SELECT count(*) FROM intakes")).scalar() == 0
    with qtbot.waitSignal(page.search.results_did_arrive, timeout=10_000):
        qtbot.keyClicks(QApplication.focusWidget(), "sample0 testcase0")
    with qtbot.waitSignal(page.intake_did_start, timeout=10_000) as started:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    wizard = started.args[0]
    assert wizard is spare and wizard.isVisible()  # shown, not built while the caller waits
    assert wizard.patient_id == practice.patients[0]
    assert "testcase0" in wizard.patient_label.text().lower()
    qtbot.waitUntil(lambda: wizard.intake_id is not None, timeout=10_000)  # now it keeps
    qtbot.waitUntil(lambda: all(step.built for step in wizard.section_pages))
    assert page._spare is None  # the next one is made once the desk is back at the search
    page.show_find()
    qtbot.waitUntil(lambda: page._spare is not None and page._spare is not wizard)


def test_a_booking_panel_made_ahead_is_the_one_put_in_place(qtbot, desk):  # type: ignore[no-untyped-def]
    """Made on one turn and put in place on the next (or when the form is opened sooner):
    one panel either way, never a second one left lying under the first."""
    page, _practice = desk
    wizard = page._new_wizard(made_ahead=True)
    wizard.finish_making()
    made = page._booking_panel_for(wizard)
    assert made.isHidden() and wizard.booking_widget is not made
    assert page._booking_panel_for(wizard) is made  # asked again before it is in place
    page._attach_booking(wizard)
    page._attach_booking(wizard)  # the opened form asks too: nothing more happens
    assert wizard.booking_widget is made and not made.isHidden()
    assert wizard.booking_area.findChildren(BookingPanel) == [made]


def test_a_spanish_speakers_intake_starts_with_the_questions_in_spanish(  # type: ignore[no-untyped-def]
    qtbot, desk, database: Database
):
    page, practice = desk
    with database.engine.begin() as conn:  # the record says the patient prefers Spanish
        conn.execute(
            text("UPDATE patients SET preferred_language = 'es' WHERE id = :p"),
            {"p": practice.patients[0]},
        )
    with qtbot.waitSignal(page.search.results_did_arrive, timeout=10_000):
        qtbot.keyClicks(QApplication.focusWidget(), "sample0 testcase0")
    with qtbot.waitSignal(page.intake_did_start, timeout=10_000) as started:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    wizard: IntakeWizard = started.args[0]
    assert wizard.language == "es" and wizard.language_choice.currentText() == "Español"
    assert "¿" in wizard.rows["dob"].label.text()
    assert wizard.answers["dob"] == "1980-01-01"  # the record's answers filled in as ever
    assert wizard.next_button.text() == "Next step ▶"  # the staff's screen stays English
