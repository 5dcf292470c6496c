"""Booking and moving on the calendar itself (issue #17, points 3 and 5): free time booked
by double click or by keyboard, visits dragged with the mouse, the database's refusal when
another PC took the time, type colours from admin on the cards, names that fit at 1366."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from intake.domain import type_colors
from intake.domain.booking import BookingRequest
from intake.domain.enums import Role
from intake.domain.patient import PatientDraft
from intake.domain.schedule import DaySchedule
from intake.domain.short_names import name_forms, split_listed
from intake.services import booking, patients, practice_admin, staffing
from intake.services.database import open_database
from intake.ui.admin.types_and_accounts import AppointmentTypesTab
from intake.ui.context import UiContext
from intake.ui.schedule import SchedulePage
from intake.ui.schedule.book_here import BookHereDialog
from intake.ui.schedule.canvas import PX_PER_MINUTE
from intake.ui.worker import Worker
from tests.db.practice import MONDAY, NOW, admin, at, build, desk, screened_intake, signed_in

WAIT = 10_000


@pytest.fixture
def ctx(database) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    context = UiContext(database, desk(database), Worker())
    yield context
    context.worker.wait_for_done()


@pytest.fixture
def open_page(qtbot, show_active, ctx) -> Iterator:  # type: ignore[no-untyped-def]
    """A schedule page showing a location's day, loaded (no live refresh: tests say when)."""
    pages: list[SchedulePage] = []

    def open_(location_id: int, day: dt.date) -> SchedulePage:
        page = SchedulePage(ctx, clock=lambda: NOW, live=False)
        pages.append(page)
        show_active(page)
        page.show_day(location_id, day)
        qtbot.waitUntil(
            lambda: (
                isinstance(page.schedule, DaySchedule)
                and (page.schedule.location_id, page.schedule.day) == (location_id, day)
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


def _book(database, practice, patient: int, start: dt.datetime, **kw):  # type: ignore[no-untyped-def]
    request = BookingRequest(patient, practice.ann, practice.east, start, "FU45")
    actor = kw.get("actor") or desk(database)
    return booking.book(database, actor, request, now=NOW)


def _point(page: SchedulePage, lane: int, minute: float) -> QPoint:
    canvas = page.canvas
    canvas.scroll_to_minute(minute - 30)
    x = canvas.x_of(lane) + canvas.lane_width() / 2
    return QPoint(int(x), int(canvas.y_of(minute) + 4))


def _dialog(qtbot, page: SchedulePage) -> BookHereDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.free_time.dialog is not None, timeout=WAIT)
    dialog = page.free_time.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.type_combo.count() > 0, timeout=WAIT)
    return dialog


def _choose_patient(qtbot, dialog: BookHereDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.search.results_did_arrive, timeout=WAIT):
        qtbot.keyClicks(dialog.search.box, text)
    with qtbot.waitSignal(dialog.intakes_did_load, timeout=WAIT):
        qtbot.keyClick(dialog.search.box, Qt.Key.Key_Return)


def _choose_type(dialog: BookHereDialog, code: str) -> None:
    for i in range(dialog.type_combo.count()):
        if dialog.type_combo.itemData(i).code == code:
            dialog.type_combo.setCurrentIndex(i)
            return
    raise AssertionError(code)


def _ok(dialog: BookHereDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_free_time_is_marked_and_a_double_click_books_an_evaluation_there(
    qtbot, open_page, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    screened_intake(database, practice.patients[0])
    page = open_page(practice.east, MONDAY)
    lane = page.canvas.layout_.lanes[0]
    assert lane.free == ((8 * 60, 12 * 60, practice.east),)  # Ann's morning, all free
    qtbot.mouseDClick(
        page.canvas.viewport(), Qt.MouseButton.LeftButton, pos=_point(page, 0, 9 * 60)
    )
    dialog = _dialog(qtbot, page)
    heading = dialog.findChild(type(dialog.patient_label), "bookHereHeading")
    assert "Ann Testwood at EAST" in heading.text()
    assert dialog.chosen_type().code == "EVAL60"  # the evaluation is the default
    _choose_patient(qtbot, dialog, "Testcase0")
    assert "Testcase0, Sample0" in dialog.patient_label.text()
    assert dialog.intake_combo.isEnabled() and dialog.intake_combo.currentData() is not None
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    [visit] = [b for b in page.blocks() if b.patient_id == practice.patients[0]] or [None]
    qtbot.waitUntil(lambda: len(page.blocks()) == 1, timeout=WAIT)
    [visit] = page.blocks()
    assert (visit.start, visit.type_code) == (at(MONDAY, 9), "EVAL60")
    assert "Booked Testcase0, Sample0" in page.status_text()


def test_the_screening_gate_refuses_in_its_own_words_and_keeps_the_choices(
    qtbot, open_page, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    page = open_page(practice.east, MONDAY)
    qtbot.mouseDClick(
        page.canvas.viewport(), Qt.MouseButton.LeftButton, pos=_point(page, 0, 10 * 60)
    )
    dialog = _dialog(qtbot, page)
    _choose_patient(qtbot, dialog, "Testcase1")
    with qtbot.waitSignal(dialog.booking_did_fail, timeout=WAIT):
        qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert "screened intake" in dialog.status_text()  # the service's words
    assert dialog.isVisible() and dialog.patient_id == practice.patients[1]
    _choose_type(dialog, "FU45")  # a follow-up needs no screening
    assert not dialog.intake_combo.isEnabled()
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.blocks()) == 1, timeout=WAIT)
    assert page.blocks()[0].start == at(MONDAY, 10)


def test_enter_on_the_keyboard_cell_books_that_time(qtbot, open_page, database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    _book(database, practice, practice.patients[0], at(MONDAY, 8))
    page = open_page(practice.east, MONDAY)
    canvas = page.canvas
    qtbot.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert canvas.cell == (0, 8 * 60 + 45)  # the first free quarter hour, after the 8:00 visit
    for _ in range(3):
        qtbot.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert canvas.cell == (0, 9 * 60 + 30) and "Enter books" in canvas.accessibleDescription()
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    dialog = _dialog(qtbot, page)
    assert dialog.place.start == at(MONDAY, 9, 30)
    _choose_patient(qtbot, dialog, "Testcase2")
    _choose_type(dialog, "FU45")
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(page.blocks()) == 2, timeout=WAIT)
    assert page.blocks()[1].start == at(MONDAY, 9, 30)
    qtbot.keyClick(canvas, Qt.Key.Key_Up)  # plain arrows go back to the visits
    assert canvas.cell is None and canvas.selected_block() is not None


def test_enter_on_time_that_is_not_free_says_so(qtbot, open_page, database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    page = open_page(practice.east, MONDAY)
    page.canvas._set_cell((0, 13 * 60))  # afternoon: Ann does not work
    with qtbot.waitSignal(page.action_did_fail, timeout=WAIT):
        qtbot.keyClick(page.canvas, Qt.Key.Key_Return)
    assert "not free" in page.status_text() and page.free_time.dialog is None
    qtbot.keyClick(page.canvas, Qt.Key.Key_Escape)  # Escape puts the time cell away
    assert page.canvas.cell is None


def _drag(qtbot, page: SchedulePage, start: QPoint, end: QPoint) -> None:  # type: ignore[no-untyped-def]
    viewport = page.canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    steps = 6
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, start + (end - start) * i / steps)


def test_drag_moves_a_visit_snapped_to_the_grid_and_keeps_its_length(
    qtbot, open_page, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    visit = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    page = open_page(practice.east, MONDAY)
    start = _point(page, 0, 9 * 60 + 10)
    end = start + QPoint(0, int(103 * PX_PER_MINUTE))  # 1 h 43 min down: snaps to 10:45
    _drag(qtbot, page, start, end)
    assert page.canvas._ghost == (0, 10 * 60 + 45)
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        QTest.mouseRelease(
            page.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end
        )
    moved = booking.get_visit(database, desk(database), visit.id)
    assert (moved.start, moved.end) == (at(MONDAY, 10, 45), at(MONDAY, 11, 30))


def test_escape_cancels_a_drag(qtbot, open_page, database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    visit = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    page = open_page(practice.east, MONDAY)
    start = _point(page, 0, 9 * 60 + 10)
    end = start + QPoint(0, int(60 * PX_PER_MINUTE))
    _drag(qtbot, page, start, end)
    assert page.canvas._ghost is not None
    qtbot.keyClick(page.canvas, Qt.Key.Key_Escape)
    assert page.canvas._ghost is None
    QTest.mouseRelease(
        page.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end
    )
    qtbot.wait(50)  # nothing is sent: there is no signal to wait for
    assert booking.get_visit(database, desk(database), visit.id).start == at(MONDAY, 9)


def test_a_drag_onto_time_another_pc_just_booked_is_refused_by_the_database(
    qtbot, open_page, database, database_url
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    visit = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    page = open_page(practice.east, MONDAY)  # no live refresh: this PC has not heard
    start = _point(page, 0, 9 * 60 + 10)
    end = start + QPoint(0, int(120 * PX_PER_MINUTE))  # to 11:00
    _drag(qtbot, page, start, end)
    assert page.canvas._ghost == (0, 11 * 60)
    other_pc = open_database(database_url)
    try:
        someone = signed_in(other_pc, Role.FRONT_DESK, username="desk-two", workstation="pc-2")
        _book(other_pc, practice, practice.patients[1], at(MONDAY, 11), actor=someone)
    finally:
        other_pc.close()
    with qtbot.waitSignal(page.action_did_fail, timeout=WAIT):
        QTest.mouseRelease(
            page.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end
        )
    assert "Not moved" in page.status_text() and "old time" in page.status_text()
    assert booking.get_visit(database, desk(database), visit.id).start == at(MONDAY, 9)
    qtbot.waitUntil(lambda: len(page.blocks()) == 2, timeout=WAIT)  # the card is back
    ours = next(p for p in page.canvas.layout_.placed if p.block.appointment_id == visit.id)
    assert ours.top == 9 * 60


def test_week_view_drag_moves_to_another_day(qtbot, open_page, database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    visit = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    page = open_page(practice.east, MONDAY)
    page.mode, page.therapist_id = "week", practice.ann
    with qtbot.waitSignal(page.schedule_did_load, timeout=WAIT):
        page.reload()
    start = _point(page, 0, 9 * 60 + 10)
    end = start + QPoint(int(page.canvas.lane_width() * 2), 0)  # Wednesday, same time
    _drag(qtbot, page, start, end)
    with qtbot.waitSignal(page.action_did_finish, timeout=WAIT):
        QTest.mouseRelease(
            page.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end
        )
    moved = booking.get_visit(database, desk(database), visit.id)
    assert moved.start == at(MONDAY + dt.timedelta(days=2), 9)


def test_a_colour_set_in_admin_shows_on_the_card_with_the_type_code(
    qtbot, open_page, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    visit = _book(database, practice, practice.patients[0], at(MONDAY, 9))
    tab = AppointmentTypesTab(UiContext(database, admin(database), Worker()))
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.did_load, timeout=WAIT):
        tab.load()
    tab.show_item(practice_admin.get_appointment_type(database, admin(database), "FU45"))
    tab.color.text.clear()
    qtbot.keyClicks(tab.color.text, "#12345")  # too short: said at once, next to the field
    assert tab.color.problem.isVisibleTo(tab) and "six hex digits" in tab.color.problem.text()
    qtbot.keyClicks(tab.color.text, "G")
    tab.color.text.setText("#CC79A7")
    assert not tab.color.problem.isVisibleTo(tab)
    with qtbot.waitSignal(tab.did_save, timeout=WAIT):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert practice_admin.get_appointment_type(database, admin(database), "FU45").color == "#cc79a7"
    page = open_page(practice.east, MONDAY)
    [placed] = page.canvas.layout_.placed
    assert placed.block.appointment_id == visit.id and placed.block.color == "#cc79a7"
    image = page.canvas.viewport().grab().toImage()
    rect = page.canvas.block_rect(placed)
    band = image.pixelColor(int(rect.left() + 3), int(rect.center().y()))
    assert band == QColor("#cc79a7")  # the card's band wears the type's colour
    chip_text = QColor(type_colors.text_color_for("#cc79a7"))
    assert chip_text.isValid()


def test_names_on_cards_at_1366_are_whole_or_short_never_cut(qtbot, open_page, database) -> None:  # type: ignore[no-untyped-def]
    practice = build(database, patients_count=0)
    boss = admin(database)
    for i in range(3):  # four therapists at EAST that day
        therapist = staffing.create_therapist(
            database, boss, f"Test Therapist{i}", location_codes=["EAST"]
        )
        staffing.add_template(
            database, boss, therapist.id, "EAST", 0, dt.time(8), dt.time(12), dt.date(2027, 1, 1)
        )
    long_names = [("Willowwort", "Jacqueline"), ("Testcase-Samplefield", "Maximiliana")]
    ids = [
        patients.register(
            database, boss, PatientDraft(family, given, dt.date(1980, 1, 1 + i), "other")
        ).id
        for i, (family, given) in enumerate(long_names)
    ]
    for i, pid in enumerate(ids):
        request = BookingRequest(pid, practice.ann, practice.east, at(MONDAY, 9 + i), "FU45")
        booking.book(database, desk(database), request, now=NOW)
    page = open_page(practice.east, MONDAY)
    page.window().resize(1366, 768)
    qtbot.waitUntil(lambda: page.width() >= 1300, timeout=WAIT)
    page.canvas.scroll_to_minute(8 * 60)
    page.canvas.viewport().grab()  # paint
    assert len(page.canvas.shown_names) == 2
    for placed in page.canvas.layout_.placed:
        shown = page.canvas.shown_names[placed.block.appointment_id]
        assert "…" not in shown
        assert shown in name_forms(*split_listed(placed.block.patient_name))
        assert split_listed(placed.block.patient_name)[0] in shown  # the family name, whole


def test_week_view_free_time_shows_a_book_cue_and_books_at_that_place(
    qtbot, open_page, database
) -> None:  # type: ignore[no-untyped-def]
    practice = build(database)
    page = open_page(practice.east, MONDAY)
    page.resize(1366, 768)
    qtbot.waitUntil(lambda: page.canvas.width() > 1000)  # every day in view
    page.mode, page.therapist_id = "week", practice.ann
    with qtbot.waitSignal(page.schedule_did_load, timeout=WAIT):
        page.reload()
    wednesday = _point(page, 2, 10 * 60)
    QTest.mouseMove(page.canvas.viewport(), wednesday)
    assert page.canvas._hover == (2, 10 * 60)  # the "+ Book" cue under the mouse
    assert "double-click to book 10:00 AM" in page.canvas.viewport().toolTip()
    qtbot.mouseDClick(page.canvas.viewport(), Qt.MouseButton.LeftButton, pos=wednesday)
    dialog = _dialog(qtbot, page)
    assert dialog.place.location_id == practice.east
    assert dialog.place.start == at(MONDAY + dt.timedelta(days=2), 10)
    dialog.reject()


def test_the_colour_dialog_and_default_set_the_field(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    build(database)
    tab = AppointmentTypesTab(UiContext(database, admin(database), Worker()))
    qtbot.addWidget(tab)
    tab.show_item(practice_admin.get_appointment_type(database, admin(database), "EVAL60"))
    tab.show_item(practice_admin.get_appointment_type(database, admin(database), "FU45"))
    default = type_colors.default_for("FU45")  # the swatch shows this type's default
    assert default in tab.color.swatch.styleSheet() and tab.color.swatch.text() == "FU45"
    qtbot.mouseClick(tab.color.choose, Qt.MouseButton.LeftButton)
    assert tab.color.dialog is not None
    tab.color.dialog.colorSelected.emit(QColor("#D55E00"))
    assert tab.color.value() == "#d55e00" and "d55e00" in tab.color.swatch.styleSheet()
    qtbot.mouseClick(tab.color.default, Qt.MouseButton.LeftButton)
    assert tab.color.value() == "" and tab.color.text.placeholderText() == "Default"
    tab.color.dialog.close()
