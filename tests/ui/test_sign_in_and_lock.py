"""Signing in, the first admin, and the idle lock (with an injected clock, no sleeps)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QWidget

from intake.db.models import StaffUser
from intake.demo.data import demo_accounts
from intake.domain.accounts import (
    SIGN_IN_REFUSED,
    UNLOCK_REFUSED,
    SignInRefused,
    allowed_areas,
    can,
)
from intake.domain.enums import Role
from intake.domain.permissions import Permission
from intake.services import accounts
from intake.services.actor import SYSTEM
from intake.ui.idle_lock import IdleLock, IdleWatcher
from intake.ui.main_window import AREAS
from intake.ui.sign_in import STAFF_ROLES, TABLET_ROLES, SignInDialog
from intake.ui.worker import Worker
from tests.db.test_accounts import PASSWORD, cheap_hasher  # noqa: F401

SECRET = "Zyxlocktest patient"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def database_url(checked_database_url: str) -> str:
    """Wrong passwords must be refused: on PostgreSQL a server that checks them (CI's own
    server trusts every connection from 127.0.0.1)."""
    return checked_database_url


@pytest.fixture
def people(database, cheap_hasher):  # type: ignore[no-untyped-def]  # noqa: F811
    admin = accounts.create_first_admin(database, "boss", "Test Boss", PASSWORD)
    accounts.create_account(database, SYSTEM, "desk1", "Desk One", Role.FRONT_DESK, PASSWORD)
    return admin


def _inputs_have_names(widget: QWidget) -> None:
    for field in widget.findChildren(QLineEdit):
        assert field.accessibleName(), field


def test_sign_in_gives_the_actor(qtbot, database, people):
    worker = Worker()
    dialog = SignInDialog(database, worker, workstation="pc-9")
    qtbot.addWidget(dialog)
    _inputs_have_names(dialog)
    dialog.username.setText("desk1")
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.did_sign_in, timeout=10_000) as signed:
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert signed.args[0].username == "desk1" and signed.args[0].role == Role.FRONT_DESK
    assert dialog.actor is not None and dialog.actor.workstation == "pc-9"
    worker.wait_for_done()


@pytest.mark.parametrize("name", ["desk1", "nobody"])
def test_a_refused_sign_in_says_the_same_thing_for_any_name(qtbot, database, people, name):
    worker = Worker()
    dialog = SignInDialog(database, worker)
    qtbot.addWidget(dialog)
    dialog.username.setText(name)
    dialog.password.setText("wrong-password")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.general.text() == str(SIGN_IN_REFUSED), timeout=10_000)
    assert dialog.actor is None and dialog.password.text() == ""
    worker.wait_for_done()


def test_the_first_start_creates_the_first_admin(qtbot, database, cheap_hasher):  # noqa: F811
    assert accounts.needs_first_admin(database)
    worker = Worker()
    dialog = SignInDialog(database, worker, first_admin=True)
    qtbot.addWidget(dialog)
    _inputs_have_names(dialog)
    dialog.username.setText("first")
    dialog.display_name.setText("First Admin")
    dialog.password.setText("short")
    dialog.repeat.setText("short")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.submit_button.isEnabled(), timeout=10_000)
    errors = [e.text() for e in dialog.findChildren(QLabel, "fieldError") if e.text()]
    assert any("at least 8" in text for text in errors)
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD)
    with qtbot.waitSignal(dialog.did_sign_in, timeout=10_000):
        dialog.submit()
    assert dialog.actor is not None and dialog.actor.role == Role.ADMIN
    assert not accounts.needs_first_admin(database)
    worker.wait_for_done()


def test_the_demo_practice_shows_its_accounts(qtbot, database):
    dialog = SignInDialog(database, Worker(), demo_accounts=demo_accounts())
    qtbot.addWidget(dialog)
    panel = dialog.findChild(QWidget, "demoAccounts")
    assert panel is not None
    (frontdesk,) = [b for b in panel.findChildren(type(dialog.submit_button)) if "frontdesk" in
                    b.text()]  # fmt: skip
    frontdesk.click()
    assert (dialog.username.text(), dialog.password.text()) == ("frontdesk", "demo")


def test_a_tablet_account_signs_in_to_the_kiosk_only(qtbot, database, people):  # type: ignore[no-untyped-def]
    """The program's window refuses a tablet account with a sentence saying where it
    belongs; the kiosk's setup takes it (and not a staff account)."""
    accounts.create_account(database, SYSTEM, "tab1", "Waiting room", Role.TABLET, PASSWORD)
    worker = Worker()
    window = SignInDialog(database, worker, roles=STAFF_ROLES,
                          demo_accounts=demo_accounts())  # fmt: skip
    qtbot.addWidget(window)
    panel = window.findChild(QWidget, "demoAccounts")
    assert panel is not None and not [
        b for b in panel.findChildren(type(window.submit_button)) if "tablet" in b.text()
    ]  # the window's demo list offers no tablet
    qtbot.keyClicks(window.username, "tab1")
    qtbot.keyClicks(window.password, PASSWORD)
    qtbot.mouseClick(window.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "waiting-room tablet" in window.general.text(), timeout=10_000)
    assert window.actor is None and window.password.text() == ""
    kiosk = SignInDialog(database, worker, roles=TABLET_ROLES)
    qtbot.addWidget(kiosk)
    qtbot.keyClicks(kiosk.username, "desk1")
    qtbot.keyClicks(kiosk.password, PASSWORD)
    qtbot.mouseClick(kiosk.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "tablet account" in kiosk.general.text(), timeout=10_000)
    assert kiosk.actor is None
    kiosk.username.clear()
    qtbot.keyClicks(kiosk.username, "tab1")
    qtbot.keyClicks(kiosk.password, PASSWORD)
    with qtbot.waitSignal(kiosk.did_sign_in, timeout=10_000):
        qtbot.mouseClick(kiosk.submit_button, Qt.MouseButton.LeftButton)
    assert kiosk.actor is not None and kiosk.actor.role == Role.TABLET
    worker.wait_for_done()


def test_ask_can_be_replaced_in_tests(monkeypatch, database):
    monkeypatch.setattr(SignInDialog, "ask", classmethod(lambda cls, *a, **k: SYSTEM))
    assert SignInDialog.ask(None, database, Worker()) is SYSTEM


# --- roles in the window ----------------------------------------------------------------------


def test_allowed_areas_follow_the_roles():
    keys = [key for key, *_ in AREAS]
    assert allowed_areas(Role.FRONT_DESK) == ("intake", "schedule", "patients")
    assert allowed_areas(Role.THERAPIST) == ("intake", "schedule", "review", "patients")
    assert allowed_areas(Role.ADMIN) == tuple(keys)
    assert allowed_areas(Role.TABLET) == ()  # the kiosk only
    assert can(Role.THERAPIST, Permission.REVIEW) and not can(Role.FRONT_DESK, Permission.REVIEW)


# --- the idle lock ----------------------------------------------------------------------------


def test_the_watcher_counts_input_and_expires_once(qtbot):
    clock = Clock()
    watcher = IdleWatcher(5, clock=clock)
    field = QLineEdit()
    field.setAccessibleName("Sample field")
    qtbot.addWidget(field)
    watcher.start()
    clock.now += 299
    assert not watcher.check()
    qtbot.keyClicks(field, "ab")
    assert watcher.input_count >= 2 and watcher.idle_seconds() == 0
    clock.now += 300
    with qtbot.waitSignal(watcher.idle_did_expire, timeout=1000):
        assert watcher.check()
    with qtbot.assertNotEmitted(watcher.idle_did_expire):
        watcher.check()
    watcher.stop()


@pytest.fixture
def locked_window(qtbot, show_active, database, people):  # type: ignore[no-untyped-def]
    window = QMainWindow()
    work = QLineEdit()
    work.setAccessibleName("Unsaved work")
    window.setCentralWidget(work)
    window.setWindowTitle(f"Clinic Intake — {SECRET}")
    window.resize(800, 600)
    show_active(window)
    qtbot.keyClicks(work, SECRET)
    clock, worker = Clock(), Worker()
    lock = IdleLock(window, database, worker, people, idle_minutes=5, clock=clock,
                    display_name="Test Boss")  # fmt: skip
    lock.start()
    yield window, work, lock, clock
    lock.stop()
    worker.wait_for_done()


def test_idle_time_locks_and_hides_the_patient_data(qtbot, locked_window):
    window, work, lock, clock = locked_window
    clock.now += 5 * 60
    with qtbot.waitSignal(lock.did_lock, timeout=1000):
        lock.watcher.check()
    assert lock.is_locked and not work.isVisible()
    assert SECRET not in window.windowTitle()
    shown = " ".join(label.text() for label in lock.screen.findChildren(QLabel))
    assert SECRET not in shown and "Test Boss" in shown
    assert lock.screen.geometry() == window.rect()
    _inputs_have_names(lock.screen)


def test_the_right_password_unlocks_and_the_work_is_kept(qtbot, locked_window):
    window, work, lock, clock = locked_window
    lock.lock()
    clock.now += 2  # a person reading the screen
    lock.screen.password.setText("wrong-password")
    lock.screen.unlock_button.click()
    qtbot.waitUntil(lambda: lock.screen.message.text() == str(UNLOCK_REFUSED), timeout=10_000)
    assert lock.is_locked
    lock.screen.password.setText(PASSWORD)
    with qtbot.waitSignal(lock.did_unlock, timeout=10_000) as unlocked:
        qtbot.keyClick(lock.screen.password, Qt.Key.Key_Return)
    assert unlocked.args[0].username == "boss"
    assert not lock.is_locked and work.isVisible() and work.text() == SECRET
    assert SECRET in window.windowTitle()


def test_switch_user_from_the_lock_screen(qtbot, locked_window):
    _, _, lock, _ = locked_window
    lock.lock()
    lock.screen.switch_button.click()
    assert lock.screen.username.isVisibleTo(lock.screen)
    lock.screen.username.setText("desk1")
    lock.screen.password.setText(PASSWORD)
    with qtbot.waitSignal(lock.user_did_switch, timeout=10_000) as switched:
        lock.screen.unlock_button.click()
    assert switched.args[0].username == "desk1" and switched.args[0].role == Role.FRONT_DESK
    assert lock.actor.username == "desk1"


def test_a_role_changed_meanwhile_locks_with_a_clear_message(qtbot, database, locked_window):
    _, work, lock, _ = locked_window
    me = next(a for a in accounts.list_accounts(database, SYSTEM) if a.username == "boss")
    accounts.create_account(database, SYSTEM, "boss2", "Second Boss", Role.ADMIN, PASSWORD)
    accounts.update_account(database, SYSTEM, me.id, me.version, role=Role.THERAPIST)
    with qtbot.waitSignal(lock.did_lock, timeout=10_000):
        lock.check_account()
    assert "role was changed" in lock.screen.message.text()
    assert not work.isVisible()
    lock.screen.password.setText(PASSWORD)
    with qtbot.waitSignal(lock.did_unlock, timeout=10_000) as unlocked:
        lock.screen.unlock_button.click()
    assert unlocked.args[0].role == Role.THERAPIST


def _wrong_tries(database, name: str) -> int:  # type: ignore[no-untyped-def]
    with database.reading() as session:
        row = session.query(StaffUser).filter_by(username=name).one()
        return int(row.failed_sign_ins) + (5 if row.locked_until is not None else 0)


def _hold_key(widget: QWidget, key: Qt.Key, text: str, times: int) -> None:
    """A key held down: the first press, then the keyboard's auto-repeat presses."""
    for number in range(times):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text, number > 0)
            QApplication.sendEvent(widget, event)


def test_typing_into_the_lock_as_it_appears_counts_no_wrong_try(qtbot, database, locked_window):
    _, work, lock, clock = locked_window
    qtbot.keyClicks(work, "Smi")
    lock.lock()  # locks while someone is typing the patient's name
    qtbot.keyClicks(lock.screen.password, "th")
    qtbot.keyClick(lock.screen.password, Qt.Key.Key_Return)
    assert lock.screen.password.text() == "" and lock.screen.message.text() == ""
    clock.now += 2
    qtbot.keyClick(lock.screen.password, Qt.Key.Key_Return)  # Enter on an empty field
    _hold_key(lock.screen.password, Qt.Key.Key_Return, "\r", 10)  # a key held down
    _hold_key(lock.screen.password, Qt.Key.Key_X, "x", 30)
    assert lock.screen.password.text() == "x"  # the first press only
    assert lock.screen.message.text() == "" and _wrong_tries(database, "boss") == 0
    lock.screen.password.clear()
    qtbot.keyClicks(lock.screen.password, "wrong-password")
    qtbot.keyClick(lock.screen.password, Qt.Key.Key_Return)
    qtbot.keyClick(lock.screen.password, Qt.Key.Key_Return)  # again, while it is checked
    qtbot.waitUntil(lambda: lock.screen.message.text() == str(UNLOCK_REFUSED), timeout=10_000)
    lock.worker.wait_for_done()
    assert _wrong_tries(database, "boss") == 1


def test_the_lock_screen_speaks_of_the_password_and_says_until_when(qtbot, database, locked_window):
    _, _, lock, clock = locked_window
    lock.lock()
    clock.now += 2
    for tries in range(1, 6):
        qtbot.keyClicks(lock.screen.password, f"wrong-{tries}")
        qtbot.keyClick(lock.screen.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not lock.screen.message.text().startswith("Checking"),
                        timeout=10_000)  # fmt: skip
        if tries < 5:
            assert lock.screen.message.text() == str(UNLOCK_REFUSED)
            assert "user name" not in lock.screen.message.text()
    me = next(a for a in accounts.list_accounts(database, SYSTEM) if a.username == "boss")
    assert me.locked_until is not None
    until = me.locked_until
    until = until if until.tzinfo else until.replace(tzinfo=dt.UTC)
    message = lock.screen.message.text()
    assert f"locked until {until.astimezone():%H:%M}" in message, message
    assert "user name" not in message


def test_the_sign_in_screen_still_says_one_sentence_for_a_locked_account(qtbot, database, people):
    for tries in range(5):
        with pytest.raises(SignInRefused):
            accounts.sign_in(database, "desk1", f"wrong-{tries}")
    worker = Worker()
    dialog = SignInDialog(database, worker)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "desk1")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.general.text() == str(SIGN_IN_REFUSED), timeout=10_000)
    worker.wait_for_done()


def test_switch_user_starts_from_an_empty_user_name(qtbot, locked_window):
    _, _, lock, clock = locked_window
    for name in ("desk1", "boss"):
        lock.lock()
        clock.now += 2
        qtbot.mouseClick(lock.screen.switch_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(lock.screen.username, name)
        assert lock.screen.username.text() == name
        qtbot.keyClick(lock.screen.username, Qt.Key.Key_Return)
        qtbot.keyClicks(lock.screen.password, PASSWORD)
        with qtbot.waitSignal(lock.user_did_switch, timeout=10_000):
            qtbot.keyClick(lock.screen.password, Qt.Key.Key_Return)
        assert lock.actor.username == name
