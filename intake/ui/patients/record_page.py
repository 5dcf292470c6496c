"""The Patients area: find a patient, then their record.

Two views in one place, as at the front desk: the search (Ctrl+F from anywhere in the area)
and the chosen record. Opening a record reads it whole (services.patient_record, audited);
a record with unsaved typing is not left silently: choosing another patient first asks, in
a bar inside the window, whether to go back to it or to drop the typing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.domain.merge import MergeDone, UndoDone
from intake.domain.patient_record import PatientRecord
from intake.domain.permissions import Permission, allows
from intake.services import patient_record
from intake.ui import keys
from intake.ui.context import UiContext
from intake.ui.fhir_export import PatientExportButton
from intake.ui.i18n import translate
from intake.ui.main_window import UNSAVED_RECORD
from intake.ui.patients.merge_dialog import can_merge, open_merge
from intake.ui.patients.record_view import RecordView
from intake.ui.patients.search_widget import PatientSearchWidget
from intake.ui.saved_files import SavedFileNote
from intake.ui.series import CourseDialog, open_course
from intake.ui.series.entry import from_record
from intake.ui.status_line import say
from intake.ui.worker import failure_text

FIND, RECORD = 0, 1


class RecordPage(QWidget):
    record_did_open = Signal(int)  # the patient id, once the record is on screen
    status_did_change = Signal(str)

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
        may_start_intake: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patientsPage")
        self.context = context
        self._waiting: int | None = None  # the patient asked for while typing was unsaved
        self._asked = 0  # records asked for so far: only the newest answer is shown
        self._note = ""  # said once the next record shows (a merged one led here)
        self.search = PatientSearchWidget(context)
        self.search.patient_was_chosen.connect(self.open_patient)
        self.view = RecordView(context, clock=clock, may_start_intake=may_start_intake)
        self.view.record_did_change.connect(self.reload)
        self.back = QPushButton(translate("RecordPage", "Back to search (Ctrl+F)"))
        self.back.setAccessibleName(translate("RecordPage", "Back to the patient search"))
        self.back.clicked.connect(self.show_find)
        self.status = QLabel()
        self.status.setObjectName("recordPageStatus")
        self.status.setAccessibleName(translate("RecordPage", "Patients status"))
        self.status.setWordWrap(True)
        self.leave_bar = LeaveBar()
        self.leave_bar.stay.clicked.connect(self._stay)
        self.leave_bar.drop.clicked.connect(self._drop_typing)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.search)
        record = QWidget()
        column = QVBoxLayout(record)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view, 1)
        self.view.add_action(self.back)  # beside the record's actions: one row less
        # A duplicate of this record is merged into the one that stays (admins: the service
        # checks again); the dialog asks which record stays and which values it keeps.
        self.merge_button = QPushButton(translate("RecordPage", "Merge into…"))
        self.merge_button.setAccessibleName(
            translate("RecordPage", "Merge this record into another record")
        )
        self.merge_button.setToolTip(
            translate(
                "RecordPage",
                "This record is a duplicate: move its intakes, visits and waitlist entries to the "
                "record that stays, choosing each differing value",
            )
        )
        self.merge_button.clicked.connect(self.ask_merge)
        if can_merge(context):
            self.view.add_action(self.merge_button)
        self._clock = clock
        self.course_dialog: CourseDialog | None = None
        self.course_button = QPushButton(translate("RecordPage", "Book a course of visits…"))
        self.course_button.setAccessibleName(
            translate("RecordPage", "Book a course of visits for this patient")
        )
        self.course_button.clicked.connect(self.ask_course)
        if allows(context.actor.role, Permission.BOOKING):  # the service checks again
            self.view.add_action(self.course_button)
        # One patient's data as a FHIR Bundle file (admins; shown disabled, saying why, else).
        self.export_button = PatientExportButton(context)
        self.export_button.did_save.connect(self._exported)
        self.export_button.did_fail.connect(
            lambda message: self._say(
                "error",
                translate("RecordPage", "Could not export: {message}").format(message=message),
            )
        )
        self.view.add_action(self.export_button)
        self.saved = SavedFileNote()
        self.stack.addWidget(record)
        layout = QVBoxLayout(self)
        layout.addWidget(self.leave_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.saved)
        shortcut = keys.means(QShortcut(QKeySequence("Ctrl+F"), self), keys.FIND_PATIENT)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)  # from the sidebar too
        shortcut.activated.connect(self.show_find)
        self.status.hide()

    # --- public -----------------------------------------------------------------------------

    def open_patient(self, patient_id: int) -> None:
        """Read the record whole (audited) and show it; unsaved typing is asked about first."""
        if self._holds_typing(patient_id):
            return
        self._say("info", translate("RecordPage", "Opening the patient record…"))
        self._asked += 1
        asked = self._asked  # an answer to an earlier request is dropped (it may come later)
        self.context.run(
            lambda db, actor: patient_record.overview(db, actor, patient_id),
            lambda record: self._show(record) if asked == self._asked else None,
            lambda error: self._failed(error) if asked == self._asked else None,
            owner=self,
        )

    def reload(self) -> None:
        """Read the shown record again (after an action elsewhere changed it); typing not
        saved keeps the record as it is."""
        if (patient := self.view.patient_id()) is not None and not self.view.form.changed():
            self.open_patient(patient)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stack.currentIndex() == RECORD:  # back from the schedule, say: visits moved
            self.reload()

    def unsent_work(self) -> list[str]:
        """Typing on the record not saved (for the close question; it is not journaled)."""
        if self.view.form.changed():
            return [f"{UNSAVED_RECORD} {self.view.title.text()}"]
        return []

    def keep_for_later(self) -> None:
        """Nothing of a record's typing is kept: the close question said so."""

    def show_find(self) -> None:
        self.stack.setCurrentIndex(FIND)
        self.search.focus_search()

    # --- steps ------------------------------------------------------------------------------

    def ask_merge(self) -> None:
        if (patient := self.view.patient_id()) is None:
            return
        open_merge(self, self.context, None, patient, self._merged)

    def ask_course(self) -> None:
        if (record := self.view.record) is None:
            return
        self.course_dialog = open_course(
            self, self.context, from_record(record), clock=self._clock, on_done=self._course_done
        )

    def _course_done(self, _booked: object) -> None:
        self.reload()  # the new visits in the record's list

    def _merged(self, done: MergeDone | UndoDone) -> None:
        self.open_patient(done.surviving.id)  # the record that stays, with what moved to it

    def _show(self, record: PatientRecord) -> None:
        if (survivor := record.patient.merged_into_id) is not None:
            # A merged record lives on only as a pointer: the record that stays is shown.
            self._note = translate(
                "RecordPage", "Record {record} was merged into this record."
            ).format(record=record.patient.mrn)
            self.open_patient(survivor)
            return
        self.leave_bar.hide()
        if record.patient.id != self.view.patient_id():
            self.saved.clear()  # a file of another patient
        self.view.show_record(record)
        self.export_button.show_patient(record.patient.id, record.patient.mrn)
        self.stack.setCurrentIndex(RECORD)
        self._say("info", self._note)  # "" clears what an earlier step said
        self._note = ""
        self.view.tabs.setFocus(Qt.FocusReason.OtherFocusReason)
        self.record_did_open.emit(record.patient.id)

    def _failed(self, error: BaseException) -> None:
        self._say(
            "error",
            translate("RecordPage", "Could not open the record: {message}").format(
                message=failure_text(error)
            ),
        )

    def _exported(self, path: str) -> None:
        self.saved.show_saved(translate("RecordPage", "FHIR export"), Path(path))
        self._say("done", translate("RecordPage", "Saved the patient's FHIR export."))

    def _holds_typing(self, patient_id: int) -> bool:
        """True (and the question asked) when unsaved typing would be left for another."""
        shown = self.view.patient_id()
        if shown is None or not self.view.form.changed() or self._waiting == patient_id:
            self._waiting = None
            return False
        self._waiting = patient_id
        self.leave_bar.ask(self.view.title.text())
        return True

    def _stay(self) -> None:
        self._waiting = None
        self.leave_bar.hide()
        self.stack.setCurrentIndex(RECORD)
        self.view.tabs.setCurrentIndex(0)
        self.view.form.fields.setFocus()
        self.view.form.fields.focusNextChild()

    def _drop_typing(self) -> None:
        patient = self._waiting
        self.leave_bar.hide()
        if patient is not None:
            self.open_patient(patient)  # asked already: _waiting lets it through

    def _say(self, tone: str, text: str) -> None:
        say(self.status, tone, text)
        self.status.setVisible(bool(text))
        self.status_did_change.emit(text)  # "" clears what an earlier step said


class LeaveBar(QFrame):
    """'Changes to this record are not saved' inside the window, never a dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmBar")
        self.setAccessibleName(translate("LeaveBar", "Unsaved changes"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.stay = QPushButton(translate("LeaveBar", "Go back to it"))
        self.stay.setAccessibleName(translate("LeaveBar", "Go back to the unsaved record"))
        self.drop = QPushButton(translate("LeaveBar", "Drop my changes"))
        self.drop.setAccessibleName(
            translate("LeaveBar", "Drop the unsaved changes and open the other record")
        )
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.stay)
        layout.addWidget(self.drop)
        self.hide()

    def ask(self, who: str) -> None:
        self.text.setText(
            translate("LeaveBar", "⚠ Your changes to {who} are not saved yet.").format(who=who)
        )
        self.show()
        self.stay.setFocus()
