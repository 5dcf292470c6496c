"""The record's details, edited: the same fields and checks as registration, saved against
the version this computer opened.

When another computer saved the record first, the database refuses the save (StaleRecord);
the form then reads the record as saved there and shows each differing field side by side
(conflict_panel). The typed values stay in the form the whole time, so "Back to my typing"
loses nothing, and a later save compares again: nothing is overwritten silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.domain.errors import Invalid, StaleRecord
from intake.domain.patient import DRAFT_FIELDS, PatientDraft, PatientInfo, clean_draft
from intake.domain.patient_record import FieldDifference, Side, as_draft, differences, resolved
from intake.services import patients
from intake.ui import keys, when
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.patients.conflict_panel import ConflictPanel
from intake.ui.patients.patient_fields import PatientFields
from intake.ui.status_line import say
from intake.ui.words import problems_of
from intake.ui.worker import failure_text

if TYPE_CHECKING:
    from intake.services.actor import Actor
    from intake.services.database import Database

FORM, CONFLICT = 0, 1


class RecordForm(QWidget):
    record_was_saved = Signal(object)  # the PatientInfo as stored
    conflict_did_show = Signal(int)  # how many fields differ
    save_did_fail = Signal(str)

    def __init__(
        self, context: UiContext, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordForm")
        self._context = context
        self.base: PatientInfo | None = None  # the record as this computer last read it
        self._theirs: PatientInfo | None = None
        self._found: tuple[FieldDifference, ...] = ()
        self.fields = PatientFields(context, today=today or dt.date.today(), note=True)
        self.fields.setObjectName("recordFields")
        self.fields.field_was_edited.connect(self._edited)
        self.fields.field_was_finished.connect(lambda _name: self._recheck())
        self.conflict = ConflictPanel()
        self.conflict.choices_were_made.connect(self._save_choices)
        self.conflict.dismissed.connect(self._back_to_typing)
        self.status = QLabel("")
        self.status.setObjectName("recordStatus")
        self.status.setAccessibleName(translate("RecordForm", "Record status"))
        self.status.setWordWrap(True)
        self.save_button = QPushButton(translate("RecordForm", "Save changes (Ctrl+S)"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setAccessibleName(translate("RecordForm", "Save the record"))
        self.save_button.clicked.connect(self.save)
        keys.means(QShortcut(QKeySequence("Ctrl+S"), self), keys.SAVE).activated.connect(self.save)
        self._build()

    # --- public -----------------------------------------------------------------------------

    def show_record(self, info: PatientInfo) -> None:
        self.base, self._theirs = info, None
        self.fields.put(as_draft(info))
        self.stack.setCurrentIndex(FORM)
        self.save_button.setEnabled(True)
        self.save_button.show()
        say(self.status, "info", "")

    def typed(self) -> PatientDraft:
        """The record as typed here; what the form does not show (the referral, say) as
        this computer read it, so a save never blanks it."""
        draft = self.fields.draft()
        if self.base is None:
            return draft
        shown = self.fields.values()
        return replace(
            draft, **{name: getattr(self.base, name) for name in DRAFT_FIELDS if name not in shown}
        )

    def changed(self) -> bool:
        """Typed here and not saved (as the service would store it)."""
        if self.base is None:
            return False
        return clean_draft(self.typed()) != clean_draft(as_draft(self.base))

    def save(self) -> None:
        if self.base is None or self.stack.currentIndex() == CONFLICT:
            return
        problems = self.fields.check_now()
        if problems:
            say(
                self.status,
                "error",
                translate("RecordForm", "Not saved: some fields need attention (see beside them)."),
            )
            self.fields.focus_first(problems)
            return
        self._send(self.base, self.typed())

    # --- saving -----------------------------------------------------------------------------

    def _send(self, base: PatientInfo, draft: PatientDraft) -> None:
        self.save_button.setEnabled(False)
        say(self.status, "info", translate("RecordForm", "Saving…"))
        patient_id, version = base.id, base.version

        def work(db: Database, actor: Actor) -> PatientInfo:
            return patients.update(db, actor, patient_id, version, draft)

        self._context.run(work, self._saved, lambda error: self._failed(error, draft))

    def _saved(self, info: PatientInfo) -> None:
        self.show_record(info)
        say(
            self.status,
            "done",
            translate("RecordForm", "Saved at {time}.").format(
                time=when.time_of_day(dt.datetime.now(), localized=True)
            ),
        )
        self.record_was_saved.emit(info)

    def _failed(self, error: BaseException, mine: PatientDraft) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, StaleRecord):
            self._read_theirs(mine)
            return
        if isinstance(error, Invalid):
            self.fields.touched.update(error.problems)
            self.fields.show_problems(problems_of(error))
        message = failure_text(error)
        say(
            self.status,
            "error",
            translate("RecordForm", "Not saved: {message}").format(message=message),
        )
        self.save_did_fail.emit(message)

    def _read_theirs(self, mine: PatientDraft) -> None:
        assert self.base is not None
        say(
            self.status,
            "warn",
            translate("RecordForm", "Changed on another computer meanwhile: reading its version…"),
        )
        patient_id = self.base.id

        def work(db: Database, actor: Actor) -> PatientInfo:
            return patients.get(db, actor, patient_id)

        def failed(error: BaseException) -> None:
            say(
                self.status,
                "error",
                translate("RecordForm", "Not saved: {message}").format(message=failure_text(error)),
            )

        self._context.run(work, lambda theirs: self._compare(theirs, mine), failed)

    def _compare(self, theirs: PatientInfo, mine: PatientDraft) -> None:
        assert self.base is not None
        found = differences(as_draft(self.base), as_draft(theirs), mine)
        self._theirs, self._found = theirs, found
        if not found:  # the other computer stored just what was typed here
            self._saved(theirs)
            return
        self.conflict.ask(found, self._shown)
        self.stack.setCurrentIndex(CONFLICT)
        self.save_button.hide()  # the panel's own button saves the choices
        say(
            self.status,
            "warn",
            translate("RecordForm", "Not saved yet: choose a value for each field below."),
        )
        self.conflict_did_show.emit(len(found))

    def _save_choices(self, chosen: dict[str, Side]) -> None:
        theirs = self._theirs
        assert theirs is not None
        draft = resolved(as_draft(theirs), self._found, chosen)
        # The person has now seen the other computer's record: it is the base of this save,
        # and the form shows the choices (so a further conflict compares against them).
        self.base = theirs
        with self.fields.filling():
            self.fields.put(draft)
        self.stack.setCurrentIndex(FORM)
        self._send(theirs, draft)

    def _back_to_typing(self) -> None:
        # The base stays the version first opened: the next save compares again.
        self.stack.setCurrentIndex(FORM)
        self.save_button.show()
        say(
            self.status,
            "warn",
            translate(
                "RecordForm", "Not saved. Your typing is as you left it; saving compares again."
            ),
        )
        self.fields.setFocus()
        self.fields.focusNextChild()

    # --- showing values ---------------------------------------------------------------------

    def _shown(self, name: str, value: object) -> str:
        if value in (None, ""):
            return translate("RecordForm", "(empty)")
        if isinstance(value, dt.date):
            return when.date(value, localized=True)
        widget = self.fields.inputs.get(name)
        if isinstance(widget, QComboBox) and (index := widget.findData(value)) >= 0:
            return widget.itemText(index)
        return str(value).replace("\n", " / ")

    def _edited(self, name: str) -> None:
        if name in self.fields.touched:  # once a message shows, keep it current
            self._recheck()

    def _recheck(self) -> None:
        self.fields.show_problems(self.fields.problems())

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.fields)
        self.stack = QStackedWidget()
        self.stack.addWidget(scroll)
        self.stack.addWidget(self.conflict)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
