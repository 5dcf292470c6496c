"""Put a caller on the waitlist, or change what they wait for: places, days, times of day,
a therapist, the earliest date and a note. The urgency is the triage's, shown in words.

A window-modal dialog opened with `open()` (never `exec()`): the program keeps running its
workers, and tests type into it like a person. Every database call goes through
`UiContext.run`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.domain.booking import WaitlistEntryInfo, WaitlistLine, WaitlistPreferences
from intake.domain.enums import PartOfDay
from intake.domain.errors import Invalid
from intake.domain.practice import LocationInfo, TherapistInfo
from intake.services import practice_admin, staffing, waitlist
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.status_line import say
from intake.ui.waitlist import wording
from intake.ui.words import said
from intake.ui.worker import failure_text

NOTE_LIMIT = waitlist.MAX_TEXT
DoneCallback = Callable[[WaitlistEntryInfo], None]


@dataclass(frozen=True)
class _Loaded:
    locations: list[LocationInfo]
    therapists: list[TherapistInfo]
    triage: str | None
    patient_label: str  # "" when the form was given it


class WaitlistEntryForm(QDialog):
    """One entry's wishes. `saved` carries the stored WaitlistEntryInfo."""

    saved = Signal(object)
    choices_did_load = Signal()
    save_did_fail = Signal(str)

    def __init__(
        self,
        parent: QWidget | None,
        context: UiContext,
        patient_id: int,
        intake_id: int | None = None,
        *,
        type_code: str = "EVAL60",
        patient_label: str = "",
        entry: WaitlistEntryInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("waitlistEntryForm")
        self.ctx = context
        self.patient_id, self.intake_id, self.type_code = patient_id, intake_id, type_code
        self.entry = entry  # None: a new entry
        self._saving = False
        self._therapist_wanted = entry.preferences.therapist_id if entry else None
        self.setWindowTitle(
            translate("Waitlist", "Change the waitlist entry")
            if entry
            else translate("Waitlist", "Add to the waitlist")
        )
        # No label here wraps: a form whose height depends on its width let Qt squeeze the
        # rows over each other; each line is short enough for a 1024 px screen.
        self.title = QLabel(
            translate("Waitlist", "Change what they wait for")
            if entry
            else translate("Waitlist", "Add to the waitlist — no suitable slot")
        )
        self.title.setObjectName("sectionTitle")
        self.who = QLabel(patient_label or "…")
        self.who.setObjectName("waitlistPatient")
        self.who.setAccessibleName(translate("Waitlist", "Patient"))
        self.urgency = QLabel(translate("Waitlist", "Urgency: looking up the screening…"))
        self.urgency.setObjectName("waitlistUrgency")
        self.urgency.setAccessibleName(translate("Waitlist", "Urgency from the screening"))
        self.locations = QListWidget()
        self.locations.setObjectName("waitlistLocations")
        self.locations.setAccessibleName(translate("Waitlist", "Locations (none ticked means any)"))
        rows = self.locations.fontMetrics().height() + 4
        self.locations.setFixedHeight(rows * 5)  # a few places in view, the rest scroll
        # Monday first, named in the interface's language (QLocale's default).
        locale = QLocale()
        self.weekdays = [
            _named(
                QCheckBox(locale.dayName(n, QLocale.FormatType.ShortFormat)),
                locale.dayName(n, QLocale.FormatType.LongFormat),
            )
            for n in range(1, 8)
        ]
        self.parts = {
            part: _named(
                QCheckBox(translate("Waitlist", wording.PART_WORDS[part])),
                translate("Waitlist", "Time of day: {part}").format(
                    part=translate("Waitlist", wording.PART_NAMES[part])
                ),
            )
            for part in PartOfDay
        }
        self.therapist = _named(QComboBox(), translate("Waitlist", "Therapist preference"))
        self.therapist.addItem(translate("Waitlist", "Any therapist"), None)
        self.not_before = _named(
            QCheckBox(translate("Waitlist", "Not &before")),
            translate("Waitlist", "Only from a date on"),
        )
        self.earliest = _named(QDateEdit(), translate("Waitlist", "Earliest date"))
        self.earliest.setCalendarPopup(True)
        # The order people type dates in: translated with the words.
        self.earliest.setDisplayFormat(translate("Waitlist", "MM/dd/yyyy"))
        today = dt.date.today()
        self.earliest.setDate(QDate(today.year, today.month, today.day))
        self.earliest.setEnabled(False)
        self.not_before.toggled.connect(self.earliest.setEnabled)
        self.note = _named(QPlainTextEdit(), translate("Waitlist", "Note for the desk"))
        self.note.setObjectName("waitlistNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            translate("Waitlist", "e.g. can leave work at short notice; call the mobile")
        )
        self.note.setMaximumHeight(80)
        self.errors: dict[str, QLabel] = {name: _error() for name in ("weekdays", "note")}
        self.status = QLabel()
        self.status.setObjectName("waitlistFormStatus")
        self.status.setAccessibleName(translate("Waitlist", "Waitlist form status"))
        self.save_button = QPushButton(
            (
                translate("Waitlist", "&Save changes")
                if entry
                else translate("Waitlist", "&Add to waitlist")
            )
            + " (Ctrl+Enter)"
        )
        self.save_button.setObjectName("waitlistSave")
        self.save_button.setAccessibleName(
            translate("Waitlist", "Save changes")
            if entry
            else translate("Waitlist", "Add to waitlist")
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(translate("Waitlist", "Cancel") + " (Esc)")
        self.cancel_button.setAccessibleName(translate("Waitlist", "Close without saving"))
        self.cancel_button.clicked.connect(self.reject)
        save_key = QShortcut(QKeySequence("Ctrl+Return"), self)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_key.activated.connect(self.save)
        self._build()
        if entry is not None:
            self._show_entry(entry)
        self._load()

    def start_from(
        self,
        weekdays: Sequence[int],
        parts_of_day: Sequence[PartOfDay],
        therapist_id: int | None,
    ) -> None:
        """Tick what the caller already asked for in the slot search (a new entry)."""
        for n, box in enumerate(self.weekdays):
            box.setChecked(n in weekdays)
        for part, box in self.parts.items():
            box.setChecked(part in parts_of_day)
        self._therapist_wanted = therapist_id
        if therapist_id is not None and (index := self.therapist.findData(therapist_id)) >= 0:
            self.therapist.setCurrentIndex(index)

    # --- reading -------------------------------------------------------------------------

    def preferences(self) -> WaitlistPreferences:
        items = (self.locations.item(row) for row in range(self.locations.count()))
        therapist = self.therapist.currentData()
        return WaitlistPreferences(
            location_ids=tuple(
                int(item.data(Qt.ItemDataRole.UserRole))
                for item in items
                if item.checkState() == Qt.CheckState.Checked
            ),
            weekdays=tuple(n for n, box in enumerate(self.weekdays) if box.isChecked()),
            parts_of_day=tuple(p for p, box in self.parts.items() if box.isChecked()),
            therapist_id=int(therapist) if therapist is not None else None,
        )

    def earliest_date(self) -> dt.date | None:
        if not self.not_before.isChecked():
            return None
        day = self.earliest.date()
        return dt.date(day.year(), day.month(), day.day())

    # --- saving --------------------------------------------------------------------------

    def save(self) -> None:
        if self._saving:
            return
        for label in self.errors.values():
            label.hide()
        note = self.note.toPlainText()
        if len(note.strip()) > NOTE_LIMIT:  # said at once; the service says it too
            self._field_error(
                "note",
                translate("Waitlist", "Keep the note under {limit} characters.").format(
                    limit=NOTE_LIMIT
                ),
            )
            return
        wanted, earliest, entry = self.preferences(), self.earliest_date(), self.entry
        work: Callable[[Database, Actor], WaitlistEntryInfo]
        if entry is None:
            patient, intake, kind = self.patient_id, self.intake_id, self.type_code

            def work(db: Database, actor: Actor) -> WaitlistEntryInfo:
                return waitlist.add(
                    db, actor, patient, wanted, type_code=kind, intake_id=intake,
                    earliest_date=earliest, note=note,
                )  # fmt: skip
        else:

            def work(db: Database, actor: Actor) -> WaitlistEntryInfo:
                return waitlist.update(
                    db, actor, entry.id, entry.version, wanted, earliest_date=earliest, note=note
                )

        self._saving = True
        self.save_button.setEnabled(False)
        say(self.status, "info", translate("Waitlist", "Saving…"))
        self.ctx.run(work, self._saved, self._failed, owner=self)

    def _saved(self, info: WaitlistEntryInfo) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.entry = info if self.entry is not None else None
        self.saved.emit(info)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        message = failure_text(error)
        if isinstance(error, Invalid):
            for name, text in error.problems.items():
                self._field_error(name, said(text))
            message = translate("Waitlist", "Check the marked fields; nothing you typed is lost.")
        say(self.status, "error", translate("Waitlist", "Not saved: {why}").format(why=message))
        self.save_did_fail.emit(message)

    def _field_error(self, name: str, text: str) -> None:
        label = self.errors.get(name)
        if label is not None:
            label.setText(text)
            label.show()

    # --- loading -------------------------------------------------------------------------

    def _load(self) -> None:
        patient, intake, kind, entry = self.patient_id, self.intake_id, self.type_code, self.entry

        def work(db: Database, actor: Actor) -> _Loaded:
            who = None
            if entry is None:
                who = waitlist.prospect(db, actor, patient, intake, type_code=kind)
            return _Loaded(
                practice_admin.list_locations(db, actor),
                staffing.list_therapists(db, actor),
                who.entry.triage if who is not None else entry.triage if entry else None,
                (
                    translate("Waitlist", "{name} (record no. {number})").format(
                        name=who.patient_name, number=who.record_number
                    )
                    if who
                    else ""
                ),
            )

        self.save_button.setEnabled(False)
        self.ctx.run(work, self._loaded, self._load_failed, owner=self)

    def _loaded(self, loaded: _Loaded) -> None:
        wanted = self.entry.preferences if self.entry else WaitlistPreferences()
        self.locations.clear()
        for place in sorted(loaded.locations, key=lambda p: p.name):
            item = QListWidgetItem(place.name)
            item.setData(Qt.ItemDataRole.UserRole, place.id)
            item.setToolTip(f"{place.name}, {place.address}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = place.id in wanted.location_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.locations.addItem(item)
        if self.locations.count():
            self.locations.setCurrentRow(0)
        for person in loaded.therapists:
            label = f"{person.display_name}, {person.credentials}".rstrip(", ")
            self.therapist.addItem(label, person.id)
        if self._therapist_wanted is not None:
            index = self.therapist.findData(self._therapist_wanted)
            self.therapist.setCurrentIndex(max(index, 0))
        self.urgency.setText(
            translate("Waitlist", "Urgency: {urgency}").format(
                urgency=wording.urgency_sentence(loaded.triage)
            )
        )
        if loaded.patient_label:
            self.who.setText(loaded.patient_label)
        self.save_button.setEnabled(True)
        say(
            self.status,
            "info",
            translate(
                "Waitlist",
                "Nothing ticked means any location, day, time or therapist. Ctrl+Enter saves.",
            ),
        )
        self.choices_did_load.emit()

    def _load_failed(self, error: BaseException) -> None:
        # A patient who may not be booked may not wait either: said, and nothing to save.
        self.urgency.setText(translate("Waitlist", "Urgency: {urgency}").format(urgency="—"))
        say(
            self.status,
            "blocked",
            translate("Waitlist", "Cannot add to the waitlist: {why}").format(
                why=failure_text(error)
            ),
        )
        self.save_did_fail.emit(failure_text(error))

    def _show_entry(self, entry: WaitlistEntryInfo) -> None:
        wanted = entry.preferences
        for n, box in enumerate(self.weekdays):
            box.setChecked(n in wanted.weekdays)
        for part, box in self.parts.items():
            box.setChecked(part in wanted.parts_of_day)
        if entry.earliest_date is not None:
            day = entry.earliest_date
            self.not_before.setChecked(True)
            self.earliest.setDate(QDate(day.year, day.month, day.day))
        self.note.setPlainText(entry.note)

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # "Nothing ticked means any" is said by the status line under the form.
        form.addRow(_buddy(translate("Waitlist", "&Locations"), self.locations), self.locations)
        form.addRow(
            QLabel(translate("Waitlist", "Weekdays")),
            _column(_row(self.weekdays), self.errors["weekdays"]),
        )
        form.addRow(QLabel(translate("Waitlist", "Times of day")), _row(list(self.parts.values())))
        form.addRow(_buddy(translate("Waitlist", "&Therapist"), self.therapist), self.therapist)
        earliest = QHBoxLayout()
        earliest.addWidget(self.not_before)
        earliest.addWidget(self.earliest, 1)
        form.addRow(QLabel(translate("Waitlist", "Earliest date")), earliest)
        form.addRow(
            _buddy(translate("Waitlist", "&Note"), self.note),
            _column(self.note, self.errors["note"]),
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addWidget(self.urgency)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        chain: Sequence[QWidget] = [
            self.locations,
            *self.weekdays,
            *self.parts.values(),
            self.therapist,
            self.not_before,
            self.earliest,
            self.note,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.locations.setFocus()


def open_waitlist_entry(
    parent: QWidget | None,
    context: UiContext,
    patient_id: int,
    intake_id: int | None = None,
    *,
    type_code: str = "EVAL60",
    patient_label: str = "",
    on_done: DoneCallback | None = None,
) -> WaitlistEntryForm:
    """Open the form for a new entry (from booking, or the patient record); `on_done` gets
    the stored entry. Returns the (open, window-modal) form."""
    form = WaitlistEntryForm(
        parent, context, patient_id, intake_id, type_code=type_code, patient_label=patient_label
    )
    return _open(form, on_done)


def edit_waitlist_entry(
    parent: QWidget | None,
    context: UiContext,
    line: WaitlistLine,
    *,
    on_done: DoneCallback | None = None,
) -> WaitlistEntryForm:
    """Open the form on an existing entry (the waitlist view, the patient record)."""
    entry = line.entry
    form = WaitlistEntryForm(
        parent,
        context,
        entry.patient_id,
        entry.intake_id,
        type_code=entry.type_code or "EVAL60",
        patient_label=f"{line.patient_name} (record no. {line.record_number})",
        entry=entry,
    )
    return _open(form, on_done)


def _open(form: WaitlistEntryForm, on_done: DoneCallback | None) -> WaitlistEntryForm:
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_done is not None:
        form.saved.connect(on_done)
    form.open()
    return form


def _named(widget: Any, name: str) -> Any:
    widget.setAccessibleName(name)
    return widget


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _error() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.hide()
    return label


def _row(widgets: Sequence[QWidget]) -> QWidget:
    # A plain row (not a wrapping one): the dialog is at most ~700 px wide, and a fixed
    # height keeps the form's minimum honest (rows that wrap made fields overlap).
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return holder


def _column(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        column.addWidget(widget)
    return holder
