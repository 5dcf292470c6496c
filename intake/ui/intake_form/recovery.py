"""The restart offer: unfinished intakes from the local journal and the database, merged,
and registrations left unfinished on this computer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake import screening
from intake.domain.closing import check_discard_reason
from intake.domain.errors import KnownError
from intake.domain.search_query import mrn_for
from intake.services import intakes
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.journal import Journal, JournalEntry, RegistrationEntry
from intake.ui.review import wording
from intake.ui.words import said


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
    language: str = "en"  # the questions' language: the wizard continues in it
    source: str = "desk"  # 'tablet': the patient filled it in on the tablet
    finished_at: dt.datetime | None = None  # the patient touched Finish on the tablet

    @property
    def triage(self) -> str:
        """The screening of these answers so far, in words ("EMERGENCY", "REVIEW so far")."""
        try:
            checklist = screening.load_checklist(f"{self.checklist_id}-{self.checklist_version}")
        except screening.ChecklistError:
            return wording.word(None)
        result = screening.evaluate(checklist, self.answers, self.saved_at.date())
        word = wording.word(result.triage.value)
        urgent = result.triage in (screening.TriageLevel.EMERGENCY, screening.TriageLevel.REFER)
        return (
            word
            if urgent or result.complete
            else translate("Recovery", "{level} so far").format(level=word)
        )

    def describe(self) -> str:
        who = self.patient_label or (
            translate("Recovery", "Record no. {number}").format(number=mrn_for(self.patient_id))
            if self.patient_id
            else translate("Recovery", "No patient chosen yet")
        )
        when = wording.when(self.saved_at, short=True)
        text = translate("Recovery", "{level} · {who} · {count} answers · saved {when}").format(
            level=self.triage, who=who, count=len(self.answers), when=when
        )
        if self.source == "tablet":
            text += translate("Recovery", " · from tablet") + tablet_mark(self.finished_at)
        if self.only_on_this_computer:
            text += translate("Recovery", " – only on this computer")
        return text


def tablet_mark(finished_at: dt.datetime | None) -> str:
    """Whether the patient touched Finish: a draft without it may still be in their hands."""
    if finished_at is not None:
        return translate("Recovery", " · finished on the tablet")
    return translate("Recovery", " · not finished (still on the tablet?)")


@dataclass(frozen=True)
class UnfinishedRegistration:
    """A new patient's registration typed on this computer and not registered."""

    key: str
    fields: dict[str, str]
    saved_at: dt.datetime
    only_on_this_computer: bool = True

    @classmethod
    def from_entry(cls, entry: RegistrationEntry) -> UnfinishedRegistration:
        return cls(entry.key, dict(entry.fields), entry.saved)

    def describe(self) -> str:
        family, given = self.fields.get("family_name", ""), self.fields.get("given_name", "")
        who = ", ".join(part for part in (family, given) if part) or translate(
            "Recovery", "No name typed yet"
        )
        when = wording.when(self.saved_at, short=True)
        return translate("Recovery", "Registration of {who} · saved {when}").format(
            who=who, when=when
        )


Unfinished = UnfinishedDraft | UnfinishedRegistration


FIRST_SAVE_WINDOW = dt.timedelta(minutes=2)


def merge_unfinished(
    journal: list[JournalEntry], database: list[intakes.UnfinishedIntake] | None
) -> list[UnfinishedDraft]:
    """Each intake once, the newer copy winning; journal-only drafts are never dropped."""
    by_id = {row.id: row for row in database or []}
    rows = {e.key: by_id.pop(e.intake_id) for e in journal if e.intake_id in by_id}
    for entry in journal:
        if entry.key not in rows and (row := _first_save(entry, by_id)) is not None:
            rows[entry.key] = by_id.pop(row.id)
    merged = [_merged(entry, rows.get(entry.key)) for entry in journal]
    merged.extend(_from_row(row, None, "") for row in by_id.values())
    return sorted(merged, key=lambda d: d.saved_at, reverse=True)


def _merged(entry: JournalEntry, row: intakes.UnfinishedIntake | None) -> UnfinishedDraft:
    if row is not None and _moved_on(row, entry):
        return _from_row(row, entry.key, entry.step)
    return UnfinishedDraft(
        answers=dict(entry.answers),
        checklist_id=entry.checklist_id,
        checklist_version=entry.checklist_version,
        saved_at=entry.saved,
        journal_key=entry.key,
        intake_id=row.id if row is not None else entry.intake_id,
        version=row.version if row is not None else entry.version,
        patient_id=entry.patient_id,
        patient_label=row.patient_label if row is not None else "",
        step=entry.step,
        only_on_this_computer=row is None,
        language=entry.language,
        source=row.source if row is not None else "desk",
        finished_at=row.finished_at if row is not None else None,
    )


def _first_save(
    entry: JournalEntry, rows: dict[int, intakes.UnfinishedIntake]
) -> intakes.UnfinishedIntake | None:
    """The row a draft's first save created when the process ended before the journal
    heard of it: same patient, first version, stored while that copy was being typed."""
    if entry.intake_id is not None or not entry.saving or entry.patient_id is None:
        return None
    return next(
        (
            row
            for row in rows.values()
            if row.version == 1
            and row.patient_id == entry.patient_id
            and abs(row.updated_at - entry.saved) <= FIRST_SAVE_WINDOW
        ),
        None,
    )


def _moved_on(row: intakes.UnfinishedIntake, entry: JournalEntry) -> bool:
    """Whether the database row is newer than the journal's copy (changed elsewhere)."""
    if row.version == entry.version or row.updated_at <= entry.saved:
        return False
    # One version ahead of a copy written while a save was under way: that save, of an older
    # copy, landed and the process ended before the journal heard of it.
    return not (entry.saving and row.version == (entry.version or 0) + 1)


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
        language=row.patient_language,
        source=row.source,
        finished_at=row.finished_at,
    )


def unfinished_work(
    journal: Journal, database: list[intakes.UnfinishedIntake] | None
) -> list[Unfinished]:
    """Intakes (both copies merged) and registrations, newest first."""
    work: list[Unfinished] = [*merge_unfinished(journal.read_all(), database)]
    work += [UnfinishedRegistration.from_entry(e) for e in journal.read_registrations()]
    return sorted(work, key=lambda item: item.saved_at, reverse=True)


def load_unfinished(
    context: UiContext, journal: Journal, on_done: Callable[[list[Unfinished]], None]
) -> None:
    """Read both copies off the GUI thread; without the database, the journal still counts."""

    def work(database: Database, actor: Actor) -> list[Unfinished]:
        try:
            rows: list[intakes.UnfinishedIntake] | None = intakes.list_unfinished(database, actor)
        except KnownError:
            rows = None
        return unfinished_work(journal, rows)

    context.run(work, on_done, lambda _failure: on_done(unfinished_work(journal, None)))


class ResumeBar(QFrame):
    """At start, the work this computer left unfinished, offered back in one line."""

    item_was_chosen = Signal(object)  # UnfinishedDraft or UnfinishedRegistration

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeBar")
        self.setAccessibleName(translate("Recovery", "Unfinished work from the last session"))
        self.item: Unfinished | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.resume_button = QPushButton()
        self.resume_button.setObjectName("primaryButton")
        self.resume_button.clicked.connect(self._resume)
        self.later_button = QPushButton(translate("Recovery", "Later"))
        self.later_button.setAccessibleName(
            translate("Recovery", "Leave it in the list of unfinished work")
        )
        self.later_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.resume_button)
        layout.addWidget(self.later_button)
        self.hide()

    def offer(self, items: list[Unfinished]) -> None:
        """Offer the newest item kept on this computer (the others stay in the list)."""
        mine = [i for i in items if i.only_on_this_computer or _journaled(i)]
        if not mine:
            self.hide()
            return
        self.item = mine[0]
        more = (
            translate("Recovery", " (More in the list below: {count}.)").format(count=len(mine) - 1)
            if len(mine) > 1
            else ""
        )
        if isinstance(self.item, UnfinishedRegistration):
            question = translate("Recovery", "Restore the unfinished registration?")
            button = translate("Recovery", "Restore registration")
        else:
            question = translate("Recovery", "Continue the unfinished intake?")
            button = translate("Recovery", "Continue intake")
        self.text.setText(f"<b>{question}</b> {self.item.describe()}.{more}")
        self.resume_button.setText(button)
        self.resume_button.setAccessibleName(question)
        self.show()

    def _resume(self) -> None:
        if self.item is not None:
            self.hide()
            self.item_was_chosen.emit(self.item)


def _journaled(item: Unfinished) -> bool:
    return isinstance(item, UnfinishedDraft) and item.journal_key is not None


class RecoveryOffer(QWidget):
    """ "You have unfinished intakes": pick one with Enter or a double click to continue."""

    draft_was_chosen = Signal(object)  # UnfinishedDraft or UnfinishedRegistration
    discard_was_requested = Signal(object, str)  # the UnfinishedDraft, the reason given

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryOffer")
        self.heading = QLabel(translate("Recovery", "Unfinished work"))
        self.heading.setObjectName("sectionTitle")
        self.list = QListWidget()
        self.list.setAccessibleName(
            translate("Recovery", "Unfinished intakes and registrations (Enter continues one)")
        )
        # A narrow column (1024 px) wraps a long line rather than hiding its end sideways.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._chosen)
        self.continue_button = QPushButton(translate("Recovery", "Continue this one"))
        self.continue_button.setAccessibleName(
            translate("Recovery", "Continue the selected unfinished intake")
        )
        self.continue_button.clicked.connect(lambda: self._chosen(self.list.currentItem()))
        self.discard_button = QPushButton(translate("Recovery", "Discard…"))
        self.discard_button.setAccessibleName(
            translate("Recovery", "Discard the selected unfinished intake")
        )
        self.discard_button.setToolTip(
            translate("Recovery", "Give up this draft, with a reason (kept and audited)")
        )
        self.discard_button.clicked.connect(self._ask_reason)
        self.list.currentItemChanged.connect(lambda *_: self._close_reason())
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        self.reason_row = QWidget()
        self.reason = QLineEdit()
        self.reason.setAccessibleName(translate("Recovery", "Why is this draft discarded?"))
        self.reason.setPlaceholderText(
            translate("Recovery", "Why discard it? (for example: entered twice)")
        )
        self.reason.returnPressed.connect(self._discard)
        self.confirm_discard = QPushButton(translate("Recovery", "Discard draft"))
        self.confirm_discard.setAccessibleName(
            translate("Recovery", "Discard the draft with this reason")
        )
        self.confirm_discard.clicked.connect(self._discard)
        cancel = QPushButton(translate("Recovery", "Keep it"))
        cancel.setAccessibleName(translate("Recovery", "Keep the draft"))
        cancel.clicked.connect(self._close_reason)
        reason_line = QHBoxLayout(self.reason_row)
        reason_line.setContentsMargins(0, 0, 0, 0)
        reason_line.addWidget(self.reason, 1)
        reason_line.addWidget(self.confirm_discard)
        reason_line.addWidget(cancel)
        self.reason_row.hide()
        self.message = QLabel("")
        self.message.setObjectName("fieldNote")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("Recovery", "Unfinished work status"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.reason_row)
        layout.addWidget(self.message)
        self.drafts: list[Unfinished] = []

    def show_drafts(self, drafts: list[Unfinished]) -> None:
        self.drafts = list(drafts)
        self.list.clear()
        for draft in drafts:
            item = QListWidgetItem(draft.describe())
            item.setToolTip(draft.describe())
            item.setData(Qt.ItemDataRole.UserRole, draft)
            self.list.addItem(item)
        self.heading.setText(
            translate("Recovery", "Unfinished work ({count})").format(count=len(drafts))
            if drafts
            else translate("Recovery", "No unfinished work")
        )
        self.continue_button.setEnabled(bool(drafts))
        # Nothing to offer: a one-line note, not an empty box taking half the screen.
        self.list.setVisible(bool(drafts))
        self.continue_button.setVisible(bool(drafts))
        self.discard_button.setVisible(bool(drafts))
        self._close_reason()
        if drafts:
            self.list.setCurrentRow(0)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.draft_was_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def _selected_draft(self) -> UnfinishedDraft | None:
        item = self.list.currentItem()
        chosen = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return chosen if isinstance(chosen, UnfinishedDraft) else None

    def _ask_reason(self) -> None:
        if self._selected_draft() is None:
            self.message.setText(translate("Recovery", "Choose an unfinished intake to discard."))
            return
        self.message.setText("")
        self.reason_row.show()
        self.reason.setFocus()

    def _close_reason(self) -> None:
        self.reason.clear()
        self.reason_row.hide()

    def _discard(self) -> None:
        draft = self._selected_draft()
        if draft is None:
            return
        if problems := check_discard_reason(self.reason.text()):
            self.message.setText(said(problems["reason"]))
            self.reason.setFocus()
            return
        self.message.setText(translate("Recovery", "Discarding…"))
        self.discard_was_requested.emit(draft, self.reason.text().strip())
