"""The Qt binding we ship does not crash a long-running program.

PySide6 6.12.0 lost a reference to True/False on every Signal.emit(bool), so a program
that had emitted some thousands of them aborted ("bool_dealloc"); a front desk PC runs
all day. This runs the emits in a fresh process and expects a clean exit.
"""

from __future__ import annotations

import os
import subprocess
import sys

EMITS = """
from PySide6.QtCore import QObject, Signal

class Flag(QObject):
    did_change = Signal(bool)

flag = Flag()
seen = []
flag.did_change.connect(seen.append)
for i in range(50_000):
    flag.did_change.emit(i % 2 == 0)
print(len(seen))
"""


def test_many_bool_signals_do_not_crash_the_process():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", EMITS], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "50000"
