"""Automatic backups on the embedded database: made off the GUI thread at sign-in, when the
screen locks and when the program closes; the status bar says when the last good one was
made, and warns when backups are off, the folder is missing or a backup failed."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from intake.services import backup, backup_file
from intake.services.database import open_database
from intake.settings import BackupSettings
from intake.ui import auto_backup
from intake.ui.app import Startup
from intake.ui.auto_backup import AutoBackup
from intake.ui.main_window import MainWindow
from tests.db.practice import desk

PASSPHRASE = "synthetic test passphrase"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_file, "SCRYPT_N", 1 << 10)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    backup.set_up_key(folder, PASSPHRASE)
    return folder


def backups(database, qtbot, folder: Path, data: Path) -> tuple[MainWindow, AutoBackup]:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    return window, AutoBackup(window, database, BackupSettings(folder, practice_name="Test"), data)


def test_a_backup_is_made_off_the_gui_thread_and_the_status_bar_says_so(
    qtbot, database, data: Path, monkeypatch: pytest.MonkeyPatch
):
    release, entered = threading.Event(), threading.Event()
    threads: list[int] = []
    make = backup.make_backup

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        entered.set()
        assert release.wait(30)
        return make(*args, **kwargs)

    monkeypatch.setattr(backup, "make_backup", held)
    _window, automatic = backups(database, qtbot, data / "backups", data)
    automatic.start()
    qtbot.waitUntil(entered.is_set, timeout=10_000)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5_000)  # the window keeps running
    timer.stop()
    assert "checking" in automatic.label.text()
    with qtbot.waitSignal(automatic.state_did_change, timeout=30_000):
        release.set()
    assert threads and threads[0] != threading.get_ident()
    assert automatic.label.text().startswith("✓ Last backup today")
    assert len(backup.listed_backups(data / "backups")) == 1
    automatic.stop()


def test_locking_the_screen_backs_up_again_but_not_every_minute(
    qtbot, database, data: Path, monkeypatch: pytest.MonkeyPatch
):
    _window, automatic = backups(database, qtbot, data / "backups", data)
    with qtbot.waitSignal(automatic.state_did_change, timeout=30_000):
        automatic.start()
    first = backup.listed_backups(data / "backups")
    with qtbot.waitSignal(automatic.state_did_change, timeout=30_000):
        automatic.person_did_leave()  # a minute later: not again
    assert backup.listed_backups(data / "backups") == first
    monkeypatch.setattr(auto_backup, "ON_LEAVING_HOURS", 0)
    with qtbot.waitSignal(automatic.state_did_change, timeout=30_000):
        automatic.person_did_leave()
    (newest,) = backup.listed_backups(data / "backups").values()  # one a day is kept
    assert newest > max(first.values())


def test_backups_off_folder_missing_and_failure_are_warnings(
    qtbot, database, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    _window, off = backups(database, qtbot, data / "backups", tmp_path / "no-key-here")
    with qtbot.waitSignal(off.state_did_change, timeout=30_000):
        off.start()
    assert off.label.text() == "⚠ Backups off: no passphrase set"
    assert off.label.property("warning") is True

    stick = tmp_path / "usb-stick"
    _window, missing = backups(database, qtbot, stick, data)
    with qtbot.waitSignal(missing.state_did_change, timeout=30_000):
        missing.start()
    assert missing.label.text() == "⚠ Backup folder missing"
    assert str(stick) in missing.label.toolTip()
    assert not stick.exists()

    def full(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise backup_file.BackupProblem("The disk is full. No backup was made.")

    monkeypatch.setattr(backup, "make_backup", full)
    stick.mkdir()
    with qtbot.waitSignal(missing.state_did_change, timeout=30_000):
        missing.run(0)
    assert missing.label.text() == "⚠ Last backup failed"
    assert missing.label.toolTip() == "The disk is full"


@pytest.mark.backend("sqlite")  # automatic backups are the embedded mode's
def test_the_program_backs_up_at_sign_in_and_at_close(
    qtbot, app_env: str, monkeypatch: pytest.MonkeyPatch
):
    data = Path(os.environ["INTAKE_DATA_DIR"])
    backup.set_up_key(data, PASSPHRASE)
    database = open_database(app_env)
    actor = desk(database)
    database.close()
    monkeypatch.setattr(Startup, "ask_sign_in", lambda self, started: actor)
    window = MainWindow()
    qtbot.addWidget(window)
    startup = Startup(window, demo=False)
    with qtbot.waitSignal(startup.session_did_start, timeout=30_000):
        startup.begin()
    qtbot.waitUntil(lambda: "Last backup today" in startup.backups.label.text(), timeout=30_000)
    (at_sign_in,) = backup.listed_backups(data / "backups").values()
    monkeypatch.setattr(auto_backup, "ON_LEAVING_HOURS", 0)
    startup.stop()
    startup.worker.wait_for_done()
    startup.back_up_at_close()  # as run_gui does once the window has closed
    (at_close,) = backup.listed_backups(data / "backups").values()
    assert at_close > at_sign_in
    startup.database.close()
