"""Kill a program while a person types, then check the next start offers every field back.

A child process runs the real registration form and intake wizard (offscreen) on a test
database, types into their fields with QTest at 8 to 15 keys a second and prints when each
field is complete. The parent kills it with SIGKILL at a random moment, then reads what the
next start would offer (`unfinished_work`): every field completed more than journal.BOUND_MS
before the kill must be there, as typed. Used by tests/ui/test_kill_typing.py (a few runs) and
tests/benchmarks/bench_kill_typing.py (many). All data is synthetic.

Child: python -m tests.ui.kill_typing CONFIG_JSON
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.db.practice import desk

KEYS_PER_SECOND = (8.0, 15.0)
# (form, field, keys typed, what the next start must offer)
REGISTRATION = (
    ("registration", "family_name", "Testcase", "Testcase"),
    ("registration", "given_name", "Killtyping", "Killtyping"),
    ("registration", "phone", "5550100", "5550100"),
    ("registration", "email", "kill@example.invalid", "kill@example.invalid"),
)
INTAKE = (
    ("intake", "dob", "5/31/1980", "1980-05-31"),
    ("intake", "has_neck_pain", "y", True),
    ("intake", "symptom_duration_weeks", "12", 12),
    ("intake", "pain_now", "6", 6),
    ("intake", "pain_best", "2", 2),
    ("intake", "pain_worst", "8", 8),
)
FIELDS = REGISTRATION + INTAKE
START_TIMEOUT_S = 60


@dataclass
class Run:
    """One typing run: which fields were complete when, and which were not offered back."""

    killed_after_s: float
    completed: dict[str, float] = field(default_factory=dict)  # field -> seconds after start
    checked: list[str] = field(default_factory=list)  # completed > bound before the kill
    lost: list[str] = field(default_factory=list)


def run_once(
    database_url: str,
    patient_id: int,
    folder: Path,
    *,
    seed: int,
    bound_ms: float,
) -> Run:
    """Type, kill at a random moment, and check what the next start offers."""
    from intake.services import intakes
    from intake.services.database import open_database
    from intake.services.journal_key import journal_key
    from intake.ui.intake_form.recovery import (
        UnfinishedDraft,
        UnfinishedRegistration,
        unfinished_work,
    )
    from intake.ui.journal import Journal

    rng = random.Random(seed)
    folder_of_journal = folder / "journal"
    config = {
        "url": database_url,
        "patient": patient_id,
        "journal": str(folder_of_journal),
        "seed": seed,
    }
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INTAKE_DATA_DIR": str(folder / "data")}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.kill_typing", json.dumps(config)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    lines: list[tuple[float, dict[str, Any]]] = []
    started = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            message = json.loads(line)
            lines.append((time.monotonic(), message))
            if message.get("ready"):
                started.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not started.wait(START_TIMEOUT_S):
            raise AssertionError("the typing process did not start")
        ready_at = next(m["at"] for _t, m in lines if m.get("ready"))
        typing_s = sum(len(keys) for _f, _n, keys, _v in FIELDS) / 11.0
        time.sleep(rng.uniform(0.0, typing_s * 1.15))
        killed_at = time.monotonic()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    reader.join(timeout=10)
    errors = child.stderr.read() if child.stderr else ""
    for stream in (child.stdout, child.stderr):
        if stream is not None:
            stream.close()
    run = Run(killed_after_s=killed_at - ready_at)
    for _t, message in lines:
        if "field" in message:
            run.completed[message["field"]] = message["at"] - ready_at
    if not any(m.get("ready") for _t, m in lines):
        raise AssertionError(errors[-2000:])

    database = open_database(database_url)
    try:  # the next start: the journal opens with the key read after sign-in
        journal = Journal(folder_of_journal, journal_key(database, desk(database)))
        offered = unfinished_work(journal, intakes.list_unfinished(database, desk(database)))
    finally:
        database.close()
    drafts = [i for i in offered if isinstance(i, UnfinishedDraft) and i.patient_id == patient_id]
    forms = [i for i in offered if isinstance(i, UnfinishedRegistration)]
    answers = drafts[0].answers if drafts else {}  # the newest: what the start offers first
    typed = forms[0].fields if forms else {}
    for form, name, _keys, expected in FIELDS:
        done = run.completed.get(name)
        if done is None or (run.killed_after_s - done) * 1000 <= bound_ms:
            continue
        run.checked.append(name)
        got = answers.get(name) if form == "intake" else typed.get(name)
        if got != expected:
            run.lost.append(name)
    return run


def new_patient(database_url: str) -> int:
    from intake.domain.patient import PatientDraft
    from intake.services import patients
    from intake.services.database import open_database

    database = open_database(database_url)
    try:
        draft = PatientDraft("Testcase", "Typingkilled", dt.date(1980, 5, 31), "female")
        return patients.register(database, desk(database), draft).id
    finally:
        database.close()


def _child(config: dict[str, Any]) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from intake.services.database import open_database
    from intake.services.journal_key import journal_key
    from intake.ui.context import UiContext
    from intake.ui.intake_form import IntakeWizard
    from intake.ui.journal import Journal
    from intake.ui.patients.register_form import PatientRegisterForm
    from intake.ui.worker import Worker

    rng = random.Random(config["seed"])
    app = QApplication([])
    database = open_database(config["url"])
    # The journal opens with the key read after sign-in, as the program does.
    journal = Journal(Path(config["journal"]), journal_key(database, desk(database)))
    context = UiContext(database, desk(database), Worker())
    register = PatientRegisterForm(context, journal=journal)
    register.show()
    wizard = IntakeWizard(context, patient_id=config["patient"], journal=journal)
    wizard.resize(1200, 760)
    wizard.show()
    QTest.qWaitForWindowExposed(wizard)

    def say(**message: object) -> None:
        print(json.dumps({**message, "at": time.monotonic()}), flush=True)

    # Keys come through the running event loop, as a person's do (QTest.qWait would hold
    # the interpreter lock in C++ between keys, which the program's event loop does not).
    steps = [(form, name, key) for form, name, keys, _v in FIELDS for key in keys]
    position = 0

    def next_key() -> None:
        nonlocal position
        form, name, key = steps[position]
        if form == "registration":
            target: QWidget = register.inputs[name]
        else:
            if wizard.rows[name].input.focus_widget() is not QApplication.focusWidget():
                wizard.go_to_question(name)
            target = wizard.rows[name].input.focus_widget()
        QTest.keyClicks(target, key)
        position += 1
        if position == len(steps) or steps[position][1] != name:
            say(field=name)
        if position < len(steps):
            QTimer.singleShot(round(1000 / rng.uniform(*KEYS_PER_SECOND)), next_key)
        else:
            say(finished=True)

    say(ready=True)
    QTimer.singleShot(round(1000 / rng.uniform(*KEYS_PER_SECOND)), next_key)
    app.exec()


if __name__ == "__main__":
    _child(json.loads(sys.argv[1]))
