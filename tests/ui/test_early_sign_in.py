"""The sign-in dialog is up with the window, before the database has opened (issue 25).

The person types their name and password while the program loads; a sign-in sent before
the database is open waits for it, and the front desk's screens load behind the dialog
once it is. The database's opening is held back here by a gate, so each test decides
whether the person is faster than the database.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

import intake.services.startup as service_startup
import intake.ui.startup as ui_startup
from intake.domain.enums import Role
from intake.services.database import open_database
from intake.ui.main_window import MainWindow
from intake.ui.sign_in import SignInDialog
from intake.ui.startup import Startup
from tests.db.practice import TEST_PASSWORD, cheap_hashing, signed_in

DESK = "desk-test"  # the front-desk test account signed_in makes


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Opening the database waits until the test sets the gate (a slow disk, a far server)."""
    opened = threading.Event()
    real = service_startup.open_for_gui

    def slow(**options):  # type: ignore[no-untyped-def]
        assert opened.wait(30), "the test never let the database open"
        return real(**options)

    monkeypatch.setattr(service_startup, "open_for_gui", slow)
    yield opened
    opened.set()  # a test that failed midway lets the worker finish


def _desk_account(url: str) -> None:
    database = open_database(url)
    try:
        signed_in(database, Role.FRONT_DESK)
    finally:
        database.close()


def _start(qtbot) -> tuple[MainWindow, Startup]:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, demo=False)
    startup.quit_on_failure = False
    startup.begin()
    return window, startup


def _the_dialog(window: MainWindow) -> SignInDialog:
    (dialog,) = [d for d in window.findChildren(SignInDialog) if d.isVisible()]
    return dialog


def _end(startup: Startup) -> None:
    startup.stop()
    startup.worker.wait_for_done()
    if startup.database is not None:
        startup.database.close()


def test_a_sign_in_typed_before_the_database_opens_waits_for_it(qtbot, app_env, gate):
    _desk_account(app_env)
    window, startup = _start(qtbot)
    dialog = _the_dialog(window)
    assert startup.started is None and dialog.isModal()
    assert window.statusBar().currentMessage() == "Opening the database…"
    qtbot.keyClicks(dialog.username, DESK)
    qtbot.keyClicks(dialog.password, TEST_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    # Sent, and waiting for the database: said so, and not sent twice.
    assert dialog.general.text() == "Checking once the database is open…"
    assert not dialog.submit_button.isEnabled()
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    with cheap_hashing(), qtbot.waitSignal(startup.session_did_start, timeout=30_000) as began:
        gate.set()
    assert began.args[0].username == DESK and began.args[0].role == Role.FRONT_DESK
    assert not dialog.isVisible()
    assert window.current_area() == "intake" and startup.desk is not None
    _end(startup)


def test_the_front_desk_loads_behind_the_dialog_while_the_person_types(
    qtbot, app_env, gate, monkeypatch
):
    _desk_account(app_env)
    loaded: list[tuple[tuple[str, ...], bool]] = []
    real = ui_startup._import

    def noted(modules: tuple[str, ...]) -> None:
        loaded.append((modules, threading.current_thread() is threading.main_thread()))
        real(modules)

    monkeypatch.setattr(ui_startup, "_import", noted)
    # Qt's Python types are made behind the dialog too, on the GUI thread's idle turns.
    making: list[object] = []
    real_making = ui_startup.qt_types.make_in_turns
    monkeypatch.setattr(
        ui_startup.qt_types,
        "make_in_turns",
        lambda owner, **options: (making.append(owner), real_making(owner, **options)),
    )
    window, startup = _start(qtbot)
    dialog = _the_dialog(window)
    qtbot.keyClicks(dialog.username, DESK)  # typing as the database opens
    assert making == []  # not while the database opens: that work comes first
    with qtbot.waitSignal(startup.database_did_open, timeout=30_000):
        gate.set()
    assert making == [startup]
    qtbot.waitUntil(lambda: (("intake.ui.front_desk",), False) in loaded, timeout=30_000)
    assert dialog.isVisible() and dialog.username.text() == DESK  # nothing typed was lost
    qtbot.keyClicks(dialog.password, TEST_PASSWORD)
    with cheap_hashing(), qtbot.waitSignal(startup.session_did_start, timeout=30_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert startup.desk is not None
    _end(startup)


def test_quit_before_the_database_opens_ends_the_program_and_asks_nothing_more(
    qtbot, app_env, gate, monkeypatch
):
    _desk_account(app_env)
    asked: list[object] = []
    monkeypatch.setattr(SignInDialog, "ask", classmethod(lambda cls, *a, **o: asked.append(o)))
    window, startup = _start(qtbot)
    startup.quit_on_failure = True
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    dialog = _the_dialog(window)
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert exits == [0] and not dialog.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: startup.started is not None, timeout=30_000)
    startup.worker.wait_for_done()
    assert asked == [] and startup.context is None and exits == [0]
    _end(startup)


def test_a_new_practice_gets_the_first_admin_form_instead(qtbot, app_env, gate, monkeypatch):
    asked: list[dict[str, object]] = []
    monkeypatch.setattr(SignInDialog, "ask", classmethod(lambda cls, *a, **o: asked.append(o)))
    window, startup = _start(qtbot)
    early = _the_dialog(window)
    assert not early.first_admin
    with qtbot.waitSignal(startup.database_did_open, timeout=30_000):
        gate.set()
    qtbot.waitUntil(lambda: bool(asked))
    assert asked[0]["first_admin"] is True and not early.isVisible()
    _end(startup)


def test_a_database_that_cannot_open_closes_the_sign_in_and_says_why(
    qtbot, app_env, gate, monkeypatch
):
    monkeypatch.setenv("INTAKE_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    window, startup = _start(qtbot)
    dialog = _the_dialog(window)
    qtbot.keyClicks(dialog.username, DESK)
    qtbot.keyClicks(dialog.password, TEST_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # sent before the failure is known
    with qtbot.waitSignal(startup.database_did_fail, timeout=30_000) as failed:
        gate.set()
    startup.worker.wait_for_done()
    assert not dialog.isVisible() and startup.context is None
    assert shown == [failed.args[0]]  # one message, the opening's: not a sign-in refusal
    _end(startup)
