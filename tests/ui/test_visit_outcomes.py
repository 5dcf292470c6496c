"""No-show, its undo, and cancelling, on the schedule as the front desk does it (issue #16,
points 3 and 12): no-show only from the visit's start and only after a question, undone the
same day; a cancellation says who cancelled, and only a patient's late call counts as late."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from intake.domain.booking import BookingRequest
from intake.domain.enums import AppointmentStatus
from intake.domain.schedule import DaySchedule
from intake.services import booking
from intake.ui.context import UiContext
from intake.ui.schedule import SchedulePage
from intake.ui.worker import Worker
from tests.db.practice import MONDAY, NOW, at, build, desk

WAIT = 10_000
CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def scene(qtbot, show_active, database) -> Iterator:  # type: ignore[no-untyped-def]
    """A visit on Monday 9:00 at East, its schedule open, the visit chosen by arrow key."""
    context = UiContext(database, desk(database), Worker())
    practice = build(database)
    request = BookingRequest(
        practice.patients[0], practice.ann, practice.east, at(MONDAY, 9), "FU45"
    )
    visit = booking.book(database, desk(database), request, now=NOW)
    clock = Clock(NOW)
    page = SchedulePage(context, clock=clock, live=False)
    show_active(page)
    page.show_day(practice.east, MONDAY)
    qtbot.waitUntil(
        lambda: (
            isinstance(page.schedule, DaySchedule)
            and page.schedule.day == MONDAY
            and not page._loading
            and len(page.blocks()) == 1
        ),
        timeout=WAIT,
    )
    page.canvas.setFocus()
    qtbot.keyClick(page.canvas, Qt.Key.Key_Down)
    assert page.canvas.selected_block().appointment_id == visit.id
    yield page, visit, clock
    page.shutdown()
    context.worker.wait_for_done()


def _status(database, visit) -> AppointmentStatus:  # type: ignore[no-untyped-def]
    return booking.get_visit(database, desk(database), visit.id).status


def _no_codes(text: str) -> None:
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), text


def test_ctrl_n_on_the_schedule_marks_nothing(qtbot, scene, database) -> None:  # type: ignore[no-untyped-def]
    page, visit, clock = scene
    clock.now = visit.start + dt.timedelta(minutes=10)
    qtbot.keyClick(page.canvas, Qt.Key.Key_N, CTRL)  # "new patient" elsewhere: never a no-show
    assert page.ctx.worker.wait_for_done()  # whatever the key started has finished
    assert page.side.currentWidget() is page.details
    assert _status(database, visit) == AppointmentStatus.BOOKED


def test_a_future_visit_is_no_no_show_and_the_screen_says_why(qtbot, scene, database) -> None:  # type: ignore[no-untyped-def]
    page, visit, _clock = scene  # a week before the visit
    with qtbot.waitSignal(page.action_did_fail, timeout=WAIT) as failed:
        qtbot.keyClick(page.canvas, Qt.Key.Key_N, CTRL | SHIFT)
    assert "only from its start time" in failed.args[0]
    assert "only from its start time" in page.status_text()
    _no_codes(page.status_text())
    assert page.side.currentWidget() is page.details  # nothing asked, nothing done
    assert _status(database, visit) == AppointmentStatus.BOOKED


def test_no_show_asks_first_and_is_undone_the_same_day(qtbot, scene, database) -> None:  # type: ignore[no-untyped-def]
    page, visit, clock = scene
    clock.now = visit.start + dt.timedelta(minutes=15)
    assert not page.undo_button.isVisible()  # a booked visit has nothing to undo
    qtbot.keyClick(page.canvas, Qt.Key.Key_N, CTRL | SHIFT)
    assert page.side.currentWidget() is page.no_show_panel
    assert "did not come" in page.no_show_panel.what.text()
    qtbot.keyClick(page.no_show_panel.confirm_button, Qt.Key.Key_Escape)  # "keep it"
    assert page.side.currentWidget() is page.details
    assert _status(database, visit) == AppointmentStatus.BOOKED
    qtbot.keyClick(page.canvas, Qt.Key.Key_N, CTRL | SHIFT)
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT) as done:
        qtbot.keyClick(page.no_show_panel.confirm_button, Qt.Key.Key_Return)
    assert "Marked as a no-show" in done.args[0] and "Undo" in done.args[0]
    assert _status(database, visit) == AppointmentStatus.NO_SHOW
    qtbot.waitUntil(lambda: page.blocks()[0].status == AppointmentStatus.NO_SHOW, timeout=WAIT)
    qtbot.waitUntil(page.undo_button.isVisible, timeout=WAIT)
    clock.now = at(MONDAY, 17)  # later that day, the patient turns up after all
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT) as undone:
        qtbot.keyClick(page.canvas, Qt.Key.Key_Z, CTRL)
    assert "No-show undone" in undone.args[0]
    assert _status(database, visit) == AppointmentStatus.BOOKED


def test_a_refused_undo_says_why_in_words(qtbot, scene, database) -> None:  # type: ignore[no-untyped-def]
    page, visit, clock = scene
    booking.no_show(database, desk(database), visit.id, visit.version, now=visit.start)
    page.reload()
    qtbot.waitUntil(lambda: page.blocks()[0].status == AppointmentStatus.NO_SHOW, timeout=WAIT)
    page.canvas.select_appointment(visit.id)
    clock.now = at(MONDAY + dt.timedelta(days=1), 8)  # the next morning
    with qtbot.waitSignal(page.action_did_fail, timeout=WAIT) as failed:
        qtbot.keyClick(page.canvas, Qt.Key.Key_Z, CTRL)
    assert "only on the visit's own day" in failed.args[0]
    _no_codes(page.status_text())
    assert _status(database, visit) == AppointmentStatus.NO_SHOW
    with qtbot.waitSignal(page.action_did_fail, timeout=WAIT):
        qtbot.keyClick(page.canvas, Qt.Key.Key_Delete)  # a no-show cannot be cancelled
    assert "marked as a no-show" in page.status_text()
    _no_codes(page.status_text())


def test_a_clinic_cancellation_on_the_day_is_not_late(qtbot, scene, database) -> None:  # type: ignore[no-untyped-def]
    page, visit, clock = scene
    clock.now = visit.start - dt.timedelta(hours=2)
    qtbot.keyClick(page.canvas, Qt.Key.Key_Delete)
    panel = page.cancel_panel
    assert page.side.currentWidget() is panel
    assert panel.by_patient.isChecked()  # "Patient called to cancel", the first reason
    assert "late cancellation" in panel.late.text()
    line = panel.reason.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "Power cut at the clinic")
    assert not panel.by_patient.isChecked() and not panel.by_clinic.isChecked()  # asked
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert "Say who cancelled" in page.status_text()
    assert _status(database, visit) == AppointmentStatus.BOOKED
    qtbot.keyClick(line, Qt.Key.Key_C, ALT)  # "The &clinic"
    qtbot.waitUntil(panel.by_clinic.isChecked)  # a mnemonic clicks as the mouse would
    assert "Not a late cancellation" in panel.late.text()
    with qtbot.waitSignal(page.waitlist_did_load, timeout=WAIT):
        qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    cancelled = booking.get_visit(database, desk(database), visit.id)
    assert cancelled.status == AppointmentStatus.CANCELLED
    assert not cancelled.late_cancellation
    assert cancelled.cancel_reason == "Power cut at the clinic"
    assert "late" not in page.status_text()


def test_a_patients_late_cancellation_is_marked_late(qtbot, scene, database) -> None:  # type: ignore[no-untyped-def]
    page, visit, clock = scene
    clock.now = visit.start - dt.timedelta(hours=2)
    qtbot.keyClick(page.canvas, Qt.Key.Key_Delete)
    with qtbot.waitSignal(page.waitlist_did_load, timeout=WAIT):
        qtbot.keyClick(page.cancel_panel.reason.lineEdit(), Qt.Key.Key_Return)
    assert booking.get_visit(database, desk(database), visit.id).late_cancellation
    assert "late cancellation" in page.status_text()


def test_the_reschedule_panel_stops_searching_when_the_slots_arrive(qtbot, scene) -> None:  # type: ignore[no-untyped-def]
    page, _visit, _clock = scene
    with qtbot.waitSignal(page.offers_did_load, timeout=WAIT) as loaded:
        qtbot.keyClick(page.canvas, Qt.Key.Key_R, CTRL)
    assert loaded.args[0] > 0
    said = page.reschedule_panel.what.text()
    assert "Searching" not in said
    assert f"{loaded.args[0]} free slots" in said
