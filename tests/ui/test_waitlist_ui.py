"""The waitlist as the desk uses it: no slot suits the caller, so they go on the waitlist from
the booking panel; a matching visit is cancelled and the schedule offers them the freed time;
the Waitlist view changes and removes entries. Synthetic patients only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from intake.domain.booking import BookingRequest, WaitlistLine, WaitlistPreferences
from intake.domain.enums import PartOfDay, WaitlistStatus
from intake.domain.schedule import DaySchedule
from intake.services import booking, waitlist
from intake.ui.booking import BookingPanel
from intake.ui.context import UiContext
from intake.ui.schedule import SchedulePage
from intake.ui.waitlist.entry_form import WaitlistEntryForm
from intake.ui.waitlist.list_model import WaitlistModel
from intake.ui.worker import Worker
from tests.db.practice import MONDAY, NOW, at, build, desk, screened_intake

WAIT = 15_000


@pytest.fixture
def practice(database):  # type: ignore[no-untyped-def]
    return build(database)


@pytest.fixture
def ctx(database) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    context = UiContext(database, desk(database), Worker())
    yield context
    context.worker.wait_for_done()


@pytest.fixture
def schedule(qtbot, show_active, ctx) -> Iterator:  # type: ignore[no-untyped-def]
    pages: list[SchedulePage] = []

    def open_(location_id: int) -> SchedulePage:
        page = SchedulePage(ctx, clock=lambda: NOW, live=False)
        pages.append(page)
        show_active(page)
        page.show_day(location_id, MONDAY)
        qtbot.waitUntil(
            lambda: (
                isinstance(page.schedule, DaySchedule)
                and page.schedule.day == MONDAY
                and not page._loading
                and page.toolbar.location_combo.count() > 0
            ),
            timeout=WAIT,
        )
        page.canvas.setFocus()
        return page

    yield open_
    for page in pages:
        page.shutdown()


def _active(qtbot, form: WaitlistEntryForm) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is form.windowHandle(), timeout=WAIT)


def _tick(qtbot, form: WaitlistEntryForm, place: str) -> None:  # type: ignore[no-untyped-def]
    places = form.locations
    row = next(r for r in range(places.count()) if places.item(r).text() == place)
    places.setFocus()
    places.setCurrentRow(row)
    qtbot.keyClick(places, Qt.Key.Key_Space)


def _evaluation(database, practice, patient: int, hour: int):  # type: ignore[no-untyped-def]
    request = BookingRequest(
        patient,
        practice.ann,
        practice.east,
        at(MONDAY, hour),
        "EVAL60",
        intake_id=screened_intake(database, patient),
    )
    return booking.book(database, desk(database), request, now=NOW)


def test_add_to_waitlist_from_booking_then_the_freed_slot_is_offered_and_booked(
    qtbot, show_active, ctx, database, practice, schedule
) -> None:  # type: ignore[no-untyped-def]
    caller = practice.patients[1]
    intake = screened_intake(database, caller, cad_dizziness=True)  # a therapist reviews it
    visit = _evaluation(database, practice, practice.patients[0], 9)

    # No slot suits the caller: the booking panel puts them on the waitlist.
    panel = BookingPanel(ctx, clock=lambda: NOW)
    with qtbot.waitSignal(panel.slots_did_load, timeout=WAIT):
        show_active(panel)
    panel.set_patient(caller, intake)
    panel.filters.weekdays[0].setChecked(True)  # the caller asked for Mondays already
    qtbot.keyClick(panel.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    form = panel.waitlist_form
    assert isinstance(form, WaitlistEntryForm)
    qtbot.waitUntil(lambda: form.locations.count() == 2, timeout=WAIT)
    assert "Review first" in form.urgency.text()
    assert form.weekdays[0].isChecked()  # carried over from the search
    _tick(qtbot, form, "Test Site East")
    qtbot.mouseClick(form.parts[PartOfDay.MORNING], Qt.MouseButton.LeftButton)
    form.note.setFocus()
    qtbot.keyClicks(form.note, "Can come at short notice")
    _active(qtbot, form)
    with qtbot.waitSignal(panel.waitlist_was_added, timeout=WAIT) as added:
        qtbot.keyClick(form.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    entry = added.args[0]
    assert entry.preferences == WaitlistPreferences(
        location_ids=(practice.east,), weekdays=(0,), parts_of_day=(PartOfDay.MORNING,)
    )
    assert entry.note == "Can come at short notice" and entry.triage == "review"
    assert "On the waitlist" in panel.status_text()

    # Another patient cancels the Monday 9:00 evaluation: the schedule offers the time.
    page = schedule(practice.east)
    page.canvas.select_appointment(visit.id)
    qtbot.keyClick(page.canvas, Qt.Key.Key_Delete)
    with qtbot.waitSignal(page.waitlist_did_load, timeout=WAIT) as found:
        qtbot.keyClick(page.cancel_panel.reason.lineEdit(), Qt.Key.Key_Return)
    assert found.args == [1]
    match = page.waitlist_panel.current()
    assert match is not None and match.entry.id == entry.id
    assert match.slot.start == at(MONDAY, 9)
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.keyClick(page.waitlist_panel.list, Qt.Key.Key_Return)  # offer
    assert "OFFERED" in page.waitlist_panel.list.item(0).text()
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.keyClick(page.waitlist_panel.list, Qt.Key.Key_Return)  # they accept: booked
    qtbot.waitUntil(lambda: [b.patient_id for b in page.blocks()] == [caller], timeout=WAIT)
    assert page.blocks()[0].start == at(MONDAY, 9)
    assert waitlist.listed(database, desk(database)) == []
    [line] = waitlist.listed(database, desk(database), patient_id=caller)
    assert line.entry.status == WaitlistStatus.BOOKED


def test_the_waitlist_view_lists_most_urgent_first_changes_and_removes(
    qtbot, database, practice, schedule
) -> None:  # type: ignore[no-untyped-def]
    p = practice.patients
    routine = waitlist.add(
        database,
        desk(database),
        p[1],
        WaitlistPreferences(),
        intake_id=screened_intake(database, p[1]),
    )
    urgent = waitlist.add(
        database,
        desk(database),
        p[2],
        WaitlistPreferences(weekdays=(1,)),
        intake_id=screened_intake(database, p[2], cad_dizziness=True),
    )
    page = schedule(practice.east)
    with qtbot.waitSignal(page.waitlist_view.list_did_load, timeout=WAIT) as loaded:
        qtbot.keyClick(page.canvas, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert loaded.args == [2]
    view = page.waitlist_view
    assert page.side.currentWidget() is view and view.list.hasFocus()
    texts = [view.model.index(r).data() for r in range(2)]
    assert [line.entry.id for line in view.model.lines()] == [urgent.id, routine.id]
    assert "Review first" in texts[0] and "Routine" in texts[1]
    assert "Tue" in texts[0] and "any day" in texts[1]

    # Enter: change what the urgent patient waits for.
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    form = view.form
    assert isinstance(form, WaitlistEntryForm)
    qtbot.waitUntil(lambda: form.save_button.isEnabled(), timeout=WAIT)
    assert form.weekdays[1].isChecked() and "Review first" in form.urgency.text()
    qtbot.mouseClick(form.weekdays[3], Qt.MouseButton.LeftButton)  # Thursdays too
    form.note.setFocus()
    qtbot.keyClicks(form.note, "Mobile after 4 pm")
    with qtbot.waitSignal(view.list_did_load, timeout=WAIT):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    changed = view.current()
    assert changed is not None and changed.entry.id == urgent.id
    assert changed.entry.preferences.weekdays == (1, 3)
    assert (
        "Tue, Thu" in view.model.index(0).data()
        and "Mobile after 4 pm" in view.model.index(0).data()
    )

    # Del: a reason, then Enter takes the entry off the list.
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Delete)
    assert view.removing.isVisible()
    assert view.focusWidget() in (view.reason, view.reason.lineEdit())
    view.reason.lineEdit().clear()
    qtbot.keyClicks(view.reason.lineEdit(), "Found a clinic nearer home")
    with qtbot.waitSignal(view.list_did_load, timeout=WAIT) as loaded:
        qtbot.keyClick(view.reason.lineEdit(), Qt.Key.Key_Return)
    assert loaded.args == [1]
    assert [line.entry.id for line in view.model.lines()] == [routine.id]
    [gone] = waitlist.listed(database, desk(database), patient_id=p[2])
    assert gone.entry.removed_reason == "Found a clinic nearer home"
    assert "Removed" in view.what.text()
    qtbot.keyClick(view.list, Qt.Key.Key_Escape)
    assert page.side.currentWidget() is page.details


def test_a_removal_on_an_old_copy_is_refused_and_the_list_shows_it_as_it_is_now(
    qtbot, database, practice, schedule
) -> None:  # type: ignore[no-untyped-def]
    entry = waitlist.add(
        database, desk(database), practice.patients[1], WaitlistPreferences(), type_code="FU45"
    )
    page = schedule(practice.east)
    with qtbot.waitSignal(page.waitlist_view.list_did_load, timeout=WAIT):
        page.waitlist.show_all()
    view = page.waitlist_view
    waitlist.update(  # another PC, meanwhile
        database, desk(database), entry.id, entry.version, WaitlistPreferences(), note="Evenings"
    )
    qtbot.keyClick(view.list, Qt.Key.Key_Delete)
    with qtbot.waitSignal(view.action_did_fail, timeout=WAIT):
        qtbot.keyClick(view.reason.lineEdit(), Qt.Key.Key_Return)
    assert "Someone else changed" in view.what.text()
    qtbot.waitUntil(lambda: "Evenings" in (view.model.index(0).data() or ""), timeout=WAIT)
    assert not view.removing.isVisible()
    assert waitlist.listed(database, desk(database))[0].entry.status == WaitlistStatus.WAITING


def test_a_note_too_long_is_said_beside_it_and_nothing_typed_is_lost(
    qtbot, show_active, ctx, database, practice
) -> None:  # type: ignore[no-untyped-def]
    from intake.ui.waitlist.entry_form import open_waitlist_entry

    host = show_active(_host())
    form = open_waitlist_entry(host, ctx, practice.patients[1], type_code="FU45")
    qtbot.waitUntil(lambda: form.save_button.isEnabled(), timeout=WAIT)
    assert "No screening" in form.urgency.text()
    long_note = "x" * 1001
    form.note.setPlainText(long_note)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.errors["note"].isVisible() and "1000" in form.errors["note"].text()
    assert form.isVisible() and form.note.toPlainText() == long_note
    assert waitlist.listed(database, desk(database)) == []


def test_a_patient_who_may_not_be_booked_is_told_and_cannot_be_added(
    qtbot, show_active, ctx, database, practice
) -> None:  # type: ignore[no-untyped-def]
    from intake.ui.waitlist.entry_form import open_waitlist_entry

    refer = screened_intake(database, practice.patients[1], rf_fever=True)
    host = show_active(_host())  # kept: the form is its child
    form = open_waitlist_entry(host, ctx, practice.patients[1], refer)
    qtbot.waitUntil(lambda: "Cannot add to the waitlist" in form.status.text(), timeout=WAIT)
    assert "Refer" in form.status.text()
    assert not form.save_button.isEnabled()


def test_the_list_model_passes_the_model_tester(qtmodeltester, database, practice) -> None:  # type: ignore[no-untyped-def]
    model = WaitlistModel()
    qtmodeltester.check(model)
    waitlist.add(
        database, desk(database), practice.patients[1], WaitlistPreferences(), type_code="FU45"
    )
    waitlist.add(
        database,
        desk(database),
        practice.patients[2],
        WaitlistPreferences(location_ids=(practice.east,), parts_of_day=(PartOfDay.EVENING,)),
        type_code="FU45",
        note="Evenings only",
    )
    lines: list[WaitlistLine] = waitlist.listed(database, desk(database))
    model.set_names({practice.east: "Test Site East"}, {})
    model.set_lines(lines)
    qtmodeltester.check(model)
    assert "Test Site East" in model.index(1).data() and "evenings" in model.index(1).data()


def _host():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    widget.resize(400, 300)
    return widget
