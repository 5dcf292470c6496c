"""On start with the embedded database, a data folder other accounts may read is named on the
status line and in the log, with the command that closes it; the person can still work."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from intake.settings import sqlite_url
from intake.ui.main_window import MainWindow
from intake.ui.startup import Startup
from tests.db.practice import desk

pytestmark = pytest.mark.skipif(os.name != "posix", reason="no mode bits on Windows")


def _start(qtbot, monkeypatch, data: Path) -> tuple[Startup, list[object]]:  # type: ignore[no-untyped-def]
    # The embedded database in its data folder, whatever backend the run is about.
    monkeypatch.setenv("INTAKE_DATA_DIR", str(data))
    monkeypatch.setenv("INTAKE_DATABASE_URL", sqlite_url(data / "intake.sqlite3"))
    monkeypatch.setattr(Startup, "ask_sign_in", lambda self, started: desk(started.database))
    window = MainWindow()
    qtbot.addWidget(window)
    startup = Startup(window, demo=False)
    startup.quit_on_failure = False
    checked: list[object] = []
    startup.files_were_checked.connect(checked.append)
    with qtbot.waitSignal(startup.session_did_start, timeout=30_000):
        startup.begin()
    qtbot.waitUntil(lambda: bool(checked), timeout=10_000)
    return startup, checked


def _stop(startup: Startup) -> None:
    startup.stop()
    startup.worker.wait_for_done()
    startup.database.close()


def test_a_data_folder_open_to_others_is_named_with_its_command(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, tmp_path: Path, caplog
):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    data.chmod(0o755)  # as a copy or an older version left it
    caplog.set_level(logging.WARNING, logger="intake")
    startup, _checked = _start(qtbot, monkeypatch, data)
    label = startup.window.findChild(QLabel, "privateFilesWarning")
    assert label is not None and label.isVisibleTo(startup.window)
    sentence = (
        f"Other accounts on this computer can read the folder {data}; "
        f"run `chmod 700 {data}` to keep it private."
    )
    assert "not private" in label.text()
    assert sentence in label.toolTip()  # the paths and the fix, for the IT person
    assert sentence in caplog.text
    assert startup.context is not None  # signed in and working: a warning, not a stop
    _stop(startup)


def test_a_private_data_folder_says_nothing(qtbot, monkeypatch, tmp_path: Path, caplog):  # type: ignore[no-untyped-def]
    data = tmp_path / "data"  # made by the program: 0700, its files 0600
    caplog.set_level(logging.WARNING, logger="intake")
    startup, checked = _start(qtbot, monkeypatch, data)
    assert checked == [[]]
    assert startup.window.findChild(QLabel, "privateFilesWarning") is None
    assert "Other accounts" not in caplog.text
    _stop(startup)
