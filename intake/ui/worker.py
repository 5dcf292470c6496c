"""Running work off the GUI thread and handing the result back by a signal.

Database calls go through here so the window never freezes on the network or the disk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from intake.domain.errors import KnownError

log = logging.getLogger(__name__)


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except KnownError as exc:
            self._emit(self.signals.failed, str(exc))
        except Exception:
            # A bug: the person gets a sentence, the log gets the traceback (no patient data
            # is in tracebacks of ours: messages carry ids, not values).
            log.exception("background task failed")
            self._emit(
                self.signals.failed,
                "Something went wrong inside the program. Nothing was saved by this action; "
                "the details are in the log file for your IT person.",
            )
        else:
            self._emit(self.signals.succeeded, result)
        finally:
            self._work = _done  # drop the closure here, not in a later collection

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the screen that asked was closed meanwhile: nobody to tell
            log.info("background result dropped: its receiver is gone")


def _done() -> None:
    return None


class Worker(QObject):
    """Owns the background pool of one window; results arrive on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._live: set[_Signals] = set()

    def submit(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[str], None],
    ) -> _Signals:
        signals = _Signals(self)
        signals.succeeded.connect(on_success)
        signals.failed.connect(on_failure)
        # Keep the signal object alive until it has delivered, then let it go.
        self._live.add(signals)
        signals.succeeded.connect(lambda _r: self._live.discard(signals))
        signals.failed.connect(lambda _m: self._live.discard(signals))
        self._pool.start(_Task(work, signals))
        return signals

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
