"""The window fits a 1024x600 screen, intake steps never scroll sideways, and the keyboard
works from the moment someone signs in. Synthetic patients only."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMargins, QRect, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QScrollArea

from intake.domain.enums import Role
from intake.domain.patient import PatientDraft
from intake.services import patients as patient_records
from intake.services.database import open_database
from intake.ui.app import Startup, style_sheet
from intake.ui.front_desk import FIND, REGISTER
from intake.ui.intake_form.inputs import YesNoInput
from intake.ui.main_window import AREAS, CloseQuestion, MainWindow
from intake.ui.window_place import FRAME_GUESS, WindowPlace, fitted
from tests.db.practice import build, desk, signed_in

SMALL = QRect(0, 0, 1024, 600)
WAIT = 30_000


@pytest.fixture
def session(
    qtbot, show_active, app_env, monkeypatch
) -> Iterator[tuple[MainWindow, Startup, list[int]]]:  # type: ignore[no-untyped-def]
    """The program as an admin sees it after signing in, with the program's style sheet."""
    database = open_database(os.environ["INTAKE_DATABASE_URL"])
    try:
        practice = build(database)
        actor = signed_in(database, Role.ADMIN)
    finally:
        database.close()
    monkeypatch.setattr(Startup, "ask_sign_in", lambda self, started: actor)
    monkeypatch.setattr(CloseQuestion, "ask", classmethod(lambda cls, parent, work: True))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet(style_sheet())
    window = show_active(MainWindow())
    window.resize(SMALL.size())
    startup = Startup(window, demo=False)
    with qtbot.waitSignal(startup.session_did_start, timeout=WAIT):
        startup.begin()
    yield window, startup, practice.patients
    startup.stop()
    startup.worker.wait_for_done()
    startup.database.close()
    app.setStyleSheet("")


def _open_intake(qtbot, startup: Startup, patient: int):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(startup.desk.intake_did_start, timeout=WAIT) as started:
        startup.desk.open_patient(patient)
    return started.args[0]


def test_every_area_fits_a_1024_by_600_screen(qtbot, session):
    window, startup, patients = session
    for key, *_ in AREAS:
        window.show_area(key)  # every area built
    window.show_area("intake")
    wizard = _open_intake(qtbot, startup, patients[0])
    for step in range(wizard.pages.count()):
        wizard.go_to_step(step)
        hint = window.minimumSizeHint()
        room = SMALL.marginsRemoved(FRAME_GUESS)
        assert hint.width() <= room.width() and hint.height() <= room.height(), (step, hint)


def test_no_intake_step_scrolls_sideways_at_1024_px(qtbot, session):
    window, startup, patients = session
    wizard = _open_intake(qtbot, startup, patients[0])
    # The summary step holds the booking panel, attached once the first step is on screen.
    qtbot.waitUntil(lambda: startup.desk.booking is not None, timeout=WAIT)
    booking = startup.desk.booking
    qtbot.waitUntil(lambda: booking.filters.therapist_combo.count() > 1, timeout=WAIT)
    window.resize(SMALL.marginsRemoved(FRAME_GUESS).size())
    assert window.width() <= 1024
    for step in range(wizard.pages.count()):
        wizard.go_to_step(step)
        page = wizard.pages.currentWidget()
        assert isinstance(page, QScrollArea)
        page.widget().layout().activate()
        bar = page.horizontalScrollBar()
        # Wider than the view: the page would scroll sideways once laid out.
        assert page.widget().minimumSizeHint().width() <= page.viewport().width(), step
        qtbot.waitUntil(lambda b=bar: not b.isVisible() or b.maximum() == 0, timeout=2000)


def test_the_window_fits_the_free_screen_and_comes_back_at_its_last_size(qtbot, tmp_path):
    laptop = QRect(0, 0, 1366, 728)  # 1366x768 less the task bar
    first = fitted(None, laptop, FRAME_GUESS)
    assert laptop.contains(first.marginsAdded(FRAME_GUESS))  # the status bar is on screen
    assert laptop.contains(fitted(QRect(-50, 300, 1900, 1000), laptop, FRAME_GUESS)
                           .marginsAdded(FRAME_GUESS))  # fmt: skip
    window = QMainWindow()
    qtbot.addWidget(window)
    place = WindowPlace(window, tmp_path / "window.ini")
    place.restore(laptop)
    window.setGeometry(QRect(40, 60, 900, 500))
    place.save()
    again = QMainWindow()
    qtbot.addWidget(again)
    WindowPlace(again, tmp_path / "window.ini").restore(laptop)
    assert again.geometry() == QRect(40, 60, 900, 500)
    smaller = QMainWindow()
    qtbot.addWidget(smaller)
    WindowPlace(smaller, tmp_path / "window.ini").restore(QRect(0, 0, 800, 480))
    assert QRect(0, 0, 800, 480).contains(smaller.geometry().marginsAdded(FRAME_GUESS))


def test_after_sign_in_the_cursor_is_in_the_search_and_shortcuts_work_anywhere(qtbot, session):
    window, startup, _patients = session
    desk = startup.desk
    qtbot.waitUntil(lambda: desk.search.box.hasFocus(), timeout=5000)
    window.navigation.setFocus()  # a click on the sidebar
    qtbot.keyClick(window.navigation, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert desk.stack.currentIndex() == REGISTER
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert desk.stack.currentIndex() == FIND and desk.search.box.hasFocus()


def test_arrow_keys_answer_a_yes_no_question(qtbot, session):
    _window, startup, patients = session
    wizard = _open_intake(qtbot, startup, patients[0])
    row = next(r for r in wizard.rows.values() if isinstance(r.input, YesNoInput))
    wizard.go_to_question(row.question.id)
    yes = row.input.buttons[0][1]
    yes.setFocus()
    qtbot.keyClick(yes, Qt.Key.Key_Right)
    assert row.input.value() is False
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert row.input.value() is True


def test_the_focus_ring_is_in_the_style_sheet():
    sheet = style_sheet()
    for widget in ("QPushButton:focus", "QCheckBox:focus", "QComboBox:focus"):
        assert widget in sheet
    assert QMargins() == QMargins()


def test_an_area_chosen_by_click_or_key_takes_the_keyboard_and_its_keys_work(qtbot, session):
    """Review's F5 and Enter once worked only after a click inside the queue."""
    window, _startup, _patients = session
    review_row = next(i for i, area in enumerate(AREAS) if area[0] == "review")
    qtbot.keyClick(
        window, Qt.Key(Qt.Key.Key_1.value + review_row), Qt.KeyboardModifier.ControlModifier
    )
    review = window.page("review")
    queue = review.queue  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: queue.table.hasFocus(), timeout=5000)
    # F5 reloads while the queue shows, even with the keyboard in the sidebar.
    window.navigation.setFocus()
    with qtbot.waitSignal(queue.model.modelReset, timeout=WAIT):
        qtbot.keyClick(window.navigation, Qt.Key.Key_F5)
    # A click on an area in the sidebar goes into it.
    intake_row = next(i for i, area in enumerate(AREAS) if area[0] == "intake")
    item = window.navigation.item(intake_row)
    qtbot.mouseClick(
        window.navigation.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.navigation.visualItemRect(item).center(),
    )
    assert window.current_area() == "intake"
    qtbot.waitUntil(lambda: window.pages.currentWidget().isAncestorOf(QApplication.focusWidget()))
    # Enter on the sidebar goes in too, back where the keyboard was in that area.
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    qtbot.keyClick(window.navigation, Qt.Key.Key_Return)
    assert window.current_area() == AREAS[intake_row + 1][0]
    page = window.pages.currentWidget()
    qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()))


def test_found_patients_show_name_to_record_number_at_1024_px(qtbot, session):
    """The results table once scrolled sideways at 1024 px hiding the record number and the
    phone; the columns that say who it is come first and fit, the rest may scroll."""
    _window, startup, _patients = session
    database = open_database(os.environ["INTAKE_DATABASE_URL"])
    try:  # a full row: a long name, a phone number
        draft = PatientDraft(
            "Testcasewoodworth",
            "Maximiliana",
            dt.date(1960, 5, 6),
            "female",
            phone="(212) 555-0199",
        )
        patient_records.register(database, desk(database), draft)
    finally:
        database.close()
    search = startup.desk.search
    with qtbot.waitSignal(search.results_did_arrive, timeout=WAIT) as arrived:
        qtbot.keyClicks(search.box, "Testcasewood")
    assert arrived.args[0] > 0
    table = search.table
    qtbot.waitUntil(lambda: table.isVisible())
    header = table.horizontalHeader()
    for column in range(4):  # name, record number, date of birth, phone: in view at once
        right_edge = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right_edge <= table.viewport().width(), header.model().headerData(
            column, Qt.Orientation.Horizontal
        )
