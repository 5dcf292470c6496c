"""The restart offer: unfinished intakes from the local journal and the database, merged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.domain.errors import KnownError
from intake.services import intakes
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui.context import UiContext
from intake.ui.journal import Journal, JournalEntry


@dataclass(frozen=True)
class UnfinishedDraft:
    """One intake to offer back: the newest copy of it, wherever that was kept."""

    answers: dict[str, Any]
    checklist_id: str
    checklist_version: str
    saved_at: dt.datetime
    journal_key: str | None = None
    intake_id: int | None = None
    version: int | None = None
    patient_id: int | None = None
    patient_label: str = ""
    step: str = ""
    only_on_this_computer: bool = False

    def describe(self) -> str:
        who = self.patient_label or (
            f"Patient #{self.patient_id}" if self.patient_id else "No patient chosen yet"
        )
        when = self.saved_at.astimezone().strftime("%d %b %H:%M")
        where = " – only on this computer" if self.only_on_this_computer else ""
        return f"{who} · {len(self.answers)} answers · saved {when}{where}"


def merge_unfinished(
    journal: list[JournalEntry], database: list[intakes.UnfinishedIntake] | None
) -> list[UnfinishedDraft]:
    """Each intake once, the newer copy winning; journal-only drafts are never dropped."""
    by_id = {row.id: row for row in database or []}
    merged: list[UnfinishedDraft] = []
    for entry in journal:
        row = by_id.pop(entry.intake_id, None) if entry.intake_id is not None else None
        if row is not None and row.updated_at > entry.saved and row.version != entry.version:
            merged.append(_from_row(row, entry.key, entry.step))
            continue
        merged.append(
            UnfinishedDraft(
                answers=dict(entry.answers),
                checklist_id=entry.checklist_id,
                checklist_version=entry.checklist_version,
                saved_at=entry.saved,
                journal_key=entry.key,
                intake_id=entry.intake_id,
                version=row.version if row is not None else entry.version,
                patient_id=entry.patient_id,
                patient_label=row.patient_label if row is not None else "",
                step=entry.step,
                only_on_this_computer=row is None,
            )
        )
    merged.extend(_from_row(row, None, "") for row in by_id.values())
    return sorted(merged, key=lambda d: d.saved_at, reverse=True)


def _from_row(row: intakes.UnfinishedIntake, key: str | None, step: str) -> UnfinishedDraft:
    return UnfinishedDraft(
        answers=dict(row.answers),
        checklist_id=row.checklist_id,
        checklist_version=row.checklist_version,
        saved_at=row.updated_at,
        journal_key=key,
        intake_id=row.id,
        version=row.version,
        patient_id=row.patient_id,
        patient_label=row.patient_label,
        step=step,
    )


def load_unfinished(
    context: UiContext, journal: Journal, on_done: Callable[[list[UnfinishedDraft]], None]
) -> None:
    """Read both copies off the GUI thread; without the database, the journal still counts."""

    def work(database: Database, actor: Actor) -> list[UnfinishedDraft]:
        entries = journal.read_all()
        try:
            rows: list[intakes.UnfinishedIntake] | None = intakes.list_unfinished(database, actor)
        except KnownError:
            rows = None
        return merge_unfinished(entries, rows)

    context.run(work, on_done, lambda _error: on_done(merge_unfinished(journal.read_all(), None)))


class RecoveryOffer(QWidget):
    """ "You have unfinished intakes": pick one with Enter or a double click to continue."""

    draft_was_chosen = Signal(object)  # UnfinishedDraft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryOffer")
        self.heading = QLabel("Unfinished intakes")
        self.heading.setObjectName("sectionTitle")
        self.list = QListWidget()
        self.list.setAccessibleName("Unfinished intakes (Enter continues one)")
        self.list.itemActivated.connect(self._chosen)
        self.continue_button = QPushButton("Continue this intake")
        self.continue_button.setAccessibleName("Continue the selected unfinished intake")
        self.continue_button.clicked.connect(lambda: self._chosen(self.list.currentItem()))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.drafts: list[UnfinishedDraft] = []

    def show_drafts(self, drafts: list[UnfinishedDraft]) -> None:
        self.drafts = list(drafts)
        self.list.clear()
        for draft in drafts:
            item = QListWidgetItem(draft.describe())
            item.setData(Qt.ItemDataRole.UserRole, draft)
            self.list.addItem(item)
        self.heading.setText(
            f"Unfinished intakes ({len(drafts)})" if drafts else "No unfinished intakes"
        )
        self.continue_button.setEnabled(bool(drafts))
        # Nothing to offer: a one-line note, not an empty box taking half the screen.
        self.list.setVisible(bool(drafts))
        self.continue_button.setVisible(bool(drafts))
        if drafts:
            self.list.setCurrentRow(0)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.draft_was_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
