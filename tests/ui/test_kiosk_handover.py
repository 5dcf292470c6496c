"""The tablet's work in the desk's normal flow: a finished self-intake is a draft marked
"from tablet" that the desk opens, checks (the skipped questions marked) and submits; and the
desk hands the tablet to a chosen patient, whom the tablet (its own database connection)
offers by first name and initial and takes through the questions without identification.
Synthetic people only."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from intake.db.models import Intake
from intake.domain.enums import IntakeStatus
from intake.domain.patient import PatientDraft
from intake.screening import QuestionType
from intake.services import intakes, patient_record, patients, self_intake
from intake.services.database import Database, open_database
from intake.ui.context import UiContext
from intake.ui.front_desk import FrontDeskPage
from intake.ui.intake_form.recovery import UnfinishedDraft
from intake.ui.intake_form.wizard import IntakeWizard
from intake.ui.journal import Journal, writer
from intake.ui.kiosk import language as kiosk_language
from intake.ui.kiosk.answers import ButtonsAnswer, DateAnswer, NumberAnswer
from intake.ui.kiosk.session import KioskSession
from intake.ui.kiosk.window import KioskWindow
from intake.ui.patients.record_view import INTAKES, RecordView
from intake.ui.worker import Worker
from tests.db.practice import NOW, build, desk
from tests.ui.test_front_desk import _answer_by_keyboard

WAIT = 15_000
SHOTS = os.environ.get("KIOSK_SHOTS")  # a folder: the screens of these tests as PNG files
# What the patient typed on the tablet: the rest of the questions were left unanswered.
ON_THE_TABLET = {"sex": "female", "pregnancy": "no", "has_neck_pain": True, "has_headache": False}


def _shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


def _register(database: Database, given: str, family: str) -> int:
    draft = PatientDraft(family, given, dt.date(1975, 6, 7), "female")
    return patients.register(database, desk(database), draft).id


@pytest.fixture
def front_desk(qtbot, show_active, database: Database, tmp_path) -> Iterator[FrontDeskPage]:  # type: ignore[no-untyped-def]
    context = UiContext(database, desk(database), Worker())
    page = FrontDeskPage(context, Journal(tmp_path / "desk", os.urandom(32)), clock=lambda: NOW)
    page.resize(1366, 768)
    show_active(page)
    yield page
    context.worker.wait_for_done()
    writer().wait_until_written()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_a_tablet_draft_is_offered_from_tablet_opens_with_the_skipped_marked_and_submits(  # type: ignore[no-untyped-def]
    qtbot, front_desk, database, database_url, size
):
    build(database)
    patient = _register(database, "Tabby", "Testcase-Tablet")
    tablet_db = open_database(database_url)  # the tablet is another computer
    try:
        made = self_intake.save_draft(
            tablet_db, desk(tablet_db), ON_THE_TABLET, patient_id=patient, language="en"
        )
    finally:
        tablet_db.close()
    front_desk.resize(*size)
    with qtbot.waitSignal(front_desk.recovery.list.model().rowsInserted, timeout=WAIT):
        front_desk.refresh_unfinished()
    qtbot.waitUntil(lambda: front_desk.recovery.list.count() > 0, timeout=WAIT)
    item = front_desk.recovery.list.item(0)
    draft = item.data(Qt.ItemDataRole.UserRole)
    assert isinstance(draft, UnfinishedDraft) and draft.intake_id == made.id
    assert "from tablet" in item.text() and "Testcase-Tablet, Tabby" in item.text()

    front_desk.recovery.list.setCurrentRow(0)
    with qtbot.waitSignal(front_desk.intake_did_start, timeout=WAIT) as started:
        qtbot.mouseClick(front_desk.recovery.continue_button, Qt.MouseButton.LeftButton)
    wizard: IntakeWizard = started.args[0]
    assert wizard.from_tablet and wizard.tablet_notice.isVisible()
    assert "Filled in by the patient on the tablet" in wizard.tablet_notice.text()
    skipped = wizard.skipped_on_tablet()
    assert "dob" in skipped and "symptom_duration_weeks" in skipped
    assert not set(ON_THE_TABLET) & set(skipped)  # what the patient answered is not marked
    dob = wizard.rows["dob"]
    assert dob.skipped and dob.skipped_note is not None and dob.skipped_note.isVisible()
    assert "Skipped on the tablet" in dob.skipped_note.text()
    assert not wizard.rows["sex"].skipped
    assert wizard.answers["sex"] == "female"  # the patient's answers, as they gave them
    _shot(front_desk.window(), f"desk-tablet-draft-{size[0]}x{size[1]}")

    # The desk goes through the rest with the patient, by keyboard, and submits.
    wizard.go_to_step(0)
    wizard.rows["dob"].input.focus_widget().setFocus()
    _answer_by_keyboard(qtbot, wizard)
    assert not wizard.rows["dob"].skipped  # answered now: the mark goes
    assert wizard.screening_result.complete and wizard.booking_allowed
    with qtbot.waitSignal(wizard.intake_did_submit, timeout=WAIT):
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    with database.reading() as s:
        row = s.get(Intake, made.id)
        assert row is not None and row.status == IntakeStatus.SUBMITTED.value
        assert row.source == "tablet" and row.answers["sex"] == "female"
    record = patient_record.overview(database, desk(database), patient)
    assert [line.source for line in record.intakes] == ["tablet"]


def test_the_record_lists_a_tablet_draft_as_from_tablet(qtbot, database):  # type: ignore[no-untyped-def]
    from intake.ui.patients.record_lists import intake_rows

    build(database, patients_count=1)
    patient = _register(database, "Tabby", "Testcase-Tablet")
    handed = self_intake.start_on_tablet(database, desk(database), patient)
    record = patient_record.overview(database, desk(database), patient)
    [(cells, _line)] = intake_rows(record)
    assert cells[-1] == "Handed to the tablet, not started yet"
    self_intake.save_draft(
        database, desk(database), ON_THE_TABLET, intake_id=handed.id, version=handed.version
    )
    record = patient_record.overview(database, desk(database), patient)
    [(cells, _line)] = intake_rows(record)
    assert cells[-1].startswith("From tablet")


def test_an_empty_handover_is_not_unfinished_work_and_a_new_one_replaces_it(database):  # type: ignore[no-untyped-def]
    build(database, patients_count=1)
    first = _register(database, "Ann", "Testcase-Hand")
    second = _register(database, "Bea", "Testcase-Over")
    actor = desk(database)
    self_intake.start_on_tablet(database, actor, first)
    ready = self_intake.ready_for_tablet(database, actor)
    assert ready is not None and (ready.patient_id, ready.label) == (first, "Ann T.")
    assert intakes.list_unfinished(database, actor) == []  # nothing to check yet
    self_intake.start_on_tablet(database, actor, second)
    ready = self_intake.ready_for_tablet(database, actor)
    assert ready is not None and ready.patient_id == second
    with database.reading() as s:
        states = {r.patient_id: r.status for r in s.query(Intake)}
    assert states == {first: "discarded", second: "draft"}  # one patient at a time
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=self_intake.HANDOVER_MINUTES + 1)
    assert self_intake.ready_for_tablet(database, actor, now=later) is None  # short-lived


def _answer_calmly_but_skip(qtbot, session: KioskSession, skip: set[str]) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: session.page == "questions", timeout=WAIT)
    while session.page == "questions":
        for card in session.cards:
            answer, question = card.answer, card.question
            if question.id in skip:
                continue
            if isinstance(answer, ButtonsAnswer):
                if question.type == QuestionType.YESNO:
                    target = answer.buttons[1][1]
                elif question.type == QuestionType.MULTI:
                    target = answer.buttons[-1][1]
                else:
                    target = answer.buttons[0][1]
                qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
            elif isinstance(answer, NumberAnswer):
                qtbot.keyClicks(answer.field, "2")
            elif isinstance(answer, DateAnswer):
                for part, text in zip((answer.day, answer.month, answer.year), ("7", "6", "1975"),
                                      strict=True):  # fmt: skip
                    qtbot.keyClicks(part, text)
        qtbot.mouseClick(session.next_button, Qt.MouseButton.LeftButton)


def test_the_desk_hands_the_tablet_to_a_patient_who_skips_identification(  # type: ignore[no-untyped-def]
    qtbot, database, database_url, tmp_path, monkeypatch
):
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))  # the PC's last tablet choice
    practice = build(database, patients_count=2)
    patient = _register(database, "Tabby", "Testcase-Tablet")
    # The desk, on its own connection: the record's "Start self-intake on tablet…".
    desk_db = open_database(database_url)
    desk_context = UiContext(desk_db, desk(desk_db), Worker())
    view = RecordView(desk_context)
    qtbot.addWidget(view)
    view.show_record(patient_record.overview(desk_db, desk(desk_db), patient))
    view.resize(1024, 600)
    view.show()
    view.tabs.setCurrentIndex(INTAKES)  # the button sits under the record's intakes
    assert view.start_on_tablet.isVisible()
    # The tablet, on another.
    context = UiContext(database, desk(database), Worker())
    kiosk = KioskWindow(
        context, Journal(tmp_path / "tablet", os.urandom(32)), location_id=practice.east
    )
    kiosk.resize(1280, 800)
    qtbot.addWidget(kiosk)
    kiosk.show()
    try:
        qtbot.waitUntil(lambda: not kiosk._asking, timeout=WAIT)
        assert kiosk.ready_box.isHidden()  # nobody handed over yet
        with qtbot.waitSignal(view.tablet_dialog_did_open, timeout=WAIT) as asked:
            qtbot.mouseClick(view.start_on_tablet, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(view.tablet_was_handed, timeout=WAIT):  # East's tablet: first
            qtbot.mouseClick(asked.args[0].hand_over, Qt.MouseButton.LeftButton)
        assert "Ready for" in view.tablet_status.text() and view.tablet_status.isVisible()
        _shot(view, "record-handed-1024x600")
        with qtbot.waitSignal(kiosk.handover_did_change, timeout=WAIT):
            kiosk.check_handover()
        ready = kiosk.ready_buttons["en"]
        assert ready.isVisible() and ready.text() == "Ready for: Tabby T. — tap to start"
        words = [*kiosk.findChildren(QLabel), *kiosk.findChildren(QPushButton)]
        shown = " ".join(w.text() for w in words if w.isVisible())
        assert "Testcase" not in shown and "1975" not in shown  # a first name and an initial
        _shot(kiosk, "kiosk-ready-1280x800")

        with qtbot.waitSignal(kiosk.session_did_start) as started:
            qtbot.mouseClick(ready, Qt.MouseButton.LeftButton)
        session: KioskSession = started.args[0]
        assert session.page == "questions"  # no name and date of birth to type
        assert session.patient_id == patient and kiosk.ready_box.isHidden()
        _answer_calmly_but_skip(qtbot, session, {"pain_worst"})
        assert session.page == "done"
        qtbot.waitUntil(
            lambda: not session.keeper.pending and (session.keeper.version or 0) > 1, timeout=WAIT
        )
        with database.reading() as s:
            [row] = s.query(Intake).all()  # the desk's handover draft, filled in
        assert (row.patient_id, row.source, row.status) == (patient, "tablet", "draft")
        assert row.answers["dob"] == "1975-06-07" and len(row.answers) > 30
        assert "pain_worst" not in row.answers  # skipped: for the desk to ask
        with qtbot.waitSignal(kiosk.did_reset):
            qtbot.mouseClick(session.finish_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not kiosk._asking, timeout=WAIT)
        assert kiosk.ready_box.isHidden()  # the handover was used: nobody is ready now
        # The desk finds it as unfinished work from the tablet.
        [waiting] = intakes.list_unfinished(desk_db, desk(desk_db))
        assert waiting.id == row.id and waiting.source == "tablet"
    finally:
        kiosk.stop_watching()
        kiosk_language.use(kiosk_language.ENGLISH)
        context.worker.wait_for_done()
        desk_context.worker.wait_for_done()
        writer().wait_until_written()
        desk_db.close()


def test_a_passer_by_who_taps_a_language_must_identify_and_the_handover_waits(  # type: ignore[no-untyped-def]
    qtbot, database, tmp_path
):
    practice = build(database, patients_count=1)
    patient = _register(database, "Tabby", "Testcase-Tablet")
    self_intake.start_on_tablet(database, desk(database), patient)
    context = UiContext(database, desk(database), Worker())
    kiosk = KioskWindow(
        context, Journal(tmp_path / "tablet", os.urandom(32)), location_id=practice.east
    )
    qtbot.addWidget(kiosk)
    kiosk.show()
    try:
        with qtbot.waitSignal(kiosk.handover_did_change, timeout=WAIT):
            kiosk.check_handover()
        assert kiosk.ready_buttons["es"].text() == "Tabby T. — Español"
        with qtbot.waitSignal(kiosk.session_did_start) as started:
            qtbot.mouseClick(kiosk.language_buttons["es"], Qt.MouseButton.LeftButton)
        session: KioskSession = started.args[0]
        assert session.page == "identify" and session.patient_id is None
        with qtbot.waitSignal(kiosk.did_reset):
            kiosk.reset()  # walked off: the handover is offered again
        qtbot.waitUntil(lambda: kiosk.ready_box.isVisible(), timeout=WAIT)
        with qtbot.waitSignal(kiosk.session_did_start) as started:
            qtbot.mouseClick(kiosk.ready_buttons["es"], Qt.MouseButton.LeftButton)
        session = started.args[0]
        assert (session.page, session.patient_id, session.language) == ("questions", patient, "es")
    finally:
        kiosk.stop_watching()
        kiosk_language.use(kiosk_language.ENGLISH)
        context.worker.wait_for_done()
        writer().wait_until_written()
