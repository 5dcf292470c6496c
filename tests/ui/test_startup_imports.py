"""What start-up loads, and on which thread (issue 25: memory, and no GUI stall at start).

A fresh process (the test run has imported everything already) starts the program as
`intake` does, signs in a front-desk user and records which thread imported what: the
sign-in's code and the first area's are imported on the worker while the database opens
and the journal key is read, never on the GUI thread; the admin area and the FHIR export,
which a desk user never sees, are not loaded at all. The import structure is the same on
either backend; this runs on an SQLite file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from intake.domain.enums import Role
from intake.services.database import open_database
from tests.db.practice import TEST_PASSWORD, signed_in

WATCHED = ("intake.ui.sign_in", "intake.ui.front_desk", "intake.ui.admin.page", "intake.fhir")

# The program started as `intake` does, a spy noting where WATCHED modules are first imported.
START = """
import json, os, sys, threading
gui = threading.get_ident()
seen = {}
class Spy:  # notes the thread of each first import of a watched module
    def find_spec(self, name, path=None, target=None):
        if name in WATCHED and name not in seen:
            seen[name] = "gui" if threading.get_ident() == gui else "worker"
        return None
sys.meta_path.insert(0, Spy())
from PySide6.QtWidgets import QApplication
from intake.ui.app import Startup
from intake.ui.main_window import MainWindow
app = QApplication([])
window = MainWindow()
window.show()
startup = Startup(window, demo=False)
startup.quit_on_failure = False
"""

PROGRAM = (
    START
    + """
def sign_in(self, started):
    from argon2 import PasswordHasher
    from intake.services import accounts
    accounts.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    return accounts.sign_in(started.database, "desk-test", PASSWORD, workstation="test-pc")
Startup.ask_sign_in = sign_in
def done(_actor):
    print(json.dumps(seen), flush=True)
    os._exit(0)
startup.session_did_start.connect(done)
startup.database_did_fail.connect(lambda message: (print(message), os._exit(1)))
startup.begin()
app.exec()
"""
)


def _last_line_of(tmp_path: Path, code: str) -> Any:
    """Run `code` as a fresh process on a new SQLite file with a front-desk account; the
    JSON it printed last."""
    url = f"sqlite+pysqlite:///{tmp_path / 'intake.sqlite3'}"
    database = open_database(url)
    signed_in(database, Role.FRONT_DESK)
    database.close()
    env = dict(os.environ, INTAKE_DATA_DIR=str(tmp_path), INTAKE_DATABASE_URL=url)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_desk_start_loads_its_screens_on_the_worker_and_not_the_admin_area(
    tmp_path: Path,
) -> None:
    seen = _last_line_of(
        tmp_path, f"WATCHED = {WATCHED!r}\nPASSWORD = {TEST_PASSWORD!r}\n" + PROGRAM
    )
    assert seen == {"intake.ui.sign_in": "worker", "intake.ui.front_desk": "worker"}


DIALOG_FIRST = (
    START
    + """
from PySide6.QtCore import QTimer
startup.begin()
def shown():  # the event loop's first turn: what a person sees and may type into
    dialog = app.activeModalWidget()
    print(json.dumps({"dialog": type(dialog).__name__, "seen": seen}), flush=True)
    os._exit(0)
QTimer.singleShot(0, shown)
app.exec()
"""
)


def test_the_sign_in_dialog_is_up_before_the_database_layer_loads(tmp_path: Path) -> None:
    """The dialog's own code is light: the database layer and the services load on the
    worker, never on the GUI thread before the person can type (issue 25)."""
    watched = ("sqlalchemy", "intake.services.accounts", "intake.db")
    found = _last_line_of(tmp_path, f"WATCHED = {watched!r}\n" + DIALOG_FIRST)
    assert found["dialog"] == "SignInDialog"
    assert set(found["seen"].values()) <= {"worker"}, found["seen"]
