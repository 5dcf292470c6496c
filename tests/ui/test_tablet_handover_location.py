"""The desk chooses which location's tablet gets the patient: a small dialog offering this
PC's last choice first; the handover goes to that tablet only. Synthetic people only."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from intake.db.models import Intake
from intake.domain.patient import PatientDraft
from intake.services import patient_record, patients
from intake.services.database import Database
from intake.ui.context import UiContext
from intake.ui.journal import Journal, writer
from intake.ui.kiosk.window import KioskWindow
from intake.ui.patients.record_view import INTAKES, RecordView
from intake.ui.patients.tablet_handover import LAST_TABLET, TabletHandoverDialog, pc_choices
from intake.ui.worker import Worker
from tests.db.practice import build, desk

WAIT = 15_000
SHOTS = os.environ.get("TABLET_SHOTS")  # a folder: the dialog as a PNG file


@pytest.fixture
def record(qtbot, database: Database, tmp_path, monkeypatch) -> Iterator[RecordView]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))  # this PC's choices
    context = UiContext(database, desk(database), Worker())
    view = RecordView(context)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    yield view
    context.worker.wait_for_done()
    writer().wait_until_written()


def _show(view: RecordView, database: Database, given: str) -> int:
    draft = PatientDraft("Testcase-Where", given, dt.date(1977, 8, 9), "other")
    patient = patients.register(database, desk(database), draft).id
    view.show_record(patient_record.overview(database, desk(database), patient))
    view.tabs.setCurrentIndex(INTAKES)
    return patient


def _ask(qtbot, view: RecordView) -> TabletHandoverDialog:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(view.tablet_dialog_did_open, timeout=WAIT) as asked:
        qtbot.mouseClick(view.start_on_tablet, Qt.MouseButton.LeftButton)
    dialog: TabletHandoverDialog = asked.args[0]
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    return dialog


def _handed_to(database: Database, patient: int) -> int | None:
    with database.reading() as session:
        [row] = session.query(Intake).filter(Intake.patient_id == patient).all()
        return row.location_id


def test_the_desk_picks_the_tablet_and_this_pc_remembers_it(qtbot, record, database, tmp_path):  # type: ignore[no-untyped-def]
    practice = build(database, patients_count=0)
    first = _show(record, database, "Firsty")
    dialog = _ask(qtbot, record)
    assert [dialog.location.itemText(i) for i in range(dialog.location.count())] == [
        "Test Site East (EAST)",
        "Test Site West (WEST)",
    ]
    assert "Firsty" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    # Keyboard only: the list has the focus, Down picks West, Enter hands over.
    qtbot.waitUntil(dialog.location.hasFocus, timeout=WAIT)
    qtbot.keyClick(dialog.location, Qt.Key.Key_Down)
    assert dialog.location.currentText() == "Test Site West (WEST)"
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "tablet-location-dialog.png"))
    with qtbot.waitSignal(record.tablet_was_handed, timeout=WAIT):
        qtbot.keyClick(dialog.location, Qt.Key.Key_Return)
    assert _handed_to(database, first) == practice.west
    assert "Ready for" in record.tablet_status.text()
    assert pc_choices(tmp_path / "this_pc.ini").value(LAST_TABLET) == "WEST"

    # The next handover on this PC offers West first: one click hands it over.
    second = _show(record, database, "Secondy")
    dialog = _ask(qtbot, record)
    assert dialog.location.itemText(0) == "Test Site West (WEST)"
    assert dialog.location.currentText() == "Test Site West (WEST)"
    with qtbot.waitSignal(record.tablet_was_handed, timeout=WAIT):
        qtbot.mouseClick(dialog.hand_over, Qt.MouseButton.LeftButton)
    assert _handed_to(database, second) == practice.west


def test_cancel_hands_nothing_over(qtbot, record, database):  # type: ignore[no-untyped-def]
    build(database, patients_count=0)
    patient = _show(record, database, "Cancely")
    dialog = _ask(qtbot, record)
    assert not record.start_on_tablet.isEnabled()  # one question at a time
    qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(record.start_on_tablet.isEnabled, timeout=WAIT)
    with database.reading() as session:
        assert session.query(Intake).filter(Intake.patient_id == patient).count() == 0
    assert record.tablet_status.isHidden()


def test_a_kiosk_with_a_location_greets_only_its_own_handover(  # type: ignore[no-untyped-def]
    qtbot, record, database, tmp_path
):
    practice = build(database, patients_count=0)
    _show(record, database, "Eastie")
    dialog = _ask(qtbot, record)
    assert dialog.location.currentText() == "Test Site East (EAST)"
    with qtbot.waitSignal(record.tablet_was_handed, timeout=WAIT):
        qtbot.mouseClick(dialog.hand_over, Qt.MouseButton.LeftButton)
    context = UiContext(database, desk(database), Worker())
    kiosks = {
        where: KioskWindow(
            context,
            Journal(tmp_path / f"tablet-{where}", os.urandom(32)),
            location_id=where_id,
            handover_poll_ms=3_600_000,
        )
        for where, where_id in (("west", practice.west), ("east", practice.east), ("all", None))
    }
    try:
        for kiosk in kiosks.values():
            qtbot.addWidget(kiosk)
            kiosk.show()
        for kiosk in kiosks.values():
            kiosk.check_handover()
            qtbot.waitUntil(lambda kiosk=kiosk: not kiosk._asking, timeout=WAIT)
        for where in ("east", "all"):
            assert kiosks[where].ready_box.isVisible()
            assert kiosks[where].ready_buttons["en"].text() == "Ready for: Eastie T. — tap to start"
        assert kiosks["west"].ready_box.isHidden()  # East's patient: not offered at West
    finally:
        for kiosk in kiosks.values():
            kiosk.stop_watching()
        context.worker.wait_for_done()
