"""Automatic backups of the embedded database, and the status-bar line that tells of them.

A backup is made when a session starts or the screen locks (the person left) if the last one
is older than a short while, at most once per interval while the program runs, and when it
closes. The work runs on a pool of its own, so screens never wait behind a backup; the
window only shows the outcome.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from intake.domain.backups import BackupHealth, BackupState, describe_state
from intake.ui.i18n import translate
from intake.ui.words import said
from intake.ui.worker import Worker, failure_text

if TYPE_CHECKING:
    from intake.services.database import Database
    from intake.settings import BackupSettings

CHECK_EVERY_MS = 10 * 60_000
# Locking and closing back up only if the last backup is older than this: a person who
# locks the screen every few minutes must not fill the folder.
ON_LEAVING_HOURS = 0.25


class AutoBackup(QObject):
    state_did_change = Signal(object)  # BackupState

    def __init__(
        self,
        window: QMainWindow,
        database: Database,
        settings: BackupSettings,
        data_dir: Path,
    ) -> None:
        super().__init__(window)
        self._database = database
        self._settings = settings
        self._data_dir = data_dir
        self._worker = Worker(self)  # its own pool: a long backup holds up no screen
        self._running = False
        self._again: float | None = None  # a request that came while one was running
        self.state: BackupState | None = None
        self.label = QLabel(translate("AutoBackup", "Backups: checking…"))
        self.label.setObjectName("backupLabel")
        self.label.setAccessibleName(translate("AutoBackup", "Backups"))
        window.statusBar().addPermanentWidget(self.label)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.run_if_due)

    def start(self) -> None:
        self._timer.start()
        self.run(ON_LEAVING_HOURS)

    def stop(self) -> None:
        self._timer.stop()

    def run_if_due(self) -> None:
        self.run(self._settings.interval_hours)

    def person_did_leave(self) -> None:
        self.run(ON_LEAVING_HOURS)

    def run(self, min_age_hours: float) -> None:
        """Back up off the GUI thread if the newest backup is older than `min_age_hours`."""
        if self._running:
            self._again = min(self._again or min_age_hours, min_age_hours)
            return
        self._running = True
        if self.state is None or self.state.last_good is None:
            self.label.setText(translate("AutoBackup", "Backups: checking…"))
        self._worker.submit(self._work(min_age_hours), self._finished, self._failed)

    def _work(self, min_age_hours: float) -> Callable[[], BackupState]:
        database, data_dir, settings = self._database, self._data_dir, self._settings

        def work() -> BackupState:
            from intake.services import backup

            _lower_this_threads_priority()
            return backup.automatic(database, data_dir, settings, min_age_hours=min_age_hours)

        return work

    def back_up_at_close(self, timeout_ms: int = 600_000) -> None:
        """The program is closing (no event loop any more): back up and wait for it."""
        self.stop()
        self._worker.wait_for_done(timeout_ms)
        self._running = False
        self.run(ON_LEAVING_HOURS)
        self._worker.wait_for_done(timeout_ms)

    def _finished(self, state: BackupState) -> None:
        if state.failure:
            state = replace(state, failure=_first_sentence(said(state.failure)))
        self._show(state)

    def _failed(self, problem: object) -> None:
        # `problem` is what the worker hands over (a message, or the exception itself); the
        # service reports known problems in the state, so this is the unexpected kind.
        last = self.state
        self._show(
            BackupState(
                configured=True,
                folder=str(self._settings.folder),
                folder_exists=True,
                last_good=last.last_good if last else None,
                failure=_first_sentence(
                    failure_text(problem) if isinstance(problem, BaseException) else str(problem)
                ),
            )
        )

    def _show(self, state: BackupState) -> None:
        self._running = False
        self.state = state
        health, text, detail = describe_state(state, dt.datetime.now())
        warning = health is BackupHealth.WARNING
        self.label.setText(("⚠ " if warning else "✓ ") + said(text))
        self.label.setToolTip(said(detail))
        self.label.setAccessibleDescription(said(detail))
        self.label.setProperty("warning", warning)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        self.label.setMinimumWidth(self.label.sizeHint().width())  # never cut off
        self.state_did_change.emit(state)
        again, self._again = self._again, None
        if again is not None:
            self.run(again)


def _lower_this_threads_priority() -> None:
    """The backup's CPU work (compressing, encrypting) yields to the window's thread.

    Only backups run on this pool, so its threads may stay low. Qt sets thread priorities
    on Windows and macOS; on Linux a thread's nice value is its own (setpriority on the tid).
    """
    QThread.currentThread().setPriority(QThread.Priority.LowestPriority)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 15)


def _first_sentence(text: str) -> str:
    head = text.split(". ", 1)[0].strip()
    return head if len(head) <= 200 else head[:197] + "…"
