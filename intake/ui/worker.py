"""Running work off the GUI thread and handing the result back by a signal.

Database calls go through here so the window never freezes on the network or the disk.
A failure reaches the screen as the exception itself: a `KnownError` is for the person to
read, anything else is a bug, logged here with its traceback and told to the person as one
general sentence; `failure_text` gives either in the staff's language. Screens tell errors
apart with isinstance.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from intake.domain.errors import KnownError
from intake.ui.words import BUG_SENTENCE, error_text

__all__ = ["BUG_SENTENCE", "Worker", "failure_text", "in_words"]

log = logging.getLogger(__name__)

Failure = Callable[[BaseException], None]


def failure_text(error: BaseException) -> str:
    """What a person reads about a failure: a known error's sentence, else the bug one, in
    the staff's language (intake/ui/words.py)."""
    return error_text(error)


def in_words(show: Callable[[str], None]) -> Failure:
    """A failure callback for a screen that only shows the sentence (a status line)."""
    return lambda error: show(failure_text(error))


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], number: int, worker: Worker) -> None:
        super().__init__()
        self._work = work
        self._number = number
        self._worker = worker

    def run(self) -> None:
        try:
            result = self._work()
        except KnownError as exc:
            self._emit(False, exc.with_traceback(None))
        except Exception as exc:
            # A bug: the log gets the traceback (no patient data is in tracebacks of ours:
            # messages carry ids, not values); the screen gets the exception to decide on.
            log.exception("background task failed")
            self._emit(False, exc.with_traceback(None))
        else:
            self._emit(True, result)
        finally:
            self._work = _done  # drop the closure here, not in a later collection

    def _emit(self, ok: bool, value: object) -> None:
        try:
            self._worker.task_did_finish.emit(self._number, ok, value)
        except RuntimeError:  # the window that asked was closed meanwhile: nobody to tell
            log.info("background result dropped: its receiver is gone")


def _done() -> None:
    return None


class Worker(QObject):
    """Owns the background pool of one window; results arrive on the GUI thread.

    One signal for every call, and the callbacks waiting in a dict until their answer is
    delivered: nothing is created per call that could outlive it (a per-call QObject once
    stayed a child of the worker for the whole day: +84 MiB after 20,000 calls).
    """

    # Emitted from the pool's threads; the worker lives on the GUI thread, so it is queued.
    task_did_finish = Signal(int, bool, object)  # call number, succeeded, result or exception

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._numbers = itertools.count(1)
        self._waiting: dict[int, tuple[Callable[[Any], None], Failure]] = {}
        self.task_did_finish.connect(self._deliver)

    @property
    def pending(self) -> int:
        """Calls whose answer has not been delivered yet."""
        return len(self._waiting)

    def submit(
        self, work: Callable[[], Any], on_success: Callable[[Any], None], on_failure: Failure
    ) -> int:
        """Run `work` in the pool; the call's number is returned."""
        number = next(self._numbers)
        self._waiting[number] = (on_success, on_failure)
        self._pool.start(_Task(work, number, self))
        return number

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    def _deliver(self, number: int, ok: bool, value: object) -> None:
        on_success, on_failure = self._waiting.pop(number)
        if ok:
            on_success(value)
        else:
            assert isinstance(value, BaseException)
            on_failure(value)
