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

The C heap is kept small here too (Linux with glibc only). glibc gives each new thread an
arena of its own (up to 8 per core) and keeps what is freed in it for reuse: over a day of
background calls the resident memory rose in steps while Python's own heap stayed flat
(issue 25: +7 to +45 MiB over 20,000 calls on the 2,000,000-patient database). So the
arenas are limited to ARENAS, and now and then, after a tick's collection, freed pages are
given back to the system (malloc_trim), at most every TRIM_EVERY_S.
"""

from __future__ import annotations

import ctypes
import gc
import platform
import sys
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000
START_GRACE_MS = 15_000  # collections resume by then even if the database never opened
ARENAS = 2  # the GUI thread's and one shared by the workers: calls run one or two at a time
TRIM_EVERY_S = 30.0  # a trim walks the free memory of every arena: a few ms, not every tick
_M_ARENA_MAX = -8  # glibc's malloc.h


def _glibc() -> Any | None:
    """The C library, when it is glibc (mallopt and malloc_trim are glibc's own)."""
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return None
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap glibc's malloc arenas (before the worker threads start, to count); False when
    the C library is not glibc."""
    libc = _glibc()
    return libc is not None and libc.mallopt(_M_ARENA_MAX, arenas) == 1


def give_back_freed() -> bool:
    """Return the C heap's free pages to the system; True when any went back."""
    libc = _glibc()
    return libc is not None and libc.malloc_trim(0) == 1


class GuiThreadCollector(QObject):
    settled = False  # set by settle(): start-up's objects are frozen

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._started = time.monotonic()
        self._trimmed = self._started

    def start(self) -> None:
        limit_arenas()
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
        now = time.monotonic()
        if now - self._trimmed >= TRIM_EVERY_S:
            self._trimmed = now
            give_back_freed()

    @staticmethod
    def settle() -> None:
        """During start-up, once code is loaded: move everything built so far out of the
        collector's sight, so later full collections do not walk the whole program again
        (about 70 ms each). No collection first: a full one over start-up's heap was itself
        the longest GUI stall (278 ms with a slow network); the little garbage start-up
        leaves is kept. Not for pages and data: what is frozen is never collected."""
        gc.freeze()
        GuiThreadCollector.settled = True
