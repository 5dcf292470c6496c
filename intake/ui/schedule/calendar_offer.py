"""After a visit is cancelled or moved: its calendar file for the patient, offered under the
status line. A cancellation is an iCalendar CANCEL that takes the visit out of the patient's
calendar; a move a new REQUEST that replaces the old entry (same UID, higher SEQUENCE).

The file choice goes through a replaceable classmethod (`ask_path`), as on the booking
confirmation, so tests answer it without a dialog. The file goes to the Documents folder
unless a full path is chosen, and the note under it says where ("… saved: path", Open folder).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.domain.booking import Visit
from intake.domain.enums import AppointmentStatus
from intake.services import ical_export
from intake.ui import saved_files
from intake.ui.worker import failure_text

if TYPE_CHECKING:
    from intake.ui.schedule.page import SchedulePage


class CalendarOffer(QWidget):
    calendar_was_saved = Signal(str)  # the path written
    save_did_fail = Signal(str)

    def __init__(self, page: SchedulePage) -> None:
        super().__init__()
        self.setObjectName("calendarOffer")
        self.page = page
        self.visit: Visit | None = None
        self.text = QLabel()
        self.text.setObjectName("calendarOfferText")
        self.text.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("calendarOfferButton")
        self.button.clicked.connect(self.save)
        self.saved = saved_files.SavedFileNote()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.saved)
        self.hide()

    @classmethod
    def ask_path(cls, parent: QWidget, title: str, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            title,
            suggested,
            QCoreApplication.translate("CalendarOffer", "Calendar files (*.ics)"),
        )
        return path or None

    def offer(self, visit: Visit) -> None:
        """Offer the visit's file as it now is (its cancellation, or its new time)."""
        self.visit = visit
        self.saved.clear()
        if self._cancelled(visit):
            self.text.setText(
                self.tr(
                    "For the patient's calendar: a cancellation file takes the visit out of it."
                )
            )
            self.button.setText(self.tr("Sa&ve the cancellation (.ics)…"))
            self.button.setAccessibleName(self.tr("Save the cancellation for the patient"))
        else:
            self.text.setText(
                self.tr("For the patient's calendar: the new time replaces the old entry.")
            )
            self.button.setText(self.tr("Sa&ve the new time (.ics)…"))
            self.button.setAccessibleName(self.tr("Save the new time for the patient"))
        self.button.setToolTip(
            self.tr("Save a calendar file to give or send to the patient (Alt+V)")
        )
        self.text.show()
        self.button.show()
        self.show()

    def clear(self) -> None:
        self.visit = None
        self.saved.clear()
        self.hide()

    def save(self) -> None:
        visit = self.visit
        if visit is None:
            return
        cancelled = self._cancelled(visit)
        name = f"appointment-{visit.id}-{visit.local_start:%Y-%m-%d}"
        path = self.ask_path(
            self.page,
            self.tr("Save the cancellation as a calendar file")
            if cancelled
            else self.tr("Save the new time as a calendar file"),
            saved_files.suggested_path(f"{name}-cancelled.ics" if cancelled else f"{name}.ics"),
        )
        if not path:
            return
        target = saved_files.in_documents(path, ".ics")
        self.saved.clear()
        what = self.tr("Cancellation calendar file") if cancelled else self.tr("Calendar file")

        def written(where: str) -> None:
            if self.visit is not visit:
                return  # another visit's offer took its place meanwhile
            self.text.hide()  # the note below says it, in one line less on a small screen
            self.button.hide()
            self.saved.show_saved(what, Path(where))
            self.calendar_was_saved.emit(where)

        def failed(error: BaseException) -> None:
            message = failure_text(error)
            self.page._say("error", self.tr("The calendar file was not saved: %s") % message)
            self.save_did_fail.emit(message)

        self.page._run(lambda _db, _actor: str(ical_export.save(visit, target)), written, failed)

    @staticmethod
    def _cancelled(visit: Visit) -> bool:
        return visit.status == AppointmentStatus.CANCELLED
