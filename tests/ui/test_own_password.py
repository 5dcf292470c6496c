"""A one-time password (an admin's reset, or the upgrade to database logins) must be
replaced before working: at sign-in and at unlock the program asks, and not choosing one
locks the screen again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.engine import make_url

from intake.db.engine import without_login
from intake.domain.enums import Role
from intake.services import accounts
from intake.services.actor import SYSTEM
from intake.services.database import open_database
from intake.ui.context import UiContext
from intake.ui.main_window import MainWindow
from intake.ui.sign_in import ChangePasswordDialog
from intake.ui.startup import Startup
from intake.ui.worker import Worker
from tests.db.test_accounts import PASSWORD, cheap_hasher  # noqa: F401

ONE_TIME = "one-time-pass-5"


@pytest.fixture
def database_url(checked_database_url: str) -> str:
    """Passwords must really be checked: on PostgreSQL a server that checks them."""
    return checked_database_url


@pytest.fixture
def reset_person(database, cheap_hasher):  # type: ignore[no-untyped-def]  # noqa: F811
    info = accounts.create_account(database, SYSTEM, "desk1", "Desk One", Role.FRONT_DESK, PASSWORD)
    accounts.reset_password(database, SYSTEM, info.id, info.version, ONE_TIME)
    return accounts.sign_in(database, "desk1", ONE_TIME, workstation="test-pc")


def test_signing_in_with_a_one_time_password_asks_for_ones_own(
    qtbot, app_env, monkeypatch, reset_person
):  # type: ignore[no-untyped-def]
    asked: list[bool] = []

    def ask(parent, context, *, forced=False):  # type: ignore[no-untyped-def]
        asked.append(forced)
        return False  # the person closes it without choosing

    monkeypatch.setattr(ChangePasswordDialog, "ask", staticmethod(ask))
    monkeypatch.setattr(Startup, "ask_sign_in", lambda self, started: reset_person)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, demo=False)
    startup.quit_on_failure = False
    with qtbot.waitSignal(startup.session_did_start, timeout=30_000):
        startup.begin()
    qtbot.waitUntil(lambda: startup.lock is not None and startup.lock.is_locked, timeout=10_000)
    assert asked == [True]
    assert "Choose your own password" in startup.lock.screen.message.text()
    startup.stop()
    startup.worker.wait_for_done()
    startup.database.close()


def test_the_forced_dialog_takes_a_new_password_and_the_flag_goes(
    qtbot, database, database_url, reset_person
):  # type: ignore[no-untyped-def]
    worker = Worker()
    dialog = ChangePasswordDialog(UiContext(database, reset_person, worker), forced=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert (
        "one-time password" in dialog.findChild(type(dialog.general), "forcedPasswordNote").text()
    )
    qtbot.keyClicks(dialog.current, ONE_TIME)
    qtbot.keyClicks(dialog.new, "my-own-password-6")
    qtbot.keyClicks(dialog.repeat, "my-own-password-6")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    worker.wait_for_done()
    assert not accounts.must_change_password(database, reset_person)
    if database.backend == "sqlite":  # PostgreSQL: the server now takes only the new one
        accounts.sign_in(database, "desk1", "my-own-password-6")
    else:
        pc = open_database(without_login(make_url(database_url)).render_as_string())
        try:
            accounts.sign_in(pc, "desk1", "my-own-password-6")
        finally:
            pc.close()
