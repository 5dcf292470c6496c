"""Emergency dead end, as the front desk and the clinician meet it: the caller must hang up
and get care, so the intake closes here with what was asked; the clinician on duty sees it;
a draft nobody will finish is discarded with a reason. Synthetic patients and answers only."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton

from intake.domain.enums import ClosingReason, IntakeStatus, Role
from intake.domain.patient import PatientDraft
from intake.services import intakes, patients
from intake.services.database import Database
from intake.ui.context import UiContext
from intake.ui.front_desk import FIND, INTAKE, FrontDeskPage
from intake.ui.intake_form.wizard import IntakeWizard
from intake.ui.journal import Journal, writer
from intake.ui.review import ReviewPage
from intake.ui.worker import Worker
from tests.db.practice import NOW, desk, signed_in

WAIT = 15_000
ON = dt.date.today()


def _patient(database: Database, given: str = "Sammy") -> int:
    draft = PatientDraft("Testcase", given, dt.date(1971, 2, 3), "male")
    return patients.register(database, desk(database), draft).id


@pytest.fixture
def front(qtbot, show_active, database: Database, tmp_path) -> Iterator[FrontDeskPage]:  # type: ignore[no-untyped-def]
    context = UiContext(database, desk(database), Worker())
    page = FrontDeskPage(context, Journal(tmp_path / "journal", os.urandom(32)), clock=lambda: NOW)
    page.resize(1366, 768)
    show_active(page)
    yield page
    context.worker.wait_for_done()


def _click(qtbot, wizard: IntakeWizard, question_id: str, label: str) -> None:  # type: ignore[no-untyped-def]
    wizard.go_to_question(question_id)
    row = wizard.rows[question_id]
    button = next(b for b in row.findChildren(QRadioButton) if b.text() == label)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _start(qtbot, front: FrontDeskPage, patient_id: int) -> IntakeWizard:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(front.intake_did_start, timeout=WAIT) as started:
        front.open_patient(patient_id)  # as the search hands over the caller
    wizard: IntakeWizard = started.args[0]
    return wizard


def test_an_emergency_closes_the_intake_from_the_stop_bar(qtbot, front, database, monkeypatch):  # type: ignore[no-untyped-def]
    pid = _patient(database)
    wizard = _start(qtbot, front, pid)
    _click(qtbot, wizard, "has_headache", "Yes")
    _click(qtbot, wizard, "rf_neuro_deficit", "Yes")
    assert wizard.stop_bar.isVisible() and len(wizard.screening_result.missing) > 10
    assert not wizard.finish_button.isEnabled()  # the dead end: finishing needs every answer
    assert wizard.close_button.isVisible()
    assert wizard.close_button.text() == "Close as emergency referral"

    # One question first: a slip of the mouse must not end an intake for good.
    asked: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(
        IntakeWizard,
        "ask_close",
        classmethod(lambda _cls, _parent, words, _n: asked.append(words) or next(answers)),
    )
    qtbot.mouseClick(wizard.close_button, Qt.MouseButton.LeftButton)
    assert asked == ["Close as emergency referral"]
    assert front.stack.currentIndex() == INTAKE and wizard.close_button.isEnabled()
    with qtbot.waitSignal(wizard.intake_did_close, timeout=WAIT) as closed:
        qtbot.mouseClick(wizard.close_button, Qt.MouseButton.LeftButton)

    info = closed.args[0]
    assert (info.status, info.closing_reason) == (
        IntakeStatus.CLOSED,
        ClosingReason.EMERGENCY_REFERRAL,
    )
    assert info.answers["rf_neuro_deficit"] is True and info.patient_id == pid
    assert front.stack.currentIndex() == FIND  # back to the next caller
    assert writer().wait_until_written()
    assert front.journal.read_all() == []  # no copy left on this computer
    assert intakes.list_unfinished(database, front.context.actor) == []  # nor a draft
    qtbot.waitUntil(lambda: front.recovery.list.count() == 0, timeout=WAIT)


def test_a_referral_offers_close_as_referral_and_a_clear_screen_none(qtbot, front, database):  # type: ignore[no-untyped-def]
    wizard = _start(qtbot, front, _patient(database))
    assert front.stack.currentIndex() == INTAKE
    assert not wizard.close_button.isVisible()
    _click(qtbot, wizard, "rf_fever", "Yes")
    assert wizard.close_button.isVisible() and wizard.close_button.text() == "Close as referral"
    _click(qtbot, wizard, "rf_fever", "No")
    assert not wizard.close_button.isVisible()


def test_the_clinician_on_duty_sees_the_closed_emergency_above_the_queue(  # type: ignore[no-untyped-def]
    qtbot, show_active, database
):
    closed = intakes.close_as_referral(
        database,
        desk(database),
        {"has_headache": True, "rf_neuro_deficit": True},
        patient_id=_patient(database),
        on=ON,
    )
    context = UiContext(database, signed_in(database, Role.THERAPIST), Worker())
    page = ReviewPage(context)
    page.resize(1366, 768)
    with qtbot.waitSignal(page.queue.referrals.list_did_load, timeout=WAIT):
        show_active(page)
    referrals = page.queue.referrals
    assert referrals.isVisible() and referrals.list.count() == 1
    line = referrals.list.item(0).text()
    assert line.startswith("CLOSED AS EMERGENCY REFERRAL · Testcase, Sammy")
    assert "tell the clinician on duty (1)" in referrals.title.text()
    rect = referrals.list.visualItemRect(referrals.list.item(0))
    qtbot.mouseClick(referrals.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.review_screen.review_did_load, timeout=WAIT):
        qtbot.keyClick(referrals.list, Qt.Key.Key_Return)
    screen = page.review_screen
    assert screen.review is not None and screen.review.key.intake_id == closed.id
    assert "Closed as emergency referral" in screen.sign_off_state.text()
    assert "not seen by a clinician yet" in screen.sign_off_state.text()
    with qtbot.waitSignal(screen.intake_was_signed, timeout=WAIT):
        qtbot.mouseClick(screen.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "seen by" in screen.sign_off_state.text(), timeout=WAIT)
    with qtbot.waitSignal(referrals.list_did_load, timeout=WAIT):
        qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert referrals.list.count() == 0 and not referrals.isVisible()
    context.worker.wait_for_done()


def test_a_draft_is_discarded_with_a_reason_from_the_unfinished_list(qtbot, front, database):  # type: ignore[no-untyped-def]
    draft = intakes.save_draft(
        database,
        front.context.actor,
        {"has_headache": True, "rf_fever": True},
        patient_id=_patient(database),
        on=ON,
    )
    front.refresh_unfinished()
    recovery = front.recovery
    qtbot.waitUntil(lambda: recovery.list.count() == 1, timeout=WAIT)
    assert recovery.list.item(0).text().startswith("REFER · Testcase, Sammy")  # its triage
    recovery.list.setFocus()
    recovery.list.setCurrentRow(0)
    qtbot.mouseClick(recovery.discard_button, Qt.MouseButton.LeftButton)
    assert recovery.reason.isVisible()
    qtbot.mouseClick(recovery.confirm_discard, Qt.MouseButton.LeftButton)
    assert "Say why" in recovery.message.text()  # a reason is required
    qtbot.keyClicks(recovery.reason, "Entered twice")
    qtbot.keyClick(recovery.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: recovery.list.count() == 0, timeout=WAIT)
    assert intakes.get(database, front.context.actor, draft.id).status == IntakeStatus.DISCARDED
