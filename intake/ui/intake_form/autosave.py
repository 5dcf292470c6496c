"""Never lose an intake: every change goes to the local journal at once, then to the database.

Each change is handed to the journal writer as it happens (on disk within journal.BOUND_MS,
off the GUI thread); the database save waits for a pause in typing (debounced) and goes
through the worker. A failed database save keeps the journal and tries again, waiting longer
each time; a draft changed on another computer stops the database copy (the journal keeps
this one) and says so. A draft continued from the restart offer writes nothing anywhere until
a person changes an answer.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, QObject, QTime, QTimer, Signal

from intake.domain.errors import StaleRecord
from intake.services import intakes
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.journal import Journal, JournalEntry, new_key, writer

log = logging.getLogger(__name__)

DELAY_MS = 600
FIRST_RETRY_MS = 3_000
LONGEST_RETRY_MS = 60_000


@dataclass(frozen=True)
class DraftState:
    """What the keeper saves: the wizard hands a new one on every change."""

    answers: dict[str, Any]
    checklist_id: str
    checklist_version: str
    patient_id: int | None
    step: str
    on: dt.date
    language: str = "en"  # the language the questions are shown in (stored with the intake)
    finished: bool = False  # the patient touched Finish on the tablet (self_intake only)


class DraftKeeper(QObject):
    draft_did_save = Signal(int)  # the intake's id, after the database has this copy
    status_did_change = Signal(str)  # a short line for the person ("Saved 10:42")

    def __init__(
        self,
        context: UiContext | None,
        journal: Journal | None,
        parent: QObject | None = None,
        *,
        delay_ms: int = DELAY_MS,
        save_draft: Callable[..., intakes.IntakeInfo] = intakes.save_draft,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._save_draft = save_draft  # the tablet's: self_intake.save_draft (marked 'tablet')
        self.journal = journal
        self.key = new_key()
        self.intake_id: int | None = None
        self.version: int | None = None
        self.state: DraftState | None = None
        self.stopped = False  # the database copy moved on elsewhere; the journal keeps ours
        self.finished = False  # submitted: nothing more is kept
        self._in_flight = False
        self._again = False
        self._saved_state: DraftState | None = None
        self._retry_ms = FIRST_RETRY_MS
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.flush)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._save_to_database)
        writer().write_did_fail.connect(self._journal_failed)

    @property
    def pending(self) -> bool:
        """True while a change has not reached the database yet."""
        return self._timer.isActive() or self._in_flight or self.state != self._saved_state

    @property
    def unsent(self) -> bool:
        """True while this draft is unfinished work (kept in the journal, not submitted)."""
        return self.state is not None and not self.finished

    def resume(
        self,
        key: str | None,
        intake_id: int | None,
        version: int | None,
        state: DraftState | None = None,
    ) -> None:
        """Continue an unfinished draft (its journal file and its database row) as it is:
        nothing is written until `changed` brings something new."""
        self._timer.stop()
        self.key = key or new_key()
        self.intake_id, self.version = intake_id, version
        self.state = self._saved_state = state

    def changed(self, state: DraftState) -> None:
        """A person changed the draft: to the journal now, to the database after a pause."""
        if state == self.state:
            return
        self.state = state
        self._write_journal()
        self._timer.start()

    def flush(self, *, force: bool = False) -> None:
        """Send what the database does not have yet now (`force`: even if nothing changed,
        for a copy that so far lives only in the journal)."""
        self._timer.stop()
        if self.state is None or (self.state == self._saved_state and not force):
            return
        self._save_to_database()

    def forget(self) -> None:
        """The intake is submitted: its journal file goes."""
        self.finished = True
        self._timer.stop()
        self._retry.stop()
        if self.journal is not None:
            self.journal.drop(self.key)

    def _write_journal(self) -> None:
        if self.journal is None or self.state is None or self.finished:
            return
        s = self.state
        entry = JournalEntry(
            key=self.key,
            answers=s.answers,
            checklist_id=s.checklist_id,
            checklist_version=s.checklist_version,
            patient_id=s.patient_id,
            intake_id=self.intake_id,
            version=self.version,
            step=s.step,
            saving=self._in_flight,
            language=s.language,
        )
        self.journal.keep(entry)

    def _journal_failed(self, name: str, _error: object) -> None:
        if self.journal is not None and name == self.journal.path_for(self.key).name:
            self.status_did_change.emit(
                translate("IntakeForm", "Cannot write the local copy (disk full?)")
            )

    def _save_to_database(self) -> None:
        if self.context is None or self.state is None or self.stopped:
            return
        if self._in_flight:
            self._again = True
            return
        self._retry.stop()
        self._in_flight, self._again = True, False
        self._write_journal()  # marked as under way: the restart offer pairs it with its row
        state, intake_id, version = self.state, self.intake_id, self.version

        save_draft = self._save_draft

        def work(database: Database, actor: Actor) -> intakes.IntakeInfo:
            return save_draft(
                database,
                actor,
                state.answers,
                patient_id=state.patient_id,
                intake_id=intake_id,
                version=version,
                on=state.on,
                language=state.language,
                **({"finished": True} if state.finished else {}),  # the tablet's save only
            )

        # A form closed while its save is under way hears nothing back (its journal stays).
        self.context.run(work, lambda result: self._saved(state, result), self._failed, owner=self)

    def _saved(self, state: DraftState, result: intakes.IntakeInfo) -> None:
        self._in_flight = False
        self.intake_id, self.version = result.id, result.version
        self._saved_state = state
        self._retry_ms = FIRST_RETRY_MS
        self._write_journal()  # the journal now knows the row and the version it builds on
        self.status_did_change.emit(translate("IntakeForm", "Saved {time}").format(time=_now()))
        self.draft_did_save.emit(result.id)
        if self._again or self.state != state:
            self._save_to_database()

    def _failed(self, error: BaseException) -> None:
        self._in_flight = False
        if isinstance(error, StaleRecord):
            self.stopped = True
            self.status_did_change.emit(
                translate("IntakeForm", "{problem} This copy is kept on this computer.").format(
                    problem=error
                )
            )
            return
        seconds = self._retry_ms // 1000
        self.status_did_change.emit(
            translate(
                "IntakeForm",
                "Kept on this computer; not in the database yet. Trying again in {seconds} s.",
            ).format(seconds=seconds)
        )
        log.info("intake draft not saved to the database; retrying in %s s", seconds)
        self._retry.start(self._retry_ms)
        self._retry_ms = min(self._retry_ms * 2, LONGEST_RETRY_MS)


def _now() -> str:
    """The clock with seconds (a person sees saving go on), as the staff's language writes
    it: 10:42:07 AM, 10:42:07 a.m. (the long format's time zone left out)."""
    locale = QLocale()
    form = locale.timeFormat(QLocale.FormatType.LongFormat)
    form = " ".join(part for part in form.split() if part.strip("t"))
    return locale.toString(QTime.currentTime(), form)
