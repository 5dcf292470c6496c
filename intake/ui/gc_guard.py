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


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect(self) -> None:
        """Collect the generations the automatic collector would have (a full collection
        only when the oldest generation is due), so a tick stays short."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [g for g in range(3) if counts[g] > thresholds[g]]
        if due:
            gc.collect(max(due))

    @staticmethod
    def settle() -> None:
        """After each step of start-up: move everything built so far out of the collector's
        sight, so later full collections do not walk the whole program again (about 70 ms
        each). No collection first: a full one over start-up's heap was itself the longest
        GUI stall (278 ms with a slow network); the little garbage start-up leaves is kept."""
        gc.freeze()
