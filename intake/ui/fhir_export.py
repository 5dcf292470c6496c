"""FHIR export in the program: one patient's data as a Bundle file (the patient's record and
the review screen), and the bulk export of the admin area, run off the GUI thread with its
progress and a Cancel button. Only an administrator may export (the service checks again)."""

from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.domain.accounts import can
from intake.domain.permissions import Permission
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui import saved_files
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.status_line import say
from intake.ui.words import error_text
from intake.ui.worker import failure_text

if TYPE_CHECKING:
    from intake.services import fhir_export


def may_export(context: UiContext) -> bool:
    return can(context.actor.role, Permission.PRACTICE_ADMIN)


def _names() -> tuple[str, str]:
    """The canonical base and the practice's name, as the settings file says now."""
    from intake.settings import backup_settings, load_settings

    settings = load_settings()
    return settings.fhir_base_url, backup_settings(settings).practice_name


class PatientExportButton(QPushButton):
    """ "Export FHIR…": one patient's record, intakes with their screening, and visits as
    one FHIR Bundle (JSON) in a file the person chooses (Documents by default)."""

    did_save = Signal(str)  # the file written
    did_fail = Signal(str)  # what the person reads

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(translate("PatientExportButton", "Export FHIR…"), parent)
        self.setObjectName("exportFhirButton")
        self.context = context
        self.patient: tuple[int, str] | None = None  # id and record number
        self.setAccessibleName(
            translate("PatientExportButton", "Export this patient's data as a FHIR file")
        )
        if may_export(context):
            self.setToolTip(
                translate(
                    "PatientExportButton",
                    "Save this patient's record, intakes with their screening and "
                    "appointments as one FHIR R4 Bundle (JSON) for another practice or an EHR",
                )
            )
        else:
            self.setEnabled(False)
            self.setToolTip(
                translate(
                    "PatientExportButton", "Only an administrator may export patient data as FHIR."
                )
            )
        self.clicked.connect(self.export)

    @classmethod
    def ask_path(cls, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            translate("PatientExportButton", "Export FHIR"),
            suggested,
            translate("PatientExportButton", "FHIR JSON (*.json)"),
        )
        return path or None

    def show_patient(self, patient_id: int | None, mrn: str = "") -> None:
        """Whose data the button exports (None: an intake nobody's yet, nothing to export)."""
        self.patient = None if patient_id is None else (patient_id, mrn)
        if may_export(self.context):
            self.setEnabled(patient_id is not None)

    def export(self) -> None:
        if self.patient is None or not may_export(self.context):
            return
        patient_id, mrn = self.patient
        name = f"fhir-{mrn or patient_id}-{dt.date.today().isoformat()}.json"
        path = self.ask_path(self, saved_files.suggested_path(name))
        if not path:
            return
        target = saved_files.in_documents(path, ".json")
        self.setEnabled(False)

        def work(database: Database, actor: Actor) -> str:
            # Loaded on first use, on the worker: the FHIR code is big and rarely needed.
            from intake.services import fhir_export

            base_url, practice_name = _names()
            written = fhir_export.save_patient_bundle(
                database,
                actor,
                patient_id,
                target,
                base_url=base_url,
                practice_name=practice_name,
            )
            return str(written)

        self.context.run(work, self._saved, self._failed)

    def _saved(self, path: str) -> None:
        self.setEnabled(self.patient is not None)
        self.did_save.emit(path)

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(self.patient is not None)
        self.did_fail.emit(failure_text(error))


class FhirExportTab(QWidget):
    """The admin area's bulk export: a folder, an optional "changed since" day, a progress
    bar and Cancel. The files appear together when it is done (see services.fhir_export)."""

    status_did_change = Signal(str)
    progress_did_change = Signal(int, int, str)  # from the worker's thread: queued
    did_finish = Signal(object)  # ExportSummary
    did_fail = Signal(str)
    did_cancel = Signal()

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.setObjectName("fhirExportTab")
        self.context = context
        self._cancel: threading.Event | None = None
        intro = QLabel(
            translate(
                "FhirExportTab",
                "Writes patients, intakes with their screening, appointments and the practice's "
                "set-up as FHIR R4 Bulk Data files (one TYPE.ndjson per resource type) for an "
                "EHR, a registry or a payer. The files of an earlier export in the folder are "
                "replaced.",
            )
        )
        intro.setWordWrap(True)
        self.folder = QLineEdit(str(saved_files.documents_folder() / "FHIR export"))
        self.folder.setObjectName("fhirExportFolder")
        self.folder.setAccessibleName(translate("FhirExportTab", "Folder for the export"))
        self.choose = QPushButton(translate("FhirExportTab", "Choose…"))
        self.choose.setAccessibleName(
            translate("FhirExportTab", "Choose the folder for the export")
        )
        self.choose.clicked.connect(self.choose_folder)
        self.only_since = QCheckBox(translate("FhirExportTab", "Only what changed since"))
        self.only_since.setObjectName("fhirExportOnlySince")
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since.setObjectName("fhirExportSince")
        self.since.setAccessibleName(translate("FhirExportTab", "Changed since this day"))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setEnabled(False)
        self.only_since.toggled.connect(self.since.setEnabled)
        self.start = QPushButton(translate("FhirExportTab", "Export"))
        self.start.setObjectName("fhirExportStart")
        self.start.setAccessibleName(translate("FhirExportTab", "Start the FHIR export"))
        self.start.clicked.connect(self.export)
        self.cancel = QPushButton(translate("FhirExportTab", "Cancel"))
        self.cancel.setObjectName("fhirExportCancel")
        self.cancel.setAccessibleName(translate("FhirExportTab", "Cancel the FHIR export"))
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self.stop)
        self.progress = QProgressBar()
        self.progress.setObjectName("fhirExportProgress")
        self.progress.setAccessibleName(translate("FhirExportTab", "Export progress"))
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setObjectName("adminStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("FhirExportTab", "Status"))
        self.saved = saved_files.SavedFileNote()
        self.progress_did_change.connect(self._show_progress)

        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(self.choose)
        when = QHBoxLayout()
        when.addWidget(self.only_since)
        when.addWidget(self.since)
        when.addStretch(1)
        form = QFormLayout()
        form.addRow(translate("FhirExportTab", "Folder"), where)
        form.addRow(translate("FhirExportTab", "Patients"), when)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.saved)
        layout.addStretch(1)

    def load(self) -> None:
        """Nothing to read before the person asks (the admin area calls this on show)."""

    @classmethod
    def ask_folder(cls, parent: QWidget, start: str) -> str | None:
        return (
            QFileDialog.getExistingDirectory(
                parent, translate("FhirExportTab", "Export FHIR to"), start
            )
            or None
        )

    def choose_folder(self) -> None:
        if chosen := self.ask_folder(self, self.folder.text()):
            self.folder.setText(chosen)

    def running(self) -> bool:
        return self._cancel is not None

    def export(self) -> None:
        if self.running():
            return
        text = self.folder.text().strip()
        if not text:
            self._say("error", translate("FhirExportTab", "Choose a folder for the export."))
            return
        folder = saved_files.in_documents(text)
        since = self.since.date().toPython() if self.only_since.isChecked() else None
        cancel = self._cancel = threading.Event()
        report = self.progress_did_change.emit

        def progress(step: fhir_export.ExportProgress) -> None:
            from intake.services import fhir_export

            stopped = fhir_export.ExportCancelled("The export was cancelled; nothing was written.")
            if cancel.is_set():
                raise stopped
            try:
                report(step.overall_done, step.overall_total, step.phase)
            except RuntimeError:  # the tab was closed meanwhile: nobody waits for the files
                raise stopped from None

        def work(database: Database, actor: Actor) -> fhir_export.ExportSummary:
            # Loaded on first use, on the worker: the FHIR code is big and rarely needed.
            from intake.services import fhir_export

            base_url, practice_name = _names()
            return fhir_export.write_export(
                database,
                actor,
                folder,
                base_url=base_url,
                practice_name=practice_name,
                since=since if isinstance(since, dt.date) else None,
                progress=progress,
            )

        self._busy(True)
        self.saved.clear()
        self.progress.setValue(0)
        self._say("info", translate("FhirExportTab", "Exporting…"))
        self.context.run(work, self._done, self._failed)

    def stop(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel.setEnabled(False)
            self._say("info", translate("FhirExportTab", "Cancelling…"))

    def _show_progress(self, done: int, total: int, phase: str) -> None:
        if self._cancel is None:
            return  # a late report of an export already over
        self.progress.setValue(done * 100 // total if total else 100)
        words = {
            "practice": translate("FhirExportTab", "the practice's set-up"),
            "patients": translate("FhirExportTab", "patients"),
            "intakes": translate("FhirExportTab", "intakes"),
            "appointments": translate("FhirExportTab", "appointments"),
        }.get(phase, phase)
        self.status.setText(
            translate("FhirExportTab", "Exporting {what}: {done:,} of {total:,} rows").format(
                what=words, done=done, total=total
            )
        )

    def _done(self, summary: fhir_export.ExportSummary) -> None:
        self._busy(False)
        self.progress.setValue(100)
        counts = ", ".join(f"{n:,} {kind}" for kind, n in summary.counts.items())
        self._say(
            "done",
            translate("FhirExportTab", "Exported {counts}.").format(counts=counts or "nothing"),
        )
        # The note names the folder (the set of files), and "Open folder" opens it.
        self.saved.show_saved(
            translate("FhirExportTab", "FHIR export"), summary.folder / "Patient.ndjson"
        )
        self.saved.text.setText(
            translate("FhirExportTab", "FHIR export saved: {folder}").format(folder=summary.folder)
        )
        self.did_finish.emit(summary)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.progress.setValue(0)
        from intake.services import fhir_export  # loaded by the export's work already

        if isinstance(error, fhir_export.ExportCancelled):
            self._say("info", error_text(error))
            self.did_cancel.emit()
            return
        message = failure_text(error)
        self._say("error", message)
        self.did_fail.emit(message)

    def _busy(self, busy: bool) -> None:
        if not busy:
            self._cancel = None
        for widget in (self.start, self.choose, self.folder, self.only_since):
            widget.setEnabled(not busy)
        self.since.setEnabled(not busy and self.only_since.isChecked())
        self.cancel.setEnabled(busy)

    def _say(self, tone: str, text: str) -> None:
        say(self.status, tone, text)
        self.status_did_change.emit(text)


__all__ = ["FhirExportTab", "PatientExportButton", "may_export"]
