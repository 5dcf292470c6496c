"""Qt's Python types made ahead in short pieces, so the first screen does not make them
(issue 25). Types are made once per process: each test runs a fresh one."""

from __future__ import annotations

import json
import os
import subprocess
import sys

FRESH = """
import json, os
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication
from intake.ui import qt_types
from intake.ui.idle import when_idle
app = QApplication([])
before = len(qt_types.unmade())
owner, seen = QObject(), []
def done(turns):
    seen.append("done")
    print(json.dumps({"before": before, "after": len(qt_types.unmade()), "turns": turns,
                      "seen": seen}))
    os._exit(0)
qt_types.make_in_turns(owner, done=done)
seen.append("caller")  # nothing is made in the caller's own turn
when_idle(owner, lambda: seen.append("other work"))  # due with the first piece
QTimer.singleShot(60_000, lambda: os._exit(3))
app.exec()
"""


def _run(code: str) -> dict:  # type: ignore[type-arg]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_widget_gui_and_core_type_is_made_over_many_short_turns() -> None:
    facts = _run(FRESH)
    assert facts["before"] > 300  # a fresh program has made few of Qt's types
    assert facts["after"] == 0
    # Many turns of a few milliseconds, not one long one; other work ran in between.
    assert facts["turns"] > 5
    assert facts["seen"] == ["caller", "other work", "done"]


def test_a_type_made_ahead_is_the_one_the_program_then_uses() -> None:
    facts = _run(
        FRESH.replace(
            '    seen.append("done")\n',
            "    from PySide6.QtWidgets import QScrollArea, QWizard\n"
            "    seen.append(type(QScrollArea().viewport()).__name__)\n"
            "    seen.append(QWizard.WizardStyle.ModernStyle.name)\n",
        )
    )
    assert facts["after"] == 0
    assert facts["seen"] == ["caller", "other work", "QWidget", "ModernStyle"]
