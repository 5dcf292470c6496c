"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate; if that is a worker
thread and the garbage holds Qt objects, their C++ side is destroyed on the wrong thread and
the program can crash. As qutebrowser does, we switch the automatic collector off and collect
from a timer on the GUI thread instead.

Start-up is the exception: with the collector off, everything the program imports while the
database opens sits in the youngest generation, and a tick's collection would walk all of it
on the GUI thread (50-280 ms). So no collection runs until start-up settles (`settle`: the
database open, the code loaded and frozen out of the collector's sight), or START_GRACE_MS
has passed, whichever comes first.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000
START_GRACE_MS = 15_000  # collections resume by then even if the database never opened


class GuiThreadCollector(QObject):
    settled = False  # set by settle(): start-up's objects are frozen

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._started = time.monotonic()

    def start(self) -> None:
        gc.disable()
        GuiThreadCollector.settled = False
        self._started = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def starting(self) -> bool:
        """Still starting up: no collection yet (see the module's words)."""
        elapsed_ms = (time.monotonic() - self._started) * 1000
        return not GuiThreadCollector.settled and elapsed_ms < START_GRACE_MS

    def collect(self) -> None:
        """Collect the generations the automatic collector would have (a full collection
        only when the oldest generation is due), so a tick stays short."""
        if self.starting():
            return
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [g for g in range(3) if counts[g] > thresholds[g]]
        if due:
            gc.collect(max(due))

    @staticmethod
    def settle() -> None:
        """During start-up, once code is loaded: move everything built so far out of the
        collector's sight, so later full collections do not walk the whole program again
        (about 70 ms each). No collection first: a full one over start-up's heap was itself
        the longest GUI stall (278 ms with a slow network); the little garbage start-up
        leaves is kept. Not for pages and data: what is frozen is never collected."""
        gc.freeze()
        GuiThreadCollector.settled = True
