"""The patient's Finish on the tablet reaches the desk: the unfinished list and the opened
draft say "finished on the tablet", or "not finished (still on the tablet?)" for a draft
whose patient has not touched Finish. Synthetic people only."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from intake.db.models import Intake
from intake.domain.patient import PatientDraft
from intake.services import patients, self_intake
from intake.services.database import Database
from intake.ui.context import UiContext
from intake.ui.front_desk import FrontDeskPage
from intake.ui.intake_form.recovery import UnfinishedDraft
from intake.ui.intake_form.wizard import IntakeWizard
from intake.ui.journal import Journal, writer
from intake.ui.kiosk import language as kiosk_language
from intake.ui.kiosk.session import KioskSession
from intake.ui.kiosk.window import KioskWindow
from intake.ui.worker import Worker
from tests.db.practice import NOW, build, desk
from tests.ui.test_kiosk_handover import _answer_calmly_but_skip

WAIT = 15_000
SHOTS = os.environ.get("TABLET_SHOTS")  # a folder: the desk's list as a PNG file


def _register(database: Database, given: str) -> int:
    draft = PatientDraft("Testcase-Finish", given, dt.date(1976, 2, 3), "female")
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


def _finished_at(database: Database, intake_id: int) -> dt.datetime | None:
    with database.reading() as session:
        row = session.get(Intake, intake_id)
        assert row is not None
        return row.finished_at


def test_finish_on_the_tablet_tells_the_desk_which_drafts_are_done(  # type: ignore[no-untyped-def]
    qtbot, front_desk, database, tmp_path
):
    practice = build(database, patients_count=0)
    # A patient left the tablet half-way: answers kept, Finish never touched.
    half = self_intake.save_draft(
        database, desk(database), {"has_neck_pain": True}, patient_id=_register(database, "Hal")
    )
    done = _register(database, "Donna")
    handed = self_intake.start_on_tablet(database, desk(database), done, location_id=practice.east)
    context = UiContext(database, desk(database), Worker())
    kiosk = KioskWindow(
        context, Journal(tmp_path / "tablet", os.urandom(32)), location_id=practice.east
    )
    qtbot.addWidget(kiosk)
    kiosk.resize(1280, 800)
    kiosk.show()
    try:
        qtbot.waitUntil(lambda: not kiosk._asking, timeout=WAIT)
        if kiosk.ready_box.isHidden():
            with qtbot.waitSignal(kiosk.handover_did_change, timeout=WAIT):
                kiosk.check_handover()
        with qtbot.waitSignal(kiosk.session_did_start) as started:
            qtbot.mouseClick(kiosk.ready_buttons["en"], Qt.MouseButton.LeftButton)
        session: KioskSession = started.args[0]
        _answer_calmly_but_skip(qtbot, session, set())
        assert session.page == "done"
        assert _finished_at(database, handed.id) is None  # saved, not finished yet
        with qtbot.waitSignal(kiosk.did_reset):
            qtbot.mouseClick(session.finish_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: _finished_at(database, handed.id) is not None, timeout=WAIT)
    finally:
        kiosk.stop_watching()
        kiosk_language.use(kiosk_language.ENGLISH)
        context.worker.wait_for_done()

    with qtbot.waitSignal(front_desk.recovery.list.model().rowsInserted, timeout=WAIT):
        front_desk.refresh_unfinished()
    qtbot.waitUntil(lambda: front_desk.recovery.list.count() == 2, timeout=WAIT)
    lines = {}
    for row in range(2):
        item = front_desk.recovery.list.item(row)
        draft = item.data(Qt.ItemDataRole.UserRole)
        assert isinstance(draft, UnfinishedDraft)
        lines[draft.intake_id] = (row, item.text())
    assert "from tablet · finished on the tablet" in lines[handed.id][1]
    assert "from tablet · not finished (still on the tablet?)" in lines[half.id][1]
    if SHOTS:
        front_desk.window().grab().save(os.path.join(SHOTS, "unfinished-finished-mark.png"))

    front_desk.recovery.list.setCurrentRow(lines[handed.id][0])
    with qtbot.waitSignal(front_desk.intake_did_start, timeout=WAIT) as opened:
        qtbot.mouseClick(front_desk.recovery.continue_button, Qt.MouseButton.LeftButton)
    wizard: IntakeWizard = opened.args[0]
    assert wizard.tablet_notice.isVisible()
    assert "They finished on the tablet." in wizard.tablet_notice.text()


def test_a_draft_opened_before_finish_says_it_may_still_be_on_the_tablet(  # type: ignore[no-untyped-def]
    qtbot, front_desk, database
):
    build(database, patients_count=0)
    half = self_intake.save_draft(
        database, desk(database), {"has_neck_pain": True}, patient_id=_register(database, "Hal")
    )
    with qtbot.waitSignal(front_desk.recovery.list.model().rowsInserted, timeout=WAIT):
        front_desk.refresh_unfinished()
    qtbot.waitUntil(lambda: front_desk.recovery.list.count() == 1, timeout=WAIT)
    assert front_desk.recovery.list.item(0).data(Qt.ItemDataRole.UserRole).intake_id == half.id
    front_desk.recovery.list.setCurrentRow(0)
    with qtbot.waitSignal(front_desk.intake_did_start, timeout=WAIT) as opened:
        qtbot.keyClick(front_desk.recovery.list, Qt.Key.Key_Return)
    wizard: IntakeWizard = opened.args[0]
    assert "have not finished (still on the tablet?)" in wizard.tablet_notice.text()
