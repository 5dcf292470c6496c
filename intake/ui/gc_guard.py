"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate; if that is a worker
thread and the garbage holds Qt objects, their C++ side is destroyed on the wrong thread and
the program can crash. As qutebrowser does, we switch the automatic collector off and collect
from a timer on the GUI thread instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000
# Full collections are rarer, as with the automatic collector's generations.
_FULL_EVERY = 10


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._ticks = 0

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect(self) -> None:
        self._ticks += 1
        gc.collect(2 if self._ticks % _FULL_EVERY == 0 else 0)
